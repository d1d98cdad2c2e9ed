"""The closed vocabularies of the domain (see shared domain reference §3).

Values are stable English identifiers: they are stored in the database and written
into coordinator bundles, so renaming a value is a schema change.
"""

from __future__ import annotations

from enum import StrEnum


class Language(StrEnum):
    """A language the unit works in or a report is written in."""

    FINNISH = "fi"
    SWEDISH = "sv"


class ReportLanguage(StrEnum):
    """The language of an exported document, chosen at export."""

    FINNISH = "fi"
    SWEDISH = "sv"
    BILINGUAL = "fi+sv"


class Role(StrEnum):
    """The role in which an adult sits in the group."""

    DIRECTOR = "director"
    ECEC_STAFF = "ecec_staff"
    PRE_PRIMARY_STAFF = "pre_primary_staff"
    SPECIAL_NEEDS_TEACHER = "special_needs_teacher"
    GUARDIAN_REPRESENTATIVE = "guardian_representative"
    PUBLIC_HEALTH_NURSE = "public_health_nurse"
    SCHOOL_SOCIAL_WORKER = "school_social_worker"
    PSYCHOLOGIST = "psychologist"
    OTHER_EXPERT = "other_expert"


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class MeetingStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"


class AgendaItemKind(StrEnum):
    """What an agenda item is for; the standing agenda gives each item a kind."""

    OPENING = "opening"
    ATTENDANCE = "attendance"
    FOLLOW_UP = "follow_up"
    THEME = "theme"
    PLAN_EVALUATION = "plan_evaluation"
    CHILDREN_VOICE = "children_voice"
    GUARDIANS_VOICE = "guardians_voice"
    COMMUNICATION = "communication"
    OTHER_MATTERS = "other_matters"
    NEXT_MEETING = "next_meeting"
    CLOSING = "closing"
    CUSTOM = "custom"


class ActionStatus(StrEnum):
    """The stored status of an action item; "overdue" is derived (open and past due)."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class FollowUpOutcome(StrEnum):
    """What a meeting decided about a carried-over action item."""

    CONTINUES = "continues"
    DONE = "done"
    DROPPED = "dropped"


class VoiceKind(StrEnum):
    CHILDREN = "children"
    GUARDIANS = "guardians"


class VoiceMethod(StrEnum):
    """How the views of children or guardians were collected (group level only)."""

    INTERVIEW = "interview"
    DRAWING = "drawing"
    CHILDRENS_MEETING = "childrens_meeting"
    OBSERVATION = "observation"
    SURVEY = "survey"
    DISCUSSION = "discussion"
    OTHER = "other"


VOICE_METHODS: dict[VoiceKind, tuple[VoiceMethod, ...]] = {
    VoiceKind.CHILDREN: tuple(VoiceMethod),
    VoiceKind.GUARDIANS: (
        VoiceMethod.SURVEY,
        VoiceMethod.DISCUSSION,
        VoiceMethod.INTERVIEW,
        VoiceMethod.OTHER,
    ),
}
"""The methods offered for each voice: guardians are asked, not drawn or observed."""


class PlanType(StrEnum):
    ACTION_PLAN = "action_plan"
    ANTI_BULLYING = "anti_bullying"
    CHILD_PROTECTION = "child_protection"
    GENDER_EQUALITY = "gender_equality"
    NON_DISCRIMINATION = "non_discrimination"
    SAFETY_RESCUE = "safety_rescue"
    GENERAL_SUPPORT = "general_support"
    """The unit's general support (yleinen tuki / allmänt stöd), evaluated at community level."""
    CUSTOM = "custom"


class EvaluationMethod(StrEnum):
    DISCUSSION = "discussion"
    STAFF_SURVEY = "staff_survey"
    GUARDIAN_SURVEY = "guardian_survey"
    CHILDREN_INTERVIEWS = "children_interviews"
    OBSERVATION = "observation"
    QUALITY_SELF_EVALUATION = "quality_self_evaluation"
    OTHER = "other"


class EvaluationConclusion(StrEnum):
    IN_ORDER = "in_order"
    NEEDS_UPDATING = "needs_updating"


class ChecklistAnswer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_APPLICABLE = "not_applicable"


class ResultCardStatus(StrEnum):
    ACTIVE = "active"
    REACHED = "reached"
    CLOSED = "closed"


class ThemeHandling(StrEnum):
    """How an annual-clock theme was dealt with in a period, as the director marked it (a
    theme on the agenda of a held meeting is handled in a meeting without a mark)."""

    HANDLED_ELSEWHERE = "handled_elsewhere"
    MOVED = "moved"
    NOT_HANDLED = "not_handled"


class ThemeCoverage(StrEnum):
    """How a planned annual-clock theme stands in a period: handled in a held meeting, else
    as the director marked it, else not handled, or not yet while its month is to come."""

    HANDLED_IN_MEETING = "handled_in_meeting"
    HANDLED_ELSEWHERE = "handled_elsewhere"
    MOVED = "moved"
    NOT_HANDLED = "not_handled"
    NOT_YET_HANDLED = "not_yet_handled"


class AuditAction(StrEnum):
    """What the audit log records; never the text of a memo."""

    MEMO_APPROVED = "memo_approved"
    MEMO_REOPENED = "memo_reopened"
    EXPORTED = "exported"
    PERSONAL_DETAILS_ERASED = "personal_details_erased"
    PERSONAL_DETAILS_RESTORED = "personal_details_restored"
    MEETING_DELETED = "meeting_deleted"
    RESTORED = "restored"
    MIGRATED = "migrated"


EXPECTED_ROLES: tuple[Role, ...] = (
    Role.DIRECTOR,
    Role.ECEC_STAFF,
    Role.PRE_PRIMARY_STAFF,
    Role.GUARDIAN_REPRESENTATIVE,
    Role.PUBLIC_HEALTH_NURSE,
)
"""Roles every group should have; see :func:`expected_needs` for the full rule."""

SOCIAL_WORKER_OR_PSYCHOLOGIST: tuple[Role, ...] = (Role.SCHOOL_SOCIAL_WORKER, Role.PSYCHOLOGIST)
"""Two roles that fill one need of the group: either will do. A group that has neither lacks
the need, named by its first role (the code a bundle carries) and shown everywhere as
"School social worker or psychologist" (``i18n.labels.missing_role_label``)."""


def expected_needs(*, has_pre_primary: bool) -> list[tuple[Role, ...]]:
    """The needs a group should cover, each filled by any one of its roles: the expected roles
    (pre-primary staff only in a unit with pre-primary education), then the school social
    worker or psychologist."""
    needs: list[tuple[Role, ...]] = [
        (role,) for role in EXPECTED_ROLES if role is not Role.PRE_PRIMARY_STAFF or has_pre_primary
    ]
    needs.append(SOCIAL_WORKER_OR_PSYCHOLOGIST)
    return needs


def missing_roles(present: set[Role], *, has_pre_primary: bool) -> list[Role]:
    """The needs not covered by ``present``, each named by its first role."""
    return [
        need[0]
        for need in expected_needs(has_pre_primary=has_pre_primary)
        if present.isdisjoint(need)
    ]


MINIMUM_MEETINGS_PER_PERIOD = 2


class SearchKind(StrEnum):
    """What a text found by the search belongs to; results are grouped in this order."""

    MEMO = "memo"
    ACTION = "action"
    PLAN = "plan"
    EVALUATION = "evaluation"
    CARD = "card"
    CLOCK = "clock"
    SURVEY = "survey"
    PERIOD = "period"
