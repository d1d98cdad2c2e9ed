"""The coordinator bundle: one zip per unit and operating period that the municipality's
coordinator files and compares with other units' bundles.

It holds the annual report PDF(s), the period's approved memos as PDFs, ``bundle.json``
(versioned; its JSON Schema is ``resources/bundle-2.schema.json``, explained in
``docs/bundle.md``) and the same figures as CSV files for spreadsheets, all in one folder
named by the unit and the period, each file's name starting with it. Values are stable
codes, dates (ISO 8601) and counts; personal names appear only when asked for. The zip is
written through the export service (checked target, temporary file renamed into place), so
a failure never leaves a half-written bundle under the final name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from hyvinvointi_app import __version__
from hyvinvointi_app.domain.enums import ReportLanguage
from hyvinvointi_app.reports.options import Progress
from hyvinvointi_app.reports.unprintable import Unprintable
from hyvinvointi_app.services.bundle_data import BundleData, bundle_data
from hyvinvointi_app.services.bundle_reader import FORMAT, NEWEST_VERSION
from hyvinvointi_app.services.exports import (
    ExportKind,
    ExportResult,
    check_export_target,
    export_file,
)
from hyvinvointi_app.services.surveys import (
    SurveyInPeriod,
    TallyInput,
    shown_counts,
    withheld,
)
from hyvinvointi_app.store.database import Database

VERSION = NEWEST_VERSION
SCHEMA_ID = f"urn:hyvinvointiryhma:schema:{FORMAT}:{VERSION}"
CSV_DELIMITER = ";"
"""Finnish and Swedish spreadsheet programs expect a semicolon: the comma is the decimal mark."""
LIST_SEPARATOR = ","
"""Between the codes of a list inside one CSV cell (e.g. the roles missing)."""


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _language_slug(language: str) -> str:
    return language.replace("+", "-")


def _survey(result: SurveyInPeriod) -> dict[str, Any]:
    """A survey's counts in the period's meetings; a count answered by fewer than the unit's
    minimum is left out (null), as the reports leave it out."""
    survey, minimum = result.survey, result.min_answers

    def counts(tally: TallyInput, item_id: int) -> list[int] | None:
        shown = shown_counts(survey.kind, tally, item_id, minimum)
        return None if shown is None else list(shown)

    return {
        "kind": survey.kind.value,
        "title": {"fi": survey.title.fi, "sv": survey.title.sv},
        "min_answers": minimum,
        "items": [
            {"key": item.library_key, "text": {"fi": item.text.fi, "sv": item.text.sv}}
            for item in survey.items
        ],
        "tallies": [
            {
                "meeting_number": meeting.meeting_number,
                "date": meeting.date.isoformat(),
                "groups": meeting.tally.groups,
                "respondents": meeting.tally.respondents,
                "withheld": withheld(meeting.tally.respondents, minimum),
                "counts": [counts(meeting.tally, item.id) for item in survey.items],
            }
            for meeting in result.meetings
        ],
    }


def json_name(folder: str) -> str:
    return f"{folder}/{folder}-bundle.json"


def csv_name(folder: str, table: str) -> str:
    return f"{folder}/csv/{folder}-{table}.csv"


def annual_report_name(folder: str, language: str) -> str:
    return f"{folder}/{folder}-annual-report-{_language_slug(language)}.pdf"


def memo_name(folder: str, number: int, date: dt.date, language: str) -> str:
    day = date.isoformat()
    return f"{folder}/memos/{folder}-memo-{number:02d}-{day}-{_language_slug(language)}.pdf"


def check_languages(languages: Sequence[str]) -> tuple[str, ...]:
    """The report languages of a bundle, each once, in the order given; ``ValueError`` else."""
    allowed = {value.value for value in ReportLanguage}
    chosen = tuple(dict.fromkeys(languages))
    if not chosen or any(language not in allowed for language in chosen):
        raise ValueError(f"languages must be among {sorted(allowed)}: {languages!r}")
    return chosen


# -- bundle.json ------------------------------------------------------------------------------


def bundle_json(
    data: BundleData,
    *,
    languages: Sequence[str],
    files: Sequence[dict[str, Any]] = (),
    generated_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The content of ``bundle.json`` (see ``resources/bundle-2.schema.json``)."""
    generated_at = generated_at or dt.datetime.now(dt.UTC)
    memos: dict[int, list[str]] = {}
    for file in files:
        if file["kind"] == "memo":
            memos.setdefault(file["meeting_number"], []).append(file["path"])
    meetings = []
    for meeting in data.meetings:
        entry: dict[str, Any] = {
            "number": meeting.number,
            "date": meeting.date.isoformat(),
            "status": meeting.status.value,
            "approved_on": _iso(meeting.approved_on),
            "present_total": meeting.present_total,
            "attendance": [
                {
                    "role": line.role.value,
                    "present": line.present,
                    "absent": line.absent,
                    "excused": line.excused,
                    "guests": line.guests,
                }
                for line in meeting.attendance
            ],
            "roles_present": [role.value for role in meeting.roles_present],
            "roles_missing": [role.value for role in meeting.roles_missing],
            "memo_files": memos.get(meeting.number, []),
        }
        if meeting.attendees is not None:
            entry["attendees"] = [
                {"role": a.role.value, "name": a.name, "status": a.status.value}
                for a in meeting.attendees
            ]
        meetings.append(entry)
    members = []
    for line in data.members:
        member: dict[str, Any] = {"role": line.role.value, "count": line.count}
        if line.names is not None:
            member["names"] = list(line.names)
        members.append(member)
    cards = []
    for card in data.result_cards:
        checkpoints = []
        for checkpoint in card.checkpoints:
            point: dict[str, Any] = {
                "due_date": checkpoint.due_date.isoformat(),
                "recorded_on": _iso(checkpoint.recorded_on),
                "value": checkpoint.value_note,
                "responsible_role": (
                    checkpoint.responsible_role.value if checkpoint.responsible_role else None
                ),
            }
            if data.with_names:
                point["responsible_name"] = checkpoint.responsible_name
            checkpoints.append(point)
        cards.append(
            {
                "id": card.id,
                "plan_id": card.plan_id,
                "plan_name": card.plan_name,
                "what_to_change": card.what_to_change,
                "target_state": card.target_state,
                "indicator": card.indicator,
                "status": card.status.value,
                "created_on": card.created_on.isoformat(),
                "closed_on": _iso(card.closed_on),
                "checkpoints": checkpoints,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": SCHEMA_ID,
        "generated_at": generated_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "generator": {"application": "Hyvinvointiryhmä", "version": __version__},
        "as_of": data.today.isoformat(),
        "with_names": data.with_names,
        "languages": list(languages),
        "folder": data.folder,
        "unit": {
            "id": data.unit_id,
            "site_code": data.site_code,
            "name_fi": data.unit_name_fi,
            "name_sv": data.unit_name_sv,
            "municipality": data.municipality,
            "has_pre_primary": data.has_pre_primary,
            "working_language": data.working_language,
        },
        "period": {
            "label": data.period_label,
            "start_date": data.period_start.isoformat(),
            "end_date": data.period_end.isoformat(),
        },
        "meetings_required": data.minimum_meetings,
        "meetings_held": data.meetings_held,
        "minimum_met": data.minimum_met,
        "roles_missing": [role.value for role in data.roles_missing_in_period],
        "members": members,
        "meetings": meetings,
        "plans": [
            {
                "id": plan.id,
                "type": plan.type.value,
                "name": plan.name,
                "approved_on": _iso(plan.approved_on),
                "next_review_due": _iso(plan.next_review_due),
                "archived": plan.archived,
                "evaluated_in_period": plan.evaluated_in_period,
                "evaluation_dates": [e.date.isoformat() for e in plan.evaluations],
                "evaluations": [
                    {
                        "date": e.date.isoformat(),
                        "meeting_number": e.meeting_number,
                        "conclusion": e.conclusion.value if e.conclusion else None,
                        "current_state": e.current_state,
                        "strengths": e.strengths,
                        "development_areas": e.development_areas,
                        "update_due": _iso(e.update_due),
                    }
                    for e in plan.evaluations
                ],
            }
            for plan in data.plans
        ],
        "result_cards": cards,
        "summary": data.summary,
        "summary_approved_on": _iso(data.summary_approved_on),
        "provider_requests": data.provider_requests,
        "voices": [
            {
                "meeting_number": voice.meeting_number,
                "date": voice.date.isoformat(),
                "kind": voice.kind.value,
                "methods": list(voice.methods),
                "summary": voice.summary,
            }
            for voice in data.voices
        ],
        "surveys": [_survey(survey) for survey in data.surveys],
        "annual_clock": [
            {
                "month": theme.month,
                "title": theme.title,
                "plan_type": theme.plan_type.value if theme.plan_type else None,
                "coverage": theme.coverage.value,
                "meeting_numbers": list(theme.meeting_numbers),
            }
            for theme in data.clock
        ],
        "unplanned_themes": [
            {"title": theme.title, "meeting_number": theme.meeting_number}
            for theme in data.unplanned_themes
        ],
        "next_period_development_areas": list(data.next_period_development_areas),
        "actions": {
            "open": data.actions.open,
            "overdue": data.actions.overdue,
            "done": data.actions.done,
            "dropped": data.actions.dropped,
            "total": data.actions.total,
        },
        "files": list(files),
    }


# -- CSV --------------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _survey_rows(key: list[object], found: list[dict[str, Any]]) -> Iterable[list[object]]:
    """One row per survey, meeting, option and answer (0: chosen; 1–5: a statement's
    answer); a withheld count is an empty cell."""
    for survey in found:
        children = survey["kind"] == "children"
        for tally in survey["tallies"]:
            head = [
                *key,
                survey["kind"],
                survey["title"]["fi"],
                tally["meeting_number"],
                tally["date"],
                tally["groups"],
                tally["respondents"],
            ]
            for item, counts in zip(survey["items"], tally["counts"], strict=True):
                answers = [0] if children else [1, 2, 3, 4, 5]
                for index, answer in enumerate(answers):
                    count = counts[index] if counts is not None else None
                    yield [*head, item["key"], item["text"]["fi"], answer, count]


def bundle_csv(document: dict[str, Any]) -> dict[str, str]:
    """The CSV files of the bundle, by name inside the zip, built from ``bundle.json``'s
    content so that both always carry the same figures. Each row starts with the unit and
    the period, so a coordinator can stack many units' files into one sheet."""
    unit = document["unit"]
    folder = document["folder"]
    key = [
        unit["municipality"],
        unit["name_fi"] or unit["name_sv"],
        unit["site_code"],
        unit["id"],
        document["period"]["label"],
    ]
    key_header = ["municipality", "unit", "site_code", "unit_id", "period"]
    with_names = bool(document["with_names"])
    actions = document["actions"]
    clock = document["annual_clock"]
    voice_kinds = Counter(voice["kind"] for voice in document["voices"])
    tables = {
        "summary": _table(
            [
                *key_header,
                "period_start",
                "period_end",
                "as_of",
                "meetings_required",
                "meetings_held",
                "minimum_met",
                "roles_missing",
                "members_total",
                "actions_open",
                "actions_overdue",
                "actions_done",
                "actions_dropped",
                "actions_total",
                "summary_approved_on",
                "provider_requests",
                "themes_planned",
                "themes_handled_in_meeting",
                "voices_children",
                "voices_guardians",
            ],
            [
                [
                    *key,
                    document["period"]["start_date"],
                    document["period"]["end_date"],
                    document["as_of"],
                    document["meetings_required"],
                    document["meetings_held"],
                    document["minimum_met"],
                    document["roles_missing"],
                    sum(m["count"] for m in document["members"]),
                    actions["open"],
                    actions["overdue"],
                    actions["done"],
                    actions["dropped"],
                    actions["total"],
                    document["summary_approved_on"],
                    document["provider_requests"],
                    len(clock),
                    sum(1 for theme in clock if theme["coverage"] == "handled_in_meeting"),
                    voice_kinds["children"],
                    voice_kinds["guardians"],
                ]
            ],
        ),
        "members": _table(
            [*key_header, "role", "count", *(["names"] if with_names else [])],
            (
                [*key, m["role"], m["count"], *([m["names"]] if with_names else [])]
                for m in document["members"]
            ),
        ),
        "meetings": _table(
            [
                *key_header,
                "meeting_number",
                "date",
                "status",
                "approved_on",
                "present_total",
                "roles_present",
                "roles_missing",
                "memo_files",
            ],
            (
                [
                    *key,
                    m["number"],
                    m["date"],
                    m["status"],
                    m["approved_on"],
                    m["present_total"],
                    m["roles_present"],
                    m["roles_missing"],
                    m["memo_files"],
                ]
                for m in document["meetings"]
            ),
        ),
        "attendance": _table(
            [
                *key_header,
                "meeting_number",
                "date",
                "role",
                "present",
                "absent",
                "excused",
                "guests",
            ],
            (
                [
                    *key,
                    m["number"],
                    m["date"],
                    a["role"],
                    a["present"],
                    a["absent"],
                    a["excused"],
                    a["guests"],
                ]
                for m in document["meetings"]
                for a in m["attendance"]
            ),
        ),
        "plans": _table(
            [
                *key_header,
                "plan_id",
                "plan_type",
                "plan_name",
                "archived",
                "next_review_due",
                "evaluation_date",
                "meeting_number",
                "conclusion",
                "strengths",
                "development_areas",
                "evaluated_in_period",
                "current_state",
                "update_due",
            ],
            (
                [
                    *key,
                    p["id"],
                    p["type"],
                    p["name"],
                    p["archived"],
                    p["next_review_due"],
                    e.get("date"),
                    e.get("meeting_number"),
                    e.get("conclusion"),
                    e.get("strengths"),
                    e.get("development_areas"),
                    p["evaluated_in_period"],
                    e.get("current_state"),
                    e.get("update_due"),
                ]
                for p in document["plans"]
                for e in (p["evaluations"] or [{}])
            ),
        ),
        "result_cards": _table(
            [
                *key_header,
                "card_id",
                "plan_id",
                "plan_name",
                "what_to_change",
                "target_state",
                "indicator",
                "status",
                "created_on",
                "closed_on",
                "checkpoint_due_date",
                "checkpoint_recorded_on",
                "checkpoint_value",
                "checkpoint_responsible_role",
                *(["checkpoint_responsible_name"] if with_names else []),
            ],
            (
                [
                    *key,
                    c["id"],
                    c["plan_id"],
                    c["plan_name"],
                    c["what_to_change"],
                    c["target_state"],
                    c["indicator"],
                    c["status"],
                    c["created_on"],
                    c["closed_on"],
                    p.get("due_date"),
                    p.get("recorded_on"),
                    p.get("value"),
                    p.get("responsible_role"),
                    *([p.get("responsible_name")] if with_names else []),
                ]
                for c in document["result_cards"]
                for p in (c["checkpoints"] or [{}])
            ),
        ),
    }
    tables["voices"] = _table(
        [*key_header, "meeting_number", "date", "kind", "methods", "summary"],
        (
            [*key, v["meeting_number"], v["date"], v["kind"], v["methods"], v["summary"]]
            for v in document["voices"]
        ),
    )
    tables["survey_counts"] = _table(
        [
            *key_header,
            "kind",
            "title_fi",
            "meeting_number",
            "date",
            "groups",
            "respondents",
            "item_key",
            "item_fi",
            "answer",
            "count",
        ],
        _survey_rows(key, document["surveys"]),
    )
    tables["annual_clock"] = _table(
        [*key_header, "month", "title", "plan_type", "coverage", "meeting_numbers"],
        (
            [*key, t["month"], t["title"], t["plan_type"], t["coverage"], t["meeting_numbers"]]
            for t in clock
        ),
    )
    tables["development_areas"] = _table(
        [*key_header, "next_period_development_area"],
        ([*key, area] for area in document["next_period_development_areas"]),
    )
    if with_names:
        tables["attendees"] = _table(
            [*key_header, "meeting_number", "date", "role", "name", "status"],
            (
                [*key, m["number"], m["date"], a["role"], a["name"], a["status"]]
                for m in document["meetings"]
                for a in m.get("attendees", [])
            ),
        )
    return {csv_name(folder, name): table for name, table in tables.items()}


# -- the zip ----------------------------------------------------------------------------------


def zip_bytes(members: Sequence[tuple[str, bytes]], stamp: dt.datetime) -> bytes:
    """The zip of ``members`` (owner-only entries), built in memory: the export service then
    writes it atomically, so a failure never leaves a half-written bundle."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, content)
    return buffer.getvalue()


def build_bundle(
    db: Database,
    period_id: int,
    out_path: Path,
    *,
    languages: Sequence[str] = ("fi", "sv"),
    with_names: bool = False,
    progress: Progress | None = None,
    today: dt.date | None = None,
    unprintable: Unprintable | None = None,
    replace: bool = True,
) -> ExportResult:
    """Write the coordinator bundle of one period to ``out_path`` (a zip) and log the export.

    ``languages`` are the report languages of the PDFs: ``("fi", "sv")`` gives each document
    in Finnish and in Swedish, ``("fi+sv",)`` the bilingual one. ``progress(done, total)``
    is called after each step (from the calling thread); an exception raised by it stops
    the export and leaves nothing under ``out_path``. ``unprintable`` hears, once and
    before the zip is written, the characters any of its PDFs showed as a mark.
    """
    from hyvinvointi_app.reports import ReportOptions, annual_pdf, memo_pdf

    languages = check_languages(languages)
    out_path = Path(out_path)
    check_export_target(db, out_path, ExportKind.ZIP, replace=replace)
    created = (
        dt.datetime.combine(today, dt.time(12))
        if today is not None
        else dt.datetime.now().replace(microsecond=0)
    )
    data = bundle_data(db, period_id, with_names=with_names, today=created.date())
    total = len(languages) * (1 + len(data.approved_memos)) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if progress is not None:
        progress(0, total)
    pdfs: list[tuple[str, bytes]] = []
    files: list[dict[str, Any]] = []
    missing: dict[str, None] = {}

    def note(characters: str) -> None:
        missing.update(dict.fromkeys(characters))

    for language in languages:
        options = ReportOptions(language=language, with_names=with_names, created=created)
        name = annual_report_name(data.folder, language)
        pdfs.append((name, annual_pdf(db, period_id, options, unprintable=note)))
        files.append({"path": name, "kind": "annual_report", "language": language})
        step()
        for memo in data.approved_memos:
            name = memo_name(data.folder, memo.number, memo.date, language)
            pdfs.append((name, memo_pdf(db, memo.meeting_id, options, unprintable=note)))
            files.append(
                {"path": name, "kind": "memo", "language": language, "meeting_number": memo.number}
            )
            step()
    document = bundle_json(data, languages=languages, files=files)
    tables = bundle_csv(document)
    document["files"].extend({"path": name, "kind": "csv"} for name in tables)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    members: list[tuple[str, bytes]] = [(json_name(data.folder), text.encode("utf-8"))]
    # UTF-8 with a byte-order mark: spreadsheet programs then read ä, ö and å right.
    members.extend((name, table.encode("utf-8-sig")) for name, table in tables.items())
    members.extend(pdfs)
    if missing and unprintable is not None:
        unprintable("".join(missing))
    step()  # the last chance to stop: after this the file is written as a whole
    return export_file(
        db,
        out_path,
        zip_bytes(members, created),
        ExportKind.ZIP,
        document="coordinator_bundle",
        language=",".join(languages),
        with_names=with_names,
        replace=replace,
    )
