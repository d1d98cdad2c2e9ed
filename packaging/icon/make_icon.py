"""Draws the application icon and writes it to resources/icons/ (PNGs and a Windows .ico).

The icon is the project's own work, drawn here with QPainter: a warm yellow heart over three
people, white on a deep teal rounded square. At 24 px and below only the heart is drawn, so
that it stays recognisable. Run it again after changing the design:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icon/make_icon.py

The files it writes are committed; a build only reads them.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows uses up to 256 px

BACKGROUND = QColor("#146b7f")  # deep teal; white on it has a contrast of about 6:1
FOREGROUND = QColor("#ffffff")
HEART = QColor("#ffd166")  # warm yellow
GRID = 256.0
"""Everything is drawn on a 256 × 256 grid and scaled."""
CORNER = 52.0


def heart_path(centre_x: float, top: float, width: float) -> QPainterPath:
    """A symmetric heart ``width`` wide whose notch is at (centre_x, top)."""
    w = width
    h = w * 0.88
    x = centre_x
    path = QPainterPath(QPointF(x, top + h * 0.26))
    path.cubicTo(
        x - w * 0.06, top - h * 0.02, x - w * 0.50, top - h * 0.02, x - w * 0.50, top + h * 0.30
    )
    path.cubicTo(x - w * 0.50, top + h * 0.58, x - w * 0.16, top + h * 0.76, x, top + h)
    path.cubicTo(
        x + w * 0.16, top + h * 0.76, x + w * 0.50, top + h * 0.58, x + w * 0.50, top + h * 0.30
    )
    path.cubicTo(x + w * 0.50, top - h * 0.02, x + w * 0.06, top - h * 0.02, x, top + h * 0.26)
    path.closeSubpath()
    return path


def person(painter: QPainter, centre_x: float, head_y: float, radius: float, gap: float) -> None:
    """A person: a round head over rounded shoulders, with a ``gap`` wide ring of background
    colour round it so that people standing in front of others stay apart."""
    for grow, colour in ((gap, BACKGROUND), (0.0, FOREGROUND)):
        if grow == 0.0 or gap > 0:
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(centre_x, head_y), radius + grow, radius + grow)
            top = head_y + radius * 1.3 - grow
            width = radius * 3.0 + 2 * grow
            rounding = radius * 1.35 + grow
            painter.drawRoundedRect(
                QRectF(centre_x - width / 2, top, width, radius * 4.0), rounding, rounding
            )


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / GRID, size / GRID)
    painter.setPen(Qt.PenStyle.NoPen)

    margin = 8.0 if size >= 32 else 0.0  # small icons use every pixel
    square = QRectF(margin, margin, GRID - 2 * margin, GRID - 2 * margin)
    outline = QPainterPath()
    outline.addRoundedRect(square, CORNER, CORNER)
    painter.setBrush(BACKGROUND)
    painter.drawPath(outline)

    if size <= 24:
        painter.setBrush(HEART)
        painter.drawPath(heart_path(GRID / 2, 62, 196))
    else:
        # The people stand on the square's lower edge, clipped to its rounded shape.
        painter.setClipPath(outline)
        person(painter, 70, 140, 24, 0)
        person(painter, 186, 140, 24, 0)
        person(painter, 128, 154, 29, 9)
        painter.setClipping(False)
        painter.setBrush(HEART)
        painter.drawPath(heart_path(GRID / 2, 36, 96))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A classic icon entry that every reader of .ico files understands: a BITMAPINFOHEADER
    (height doubled for the mask), 32-bit BGRA rows bottom-up, then the 1-bit AND mask."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = [
        b"".join(struct.pack("<I", argb.pixel(x, y)) for x in range(size))  # B, G, R, A
        for y in range(size - 1, -1, -1)
    ]
    mask_row = bytes(((size + 31) // 32) * 4)  # all zero: the alpha channel decides
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """An .ico with one entry per size: bitmaps below 256 px, PNG at 256 px (as Windows'
    own icons do)."""
    entries = [
        (size, png_bytes(image) if size >= 256 else dib_bytes(image))
        for size, image in sorted(images.items())
    ]
    directory = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    blobs = b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 stands for 256 in an icon directory
        directory += struct.pack(
            "<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs)
        )
        blobs += blob
    return directory + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (OUT / f"hyvinvointi-{size}.png").write_bytes(png_bytes(images[size]))
    (OUT / "hyvinvointi.ico").write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    print(f"wrote {len(PNG_SIZES)} PNGs and hyvinvointi.ico to {OUT.relative_to(ROOT)}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
