"""One user action = one undo step, labelled (“Undo add member”).

A screen performs the change through a service first, so that a rule the change breaks is
reported before anything enters the stack; then it records how to undo and redo it with
:func:`record`. Undo and redo call services too (one transaction each), which is why
services offer the inverse operations (remove what was added, restore what was removed with
its old id, so that older steps still find their rows).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
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
            # Something made later outside the undo history (a meeting, say) depends on
            # this change: it stays as it is, and the step leaves the history.
            self.setObsolete(True)
            self._prompter.warn(
                self._parent_widget,
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


def record(
    context: AppContext,
    label: str,
    *,
    undo: Callable[[], object],
    redo: Callable[[], object],
    parent: QWidget | None = None,
) -> None:
    """Put a change that has just been made on the undo stack and tell the screens.

    ``label`` names the action without “Undo”/“Redo” (Qt's menu adds them), e.g.
    ``_("add member")``.
    """
    context.undo_stack.push(_DoneCommand(label, undo, redo, context.prompter, parent))
