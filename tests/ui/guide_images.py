"""The user guide's pictures (resources/guide/LANG/images/), made from the screenshots in
docs/screenshots: each scaled to the width the guide shows it at, so that the program
carries small files. Run from the top of the checkout after tests/ui/take_screenshots.py:

    QT_QPA_PLATFORM=offscreen python tests/ui/guide_images.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage

PICTURES = (
    "first-run-unit",
    "meeting-mode",
    "invitation",
    "approval",
    "carry-forward",
    "clock-wheel",
    "reports",
    "restore",
)
WIDTH = 640
"""Pixels: the width the guide shows a picture at (scaled here smoothly, not there)."""


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    shots = Path("docs/screenshots")
    for language in ("fi", "sv"):
        folder = Path("resources/guide") / language / "images"
        folder.mkdir(parents=True, exist_ok=True)
        for name in PICTURES:
            image = QImage(str(shots / f"{name}-{language}.png"))
            if image.isNull():
                print(f"missing: {name}-{language}.png", file=sys.stderr)
                return 1
            if image.width() > WIDTH:
                image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
            image.convertToFormat(QImage.Format.Format_RGB888).save(str(folder / f"{name}.png"))
            print(folder / f"{name}.png")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
