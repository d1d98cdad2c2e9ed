"""Errors a user can meet read naturally in each language, with dates in local style."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hyvinvointi_app.domain.errors import DatabaseLocked, LockHolder, MemoLocked, NotFound
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import translator_for


def test_a_locked_file_names_the_holder_and_the_time() -> None:
    holder = LockHolder("TOIMISTO-PC", "aino", 42, dt.datetime(2026, 11, 23, 13, 5))
    error = DatabaseLocked(Path("unit.sqlite"), holder)
    fi = describe(error, translator_for("fi"))
    sv = describe(error, translator_for("sv"))
    assert "TOIMISTO-PC" in fi and "avattu 23.11.2026 klo 13.05" in fi
    assert "sedan 23.11.2026 kl. 13.05" in sv


def test_messages_are_translated() -> None:
    assert describe(MemoLocked(3), translator_for("sv")).startswith(
        "Minnesanteckningarna är godkända och låsta"
    )
    assert describe(MemoLocked(3), translator_for("en")).startswith("This memo is approved")


def test_not_found_names_the_thing_in_the_users_language() -> None:
    error = NotFound("meeting", 7)
    assert describe(error, translator_for("sv")) == "Hittades inte: möte 7."
    assert describe(error, translator_for("fi")) == "Ei löytynyt: kokous 7."
