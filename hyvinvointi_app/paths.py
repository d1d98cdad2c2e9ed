"""Where the director's data lives, decided without Qt so the command line agrees with the GUI.

Order: ``HYVINVOINTI_HOME``; a file named ``portable`` beside the executable (data then
lives in ``data`` beside it, for a USB stick); the per-user application-data folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "Hyvinvointiryhma"
DEFAULT_FILE_NAME = "unit.sqlite"


def _program_folder() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def data_home() -> Path:
    """The folder for the unit file, backups and logs (not created here)."""
    override = os.environ.get("HYVINVOINTI_HOME")
    if override:
        return Path(override).expanduser()
    program = _program_folder()
    if (program / "portable").exists():
        return program / "data"
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_FOLDER


def default_database() -> Path:
    return data_home() / DEFAULT_FILE_NAME


def log_folder() -> Path:
    return data_home() / "logs"
