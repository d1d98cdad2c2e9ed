"""How the screens' tables share their width: nothing cut short, nothing scrolling sideways
while there is room."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

ROWS_MEASURED = 50
"""The rows whose words a column is measured by (the screens' tables show fewer at once)."""


def fit_columns(table: QTableView, worded: Collection[int], optional: Sequence[int] = ()) -> None:
    """The ``worded`` columns (names, titles, places) share the width the others leave and
    wrap their words, each row as high as its lines; the others are as wide as their
    contents. A worded column is never narrower than its title or its longest word, and of
    the width left over each gets a share by how much longer its texts are. When even the
    titles and the longest words do not fit (a laptop at 150 %), the ``optional`` columns
    step aside, the first first, and come back when the table is wide again (what they
    show is in the record's own dialog); only then does the table scroll sideways."""
    model = table.model()
    assert model is not None, "the model first"
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Fixed
            if column in worded
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    _Sharing(table, tuple(worded), tuple(optional))


class _Sharing(QObject):
    """Sets the worded columns' widths whenever the table's width or its rows change, then
    the rows' heights once the widths have settled."""

    def __init__(
        self, table: QTableView, worded: tuple[int, ...], optional: tuple[int, ...]
    ) -> None:
        super().__init__(table)
        self.table = table
        self.worded = worded
        self.optional = optional
        self.aside_widths: dict[int, int] = {}
        """The widths the optional columns had when they stepped aside (a hidden column's
        own size hint is 0)."""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.share)
        table.viewport().installEventFilter(self)
        model = table.model()
        for change in (
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            change.connect(self.soon)
        table.horizontalHeader().sectionResized.connect(self._resized)
        self.soon()

    def soon(self, *_args: object) -> None:
        if shiboken6.isValid(self.timer):  # a model may outlive its table
            self.timer.start()

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column not in self.worded:  # a column sized to its contents changed
            self.soon()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.soon()
        return False

    def share(self) -> None:
        table, model = self.table, self.table.model()
        header = table.horizontalHeader()
        if model is None:
            return
        aside = set(self.optional) & {
            c for c in range(model.columnCount()) if table.isColumnHidden(c)
        }
        shown = [c for c in self.worded if not table.isColumnHidden(c) or c in aside]
        if not shown:
            return
        cell = table.fontMetrics()
        padding = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 4
        title_margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4

        def titled(column: int) -> int:
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = title.splitlines()
            return max((header.fontMetrics().horizontalAdvance(x) for x in lines), default=0)

        least: dict[int, int] = {}
        longest: dict[int, int] = {}
        for column in shown:
            texts = [
                str(model.index(row, column).data() or "")
                for row in range(min(model.rowCount(), ROWS_MEASURED))
            ]
            word = max(
                (cell.horizontalAdvance(w) for text in texts for w in text.split()), default=0
            )
            line = max(
                (cell.horizontalAdvance(part) for text in texts for part in text.splitlines()),
                default=0,
            )
            # a "word" longer than half the table (a path or a web address) breaks instead
            word = min(word, table.viewport().width() // 2)
            least[column] = max(titled(column) + title_margin, word + padding)
            longest[column] = max(least[column], line + padding)
        others = {
            c: max(
                self.aside_widths.get(c, 0),
                titled(c) + title_margin,
                table.sizeHintForColumn(c),
            )
            if c in aside
            else header.sectionSize(c)
            for c in range(model.columnCount())
            if c not in self.worded and (c in aside or not table.isColumnHidden(c))
        }
        room = table.viewport().width()
        # A column comes back only with room to spare for the scroll bar its taller rows may
        # bring; else it would step aside again when the bar appears, and back, for ever.
        bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        back = room - (0 if table.verticalScrollBar().isVisible() else bar)
        needed = {**others, **least}
        stepping_aside = set()
        for column in self.optional:
            if sum(needed.values()) <= (back if aside else room):
                break
            stepping_aside.add(column)
            needed.pop(column, None)
        for column in self.optional:
            if table.isColumnHidden(column) != (column in stepping_aside):
                if column in stepping_aside and column not in self.worded:
                    self.aside_widths[column] = header.sectionSize(column)
                table.setColumnHidden(column, column in stepping_aside)
        shown = [c for c in shown if c not in stepping_aside]
        least = {c: least[c] for c in shown}
        longest = {c: longest[c] for c in shown}
        free = room - sum(w for c, w in others.items() if c not in stepping_aside)
        widths = dict(least)
        spare = free - sum(least.values())
        if spare > 0:
            wants = {c: longest[c] - least[c] for c in shown}
            wanted = sum(wants.values())
            for column in shown:
                if wanted >= spare:  # not room for every line whole: by how much each wants
                    widths[column] += spare * wants[column] // wanted
                else:  # every line whole, and the rest shared alike
                    widths[column] += wants[column] + (spare - wanted) // len(shown)
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        table.resizeRowsToContents()
