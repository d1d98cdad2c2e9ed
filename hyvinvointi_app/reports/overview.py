"""The coordinator's overview of many units' bundles (:mod:`.services.coordinator`) as a
document: a PDF (PDF/A-2b, the same page and fonts as a unit's reports) in Finnish, Swedish
or both, an Excel workbook (one sheet per table) and a CSV file of the units' rows.

The tables are defined once (:data:`UNIT_COLUMNS` and the sheet builders) and rendered three
ways: the PDF prints the figures of a column group in one cell ("3/2"), the workbook and the
CSV file give each figure a column of its own, so that a coordinator can sort and sum them.
CSV headers are stable English codes (like the bundle's CSV files); the workbook's headers
are in the document's language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from hyvinvointi_app.domain.enums import PlanType, Role
from hyvinvointi_app.domain.errors import (
    ExportRefusal,
    ExportRefused,
    FileNotWritten,
    WriteProblem,
)
from hyvinvointi_app.i18n.collation import sort_key
from hyvinvointi_app.reports.blocks import (
    Block,
    Chart,
    Charts,
    Facts,
    Grid,
    Heading,
    Keep,
    PageFrame,
    Para,
    Space,
    Subtitle,
    Title,
)
from hyvinvointi_app.reports.options import Progress, ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.bundle_reader import RefusalReason
from hyvinvointi_app.services.coordinator import (
    Overview,
    OverviewRow,
    PeriodTotals,
    PlanStanding,
    Recurring,
)
from hyvinvointi_app.services.exports import ExportKind, check_target, write_export

Value = str | int | bool | dt.date | None
PERIOD_MM = 36.0
"""The width of an operating period's column: "Verksamhetsperiod" above 2025-2026."""


@dataclass(frozen=True)
class Column:
    """One figure of a unit's row: its CSV code, its heading in the document's language, its
    value, its width in the workbook (characters), and, where the CSV file gives codes rather
    than words, its value there."""

    code: str
    header: Callable[[ReportTexts], str]
    value: Callable[[OverviewRow, ReportTexts], Value]
    width: int = 12
    coded: Callable[[OverviewRow], Value] | None = None


def _roles(row: OverviewRow, tx: ReportTexts) -> str:
    return ", ".join(
        tx.missing_role(role) if isinstance(role, Role) else role for role in row.missing_roles()
    )


