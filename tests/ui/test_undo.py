"""The undo stack's steps: a step whose undo has become impossible says so in words, also
after the screen that made it has closed."""

from __future__ import annotations

import shiboken6
from prompts import ScriptedPrompter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.undo import push


class ParentReading(ScriptedPrompter):
    """Reads the dialog's parent as Qt's message box does."""

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        if parent is not None:
            parent.window()  # RuntimeError on a widget already deleted
        super().warn(parent, title, text)


def test_a_step_that_cannot_be_undone_is_said_after_its_screen_closed(
    qtbot: QtBot, context: AppContext
) -> None:
    prompter = ParentReading()
    context.prompter = prompter
    screen = QWidget()

    def refused() -> None:
        raise ValidationError("meeting", "changed")

    push(context, Change("edit agenda item", None, refused, refused), screen)
    shiboken6.delete(screen)  # meeting mode closed, or the screens were built anew
    context.undo()
    assert len(prompter.texts("warn")) == 1
    assert context.undo_stack.count() == 0  # the step left the history
