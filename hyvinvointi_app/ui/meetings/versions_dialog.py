"""Earlier approved versions of a memo: who approved each, when, why it was reopened, and its
text, read-only. A version is the memo as it was approved, kept when it was reopened."""

from __future__ import annotations

import datetime as dt
import html
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AttendanceStatus,
    FollowUpOutcome,
    Role,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date, format_time
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services import approval
from hyvinvointi_app.services.approval import MemoVersionView
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.reopen_dialog import stored_time_text

_E = TypeVar("_E", bound=StrEnum)


def _enum_text(enum: type[_E], value: object) -> str:
    try:
        return label(enum(str(value)))
    except (ValueError, TypeError, KeyError):
        return str(value or "")


def _date_text(value: object) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)), ui_translator().language)
    except ValueError:
        return str(value or "")


def _time_text(value: object) -> str:
    try:
        return format_time(dt.time.fromisoformat(str(value)), ui_translator().language)
    except ValueError:
        return ""


def _text(value: object) -> str:
    """User text, escaped, its line breaks kept."""
    return html.escape(str(value or "")).replace("\n", "<br>")


def _person(ref: object) -> str:
    if not isinstance(ref, dict):
        return ""
    role = _enum_text(Role, ref.get("role"))
    name = ref.get("name")
    return f"{name} ({role})" if name else role


def version_html(snapshot: dict[str, Any]) -> str:
    """The kept memo as a read-only document; every typed text is escaped."""
    parts: list[str] = []
    heading = _("Meeting {number}, {date}").format(
        number=snapshot.get("number", ""), date=_date_text(snapshot.get("date"))
    )
    parts.append(f"<h3>{html.escape(heading)}</h3>")
    start, end = _time_text(snapshot.get("start_time")), _time_text(snapshot.get("end_time"))
    facts = [
        (_("Time"), "–".join(t for t in (start, end) if t)),
        (_("Place"), str(snapshot.get("place") or "")),
        (_("Chair"), _person(snapshot.get("chair"))),
        (_("Secretary"), _person(snapshot.get("secretary"))),
    ]
    for name, value in facts:
        if value:
            parts.append(f"<p><b>{html.escape(name)}:</b> {html.escape(value)}</p>")

    attendance = snapshot.get("attendance") or []
    if attendance:
        attendance_heading = _("Attendance")
        parts.append(f"<h4>{html.escape(attendance_heading)}</h4><ul>")
        for row in attendance:
            member = row.get("member") or {}
            who = member.get("name") or _enum_text(Role, row.get("role"))
            status = _enum_text(AttendanceStatus, row.get("status"))
            role = _enum_text(Role, row.get("role"))
            text = f"{who} ({role}): {status}" if member.get("name") else f"{who}: {status}"
            parts.append(f"<li>{html.escape(text)}</li>")
        for guest in snapshot.get("guests") or []:
            note = f" — {guest.get('note')}" if guest.get("note") else ""
            text = _("Guest: {role}").format(role=_enum_text(Role, guest.get("role"))) + note
            parts.append(f"<li>{html.escape(text)}</li>")
        parts.append("</ul>")

    decision_label = _("Decision")
    for item in snapshot.get("agenda") or []:
        title = f"{item.get('position', '')}. {item.get('title', '')}"
        parts.append(f"<h4>{html.escape(title)}</h4>")
        if item.get("theme"):
            parts.append(f"<p><i>{_text(item['theme'])}</i></p>")
        if item.get("notes"):
            parts.append(f"<p>{_text(item['notes'])}</p>")
        if item.get("decision"):
            parts.append(f"<p><b>{html.escape(decision_label)}:</b> {_text(item['decision'])}</p>")
        actions = item.get("actions") or []
        if actions:
            parts.append("<ul>")
            for action in actions:
                details = [
                    _person(action.get("responsible")) or str(action.get("responsible_text") or ""),
                    _date_text(action.get("due_date")) if action.get("due_date") else "",
                    _enum_text(ActionStatus, action.get("status")),
                ]
                extra = ", ".join(d for d in details if d)
                parts.append(
                    f"<li>{_text(action.get('text'))}"
                    + (f" ({html.escape(extra)})" if extra else "")
                    + "</li>"
                )
            parts.append("</ul>")

    follow_ups = snapshot.get("follow_ups") or []
    if follow_ups:
        follow_up_heading = _("Follow-up of earlier action items")
        parts.append(f"<h4>{html.escape(follow_up_heading)}</h4><ul>")
        for follow_up in follow_ups:
            action = follow_up.get("action") or {}
            outcome = (
                _enum_text(FollowUpOutcome, follow_up.get("outcome"))
                if follow_up.get("outcome")
                else ""
            )
            line = _text(action.get("text"))
            if outcome:
                line += f" — {html.escape(outcome)}"
            if follow_up.get("comment"):
                line += f": {_text(follow_up['comment'])}"
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")

    for voice in snapshot.get("voices") or []:
        parts.append(f"<h4>{html.escape(_enum_text(VoiceKind, voice.get('kind')))}</h4>")
        methods = ", ".join(_enum_text(VoiceMethod, m) for m in voice.get("methods") or [])
        if methods:
            parts.append(f"<p><i>{html.escape(methods)}</i></p>")
        if voice.get("summary"):
            parts.append(f"<p>{_text(voice['summary'])}</p>")
    return "\n".join(parts)


