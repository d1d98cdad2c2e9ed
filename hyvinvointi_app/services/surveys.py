"""Surveys of children and guardians, and the counts a meeting records of them.

A children's survey is a picture choice list: one question read aloud and 4–12 options,
each with a picture symbol, that an adult marks for a group of children. A guardians' survey
is 3–8 statements answered on a 1–5 scale, and one open question. Surveys belong to the
unit, so that the same one can be asked again and its results compared over the years.

Only numbers are kept, never who answered: a meeting records how many groups were asked,
how many answered, and how many chose each option or gave each answer. A result answered
by fewer than the unit's minimum (Settings, 5 by default) prints no counts.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import VoiceKind
from hyvinvointi_app.domain.errors import NotFound, ValidationError
from hyvinvointi_app.i18n.translator import N_
from hyvinvointi_app.resources import load_json_resource, resource_path
from hyvinvointi_app.services.change import Change, done, overwritten
from hyvinvointi_app.services.guards import editable_meeting, get_meeting_row
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.models import (
    Meeting,
    Setting,
    Survey,
    SurveyCount,
    SurveyItem,
    SurveyTally,
)

ITEM_LIMITS: dict[VoiceKind, tuple[int, int]] = {
    VoiceKind.CHILDREN: (4, 12),
    VoiceKind.GUARDIANS: (3, 8),
}
"""How many options (children) or statements (guardians) a printable survey has."""
SCALE = (1, 2, 3, 4, 5)
"""The answers to a guardians' statement, from 'fully disagree' to 'fully agree'."""
CHOSEN = 0
"""The answer under which a children's option's count is kept."""
DEFAULT_MIN_ANSWERS = 5
MIN_ANSWERS_SETTING = "survey_min_answers"
MAX_COUNT = 100_000
"""More answers than any unit has: a count above it is a typing slip."""
MAX_TITLE_LENGTH = 500
MAX_ITEM_LENGTH = 300
MAX_LANGUAGE_LENGTH = 60
LANGUAGES = ("fi", "sv", "other")


@dataclass(frozen=True, slots=True)
class Texts:
    """One text in Finnish, Swedish and the unit's other language (empty where not given)."""

    fi: str = ""
    sv: str = ""
    other: str = ""

    def in_language(self, language: str) -> str:
        if language not in LANGUAGES:
            raise ValueError(language)
        text: str = getattr(self, language)
        return text

    def with_text(self, language: str, text: str) -> Texts:
        if language not in LANGUAGES:
            raise ValidationError("language", "unknown")
        return replace(self, **{language: text})


# -- the shipped library --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LibraryOption:
    key: str
    symbol: str
    text: Texts


@dataclass(frozen=True, slots=True)
class LibraryGroup:
    key: str
    title: Texts
    options: tuple[LibraryOption, ...]


@dataclass(frozen=True, slots=True)
class Library:
    """The options and statements shipped to start from (resources/voice_library.json)."""

    children_question: Texts
    children: tuple[LibraryGroup, ...]
    guardians_title: Texts
    guardians_open_question: Texts
    guardians: tuple[LibraryGroup, ...]

    def groups(self, kind: VoiceKind) -> tuple[LibraryGroup, ...]:
        return self.children if kind is VoiceKind.CHILDREN else self.guardians

    def option(self, key: str) -> LibraryOption:
        for group in (*self.children, *self.guardians):
            for option in group.options:
                if option.key == key:
                    return option
        raise NotFound("library_option", key)


def _texts(data: dict[str, str]) -> Texts:
    return Texts(data.get("fi", ""), data.get("sv", ""))


@functools.cache
def library() -> Library:
    data = load_json_resource("voice_library.json")

    def groups(kind: str, options: str) -> tuple[LibraryGroup, ...]:
        return tuple(
            LibraryGroup(
                group["key"],
                _texts(group["title"]),
                tuple(
                    LibraryOption(o["key"], o.get("symbol", ""), _texts(o["text"]))
                    for o in group[options]
                ),
            )
            for group in data[kind]["groups"]
        )

    return Library(
        children_question=_texts(data["children"]["question"]),
        children=groups("children", "options"),
        guardians_title=_texts(data["guardians"]["title"]),
        guardians_open_question=_texts(data["guardians"]["open_question"]),
        guardians=groups("guardians", "statements"),
    )


