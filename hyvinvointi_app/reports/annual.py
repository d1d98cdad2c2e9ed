"""The group's annual report for one operating period (toimintakertomus / verksamhetsberättelse)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from hyvinvointi_app.domain.enums import (
    MeetingStatus,
    Role,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.i18n.formatting import month_name
from hyvinvointi_app.reports.blocks import (
    DATE_MM,
    Block,
    Facts,
    Grid,
    Heading,
    Keep,
    PageFrame,
    Para,
    Subtitle,
    Title,
    labelled,
)
from hyvinvointi_app.reports.common import person, typed_person, unit_name
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.survey_results import period_blocks
from hyvinvointi_app.reports.texts import SEPARATOR, ReportTexts, document_name
from hyvinvointi_app.services import period_scope
from hyvinvointi_app.services.period_scope import ThemeOutcome
from hyvinvointi_app.services.report_data import AnnualData
from hyvinvointi_app.services.result_cards import CardView


def document_type(tx: ReportTexts) -> str:
    return document_name(tx, "annual")


def page_frame(data: AnnualData, tx: ReportTexts, options: ReportOptions) -> PageFrame:
    unit = unit_name(data.unit, tx)
    kind = document_type(tx)
    return PageFrame(
        unit_name=unit,
        document_type=kind,
        document_date=data.period.label,
        page_word=tx.pgettext("report", "Page"),
        title=f"{kind} {data.period.label}",
        subject=tx.pgettext(
            "report",
            "Annual report of the wellbeing group, operating period {period}",
            period=data.period.label,
        ),
        keywords=", ".join([unit, data.period.label]),
        language=tx.pdf_language,
    )


def _roles(tx: ReportTexts, roles: tuple[Role, ...], name: Callable[[Role], str]) -> str:
    """Roles as a list: one to a line when each is named in two languages."""
    return ("\n" if tx.bilingual else ", ").join(name(r) for r in roles) or "\u2013"


def _months(tx: ReportTexts, month: int) -> str:
    return SEPARATOR.join(dict.fromkeys(month_name(month, c) for c in tx.codes))


def _members(data: AnnualData, tx: ReportTexts, options: ReportOptions) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Members by role"))]
    by_role: dict[Role, list[str]] = defaultdict(list)
    for m in data.members:
        by_role[m.role].append(m.name or "")
    ordered = [r for r in Role if r in by_role]
    if options.with_names:
        rows = [[tx.label(role), ", ".join(n for n in by_role[role] if n)] for role in ordered]
        story.append(
            Grid([tx.pgettext("report", "Role"), tx.pgettext("report", "Name")], rows, [1, 1])
        )
    else:
        rows = [[tx.label(role), tx.number(len(by_role[role]))] for role in ordered]
        story.append(
            Grid([tx.pgettext("report", "Role"), tx.pgettext("report", "Members")], rows, [3, 1])
        )
    return story


def _meetings(data: AnnualData, tx: ReportTexts) -> list[Block]:
    s = data.summary
    story: list[Block] = [Heading(tx.pgettext("report", "Meetings held"))]
    rows = [
        [
            str(m.number),
            tx.date(m.date),
            _roles(tx, m.roles_present, tx.label),
            _roles(tx, m.roles_missing, tx.missing_role),
        ]
        for m in s.meetings
    ]
    story.append(
        Grid(
            [
                tx.pgettext("report", "No."),
                tx.pgettext("report", "Date"),
                tx.pgettext("report", "Roles present"),
                tx.pgettext("report", "Roles missing"),
            ],
            rows,
            [1, 1, 4, 3],
            {0: 12, 1: DATE_MM},
        )
    )
    return story


def _latest_value(card: CardView) -> str:
    recorded = [c for c in card.checkpoints if c.recorded_on is not None and c.value_note]
    return recorded[-1].value_note if recorded else ""


def _goals(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Goals and how far they were met"))]
    if not data.cards:
        return [
            *story,
            Para(tx.pgettext("report", "No result cards were followed in this period.")),
        ]
    rows = [
        [card.what_to_change, card.target_state, tx.label(card.status), _latest_value(card)]
        for card in data.cards
    ]
    story.append(
        Grid(
            [
                tx.pgettext("report", "What we want to change"),
                tx.pgettext("report", "Target state"),
                tx.pgettext("report", "Status"),
                tx.pgettext("report", "Latest follow-up"),
            ],
            rows,
            [3, 3, 1.3, 3],
        )
    )
    return story


def _theme_handling(tx: ReportTexts, outcome: ThemeOutcome) -> str:
    """Where a planned theme was handled: its held meetings, else the director's mark (with
    its note), else not handled."""
    if outcome.meetings:
        return ", ".join(
            _meeting_ref(tx, done.meeting_number, done.meeting_date) for done in outcome.meetings
        )
    if outcome.mark is not None:
        text = tx.label(outcome.mark.handling)
        return f"{text}: {outcome.mark.note}" if outcome.mark.note else text
    if outcome.upcoming:
        return tx.pgettext("report", "Not yet handled")
    return tx.pgettext("report", "Not handled")


def _meeting_ref(tx: ReportTexts, number: int, date: dt.date) -> str:
    return tx.pgettext("report", "Meeting {number}", number=number) + f" ({tx.date(date)})"


def _themes(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Annual clock: planned and handled"))]
    outcomes, unplanned = data.theme_outcomes
    rows = [[_months(tx, o.theme.month), o.theme.title, _theme_handling(tx, o)] for o in outcomes]
    by_title: dict[str, list[str]] = defaultdict(list)
    for done in unplanned:
        by_title[done.title].append(_meeting_ref(tx, done.meeting_number, done.meeting_date))
    rows += [["", title, ", ".join(where)] for title, where in by_title.items()]
    story.append(
        Grid(
            [
                tx.pgettext("report", "Month"),
                tx.pgettext("report", "Planned theme"),
                tx.pgettext("report", "Handling"),
            ],
            rows,
            [1.4, 4, 3],
        )
    )
    return story


def _summary(data: AnnualData, tx: ReportTexts) -> list[Block]:
    """The group's own summary of the period, and whether the group approved it."""
    texts = data.texts
    story: list[Block] = [Heading(tx.pgettext("report", "Summary"))]
    if not texts.summary.strip():
        return [*story, Para(tx.pgettext("report", "No summary has been written."), "note")]
    story.append(Para(texts.summary))
    if texts.summary_approved_on is not None:
        story.append(
            Para(
                tx.pgettext(
                    "report",
                    "The group approved the summary on {date}.",
                    date=tx.date(texts.summary_approved_on),
                )
            )
        )
    else:
        story.append(
            Para(tx.pgettext("report", "The group has not yet approved the summary."), "label")
        )
    return story


