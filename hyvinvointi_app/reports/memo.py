"""The memo of one meeting (kokousmuistio / minnesanteckningar), built as blocks: the PDF and
the read-only view of a kept version are the same document.

An approved memo is built from its frozen record (:mod:`hyvinvointi_app.services.memo_record`):
its actions' statuses are stated as at its approval day, never as at the day it is printed,
so the same approved memo prints the same text every time.
"""

from __future__ import annotations

import datetime as dt

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingStatus,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.reports.blocks import (
    DATE_MM,
    Block,
    Grid,
    Heading,
    PageFrame,
    Para,
    Signatures,
    Space,
    Subtitle,
    Title,
    labelled,
)
from hyvinvointi_app.reports.common import (
    action_status,
    carried_action_cells,
    carried_action_titles,
    item_title,
    meeting_facts,
    member,
    responsible,
    typed_person,
    unit_name,
)
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.survey_results import tally_blocks
from hyvinvointi_app.reports.texts import ReportTexts, document_name
from hyvinvointi_app.services.memo_record import (
    MemoData,
    RecordedAction,
    RecordedFollowUp,
    RecordedItem,
    RecordedPerson,
    RecordedTally,
    RecordedVoice,
)


def document_type(tx: ReportTexts) -> str:
    return document_name(tx, "memo")


def page_frame(data: MemoData, tx: ReportTexts, options: ReportOptions) -> PageFrame:
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


def _numbered_actions(data: MemoData) -> list[tuple[str, RecordedAction]]:
    """Every action item of the meeting with the number of its agenda item ("" for none)."""
    rows = [
        (str(number), action)
        for number, item in enumerate(data.meeting.agenda, start=1)
        for action in item.actions
    ]
    return rows + [("", action) for action in data.other_actions]


def _actions_table(tx: ReportTexts, data: MemoData, options: ReportOptions, today: dt.date) -> Grid:
    return Grid(
        [
            tx.pgettext("report", "Agenda item"),
            tx.pgettext("report", "Action item"),
            tx.pgettext("report", "Responsible"),
            tx.pgettext("report", "Due date"),
            tx.pgettext("report", "Status"),
        ],
        [
            [
                number,
                a.text,
                responsible(tx, a, options.with_names, data.name_roles),
                tx.date(a.due_date),
                action_status(tx, a, today),
            ]
            for number, a in _numbered_actions(data)
        ],
        [1, 5, 3, 1, 1.4],
        {0: 20 if not tx.bilingual else 30, 3: DATE_MM},
    )


def _follow_up_table(
    tx: ReportTexts, rows: tuple[RecordedFollowUp, ...], data: MemoData, options: ReportOptions
) -> Grid:
    return Grid(
        [
            *carried_action_titles(tx),
            tx.pgettext("report", "Decision"),
            tx.pgettext("report", "Comment"),
        ],
        [
            [
                *carried_action_cells(tx, f, options.with_names, data.name_roles),
                tx.label(f.outcome) if f.outcome else "",
                f.comment,
            ]
            for f in rows
        ],
        [3.2, 1, 3.0, 1, 1.6, 2.4],
        {1: 27, 3: DATE_MM},
    )


VOICE_ITEMS = {
    VoiceKind.CHILDREN: AgendaItemKind.CHILDREN_VOICE,
    VoiceKind.GUARDIANS: AgendaItemKind.GUARDIANS_VOICE,
}


def _voice(
    tx: ReportTexts, voice: RecordedVoice | None, tallies: tuple[RecordedTally, ...]
) -> list[Block]:
    """How the views were collected, the surveys' counts, and what came up."""
    story: list[Block] = []
    methods = ", ".join(
        tx.label(VoiceMethod(m))
        for m in (voice.methods if voice else ())
        if m in VoiceMethod._value2member_map_
    )
    if methods:
        story += labelled(tx.pgettext("report", "How the views were collected"), methods)
    story += [block for tally in tallies for block in tally_blocks(tx, tally)]
    if voice is not None:
        story += labelled(tx.pgettext("report", "What came up"), voice.summary)
    return story


def next_meeting_text(tx: ReportTexts, data: MemoData) -> str:
    """ "maanantai 12. lokakuuta 2026, klo 13.00, Päiväkoti Kuusikon sali"."""
    nxt = data.next_meeting
    if nxt is None:
        return ""
    parts = (tx.date_long(nxt.date), tx.time_range(nxt.start_time, None), nxt.place)
    return ", ".join(part for part in parts if part)


def discussion(notes: str, title: str) -> str:
    """The notes as the memo's discussion: nothing when they only repeat the item's title
    (a note started from the title and never written further says nothing of its own)."""
    if " ".join(notes.split()).casefold().rstrip(".:") == " ".join(title.split()).casefold():
        return ""
    return notes


