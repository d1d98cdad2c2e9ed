"""The small layout parts that keep texts whole: a wrapping label, a wrapping button row."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.form_parts import WrappedLabel


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_wrapped_label_is_as_high_as_its_lines_at_any_width(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    label = WrappedLabel("sana " * 80, window)
    layout.addWidget(label)
    layout.addStretch(1)
    window.resize(200, 800)
    window.show()
    settle()
    narrow = label.height()
    assert narrow >= label.heightForWidth(label.width()) > 100
    window.resize(900, 800)
    settle()
    assert label.height() == label.heightForWidth(label.width()) < narrow  # it shrinks back
    label.setText("lyhyt")
    settle()
    assert label.height() == label.fontMetrics().height()


def test_a_button_row_wraps_and_keeps_the_right_aligned_ones_right(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = FlowLayout(window)
    left = [QPushButton(f"Painike numero {n}", window) for n in range(4)]
    right = QPushButton("Oikealla", window)
    for button in left:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(right)
    window.resize(2000, 200)
    window.show()
    settle()
    tops = {b.geometry().top() for b in [*left, right]}
    assert len(tops) == 1  # room for all on one line
    assert right.geometry().right() == window.width() - 1
    window.resize(left[0].sizeHint().width() + 20, 600)
    settle()
    assert len({b.geometry().top() for b in left}) == 4  # one a line
    assert right.geometry().top() > left[-1].geometry().top()
    assert right.geometry().right() == window.width() - 1  # still right-aligned
    for button in [*left, right]:
        assert button.geometry().width() >= button.sizeHint().width()
        assert button.geometry().right() < window.width()
    assert window.minimumSizeHint().width() <= max(b.sizeHint().width() for b in left)
    assert row.heightForWidth(window.width()) >= 5 * left[0].sizeHint().height()


def test_worded_columns_hold_their_longest_word_and_share_what_is_left(qtbot: QtBot) -> None:
    """A column of words once shared the width equally with the others, and at 150 % a
    long Finnish compound was broken mid-word."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from hyvinvointi_app.ui.tables import fit_columns

    long_word = "Yhdenvertaisuussuunnitelma"
    model = QStandardItemModel(2, 3)
    model.setHorizontalHeaderLabels(["Nimi", "Päivä", "Huomautus"])
    for row, cells in enumerate(
        [(long_word, "1.1.2027", "lyhyt"), ("Kiusaamisen ehkäisyn malli", "2.2.2027", "sana " * 12)]
    ):
        for column, text in enumerate(cells):
            model.setItem(row, column, QStandardItem(text))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_columns(table, (0, 2))
    table.resize(700, 300)
    table.show()
    word = table.fontMetrics().horizontalAdvance(long_word)
    qtbot.waitUntil(lambda: table.columnWidth(0) > word)
    settle()
    widths = [table.columnWidth(c) for c in range(3)]
    assert sum(widths) <= table.viewport().width()  # no scrolling sideways while there is room
    assert widths[2] > widths[0]  # the longer texts get the larger share
    narrow = 2 * word + 40  # narrow: the words stay whole (the table scrolls if it must)
    table.resize(narrow, 300)
    qtbot.waitUntil(lambda: table.viewport().width() < narrow)
    settle()
    assert table.columnWidth(0) > word
    # but a "word" longer than half the table (a path, a web address) breaks instead
    model.setItem(0, 2, QStandardItem("\\\\palvelin\\yksikko\\" + "kansio\\" * 30))
    qtbot.waitUntil(lambda: table.columnWidth(2) <= table.viewport().width() // 2 + 20)


def test_optional_columns_step_aside_on_a_narrow_table_and_come_back(qtbot: QtBot) -> None:
    """At 150 % the plans table scrolled sideways: what only the record's dialog needs
    (the document's location, the version) now makes room for what the list is for."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from hyvinvointi_app.ui.tables import fit_columns

    model = QStandardItemModel(1, 4)
    model.setHorizontalHeaderLabels(["Suunnitelma", "Versio", "Seuraava tarkistus", "Sijainti"])
    cells = ("Yhdenvertaisuussuunnitelma", "2024", "1.1.2027", "Kansio\\Suunnitelmat\\2024")
    for column, text in enumerate(cells):
        model.setItem(0, column, QStandardItem(text))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    fit_columns(table, (0, 3), optional=(3, 1))
    table.resize(900, 200)
    table.show()
    settle()
    assert not any(table.isColumnHidden(c) for c in range(4))
    word = table.fontMetrics().horizontalAdvance(cells[0])
    table.resize(word + table.columnWidth(2) + 60, 200)  # the plan and its review only
    qtbot.waitUntil(lambda: table.isColumnHidden(3) and table.isColumnHidden(1))
    settle()
    shown = [c for c in range(4) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    table.resize(900, 200)
    qtbot.waitUntil(lambda: not table.isColumnHidden(3) and not table.isColumnHidden(1))