def _plans(data: AnnualData, tx: ReportTexts) -> list[Block]:
    """Every plan in use, evaluated in the period or not, so a missing evaluation shows."""
    story: list[Block] = [Heading(tx.pgettext("report", "Plans"))]
    if not data.plans:
        return [*story, Para(tx.pgettext("report", "The unit has no plans in its register."))]
    rows = []
    for entry in data.plans:
        name = entry.plan.name
        if entry.plan.archived:
            name += " " + tx.pgettext("report", "(archived)")
        rows.append(
            [
                name,
                tx.yes_no(entry.evaluated),
                "\n".join(tx.date(e.date) for e in entry.evaluations),
                "\n".join(
                    tx.label(e.conclusion) if e.conclusion else "\u2013" for e in entry.evaluations
                ),
            ]
        )
    story.append(
        Grid(
            [
                tx.pgettext("report", "Plan"),
                tx.pgettext("report", "Evaluated in the period"),
                tx.pgettext("report", "Date"),
                tx.pgettext("report", "Conclusion"),
            ],
            rows,
            [4, 1, 1, 2.4],
            {1: 40, 2: DATE_MM},
        )
    )
    return story


def _evaluations(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Plan evaluations"))]
    if not data.evaluations:
        return [*story, Para(tx.pgettext("report", "No plans were evaluated in this period."))]
    for e in data.evaluations:
        title = f"{e.plan_name} \u2013 {tx.date(e.date)}"
        conclusion = tx.label(e.conclusion) if e.conclusion else ""
        block: list[Block] = [Heading(title, 3)]
        if conclusion:
            block.append(Para(tx.pgettext("report", "Conclusion") + f": {conclusion}"))
        story.append(Keep(block))
        story += labelled(tx.pgettext("report", "Strengths"), e.strengths)
        story += labelled(tx.pgettext("report", "Development areas"), e.development_areas)
    return story


def _cards(data: AnnualData, tx: ReportTexts, options: ReportOptions) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Result cards"))]
    if not data.cards:
        return [
            *story,
            Para(tx.pgettext("report", "No result cards were followed in this period.")),
        ]
    for number, card in enumerate(data.cards):
        # the section's heading stays on the page of its first card
        head: list[Block] = [story.pop()] if number == 0 else []
        head.append(Heading(card.what_to_change, 3))
        head.append(
            Facts(
                [
                    (tx.pgettext("report", "Plan"), card.plan_name or ""),
                    (tx.pgettext("report", "Current state"), card.current_state),
                    (tx.pgettext("report", "Target state"), card.target_state),
                    (tx.pgettext("report", "Ideal state"), card.ideal_state),
                    (tx.pgettext("report", "Measures"), card.measures),
                    (tx.pgettext("report", "Indicator"), card.indicator),
                    (tx.pgettext("report", "Status"), tx.label(card.status)),
                ],
                0.25,
            )
        )
        if card.checkpoints:
            rows = [
                [
                    tx.date(c.due_date),
                    person(
                        tx,
                        c.responsible_role,
                        c.responsible_name,
                        options.with_names,
                        c.responsible_text,
                        data.name_roles,
                    ),
                    c.value_note,
                    tx.date(c.recorded_on),
                ]
                for c in card.checkpoints
            ]
            head.append(
                Grid(
                    [
                        tx.pgettext("report", "Checkpoint"),
                        tx.pgettext("report", "Responsible"),
                        tx.pgettext("report", "Value or note"),
                        tx.pgettext("report", "Recorded"),
                    ],
                    rows,
                    [1, 2.5, 4, 1],
                    {0: 35, 3: DATE_MM},
                )
            )
        story.append(Keep(head))  # a card's fields stay with its checkpoints
    return story


def _actions(data: AnnualData, tx: ReportTexts, options: ReportOptions) -> list[Block]:
    counts = data.summary.actions
    story: list[Block] = [Heading(tx.pgettext("report", "Action items"))]
    story.append(
        Para(tx.pgettext("report", "Situation on {date}", date=tx.date(data.summary.as_of)))
    )
    story.append(
        Grid(
            [
                tx.pgettext("report", "Done"),
                tx.pgettext("report", "Open"),
                tx.pgettext("report", "Overdue"),
                tx.pgettext("report", "Dropped"),
            ],
            [
                [
                    tx.number(counts.done),
                    tx.number(counts.open),
                    tx.number(counts.overdue),
                    tx.number(counts.dropped),
                ]
            ],
            [1, 1, 1, 1],
        )
    )
    if data.summary.overdue_actions:
        story.append(Para(tx.pgettext("report", "Overdue action items"), "label"))
        rows = [
            [
                a.text,
                _meeting_ref(tx, a.meeting_number, a.meeting_date),
                person(
                    tx,
                    a.responsible_role,
                    a.responsible_name,
                    options.with_names,
                    a.responsible_text,
                    data.name_roles,
                ),
                tx.date(a.due_date),
            ]
            for a in data.summary.overdue_actions
        ]
        story.append(
            Grid(
                [
                    tx.pgettext("report", "Action item"),
                    tx.pgettext("report", "Agreed in"),
                    tx.pgettext("report", "Responsible"),
                    tx.pgettext("report", "Due date"),
                ],
                rows,
                [4, 1, 3, 1],
                {1: DATE_MM + 12, 3: DATE_MM},
            )
        )
    return story


def _participation(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Children's and guardians' participation"))]
    rows = []
    for meeting in data.meetings:
        for voice in meeting.voices:
            if not (voice.methods or voice.summary.strip()):
                continue
            methods = ", ".join(
                tx.label(VoiceMethod(m))
                for m in voice.methods
                if m in VoiceMethod._value2member_map_
            )
            who = (
                tx.pgettext("report", "Children")
                if voice.kind is VoiceKind.CHILDREN
                else tx.pgettext("report", "Guardians")
            )
            rows.append([tx.date(meeting.date), who, methods, voice.summary])
    if not rows:
        return [*story, Para(tx.pgettext("report", "Nothing was recorded."))]
    story.append(
        Grid(
            [
                tx.pgettext("report", "Date"),
                tx.pgettext("report", "Whose views"),
                tx.pgettext("report", "How collected"),
                tx.pgettext("report", "What came up"),
            ],
            rows,
            [1, 1, 2.4, 5],
            {0: DATE_MM, 1: 32},
        )
    )
    return story


def _surveys(data: AnnualData, tx: ReportTexts) -> list[Block]:
    """Each survey's counts in the period's meetings, against the previous period."""
    if not data.surveys:
        return []
    story: list[Block] = [Heading(tx.pgettext("report", "Surveys of children and guardians"), 3)]
    for result in data.surveys:
        story += period_blocks(tx, result, data.period.label)
    return story


def _plans_needing_update(data: AnnualData, tx: ReportTexts, options: ReportOptions) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Plans needing an update"))]
    if not data.plans_needing_update:
        return [*story, Para(tx.pgettext("report", "No plan was found to need updating."))]
    rows = [
        [
            e.plan_name,
            tx.date(e.date),
            typed_person(tx, e.update_by, data.name_roles, options.with_names),
            tx.date(e.update_due),
        ]
        for e in data.plans_needing_update
    ]
    story.append(
        Grid(
            [
                tx.pgettext("report", "Plan"),
                tx.pgettext("report", "Evaluated"),
                tx.pgettext("report", "To be updated by"),
                tx.pgettext("report", "By date"),
            ],
            rows,
            [4, 1, 2.5, 1],
            {1: DATE_MM, 3: DATE_MM},
        )
    )
    return story


def _requests(data: AnnualData, tx: ReportTexts) -> list[Block]:
    """What the group asks of the provider, as the group wrote it."""
    story: list[Block] = [Heading(tx.pgettext("report", "Requests to the provider"))]
    text = data.texts.provider_requests
    if not text.strip():
        return [*story, Para(tx.pgettext("report", "The group made no requests to the provider."))]
    return [*story, Para(text)]


def _next_period(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Development areas for the next period"))]
    areas = period_scope.next_period_development_areas(data.evaluations, data.cards)
    if not areas:
        return [*story, Para(tx.pgettext("report", "Nothing was recorded."))]
    story += [Para(f"\u2022 {area}") for area in areas]
    return story


def _memos(data: AnnualData, tx: ReportTexts) -> list[Block]:
    story: list[Block] = [Heading(tx.pgettext("report", "Memos"))]
    rows = [
        [
            str(m.number),
            tx.date(m.date),
            tx.label(m.status),
            tx.date(m.approved_at.astimezone().date())
            if m.status is MeetingStatus.APPROVED and m.approved_at
            else "",
        ]
        for m in data.meetings
    ]
    story.append(
        Grid(
            [
                tx.pgettext("report", "No."),
                tx.pgettext("report", "Date"),
                tx.pgettext("report", "Status"),
                tx.pgettext("report", "Approved on"),
            ],
            rows,
            [1, 1, 3, 1],
            {0: 12, 1: DATE_MM, 3: DATE_MM + 8},
        )
    )
    return story


def _package(data: AnnualData, tx: ReportTexts) -> list[tuple[str, str]]:
    """The municipal package the unit works by, when it uses one."""
    if data.package is None:
        return []
    return [
        (
            tx.pgettext("report", "Municipal package"),
            # the name once, as typed; only the word "version" in each language
            data.package.name
            + ", "
            + tx.pgettext("report", "version {version}", version=data.package.version),
        )
    ]


def build_blocks(data: AnnualData, options: ReportOptions) -> list[Block]:
    tx = ReportTexts(options.language)
    s = data.summary
    story: list[Block] = [
        Title(document_type(tx)),
        Subtitle(f"{unit_name(data.unit, tx)} \u2013 " + tx.pgettext("report", "Wellbeing group")),
        Facts(
            [
                (tx.pgettext("report", "Unit"), unit_name(data.unit, tx)),
                (tx.pgettext("report", "Municipality"), data.unit.municipality),
                (
                    tx.pgettext("report", "Operating period"),
                    f"{data.period.label} ({tx.date(data.period.start_date)}"
                    f"\u2013{tx.date(data.period.end_date)})",
                ),
                (tx.pgettext("report", "Meetings held"), tx.number(s.meetings_held)),
                (
                    tx.pgettext(
                        "report", "Minimum of {count} meetings met", count=s.minimum_meetings
                    ),
                    tx.yes_no(s.minimum_met),
                ),
                (
                    tx.pgettext("report", "Roles missing in the period"),
                    _roles(tx, s.roles_missing_in_period, tx.missing_role),
                ),
                *_package(data, tx),
                (tx.pgettext("report", "Date of report"), tx.date(options.created_at().date())),
            ]
        ),
    ]
    story += _summary(data, tx)
    story += _members(data, tx, options)
    story += _meetings(data, tx)
    story += _goals(data, tx)
    story += _themes(data, tx)
    story += _plans(data, tx)
    story += _evaluations(data, tx)
    story += _plans_needing_update(data, tx, options)
    story += _cards(data, tx, options)
    story += _actions(data, tx, options)
    story += _participation(data, tx)
    story += _surveys(data, tx)
    story += _requests(data, tx)
    story += _next_period(data, tx)
    story += _memos(data, tx)
    return story
