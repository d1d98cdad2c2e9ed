"""The annual clock's poster: A4 and A3 on their side, in Finnish, Swedish or both; PDF/A
with its fonts embedded; every theme's text in the document (in its piece when it fits
there whole, else by its number in the legend), with its partners; no text outside its
piece."""

from __future__ import annotations

import io
import math
import re

import pikepdf
import pytest
from pypdf import PdfReader
from report_documents import options

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.reports.export import build_document
from hyvinvointi_app.reports.poster import _Font, poster_wheel
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services import annual_clock, periods
from hyvinvointi_app.services.annual_clock import Partner
from hyvinvointi_app.services.clock_wheel import Box, poster_data
from hyvinvointi_app.store.database import Database

LONG = (
    "Lasten ja huoltajien osallisuuden vahvistaminen varhaiskasvatussuunnitelman "
    "arvioinnissa yhteistyössä kunnan hyvinvointikoordinaattorin kanssa"
)
SIZES = {"A4": (842, 595), "A3": (1191, 842)}


def _poster(db: Database, language: str, paper: str) -> bytes:
    period = periods.current_period(db).id
    return build_document(db, "clock", period, options(language, paper=paper))


def _flat(text: str) -> str:
    """Extracted or expected text alike, without its spaces and the wheel's hyphens: text
    turned along the rim comes out of the PDF with its line breaks here and there."""
    return re.sub(r"[\s\u2010]", "", text)


def _text(pdf: bytes) -> str:
    return _flat("\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("language", ["fi", "sv", "fi+sv"])
def test_the_poster_holds_every_theme_and_its_partners_in_its_language(
    demo_db: Database, language: str, paper: str
) -> None:
    themes = annual_clock.list_themes(demo_db)
    assert any(t.partners for t in themes)
    pdf = _poster(demo_db, language, paper)
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == SIZES[paper]
    text = _text(pdf)
    for theme in themes:
        assert _flat(theme.title) in text, theme.title
    tx = ReportTexts(language)
    for theme in (t for t in themes if t.partners):
        partners = tx.partners(theme.partners)
        assert _flat(partners) in text, partners
    assert _flat(tx.pgettext("report", "Annual clock")) in text
    for month in ("Elokuu", "Heinäkuu") if "fi" in language else ("Augusti", "Juli"):
        assert month in text
    if language == "fi":
        assert "Augusti" not in text and "Samarbetsparter" not in text
    if language == "sv":
        assert "Elokuu" not in text and "Yhteistyötahot" not in text


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_the_poster_is_pdfa_with_its_fonts_embedded(demo_db: Database, paper: str) -> None:
    pdf = _poster(demo_db, "fi+sv", paper)
    report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b")
    assert report.passed, report
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        assert opened.open_metadata().pdfa_status == "2B"
        for page in opened.pages:
            for name, font in page.Resources.get("/Font", {}).items():
                assert "Helvetica" not in str(font.BaseFont), name
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                assert "/FontFile2" in descendant.FontDescriptor, name


def _inside(box: Box, piece: tuple[float, float, float, float]) -> bool:
    start, end, inner, outer = piece
    across, along = (box.height, box.width) if box.radial else (box.width, box.height)
    for side in (-1, 1):
        for depth in (-1, 1):
            tangential, radial = side * across / 2, box.radius + depth * along / 2
            angle = box.angle + math.degrees(math.atan2(tangential, radial))
            if not (start - 1e-6 <= angle <= end + 1e-6):
                return False
            if not (inner - 1e-6 <= math.hypot(tangential, radial) <= outer + 1e-6):
                return False
    return True


@pytest.mark.parametrize("language", ["fi", "fi+sv"])
def test_long_names_wrap_in_their_piece_or_go_to_the_numbered_legend(
    demo_db: Database, language: str
) -> None:
    """Forty themes, some long: each one's text is written inside its piece, every line
    within its box, or the piece carries its number and the legend its text."""
    for number in range(6):
        annual_clock.add_theme(demo_db, 9, f"{LONG} ({number + 1})", PlanType.CUSTOM)
    annual_clock.add_theme(demo_db, 7, "Kesä", partners=[Partner(name="Kirjasto")])
    themes = annual_clock.list_themes(demo_db)
    assert len(themes) >= 40
    period = periods.current_period(demo_db).id
    data = poster_data(demo_db, period, options(language).created_at().date())
    wheel = poster_wheel(data, options(language))
    written = 0
    for theme, piece, lettering in wheel.pieces:
        if lettering is None:
            assert theme.theme.id in wheel.numbered
            continue
        written += 1
        assert lettering.whole
        assert _inside(lettering.box, piece), theme.theme.title
        font = _Font(lettering.size)
        assert len(lettering.lines) * font.line <= lettering.box.height + 1e-6
        assert all(font.width(line) <= lettering.box.width + 1e-6 for line in lettering.lines)
        assert _flat(" ".join(lettering.lines)) == _flat(theme.theme.title)
    assert written and wheel.numbered
    long_ones = {t.id for t in themes if t.title.startswith(LONG)}
    assert long_ones <= wheel.numbered
    text = _text(build_document(demo_db, "clock", period, options(language)))
    for theme in themes:
        assert _flat(theme.title) in text, theme.title
    for theme in (t for t in data.wheel.themes if t.theme.id in wheel.numbered):
        assert _flat(f"{theme.number}. {theme.theme.title}") in text


@pytest.mark.parametrize(("paper", "name"), [("A4", "A4"), ("A3", "A3")])
def test_the_poster_is_printed_on_its_sheet_turned(
    demo_db: Database, paper: str, name: str, qapp: object
) -> None:
    """A sheet wider than high goes to the printer as A4 or A3 on its side, not as a custom
    size (found by review)."""
    from PySide6.QtGui import QPageLayout, QPageSize

    from hyvinvointi_app.ui.printing import PrintPages

    pages = PrintPages(_poster(demo_db, "fi", paper))
    try:
        layout = pages.page_layout(0)
        assert layout.orientation() is QPageLayout.Orientation.Landscape
        assert layout.pageSize().id() is getattr(QPageSize.PageSizeId, name)
    finally:
        pages.close()
