"""Text in the families' languages prints, or is replaced by a mark and listed; never fails.

A memo holds a word each of Russian, Arabic, Somali, Persian, Chinese, Thai, Vietnamese and
Ukrainian, Hindi (no shipped font has Devanagari) and, as an older file may, NUL, BEL and DEL
(written past the store, which removes them on saving now).
"""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import zipfile
from pathlib import Path

import pikepdf
import pikepdf.pdfa
import pytest
from report_documents import SmallUnit, extract_text, options

from hyvinvointi_app.cli import main
from hyvinvointi_app.reports import annual_pdf, memo_pdf
from hyvinvointi_app.reports.bundle import build_bundle
from hyvinvointi_app.reports.unprintable import REPLACEMENT_MARK, listing
from hyvinvointi_app.services import actions, agenda, approval
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.store.database import Database

PRINTED = {
    "ru": "Здравствуйте",
    "so": "Soo dhawoow",
    "zh": "欢迎光临",
    "th": "ยินดีต้อนรับ",
    "vi": "Xin chào các bạn",
    "uk": "Ласкаво просимо, ґанок, їжак",
}
REPLACED = {"ar": "مرحبا", "fa": "خوش", "hi": "नमस्ते"}
"""Arabic script is replaced too: ReportLab cannot join and order it (see reports/fonts.py)."""
CONTROLS = "\x00\x07\x7f"


def _memo_text() -> str:
    words = {**PRINTED, **REPLACED}
    return "Perheiden kielet:\n" + "\n".join(f"{code}: {word}" for code, word in words.items())


def _fill(db: Database, unit: SmallUnit) -> None:
    agenda.set_item_text(db, unit.other_item_id, "notes", _memo_text())
    agenda.set_item_text(db, unit.other_item_id, "title", "Tiedotus 欢迎 ยินดี")  # bold
    actions.add_action(
        db,
        unit.meeting_id,
        ActionInput("Tervetulokyltti: " + " / ".join(PRINTED.values()) + " / नमस्ते"),
        agenda_item_id=unit.follow_up_item_id,
    )
    # Control characters, as a file saved before they were removed may hold them.
    with sqlite3.connect(db.path) as connection:
        connection.execute(
            "UPDATE agenda_item SET decision = ? WHERE id = ?",
            (f"Päätös{CONTROLS} tehty", unit.other_item_id),
        )
        connection.execute(
            "UPDATE unit SET name_fi = name_fi || ? || ' 幼儿园 ยินดี नमस्ते',"
            " name_sv = name_sv || ' 幼儿园 ยินดี नमस्ते'",
            (CONTROLS,),
        )
    approval.approve_memo(db, unit.meeting_id, approved_by="Johtaja", findings_confirmed=True)


@pytest.fixture
def unit_in_many_scripts(
    small_unit: tuple[Database, SmallUnit],
) -> tuple[Database, SmallUnit]:
    _fill(*small_unit)
    return small_unit


def _has(text: str, word: str) -> bool:
    """``word`` in ``text``, whatever line breaks the table cells put in it."""
    return "".join(word.split()) in "".join(text.split())


def _check_pdf(pdf: bytes, *, archival: bool, password: str | None = None) -> str:
    if archival:
        report = pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b")
        assert report.passed, report
    if password is not None:
        with pikepdf.open(io.BytesIO(pdf), password=password) as opened:
            plain = io.BytesIO()
            opened.save(plain, encryption=False)
        pdf = plain.getvalue()
    text = extract_text(pdf)
    for word in PRINTED.values():
        assert _has(text, word), word
    for word in REPLACED.values():
        assert word not in text
    assert REPLACEMENT_MARK in text
    assert "Päätös tehty" in text
    return text


