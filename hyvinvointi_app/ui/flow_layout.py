"""A row of buttons that wraps onto the next line when the window is narrow (a laptop at 150 %
scaling, a long Swedish label) instead of making the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping at the right edge; ``addStretch`` pushes the items after
    it to the right end of their line. Its height follows its width (heightForWidth)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch_at: int | None = None
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- what QLayout asks ----------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addStretch(self, _stretch: int = 1) -> None:
        """The items added after this go to the right end of the lines they end up on."""
        self._stretch_at = len(self._items)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        if self._stretch_at is not None and index < self._stretch_at:
            self._stretch_at -= 1
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """As narrow as the widest item: the others wrap below it."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- placing --------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not _hidden(item)]

    def _gap(self) -> int:
        return max(0, self.spacing())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items line by line within ``rect``; returns the height used."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        lines: list[list[tuple[int, QLayoutItem]]] = [[]]
        x = 0
        for index, item in enumerate(self._items):
            if _hidden(item):
                continue
            width = item.sizeHint().width()
            if lines[-1] and x + width > area.width():
                lines.append([])
                x = 0
            lines[-1].append((index, item))
            x += width + gap
        y = area.y()
        for line in lines:
            height = max((item.sizeHint().height() for _i, item in line), default=0)
            if move:
                self._place(line, area, y, height, gap)
            y += height + gap
        return max(0, y - gap - area.y()) + margins.top() + margins.bottom()

    def _place(
        self, line: list[tuple[int, QLayoutItem]], area: QRect, y: int, height: int, gap: int
    ) -> None:
        """Left to right; the items after the stretch right-aligned at the line's end."""
        at = self._stretch_at
        split = next((n for n, (i, _item) in enumerate(line) if at is not None and i >= at), None)
        left, right = (line, []) if split is None else (line[:split], line[split:])
        x = area.x()
        for _i, item in left:
            size = item.sizeHint()
            item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
            x += size.width() + gap
        x = area.right() + 1
        for _i, item in reversed(right):
            size = item.sizeHint()
            x -= size.width()
            item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
            x -= gap


def _hidden(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and widget.isHidden()
