"""One user action = one undo step, labelled (“Undo add member”).

A screen makes the change through a service's ``…_undoably`` function first, so that a rule
the change breaks is reported before anything enters the stack; the :class:`Change` it returns
carries its undo and redo (service calls, one transaction each), and :func:`push` puts it on
the stack. Typed text follows the same rule: one editing session of a field is one step
(see ``ui.autosave``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.ui.autosave import Autosaver
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.prompter import Prompter


class _DoneCommand(QUndoCommand):
    """A change that has already been made once; Qt's first ``redo`` on push is skipped."""

    def __init__(
        self,
        label: str,
        undo: Callable[[], object],
        redo: Callable[[], object],
        prompter: Prompter,
        parent_widget: QWidget | None,
    ) -> None:
        super().__init__(label)
        self._undo = undo
        self._redo = redo
        self._prompter = prompter
        self._parent_widget = parent_widget
        self._pushed = False

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except UserError as error:
            parent = self._parent_widget
            if parent is not None and not shiboken6.isValid(parent):
                parent = None  # the screen that made the step has closed since
            # Something made later outside the undo history (a meeting, say) depends on
            # this change: it stays as it is, and the step leaves the history.
            self.setObsolete(True)
            self._prompter.warn(
                parent,
                _("Cannot undo"),
                _("This step cannot be undone any more: {reason}").format(reason=describe(error)),
            )

    def undo(self) -> None:
        self._run(self._undo)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._redo)


T = TypeVar("T")


def push(
    context: AppContext,
    change: Change[T],
    parent: QWidget | None = None,
    *,
    label: str | None = None,
    redraw: bool = True,
) -> T:
    """Put a change that has just been made on the undo stack (none when it changed nothing)
    and give back its value; ``label`` replaces the change's own (already translated);
    ``redraw=False`` for a change the screen shows already (see ``AppContext.push_step``)."""
    if change.made:
        text = label if label is not None else _(change.label)
        step = _DoneCommand(text, change.undo, change.redo, context.prompter, parent)
        context.push_step(step, redraw=redraw)
    return change.value


def keep_text_steps(
    context: AppContext, autosaver: Autosaver, parent: QWidget, *, redraw: bool = False
) -> None:
    """Put each editing session of ``autosaver``'s fields on the undo stack as it ends, and
    end the sessions before an undo or redo. ``redraw``: the screens redraw as after any
    change (a list shows the text too); by default not, the field shows it already."""
    autosaver.edited.connect(lambda change: push(context, change, parent, redraw=redraw))
    context.stepping.connect(autosaver.flush)
