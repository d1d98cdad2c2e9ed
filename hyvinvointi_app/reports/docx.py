"""A document built as blocks, as a Word file (.docx): the editable copy a director pastes
into the municipality's own template. The same text as the PDF, in the document's language;
Word's own styles carry the structure (Title, Heading 1 and 2, Table Grid), so that a paste
takes the template's look.

python-docx (and lxml under it) is imported when a document is built, not with this module.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from hyvinvointi_app.domain.typed_text import clean_text
from hyvinvointi_app.reports import blocks
from hyvinvointi_app.reports.blocks import PageFrame

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_SIDE_MM = 20.0
MARGIN_TOP_MM = 22.0
MARGIN_BOTTOM_MM = 20.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - 2 * MARGIN_SIDE_MM
SIGNATURE_LINE = "_" * 40

BODY_PT = 10.0
CELL_PT = 8.5
"""A grid's text is a little smaller than the body, as in the PDF, so that dates fit."""

HEADING_STYLES = {2: "Heading 1", 3: "Heading 2"}
"""A document's section heading (level 2, under the title) is Word's first heading level."""

_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def _text(value: str) -> str:
    """Typed text as XML takes it: control characters (other than line breaks and tabs)
    are not allowed in it."""
    return clean_text(value)


def _paragraph(
    parent: Any, text: str, style: str | None = None, *, bold: bool = False
) -> Paragraph:
    """A paragraph of ``parent`` (the document, a cell, a header) with ``text`` as one run;
    a line break in the text stays a line break."""
    paragraph: Paragraph = parent.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(_text(text))
        if bold:
            run.bold = True
    return paragraph


def _cell_text(cell: Any, text: str, *, bold: bool = False, size: float | None = None) -> None:
    """Write ``text`` into a new table cell's one empty paragraph."""
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(1)
    if text:
        run = paragraph.add_run(_text(text))
        if bold:
            run.bold = True
        if size is not None:
            run.font.size = Pt(size)


def _set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Word reads each cell's width, LibreOffice the grid's: both are set."""
    from docx.shared import Mm

    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _on(element: Any) -> Any:
    """A Word on/off property (``w:tblHeader``, ``w:cantSplit``) switched on."""
    from docx.oxml.ns import qn

    element.set(qn("w:val"), "true")
    return element


def _repeat_header(table: Table) -> None:
    """The header row repeats at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    table.rows[0]._tr.get_or_add_trPr().append(_on(OxmlElement("w:tblHeader")))


def _grid(document: Document, grid: blocks.Grid) -> Table:
    """A Word table in the "Table Grid" style, its bold header row repeated on each page and
    each row kept whole (as in the PDF; Word still splits a row taller than a page)."""
    from docx.oxml import OxmlElement

    table: Table = document.add_table(rows=1, cols=len(grid.headers))
    table.style = document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, grid.headers, strict=True):
        _cell_text(cell, text, bold=True, size=CELL_PT)
    _repeat_header(table)
    for values in grid.rows:
        row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx is untyped
        row._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit")))
        for cell, text in zip(row.cells, values, strict=False):
            _cell_text(cell, text, size=CELL_PT)
    _set_widths(table, blocks.column_widths(grid.widths, grid.fixed, TEXT_WIDTH_MM))
    return table


def _facts(document: Document, facts: blocks.Facts) -> Table | None:
    """Label–value lines as a two-column table without borders (the document's default
    table style has none), a line never split across pages; empty values are left out, as
    in the PDF."""
    from docx.oxml import OxmlElement

    rows = [(label, value) for label, value in facts.rows if value]
    if not rows:
        return None
    table: Table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx is untyped
        row._tr.get_or_add_trPr().append(_on(OxmlElement("w:cantSplit")))
        _cell_text(row.cells[0], label, bold=True)
        _cell_text(row.cells[1], value)
    label_mm = TEXT_WIDTH_MM * facts.label_width
    _set_widths(table, [label_mm, TEXT_WIDTH_MM - label_mm])
    return table


