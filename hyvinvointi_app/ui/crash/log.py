"""The crash log: what a developer needs to find a bug, and nothing a director typed.

An exception's message and the values of its frames' variables may quote user text: a
``ValueError`` built from a memo line, an SQLAlchemy error that repeats the SQL parameters,
a ``KeyError`` on a member's name. So the log holds only

- the exception's type (with ``errno``'s symbolic name for an ``OSError``),
- the frames: file (shortened to the package or library it belongs to), line number,
  function and the line of *program* source, the same for chained exceptions,
- versions of the application, Python, Qt and SQLite, the platform, the thread, the time.

Never ``str(exception)``, never ``repr`` of arguments or locals. The file is written
atomically and readable by its owner only (``store.files.write_atomically``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from hyvinvointi_app.store.files import write_atomically

MAX_TRACEBACKS = 20
"""Tracebacks kept in one log; more errors in a burst are only counted."""
KEEP_LOGS = 50
"""Crash logs kept in the folder; older ones are removed when a new one is written."""
_CHAIN_LIMIT = 5


def _short_file(filename: str) -> str:
    """A frame's file without the folders above our package or a library: the director's
    user name is part of those folders, and a developer does not need them."""
    path = filename.replace("\\", "/")
    for marker in ("/hyvinvointi_app/", "/site-packages/", "/dist-packages/"):
        if marker in path:
            tail = path.rsplit(marker, 1)[1]
            return ("hyvinvointi_app/" + tail) if marker == "/hyvinvointi_app/" else tail
    if path.startswith("<"):
        return path
    parts = path.rsplit("/", 2)
    return "/".join(parts[-2:])


def exception_kind(error: BaseException) -> str:
    """``ValueError``, ``sqlalchemy.exc.OperationalError``, ``OSError [ENOSPC]``."""
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    if isinstance(error, OSError) and isinstance(error.errno, int):
        name += f" [{errno.errorcode.get(error.errno, error.errno)}]"
    return name


def _frames(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        lines.append(
            f'  File "{_short_file(frame.filename)}", line {frame.lineno}, in {frame.name}'
        )
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def format_exception_safely(
    kind: type[BaseException], error: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback like Python's, with each exception's message left out (see module)."""
    chain: list[tuple[BaseException | None, type[BaseException], TracebackType | None, str]] = []
    current: BaseException | None = error
    current_kind, current_tb, link = kind, tb, ""
    seen: set[int] = set()
    while len(chain) < _CHAIN_LIMIT:
        chain.append((current, current_kind, current_tb, link))
        if current is None or id(current) in seen:
            break
        seen.add(id(current))
        if current.__cause__ is not None:
            following, link = current.__cause__, "direct cause"
        elif current.__context__ is not None and not current.__suppress_context__:
            following, link = current.__context__, "context"
        else:
            break
        current, current_kind, current_tb = following, type(following), following.__traceback__
    blocks = []
    for exc, exc_kind, exc_tb, link_to_next in reversed(chain):
        block = ["Traceback (most recent call last):", *_frames(exc_tb)]
        block.append(exception_kind(exc) if exc is not None else exc_kind.__qualname__)
        if link_to_next == "direct cause":
            block.append("\nThe above exception was the direct cause of the following exception:\n")
        elif link_to_next == "context":
            block.append("\nDuring handling of the above exception, another exception occurred:\n")
        blocks.append("\n".join(block))
    return "\n".join(blocks)


def _versions() -> list[str]:
    import platform  # here, not at start-up: only a crash needs them
    import sqlite3

    from hyvinvointi_app import __version__

    lines = [
        f"application: Hyvinvointiryhmä {__version__}",
        f"python: {platform.python_version()} ({platform.python_implementation()})",
        f"platform: {platform.platform(terse=True)} {platform.machine()}",
        f"sqlite: {sqlite3.sqlite_version}",
    ]
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        lines.append(f"qt: {qVersion()} (PySide6 {PySide6.__version__})")
    except ImportError:  # pragma: no cover - the GUI always has it
        pass
    return lines


@dataclass
class CrashLog:
    """One log file for one error and those that follow it in the same burst."""

    path: Path
    started: dt.datetime
    errors: int = 0
    reports: list[str] = field(default_factory=list)

    def add(
        self,
        kind: type[BaseException],
        error: BaseException | None,
        tb: TracebackType | None,
        *,
        thread: str,
        fatal: bool,
    ) -> None:
        self.errors += 1
        if len(self.reports) >= MAX_TRACEBACKS:
            return
        when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        state = "the application closed" if fatal else "the application went on"
        self.reports.append(
            f"-- error {self.errors} at {when} in thread {thread!r}; {state}\n"
            + format_exception_safely(kind, error, tb)
        )

    def text(self) -> str:
        header = [
            "Hyvinvointiryhmä: an unexpected error",
            f"first error: {self.started.strftime('%Y-%m-%dT%H:%M:%SZ')} (UTC)",
            *_versions(),
            f"errors in this log: {self.errors}"
            + (
                f" (tracebacks of the first {MAX_TRACEBACKS})"
                if self.errors > MAX_TRACEBACKS
                else ""
            ),
            "",
            "Exception messages and variable values are never written here: they may quote",
            "text typed into the application. Only exception types and program lines are.",
            "",
        ]
        return "\n".join(header + self.reports) + "\n"

    def write(self) -> None:
        """(Re)write the whole file atomically: readers never see half a log."""
        write_atomically(self.path, self.text().encode("utf-8"))


def new_crash_log(folder: Path, now: dt.datetime | None = None) -> CrashLog:
    """A log named after its time and process, in ``folder`` (created owner-only), after
    removing the oldest logs beyond :data:`KEEP_LOGS`."""
    started = now or dt.datetime.now(dt.UTC)
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the data folder, private
    folder.mkdir(exist_ok=True, mode=0o700)
    stem = f"crash-{started.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    path = folder / f"{stem}.log"
    number = 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.log"
    old = sorted(folder.glob("crash-*.log"))
    for stale in old[: max(0, len(old) - KEEP_LOGS + 1)]:
        with contextlib.suppress(OSError):
            stale.unlink()
    return CrashLog(path, started)


def current_thread_name() -> str:
    import threading

    return threading.current_thread().name


def describe_for_stderr(kind: type[BaseException], error: BaseException | None) -> str:
    """The one line printed when even the log cannot be written (no message, see module)."""
    shown = exception_kind(error) if error is not None else kind.__qualname__
    return f"hyvinvointi: unexpected error ({shown}); no log could be written\n"


def is_top_level(tb: TracebackType | None) -> bool:
    """True when the exception unwound the whole program (its outermost frame is a module's
    top level): the event loop is gone, and the application must close. An exception in a Qt
    slot or event handler starts at that handler instead, and the loop goes on."""
    return tb is not None and tb.tb_frame.f_code.co_name == "<module>"


__all__ = [
    "CrashLog",
    "current_thread_name",
    "describe_for_stderr",
    "exception_kind",
    "format_exception_safely",
    "is_top_level",
    "new_crash_log",
]
