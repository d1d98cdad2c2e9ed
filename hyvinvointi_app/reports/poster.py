"""The annual clock as a poster for the staff-room wall: A4 or A3 on its side, in Finnish,
Swedish or both.

The wheel fills the sheet's height at the left (the same wheel as on screen,
:mod:`..services.clock_wheel`): twelve sectors from August at twelve o'clock, the month names
on the rim, each month's themes in their plan type's colour, and the period's meetings as
numbered marks on the rim. A theme's text is written in its piece only when it fits there
whole; otherwise the piece carries the theme's number. Beside the wheel stand the title, the
colours explained, the meetings dated, and month by month the themes the wheel shows by
their number or that have partners, with the partners; what a sheet cannot hold goes on to
a second one. The shapes are drawn with ReportLab's canvas paths (its ``renderPDF`` sets a
font of its own, Helvetica, which PDF/A forbids unembedded); every text is set in the
embedded fonts through :mod:`.fonts`, so the file is PDF/A once finished.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
)

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.i18n.formatting import month_name
from hyvinvointi_app.reports import fonts
from hyvinvointi_app.reports.blocks import PageFrame
from hyvinvointi_app.reports.common import unit_name
from hyvinvointi_app.reports.fonts import FONT, FONT_BOLD, register_fonts
from hyvinvointi_app.reports.layout import ACCENT, document_properties
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import SEPARATOR, ReportTexts, document_name
from hyvinvointi_app.services.annual_clock import PERIOD_MONTHS
from hyvinvointi_app.services.clock_wheel import (
    KIND_COLOURS,
    NO_PLAN,
    SECTOR_DEGREES,
    Box,
    Lettering,
    PosterData,
    WheelTheme,
    letter,
    point,
    sector,
    text_frame,
    theme_piece,
)

PAPERS = {"A4": A4, "A3": A3}
RING = 0.11
"""The month ring's depth, of the wheel's radius (a bilingual ring is deeper: two lines)."""
THEMES_INNER = 0.2
GAP = 1.6
"""Points between two pieces, and between a piece and its text."""
ACCENT_HEX = "#" + ACCENT.hexval()[2:]
INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#555555")


def _tint(colour: colors.Color, share: float) -> colors.Color:
    """``share`` of ``colour`` over white paper."""
    return colors.Color(
        colour.red * share + (1 - share),
        colour.green * share + (1 - share),
        colour.blue * share + (1 - share),
    )


def _angle(clockwise: float) -> float:
    """ReportLab's angles run anticlockwise from three o'clock."""
    return 90 - clockwise


def _piece(
    canvas: Canvas,
    piece: tuple[float, float, float, float],
    fill: colors.Color,
    stroke: colors.Color,
    width: float,
) -> None:
    """The piece of a ring between two angles (clockwise from twelve o'clock), around the
    canvas's origin."""
    start, end, inner, outer = piece
    path = canvas.beginPath()
    path.arc(-outer, -outer, outer, outer, startAng=_angle(end), extent=end - start)
    path.arcTo(-inner, -inner, inner, inner, startAng=_angle(start), extent=start - end)
    path.close()
    canvas.setFillColor(fill)
    canvas.setStrokeColor(stroke)
    canvas.setLineWidth(width)
    canvas.setLineJoin(1)
    canvas.drawPath(path, fill=1, stroke=1)


class _Font:
    """A size of the embedded font, measured as :func:`letter` asks."""

    def __init__(self, size: float, bold: bool = False) -> None:
        self.size = size
        self.bold = bold
        self.line = size * 1.18

    def width(self, text: str) -> float:
        return fonts.string_width(text, self.bold, self.size)

    def elide(self, text: str, width: float) -> str:
        while text and self.width(text + "\u2026") > width:
            text = text[:-1]
        return text + "\u2026"


def month_names(tx: ReportTexts, month: int) -> list[str]:
    """The month's name with a capital in each language of the document."""
    return list(dict.fromkeys(month_name(month, code).capitalize() for code in tx.codes))


class WheelDrawing(Flowable):  # type: ignore[misc]  # ReportLab's classes are Any
    """The wheel, ``diameter`` across. Where each theme's text goes is worked out when it is
    made, so that the legend knows which themes carry only their number."""

    def __init__(self, data: PosterData, tx: ReportTexts, diameter: float, scale: float) -> None:
        super().__init__()
        self.data = data
        self.tx = tx
        self.diameter = diameter
        self.scale = scale
        self.mark = 5.5 * scale
        self.radius = diameter / 2 - self.mark * 2 - 2
        """The rim's: room is left outside it for the meetings' marks."""
        ring = RING * (1.6 if tx.bilingual else 1)
        self.inner_ring = self.radius * (1 - ring)
        self.themes_inner = self.radius * THEMES_INNER
        fits = [(size * scale, _Font(size * scale)) for size in (8.0, 7.2, 6.4, 5.8)]
        self.pieces: list[tuple[WheelTheme, tuple[float, float, float, float], Lettering | None]]
        self.pieces = []
        for theme in data.wheel.themes:
            piece = theme_piece(
                theme.theme.month,
                theme.slot,
                theme.slots,
                self.themes_inner,
                self.inner_ring - 2 * GAP,
                GAP,
            )
            lettering = letter(theme.theme.title, piece, GAP, fits)
            self.pieces.append((theme, piece, lettering if lettering and lettering.whole else None))

    @property
    def numbered(self) -> frozenset[int]:
        """The ids of the themes whose text did not fit their piece: the legend lists them."""
        return frozenset(theme.theme.id for theme, _piece, text in self.pieces if text is None)

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas: Canvas = self.canv
        radius = self.radius
        canvas.saveState()
        canvas.translate(self.diameter / 2, self.diameter / 2)
        for index, month in enumerate(PERIOD_MONTHS):
            start, end = sector(month)
            fill = _tint(ACCENT, 0.16 if index % 2 else 0.26)
            _piece(canvas, (start, end, self.inner_ring, radius), fill, colors.white, 1)
            x1, y1 = point(start, self.themes_inner)
            x2, y2 = point(start, self.inner_ring)
            canvas.setStrokeColor(_tint(INK, 0.35))
            canvas.setLineWidth(0.5)
            canvas.line(x1, -y1, x2, -y2)
        for theme, piece, _text in self.pieces:
            colour = colors.HexColor(KIND_COLOURS[theme.kind])
            _piece(canvas, piece, _tint(colour, 0.22), colour, 0.9)
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(_tint(INK, 0.35))
        canvas.setLineWidth(0.6)
        canvas.circle(0, 0, self.themes_inner - GAP, fill=1, stroke=1)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1)
        for meeting in self.data.wheel.meetings:
            x, y = point(meeting.angle, radius + self.mark + 1.5)
            canvas.circle(x, -y, self.mark, fill=1, stroke=1)
        canvas.setFillColor(INK)
        self._months(canvas, radius, self.inner_ring)
        for theme, piece, lettering in self.pieces:
            if lettering is not None:
                _write(canvas, lettering.box, lettering.lines, _Font(lettering.size))
                continue
            number = _Font(min(8.5 * self.scale, (piece[3] - piece[2]) * 0.6), bold=True)
            box = Box((piece[0] + piece[1]) / 2, (piece[2] + piece[3]) / 2, 40, number.line)
            _write(canvas, box, [str(theme.number)], number)
        self._centre(canvas, self.themes_inner)
        canvas.setFillColor(ACCENT)
        number = _Font(6.5 * self.scale, bold=True)
        for meeting in self.data.wheel.meetings:  # upright, as a clock's numbers are
            x, y = point(meeting.angle, radius + self.mark + 1.5)
            text = str(meeting.number)
            baseline = -y - number.size * 0.35
            fonts.draw_string(canvas, x - number.width(text) / 2, baseline, text, True, number.size)
        canvas.restoreState()

    def _months(self, canvas: Canvas, radius: float, inner: float) -> None:
        for month in PERIOD_MONTHS:
            start, end = sector(month)
            names = month_names(self.tx, month)
            size = 9.5 * self.scale
            font = _Font(size, bold=True)
            middle = (inner + radius) / 2
            # the chord of the sector at the ring's inside, less a margin
            width = 2 * inner * math.sin(math.radians(SECTOR_DEGREES / 2)) - 4
            while size > 5 and (
                max(font.width(n) for n in names) > width or font.line * len(names) > radius - inner
            ):
                size -= 0.25
                font = _Font(size, bold=True)
            _write(canvas, Box((start + end) / 2, middle, width, radius - inner), names, font)

    def _centre(self, canvas: Canvas, inner: float) -> None:
        """The clock's name in each language of the document, and the period."""
        names = [document_name(ReportTexts(code), "clock") for code in self.tx.codes]
        lines = [*dict.fromkeys(names), self.data.wheel.period_label]
        font = _Font(9 * self.scale, bold=True)
        top = font.line * len(lines) / 2
        for row, line in enumerate(lines):
            text = _shorten(line, font, 1.8 * inner)
            baseline = top - font.line * (row + 1) + (font.line - font.size) * 0.6
            fonts.draw_string(canvas, -font.width(text) / 2, baseline, text, True, font.size)


