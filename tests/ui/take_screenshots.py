"""Screenshots of every screen in Finnish and Swedish on a demo unit, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots.py [OUT_DIR] [--scale 1.5]

The window fills a 1366×768 screen (a common office laptop); ``--scale 1.5`` shows that
screen at 150 % (the window has two thirds of the room, each picture is still 1366×768).
Open the pictures and look at them as a director would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path, PureWindowsPath
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _package(app: Any, window: Any, out: Path, language: str, suffix: str) -> None:
    """The export dialog, and the preview of a municipality's package for the demo unit: a
    few themes of its own added, one default theme left out, a quality card, its own
    anti-bullying checklist and standing agenda."""
    from hyvinvointi_app.services import municipal_package as mp
    from hyvinvointi_app.ui.package import ExportPackageDialog, PackagePreviewDialog

    db = window.context.database
    export = ExportPackageDialog(window.context, window)
    export.name_edit.setText(
        "Porvoon yhteiset käytännöt" if language == "fi" else "Borgå stads gemensamma praxis"
    )
    export.version_spin.setValue(3)
    export.show()
    app.processEvents()
    name = out / f"package-export-{language}{suffix}.png"
    export.grab().save(str(name))
    print(name)
    export.reject()
    document = mp.compose(db, export.name_edit.text(), 3, today=dt.date(2026, 11, 23))
    fi, sv = "fi", "sv"
    document["annual_clock"] = [
        *document["annual_clock"][1:],
        {
            "key": "k1",
            "month": 9,
            "title": {fi: "Turvallisuuskävely pihalla", sv: "Trygghetsvandring på gården"},
            "plan_type": "safety_rescue",
        },
        {
            "key": "k2",
            "month": 2,
            "title": {
                fi: "Lasten kokous: mikä tekee päivistä mukavia?",
                sv: "Barnens möte: vad gör dagarna trevliga?",
            },
        },
    ]
    document["plan_types"] = [
        {
            "key": "lk1",
            "name": {fi: "Laatukortti: leikki", sv: "Kvalitetskort: lek"},
            "questions": [
                {fi: "Onko leikille aikaa joka päivä?", sv: "Finns det tid för lek varje dag?"}
            ],
        }
    ]
    document["checklists"]["anti_bullying"] = [
        {
            "key": "model_known",
            "text": {
                fi: "Tunteeko koko henkilöstö toimintamallin?",
                sv: "Känner all personal till modellen?",
            },
        }
    ]
    preview = mp.preview(db, mp.validate_package(document))
    dialog = PackagePreviewDialog(preview, window)
    dialog.show()
    app.processEvents()
    name = out / f"package-import-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.reject()
    # Settings name the package once it is imported.
    from hyvinvointi_app.ui.settings.dialog import SettingsDialog

    result = mp.import_package(db, preview.package)
    settings = SettingsDialog(window.context, window)
    settings.show()
    app.processEvents()
    name = out / f"settings-{language}{suffix}.png"
    settings.grab().save(str(name))
    print(name)
    settings.reject()
    mp.put_state(db, result.before)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--screens", nargs="*", help="screen keys (default: all)")
    args = parser.parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale
    home = Path(tempfile.mkdtemp(prefix="hyvinvointi-shots-"))
    os.environ["HYVINVOINTI_HOME"] = str(home)
    if os.environ["QT_QPA_PLATFORM"] == "offscreen":  # the laptop's screen, not Qt's 800×800
        screen = home / "screen.json"
        laptop_screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
        screen.write_text(json.dumps({"screens": [{**laptop_screen, "logicalDpi": 96}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"

    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.services import meetings
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.ui import screens
    from hyvinvointi_app.ui.language import apply_language
    from hyvinvointi_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" else f"-{round(float(args.scale) * 100)}"
    laptop = (round(1366 / float(args.scale)), round(768 / float(args.scale)))
    for language in ("fi", "sv"):
        path = home / f"demo-{language}.sqlite"
        write_demo(path, language=language, years=3, today=dt.date(2026, 11, 23))
        apply_language(language)
        window = MainWindow()
        window.resize(*laptop)
        window.show()
        assert window.open_database(path) is None
        for spec in screens.SCREENS:
            if args.screens and spec.key not in args.screens:
                continue
            window.show_page(spec.key)
            for _turn in range(20):  # wrapped texts and shared columns settle in a few rounds
                app.processEvents()
            name = args.out / f"{spec.key}-{language}{suffix}.png"
            window.statusBar().clearMessage()  # backup notices name a temporary folder
            window.grab().save(str(name))
            print(name)
        if not args.screens or "clock-wheel" in args.screens:
            window.show_page("clock")
            clock = window.pages["clock"]
            clock.show_view("wheel")  # type: ignore[attr-defined]
            clock.wheel.wheel.setFocus()  # type: ignore[attr-defined]
            for _turn in range(20):
                app.processEvents()
            name = args.out / f"clock-wheel-{language}{suffix}.png"
            window.statusBar().clearMessage()
            window.grab().save(str(name))
            print(name)
            # the wheel alone drawn at twice the pixels (a 200 % display), to see it sharp
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QImage

            wheel = clock.wheel.wheel  # type: ignore[attr-defined]
            image = QImage(wheel.size() * 2, QImage.Format.Format_ARGB32)
            image.setDevicePixelRatio(2)
            image.fill(Qt.GlobalColor.white)
            wheel.render(image)
            name = args.out / f"clock-wheel-{language}-200.png"
            image.save(str(name))
            print(name)
            clock.show_view("list")  # type: ignore[attr-defined]
        if not args.screens or "opening" in args.screens:
            # The next start's first paint: the Overview kept at closing, being updated.
            window.close()
            starting = MainWindow()
            starting.resize(*laptop)
            starting.show_opening(path)
            starting.show()
            app.processEvents()
            name = args.out / f"opening-{language}{suffix}.png"
            starting.grab().save(str(name))
            print(name)
            starting.close()
            window = MainWindow()
            window.resize(*laptop)
            window.show()
            assert window.open_database(path) is None
        if not args.screens or "search" in args.screens:
            window.show_page("meetings")
            page = window.pages["meetings"]
            panel = page.search_panel  # type: ignore[attr-defined]
            page.search_box.setText("turvall" if language == "fi" else "säker")  # type: ignore[attr-defined]
            panel.run()
            while panel.searching:  # it answers from its own thread
                app.processEvents()
            for _turn in range(20):  # the results are laid out a few at a time
                app.processEvents()
            name = args.out / f"search-{language}{suffix}.png"
            window.statusBar().clearMessage()
            window.grab().save(str(name))
            print(name)
            page.search_box.clear()  # type: ignore[attr-defined]
            panel.run()
        if not args.screens or "search-everything" in args.screens:
            window.search_everything()
            search = window._search_window
            assert search is not None
            search.box.setText("turvallisuudesta" if language == "fi" else "tryggheten")
            search.panel.run()
            while search.panel.searching:  # it answers from its own thread
                app.processEvents()
            for _turn in range(20):  # the results are laid out a few at a time
                app.processEvents()
            name = args.out / f"search-everything-{language}{suffix}.png"
            search.grab().save(str(name))
            print(name)
            search.hide()
        if not args.screens or "meeting-mode" in args.screens:
            assert window.context is not None
            page = window.pages["meetings"]
            page.open_meeting(meetings.latest_meeting(window.context.database))  # type: ignore[attr-defined]
            app.processEvents()
            name = args.out / f"meeting-mode-{language}{suffix}.png"
            window.statusBar().clearMessage()  # backup notices name a temporary folder
            window.grab().save(str(name))
            print(name)
        if not args.screens or "tallies" in args.screens:
            _tallies(app, window, args.out, language, suffix)
        if not args.screens or "unit-details" in args.screens:
            from hyvinvointi_app.ui.unit_details import UnitDetailsDialog

            assert window.context is not None
            details = UnitDetailsDialog(window.context, window)
            details.unit_form.site_code.setText("1.2.246.562.10.12345678901")  # type: ignore[union-attr]
            details.show()
            app.processEvents()
            name = args.out / f"unit-details-{language}{suffix}.png"
            details.grab().save(str(name))
            print(name)
            details.reject()
        if not args.screens or "package" in args.screens:
            _package(app, window, args.out, language, suffix)
        if not args.screens or "privacy-review" in args.screens:
            _privacy_review(app, window, args.out, language, suffix)
        if not args.screens or "clock-theme" in args.screens:
            _clock_theme(app, window, args.out, language, suffix)
        if not args.screens or "memo-versions" in args.screens:
            _memo_versions(app, window, args.out, language, suffix)
        if not args.screens or "card" in args.screens:
            from hyvinvointi_app.services import result_cards

            assert window.context is not None
            cards = result_cards.list_cards(window.context.database)
            followed = [c for c in cards if c.checkpoints]
            card = max(followed, key=lambda c: (c.closed_on is None, len(c.checkpoints)))
            window.context.open_requested.emit("cards", card.id)
            app.processEvents()
            name = args.out / f"card-{language}{suffix}.png"
            window.statusBar().clearMessage()  # backup notices name a temporary folder
            window.grab().save(str(name))
            print(name)
        if not args.screens or "evaluation" in args.screens:
            from hyvinvointi_app.services import evaluations, plans
            from hyvinvointi_app.ui.plans.evaluation_dialog import EvaluationDialog

            assert window.context is not None
            db = window.context.database
            # The register with the history of the plan evaluated most often, then its form.
            plan = max(
                plans.list_plans(db), key=lambda p: len(evaluations.list_evaluations(db, p.id))
            )
            window.context.open_requested.emit("plans", plan.id)
            window.statusBar().clearMessage()  # the backup notice names a temporary folder
            app.processEvents()
            name = args.out / f"plans-history-{language}{suffix}.png"
            window.grab().save(str(name))
            print(name)
            latest = evaluations.list_evaluations(db, plan.id)[-1]
            dialog = EvaluationDialog(
                db, lambda _p, _d, e=latest: e, existing=latest, parent=window
            )
            dialog.show()
            app.processEvents()
            name = args.out / f"evaluation-{language}{suffix}.png"
            dialog.grab().save(str(name))
            print(name)
            dialog.close()
        if not args.screens or "activity-log" in args.screens:
            from hyvinvointi_app.services import audit
            from hyvinvointi_app.ui.activity_log import ActivityLogDialog

            assert window.context is not None
            audit.log_export(
                window.context.database,
                "annual_clock",
                language=language,
                with_names=False,
                file_name="vuosikello.json" if language == "fi" else "arsklocka.json",
            )
            dialog = ActivityLogDialog(window.context, window)
            dialog.show()
            app.processEvents()
            name = args.out / f"activity-log-{language}{suffix}.png"
            dialog.grab().save(str(name))
            print(name)
            dialog.close()
        if not args.screens or "crash" in args.screens:
            from hyvinvointi_app.ui.crash.dialog import CrashDialog

            # An illustrative path as on a director's Windows PC (the dialog shows any path).
            log = Path(
                "C:/Users/johtaja/AppData/Roaming/Hyvinvointiryhma/logs/"
                "crash-20261123-141502-4242.log"
            )
            dialog = CrashDialog(log, fatal=False, parent=window)
            dialog.set_further_errors(2)
            dialog.show()
            app.processEvents()
            name = args.out / f"crash-{language}{suffix}.png"
            dialog.grab().save(str(name))
            print(name)
            dialog.close()
        if not args.screens or "reports-bundle" in args.screens:
            window.show_page("reports")
            window.pages["reports"].choose_bundle()  # type: ignore[attr-defined]
            window.statusBar().clearMessage()
            app.processEvents()
            name = args.out / f"reports-bundle-{language}{suffix}.png"
            window.grab().save(str(name))
            print(name)
        if not args.screens or "invitation" in args.screens:
            _invitation(app, window, args.out, language, suffix)
        if not args.screens or "print-preview" in args.screens:
            _print_preview(app, window, args.out, language, suffix)
        if not args.screens or "guide" in args.screens:
            from hyvinvointi_app.ui.guide import show_guide

            guide = show_guide(window, "invitation")
            app.processEvents()
            name = args.out / f"guide-{language}{suffix}.png"
            guide.grab().save(str(name))
            print(name)
            guide.close()
        if not args.screens or "carry-forward" in args.screens:
            _carry_forward(app, window, args.out, language, suffix)
        if not args.screens or "public" in args.screens:
            window.show_page("reports")
            window.pages["reports"].select_document("public")  # type: ignore[attr-defined]
            window.statusBar().clearMessage()
            app.processEvents()
            name = args.out / f"public-version-{language}{suffix}.png"
            window.grab().save(str(name))
            print(name)
        if not args.screens or "restore" in args.screens or "bad-file" in args.screens:
            _backup_dialogs(app, window, path, args.out, language, suffix)
        if not args.screens or "trust" in args.screens:
            _trust_screens(app, window, args.out, language, suffix)
        if not args.screens or "coordinator" in args.screens:
            _coordinator(app, window, home, args.out, language, suffix)
        window.close()
    return 0


def _tallies(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """Recording the children's picture survey's counts in the next meeting's memo."""
    from hyvinvointi_app.domain.enums import AgendaItemKind, VoiceKind
    from hyvinvointi_app.services import meetings, surveys

    db = window.context.database
    meeting_id = meetings.latest_meeting(db)
    survey = surveys.list_surveys(db, VoiceKind.CHILDREN)[0]
    counts = tuple(
        (item.id, 0, n) for item, n in zip(survey.items, (9, 14, 6, 11, 4, 8), strict=True)
    )
    surveys.set_tally(db, meeting_id, survey.id, surveys.TallyInput(2, 31, counts))
    item = next(
        i
        for i in meetings.get_meeting(db, meeting_id).agenda
        if i.kind is AgendaItemKind.CHILDREN_VOICE
    )
    window.pages["meetings"].open_meeting(meeting_id, item.id)
    for _turn in range(20):
        app.processEvents()
    name = out / f"tallies-{language}{suffix}.png"
    window.statusBar().clearMessage()
    window.grab().save(str(name))
    print(name)
    surveys.set_tally(db, meeting_id, survey.id, None)
    window.pages["meetings"].show_list()


