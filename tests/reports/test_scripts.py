"""Text in the families' languages prints, or is replaced by a mark and listed; never fails.

A memo holds a word each of Russian, Somali, Chinese, Thai, Vietnamese and Ukrainian, words of
Arabic and Persian (shaped and ordered right to left), Hindi (no shipped font has
Devanagari) and, as an older file may, NUL, BEL and DEL (written past the store, which
removes them on saving now).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import arabic_reshaper
import pikepdf
import pikepdf.pdfa
import pytest
from bidi import get_display
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
RIGHT_TO_LEFT = {
    "ar": "مرحبا",
    "ar-2": "السلام عليكم",
    "fa": "سلام",
    "fa-2": "خانواده",
    "fa-3": "پدر",
    "fa-4": "خوش",
}
"""Arabic script prints shaped (joined) and in right-to-left order (see reports/fonts.py)."""
MIXED = "Kokous: مرحبا ja سلام"
REPLACED = {"hi": "नमस्ते"}
CONTROLS = "\x00\x07\x7f"


def _memo_text() -> str:
    words = {**PRINTED, **RIGHT_TO_LEFT, **REPLACED}
    lines = [f"{code}: {word}" for code, word in words.items()]
    return "Perheiden kielet:\n" + "\n".join([*lines, MIXED])


def _drawn(word: str) -> str:
    """``word`` as the PDF should draw it, left to right: shaped by arabic_reshaper (its
    default settings shape these words as the program's do) and reversed by python-bidi."""
    return get_display(arabic_reshaper.reshape(word), base_dir="R")


def _logical(drawn: str) -> str:
    """Drawn presentation forms read back: right to left, each form folded into its letters
    (NFKC; the lam-alef ligature into lam and alef, in that order)."""
    return "".join(unicodedata.normalize("NFKC", c) for c in reversed(drawn))


def _drawn_lines(pdf: bytes) -> list[str]:
    """The characters each text line of the PDF draws, in the order drawn (left to right),
    read from the content streams through each font's ToUnicode map: no extractor's
    reordering in between (pypdf puts right-to-left characters back in reading order)."""
    lines: list[str] = []
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            maps = {}
            for name, font in page.Resources.Font.items():
                cmap = font.ToUnicode.read_bytes().decode("ascii")
                pairs = re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4,})>", cmap)
                maps[name] = {int(c, 16): chr(int(u, 16)) for c, u in pairs}
            current, line = {}, ""
            for operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "Tf":
                    current = maps[str(operands[0])]
                elif str(operator) == "Tj":
                    line += "".join(current.get(b, "") for b in bytes(operands[0]))
                elif str(operator) in ("T*", "Td", "TD", "Tm", "ET") and line:
                    lines.append(line)
                    line = ""
    return lines


