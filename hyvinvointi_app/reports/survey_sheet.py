"""The printed sheets of a survey: an A4 picture sheet an adult uses with a group of
children, and an A4 form for guardians.

The children's sheet is read aloud: the question large at the top, each option as a large
picture with a short text, and a box under it where the adult marks each choice. It asks
for no name, only the group and the day, and tells the adult so. The guardians' form gives
each statement five boxes under faces and numbers, and lines for the open question.

A sheet is printed in Finnish, in Swedish or, for guardians, in the other language of the
unit's families whose texts the director typed; the fixed words of that sheet (the
instructions, the scale's words) stay in the unit's working language, as only the typed
texts exist in the other one.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer, Table, TableStyle

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.reports.blocks import PageFrame
from hyvinvointi_app.reports.fonts import FONT_BOLD
from hyvinvointi_app.reports.layout import ACCENT, FRAME_WIDTH, RULE, paragraph, styles
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.surveys import SurveyView, symbol_path

SCALE_SYMBOLS = ("1f61e", "1f615", "1f610", "1f642", "1f600")
"""Faces over the answers 1–5, from unhappy to happy, so that the scale reads without words."""


def _styles() -> dict[str, ParagraphStyle]:
    base = styles()["body"]
    return {
        "question": ParagraphStyle(
            "question",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=22,
            leading=27,
            alignment=TA_CENTER,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "title": ParagraphStyle(
            "survey_title",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=17,
            leading=21,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        "option": ParagraphStyle(
            "option", parent=base, fontName=FONT_BOLD, fontSize=14, leading=17, alignment=TA_CENTER
        ),
        "small_option": ParagraphStyle(
            "small_option",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=14.5,
            alignment=TA_CENTER,
        ),
        "statement": ParagraphStyle("statement", parent=base, fontSize=11, leading=14),
        "line": ParagraphStyle("line", parent=base, fontSize=11.5, leading=15, spaceAfter=2),
        "note": styles()["note"],
        "head": ParagraphStyle(
            "scale_head", parent=base, fontName=FONT_BOLD, fontSize=10, alignment=TA_CENTER
        ),
    }


def _picture(symbol: str, size: float) -> Flowable:
    """The option's picture, flattened on white (a PDF/A page without transparency); an
    empty square of the same size where the option has none."""
    path = symbol_path(symbol)
    if path is None:
        return Spacer(size, size)
    from PIL import Image as PillowImage

    with PillowImage.open(path) as source:
        picture = source.convert("RGBA")
    flat = PillowImage.new("RGB", picture.size, (255, 255, 255))
    flat.paste(picture, mask=picture.getchannel("A"))
    buffer = io.BytesIO()
    flat.save(buffer, format="PNG")
    buffer.seek(0)
    return Image(buffer, width=size, height=size)


def _layout(count: int) -> tuple[int, float]:
    """Columns and picture size for ``count`` options: as large as one A4 page allows."""
    if count <= 4:
        return 2, 52 * mm
    if count <= 6:
        return 3, 42 * mm
    if count <= 9:
        return 3, 30 * mm
    return 4, 29 * mm


def _fixed_lines(text: Flowable, style: ParagraphStyle) -> Table:
    """An option's text in room for two lines, so that the mark boxes of a row line up."""
    cell = Table([[text]], rowHeights=[2 * style.leading + 2])
    cell.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return cell


def _mark_box(width: float) -> Table:
    box = Table([[""]], colWidths=[width], rowHeights=[15 * mm])
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("ROUNDEDCORNERS", [3, 3, 3, 3]),
            ]
        )
    )
    return box


