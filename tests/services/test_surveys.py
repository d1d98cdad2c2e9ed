"""Surveys of children and guardians: composed from the library, printed as sheets, counted
in a meeting, and printed in the memo as counts, never below the unit's minimum."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from hyvinvointi_app.domain.enums import AttendanceStatus, Role, VoiceKind
from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.reports.export import memo_pdf, survey_sheet
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.services import meetings, members, periods, surveys
from hyvinvointi_app.services.members import MemberInput
from hyvinvointi_app.services.memo_record import memo_data
from hyvinvointi_app.services.surveys import ItemInput, TallyInput, Texts
from hyvinvointi_app.store.database import Database

OPTIONS = ReportOptions(created=dt.datetime(2026, 11, 20, 12, 0))


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def _meeting(db: Database) -> int:
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    return meetings.new_meeting(db, period.id, dt.date(2026, 11, 20)).id


def _children_survey(db: Database, count: int = 6) -> surveys.SurveyView:
    survey = surveys.create_survey_undoably(db, VoiceKind.CHILDREN).value
    options = [o for group in surveys.library().children for o in group.options][:count]
    entries = [ItemInput(None, o.text, o.symbol, o.key) for o in options]
    return surveys.add_items_undoably(db, survey.id, entries).value


def _guardians_survey(db: Database) -> surveys.SurveyView:
    survey = surveys.create_survey_undoably(db, VoiceKind.GUARDIANS).value
    statements = [s for group in surveys.library().guardians for s in group.options][:4]
    entries = [ItemInput(None, s.text, "", s.key) for s in statements]
    return surveys.add_items_undoably(db, survey.id, entries).value


def test_the_library_has_six_children_groups_and_every_picture(db: Database) -> None:
    shipped = surveys.library()
    assert [g.key for g in shipped.children] == [
        "learning_environment",
        "play_and_activities",
        "friends_and_group",
        "adults_ways",
        "rest_and_meals",
        "outdoors",
    ]
    for group in shipped.children:
        for option in group.options:
            assert option.text.fi and option.text.sv
            assert surveys.symbol_path(option.symbol), option.key
    assert shipped.children_question.fi == "Mikä tekisi päiväkotipäivistä vielä mukavampia?"
    assert all(s.text.fi and s.text.sv for g in shipped.guardians for s in g.options)


def test_a_childrens_sheet_prints_its_question_and_options_in_each_language(
    db: Database,
) -> None:
    survey = _children_survey(db)
    assert survey.printable_languages() == ("fi", "sv")
    for language in ("fi", "sv"):
        text = _text(survey_sheet(db, survey.id, language, OPTIONS))
        assert survey.title.in_language(language) in text
        for item in survey.items:
            assert item.text.in_language(language) in text
    assert "Mikä tekisi" not in _text(survey_sheet(db, survey.id, "sv", OPTIONS))


def test_a_survey_with_too_few_options_does_not_print(db: Database) -> None:
    survey = _children_survey(db, count=3)
    assert survey.printable_languages() == ()
    with pytest.raises(ValueError):
        survey_sheet(db, survey.id, "fi", OPTIONS)


def test_a_guardians_form_prints_in_the_families_language_when_typed(db: Database) -> None:
    survey = _guardians_survey(db)
    assert "other" not in survey.printable_languages()
    data = survey.as_input()
    data = replace(
        data,
        other_language="English",
        title=data.title.with_text("other", "Survey for guardians"),
        open_question=data.open_question.with_text("other", "What would you wish for?"),
        items=tuple(
            replace(i, text=i.text.with_text("other", f"Statement {n}"))
            for n, i in enumerate(data.items, start=1)
        ),
    )
    survey = surveys.save_survey_undoably(db, survey.id, data).value
    assert survey.printable_languages() == ("fi", "sv", "other")
    text = _text(survey_sheet(db, survey.id, "other", OPTIONS))
    assert "Survey for guardians" in text and "Statement 4" in text
    assert "What would you wish for?" in text
    fi = _text(survey_sheet(db, survey.id, "fi", OPTIONS))
    assert survey.items[0].text.fi in fi and survey.open_question.fi in fi


def test_tallies_round_trip_into_the_memo(db: Database) -> None:
    meeting_id = _meeting(db)
    children = _children_survey(db, count=4)
    guardians = _guardians_survey(db)
    counts = tuple((item.id, 0, n) for item, n in zip(children.items, (7, 3, 0, 2), strict=True))
    change = surveys.set_tally_undoably(db, meeting_id, children.id, TallyInput(2, 12, counts))
    assert change.made and change.value == TallyInput(2, 12, tuple(c for c in counts if c[2]))
    answers = [
        (guardians.items[0].id, a, n) for a, n in zip((1, 2, 3, 4, 5), (0, 1, 2, 5, 4), strict=True)
    ]
    answers += [(guardians.items[1].id, 5, 2)]  # answered by two: fewer than five
    surveys.set_tally_undoably(
        db, meeting_id, guardians.id, TallyInput(None, 12, tuple(a for a in answers if a[2]))
    )
    record = memo_data(db, meeting_id)
    assert [t.kind for t in record.meeting.tallies] == [VoiceKind.CHILDREN, VoiceKind.GUARDIANS]
    assert [i.counts for i in record.meeting.tallies[0].items] == [(7,), (3,), (0,), (2,)]
    fi = _text(memo_pdf(db, meeting_id, OPTIONS))
    assert children.items[0].text.fi in fi
    assert "Kysyttyjä lapsiryhmiä: 2. Vastanneita lapsia: 12." in fi
    assert re.search(r"0 ?· ?1 ?· ?2 ?· ?5 ?· ?4", fi) and "4,0" in fi  # counts 1–5, average
    assert "alle 5 vastausta" in fi  # the second statement, answered by two
    sv = _text(memo_pdf(db, meeting_id, ReportOptions(language="sv", created=OPTIONS.created)))
    assert children.items[0].text.sv in sv and "färre än 5 svar" in sv
    assert surveys.get_survey(db, children.id).tallied_in == 1


def test_a_result_under_the_minimum_prints_no_counts(db: Database) -> None:
    meeting_id = _meeting(db)
    children = _children_survey(db, count=4)
    counts = tuple((item.id, 0, 1) for item in children.items)
    surveys.set_tally_undoably(db, meeting_id, children.id, TallyInput(1, 4, counts))
    fi = _text(memo_pdf(db, meeting_id, OPTIONS))
    assert "alle 5 vastausta" in fi
    assert children.items[0].text.fi not in fi  # no option, no count
    surveys.set_min_answers(db, 3)
    assert children.items[0].text.fi in _text(memo_pdf(db, meeting_id, OPTIONS))


def test_counts_are_checked_and_counted_options_stay(db: Database) -> None:
    meeting_id = _meeting(db)
    survey = _children_survey(db, count=4)
    first = survey.items[0].id
    with pytest.raises(ValidationError):  # more choices of one option than children
        surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 5, ((first, 0, 6),)))
    with pytest.raises(ValidationError):  # a scale answer on a children's list
        surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 5, ((first, 3, 1),)))
    surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 5, ((first, 0, 5),)))
    with pytest.raises(ValidationError) as refused:
        surveys.remove_item_undoably(db, survey.id, first)
    assert refused.value.reason == "counted"
    with pytest.raises(ValidationError):
        surveys.remove_survey(db, survey.id)
    assert surveys.set_archived_undoably(db, survey.id, True).value.archived


def test_survey_edits_undo_and_redo_with_the_same_ids(db: Database) -> None:
    survey = _children_survey(db, count=5)
    removed = surveys.remove_item_undoably(db, survey.id, survey.items[2].id)
    assert len(removed.value.items) == 4
    removed.undo()
    assert [i.id for i in surveys.get_survey(db, survey.id).items] == [i.id for i in survey.items]
    removed.redo()
    moved = surveys.move_item_undoably(db, survey.id, survey.items[0].id, 1)
    assert moved.value.items[1].id == survey.items[0].id
    moved.undo()
    assert surveys.get_survey(db, survey.id).items[0].id == survey.items[0].id
    retitled = surveys.set_survey_text_undoably(
        db, survey.id, "title", "sv", "Vad gör dagen rolig?"
    )
    assert retitled.value.title.sv == "Vad gör dagen rolig?"
    retitled.undo()
    assert surveys.get_survey(db, survey.id).title.sv == survey.title.sv
    gone = surveys.remove_survey_undoably(db, survey.id)
    assert surveys.list_surveys(db) == []
    gone.undo()
    assert surveys.get_survey(db, survey.id).title == survey.title


def test_an_own_option_and_texts_too_long_are_refused_whole(db: Database) -> None:
    survey = _children_survey(db, count=4)
    own = surveys.add_items_undoably(
        db, survey.id, [ItemInput(None, Texts("Oma vaihtoehto", "Eget alternativ"))]
    ).value
    assert own.items[-1].symbol == "" and own.items[-1].library_key == ""
    with pytest.raises(ValidationError):
        surveys.set_item_text_undoably(db, survey.id, own.items[-1].id, "fi", "x" * 100_000)
    with pytest.raises(ValidationError):
        surveys.add_items_undoably(
            db, survey.id, [ItemInput(None, Texts(f"{n}", f"{n}")) for n in range(8)]
        )
    assert len(surveys.get_survey(db, survey.id).items) == 5


def _two_periods_counted(db: Database) -> tuple[int, surveys.SurveyView, surveys.SurveyView]:
    """A children's and a guardians' survey counted in the spring of 2026 and of 2027; the
    guardians of 2027 answered by three only."""
    children = _children_survey(db, count=4)
    guardians = _guardians_survey(db)
    director = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    current = 0
    for start, (respondents, parents) in (
        (dt.date(2025, 8, 1), (20, 12)),
        (dt.date(2026, 8, 1), (30, 3)),
    ):
        period = periods.add_period(db, start, start.replace(year=start.year + 1, day=31, month=7))
        meeting = meetings.new_meeting(db, period.id, start.replace(year=start.year + 1, month=3))
        meetings.set_attendance(db, meeting.id, director.id, AttendanceStatus.PRESENT)
        counts = tuple((i.id, 0, n) for i, n in zip(children.items, (10, 6, 15, 2), strict=True))
        surveys.set_tally(db, meeting.id, children.id, TallyInput(2, respondents, counts))
        answers = tuple((i.id, 4, parents) for i in guardians.items)
        surveys.set_tally(db, meeting.id, guardians.id, TallyInput(None, parents, answers))
        current = period.id
    return current, children, guardians


def test_the_annual_report_compares_each_survey_with_the_previous_period(db: Database) -> None:
    from hyvinvointi_app.reports.export import annual_pdf

    period_id, children, _guardians = _two_periods_counted(db)
    options = ReportOptions(created=dt.datetime(2027, 7, 31, 12, 0))
    fi = _text(annual_pdf(db, period_id, options))
    assert "Lasten ja huoltajien kyselyt" in fi and children.title.fi in fi
    assert "10 (33 %)" in fi and "10 (50 %)" in fi  # this period and the previous one
    assert "2025-2026" in fi  # the previous period's column and bars
    assert "4,0 (n = 12)" in fi  # the guardians of the previous period
    assert "alle 5 vastausta" in fi  # and this period's three


def test_the_bundle_carries_the_counts_and_leaves_out_those_under_the_minimum(
    db: Database,
) -> None:
    import jsonschema

    from hyvinvointi_app.reports.bundle import bundle_csv, bundle_json
    from hyvinvointi_app.services.bundle_data import bundle_data
    from hyvinvointi_app.services.bundle_reader import schema

    period_id, children, guardians = _two_periods_counted(db)
    document = bundle_json(bundle_data(db, period_id, today=dt.date(2027, 7, 31)), languages=["fi"])
    jsonschema.Draft202012Validator(schema(2), format_checker=jsonschema.FormatChecker()).validate(
        document
    )
    found = {s["kind"]: s for s in document["surveys"]}
    (tally,) = found["children"]["tallies"]
    assert (tally["respondents"], tally["groups"], tally["withheld"]) == (30, 2, False)
    assert tally["counts"] == [[10], [6], [15], [2]]
    assert [i["key"] for i in found["children"]["items"]] == [i.library_key for i in children.items]
    (parents,) = found["guardians"]["tallies"]
    assert parents["withheld"] and parents["counts"] == [None] * len(guardians.items)
    rows = bundle_csv(document)
    table = next(text for name, text in rows.items() if name.endswith("survey_counts.csv"))
    assert ";children;" in table and ";quiet_corner;Rauhallinen paikka;0;10" in table
    assert ";guardians;" in table and table.count(";guardians;") == 5 * len(guardians.items)


def test_general_support_is_a_plan_type_with_its_community_checklist() -> None:
    from hyvinvointi_app.domain.enums import PlanType
    from hyvinvointi_app.services.plans import checklist_for

    branches = {
        "fi": {
            "Oppimisympäristö",
            "Oppimisen tukeminen",
            "Opetus- ja toimintatavat",
            "Tehostettu yhteistyö",
            "Yksilölliset toimet",
        },
        "sv": {
            "Lärmiljön",
            "Stöd för lärandet",
            "Undervisnings- och arbetssätt",
            "Intensifierat samarbete",
            "Individuella åtgärder",
        },
    }
    for language, expected in branches.items():
        questions = checklist_for(PlanType.GENERAL_SUPPORT, language)
        assert len(questions) == 10
        assert {q.text.split(":")[0] for q in questions} == expected


@pytest.mark.parametrize("count", [4, 6, 9, 12])
def test_a_childrens_sheet_is_one_page_whatever_its_options(db: Database, count: int) -> None:
    survey = _children_survey(db, count=count)
    for language in ("fi", "sv"):
        pdf = PdfReader(io.BytesIO(survey_sheet(db, survey.id, language, OPTIONS)))
        assert len(pdf.pages) == 1


# -- what review found: each test failed before its fix --------------------------------------


def test_deleting_a_meeting_and_undoing_it_keeps_its_counts(db: Database) -> None:
    meeting_id = _meeting(db)
    survey = _children_survey(db, count=4)
    counts = ((survey.items[0].id, 0, 4),)
    surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 9, counts))
    deleted = meetings.delete_meeting_undoably(db, meeting_id)
    assert surveys.get_survey(db, survey.id).tallied_in == 0
    deleted.undo()
    assert surveys.tally(db, meeting_id, survey.id) == TallyInput(1, 9, counts)
    deleted.redo()
    surveys.remove_survey(db, survey.id)  # nothing counts it any more: it can go
    deleted.undo()  # the meeting comes back without the counts of a survey that is gone
    assert meetings.get_meeting(db, meeting_id).tallies == ()


def test_an_annual_report_of_a_survey_counted_at_every_meeting_prints(db: Database) -> None:
    from hyvinvointi_app.reports.export import annual_pdf

    survey = _children_survey(db, count=4)
    director = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    period = periods.add_period(db, dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    for month in (9, 10, 11, 12, 1, 2, 3):
        day = dt.date(2026 if month > 7 else 2027, month, 10)
        meeting = meetings.new_meeting(db, period.id, day)
        meetings.set_attendance(db, meeting.id, director.id, AttendanceStatus.PRESENT)
        counts = tuple((i.id, 0, month) for i in survey.items)
        surveys.set_tally(db, meeting.id, survey.id, TallyInput(1, 12, counts))
    text = _text(annual_pdf(db, period.id, ReportOptions(created=dt.datetime(2027, 7, 31))))
    assert text.count("Rauhallinen paikka") >= 4  # three tables of dates and the chart
    assert "10.3.2027" in text and "12 (100 %)" in text


def test_what_a_meeting_withheld_is_left_out_of_the_periods_totals(db: Database) -> None:
    from hyvinvointi_app.services.surveys import MeetingTally, SurveyInPeriod

    survey = _children_survey(db, count=4)
    first, second = (i.id for i in survey.items[:2])
    shown = TallyInput(1, 10, ((first, 0, 4), (second, 0, 3)))
    small = TallyInput(1, 3, ((first, 0, 3),))  # three children: fewer than five
    result = SurveyInPeriod(
        survey,
        (MeetingTally(1, dt.date(2026, 9, 1), shown), MeetingTally(2, dt.date(2026, 10, 1), small)),
        (small,),
        "2025-2026",
        5,
    )
    assert result.total == shown  # the three children are not in the period's figures
    assert result.previous_total == TallyInput(None, 0, ())
    guardians = _guardians_survey(db)
    statement, other = (i.id for i in guardians.items[:2])
    answers = TallyInput(None, 8, ((statement, 4, 7), (other, 5, 2)))
    counted = SurveyInPeriod(guardians, (MeetingTally(1, dt.date(2026, 9, 1), answers),), (), "", 5)
    assert counted.total.counts == ((statement, 4, 7),)  # the statement two answered is out


def test_the_previous_period_counts_only_its_held_meetings(db: Database) -> None:
    period_id, children, _guardians = _two_periods_counted(db)
    before = next(p for p in periods.list_periods(db) if p.id != period_id)
    draft = meetings.new_meeting(db, before.id, dt.date(2026, 5, 5))
    for row in draft.attendance:  # nobody came: not held
        meetings.set_attendance(db, draft.id, row.member.id, AttendanceStatus.ABSENT)
    counts = tuple((i.id, 0, 20) for i in children.items)
    surveys.set_tally(db, draft.id, children.id, TallyInput(1, 20, counts))
    from hyvinvointi_app.services.report_data import annual_data

    data = annual_data(db, period_id, today=dt.date(2027, 7, 31))
    (found,) = [s for s in data.surveys if s.survey.id == children.id]
    assert found.previous_total is not None and found.previous_total.respondents == 20


def test_a_survey_added_with_nobody_counted_makes_no_meeting_held(db: Database) -> None:
    from hyvinvointi_app.services.summary import period_summary

    survey = _children_survey(db, count=4)
    director = members.add_member(db, MemberInput("Aino Ahonen", Role.DIRECTOR))
    period = periods.add_period(db, dt.date(2025, 8, 1), dt.date(2026, 7, 31))
    meeting = meetings.new_meeting(db, period.id, dt.date(2026, 3, 3))
    meetings.set_attendance(db, meeting.id, director.id, AttendanceStatus.PRESENT)
    surveys.set_tally(db, meeting.id, survey.id, TallyInput(None, 0))
    assert period_summary(db, period.id, today=dt.date(2026, 7, 1)).meetings_held == 0
    assert "Kysyttyjä lapsiryhmiä" not in _text(memo_pdf(db, meeting.id, OPTIONS))
    surveys.set_tally(db, meeting.id, survey.id, TallyInput(1, 6, ()))
    assert period_summary(db, period.id, today=dt.date(2026, 7, 1)).meetings_held == 1


def test_a_surveys_own_texts_are_in_the_privacy_review_and_cleaned_in_public(
    db: Database,
) -> None:
    from hyvinvointi_app.reports.export import build_document
    from hyvinvointi_app.services.approval import review_memo

    meeting_id = _meeting(db)
    survey = _children_survey(db, count=4)
    own = surveys.add_items_undoably(
        db, survey.id, [ItemInput(None, Texts("Soita 040 123 4567", "Ring 040 123 4567"))]
    ).value.items[-1]
    surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 9, ((own.id, 0, 5),)))
    findings = review_memo(db, meeting_id).findings
    assert [f.field for f in findings] == [f"survey_item:{own.id}:text"] * len(findings)
    assert findings
    from hyvinvointi_app.services import approval

    approval.approve_memo(db, meeting_id, approved_by="Aino", findings_confirmed=True)
    public = _text(build_document(db, "public", meeting_id, OPTIONS))
    assert "040 123 4567" not in public and "Soita" in public


def test_counts_the_service_refuses(db: Database) -> None:
    from hyvinvointi_app.domain.errors import NotFound

    meeting_id = _meeting(db)
    survey = _children_survey(db, count=4)
    first = survey.items[0].id
    for wrong in (
        TallyInput(1, 5, ((first, 0, 2.5),)),  # type: ignore[arg-type]  # as a caller might
        TallyInput(1, 5, ((first, 0, 1), (first, 0, 1))),
        TallyInput(1, True, ()),  # a bool is no count
    ):
        with pytest.raises(ValidationError):
            surveys.set_tally(db, meeting_id, survey.id, wrong)
    surveys.set_archived(db, survey.id, True)
    with pytest.raises(ValidationError):  # an archived survey is counted no more
        surveys.set_tally(db, meeting_id, survey.id, TallyInput(1, 5, ()))
    with pytest.raises(NotFound):
        surveys.move_item_undoably(db, survey.id, 99_999, 1)


def test_redoing_an_addition_gives_the_options_back_their_ids(db: Database) -> None:
    """Counts recorded later refer to the options by id: a redo brings each option back
    with its id wherever that is still free."""
    survey = _children_survey(db, count=4)
    added = surveys.add_items_undoably(
        db, survey.id, [ItemInput(None, Texts("Oma", "Eget")), ItemInput(None, Texts("B", "B"))]
    )
    first, second = (i.id for i in added.value.items[4:])
    added.undo()
    other = surveys.create_survey(db, surveys.new_survey_input(VoiceKind.CHILDREN))
    taken = surveys.add_items_undoably(db, other.id, [ItemInput(None, Texts("X", "X"))])
    assert taken.value.items[0].id == first  # the first one's id went to another survey
    added.redo()
    ids = [i.id for i in surveys.get_survey(db, survey.id).items[4:]]
    assert ids[1] == second and ids[0] not in (first, second)
