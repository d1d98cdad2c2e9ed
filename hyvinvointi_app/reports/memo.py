"""The memo of one meeting (kokousmuistio / minnesanteckningar)."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.reports.common import NameRoles, action_status, member, responsible, unit_name
from hyvinvointi_app.reports.layout import (
    DATE_MM,
    PageFrame,
    facts,
    heading,
    labelled,
    para,
    spacer,
    table,
)
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.meetings import ActionView, AgendaItemView, FollowUpView, VoiceView
from hyvinvointi_app.services.report_data import MemoData


def document_type(tx: ReportTexts) -> str:
    return tx.pgettext("report", "Memo")


def page_frame(data: MemoData, tx: ReportTexts) -> PageFrame:
    meeting = data.meeting
    unit = unit_name(data.unit, tx)
    kind = document_type(tx)
    return PageFrame(
        unit_name=unit,
        document_type=kind,
        document_date=tx.date(meeting.date),
        page_word=tx.pgettext("report", "Page"),
        title=f"{kind} {tx.date(meeting.date)}",
        subject=tx.pgettext(
            "report", "Memo of meeting {number} of the wellbeing group", number=meeting.number
        ),
        keywords=", ".join([unit, meeting.period_label]),
        language=tx.pdf_language,
    )


def _actions_table(
    tx: ReportTexts,
    actions: tuple[ActionView, ...],
    options: ReportOptions,
    today: dt.date,
    names: NameRoles,
) -> Flowable:
    return table(
        [
            tx.pgettext("report", "Action item"),
            tx.pgettext("report", "Responsible"),
            tx.pgettext("report", "Due date"),
            tx.pgettext("report", "Status"),
        ],
        [
            [
                a.text,
                responsible(tx, a, options.with_names, names),
                tx.date(a.due_date),
                action_status(tx, a, today),
            ]
            for a in actions
        ],
        [5, 3, 1, 1.4],
        {2: DATE_MM},
    )


def _follow_up_table(
    tx: ReportTexts, rows: tuple[FollowUpView, ...], options: ReportOptions, names: NameRoles
) -> Flowable:
    return table(
        [
            tx.pgettext("report", "Action item"),
            tx.pgettext("report", "Agreed in"),
            tx.pgettext("report", "Responsible"),
            tx.pgettext("report", "Due date"),
            tx.pgettext("report", "Decision"),
            tx.pgettext("report", "Comment"),
        ],
        [
            [
                f.action.text,
                tx.pgettext("report", "Meeting {number}", number=f.origin_meeting_number)
                + f" ({tx.date(f.origin_meeting_date)})",
                responsible(tx, f.action, options.with_names, names),
                tx.date(f.action.due_date),
                tx.label(f.outcome) if f.outcome else "",
                f.comment,
            ]
            for f in rows
        ],
        [3.2, 1, 3, 1, 1.5, 2.4],
        {1: 27, 3: DATE_MM},
    )


def _voice(tx: ReportTexts, voice: VoiceView | None) -> list[Flowable]:
    if voice is None or not (voice.methods or voice.summary.strip()):
        return []
    story: list[Flowable] = []
    methods = ", ".join(
        tx.label(VoiceMethod(m)) for m in voice.methods if m in VoiceMethod._value2member_map_
    )
    if methods:
        story += labelled(tx.pgettext("report", "How the views were collected"), methods)
    story += labelled(tx.pgettext("report", "What came up"), voice.summary)
    return story


def _item(
    data: MemoData, item: AgendaItemView, tx: ReportTexts, options: ReportOptions, today: dt.date
) -> list[Flowable]:
    meeting = data.meeting
    title = item.title or tx.label(item.kind)
    story: list[Flowable] = [heading(f"{item.position}. {title}", 3)]
    if item.plan_name:
        story.append(para(f"{tx.pgettext('report', 'Plan')}: {item.plan_name}"))
    if item.kind is AgendaItemKind.ATTENDANCE:
        story.append(
            para(tx.pgettext("report", "Attendance is recorded at the beginning of the memo."))
        )
    if item.kind is AgendaItemKind.FOLLOW_UP:
        if meeting.follow_ups:
            story.append(_follow_up_table(tx, meeting.follow_ups, options, data.name_roles))
            story.append(spacer(2))
        else:
            story.append(
                para(tx.pgettext("report", "No action items were open from earlier meetings."))
            )
    voices = {v.kind: v for v in meeting.voices}
    if item.kind is AgendaItemKind.CHILDREN_VOICE:
        story += _voice(tx, voices.get(VoiceKind.CHILDREN))
    if item.kind is AgendaItemKind.GUARDIANS_VOICE:
        story += _voice(tx, voices.get(VoiceKind.GUARDIANS))
    if item.kind is AgendaItemKind.NEXT_MEETING and data.next_meeting is not None:
        nxt = data.next_meeting
        text = " ".join(
            part
            for part in (tx.date_long(nxt.date), tx.time_range(nxt.start_time, None), nxt.place)
            if part
        )
        story += labelled(tx.pgettext("report", "Next meeting"), text)
    story += labelled(tx.pgettext("report", "Discussion"), item.notes)
    story += labelled(tx.pgettext("report", "Decision"), item.decision)
    if item.actions:
        story.append(para(tx.pgettext("report", "Action items"), "label"))
        story.append(_actions_table(tx, item.actions, options, today, data.name_roles))
    if len(story) == 1:
        story.append(para("\u2013", "note"))
    return story


def build_story(data: MemoData, options: ReportOptions) -> list[Flowable]:
    tx = ReportTexts(options.language)
    meeting = data.meeting
    today = options.created_at().date()
    story: list[Flowable] = [
        para(document_type(tx), "title"),
        para(
            f"{unit_name(data.unit, tx)} \u2013 {tx.pgettext('report', 'Wellbeing group')}",
            "subtitle",
        ),
    ]
    if meeting.status is MeetingStatus.DRAFT:
        story.append(
            para(tx.pgettext("report", "Draft: this memo has not been approved."), "label")
        )
    story.append(
        facts(
            [
                (tx.pgettext("report", "Unit"), unit_name(data.unit, tx)),
                (tx.pgettext("report", "Municipality"), data.unit.municipality),
                (tx.pgettext("report", "Group"), tx.pgettext("report", "Wellbeing group")),
                (tx.pgettext("report", "Operating period"), meeting.period_label),
                (tx.pgettext("report", "Meeting"), str(meeting.number)),
                (
                    tx.pgettext("report", "Date and time"),
                    " ".join(
                        p
                        for p in (
                            tx.date_long(meeting.date),
                            tx.time_range(meeting.start_time, meeting.end_time),
                        )
                        if p
                    ),
                ),
                (tx.pgettext("report", "Place"), meeting.place),
                (tx.pgettext("report", "Chair"), member(tx, meeting.chair, options.with_names)),
                (
                    tx.pgettext("report", "Secretary"),
                    member(tx, meeting.secretary, options.with_names),
                ),
            ]
        )
    )
    story.append(heading(tx.pgettext("report", "Attendance")))
    headers = [tx.pgettext("report", "Role")]
    if options.with_names:
        headers.append(tx.pgettext("report", "Name"))
    headers.append(tx.pgettext("report", "Attendance"))
    rows = []
    for row in meeting.attendance:
        cells = [tx.label(row.role)]
        if options.with_names:
            cells.append(row.member.name or "")
        cells.append(tx.label(row.status))
        rows.append(cells)
    for guest in meeting.guests:
        cells = [tx.label(guest.role) + " (" + tx.pgettext("report", "guest") + ")"]
        if options.with_names:
            cells.append("")
        cells.append(guest.note or tx.label(AttendanceStatus.PRESENT))
        rows.append(cells)
    story.append(table(headers, rows, [3, 3, 2] if options.with_names else [4, 2]))
    story.append(heading(tx.pgettext("report", "Agenda items")))
    for item in meeting.agenda:
        story += _item(data, item, tx, options, today)
    if data.other_actions:
        story.append(heading(tx.pgettext("report", "Other action items"), 3))
        story.append(_actions_table(tx, data.other_actions, options, today, data.name_roles))
    story.append(heading(tx.pgettext("report", "Approval")))
    if meeting.status is MeetingStatus.APPROVED and meeting.approved_at is not None:
        line = tx.pgettext(
            "report", "The memo was approved on {date}.", date=tx.date(meeting.approved_at.date())
        )
        if options.with_names and meeting.approved_by:
            line += " " + tx.pgettext("report", "Approved by: {name}", name=meeting.approved_by)
        story.append(para(line))
    else:
        story.append(para(tx.pgettext("report", "The memo has not yet been approved.")))
    if meeting.privacy_checked:
        story.append(
            para(
                tx.gettext(
                    "No information concerning an individual child has been recorded in the memo."
                )
            )
        )
    return story
