"""The command line: the GUI by default, and headless subcommands over the services.

Every error a user can meet prints one translated line on stderr and exits non-zero;
nothing here writes to a file it was only asked to read.
"""

from __future__ import annotations

import argparse
import contextlib
import locale
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from hyvinvointi_app.domain.enums import SearchKind
from hyvinvointi_app.domain.errors import UserError

if TYPE_CHECKING:
    from hyvinvointi_app.services.exports import ExportResult
    from hyvinvointi_app.store.database import Database

_STARTED = time.perf_counter()

EXIT_OK = 0
EXIT_UNSOUND = 1
EXIT_ERROR = 2


def process_uptime() -> float:
    """Seconds since the process started (since this module loaded, where the OS won't say)."""
    try:
        if sys.platform.startswith("linux"):
            ticks = os.sysconf("SC_CLK_TCK")
            start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return max(0.0, uptime - start)
    except (OSError, ValueError, IndexError):
        pass
    return time.perf_counter() - _STARTED


def _language_from_environment() -> str:
    """The interface language when none is chosen: ``HYVINVOINTI_LANG`` (fi, sv or en), else
    the locale. Only a Finnish or Swedish locale chooses its language; anything else (``C``,
    ``C.UTF-8``, which Python reports as ``en_US``, or a third language) gives Finnish. The
    first POSIX variable set decides, as in C; Windows sets none, and its locale reads like
    ``Finnish_Finland`` or ``Swedish_Finland``."""
    chosen = os.environ.get("HYVINVOINTI_LANG", "")[:2].lower()
    if chosen in ("fi", "sv", "en"):
        return chosen
    posix = next(
        (value for name in ("LC_ALL", "LC_MESSAGES", "LANG") if (value := os.environ.get(name))),
        None,
    )
    if posix is not None:
        system = posix.lower()
    else:
        try:
            system = (locale.getlocale()[0] or "").lower()
        except ValueError:
            system = ""
    return "sv" if system.startswith(("sv", "swedish")) else "fi"


