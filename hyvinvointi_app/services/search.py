"""One search across everything the group has written, in Finnish and Swedish word forms.

The index (``search_index``, see ``store/migrations.py``) holds each text under a rowid that
says where it came from (memo items, actions and their follow-ups, voice items, meetings'
places and lists, plans, evaluations, result cards and checkpoints, the annual clock, the
period's summary and requests, surveys), with the word-form key of each word beside it.
Triggers keep it in step, so this module only reads.

A word typed matches a text

1. as typed, at the start of a word of the text (``kiusaa`` finds ``kiusaamista``): these
   results come first;
2. through its word form: its key (``turvallisuudesta`` → ``turvallisuus``, in Finnish and in
   Swedish, since a query does not say its language) equals a word's key, or begins it (the
   first part of a compound, keys of 6 letters or more) or ends it (the last part, 4 or more:
   ``suunnitelma`` finds ``turvallisuussuunnitelmassa``); typed without ä, ö and å it also
   matches the keys with them folded.

Every word must match. What the user types is never passed to FTS5 as syntax: each word
becomes quoted terms, so quotes, ``AND``/``OR``/``NOT``, ``*`` and parentheses are ordinary
text and a query can never raise.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hyvinvointi_app.domain import wordforms
from hyvinvointi_app.domain.enums import AgendaItemKind, MeetingStatus, SearchKind, VoiceKind
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.migrations import (
    SEARCH_FIELDS,
    SEARCH_ROWID_STRIDE,
    SEARCH_TABLE,
    refill_search_index,
)
from hyvinvointi_app.store.stored_dates import parse_stored_date

DEFAULT_LIMIT = 100
"""More results than a person reads; the rest are counted, not fetched."""

SNIPPET_WORDS = 14
"""Words in a snippet."""

FORM_PREFIX_LENGTH = 6
"""A key this long or longer also finds the keys it begins (a compound by its first part)."""

FORM_SUFFIX_LENGTH = 4
"""A key this long or longer also finds the keys it ends (a compound by its last part)."""

_ELLIPSIS = "…"
_NORDIC = re.compile("[äöå]")


class SearchField(StrEnum):
    """Which text matched."""

    TITLE = "title"
    NOTES = "notes"
    DECISION = "decision"
    THEME = "theme"
    ACTION = "action"
    VOICE = "voice"
    FOLLOW_UP = "follow_up"
    PLACE = "place"
    DISTRIBUTION = "distribution"
    ATTACHMENTS = "attachments"
    PLAN_NAME = "plan_name"
    CURRENT_STATE = "current_state"
    STRENGTHS = "strengths"
    DEVELOPMENT_AREAS = "development_areas"
    CHECK_NOTE = "check_note"
    WHAT_TO_CHANGE = "what_to_change"
    TARGET_STATE = "target_state"
    IDEAL_STATE = "ideal_state"
    MEASURES = "measures"
    INDICATOR = "indicator"
    CHECKPOINT_NOTE = "checkpoint_note"
    CLOCK_THEME = "clock_theme"
    THEME_MARK_NOTE = "theme_mark_note"
    SUMMARY = "summary"
    PROVIDER_REQUESTS = "provider_requests"
    SURVEY_TITLE = "survey_title"
    OPEN_QUESTION = "open_question"
    SURVEY_ITEM = "survey_item"


_F, _K = SearchField, SearchKind
FIELDS: dict[int, tuple[SearchKind, SearchField]] = {
    1: (_K.MEMO, _F.TITLE),
    2: (_K.MEMO, _F.NOTES),
    3: (_K.MEMO, _F.DECISION),
    4: (_K.ACTION, _F.ACTION),
    5: (_K.MEMO, _F.VOICE),
    6: (_K.ACTION, _F.FOLLOW_UP),
    7: (_K.MEMO, _F.THEME),
    8: (_K.MEMO, _F.PLACE),
    9: (_K.MEMO, _F.DISTRIBUTION),
    10: (_K.MEMO, _F.ATTACHMENTS),
    11: (_K.PLAN, _F.PLAN_NAME),
    12: (_K.EVALUATION, _F.CURRENT_STATE),
    13: (_K.EVALUATION, _F.STRENGTHS),
    14: (_K.EVALUATION, _F.DEVELOPMENT_AREAS),
    15: (_K.EVALUATION, _F.CHECK_NOTE),
    16: (_K.CARD, _F.WHAT_TO_CHANGE),
    17: (_K.CARD, _F.CURRENT_STATE),
    18: (_K.CARD, _F.TARGET_STATE),
    19: (_K.CARD, _F.IDEAL_STATE),
    20: (_K.CARD, _F.MEASURES),
    21: (_K.CARD, _F.INDICATOR),
    22: (_K.CARD, _F.CHECKPOINT_NOTE),
    23: (_K.CLOCK, _F.CLOCK_THEME),
    24: (_K.CLOCK, _F.THEME_MARK_NOTE),
    25: (_K.PERIOD, _F.SUMMARY),
    26: (_K.PERIOD, _F.PROVIDER_REQUESTS),
    27: (_K.SURVEY, _F.SURVEY_TITLE),
    28: (_K.SURVEY, _F.SURVEY_TITLE),
    29: (_K.SURVEY, _F.SURVEY_TITLE),
    30: (_K.SURVEY, _F.OPEN_QUESTION),
    31: (_K.SURVEY, _F.OPEN_QUESTION),
    32: (_K.SURVEY, _F.OPEN_QUESTION),
    33: (_K.SURVEY, _F.SURVEY_ITEM),
    34: (_K.SURVEY, _F.SURVEY_ITEM),
    35: (_K.SURVEY, _F.SURVEY_ITEM),
}
"""Field code of the index (``store.migrations.SEARCH_FIELDS``) → what it is."""
assert FIELDS.keys() == SEARCH_FIELDS.keys()


@dataclass(frozen=True, slots=True)
class SnippetPart:
    text: str
    match: bool
    """True for a part that matched a searched word (shown bold)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching text: what it belongs to, when, and the words around the match."""

    kind: SearchKind
    field: SearchField
    source_id: int
    """The row of the field's table (agenda item, action, evaluation, card, theme…)."""
    owner_id: int | None
    """What to open besides the meeting: the plan of a plan or evaluation (the evaluation is
    ``source_id``, or the evaluation of a checklist note is ``detail_id``), the card of a card
    or checkpoint, the theme of a clock text, the survey of a survey text, the period of a
    period's text."""
    detail_id: int | None
    """The evaluation of a checklist note, the checkpoint's card…: see :data:`owner_id`."""
    date: dt.date | None
    period_id: int | None
    period_label: str
    title: str
    """What the text belongs to: the agenda item's title, the plan's name, the card's goal,
    the theme, the survey's title; empty when the text is itself the title."""
    meeting_id: int | None
    meeting_number: int | None
    meeting_status: MeetingStatus | None
    item_id: int | None
    """The agenda item to open in the meeting; None for a text of the meeting itself."""
    word_form: bool
    """Found only through a word form (ranked after the texts that hold the typed words)."""
    snippet: tuple[SnippetPart, ...]
    match: tuple[int, int]
    """Where in the text the first matching word is: its first and its past-last character."""
    memo_field: str | None
    """For a text of a memo, where the meeting editor finds it: a key of
    ``services.approval.memo_fields`` (``item:12:notes``, ``action:3:text``, ``place`` …)."""

    def snippet_html(self) -> str:
        """The snippet as rich text: typed text escaped, matched words in bold."""
        return parts_to_html(self.snippet)

    @property
    def snippet_text(self) -> str:
        return "".join(part.text for part in self.snippet)


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[SearchHit, ...]
    total: int
    """How many texts matched; more than ``len(hits)`` when the limit cut the list."""


