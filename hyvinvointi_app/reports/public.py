"""The public version of an approved memo (:mod:`hyvinvointi_app.services.public_memo`), for
the guardians' notice board and the unit's web page: the memo's own document, headed by a
short fixed text that says what the group is, with no names and no personal data, as a PDF
or as a simple web page. A period's public memos together in one zip file are made by
:mod:`public_site`.
"""

from __future__ import annotations

import dataclasses

from hyvinvointi_app.reports import memo
from hyvinvointi_app.reports.blocks import Block, PageFrame, Para, Subtitle, Title
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.reports.texts import ReportTexts, document_name, meeting_file_name
from hyvinvointi_app.services.exports import (
    ExportKind,
)
from hyvinvointi_app.services.memo_record import MemoData
from hyvinvointi_app.services.public_memo import public_record


def _public(data: MemoData, tx: ReportTexts) -> MemoData:
    return public_record(data, marker=tx.pgettext("report", "[removed]"), role_text=tx.label)


def document_type(tx: ReportTexts) -> str:
    return document_name(tx, "public")


def page_frame(data: MemoData, tx: ReportTexts, options: ReportOptions) -> PageFrame:
    frame = memo.page_frame(data, tx, options)
    kind = document_type(tx)
    return dataclasses.replace(
        frame, document_type=kind, title=f"{kind} {tx.date(data.meeting.date)}"
    )


def about_the_group(tx: ReportTexts) -> str:
    """The fixed header: what the group is, and why the memo names no one."""
    return "\n".join(
        ReportTexts(code).pgettext(
            "report",
            "The communal wellbeing group of the unit plans, carries out and evaluates the "
            "wellbeing of the whole community of children, guardians and staff. It never "
            "handles the matters of a single child or family. This is the public version of "
            "its memo: members are named by their role, and no personal data is included.",
        )
        for code in tx.codes
    )


def build_blocks(data: MemoData, options: ReportOptions) -> list[Block]:
    """The memo's document of the public record, under the public title and the header."""
    tx = ReportTexts(options.language)
    options = dataclasses.replace(options, with_names=False)
    story = memo.build_blocks(_public(data, tx), options)
    title, subtitle, *rest = story
    assert isinstance(title, Title) and isinstance(subtitle, Subtitle)
    return [Title(document_type(tx)), subtitle, Para(about_the_group(tx), "note"), *rest]


def file_name(tx: ReportTexts, data: MemoData, file_format: ExportKind) -> str:
    """ "Muistio, julkinen versio Kokous 3 12.10.2026.pdf"."""
    meeting = data.meeting
    return meeting_file_name(tx, "public", meeting.number, meeting.date) + file_format.suffix