UNIT_COLUMNS: tuple[Column, ...] = (
    Column("unit", lambda tx: tx.pgettext("overview", "Unit"), lambda r, tx: _name(r, tx), 34),
    Column(
        "municipality",
        lambda tx: tx.pgettext("overview", "Municipality"),
        lambda r, tx: r.municipality,
        16,
    ),
    Column(
        "site_code", lambda tx: tx.pgettext("overview", "Site code"), lambda r, tx: r.site_code, 18
    ),
    Column(
        "period",
        lambda tx: tx.pgettext("overview", "Operating period"),
        lambda r, tx: r.period_label,
        14,
    ),
    Column("as_of", lambda tx: tx.pgettext("overview", "Figures as of"), lambda r, tx: r.as_of, 13),
    Column(
        "meetings_held",
        lambda tx: tx.pgettext("overview", "Meetings held"),
        lambda r, tx: r.meetings_held,
    ),
    Column(
        "meetings_required",
        lambda tx: tx.pgettext("overview", "Meetings required"),
        lambda r, tx: r.meetings_required,
    ),
    Column(
        "minimum_met",
        lambda tx: tx.pgettext("overview", "Minimum met"),
        lambda r, tx: r.minimum_met,
    ),
    Column(
        "roles_missing",
        lambda tx: tx.pgettext("overview", "Roles missing"),
        _roles,
        30,
        lambda r: ",".join(r.roles_missing),
    ),
    Column(
        "plans_in_use",
        lambda tx: tx.pgettext("overview", "Plans in use"),
        lambda r, tx: r.plans_total,
    ),
    Column(
        "plans_evaluated",
        lambda tx: tx.pgettext("overview", "Plans evaluated"),
        lambda r, tx: r.plans_evaluated,
    ),
    Column(
        "plans_overdue",
        lambda tx: tx.pgettext("overview", "Evaluations overdue"),
        lambda r, tx: r.plans_overdue,
    ),
    Column(
        "cards_active",
        lambda tx: tx.pgettext("overview", "Result cards active"),
        lambda r, tx: r.cards_active,
    ),
    Column(
        "cards_reached",
        lambda tx: tx.pgettext("overview", "Result cards reached"),
        lambda r, tx: r.cards_reached,
    ),
    Column(
        "actions_open",
        lambda tx: tx.pgettext("overview", "Actions open"),
        lambda r, tx: r.actions_open,
    ),
    Column(
        "actions_overdue",
        lambda tx: tx.pgettext("overview", "Actions overdue"),
        lambda r, tx: r.actions_overdue,
    ),
    Column(
        "themes_planned",
        lambda tx: tx.pgettext("overview", "Themes planned"),
        lambda r, tx: r.themes_planned,
    ),
    Column(
        "themes_handled",
        lambda tx: tx.pgettext("overview", "Themes handled"),
        lambda r, tx: r.themes_handled,
    ),
    Column(
        "voices",
        lambda tx: tx.pgettext("overview", "Children's and guardians' voices"),
        lambda r, tx: r.voices,
    ),
    Column(
        "children_answered",
        lambda tx: tx.pgettext("overview", "Children who answered surveys"),
        lambda r, tx: r.children_answered,
    ),
    Column(
        "guardians_answered",
        lambda tx: tx.pgettext("overview", "Guardians who answered surveys"),
        lambda r, tx: r.guardians_answered,
    ),
    Column(
        "unit_id", lambda tx: tx.pgettext("overview", "Unit identity"), lambda r, tx: r.unit_key, 38
    ),
    Column(
        "bundle_file",
        lambda tx: tx.pgettext("overview", "Bundle file"),
        lambda r, tx: r.source.name,
        40,
    ),
)
"""Every figure of a unit's row, in the order of the workbook's and the CSV file's columns."""


def _name(row: OverviewRow, tx: ReportTexts) -> str:
    names = [row.name(code) for code in tx.codes]
    return " / ".join(dict.fromkeys(n for n in names if n))


def _standing(tx: ReportTexts, standing: PlanStanding) -> str:
    texts = {
        PlanStanding.EVALUATED: tx.pgettext("overview", "Evaluated"),
        PlanStanding.OVERDUE: tx.pgettext("overview", "Overdue"),
        PlanStanding.NOT_YET: tx.pgettext("overview", "Not yet due"),
    }
    return texts[standing]


def refusal_text(pgettext: Callable[[str, str], str], reason: RefusalReason) -> str:
    """Why a bundle was skipped, by ``pgettext`` (a document's :class:`ReportTexts` or the
    interface's translator)."""
    texts = {
        RefusalReason.UNREADABLE: pgettext("bundle refused", "The file cannot be read."),
        RefusalReason.TOO_LARGE: pgettext(
            "bundle refused", "The file is far larger than a bundle can be."
        ),
        RefusalReason.NOT_A_ZIP: pgettext(
            "bundle refused", "The file is not a zip file, or it is incomplete."
        ),
        RefusalReason.UNSAFE_NAMES: pgettext(
            "bundle refused",
            "The zip file holds names that point outside its folder; it was not opened.",
        ),
        RefusalReason.NO_BUNDLE_JSON: pgettext(
            "bundle refused", "The zip file is not a bundle for the coordinator."
        ),
        RefusalReason.BOMB: pgettext(
            "bundle refused",
            "The zip file unpacks to far more than a bundle can; it was not unpacked.",
        ),
        RefusalReason.DAMAGED: pgettext("bundle refused", "The zip file is damaged."),
        RefusalReason.NOT_JSON: pgettext(
            "bundle refused", "The bundle's figures are not readable."
        ),
        RefusalReason.FOREIGN: pgettext(
            "bundle refused", "The file is not a bundle for the coordinator."
        ),
        RefusalReason.TOO_NEW: pgettext(
            "bundle refused",
            "The bundle was made by a newer version of the application: update the application.",
        ),
        RefusalReason.INVALID_VERSION: pgettext(
            "bundle refused", "The bundle's version is not recognised."
        ),
        RefusalReason.INVALID: pgettext(
            "bundle refused", "The bundle's figures do not follow its format."
        ),
    }
    return texts[reason]


