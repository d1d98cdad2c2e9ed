"""Typed SQLAlchemy models: one SQLite file holds one unit.

Enum columns store the enum's value (a stable English identifier). Texts the director
typed are stored as typed, less control characters (see ``text_columns``). Member names are
nullable because a former member's personal details can be erased while the role stays in
old memos.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    ChecklistAnswer,
    EvaluationConclusion,
    FollowUpOutcome,
    Language,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
    ThemeHandling,
    VoiceKind,
)
from hyvinvointi_app.store.stored_dates import StoredDate
from hyvinvointi_app.store.text_columns import clean_text_on_save


def _enum(cls: type[Any]) -> Enum:
    """Store an enum by value, as a plain string without a CHECK constraint.

    Without a CHECK constraint a newer enum value does not need a table rebuild.
    """
    return Enum(
        cls,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=False,
        length=40,
        validate_strings=True,
    )


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A moment in time: stored as naive UTC text (as SQLite has no time zones), read back
    as an aware UTC datetime, so that every layer above knows it is UTC and shows it in the
    computer's own time zone. A naive value given to it is taken to be UTC already."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return value.replace(tzinfo=dt.UTC) if value is not None else None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


clean_text_on_save(Base)


class Unit(Base):
    """The one day-care or pre-primary unit this file belongs to."""

    __tablename__ = "unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_sv: Mapped[str] = mapped_column(String(200), default="")
    municipality: Mapped[str] = mapped_column(String(200), default="")
    has_pre_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    working_language: Mapped[Language] = mapped_column(_enum(Language), default=Language.FINNISH)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    site_code: Mapped[str] = mapped_column(String(60), default="", server_default="")
    """The unit's official site code, e.g. its Varda toimipaikka code; optional."""


class OperatingPeriod(Base):
    __tablename__ = "operating_period"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(40), unique=True)
    start_date: Mapped[dt.date] = mapped_column(StoredDate)
    end_date: Mapped[dt.date] = mapped_column(StoredDate)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The group's written summary of the period (yhteenveto / sammanfattning)."""
    summary_approved_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    """When the group approved the summary."""
    provider_requests: Mapped[str] = mapped_column(Text, default="", server_default="")
    """What the group asks of the provider (pyynnöt järjestäjälle / önskemål till anordnaren)."""
    __table_args__ = (CheckConstraint("end_date > start_date", name="period_dates_ordered"),)


class Member(Base):
    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(_enum(Role))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    term_start: Mapped[dt.date | None] = mapped_column(StoredDate)
    term_end: Mapped[dt.date | None] = mapped_column(StoredDate)
    erased_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class Meeting(Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    period_id: Mapped[int] = mapped_column(ForeignKey("operating_period.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(StoredDate)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    status: Mapped[MeetingStatus] = mapped_column(_enum(MeetingStatus), default=MeetingStatus.DRAFT)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    privacy_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)
    distribution: Mapped[str] = mapped_column(Text, default="", server_default="")
    """Who receives the memo (jakelu / distribution), as typed."""
    attachments: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The memo's attachments (liitteet / bilagor), as typed."""
    signatures: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    """Whether the memo ends with lines for the chair's and the secretary's signatures."""
    approved_snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    """The approved memo as it prints, frozen at approval (see services.memo_record)."""

    period: Mapped[OperatingPeriod] = relationship()
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        order_by="AgendaItem.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    attendance: Mapped[list[Attendance]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    guests: Mapped[list[Guest]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    __table_args__ = (UniqueConstraint("period_id", "number", name="meeting_number_in_period"),)


class Attendance(Base):
    """A member's presence at a meeting; the role is copied so old memos keep it."""

    __tablename__ = "attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    role: Mapped[Role] = mapped_column(_enum(Role))
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus))
    member: Mapped[Member] = relationship()
    __table_args__ = (UniqueConstraint("meeting_id", "member_id", name="one_attendance_each"),)


class Guest(Base):
    """A visitor recorded by role, not by name (e.g. a psychologist visiting once)."""

    __tablename__ = "guest"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(_enum(Role))
    note: Mapped[str] = mapped_column(String(200), default="")


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AgendaItemKind] = mapped_column(_enum(AgendaItemKind))
    title: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(Text, default="")
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    notes: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    """The member who presents the item (esittelijä / föredragande), as the agenda names them."""
    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class ActionItem(Base):
    """Something the group agreed to do; lives until done or dropped, across meetings."""

    __tablename__ = "action_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(Text)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    responsible_text: Mapped[str] = mapped_column(String(200), default="")
    due_date: Mapped[dt.date | None] = mapped_column(StoredDate)
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus), default=ActionStatus.OPEN)
    closed_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    position: Mapped[int] = mapped_column(Integer, default=0)
    follow_ups: Mapped[list[ActionFollowUp]] = relationship(
        order_by="ActionFollowUp.recorded_on", cascade="all, delete-orphan", passive_deletes=True
    )


