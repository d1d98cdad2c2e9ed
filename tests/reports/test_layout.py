"""Tables across page breaks: a row stays whole unless it is taller than a page, and a table
never leaves a lone row at the foot or the head of a page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from hyvinvointi_app.reports.blocks import Block, Grid, Heading, PageFrame, Para
from hyvinvointi_app.reports.layout import flowables, render

FRAME = PageFrame("Yksikkö", "Muistio", "1.1.2026", "Sivu", "t", "s", "k", "fi")


def _pages(document: list[Block]) -> list[str]:
    reader = PdfReader(io.BytesIO(render(flowables(document), FRAME)))
    return [page.extract_text() or "" for page in reader.pages]


def _filler(lines: int) -> list[Block]:
    return [Para(f"Täyterivi {n}") for n in range(lines)]


@pytest.mark.parametrize("lines", range(38, 52))
def test_a_table_never_leaves_a_lone_row_and_never_splits_a_row(lines: int) -> None:
    rows = [[f"Alku{n:02d}\nkeskellä\nvielä\nLoppu{n:02d}", "x"] for n in range(6)]
    pages = _pages([*_filler(lines), Grid(["Sarake", "Toinen"], rows, [4, 1])])
    on_page = [[n for n in range(6) if f"Alku{n:02d}" in text] for text in pages]
    for n in range(6):
        (page,) = [i for i, text in enumerate(pages) if f"Alku{n:02d}" in text]
        assert f"Loppu{n:02d}" in pages[page], f"row {n} split across pages"
    for found in on_page:
        assert len(found) != 1 or len([f for f in on_page if f]) == 1, on_page


def test_a_row_taller_than_a_page_still_prints_whole() -> None:
    words = [f"sana{n}" for n in range(2500)]
    pages = _pages([Grid(["Teksti"], [[" ".join(words)], ["Seuraava"]], [1])])
    text = " ".join(pages)
    assert len(pages) > 1
    assert all(word in text for word in (words[0], words[1250], words[-1], "Seuraava"))


@pytest.mark.parametrize("lines", range(30, 52, 3))
def test_a_heading_stays_with_the_first_rows_of_its_table(lines: int) -> None:
    tall = "\n".join(["rivi"] * 6)
    rows = [[f"Alku{n:02d}\n{tall}", "x"] for n in range(4)]
    document = [*_filler(lines), Heading("Taulukon otsikko"), Grid(["A", "B"], rows, [4, 1])]
    pages = _pages(document)
    (page,) = [text for text in pages if "Taulukon otsikko" in text]
    assert "Alku00" in page and "Alku01" in page


@pytest.mark.parametrize("lines", range(30, 52, 2))
def test_a_heading_stays_with_a_table_too_short_to_split(lines: int) -> None:
    """Three rows cannot split (two must stay on each side): the heading waits for all of
    them, instead of standing alone at the foot of the page (the overview's units of a
    period were found so)."""
    tall = "\n".join(["rivi"] * 4)
    rows = [[f"Alku{n:02d}\n{tall}", "x"] for n in range(3)]
    document = [*_filler(lines), Heading("Taulukon otsikko"), Grid(["A", "B"], rows, [4, 1])]
    pages = _pages(document)
    (page,) = [text for text in pages if "Taulukon otsikko" in text]
    assert all(f"Alku{n:02d}" in page for n in range(3))


@pytest.mark.parametrize("share", [0.35, 0.45, 0.6])
@pytest.mark.parametrize("count", [2, 3, 4, 6])
def test_rows_of_a_third_to_most_of_a_page_still_lay_out(share: float, count: int) -> None:
    lines = int(60 * share)  # about 60 lines of table text fill a page
    rows = [
        [f"Rivi{n}\n" + "\n".join(["tekstiä"] * lines) + f"\nLoppu{n}", "x"] for n in range(count)
    ]
    text = " ".join(_pages([Grid(["A", "B"], rows, [4, 1])]))
    assert all(f"Rivi{n}" in text and f"Loppu{n}" in text for n in range(count))


def test_a_heading_before_a_table_of_very_tall_rows_wastes_no_page() -> None:
    tall = "\n".join(["tekstiä"] * 45)
    rows = [[f"Rivi{n}\n{tall}", "x"] for n in range(3)]
    pages = _pages([Heading("Otsikko"), Grid(["A", "B"], rows, [4, 1])])
    assert "Otsikko" in pages[0] and "Rivi0" in pages[0]
