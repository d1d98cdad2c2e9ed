"""The list pages' table: a record chosen whole, Enter or a double click opens it, Delete
asks to remove it, and the choice is read and set by record through a filter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.table_model import Index, RowsModel


@dataclass(frozen=True)
class Plan:
    id: int
    name: str


class Plans(RowsModel[Plan]):
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell_row(index)
        return row.name if row is not None and role == Qt.ItemDataRole.DisplayRole else None


def _table(qtbot: QtBot) -> tuple[RecordTable[Plan], QSortFilterProxyModel, list[str]]:
    model = Plans(["Suunnitelma"])
    model.set_rows([Plan(7, "Turvallisuussuunnitelma"), Plan(9, "Tasa-arvosuunnitelma")])
    shown = QSortFilterProxyModel()
    shown.setSourceModel(model)
    table = RecordTable(model, "Suunnitelmat", shown=shown)
    qtbot.addWidget(table)
    table.show()
    heard: list[str] = []
    table.opened.connect(lambda: heard.append("opened"))
    table.removing.connect(lambda: heard.append("removing"))
    table.chosen.connect(lambda: heard.append("chosen"))
    return table, shown, heard


def test_a_record_is_chosen_and_opened_by_the_keyboard_and_the_mouse(qtbot: QtBot) -> None:
    table, _shown, heard = _table(qtbot)
    assert table.chosen_record() is None
    QTest.keyClick(table, Qt.Key.Key_Return)  # nothing chosen: nothing to open
    assert "opened" not in heard
    assert table.choose(9)
    assert table.chosen_record() == Plan(9, "Tasa-arvosuunnitelma")
    assert "chosen" in heard
    QTest.keyClick(table, Qt.Key.Key_Return)
    QTest.keyClick(table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    QTest.keyClick(table, Qt.Key.Key_Delete)
    assert heard.count("opened") == 2 and heard.count("removing") == 1
    cell = table.visualRect(table.model().index(0, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # click's halves
    assert heard.count("opened") == 3
    assert table.chosen_record() == Plan(7, "Turvallisuussuunnitelma")


def test_the_choice_goes_through_the_filter(qtbot: QtBot) -> None:
    table, shown, _heard = _table(qtbot)
    shown.sort(0, Qt.SortOrder.AscendingOrder)  # the second record comes first
    table.choose_first()
    assert table.chosen_record() == Plan(9, "Tasa-arvosuunnitelma")
    shown.setFilterFixedString("Turvallisuus")
    assert not table.choose(9)  # filtered out: not chosen
    assert table.choose(7)
    assert table.chosen_record() == Plan(7, "Turvallisuussuunnitelma")
    assert not table.choose(None)


def test_one_choice_is_said_once_and_unused_keys_go_on(qtbot: QtBot) -> None:
    """A click moved the current row before selecting it: the page heard "nothing chosen",
    then the row, and every arrow key redrew the page twice."""
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QWidget

    class Parent(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.keys: list[int] = []

        def keyPressEvent(self, event: QKeyEvent) -> None:
            self.keys.append(event.key())

    parent = Parent()
    qtbot.addWidget(parent)
    model = Plans(["Suunnitelma"])
    model.set_rows([Plan(7, "Turvallisuussuunnitelma"), Plan(9, "Tasa-arvosuunnitelma")])
    table = RecordTable(model, "Suunnitelmat", parent)
    parent.show()
    chosen: list[Plan | None] = []
    table.chosen.connect(lambda: chosen.append(table.chosen_record()))
    cell = table.visualRect(model.index(1, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert chosen == [Plan(9, "Tasa-arvosuunnitelma")]
    QTest.keyClick(table, Qt.Key.Key_Up)
    assert chosen == [Plan(9, "Tasa-arvosuunnitelma"), Plan(7, "Turvallisuussuunnitelma")]
    QTest.keyClick(table, Qt.Key.Key_Delete)  # nobody removes plans here: the key goes on
    assert parent.keys == [Qt.Key.Key_Delete]
