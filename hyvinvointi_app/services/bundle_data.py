"""The figures of the coordinator bundle: one operating period of one unit, as plain data.

The municipality's coordinator puts many units' bundles side by side, so every value here
is a stable code (the domain enums' values), a date or a count, plus the texts the director
typed (strengths, development areas, result cards). Personal names are read only when the
director chose to include them; otherwise they never leave this module.

What belongs to the period is decided where the annual report decides it (:mod:`.held` for
meetings, :mod:`.period_scope` for the rest), so the bundle's figures and its annual report
PDF always agree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import (
    AttendanceStatus,
    EvaluationConclusion,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
    ThemeCoverage,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.services import period_scope
from hyvinvointi_app.services.members import MemberView
from hyvinvointi_app.services.periods import list_periods
from hyvinvointi_app.services.report_data import AnnualData, annual_data
from hyvinvointi_app.services.summary import ActionCounts
from hyvinvointi_app.services.surveys import SurveyInPeriod
from hyvinvointi_app.services.unit import get_unit, unit_identity
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import Attendance, Guest, Meeting, Member


@dataclass(frozen=True, slots=True)
class RoleAttendance:
    """How the members of one role (and the guests in it) took part in one meeting."""

    role: Role
    present: int
    absent: int
    excused: int
    guests: int


@dataclass(frozen=True, slots=True)
class NamedAttendee:
    """Only in a bundle made with names."""

    role: Role
    name: str
    status: AttendanceStatus


@dataclass(frozen=True, slots=True)
class BundleMeeting:
    id: int
    number: int
    date: dt.date
    status: MeetingStatus
    approved_on: dt.date | None
    attendance: tuple[RoleAttendance, ...]
    """One line per role that had a member or a guest at the meeting, in :class:`Role` order."""
    roles_present: tuple[Role, ...]
    roles_missing: tuple[Role, ...]
    attendees: tuple[NamedAttendee, ...] | None
    """None unless names were asked for."""

    @property
    def present_total(self) -> int:
        return sum(line.present + line.guests for line in self.attendance)


@dataclass(frozen=True, slots=True)
class BundleEvaluation:
    date: dt.date
    meeting_number: int | None
    conclusion: EvaluationConclusion | None
    current_state: str
    strengths: str
    development_areas: str
    update_due: dt.date | None
    """When a plan that needs updating is to be updated by (who does it is not carried: the
    field may hold a name)."""


@dataclass(frozen=True, slots=True)
class BundlePlan:
    id: int
    type: PlanType
    name: str
    approved_on: dt.date | None
    next_review_due: dt.date | None
    archived: bool
    evaluations: tuple[BundleEvaluation, ...]
    """The evaluations dated within the period, oldest first (may be empty)."""

    @property
    def evaluated_in_period(self) -> bool:
        return bool(self.evaluations)


@dataclass(frozen=True, slots=True)
class BundleCheckpoint:
    due_date: dt.date
    recorded_on: dt.date | None
    value_note: str
    responsible_role: Role | None
    responsible_name: str | None
    """None unless names were asked for."""


@dataclass(frozen=True, slots=True)
class BundleCard:
    id: int
    plan_id: int | None
    plan_name: str | None
    what_to_change: str
    target_state: str
    indicator: str
    status: ResultCardStatus
    created_on: dt.date
    closed_on: dt.date | None
    checkpoints: tuple[BundleCheckpoint, ...]
    """Only the checkpoints due in the period."""


@dataclass(frozen=True, slots=True)
class BundleVoice:
    """Children's or guardians' views recorded in a held meeting: how they were collected and
    what came up, at group level (the memo never names a child)."""

    meeting_number: int
    date: dt.date
    kind: VoiceKind
    methods: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class BundleTheme:
    """A planned annual-clock theme and how it stands in the period
    (:attr:`.period_scope.ThemeOutcome.coverage`)."""

    month: int
    title: str
    plan_type: PlanType | None
    coverage: ThemeCoverage
    meeting_numbers: tuple[int, ...]
    """The held meetings that handled it (something written under its item)."""


@dataclass(frozen=True, slots=True)
class UnplannedTheme:
    """A theme handled in a held meeting that the clock does not plan."""

    title: str
    meeting_number: int


@dataclass(frozen=True, slots=True)
class ApprovedMemo:
    meeting_id: int
    number: int
    date: dt.date


@dataclass(frozen=True, slots=True)
class RoleMembers:
    role: Role
    count: int
    names: tuple[str, ...] | None
    """None unless names were asked for; an erased member's name is left out."""