@pytest.mark.parametrize("language", ["fi", "sv", "fi+sv"])
@pytest.mark.parametrize("password", [None, "Salasana-2026"])
def test_memo_and_annual_report_print_every_covered_script(
    unit_in_many_scripts: tuple[Database, SmallUnit], language: str, password: str | None
) -> None:
    db, unit = unit_in_many_scripts
    told: list[str] = []
    chosen = options(language, password=password)
    memo = memo_pdf(db, unit.meeting_id, chosen, unprintable=told.append)
    text = _check_pdf(memo, archival=password is None, password=password)
    assert "Tiedotus 欢迎 ยินดี" in text and "幼儿园" in text  # a bold heading, the header
    assert len(told) == 1
    assert set("مرحباخوشनमस्ते") <= set(told[0])
    assert not set("".join(PRINTED.values())) & set(told[0])

    # The annual report prints the unit's name (typed) in its header and title.
    annual = annual_pdf(db, unit.period_id, chosen, unprintable=told.append)
    if password is None:
        assert pikepdf.pdfa.validate_written(io.BytesIO(annual), "2b").passed
        assert _has(extract_text(annual), "幼儿园 ยินดี")
    assert len(told) == 2 and set("नमस्ते") <= set(told[1])


def test_plain_text_calls_nobody_and_embeds_only_dejavu(
    small_unit: tuple[Database, SmallUnit],
) -> None:
    db, unit = small_unit
    told: list[str] = []
    pdf = memo_pdf(db, unit.meeting_id, options("fi"), unprintable=told.append)
    assert told == []
    assert b"DroidSansFallback" not in pdf and b"NotoSansThai" not in pdf


def test_the_bundle_lists_what_it_could_not_print_before_writing(
    unit_in_many_scripts: tuple[Database, SmallUnit], tmp_path: Path
) -> None:
    db, unit = unit_in_many_scripts
    out = tmp_path / "bundle.zip"
    told: list[tuple[str, bool]] = []
    build_bundle(
        db,
        unit.period_id,
        out,
        languages=("fi", "sv", "fi+sv"),
        today=dt.date(2026, 12, 1),
        unprintable=lambda characters: told.append((characters, out.exists())),
    )
    assert len(told) == 1
    characters, written = told[0]
    assert not written and set("नमस्ते") <= set(characters)
    with zipfile.ZipFile(out) as archive:
        reports = [n for n in archive.namelist() if n.startswith("annual-report")]
        assert len(reports) == 3
        memos = [n for n in archive.namelist() if n.startswith("memos/")]
        assert len(memos) == 3
        for name in reports + memos:
            pdf = archive.read(name)
            assert pikepdf.pdfa.validate_written(io.BytesIO(pdf), "2b").passed
        for name in memos:
            _check_pdf(archive.read(name), archival=True)


def test_the_command_line_warns_in_one_line(
    unit_in_many_scripts: tuple[Database, SmallUnit],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _unit = unit_in_many_scripts
    path = db.path
    db.close()
    out = tmp_path / "memo.pdf"
    code = main(["--lang", "fi", "report", "memo", str(path), "--lang", "fi", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0 and out.exists()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and "न" in lines[0] and REPLACEMENT_MARK in lines[0]
    bundle = tmp_path / "bundle.zip"
    code = main(["bundle", str(path), "--period", "2026-2027", "-o", str(bundle)])
    captured = capsys.readouterr()
    assert code == 0 and bundle.exists()
    assert len(captured.err.strip().splitlines()) == 1 and "न" in captured.err


def test_fonts_are_chosen_per_character() -> None:
    from hyvinvointi_app.reports import fonts

    assert fonts.runs("Hei 欢迎 ยินดี!") == (
        ("DejaVuSans", "Hei "),
        ("DroidSansFallback", "欢迎"),
        ("DejaVuSans", " "),
        ("NotoSansThai", "ยินดี"),
        ("DejaVuSans", "!"),
    )
    assert fonts.runs("ยินดี", bold=True) == (("NotoSansThai-Bold", "ยินดี"),)
    assert fonts.runs("a\u2066b") == (
        ("DejaVuSans", "a"),
        ("DejaVuSans", "b"),
    )  # invisible: dropped
    markup = fonts.markup("x < नमस्ते\nمرحبا بكم")
    assert markup == f"x &lt; {REPLACEMENT_MARK}<br/>{REPLACEMENT_MARK} {REPLACEMENT_MARK}"
    # decomposed Vietnamese is composed, so DejaVu's own letters print
    assert fonts.printable("a\u0323") == "ạ"


def test_the_listing_shows_visible_characters_only() -> None:
    assert listing("नमस्ते") == "न म स त"
    assert listing("\u200d") == "U+200D"
    assert listing("".join(chr(0x1200 + n) for n in range(50))).endswith(" …")
