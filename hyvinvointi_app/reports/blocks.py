"""A document as plain blocks (title, headings, paragraphs, label–value facts, tables), built
once and rendered by more than one renderer: the PDF (:func:`.layout.flowables`) and the
read-only view of a kept memo version (:func:`.html.to_html`). No ReportLab here.

Every text is as typed or as translated: renderers escape it and keep its line breaks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from hyvinvointi_app.domain.typed_text import clean_text


@dataclass(frozen=True)
class PageFrame:
    """What every page of one document repeats, and the document's metadata."""

    unit_name: str
    document_type: str
    document_date: str
    page_word: str
    title: str
    subject: str
    keywords: str
    language: str

    def cleaned(self) -> PageFrame:
        """The frame without control characters: its texts go into XML (the PDF's XMP, the
        Word file's header and properties), where such a character is an error."""
        return dataclasses.replace(
            self,
            **{f.name: clean_text(getattr(self, f.name)) for f in dataclasses.fields(self)},
        )


def column_widths(
    widths: Sequence[float], fixed: dict[int, float], total: float, unit: float = 1.0
) -> list[float]:
    """A grid's column widths in ``total``'s unit: the ``fixed`` ones (millimetres, times
    ``unit``) as given, the rest of ``total`` shared in the proportions of ``widths``."""
    free = total - sum(fixed.values()) * unit
    share = sum(w for i, w in enumerate(widths) if i not in fixed) or 1
    return [fixed[i] * unit if i in fixed else free * w / share for i, w in enumerate(widths)]


DATE_MM = 24.0
"""The width of a date column: 10.10.2026, and "Määräaika" above it, on one line."""


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Subtitle:
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2
    """2 for a section, 3 for an item inside one."""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    style: str = "body"
    """"body", "label" (bold) or "note" (small)."""


@dataclass(frozen=True, slots=True)
class Facts:
    """Label–value lines without a grid (a memo's header); empty values are left out."""

    rows: Sequence[tuple[str, str]]
    label_width: float = 0.3
    """The labels' share of the line."""


@dataclass(frozen=True, slots=True)
class Grid:
    """A table with a header row. ``widths`` are proportions; ``fixed`` gives some columns a
    width in millimetres (dates, which must not wrap)."""

    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float]
    fixed: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Signatures:
    """Lines to sign on, each with the signer's role (and name) under it."""

    heading: str
    signers: Sequence[str]


@dataclass(frozen=True, slots=True)
class Space:
    mm: float = 3


@dataclass(frozen=True, slots=True)
class Chart:
    """One figure over the operating periods as bars: (period, value, the value as text)."""

    title: str
    bars: Sequence[tuple[str, float, str]]
    maximum: float = 1.0
    """The top of the scale: 1.0 for a share."""


@dataclass(frozen=True, slots=True)
class Charts:
    """Small bar charts side by side (a trend); where a format draws none (the Word file,
    the HTML view), each chart is a small table of its values."""

    charts: Sequence[Chart]
    columns: int = 0
    """Panels in the row: the charts' count by default; more leaves room at the right, so
    that rows of charts line up."""


@dataclass(frozen=True, slots=True)
class BarGrid:
    """A grid with a bar after each row (a survey's counts): a row's shares of the whole as
    one bar, or as stacked parts (the answers 1–5). The cells say every number, so a format
    that draws no bars (the Word file, the HTML view) prints the grid alone."""

    grid: Grid
    shares: Sequence[Sequence[float]]
    """One entry per row: empty for no bar (a result withheld)."""
    bar_mm: float = 40


@dataclass(frozen=True, slots=True)
class Keep:
    """Blocks kept on one page (a heading with the facts under it)."""

    blocks: Sequence[Block]


Block = (
    Title | Subtitle | Heading | Para | Facts | Grid | Signatures | Space | Charts | BarGrid | Keep
)


def chart_table(chart: Chart) -> Grid:
    """A chart's values as a table, for a format that draws no chart."""
    return Grid([chart.title, ""], [[label, text] for label, _value, text in chart.bars], [3, 1])


def labelled(label: str, text: str) -> list[Block]:
    """A bold label above typed text; nothing when the text is empty."""
    if not text.strip():
        return []
    return [Para(label, "label"), Para(text)]
