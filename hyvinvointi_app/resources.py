"""Where the shipped data files are: beside the package in a checkout, inside a frozen build."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """The path of a file under ``resources/``."""
    return _root().joinpath("resources", *parts)


def load_json_resource(name: str) -> Any:
    """A JSON file under ``resources/``; these files are ours, so they are trusted."""
    with resource_path(name).open(encoding="utf-8") as handle:
        return json.load(handle)