def library_pictures() -> tuple[tuple[str, Texts], ...]:
    """The pictures of the children's library, each once, with the first option's text that
    uses it (what it shows): the choice of a picture for an option of the group's own."""
    found: dict[str, Texts] = {}
    for group in library().children:
        for option in group.options:
            found.setdefault(option.symbol, option.text)
    return tuple(found.items())


def symbol_path(symbol: str) -> str | None:
    """The picture file of a symbol, if it is one of the shipped ones."""
    if not symbol or not all(c in "0123456789abcdef-" for c in symbol):
        return None
    path = resource_path("symbols", f"{symbol}.png")
    return str(path) if path.is_file() else None


# -- surveys --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemInput:
    id: int | None
    """None for a new option; a removed option's id brings it back with its counts."""
    text: Texts
    symbol: str = ""
    library_key: str = ""


@dataclass(frozen=True, slots=True)
class SurveyInput:
    kind: VoiceKind
    title: Texts
    open_question: Texts = Texts()
    other_language: str = ""
    items: tuple[ItemInput, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemView:
    id: int
    text: Texts
    symbol: str
    library_key: str
    counted: bool
    """Some meeting has recorded answers to it: it can be reworded, not removed."""


@dataclass(frozen=True, slots=True)
class SurveyView:
    id: int
    kind: VoiceKind
    title: Texts
    open_question: Texts
    other_language: str
    items: tuple[ItemView, ...]
    archived: bool
    created_on: dt.date | None
    tallied_in: int
    """How many meetings have recorded its answers."""

    def as_input(self) -> SurveyInput:
        return SurveyInput(
            self.kind,
            self.title,
            self.open_question,
            self.other_language,
            tuple(ItemInput(i.id, i.text, i.symbol, i.library_key) for i in self.items),
        )

    def printable_languages(self) -> tuple[str, ...]:
        """The languages the sheet can be printed in: those whose texts are all written."""
        low, _high = ITEM_LIMITS[self.kind]
        if len(self.items) < low:
            return ()
        needs_open = self.kind is VoiceKind.GUARDIANS
        languages = []
        for language in LANGUAGES:
            if language == "other" and not self.other_language.strip():
                continue
            texts = [self.title, *(i.text for i in self.items)]
            if needs_open:
                texts.append(self.open_question)
            if all(t.in_language(language).strip() for t in texts):
                languages.append(language)
        return tuple(languages)


def _survey(session: Session, survey_id: int) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None:
        raise NotFound("survey", survey_id)
    return survey


def _items(session: Session, survey_id: int) -> Sequence[SurveyItem]:
    return session.scalars(
        select(SurveyItem)
        .where(SurveyItem.survey_id == survey_id)
        .order_by(SurveyItem.position, SurveyItem.id)
    ).all()


def _view(session: Session, survey: Survey) -> SurveyView:
    items = _items(session, survey.id)
    counted = set(
        session.scalars(
            select(SurveyCount.item_id)
            .where(SurveyCount.item_id.in_([i.id for i in items]), SurveyCount.count > 0)
            .distinct()
        )
    )
    tallied = session.scalar(
        select(func.count()).select_from(SurveyTally).where(SurveyTally.survey_id == survey.id)
    )
    return SurveyView(
        id=survey.id,
        kind=survey.kind,
        title=Texts(survey.title_fi, survey.title_sv, survey.title_other),
        open_question=Texts(
            survey.open_question_fi, survey.open_question_sv, survey.open_question_other
        ),
        other_language=survey.other_language,
        items=tuple(
            ItemView(
                i.id,
                Texts(i.text_fi, i.text_sv, i.text_other),
                i.symbol,
                i.library_key,
                i.id in counted,
            )
            for i in items
        ),
        archived=survey.archived,
        created_on=survey.created_on,
        tallied_in=int(tallied or 0),
    )


def _text(field: str, value: str, limit: int) -> str:
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(field, "too_long")
    return value


def _clean_texts(field: str, texts: Texts, limit: int) -> Texts:
    return Texts(*(_text(field, texts.in_language(language), limit) for language in LANGUAGES))


def _apply(session: Session, survey: Survey, data: SurveyInput) -> None:
    _low, high = ITEM_LIMITS[survey.kind]
    if len(data.items) > high:
        raise ValidationError("items", "too_many")
    title = _clean_texts("survey_title", data.title, MAX_TITLE_LENGTH)
    question = _clean_texts("open_question", data.open_question, MAX_TITLE_LENGTH)
    survey.title_fi, survey.title_sv, survey.title_other = title.fi, title.sv, title.other
    survey.open_question_fi, survey.open_question_sv, survey.open_question_other = (
        question.fi,
        question.sv,
        question.other,
    )
    survey.other_language = _text("other_language", data.other_language, MAX_LANGUAGE_LENGTH)
    existing = {item.id: item for item in _items(session, survey.id)}
    kept = {item.id for item in data.items if item.id is not None}
    for item_id, item in existing.items():
        if item_id not in kept:
            if session.scalar(
                select(func.count())
                .select_from(SurveyCount)
                .where(SurveyCount.item_id == item_id, SurveyCount.count > 0)
            ):
                raise ValidationError("items", "counted")
            session.delete(item)
    session.flush()
    placed: list[tuple[int, ItemInput, SurveyItem | None]] = []
    for position, entry in enumerate(data.items):
        row = existing.get(entry.id) if entry.id is not None else None
        if row is None and entry.id is not None and session.get(SurveyItem, entry.id) is None:
            row = SurveyItem(survey_id=survey.id, id=entry.id)  # back with its id
            session.add(row)
        placed.append((position, entry, row))
    session.flush()  # the ids given back first, then the new ones after them
    for position, entry, row in placed:
        text = _clean_texts("survey_item", entry.text, MAX_ITEM_LENGTH)
        if row is None:
            row = SurveyItem(survey_id=survey.id)
            session.add(row)
        row.position = position
        row.text_fi, row.text_sv, row.text_other = text.fi, text.sv, text.other
        row.symbol = entry.symbol if symbol_path(entry.symbol) else ""
        row.library_key = entry.library_key[:80]
    session.flush()


def new_survey_input(kind: VoiceKind) -> SurveyInput:
    """A new survey's texts: the library's question, no options yet."""
    shipped = library()
    if kind is VoiceKind.CHILDREN:
        return SurveyInput(kind, shipped.children_question)
    return SurveyInput(kind, shipped.guardians_title, shipped.guardians_open_question)


def create_survey(
    db: Database, data: SurveyInput, *, today: dt.date | None = None, survey_id: int | None = None
) -> SurveyView:
    with db.transaction() as session:
        survey = Survey(
            id=survey_id, kind=VoiceKind(data.kind), created_on=today or dt.date.today()
        )
        session.add(survey)
        session.flush()
        _apply(session, survey, data)
        return _view(session, survey)


def save_survey(db: Database, survey_id: int, data: SurveyInput) -> SurveyView:
    with db.transaction() as session:
        survey = _survey(session, survey_id)
        _apply(session, survey, replace(data, kind=survey.kind))
        return _view(session, survey)


def get_survey(db: Database, survey_id: int) -> SurveyView:
    with db.reading() as session:
        return _view(session, _survey(session, survey_id))


def list_surveys(
    db: Database, kind: VoiceKind | None = None, *, archived: bool = True
) -> list[SurveyView]:
    """Surveys, newest first; without ``archived``, only those still in use."""
    with db.reading() as session:
        query = select(Survey).order_by(Survey.archived, Survey.id.desc())
        if kind is not None:
            query = query.where(Survey.kind == VoiceKind(kind))
        if not archived:
            query = query.where(Survey.archived.is_(False))
        return [_view(session, s) for s in session.scalars(query)]


def set_archived(db: Database, survey_id: int, archived: bool) -> SurveyView:
    with db.transaction() as session:
        survey = _survey(session, survey_id)
        survey.archived = archived
        session.flush()
        return _view(session, survey)


def remove_survey(db: Database, survey_id: int) -> None:
    """Remove a survey no meeting has recorded; one with results is archived instead."""
    with db.transaction() as session:
        survey = _survey(session, survey_id)
        if _view(session, survey).tallied_in:
            raise ValidationError("survey", "tallied")
        session.delete(survey)


def _restore(db: Database, view: SurveyView) -> SurveyView:
    restored = create_survey(db, view.as_input(), today=view.created_on, survey_id=view.id)
    if view.archived:
        restored = set_archived(db, view.id, True)
    return restored


# -- tallies --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TallyInput:
    groups: int | None
    """Children's groups asked; None for guardians."""
    respondents: int
    counts: tuple[tuple[int, int, int], ...] = ()
    """(item id, answer, count): answer 0 for a children's option, 1–5 for a statement."""

    def count(self, item_id: int, answer: int = CHOSEN) -> int:
        for item, given, count in self.counts:
            if item == item_id and given == answer:
                return count
        return 0


@dataclass(frozen=True, slots=True)
class TallyView:
    """A survey as a meeting counted it."""

    survey: SurveyView
    tally: TallyInput


def _tally_row(session: Session, meeting_id: int, survey_id: int) -> SurveyTally | None:
    return session.scalars(
        select(SurveyTally).where(
            SurveyTally.meeting_id == meeting_id, SurveyTally.survey_id == survey_id
        )
    ).first()


def _tally_input(session: Session, row: SurveyTally) -> TallyInput:
    counts = session.execute(
        select(SurveyCount.item_id, SurveyCount.answer, SurveyCount.count)
        .where(SurveyCount.tally_id == row.id, SurveyCount.count > 0)
        .order_by(SurveyCount.item_id, SurveyCount.answer)
    ).all()
    return TallyInput(row.groups, row.respondents, tuple((i, a, c) for i, a, c in counts))


def tallies_in(session: Session, meeting_id: int) -> tuple[TallyView, ...]:
    """The surveys a meeting recorded, children's first, in the order they were added."""
    rows = session.scalars(
        select(SurveyTally)
        .join(Survey, Survey.id == SurveyTally.survey_id)
        .where(SurveyTally.meeting_id == meeting_id)
        .order_by(Survey.kind, SurveyTally.id)
    ).all()
    return tuple(
        TallyView(_view(session, _survey(session, r.survey_id)), _tally_input(session, r))
        for r in rows
    )


def meeting_tallies(db: Database, meeting_id: int) -> tuple[TallyView, ...]:
    with db.reading() as session:
        get_meeting_row(session, meeting_id)
        return tallies_in(session, meeting_id)


def _count(field: str, value: object) -> None:
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise ValidationError(field, "out_of_range")


def _check_tally(survey: SurveyView, data: TallyInput) -> None:
    _count("respondents", data.respondents)
    if data.groups is not None:
        _count("groups", data.groups)
    items = {i.id for i in survey.items}
    answers = {CHOSEN} if survey.kind is VoiceKind.CHILDREN else set(SCALE)
    per_item: dict[int, int] = {}
    seen: set[tuple[int, int]] = set()
    for item_id, answer, count in data.counts:
        if item_id not in items or answer not in answers or (item_id, answer) in seen:
            raise ValidationError("counts", "unknown_answer")
        seen.add((item_id, answer))
        _count("counts", count)
        per_item[item_id] = per_item.get(item_id, 0) + count
    # each child chooses an option once; each guardian answers a statement once
    if any(total > data.respondents for total in per_item.values()):
        raise ValidationError("counts", "more_than_respondents")


def set_tally(
    db: Database, meeting_id: int, survey_id: int, data: TallyInput | None
) -> TallyInput | None:
    """Record (or, with None, remove) what a meeting counted of a survey."""
    with db.transaction() as session:
        editable_meeting(session, meeting_id)
        survey = _view(session, _survey(session, survey_id))
        row = _tally_row(session, meeting_id, survey_id)
        if data is None:
            if row is not None:
                session.delete(row)
            return None
        _check_tally(survey, data)
        if row is None and survey.archived:
            raise ValidationError("survey", "archived")
        if row is None:
            row = SurveyTally(meeting_id=meeting_id, survey_id=survey_id)
            session.add(row)
        row.groups = data.groups if survey.kind is VoiceKind.CHILDREN else None
        row.respondents = data.respondents
        session.flush()
        for old in session.scalars(select(SurveyCount).where(SurveyCount.tally_id == row.id)):
            session.delete(old)
        session.flush()
        for item_id, answer, count in data.counts:
            if count:
                session.add(
                    SurveyCount(tally_id=row.id, item_id=item_id, answer=answer, count=count)
                )
        session.flush()
        return _tally_input(session, row)


def tally(db: Database, meeting_id: int, survey_id: int) -> TallyInput | None:
    with db.reading() as session:
        row = _tally_row(session, meeting_id, survey_id)
        return None if row is None else _tally_input(session, row)


# -- the unit's minimum of answers ----------------------------------------------------------


def min_answers_in(session: Session) -> int:
    row = session.get(Setting, MIN_ANSWERS_SETTING)
    try:
        value = int(row.value) if row is not None else DEFAULT_MIN_ANSWERS
    except ValueError:
        return DEFAULT_MIN_ANSWERS
    return max(1, value)


def min_answers(db: Database) -> int:
    """Results with fewer answers than this print no counts (Settings; 5 by default)."""
    with db.reading() as session:
        return min_answers_in(session)


def set_min_answers(db: Database, value: int) -> int:
    if not 1 <= value <= 100:
        raise ValidationError("min_answers", "out_of_range")
    with db.transaction() as session:
        session.merge(Setting(key=MIN_ANSWERS_SETTING, value=str(value)))
        return value


def withheld(answered: int, minimum: int) -> bool:
    """Whether a result answered by ``answered`` prints no counts."""
    return answered < minimum


def item_counts(kind: VoiceKind, tally: TallyInput, item_id: int) -> tuple[int, ...]:
    """An option's count of choices (one number) or a statement's counts of the answers 1–5."""
    answers = (CHOSEN,) if kind is VoiceKind.CHILDREN else SCALE
    return tuple(tally.count(item_id, answer) for answer in answers)


def answered(kind: VoiceKind, tally: TallyInput, item_id: int) -> int:
    """How many answered an option's question (every child asked) or one statement."""
    if kind is VoiceKind.CHILDREN:
        return tally.respondents
    return sum(item_counts(kind, tally, item_id))


def shown_counts(
    kind: VoiceKind, tally: TallyInput, item_id: int, minimum: int
) -> tuple[int, ...] | None:
    """The counts a document may print of an option or statement, or None where fewer than
    ``minimum`` answered (the whole survey, or that statement): the one rule every document
    and the bundle follow."""
    if withheld(tally.respondents, minimum) or withheld(answered(kind, tally, item_id), minimum):
        return None
    return item_counts(kind, tally, item_id)


def shown_total(
    kind: VoiceKind, tallies: Iterable[TallyInput], item_ids: Sequence[int], minimum: int
) -> TallyInput:
    """Several meetings' counts added up from what the documents show of each: a count
    withheld at its meeting is left out of the total too, so that no total less a shown
    count gives back what was withheld."""
    shown = []
    for tally in tallies:
        if withheld(tally.respondents, minimum):
            continue
        counts = []
        for item_id in item_ids:
            numbers = shown_counts(kind, tally, item_id, minimum)
            answers = (CHOSEN,) if kind is VoiceKind.CHILDREN else SCALE
            if numbers is not None:
                counts += [(item_id, a, n) for a, n in zip(answers, numbers, strict=True) if n]
        shown.append(TallyInput(tally.groups, tally.respondents, tuple(counts)))
    return added_up(shown)


# -- the user's actions, each one undo step -------------------------------------------------


def create_survey_undoably(db: Database, kind: VoiceKind) -> Change[SurveyView]:
    view = create_survey(db, new_survey_input(kind))
    return Change(
        N_("new survey"),
        view,
        undo=lambda: remove_survey(db, view.id),
        redo=lambda: _restore(db, view),
    )


def save_survey_undoably(db: Database, survey_id: int, data: SurveyInput) -> Change[SurveyView]:
    """Save a survey whole; redo writes it as it was stored, so that options added come back
    with the same ids (their counts in later steps refer to them)."""
    before = get_survey(db, survey_id).as_input()
    value = save_survey(db, survey_id, replace(data, kind=before.kind))
    stored = value.as_input()
    if stored == before:
        return Change.nothing(N_("edit survey"), value)
    return Change(
        N_("edit survey"),
        value,
        undo=lambda: save_survey(db, survey_id, before),
        redo=lambda: save_survey(db, survey_id, stored),
        states=(before, stored),
    )


def set_survey_text_undoably(
    db: Database, survey_id: int, field: str, language: str, text: str
) -> Change[SurveyView]:
    """Save one text of a survey (its title, open question or other language's name)."""
    data = get_survey(db, survey_id).as_input()
    if field == "title":
        data = replace(data, title=data.title.with_text(language, text))
    elif field == "open_question":
        data = replace(data, open_question=data.open_question.with_text(language, text))
    elif field == "other_language":
        data = replace(data, other_language=text)
    else:
        raise ValidationError(field, "unknown_field")
    return save_survey_undoably(db, survey_id, data)


def set_item_text_undoably(
    db: Database, survey_id: int, item_id: int, language: str, text: str
) -> Change[SurveyView]:
    data = get_survey(db, survey_id).as_input()
    items = tuple(
        replace(i, text=i.text.with_text(language, text)) if i.id == item_id else i
        for i in data.items
    )
    return save_survey_undoably(db, survey_id, replace(data, items=items))


def set_item_symbol_undoably(
    db: Database, survey_id: int, item_id: int, symbol: str
) -> Change[SurveyView]:
    """Give an option a picture of the library ("" for none)."""
    data = get_survey(db, survey_id).as_input()
    items = tuple(replace(i, symbol=symbol) if i.id == item_id else i for i in data.items)
    change = save_survey_undoably(db, survey_id, replace(data, items=items))
    return replace(change, label=N_("change option picture"))


def add_items_undoably(
    db: Database, survey_id: int, entries: Iterable[ItemInput]
) -> Change[SurveyView]:
    data = get_survey(db, survey_id).as_input()
    label = N_("add survey options")
    change = save_survey_undoably(db, survey_id, replace(data, items=data.items + tuple(entries)))
    return replace(change, label=label)


def remove_item_undoably(db: Database, survey_id: int, item_id: int) -> Change[SurveyView]:
    data = get_survey(db, survey_id).as_input()
    items = tuple(i for i in data.items if i.id != item_id)
    return replace(
        save_survey_undoably(db, survey_id, replace(data, items=items)),
        label=N_("remove survey option"),
    )


def move_item_undoably(db: Database, survey_id: int, item_id: int, step: int) -> Change[SurveyView]:
    data = get_survey(db, survey_id).as_input()
    items = list(data.items)
    index = next((n for n, i in enumerate(items) if i.id == item_id), None)
    if index is None:
        raise NotFound("survey_item", item_id)
    target = max(0, min(len(items) - 1, index + step))
    items.insert(target, items.pop(index))
    change = save_survey_undoably(db, survey_id, replace(data, items=tuple(items)))
    return replace(change, label=N_("move survey option"))


def remove_survey_undoably(db: Database, survey_id: int) -> Change[None]:
    view = get_survey(db, survey_id)
    return done(
        N_("remove survey"), lambda: remove_survey(db, survey_id), lambda: _restore(db, view)
    )


def set_archived_undoably(db: Database, survey_id: int, archived: bool) -> Change[SurveyView]:
    before = get_survey(db, survey_id).archived
    return done(
        N_("archive survey") if archived else N_("bring survey back into use"),
        lambda: set_archived(db, survey_id, archived),
        lambda: set_archived(db, survey_id, before),
    )


def set_tally_undoably(
    db: Database, meeting_id: int, survey_id: int, data: TallyInput | None
) -> Change[TallyInput | None]:
    before = tally(db, meeting_id, survey_id)
    label = N_("record survey results") if data is not None else N_("remove survey results")
    return overwritten(
        label,
        lambda d: set_tally(db, meeting_id, survey_id, d),
        before,
        data,
        lambda stored: stored,
    )


# -- a period's results, for the annual report ----------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingTally:
    meeting_number: int
    date: dt.date
    tally: TallyInput


@dataclass(frozen=True, slots=True)
class SurveyInPeriod:
    """A survey's counts in one period's held meetings, and in the previous period's, to
    compare with."""

    survey: SurveyView
    meetings: tuple[MeetingTally, ...]
    """This period's meetings that recorded it, oldest first."""
    previous: tuple[TallyInput, ...]
    """The previous period's held meetings' counts; empty when it recorded none."""
    previous_label: str
    min_answers: int

    def _added(self, tallies: Iterable[TallyInput]) -> TallyInput:
        ids = [item.id for item in self.survey.items]
        return shown_total(self.survey.kind, tallies, ids, self.min_answers)

    @property
    def total(self) -> TallyInput:
        """This period's counts added up, of what the documents show (:func:`shown_total`)."""
        return self._added(m.tally for m in self.meetings)

    @property
    def previous_total(self) -> TallyInput | None:
        """The previous period's counts added up likewise; None when it recorded none."""
        return self._added(self.previous) if self.previous else None


def added_up(tallies: Iterable[TallyInput]) -> TallyInput:
    """Several meetings' counts as one: groups, respondents and each answer's count summed."""
    groups: int | None = None
    respondents = 0
    counts: dict[tuple[int, int], int] = {}
    for tally in tallies:
        if tally.groups is not None:
            groups = (groups or 0) + tally.groups
        respondents += tally.respondents
        for item_id, answer, count in tally.counts:
            counts[(item_id, answer)] = counts.get((item_id, answer), 0) + count
    return TallyInput(groups, respondents, tuple((i, a, c) for (i, a), c in sorted(counts.items())))


def _tallies_of(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[MeetingTally]]:
    """The counts recorded in these meetings, by survey, oldest meeting first; a survey
    added to a meeting with nobody counted yet is none."""
    query = (
        select(SurveyTally, Meeting.number, Meeting.date)
        .join(Meeting, Meeting.id == SurveyTally.meeting_id)
        .where(Meeting.id.in_(meeting_ids), SurveyTally.respondents > 0)
        .order_by(Meeting.date, Meeting.id)
    )
    found: dict[int, list[MeetingTally]] = {}
    for row, number, day in session.execute(query):
        tally = MeetingTally(number, day, _tally_input(session, row))
        found.setdefault(row.survey_id, []).append(tally)
    return found


def surveys_in_period(
    db: Database,
    meeting_ids: Sequence[int],
    previous_meeting_ids: Sequence[int] = (),
    previous_label: str = "",
) -> tuple[SurveyInPeriod, ...]:
    """The surveys counted in ``meeting_ids`` (a period's held meetings), children's first,
    each with its counts in the previous period's held meetings."""
    with db.reading() as session:
        this = _tallies_of(session, meeting_ids)
        before = _tallies_of(session, previous_meeting_ids)
        minimum = min_answers_in(session)
        views = [_view(session, _survey(session, survey_id)) for survey_id in this]
        views.sort(key=lambda v: (v.kind != VoiceKind.CHILDREN, v.id))
        return tuple(
            SurveyInPeriod(
                view,
                tuple(this[view.id]),
                tuple(m.tally for m in before.get(view.id, ())),
                previous_label,
                minimum,
            )
            for view in views
        )