def _signatures(document: Document, signatures: blocks.Signatures) -> list[Paragraph]:
    """The heading, then for each signer a line to sign on with the signer under it."""
    from docx.shared import Pt

    made = [_paragraph(document, signatures.heading, bold=True)]
    for signer in signatures.signers:
        line = _paragraph(document, SIGNATURE_LINE)
        line.paragraph_format.space_before = Pt(28)
        line.paragraph_format.space_after = Pt(0)
        made += [line, _paragraph(document, signer)]
    for paragraph in made[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    return made


def _add(document: Document, block: blocks.Block) -> list[Paragraph | Table]:
    """Add one block; returns what it added (a :class:`~.blocks.Keep` holds it together)."""
    from docx.shared import Pt

    match block:
        case blocks.Title(text):
            return [_paragraph(document, text, "Title")]
        case blocks.Subtitle(text):
            return [_paragraph(document, text, "Subtitle")]
        case blocks.Heading(text, level):
            return [_paragraph(document, text, HEADING_STYLES.get(level, "Heading 2"))]
        case blocks.Para(text, style):
            paragraph = _paragraph(document, text, bold=style == "label")
            if style == "label":
                paragraph.paragraph_format.keep_with_next = True
                paragraph.paragraph_format.space_after = Pt(0)
            elif style == "note":
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
            return [paragraph]
        case blocks.Facts():
            table = _facts(document, block)
            return [table] if table is not None else []
        case blocks.Grid():
            return [_grid(document, block)]
        case blocks.Signatures():
            return list(_signatures(document, block))
        case blocks.Space():
            return []
        case blocks.Charts(charts):
            return [_grid(document, blocks.chart_table(chart)) for chart in charts]
        case blocks.BarGrid(grid):
            return [_grid(document, grid)]
        case blocks.Keep(inner):
            added = [part for item in inner for part in _add(document, item)]
            for part in added[:-1]:
                _keep_with_next(part)
            return added
    return []


def _keep_with_next(part: Paragraph | Table) -> None:
    """Word keeps a paragraph on the page of the next one; a table, row by row."""
    from docx.text.paragraph import Paragraph

    paragraphs = (
        [part]
        if isinstance(part, Paragraph)
        else [p for row in part.rows for cell in row.cells for p in cell.paragraphs]
    )
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_with_next = True


def _set_language(document: Document, language: str) -> None:
    """The language of every text (spelling and hyphenation in Word): the document's
    default run properties and the theme fonts' language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)


def _field(paragraph: Paragraph, code: str) -> None:
    """A field Word fills in when it lays out the page (PAGE, NUMPAGES)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child: Any) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instruction)
    run_with(separate)
    paragraph.add_run("1")
    run_with(end)


def _page(document: Document, frame: PageFrame) -> None:
    """A4 with the PDF's margins; the unit at the left of the header and the document type
    and date at its right; "Sivu 1/3" in the footer."""
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt, Twips

    section = document.sections[0]
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(MARGIN_SIDE_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.header_distance = section.footer_distance = Mm(10)

    header = section.header.paragraphs[0]
    stops = header.paragraph_format.tab_stops
    for inherited in (4680, 9360):  # the template's Header style: centre and right (Letter)
        stops.add_tab_stop(Twips(inherited), WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    unit = header.add_run(frame.unit_name)
    unit.bold = True
    right = f"{frame.document_type}  {frame.document_date}".strip()
    header.add_run("\t" + right)
    for run in header.runs:
        run.font.size = Pt(8)

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    footer.add_run(frame.page_word + " ")
    _field(footer, "PAGE")
    footer.add_run("/")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def _properties(document: Document, frame: PageFrame, created: dt.datetime) -> None:
    """Title, subject, author (the unit), keywords and language, as the PDF's metadata;
    nothing of the template's own (its author, its description, its preview picture)."""
    properties = document.core_properties
    properties.title = frame.title
    properties.subject = frame.subject
    properties.author = frame.unit_name
    properties.keywords = frame.keywords
    properties.language = frame.language
    properties.comments = ""
    properties.last_modified_by = ""
    properties.category = ""
    properties.revision = 1
    # Word stores these as UTC ("…Z"); a naive time is the machine's local time
    aware = created if created.tzinfo else created.astimezone()
    properties.created = properties.modified = aware.astimezone(dt.UTC).replace(tzinfo=None)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            package.rels.pop(rel_id)


def render_docx(
    document_blocks: Sequence[blocks.Block], frame: PageFrame, created: dt.datetime
) -> bytes:
    """The Word file of a document built as blocks, with ``frame``'s page header, footer and
    metadata; ``created`` is its creation time (a local time, as the PDF's)."""
    from docx import Document as new_document
    from docx.shared import Pt

    frame = frame.cleaned()
    document = new_document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    _set_language(document, frame.language)
    _page(document, frame)
    _properties(document, frame, created)
    for block in document_blocks:
        _add(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
