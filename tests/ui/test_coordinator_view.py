"""File → Coordinator view: a folder of bundles read off the GUI thread into a sortable,
filterable table with the municipality's and a unit's trend, the problems listed, and the
overview exported."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest
from dialogs import answer_later
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.reports.bundle import build_bundle
from hyvinvointi_app.services import coordinator, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.ui.coordinator.model import EVALUATIONS, MEETINGS, UNIT
from hyvinvointi_app.ui.coordinator.window import CoordinatorWindow
from hyvinvointi_app.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 23)
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo unit's bundles of two periods, the version-1 fixture, and a broken file."""
    work = tmp_path_factory.mktemp("unit")
    path = work / "unit.sqlite"
    write_demo(path, language="fi", years=2, today=TODAY)
    folder = tmp_path_factory.mktemp("bundles")
    db = open_database(path)
    try:
        for label in ("2025-2026", "2026-2027"):
            period = periods.period_by_label(db, label).id
            build_bundle(db, period, folder / f"{label}.zip", languages=("fi",), today=TODAY)
    finally:
        db.close()
    (folder / "older").mkdir()
    shutil.copy(FIXTURE / "v1-granbacken-2025-2026.zip", folder / "older")
    (folder / "broken.zip").write_bytes(b"PK\x03\x04")
    return folder


@pytest.fixture
def view(qtbot: QtBot) -> CoordinatorWindow:
    window = CoordinatorWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def _read(qtbot: QtBot, view: CoordinatorWindow, folder: Path) -> None:
    with qtbot.waitSignal(view.overview_shown, timeout=WAIT_MS):
        view.read_folder(folder)


