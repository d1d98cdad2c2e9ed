"""Running the command line as a user does: a real process of the installed module."""

from __future__ import annotations

import os
import subprocess
import sys


def run(*args: str, lang: str = "fi") -> subprocess.CompletedProcess[str]:
    """``hyvinvointi ARGS`` in a child process with the interface language ``lang``."""
    return subprocess.run(
        [sys.executable, "-m", "hyvinvointi_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HYVINVOINTI_LANG": lang},
    )
