"""Errors a user can meet read naturally in each language, with dates in local style."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hyvinvointi_app.domain.errors import DatabaseLocked, LockHolder, MemoLocked
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import translator_for


def test_a_locked_file_names_the_holder_and_the_time() -> None:
    holder = LockHolder("TOIMISTO-PC", "aino", 42, dt.datetime(2026, 11, 23, 13, 5))
    error = DatabaseLocked(Path("unit.sqlite"), holder)
    fi = describe(error, translator_for("fi"))
    sv = describe(error, translator_for("sv"))
    assert "TOIMISTO-PC" in fi and "23.11.2026 klo 13.05 alkaen" in fi
    assert "sedan 23.11.2026 kl. 13.05" in sv


def test_messages_are_translated() -> None:
    assert describe(MemoLocked(3), translator_for("sv")).startswith("Det här mötesprotokollet")
    assert describe(MemoLocked(3), translator_for("en")).startswith("This memo is approved")