# -- the PDF ------------------------------------------------------------------------------


def _ratio(done: int, total: int) -> str:
    return f"{done}/{total}"


def totals_lines(tx: ReportTexts) -> list[tuple[str, Callable[[PeriodTotals], str]]]:
    """The municipality's figures, each with its text in the document's language and how a
    period's totals show it: the PDF's table and the coordinator view's."""
    return [
        (tx.pgettext("overview", "Units"), lambda t: str(t.units)),
        (
            tx.pgettext("overview", "Units that met the minimum of meetings"),
            lambda t: _ratio(t.units_minimum_met, t.units),
        ),
        (tx.pgettext("overview", "Meetings held"), lambda t: str(t.meetings_held)),
        (
            tx.pgettext("overview", "Units with roles missing"),
            lambda t: _ratio(t.units_roles_missing, t.units),
        ),
        (
            tx.pgettext("overview", "Plans evaluated"),
            lambda t: _ratio(t.plans_evaluated, t.plans_total),
        ),
        (tx.pgettext("overview", "Evaluations overdue"), lambda t: str(t.plans_overdue)),
        (
            tx.pgettext("overview", "Result cards active / reached"),
            lambda t: f"{t.cards_active} / {t.cards_reached}",
        ),
        (
            tx.pgettext("overview", "Actions open (overdue)"),
            lambda t: f"{t.actions_open} ({t.actions_overdue})",
        ),
        (
            tx.pgettext("overview", "Annual-clock themes handled"),
            lambda t: _ratio(t.themes_handled, t.themes_planned),
        ),
        (tx.pgettext("overview", "Children's and guardians' voices"), lambda t: str(t.voices)),
    ]


def _share(done: int, total: int) -> tuple[float, str]:
    return (done / total if total else 0.0), (
        f"{round(100 * done / total)} %" if total else "\u2013"
    )


def trend_charts(tx: ReportTexts, totals: Sequence[PeriodTotals]) -> Charts:
    """The municipality's trend in three shares over the (six latest) periods: units that
    met the minimum of meetings, plans evaluated, planned themes handled."""
    recent = list(totals)[-6:]
    figures: list[tuple[str, Callable[[PeriodTotals], tuple[int, int]]]] = [
        (
            tx.pgettext("overview", "Units that met the minimum of meetings"),
            lambda t: (t.units_minimum_met, t.units),
        ),
        (tx.pgettext("overview", "Plans evaluated"), lambda t: (t.plans_evaluated, t.plans_total)),
        (
            tx.pgettext("overview", "Annual-clock themes handled"),
            lambda t: (t.themes_handled, t.themes_planned),
        ),
    ]
    return Charts(
        [
            Chart(title, [(t.period_label, *_share(*share(t))) for t in recent])
            for title, share in figures
        ]
    )


def _totals_grid(tx: ReportTexts, totals: Sequence[PeriodTotals]) -> Grid:
    """One column per period, oldest first: the municipality's trend reads left to right
    (the four latest periods fit the page)."""
    lines = totals_lines(tx)
    recent = list(totals)[-4:]
    return Grid(
        [tx.pgettext("overview", "Figure"), *(t.period_label for t in recent)],
        [[text, *(value(t) for t in recent)] for text, value in lines],
        [3, *([1] * len(recent))],
    )


TREND_PERIODS = 4
"""A unit's trend in the PDF covers the latest periods that fit a cell."""


