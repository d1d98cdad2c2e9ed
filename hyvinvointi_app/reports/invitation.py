"""The invitation to a meeting as an e-mail draft (``.eml``), and the calendar files, each
written through the export service.

The draft carries the header ``X-Unsent: 1``: Outlook (and Thunderbird, Windows Mail) open it
as a new message ready to send, addressed to the members who have an e-mail address, with
the agenda PDF and the calendar entry attached. It has no sender: the e-mail program puts
the director's own address there. Nothing is sent by this program, which has no network.
"""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from hyvinvointi_app.reports.agenda import meeting_title
from hyvinvointi_app.reports.calendar import calendar_bytes, in_each_language
from hyvinvointi_app.reports.export import render_document, write_export
from hyvinvointi_app.reports.options import Progress, ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts, document_name, meeting_file_name
from hyvinvointi_app.reports.unprintable import Unprintable
from hyvinvointi_app.services.audit import DetailValue
from hyvinvointi_app.services.exports import (
    ExportKind,
    ExportResult,
    check_export_target,
)
from hyvinvointi_app.services.invitation import AgendaData, agenda_data, planned_meetings
from hyvinvointi_app.store.database import Database


def file_name(tx: ReportTexts, kind: str, data: AgendaData, file_format: ExportKind) -> str:
    meeting = data.meeting
    return meeting_file_name(tx, kind, meeting.number, meeting.date) + file_format.suffix


def _body(data: AgendaData, options: ReportOptions) -> str:
    parts = []
    for code in ReportTexts(options.language).codes:
        tx = ReportTexts(code)
        parts.append(
            tx.pgettext(
                "report",
                "You are invited to meeting {number} of the wellbeing group. The agenda is "
                "attached as a PDF, and the meeting as a calendar entry you can add to your "
                "calendar.",
                number=data.meeting.number,
            )
        )
    return "\n\n".join(parts) + "\n\n" + in_each_language(data, options) + "\n"


def invitation_message(data: AgendaData, options: ReportOptions, agenda_pdf: bytes) -> bytes:
    """The e-mail draft of the invitation, with the agenda PDF and the calendar entry."""
    tx = ReportTexts(options.language)
    message = EmailMessage(policy=SMTP)
    message["X-Unsent"] = "1"
    if data.recipients:  # each address checked by the service (services.invitation)
        message["To"] = [Address(r.name, addr_spec=r.email) for r in data.recipients]
    subject = f"{document_name(tx, 'invitation')}: {meeting_title(tx, data)}"
    message["Subject"] = f"{subject}, {tx.date(data.meeting.date)}"
    message.set_content(_body(data, options), cte="quoted-printable")
    message.add_attachment(
        agenda_pdf,
        maintype="application",
        subtype="pdf",
        filename=file_name(tx, "agenda", data, ExportKind.PDF),
    )
    message.add_attachment(
        calendar_bytes([data], options),
        maintype="text",
        subtype="calendar",
        params={"method": "PUBLISH", "charset": "utf-8"},
        filename=file_name(tx, "invitation", data, ExportKind.ICS),
    )
    return message.as_bytes()


def export_invitation(
    db: Database,
    meeting_id: int,
    out_path: Path,
    options: ReportOptions,
    progress: Progress | None = None,
    unprintable: Unprintable | None = None,
) -> ExportResult:
    """Write the invitation's e-mail draft (the agenda PDF and the calendar entry attached)."""
    check_export_target(db, out_path, ExportKind.EML, replace=options.replace)
    data = agenda_data(db, meeting_id)
    pdf = render_document("agenda", data, options, ExportKind.PDF, progress, unprintable)
    message = invitation_message(data, options, pdf)
    return write_export(
        db, out_path, message, ExportKind.EML, "invitation", options, {"meeting_id": meeting_id}
    )


def export_calendar_entry(
    db: Database, meeting_id: int, out_path: Path, options: ReportOptions
) -> ExportResult:
    """Write one meeting as a calendar file."""
    check_export_target(db, out_path, ExportKind.ICS, replace=options.replace)
    data = calendar_bytes([agenda_data(db, meeting_id)], options)
    return write_export(
        db, out_path, data, ExportKind.ICS, "calendar_entry", options, {"meeting_id": meeting_id}
    )


def export_period_calendar(
    db: Database, period_id: int, out_path: Path, options: ReportOptions
) -> ExportResult:
    """Write the period's meetings still ahead (:func:`.invitation.planned_meetings`) as one
    calendar file, named after the period, for the director's calendar."""
    check_export_target(db, out_path, ExportKind.ICS, replace=options.replace)
    planned = planned_meetings(db, period_id, options.created_at().date())
    name = f"{document_name(ReportTexts(options.language), 'calendar')} {planned.period_label}"
    data = calendar_bytes(planned.meetings, options, name=name)
    details: dict[str, DetailValue] = {"period_id": period_id, "meetings": len(planned.meetings)}
    return write_export(db, out_path, data, ExportKind.ICS, "period_calendar", options, details)