def parts_to_html(parts: tuple[SnippetPart, ...]) -> str:
    return "".join(
        f"<b>{html.escape(part.text)}</b>" if part.match else html.escape(part.text)
        for part in parts
    )


# -- the query ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    typed: str
    keys: frozenset[str]
    """The word's keys in Finnish and Swedish, folded when the word was typed without ä, ö
    and å; empty for a word too short for word forms."""
    folded: bool

    def terms(self) -> str:
        """FTS5 terms for this word, any of which matches."""
        terms = [f'text : "{self.typed}"*']
        for key in sorted(self.keys):
            terms.append(f'keys : "{key}"')
            if self.folded:
                terms.append(f'folded : "{key}"')
            if len(key) >= FORM_PREFIX_LENGTH:
                terms.append(f'keys : "{key}"*')
                if self.folded:
                    terms.append(f'folded : "{key}"*')
            if len(key) >= FORM_SUFFIX_LENGTH:
                terms.append(f'heads : "{wordforms.fold(key)[::-1]}"*')
        return "(" + " OR ".join(terms) + ")"

    def matches(self, token: str, token_key: str) -> bool:
        """Whether a word of a text (lower case), with its key in the index, matches this
        word as the index matched it."""
        if token.startswith(self.typed):
            return True
        if not self.keys:
            return False
        candidates = {token_key}
        if self.folded:
            candidates = {wordforms.fold(token_key)}
            if _NORDIC.search(token):
                bare = wordforms.fold(token)
                candidates |= {
                    wordforms.fold(wordforms.key(bare, lang)) for lang in wordforms.LANGUAGES
                }
        for key in self.keys:
            for candidate in candidates:
                if candidate == key:
                    return True
                if len(key) >= FORM_PREFIX_LENGTH and candidate.startswith(key):
                    return True
                if len(key) >= FORM_SUFFIX_LENGTH and wordforms.fold(candidate).endswith(
                    wordforms.fold(key)
                ):
                    return True
        return False


