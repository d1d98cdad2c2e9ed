"""Children's or guardians' voice, at group level: how views were collected, what came up."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from hyvinvointi_app.domain.enums import VOICE_METHODS, VoiceKind, VoiceMethod
from hyvinvointi_app.i18n.labels import choices, label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import agenda
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.services.memo_view import MeetingDetail, VoiceView
from hyvinvointi_app.ui.autosave import Autosaver
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.editor.tallies import TalliesPanel
from hyvinvointi_app.ui.text_fields import MemoText, buddy_label


class VoicePanel(QWidget):
    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        autosaver: Autosaver,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self.autosaver = autosaver
        self.kind = VoiceKind.CHILDREN
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.methods_label = QLabel(_("How were the views collected?"), self)
        layout.addWidget(self.methods_label)
        self.grid = QGridLayout()
        self.checks: dict[VoiceMethod, QCheckBox] = {}
        for method, text in choices(VoiceMethod):
            check = QCheckBox(text, self)
            check.setAccessibleName(text)
            check.toggled.connect(lambda _on: self._methods_changed())
            self.checks[method] = check
        layout.addLayout(self.grid)
        self.tallies = TalliesPanel(context, meeting_id, self)
        layout.addWidget(self.tallies)
        self.summary = MemoText(_("What came up"), self)
        self.summary.setMinimumHeight(90)
        self.summary.setPlaceholderText(
            _("At group level only: no child's or family's name or details.")
        )
        layout.addWidget(buddy_label(_("What came &up:"), self.summary, self))
        layout.addWidget(self.summary, 1)
        self.binding = autosaver.bind(self.summary, self._save)

    def show_memo(self, memo: MeetingDetail, kind: VoiceKind) -> None:
        self.kind = kind
        voice = next((v for v in memo.voices if v.kind is kind), None)
        self.methods_label.setText(
            _("{voice}: how were the views collected?").format(voice=label(kind))
        )
        methods = set(voice.methods) if voice else set()
        # the kind's own methods, and any other one an earlier version recorded
        offered = [m for m in self.checks if m in VOICE_METHODS[kind] or m.value in methods]
        for method, check in self.checks.items():
            self.grid.removeWidget(check)
            check.setVisible(method in offered)
            check.blockSignals(True)
            check.setChecked(method.value in methods)
            check.blockSignals(False)
        for index, method in enumerate(offered):
            self.grid.addWidget(self.checks[method], index // 4, index % 4)
        self.tallies.show_meeting(kind)
        if not (self.binding.target == kind and self.binding.dirty):
            self.binding.show(kind, voice.summary if voice else "")

    def _chosen(self) -> list[VoiceMethod]:
        return [method for method, check in self.checks.items() if check.isChecked()]

    def _save(self, target: object, text: str) -> Change[VoiceView]:
        kind = VoiceKind(str(target))
        return agenda.set_voice_undoably(
            self.context.database, self.meeting_id, kind, self._chosen(), text
        )

    def _methods_changed(self) -> None:
        self.binding.dirty = True
        self.autosaver.flush()
