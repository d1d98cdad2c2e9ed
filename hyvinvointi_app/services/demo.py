"""A realistic demo unit: every role, several operating periods, memos, plans and cards.

Everything is invented (resources/demo_texts.json) and goes through the same services the
application uses, so the demo also exercises their rules. The same seed gives the same
unit, except that the periods end with the one containing ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hyvinvointi_app.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    ChecklistAnswer,
    EvaluationConclusion,
    EvaluationMethod,
    FollowUpOutcome,
    Language,
    PlanType,
    ResultCardStatus,
    Role,
    VoiceKind,
    VoiceMethod,
)
from hyvinvointi_app.resources import load_json_resource
from hyvinvointi_app.services import (
    actions,
    agenda,
    annual_clock,
    approval,
    evaluations,
    meetings,
    members,
    periods,
    plans,
    result_cards,
)
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.evaluations import CheckAnswerInput, EvaluationInput
from hyvinvointi_app.services.members import MemberInput, MemberView
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import Database, create_database

MEETING_MONTHS = ((9, 12), (12, 4), (3, 11), (5, 6))
"""(month, day) of the planning, December, evaluation and May meetings."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    periods: int
    meetings: int
    members: int


class _DemoWriter:
    def __init__(self, db: Database, language: str, today: dt.date, seed: int) -> None:
        self.db = db
        self.language = language
        self.today = today
        self.random = random.Random(seed)
        self.texts: dict[str, Any] = load_json_resource("demo_texts.json")[language]
        self.meeting_count = 0
        self.member_count = 0
        self.staff: list[MemberView] = []

    def pick(self, key: str) -> str:
        return str(self.random.choice(self.texts[key]))

    def write(self, years: int) -> DemoSummary:
        unit = self.texts["unit"]
        set_up_unit(
            self.db,
            UnitInfo(
                unit["name_fi"],
                unit["name_sv"],
                unit["municipality"],
                True,
                Language(self.language),
            ),
        )
        current_start, _ = periods.add_period(self.db, today=self.today).start_date, None
        first_start = current_start.replace(year=current_start.year - years + 1)
        self._add_staff(first_start)
        self.after_setup(first_start)
        for index in range(years):
            start = first_start.replace(year=first_start.year + index)
            if start == current_start:
                period = periods.current_period(self.db)
            else:
                period = periods.add_period(self.db, today=start)
            self._write_period(period.id, index, start)
        return DemoSummary(years, self.meeting_count, self.member_count)

    def after_setup(self, first_start: dt.date) -> None:
        """The annual clock (the default one plus the unit's own plan themes) and a plan of
        every type, so that meetings in the evaluation months carry plan items."""
        annual_clock.load_default_clock(self.db, self.language)
        for theme in self.texts["extra_themes"]:
            annual_clock.add_theme(
                self.db, theme["month"], theme["title"], PlanType(theme["plan_type"])
            )
        for plan_type in PlanType:
            custom = plan_type is PlanType.CUSTOM
            plans.add_plan(
                self.db,
                plans.PlanInput(
                    plan_type,
                    self.texts["plans"][plan_type.value],
                    version=str(first_start.year),
                    owner=self.texts["owner"],
                    approved_on=first_start + dt.timedelta(days=30),
                    next_review_due=self.today + dt.timedelta(days=self.random.randint(-20, 200)),
                    document_location=self.texts["document_location"],
                    custom_questions=tuple(self.texts["custom_questions"]) if custom else (),
                ),
            )

    def _add(self, name: str, role: Role, start: dt.date, end: dt.date | None = None) -> MemberView:
        organisation = self.texts["organisations"].get(
            role.value, self.texts["unit"]["name_" + self.language]
        )
        self.member_count += 1
        return members.add_member(
            self.db, MemberInput(name, role, organisation, term_start=start, term_end=end)
        )

    def _add_staff(self, first_start: dt.date) -> None:
        people = self.texts["people"]
        for role in Role:
            if role in (Role.GUARDIAN_REPRESENTATIVE, Role.OTHER_EXPERT):
                continue
            for name in people[role.value]:
                self.staff.append(self._add(name, role, first_start))

    def _write_period(self, period_id: int, index: int, start: dt.date) -> None:
        guardians = self.texts["people"]["guardian_representative"]
        end = start.replace(year=start.year + 1) - dt.timedelta(days=1)
        guardian = self._add(
            guardians[index % len(guardians)], Role.GUARDIAN_REPRESENTATIVE, start, end
        )
        director = next(m for m in self.staff if m.role is Role.DIRECTOR)
        secretary = next(m for m in self.staff if m.role is Role.ECEC_STAFF)
        count = self.random.choice((2, 3, 4, 4))
        months = (
            MEETING_MONTHS[:1] + MEETING_MONTHS[1:][-(count - 1) :] if count < 4 else MEETING_MONTHS
        )
        for month, day in sorted(months, key=lambda md: (md[0] < 8, md[0])):
            date = dt.date(start.year + (month < 8), month, day)
            while date.weekday() >= 5:
                date += dt.timedelta(days=1)
            if date > self.today + dt.timedelta(days=30):
                break
            self._write_meeting(period_id, date, director, secretary, guardian)

    def _write_meeting(
        self,
        period_id: int,
        date: dt.date,
        director: MemberView,
        secretary: MemberView,
        guardian: MemberView,
    ) -> None:
        db = self.db
        memo = meetings.new_meeting(
            db, period_id, date, start_time=dt.time(13), place=self.texts["place"]
        )
        self.meeting_count += 1
        meetings.update_header(
            db,
            memo.id,
            meetings.HeaderInput(
                date, dt.time(13), dt.time(14, 30), self.texts["place"], director.id, secretary.id
            ),
        )
        for row in memo.attendance:
            roll = self.random.random()
            if roll < 0.12:
                meetings.set_attendance(db, memo.id, row.member.id, AttendanceStatus.EXCUSED)
            elif roll < 0.18:
                meetings.set_attendance(db, memo.id, row.member.id, AttendanceStatus.ABSENT)
        for follow_up in memo.follow_ups:
            outcome = self.random.choice(list(FollowUpOutcome) + [FollowUpOutcome.DONE] * 2)
            comment = self.texts["comments"][list(FollowUpOutcome).index(outcome) % 3]
            actions.record_follow_up(db, memo.id, follow_up.action.id, outcome, comment)
        people = [m for m in self.staff if m.role is not Role.DIRECTOR] + [guardian]
        for item in memo.agenda:
            if item.kind in (
                AgendaItemKind.THEME,
                AgendaItemKind.PLAN_EVALUATION,
                AgendaItemKind.OTHER_MATTERS,
            ):
                agenda.set_item_text(db, item.id, "notes", self.pick("notes"))
                agenda.set_item_text(db, item.id, "decision", self.pick("decisions"))
                for _ in range(self.random.randint(0, 2)):
                    actions.add_action(
                        db,
                        memo.id,
                        ActionInput(
                            self.pick("actions"),
                            self.random.choice(people).id,
                            due_date=date + dt.timedelta(days=self.random.randint(20, 120)),
                        ),
                        agenda_item_id=item.id,
                    )
                self.on_item(memo.id, item.id, item.plan_id, date)
            elif item.kind is AgendaItemKind.COMMUNICATION:
                agenda.set_item_text(db, item.id, "notes", self.pick("decisions"))
        voices = self.texts["voices"]
        agenda.set_voice(
            db,
            memo.id,
            VoiceKind.CHILDREN,
            self.random.sample(
                [VoiceMethod.INTERVIEW, VoiceMethod.DRAWING, VoiceMethod.CHILDRENS_MEETING], 2
            ),
            self.random.choice(voices["children"]),
        )
        agenda.set_voice(
            db,
            memo.id,
            VoiceKind.GUARDIANS,
            [VoiceMethod.SURVEY],
            self.random.choice(voices["guardians"]),
        )
        if date < self.today:
            approval.approve_memo(db, memo.id, approved_by=director.name or "")

    def on_item(self, meeting_id: int, item_id: int, plan_id: int | None, date: dt.date) -> None:
        """A plan item gets its evaluation, and every other one a result card followed up at
        checkpoints (values recorded at the checkpoints that are already past)."""
        if plan_id is None:
            return
        rng = self.random
        answers = list(ChecklistAnswer)
        checks = tuple(
            CheckAnswerInput(q.key, q.text, rng.choice(answers[:3] * 3 + answers[3:]))
            for q in plans.checklist_for_plan(self.db, plan_id, self.language)
        )
        needs_update = rng.random() < 0.3
        evaluation = evaluations.record_evaluation(
            self.db,
            plan_id,
            EvaluationInput(
                date,
                meeting_id=meeting_id,
                agenda_item_id=item_id,
                methods=tuple(rng.sample(list(EvaluationMethod)[:-1], 2)),
                participant_roles=tuple(sorted({m.role for m in self.staff}, key=list(Role).index)),
                strengths=self.pick("strengths"),
                development_areas=self.pick("development_areas"),
                conclusion=(
                    EvaluationConclusion.NEEDS_UPDATING
                    if needs_update
                    else EvaluationConclusion.IN_ORDER
                ),
                update_by=self.texts["owner"] if needs_update else "",
                update_due=date + dt.timedelta(days=90) if needs_update else None,
                checks=checks,
            ),
        )
        if rng.random() < 0.5:
            return
        card_texts = self.texts["card"]
        card = result_cards.create_card_from_development_area(self.db, evaluation.id, today=date)
        result_cards.edit_card(
            self.db,
            card.id,
            CardInput(
                card.what_to_change,
                card_texts["current"],
                card_texts["target"],
                card_texts["ideal"],
                card_texts["measures"],
                card_texts["indicator"],
                plan_id=plan_id,
                evaluation_id=evaluation.id,
            ),
        )
        result_cards.link_card_to_agenda_item(self.db, card.id, item_id)
        responsible = rng.choice(self.staff)
        for step, value in enumerate(card_texts["values"], start=1):
            due = date + dt.timedelta(days=75 * step)
            checkpoint = result_cards.add_checkpoint(
                self.db, card.id, CheckpointInput(due, responsible_id=responsible.id)
            )
            if due < self.today:
                result_cards.record_checkpoint_value(self.db, checkpoint.id, value, due)
        if date + dt.timedelta(days=75 * len(card_texts["values"])) < self.today:
            result_cards.set_card_status(
                self.db, card.id, ResultCardStatus.REACHED, today=self.today
            )


def write_demo(
    path: Path,
    *,
    language: str = "fi",
    years: int = 3,
    today: dt.date | None = None,
    seed: int = 2026,
) -> DemoSummary:
    """Create a new unit file at ``path`` holding the demo unit (refuses an existing file)."""
    db = create_database(path)
    try:
        return _DemoWriter(db, language, today or dt.date.today(), seed).write(years)
    finally:
        db.close()