class _Matcher:
    """Whether a word of a text matches any searched word; remembered for each word, as the
    texts of one search share most of theirs."""

    def __init__(self, found: list[_Word]) -> None:
        self._found = found
        self._seen: dict[tuple[str, str], bool] = {}

    def __call__(self, token: str, token_key: str) -> bool:
        seen = self._seen.get((token, token_key))
        if seen is None:
            seen = any(word.matches(token, token_key) for word in self._found)
            self._seen[(token, token_key)] = seen
        return seen


def query_words(user_text: str) -> list[_Word]:
    """The words of what the user typed, each once, with its keys in Finnish and Swedish."""
    found = []
    composed = unicodedata.normalize("NFC", user_text)  # as the index holds the texts
    for typed in dict.fromkeys(wordforms.words(composed)):
        keys: frozenset[str] = frozenset()
        folded = not _NORDIC.search(typed)
        if len(typed) >= wordforms.SHORTEST_INFLECTED and typed.isalpha():
            keys = frozenset(wordforms.key(typed, language) for language in wordforms.LANGUAGES)
            if folded:
                keys = frozenset(wordforms.fold(k) for k in keys)
        found.append(_Word(typed, keys, folded))
    return found


def fts_queries(found: list[_Word]) -> tuple[str, str]:
    """The FTS5 queries for the words the user typed (see :func:`query_words`): (the typed words
    only, every way to match); ``("", "")`` for no words."""
    typed = " AND ".join(f'text : "{word.typed}"*' for word in found)
    every = " AND ".join(word.terms() for word in found)
    return typed, every


# -- the search -----------------------------------------------------------------------------