@dataclass(frozen=True, slots=True)
class BundleData:
    unit_id: str
    """The file's stable identity (a UUID): the same unit in every period's bundle."""
    site_code: str
    """The unit's official site code as typed in its details, or empty."""
    unit_name_fi: str
    unit_name_sv: str
    municipality: str
    has_pre_primary: bool
    working_language: str
    period_id: int
    period_label: str
    period_start: dt.date
    period_end: dt.date
    today: dt.date
    with_names: bool
    minimum_meetings: int
    meetings_held: int
    minimum_met: bool
    roles_missing_in_period: tuple[Role, ...]
    members: tuple[RoleMembers, ...]
    """Members whose term overlaps the period, counted by role."""
    meetings: tuple[BundleMeeting, ...]
    """The meetings of the period held by ``today``."""
    approved_memos: tuple[ApprovedMemo, ...]
    """The period's approved memos (any date), in date order: the bundle's memo PDFs."""
    plans: tuple[BundlePlan, ...]
    result_cards: tuple[BundleCard, ...]
    """The period's cards as the annual report shows them (:func:`.period_scope.cards_in_period`):
    checkpoints due in the period, status as at the period's end."""
    actions: ActionCounts
    """As in the annual report (:attr:`.summary.PeriodSummary.actions`)."""
    summary: str
    """The group's written summary of the period, as typed."""
    summary_approved_on: dt.date | None
    """When the group approved its summary of the period (None: not approved)."""
    provider_requests: str
    """The group's requests to the provider, as typed."""

    voices: tuple[BundleVoice, ...]
    """Children's and guardians' views recorded in the held meetings, in meeting order."""
    clock: tuple[BundleTheme, ...]
    """Each planned theme of the annual clock, in the period's month order."""
    unplanned_themes: tuple[UnplannedTheme, ...]
    next_period_development_areas: tuple[str, ...]
    """:func:`.period_scope.next_period_development_areas`, as in the annual report."""
    surveys: tuple[SurveyInPeriod, ...] = ()
    """The surveys counted in the held meetings, as in the annual report."""

    @property
    def folder(self) -> str:
        """:func:`bundle_folder` of this unit and period."""
        name = self.unit_name_fi or self.unit_name_sv
        return bundle_folder(name, self.site_code, self.unit_id, self.period_label)


FOLDER_NAME_LENGTH = 40
"""At most this many characters of the unit's name in the bundle's folder name: the paths of
100 unzipped bundles stay well inside Windows' 260 characters."""


def ascii_slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens (ä and å become a, ö o)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "-", plain).strip("-")[:limit].strip("-")


def bundle_folder(name: str, site_code: str, unit_id: str, period_label: str) -> str:
    """The folder every file of a unit's bundle lives in, and the start of each file's name:
    the unit's name, its site code (else the first 8 characters of its identity: two units
    of the same name differ) and the period, e.g. ``kuusikon-paivakoti-3f2a9c1e-2025-2026``.
    A hundred units' bundles then unzip side by side without a clash."""
    parts = (
        ascii_slug(name, FOLDER_NAME_LENGTH) or "unit",
        ascii_slug(site_code) or unit_id[:8],
        ascii_slug(period_label) or "period",
    )
    return "-".join(parts)


