"""The page and the building blocks every document shares (imports ReportLab).

A4 with 20 mm side margins; a running header (unit, document type, date) and a footer
("Sivu 1/3") on every page. The footer needs the page count, so the canvas keeps every
page until ``save`` and draws the footers then. Every text is set in the shipped DejaVu
Sans, or in a shipped fallback font where DejaVu lacks a character (see :mod:`.fonts`), so
the file embeds every font it uses (PDF/A forbids a non-embedded Helvetica, which
ReportLab's canvas references unless ``initialFontName`` says otherwise).
"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hyvinvointi_app.reports import blocks, fonts
from hyvinvointi_app.reports.blocks import PageFrame
from hyvinvointi_app.reports.fonts import FONT, FONT_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_SIDE = 20 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#e8edf2")


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    # embeddedHyphenation: a long compound breaks after its own hyphen (tasa-/arvosuunnitelma)
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=12.5, spaceAfter=4, embeddedHyphenation=1
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=14, spaceAfter=8),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=15.5,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=7,
            spaceAfter=3,
        ),
        "label": ParagraphStyle("label", parent=body, fontName=FONT_BOLD, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell_head": ParagraphStyle(
            "cell_head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10, spaceAfter=0
        ),
        "note": ParagraphStyle(
            "note", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#333333")
        ),
    }


class _Paragraph(Paragraph):  # type: ignore[misc]  # ReportLab is untyped: its classes are Any
    """A paragraph that breaks its lines once for each width. A table wraps every cell when
    it measures itself, again for each split it tries and again when it draws: about three
    times the same work, and the most of an export's time, without this."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # The lines depend on the width alone (no style here shrinks text to a height); a
        # split that found no room drops them, and then they are broken again.
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and "blPara" in self.__dict__:
            return wrapped[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """Typed text in ``style``: cleaned, escaped, line breaks kept, every character in a
    font that has it (or a replacement mark, see :mod:`.fonts`)."""
    return _Paragraph(fonts.markup(text, bold=style.fontName == FONT_BOLD), style)


def para(text: str, style: str = "body") -> Paragraph:
    return paragraph(text, styles()[style])


def heading(text: str, level: int = 2) -> Paragraph:
    return paragraph(text, styles()["h2" if level <= 2 else "h3"])


def labelled(label: str, text: str) -> list[Flowable]:
    """A bold label above typed text; nothing when the text is empty."""
    if not text.strip():
        return []
    return [paragraph(label, styles()["label"]), para(text)]


def spacer(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


class _Grid(Table):  # type: ignore[misc]  # ReportLab is untyped: its classes are Any
    """A table whose rows stay whole across a page break, and whose split leaves at least two
    rows on each side (a lone row at the foot or the head of a page reads as lost), wherever
    two rows fit on a page. A row taller than a page is split inside; at the top of a page,
    where waiting helps nothing, any split that works is taken."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        room = FRAME_HEIGHT - sum(self._rowHeights[:head])
        body = self._rowHeights[head:]
        two_fit = all(a + b <= room for a, b in itertools.pairwise(body))
        self._rowSplitRange: tuple[int, int] | None = (head + 2, -2) if two_fit else None
        self.splitInRow = int(max(body, default=0) > room)
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if parts or not getattr(getattr(self, "_frame", None), "_atTop", False):
            return parts
        self._rowSplitRange = None
        self.splitInRow = 1
        return list(super().split(availWidth, availHeight))


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str | Flowable]],
    widths: Sequence[float],
    fixed: dict[int, float] | None = None,
) -> Table:
    """A grid whose header repeats on every page and whose cells wrap; rows stay whole
    across pages unless one is taller than a page (see :class:`_Grid`).
    ``fixed`` gives some columns a width in millimetres (dates, which must not wrap); the
    rest of the text width is shared in the proportions of ``widths``."""
    cell, head = styles()["cell"], styles()["cell_head"]
    data: list[list[Any]] = [[paragraph(h, head) for h in headers]]
    data += [
        [paragraph(value, cell) if isinstance(value, str) else value for value in row]
        for row in rows
    ]
    result = _Grid(
        data,
        colWidths=blocks.column_widths(widths, fixed or {}, FRAME_WIDTH, mm),
        repeatRows=1,
        splitByRow=1,
        hAlign="LEFT",
    )
    result.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return result


def facts(rows: Sequence[tuple[str, str]], label_width: float = 0.3) -> Table:
    """Label–value lines without a grid (the memo's header block); empty values are left out."""
    body, bold = styles()["cell"], styles()["cell_head"]
    data = [[paragraph(label, bold), paragraph(value, body)] for label, value in rows if value]
    result = Table(
        data or [["", ""]],
        colWidths=[FRAME_WIDTH * label_width, FRAME_WIDTH * (1 - label_width)],
        hAlign="LEFT",
        splitInRow=1,
    )
    result.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return result


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


def signatures(heading_text: str, signers: Sequence[str]) -> KeepTogether:
    """Room to sign for each signer, two side by side: a blank, a line, the signer under it."""
    cell = styles()["cell"]
    data: list[list[Any]] = []
    heights: list[float | None] = []
    lines: list[tuple[Any, ...]] = []
    for start in range(0, len(signers), 2):
        pair = list(signers[start : start + 2])
        texts = [paragraph(signer, cell) for signer in pair] + [""] * (2 - len(pair))
        data += [["", "", ""], [texts[0], "", texts[1]]]
        heights += [14 * mm, None]
        row = len(data) - 1
        lines += [
            ("LINEABOVE", (2 * i, row), (2 * i, row), 0.6, colors.black) for i in range(len(pair))
        ]
    grid = Table(
        data,
        colWidths=[FRAME_WIDTH * 0.44, FRAME_WIDTH * 0.12, FRAME_WIDTH * 0.44],
        rowHeights=heights,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                *lines,
            ]
        ),
    )
    return keep(paragraph(heading_text, styles()["label"]), grid)


def flowables(document: Sequence[blocks.Block]) -> list[Flowable]:
    """The PDF's flowables of a document built as blocks."""
    result: list[Flowable] = []
    for block in document:
        match block:
            case blocks.Title(text):
                result.append(para(text, "title"))
            case blocks.Subtitle(text):
                result.append(para(text, "subtitle"))
            case blocks.Heading(text, level):
                result.append(heading(text, level))
            case blocks.Para(text, style):
                result.append(para(text, style))
            case blocks.Facts(rows, label_width):
                result.append(facts(rows, label_width))
            case blocks.Grid(headers, rows, widths, fixed):
                result.append(table(headers, rows, widths, fixed))
            case blocks.Signatures(heading_text, signers):
                result.append(signatures(heading_text, signers))
            case blocks.Space(height):
                result.append(spacer(height))
            case blocks.Charts(charts, columns):
                result.append(bar_charts(charts, columns))
            case blocks.BarGrid(grid, shares, bar_mm):
                result.append(bar_table(grid, shares, bar_mm))
            case blocks.Keep(inner):
                result.append(keep(*flowables(inner)))
    return result


CHART_HEIGHT = 46 * mm
BAR_SHADES = tuple(
    colors.HexColor(shade) for shade in ("#c9d6e3", "#9fb6cc", "#6f92b3", "#3f6d96", "#1f4e79")
)
"""Stacked parts from light to dark (the answers 1–5); a single bar is the darkest."""


def _bar(shares: Sequence[float], width: float) -> Flowable:
    """One row's bar: its shares of ``width`` side by side, on a thin base line."""
    from reportlab.graphics.shapes import Drawing, Line, Rect

    height = 9.0
    drawing = Drawing(width, height)
    drawing.add(Line(0, 1, width, 1, strokeColor=RULE, strokeWidth=0.3))
    shades = BAR_SHADES[-len(shares) :] if len(shares) <= len(BAR_SHADES) else BAR_SHADES
    left = 0.0
    for index, share in enumerate(shares):
        part = width * max(0.0, min(share, 1.0))
        if part > 0:
            shade = shades[index % len(shades)]
            drawing.add(Rect(left, 1.5, part, height - 3, fillColor=shade, strokeColor=None))
        left += part
    return drawing


def bar_table(grid: blocks.Grid, shares: Sequence[Sequence[float]], bar_mm: float) -> Table:
    """A grid with each row's bar in a last column (see :class:`~.blocks.BarGrid`)."""
    width = (bar_mm - 3) * mm  # inside the cell's padding
    rows = [
        [*row, _bar(parts, width) if parts else ""]
        for row, parts in zip(grid.rows, shares, strict=True)
    ]
    column = len(grid.headers)
    return table([*grid.headers, ""], rows, [*grid.widths, 0], {**grid.fixed, column: bar_mm})


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """Words to lines no wider than ``width`` (a chart's title over its panel)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def bar_charts(charts: Sequence[blocks.Chart], columns: int = 0) -> Flowable:
    """Small bar charts side by side across the text width, in the document's own fonts
    (PDF/A embeds them): a title over each, the value over each bar, the period under it.
    ReportLab's graphics load here: only the coordinator's overview draws charts."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    register_fonts()
    panel = FRAME_WIDTH / max(len(charts), columns, 1)
    titles = [_wrapped(chart.title, FONT_BOLD, 8, panel - 6 * mm) for chart in charts]
    # Every title whole (a bilingual one takes four lines), and every chart's bars on one scale
    # below the longest.
    lines = max((len(title) for title in titles), default=0)
    height = CHART_HEIGHT + max(lines - 2, 0) * 10
    drawing = Drawing(FRAME_WIDTH, height, initialFontName=FONT)  # never Helvetica
    base = 9.0
    top = height - 9 - lines * 10 - 10
    for index, (chart, title) in enumerate(zip(charts, titles, strict=True)):
        left = index * panel
        for number, line in enumerate(title):
            drawing.add(
                String(left, height - 9 - number * 10, line, fontName=FONT_BOLD, fontSize=8)
            )
        slot = (panel - 6 * mm) / max(len(chart.bars), 1)
        width = min(slot * 0.6, 14 * mm)
        for number, (label, value, text) in enumerate(chart.bars):
            centre = left + slot * (number + 0.5)
            bar = (top - base) * max(0.0, min(value / (chart.maximum or 1.0), 1.0))
            drawing.add(
                Rect(centre - width / 2, base, width, bar, fillColor=ACCENT, strokeColor=None)
            )
            drawing.add(
                String(
                    centre,
                    base + bar + 2,
                    text,
                    fontName=FONT,
                    fontSize=7.5,
                    textAnchor="middle",
                )
            )
            drawing.add(String(centre, 0, label, fontName=FONT, fontSize=7, textAnchor="middle"))
        drawing.add(
            Line(left, base, left + panel - 6 * mm, base, strokeColor=RULE, strokeWidth=0.5)
        )
    return drawing


def _numbered_canvas(frame: PageFrame) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab's classes are Any
        """Holds every page until ``save``, when the page count is known for the footer."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            self.saveState()
            self.setFillColor(colors.HexColor("#444444"))
            text = f"{frame.page_word} {self._pageNumber}/{total}"
            x = (PAGE_WIDTH + fonts.string_width(text, False, 8)) / 2
            fonts.draw_string(self, x, MARGIN_BOTTOM - 10 * mm, text, False, 8, align="right")
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, bold: bool, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if fonts.string_width(text, bold, size) <= width:
        return text
    while text and fonts.string_width(text + "\u2026", bold, size) > width:
        text = text[:-1]
    return text + "\u2026"


def _header(frame: PageFrame) -> Any:
    """Unit at the left, document and date at the right; on two lines when both do not fit
    on one (a bilingual unit name beside a bilingual document type)."""

    def draw(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        right = f"{frame.document_type}  {frame.document_date}".strip()
        right_width = fonts.string_width(right, False, 8)
        left_width = fonts.string_width(frame.unit_name, True, 8)
        one_line = left_width + right_width + 6 * mm <= FRAME_WIDTH
        left = _fit(frame.unit_name, True, 8, FRAME_WIDTH)
        fonts.draw_string(canvas, MARGIN_SIDE, top, left, True, 8)
        right_top = top if one_line else top - 3.8 * mm
        right = _fit(right, False, 8, FRAME_WIDTH)
        fonts.draw_string(canvas, PAGE_WIDTH - MARGIN_SIDE, right_top, right, False, 8, "right")
        rule = right_top - 2.5 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_SIDE, rule, PAGE_WIDTH - MARGIN_SIDE, rule)
        canvas.restoreState()

    return draw


def _opening_height(flowable: Flowable) -> float:
    """The height of a table's header and first two rows (less than two rows never stand at
    the foot of a page, see :class:`_Grid`), or of the whole table when it has fewer than
    four rows and so cannot split at all; 0 for anything else."""
    if not isinstance(flowable, _Grid):
        return 0.0
    flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT * 100)
    head = flowable.repeatRows if isinstance(flowable.repeatRows, int) else 1
    body = len(flowable._rowHeights) - head
    return float(sum(flowable._rowHeights[: head + (2 if body >= 4 else body)]))


def _headings_not_last(story: list[Flowable]) -> list[Flowable]:
    """A heading starts a new page when too little room is left under it, so it never stands
    alone at the foot of a page: a few lines' room, or the heading and the first rows of the
    table that follows it when they need more (a table after it still splits as it must)."""
    result: list[Flowable] = []
    for index, flowable in enumerate(story):
        style = getattr(flowable, "style", None)
        room = {"h2": 32, "h3": 26, "label": 18}.get(getattr(style, "name", ""))
        if room and style is not None:
            following = story[index + 1] if index + 1 < len(story) else None
            if following is not None and (table_room := _opening_height(following)):
                own = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1] + style.spaceBefore
                wanted = (own + style.spaceAfter + table_room) / mm + 2
                # never more than a page holds: first rows taller than that split anyway
                room = max(room, min(wanted, 0.9 * FRAME_HEIGHT / mm))
            result.append(CondPageBreak(room * mm))
        result.append(flowable)
    return result


def document_properties(frame: PageFrame) -> dict[str, Any]:
    """What every document's template is told: its metadata (cleaned of control characters),
    its language, the embedded font to start in (PDF/A forbids ReportLab's unembedded
    Helvetica) and the same bytes for the same data."""
    frame = frame.cleaned()
    return {
        "title": frame.title,
        "author": frame.unit_name,
        "subject": frame.subject,
        "keywords": frame.keywords,
        "creator": "Hyvinvointiryhmä",
        "lang": frame.language,
        "displayDocTitle": True,
        "initialFontName": FONT,
        "initialFontSize": 9.5,
        "invariant": True,  # the same data gives the same file (the dates are set in finish)
    }


def render(story: list[Flowable], frame: PageFrame) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF (plain: not yet PDF/A)."""
    register_fonts()
    frame = frame.cleaned()
    story = _headings_not_last(story)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_SIDE,
        rightMargin=MARGIN_SIDE,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **document_properties(frame),
    )
    draw = _header(frame)
    document.build(story, onFirstPage=draw, onLaterPages=draw, canvasmaker=_numbered_canvas(frame))
    return buffer.getvalue()
