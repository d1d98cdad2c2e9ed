"""Search as the director types: results across periods with the match in bold and typed text
escaped, any input accepted, Enter opens the item in the meeting editor."""

from __future__ import annotations

import datetime as dt
import sys
import threading
import types
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AgendaItemKind
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import agenda, approval, meetings, periods, search
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.store.database import Database, open_database
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.page import EMPTY, LIST, RESULTS, MeetingsPage
from hyvinvointi_app.ui.search.results import DEBOUNCE_MS, HTML_ROLE, HitDelegate, SearchPanel

Typist = Callable[[QWidget, str], None]


class FakeEditor(QWidget):
    back_requested = Signal()
    made: ClassVar[list[FakeEditor]] = []

    def __init__(self, context: object, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.focused: list[int] = []
        self.selected: list[tuple[str, int, int]] = []
        self.memo = object()  # the meeting was read
        FakeEditor.made.append(self)

    def focus_item(self, item_id: int) -> None:
        self.focused.append(item_id)

    def select_text(self, item_id: int | None, field: str, start: int, end: int) -> None:
        self.selected.append((field, start, end))

    def flush(self) -> None:
        pass


@pytest.fixture
def fake_editor(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeEditor]]:
    module = types.ModuleType("hyvinvointi_app.ui.meetings.editor")
    module.MeetingEditor = FakeEditor  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hyvinvointi_app.ui.meetings.editor", module)
    FakeEditor.made = []
    yield FakeEditor


def _search_now(qtbot: QtBot, panel: SearchPanel) -> None:
    """Run the search for the box's text and wait until its results are shown."""
    with qtbot.waitSignal(panel.searched, timeout=5000):
        panel.run()


def _other(memo: MeetingDetail) -> int:
    return next(i.id for i in memo.agenda if i.kind is AgendaItemKind.OTHER_MATTERS)


@pytest.fixture
def memos(window: MainWindow) -> tuple[Database, MeetingDetail, MeetingDetail]:
    """An approved memo of last period and a draft of this one."""
    assert window.context is not None
    db = window.context.database
    current = periods.current_period(db)
    older = periods.add_period(
        db,
        current.start_date.replace(year=current.start_date.year - 1),
        current.end_date.replace(year=current.end_date.year - 1),
    )
    old = meetings.new_meeting(db, older.id, older.start_date + dt.timedelta(days=40))
    agenda.set_item_text(
        db, _other(old), "notes", "Ympäristökasvatus: <b>kompostointi</b> & roskat"
    )
    approval.approve_memo(db, old.id, approved_by="Aino Ahonen")
    new = meetings.new_meeting(db, current.id, current.start_date + dt.timedelta(days=40))
    agenda.set_item_text(db, _other(new), "decision", "Ympäristöpäivä pidetään toukokuussa")
    return db, old, new


def _page(window: MainWindow) -> MeetingsPage:
    window.show_page("meetings")
    page = window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
    return page


def test_results_appear_as_the_user_types(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    qtbot: QtBot,
    typist: Typist,
) -> None:
    _db, old, new = memos
    page = _page(window)
    page.focus_find()
    typist(page.search_box, "ympä")
    assert page.body.currentIndex() == RESULTS
    model = page.search_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=DEBOUNCE_MS * 10)
    first, second = (model.index(row).data(HTML_ROLE) for row in range(2))
    assert "<b>Ympäristöpäivä</b>" in first and new.period_label in first
    assert "<b>Ympäristökasvatus</b>" in second and old.period_label in second
    assert "&lt;b&gt;kompostointi&lt;/b&gt; &amp; roskat" in second
    text = model.index(1).data()
    assert "<" not in text.replace("<b>kompostointi</b>", "") and "Ympäristökasvatus" in text
    assert "2" in page.search_panel.summary.text()


def test_quotes_and_operators_typed_do_no_harm(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    qtbot: QtBot,
    typist: Typist,
) -> None:
    page = _page(window)
    page.focus_find()
    typist(page.search_box, '"AND (ympä* OR')
    nothing = _("No memo contains “{text}”.").split("{")[0][:-1]
    # the search runs in a worker thread after the pause: wait for its answer, however busy
    # the machine is
    qtbot.waitUntil(lambda: nothing in page.search_panel.summary.text(), timeout=DEBOUNCE_MS * 20)
    assert page.search_panel.model.rowCount() == 0
    page.search_box.clear()
    typist(page.search_box, 'ympä"')
    qtbot.waitUntil(lambda: page.search_panel.model.rowCount() == 2, timeout=DEBOUNCE_MS * 10)


def test_enter_opens_the_item_and_escape_returns_to_the_list(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    fake_editor: type[FakeEditor],
    typist: Typist,
    qtbot: QtBot,
) -> None:
    _db, old, _new = memos
    page = _page(window)
    window.activateWindow()
    page.focus_find()
    typist(page.search_box, "kompost")
    QTest.keyClick(page.search_box, Qt.Key.Key_Return)  # searches now, then to the results
    qtbot.waitUntil(page.search_panel.view.hasFocus, timeout=5000)
    assert page.search_panel.model.rowCount() == 1
    QTest.keyClick(page.search_panel.view, Qt.Key.Key_Return)
    editor = fake_editor.made[-1]
    assert (editor.meeting_id, editor.focused) == (old.id, [_other(old)])
    editor.back_requested.emit()
    assert page.body.currentIndex() == RESULTS  # the search stays for the next result
    page.search_box.setFocus()
    QTest.keyClick(page.search_box, Qt.Key.Key_Escape)
    assert page.search_box.text() == ""
    assert page.body.currentIndex() in (LIST, EMPTY)