def _item(
    data: MemoData,
    number: int,
    item: RecordedItem,
    tx: ReportTexts,
    options: ReportOptions,
) -> list[Block]:
    meeting = data.meeting
    story: list[Block] = [Heading(f"{number}. {item_title(tx, item.kind, item.title)}", 3)]
    presenter = member(tx, item.presenter, options.with_names)
    if presenter:
        story.append(Para(tx.pgettext("report", "Presenter") + f": {presenter}"))
    if item.plan_name:
        story.append(Para(tx.pgettext("report", "Plan") + f": {item.plan_name}"))
    if item.kind is AgendaItemKind.ATTENDANCE:
        story.append(
            Para(tx.pgettext("report", "Attendance is recorded at the beginning of the memo."))
        )
    if item.kind is AgendaItemKind.FOLLOW_UP:
        if meeting.follow_ups:
            story.append(_follow_up_table(tx, meeting.follow_ups, data, options))
            story.append(Space(2))
        else:
            story.append(
                Para(tx.pgettext("report", "No action items were open from earlier meetings."))
            )
    voices = {v.kind: v for v in meeting.voices}
    for kind in VoiceKind:
        if item.kind is VOICE_ITEMS[kind]:
            # a survey added to the memo with nobody counted yet says nothing
            tallies = tuple(t for t in meeting.tallies if t.kind is kind and t.respondents)
            story += _voice(tx, voices.get(kind), tallies)
    if item.kind is AgendaItemKind.NEXT_MEETING:
        story += labelled(tx.pgettext("report", "Next meeting"), next_meeting_text(tx, data))
    story += labelled(tx.pgettext("report", "Discussion"), discussion(item.notes, item.title))
    story += labelled(tx.pgettext("report", "Decision {number}", number=number), item.decision)
    if item.actions:
        story.append(
            Para(
                tx.pgettext(
                    "report",
                    "Action items agreed: see the table of action items at the end.",
                ),
                "note",
            )
        )
    if len(story) == 1:
        story.append(Para("\u2013", "note"))
    return story


def _attendance(tx: ReportTexts, data: MemoData, options: ReportOptions) -> list[Block]:
    meeting = data.meeting
    present = sum(1 for row in meeting.attendance if row.status is AttendanceStatus.PRESENT)
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
    return [
        Heading(tx.pgettext("report", "Attendance")),
        Para(
            tx.pgettext(
                "report",
                "{count}/{total} members present",
                count=present,
                total=len(meeting.attendance),
            )
        ),
        Grid(headers, rows, [3, 3, 2] if options.with_names else [4, 2]),
    ]


def approver_text(tx: ReportTexts, data: MemoData, options: ReportOptions) -> str:
    """Who approved the memo, as the document may show them inside a sentence: the typed
    name with the role when names are printed; without names the role of the member of that
    name, else no one."""
    typed = (data.meeting.approved_by or "").strip()
    roles = dict(data.name_roles)
    if typed not in roles:
        return typed if options.with_names else ""
    role = tx.label(roles[typed])
    role = role[:1].lower() + role[1:]
    return f"{typed} ({role})" if options.with_names else role


def _approved_line(tx: ReportTexts, data: MemoData, options: ReportOptions, day: str) -> str:
    """ "Muistion hyväksyi … 12.10.2026." in each of the document's languages."""
    lines = []
    for code in tx.codes:
        one = ReportTexts(code)
        who = approver_text(one, data, options)
        lines.append(
            one.pgettext("report", "The memo was approved by {name} on {date}.", name=who, date=day)
            if who
            else one.pgettext("report", "The memo was approved on {date}.", date=day)
        )
    return "\n".join(dict.fromkeys(lines))  # a sentence per language, on lines of their own


def _signer(tx: ReportTexts, title: str, ref: RecordedPerson | None, options: ReportOptions) -> str:
    who = member(tx, ref, options.with_names)
    return f"{title}\n{who}" if who else title


def _approval(tx: ReportTexts, data: MemoData, options: ReportOptions) -> list[Block]:
    meeting = data.meeting
    story: list[Block] = [Heading(tx.pgettext("report", "Approval"))]
    if meeting.status is MeetingStatus.APPROVED and data.as_at is not None:
        # an approved memo's data is as at its approval day (services.memo_record)
        story.append(Para(_approved_line(tx, data, options, tx.date(data.as_at))))
    else:
        story.append(Para(tx.pgettext("report", "The memo has not yet been approved.")))
    if meeting.privacy_checked:
        story.append(
            Para(
                tx.gettext(
                    "No information concerning an individual child has been recorded in the memo."
                )
            )
        )
    if meeting.signatures:
        story.append(
            Signatures(
                tx.pgettext("report", "Signatures"),
                [
                    _signer(tx, tx.pgettext("report", "Chair"), meeting.chair, options),
                    _signer(tx, tx.pgettext("report", "Secretary"), meeting.secretary, options),
                ],
            )
        )
    story += labelled(tx.pgettext("report", "Attachments"), meeting.attachments)
    story += labelled(
        tx.pgettext("report", "Distribution"),
        typed_person(tx, meeting.distribution, data.name_roles, options.with_names),
    )
    return story


def build_blocks(data: MemoData, options: ReportOptions) -> list[Block]:
    """The whole memo. Statuses are as at the memo's approval day (``data.as_at``) or, for a
    draft, as at the day the document is made."""
    tx = ReportTexts(options.language)
    meeting = data.meeting
    today = data.as_at or options.created_at().date()
    story: list[Block] = [
        Title(document_type(tx)),
        Subtitle(f"{unit_name(data.unit, tx)} \u2013 " + tx.pgettext("report", "Wellbeing group")),
    ]
    if meeting.status is MeetingStatus.DRAFT:
        story.append(
            Para(tx.pgettext("report", "Draft: this memo has not been approved."), "label")
        )
    story.append(meeting_facts(tx, data.unit, meeting, options.with_names))
    story += _attendance(tx, data, options)
    story.append(Heading(tx.pgettext("report", "Agenda items")))
    for number, item in enumerate(meeting.agenda, start=1):
        story += _item(data, number, item, tx, options)
    if _numbered_actions(data):
        story.append(Heading(tx.pgettext("report", "Action items")))
        story.append(_actions_table(tx, data, options, today))
    story += _approval(tx, data, options)
    return story
