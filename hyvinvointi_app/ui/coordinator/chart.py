"""A small bar chart of one figure over the operating periods: the municipality's trend, or a
unit's. Painted with QPainter in the palette's colours, crisp at any scale; each bar carries
its value as text, and the chart's accessible description reads the values out, so nothing
depends on seeing the bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class TrendChart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._title = ""
        self._bars: list[tuple[str, float, str]] = []
        self._maximum = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def set_series(
        self,
        title: str,
        bars: Sequence[tuple[str, float, str]],
        maximum: float | None = None,
    ) -> None:
        """``bars``: (period, value, the value as text) in period order; ``maximum`` the
        top of the scale (for a share, 1.0), else the largest value."""
        self._title = title
        self._bars = list(bars)
        self._maximum = maximum or max((value for _p, value, _t in self._bars), default=0) or 1.0
        self.setAccessibleDescription(
            title + ": " + "; ".join(f"{period}: {text}" for period, _value, text in self._bars)
        )
        self.update()

    @property
    def bars(self) -> list[tuple[str, float, str]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(320, line * 9)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._title)
        if not self._bars:
            return
        top = area.top() + line * 2.2
        bottom = area.bottom() - line * 1.4
        height = max(bottom - top, 1.0)
        slot = area.width() / len(self._bars)
        width = min(slot * 0.6, line * 4)
        fill = palette.color(QPalette.ColorRole.Highlight)
        for index, (period, value, text) in enumerate(self._bars):
            centre = area.left() + slot * (index + 0.5)
            bar_height = height * max(0.0, min(value / self._maximum, 1.0))
            bar = QRectF(centre - width / 2, bottom - bar_height, width, bar_height)
            painter.fillRect(bar, fill)
            painter.drawText(
                QRectF(centre - slot / 2, bar.top() - line * 1.1, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
            painter.drawText(
                QRectF(centre - slot / 2, bottom + 2, slot, line),
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(period, Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.drawLine(int(area.left()), int(bottom), int(area.right()), int(bottom))