def version_title(version: MemoVersionView) -> str:
    approved = stored_time_text(version.approved_at) if version.approved_at else "–"
    return _("Approved {when} by {name}").format(when=approved, name=version.approved_by or "–")


class VersionsDialog(QDialog):
    """The earlier approved versions of one memo, newest first, each readable as it was."""

    def __init__(self, context: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _("Earlier versions of the memo")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setSizeGripEnabled(True)
        self.resize(980, 620)
        layout = QVBoxLayout(self)

        try:
            versions = approval.memo_versions(context.database, meeting_id)
        except UserError as error:
            versions = []
            layout.addWidget(QLabel(describe(error), self))
        self._versions = list(reversed(versions))

        self.empty = QLabel(
            _(
                "No earlier versions. A version is kept each time an approved memo is reopened "
                "for editing."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(_("Approved &versions"), left)
        self.list = QListWidget(left)
        self.list.setAccessibleName(_("Approved versions"))
        self.list.setWordWrap(True)
        list_label.setBuddy(self.list)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)

        right = QWidget(self.splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel(right)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.details)
        text_label = QLabel(_("&Text of the version"), right)
        self.text = QTextBrowser(right)
        self.text.setReadOnly(True)
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(_("Text of the version"))
        text_label.setBuddy(self.text)
        right_layout.addWidget(text_label)
        right_layout.addWidget(self.text, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([300, 660])
        layout.addWidget(self.splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for version in self._versions:
            entry = QListWidgetItem(
                version_title(version)
                + "\n"
                + _("Reopened {when}").format(when=stored_time_text(version.reopened_at))
            )
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text().replace("\n", ", "))
            self.list.addItem(entry)
        self.list.currentRowChanged.connect(self._show_version)
        self.empty.setVisible(not self._versions)
        self.splitter.setVisible(bool(self._versions))
        if self._versions:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    @property
    def versions(self) -> list[MemoVersionView]:
        """Newest first, as listed."""
        return list(self._versions)

    def _show_version(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            self.details.clear()
            self.text.clear()
            return
        version = self._versions[row]
        lines = [
            version_title(version) + ".",
            _("Reopened {when}. Reason: {reason}").format(
                when=stored_time_text(version.reopened_at), reason=version.reopen_reason
            ),
        ]
        self.details.setText("\n".join(lines))
        self.details.setAccessibleName(" ".join(lines))
        self.text.setHtml(version_html(version.snapshot))