def _fill(db: Database, unit: SmallUnit) -> None:
    agenda.set_item_text(db, unit.other_item_id, "notes", _memo_text())
    agenda.set_item_text(db, unit.other_item_id, "title", "Tiedotus 欢迎 ยินดี")  # bold
    actions.add_action(
        db,
        unit.meeting_id,
        ActionInput("Tervetulokyltti: " + " / ".join(PRINTED.values()) + " / नमस्ते"),
        agenda_item_id=unit.follow_up_item_id,
    )
    # Control characters, as a file saved before they were removed may hold them (written
    # past the services, on the store's connection, whose search index needs its functions).
    with db.transaction() as session:
        connection = session.connection()
        connection.exec_driver_sql(
            "UPDATE agenda_item SET decision = ? WHERE id = ?",
            (f"Päätös{CONTROLS} tehty", unit.other_item_id),
        )
        connection.exec_driver_sql(
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
    # Drawn: the presentation forms, in visual order, no mark beside them.
    drawn_lines = [" ".join(line.replace("\u00a0", " ").split()) for line in _drawn_lines(pdf)]
    for code, word in RIGHT_TO_LEFT.items():
        assert f"{code}: {_drawn(word)}" in drawn_lines, word
        assert _logical(_drawn(word)) == word  # read right to left, they are the word
    # The Finnish words of a mixed line keep their order, the Arabic-script ones between.
    assert f"Kokous: {_drawn('مرحبا')} ja {_drawn('سلام')}" in drawn_lines
    # Extracted (pypdf reads right-to-left characters back in reading order): the words.
    extracted = unicodedata.normalize("NFKC", text)
    for word in RIGHT_TO_LEFT.values():
        assert _has(extracted, word), word
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
    assert set("नमस्ते") <= set(told[0])
    assert not set("".join([*PRINTED.values(), *RIGHT_TO_LEFT.values()])) & set(told[0])
    assert not re.search("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]", told[0])

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
        reports = [n for n in archive.namelist() if "-annual-report-" in n]
        assert len(reports) == 3
        memos = [n for n in archive.namelist() if "/memos/" in n]
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
    drawn = _drawn("مرحبا بكم").replace(" ", "\u00a0")
    assert markup == f"x &lt; {REPLACEMENT_MARK}<br/>{drawn}"
    assert fonts.markup("שלום") == REPLACEMENT_MARK  # Hebrew: neither a font nor ordering
    # decomposed Vietnamese is composed, so DejaVu's own letters print
    assert fonts.printable("a\u0323") == "ạ"


def test_the_listing_shows_visible_characters_only() -> None:
    assert listing("नमस्ते") == "न म स त"
    assert listing("\u200d") == "U+200D"
    assert listing("".join(chr(0x1200 + n) for n in range(50))).endswith(" …")


def test_arabic_and_persian_letters_take_their_forms_in_visual_order() -> None:
    from hyvinvointi_app.reports import fonts

    # مرحبا drawn left to right: final alef, medial beh, initial hah (reh before it does not
    # join to the left), final reh, initial meem.
    assert fonts.visual("مرحبا") == "\ufe8e\ufe92\ufea3\ufeae\ufee3"
    assert fonts.visual("سلام") == "\ufee1\ufefc\ufeb3"  # final meem, lam-alef, initial seen
    # Persian letters: initial peh; final Farsi yeh after keheh, initial gaf, isolated jeh
    assert fonts.visual("پدر") == "\ufead\ufeaa\ufb58"
    assert fonts.visual("کی") == "\ufbfd\ufb90"
    assert fonts.visual("گ ژ") == "\ufb8a\u00a0\ufb92"
    for word in [*RIGHT_TO_LEFT.values(), "پچ ژگ کی"]:
        drawn = fonts.visual(word)
        assert drawn == _drawn(word).replace(" ", "\u00a0")
        assert fonts.runs(drawn) == (("DejaVuSans", drawn),)
        assert fonts.runs(drawn, bold=True) == (("DejaVuSans-Bold", drawn),)


@pytest.mark.parametrize(
    "line",
    [
        MIXED,
        "abc سلام 123 دنیا def",
        "x: سلام، خانواده! ja 12 پدر 3,5 kg",
        "السلام عليكم (پدر) ok",
        "(سلام) ok",
        "ok (سلام) عليكم",
        "ok [سلام (پدر)] x",
        "سلام (ok) پدر",
        "Vuosi ۱۴۰۳ ja ٢٠٢٤: سال ۱۴۰۳",
    ],
)
def test_each_right_to_left_run_is_ordered_as_the_bidirectional_algorithm_orders_the_line(
    line: str,
) -> None:
    """Ordering each run by itself gives what python-bidi gives for the whole line of a
    left-to-right paragraph; only the run's own spaces become non-breaking."""
    from hyvinvointi_app.reports import fonts

    whole = get_display(fonts._reshaper().reshape(line), base_dir="L")
    brackets = str.maketrans("()[]", "<<<<")  # get_display does not mirror them
    assert fonts.visual(line).replace("\u00a0", " ").translate(brackets) == whole.translate(
        brackets
    )


def test_brackets_and_vowel_marks_in_a_right_to_left_run() -> None:
    from hyvinvointi_app.reports import fonts

    # Mirrored: "(" opens to the left in a right-to-left run, so it is drawn as ")".
    assert fonts.visual("سلام (پدر) ok") == "(\ufead\ufeaa\ufb58)\u00a0\ufee1\ufefc\ufeb3 ok"
    assert fonts.visual("ok (سلام) x") == "ok (\ufee1\ufefc\ufeb3) x"
    # Vowel marks kept, each drawn just before its letter (the font puts it over the next
    # glyph): مَرْحَبًا, and a mark at the run's end stays inside the run.
    assert fonts.visual("مَرْحَبًا ja") == ("\ufe8e\u064b\ufe92\u064e\ufea3\u0652\ufeae\u064e\ufee3 ja")


def test_a_right_to_left_run_moves_whole_to_the_next_line() -> None:
    """At this width ordinary spaces would leave عليكم, drawn first, on the first line and
    السلام on the second: the run would read in the wrong order."""
    from hyvinvointi_app.reports.layout import para

    paragraph = para("Perheen kieli on arabia: السلام عليكم ja hyvä niin")
    paragraph.wrap(155, 500)
    lines = [
        " ".join(str(getattr(w, "text", w)) for w in line[1]) for line in paragraph.blPara.lines
    ]
    drawn = _drawn("السلام عليكم").replace(" ", "\u00a0")
    assert lines == ["Perheen kieli on arabia:", f"{drawn} ja hyvä niin"]


def test_the_shaping_libraries_load_only_for_arabic_script() -> None:
    code = (
        "import sys\n"
        "from hyvinvointi_app.reports import fonts, memo_pdf\n"
        "fonts.markup('Hei 欢迎 ยินดี שלום')\n"
        "assert 'bidi' not in sys.modules and 'arabic_reshaper' not in sys.modules\n"
        "fonts.markup('سلام')\n"
        "assert 'bidi' in sys.modules and 'arabic_reshaper' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