def _shorten(text: str, font: _Font, width: float) -> str:
    return text if font.width(text) <= width else font.elide(text, width)


def _write(canvas: Canvas, box: Box, lines: Sequence[str], font: _Font) -> None:
    """Lines centred in a box along the rim or along the spoke, never upside down: the
    screen's frame (:func:`text_frame`) turned to the paper's, whose y grows upwards."""
    canvas.saveState()
    turn, cx, y = text_frame(box)
    canvas.rotate(-turn)
    cy = -y
    top = cy + font.line * len(lines) / 2
    for row, line in enumerate(lines):
        middle = top - font.line * (row + 0.5)
        baseline = middle - font.size * 0.35
        fonts.draw_string(canvas, cx - font.width(line) / 2, baseline, line, font.bold, font.size)
    canvas.restoreState()


# -- the page ---------------------------------------------------------------------------------


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    size = 6.9 * scale
    body = ParagraphStyle(
        "poster", fontName=FONT, fontSize=size, leading=size * 1.22, textColor=INK
    )
    return {
        "title": ParagraphStyle(
            "poster-title",
            fontName=FONT_BOLD,
            fontSize=17 * scale,
            leading=21 * scale,
            textColor=ACCENT,
        ),
        "subtitle": ParagraphStyle(
            "poster-subtitle", parent=body, fontSize=10 * scale, leading=13 * scale
        ),
        "heading": ParagraphStyle(
            "poster-heading",
            parent=body,
            fontName=FONT_BOLD,
            keepWithNext=1,
            fontSize=8.4 * scale,
            leading=10.5 * scale,
            spaceBefore=4 * scale,
            spaceAfter=1.5 * scale,
            textColor=ACCENT,
        ),
        "month": ParagraphStyle(
            "poster-month",
            parent=body,
            fontName=FONT_BOLD,
            spaceBefore=3 * scale,
            spaceAfter=0.5 * scale,
        ),
        "body": body,
        "theme": ParagraphStyle(
            "poster-theme", parent=body, leftIndent=9 * scale, firstLineIndent=-9 * scale
        ),
        "partners": ParagraphStyle(
            "poster-partners",
            parent=body,
            leftIndent=9 * scale,
            textColor=MUTED,
            fontSize=size * 0.92,
            leading=size * 1.12,
        ),
    }


