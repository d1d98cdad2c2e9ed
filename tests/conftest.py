"""Shared test set-up: Qt runs offscreen, and every test gets real files in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable
from pathlib import Path

import bad_files
import pytest


@pytest.fixture
def make_bad_file() -> Callable[[str, Path], Path]:
    """``make_bad_file(kind, path)`` writes an unfit unit file of that kind at ``path``."""
    return bad_files.make_bad_file


@pytest.fixture
def make_unit_file() -> Callable[..., None]:
    """``make_unit_file(path, members=0)`` writes a sound unit file."""
    return bad_files.unit_file
