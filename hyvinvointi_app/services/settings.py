"""The settings the command line shares with the application: where backups go and how many
are kept. One small JSON file in the data folder (``settings.json``, owner-only), read and
written without Qt, so that ``hyvinvointi backup`` follows exactly the application's rules.

Pure interface state (language, window geometry, recent files) stays in Qt's
``settings.ini``. Versions before this file kept the backup settings there too: when
``settings.json`` has none yet, they are read from ``settings.ini``'s ``[backup]`` section,
so a folder the director chose is not forgotten.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from string import hexdigits
from typing import Any

from hyvinvointi_app.paths import data_home
from hyvinvointi_app.store.files import write_atomically

SETTINGS_FILE = "settings.json"
QT_SETTINGS_FILE = "settings.ini"
_POLICY_FIELDS = ("last", "daily", "weekly", "monthly")
DEFAULT_FOLDER_NAME = "backups"


def default_folder(unit_file: Path) -> Path:
    """The backup folder when none was chosen: ``backups`` beside the unit file."""
    return unit_file.parent / DEFAULT_FOLDER_NAME


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups to keep (settable in Settings)."""

    last: int = 10
    daily: int = 14
    weekly: int = 8
    monthly: int = 12


@dataclass(frozen=True)
class BackupSettings:
    folder: Path | None = None
    """The chosen backup folder; None: ``backups`` beside each unit file."""
    policy: RetentionPolicy = field(default_factory=RetentionPolicy)

    def folder_for(self, unit_file: Path) -> Path:
        """Where backups of ``unit_file`` go (its unit's subfolder is made inside)."""
        return self.folder if self.folder is not None else default_folder(unit_file)


def settings_path() -> Path:
    return data_home() / SETTINGS_FILE


def ensure_data_home() -> Path:
    """The data folder, created readable by its owner only when it is missing, and made so
    when an earlier version left it readable by others (POSIX; only a folder of the user's
    own: one another owner set up is left as it is)."""
    home = data_home()
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        info = home.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o077:
            home.chmod(stat.S_IMODE(info.st_mode) & 0o700)
    return home


def _read_json() -> dict[str, Any]:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _policy(values: dict[str, Any]) -> RetentionPolicy:
    default = RetentionPolicy()
    numbers = {}
    for name in _POLICY_FIELDS:
        try:
            numbers[name] = max(0, int(str(values.get(name, getattr(default, name)))))
        except (TypeError, ValueError):
            numbers[name] = getattr(default, name)
    return RetentionPolicy(**numbers)


def _from_mapping(backup: dict[str, Any]) -> BackupSettings:
    folder = backup.get("folder")
    return BackupSettings(
        folder=Path(folder) if isinstance(folder, str) and folder else None,
        policy=_policy(backup),
    )


def load_backup_settings() -> BackupSettings:
    """The backup folder and retention policy (defaults where nothing was chosen)."""
    backup = _read_json().get("backup")
    if isinstance(backup, dict):
        return _from_mapping(backup)
    return _from_mapping(_qt_backup_section(data_home() / QT_SETTINGS_FILE))


def save_backup_settings(settings: BackupSettings) -> None:
    """Store the backup settings (atomically, owner-only), keeping anything else in the file."""
    ensure_data_home()
    data = _read_json()
    data["backup"] = {
        "folder": str(settings.folder) if settings.folder is not None else "",
        **{name: getattr(settings.policy, name) for name in _POLICY_FIELDS},
    }
    write_atomically(settings_path(), json.dumps(data, indent=1).encode("utf-8"))


# -- reading what Qt's settings.ini held before ----------------------------------------------

_QT_KEYS = {"folder": "folder", **{f"keep_{name}": name for name in _POLICY_FIELDS}}


def _qt_backup_section(path: Path) -> dict[str, Any]:
    """The ``[backup]`` values of a QSettings INI file, unescaped, keyed as in JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    section = ""
    values: dict[str, Any] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
            continue
        if section != "backup" or "=" not in stripped or stripped.startswith(";"):
            continue
        key, _eq, raw = stripped.partition("=")
        name = _QT_KEYS.get(key.strip())
        if name is not None:
            values[name] = qt_ini_value(raw.strip())
    return values


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def qt_ini_value(raw: str) -> str:
    """One string value as QSettings writes it in INI format: possibly in double quotes,
    with backslash escapes (``\\\\``, ``\\"``, ``\\n``, ``\\xHHHH``)."""
    if raw.startswith("@String(") and raw.endswith(")"):
        raw = raw[len("@String(") : -1]
    out: list[str] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == '"':
            index += 1
            continue
        if char == "\\" and index + 1 < len(raw):
            following = raw[index + 1]
            if following == "x":
                digits = ""
                index += 2
                while index < len(raw) and len(digits) < 4 and raw[index] in hexdigits:
                    digits += raw[index]
                    index += 1
                out.append(chr(int(digits, 16)) if digits else "x")
                continue
            out.append(_ESCAPES.get(following, following))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def make_private(path: Path) -> None:
    """Create ``path`` empty and owner-only if it is missing, or make it owner-only (POSIX):
    for files another library writes, such as Qt's ``settings.ini`` with recent file paths
    (Qt keeps the mode of an existing file when it rewrites it)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        if os.name == "posix":
            os.chmod(path, 0o600)
    except OSError:
        pass