def search(
    db: Database,
    user_text: str,
    *,
    limit: int = DEFAULT_LIMIT,
    kinds: Collection[SearchKind] = (),
    period_id: int | None = None,
) -> SearchResult:
    """The texts matching every word of ``user_text``: those that hold the typed words first,
    then those found through word forms; the ``limit`` most relevant are fetched, each of the
    two newest first. ``kinds`` and ``period_id`` narrow the search (none: everything)."""
    found = query_words(user_text)
    if not found:
        return SearchResult(user_text, (), 0)
    typed_query, every_query = fts_queries(found)
    codes = [code for code, (kind, _f) in FIELDS.items() if not kinds or kind in kinds]
    where = f"{SEARCH_TABLE} MATCH :q AND rowid % {SEARCH_ROWID_STRIDE} IN ({_list(codes)})"
    columns = f"rowid, text, keys FROM {SEARCH_TABLE} WHERE {where}"
    fetch = limit if period_id is None else -1  # a period is known only once placed
    with db.reading() as session:
        run = session.execute
        total = run(text(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {where}"), {"q": every_query})
        total_count = int(total.scalar_one())
        rows = [
            (*row, False)
            for row in run(
                text(f"SELECT {columns} ORDER BY rank LIMIT :n"), {"q": typed_query, "n": fetch}
            )
        ]
        if typed_query != every_query and (fetch < 0 or len(rows) < fetch):
            rows += [
                (*row, True)
                for row in run(
                    text(
                        f"SELECT {columns} AND rowid NOT IN (SELECT rowid FROM {SEARCH_TABLE}"
                        f" WHERE {SEARCH_TABLE} MATCH :typed) ORDER BY rank LIMIT :n"
                    ),
                    {"q": every_query, "typed": typed_query, "n": fetch - len(rows)},
                )
            ]
        hits = _Places(session).hits(rows, found, period_id)
    if period_id is not None:
        total_count = len(hits)
    shown = sorted(hits[:limit], key=_newest_first)
    shown.sort(key=lambda hit: hit.word_form)
    return SearchResult(user_text, tuple(shown), total_count)


def _newest_first(hit: SearchHit) -> tuple[int, int]:
    """Newest first, the dateless (the clock's themes) last; within a meeting, by item."""
    return (-(hit.date or dt.date.min).toordinal(), -(hit.item_id or 0))


def rebuild_index(db: Database) -> int:
    """Build the search index anew from every text, in one transaction; the number of texts
    indexed. For an index that is out of step (``hyvinvointi check`` says so)."""
    with db.transaction() as session:
        connection = session.connection()
        for statement in refill_search_index():
            connection.exec_driver_sql(statement)
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {SEARCH_TABLE}").scalar_one())


def result_as_json(result: SearchResult) -> dict[str, Any]:
    """The result for scripts (``hyvinvointi search --json``): every hit's kind, field, date,
    period, title, what to open, and snippet (matched words as separate parts)."""
    return {
        "query": result.query,
        "total": result.total,
        "hits": [
            {
                "kind": hit.kind.value,
                "field": hit.field.value,
                "date": hit.date.isoformat() if hit.date else None,
                "period": hit.period_label or None,
                "title": hit.title,
                "meeting": hit.meeting_number,
                "word_form": hit.word_form,
                "snippet": hit.snippet_text,
                "matches": [part.text for part in hit.snippet if part.match],
                "open": {
                    "source_id": hit.source_id,
                    "owner_id": hit.owner_id,
                    "detail_id": hit.detail_id,
                    "meeting_id": hit.meeting_id,
                    "item_id": hit.item_id,
                },
            }
            for hit in result.hits
        ],
    }


def _list(numbers: Iterable[int]) -> str:
    return ", ".join(str(int(n)) for n in numbers) or "NULL"


# -- the snippet ----------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_KEY = re.compile(r"\S+")


def snippet(
    source: str, keys: str, is_match: _Matcher
) -> tuple[tuple[SnippetPart, ...], tuple[int, int]]:
    """The words of ``source`` around its first match, every matching word marked (line
    breaks become spaces), and where the first match is in ``source``. ``keys`` are the
    index's keys of its words, one per word (see :func:`wordforms.words`). Reads the text
    only as far as the snippet's last word."""
    tokens: list[re.Match[str]] = []
    marks: list[bool] = []
    first: int | None = None
    whole = True
    for token, token_key in zip(wordforms.WORD.finditer(source), _KEY.finditer(keys), strict=False):
        if first is not None and len(tokens) >= first + SNIPPET_WORDS:
            whole = False  # the words after the snippet's are not needed
            break
        tokens.append(token)
        marks.append(is_match(token.group().lower(), token_key.group()))
        if marks[-1] and first is None:
            first = len(tokens) - 1
    if not tokens:
        return (SnippetPart(_SPACES.sub(" ", source), False),), (0, 0)
    start = max(0, (first or 0) - 3)  # no match marked (a word the rules read apart): the start
    if whole:
        start = max(0, min(start, len(tokens) - SNIPPET_WORDS))
    end = min(len(tokens), start + SNIPPET_WORDS)
    pieces: list[tuple[str, bool]] = [(_ELLIPSIS, False)] if start else []
    position = tokens[start].start() if start else 0
    for index in range(start, end):
        token = tokens[index]
        pieces.append((source[position : token.start()], False))
        pieces.append((token.group(), marks[index]))
        position = token.end()
    pieces.append((source[position:] if whole and end == len(tokens) else " " + _ELLIPSIS, False))
    parts: list[SnippetPart] = []
    for piece, match in pieces:
        if not piece.isprintable() or "  " in piece:  # line breaks, tabs, runs of spaces
            piece = _SPACES.sub(" ", piece)
        if not piece:
            continue
        if parts and not match and not parts[-1].match:
            parts[-1] = SnippetPart(parts[-1].text + piece, False)
        else:
            parts.append(SnippetPart(piece, match))
    found = tokens[first] if first is not None else None
    return tuple(parts), (found.start(), found.end()) if found else (0, 0)


# -- where each text belongs ----------------------------------------------------------------

_ITEM_FIELDS = (SearchField.TITLE, SearchField.NOTES, SearchField.DECISION, SearchField.THEME)
_MEETING_FIELDS = (SearchField.PLACE, SearchField.DISTRIBUTION, SearchField.ATTACHMENTS)


def _memo_field(field: SearchField, source_id: int, extra: Any) -> str | None:
    """The key of ``services.approval.memo_fields`` of a memo's text, else None; ``extra`` is
    a voice item's kind, or the action of a follow-up recorded between meetings."""
    if field in _ITEM_FIELDS:
        return f"item:{source_id}:{field.value}"
    if field in _MEETING_FIELDS:
        return field.value
    return {
        SearchField.ACTION: f"action:{source_id}:text",
        SearchField.FOLLOW_UP: (
            f"action:{extra}:text" if extra is not None else f"follow_up:{source_id}:comment"
        ),
        SearchField.VOICE: f"voice:{extra}:summary",
    }.get(field)


_KIND_ITEM = (
    "(SELECT a.{column} FROM agenda_item a WHERE a.meeting_id = s.meeting_id AND a.kind = {kind}"
    " ORDER BY a.position LIMIT 1)"
)
_VOICE_KIND = (
    f"CASE s.kind WHEN '{VoiceKind.CHILDREN}' THEN '{AgendaItemKind.CHILDREN_VOICE}'"
    f" ELSE '{AgendaItemKind.GUARDIANS_VOICE}' END"
)
_VOICE_ITEM = _KIND_ITEM.format(column="{column}", kind=_VOICE_KIND)
_FOLLOW_UP_ITEM = _KIND_ITEM.format(column="{column}", kind=f"'{AgendaItemKind.FOLLOW_UP}'")
_SURVEY_TITLE = "CASE WHEN v.title_fi <> '' THEN v.title_fi ELSE v.title_sv END"

_PLACES: dict[str, str] = {
    "agenda_item": "s.title, m.date, m.period_id, m.id, s.id, NULL, NULL, NULL FROM agenda_item s"
    " JOIN meeting m ON m.id = s.meeting_id",
    "action_item": "a.title, m.date, m.period_id, m.id, s.agenda_item_id, NULL, NULL"
    ", NULL FROM action_item s JOIN meeting m ON m.id = s.meeting_id"
    " LEFT JOIN agenda_item a ON a.id = s.agenda_item_id",
    "voice_record": f"{_VOICE_ITEM.format(column='title')}, m.date, m.period_id, m.id,"
    f" {_VOICE_ITEM.format(column='id')}, NULL, NULL"
    ", s.kind FROM voice_record s JOIN meeting m ON m.id = s.meeting_id",
    # A follow-up recorded between meetings opens its action in the action's meeting.
    "action_follow_up": f"coalesce({_FOLLOW_UP_ITEM.format(column='title')}, i.title), m.date,"
    f" m.period_id, m.id, coalesce({_FOLLOW_UP_ITEM.format(column='id')}, a.agenda_item_id),"
    " a.id, NULL, CASE WHEN s.meeting_id IS NULL THEN a.id END FROM action_follow_up s"
    " JOIN action_item a ON a.id = s.action_id"
    " JOIN meeting m ON m.id = coalesce(s.meeting_id, a.meeting_id)"
    " LEFT JOIN agenda_item i ON i.id = a.agenda_item_id",
    "meeting": "NULL, s.date, s.period_id, s.id, NULL, NULL, NULL, NULL FROM meeting s",
    "plan": "NULL, s.approved_on, NULL, NULL, NULL, s.id, NULL, NULL FROM plan s",
    "plan_evaluation": "p.name, s.date, NULL, s.meeting_id, s.agenda_item_id, p.id, s.id"
    ", NULL FROM plan_evaluation s JOIN plan p ON p.id = s.plan_id",
    "evaluation_check": "p.name, e.date, NULL, e.meeting_id, e.agenda_item_id, p.id, e.id"
    ", NULL FROM evaluation_check s JOIN plan_evaluation e ON e.id = s.evaluation_id"
    " JOIN plan p ON p.id = e.plan_id",
    "result_card": "NULL, s.created_on, NULL, NULL, NULL, s.id, NULL, NULL FROM result_card s",
    "checkpoint": "c.what_to_change, s.due_date, NULL, NULL, NULL, c.id, s.id"
    ", NULL FROM checkpoint s JOIN result_card c ON c.id = s.card_id",
    "clock_theme": "NULL, NULL, NULL, NULL, NULL, s.id, NULL, NULL FROM clock_theme s",
    "theme_mark": "t.title, NULL, s.period_id, NULL, NULL, t.id, s.id, NULL FROM theme_mark s"
    " JOIN clock_theme t ON t.id = s.theme_id",
    "operating_period": "NULL, NULL, s.id, NULL, NULL, s.id, NULL, NULL FROM operating_period s",
    "survey": "NULL, s.created_on, NULL, NULL, NULL, s.id, NULL, NULL FROM survey s",
    "survey_item": f"{_SURVEY_TITLE}, v.created_on, NULL, NULL, NULL, v.id, s.id"
    ", NULL FROM survey_item s JOIN survey v ON v.id = s.survey_id",
}
"""Source table → the place of its rows (``s``): the title of what the text belongs to, the
date, the period (else found from the date), the meeting and agenda item to open, the owner
and the detail (see :class:`SearchHit`), and a voice item's kind."""
assert {table for table, _c, _l in SEARCH_FIELDS.values()} == _PLACES.keys()


class _Places:
    """Finds where the matching texts belong, one query per source table."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def hits(self, rows: list[Any], found: list[_Word], period_id: int | None) -> list[SearchHit]:
        """The rows placed (those of ``period_id`` only, if given), with their snippets."""
        is_match = _Matcher(found)
        wanted: dict[str, set[int]] = {}
        for rowid, *_rest in rows:
            table = SEARCH_FIELDS[rowid % SEARCH_ROWID_STRIDE][0]
            wanted.setdefault(table, set()).add(rowid // SEARCH_ROWID_STRIDE)
        places: dict[tuple[str, int], tuple[Any, ...]] = {}
        for table, ids in wanted.items():
            for source_id, *columns in self._session.execute(
                text(f"SELECT s.id, {_PLACES[table]} WHERE s.id IN ({_list(ids)})")
            ):
                places[(table, source_id)] = tuple(columns)
        periods = self._session.execute(
            text("SELECT id, label, start_date, end_date FROM operating_period ORDER BY start_date")
        ).all()
        labels = {period_id: label for period_id, label, _s, _e in periods}
        meetings = {
            meeting_id: (number, MeetingStatus(status))
            for meeting_id, number, status in self._session.execute(
                text(
                    "SELECT id, number, status FROM meeting WHERE id IN"
                    f" ({_list({p[3] for p in places.values() if p[3] is not None})})"
                )
            )
        }

        def period_of(day: dt.date | None) -> int | None:
            for period_id, _label, start, end in periods:
                if day is not None and str(start) <= day.isoformat() <= str(end):
                    return int(period_id)
            return None

        hits: list[SearchHit] = []
        for rowid, source, keys, word_form in rows:
            table = SEARCH_FIELDS[rowid % SEARCH_ROWID_STRIDE][0]
            source_id = rowid // SEARCH_ROWID_STRIDE
            place = places.get((table, source_id))
            if place is None:  # an index row whose text is gone (``check`` tells of it)
                continue
            title, day, period, meeting_id, item_id, owner_id, detail_id, extra = place
            date = parse_stored_date(day)
            if period is None:
                period = period_of(date)
            if period_id is not None and period != period_id:
                continue
            number, status = meetings.get(meeting_id, (None, None))
            kind, field = FIELDS[rowid % SEARCH_ROWID_STRIDE]
            parts, match = snippet(source, keys, is_match)
            hits.append(
                SearchHit(
                    kind=kind,
                    field=field,
                    source_id=source_id,
                    owner_id=owner_id,
                    detail_id=detail_id,
                    date=date,
                    period_id=period,
                    period_label=labels.get(period, ""),
                    title=title or "",
                    meeting_id=meeting_id,
                    meeting_number=number,
                    meeting_status=status,
                    item_id=item_id,
                    word_form=word_form,
                    snippet=parts,
                    match=match,
                    memo_field=_memo_field(field, source_id, extra),
                )
            )
        return hits
