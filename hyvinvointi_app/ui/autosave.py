"""Saving without a Save button: every text field is bound to the service call that stores it.

A change is written when typing pauses (``PAUSE_MS``), at the latest ``DEADLINE_MS`` after
the first unsaved keystroke even when typing never pauses, and at once when the field loses
focus, the item changes, the window closes or the application loses focus. The text stays in
the widget until a write succeeds, so a failed write (a full disk, say) is retried every few
seconds, never lost, and nothing is called saved until it is.
Writes take a few milliseconds (see ``benchmarks/bench_autosave.py``), so they run on the GUI
thread: nothing can be typed between the keystroke and its write.

**Undoing typed text.** One editing session of a field is one undo step, on every screen:
from the first write after the field was entered until the field is left (or shows another
record, or the screen writes everything before a change of its own). Each write's service
returns a :class:`~hyvinvointi_app.services.change.Change`; the session joins them
(``Change.then``) and :attr:`Autosaver.edited` hands the step over when the session ends.
While the field still has the keyboard, Ctrl+Z is the field's own undo, keystroke by keystroke.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hyvinvointi_app.domain.errors import MemoLocked, NotFound, UserError, ValidationError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_clock
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.services.change import Change
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.icons import State, state_pixmap

PAUSE_MS = 700
"""A pause this long after the last keystroke writes the text."""
DEADLINE_MS = 800
"""Text never waits longer than this for its write, even while typing goes on."""
RETRY_MS = 3000
"""After a failed write (a full disk, a pulled USB stick), the next try this much later."""

TextWidget = QLineEdit | QPlainTextEdit


def widget_text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def set_widget_text(widget: TextWidget, text: str) -> None:
    """Show ``text`` without counting it as typing; untouched if equal (keeps the cursor and
    the field's own undo history)."""
    if widget_text(widget) == text:
        return
    blocked = widget.blockSignals(True)
    try:
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)
    finally:
        widget.blockSignals(blocked)


def clock_with_seconds(when: dt.datetime | dt.time) -> str:
    """``klo 13.05.12`` / ``kl. 13.05.12`` / ``13:05:12``: the moment a write reached the disk."""
    clock = format_clock(when, ui_translator().language)
    separator = ":" if clock[-3:-2] == ":" else "."
    return f"{clock}{separator}{when.second:02d}"


Save = Callable[[object, str], "Change[object] | None"]
"""Stores a field's text for its target and returns the change made, for the undo step; None
when the write is an undo step of its own (the one that creates an action item) or when the
screen said why it kept the stored text (a date it cannot read). A text the record cannot
take raises its ``ValidationError``: the field stays unsaved and :attr:`Autosaver.refused`
says why, until a corrected text is written."""


class TextBinding(QObject):
    """One text field and the call that stores it; ``target`` changes when another item is
    shown in the same widget (the pending text is written to the old target first)."""

    def __init__(self, autosaver: Autosaver, widget: TextWidget, save: Save) -> None:
        super().__init__(widget)
        self.autosaver = autosaver
        self.widget = widget
        self.save = save
        self.target: object = None
        self.dirty = False
        self.session: Change[object] | None = None
        """The writes since the field was entered, joined into one undo step."""
        self.leaving = False
        self.refused: str | None = None
        """Why the record refused the text typed (an empty required field), until it takes it."""
        """The field was left while its write failed: the write that succeeds ends the session."""
        widget.installEventFilter(self)
        widget.textChanged.connect(self._on_changed)

    def _on_changed(self, *_args: object) -> None:
        if self.target is None:
            return
        self.dirty = True
        self.autosaver.changed(self)

    def show(self, target: object, text: str) -> bool:
        """Write what is pending, then show ``text`` of ``target``. False, changing nothing,
        when the pending text could not be written: it stays in the field, never lost."""
        if not self.flush():
            return False
        self.target = target
        set_widget_text(self.widget, text)
        self.dirty = False
        return True

    def write_pending(self) -> bool:
        """Write the pending text now; False if the write failed (the text stays dirty)."""
        if not self.dirty or self.target is None:
            return True
        return self.autosaver.write(self)

    def flush(self) -> bool:
        """Write the pending text and end the editing session: its writes become one undo
        step. False if the write failed (the text stays dirty, the session open)."""
        if not self.write_pending():
            self.leaving = True
            return False
        self.end_session()
        return True

    def end_session(self) -> None:
        session, self.session = self.session, None
        self.leaving = False
        if session is not None and session.made:  # not when it ended where it began
            self.autosaver.edited.emit(session)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.FocusOut:
            self.flush()
        elif watched is self.widget and event.type() == QEvent.Type.FocusIn:
            self.leaving = False  # back in the field: the session goes on
        return False


