"""The annual report and the bundle of a period hold only what belongs to it (issue 13).

Three adjacent periods 2024–2025, 2025–2026 and 2026–2027 with data on 31.7. and 1.8. of
both bounds of 2025–2026 and on both sides of them; each section is checked in the annual
report's data, in the bundle's figures and, for the cards, in ``bundle.json`` and the PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hyvinvointi_app.domain.enums import (
    ActionStatus,
    AgendaItemKind,
    AttendanceStatus,
    EvaluationConclusion,
    MeetingStatus,
    PlanType,
    ResultCardStatus,
    Role,
    VoiceKind,
)
from hyvinvointi_app.reports import ReportOptions, annual_pdf
from hyvinvointi_app.reports.bundle import bundle_json
from hyvinvointi_app.services import periods
from hyvinvointi_app.services.bundle_data import bundle_data
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.services.evaluations import EvaluationInput, record_evaluation
from hyvinvointi_app.services.report_data import annual_data
from hyvinvointi_app.services.result_cards import (
    CardInput,
    CheckpointInput,
    create_card,
    link_card_to_agenda_item,
    set_card_status,
)
from hyvinvointi_app.services.summary import ActionCounts, period_summary
from hyvinvointi_app.store.database import Database, open_database
from hyvinvointi_app.store.models import (
    ActionItem,
    AgendaItem,
    Meeting,
    ResultCardDiscussion,
    VoiceRecord,
)

if TYPE_CHECKING:
    from fixtures_plans import Rows

pytest_plugins = ["fixtures_plans"]

TODAY = dt.date(2026, 11, 23)
"""After the middle period ended: its figures are told as at its last day, 31.7.2026."""
START, END = dt.date(2025, 8, 1), dt.date(2026, 7, 31)
DAY_BEFORE, DAY_AFTER = dt.date(2025, 7, 31), dt.date(2026, 8, 1)


class Bounds:
    """Data on each side of both bounds of the period 2025–2026 (``self.period``)."""

    def __init__(self, db: Database, rows: Rows) -> None:
        self.earlier, self.period, self.later = (rows.period(y) for y in (2024, 2025, 2026))
        director = rows.member(Role.DIRECTOR, "Aino Ahonen")
        self.members = {
            "left_day_before": rows.member(Role.ECEC_STAFF, "Bea Berg", term_end=DAY_BEFORE),
            "left_first_day": rows.member(Role.PSYCHOLOGIST, "Cilla Cajander", term_end=START),
            "came_last_day": rows.member(Role.PUBLIC_HEALTH_NURSE, "Terhi Tervo", term_start=END),
            "came_day_after": rows.member(
                Role.SCHOOL_SOCIAL_WORKER, "Kurt Kuraattori", term_start=DAY_AFTER
            ),
        }
        present = [(director, AttendanceStatus.PRESENT)]
        approved = MeetingStatus.APPROVED
        self.last_of_earlier = rows.meeting(
            self.earlier, 9, DAY_BEFORE, status=approved, attendance=present
        )
        self.first = rows.meeting(self.period, 1, START, status=approved, attendance=present)
        self.last = rows.meeting(self.period, 2, END, status=approved, attendance=present)
        self.first_of_later = rows.meeting(
            self.later, 1, DAY_AFTER, status=approved, attendance=present
        )
        self.meeting_dates = {
            self.last_of_earlier: DAY_BEFORE,
            self.first: START,
            self.last: END,
            self.first_of_later: DAY_AFTER,
        }
        self._themes_and_views(db, rows)
        self._evaluations(db, rows)
        self._cards(db, rows)
        self._actions(db)

    def _themes_and_views(self, db: Database, rows: Rows) -> None:
        self.theme_items = {
            meeting: rows.agenda_item(meeting, AgendaItemKind.THEME, title=f"Teema {date}")
            for meeting, date in self.meeting_dates.items()
        }
        with db.transaction() as session:
            for meeting, date in self.meeting_dates.items():
                session.add(
                    VoiceRecord(
                        meeting_id=meeting, kind=VoiceKind.CHILDREN, summary=f"Lapset {date}"
                    )
                )

    def _evaluations(self, db: Database, rows: Rows) -> None:
        plan = rows.plan(PlanType.SAFETY_RESCUE, "Pelastussuunnitelma")
        self.unevaluated_plan = rows.plan(PlanType.GENDER_EQUALITY, "Tasa-arvosuunnitelma")
        for date in (DAY_BEFORE, START, END, DAY_AFTER):
            record_evaluation(
                db,
                plan,
                EvaluationInput(
                    date,
                    strengths=f"Vahvuus {date}",
                    conclusion=EvaluationConclusion.NEEDS_UPDATING,
                ),
            )
        self.plan = plan

    def _card(
        self,
        db: Database,
        what: str,
        created: dt.date,
        checkpoints: tuple[dt.date, ...] = (),
        reached: dt.date | None = None,
    ) -> int:
        card = create_card(
            db, CardInput(what), [CheckpointInput(d) for d in checkpoints], today=created
        ).id
        if reached is not None:
            set_card_status(db, card, ResultCardStatus.REACHED, today=reached)
        return card

    def _cards(self, db: Database, rows: Rows) -> None:
        autumn_2024 = dt.date(2024, 9, 1)
        self.cards = {
            # its whole life in the earlier period, ending on its last day
            "earlier_only": self._card(db, "A", autumn_2024, (DAY_BEFORE,), reached=DAY_BEFORE),
            # still active, but nothing happened to it during the period
            "idle": self._card(db, "B", autumn_2024, (dt.date(2025, 3, 1), DAY_BEFORE)),
            # reached on the period's first day
            "reached_first_day": self._card(db, "C", autumn_2024, (DAY_BEFORE,), reached=START),
            # created on the period's last day, with a checkpoint on each side of the end
            "created_last_day": self._card(db, "D", END, (END, DAY_AFTER)),
            # created after the period
            "created_day_after": self._card(db, "E", DAY_AFTER, (dt.date(2026, 10, 1),)),
            # followed through the period, reached only after it
            "reached_later": self._card(
                db, "F", autumn_2024, (DAY_BEFORE, START, DAY_AFTER), reached=dt.date(2026, 10, 1)
            ),
            # no checkpoint in the period, but discussed in one of its meetings
            "discussed": self._card(db, "G", autumn_2024, (dt.date(2025, 3, 1),)),
            # discussed only in a meeting of the later period
            "discussed_later": self._card(db, "H", autumn_2024, (dt.date(2025, 3, 1),)),
        }
        link_card_to_agenda_item(db, self.cards["discussed"], self.theme_items[self.last])
        link_card_to_agenda_item(
            db, self.cards["discussed_later"], self.theme_items[self.first_of_later]
        )

    def _actions(self, db: Database) -> None:
        open_, done, dropped = ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.DROPPED
        before, first, last, after = (
            self.last_of_earlier,
            self.first,
            self.last,
            self.first_of_later,
        )
        self.actions: dict[str, int] = {}
        with db.transaction() as session:
            for key, meeting, status, due, closed in [
                ("earlier_due_before", before, open_, DAY_BEFORE, None),  # not of the period
                ("earlier_due_first_day", before, open_, START, None),  # overdue
                ("due_last_day", first, open_, END, None),  # open: not late on its due day
                ("undated", first, open_, None, None),  # open
                ("done_after_end", first, done, dt.date(2026, 7, 30), DAY_AFTER),  # overdue
                ("done_last_day", first, done, dt.date(2026, 5, 1), END),  # done
                ("earlier_done_first_day", before, done, dt.date(2025, 6, 1), START),  # done
                ("dropped_last_day", last, dropped, DAY_AFTER, END),  # dropped
                ("later_due_in_period", after, open_, END, None),  # not of the period
            ]:
                action = ActionItem(
                    meeting_id=meeting,
                    text=key,
                    status=status,
                    due_date=due,
                    closed_on=closed,
                )
                session.add(action)
                session.flush()
                self.actions[key] = action.id


@pytest.fixture
def bounds(db: Database, rows: Rows) -> Bounds:
    return Bounds(db, rows)


def test_meetings_and_memos_of_the_period_only(db: Database, bounds: Bounds) -> None:
    annual = annual_data(db, bounds.period, today=TODAY)
    bundle = bundle_data(db, bounds.period, today=TODAY)
    assert [m.date for m in annual.meetings] == [START, END]
    assert [m.date for m in annual.summary.meetings] == [START, END]
    assert [m.date for m in bundle.meetings] == [START, END]
    assert [m.date for m in bundle.approved_memos] == [START, END]
    assert bundle.meetings_held == 2


def test_members_whose_term_overlaps_the_period(db: Database, bounds: Bounds) -> None:
    annual = annual_data(db, bounds.period, today=TODAY)
    bundle = bundle_data(db, bounds.period, today=TODAY)
    names = {m.name for m in annual.members}
    assert names == {"Aino Ahonen", "Cilla Cajander", "Terhi Tervo"}
    assert [(m.role, m.count) for m in bundle.members] == [
        (Role.DIRECTOR, 1),
        (Role.PUBLIC_HEALTH_NURSE, 1),
        (Role.PSYCHOLOGIST, 1),
    ]
    assert Role.ECEC_STAFF in annual.summary.roles_missing_in_period
    assert Role.ECEC_STAFF in bundle.roles_missing_in_period


def test_themes_and_views_of_the_period_meetings(db: Database, bounds: Bounds) -> None:
    annual = annual_data(db, bounds.period, today=TODAY)
    assert [(t.title, t.meeting_date) for t in annual.handled_themes] == [
        (f"Teema {START}", START),
        (f"Teema {END}", END),
    ]
    views = [v.summary for m in annual.meetings for v in m.voices]
    assert views == [f"Lapset {START}", f"Lapset {END}"]


def test_evaluations_dated_in_the_period(db: Database, bounds: Bounds) -> None:
    annual = annual_data(db, bounds.period, today=TODAY)
    bundle = bundle_data(db, bounds.period, today=TODAY)
    assert [e.date for e in annual.evaluations] == [START, END]
    assert [e.date for e in annual.plans_needing_update] == [START, END]
    assert [p.evaluation_dates for p in annual.summary.plans_evaluated] == [(START, END)]
    by_id = {p.id: p for p in bundle.plans}
    assert [e.date for e in by_id[bounds.plan].evaluations] == [START, END]
    assert [e.strengths for e in by_id[bounds.plan].evaluations] == [
        f"Vahvuus {START}",
        f"Vahvuus {END}",
    ]
    assert by_id[bounds.unevaluated_plan].evaluations == ()


def _cards(db: Database, period: int, today: dt.date = TODAY) -> dict[int, tuple[object, ...]]:
    """Each card of the annual data as (status, closed_on, checkpoint dates), checked to be
    the same in the bundle and in ``bundle.json``."""
    annual = {
        c.id: (c.status, c.closed_on, tuple(p.due_date for p in c.checkpoints))
        for c in annual_data(db, period, today=today).cards
    }
    data = bundle_data(db, period, today=today)
    bundle = {
        c.id: (c.status, c.closed_on, tuple(p.due_date for p in c.checkpoints))
        for c in data.result_cards
    }
    document = bundle_json(data, languages=("fi",))
    written = {
        c["id"]: (
            ResultCardStatus(c["status"]),
            dt.date.fromisoformat(c["closed_on"]) if c["closed_on"] else None,
            tuple(dt.date.fromisoformat(p["due_date"]) for p in c["checkpoints"]),
        )
        for c in document["result_cards"]
    }
    assert annual == bundle == written
    return annual


def test_cards_active_and_followed_in_the_period(db: Database, bounds: Bounds) -> None:
    cards = bounds.cards
    active, reached = ResultCardStatus.ACTIVE, ResultCardStatus.REACHED
    assert _cards(db, bounds.period) == {
        cards["reached_first_day"]: (reached, START, ()),
        cards["created_last_day"]: (active, None, (END,)),
        cards["reached_later"]: (active, None, (START,)),  # as at 31.7.2026
        cards["discussed"]: (active, None, ()),
    }


def test_cards_on_either_side_of_the_period(db: Database, bounds: Bounds) -> None:
    cards = bounds.cards
    active, reached = ResultCardStatus.ACTIVE, ResultCardStatus.REACHED
    earlier = _cards(db, bounds.earlier)
    assert earlier == {
        cards["earlier_only"]: (reached, DAY_BEFORE, (DAY_BEFORE,)),
        cards["idle"]: (active, None, (dt.date(2025, 3, 1), DAY_BEFORE)),
        cards["reached_first_day"]: (active, None, (DAY_BEFORE,)),
        cards["reached_later"]: (active, None, (DAY_BEFORE,)),
        cards["discussed"]: (active, None, (dt.date(2025, 3, 1),)),
        cards["discussed_later"]: (active, None, (dt.date(2025, 3, 1),)),
    }
    assert _cards(db, bounds.later) == {
        cards["created_last_day"]: (active, None, (DAY_AFTER,)),
        cards["created_day_after"]: (active, None, (dt.date(2026, 10, 1),)),
        cards["reached_later"]: (reached, dt.date(2026, 10, 1), (DAY_AFTER,)),
        cards["discussed_later"]: (active, None, ()),
    }


def test_a_running_period_tells_the_cards_as_at_today(db: Database, bounds: Bounds) -> None:
    cards = bounds.cards
    on_the_day = _cards(db, bounds.later, today=dt.date(2026, 10, 1))
    assert on_the_day[cards["reached_later"]][0] is ResultCardStatus.REACHED
    day_before = _cards(db, bounds.later, today=dt.date(2026, 9, 30))
    assert day_before[cards["reached_later"]][:2] == (ResultCardStatus.ACTIVE, None)


def test_actions_agreed_due_or_closed_in_the_period_as_at_its_end(
    db: Database, bounds: Bounds
) -> None:
    summary = period_summary(db, bounds.period, today=TODAY)
    assert summary.as_of == END
    assert summary.actions == ActionCounts(open=2, overdue=2, done=2, dropped=1)
    assert bundle_data(db, bounds.period, today=TODAY).actions == summary.actions
    annual = annual_data(db, bounds.period, today=TODAY)
    assert annual.summary.actions == summary.actions
    by_id = {v: k for k, v in bounds.actions.items()}
    assert [by_id[a.id] for a in summary.overdue_actions] == [
        "earlier_due_first_day",
        "done_after_end",
    ]
    assert [by_id[a.id] for a in summary.open_actions] == ["due_last_day", "undated"]
    carried = summary.overdue_actions[0]
    assert (carried.meeting_number, carried.meeting_date) == (9, DAY_BEFORE)


def test_actions_of_the_neighbouring_periods(db: Database, bounds: Bounds) -> None:
    earlier = period_summary(db, bounds.earlier, today=TODAY)
    assert earlier.as_of == DAY_BEFORE
    # agreed in its last meeting: due on its last day (open, not yet late), due after it
    # (open), done only after it (overdue as at 31.7.2025)
    assert earlier.actions == ActionCounts(open=2, overdue=1, done=0, dropped=0)
    later = period_summary(db, bounds.later, today=TODAY)
    assert later.as_of == TODAY
    # agreed in it, or closed in it (done_after_end), or due in it (dropped_last_day)
    assert later.actions == ActionCounts(open=0, overdue=1, done=1, dropped=1)


def test_overdue_as_at_today_while_the_period_runs(db: Database, bounds: Bounds) -> None:
    running = period_summary(db, bounds.period, today=dt.date(2026, 7, 30))
    assert running.as_of == dt.date(2026, 7, 30)
    by_id = {v: k for k, v in bounds.actions.items()}
    # done_after_end is due on 30.7.: not late on that day; done_last_day, due 1.5., is done
    # only on 31.7.: on 30.7. it is late
    assert [by_id[a.id] for a in running.overdue_actions] == [
        "earlier_due_first_day",
        "done_last_day",
    ]
    assert "done_after_end" in [by_id[a.id] for a in running.open_actions]


def test_the_pdf_prints_no_checkpoint_after_the_period(db: Database, bounds: Bounds) -> None:
    pdf = annual_pdf(
        db, bounds.period, ReportOptions(language="fi", created=dt.datetime(2026, 11, 23, 12))
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert re.search(r"(?<![\d.])31\.7\.2026", text)
    assert not re.search(r"(?<![\d.])1\.8\.2026", text)
    assert "Teema 2026-08-01" not in text and "Lapset 2025-07-31" not in text


# -- the demo unit ----------------------------------------------------------------------------


def test_the_demo_report_of_2025_2026_keeps_to_its_period(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    write_demo(path, language="fi", years=2, today=TODAY)
    db = open_database(path)
    try:
        period = periods.period_by_label(db, "2025-2026")
        start, end = period.start_date, period.end_date
        assert (start, end) == (START, END)
        annual = annual_data(db, period.id, today=TODAY)
        bundle = bundle_data(db, period.id, today=TODAY)
        with db.reading() as session:
            held_items = set(
                session.scalars(
                    select(AgendaItem.id).where(
                        AgendaItem.meeting_id.in_([m.id for m in annual.meetings])
                    )
                )
            )
            discussed = {
                card_id
                for card_id, item in session.execute(
                    select(ResultCardDiscussion.card_id, ResultCardDiscussion.agenda_item_id)
                )
                if item in held_items
            }
            meeting_dates = list(session.scalars(select(Meeting.date)))
        assert annual.cards, "the demo follows result cards in 2025-2026"
        for card in annual.cards:
            dates = [c.due_date for c in card.checkpoints]
            assert all(start <= d <= end for d in dates), (card.id, dates)
            assert (
                start <= card.created_on <= end
                or (card.closed_on is not None and start <= card.closed_on <= end)
                or dates
                or card.id in discussed
            ), card.id
            assert card.created_on <= end
        for card in bundle.result_cards:
            assert all(start <= c.due_date <= end for c in card.checkpoints), card.id
        assert [c.id for c in bundle.result_cards] == [c.id for c in annual.cards]
        assert all(start <= m.date <= end for m in annual.meetings)
        assert all(start <= e.date <= end for e in annual.evaluations)
        assert any(d > end for d in meeting_dates), "the demo has a later period to leave out"
    finally:
        db.close()


def test_an_evaluation_dated_in_another_form_is_still_of_its_period(
    db: Database, bounds: Bounds
) -> None:
    """A date another tool wrote as 2026-7-31 reads as a date (``hyvinvointi check`` lists
    it); the period's evaluations were once compared as text in SQL, which left it out."""
    with db.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE plan_evaluation SET date = ? WHERE date = ?",
            (f"{END.year}-{END.month}-{END.day}", END.isoformat()),
        )
    annual = annual_data(db, bounds.period, today=TODAY)
    assert [e.date for e in annual.evaluations] == [START, END]
