"""The agenda of a planned meeting (esityslista / föredragningslista), built as blocks: when
and where, the items with who presents them and the plan or theme they concern, and the
actions agreed in earlier meetings that are still open. The invitation's e-mail and calendar
entry carry the same agenda as plain text (:func:`agenda_text`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hyvinvointi_app.reports.blocks import (
    DATE_MM,
    Block,
    Grid,
    Heading,
    PageFrame,
    Para,
    Subtitle,
    Title,
)
from hyvinvointi_app.reports.common import (
    action_status,
    carried_action_cells,
    carried_action_titles,
    item_title,
    meeting_facts,
    meeting_time,
    member,
    responsible,
    unit_name,
)
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts, document_name
from hyvinvointi_app.services.annual_clock import Partner
from hyvinvointi_app.services.invitation import AgendaData
from hyvinvointi_app.services.memo_view import AgendaItemView


def concerns(tx: ReportTexts, item: AgendaItemView, partners: Sequence[Partner] = ()) -> str:
    """The plan and the annual-clock theme an item concerns, on lines of their own (a theme
    item titled by its theme says only that it is the clock's), and the theme's partners."""
    lines = []
    if item.plan_name:
        lines.append(tx.pgettext("report", "Plan") + f": {item.plan_name}")
    theme = item.theme.strip()
    if theme and theme != item.title.strip():
        lines.append(tx.pgettext("report", "Theme") + f": {theme}")
    elif theme and not item.plan_name:
        lines.append(tx.pgettext("report", "Annual clock theme"))
    if partners:
        lines.append(tx.partners(partners))
    return "\n".join(lines)


def meeting_title(tx: ReportTexts, data: AgendaData) -> str:
    """ "Hyvinvointiryhmän kokous 3": how the e-mail and the calendar name the meeting."""
    return tx.pgettext("report", "Wellbeing group meeting {number}", number=data.meeting.number)


def document_type(tx: ReportTexts) -> str:
    return document_name(tx, "agenda")


def page_frame(data: AgendaData, tx: ReportTexts, options: ReportOptions) -> PageFrame:
    meeting = data.meeting
    unit = unit_name(data.unit, tx)
    kind = document_type(tx)
    return PageFrame(
        unit_name=unit,
        document_type=kind,
        document_date=tx.date(meeting.date),
        page_word=tx.pgettext("report", "Page"),
        title=f"{kind} {tx.date(meeting.date)}",
        subject=meeting_title(tx, data),
        keywords=", ".join([unit, meeting.period_label]),
        language=tx.pdf_language,
    )


def _items(tx: ReportTexts, data: AgendaData, options: ReportOptions) -> Grid:
    return Grid(
        [
            "",
            tx.pgettext("report", "Agenda item"),
            tx.pgettext("report", "Presenter"),
            tx.pgettext("report", "Concerns"),
        ],
        [
            [
                f"{number}.",
                item_title(tx, item.kind, item.title),
                member(tx, item.presenter, options.with_names),
                concerns(tx, item, data.partners.get(item.id, ())),
            ]
            for number, item in enumerate(data.meeting.agenda, start=1)
        ],
        [0.5, 5, 2.6, 3.4],
        {0: 9},
    )


def _open_actions(
    tx: ReportTexts, data: AgendaData, options: ReportOptions, today: dt.date
) -> Grid:
    return Grid(
        [*carried_action_titles(tx), tx.pgettext("report", "Status")],
        [
            [
                *carried_action_cells(tx, f, options.with_names, data.name_roles),
                action_status(tx, f.action, today),
            ]
            for f in data.open_actions
        ],
        [4, 1, 3, 1, 1.4],
        {1: 27, 3: DATE_MM},
    )


def build_blocks(data: AgendaData, options: ReportOptions) -> list[Block]:
    tx = ReportTexts(options.language)
    meeting = data.meeting
    today = options.created_at().date()
    story: list[Block] = [
        Title(document_type(tx)),
        Subtitle(f"{unit_name(data.unit, tx)} \u2013 " + tx.pgettext("report", "Wellbeing group")),
        meeting_facts(tx, data.unit, meeting, options.with_names),
        Heading(tx.pgettext("report", "Agenda items")),
    ]
    if meeting.agenda:
        story.append(_items(tx, data, options))
    else:
        story.append(Para(tx.pgettext("report", "No agenda items yet."), "note"))
    story.append(Heading(tx.pgettext("report", "Open action items from earlier meetings")))
    if data.open_actions:
        story.append(_open_actions(tx, data, options, today))
    else:
        story.append(
            Para(tx.pgettext("report", "No action items were open from earlier meetings."))
        )
    return story


def agenda_text(data: AgendaData, options: ReportOptions) -> str:
    """The agenda as plain text, for the calendar entry's description and the e-mail's body:
    when and where, the numbered items with their presenter and what they concern, and the
    open actions."""
    tx = ReportTexts(options.language)
    meeting = data.meeting
    lines = [meeting_time(tx, meeting)]
    if meeting.place:
        lines.append(meeting.place)
    lines += ["", document_type(tx)]
    for number, item in enumerate(meeting.agenda, start=1):
        lines.append(f"{number}. {item_title(tx, item.kind, item.title)}")
        presenter = member(tx, item.presenter, options.with_names)
        details = [tx.pgettext("report", "Presenter") + f": {presenter}"] if presenter else []
        details += concerns(tx, item, data.partners.get(item.id, ())).splitlines()
        lines += [f"   {detail}" for detail in details]
    if data.open_actions:
        lines += ["", tx.pgettext("report", "Open action items from earlier meetings")]
        for f in data.open_actions:
            who = responsible(tx, f.action, options.with_names, data.name_roles)
            due = tx.date(f.action.due_date)
            extra = ", ".join(part for part in (who, due) if part)
            lines.append(f"- {f.action.text}" + (f" ({extra})" if extra else ""))
    return "\n".join(lines)
