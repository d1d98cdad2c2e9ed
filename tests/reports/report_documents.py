"""The fixed unit file, documents and text normalisation behind the report tests, the goldens
and the rendered pages (``render_pages.py``, ``update_goldens.py``).

The unit file is the demo unit written as on 23.11.2026 with a fixed seed (the demo approves
each memo on a day derived from its meeting, never by the clock), so that every document
built from it is the same whenever it is built.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.reports import (
    ReportOptions,
    annual_pdf,
    build_document,
    evaluation_pdf,
    memo_pdf,
)
from hyvinvointi_app.services import meetings, periods, plans
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import Database

TODAY = dt.date(2026, 11, 23)
CREATED = dt.datetime(2026, 11, 23, 12, 0)
LANGUAGES = ("fi", "sv", "fi+sv")
GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PERIOD = "2025-2026"


def write_fixture(path: Path) -> Path:
    write_demo(path, language="fi", years=2, today=TODAY, seed=2026)
    return path


@dataclass(frozen=True)
class Document:
    name: str
    build: Callable[[Database, ReportOptions], bytes]


def _golden_period(db: Database) -> int:
    return periods.period_by_label(db, GOLDEN_PERIOD).id


def _memo(db: Database, options: ReportOptions) -> bytes:
    return memo_pdf(db, meetings.latest_meeting(db, _golden_period(db)), options)


def _agenda(db: Database, options: ReportOptions) -> bytes:
    """The agenda of the first meeting not yet held (the one the director calls next)."""
    period = periods.current_period(db)
    ahead = next(r for r in meetings.list_meetings(db, period.id) if r.date >= TODAY)
    return build_document(db, "agenda", ahead.id, options)


def _public(db: Database, options: ReportOptions) -> bytes:
    """The public version of the memo of the golden period's latest meeting (approved)."""
    return build_document(db, "public", meetings.latest_meeting(db, _golden_period(db)), options)


def _annual(db: Database, options: ReportOptions) -> bytes:
    return annual_pdf(db, _golden_period(db), options)


def _evaluation(db: Database, options: ReportOptions) -> bytes:
    plan = plans.list_plans(db, plan_type=PlanType.ANTI_BULLYING)[0]
    return evaluation_pdf(db, plan.id, options)


DOCUMENTS = (
    Document("memo", _memo),
    Document("agenda", _agenda),
    Document("public", _public),
    Document("annual", _annual),
    Document("evaluation", _evaluation),
)


def options(language: str, **changes: object) -> ReportOptions:
    values: dict[str, object] = {"language": language, "created": CREATED}
    values.update(changes)
    return ReportOptions(**values)  # type: ignore[arg-type]


def extract_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def normalised(text: str) -> str:
    """Extracted text without layout noise: spaces collapsed, empty lines dropped."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def golden_path(document: str, language: str) -> Path:
    return GOLDEN / f"{document}-{language.replace('+', '-')}.txt"


SAMI_NAME = "Áilu Čuđe-Ŋŧ"
SWEDISH_NAME = "Åsa Öhman-Ääri"


@dataclass(frozen=True)
class SmallUnit:
    period_id: int
    meeting_id: int
    follow_up_item_id: int
    other_item_id: int


def write_small_unit(path: Path) -> tuple[Database, SmallUnit]:
    """A unit of three members (two with names beyond Latin-1) and one draft meeting."""
    from hyvinvointi_app.domain.enums import AgendaItemKind, Language, Role
    from hyvinvointi_app.services import members
    from hyvinvointi_app.services.members import MemberInput
    from hyvinvointi_app.services.unit import UnitInfo, set_up_unit
    from hyvinvointi_app.store.database import create_database

    db = create_database(path)
    set_up_unit(
        db, UnitInfo("Päiväkoti Äimärautio", "Daghemmet Åkerbo", "Inari", False, Language.FINNISH)
    )
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    members.add_member(db, MemberInput(SAMI_NAME, Role.DIRECTOR))
    members.add_member(db, MemberInput(SWEDISH_NAME, Role.GUARDIAN_REPRESENTATIVE))
    members.add_member(db, MemberInput("Pirkko Järvi", Role.PUBLIC_HEALTH_NURSE))
    memo = meetings.new_meeting(
        db, period.id, dt.date(2026, 11, 23), start_time=dt.time(13), place="Sali"
    )
    follow_up = next(i for i in memo.agenda if i.kind is AgendaItemKind.OTHER_MATTERS)
    other = next(i for i in memo.agenda if i.kind is AgendaItemKind.COMMUNICATION)
    return db, SmallUnit(period.id, memo.id, follow_up.id, other.id)