class ActionFollowUp(Base):
    """A carried-over action item in a later meeting, or a status change between meetings.

    A new meeting gets a row (outcome still empty) for every open action of earlier
    meetings: that row is the follow-up table of its memo, and stays as it was decided
    even when the action changes later. ``meeting_id`` is empty for a change made
    between meetings.
    """

    __tablename__ = "action_follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    outcome: Mapped[FollowUpOutcome | None] = mapped_column(_enum(FollowUpOutcome))
    comment: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    __table_args__ = (
        UniqueConstraint("action_id", "meeting_id", name="one_follow_up_per_meeting"),
    )


class VoiceRecord(Base):
    """Children's or guardians' voice at group level: how views were collected, what came up."""

    __tablename__ = "voice_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    kind: Mapped[VoiceKind] = mapped_column(_enum(VoiceKind))
    methods: Mapped[list[str]] = mapped_column(default=list)
    summary: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (UniqueConstraint("meeting_id", "kind", name="one_voice_of_each_kind"),)


class Survey(Base):
    """A question set the group asks: children a picture choice list (a question and its
    options), guardians statements on a 1–5 scale and one open question. Kept for the unit,
    not for one meeting, so that its tallies can be compared across meetings and periods.
    Texts are in Finnish and Swedish, and for guardians optionally in another language of
    the unit's families (``other_language`` names it, as the director typed it)."""

    __tablename__ = "survey"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[VoiceKind] = mapped_column(_enum(VoiceKind))
    title_fi: Mapped[str] = mapped_column(Text, default="")
    title_sv: Mapped[str] = mapped_column(Text, default="")
    title_other: Mapped[str] = mapped_column(Text, default="")
    open_question_fi: Mapped[str] = mapped_column(Text, default="")
    open_question_sv: Mapped[str] = mapped_column(Text, default="")
    open_question_other: Mapped[str] = mapped_column(Text, default="")
    other_language: Mapped[str] = mapped_column(String(60), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_on: Mapped[dt.date | None] = mapped_column(StoredDate)


class SurveyItem(Base):
    """An option of a children's choice list (with its picture symbol) or a statement of a
    guardians' survey."""

    __tablename__ = "survey_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text_fi: Mapped[str] = mapped_column(Text, default="")
    text_sv: Mapped[str] = mapped_column(Text, default="")
    text_other: Mapped[str] = mapped_column(Text, default="")
    symbol: Mapped[str] = mapped_column(String(80), default="")
    """The file name (without extension) of the option's picture under resources/symbols."""
    library_key: Mapped[str] = mapped_column(String(80), default="")
    """The shipped library's option this one was taken from; empty for the group's own."""


class SurveyTally(Base):
    """What one meeting recorded of one survey: counts only, never who answered.

    ``groups`` is the number of children's groups asked (children's lists only);
    ``respondents`` the children or guardians who answered."""

    __tablename__ = "survey_tally"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    groups: Mapped[int | None] = mapped_column(Integer)
    respondents: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        UniqueConstraint("meeting_id", "survey_id", name="one_tally_per_meeting"),
        CheckConstraint(
            "respondents >= 0 AND (groups IS NULL OR groups >= 0)", name="tally_counts"
        ),
    )


