"""A realistic demo unit: every role, several operating periods, memos, plans and cards.

Everything is invented (resources/demo_texts.json) and goes through the same services the
application uses, so the demo also exercises their rules. The same seed gives the same
unit, except that the periods end with the one containing ``today``.

The texts follow the annual clock: an agenda item gets the notes, decision and action items
written for its theme, a plan evaluation the strengths and development areas of its plan,
and a result card the goal of the plan it develops. Each period and each meeting draws from
its own random stream, so the same period looks the same in a demo of any length.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
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
    ThemeHandling,
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
    period_scope,
    periods,
    plans,
    result_cards,
    surveys,
)
from hyvinvointi_app.services.actions import ActionInput
from hyvinvointi_app.services.evaluations import CheckAnswerInput, EvaluationInput
from hyvinvointi_app.services.members import MemberInput, MemberView
from hyvinvointi_app.services.memo_view import AgendaItemView, FollowUpView, MeetingDetail
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.services.result_cards import CardInput, CheckpointInput
from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
from hyvinvointi_app.store.database import Database, create_database

MEETING_DAYS = {9: 12, 12: 4, 3: 11, 5: 6}
"""Day of the month of the planning (Sep), December, evaluation (Mar) and May meetings."""

EVALUATION_MONTH = 3
"""The spring's evaluation meeting, held in every period: it counts the surveys."""
DEMO_SURVEYS = {
    VoiceKind.CHILDREN: (
        "quiet_corner",
        "more_play_time",
        "playmate",
        "adult_nearby",
        "calm_rest_time",
        "more_outdoor_time",
    ),
    VoiceKind.GUARDIANS: (
        "child_is_safe",
        "child_likes_coming",
        "guardian_views_considered",
        "enough_information",
        "enough_time_to_play",
    ),
}
"""The demo's surveys: one option of each group of the library; five statements."""

MEETING_MONTHS = {2: (9, 3), 3: (9, 3, 5), 4: (9, 12, 3, 5)}
"""The months a period's meetings fall in, by their number: two meetings are the minimum
(the autumn planning and the spring evaluation meeting), a third is May's, a fourth
December's."""

MEETING_COUNTS = (2, 3, 4, 4)
"""How many meetings an older period held; the last two periods, which a director sees first,
hold all four."""

APPROVAL_DELAYS = tuple(range(2, 10))
"""A memo is approved two to nine days after its meeting (on a weekday)."""

CARD_CHANCE = 0.45
"""How likely a period turns one development area of a plan into a result card."""

CHECKPOINT_INTERVAL = dt.timedelta(days=75)

CARD_RESPONSIBLE = {
    PlanType.ACTION_PLAN: Role.DIRECTOR,
    PlanType.ANTI_BULLYING: Role.SPECIAL_NEEDS_TEACHER,
    PlanType.CHILD_PROTECTION: Role.DIRECTOR,
    PlanType.GENDER_EQUALITY: Role.ECEC_STAFF,
    PlanType.NON_DISCRIMINATION: Role.SPECIAL_NEEDS_TEACHER,
    PlanType.SAFETY_RESCUE: Role.ECEC_STAFF,
    PlanType.CUSTOM: Role.PRE_PRIMARY_STAFF,
}
"""Who follows a plan's result card at its checkpoints."""

EVALUATION_METHODS = {
    PlanType.ACTION_PLAN: (EvaluationMethod.DISCUSSION, EvaluationMethod.QUALITY_SELF_EVALUATION),
    PlanType.ANTI_BULLYING: (
        EvaluationMethod.DISCUSSION,
        EvaluationMethod.CHILDREN_INTERVIEWS,
        EvaluationMethod.GUARDIAN_SURVEY,
        EvaluationMethod.OBSERVATION,
    ),
    PlanType.CHILD_PROTECTION: (EvaluationMethod.DISCUSSION, EvaluationMethod.STAFF_SURVEY),
    PlanType.GENDER_EQUALITY: (
        EvaluationMethod.OBSERVATION,
        EvaluationMethod.STAFF_SURVEY,
        EvaluationMethod.CHILDREN_INTERVIEWS,
    ),
    PlanType.NON_DISCRIMINATION: (
        EvaluationMethod.DISCUSSION,
        EvaluationMethod.GUARDIAN_SURVEY,
        EvaluationMethod.OBSERVATION,
    ),
    PlanType.SAFETY_RESCUE: (EvaluationMethod.DISCUSSION, EvaluationMethod.OBSERVATION),
    PlanType.CUSTOM: (
        EvaluationMethod.QUALITY_SELF_EVALUATION,
        EvaluationMethod.CHILDREN_INTERVIEWS,
        EvaluationMethod.OBSERVATION,
    ),
}
"""How each plan is plausibly evaluated; an evaluation uses two of its plan's methods."""

