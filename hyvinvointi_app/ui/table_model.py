"""What every table of the screens shares: rows of one view type, replaced whole; one title
per column, read when the model is built (a screen is built anew when the language changes);
a row found by its record's id. A screen's model adds only what its cells show (``data``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel, Generic[R]):
    """A flat table of ``R`` rows under ``headers``; columns in ``right_aligned`` (numbers)
    align right, the others left."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QObject | None = None,
        *,
        right_aligned: Collection[int] = (),
    ) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self._right_aligned = frozenset(right_aligned)
        self._rows: list[R] = []

    @property
    def rows(self) -> Sequence[R]:
        return self._rows

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def record_id(self, row: R) -> int:
        """The id of the record a row shows (the view's ``id``)."""
        record_id: int = getattr(row, "id")  # noqa: B009 - every view row has one
        return record_id

    def row_of(self, record_id: int) -> int | None:
        return next(
            (i for i, row in enumerate(self._rows) if self.record_id(row) == record_id), None
        )

    def alignment(self, column: int) -> int:
        horizontal = (
            Qt.AlignmentFlag.AlignRight
            if column in self._right_aligned
            else Qt.AlignmentFlag.AlignLeft
        )
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(section)
        return None

    def cell_row(self, index: Index) -> R | None:
        """The row behind a cell, or None for an invalid index."""
        return self.row_at(index.row()) if index.isValid() else None
