"""What the caller chooses when exporting a document; cheap to import (no ReportLab)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

ReportLanguage = Literal["fi", "sv", "fi+sv"]
REPORT_LANGUAGES: tuple[str, ...] = ("fi", "sv", "fi+sv")
PAPER_SIZES: tuple[str, ...] = ("A4", "A3")
"""The sheets the annual clock's poster is made for (the other documents are A4)."""

Progress = Callable[[int, int], None]
"""Called with (steps done, steps in all), from the thread that builds the document."""


@dataclass(frozen=True)
class ReportOptions:
    """``language`` "fi", "sv" or "fi+sv" (both, side by side or one above the other).

    Members appear by role unless ``with_names``. A ``password`` encrypts the file (AES-256)
    for e-mail; an encrypted file cannot be PDF/A, so ``archival`` then does not apply.
    ``created`` fixes the document's date (tests, reproducible output); None means now.
    ``replace`` lets the export replace an existing PDF (the save dialog has asked; the
    command line says ``--replace``).
    """

    language: str = "fi"
    with_names: bool = False
    password: str | None = None
    archival: bool = True
    created: dt.datetime | None = None
    replace: bool = True
    paper: str = "A4"
    """The sheet of a document made for more than one (the annual clock's poster)."""

    def __post_init__(self) -> None:
        if self.language not in REPORT_LANGUAGES:
            raise ValueError(f"report language must be one of {REPORT_LANGUAGES}")
        if self.paper not in PAPER_SIZES:
            raise ValueError(f"paper must be one of {PAPER_SIZES}")
        if self.password == "":
            object.__setattr__(self, "password", None)

    @property
    def is_archival(self) -> bool:
        """PDF/A-2b is written only when asked for and no password is given."""
        return self.archival and self.password is None

    def created_at(self) -> dt.datetime:
        return self.created or dt.datetime.now().replace(microsecond=0)
