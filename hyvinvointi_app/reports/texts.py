"""Fixed texts, labels, dates and times of a report in its language, or in both.

A bilingual document prints every fixed text in Finnish and Swedish, one after the other
("Kokousmuistio / Minnesanteckningar"); text the director typed is printed once, as typed.
Messages are looked up with ``gettext``/``pgettext`` and literal strings, so the catalog
extractor finds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Any

from hyvinvointi_app.domain.enums import Role
from hyvinvointi_app.i18n import formatting
from hyvinvointi_app.i18n.labels import label, missing_role_label
from hyvinvointi_app.i18n.translator import Translator, translator_for
from hyvinvointi_app.reports.options import REPORT_LANGUAGES
from hyvinvointi_app.services.annual_clock import Partner

SEPARATOR = " / "


def joined(parts: list[str]) -> str:
    """The parts once each, in order: equal words (a name, "Plan") are not doubled. Labels
    that hold a slash themselves ("Johtaja / kokoonkutsuja") are joined with a dash."""
    unique = list(dict.fromkeys(parts))
    separator = " \u2013 " if any("/" in part for part in unique) else SEPARATOR
    return separator.join(unique)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class ReportTexts:
    """The language(s) of one document."""

    def __init__(self, language: str) -> None:
        if language not in REPORT_LANGUAGES:
            raise ValueError(f"report language must be one of {REPORT_LANGUAGES}")
        self.language = language
        self.codes: tuple[str, ...] = ("fi", "sv") if language == "fi+sv" else (language,)
        self.translators: tuple[Translator, ...] = tuple(translator_for(c) for c in self.codes)

    @property
    def bilingual(self) -> bool:
        return len(self.codes) > 1

    @property
    def pdf_language(self) -> str:
        """The document's /Lang: a bilingual document is Finnish first."""
        return "sv-FI" if self.language == "sv" else "fi-FI"

    def gettext(self, message: str, **values: Any) -> str:
        return joined([tr.gettext(message).format(**values) for tr in self.translators])

    def pgettext(self, context: str, message: str, **values: Any) -> str:
        return joined([tr.pgettext(context, message).format(**values) for tr in self.translators])

    def label(self, value: StrEnum) -> str:
        return joined([label(value, tr) for tr in self.translators])

    def partners(self, partners: Sequence[Partner]) -> str:
        """ "Yhteistyötahot: terveydenhoitaja, Pelastuslaitos": an annual-clock theme's
        partners in a line, the roles in lower case inside it, the names as the unit wrote
        them; in a bilingual document each language's line whole, one after the other."""

        def line(tr: Translator) -> str:
            names = (
                _lower_first(label(p.role, tr)) if p.role is not None else p.name for p in partners
            )
            return tr.pgettext("report", "Partners") + ": " + ", ".join(names)

        return joined([line(tr) for tr in self.translators])

    def missing_role(self, role: Role) -> str:
        """A need the group lacks (:func:`~hyvinvointi_app.i18n.labels.missing_role_label`)."""
        return joined([missing_role_label(role, tr) for tr in self.translators])

    def stored(self, texts: Mapping[str, str]) -> str:
        """A text the program keeps in each language (a standing agenda heading, a checklist
        question) in the document's language(s); Finnish where a language lacks it."""
        return joined([texts.get(code) or texts["fi"] for code in self.codes])

    def date(self, value: dt.date | None) -> str:
        """``23.11.2026`` (the same in both languages); an empty string for no date."""
        return formatting.format_date(value, self.codes[0]) if value else ""

    def date_long(self, value: dt.date) -> str:
        return joined([formatting.format_date_long(value, c) for c in self.codes])

    def clock_word(self) -> str:
        """``klo`` / ``kl.`` / ``klo / kl.``, before a time of day."""
        words = []
        for code in self.codes:
            sample = dt.time(13)
            clock = formatting.format_clock(sample, code)
            words.append(clock.replace(formatting.format_time(sample, code), "").strip())
        return joined([w for w in words if w])

    def time_range(self, start: dt.time | None, end: dt.time | None) -> str:
        """``klo 13.00–14.30``; empty when no time was set."""
        if start is None:
            return ""
        text = formatting.format_time(start, self.codes[0])
        if end is not None:
            text += "\u2013" + formatting.format_time(end, self.codes[0])
        word = self.clock_word()
        return f"{word} {text}" if word else text

    def number(self, value: int) -> str:
        return formatting.format_number(value, self.codes[0])

    def share(self, value: float) -> str:
        """A share as whole percents ("34 %")."""
        return formatting.format_share(value, self.codes[0])

    def tenths(self, value: Decimal) -> str:
        """A number with one decimal always shown ("4,0")."""
        return formatting.format_tenths(value, self.codes[0])

    def yes_no(self, value: bool) -> str:
        return self.pgettext("report", "Yes") if value else self.pgettext("report", "No")


def document_name(tx: ReportTexts, kind: str) -> str:
    """The name of a kind of document ("memo", "agenda", "invitation", "calendar", "public",
    "public_memos", "annual", "evaluation", "bundle", "clock") in the document's language(s): its
    title, its page header and its suggested file name."""
    names = {
        "memo": tx.pgettext("report", "Memo"),
        "agenda": tx.pgettext("report", "Agenda"),
        "invitation": tx.pgettext("report", "Invitation"),
        "calendar": tx.pgettext("report", "Meetings of the wellbeing group"),
        "public": tx.pgettext("report", "Memo, public version"),
        "public_memos": tx.pgettext("report", "Memos of the wellbeing group, public versions"),
        "annual": tx.pgettext("report", "Annual report"),
        "evaluation": tx.pgettext("report", "Plan evaluation summary"),
        "bundle": tx.pgettext("report", "Coordinator bundle"),
        "clock": tx.pgettext("report", "Annual clock"),
    }
    return names[kind]


def safe_file_name(text: str) -> str:
    """``text`` without the characters a Windows file name cannot hold."""
    return "".join("-" if ch in '<>:"/\\|?*' else ch for ch in text).strip()


def meeting_file_name(tx: ReportTexts, kind: str, number: int, day: dt.date | None) -> str:
    """ "Esityslista Kokous 3 10.12.2026": a document of one meeting, named in its language(s)
    (without the suffix)."""
    subject = tx.pgettext("report", "Meeting {number}", number=number)
    if day is not None:
        subject += f" {tx.date(day)}"
    return safe_file_name(f"{document_name(tx, kind)} {subject}")
