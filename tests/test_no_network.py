"""No network, ever: the whole suite runs with sockets refused (tests/conftest.py), and the
real application, started as a user starts it, opens its main window on a demo unit without
creating a socket at the Python level or holding one at the operating-system level."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import no_network
import pytest

from hyvinvointi_app.ui.app import smoke_seconds

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import atexit, os, sys
sys.path.insert(0, sys.argv[1])
import no_network
no_network.install(fatal=True)

def check_descriptors():
    found = no_network.open_socket_descriptors()
    if found:
        sys.stderr.write("OPEN SOCKETS: " + ", ".join(found) + "\\n")
        sys.stderr.flush()
        os._exit(98)

atexit.register(check_descriptors)
from hyvinvointi_app.cli import main
code = main(sys.argv[2:])
check_descriptors()
raise SystemExit(code)
"""


def test_the_suite_refuses_sockets_and_host_lookups(network_refused: list[str]) -> None:
    before = len(network_refused)
    attempts = (
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.create_connection(("example.org", 443), timeout=1),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: socket.socketpair(),
    )
    for attempt in attempts:
        with pytest.raises(no_network.NetworkForbidden):
            attempt()
    assert len(network_refused) == before + len(attempts)
    del network_refused[before:]  # these were this test's own, on purpose


def _run_guarded(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HYVINVOINTI_HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT / "tests"), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_application_opens_no_socket(tmp_path: Path) -> None:
    done = _run_guarded(tmp_path, "--smoke")
    assert "NETWORK ATTEMPT" not in done.stderr, done.stderr
    assert "OPEN SOCKETS" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert smoke_seconds(done.stdout)[1] > 0  # the window was up with the file's figures


def test_the_guard_in_the_child_would_catch_a_socket(tmp_path: Path) -> None:
    """The same child, told to make a socket, is stopped: the test above can fail."""
    script = tmp_path / "opens_a_socket.py"
    script.write_text("import socket\nsocket.socket()\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(ROOT / 'tests')!r}); import no_network; "
            f"no_network.install(fatal=True); exec(open({str(script)!r}).read())",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == no_network.FATAL_EXIT
    assert "NETWORK ATTEMPT: socket.socket" in done.stderr
