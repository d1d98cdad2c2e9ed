"""The privacy guard: identity codes, phone numbers, e-mail addresses, case words and children
named in a construction (given names and descriptions: ``test_privacy_names.py``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.domain.privacy import (
    CASE_WORD_RULES,
    DESCRIPTION_RULES,
    NAMED_CHILD_RULES,
    Finding,
    FindingKind,
    TextRule,
    is_valid_identity_code,
    scan,
    scan_fields,
)
from hyvinvointi_app.resources import load_json_resource

# An independent implementation of the identity-code rules, written from the DVV
# description, so that the tests do not check the guard against itself.
CHECK_ALPHABET = "0123456789ABCDEFHJKLMNPRSTUVWXY"
SIGNS_BY_CENTURY = {1800: "+", 1900: "-YXWVU", 2000: "ABCDEF"}
ALL_SIGNS = "".join(SIGNS_BY_CENTURY.values())

STANDARD_SENTENCE_FI = "Muistioon ei ole kirjattu yksittäistä lasta koskevia tietoja."
STANDARD_SENTENCE_SV = "Inga uppgifter om enskilda barn har antecknats i minnesanteckningarna."


def make_code(birth: dt.date, individual: int, sign: str) -> str:
    digits = f"{birth:%d%m}{birth.year % 100:02d}{individual:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK_ALPHABET[int(digits) % 31]}"


def corrupt(code: str) -> str:
    """The same code with another check character from the alphabet."""
    wrong = CHECK_ALPHABET[(CHECK_ALPHABET.index(code[-1].upper()) + 1) % 31]
    return code[:-1] + wrong


def kinds(text: str) -> list[FindingKind]:
    return [finding.kind for finding in scan(text)]


def matches(text: str) -> list[str]:
    return [finding.match for finding in scan(text)]


def assert_consistent(text: str, findings: list[Finding]) -> None:
    previous_end = 0
    for finding in findings:
        assert text[finding.start : finding.end] == finding.match
        assert finding.start < finding.end
        assert finding.start >= previous_end, "findings overlap or are out of order"
        previous_end = finding.end


# --- identity codes --------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["131052-308T", "010594Y9021"])
def test_published_examples_are_valid_by_the_independent_helper(code: str) -> None:
    digits = code[:6] + code[7:10]
    assert CHECK_ALPHABET[int(digits) % 31] == code[-1]
    assert is_valid_identity_code(code)


def test_identity_codes_in_running_finnish_text() -> None:
    second = make_code(dt.date(2019, 3, 7), 452, "A")
    text = f"Huoltaja kertoi, että lapsen tunnus on 131052-308T ja toisen {second}."
    findings = [f for f in scan(text) if f.kind is FindingKind.IDENTITY_CODE]
    assert [f.match for f in findings] == ["131052-308T", second]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.match
    assert findings[0].start == text.index("131052-308T")


def test_identity_code_in_running_swedish_text() -> None:
    text = "Vårdnadshavaren gav personens kod (010594Y9021) vid mötet."
    (finding,) = scan(text)
    assert finding.kind is FindingKind.IDENTITY_CODE
    assert (finding.start, finding.end, finding.match) == (
        text.index("0105"),
        text.index(")"),
        "010594Y9021",
    )
    assert finding.field == ""


@pytest.mark.parametrize("sign", list(ALL_SIGNS))
def test_every_century_sign(sign: str) -> None:
    century = next(c for c, signs in SIGNS_BY_CENTURY.items() if sign in signs)
    code = make_code(dt.date(century + 12, 5, 17), 234, sign)
    assert kinds(f"koodi {code} tässä") == [FindingKind.IDENTITY_CODE]
    assert kinds(f"koodi {corrupt(code)} tässä") == []


def test_lower_case_letters_are_accepted() -> None:
    assert matches("hetu 131052-308t") == ["hetu", "131052-308t"]
    assert matches("010594y9021") == ["010594y9021"]


def test_a_dash_turned_into_an_en_dash_is_still_a_code() -> None:
    assert kinds("131052–308T") == [FindingKind.IDENTITY_CODE]


@pytest.mark.parametrize(
    "text",
    [
        "131052-308U",  # wrong check character
        "131052-3081",
        "010594Y9022",
        "131052G308T",  # not a century sign
        "1131052-308T",  # longer digit runs
        "131052-308T5",
        "131052-308TX",
    ],
)
def test_not_identity_codes(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    ("birth_digits", "sign"),
    [
        ("310498", "-"),  # 31 April
        ("290201", "A"),  # 29 February of a common year
        ("290200", "-"),  # 1900 was not a leap year ...
        ("001190", "-"),  # day zero
        ("011390", "-"),  # month 13
    ],
)
def test_impossible_dates_are_not_codes_even_with_the_right_check_character(
    birth_digits: str, sign: str
) -> None:
    number = "123"
    code = f"{birth_digits}{sign}{number}{CHECK_ALPHABET[int(birth_digits + number) % 31]}"
    assert scan(code) == []


def test_29_february_2000_is_a_date() -> None:
    # ... but 2000 was.
    code = make_code(dt.date(2000, 2, 29), 123, "A")
    assert kinds(code) == [FindingKind.IDENTITY_CODE]
    assert scan(code.replace("A", "-")) == []


def test_an_identity_code_is_not_also_a_phone_number() -> None:
    # A code that starts with 0 and ends with a digit looks like "0xxxxx-xxxx" to the phone rule.
    code = next(
        c for n in range(2, 900) if (c := make_code(dt.date(1990, 1, 1), n, "-"))[-1].isdigit()
    )
    (finding,) = scan(f"puh {code}")
    assert finding.kind is FindingKind.IDENTITY_CODE
    assert scan(f"puh {corrupt(code)}") == []


# --- phone numbers ---------------------------------------------------------------------------

PHONE_FORMS = [
    "040 123 4567",
    "040-1234567",
    "0401234567",
    "+358 40 123 4567",
    "+358401234567",
    "+358 (0)40 123 4567",
    "00358 40 123 4567",
    "(09) 123 456",
    "09 1234 5678",
    "050 765 43 21",
    "020 634 0000",
    "+46 70 123 45 67",
]


@pytest.mark.parametrize("phone", PHONE_FORMS)
def test_phone_forms_are_found_with_their_offsets(phone: str) -> None:
    text = f"Yhteyshenkilön numero on {phone}, soita iltaisin."
    (finding,) = scan(text)
    assert finding.kind is FindingKind.PHONE
    assert finding.match == phone
    assert finding.start == text.index(phone)


def test_phone_in_parentheses_and_after_a_colon() -> None:
    assert matches("(040 123 4567)") == ["040 123 4567"]
    assert matches("puh:0401234567") == ["0401234567"]


def test_two_numbers_separated_by_a_space_are_two_findings() -> None:
    assert matches("040 1234567 050 7654321") == ["040 1234567", "050 7654321"]
    assert matches("+358 40 1234567 040 7654321") == ["+358 40 1234567", "040 7654321"]


def test_a_number_followed_by_more_digits_is_still_found() -> None:
    assert matches("puh. 040 123 4567 2026 asti") == ["040 123 4567"]


@pytest.mark.parametrize(
    "text",
    [
        "01-" + "1-" * 49_998,
        "+1 " + "1 " * 49_998,
        "0" * 100_000,
        "sairau" * 16_000,
        "Emman äiti-" * 9_000,
        "a.a@" * 25_000,
        "131052-308T" * 9_000,
        "a dot " * 16_000,
        "a (dot) " * 12_000,
        " " * 50_000 + "Toivon " * 7_000,
        "Ellan äiti, eräs poika Oravista; " * 3_000,
    ],
)
def test_long_adversarial_texts(text: str) -> None:
    assert_consistent(text, scan(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kokous pidetään 23.11.2026 klo 13.00–14.30.",
        "Mötet hålls 05.02.2026 kl. 08.00-09.30.",
        "Päivämäärä 05-02-2026 ja 2025-01-15.",
        "Aukioloaika 0800-1600.",
        "Toimintakausi 2025-2026, vuodet 2025–2027 ja 2024.",
        "Budjetti 1 050 000 000 € ja 12 000 euroa, 0,50 € per lapsi.",
        "Hätänumero 112, huone 203, ryhmässä 21 lasta.",
        "Osoite Rauhankatu 12, 06100 Porvoo.",
        "Y-tunnus 0201256-6.",
        "Vastausprosentti oli 64 %, arvot 52 %, 68 %, 81 %.",
        "Numero 040 12 on liian lyhyt.",
        "0401234567890123 on liian pitkä.",
    ],
)
def test_dates_times_periods_money_and_short_numbers_are_not_phones(text: str) -> None:
    assert scan(text) == []


# --- e-mail addresses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "matti.meikalainen@porvoo.fi",
        "aino+ryhma@example.com",
        "a_b-c@sub.domain.org",
        "äiti@esimerkki.fi",
    ],
)
def test_email_addresses(address: str) -> None:
    text = f"Lähetä viesti osoitteeseen {address}."
    (finding,) = scan(text)
    assert (finding.kind, finding.match, finding.start) == (
        FindingKind.EMAIL,
        address,
        text.index(address),
    )


def test_an_email_address_made_of_a_phone_number_is_one_finding() -> None:
    assert kinds("0401234567@sms.example.fi") == [FindingKind.EMAIL]


@pytest.mark.parametrize("text", ["kokous@ klo 13", "@porvoo", "a@b", "ryhmä @ piha.fi"])
def test_not_email_addresses(text: str) -> None:
    assert scan(text) == []


# --- children named in a construction -------------------------------------------------------

NAMED_CHILDREN = [
    ("Keskusteltiin siitä, miten lapsi Emma on sopeutunut.", "lapsi Emma"),
    ("Sovittiin, että lapsen Eetu vanhemmat kutsutaan.", "lapsen Eetu"),
    ("Puhuttiin lapsesta Leo pitkään.", "lapsesta Leo"),
    ("Lapsella Áile on uusi ryhmä.", "Lapsella Áile"),
    ("Eetu-pojan kanssa sovittiin.", "Eetu-pojan"),
    ("Soitettiin tytön Aino kotiin.", "tytön Aino"),
    ("Emman äiti kertoi asiasta.", "Emman äiti"),
    ("Vi diskuterade hur barnet Emma mår.", "barnet Emma"),
    ("Det gäller barn Leo i gruppen.", "barn Leo"),
    ("Pojken Oskar har svårt.", "Pojken Oskar"),
    ("Emmas mamma ringde.", "Emmas mamma"),
]


@pytest.mark.parametrize(("text", "words"), NAMED_CHILDREN)
def test_a_child_named_in_a_construction_is_one_finding(text: str, words: str) -> None:
    """ "lapsi Emma", "Eetu-pojan", "Emmas mamma": the whole construction, whatever the name."""
    (finding,) = [f for f in scan(text) if f.kind is FindingKind.CHILD_NAME]
    assert (finding.match, finding.start) == (words, text.index(words))


# --- case words ------------------------------------------------------------------------------

CASE_WORDS_FI = [
    ("Lapsella on diagnoosi.", "diagnoosi"),
    ("Odotetaan diagnoosin varmistumista.", "diagnoosin"),
    ("Hänellä ei ole diagnoosia.", "diagnoosia"),
    ("ADHD-diagnoosista keskusteltiin.", "ADHD-diagnoosista"),
    ("Tehtiin lastensuojeluilmoitus.", "lastensuojeluilmoitus"),
    ("Perhe on lastensuojelun asiakkaana.", "lastensuojelun"),
    ("Tehtiin lasu viime viikolla.", "lasu"),
    ("Lapsi on otettu huostaan.", "huostaan"),
    ("Huostaanoton jälkeen.", "Huostaanoton"),
    ("Lapsi asuu sijaisperheessä.", "sijaisperheessä"),
    ("Hänelle tehdään erityisen tuen päätös.", "erityisen tuen päätös"),
    ("Erityisen tuen päätöksen valmistelu.", "Erityisen tuen päätöksen"),
    ("Hän käy puheterapiassa.", "puheterapiassa"),
    ("Lapsen sairaus vaikuttaa arkeen.", "sairaus"),
    ("Sairauden vuoksi poissa.", "Sairauden"),
    ("Lääkitystä muutettiin.", "Lääkitystä"),
    ("Henkilötunnuksen kirjaaminen.", "Henkilötunnuksen"),
    ("Kysyttiin hetua.", "hetua"),
    ("Syntymäaika puuttuu.", "Syntymäaika"),
    ("Perheen kotiosoite vaihtui.", "kotiosoite"),
    ("Epäily perheväkivallasta.", "perheväkivallasta"),
    ("Vanhemmilla on huoltajuuskiista.", "huoltajuuskiista"),
    ("Huoltajuus on isällä.", "Huoltajuus"),
]

CASE_WORDS_SV = [
    ("Barnet har en diagnos.", "diagnos"),
    ("Diagnosen är klar.", "Diagnosen"),
    ("En barnskyddsanmälan gjordes.", "barnskyddsanmälan"),
    ("Barnskyddet har kontaktats.", "Barnskyddet"),
    ("Ett omhändertagande pågår.", "omhändertagande"),
    ("Barnet omhändertogs i maj.", "omhändertogs"),
    ("Barnet bor i ett familjehem.", "familjehem"),
    ("Ett beslut om särskilt stöd fattas.", "beslut om särskilt stöd"),
    ("Barnet går i talterapi.", "i talterapi"),
    ("En långvarig sjukdom.", "sjukdom"),
    ("Medicineringen ändrades.", "Medicineringen"),
    ("Personbeteckningen saknas.", "Personbeteckningen"),
    ("Födelsedatum behövs inte.", "Födelsedatum"),
    ("Familjens hemadress ändrades.", "hemadress"),
    ("Föräldrarna har en vårdnadstvist.", "vårdnadstvist"),
    ("Misstanke om våld i hemmet.", "våld i hemmet"),
    ("Våld i nära relationer togs upp.", "Våld i nära relationer"),
]


@pytest.mark.parametrize(("text", "word"), CASE_WORDS_FI + CASE_WORDS_SV)
def test_case_words_with_inflections(text: str, word: str) -> None:
    findings = scan(text)
    assert word in [f.match for f in findings]
    finding = next(f for f in findings if f.match == word)
    assert finding.kind is FindingKind.CASE_WORD
    assert finding.start == text.index(word)


@pytest.mark.parametrize(
    "text",
    [
        STANDARD_SENTENCE_FI,
        STANDARD_SENTENCE_SV,
        "Mötesprotokoll 21.10.2020 / Kokousmuistio 21.10.2020",
        "Suunnitelma lasten suojaamiseksi väkivallalta, kiusaamiselta ja häirinnältä.",
        "Plan för att skydda barnen mot våld, mobbning och trakasserier.",
        "Tehostettu tuki ja erityinen tuki järjestetään ryhmissä.",
        "Huoltajien edustaja ja huoltajat osallistuivat.",
        "Vårdnadshavarnas representant och vårdnadshavare deltog.",
        "Lasten ääni: lapset toivovat lisää rakentelutilaa.",
        "Barnens röst: barnen önskar mer utevistelse.",
        "Jokainen lapsi otetaan huomioon. Lapsi on aina etusijalla.",
        "Puhuimme siitä, mitä lapsi tarvitsee. Emma-nukke on kadonnut.",
        "Lapsen etu. Porvoossa lapsen oikeudet ovat esillä.",
        "Lääkehoitosuunnitelma päivitettiin.",
        "Isänpäivänä ja äitienpäivänä on juhla.",
        "Lapsen\nEtu ei ole nimi tässä, vaan uusi rivi.",
    ],
)
def test_community_level_texts_are_clean(text: str) -> None:
    assert scan(text) == []


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_the_demo_unit_texts_are_clean() -> None:
    """The demo approves its memos without confirming findings, so its texts must be clean."""
    texts = load_json_resource("demo_texts.json")
    for language in ("fi", "sv"):
        people = [name for names in texts[language]["people"].values() for name in names]
        for text in _strings(texts[language]):
            assert scan(text, people) == [], text


@pytest.mark.parametrize("rules", [CASE_WORD_RULES, NAMED_CHILD_RULES, DESCRIPTION_RULES])
def test_every_rule_compiles_and_says_why(rules: tuple[TextRule, ...]) -> None:
    assert {rule.language for rule in rules} == {Language.FINNISH, Language.SWEDISH}
    for rule in rules:
        re.compile(rule.pattern)
        assert rule.why.strip()


# --- many findings, fields -------------------------------------------------------------------


def test_findings_are_ordered_and_do_not_overlap() -> None:
    text = (
        "Lapsi Emma (131052-308T), puh. 040 123 4567, emma.koti@example.fi; "
        "diagnoosi ja lastensuojeluilmoitus. Barnet Leo, 010594Y9021."
    )
    findings = scan(text)
    assert_consistent(text, findings)
    assert [f.kind for f in findings] == [
        FindingKind.CHILD_NAME,
        FindingKind.IDENTITY_CODE,
        FindingKind.PHONE,
        FindingKind.EMAIL,
        FindingKind.CASE_WORD,
        FindingKind.CASE_WORD,
        FindingKind.CHILD_NAME,
        FindingKind.IDENTITY_CODE,
    ]


def test_scan_fields_keeps_field_keys_order_and_offsets() -> None:
    fields = [
        ("item:12:notes", "Soita 040 123 4567."),
        ("item:3:notes", STANDARD_SENTENCE_FI),
        ("item:3:decision", "Lapsen Eetu diagnoosi, 131052-308T."),
    ]
    findings = scan_fields(fields)
    assert [(f.field, f.kind, f.match) for f in findings] == [
        ("item:12:notes", FindingKind.PHONE, "040 123 4567"),
        ("item:3:decision", FindingKind.CHILD_NAME, "Lapsen Eetu"),
        ("item:3:decision", FindingKind.CASE_WORD, "diagnoosi"),
        ("item:3:decision", FindingKind.IDENTITY_CODE, "131052-308T"),
    ]
    texts = dict(fields)
    for finding in findings:
        assert texts[finding.field][finding.start : finding.end] == finding.match


def test_scan_fields_of_nothing() -> None:
    assert scan_fields([]) == []
    assert scan("") == []


# --- properties ------------------------------------------------------------------------------

SCANNED_ALPHABET = st.sampled_from(
    [
        *"0123456789 -+.,:;()@_/\n\tABCDEFUVWXYabcdefuvwxyäöåÄÖÅ–",
        *("lapsi ", "Emma", "diagnoosi", "barnet ", "+358", "040", "131052-308T", "@x.fi"),
    ]
)


@given(st.text())
def test_scan_never_raises_on_any_text(text: str) -> None:
    assert_consistent(text, scan(text))


@given(st.lists(SCANNED_ALPHABET, max_size=200).map("".join))
def test_scan_never_raises_on_text_full_of_near_misses(text: str) -> None:
    assert_consistent(text, scan(text))


@settings(max_examples=15, deadline=None)
@given(st.lists(SCANNED_ALPHABET, min_size=1, max_size=60).map("".join) | st.text(min_size=1))
def test_scan_handles_100_000_characters(chunk: str) -> None:
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    assert_consistent(text, scan(text))


@st.composite
def valid_codes(draw: st.DrawFn) -> str:
    birth = draw(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)))
    sign = draw(st.sampled_from(SIGNS_BY_CENTURY[birth.year // 100 * 100]))
    individual = draw(st.integers(min_value=0, max_value=999))
    code = make_code(birth, individual, sign)
    return code.lower() if draw(st.booleans()) else code


SURROUNDINGS = st.sampled_from(["", " ", "hetu ", "(", "Tunnus: ", "personbeteckning "])
AFTER = st.sampled_from(["", " ", ".", ", ", ")", " ja muuta", "\n"])


@given(valid_codes(), SURROUNDINGS, AFTER)
def test_every_valid_code_is_found(code: str, before: str, after: str) -> None:
    text = before + code + after
    found = [f for f in scan(text) if f.kind is FindingKind.IDENTITY_CODE]
    assert [(f.start, f.match) for f in found] == [(len(before), code)]
    assert is_valid_identity_code(code)


@given(valid_codes(), SURROUNDINGS, AFTER, st.integers(min_value=1, max_value=30))
def test_no_code_with_a_wrong_check_character_is_found(
    code: str, before: str, after: str, shift: int
) -> None:
    index = CHECK_ALPHABET.index(code[-1].upper())
    wrong = code[:-1] + CHECK_ALPHABET[(index + shift) % 31]
    text = before + wrong + after
    assert FindingKind.IDENTITY_CODE not in kinds(text)
    assert [
        f for f in scan(text) if f.start < len(before) + len(wrong) and f.end > len(before)
    ] == []
    assert not is_valid_identity_code(wrong)
