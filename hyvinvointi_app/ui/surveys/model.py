"""The table of surveys: one row per survey, those in use first, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.surveys import SurveyView, Texts
from hyvinvointi_app.ui.table_model import Index, RowsModel

TITLE, KIND, ITEMS, MEETINGS = range(4)


def shown_text(texts: Texts) -> str:
    """A survey's text in the interface language, the other one where that is empty."""
    own = texts.sv if ui_translator().language == "sv" else texts.fi
    return own or texts.fi or texts.sv


def kind_text(kind: VoiceKind) -> str:
    if kind is VoiceKind.CHILDREN:
        return _("Children's picture survey")
    return _("Guardians' survey")


class SurveyTableModel(RowsModel[SurveyView]):
    """Question or title, kind (and "archived"), how many options, in how many meetings."""

    def __init__(self) -> None:
        super().__init__(
            (
                _("Question or title"),
                _("Kind"),
                _("Options or statements"),
                _("Recorded in meetings"),
            ),
            right_aligned=(ITEMS, MEETINGS),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.cell_row(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == TITLE:
                return shown_text(row.title)
            if column == KIND:
                kind = kind_text(row.kind)
                return _("{kind} (archived)").format(kind=kind) if row.archived else kind
            if column == ITEMS:
                return str(len(row.items))
            return str(row.tallied_in)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return Qt.GlobalColor.darkGray
        return None
