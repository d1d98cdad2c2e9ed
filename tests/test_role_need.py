"""The school social worker or psychologist is one need of the group, with one label: the
Overview, the meeting editor, the members screen, the annual report and the coordinator's
overview name it alike (three renderings once disagreed, and the Overview named only the
school social worker). The annual report's columns are checked by its golden text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from hyvinvointi_app.domain.enums import (
    SOCIAL_WORKER_OR_PSYCHOLOGIST,
    AttendanceStatus,
    MeetingStatus,
    Role,
    expected_needs,
    missing_roles,
)
from hyvinvointi_app.i18n.translator import set_ui_language, ui_translator
from hyvinvointi_app.reports.texts import ReportTexts
from hyvinvointi_app.services.members import RoleNeed
from hyvinvointi_app.services.memo_view import AttendanceView, MeetingDetail, MemberRef
from hyvinvointi_app.services.overview import Overview
from hyvinvointi_app.ui.meetings.editor.attendance import missing_roles_text
from hyvinvointi_app.ui.members.coverage import need_label
from hyvinvointi_app.ui.overview.page import figures

LABEL = {"fi": "Kuraattori tai psykologi", "sv": "Kurator eller psykolog"}


@pytest.fixture(params=["fi", "sv"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    before = ui_translator().language
    set_ui_language(request.param)
    yield request.param
    set_ui_language(before)


def test_either_role_fills_the_need_and_a_lack_is_named_once() -> None:
    everyone_else = {Role.DIRECTOR, Role.ECEC_STAFF, Role.GUARDIAN_REPRESENTATIVE}
    everyone_else.add(Role.PUBLIC_HEALTH_NURSE)
    assert missing_roles(everyone_else, has_pre_primary=False) == [Role.SCHOOL_SOCIAL_WORKER]
    for role in SOCIAL_WORKER_OR_PSYCHOLOGIST:
        assert missing_roles(everyone_else | {role}, has_pre_primary=False) == []
    assert expected_needs(has_pre_primary=False)[-1] == SOCIAL_WORKER_OR_PSYCHOLOGIST
    assert Role.PRE_PRIMARY_STAFF in missing_roles(everyone_else, has_pre_primary=True)


def test_every_screen_and_report_names_the_need_alike(language: str) -> None:
    wanted = LABEL[language]
    overview = Overview(
        "2026–2027",
        dt.date(2026, 8, 1),
        dt.date(2027, 7, 31),
        2,
        2,
        None,
        (Role.SCHOOL_SOCIAL_WORKER,),
        0,
        0,
        (),
        (),
    )
    assert {f.key: f for f in figures(overview, language)}["roles"].text == wanted
    assert need_label(RoleNeed(SOCIAL_WORKER_OR_PSYCHOLOGIST, ())) == wanted
    director = MemberRef(1, "Aino", Role.DIRECTOR)
    memo = MeetingDetail(
        *(1, 1, "2026–2027", 1, dt.date(2026, 9, 1), None, None, ""),
        *(None, None, MeetingStatus.DRAFT, None, None, False, dt.datetime(2026, 9, 1)),
        attendance=(AttendanceView(director, Role.DIRECTOR, AttendanceStatus.PRESENT),),
    )
    assert missing_roles_text(memo, has_pre_primary=False).endswith(wanted)
    assert ReportTexts(language).missing_role(Role.PSYCHOLOGIST) == wanted
    # a role of its own is still named alone (the members list, the attendance table)
    assert ReportTexts(language).label(Role.SCHOOL_SOCIAL_WORKER) != wanted
