"""The interface translator switches at run time; report translators stay independent."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from hyvinvointi_app.domain.enums import Language
from hyvinvointi_app.i18n import translator
from hyvinvointi_app.i18n.translator import (
    N_,
    Translator,
    _,
    ngettext,
    npgettext,
    pgettext,
    set_ui_language,
    translator_for,
    ui_translator,
)


@pytest.fixture(autouse=True)
def restore_ui_language() -> Iterator[None]:
    before = ui_translator().language
    yield
    set_ui_language(before)


def test_switching_the_interface_language_changes_what_underscore_returns() -> None:
    set_ui_language("fi")
    assert _("Members") == "Jäsenet"
    set_ui_language("sv")
    assert _("Members") == "Medlemmar"
    assert ui_translator().language == "sv"
    set_ui_language("en")
    assert _("Members") == "Members"


def test_a_string_marked_at_import_time_is_translated_when_shown() -> None:
    heading = N_("Members")
    assert heading == "Members"
    set_ui_language("sv")
    assert _(heading) == "Medlemmar"


def test_context_tells_apart_equal_english_words() -> None:
    set_ui_language("fi")
    assert pgettext("action status", "Open") == "Avoin"
    assert pgettext("follow-up outcome", "Done") == "Valmis"
    assert _("Open") == "Open"  # no such entry without a context
    assert pgettext("no such context", "Members") == "Members"


def test_plural_lookups_fall_back_to_the_english_rule() -> None:
    set_ui_language("fi")
    assert ngettext("{n} meeting", "{n} meetings", 1) == "{n} meeting"
    assert ngettext("{n} meeting", "{n} meetings", 3) == "{n} meetings"
    assert npgettext("ctx", "{n} item", "{n} items", 0) == "{n} items"


def test_a_report_translator_is_independent_of_the_interface() -> None:
    set_ui_language("fi")
    report = translator_for("sv")
    assert report.gettext("Members") == "Medlemmar"
    assert report.pgettext("action status", "Open") == "Öppen"
    assert _("Members") == "Jäsenet"
    assert translator_for(Language.SWEDISH) is report
    assert report.language == "sv"
    assert repr(report) == "Translator('sv')"


def test_unknown_languages_are_refused() -> None:
    for bad in ("de", "FI", "fi_FI", "fi+sv", ""):
        with pytest.raises(ValueError):
            translator_for(bad)
        with pytest.raises(ValueError):
            set_ui_language(bad)
        with pytest.raises(ValueError):
            Translator(bad)
    assert ui_translator() is translator._ui


def test_importing_and_using_the_english_translator_reads_no_catalog() -> None:
    """Start-up cost: Babel is needed only to read a catalog or format a date."""
    code = (
        "import sys\n"
        "from hyvinvointi_app.i18n.translator import _, set_ui_language\n"
        "import hyvinvointi_app.i18n.formatting, hyvinvointi_app.i18n.collation\n"
        "import hyvinvointi_app.i18n.labels\n"
        "set_ui_language('en'); _('Members')\n"
        "assert not [m for m in sys.modules if m.startswith('babel')], 'babel imported'\n"
        "assert 'PySide6' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