def _unit_trends_grid(tx: ReportTexts, overview: Overview) -> Grid | None:
    """A line per unit with bundles of two periods or more, each figure's values over the
    latest periods (``3 → 4 → 4``); None when no unit has two."""
    recent = overview.periods[-TREND_PERIODS:]
    by_unit: dict[str, dict[str, OverviewRow]] = {}
    for row in overview.rows:
        if row.period_label in recent:
            by_unit.setdefault(row.unit_key, {})[row.period_label] = row
    units = [rows for rows in by_unit.values() if len(rows) > 1]
    if not units:
        return None
    figures: list[Callable[[OverviewRow], str]] = [
        lambda r: str(r.meetings_held),
        lambda r: _share(r.plans_evaluated, r.plans_total)[1],
        lambda r: _share(r.themes_handled, r.themes_planned)[1] if r.version > 1 else "\u2013",
        lambda r: str(r.actions_open),
    ]

    def trend(rows: dict[str, OverviewRow], figure: Callable[[OverviewRow], str]) -> str:
        return " \u2192 ".join(
            figure(rows[label]) if label in rows else "\u2013" for label in recent
        )

    lines = [
        [_name(next(reversed(rows.values())), tx), *(trend(rows, f) for f in figures)]
        for rows in units
    ]
    return Grid(
        [
            tx.pgettext("overview", "Unit"),
            tx.pgettext("overview", "Meetings held"),
            tx.pgettext("overview", "Plans evaluated"),
            tx.pgettext("overview", "Themes handled"),
            tx.pgettext("overview", "Actions open"),
        ],
        sorted(lines, key=lambda line: sort_key(line[0])),
        [2, 1, 1, 1, 1],
    )


def _units_grid(tx: ReportTexts, rows: Sequence[OverviewRow]) -> Grid:
    """A unit to a line; the figures' columns narrow and fixed, the names wrap. A version-1
    bundle carries no annual-clock coverage: its themes are a dash."""
    return Grid(
        [
            tx.pgettext("overview", "Unit"),
            tx.pgettext("overview", "Meetings"),
            tx.pgettext("overview", "Evaluations (overdue)"),
            tx.pgettext("overview", "Cards active / reached"),
            tx.pgettext("overview", "Actions open (overdue)"),
            tx.pgettext("overview", "Themes handled"),
        ],
        [
            [
                _name(row, tx),
                _ratio(row.meetings_held, row.meetings_required)
                + ("" if row.minimum_met else " \u26a0"),
                _ratio(row.plans_evaluated, row.plans_total)
                + (f" ({row.plans_overdue})" if row.plans_overdue else ""),
                f"{row.cards_active} / {row.cards_reached}",
                f"{row.actions_open} ({row.actions_overdue})",
                _ratio(row.themes_handled, row.themes_planned) if row.version > 1 else "\u2013",
            ]
            for row in rows
        ],
        [1, 0, 0, 0, 0, 0],
        {1: 20, 2: 28, 3: 27, 4: 27, 5: 24},
    )


def _roles_grid(tx: ReportTexts, rows: Sequence[OverviewRow]) -> Grid | None:
    lines = [
        [_name(row, tx), row.period_label, _roles(row, tx)] for row in rows if row.roles_missing
    ]
    if not lines:
        return None
    return Grid(
        [
            tx.pgettext("overview", "Unit"),
            tx.pgettext("overview", "Operating period"),
            tx.pgettext("overview", "Roles missing"),
        ],
        lines,
        [3, 0, 3],
        {1: PERIOD_MM},
    )


def _overdue_plans(tx: ReportTexts, rows: Sequence[OverviewRow]) -> list[list[str]]:
    return [
        [_name(row, tx), row.period_label, tx.label(plan_type)]
        for row in rows
        for plan_type, standing in row.plans
        if standing is PlanStanding.OVERDUE
    ]


def _recurring_blocks(tx: ReportTexts, found: Sequence[Recurring], header: str) -> list[Block]:
    """One small table per plan type (themes of no plan type last, as "Other")."""
    story: list[Block] = []
    groups: dict[PlanType | None, list[Recurring]] = {}
    for item in found:
        groups.setdefault(item.plan_type, []).append(item)
    for plan_type, items in groups.items():
        title = tx.label(plan_type) if plan_type else tx.pgettext("overview", "Other")
        story.append(
            Keep(
                [
                    Heading(title, 3),
                    Grid(
                        [header, tx.pgettext("overview", "Units")],
                        [[item.text, str(item.units)] for item in items],
                        [1, 0],
                        {1: 18},
                    ),
                ]
            )
        )
    return story


