"""What an audit entry says to a director: its time in local time, the action, its subject and
its details, all in the interface language. No Qt here, so the table and the CSV agree."""

from __future__ import annotations

import datetime as dt

from hyvinvointi_app.domain.enums import AuditAction, Language, ReportLanguage, Role
from hyvinvointi_app.i18n.formatting import format_date, format_datetime
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.services.audit import AuditEntry


def time_text(entry: AuditEntry) -> str:
    """``23.11.2026 klo 13.05`` in the computer's time zone (stored as UTC)."""
    return format_datetime(entry.at, ui_translator().language)


def action_text(entry: AuditEntry) -> str:
    return label(entry.action)


def document_text(document: str) -> str:
    """The name of an exported document, by the key the exporter logs."""
    names = {
        "annual_clock": pgettext("exported document", "Annual clock"),
        "annual_clock_poster": pgettext("exported document", "Annual clock as a poster"),
        "activity_log": pgettext("exported document", "Activity log"),
        "memo": pgettext("exported document", "Memo"),
        "memos": pgettext("exported document", "Memos"),
        "agenda": pgettext("exported document", "Agenda"),
        "invitation": pgettext("exported document", "Invitation"),
        "calendar_entry": pgettext("exported document", "Calendar entry of a meeting"),
        "period_calendar": pgettext("exported document", "Calendar of the period's meetings"),
        "public_memo": pgettext("exported document", "Public version of a memo"),
        "public_memos": pgettext("exported document", "Public versions of the period's memos"),
        "annual_report": pgettext("exported document", "Annual report"),
        "period_report": pgettext("exported document", "Operating period report"),
        "plan_evaluation": pgettext("exported document", "Plan evaluation"),
        "evaluation": pgettext("exported document", "Plan evaluation"),
        "result_card": pgettext("exported document", "Result card"),
        "result_cards": pgettext("exported document", "Result cards"),
        "members": pgettext("exported document", "Member list"),
        "member_list": pgettext("exported document", "Member list"),
        "action_items": pgettext("exported document", "Action items"),
        "bundle": pgettext("exported document", "Coordinator bundle"),
        "coordinator_bundle": pgettext("exported document", "Coordinator bundle"),
        "municipal_package": pgettext("exported document", "Municipal package"),
        "survey_sheet": pgettext("exported document", "Survey sheet"),
    }
    return names.get(document, document)


def _language_text(code: object) -> str:
    for enum in (Language, ReportLanguage):
        try:
            return label(enum(str(code)))
        except ValueError:
            continue
    return str(code)


def _meeting(entry: AuditEntry) -> str:
    number = entry.details.get("number")
    if number is None:
        return pgettext("activity log", "Meeting")
    return pgettext("activity log", "Meeting {number}").format(number=number)


def _member(entry: AuditEntry) -> str:
    try:
        role = Role(str(entry.details.get("role")))
    except ValueError:
        return pgettext("activity log", "Member")
    return pgettext("activity log", "Member: {role}").format(role=label(role))


def subject_text(entry: AuditEntry) -> str:
    """What the action concerned: a meeting by its number, a member by role (never a name:
    after an erasure there is none), an export by its document."""
    kind = entry.subject.split(":", 1)[0]
    if kind == "meeting":
        return _meeting(entry)
    if kind == "member":
        return _member(entry)
    if entry.action is AuditAction.EXPORTED:
        return document_text(str(entry.details.get("document") or entry.subject))
    if entry.action is AuditAction.RESTORED:
        return pgettext("activity log", "Unit file")
    return entry.subject


def _export_details(details: dict[str, object]) -> list[str]:
    parts = []
    if details.get("language"):
        parts.append(
            pgettext("activity log", "Language: {language}").format(
                language=_language_text(details["language"])
            )
        )
    if "with_names" in details:
        parts.append(
            pgettext("activity log", "with members' names")
            if details["with_names"]
            else pgettext("activity log", "without names")
        )
    if details.get("file"):
        parts.append(pgettext("activity log", "file {name}").format(name=details["file"]))
    return parts


def details_text(entry: AuditEntry) -> str:
    """The entry's details as a short sentence; keys we do not know are left out rather
    than shown untranslated."""
    details = entry.details
    parts: list[str] = []
    action = entry.action
    if action is AuditAction.EXPORTED:
        parts = _export_details(details)
    elif action is AuditAction.MEMO_APPROVED:
        count = details.get("findings_confirmed")
        if isinstance(count, int) and count > 0:
            parts.append(
                ngettext(
                    "{count} privacy finding checked and kept",
                    "{count} privacy findings checked and kept",
                    count,
                ).format(count=count)
            )
        elif count == 0:
            parts.append(pgettext("activity log", "No privacy findings"))
    elif action is AuditAction.MEMO_REOPENED:
        parts.append(pgettext("activity log", "The approved version was kept"))
    elif action is AuditAction.MEETING_DELETED:
        date = details.get("date")
        if isinstance(date, str):
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                pass
            else:
                parts.append(
                    pgettext("activity log", "Meeting date {date}").format(
                        date=format_date(day, ui_translator().language)
                    )
                )
    elif action is AuditAction.RESTORED:
        backup = details.get("backup") or details.get("file")
        if backup:
            parts.append(pgettext("activity log", "From the backup {file}").format(file=backup))
    elif action is AuditAction.MIGRATED:
        old, new = details.get("from"), details.get("to")
        if old is not None and new is not None:
            parts.append(pgettext("activity log", "Version {old} → {new}").format(old=old, new=new))
    return "; ".join(parts)


def actor_text(entry: AuditEntry) -> str:
    return entry.actor or _("(unknown)")
