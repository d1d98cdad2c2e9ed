"""A guard that makes every attempt to use the network fail: the application works offline
and must never open a socket or look up a host name.

``install()`` replaces ``socket.socket`` (with a subclass, so ``isinstance`` checks and
``ssl``'s subclass keep working), ``socket.create_connection``, ``socket.socketpair``,
``socket.fromfd`` and ``socket.getaddrinfo``. Each attempt is recorded with where it came
from and raises :class:`NetworkForbidden`; with ``fatal=True`` (for a child process) it
prints a line and ends the process at once, so that no ``except`` can hide it.

``open_socket_descriptors()`` lists the process's open socket file descriptors (Linux),
which also catches sockets opened below Python, by Qt or another C library.
"""

from __future__ import annotations

import os
import socket
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

FATAL_EXIT = 97
_saved: dict[str, Any] = {}


class NetworkForbidden(RuntimeError):
    """Raised instead of opening a socket."""


def install(*, fatal: bool = False) -> list[str]:
    """Refuse the network in this process; returns the list that collects the attempts."""
    attempts: list[str] = []

    def refuse(name: str, args: tuple[Any, ...]) -> None:
        where = "".join(traceback.format_stack(limit=8)[:-2])
        attempts.append(f"{name}{args[:2]!r} from\n{where}")
        if fatal:
            sys.stderr.write(f"NETWORK ATTEMPT: {name}\n{where}")
            sys.stderr.flush()
            os._exit(FATAL_EXIT)
        raise NetworkForbidden(f"the application must not use the network ({name})")

    def blocked(name: str) -> Callable[..., Any]:
        def function(*args: Any, **kwargs: Any) -> Any:
            refuse(name, args)

        return function

    original_socket = socket.socket

    class GuardedSocket(original_socket):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            refuse("socket.socket", args)

    if not _saved:
        _saved.update(
            socket=socket.socket,
            create_connection=socket.create_connection,
            socketpair=socket.socketpair,
            fromfd=socket.fromfd,
            getaddrinfo=socket.getaddrinfo,
        )
    socket.socket = GuardedSocket  # type: ignore[misc]
    socket.create_connection = blocked("socket.create_connection")
    socket.socketpair = blocked("socket.socketpair")
    socket.fromfd = blocked("socket.fromfd")
    socket.getaddrinfo = blocked("socket.getaddrinfo")
    return attempts


def uninstall() -> None:
    for name, value in _saved.items():
        setattr(socket, name, value)
    _saved.clear()


def open_socket_descriptors() -> list[str]:
    """``socket:[inode]`` for each open socket of this process (empty where /proc is not)."""
    folder = Path("/proc/self/fd")
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            try:
                target = os.readlink(entry)
            except OSError:
                continue
            if target.startswith("socket:"):
                found.append(f"fd {entry.name}: {target}")
    return found