class SurveyCount(Base):
    """How many chose one option (``answer`` 0) or gave one statement one answer (1–5)."""

    __tablename__ = "survey_count"
    id: Mapped[int] = mapped_column(primary_key=True)
    tally_id: Mapped[int] = mapped_column(ForeignKey("survey_tally.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("survey_item.id", ondelete="CASCADE"))
    answer: Mapped[int] = mapped_column(Integer, default=0)
    count: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        UniqueConstraint("tally_id", "item_id", "answer", name="one_count_per_answer"),
        CheckConstraint("answer BETWEEN 0 AND 5 AND count >= 0", name="count_valid"),
    )


class MemoVersion(Base):
    """The text of an approved memo kept when it is reopened for editing."""

    __tablename__ = "memo_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(200))
    reopened_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    reopen_reason: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[dict[str, Any]] = mapped_column()


class Plan(Base):
    __tablename__ = "plan"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[PlanType] = mapped_column(_enum(PlanType))
    name: Mapped[str] = mapped_column(String(300))
    version: Mapped[str] = mapped_column(String(60), default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    approved_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    next_review_due: Mapped[dt.date | None] = mapped_column(StoredDate)
    document_location: Mapped[str] = mapped_column(Text, default="")
    custom_questions: Mapped[list[str]] = mapped_column(default=list)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    package_item: Mapped[str | None] = mapped_column(String(120))
    """The municipal package's plan type this plan came from (see MunicipalPackage)."""


class PlanEvaluation(Base):
    __tablename__ = "plan_evaluation"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(StoredDate)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    methods: Mapped[list[str]] = mapped_column(default=list)
    participant_roles: Mapped[list[str]] = mapped_column(default=list)
    current_state: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The plan's current state in practice, as the evaluation found it (nykytila / nuläge)."""
    strengths: Mapped[str] = mapped_column(Text, default="")
    development_areas: Mapped[str] = mapped_column(Text, default="")
    conclusion: Mapped[EvaluationConclusion | None] = mapped_column(_enum(EvaluationConclusion))
    update_by: Mapped[str] = mapped_column(String(200), default="")
    update_due: Mapped[dt.date | None] = mapped_column(StoredDate)
    checks: Mapped[list[EvaluationCheck]] = relationship(
        order_by="EvaluationCheck.position", cascade="all, delete-orphan", passive_deletes=True
    )


class EvaluationCheck(Base):
    """One answered checklist question; the question text is kept as it was asked."""

    __tablename__ = "evaluation_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("plan_evaluation.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[ChecklistAnswer | None] = mapped_column(_enum(ChecklistAnswer))
    note: Mapped[str] = mapped_column(Text, default="")


class ResultCard(Base):
    """A development area followed as a goal across meetings and periods until closed."""

    __tablename__ = "result_card"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    evaluation_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_evaluation.id", ondelete="SET NULL")
    )
    what_to_change: Mapped[str] = mapped_column(Text)
    current_state: Mapped[str] = mapped_column(Text, default="")
    target_state: Mapped[str] = mapped_column(Text, default="")
    ideal_state: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ResultCardStatus] = mapped_column(
        _enum(ResultCardStatus), default=ResultCardStatus.ACTIVE
    )
    created_on: Mapped[dt.date] = mapped_column(StoredDate)
    closed_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    checkpoints: Mapped[list[Checkpoint]] = relationship(
        order_by="Checkpoint.due_date", cascade="all, delete-orphan", passive_deletes=True
    )


class Checkpoint(Base):
    __tablename__ = "checkpoint"
    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("result_card.id", ondelete="CASCADE"))
    due_date: Mapped[dt.date] = mapped_column(StoredDate)
    responsible_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    responsible_text: Mapped[str] = mapped_column(String(200), default="")
    value_note: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[dt.date | None] = mapped_column(StoredDate)


class ResultCardDiscussion(Base):
    """An agenda item where a result card was discussed."""

    __tablename__ = "result_card_discussion"
    card_id: Mapped[int] = mapped_column(
        ForeignKey("result_card.id", ondelete="CASCADE"), primary_key=True
    )
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), primary_key=True
    )


class ClockTheme(Base):
    """A theme of the annual clock: a month of the period and, optionally, a plan it evaluates."""

    __tablename__ = "clock_theme"
    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    plan_type: Mapped[PlanType | None] = mapped_column(_enum(PlanType))
    package_item: Mapped[str | None] = mapped_column(String(120))
    """The municipal package's theme this theme came from (see MunicipalPackage)."""
    partners: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, server_default="[]")
    """Who the theme is handled with: ``{"role": …}`` (a member role) or ``{"name": …}``
    (a partner named in free text), in the order the director gave them."""
    __table_args__ = (CheckConstraint("month BETWEEN 1 AND 12", name="clock_month_valid"),)


class ThemeMark(Base):
    """How a clock theme was dealt with in one operating period, when the director marked it:
    handled elsewhere, moved to the next meeting, or not handled."""

    __tablename__ = "theme_mark"
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("clock_theme.id", ondelete="CASCADE"))
    period_id: Mapped[int] = mapped_column(ForeignKey("operating_period.id", ondelete="CASCADE"))
    handling: Mapped[ThemeHandling] = mapped_column(_enum(ThemeHandling))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    __table_args__ = (UniqueConstraint("theme_id", "period_id", name="theme_mark_once"),)


class MunicipalPackage(Base):
    """The municipal package the unit imported last (at most one row).

    Its checklists, standing agenda and result-card templates are read from ``content``
    (the package file as validated); its clock themes and plan types became the unit's own
    rows, which carry ``package_item`` (the package's id and the item's key), so that a newer
    version of the package updates exactly what this one brought.
    """

    __tablename__ = "municipal_package"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    published_on: Mapped[dt.date | None] = mapped_column(StoredDate)
    imported_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    content: Mapped[dict[str, Any]] = mapped_column()
    __table_args__ = (CheckConstraint("id = 1", name="one_municipal_package"),)


class AuditEvent(Base):
    """Who did what and when: approvals, reopenings, exports, erasures, restores.

    Never the text of a memo: the log may be exported and shown to others.
    """

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utc_now)
    action: Mapped[AuditAction] = mapped_column(_enum(AuditAction))
    actor: Mapped[str] = mapped_column(String(200), default="")
    subject: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Setting(Base):
    """Settings that belong to this unit's file rather than to the computer."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