CHECK_ANSWERS = (ChecklistAnswer.YES,) * 14 + (
    ChecklistAnswer.PARTLY,
    ChecklistAnswer.PARTLY,
    ChecklistAnswer.PARTLY,
    ChecklistAnswer.NO,
)
"""Mostly yes: a unit that runs a wellbeing group keeps its plans largely in order."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    periods: int
    meetings: int
    members: int


@dataclass(frozen=True, slots=True)
class _Card:
    id: int
    title: str
    created_on: dt.date
    ends_on: dt.date

    def active_on(self, date: dt.date) -> bool:
        return self.created_on < date <= self.ends_on


def approval_day(meeting_date: dt.date, number: int) -> dt.date:
    """The weekday, two to nine days after the meeting, on which the demo approves the memo
    of its ``number``-th meeting."""
    delay = APPROVAL_DELAYS[(number * 5) % len(APPROVAL_DELAYS)]
    day = meeting_date + dt.timedelta(days=delay)
    if day.weekday() >= 5:
        monday = day + dt.timedelta(days=7 - day.weekday())
        friday = day - dt.timedelta(days=day.weekday() - 4)
        day = monday if (monday - meeting_date).days <= APPROVAL_DELAYS[-1] else friday
    return day


class _DemoWriter:
    def __init__(self, db: Database, language: str, today: dt.date, seed: int) -> None:
        self.db = db
        self.language = language
        self.today = today
        self.seed = seed
        self.random = random.Random(seed)
        self.texts: dict[str, Any] = load_json_resource("demo_texts.json")[language]
        self.theme_texts: dict[str, dict[str, Any]] = {
            entry["theme"]: entry for entry in self.texts["themes"].values() if entry["theme"]
        }
        self.action_texts: dict[str, dict[str, Any]] = {
            action["text"]: action for action in self._all_actions()
        }
        self.meeting_count = 0
        self.member_count = 0
        self.staff: list[MemberView] = []
        self.plan_types: dict[int, PlanType] = {}
        self.checklists: dict[int, list[Any]] = {}
        self.cards: list[_Card] = []
        self.card_entries: dict[tuple[dt.date, PlanType], int] = {}
        self.continued: set[int] = set()
        self.surveys: dict[VoiceKind, surveys.SurveyView] = {}

    def _all_actions(self) -> list[dict[str, Any]]:
        entries = [
            variant
            for theme in self.texts["themes"].values()
            for variant in [*theme["variants"], theme.get("without_cards") or {}]
        ]
        entries += [entry for group in self.texts["other_matters"].values() for entry in group]
        return [action for entry in entries for action in entry.get("actions", ())]

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
        current_start = periods.add_period(self.db, today=self.today).start_date
        first_start = current_start.replace(year=current_start.year - years + 1)
        self._add_staff(first_start)
        self.after_setup(first_start)
        starts = [first_start.replace(year=first_start.year + index) for index in range(years)]
        recent = current_start.replace(year=current_start.year - 1)
        schedule = {start: self._meeting_dates(start, full=start >= recent) for start in starts}
        self.card_entries = self._plan_cards(schedule)
        for index, start in enumerate(starts):
            if start == current_start:
                period = periods.current_period(self.db)
            else:
                period = periods.add_period(self.db, today=start)
            self._write_period(period, index, schedule[start])
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
            if plan_type is PlanType.GENERAL_SUPPORT:
                continue  # a unit adds it when it evaluates its general support
            custom = plan_type is PlanType.CUSTOM
            plan = plans.add_plan(
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
            self.plan_types[plan.id] = plan_type
        self._add_surveys(first_start)

    def _add_surveys(self, first_start: dt.date) -> None:
        """A children's picture survey asked every autumn and a guardians' survey every
        spring, from the shipped library, so that the annual report compares their counts."""
        shipped = surveys.library()
        for kind, keys in DEMO_SURVEYS.items():
            view = surveys.create_survey(
                self.db, surveys.new_survey_input(kind), today=first_start + dt.timedelta(days=40)
            )
            entries = []
            for key in keys:
                option = shipped.option(key)
                entries.append(surveys.ItemInput(None, option.text, option.symbol, option.key))
            self.surveys[kind] = surveys.save_survey(
                self.db, view.id, replace(view.as_input(), items=tuple(entries))
            )

    def _meeting_dates(self, start: dt.date, *, full: bool) -> list[dt.date]:
        """The period's meeting days (weekdays), up to a month after ``today``; all four
        when ``full``."""
        count = random.Random(f"{self.seed}:period:{start.year}").choice(MEETING_COUNTS)
        if full:
            count = max(MEETING_COUNTS)
        dates = []
        for month in MEETING_MONTHS[count]:
            date = dt.date(start.year + (month < 8), month, MEETING_DAYS[month])
            while date.weekday() >= 5:
                date += dt.timedelta(days=1)
            if date > self.today + dt.timedelta(days=30):
                break
            dates.append(date)
        return dates

    def _plan_cards(
        self, schedule: dict[dt.date, list[dt.date]]
    ) -> dict[tuple[dt.date, PlanType], int]:
        """Which plan evaluation turns a development area into a result card, and which of
        the plan's card texts it uses: each text once, the newest periods first, so that
        every card has its own title and the recent periods always have cards."""
        plan_months: dict[int, set[PlanType]] = {}
        for theme in annual_clock.list_themes(self.db):
            if theme.plan_type is not None:
                plan_months.setdefault(theme.month, set()).add(theme.plan_type)
        chosen: list[tuple[dt.date, PlanType]] = []
        for start, dates in schedule.items():
            held = [date for date in dates if date < self.today]
            for plan_type in PlanType:
                evaluated = [d for d in held if plan_type in plan_months.get(d.month, ())]
                rng = random.Random(f"{self.seed}:card:{start.year}:{plan_type.value}")
                if evaluated and rng.random() < CARD_CHANCE:
                    chosen.append((rng.choice(evaluated), plan_type))
        used: Counter[PlanType] = Counter()
        entries: dict[tuple[dt.date, PlanType], int] = {}
        for date, plan_type in sorted(chosen, reverse=True):
            if used[plan_type] < len(self.texts["plan_texts"][plan_type.value]["cards"]):
                entries[date, plan_type] = used[plan_type]
                used[plan_type] += 1
        return entries

    def _add(self, name: str, role: Role, start: dt.date, end: dt.date | None = None) -> MemberView:
        organisation = self.texts["organisations"].get(
            role.value, self.texts["unit"]["name_" + self.language]
        )
        self.member_count += 1
        address = "" if role is Role.GUARDIAN_REPRESENTATIVE else demo_address(name)
        return members.add_member(
            self.db,
            MemberInput(name, role, organisation, address, term_start=start, term_end=end),
        )

    def _add_staff(self, first_start: dt.date) -> None:
        people = self.texts["people"]
        for role in Role:
            if role in (Role.GUARDIAN_REPRESENTATIVE, Role.OTHER_EXPERT):
                continue
            for name in people[role.value]:
                self.staff.append(self._add(name, role, first_start))

    def _write_period(self, period: PeriodView, index: int, dates: list[dt.date]) -> None:
        guardians = self.texts["people"]["guardian_representative"]
        guardian = self._add(
            guardians[index % len(guardians)],
            Role.GUARDIAN_REPRESENTATIVE,
            period.start_date,
            period.end_date,
        )
        for date in dates:
            self._write_meeting(period.id, date, guardian)
        self._write_period_record(period, dates)

    def _write_period_record(self, period: PeriodView, dates: list[dt.date]) -> None:
        """What the group writes for a period's annual report once its last meeting is past:
        the summary (approved in that meeting), the requests to the provider, and the themes
        of the months without a meeting marked handled elsewhere (now and then not at all)."""
        held = [date for date in dates if date < self.today]
        if not held:
            return
        rng = random.Random(f"{self.seed}:record:{period.start_date.year}")
        texts = self.texts["period_record"]
        if held[-1].month in (5, 6) or period.end_date < self.today:
            periods.set_period_texts(
                self.db,
                period.id,
                periods.PeriodTexts(
                    rng.choice(texts["summaries"]).format(count=len(held)),
                    held[-1],
                    rng.choice(texts["requests"]),
                ),
            )
        meeting_months = {date.month for date in dates}
        for theme in annual_clock.list_themes(self.db):
            if theme.month in meeting_months or period_scope.month_still_to_come(
                period, theme.month, self.today
            ):
                continue
            if rng.random() < 0.8:
                annual_clock.set_theme_mark(
                    self.db,
                    theme.id,
                    period.id,
                    ThemeHandling.HANDLED_ELSEWHERE,
                    rng.choice(texts["handled_elsewhere"]),
                )
            else:
                annual_clock.set_theme_mark(self.db, theme.id, period.id, ThemeHandling.NOT_HANDLED)

    def _member(self, rng: random.Random, role: str, guardian: MemberView) -> MemberView:
        if role == Role.GUARDIAN_REPRESENTATIVE.value:
            return guardian
        return rng.choice([m for m in self.staff if m.role.value == role] or self.staff)

    def _write_meeting(self, period_id: int, date: dt.date, guardian: MemberView) -> None:
        db = self.db
        rng = random.Random(f"{self.seed}:meeting:{date.isoformat()}")
        director = next(m for m in self.staff if m.role is Role.DIRECTOR)
        secretary = next(m for m in self.staff if m.role is Role.ECEC_STAFF)
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
        presenters = {
            AgendaItemKind.FOLLOW_UP: secretary,
            AgendaItemKind.THEME: director,
            AgendaItemKind.PLAN_EVALUATION: director,
        }
        for item in memo.agenda:
            if item.kind in presenters:
                agenda.set_item_presenter(db, item.id, presenters[item.kind].id)
        if date >= self.today:
            return  # an upcoming meeting: its agenda is drafted, nothing has been discussed
        present: set[Role] = set()
        for row in memo.attendance:
            roll = rng.random()
            if row.member.id in (director.id, secretary.id) or roll >= 0.18:
                present.add(row.role)
            elif roll < 0.12:
                meetings.set_attendance(db, memo.id, row.member.id, AttendanceStatus.EXCUSED)
            else:
                meetings.set_attendance(db, memo.id, row.member.id, AttendanceStatus.ABSENT)
        for follow_up in memo.follow_ups:
            self._follow_up(rng, memo.id, date, follow_up)
        roles = tuple(role for role in Role if role in present)
        for item in memo.agenda:
            self._write_item(rng, memo, item, roles, guardian)
        self._write_voices(rng, memo.id, date)
        self._write_tallies(memo.id, date)
        approved_on = approval_day(date, self.meeting_count)
        if approved_on < self.today:
            at = dt.time(6 + self.meeting_count % 3, self.meeting_count * 13 % 60, tzinfo=dt.UTC)
            approval.approve_memo(
                db,
                memo.id,
                approved_by=director.name or "",
                approved_at=dt.datetime.combine(approved_on, at),
            )

    def _follow_up(
        self, rng: random.Random, meeting_id: int, date: dt.date, follow_up: FollowUpView
    ) -> None:
        """What became of a carried-over action: done (most often), continued once at most,
        or dropped for the reason its text gives; an action that may not be dropped (an
        evacuation drill, say) has no such reason and is never dropped."""
        action = follow_up.action
        texts = self.action_texts.get(action.text, {})
        due = action.due_date or date
        roll = rng.random()
        if action.id in self.continued:
            outcome = FollowUpOutcome.DROPPED if roll < 0.1 else FollowUpOutcome.DONE
        elif due >= date:
            outcome = FollowUpOutcome.DONE if roll < 0.5 else FollowUpOutcome.CONTINUES
        elif roll < 0.7:
            outcome = FollowUpOutcome.DONE
        elif roll < 0.85:
            outcome = FollowUpOutcome.CONTINUES
        else:
            outcome = FollowUpOutcome.DROPPED
        if outcome is FollowUpOutcome.DROPPED and "dropped" not in texts:
            outcome = FollowUpOutcome.DONE
        if outcome is FollowUpOutcome.CONTINUES:
            self.continued.add(action.id)
            comment = self.texts["follow_up"]["not_due" if due >= date else "late"]
        elif outcome is FollowUpOutcome.DROPPED:
            comment = texts["dropped"]
        else:
            comment = texts.get("done", "")
        actions.record_follow_up(self.db, meeting_id, action.id, outcome, comment)

    def _write_item(
        self,
        rng: random.Random,
        memo: MeetingDetail,
        item: AgendaItemView,
        roles: tuple[Role, ...],
        guardian: MemberView,
    ) -> None:
        date = memo.date
        if item.kind in (AgendaItemKind.THEME, AgendaItemKind.PLAN_EVALUATION):
            entry = self.theme_texts.get(item.theme) or self.texts["themes"]["default"]
            variants = entry["variants"]
            texts = variants[date.year % len(variants)]
            notes, decision = texts["notes"], texts["decision"]
            if entry.get("review_cards"):
                active = [card for card in self.cards if card.active_on(date)]
                if active:
                    notes = notes.format(cards="; ".join(card.title for card in active))
                    for card in active:
                        result_cards.link_card_to_agenda_item(self.db, card.id, item.id)
                else:
                    texts = entry["without_cards"]
                    notes, decision = texts["notes"], texts["decision"]
            if item.plan_id is not None:
                title = self._evaluate(rng, memo.id, item.id, item.plan_id, date, roles)
                if title:
                    decision += " " + self.texts["card_decision"].format(card=title)
        elif item.kind is AgendaItemKind.OTHER_MATTERS:
            group = self.texts["other_matters"]
            options = group.get(str(date.month)) or group["default"]
            texts = options[rng.randrange(len(options))]
            notes, decision = texts["notes"], texts["decision"]
        elif item.kind is AgendaItemKind.COMMUNICATION:
            agenda.set_item_text(self.db, item.id, "notes", rng.choice(self.texts["communication"]))
            return
        elif item.kind is AgendaItemKind.CUSTOM:  # a result card's checkpoint proposed
            agenda.set_item_text(self.db, item.id, "notes", self.texts["checkpoint_item"])
            return
        else:
            return
        agenda.set_item_text(self.db, item.id, "notes", notes)
        if decision:
            agenda.set_item_text(self.db, item.id, "decision", decision)
        for action in texts.get("actions", ()):
            actions.add_action(
                self.db,
                memo.id,
                ActionInput(
                    action["text"],
                    self._member(rng, action["role"], guardian).id,
                    due_date=date + dt.timedelta(days=action["days"]),
                ),
                agenda_item_id=item.id,
            )

    def _write_voices(self, rng: random.Random, meeting_id: int, date: dt.date) -> None:
        for kind in VoiceKind:
            group = self.texts["voices"][kind.value]
            options = group.get(str(date.month)) or group["default"]
            voice = options[rng.randrange(len(options))]
            agenda.set_voice(
                self.db,
                meeting_id,
                kind,
                [VoiceMethod(method) for method in voice["methods"]],
                voice["summary"],
            )

    def _write_tallies(self, meeting_id: int, date: dt.date) -> None:
        """The spring's evaluation meeting counts the children's picture survey and the
        guardians' survey of the winter (with random numbers of their own, so that the rest
        of the demo stays as it was). Over the years the children's choices shift a little,
        so that the annual report has a change to show."""
        if date.month != EVALUATION_MONTH:
            return
        rng = random.Random(f"{self.seed}-{date.isoformat()}")
        years = date.year - self.today.year + 10
        children, guardians = self.surveys[VoiceKind.CHILDREN], self.surveys[VoiceKind.GUARDIANS]
        groups = rng.randint(2, 4)
        respondents = groups * rng.randint(12, 18)
        counts: list[tuple[int, int, int]] = []
        for index, item in enumerate(children.items):
            lean = 0.015 * (years - 5) * (1 if index % 2 else -1)
            share = max(0.05, min(0.6, rng.uniform(0.15, 0.45) + lean))
            counts.append((item.id, surveys.CHOSEN, round(respondents * share)))
        surveys.set_tally(
            self.db,
            meeting_id,
            children.id,
            surveys.TallyInput(groups, respondents, tuple(c for c in counts if c[2])),
        )
        respondents = rng.randint(14, 32)
        counts = []
        for item in guardians.items:
            answered = respondents - rng.randint(0, 3)
            weights = [1, 2, 4, 8 + years % 4, 6 + rng.randint(0, 4)]
            picks = rng.choices(surveys.SCALE, weights=weights, k=answered)
            counts += [(item.id, a, picks.count(a)) for a in surveys.SCALE if picks.count(a)]
        surveys.set_tally(
            self.db, meeting_id, guardians.id, surveys.TallyInput(None, respondents, tuple(counts))
        )

    def _evaluate(
        self,
        rng: random.Random,
        meeting_id: int,
        item_id: int,
        plan_id: int,
        date: dt.date,
        roles: tuple[Role, ...],
    ) -> str:
        """Record the plan item's evaluation and, where the period develops this plan with a
        result card, the card followed up at its checkpoints (values recorded at those
        already past). Returns the new card's title, or ""."""
        plan_type = self.plan_types[plan_id]
        texts = self.texts["plan_texts"][plan_type.value]
        if plan_id not in self.checklists:
            self.checklists[plan_id] = plans.checklist_for_plan(self.db, plan_id, self.language)
        checks = tuple(
            CheckAnswerInput(q.key, q.text, rng.choice(CHECK_ANSWERS))
            for q in self.checklists[plan_id]
        )
        entry = self.card_entries.get((date, plan_type))
        card = None if entry is None else texts["cards"][entry]
        areas = [rng.choice(texts["development_areas"])]
        if card is not None:
            areas.insert(0, card["what"])
        needs_update = rng.random() < 0.2 or any(c.answer is ChecklistAnswer.NO for c in checks)
        evaluation = evaluations.record_evaluation(
            self.db,
            plan_id,
            EvaluationInput(
                date,
                meeting_id=meeting_id,
                agenda_item_id=item_id,
                methods=tuple(rng.sample(EVALUATION_METHODS[plan_type], 2)),
                participant_roles=roles,
                strengths="\n".join(rng.sample(texts["strengths"], 2)),
                development_areas="\n".join(areas),
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
        if card is None:
            return ""
        responsible = self._member(rng, CARD_RESPONSIBLE[plan_type].value, self.staff[0])
        dues = [date + CHECKPOINT_INTERVAL * step for step in range(1, len(card["values"]) + 1)]
        view = result_cards.create_card(
            self.db,
            CardInput(
                card["what"],
                card["current"],
                card["target"],
                card["ideal"],
                card["measures"],
                card["indicator"],
                plan_id=plan_id,
                evaluation_id=evaluation.id,
            ),
            [CheckpointInput(due, responsible_id=responsible.id) for due in dues],
            today=date,
        )
        result_cards.link_card_to_agenda_item(self.db, view.id, item_id)
        for checkpoint, value in zip(view.checkpoints, card["values"], strict=True):
            if checkpoint.due_date < self.today:
                result_cards.record_checkpoint_value(
                    self.db, checkpoint.id, value, checkpoint.due_date
                )
        if dues[-1] < self.today:
            status = (
                ResultCardStatus.REACHED if card["end"] == "reached" else ResultCardStatus.CLOSED
            )
            result_cards.set_card_status(self.db, view.id, status, today=dues[-1])
        self.cards.append(_Card(view.id, card["what"], date, dues[-1]))
        return str(card["what"])


def demo_address(name: str) -> str:
    """A staff member's work address in the reserved ``example`` domain, which reaches no
    one ("aino.ahonen@kunta.example"); the guardians' representative gives none."""
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return ".".join(re.sub(r"[^a-z]+", "", part) for part in plain.split()) + "@kunta.example"


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
