"""Carrying the previous period forward into a new one (:mod:`.services.carry_forward`): a
preview of every change with a tick for each, applied as one undoable step."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services import carry_forward as cf
from hyvinvointi_app.ui.buttons import Standard, dialog_buttons
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import resize_within_screen, wrapped_label
from hyvinvointi_app.ui.undo import push

CHOICE = Qt.ItemDataRole.UserRole


def _change(was: dt.date, to: dt.date) -> str:
    lang = ui_translator().language
    return f"{format_date(was, lang)} → {format_date(to, lang)}"


class CarryForwardDialog(QDialog):
    """What the new period would take from the previous one; Carry forward does it."""

    def __init__(self, proposal: cf.Proposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle(
            _("Start {period} from {previous}").format(
                period=proposal.period_label, previous=proposal.previous_label
            )
        )
        self.setAccessibleName(self.windowTitle())
        resize_within_screen(self, 760, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                _(
                    "Plans, result cards, the annual clock and the members stay the unit's "
                    "own from period to period; the new period needs dates in it. Untick "
                    "what should not change. You can take it all back with Edit → Undo."
                ),
                self,
            )
        )
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("What"), _("Change")])
        self.tree.setAccessibleName(_("What the new period takes from the previous one"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._group(
            _("Plans: next review in the new period"),
            [(p.name, _change(p.review_was, p.review_to), p) for p in proposal.plans],
        )
        self._group(
            _("Active result cards: checkpoints a year later"),
            [(c.card_title, _change(c.due_was, c.due_to), c) for c in proposal.checkpoints],
        )
        self._group(
            _("Members whose term ended with the previous period: continue to its end"),
            [
                (
                    f"{label(m.role)} ({m.name})" if m.name else label(m.role),
                    _change(m.term_end_was, m.term_end_to),
                    m,
                )
                for m in proposal.members
            ],
            ticked=False,
        )
        clock = QTreeWidgetItem(
            [
                _("Annual clock"),
                ngettext(
                    "{count} theme, as it is", "{count} themes, as they are", proposal.clock_themes
                ).format(count=proposal.clock_themes),
            ]
        )
        self.tree.addTopLevelItem(clock)
        self.tree.expandAll()
        layout.addWidget(self.tree, 1)
        buttons = dialog_buttons(
            self, Standard.Ok | Standard.Cancel, accept_text=_("&Carry forward")
        )
        buttons.button(Standard.Cancel).setText(_("&Not now"))
        buttons.button(Standard.Cancel).setAccessibleName(_("Not now"))
        layout.addWidget(buttons)
        self.tree.setFocus()

    def _group(
        self, title: str, rows: list[tuple[str, str, object]], *, ticked: bool = True
    ) -> None:
        if not rows:
            return
        top = QTreeWidgetItem([title, ""])
        font = top.font(0)
        font.setBold(True)
        top.setFont(0, font)
        top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
        for text, change, value in rows:
            child = QTreeWidgetItem([text, change])
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            child.setData(0, CHOICE, value)
            top.addChild(child)
        self.tree.addTopLevelItem(top)

    def chosen(self) -> cf.Proposal:
        """The proposal with only the ticked changes."""
        kept: list[object] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            assert top is not None  # an index below the count
            for row in range(top.childCount()):
                child = top.child(row)
                if child is not None and child.checkState(0) is Qt.CheckState.Checked:
                    kept.append(child.data(0, CHOICE))
        proposal = self.proposal
        return dataclasses.replace(
            proposal,
            plans=tuple(p for p in proposal.plans if p in kept),
            checkpoints=tuple(c for c in proposal.checkpoints if c in kept),
            members=tuple(m for m in proposal.members if m in kept),
        )


def apply(context: AppContext, chosen: cf.Proposal, parent: QWidget | None) -> bool:
    """Carry forward what was ticked, as one undoable step; False when nothing was."""
    if chosen.is_empty:
        return False
    change = cf.carry_forward_undoably(context.database, chosen)
    push(context, change, parent, label=_(change.label).format(period=chosen.period_label))
    context.status_message.emit(
        _("The period {period} was started from {previous}.").format(
            period=chosen.period_label, previous=chosen.previous_label
        )
    )
    return True
