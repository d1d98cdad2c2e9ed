"""Power cut in the middle of a meeting: a child process types into the memo through the
real widgets and is killed with SIGKILL at random moments. Each time the file must pass
SQLite's integrity check and hold all text typed more than one second before the kill;
reopening the memo then says calmly that the application was closed unexpectedly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hyvinvointi_app.store.database import open_database
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.meetings.editor import MeetingEditor

TRIALS = 20
ROOT = Path(__file__).resolve().parents[2]


def _crash_trials():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "crash_trials", ROOT / "benchmarks" / "crash_trials.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_trials"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_typing_loses_nothing_older_than_a_second(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trials = _crash_trials()
    results = trials.run_trials(TRIALS, 2, tmp_path)
    failed = [f"trial {r.seed}: {'; '.join(r.problems)}" for r in results if not r.ok]
    assert not failed, failed
    assert len(results) == TRIALS
    assert sum(r.required for r in results) > 100, "the trials typed too little to prove much"

    # Reopening after the kill: the memo as at the last autosave, and a calm word about it.
    last = results[-1]
    monkeypatch.setenv("HYVINVOINTI_HOME", str(last.home))
    database = open_database(last.path)
    try:
        context = AppContext(database)
        editor = MeetingEditor(context, last.meeting_id)
        qtbot.addWidget(editor)
        editor.show()
        assert editor.crash_banner.isVisible()
        assert "sulkeutui odottamatta" in editor.crash_banner.label.text()
        editor.close()
        context.undo_stack.clear()
    finally:
        database.close()