def build_blocks(overview: Overview, options: ReportOptions) -> list[Block]:
    tx = ReportTexts(options.language)
    title = document_title(tx)
    story: list[Block] = [Title(title)]
    periods = (
        " \u2013 ".join(dict.fromkeys([overview.periods[0], overview.periods[-1]]))
        if overview.periods
        else ""
    )
    story.append(
        Subtitle(
            tx.pgettext(
                "overview",
                "{units} units, operating periods {periods}",
                units=len({row.unit_key for row in overview.rows}),
                periods=periods or "\u2013",
            )
        )
    )
    story.append(
        Facts(
            [
                (tx.pgettext("overview", "Made on"), tx.date(options.created_at().date())),
                (tx.pgettext("overview", "Bundles read"), str(overview.read)),
                (tx.pgettext("overview", "Bundles skipped"), str(len(overview.skipped))),
                (tx.pgettext("overview", "Older bundles replaced"), str(len(overview.replaced))),
            ],
            0.4,
        )
    )
    if overview.totals:
        story += [
            Heading(tx.pgettext("overview", "The municipality's figures")),
            _totals_grid(tx, overview.totals),
        ]
        if len(overview.totals) > 1:
            story += [Space(4), trend_charts(tx, overview.totals)]
    trends = _unit_trends_grid(tx, overview)
    if trends is not None:
        recent = overview.periods[-TREND_PERIODS:]
        story += [
            Heading(tx.pgettext("overview", "Each unit's trend")),
            trends,
            Para(
                tx.pgettext(
                    "overview",
                    "Oldest period first: {periods}. A dash: no bundle of that period.",
                    periods=" \u2192 ".join(recent),
                ),
                "note",
            ),
        ]
    for period in reversed(overview.periods):
        rows = sorted(
            (row for row in overview.rows if row.period_label == period),
            key=lambda row: sort_key(_name(row, tx)),
        )
        story += [
            Heading(tx.pgettext("overview", "Units in operating period {period}", period=period)),
            _units_grid(tx, rows),
            Para(
                tx.pgettext(
                    "overview",
                    "Meetings: held / required (\u26a0 the minimum was not met). Evaluations: "
                    "plans evaluated in the period / plans in use, overdue ones in brackets. "
                    "Actions: open, of them overdue in brackets. Themes: planned annual-clock "
                    "themes handled.",
                ),
                "note",
            ),
        ]
    story.append(Heading(tx.pgettext("overview", "Roles missing")))
    roles = _roles_grid(tx, overview.rows)
    story.append(
        roles
        if roles is not None
        else Para(tx.pgettext("overview", "Every expected role had a member in every unit."))
    )
    overdue = _overdue_plans(tx, overview.rows)
    story.append(Heading(tx.pgettext("overview", "Plan evaluations overdue")))
    if overdue:
        story.append(
            Grid(
                [
                    tx.pgettext("overview", "Unit"),
                    tx.pgettext("overview", "Operating period"),
                    tx.pgettext("overview", "Plan type"),
                ],
                overdue,
                [3, 0, 3],
                {1: PERIOD_MM},
            )
        )
    else:
        story.append(Para(tx.pgettext("overview", "No plan evaluation is overdue.")))
    story.append(Heading(tx.pgettext("overview", "Recurring development areas")))
    if overview.development_areas:
        story += _recurring_blocks(
            tx, overview.development_areas, tx.pgettext("overview", "Development area")
        )
    else:
        story.append(
            Para(tx.pgettext("overview", "No development area was written by two units or more."))
        )
    story.append(Heading(tx.pgettext("overview", "Recurring annual-clock themes")))
    if overview.themes:
        story += _recurring_blocks(tx, overview.themes, tx.pgettext("overview", "Theme"))
    else:
        story.append(Para(tx.pgettext("overview", "No theme was handled by two units or more.")))
    story += _missing_blocks(tx, overview)
    story += _skipped_blocks(tx, overview)
    return story


