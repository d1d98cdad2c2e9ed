"""The demo unit reads as a professional of the field would write it: each agenda item's
texts fit its theme or plan, result cards have their own titles and fitting states, follow-up
outcomes agree with their comments, and memos are approved days after their meeting."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    FollowUpOutcome,
    MeetingStatus,
    ResultCardStatus,
)
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services import annual_clock, approval, meetings, periods, result_cards
from hyvinvointi_app.services.demo import APPROVAL_DELAYS, approval_day, write_demo
from hyvinvointi_app.services.memo_view import MeetingDetail
from hyvinvointi_app.store.database import Database, open_database

TODAY = dt.date(2026, 11, 23)
TEXTS = load_json_resource("demo_texts.json")
LANGUAGES = ("fi", "sv")

IN_PROGRESS = {
    "fi": re.compile(r"kesken|jatkuu", re.I),
    "sv": re.compile(r"pågår|fortsätter", re.I),
}
"""The words that say an action is still in progress."""

DROPPED = {"fi": re.compile(r"^Luovuttiin\b"), "sv": re.compile(r"^Slopades\b")}
DONE = {"fi": re.compile(r"^Tehty\b"), "sv": re.compile(r"^Gjort\b")}
CARD_CLOSED = {"fi": "Tulokortti päättyi:", "sv": "Resultatkortet avslutades:"}
CARD_REACHED = {"fi": "tavoite saavutettu", "sv": "målet uppnått"}
NEVER_DROPPED = re.compile(r"poistumisharjoitus|utrymningsövning", re.I)
"""An evacuation drill is held, whatever else gives way."""

NOT_TEXT = ("role", "days", "methods", "end", "month", "plan_type", "review_cards")
"""Fields that are data, not words: the same in both languages."""


def _actions(texts: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for theme in texts["themes"].values():
        for variant in [*theme["variants"], theme.get("without_cards") or {}]:
            yield from variant.get("actions", ())
    for group in texts["other_matters"].values():
        for entry in group:
            yield from entry.get("actions", ())


def _same_shape(fi: Any, sv: Any, where: str) -> None:
    assert type(fi) is type(sv), where
    if isinstance(fi, dict):
        assert fi.keys() == sv.keys(), where
        for key in fi:
            if key in NOT_TEXT:
                assert fi[key] == sv[key], f"{where}.{key}"
            else:
                _same_shape(fi[key], sv[key], f"{where}.{key}")
    elif isinstance(fi, list):
        assert len(fi) == len(sv), where
        for index, (a, b) in enumerate(zip(fi, sv, strict=True)):
            _same_shape(a, b, f"{where}[{index}]")
    elif isinstance(fi, str):
        assert bool(fi) == bool(sv), where  # an empty decision is empty in both
        assert ("{cards}" in fi) == ("{cards}" in sv) and ("{card}" in fi) == ("{card}" in sv)


# --- the texts themselves -------------------------------------------------------------------


def test_both_languages_have_the_same_keys_and_shape() -> None:
    _same_shape(TEXTS["fi"], TEXTS["sv"], "demo_texts")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_theme_of_a_meeting_month_has_its_own_texts(language: str) -> None:
    texts = TEXTS[language]
    titles = {entry["theme"] for entry in texts["themes"].values()}
    default = annual_clock.default_clock(language)
    clock = [(e.month, e.title) for e in default.themes] + [
        (t["month"], t["title"]) for t in texts["extra_themes"]
    ]
    missing = [title for month, title in clock if month in (9, 12, 3, 5) and title not in titles]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_follow_up_comments_agree_with_their_outcome(language: str) -> None:
    texts = TEXTS[language]
    for kind, comment in texts["follow_up"].items():
        assert IN_PROGRESS[language].search(comment), kind
    for action in _actions(texts):
        assert DONE[language].match(action["done"]), action["text"]
        assert not IN_PROGRESS[language].search(action["done"]), action["text"]
        if "dropped" in action:
            assert DROPPED[language].match(action["dropped"]), action["text"]
            assert "koska" in action["dropped"] or "eftersom" in action["dropped"]
            assert not NEVER_DROPPED.search(action["text"]), action["text"]
        assert action["days"] > 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_result_card_texts_have_own_titles_and_fitting_ends(language: str) -> None:
    titles: list[str] = []
    for plan_texts in TEXTS[language]["plan_texts"].values():
        for card in plan_texts["cards"]:
            titles.append(card["what"])
            assert all(card[field] for field in ("current", "target", "ideal", "measures"))
            last = card["values"][-1]
            if card["end"] == "closed":
                assert CARD_CLOSED[language] in last, card["what"]
            else:
                assert card["end"] == "reached" and CARD_REACHED[language] in last, card["what"]
        areas = set(plan_texts["development_areas"])
        assert not areas & {card["what"] for card in plan_texts["cards"]}
    assert len(titles) == len(set(titles))


# --- a written demo -------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[("fi", 10), ("sv", 10)], ids=["fi-10", "sv-10"])
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Database, list[MeetingDetail]]]:
    language, years = request.param
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, language=language, years=years, today=TODAY)
    db = open_database(path)
    held = [
        meetings.get_meeting(db, row.id)
        for period in periods.list_periods(db)
        for row in meetings.list_meetings(db, period.id)
    ]
    yield language, db, sorted(held, key=lambda m: m.date)
    db.close()


def test_the_privacy_check_finds_nothing_in_any_memo(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    """The demo approves its memos without confirming findings, and a director reading it
    must see no false alarm: not in any memo of the ten years, approved or not."""
    _language, db, held = demo
    assert len(held) > 25
    for memo in held:
        review = approval.review_memo(db, memo.id)
        assert sum(len(text) for text in review.texts.values()) > 500
        assert review.findings == [], (memo.date, review.findings)


def test_every_card_has_its_own_title_and_a_fitting_state(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    language, db, _ = demo
    cards = result_cards.list_cards(db)
    assert cards
    assert len({card.what_to_change for card in cards}) == len(cards)
    for card in cards:
        assert card.plan_id is not None and card.evaluation_id is not None
        recorded = [c for c in card.checkpoints if c.is_recorded]
        assert all(c.due_date < TODAY for c in recorded)
        if card.status is ResultCardStatus.ACTIVE:
            assert card.closed_on is None
            continue
        last = card.checkpoints[-1]
        assert card.closed_on == last.due_date < TODAY
        if card.status is ResultCardStatus.CLOSED:
            assert CARD_CLOSED[language] in last.value_note, card.what_to_change
        else:
            assert CARD_REACHED[language] in last.value_note, card.what_to_change


def test_follow_up_outcomes_agree_with_their_comments(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    language, _, memos = demo
    actions = {a["text"]: a for a in _actions(TEXTS[language])}
    continued: set[int] = set()
    seen: set[FollowUpOutcome] = set()
    for memo in memos:
        for follow_up in memo.follow_ups:
            if memo.date >= TODAY:
                assert follow_up.outcome is None  # not held yet
                continue
            texts = actions[follow_up.action.text]
            outcome, comment = follow_up.outcome, follow_up.comment
            assert outcome is not None
            seen.add(outcome)
            if outcome is FollowUpOutcome.DONE:
                assert comment == texts["done"]
                assert not IN_PROGRESS[language].search(comment)
            elif outcome is FollowUpOutcome.CONTINUES:
                assert IN_PROGRESS[language].search(comment)
                assert follow_up.action.id not in continued, "continued twice"
                continued.add(follow_up.action.id)
            else:
                assert comment == texts["dropped"]
                assert not NEVER_DROPPED.search(follow_up.action.text)
    assert FollowUpOutcome.DONE in seen and FollowUpOutcome.CONTINUES in seen


def test_memos_are_approved_days_after_their_meeting(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    _, _, memos = demo
    for memo in memos:
        if memo.status is MeetingStatus.APPROVED:
            assert memo.approved_at is not None and memo.approved_at.tzinfo is not None
            approved = memo.approved_at.date()
            assert APPROVAL_DELAYS[0] <= (approved - memo.date).days <= APPROVAL_DELAYS[-1]
            assert approved < TODAY and approved.weekday() < 5
        else:
            assert memo.date + dt.timedelta(days=APPROVAL_DELAYS[-1]) >= TODAY, memo.date


def test_approval_day_is_a_weekday_two_to_nine_days_later() -> None:
    for offset in range(14):
        meeting = dt.date(2026, 3, 2) + dt.timedelta(days=offset)
        for number in range(16):
            day = approval_day(meeting, number)
            assert 2 <= (day - meeting).days <= 9 and day.weekday() < 5


def test_agenda_items_carry_the_texts_of_their_theme(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    language, _, memos = demo
    themes = {e["theme"]: e for e in TEXTS[language]["themes"].values()}
    for memo in memos:
        for item in memo.agenda:
            if item.kind not in (AgendaItemKind.THEME, AgendaItemKind.PLAN_EVALUATION):
                continue
            if memo.date >= TODAY:
                assert item.notes == "" and item.decision == ""
                continue
            entry = themes[item.theme]
            variants = [*entry["variants"], entry.get("without_cards") or entry["variants"][0]]
            assert any(
                re.fullmatch(re.escape(v["notes"]).replace(re.escape("{cards}"), ".+"), item.notes)
                and item.decision.startswith(v["decision"])
                for v in variants
            ), (memo.date, item.title)
            assert {a.text for a in item.actions} <= {
                a["text"] for v in variants for a in v["actions"]
            }


def test_the_recent_periods_hold_every_meeting_of_the_year(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    _, db, memos = demo
    last_year = [m for m in memos if dt.date(2025, 8, 1) <= m.date <= dt.date(2026, 7, 31)]
    assert [m.date.month for m in last_year] == [9, 12, 3, 5]
    assert [m.status for m in memos if m.date >= TODAY] == [MeetingStatus.DRAFT]
    for period in periods.list_periods(db):
        held = [m for m in meetings.list_meetings(db, period.id) if m.date < TODAY]
        assert len(held) >= 2 or period.start_date.year == TODAY.year


def test_past_periods_carry_their_summary_requests_and_theme_marks(
    demo: tuple[str, Database, list[MeetingDetail]],
) -> None:
    from hyvinvointi_app.services import annual_clock

    _, db, memos = demo
    current = periods.current_period(db)
    for period in periods.list_periods(db):
        texts = periods.period_texts(db, period.id)
        held = [m for m in memos if m.period_id == period.id and m.date < TODAY]
        marks = annual_clock.list_theme_marks(db, period.id)
        met = {m.date.month for m in memos if m.period_id == period.id}
        themes = {t.id: t for t in annual_clock.list_themes(db)}
        assert marks and all(themes[mark.theme_id].month not in met for mark in marks)
        if period.id == current.id:
            assert not texts.summary  # the period runs: its report is not yet written
            continue
        assert texts.summary and texts.provider_requests
        assert texts.summary_approved_on == held[-1].date
        assert str(len(held)) in texts.summary


def test_same_today_and_years_give_the_same_demo(tmp_path: Path) -> None:
    def contents(path: Path) -> list[tuple[Any, ...]]:
        write_demo(path, language="sv", years=2, today=TODAY)
        db = open_database(path)
        try:
            rows: list[tuple[Any, ...]] = []
            for period in periods.list_periods(db):
                for row in meetings.list_meetings(db, period.id):
                    memo = meetings.get_meeting(db, row.id)
                    rows.append((memo.date, memo.approved_at, memo.status))
                    rows += [(i.title, i.notes, i.decision) for i in memo.agenda]
                    rows += [(f.action.text, f.outcome, f.comment) for f in memo.follow_ups]
                    rows += [(a.status, a.role) for a in memo.attendance]
            rows += [(c.what_to_change, c.status) for c in result_cards.list_cards(db)]
            return rows
        finally:
            db.close()

    assert contents(tmp_path / "a.sqlite") == contents(tmp_path / "b.sqlite")
