"""The table of a list page: the records of one kind, one per row (members, meetings, plans,
operating periods, result cards and their checkpoints).

A row is chosen whole and never edited in place; Tab leaves the table instead of walking its
cells. Enter or a double click opens the chosen record (:attr:`RecordTable.opened`), Delete
asks the page to remove it (:attr:`RecordTable.removing`, where the page offers that: the
meetings ask first), and
:attr:`RecordTable.chosen` tells the page to update its buttons. The page reads and sets
the choice by record, not by row: :meth:`RecordTable.chosen_record`, :meth:`RecordTable.choose`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QItemSelectionModel,
    QMetaMethod,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from hyvinvointi_app.ui.table_model import RowsModel

R = TypeVar("R")

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class RecordTable(QTableView, Generic[R]):
    opened = Signal()
    """Enter or a double click on a chosen row: open (or edit) its record."""
    removing = Signal()
    """Delete on a chosen row: the page may ask whether to remove its record."""
    chosen = Signal()
    """Another record, or none, is chosen."""

    def __init__(
        self,
        rows: RowsModel[R],
        name: str,
        parent: QWidget | None = None,
        *,
        shown: QSortFilterProxyModel | None = None,
        open_keys: Collection[Qt.Key] = OPEN_KEYS,
    ) -> None:
        """``rows`` holds the records; ``shown``, when given, filters or sorts them for the
        table. ``open_keys``: the keys that open a record (F2 too, where it edits)."""
        super().__init__(parent)
        self.rows = rows
        self._shown = shown
        self._open_keys = frozenset(open_keys)
        self.setModel(shown if shown is not None else rows)
        self.setAccessibleName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.doubleClicked.connect(self._double_clicked)
        self._chosen: object = None
        selection = self.selectionModel()
        selection.selectionChanged.connect(self._choice_moved)
        selection.currentRowChanged.connect(self._choice_moved)

    def _choice_moved(self, *_args: object) -> None:
        """Say :attr:`chosen` once per new choice: not for both of Qt's signals of one click,
        nor for the moment in between when the clicked row is current but not yet selected."""
        selection = self.selectionModel()
        current = selection.currentIndex()
        if selection.hasSelection() and not (
            current.isValid() and selection.isRowSelected(current.row(), QModelIndex())
        ):
            return
        record = self.chosen_record()
        if record == self._chosen:
            return
        self._chosen = record
        self.chosen.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Delete act on the chosen record where the page listens for them; else
        they go on as usual."""
        if event.modifiers() in _PLAIN and self.chosen_record() is not None:
            for keys, signal in (
                (self._open_keys, self.opened),
                ({Qt.Key.Key_Delete}, self.removing),
            ):
                if event.key() in keys and self.isSignalConnected(QMetaMethod.fromSignal(signal)):
                    event.accept()
                    signal.emit()
                    return
        super().keyPressEvent(event)

    def _source(self, index: QModelIndex) -> QModelIndex:
        return self._shown.mapToSource(index) if self._shown is not None else index

    def chosen_record(self) -> R | None:
        """The record of the chosen row; None when no row is chosen."""
        selection = self.selectionModel()
        index = selection.currentIndex()
        if not index.isValid() or not selection.isRowSelected(index.row(), QModelIndex()):
            return None
        return self.rows.row_at(self._source(index).row())

    def choose(self, record_id: int | None, column: int = 0) -> bool:
        """Choose the row of the record and show it; False when the table does not show it
        (then nothing changes)."""
        row = None if record_id is None else self.rows.row_of(record_id)
        if row is None:
            return False
        index = self.rows.index(row, column)
        if self._shown is not None:
            index = self._shown.mapFromSource(index)
            if not index.isValid():  # filtered out
                return False
        self.choose_index(index)
        return True

    def choose_first(self) -> None:
        """Choose the first row shown, if any."""
        model = self.model()
        if model.rowCount() > 0:
            self.choose_index(model.index(0, 0))

    def choose_index(self, index: QModelIndex) -> None:
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
