"""The search of everything written as the director uses it: Ctrl+K or Ctrl+F on any screen,
results grouped by kind while typing, filters by kind and period, and Enter opening the
record on its screen at the words that matched."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AgendaItemKind, SearchKind
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.services import agenda, meetings, periods
from hyvinvointi_app.services.search import SearchField, SearchHit
from hyvinvointi_app.ui.cards.page import CardsPage
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.meetings.page import MeetingsPage
from hyvinvointi_app.ui.plans.page import PlansPage
from hyvinvointi_app.ui.search.window import SearchWindow


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hyvinvointi_app.services.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, language="fi", years=2, today=dt.date(2026, 11, 23))
    return path


@pytest.fixture
def demo_window(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[MainWindow]:
    path = tmp_path / "unit.sqlite"
    shutil.copyfile(demo_file, path)
    path.chmod(0o600)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    assert main.open_database(path) is None
    yield main
    main.close()


def _search(qtbot: QtBot, window: MainWindow, text: str) -> SearchWindow:
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = window._search_window
    assert search is not None and search.isVisible()
    with qtbot.waitSignal(search.panel.searched, timeout=5000):
        search.box.setText(text)
        search.panel.run()
    return search


def _hits(search: SearchWindow) -> list[SearchHit]:
    model = search.panel.model
    return [hit for row in range(model.rowCount()) if (hit := model.hit_at(row))]


def _open(qtbot: QtBot, search: SearchWindow, wanted: SearchHit) -> None:
    model = search.panel.model
    row = next(r for r in range(model.rowCount()) if model.hit_at(r) is wanted)
    search.panel.view.setCurrentIndex(model.index(row))
    search.panel.view.setFocus()
    QTest.keyClick(search.panel.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not search.isVisible(), timeout=3000)
    main = search.parentWidget()
    assert main is not None
    qtbot.waitUntil(main.isActiveWindow, timeout=3000)  # the main window takes the keyboard


def test_ctrl_f_and_ctrl_k_open_the_search_on_any_screen(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    for screen, key in (("members", Qt.Key.Key_F), ("clock", Qt.Key.Key_K)):
        demo_window.show_page(screen)
        QTest.keyClick(demo_window, key, Qt.KeyboardModifier.ControlModifier)
        search = demo_window._search_window
        assert search is not None and search.isVisible()
        qtbot.waitUntil(lambda s=search: QApplication.focusWidget() is s.box, timeout=3000)
        QTest.keyClick(search.box, Qt.Key.Key_Escape)  # the search window goes away
        qtbot.waitUntil(lambda s=search: not s.isVisible(), timeout=3000)
        demo_window.activateWindow()
        qtbot.waitUntil(demo_window.isActiveWindow, timeout=3000)
    assert search.box.accessibleName() and search.panel.view.accessibleName()
    assert search.kind_box.accessibleName() and search.period_box.accessibleName()


def test_results_come_grouped_by_kind_and_the_arrows_pass_the_headings(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    search = _search(qtbot, demo_window, "turvallisuudesta")
    model = search.panel.model
    headings = [
        str(model.index(row).data()) for row in range(model.rowCount()) if model.hit_at(row) is None
    ]
    kinds = [hit.kind for hit in _hits(search)]
    assert len(set(kinds)) >= 3, kinds
    assert kinds == sorted(kinds, key=list(SearchKind).index)  # grouped, in the kinds' order
    assert headings[0].startswith(label(kinds[0]))
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsSelectable
    view = search.panel.view
    search.box.setFocus()
    QTest.keyClick(search.box, Qt.Key.Key_Down)
    assert view.hasFocus() and model.hit_at(view.currentIndex().row()) is not None
    second_group = next(row for row in range(1, model.rowCount()) if model.hit_at(row) is None)
    view.setCurrentIndex(model.index(second_group - 1))
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == second_group + 1  # over the heading


def test_the_filters_narrow_by_kind_and_by_period(qtbot: QtBot, demo_window: MainWindow) -> None:
    search = _search(qtbot, demo_window, "turvallisuudesta")
    everything = _hits(search)
    with qtbot.waitSignal(search.panel.searched, timeout=5000):
        search.kind_box.setCurrentIndex(search.kind_box.findData(SearchKind.MEMO.value))
    memos = _hits(search)
    assert memos and {hit.kind for hit in memos} == {SearchKind.MEMO}
    assert len(memos) < len(everything)
    period = next(hit.period_id for hit in memos if hit.period_id is not None)
    with qtbot.waitSignal(search.panel.searched, timeout=5000):
        search.period_box.setCurrentIndex(search.period_box.findData(period))
    assert {hit.period_id for hit in _hits(search)} == {period}


def test_enter_opens_a_memo_at_the_matched_words(qtbot: QtBot, demo_window: MainWindow) -> None:
    search = _search(qtbot, demo_window, "turvallisuudesta")
    hit = next(h for h in _hits(search) if h.kind is SearchKind.MEMO and h.memo_field)
    _open(qtbot, search, hit)
    page = demo_window.pages["meetings"]
    assert isinstance(page, MeetingsPage) and page.editor is not None
    assert page.editor.meeting_id == hit.meeting_id
    focused = QApplication.focusWidget()
    selected = (
        focused.textCursor().selectedText()
        if isinstance(focused, QPlainTextEdit)
        else focused.selectedText()  # type: ignore[union-attr]
    )
    assert selected.lower().startswith("turvallisuu"), selected


def test_enter_opens_a_card_an_evaluation_and_a_theme_on_their_screens(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    search = _search(qtbot, demo_window, "lapsi")
    card = next(h for h in _hits(search) if h.kind is SearchKind.CARD)
    _open(qtbot, search, card)
    cards = demo_window.pages["cards"]
    assert isinstance(cards, CardsPage) and demo_window.current_page_key() == "cards"
    assert cards.card is not None and cards.card.id == card.owner_id
    if card.field.value in cards.texts:  # the matched word selected in its field
        field = cards.texts[card.field.value]
        assert QApplication.focusWidget() is field
        assert field.textCursor().selectedText().lower().startswith("la")

    search = _search(qtbot, demo_window, "turvallisuudesta")
    evaluation = next(h for h in _hits(search) if h.kind is SearchKind.EVALUATION)
    _open(qtbot, search, evaluation)
    plans = demo_window.pages["plans"]
    assert isinstance(plans, PlansPage) and demo_window.current_page_key() == "plans"
    plan = plans.selected_plan()
    chosen = plans.history.current_evaluation()
    assert plan is not None and plan.id == evaluation.owner_id
    assert chosen is not None and chosen.id == evaluation.detail_id
    rows = {SearchField.CURRENT_STATE: 3, SearchField.STRENGTHS: 4}
    assert plans.history.currentRow() == rows.get(evaluation.field, 5)  # at the text

    search = _search(qtbot, demo_window, "pelastussuunnitelma")
    theme = next(h for h in _hits(search) if h.kind is SearchKind.CLOCK)
    _open(qtbot, search, theme)
    clock = demo_window.pages["clock"]
    assert demo_window.current_page_key() == "clock"
    assert clock.selected_theme() is not None  # type: ignore[attr-defined]
    assert clock.selected_theme().id == theme.owner_id  # type: ignore[attr-defined]


def test_results_follow_a_deleted_meeting_and_a_stale_one_opens_nothing(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    assert demo_window.context is not None
    db = demo_window.context.database
    memo = meetings.new_meeting(db, periods.current_period(db).id, dt.date(2026, 12, 1))
    other = next(i.id for i in memo.agenda if i.kind is AgendaItemKind.OTHER_MATTERS)
    agenda.set_item_text(db, other, "notes", "Seepraretken turvallisuus")
    search = _search(qtbot, demo_window, "seepraretki")
    (hit,) = _hits(search)
    with qtbot.waitSignal(search.panel.searched, timeout=5000):
        meetings.delete_meeting(db, memo.id)
        demo_window.context.data_changed.emit()
    assert _hits(search) == []
    demo_window.open_found(hit)  # a result kept from before: nothing to open, no crash
    page = demo_window.pages["meetings"]
    assert isinstance(page, MeetingsPage)