def _children(survey: SurveyView, language: str, tx: ReportTexts) -> list[Flowable]:
    style = _styles()
    columns, picture = _layout(len(survey.items))
    width = FRAME_WIDTH / columns
    text_style = style["option"] if columns < 4 else style["small_option"]
    cells: list[list[Any]] = []
    for item in survey.items:
        cells.append(
            [
                _picture(item.symbol, picture),
                Spacer(1, 2 * mm),
                _fixed_lines(paragraph(item.text.in_language(language), text_style), text_style),
                Spacer(1, 2 * mm),
                _mark_box(width - 8 * mm),
            ]
        )
    rows = [cells[n : n + columns] for n in range(0, len(cells), columns)]
    rows[-1] += [[""]] * (columns - len(rows[-1]))
    grid = Table(rows, colWidths=[width] * columns, hAlign="CENTER")
    grid.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    blanks = tx.pgettext(
        "report", "Group: ____________   Date: __________   Children who answered: ______"
    )
    return [
        paragraph(survey.title.in_language(language), style["question"]),
        paragraph(blanks, style["line"]),
        Spacer(1, 2 * mm),
        grid,
        Spacer(1, 3 * mm),
        paragraph(
            tx.pgettext(
                "report",
                "Read the question aloud and show the pictures. Mark each child's choice with "
                "a line in the box under the picture. Write no child's name on the sheet. "
                "Take the counts to the group's meeting.",
            ),
            style["note"],
        ),
    ]


def _answer_box() -> Table:
    box = Table([[""]], colWidths=[7 * mm], rowHeights=[7 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    return box


def _guardians(survey: SurveyView, language: str, tx: ReportTexts) -> list[Flowable]:
    style = _styles()
    heads: list[Any] = [""]
    for answer, symbol in enumerate(SCALE_SYMBOLS, start=1):
        heads.append([_picture(symbol, 9 * mm), paragraph(str(answer), style["head"])])
    rows: list[list[Any]] = [heads]
    for item in survey.items:
        rows.append(
            [paragraph(item.text.in_language(language), style["statement"])]
            + [_answer_box() for _ in SCALE_SYMBOLS]
        )
    answer_width = 15 * mm
    grid = Table(
        rows,
        colWidths=[FRAME_WIDTH - 5 * answer_width] + [answer_width] * 5,
        repeatRows=1,
    )
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ]
        )
    )
    lines = Table([[""]] * 6, colWidths=[FRAME_WIDTH], rowHeights=[9 * mm] * 6)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]))
    # a sheet in the families' own language says how to answer in the unit's language
    instructions = tx.pgettext(
        "report",
        "Mark one box for each statement. Do not write your name: the answers are "
        "counted together, and only the totals are recorded.",
    )
    scale = tx.pgettext(
        "report",
        "1 = fully disagree, 2 = somewhat disagree, 3 = neither agree nor disagree, "
        "4 = somewhat agree, 5 = fully agree",
    )
    story: list[Flowable] = [
        paragraph(survey.title.in_language(language), style["title"]),
        paragraph(instructions, style["line"]),
        paragraph(scale, style["note"]),
    ]
    story += [Spacer(1, 2 * mm), grid, Spacer(1, 6 * mm)]
    question = survey.open_question.in_language(language)
    if question.strip():
        story.append(KeepTogether([paragraph(question, style["statement"]), lines]))
    return story


def document_type(tx: ReportTexts, kind: VoiceKind) -> str:
    if kind is VoiceKind.CHILDREN:
        return tx.pgettext("report", "Children's picture survey")
    return tx.pgettext("report", "Guardians' survey")


def survey_sheet_pdf(
    survey: SurveyView,
    language: str,
    unit_name: str,
    working_language: str,
    *,
    created: dt.datetime,
    archival: bool = True,
) -> bytes:
    """The survey's sheet in ``language`` ("fi", "sv" or "other") as a PDF."""
    if language not in survey.printable_languages():
        raise ValueError(f"the survey is not printable in {language}")
    from hyvinvointi_app.reports.finish import finish
    from hyvinvointi_app.reports.layout import render

    tx = ReportTexts(language if language != "other" else working_language)
    story = (
        _children(survey, language, tx)
        if survey.kind is VoiceKind.CHILDREN
        else _guardians(survey, language, tx)
    )
    kind = document_type(tx, survey.kind)
    frame = PageFrame(
        unit_name=unit_name,
        document_type=kind,
        document_date="",
        page_word=tx.pgettext("report", "Page"),
        title=survey.title.in_language(language),
        subject=kind,
        keywords=kind,
        language=tx.pdf_language,
    )
    plain = render(story, frame)
    return finish(plain, created=created, archival=archival, password=None)