def _missing_blocks(tx: ReportTexts, overview: Overview) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("overview", "Bundles missing"))]
    if not overview.missing:
        return [*story, Para(tx.pgettext("overview", "No expected unit is missing."))]
    return [
        *story,
        Grid(
            [
                tx.pgettext("overview", "Unit"),
                tx.pgettext("overview", "Site code"),
                tx.pgettext("overview", "Operating period"),
            ],
            [[m.unit.name, m.unit.site_code, m.period_label or "\u2013"] for m in overview.missing],
            [3, 2, 0],
            {2: PERIOD_MM},
        ),
    ]


def _skipped_blocks(tx: ReportTexts, overview: Overview) -> list[Block]:
    story: list[Block] = []
    if overview.skipped:
        story += [
            Heading(tx.pgettext("overview", "Files skipped")),
            Grid(
                [tx.pgettext("overview", "File"), tx.pgettext("overview", "Reason")],
                [[s.path.name, refusal_text(tx.pgettext, s.reason)] for s in overview.skipped],
                [2, 3],
            ),
        ]
    if overview.replaced:
        story += [
            Heading(tx.pgettext("overview", "Older bundles replaced by newer ones")),
            Grid(
                [
                    tx.pgettext("overview", "Unit"),
                    tx.pgettext("overview", "Operating period"),
                    tx.pgettext("overview", "Kept"),
                    tx.pgettext("overview", "Replaced"),
                ],
                [
                    [r.unit_name, r.period_label, r.kept.name, r.dropped.name]
                    for r in overview.replaced
                ],
                [2, 0, 2, 2],
                {1: PERIOD_MM},
            ),
        ]
    return story


def document_title(tx: ReportTexts) -> str:
    return tx.pgettext("overview", "Overview of the wellbeing groups")


def page_frame(overview: Overview, options: ReportOptions) -> PageFrame:
    tx = ReportTexts(options.language)
    municipalities = sorted({row.municipality for row in overview.rows if row.municipality})
    title = document_title(tx)
    made = tx.date(options.created_at().date())
    return PageFrame(
        unit_name=", ".join(municipalities),
        document_type=title,
        document_date=made,
        page_word=tx.pgettext("report", "Page"),
        title=f"{title} {made}",
        subject=title,
        keywords=", ".join([*municipalities, *overview.periods]),
        language=tx.pdf_language,
    )


def overview_pdf(overview: Overview, options: ReportOptions) -> bytes:
    """The overview as a PDF (PDF/A-2b unless a password is given)."""
    from hyvinvointi_app.reports.finish import finish
    from hyvinvointi_app.reports.layout import flowables, render

    plain = render(flowables(build_blocks(overview, options)), page_frame(overview, options))
    return finish(
        plain,
        created=options.created_at(),
        archival=options.is_archival,
        password=options.password,
    )


# -- the workbook and the CSV file --------------------------------------------------------


