"""The catalogs are complete for the current code, keep every placeholder, and load safely."""

from __future__ import annotations

import gettext
import re
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from update_catalogs import (
    ROOT,
    catalog_path,
    extract_template,
    is_untranslated,
    message_label,
    read_catalog,
    render,
    template_path,
)

from hyvinvointi_app.i18n import catalogs

LANGUAGES = catalogs.CATALOG_LANGUAGES
Key = tuple[str | None, str]


def _key(message: Message) -> Key:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, text


def _entries(catalog: Catalog) -> dict[Key, Message]:
    return {_key(m): m for m in catalog if m.id}


@pytest.fixture(scope="module")
def fresh_template(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The template extracted from the code as it is now, written and read back."""
    path = tmp_path_factory.mktemp("extracted") / "messages.pot"
    path.write_bytes(render(extract_template(ROOT)))
    return read_catalog(path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language: str) -> None:
    catalog = read_catalog(catalog_path(language))
    fuzzy = [message_label(m) for m in catalog if m.id and m.fuzzy]
    untranslated = [message_label(m) for m in catalog if m.id and is_untranslated(m)]
    where = catalog_path(language).relative_to(ROOT).as_posix()
    assert not fuzzy, f"check these guesses in {where}, then delete their fuzzy flag: {fuzzy}"
    assert not untranslated, f"translate these in {where}: {untranslated}"
    assert not catalog.fuzzy, "the catalog header is marked fuzzy"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_have_the_plural_rule_of_their_language(language: str) -> None:
    catalog = read_catalog(catalog_path(language))
    assert str(catalog.locale) == language
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_cover_every_string_of_the_current_code(
    language: str, fresh_template: Catalog
) -> None:
    wanted = _entries(fresh_template)
    have = _entries(read_catalog(catalog_path(language)))
    missing = [message_label(wanted[k]) for k in wanted.keys() - have.keys()]
    assert not missing, (
        f"strings in the code but not in the {language} catalog "
        f"(run: python i18n/update_catalogs.py, then translate): {missing}"
    )
    for key, message in wanted.items():
        assert have[key].id == message.id, f"{language}: plural forms differ for {key}"


def test_committed_template_matches_the_code(fresh_template: Catalog) -> None:
    committed = _entries(read_catalog(template_path()))
    assert committed.keys() == _entries(fresh_template).keys(), (
        "i18n/messages.pot is stale: run python i18n/update_catalogs.py"
    )


def test_extraction_finds_every_keyword(tmp_path: Path) -> None:
    package = tmp_path / "hyvinvointi_app"
    package.mkdir()
    (tmp_path / "babel.cfg").write_bytes((ROOT / "babel.cfg").read_bytes())
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1"\n', encoding="utf-8")
    (package / "sample.py").write_text(
        "# Translators: shown on the main window\n"
        '_("a")\nN_("b")\ngettext("c")\ntr.gettext("d")\nngettext("e", "es", n)\n'
        'pgettext("ctx", "f")\nnpgettext("ctx", "g", "gs", n)\n_(variable)\n',
        encoding="utf-8",
    )
    entries = _entries(extract_template(tmp_path))
    assert set(entries) == {
        (None, "a"),
        (None, "b"),
        (None, "c"),
        (None, "d"),
        (None, "e"),
        ("ctx", "f"),
        ("ctx", "g"),
    }
    assert entries[None, "e"].id == ("e", "es")
    assert entries[None, "a"].auto_comments == ["shown on the main window"]


# --- placeholders ---------------------------------------------------------------------------

_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0+]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def placeholders(text: str) -> Counter[str]:
    """``{name}`` fields (with format spec) and ``%s``-style conversions, counted."""
    found: Counter[str] = Counter(m for m in _PERCENT.findall(text) if m != "%%")
    try:
        fields = [
            f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
            for _, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        fields = ["<unbalanced braces>"]
    found.update(fields)
    return found


def placeholder_errors(catalog: Catalog) -> list[str]:
    """Where a translation gains, loses or changes a placeholder of its source.

    Finnish and Swedish share English's plural rule (n != 1), so form 0 is compared with
    the singular source and every other form with the plural source.
    """
    errors = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        if isinstance(message.id, str):
            pairs = [(message.id, message.string)]
        else:
            sources = list(message.id)
            pairs = [(sources[min(i, 1)], s) for i, s in enumerate(message.string) if s]
        for source, translation in pairs:
            if placeholders(source) != placeholders(translation):
                errors.append(f"{message_label(message)!r} -> {translation!r}")
    return errors


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_exactly_the_placeholders(language: str) -> None:
    errors = placeholder_errors(read_catalog(catalog_path(language)))
    assert not errors, f"{language}: placeholders differ: {errors}"


def test_the_placeholder_check_catches_mistakes() -> None:
    catalog = Catalog(locale="fi")
    catalog.add("{count} members of {unit}", "{count} jäsentä yksikössä {unit}")
    catalog.add("Hello {name}", "Hei {nimi}")
    catalog.add("%(n)d left", "%(n)s jäljellä")
    catalog.add("%s found", "löytyi")
    catalog.add(("{n} meeting", "{n} meetings"), ("{n} kokous", "kokousta"))
    catalog.add("{a:>3}", "{a}")
    catalog.add("50 % done at {when}", "50 % valmis {when}")
    catalog.add("Braces {{literal}} and {x}", "Aaltosulkeet {{literal}} ja {x}")
    errors = placeholder_errors(catalog)
    assert len(errors) == 5
    assert not any("50 %" in e or "Braces" in e or "members" in e for e in errors)


# --- loading ----------------------------------------------------------------------------------

_PO = """\
msgid ""
msgstr ""
"Language: fi\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Members"
msgstr "Jäsenet"

#, fuzzy
msgid "Meetings"
msgstr "Kokous (arvaus)"

msgid "Untranslated"
msgstr ""

msgid "{n} member"
msgid_plural "{n} members"
msgstr[0] "{n} jäsen"
msgstr[1] "{n} jäsentä"
"""


def test_fuzzy_and_untranslated_entries_are_never_shown(tmp_path: Path) -> None:
    po = tmp_path / "messages.po"
    po.write_text(_PO, encoding="utf-8")
    compiled = catalogs.compiled_po(po)
    assert compiled.gettext("Members") == "Jäsenet"
    assert compiled.gettext("Meetings") == "Meetings"
    assert compiled.gettext("Untranslated") == "Untranslated"
    assert compiled.ngettext("{n} member", "{n} members", 1) == "{n} jäsen"
    assert compiled.ngettext("{n} member", "{n} members", 5) == "{n} jäsentä"


def test_catalogs_are_found_in_a_checkout_and_in_a_frozen_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert catalogs.catalog_folder() == ROOT / "i18n"
    assert catalogs.po_path("sv").is_file()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert catalogs.catalog_folder() == tmp_path / "i18n"
    assert catalogs.po_path("fi") == tmp_path / "i18n" / "fi" / "LC_MESSAGES" / "messages.po"


def test_english_is_the_source_and_unknown_languages_are_refused() -> None:
    assert type(catalogs.translations("en")) is gettext.NullTranslations
    assert isinstance(catalogs.translations("fi"), gettext.GNUTranslations)
    assert catalogs.translations("sv") is catalogs.translations("sv")
    for bad in ("de", "fi_FI", "", "fi+sv"):
        with pytest.raises(ValueError):
            catalogs.translations(bad)


def test_a_build_may_ship_compiled_catalogs_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.mofile import write_mo

    mo = tmp_path / "i18n" / "fi" / "LC_MESSAGES" / "messages.mo"
    mo.parent.mkdir(parents=True)
    with mo.open("wb") as handle:
        write_mo(handle, read_catalog(catalog_path("fi")))
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    uncached = catalogs.translations.__wrapped__
    assert uncached("fi").gettext("Members") == "Jäsenet"
    assert uncached("sv").gettext("Members") == "Members"  # no catalog: English, logged


def test_applied_files_merge_the_languages_of_one_entry(tmp_path: Path) -> None:
    """A Finnish and a Swedish reviewer each hand over a file with the same entry: both
    corrections land (the second file used to replace the first one's entry)."""
    import json
    import shutil

    from update_catalogs import (
        CATALOG_LANGUAGES,
        apply_translations,
        catalog_path,
        read_catalog,
    )

    for language in CATALOG_LANGUAGES:
        target = catalog_path(language, tmp_path)
        target.parent.mkdir(parents=True)
        shutil.copyfile(catalog_path(language), target)
    fi_file, sv_file = tmp_path / "fi.json", tmp_path / "sv.json"
    fi_file.write_text(json.dumps({"Not saved": {"fi": "Tallentamatta"}}), encoding="utf-8")
    sv_file.write_text(json.dumps({"Not saved": {"sv": "Osparat"}}), encoding="utf-8")
    assert apply_translations([fi_file, sv_file], tmp_path) == []
    found = {
        language: read_catalog(catalog_path(language, tmp_path)).get("Not saved").string
        for language in CATALOG_LANGUAGES
    }
    assert found == {"fi": "Tallentamatta", "sv": "Osparat"}


TRANSLATING = frozenset({"_", "gettext", "pgettext", "ngettext", "npgettext", "N_"})


def _calls_inside_f_strings(source: str) -> list[int]:
    """The lines where a translation call stands inside an f-string's braces."""
    import ast

    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for value in node.values:
            for inner in ast.walk(value):
                if isinstance(inner, ast.Call):
                    name = getattr(inner.func, "id", None) or getattr(inner.func, "attr", None)
                    if name in TRANSLATING:
                        lines.append(inner.lineno)
    return lines


def test_no_message_is_looked_up_inside_an_f_string() -> None:
    """The extractor does not read inside an f-string's braces: a message asked for there
    was left out of the catalogs and printed in English ("Theme:" on agendas)."""
    root = Path(__file__).resolve().parents[2] / "hyvinvointi_app"
    found = {
        str(path.relative_to(root)): lines
        for path in sorted(root.rglob("*.py"))
        if (lines := _calls_inside_f_strings(path.read_text(encoding="utf-8")))
    }
    assert found == {}
    assert _calls_inside_f_strings("x = f\"{tx.pgettext('report', 'Theme')}: {t}\"") == [1]
