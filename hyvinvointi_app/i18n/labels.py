"""What the user reads for each value of the domain's enums, in the interface's or a report's
language.

Each table is built when asked for, from literal ``tr.pgettext(context, text)`` calls: the
extractor finds them, and a label follows a language switch at once. Every label has a
context naming its vocabulary, because English reuses words that Finnish and Swedish do not
("Open" as an action's status is "Avoin"/"Öppen", as a menu command "Avaa"/"Öppna"; "Done"
as a status and as a follow-up decision may need different grammar). The Finnish and Swedish
terms are those of the shared domain reference, §3.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from hyvinvointi_app.domain.enums import (
    SOCIAL_WORKER_OR_PSYCHOLOGIST,
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    AuditAction,
    ChecklistAnswer,
    EvaluationConclusion,
    EvaluationMethod,
    FollowUpOutcome,
    Language,
    MeetingStatus,
    PlanType,
    ReportLanguage,
    ResultCardStatus,
    Role,
    SearchKind,
    ThemeCoverage,
    ThemeHandling,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.i18n.translator import Translator, ui_translator

_E = TypeVar("_E", bound=StrEnum)
_Labels = dict[StrEnum, str]


def _languages(tr: Translator) -> _Labels:
    return {
        Language.FINNISH: tr.pgettext("language", "Finnish"),
        Language.SWEDISH: tr.pgettext("language", "Swedish"),
    }


def _report_languages(tr: Translator) -> _Labels:
    return {
        ReportLanguage.FINNISH: tr.pgettext("language", "Finnish"),
        ReportLanguage.SWEDISH: tr.pgettext("language", "Swedish"),
        ReportLanguage.BILINGUAL: tr.pgettext("language", "Finnish and Swedish side by side"),
    }


def _search_kinds(tr: Translator) -> _Labels:
    return {
        SearchKind.MEMO: tr.pgettext("search result kind", "Memos"),
        SearchKind.ACTION: tr.pgettext("search result kind", "Action items"),
        SearchKind.PLAN: tr.pgettext("search result kind", "Plans"),
        SearchKind.EVALUATION: tr.pgettext("search result kind", "Evaluations"),
        SearchKind.CARD: tr.pgettext("search result kind", "Result cards"),
        SearchKind.CLOCK: tr.pgettext("search result kind", "Annual clock"),
        SearchKind.SURVEY: tr.pgettext("search result kind", "Surveys"),
        SearchKind.PERIOD: tr.pgettext("search result kind", "Annual reports"),
    }


def _roles(tr: Translator) -> _Labels:
    return {
        Role.DIRECTOR: tr.pgettext("role", "Director / convener"),
        Role.ECEC_STAFF: tr.pgettext("role", "ECEC staff"),
        Role.PRE_PRIMARY_STAFF: tr.pgettext("role", "Pre-primary staff"),
        Role.SPECIAL_NEEDS_TEACHER: tr.pgettext("role", "Special-needs ECEC teacher"),
        Role.GUARDIAN_REPRESENTATIVE: tr.pgettext("role", "Guardian representative"),
        Role.PUBLIC_HEALTH_NURSE: tr.pgettext("role", "Public health nurse"),
        Role.SCHOOL_SOCIAL_WORKER: tr.pgettext("role", "School social worker"),
        Role.PSYCHOLOGIST: tr.pgettext("role", "Psychologist"),
        Role.OTHER_EXPERT: tr.pgettext("role", "Other expert"),
    }


def _attendance(tr: Translator) -> _Labels:
    return {
        AttendanceStatus.PRESENT: tr.pgettext("attendance", "Present"),
        AttendanceStatus.ABSENT: tr.pgettext("attendance", "Absent"),
        AttendanceStatus.EXCUSED: tr.pgettext("attendance", "Excused"),
    }


def _meeting_statuses(tr: Translator) -> _Labels:
    return {
        MeetingStatus.DRAFT: tr.pgettext("memo status", "Draft"),
        MeetingStatus.APPROVED: tr.pgettext("memo status", "Approved"),
    }


def _agenda_item_kinds(tr: Translator) -> _Labels:
    return {
        AgendaItemKind.OPENING: tr.pgettext("agenda item", "Opening"),
        AgendaItemKind.ATTENDANCE: tr.pgettext("agenda item", "Attendance by role"),
        AgendaItemKind.FOLLOW_UP: tr.pgettext("agenda item", "Follow-up of action items"),
        AgendaItemKind.THEME: tr.pgettext("agenda item", "Annual-clock theme"),
        AgendaItemKind.PLAN_EVALUATION: tr.pgettext("agenda item", "Plan evaluation"),
        AgendaItemKind.CHILDREN_VOICE: tr.pgettext("agenda item", "Children's voice"),
        AgendaItemKind.GUARDIANS_VOICE: tr.pgettext("agenda item", "Guardians' voice"),
        AgendaItemKind.COMMUNICATION: tr.pgettext("agenda item", "Communication"),
        AgendaItemKind.OTHER_MATTERS: tr.pgettext("agenda item", "Other matters"),
        AgendaItemKind.NEXT_MEETING: tr.pgettext("agenda item", "Next meeting"),
        AgendaItemKind.CLOSING: tr.pgettext("agenda item", "Closing"),
        AgendaItemKind.CUSTOM: tr.pgettext("agenda item", "Other item"),
    }


def _action_statuses(tr: Translator) -> _Labels:
    return {
        ActionStatus.OPEN: tr.pgettext("action status", "Open"),
        ActionStatus.DONE: tr.pgettext("action status", "Done"),
        ActionStatus.DROPPED: tr.pgettext("action status", "Dropped"),
    }


def _follow_up_outcomes(tr: Translator) -> _Labels:
    return {
        FollowUpOutcome.CONTINUES: tr.pgettext("follow-up outcome", "Continues"),
        FollowUpOutcome.DONE: tr.pgettext("follow-up outcome", "Done"),
        FollowUpOutcome.DROPPED: tr.pgettext("follow-up outcome", "Dropped"),
    }


def _voice_kinds(tr: Translator) -> _Labels:
    return {
        VoiceKind.CHILDREN: tr.pgettext("voice", "Children's voice"),
        VoiceKind.GUARDIANS: tr.pgettext("voice", "Guardians' voice"),
    }


def _voice_methods(tr: Translator) -> _Labels:
    return {
        VoiceMethod.INTERVIEW: tr.pgettext("voice method", "Interview"),
        VoiceMethod.DRAWING: tr.pgettext("voice method", "Drawing"),
        VoiceMethod.CHILDRENS_MEETING: tr.pgettext("voice method", "Children's meeting"),
        VoiceMethod.OBSERVATION: tr.pgettext("voice method", "Observation"),
        VoiceMethod.SURVEY: tr.pgettext("voice method", "Survey"),
        VoiceMethod.DISCUSSION: tr.pgettext("voice method", "Discussion"),
        VoiceMethod.OTHER: tr.pgettext("voice method", "Other method"),
    }


def _plan_types(tr: Translator) -> _Labels:
    return {
        PlanType.ACTION_PLAN: tr.pgettext("plan type", "Action plan and annual report"),
        PlanType.ANTI_BULLYING: tr.pgettext("plan type", "Anti-bullying model"),
        PlanType.CHILD_PROTECTION: tr.pgettext(
            "plan type", "Plan to protect children from violence, bullying and harassment"
        ),
        PlanType.GENDER_EQUALITY: tr.pgettext("plan type", "Gender-equality plan"),
        PlanType.NON_DISCRIMINATION: tr.pgettext("plan type", "Non-discrimination plan"),
        PlanType.SAFETY_RESCUE: tr.pgettext("plan type", "Safety and rescue plan"),
        PlanType.GENERAL_SUPPORT: tr.pgettext("plan type", "General support"),
        PlanType.CUSTOM: tr.pgettext("plan type", "Other plan"),
    }


def _evaluation_methods(tr: Translator) -> _Labels:
    return {
        EvaluationMethod.DISCUSSION: tr.pgettext("evaluation method", "Discussion"),
        EvaluationMethod.STAFF_SURVEY: tr.pgettext("evaluation method", "Staff survey"),
        EvaluationMethod.GUARDIAN_SURVEY: tr.pgettext("evaluation method", "Guardian survey"),
        EvaluationMethod.CHILDREN_INTERVIEWS: tr.pgettext(
            "evaluation method", "Interviews with children"
        ),
        EvaluationMethod.OBSERVATION: tr.pgettext("evaluation method", "Observation"),
        EvaluationMethod.QUALITY_SELF_EVALUATION: tr.pgettext(
            "evaluation method", "Quality self-evaluation"
        ),
        EvaluationMethod.OTHER: tr.pgettext("evaluation method", "Other method"),
    }


def _evaluation_conclusions(tr: Translator) -> _Labels:
    return {
        EvaluationConclusion.IN_ORDER: tr.pgettext("evaluation conclusion", "In order"),
        EvaluationConclusion.NEEDS_UPDATING: tr.pgettext("evaluation conclusion", "Needs updating"),
    }


def _checklist_answers(tr: Translator) -> _Labels:
    return {
        ChecklistAnswer.YES: tr.pgettext("checklist answer", "Yes"),
        ChecklistAnswer.PARTLY: tr.pgettext("checklist answer", "Partly"),
        ChecklistAnswer.NO: tr.pgettext("checklist answer", "No"),
        ChecklistAnswer.NOT_APPLICABLE: tr.pgettext("checklist answer", "Not applicable"),
    }


def _result_card_statuses(tr: Translator) -> _Labels:
    return {
        ResultCardStatus.ACTIVE: tr.pgettext("result card status", "In progress"),
        ResultCardStatus.REACHED: tr.pgettext("result card status", "Target reached"),
        ResultCardStatus.CLOSED: tr.pgettext("result card status", "Closed"),
    }


def _theme_handlings(tr: Translator) -> _Labels:
    return {
        ThemeHandling.HANDLED_ELSEWHERE: tr.pgettext("theme handling", "Handled elsewhere"),
        ThemeHandling.MOVED: tr.pgettext("theme handling", "Moved to the next meeting"),
        ThemeHandling.NOT_HANDLED: tr.pgettext("theme handling", "Not handled"),
    }


def _theme_coverages(tr: Translator) -> _Labels:
    return {
        ThemeCoverage.HANDLED_IN_MEETING: tr.pgettext("theme coverage", "Handled in a meeting"),
        ThemeCoverage.HANDLED_ELSEWHERE: tr.pgettext("theme handling", "Handled elsewhere"),
        ThemeCoverage.MOVED: tr.pgettext("theme handling", "Moved to the next meeting"),
        ThemeCoverage.NOT_HANDLED: tr.pgettext("theme handling", "Not handled"),
        ThemeCoverage.NOT_YET_HANDLED: tr.pgettext("theme coverage", "Not yet handled"),
    }


def _audit_actions(tr: Translator) -> _Labels:
    return {
        AuditAction.MEMO_APPROVED: tr.pgettext("audit", "Memo approved"),
        AuditAction.MEMO_REOPENED: tr.pgettext("audit", "Memo reopened for editing"),
        AuditAction.EXPORTED: tr.pgettext("audit", "Exported"),
        AuditAction.PERSONAL_DETAILS_ERASED: tr.pgettext("audit", "Personal details erased"),
        AuditAction.PERSONAL_DETAILS_RESTORED: tr.pgettext(
            "audit", "Erased personal details restored"
        ),
        AuditAction.MEETING_DELETED: tr.pgettext("audit", "Meeting deleted"),
        AuditAction.RESTORED: tr.pgettext("audit", "Restored from a backup"),
        AuditAction.MIGRATED: tr.pgettext("audit", "File updated to a new version"),
    }


_TABLES: dict[type[StrEnum], Callable[[Translator], _Labels]] = {
    Language: _languages,
    ReportLanguage: _report_languages,
    Role: _roles,
    AttendanceStatus: _attendance,
    MeetingStatus: _meeting_statuses,
    SearchKind: _search_kinds,
    AgendaItemKind: _agenda_item_kinds,
    ActionStatus: _action_statuses,
    FollowUpOutcome: _follow_up_outcomes,
    VoiceKind: _voice_kinds,
    VoiceMethod: _voice_methods,
    PlanType: _plan_types,
    EvaluationMethod: _evaluation_methods,
    EvaluationConclusion: _evaluation_conclusions,
    ChecklistAnswer: _checklist_answers,
    ResultCardStatus: _result_card_statuses,
    ThemeHandling: _theme_handlings,
    ThemeCoverage: _theme_coverages,
    AuditAction: _audit_actions,
}

LABELLED_ENUMS: tuple[type[StrEnum], ...] = tuple(_TABLES)
"""Every enum that ``label`` knows."""


def label(value: StrEnum, tr: Translator | None = None) -> str:
    """The display label of any domain enum value; ``tr`` None means the interface language."""
    table = _TABLES.get(type(value))
    if table is None:
        raise TypeError(f"no labels for {type(value).__name__}")
    return table(tr or ui_translator())[value]


def choices(enum: type[_E], tr: Translator | None = None) -> list[tuple[_E, str]]:
    """Every value of ``enum`` with its label, in declaration order (for lists and menus)."""
    return [(value, label(value, tr)) for value in enum]


def role_label(role: Role, tr: Translator | None = None) -> str:
    return label(role, tr)


def partner_label(role: Role | None, name: str = "", tr: Translator | None = None) -> str:
    """An annual-clock theme's partner as the interface and documents show it: a role's
    label, or the name the unit wrote."""
    return label(role, tr) if role is not None else name


def missing_role_label(role: Role, tr: Translator | None = None) -> str:
    """A need the group lacks, as :func:`~hyvinvointi_app.domain.enums.missing_roles` names
    it: either role of the school social worker or psychologist names that one need."""
    if role in SOCIAL_WORKER_OR_PSYCHOLOGIST:
        return (tr or ui_translator()).pgettext("role need", "School social worker or psychologist")
    return label(role, tr)


def plan_type_label(plan_type: PlanType, tr: Translator | None = None) -> str:
    return label(plan_type, tr)


def action_status_label(
    status: ActionStatus, tr: Translator | None = None, *, overdue: bool = False
) -> str:
    """An action item's status; "overdue" is not stored but derived (open and past due)."""
    if overdue and status is ActionStatus.OPEN:
        return (tr or ui_translator()).pgettext("action status", "Overdue")
    return label(status, tr)