def suggested_bundle_name(db: Database, period_id: int) -> str:
    """The file name a bundle of the period is offered under: its folder's name and .zip."""
    unit = get_unit(db)
    period = next(p for p in list_periods(db) if p.id == period_id)
    name = unit.name_fi or unit.name_sv
    return bundle_folder(name, unit.site_code, unit_identity(db), period.label) + ".zip"


def _members(annual: AnnualData, with_names: bool) -> tuple[RoleMembers, ...]:
    """The period's members (:func:`.members.members_in_period`) by role."""
    by_role: dict[Role, list[MemberView]] = {}
    for member in annual.members:
        by_role.setdefault(member.role, []).append(member)
    return tuple(
        RoleMembers(
            role=role,
            count=len(by_role[role]),
            names=tuple(m.name for m in by_role[role] if m.name) if with_names else None,
        )
        for role in Role
        if role in by_role
    )


def _attendance(
    session: Session, meeting_id: int, with_names: bool
) -> tuple[tuple[RoleAttendance, ...], tuple[NamedAttendee, ...] | None]:
    counts: Counter[tuple[Role, AttendanceStatus]] = Counter()
    named: list[NamedAttendee] = []
    rows = session.execute(
        select(Attendance.role, Attendance.status, Member.name)
        .join(Member, Member.id == Attendance.member_id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.id)
    )
    for role, status, name in rows:
        counts[(role, status)] += 1
        if with_names and name:
            named.append(NamedAttendee(role, name, status))
    guests = Counter(session.scalars(select(Guest.role).where(Guest.meeting_id == meeting_id)))
    lines = []
    for role in Role:
        line = RoleAttendance(
            role=role,
            present=counts[(role, AttendanceStatus.PRESENT)],
            absent=counts[(role, AttendanceStatus.ABSENT)],
            excused=counts[(role, AttendanceStatus.EXCUSED)],
            guests=guests[role],
        )
        if line.present or line.absent or line.excused or line.guests:
            lines.append(line)
    order = list(Role)
    named.sort(key=lambda a: order.index(a.role))
    return tuple(lines), (tuple(named) if with_names else None)


def _plans(annual: AnnualData) -> tuple[BundlePlan, ...]:
    """Every plan in use, and archived ones only when evaluated within the period, each with
    its evaluations dated in the period (:func:`.period_scope.plans_in_period`, as in the
    annual report's table of plans)."""
    return tuple(
        BundlePlan(
            id=entry.plan.id,
            type=entry.plan.type,
            name=entry.plan.name,
            approved_on=entry.plan.approved_on,
            next_review_due=entry.plan.next_review_due,
            archived=entry.plan.archived,
            evaluations=tuple(
                BundleEvaluation(
                    date=evaluation.date,
                    meeting_number=evaluation.meeting_number,
                    conclusion=evaluation.conclusion,
                    current_state=evaluation.current_state,
                    strengths=evaluation.strengths,
                    development_areas=evaluation.development_areas,
                    update_due=evaluation.update_due,
                )
                for evaluation in entry.evaluations
            ),
        )
        for entry in annual.plans
    )


def _cards(annual: AnnualData, with_names: bool) -> tuple[BundleCard, ...]:
    """The period's cards as the annual report shows them
    (:func:`.period_scope.cards_in_period`)."""
    return tuple(
        BundleCard(
            id=card.id,
            plan_id=card.plan_id,
            plan_name=card.plan_name,
            what_to_change=card.what_to_change,
            target_state=card.target_state,
            indicator=card.indicator,
            status=card.status,
            created_on=card.created_on,
            closed_on=card.closed_on,
            checkpoints=tuple(
                BundleCheckpoint(
                    due_date=checkpoint.due_date,
                    recorded_on=checkpoint.recorded_on,
                    value_note=checkpoint.value_note,
                    responsible_role=checkpoint.responsible_role,
                    responsible_name=checkpoint.responsible_name if with_names else None,
                )
                for checkpoint in card.checkpoints
            ),
        )
        for card in annual.cards
    )