def overview_csv(overview: Overview) -> bytes:
    """The units' rows with English codes as headers: UTF-8 with a byte-order mark, semicolons
    (as the bundle's CSV files)."""
    tx = ReportTexts("fi")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.code for column in UNIT_COLUMNS])
    for row in overview.rows:
        writer.writerow(
            [
                _csv_cell(column.coded(row) if column.coded else column.value(row, tx))
                for column in UNIT_COLUMNS
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet program takes for the start of a formula in a cell's text."""


def _inert(text: str) -> str:
    """Text from a bundle (a unit's name, a development area) as a spreadsheet shows it and
    never runs it: a leading formula character gets an apostrophe before it. Bundles come
    from outside, and "=HYPERLINK(...)" in a unit's name must stay text."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _inert(str(value))


def overview_xlsx(overview: Overview, language: str) -> bytes:
    """The overview as an Excel workbook: one sheet per table, headers in ``language``,
    the header row frozen and filtered, columns wide enough for Finnish headings."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    tx = ReportTexts(language)
    workbook = Workbook()
    skipped: list[list[Value]] = [
        [str(s.path), refusal_text(tx.pgettext, s.reason)] for s in overview.skipped
    ]
    skipped += [
        [str(r.dropped), tx.pgettext("overview", "Replaced by {file}", file=r.kept.name)]
        for r in overview.replaced
    ]
    sheets: list[tuple[str, list[str], list[int], list[list[Value]]]] = [
        (
            tx.pgettext("overview", "Units"),
            [column.header(tx) for column in UNIT_COLUMNS],
            [column.width for column in UNIT_COLUMNS],
            [
                [_cell(column.value(row, tx), tx) for column in UNIT_COLUMNS]
                for row in overview.rows
            ],
        ),
        _plans_sheet(tx, overview),
        _totals_sheet(tx, overview),
        _recurring_sheet(
            tx,
            tx.pgettext("overview", "Development areas"),
            tx.pgettext("overview", "Development area"),
            overview.development_areas,
        ),
        _recurring_sheet(
            tx, tx.pgettext("overview", "Themes"), tx.pgettext("overview", "Theme"), overview.themes
        ),
        (
            tx.pgettext("overview", "Missing"),
            [
                tx.pgettext("overview", "Unit"),
                tx.pgettext("overview", "Municipality"),
                tx.pgettext("overview", "Site code"),
                tx.pgettext("overview", "Operating period"),
            ],
            [34, 16, 18, 14],
            [
                [m.unit.name, m.unit.municipality, m.unit.site_code, m.period_label]
                for m in overview.missing
            ],
        ),
        (
            tx.pgettext("overview", "Skipped"),
            [tx.pgettext("overview", "File"), tx.pgettext("overview", "Reason")],
            [50, 70],
            skipped,
        ),
    ]
    workbook.remove(workbook.active)
    for title, headers, widths, rows in sheets:
        sheet = workbook.create_sheet(_sheet_title(title))
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in rows:
            sheet.append([_sheet_value(value) for value in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text, never a formula
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(
                width, min(len(headers[index - 1]) + 2, 40)
            )
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "d.m.yyyy"
    workbook.properties.title = document_title(tx)
    workbook.properties.creator = "Hyvinvointiryhmä"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """A sheet's name: at most 31 characters and none of ``[]:*?/\\`` (Excel's rules)."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31]


def _sheet_value(value: Value) -> Value:
    """A cell's value without the characters a workbook cannot hold (a control character in
    a bundle's text)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _cell(value: Value, tx: ReportTexts) -> Value:
    if isinstance(value, bool):
        return tx.yes_no(value)
    return value


def _plans_sheet(
    tx: ReportTexts, overview: Overview
) -> tuple[str, list[str], list[int], list[list[Value]]]:
    return (
        tx.pgettext("overview", "Plans"),
        [
            tx.pgettext("overview", "Unit"),
            tx.pgettext("overview", "Operating period"),
            tx.pgettext("overview", "Plan type"),
            tx.pgettext("overview", "Evaluation"),
        ],
        [34, 14, 36, 16],
        [
            [_name(row, tx), row.period_label, tx.label(plan_type), _standing(tx, standing)]
            for row in overview.rows
            for plan_type, standing in row.plans
        ],
    )


def _totals_sheet(
    tx: ReportTexts, overview: Overview
) -> tuple[str, list[str], list[int], list[list[Value]]]:
    fields: list[tuple[str, Callable[[PeriodTotals], int]]] = [
        (tx.pgettext("overview", "Units"), lambda t: t.units),
        (
            tx.pgettext("overview", "Units that met the minimum of meetings"),
            lambda t: t.units_minimum_met,
        ),
        (tx.pgettext("overview", "Meetings held"), lambda t: t.meetings_held),
        (tx.pgettext("overview", "Units with roles missing"), lambda t: t.units_roles_missing),
        (tx.pgettext("overview", "Plans in use"), lambda t: t.plans_total),
        (tx.pgettext("overview", "Plans evaluated"), lambda t: t.plans_evaluated),
        (tx.pgettext("overview", "Evaluations overdue"), lambda t: t.plans_overdue),
        (tx.pgettext("overview", "Result cards active"), lambda t: t.cards_active),
        (tx.pgettext("overview", "Result cards reached"), lambda t: t.cards_reached),
        (tx.pgettext("overview", "Actions open"), lambda t: t.actions_open),
        (tx.pgettext("overview", "Actions overdue"), lambda t: t.actions_overdue),
        (tx.pgettext("overview", "Themes planned"), lambda t: t.themes_planned),
        (tx.pgettext("overview", "Themes handled"), lambda t: t.themes_handled),
        (tx.pgettext("overview", "Children's and guardians' voices"), lambda t: t.voices),
        (tx.pgettext("overview", "Children who answered surveys"), lambda t: t.children_answered),
        (
            tx.pgettext("overview", "Guardians who answered surveys"),
            lambda t: t.guardians_answered,
        ),
    ]
    return (
        tx.pgettext("overview", "Municipality"),
        [tx.pgettext("overview", "Operating period"), *(text for text, _value in fields)],
        [14, *([14] * len(fields))],
        [[t.period_label, *(value(t) for _text, value in fields)] for t in overview.totals],
    )


def _recurring_sheet(
    tx: ReportTexts, title: str, header: str, found: Sequence[Recurring]
) -> tuple[str, list[str], list[int], list[list[Value]]]:
    return (
        title,
        [tx.pgettext("overview", "Plan type"), header, tx.pgettext("overview", "Units")],
        [36, 60, 10],
        [
            [tx.label(item.plan_type) if item.plan_type else "", item.text, item.units]
            for item in found
        ],
    )


# -- writing the files --------------------------------------------------------------------


def export_overview(
    overview: Overview,
    pdf: Path | None,
    *,
    options: ReportOptions,
    xlsx: Path | None = None,
    csv_path: Path | None = None,
    progress: Progress | None = None,
    keep: Collection[Path] = (),
) -> list[Path]:
    """Write the overview's files through the export service (checked first, each written
    atomically); return the paths written. ``options.language`` is the PDF's and the
    workbook's language (the workbook in Finnish for "fi+sv": a sheet wants one heading per
    column). Neither a bundle the overview was read from nor a file of ``keep`` (the list
    of expected units) is ever written over."""
    targets = ((pdf, ExportKind.PDF), (xlsx, ExportKind.XLSX), (csv_path, ExportKind.CSV))
    wanted = [(path, kind) for path, kind in targets if path is not None]
    for path, kind in wanted:  # every target is checked before anything is built
        if check_target(path, kind) and not options.replace:
            raise FileNotWritten(path, WriteProblem.EXISTS)
    sources = {_resolved(path) for path in keep} | {_resolved(row.source) for row in overview.rows}
    sources |= {_resolved(s.path) for s in overview.skipped}
    sources |= {_resolved(r.dropped) for r in overview.replaced}
    seen: set[Path] = set()
    for path, kind in wanted:
        target = _resolved(path)
        if target in sources or target in seen:
            raise ExportRefused(path, ExportRefusal.SOURCE, kind.value)
        seen.add(target)
    made: list[tuple[Path, ExportKind, bytes]] = []  # all made before any is written
    for done, (path, kind) in enumerate(wanted, start=1):
        if kind is ExportKind.PDF:
            made.append((path, kind, overview_pdf(overview, options)))
        elif kind is ExportKind.XLSX:
            language = "fi" if options.language == "fi+sv" else options.language
            made.append((path, kind, overview_xlsx(overview, language)))
        else:
            made.append((path, kind, overview_csv(overview)))
        if progress is not None:
            progress(done, len(wanted) + 1)
    written = [write_export(path, data, kind, replace=options.replace) for path, kind, data in made]
    if progress is not None:
        progress(len(wanted) + 1, len(wanted) + 1)
    return written


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))