def _swatch(kind: str) -> str:
    return f'<font color="{KIND_COLOURS[kind]}">\u25a0</font>'


def _kind_label(tx: ReportTexts, kind: str) -> str:
    return tx.pgettext("report", "No plan") if kind == NO_PLAN else tx.label(PlanType(kind))


def _legend(
    data: PosterData,
    tx: ReportTexts,
    style: dict[str, ParagraphStyle],
    numbered: frozenset[int],
) -> list[Flowable]:
    """The colours, the meetings, and month by month the themes the wheel shows by their
    number (their text did not fit) or that have partners, with their partners."""
    story: list[Flowable] = [
        Paragraph(
            fonts.markup(tx.pgettext("report", "Colours: the plan a theme evaluates"), True),
            style["heading"],
        )
    ]
    for kind in data.wheel.kinds():
        story.append(
            Paragraph(f"{_swatch(kind)} {fonts.markup(_kind_label(tx, kind))}", style["theme"])
        )
    if data.wheel.meetings:
        story.append(
            Paragraph(
                fonts.markup(tx.pgettext("report", "Meetings"), True),
                style["heading"],
            )
        )
        for meeting in data.wheel.meetings:
            story.append(
                Paragraph(
                    f'<font color="{ACCENT_HEX}"><b>{meeting.number}:</b></font> '
                    + fonts.markup(tx.date(meeting.date)),
                    style["theme"],
                )
            )
    story.append(
        Paragraph(
            fonts.markup(tx.pgettext("report", "Themes and their partners"), True),
            style["heading"],
        )
    )
    note = tx.pgettext("report", "A theme whose text did not fit the wheel has its number there.")
    story.append(Paragraph(fonts.markup(note), style["partners"]))
    for month in PERIOD_MONTHS:
        themes = [
            t for t in data.wheel.in_month(month) if t.theme.id in numbered or t.theme.partners
        ]
        if not themes:
            continue
        month_title = SEPARATOR.join(month_names(tx, month))
        lead: list[Flowable] = [Paragraph(fonts.markup(month_title, True), style["month"])]
        for index, theme in enumerate(themes):
            entry: list[Flowable] = [
                Paragraph(
                    f"{_swatch(theme.kind)} <b>{theme.number}.</b> "
                    + fonts.markup(theme.theme.title),
                    style["theme"],
                )
            ]
            if theme.theme.partners:
                entry.append(
                    Paragraph(fonts.markup(tx.partners(theme.theme.partners)), style["partners"])
                )
            # a theme stays with its partners, and the month's name with its first theme
            story.append(KeepTogether(lead + entry if index == 0 else entry))
    return story


