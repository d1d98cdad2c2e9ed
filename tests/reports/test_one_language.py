"""One language per document: a Swedish document has no Finnish or English fixed text, a
Finnish one no Swedish or English. Checked twice: over every fixed text of both catalogs
(whatever document prints it), and over the documents themselves, built from a unit whose
typed texts are in the document's language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from report_documents import CREATED, GOLDEN_PERIOD, extract_text

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.reports import ReportOptions, annual_pdf, evaluation_pdf, memo_pdf
from hyvinvointi_app.services import meetings, periods, plans
from hyvinvointi_app.store.database import Database

CATALOGS = Path(__file__).parents[2] / "i18n"

# Words that only one of the three languages has: common function words and the group's own
# vocabulary. A word that is the same in two of them ("plan", "status", "person") is not here.
FINNISH = {
    "ja",
    "tai",
    "ei",
    "on",
    "kokous",
    "kokouksen",
    "muistio",
    "muistion",
    "päätös",
    "lasten",
    "huoltajien",
    "toimenpide",
    "toimenpiteet",
    "vastuuhenkilö",
    "määräaika",
    "sivu",
    "jäsentä",
    "paikalla",
    "hyväksyi",
    "hyväksytty",
    "suunnitelma",
    "arviointi",
    "tulokortti",
    "tarkastelupiste",
    "toimintakausi",
    "vuosikello",
    "teema",
    "seuraava",
    "puheenjohtaja",
    "sihteeri",
    "läsnä",
    "kyllä",
    "käsitelty",
    "yksikkö",
    "päiväkoti",
}
SWEDISH = {
    "och",
    "eller",
    "inte",
    "är",
    "möte",
    "mötet",
    "minnesanteckningar",
    "minnesanteckningarna",
    "beslut",
    "barnens",
    "vårdnadshavarnas",
    "åtgärd",
    "åtgärder",
    "ansvarsperson",
    "tidsfrist",
    "sida",
    "medlemmar",
    "närvarande",
    "godkändes",
    "godkänt",
    "utvärdering",
    "resultatkort",
    "uppföljningspunkt",
    "verksamhetsperiod",
    "årsklocka",
    "tema",
    "nästa",
    "ordförande",
    "sekreterare",
    "närvaro",
    "ja",
    "behandlat",
    "enhet",
    "daghem",
}
ENGLISH = {
    "the",
    "and",
    "of",
    "meeting",
    "memo",
    "decision",
    "page",
    "evaluation",
    "action",
    "report",
    "approved",
    "members",
    "present",
    "none",
    "yes",
    "draft",
    "agenda",
    "item",
    "items",
    "responsible",
    "due",
    "date",
    "annual",
    "clock",
    "theme",
    "unit",
    "chair",
    "secretary",
    "attendance",
    "children",
    "guardians",
    "voice",
    "which",
    "with",
}
# "ja" is "and" in Finnish and "yes" in Swedish: it is foreign to neither catalog's check.
FOREIGN = {"fi": (SWEDISH - {"ja"}) | ENGLISH, "sv": (FINNISH - {"ja"}) | ENGLISH}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([^)]*\)[sd]|<[^>]+>|&(?=\w)")


def foreign_words(text: str, language: str) -> set[str]:
    words = {w.casefold() for w in _WORD.findall(_PLACEHOLDER.sub(" ", text))}
    return words & FOREIGN[language]


def catalog_texts(language: str) -> list[tuple[str, str]]:
    with open(CATALOGS / language / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    texts = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ident = message.id if isinstance(message.id, str) else message.id[0]
        texts += [(ident, s) for s in strings if s]
    return texts


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_fixed_text_has_a_word_of_another_language(language: str) -> None:
    problems = [
        (ident, text, sorted(found))
        for ident, text in catalog_texts(language)
        if (found := foreign_words(text, language))
    ]
    assert not problems, "\n".join(f"{i!r} -> {t!r}: {w}" for i, t, w in problems)


def test_every_document_is_in_one_language(unit_in_language: tuple[str, Database]) -> None:
    language, db = unit_in_language
    period = periods.period_by_label(db, GOLDEN_PERIOD).id
    plan = plans.list_plans(db, plan_type=PlanType.ANTI_BULLYING)[0].id
    options = ReportOptions(language=language, created=CREATED)
    documents = {
        "memo": memo_pdf(db, meetings.latest_meeting(db, period), options),
        "annual": annual_pdf(db, period, options),
        "evaluation": evaluation_pdf(db, plan, options),
    }
    problems = {
        name: sorted(found)
        for name, pdf in documents.items()
        if (found := foreign_words(extract_text(pdf), language))
    }
    assert not problems


def test_standard_checklist_questions_print_in_the_documents_language(demo_db: Database) -> None:
    from hyvinvointi_app.services.plans import standard_question

    plan = plans.list_plans(demo_db, plan_type=PlanType.ANTI_BULLYING)[0].id
    text = " ".join(extract_text(evaluation_pdf(demo_db, plan, options_sv())).split())
    texts = standard_question("staff_inducted", "Onko henkilöstö perehdytetty toimintamalliin?")
    assert texts is not None
    assert texts["sv"] in text and texts["fi"] not in text


def options_sv() -> ReportOptions:
    return ReportOptions(language="sv", created=CREATED)