def _carry_forward(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """The preview of starting the next period from the current one (not applied)."""
    from hyvinvointi_app.services import carry_forward, periods
    from hyvinvointi_app.ui.periods.carry_forward import CarryForwardDialog

    db = window.context.database
    start, end = periods.propose_next_period(db)
    added = periods.add_period(db, start, end)
    dialog = CarryForwardDialog(carry_forward.propose(db, added.id), window)
    dialog.show()
    app.processEvents()
    name = out / f"carry-forward-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()
    periods.remove_period(db, added.id)


def _print_preview(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """File → Print preview on the Meetings screen: the selected meeting's memo."""
    import time

    window.show_page("meetings")
    window.pages["meetings"].table.selectRow(0)
    reports = window.show_page("reports") or window.pages["reports"]
    shown = []
    reports.show_preview = shown.append
    window.show_page("meetings")
    window.print_document(preview=True)
    deadline = time.monotonic() + 60
    while not shown and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    dialog = shown[0]
    dialog.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    name = out / f"print-preview-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()
    app.processEvents()


def _invitation(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """The meetings list's Invitation… on the first meeting not yet held: the Reports screen
    with its invitation chosen, saying whom it reaches."""
    from hyvinvointi_app.domain.enums import MeetingStatus

    window.show_page("meetings")
    page = window.pages["meetings"]
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    drafts = [r for r in rows if r.status is MeetingStatus.DRAFT]
    window.context.open_requested.emit("reports", min(drafts, key=lambda r: r.date).id)
    window.statusBar().clearMessage()
    app.processEvents()
    name = out / f"invitation-{language}{suffix}.png"
    window.grab().save(str(name))
    print(name)


def _coordinator(app, window, home, out, language, suffix):  # type: ignore[no-untyped-def]
    """File → Coordinator view on the bundles of four units of two periods, one of them a
    version-1 bundle, a file that is no bundle, and one expected unit missing."""
    import dataclasses
    import shutil

    from hyvinvointi_app.reports.bundle import build_bundle
    from hyvinvointi_app.services import periods, unit
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.store.database import open_database

    folder = home / f"bundles-{language}"
    if not folder.exists():
        folder.mkdir()
        names = ("Päiväkoti Aapinen", "Päiväkoti Mäntylä", "Päiväkoti Öljymäki")
        for seed, name in enumerate(names, start=21):
            path = home / f"unit-{language}-{seed}.sqlite"
            write_demo(path, language=language, years=2, today=dt.date(2026, 11, 23), seed=seed)
            db = open_database(path)
            info = unit.get_unit(db)
            named = {"name_fi": name} if language == "fi" else {"name_sv": name}
            unit.set_up_unit(
                db, dataclasses.replace(info, site_code=f"1.2.246.562.10.{seed}", **named)
            )
            for label in ("2025-2026", "2026-2027"):
                period = periods.period_by_label(db, label).id
                out_zip = folder / f"{seed}-{label}.zip"
                build_bundle(
                    db, period, out_zip, languages=(language,), today=dt.date(2026, 11, 23)
                )
            db.close()
        fixture = Path(__file__).resolve().parents[1] / "fixtures" / "bundles"
        shutil.copy(fixture / "v1-granbacken-2025-2026.zip", folder)
        (folder / "liite.zip").write_bytes(b"not a bundle")
        (home / "expected.csv").write_text(
            "unit\nPäiväkoti Aapinen\nPäiväkoti Pihlaja\n", encoding="utf-8"
        )
    window.open_coordinator_view()
    view = window.coordinator_window
    view.load_expected(home / "expected.csv")
    view.read_folder(folder)
    view.wait()
    for _turn in range(20):
        app.processEvents()
    # As a coordinator's Windows computer would show it, not the temporary folder's name.
    view.folder_edit.setText(str(PureWindowsPath(r"C:\Users\koordinaattori\Aineistot 2026")))
    for tab, name in ((0, "coordinator"), (1, "coordinator-unit"), (3, "coordinator-skipped")):
        view.tabs.setCurrentIndex(tab)
        app.processEvents()
        shot = out / f"{name}-{language}{suffix}.png"
        view.grab().save(str(shot))
        print(shot)
    view.close()
    # The overview's PDF pages, as tests/reports/render_pages.py renders the unit's reports.
    import subprocess

    from hyvinvointi_app.reports.options import ReportOptions
    from hyvinvointi_app.reports.overview import export_overview

    assert view.overview is not None
    pdf = home / f"overview-{language}.pdf"
    export_overview(view.overview, pdf, options=ReportOptions(language=language))
    for old in out.glob(f"report-overview-{language}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(out / f"report-overview-{language}")],
        check=True,
    )
    for png in sorted(out.glob(f"report-overview-{language}-*.png")):
        head, _, number = png.stem.rpartition("-")
        png.rename(png.with_name(f"{head}-{int(number)}.png"))
        print(png.with_name(f"{head}-{int(number)}.png"))


PRIVACY_TEXTS = {
    "fi": (
        "Keskusteltiin pihan turvallisuudesta. Ellan huoltajat toivoivat erityistä tukea "
        "syksyksi. Eräs poika Oravista on ollut levoton lepohetkellä.",
        "Kiitos Päiville kahvituksesta. Kysymykset: etunimi.sukunimi(at)porvoo.fi",
    ),
    "sv": (
        "Vi diskuterade säkerheten på gården. Ellas vårdnadshavare önskar mer stöd till "
        "hösten. Vårdnadshavaren till en flicka i gruppen Ekorrarna kontaktade oss.",
        "Tack till Stefan i köket. Frågor: fornamn.efternamn(at)borga.fi",
    ),
}
"""A draft memo as a director might type it in a hurry, for the privacy review's picture."""


def _privacy_review(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """The privacy review of a draft memo that names a child, describes another, names an
    adult who is no member and gives an address written as (at): the guide's picture."""
    from hyvinvointi_app.domain.enums import AgendaItemKind, Role
    from hyvinvointi_app.services import agenda, meetings, members, periods
    from hyvinvointi_app.ui.meetings.privacy_review import PrivacyReviewDialog

    db = window.context.database
    period = periods.current_period(db)
    detail = meetings.new_meeting(db, period.id, dt.date(2026, 12, 14))
    director = next(m for m in members.list_members(db) if m.role is Role.DIRECTOR)
    meetings.update_header(db, detail.id, meetings.HeaderInput(detail.date, chair_id=director.id))
    theme, other = (
        next(item for item in detail.agenda if item.kind is kind)
        for kind in (AgendaItemKind.THEME, AgendaItemKind.OTHER_MATTERS)
    )
    notes, other_notes = PRIVACY_TEXTS[language]
    agenda.set_item_text(db, theme.id, "notes", notes)
    agenda.set_item_text(db, other.id, "notes", other_notes)
    dialog = PrivacyReviewDialog(window.context, detail.id, lambda *_where: None, window)
    dialog.rows[0].confirm.setChecked(True)
    dialog.resize(dialog.width(), 720)
    dialog.show()
    for _turn in range(10):
        app.processEvents()
    name = out / f"approval-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()
    meetings.delete_meeting(db, detail.id)


def _clock_theme(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """The theme dialog of October's evacuation drill, whose partners are checked."""
    from hyvinvointi_app.services import annual_clock

    window.show_page("clock")
    page = window.pages["clock"]
    themes = annual_clock.list_themes(window.context.database)
    drill = next(t for t in themes if t.month == 10 and t.partners)
    page.show_view("list")
    page.view.setCurrentIndex(page.model.theme_index(drill.id))
    dialog = page.edit_theme()
    for _turn in range(10):
        app.processEvents()
    name = out / f"clock-theme-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()


def _memo_versions(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """An approved memo reopened once and approved again: its kept version, printed by the
    memo's own builder."""
    from hyvinvointi_app.domain.enums import MeetingStatus
    from hyvinvointi_app.services import approval, meetings, periods
    from hyvinvointi_app.ui.meetings.versions_dialog import VersionsDialog

    db = window.context.database
    rows = meetings.list_meetings(db, periods.current_period(db).id)
    approved = [r for r in rows if r.status is MeetingStatus.APPROVED][-1]
    reason = "Läsnäolo korjattu" if language == "fi" else "Närvaron rättad"
    approval.reopen_memo(db, approved.id, reason)
    approval.approve_memo(db, approved.id, approved_by="Aino Ahonen", findings_confirmed=True)
    dialog = VersionsDialog(window.context, approved.id, window)
    dialog.show()
    app.processEvents()
    name = out / f"memo-versions-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()


def _backup_dialogs(app, window, path, out, language, suffix):  # type: ignore[no-untyped-def]
    """The restore dialog over a few months of backups, and the dialog for a damaged file.
    Paths shown are a Windows director's, not this machine's."""
    import shutil
    from pathlib import PureWindowsPath

    from hyvinvointi_app.domain.errors import DatabaseDamaged
    from hyvinvointi_app.i18n.translator import _
    from hyvinvointi_app.services.settings import load_backup_settings
    from hyvinvointi_app.ui.backups.bad_file_dialog import BadFileDialog, FileChoice
    from hyvinvointi_app.ui.backups.restore_dialog import RestoreDialog

    folder = load_backup_settings().folder_for(path)
    window.backups.wait()
    window.back_up_now()
    newest = window.backups.last_result.path
    for stamp in ("20261120-155502", "20261113-160010", "20261030-151244", "20260925-143001"):
        shutil.copyfile(newest, newest.parent / f"{path.stem}-{stamp}.sqlite")
    shutil.copyfile(newest, newest.parent / f"{path.stem}-before-restore-20261002-091500.sqlite")
    shown = PureWindowsPath(r"C:\Users\johtaja\AppData\Roaming\Hyvinvointiryhma")
    dialog = RestoreDialog(path, folder, window)
    dialog.folder_label.setText(_("Backup folder: {folder}").format(folder=shown / "backups"))
    dialog.show()
    app.processEvents()
    name = out / f"restore-{language}{suffix}.png"
    dialog.grab().save(str(name))
    print(name)
    dialog.close()
    error = DatabaseDamaged(shown / "unit.sqlite")  # type: ignore[arg-type]
    choices = [FileChoice.RESTORE, FileChoice.OTHER_FILE, FileChoice.QUIT]
    box = BadFileDialog(error, choices, at_start=True, parent=window)
    box.show()
    app.processEvents()
    name = out / f"bad-file-{language}{suffix}.png"
    box.grab().save(str(name))
    print(name)
    box.close()


def _trust_screens(app, window, out, language, suffix):  # type: ignore[no-untyped-def]
    """Meeting mode on a full disk, a refused export, and the dialogs of a file that another
    computer left locked."""
    import sqlite3

    from sqlalchemy import event

    from hyvinvointi_app.services import meetings, periods

    context = window.context
    page = window.pages["meetings"]
    current = periods.current_period(context.database)
    draft = meetings.new_meeting(context.database, current.id, dt.date(2026, 12, 9))
    page.open_meeting(draft.id)
    editor = page.editor
    notes = editor.item_editor.notes_edit

    def full(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    context.database.engine.dispose()
    event.listen(context.database.engine, "connect", full)
    notes.setFocus()
    notes.setPlainText(notes.toPlainText() + "\n" + "Pihan kunnostus etenee. " * 400)
    flushed = editor.flush()
    app.processEvents()
    assert not flushed and editor.unsaved_banner.isVisible(), (flushed, editor.autosaver.failing)
    # The same message as for a Windows director's file (this machine's path is not shown).
    from hyvinvointi_app.domain.errors import DiskFull, ExportRefusal, ExportRefused
    from hyvinvointi_app.i18n.errors import describe

    shown = PureWindowsPath(r"C:\Users\johtaja\AppData\Roaming\Hyvinvointiryhma\unit.sqlite")
    editor._show_unsaved(describe(DiskFull(shown)))  # type: ignore[arg-type]
    app.processEvents()
    name = out / f"full-disk-{language}{suffix}.png"
    window.statusBar().clearMessage()  # backup notices name a temporary folder
    window.grab().save(str(name))
    print(name)
    event.remove(context.database.engine, "connect", full)
    context.database.engine.dispose()
    editor.flush()
    page.show_list()

    window.show_page("reports")
    reports = window.pages["reports"]
    reports.export_to(context.path)
    while reports.is_running():
        app.processEvents()
    app.processEvents()
    assert reports.error.isVisible()
    refusal = ExportRefused(shown, ExportRefusal.OPEN_UNIT_FILE, "pdf")  # type: ignore[arg-type]
    reports.error.show_message(describe(refusal))
    app.processEvents()
    window.statusBar().clearMessage()
    name = out / f"export-refused-{language}{suffix}.png"
    window.grab().save(str(name))
    print(name)
    for name in take_over_dialogs(out, language, suffix, window):
        print(name)


def take_over_dialogs(out: Path, language: str, suffix: str, parent: object = None) -> list[Path]:
    """Grab the three dialogs in the current interface language; return the files written."""
    from PySide6.QtWidgets import QApplication, QWidget

    from hyvinvointi_app.domain.errors import LockedByOtherComputer, LockHolder, LockNotAFile
    from hyvinvointi_app.ui.backups.bad_file_dialog import (
        BadFileDialog,
        FileChoice,
        TakeOverConfirmation,
    )

    app = QApplication.instance()
    assert app is not None
    owner = parent if isinstance(parent, QWidget) else None
    shown = PureWindowsPath(r"C:\Users\johtaja\AppData\Roaming\Hyvinvointiryhma\unit.sqlite")
    holder = LockHolder("TOIMISTO-LAPPARI", "aino.ahonen", 4242, dt.datetime(2026, 11, 23, 13, 5))
    locked = LockedByOtherComputer(shown, holder)  # type: ignore[arg-type]
    written: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        widget.show()
        app.processEvents()
        target = out / f"{name}-{language}{suffix}.png"
        widget.grab().save(str(target))
        widget.close()
        written.append(target)

    choices = [FileChoice.TAKE_OVER, FileChoice.READ_ONLY, FileChoice.OTHER_FILE, FileChoice.QUIT]
    grab(BadFileDialog(locked, choices, at_start=True, parent=owner), "bad-file-take-over")
    grab(TakeOverConfirmation(locked, owner), "take-over-confirmation")
    not_a_file = LockNotAFile(
        shown,  # type: ignore[arg-type]
        shown.with_name("unit.sqlite.lock"),  # type: ignore[arg-type]
    )
    choices = [FileChoice.READ_ONLY, FileChoice.OTHER_FILE, FileChoice.QUIT]
    dialog = BadFileDialog(not_a_file, choices, at_start=True, parent=owner)
    grab(dialog, "bad-file-lock-not-a-file")
    return written


if __name__ == "__main__":
    raise SystemExit(main())