def test_the_bundles_are_read_off_the_gui_thread(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = coordinator.aggregate

    def recording(*args: object, **kwargs: object) -> coordinator.Overview:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("hyvinvointi_app.ui.coordinator.window.aggregate", recording)
    with qtbot.waitSignal(view.overview_shown, timeout=WAIT_MS):
        view.read_folder(bundles)
        assert view.is_busy() and not view.read_button.isEnabled()
    assert threads and threads[0] is not threading.main_thread()
    assert view.read_button.isEnabled() and view.pdf_button.isEnabled()


def test_the_table_shows_the_newest_period_and_all_on_demand(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path
) -> None:
    _read(qtbot, view, bundles)
    assert view.period_box.currentData() == "2026-2027"
    assert view.proxy.rowCount() == 1
    view.period_box.setCurrentIndex(view.period_box.findData(None))
    assert view.proxy.rowCount() == 3  # two periods of the demo, one of the version-1 unit
    assert view.overview is not None
    assert view.status.text() == _(
        "{units} units in {bundles} bundles; {skipped} skipped, {replaced} replaced by "
        "newer ones, {missing} missing."
    ).format(units=2, bundles=4, skipped=1, replaced=0, missing=0)
    view.filter_edit.setText("borgå")  # the version-1 unit's municipality
    assert [view.proxy.row_at(r).version for r in range(view.proxy.rowCount())] == [1]
    view.filter_edit.clear()
    view.attention_box.setChecked(True)
    rows = [view.proxy.row_at(r) for r in range(view.proxy.rowCount())]
    assert rows and all(
        not row.minimum_met or row.roles_missing or row.plans_overdue > 0 for row in rows
    )


def test_figures_sort_as_numbers_and_warnings_are_said_in_words(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path
) -> None:
    _read(qtbot, view, bundles)
    view.period_box.setCurrentIndex(view.period_box.findData(None))
    view.table.sortByColumn(MEETINGS, Qt.SortOrder.DescendingOrder)
    held = [view.proxy.row_at(r).meetings_held for r in range(view.proxy.rowCount())]
    assert held == sorted(held, reverse=True)
    below = next(r for r in range(view.proxy.rowCount()) if not view.proxy.row_at(r).minimum_met)
    index = view.proxy.index(below, MEETINGS)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert _("(below the minimum)") in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "\n" in str(view.proxy.headerData(EVALUATIONS, Qt.Orientation.Horizontal))


def test_a_folder_that_is_gone_is_said_and_nothing_is_read(
    view: CoordinatorWindow, tmp_path: Path
) -> None:
    view.read_folder(tmp_path / "stick")
    assert not view.is_busy() and view.overview is None
    assert str(tmp_path / "stick") in view.status.text()


def test_an_unexpected_error_in_the_reading_is_said_and_the_window_stays_usable(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("hyvinvointi_app.ui.coordinator.window.aggregate", broken)
    shown: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    answer_later(close)
    view.read_folder(bundles)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert shown == [_("The work stopped because of an unexpected error.")]
    assert view.read_button.isEnabled() and view.choose_button.isEnabled()


def test_a_selected_unit_shows_its_trend(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path
) -> None:
    _read(qtbot, view, bundles)
    view.period_box.setCurrentIndex(view.period_box.findData(None))
    view.table.sortByColumn(UNIT, Qt.SortOrder.AscendingOrder)
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.row_at(r).version == 2)
    view.table.selectRow(row)
    assert view.unit_table.rowCount() == 2
    assert [bar[0] for bar in view.unit_chart.bars] == ["2025-2026", "2026-2027"]
    assert "2025-2026" in view.unit_chart.accessibleDescription()
    assert view.totals_table.columnCount() == 1 + 2
    assert len(view.municipality_chart.bars) == 2


def test_problems_are_listed_with_their_reasons(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path, tmp_path: Path
) -> None:
    expected = tmp_path / "units.csv"
    expected.write_text("yksikkö\nPäiväkoti Pihlaja\n", encoding="utf-8")
    assert view.load_expected(expected)
    _read(qtbot, view, bundles)
    assert view.missing_table.rowCount() == 2  # one per period
    assert view.missing_table.item(0, 0).text() == "Päiväkoti Pihlaja"
    assert view.skipped_table.rowCount() == 1
    assert view.skipped_table.item(0, 0).text() == "broken.zip"  # within the folder
    assert view.skipped_table.item(0, 1).text()  # the reason, in words


def test_an_unreadable_list_of_expected_units_is_said_and_nothing_kept(
    qtbot: QtBot, view: CoordinatorWindow, tmp_path: Path
) -> None:
    listed = tmp_path / "units.csv"
    listed.write_bytes(b"\xff\xfe\xfa")
    shown: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    answer_later(close)
    assert not view.load_expected(listed)
    assert shown and str(listed) in shown[0]
    assert view.expected == []


@pytest.mark.parametrize("kind", ["pdf", "xlsx", "csv"])
def test_the_overview_is_exported_off_the_gui_thread(
    qtbot: QtBot, view: CoordinatorWindow, bundles: Path, tmp_path: Path, kind: str
) -> None:
    _read(qtbot, view, bundles)
    view.language_box.setCurrentIndex(view.language_box.findData("sv"))
    out = tmp_path / f"overview.{kind}"
    view.export_to(out, kind)
    qtbot.waitUntil(lambda: not view.is_busy(), timeout=WAIT_MS)
    assert out.exists(), view.status.text()
    if kind == "pdf":
        text = " ".join((PdfReader(out).pages[0].extract_text() or "").split())
        assert "Kommunens siffror" in text
    elif kind == "xlsx":
        assert load_workbook(out).sheetnames[0] == "Enheter"
    else:
        assert out.read_text("utf-8-sig").startswith("unit;")


def test_every_control_has_a_name_and_is_reached_by_tab(
    qtbot: QtBot, view: CoordinatorWindow
) -> None:
    view.activateWindow()
    controls = [
        w
        for w in view.findChildren(QWidget)
        if w.isVisibleTo(view) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    unnamed = [w for w in controls if not w.accessibleName()]
    assert not unnamed, [type(w).__name__ for w in unnamed]
    view.choose_button.setFocus()
    reached = set()
    for _step in range(len(controls) * 2):
        focused = QApplication.focusWidget()
        if focused is not None:
            reached.add(focused)
        qtbot.keyClick(focused or view, Qt.Key.Key_Tab)
    assert {view.filter_edit, view.table, view.language_box, view.close_button} <= reached


def test_file_menu_opens_one_coordinator_view(qtbot: QtBot, window: MainWindow) -> None:
    action = next(
        a
        for menu_action in window.menuBar().actions()
        if menu_action.menu() is not None
        for a in menu_action.menu().actions()
        if a.text() == _("Coor&dinator view…")
    )
    assert action.isEnabled()
    action.trigger()
    first = window.coordinator_window
    assert isinstance(first, CoordinatorWindow) and first.isVisible()
    action.trigger()
    assert window.coordinator_window is first
    first.close()