class _Parser(argparse.ArgumentParser):
    """Reports bad arguments in one line, as every other error is reported."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _existing_path(text: str) -> Path:
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "~name" of no such user: taken as typed (found by tests/fuzz)
        return Path(text)


def _years(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 30:
        raise argparse.ArgumentTypeError("--years must be between 1 and 30")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hyvinvointi",
        description="Hyvinvointiryhmä: the day-care unit's communal wellbeing group.",
    )
    parser.add_argument("--db", type=_existing_path, metavar="FILE", help="unit file to open")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the main window, print the seconds from start to its first paint and to "
        "the open file's figures, and exit",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo unit in the data folder (written on first use)",
    )
    parser.add_argument("--lang", choices=("fi", "sv", "en"), help="interface language")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="write a realistic demo unit file")
    demo.add_argument("file", type=_existing_path, metavar="FILE")
    demo.add_argument("--lang", dest="demo_lang", choices=("fi", "sv"), default="fi")
    demo.add_argument("--years", type=_years, default=3, help="operating periods (default 3)")

    check = commands.add_parser("check", help="verify a unit file's integrity and version")
    check.add_argument("file", type=_existing_path, metavar="FILE")
    check.add_argument(
        "--repair-index", action="store_true", help="build the search index anew from the texts"
    )

    find = commands.add_parser("search", help="search everything a unit file's group wrote")
    find.add_argument("file", type=_existing_path, metavar="FILE")
    find.add_argument("query", metavar="QUERY", help="words to find, in any of their forms")
    find.add_argument("--json", action="store_true", help="print the results as JSON")
    find.add_argument("--period", metavar="LABEL", help="only this operating period")
    find.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in SearchKind],
        help="only texts of this kind (may be repeated)",
    )
    find.add_argument("--limit", type=int, default=100, metavar="N", help="at most N results")

    backup = commands.add_parser("backup", help="write a consistent copy of a unit file")
    backup.add_argument("file", type=_existing_path, metavar="FILE")
    backup.add_argument("--to", type=_existing_path, metavar="DIR", help="folder for the copy")

    bundle = commands.add_parser(
        "bundle", help="write the coordinator bundle (zip: PDFs, bundle.json, CSV) of a period"
    )
    bundle.add_argument("file", type=_existing_path, metavar="FILE")
    bundle.add_argument("--period", required=True, metavar="LABEL", help="e.g. 2025-2026")
    bundle.add_argument("-o", "--output", required=True, type=_existing_path, metavar="OUT.zip")
    bundle.add_argument(
        "--lang",
        dest="bundle_lang",
        choices=("fi", "sv", "fi+sv"),
        help="PDFs in one language or bilingual (default: Finnish and Swedish, each)",
    )
    bundle.add_argument("--with-names", action="store_true", help="include members' names")
    bundle.add_argument("--replace", action="store_true", help="replace an existing zip file")
    _add_report_parser(commands)
    aggregate = commands.add_parser(
        "aggregate",
        help="the coordinator's overview of many units' bundles (PDF, and Excel or CSV)",
    )
    aggregate.add_argument(
        "sources",
        nargs="+",
        type=_existing_path,
        metavar="BUNDLE_OR_FOLDER",
        help="bundles (.zip), or folders searched for them",
    )
    aggregate.add_argument(
        "-o", "--output", required=True, type=_existing_path, metavar="OVERVIEW.pdf"
    )
    aggregate.add_argument("--xlsx", type=_existing_path, metavar="OVERVIEW.xlsx")
    aggregate.add_argument("--csv", type=_existing_path, metavar="OVERVIEW.csv")
    aggregate.add_argument(
        "--lang",
        dest="overview_lang",
        choices=("fi", "sv", "fi+sv"),
        help="language of the PDF and the workbook (default: the interface's, else Finnish)",
    )
    aggregate.add_argument(
        "--expected",
        type=_existing_path,
        metavar="UNITS.csv",
        help="the units that should have sent a bundle (a column 'unit', and 'site_code')",
    )
    aggregate.add_argument("--replace", action="store_true", help="replace existing files")
    return parser


def _add_report_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    report = commands.add_parser(
        "report",
        help="export a memo, agenda, annual report or evaluation summary (PDF or Word)",
    )
    documents = report.add_subparsers(
        dest="document", metavar="DOCUMENT", required=True, parser_class=_Parser
    )
    memo = documents.add_parser("memo", help="the memo of one meeting")
    agenda = documents.add_parser("agenda", help="the agenda of one meeting")
    for command in (memo, agenda):
        command.add_argument(
            "--meeting",
            default="latest",
            metavar="N|latest",
            help="meeting number (default latest)",
        )
        command.add_argument(
            "--period", metavar="LABEL", help="period of the meeting (default current)"
        )
    annual = documents.add_parser("annual", help="the group's annual report of a period")
    annual.add_argument("--period", required=True, metavar="LABEL", help="e.g. 2025-2026")
    evaluation = documents.add_parser("evaluation", help="one plan's evaluations over time")
    evaluation.add_argument("--plan", required=True, metavar="NAME_OR_ID")
    for command in (memo, agenda, annual, evaluation):
        command.add_argument("file", type=_existing_path, metavar="FILE")
        command.add_argument(
            "--lang", dest="report_lang", choices=("fi", "sv", "fi+sv"), default="fi"
        )
        command.add_argument(
            "-o", "--output", required=True, type=_existing_path, metavar="OUT.pdf|OUT.docx"
        )
        command.add_argument(
            "--format",
            dest="file_format",
            choices=("pdf", "docx"),
            default="pdf",
            help="a PDF (the default) or an editable Word file",
        )
        command.add_argument("--with-names", action="store_true", help="names beside roles")
        command.add_argument(
            "--replace", action="store_true", help="replace an existing file of the same format"
        )
        command.add_argument(
            "--password", metavar="TEXT", help="encrypt the PDF (then not PDF/A); - asks for it"
        )


def _cmd_demo(args: argparse.Namespace) -> int:
    from hyvinvointi_app.services.demo import write_demo

    started = time.perf_counter()
    summary = write_demo(args.file, language=args.demo_lang, years=args.years)
    print(
        f"{args.file}: {summary.periods} periods, {summary.meetings} meetings, "
        f"{summary.members} members ({time.perf_counter() - started:.1f} s)"
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from hyvinvointi_app.domain.errors import DatabaseDamaged
    from hyvinvointi_app.i18n.errors import describe
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.store.database import inspect_file, is_read_only

    _ = ui_translator().gettext
    if args.repair_index:
        return _repair_index(args.file)
    report = inspect_file(args.file)  # only reads: a read-only file is checked all the same
    if not report.integrity_ok:
        # One line for the user; SQLite's page-by-page findings are for IT, via `sqlite3`.
        print(f"hyvinvointi: {describe(DatabaseDamaged(args.file))}", file=sys.stderr)
        return EXIT_UNSOUND
    if report.impossible_dates:
        problem = (
            ui_translator()
            .ngettext(
                "{path}: {count} stored date is not a real date (written by another program): "
                "{example}. The application shows the nearest real date; correct it there.",
                "{path}: {count} stored dates are not real dates (written by another program), "
                "for example {example}. The application shows the nearest real date; correct "
                "them there.",
                len(report.impossible_dates),
            )
            .format(
                path=args.file,
                count=len(report.impossible_dates),
                example="; ".join(report.impossible_dates[:3]),
            )
        )
        print(f"hyvinvointi: {problem}", file=sys.stderr)
        return EXIT_UNSOUND
    from hyvinvointi_app.services.backups import synchronised_folder

    cloud = synchronised_folder(args.file)
    if cloud is not None:
        warning = _(
            "warning: the file is in the synchronised folder {folder}; synchronising a file "
            "while it is open can damage it. Keep it in a folder on this computer."
        ).format(folder=cloud)
        print(f"hyvinvointi: {warning}", file=sys.stderr)
    if report.search_index_faults:
        problem = (
            ui_translator()
            .ngettext(
                "{path}: the search index is out of step with the texts in {count} place, so "
                "the search may miss something. Rebuild it with: hyvinvointi check "
                "--repair-index {path}",
                "{path}: the search index is out of step with the texts in {count} places, so "
                "the search may miss something. Rebuild it with: hyvinvointi check "
                "--repair-index {path}",
                report.search_index_faults,
            )
            .format(path=args.file, count=report.search_index_faults)
        )
        print(f"hyvinvointi: {problem}", file=sys.stderr)
        return EXIT_UNSOUND
    if is_read_only(args.file):
        note = _(
            "note: the file is read-only, so the application can open it only for reading. "
            "Copy it to a folder where you can save to change it."
        )
        print(f"hyvinvointi: {note}", file=sys.stderr)
    print(
        _("{path}: sound (schema version {version}, integrity ok, {mode} mode, {size} KB)").format(
            path=args.file,
            version=report.schema_version,
            mode=report.journal_mode.upper(),
            size=report.size_bytes // 1024,
        )
    )
    return EXIT_OK


def _repair_index(path: Path) -> int:
    from hyvinvointi_app.i18n.formatting import format_tenths
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.services.search import rebuild_index
    from hyvinvointi_app.store.database import open_database

    started = time.perf_counter()
    with open_database(path) as db:
        texts = rebuild_index(db)
    tr = ui_translator()
    seconds = format_tenths(round(time.perf_counter() - started, 1), tr.language)
    print(
        tr.ngettext(
            "{path}: search index rebuilt, {count} text ({seconds} s)",
            "{path}: search index rebuilt, {count} texts ({seconds} s)",
            texts,
        ).format(path=path, count=texts, seconds=seconds)
    )
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    """The search of the window, for scripts and for support: one result a line (kind, date,
    period, the words around the match, matched words between asterisks), or JSON."""
    import json

    from hyvinvointi_app.i18n.formatting import format_date
    from hyvinvointi_app.i18n.labels import label
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.services import search
    from hyvinvointi_app.services.periods import period_by_label

    with _open_to_read(args.file) as db:
        period = period_by_label(db, args.period) if args.period else None
        result = search.search(
            db,
            args.query,
            limit=max(1, args.limit),
            kinds=[SearchKind(kind) for kind in args.kind or ()],
            period_id=period.id if period else None,
        )
    if args.json:
        print(json.dumps(search.result_as_json(result), ensure_ascii=False, indent=1))
        return EXIT_OK
    language = ui_translator().language
    for hit in result.hits:
        words = "".join(f"*{p.text}*" if p.match else p.text for p in hit.snippet)
        day = format_date(hit.date, language) if hit.date else "-"
        print(f"{label(hit.kind)}\t{day}\t{hit.period_label or '-'}\t{words}")
    if result.total > len(result.hits):
        print(
            ui_translator()
            .gettext("({total} results, {shown} shown)")
            .format(total=result.total, shown=len(result.hits)),
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    """The application's automatic backup, by hand: into the unit's subfolder of the backup
    folder chosen in Settings (or ``--to DIR``), only when the data changed, then thinned."""
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.services import backups
    from hyvinvointi_app.services.settings import load_backup_settings
    from hyvinvointi_app.store.database import inspect_file

    _ = ui_translator().gettext
    inspect_file(args.file)
    settings = load_backup_settings()
    if args.to is not None:
        args.to.mkdir(parents=True, exist_ok=True, mode=0o700)  # asked for by name: made
    folder = args.to or settings.folder_for(args.file)
    result = backups.take_backup(args.file, folder, settings.policy)
    if result.outcome is backups.Outcome.UNCHANGED:
        print(_("Nothing has changed since the last backup: {path}").format(path=result.path))
    else:
        print(result.path)
    return EXIT_OK


def _open_to_export(path: Path) -> Database:
    """The unit file opened for writing, so that the export is logged in its activity log
    (and an older file is brought up to date); read-only when it cannot be written (a
    read-only file or folder, a full disk, a copy that another computer holds): an export
    or a search only reads."""
    from hyvinvointi_app.domain.errors import DatabaseLocked, DatabaseReadOnly, DiskFull
    from hyvinvointi_app.store.database import open_database, open_read_only

    try:
        return open_database(path)
    except (DatabaseReadOnly, DiskFull, DatabaseLocked):
        return open_read_only(path)


@contextlib.contextmanager
def _open_to_read(path: Path) -> Iterator[Database]:
    """The unit file opened only to read, beside the application if it has the file open; a
    file of an older version is read from an upgraded copy in a temporary folder, so that
    the file itself stays as the older version wrote it."""
    from hyvinvointi_app.domain.errors import DatabaseReadOnly
    from hyvinvointi_app.store.backup import backup_file
    from hyvinvointi_app.store.database import open_database, open_read_only

    try:
        db = open_read_only(path)
    except DatabaseReadOnly:  # an older schema, which only an upgrade could read
        with tempfile.TemporaryDirectory() as folder:
            copy = backup_file(path, Path(folder))
            with open_database(copy) as upgraded:
                yield upgraded
        return
    with db:
        yield db


def _report_export(result: ExportResult) -> int:
    """Print where the export went, and warn when its activity-log entry is missing."""
    from hyvinvointi_app.i18n.translator import ui_translator

    _ = ui_translator().gettext
    if not result.logged:
        warning = _(
            "warning: the unit file could not be written, so this export is not in its "
            "activity log."
        )
        print(f"hyvinvointi: {warning}", file=sys.stderr)
    print(result.path)
    return EXIT_OK


def _cmd_bundle(args: argparse.Namespace) -> int:
    from hyvinvointi_app.reports.bundle import build_bundle
    from hyvinvointi_app.reports.unprintable import warn_on_stderr
    from hyvinvointi_app.services.periods import period_by_label

    languages = (args.bundle_lang,) if args.bundle_lang else ("fi", "sv")
    with _open_to_export(args.file) as db:
        period = period_by_label(db, args.period)
        result = build_bundle(
            db,
            period.id,
            args.output,
            languages=languages,
            with_names=args.with_names,
            replace=args.replace,
            unprintable=warn_on_stderr,
        )
    return _report_export(result)


def _cmd_aggregate(args: argparse.Namespace) -> int:
    """Read every bundle given, write the overview's files, and tell on stderr, one line
    each, the bundles skipped (with the reason), replaced by newer ones, and missing."""
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.i18n.validation import reason_text
    from hyvinvointi_app.reports.options import ReportOptions
    from hyvinvointi_app.reports.overview import export_overview, refusal_text
    from hyvinvointi_app.services.coordinator import ExpectedListError, aggregate, read_expected

    tr = ui_translator()
    _ = tr.gettext
    expected = []
    if args.expected is not None:
        try:
            expected = read_expected(args.expected)
        except ExpectedListError as error:
            print(
                "hyvinvointi: "
                + _("The list of expected units {path} cannot be read: {reason}").format(
                    path=error.path, reason=reason_text(error.reason)
                ),
                file=sys.stderr,
            )
            return EXIT_ERROR
    language = args.overview_lang or ("sv" if tr.language == "sv" else "fi")
    overview = aggregate(args.sources, expected=expected)
    written = export_overview(
        overview,
        args.output,
        options=ReportOptions(language=language, replace=args.replace),
        xlsx=args.xlsx,
        csv_path=args.csv,
        keep=[args.expected] if args.expected is not None else [],
    )
    for skipped in overview.skipped:
        line = _("{file} was skipped: {reason}").format(
            file=skipped.path, reason=refusal_text(tr.pgettext, skipped.reason)
        )
        print(f"hyvinvointi: {line}", file=sys.stderr)
    for replaced in overview.replaced:
        line = _("{older} was replaced by the newer bundle {newer}").format(
            older=replaced.dropped, newer=replaced.kept
        )
        print(f"hyvinvointi: {line}", file=sys.stderr)
    for missing in overview.missing:
        name = missing.unit.name or missing.unit.site_code or missing.unit.unit_id
        if missing.period_label:
            line = _("No bundle from {unit} for the operating period {period}").format(
                unit=name, period=missing.period_label
            )
        else:
            line = _("No bundle from {unit}").format(unit=name)
        print(f"hyvinvointi: {line}", file=sys.stderr)
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from hyvinvointi_app.domain.errors import NotFound
    from hyvinvointi_app.reports import ExportKind, ReportOptions, export_document
    from hyvinvointi_app.reports.unprintable import warn_on_stderr
    from hyvinvointi_app.services import meetings, periods
    from hyvinvointi_app.services.report_data import find_plan

    password = args.password
    if password == "-":
        import getpass

        password = getpass.getpass()
    options = ReportOptions(
        language=args.report_lang,
        with_names=args.with_names,
        password=password or None,
        replace=args.replace,
    )
    with _open_to_export(args.file) as db:
        if args.document in ("memo", "agenda"):
            period_id = periods.period_by_label(db, args.period).id if args.period else None
            if args.meeting == "latest":
                meeting_id = meetings.latest_meeting(db, period_id)
            elif args.meeting.isdigit():
                if period_id is None:
                    period_id = periods.current_period(db).id
                meeting_id = meetings.meeting_by_number(db, period_id, int(args.meeting))
            else:
                raise NotFound("meeting", args.meeting)
            key = meeting_id
        elif args.document == "annual":
            key = periods.period_by_label(db, args.period).id
        else:
            key = find_plan(db, args.plan)
        result = export_document(
            db,
            args.document,
            key,
            args.output,
            options,
            ExportKind(args.file_format),
            unprintable=warn_on_stderr,
        )
    return _report_export(result)


def _cmd_gui(args: argparse.Namespace) -> int:
    from hyvinvointi_app.paths import data_home, default_database

    path: Path | None = args.db
    if path is None and args.smoke:
        from hyvinvointi_app.services.demo import write_demo

        path = Path(tempfile.mkdtemp(prefix="hyvinvointi-smoke-")) / "demo.sqlite"
        write_demo(path, language="fi", years=1)
    elif path is None and args.demo:
        path = data_home() / "demo.sqlite"
        if not path.exists():
            from hyvinvointi_app.services.demo import write_demo

            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            language = args.lang or _language_from_environment()
            write_demo(path, language=language if language in ("fi", "sv") else "fi")
    elif path is None and default_database().exists():
        path = default_database()
    # Still None: the first run, where the wizard creates the unit (or opens one).
    from hyvinvointi_app.ui.app import run

    return run(
        path,
        language=args.lang,
        fallback_language=_language_from_environment(),
        smoke=args.smoke,
        uptime=process_uptime,
    )


def _report_format(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A file asked for under the other format's name, or a Word file with a password (only
    a PDF has one), is a mistake in the arguments."""
    from hyvinvointi_app.i18n.translator import ui_translator
    from hyvinvointi_app.services.exports import ExportKind

    _ = ui_translator().gettext
    suffix = args.output.suffix.lower()
    wanted = ExportKind(args.file_format).suffix
    if suffix in (".pdf", ".docx") and suffix != wanted:
        parser.error(
            _("The output {name} is not a {suffix} file.").format(
                name=args.output.name, suffix=wanted
            )
        )
    if args.file_format == "docx" and args.password:
        parser.error(_("--password protects a PDF only, not a Word file."))


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from hyvinvointi_app.i18n.errors import describe
    from hyvinvointi_app.i18n.translator import set_ui_language

    set_ui_language(args.lang or _language_from_environment())
    if args.command == "report":
        _report_format(parser, args)
    handlers = {"demo": _cmd_demo, "check": _cmd_check, "backup": _cmd_backup}
    handlers["bundle"] = _cmd_bundle
    handlers["report"] = _cmd_report
    handlers["aggregate"] = _cmd_aggregate
    handlers["search"] = _cmd_search
    try:
        return handlers.get(args.command, _cmd_gui)(args)
    except UserError as error:
        print(f"hyvinvointi: {describe(error)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:  # e.g. an output folder that cannot be created, a full disk
        from hyvinvointi_app.domain.errors import WriteProblem
        from hyvinvointi_app.store.storage_errors import write_problem

        mapped = write_problem(error, Path(error.filename or "."))
        if mapped is not None and mapped.problem is not WriteProblem.OTHER:
            print(f"hyvinvointi: {describe(mapped)}", file=sys.stderr)
        else:
            print(
                f"hyvinvointi: {error.strerror or error}: {error.filename or ''}", file=sys.stderr
            )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
