"""The search finds what the group wrote in any of its Finnish or Swedish word forms, in every
kind of record, and does not find what merely looks alike.

One unit holds a text of each kind (memo notes and decisions, an action, an evaluation, a
result card and its checkpoint, a plan, the annual clock and a theme's mark, the period's
summary, a survey), in Finnish and in Swedish, and a few decoys; each query of the table
below must find the records it lists and must not find those it rules out.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    PlanType,
    SearchKind,
    ThemeHandling,
    VoiceKind,
)
from hyvinvointi_app.services import search
from hyvinvointi_app.services.search import SearchField
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    ActionItem,
    AgendaItem,
    Checkpoint,
    ClockTheme,
    Meeting,
    OperatingPeriod,
    Plan,
    PlanEvaluation,
    ResultCard,
    Survey,
    SurveyItem,
    ThemeMark,
)

TEXTS = {
    "yard": "Pihan turvallisuudesta keskusteltiin: keinujen alle lisätään hiekkaa.",
    "plan update": "Päätettiin päivittää turvallisuussuunnitelma syksyn aikana.",
    "action": "Kiusaamista ehkäisevä toimintamalli esitellään huoltajille.",
    "evaluation": "Lasten osallisuus päiväkodissa vaatii vielä kehittämistä.",
    "card": "Kiusaamisen ehkäisy leikkitilanteissa",
    "checkpoint": "Pihaleikkien valvonta toteutui syksyllä hyvin.",
    "clock": "Pelastussuunnitelman läpikäynti",
    "plan": "Tasa-arvo- ja yhdenvertaisuussuunnitelma",
    "mark": "Siirrettiin kevääseen, koska syksyllä ei ehditty.",
    "swedish memo": "Barnens trygghet på gården diskuterades och vi beslöt att förnya "
    "trygghetsplanen.",
    "summary": "Under året utvärderades likabehandlingsplanen och mobbningen har minskat.",
    "survey fi": "Leikkiä pihalla",
    "survey sv": "Leka på gården",
    # Decoys: words that begin or end like the searched ones but are other words.
    "steak": "Lounaaksi oli pihviä ja perunoita.",
    "spades": "Hiekkalaatikolle hankitaan uusia lapioita.",
    "awkward": "Tilanne oli kiusallinen kaikille.",
    "curtains": "Nya gardiner köptes till vilrummet och de är fina.",
}

# query → (the records it must find, the records it must not find)
QUERIES: dict[str, tuple[set[str], set[str]]] = {
    # Finnish inflected forms find each other, both ways, whatever the case
    "turvallisuus": ({"yard", "plan update"}, {"card", "clock"}),
    "turvallisuuden": ({"yard", "plan update"}, {"card"}),
    "TURVALLISUUDESTA": ({"yard", "plan update"}, {"evaluation"}),
    "kiusaaminen": ({"action", "card"}, {"awkward", "evaluation"}),
    "kiusaamisen": ({"action", "card"}, {"awkward"}),
    "päiväkoti": ({"evaluation"}, {"yard"}),
    "Päiväkodin": ({"evaluation"}, set()),
    "lapsi": ({"evaluation"}, {"spades"}),
    "lapset": ({"evaluation"}, {"spades"}),
    "piha": ({"yard", "checkpoint", "survey fi"}, {"steak"}),
    "pihoilla": ({"yard", "survey fi"}, {"steak"}),
    "syksy": ({"plan update", "checkpoint", "mark"}, set()),
    "kevät": ({"mark"}, set()),
    "keinu": ({"yard"}, set()),
    "osallisuudesta": ({"evaluation"}, set()),
    # compounds: by their last part and by their first
    "suunnitelma": ({"plan update", "clock", "plan"}, {"yard"}),
    "suunnitelmassa": ({"plan update", "clock", "plan"}, {"yard"}),
    "pelastus": ({"clock"}, {"plan"}),
    "yhdenvertaisuus": ({"plan"}, {"clock"}),
    "leikki": ({"checkpoint", "card", "survey fi"}, set()),
    # typed without ä, ö (found all the same), and two words at once
    "paivakodissa": ({"evaluation"}, set()),
    "PAIVITTAA": ({"plan update"}, set()),
    "kiusaamisen ehkaisy": ({"card"}, {"awkward"}),
    "kiusaamista ehkaisevat": ({"action"}, {"awkward"}),
    "pihan turvallisuus": ({"yard"}, {"plan update", "checkpoint"}),
    # Swedish
    "barn": ({"swedish memo"}, set()),
    "barnet": ({"swedish memo"}, set()),
    "trygghet": ({"swedish memo"}, set()),
    "tryggheten": ({"swedish memo"}, set()),
    "gård": ({"swedish memo", "survey sv"}, {"curtains"}),
    "gårdar": ({"swedish memo", "survey sv"}, {"curtains"}),
    "gard": ({"swedish memo", "survey sv"}, set()),
    "GÅRDEN": ({"swedish memo", "survey sv"}, {"curtains"}),
    "plan": ({"swedish memo", "summary"}, set()),
    "planerna": ({"swedish memo", "summary"}, set()),
    "mobbning": ({"summary"}, {"action", "card"}),
    "likabehandlingsplan": ({"summary"}, set()),
    "utvärdera": ({"summary"}, set()),
    "utvardera": ({"summary"}, set()),
    "leker": ({"survey sv"}, set()),
    "vilrum": ({"curtains"}, set()),
    # nothing to find
    "xyzzy": (set(), set(TEXTS)),
}


@pytest.fixture
def records(db: Database) -> dict[tuple[SearchKind, SearchField, int], str]:
    """Every text of TEXTS in a record of its kind; (kind, field, source id) → its name."""
    names: dict[tuple[SearchKind, SearchField, int], str] = {}
    with db.transaction() as session:
        period = OperatingPeriod(
            label="2025-2026",
            start_date=dt.date(2025, 8, 1),
            end_date=dt.date(2026, 7, 31),
            summary=TEXTS["summary"],
        )
        session.add(period)
        session.flush()
        meeting = Meeting(period_id=period.id, number=1, date=dt.date(2025, 9, 10))
        session.add(meeting)
        session.flush()
        memo_texts = ("yard", "swedish memo", "steak", "spades", "awkward", "curtains")
        items = []
        for position, name in enumerate(memo_texts, start=1):
            item = AgendaItem(
                meeting_id=meeting.id,
                position=position,
                kind=AgendaItemKind.CUSTOM,
                title=f"Asia {position}",
                notes=TEXTS[name],
            )
            items.append(item)
        decision = AgendaItem(
            meeting_id=meeting.id,
            position=10,
            kind=AgendaItemKind.CUSTOM,
            title="Suunnitelmat",
            decision=TEXTS["plan update"],
        )
        session.add_all([*items, decision])
        session.flush()
        action = ActionItem(meeting_id=meeting.id, agenda_item_id=items[0].id, text=TEXTS["action"])
        plan = Plan(type=PlanType.NON_DISCRIMINATION, name=TEXTS["plan"])
        session.add_all([action, plan])
        session.flush()
        evaluation = PlanEvaluation(
            plan_id=plan.id, date=dt.date(2025, 10, 1), development_areas=TEXTS["evaluation"]
        )
        card = ResultCard(what_to_change=TEXTS["card"], created_on=dt.date(2025, 10, 2))
        theme = ClockTheme(month=9, title=TEXTS["clock"])
        survey = Survey(kind=VoiceKind.CHILDREN, title_fi="Leikit", title_sv="Lekar")
        session.add_all([evaluation, card, theme, survey])
        session.flush()
        checkpoint = Checkpoint(
            card_id=card.id, due_date=dt.date(2025, 12, 1), value_note=TEXTS["checkpoint"]
        )
        mark = ThemeMark(
            theme_id=theme.id,
            period_id=period.id,
            handling=ThemeHandling.MOVED,
            note=TEXTS["mark"],
        )
        option = SurveyItem(
            survey_id=survey.id, position=1, text_fi=TEXTS["survey fi"], text_sv=TEXTS["survey sv"]
        )
        session.add_all([checkpoint, mark, option])
        session.flush()
        memo_fields = (SearchKind.MEMO, SearchField.NOTES)
        for item, name in zip(items, memo_texts, strict=True):
            names[(*memo_fields, item.id)] = name
        names.update(
            {
                (SearchKind.MEMO, SearchField.DECISION, decision.id): "plan update",
                (SearchKind.ACTION, SearchField.ACTION, action.id): "action",
                (SearchKind.PLAN, SearchField.PLAN_NAME, plan.id): "plan",
                (
                    SearchKind.EVALUATION,
                    SearchField.DEVELOPMENT_AREAS,
                    evaluation.id,
                ): "evaluation",
                (SearchKind.CARD, SearchField.WHAT_TO_CHANGE, card.id): "card",
                (SearchKind.CARD, SearchField.CHECKPOINT_NOTE, checkpoint.id): "checkpoint",
                (SearchKind.CLOCK, SearchField.CLOCK_THEME, theme.id): "clock",
                (SearchKind.CLOCK, SearchField.THEME_MARK_NOTE, mark.id): "mark",
                (SearchKind.PERIOD, SearchField.SUMMARY, period.id): "summary",
                (SearchKind.SURVEY, SearchField.SURVEY_ITEM, option.id): "survey fi",
            }
        )
    return names


def _found(
    db: Database, names: dict[tuple[SearchKind, SearchField, int], str], query: str
) -> set[str]:
    found = set()
    for hit in search.search(db, query).hits:
        name = names.get((hit.kind, hit.field, hit.source_id))
        if name == "survey fi" and "gård" in hit.snippet_text.lower():
            name = "survey sv"  # the option's two texts are two rows of one record
        elif name == "survey fi" and "leka" in hit.snippet_text.lower():
            name = "survey sv"
        if name is not None:
            found.add(name)
    return found


@pytest.mark.parametrize("query", list(QUERIES))
def test_each_query_finds_its_records_and_not_the_look_alikes(
    db: Database, records: dict[tuple[SearchKind, SearchField, int], str], query: str
) -> None:
    must, must_not = QUERIES[query]
    found = _found(db, records, query)
    assert must <= found, f"{query!r} missed {sorted(must - found)}"
    assert not (must_not & found), f"{query!r} found {sorted(must_not & found)}"