def _voices(annual: AnnualData) -> tuple[BundleVoice, ...]:
    """What the held meetings recorded of children's and guardians' views (an empty one
    left out, as in the annual report)."""
    return tuple(
        BundleVoice(
            meeting.number,
            meeting.date,
            voice.kind,
            tuple(m for m in voice.methods if m in VoiceMethod._value2member_map_),
            voice.summary,
        )
        for meeting in annual.meetings
        for voice in meeting.voices
        if voice.methods or voice.summary.strip()
    )


def _clock(annual: AnnualData) -> tuple[tuple[BundleTheme, ...], tuple[UnplannedTheme, ...]]:
    outcomes, unplanned = annual.theme_outcomes
    return (
        tuple(
            BundleTheme(
                month=outcome.theme.month,
                title=outcome.theme.title,
                plan_type=outcome.theme.plan_type,
                coverage=outcome.coverage,
                meeting_numbers=tuple(done.meeting_number for done in outcome.meetings),
            )
            for outcome in outcomes
        ),
        tuple(UnplannedTheme(done.title, done.meeting_number) for done in unplanned),
    )


def bundle_data(
    db: Database, period_id: int, *, with_names: bool = False, today: dt.date | None = None
) -> BundleData:
    """Everything the bundle's ``bundle.json`` and CSV files carry, for one period.

    Read from the annual report's data (:func:`.report_data.annual_data`), so that the two
    can never disagree: meetings are those held by ``today`` (see :mod:`.held`); the memos of
    the bundle are the period's approved ones.
    """
    today = today or dt.date.today()
    annual = annual_data(db, period_id, today)
    summary, period, unit = annual.summary, annual.period, annual.unit
    clock, unplanned = _clock(annual)
    approved = {
        m.id: m.approved_at.date()
        for m in annual.meetings
        if m.status is MeetingStatus.APPROVED and m.approved_at
    }
    with db.reading() as session:
        meetings = []
        for held in summary.meetings:
            lines, attendees = _attendance(session, held.id, with_names)
            meetings.append(
                BundleMeeting(
                    id=held.id,
                    number=held.number,
                    date=held.date,
                    status=held.status,
                    approved_on=approved.get(held.id),
                    attendance=lines,
                    roles_present=held.roles_present,
                    roles_missing=held.roles_missing,
                    attendees=attendees,
                )
            )
        approved_memos = tuple(
            ApprovedMemo(meeting_id, number, date)
            for meeting_id, number, date in session.execute(
                select(Meeting.id, Meeting.number, Meeting.date)
                .where(Meeting.period_id == period_id, Meeting.status == MeetingStatus.APPROVED)
                .order_by(Meeting.date, Meeting.number)
            )
        )
    return BundleData(
        unit_id=unit_identity(db),
        site_code=unit.site_code,
        unit_name_fi=unit.name_fi,
        unit_name_sv=unit.name_sv,
        municipality=unit.municipality,
        has_pre_primary=unit.has_pre_primary,
        working_language=unit.working_language.value,
        period_id=period.id,
        period_label=period.label,
        period_start=period.start_date,
        period_end=period.end_date,
        today=today,
        with_names=with_names,
        minimum_meetings=summary.minimum_meetings,
        meetings_held=summary.meetings_held,
        minimum_met=summary.minimum_met,
        roles_missing_in_period=summary.roles_missing_in_period,
        members=_members(annual, with_names),
        meetings=tuple(meetings),
        approved_memos=approved_memos,
        plans=_plans(annual),
        result_cards=_cards(annual, with_names),
        actions=summary.actions,
        summary=annual.texts.summary,
        summary_approved_on=annual.texts.summary_approved_on,
        provider_requests=annual.texts.provider_requests,
        voices=_voices(annual),
        surveys=annual.surveys,
        clock=clock,
        unplanned_themes=unplanned,
        next_period_development_areas=period_scope.next_period_development_areas(
            annual.evaluations, annual.cards
        ),
    )
