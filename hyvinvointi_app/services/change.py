"""One user action, made: what it gave, and how to take it back and make it again.

Every service function a screen calls for a user action that can be undone ends in
``_undoably`` and returns a :class:`Change`: it has made the change in one transaction, and its
``undo`` and ``redo`` are ready service calls (one transaction each). The screen puts it on the
undo stack as it is (``ui.undo.push``); no screen builds an inverse operation of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T", covariant=True)
U = TypeVar("U")


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Change(Generic[T]):
    label: str
    """The action as the Edit menu names it, without “Undo”: an English message id marked
    with ``N_`` that the screen translates (“add member”)."""
    value: T
    """What the action gave: the saved view the screen shows next."""
    undo: Callable[[], object]
    redo: Callable[[], object]
    made: bool = True
    """False when the action changed nothing (a dialog saved as it was): no undo step."""
    states: tuple[object, object] | None = None
    """What an overwrite found and left (comparable values), when known: a run of overwrites
    that ends where it began is no step (text typed and deleted again)."""

    @staticmethod
    def nothing(label: str, value: U) -> Change[U]:
        return Change(label, value, _nothing, _nothing, made=False)

    def then(self, later: Change[U]) -> Change[U]:
        """This change followed by ``later`` overwriting the same thing, as one step: undo
        gives back what was before this one, redo what ``later`` left (one text field typed
        in over several writes, say)."""
        if not self.made:
            return later
        if not later.made:
            return Change(later.label, later.value, self.undo, self.redo, states=self.states)
        states = None
        if self.states is not None and later.states is not None:
            states = (self.states[0], later.states[1])
        made = states is None or states[0] != states[1]
        return Change(later.label, later.value, self.undo, later.redo, made=made, states=states)


S = TypeVar("S")
V = TypeVar("V")


def done(
    label: str,
    do: Callable[[], V],
    undo: Callable[[], object],
    *,
    states: tuple[object, object] | None = None,
) -> Change[V]:
    """Make a change now by calling ``do``; its redo calls ``do`` again."""
    return Change(label, do(), undo=undo, redo=do, states=states)


def overwritten(
    label: str, write: Callable[[S], V], before: S, after: S, state: Callable[[V], S]
) -> Change[V]:
    """Write ``after`` where ``before`` was (both as ``write`` takes them); no step when the
    stored ``state`` of what the write gave is what was there."""
    value = write(after)
    if state(value) == before:
        return Change.nothing(label, value)
    return Change(
        label,
        value,
        undo=lambda: write(before),
        redo=lambda: write(after),
        states=(before, state(value)),
    )
