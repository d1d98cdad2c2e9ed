"""Every domain enum value has a label in every language, in the domain's vocabulary."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from enum import StrEnum

import pytest

from hyvinvointi_app.domain import enums
from hyvinvointi_app.domain.enums import ActionStatus, EvaluationMethod, Role, VoiceMethod
from hyvinvointi_app.i18n.labels import (
    LABELLED_ENUMS,
    action_status_label,
    choices,
    label,
    plan_type_label,
    role_label,
)
from hyvinvointi_app.i18n.translator import set_ui_language, translator_for, ui_translator

ALL_VALUES = [value for enum in LABELLED_ENUMS for value in enum]

SAME_AS_ENGLISH = {("sv", VoiceMethod.OBSERVATION), ("sv", EvaluationMethod.OBSERVATION)}
"""Labels that are rightly the English word: Swedish says "observation" too."""


@pytest.fixture(autouse=True)
def restore_ui_language() -> Iterator[None]:
    before = ui_translator().language
    yield
    set_ui_language(before)


def test_every_enum_of_the_domain_has_labels() -> None:
    domain_enums = {
        obj
        for _, obj in inspect.getmembers(enums, inspect.isclass)
        if issubclass(obj, StrEnum) and obj is not StrEnum
    }
    assert domain_enums == set(LABELLED_ENUMS)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_value_is_translated(language: str) -> None:
    english, tr = translator_for("en"), translator_for(language)
    for value in ALL_VALUES:
        text = label(value, tr)
        assert text.strip(), f"{value!r} has an empty {language} label"
        if (language, value) not in SAME_AS_ENGLISH:
            assert text != label(value, english), f"{value!r} is not translated to {language}"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_values_of_one_enum_are_told_apart(language: str) -> None:
    tr = translator_for(language)
    for enum in LABELLED_ENUMS:
        texts = [text for _, text in choices(enum, tr)]
        assert len(set(texts)) == len(texts), f"{enum.__name__} repeats a label in {language}"


def test_labels_use_the_domain_vocabulary() -> None:
    fi, sv = translator_for("fi"), translator_for("sv")
    assert role_label(Role.DIRECTOR, fi) == "Johtaja / kokoonkutsuja"
    assert role_label(Role.GUARDIAN_REPRESENTATIVE, sv) == "Vårdnadshavarnas representant"
    assert role_label(Role.SCHOOL_SOCIAL_WORKER, sv) == "Kurator"
    assert plan_type_label(enums.PlanType.NON_DISCRIMINATION, fi) == "Yhdenvertaisuussuunnitelma"
    assert label(enums.AttendanceStatus.EXCUSED, sv) == "Förhindrad"
    assert [action_status_label(s, fi) for s in ActionStatus] == ["Avoin", "Valmis", "Luovuttu"]
    assert action_status_label(ActionStatus.OPEN, sv, overdue=True) == "Försenad"
    assert action_status_label(ActionStatus.DONE, sv, overdue=True) == "Klar"


def test_labels_follow_the_interface_language() -> None:
    set_ui_language("fi")
    assert role_label(Role.PSYCHOLOGIST) == "Psykologi"
    set_ui_language("sv")
    assert role_label(Role.PSYCHOLOGIST) == "Psykolog"
    assert choices(enums.ChecklistAnswer)[0] == (enums.ChecklistAnswer.YES, "Ja")


def test_a_value_without_labels_is_a_programming_error() -> None:
    class Colour(StrEnum):
        RED = "red"

    with pytest.raises(TypeError):
        label(Colour.RED)