def test_down_arrow_moves_from_the_box_to_the_results(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    typist: Typist,
    qtbot: QtBot,
) -> None:
    page = _page(window)
    window.activateWindow()
    page.focus_find()
    typist(page.search_box, "ympä")
    QTest.keyClick(page.search_box, Qt.Key.Key_Down)  # before the search has answered
    qtbot.waitUntil(page.search_panel.view.hasFocus, timeout=5000)
    assert page.search_panel.model.rowCount() == 2
    assert page.search_panel.view.currentIndex().row() == 0


def test_typing_on_before_the_answer_comes_keeps_the_cursor_in_the_box(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    qtbot: QtBot,
) -> None:
    page = _page(window)
    window.activateWindow()
    page.focus_find()
    panel = page.search_panel
    page.search_box.setText("ympä")
    QTest.keyClick(page.search_box, Qt.Key.Key_Down)  # to the results once they come
    page.search_box.setText("toukokuu")  # typed on before they came: they are not wanted
    with qtbot.waitSignal(panel.searched, timeout=5000):
        pass  # the search for the new text, after the typing pause
    assert page.search_box.hasFocus()
    assert panel.model.rowCount() == 1 and panel.result is not None
    assert panel.result.query == "toukokuu"


def test_results_follow_changes_in_the_data(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    typist: Typist,
    qtbot: QtBot,
) -> None:
    db, _old, new = memos
    page = _page(window)
    page.focus_find()
    typist(page.search_box, "toukokuu")
    _search_now(qtbot, page.search_panel)
    assert page.search_panel.model.rowCount() == 1
    agenda.set_item_text(db, _other(new), "decision", "Päivä siirtyy kesäkuulle")
    with qtbot.waitSignal(page.search_panel.searched, timeout=5000):
        window.context.data_changed.emit()  # type: ignore[union-attr]
    assert page.search_panel.model.rowCount() == 0


def test_many_results_are_measured_a_few_at_a_time(window: MainWindow, qtbot: QtBot) -> None:
    """A one-letter search of ten years' memos finds hundreds of items: measuring each one's
    rich text at once stalled typing for 80-180 ms; now a batch is laid out per event-loop
    turn, and every result still gets its place."""
    assert window.context is not None
    db = window.context.database
    period = periods.current_period(db)
    for number in range(12):
        memo = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=number))
        for item in memo.agenda:
            agenda.set_item_text(db, item.id, "notes", f"Kasvattajat keskustelivat {number}")
    measured: list[int] = []

    class Counting(HitDelegate):
        def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
            measured.append(index.row())
            return super().sizeHint(option, index)

    page = _page(window)
    panel = page.search_panel
    panel.view.setItemDelegate(Counting(panel.view))
    measured_when_shown: list[int] = []
    panel.searched.connect(lambda: measured_when_shown.append(len(measured)))
    page.search_box.setText("k")
    _search_now(qtbot, panel)
    total = panel.model.rowCount()
    assert total > 60
    (measured_at_once,) = measured_when_shown
    assert measured_at_once <= 2 * panel.view.batchSize()  # the rest waits for the event loop
    qtbot.waitUntil(lambda: set(measured) >= set(range(total)), timeout=5000)
    assert panel.view.currentIndex().row() == 0
    page.search_box.clear()
    panel.run()  # no layout left pending when the window closes


def test_the_search_runs_beside_the_window_and_only_its_latest_answer_shows(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A one-letter search of ten years took 30-40 ms on the GUI thread, felt between two
    keys; now the window goes on while it runs, and an answer overtaken by newer typing is
    never shown."""
    threads: list[threading.Thread] = []
    searching = search.search

    def noting_the_thread(db: Database, text: str, **filters: Any) -> search.SearchResult:
        threads.append(threading.current_thread())
        return searching(db, text, **filters)

    monkeypatch.setattr(search, "search", noting_the_thread)
    page = _page(window)
    panel = page.search_panel
    shown: list[tuple[str, int]] = []
    panel.searched.connect(lambda: shown.append((panel.summary.text(), panel.model.rowCount())))
    page.search_box.setText("ympä")
    panel.run()
    page.search_box.setText("toukokuu")
    _search_now(qtbot, panel)
    qtbot.wait(50)  # the first search's answer came too, and was dropped
    assert len(threads) == 2 and threading.main_thread() not in threads
    assert [rows for _text, rows in shown] == [1]
    assert not panel.searching


def test_closing_the_file_lets_a_running_search_end_first(
    window: MainWindow,
    memos: tuple[Database, MeetingDetail, MeetingDetail],
    qtbot: QtBot,
) -> None:
    page = _page(window)
    panel = page.search_panel
    path = window.context.path  # type: ignore[union-attr]
    shown: list[bool] = []
    panel.searched.connect(lambda: shown.append(True))
    page.search_box.setText("k")
    panel.run()
    window.close()  # the file closes while the search may still run
    assert panel.pool.activeThreadCount() == 0
    qtbot.wait(50)
    assert shown == []
    with open_database(path) as again:  # closed and unlocked: nothing holds it open
        assert search.search(again, "ympä").total == 2
