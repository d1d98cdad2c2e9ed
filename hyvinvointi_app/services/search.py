"""Full-text search across every memo of every period (SQLite FTS5).

The index (``memo_search``, see ``store/migrations.py``) holds each typed text of a memo
under a rowid that says where it came from: agenda item titles, notes and decisions,
action items, children's and guardians' voice, and follow-up comments. Triggers keep it
in step, so this module only reads.

What the user types is never passed to FTS5 as syntax: every word becomes a quoted prefix
term (``"kiusaa"*``), so quotes, ``AND``/``OR``/``NOT``, ``NEAR``, ``*``, ``-`` and
parentheses are ordinary text and a query can never raise.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from hyvinvointi_app.domain.enums import AgendaItemKind, MeetingStatus, VoiceKind
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.store.migrations import SEARCH_ROWID_STRIDE, SEARCH_TABLE
from hyvinvointi_app.store.models import (
    ActionFollowUp,
    ActionItem,
    AgendaItem,
    Meeting,
    OperatingPeriod,
    VoiceRecord,
)

DEFAULT_LIMIT = 200
"""More hits than a person reads; the rest are counted, not fetched."""

SNIPPET_TOKENS = 14
"""Words of context in a snippet (FTS5 allows at most 64)."""

_MATCH_START = "\x02"
_MATCH_END = "\x03"
_ELLIPSIS = "…"
_WORD = re.compile(r"\w+")

_Places = dict[int, tuple[int, int | None]]
"""Source row id → (meeting id, agenda item id to open)."""


class SearchField(StrEnum):
    """Which text of the memo matched."""

    TITLE = "title"
    NOTES = "notes"
    DECISION = "decision"
    ACTION = "action"
    VOICE = "voice"
    FOLLOW_UP = "follow_up"


_FIELD_BY_CODE = {
    1: SearchField.TITLE,
    2: SearchField.NOTES,
    3: SearchField.DECISION,
    4: SearchField.ACTION,
    5: SearchField.VOICE,
    6: SearchField.FOLLOW_UP,
}


@dataclass(frozen=True, slots=True)
class SnippetPart:
    text: str
    match: bool
    """True for a part that matched a searched word (shown bold)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching text: where it is (meeting, item) and the words around the match."""

    meeting_id: int
    meeting_number: int
    meeting_date: dt.date
    meeting_status: MeetingStatus
    period_id: int
    period_label: str
    item_id: int | None
    """The agenda item to open; None for an action item no longer under an item."""
    item_title: str
    field: SearchField
    snippet: tuple[SnippetPart, ...]

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


def fts_query(user_text: str) -> str:
    """An FTS5 query from what the user typed: each word a quoted prefix term, all required.

    Returns ``""`` when the text holds no word at all.
    """
    words = _WORD.findall(user_text)
    return " ".join(f'"{word}"*' for word in words)


def parts_to_html(parts: tuple[SnippetPart, ...]) -> str:
    return "".join(
        f"<b>{html.escape(part.text)}</b>" if part.match else html.escape(part.text)
        for part in parts
    )


def _split_snippet(marked: str) -> tuple[SnippetPart, ...]:
    """Turn FTS5's marked snippet into parts (line breaks become spaces); the markers never
    reach the user."""
    parts: list[SnippetPart] = []
    inside = False
    for chunk in re.split(f"({_MATCH_START}|{_MATCH_END})", marked):
        if chunk == _MATCH_START:
            inside = True
        elif chunk == _MATCH_END:
            inside = False
        elif chunk:
            flat = " ".join(chunk.splitlines()) if "\n" in chunk else chunk
            parts.append(SnippetPart(flat, inside))
    return tuple(parts)


def search(db: Database, user_text: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """The texts matching every word of ``user_text`` (as word prefixes), newest meeting
    first; the ``limit`` best matches are fetched."""
    query = fts_query(user_text)
    if not query:
        return SearchResult(user_text, (), 0)
    with db.reading() as session:
        total = session.execute(
            text(f"SELECT count(*) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q"),
            {"q": query},
        ).scalar_one()
        rows = session.execute(
            text(
                f"SELECT rowid, snippet({SEARCH_TABLE}, 0, :start, :end, :ellipsis, :tokens) "
                f"FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {
                "q": query,
                "start": _MATCH_START,
                "end": _MATCH_END,
                "ellipsis": _ELLIPSIS,
                "tokens": SNIPPET_TOKENS,
                "limit": limit,
            },
        ).all()
        hits = _locate(session, [(int(rowid), str(snippet)) for rowid, snippet in rows])
    hits.sort(key=lambda h: (h.meeting_date, h.meeting_number, -(h.item_id or 0)), reverse=True)
    return SearchResult(user_text, tuple(hits), int(total))


def _locate(session: Session, rows: list[tuple[int, str]]) -> list[SearchHit]:
    """Find the meeting and agenda item of each matching text, a few queries in all."""
    wanted: dict[SearchField, set[int]] = {}
    for rowid, _snippet in rows:
        field = _FIELD_BY_CODE.get(rowid % SEARCH_ROWID_STRIDE)
        if field is not None:
            wanted.setdefault(field, set()).add(rowid // SEARCH_ROWID_STRIDE)

    item_ids = (
        wanted.get(SearchField.TITLE, set())
        | wanted.get(SearchField.NOTES, set())
        | wanted.get(SearchField.DECISION, set())
    )
    # source id -> (meeting id, agenda item id or None) for each kind of source
    item_place: _Places = {
        item_id: (meeting_id, item_id)
        for item_id, meeting_id in session.execute(
            select(AgendaItem.id, AgendaItem.meeting_id).where(AgendaItem.id.in_(item_ids))
        )
    }
    action_place: _Places = {
        action_id: (meeting_id, agenda_item_id)
        for action_id, meeting_id, agenda_item_id in session.execute(
            select(ActionItem.id, ActionItem.meeting_id, ActionItem.agenda_item_id).where(
                ActionItem.id.in_(wanted.get(SearchField.ACTION, set()))
            )
        )
    }
    voice_rows = session.execute(
        select(VoiceRecord.id, VoiceRecord.meeting_id, VoiceRecord.kind).where(
            VoiceRecord.id.in_(wanted.get(SearchField.VOICE, set()))
        )
    ).all()
    follow_rows = session.execute(
        select(ActionFollowUp.id, ActionFollowUp.meeting_id).where(
            ActionFollowUp.id.in_(wanted.get(SearchField.FOLLOW_UP, set())),
            ActionFollowUp.meeting_id.is_not(None),
        )
    ).all()
    meeting_ids = (
        {m for m, _i in item_place.values()}
        | {m for m, _i in action_place.values()}
        | {m for _v, m, _k in voice_rows}
        | {m for _f, m in follow_rows}
    )
    # The voice and follow-up texts open the agenda item of their kind in that meeting.
    kind_items: dict[tuple[int, AgendaItemKind], int] = {}
    for item_id, meeting_id, kind in session.execute(
        select(AgendaItem.id, AgendaItem.meeting_id, AgendaItem.kind)
        .where(
            AgendaItem.meeting_id.in_(meeting_ids),
            AgendaItem.kind.in_(
                [
                    AgendaItemKind.FOLLOW_UP,
                    AgendaItemKind.CHILDREN_VOICE,
                    AgendaItemKind.GUARDIANS_VOICE,
                ]
            ),
        )
        .order_by(AgendaItem.position.desc())
    ):
        kind_items[(meeting_id, kind)] = item_id  # the first by position wins
    voice_kind = {
        VoiceKind.CHILDREN: AgendaItemKind.CHILDREN_VOICE,
        VoiceKind.GUARDIANS: AgendaItemKind.GUARDIANS_VOICE,
    }
    voice_place: _Places = {
        voice_id: (meeting_id, kind_items.get((meeting_id, voice_kind[VoiceKind(kind)])))
        for voice_id, meeting_id, kind in voice_rows
    }
    follow_place: _Places = {
        follow_id: (meeting_id, kind_items.get((meeting_id, AgendaItemKind.FOLLOW_UP)))
        for follow_id, meeting_id in follow_rows
        if meeting_id is not None
    }
    place_of: dict[SearchField, _Places] = {
        SearchField.TITLE: item_place,
        SearchField.NOTES: item_place,
        SearchField.DECISION: item_place,
        SearchField.ACTION: action_place,
        SearchField.VOICE: voice_place,
        SearchField.FOLLOW_UP: follow_place,
    }

    places: list[tuple[int, int | None, SearchField, str]] = []
    for rowid, snippet in rows:
        field = _FIELD_BY_CODE.get(rowid % SEARCH_ROWID_STRIDE)
        if field is None:
            continue
        place = place_of[field].get(rowid // SEARCH_ROWID_STRIDE)
        if place is not None:
            places.append((place[0], place[1], field, snippet))

    meetings = {
        meeting.id: (meeting, period_label)
        for meeting, period_label in session.execute(
            select(Meeting, OperatingPeriod.label)
            .join(OperatingPeriod, OperatingPeriod.id == Meeting.period_id)
            .where(Meeting.id.in_({p[0] for p in places}))
        )
    }
    titles = {
        item_id: title
        for item_id, title in session.execute(
            select(AgendaItem.id, AgendaItem.title).where(
                AgendaItem.id.in_({p[1] for p in places if p[1] is not None})
            )
        )
    }
    hits: list[SearchHit] = []
    for meeting_id, open_item, field, snippet in places:
        meeting, period_label = meetings[meeting_id]
        hits.append(
            SearchHit(
                meeting_id=meeting_id,
                meeting_number=meeting.number,
                meeting_date=meeting.date,
                meeting_status=meeting.status,
                period_id=meeting.period_id,
                period_label=period_label,
                item_id=open_item,
                item_title=titles.get(open_item, "") if open_item is not None else "",
                field=field,
                snippet=_split_snippet(snippet),
            )
        )
    return hits
