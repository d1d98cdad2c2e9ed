"""Help → Activity log on a real unit file: approvals, reopenings, erasures, restorations and
exports (the annual clock's among them) appear newest first in local time and the interface
language, with no memo text; the log exports as CSV, atomically, and that export is logged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

from prompts import ScriptedPrompter
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import AuditAction, Language, ReportLanguage, Role
from hyvinvointi_app.i18n.formatting import format_datetime
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, pgettext
from hyvinvointi_app.services import (
    agenda,
    annual_clock,
    approval,
    audit,
    meetings,
    members,
    periods,
)
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.ui.activity_log import ActivityLogDialog
from hyvinvointi_app.ui.activity_log.export import column_titles
from hyvinvointi_app.ui.activity_log.texts import details_text, subject_text
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.language import apply_language
from hyvinvointi_app.ui.main_window import MainWindow

MEMO_TEXT = "Hiekkalaatikon kansi korjataan ennen joulua."


def log_a_working_day(context: AppContext, tmp_path: Path, window: MainWindow) -> None:
    """What a director does in a day that the log must show."""
    db = context.database
    guardian = members.add_member(
        db, MemberInput("Liisa Öhman", Role.GUARDIAN_REPRESENTATIVE, term_end=dt.date(2026, 7, 31))
    )
    members.erase_personal_details(db, guardian.id, today=dt.date(2026, 11, 23))
    members.restore_personal_details(db, guardian.id, members.member_input(guardian))
    period = periods.list_periods(db)[0]
    memo = meetings.new_meeting(db, period.id, period.start_date + dt.timedelta(days=20))
    agenda.set_item_text(db, memo.agenda[0].id, "notes", MEMO_TEXT)
    approval.approve_memo(db, memo.id, approved_by="Aino Ahonen")
    approval.reopen_memo(db, memo.id, "Sanamuoto korjataan")
    annual_clock.load_default_clock(db, "fi")
    clock = window.pages["clock"]
    assert clock.export_to(tmp_path / "vuosikello.json")  # type: ignore[attr-defined]


def open_from_help_menu(window: MainWindow) -> dict[str, object]:
    """Help → Activity log…, looked at while it is open, then closed."""
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActivityLogDialog)
        model = dialog.model
        seen["rows"] = [
            [model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]
        seen["entries"] = list(model.entries)
        seen["focus"] = dialog.focusWidget() is dialog.table
        dialog.reject()

    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == _("&Help") and a.menu()
    )
    action = next(a for a in help_menu.actions() if a.text() == _("&Activity log…"))
    assert action.isEnabled()
    QTimer.singleShot(0, look)
    action.trigger()
    return seen


def test_the_activity_log_shows_every_logged_action_newest_first_without_memo_text(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    log_a_working_day(context, tmp_path, window)
    seen = open_from_help_menu(window)
    rows = seen["rows"]
    entries = seen["entries"]
    assert isinstance(rows, list) and isinstance(entries, list)
    assert [row[1] for row in rows] == [
        label(AuditAction.EXPORTED),
        label(AuditAction.MEMO_REOPENED),
        label(AuditAction.MEMO_APPROVED),
        label(AuditAction.PERSONAL_DETAILS_RESTORED),
        label(AuditAction.PERSONAL_DETAILS_ERASED),
    ]
    # Local time in the Finnish format, converted from the stored UTC.
    assert rows[0][0] == format_datetime(entries[0].at.astimezone(), "fi")
    assert " klo " in rows[0][0]
    # Subjects and details in words, the member by role, never by name.
    assert rows[0][2] == pgettext("exported document", "Annual clock")
    assert (
        pgettext("activity log", "Language: {language}").format(language=label(Language.FINNISH))
        in rows[0][3]
    )
    assert pgettext("activity log", "without names") in rows[0][3]
    assert "vuosikello.json" in rows[0][3]
    assert rows[2][2] == pgettext("activity log", "Meeting {number}").format(number=1)
    role = label(Role.GUARDIAN_REPRESENTATIVE)
    assert rows[4][2] == pgettext("activity log", "Member: {role}").format(role=role)
    everything = repr(rows)
    for private in ("Hiekkalaatikon", "Sanamuoto", "Öhman"):
        assert private not in everything
    assert seen["focus"]


def test_the_annual_clock_export_is_audited(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    annual_clock.load_default_clock(context.database, "fi")
    assert window.pages["clock"].export_to(tmp_path / "clock.json")  # type: ignore[attr-defined]
    (entry,) = audit.entries(context.database)
    assert entry.action is AuditAction.EXPORTED
    assert entry.details == {
        "document": "annual_clock",
        "language": "fi",
        "with_names": False,
        "file": "clock.json",
    }
    # A failed export is not logged.
    context.prompter = prompter = ScriptedPrompter()
    assert not window.pages["clock"].export_to(  # type: ignore[attr-defined]
        tmp_path / "missing-folder" / "clock.json"
    )
    assert len(audit.entries(context.database)) == 1
    assert [prompt.kind for prompt in prompter.prompts] == ["warn"]


def test_the_log_exports_as_csv_atomically_and_the_export_is_logged(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    log_a_working_day(context, tmp_path, window)
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "toimintaloki.csv"
    assert dialog.export_to(target)

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [*column_titles(), pgettext("activity log", "Time (UTC)")]
    assert len(rows) == 1 + 5
    assert rows[1][1] == label(AuditAction.EXPORTED)
    assert rows[1][5].endswith("Z")
    assert "Hiekkalaatikon" not in raw.decode("utf-8-sig")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".toimintaloki")]  # no temp
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    # The export of the log is itself an entry, shown at once.
    newest = audit.entries(context.database, newest_first=True)[0]
    assert newest.details["document"] == "activity_log"
    assert newest.details["file"] == "toimintaloki.csv"
    assert dialog.model.rowCount() == 6
    assert dialog.model.index(0, 2).data() == pgettext("exported document", "Activity log")


def test_a_failed_csv_export_says_so_and_logs_nothing(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    audit.log_export(context.database, "memo", language="sv", with_names=True)
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    context.prompter = prompter = ScriptedPrompter()
    assert not dialog.export_to(tmp_path / "no-such-folder" / "log.csv")
    assert [p.title for p in prompter.prompts] == [_("The activity log was not exported")]
    assert len(audit.entries(context.database)) == 1


def test_an_empty_log_says_what_will_appear(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_label.isVisible() and not dialog.table.isVisible()
    assert not dialog.export_button.isEnabled()


def test_details_of_other_helpers_entries_read_as_words(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    """Report exports (logged by the reports code) and Swedish: the same words."""
    db = context.database
    audit.log_export(db, "bundle", language="fi+sv", with_names=False)
    audit.log_event(db, AuditAction.RESTORED, "unit", {"backup": "unit-20261120.sqlite"})
    apply_language("sv")
    entries = audit.entries(db, newest_first=True)
    assert subject_text(entries[1]) == pgettext("exported document", "Coordinator bundle")
    assert label(ReportLanguage.BILINGUAL) in details_text(entries[1])
    assert "unit-20261120.sqlite" in details_text(entries[0])
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 1).data() == label(AuditAction.RESTORED)
    assert dialog.table.horizontalHeader().model().headerData(
        0, Qt.Orientation.Horizontal
    ) == pgettext("activity log", "Time")


def test_exports_onto_the_unit_file_or_into_the_backup_folder_are_refused(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    annual_clock.load_default_clock(context.database, "fi")
    unit_bytes = context.path.read_bytes()
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    context.prompter = prompter = ScriptedPrompter()
    backups = context.path.parent / "backups"
    backups.mkdir(exist_ok=True)
    for target in (context.path, context.path.with_name(context.path.name + "-wal")):
        assert not dialog.export_to(target)
        assert not window.pages["clock"].export_to(target)  # type: ignore[attr-defined]
    assert not dialog.export_to(backups / "log.csv")
    warnings = [(p.title, p.text) for p in prompter.prompts if p.kind == "warn"]
    assert [title for title, _text in warnings] == [
        _("The activity log was not exported"),
        _("The annual clock was not exported"),
    ] * 2 + [_("The activity log was not exported")]
    assert str(context.path) in warnings[0][1] and "backups" in warnings[-1][1]
    assert context.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert len(unit_bytes) <= context.path.stat().st_size
    assert not (backups / "log.csv").exists()
    assert audit.entries(context.database) == []


def test_a_suffix_added_after_the_save_dialog_asks_before_replacing(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
) -> None:
    """The save dialog asked about "loki"; the export writes "loki.csv", which exists: the
    same question is asked before it is replaced (it used to be replaced silently)."""

    existing = tmp_path / "loki.csv"
    existing.write_bytes(b"Aika;Toiminto\r\n")
    dialog = ActivityLogDialog(context, window)
    qtbot.addWidget(dialog)
    typed = tmp_path / "loki"
    context.prompter = prompter = ScriptedPrompter(typed, False, typed, True)
    dialog.export()
    assert existing.read_bytes() == b"Aika;Toiminto\r\n"
    dialog.export()
    assert existing.read_bytes().startswith(b"\xef\xbb\xbf")
    asked = [prompt.title for prompt in prompter.prompts if prompt.kind == "ask"]
    assert asked == [_("Replace the file?")] * 2
