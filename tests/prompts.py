"""A prompter that answers as a director would, from a script, and keeps what it was told:
give it to a window (``window.prompter``), a context (``context.prompter``) or a wizard, and
the test runs on without a message box or a file dialog on screen."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtWidgets import QWidget

from hyvinvointi_app.ui.prompter import Prompter

Answer = bool | Path | None


class Prompt(NamedTuple):
    kind: str
    """"ask", "discard", "warn", "inform", "open", "save" or "folder"."""
    title: str
    text: str


class ScriptedPrompter(Prompter):
    """``answers`` are given in order to the questions and file dialogs (True or False to a
    question, a path or None to a file dialog); warnings and notes need none. A question
    nobody scripted fails the test."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.prompts: list[Prompt] = []
        self.file_filters: list[str] = []
        """The file types each file dialog offered, in order."""

    def texts(self, kind: str) -> list[str]:
        return [prompt.text for prompt in self.prompts if prompt.kind == kind]

    def _answer(self, kind: str, title: str, text: str = "") -> Answer:
        self.prompts.append(Prompt(kind, title, text))
        if not self.answers:
            raise AssertionError(f"nobody answered the {kind} dialog {title!r}: {text}")
        return self.answers.pop(0)

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        return bool(self._answer("ask", title, text))

    def ask_to_discard(self, parent: QWidget | None, title: str, text: str) -> bool:
        return bool(self._answer("discard", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.prompts.append(Prompt("warn", title, text))

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.prompts.append(Prompt("inform", title, text))

    def open_file(
        self, parent: QWidget | None, caption: str, folder: Path | str, file_filter: str = ""
    ) -> Path | None:
        self.file_filters.append(file_filter)
        return self._path(self._answer("open", caption, str(folder)))

    def save_name(
        self,
        parent: QWidget | None,
        caption: str,
        suggested: Path,
        file_filter: str,
        ask_to_replace: bool,
    ) -> Path | None:
        self.file_filters.append(file_filter)
        return self._path(self._answer("save", caption, str(suggested)))

    def folder(self, parent: QWidget | None, caption: str, start: Path | str) -> Path | None:
        return self._path(self._answer("folder", caption, str(start)))

    @staticmethod
    def _path(answer: Answer) -> Path | None:
        assert answer is None or isinstance(answer, Path), answer
        return answer