def _frame(x: float, y: float, width: float, height: float, name: str) -> Frame:
    return Frame(
        x,
        y,
        width,
        height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _columns(
    x: float, y: float, width: float, height: float, count: int, gutter: float, name: str
) -> list[Frame]:
    column = (width - gutter * (count - 1)) / count
    return [
        _frame(x + i * (column + gutter), y, column, height, f"{name}{i}") for i in range(count)
    ]


def _sheet(options: ReportOptions) -> tuple[float, float, float, float]:
    """The sheet on its side (width, height), the scale of its texts (1 on A4) and its
    margin."""
    height, width = PAPERS[options.paper]
    scale = height / A4[0]
    return width, height, scale, 12 * mm * scale


def poster_wheel(data: PosterData, options: ReportOptions) -> WheelDrawing:
    """The wheel as the poster draws it: as high as the sheet less its margins."""
    _width, height, scale, margin = _sheet(options)
    return WheelDrawing(data, ReportTexts(options.language), height - 2 * margin, scale)


def render(data: PosterData, options: ReportOptions) -> bytes:
    """The poster as a plain PDF (not yet PDF/A: :func:`.finish.finish` makes it so).

    The sheet lies on its side: the wheel fills its height at the left, the title, the
    colours, the meetings and the numbered themes with their partners stand beside it in
    columns, and go on to a second sheet when a clock has more than one sheet holds."""
    register_fonts()
    tx = ReportTexts(options.language)
    width, height, scale, margin = _sheet(options)
    gutter = 5 * mm * scale
    style = _styles(scale)
    title = f"{document_name(tx, 'clock')} {data.wheel.period_label}"
    unit = unit_name(data.unit, tx)
    subtitle = "\n".join(  # each language on a line of its own
        f"{data.unit.name(code)} \u2013 "
        + translator.pgettext("poster", "communal wellbeing group")
        for code, translator in zip(tx.codes, tx.translators, strict=True)
    )
    wheel = poster_wheel(data, options)
    diameter = wheel.diameter
    side_x = margin + diameter + gutter
    side_width = width - margin - side_x
    head = [
        Paragraph(fonts.markup(title, True), style["title"]),
        Paragraph(fonts.markup(subtitle), style["subtitle"]),
    ]
    head_height = sum(p.wrap(side_width, height)[1] for p in head) + 5 * scale
    below_head = height - margin - head_height
    running = 9 * mm * scale

    def later_page(canvas: Canvas, _document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        text = f"{title} \u2013 {unit}"
        fonts.draw_string(canvas, margin, height - margin - 3 * scale, text, False, 7.5 * scale)
        canvas.restoreState()

    frame = PageFrame(
        unit_name=unit,
        document_type=document_name(tx, "clock"),
        document_date="",
        page_word="",
        title=title,
        subject=subtitle.replace("\n", " / "),
        keywords=", ".join([unit, data.period.label]),
        language=tx.pdf_language,
    )
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        **document_properties(frame),
        pageTemplates=[
            PageTemplate(
                "first",
                [
                    _frame(margin, margin, diameter, diameter, "wheel"),
                    _frame(side_x, below_head, side_width, head_height, "head"),
                    *_columns(side_x, margin, side_width, below_head - margin, 2, gutter, "a"),
                ],
            ),
            PageTemplate(
                "later",
                _columns(
                    margin,
                    margin,
                    width - 2 * margin,
                    height - 2 * margin - running,
                    4,
                    gutter,
                    "b",
                ),
                onPage=later_page,
            ),
        ],
    )
    story: list[Flowable] = [
        wheel,
        FrameBreak(),
        *head,
        FrameBreak(),
        NextPageTemplate("later"),
        *_legend(data, tx, style, wheel.numbered),
    ]
    document.build(story)
    return buffer.getvalue()
