"""How the screens' tables share their width: nothing cut short, nothing scrolling sideways
while there is room."""

from __future__ import annotations

from collections.abc import Collection

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView


def fit_columns(table: QTableView, worded: Collection[int]) -> None:
    """The ``worded`` columns (names, titles, places) share the width the others leave and
    wrap their words, each row as high as its lines; the others are as wide as their
    contents. No column is narrower than the longest title of the worded ones: when even
    that does not fit (a laptop at 150 %), the table scrolls sideways."""
    model = table.model()
    assert model is not None, "the model first"
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in worded]
    widest = max(
        (header.fontMetrics().horizontalAdvance(line) for t in titles for line in t.splitlines()),
        default=0,
    )
    header.setMinimumSectionSize(widest + margin)
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in worded
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    # once the widths have settled (a stretched column's width changes in steps)
    refit = QTimer(table)
    refit.setSingleShot(True)
    refit.setInterval(0)
    refit.timeout.connect(table.resizeRowsToContents)

    def soon(*_args: object) -> None:
        if shiboken6.isValid(refit):  # a model may outlive its table
            refit.start()

    header.sectionResized.connect(soon)
    for change in (model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted):
        change.connect(soon)
