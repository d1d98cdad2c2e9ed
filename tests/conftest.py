"""Shared test set-up: Qt runs offscreen, and every test gets real files in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import bad_files
import no_network
import pytest


@pytest.fixture(scope="session", autouse=True)
def network_refused() -> Iterator[list[str]]:
    """The application works offline: for the whole run, opening a socket or looking up a
    host raises, and is recorded (tests/no_network.py)."""
    attempts = no_network.install()
    yield attempts
    no_network.uninstall()


@pytest.fixture(autouse=True)
def no_network_use(network_refused: list[str]) -> Iterator[None]:
    """Fails the test in which anything tried the network, even if the error was caught."""
    before = len(network_refused)
    yield
    tried = network_refused[before:]
    if tried:
        pytest.fail("tried to use the network:\n" + "\n".join(tried), pytrace=False)


@pytest.fixture
def make_bad_file() -> Callable[[str, Path], Path]:
    """``make_bad_file(kind, path)`` writes an unfit unit file of that kind at ``path``."""
    return bad_files.make_bad_file


@pytest.fixture
def make_unit_file() -> Callable[..., None]:
    """``make_unit_file(path, members=0)`` writes a sound unit file."""
    return bad_files.unit_file
