"""Pieces shared by the documents: people by role or name, the unit's name, action rows."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from hyvinvointi_app.domain.enums import ActionStatus, AgendaItemKind, Role
from hyvinvointi_app.domain.names import replace_names
from hyvinvointi_app.reports.blocks import Facts
from hyvinvointi_app.reports.texts import SEPARATOR, ReportTexts
from hyvinvointi_app.services.memo_view import standing_title


class UnitNames(Protocol):
    @property
    def name_fi(self) -> str: ...
    @property
    def name_sv(self) -> str: ...


class Person(Protocol):
    @property
    def name(self) -> str | None: ...
    @property
    def role(self) -> Role: ...


class Unit(UnitNames, Protocol):
    @property
    def municipality(self) -> str: ...


class MeetingHeader(Protocol):
    """What the memo and the agenda say of a meeting at their top."""

    @property
    def number(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def start_time(self) -> dt.time | None: ...
    @property
    def end_time(self) -> dt.time | None: ...
    @property
    def place(self) -> str: ...
    @property
    def period_label(self) -> str: ...
    @property
    def chair(self) -> Person | None: ...
    @property
    def secretary(self) -> Person | None: ...


class Action(Protocol):
    @property
    def responsible(self) -> Person | None: ...
    @property
    def responsible_text(self) -> str: ...
    @property
    def status(self) -> ActionStatus: ...
    @property
    def due_date(self) -> dt.date | None: ...


class CarriedAction(Protocol):
    """An action item agreed in an earlier meeting (a memo's follow-up, an agenda's open one)."""

    @property
    def action(self) -> TextAction: ...
    @property
    def origin_meeting_number(self) -> int: ...
    @property
    def origin_meeting_date(self) -> dt.date: ...


class TextAction(Action, Protocol):
    @property
    def text(self) -> str: ...


def carried_action_titles(tx: ReportTexts) -> list[str]:
    """The first columns of a table of action items from earlier meetings."""
    return [
        tx.pgettext("report", "Action item"),
        tx.pgettext("report", "Agreed in"),
        tx.pgettext("report", "Responsible"),
        tx.pgettext("report", "Due date"),
    ]


def carried_action_cells(
    tx: ReportTexts, carried: CarriedAction, with_names: bool, names: NameRoles
) -> list[str]:
    """The cells under :func:`carried_action_titles`: the action, the meeting that agreed
    it, who is responsible, its due date."""
    agreed = tx.pgettext("report", "Meeting {number}", number=carried.origin_meeting_number)
    return [
        carried.action.text,
        f"{agreed} ({tx.date(carried.origin_meeting_date)})",
        responsible(tx, carried.action, with_names, names),
        tx.date(carried.action.due_date),
    ]


def unit_name(unit: UnitNames, tx: ReportTexts) -> str:
    """The unit's name in the document's language; both names in a bilingual one."""
    names = {"fi": unit.name_fi, "sv": unit.name_sv or unit.name_fi}
    return SEPARATOR.join(dict.fromkeys(names[c] for c in tx.codes if names[c]))


NameRoles = tuple[tuple[str, Role], ...]


def typed_person(tx: ReportTexts, text: str, names: NameRoles, with_names: bool) -> str:
    """A typed "who" (a plan's owner, "koko henkilöstö"): as typed, except that without
    names a member's name in it, in any of its forms, becomes the member's role."""
    if with_names or not text:
        return text
    return replace_names(text, names, tx.label)


def person(
    tx: ReportTexts,
    role: Role | None,
    name: str | None,
    with_names: bool,
    typed: str = "",
    names: NameRoles = (),
) -> str:
    """A member as the document shows them: the role, with the name only when chosen.

    ``typed`` is what the director wrote instead of picking a member ("koko henkilöstö").
    """
    if role is None:
        return typed_person(tx, typed, names, with_names)
    text = tx.label(role)
    if with_names and name:
        text = f"{name} ({text})"
    return text


def member(tx: ReportTexts, ref: Person | None, with_names: bool) -> str:
    if ref is None:
        return ""
    return person(tx, ref.role, ref.name, with_names)


def action_status(tx: ReportTexts, action: Action, today: dt.date) -> str:
    overdue = (
        action.status is ActionStatus.OPEN
        and action.due_date is not None
        and action.due_date < today
    )
    if overdue:
        return tx.pgettext("action status", "Overdue")
    return tx.label(action.status)


def responsible(tx: ReportTexts, action: Action, with_names: bool, names: NameRoles = ()) -> str:
    if action.responsible is not None:
        return member(tx, action.responsible, with_names)
    return typed_person(tx, action.responsible_text, names, with_names)


def item_title(tx: ReportTexts, kind: AgendaItemKind, title: str) -> str:
    """An agenda item's title: the standing agenda's heading in the document's language; a
    title the director typed as typed."""
    titles = standing_title(kind, title)
    if titles is not None:
        return tx.stored(titles)
    return title or tx.label(kind)


def meeting_time(tx: ReportTexts, meeting: MeetingHeader) -> str:
    """ "perjantai 4. joulukuuta 2026, klo 13.00–14.30"."""
    parts = (tx.date_long(meeting.date), tx.time_range(meeting.start_time, meeting.end_time))
    return ", ".join(part for part in parts if part)


def meeting_facts(tx: ReportTexts, unit: Unit, meeting: MeetingHeader, with_names: bool) -> Facts:
    """The facts at the top of a meeting's memo and agenda: unit, group, period, meeting,
    time, place, chair and secretary."""
    return Facts(
        [
            (tx.pgettext("report", "Unit"), unit_name(unit, tx)),
            (tx.pgettext("report", "Municipality"), unit.municipality),
            (tx.pgettext("report", "Group"), tx.pgettext("report", "Wellbeing group")),
            (tx.pgettext("report", "Operating period"), meeting.period_label),
            (tx.pgettext("report", "Meeting"), str(meeting.number)),
            (tx.pgettext("report", "Date and time"), meeting_time(tx, meeting)),
            (tx.pgettext("report", "Place"), meeting.place),
            (tx.pgettext("report", "Chair"), member(tx, meeting.chair, with_names)),
            (tx.pgettext("report", "Secretary"), member(tx, meeting.secretary, with_names)),
        ]
    )