class Autosaver(QObject):
    """The debounce, the deadline and the record of the last write, for one screen's text
    fields (a memo in meeting mode, a result card)."""

    saved = Signal(object)
    """Everything typed reached the disk: the local ``datetime`` of the last commit."""
    failed = Signal(str)
    """A write failed: a translated sentence (the text is kept and retried)."""
    recovered = Signal(object)
    """After failures, everything typed reached the disk again: the local ``datetime``."""
    locked = Signal()
    """The memo was approved elsewhere: editing must stop."""
    refused = Signal(str)
    """A text was refused (why, translated), or "" once every refused text was written."""
    edited = Signal(object)
    """An editing session of a field ended: its writes as one ``Change`` for the undo stack."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bindings: list[TextBinding] = []
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.setTimerType(Qt.TimerType.PreciseTimer)
        self._pause.timeout.connect(self.write_pending)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(DEADLINE_MS)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self.write_pending)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.write_pending)
        self.failing: str | None = None
        """While writes fail: why, in the user's language; None when all is saved."""
        self.last_saved: dt.datetime | None = None
        self.last_write_seconds = 0.0
        self.write_count = 0

    def bind(self, widget: TextWidget, save: Save) -> TextBinding:
        binding = TextBinding(self, widget, save)
        self.bindings.append(binding)
        return binding

    def forget(self, binding: TextBinding) -> None:
        """Stop saving a widget that is going away (its text written first)."""
        binding.flush()
        if binding in self.bindings:
            self.bindings.remove(binding)

    def changed(self, _binding: TextBinding) -> None:
        if self.failing is not None:
            return  # the retry timer writes; typing on must not hammer a full disk
        self._pause.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def pending(self) -> bool:
        return any(b.dirty for b in self.bindings)

    def problem(self) -> str | None:
        """Why some typed text is not in the file (a failing disk, a refused text), or None."""
        if self.failing is not None:
            return self.failing
        return next((b.refused for b in self.bindings if b.refused is not None), None)

    def write_pending(self) -> bool:
        """Write every pending text now, the editing sessions going on (typing paused)."""
        return self._write_all(TextBinding.write_pending)

    def flush(self) -> bool:
        """Write every pending text now and end the editing sessions (before a change the
        screen makes itself, so that the undo steps keep their order); False if a write
        failed."""
        return self._write_all(TextBinding.flush)

    def _write_all(self, write: Callable[[TextBinding], bool]) -> bool:
        self._pause.stop()
        self._deadline.stop()
        self._retry.stop()
        ok = True
        for binding in list(self.bindings):
            ok = write(binding) and ok
        if ok and self.failing is not None:
            self.failing = None
            self.last_saved = dt.datetime.now()
            self.recovered.emit(self.last_saved)
        return ok

    def write(self, binding: TextBinding) -> bool:
        text = widget_text(binding.widget)
        started = time.perf_counter()
        try:
            change = binding.save(binding.target, text)
        except MemoLocked:
            binding.dirty = False
            binding.session = None
            self.locked.emit()
            return False
        except NotFound:
            binding.dirty = False
            binding.session = None  # the item was removed (an undo); nothing to keep it in
            return True
        except ValidationError as error:  # the text, not the disk: no retry until it changes
            binding.refused = describe(error)
            self.refused.emit(binding.refused)
            return False
        except UserError as error:
            self.failing = describe(error)
            self.failed.emit(self.failing)
            self._retry.start()  # try again in a few seconds; the text stays in the field
            return False
        self.last_write_seconds = time.perf_counter() - started
        if change is not None:
            binding.session = change if binding.session is None else binding.session.then(change)
        if binding.refused is not None:
            binding.refused = None
            if self.problem() is None:
                self.refused.emit("")
        self.write_count += 1
        binding.dirty = widget_text(binding.widget) != text
        if binding.leaving and not binding.dirty:
            binding.end_session()
        self.mark_saved()
        return True

    def mark_saved(self) -> None:
        """A write reached the disk (structural changes commit on their own): say so, unless
        some text is still waiting for a write that failed."""
        if self.problem() is not None and self.pending():
            return
        self.last_saved = dt.datetime.now()
        self.saved.emit(self.last_saved)


class SaveIndicator(QWidget):
    """“Tallennettu klo 13.05.12”: when the last change reached the disk, with an icon."""

    def __init__(self, autosaver: Autosaver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self)
        self.text = QLabel(_("All changes are saved automatically."), self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self._set_icon(State.DONE)
        autosaver.saved.connect(self.show_saved)
        autosaver.failed.connect(self.show_failed)
        autosaver.refused.connect(lambda reason: self.show_failed(reason) if reason else None)
        autosaver.recovered.connect(self.show_recovered)

    def _set_icon(self, state: State) -> None:
        self.icon.setPixmap(state_pixmap(state))

    def show_saved(self, when: dt.datetime) -> None:
        self._set_icon(State.DONE)
        self.text.setText(_("Saved {time}").format(time=clock_with_seconds(when)))
        self.setToolTip(self.text.text())
        self.setAccessibleName(self.text.text())

    def show_failed(self, reason: str) -> None:
        self._set_icon(State.WARNING)
        self.text.setText(_("Not saved"))
        self.setToolTip(reason)
        self.setAccessibleName(_("Not saved: {reason}").format(reason=reason))

    def show_recovered(self, when: dt.datetime) -> None:
        self._set_icon(State.DONE)
        self.text.setText(_("Saved again {time}").format(time=clock_with_seconds(when)))
        self.setToolTip(self.text.text())
        self.setAccessibleName(self.text.text())


def save_status(autosaver: Autosaver, parent: QWidget) -> tuple[FieldMessage, QHBoxLayout]:
    """Under a form of autosaved fields: the line that says why a text is not saved (the disk,
    or a text the record refuses) and the row with the save indicator."""
    message = FieldMessage(parent)
    autosaver.failed.connect(message.show_message)
    autosaver.recovered.connect(lambda _when: message.clear())
    autosaver.refused.connect(
        lambda reason: message.show_message(reason) if reason else message.clear()
    )
    row = QHBoxLayout()
    row.addWidget(SaveIndicator(autosaver, parent))
    row.addStretch(1)
    return message, row
