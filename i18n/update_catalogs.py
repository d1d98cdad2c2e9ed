"""Brings the catalogs in step with the code, then lists what is left to translate.

Run with the project's environment (a maintainer's tool: it is not part of the installed
application)::

    python i18n/update_catalogs.py                      # update the files, list the work
    python i18n/update_catalogs.py --check              # change nothing; exit 1 if stale
    python i18n/update_catalogs.py --apply new.json     # also write translations handed over

Babel does the extracting and the merging; this script adds what ``pybabel extract`` and
``pybabel update`` lack: a file is rewritten only when an entry changed (not for a new date
in its header), the work left (untranslated and fuzzy entries) is listed, and translations
handed over as JSON are written in.

Adding a user-facing string:

1. In the code, wrap the literal English text where it is shown:
   ``_("Members")`` (``from hyvinvointi_app.i18n.translator import _``), ``tr.gettext(...)``
   in report code, ``pgettext("action status", "Open")`` where English is ambiguous,
   ``ngettext("{n} meeting", "{n} meetings", n).format(n=n)`` for counts, ``N_("...")``
   for a string defined at import time (translate it with ``_()`` when shown). Use named
   ``{placeholders}``, never string concatenation, so a translator can reorder the words;
   a ``# Translators: ...`` comment on the line above reaches the translator.
2. Run this script. It extracts every string of ``hyvinvointi_app/`` (rules: ``babel.cfg``)
   into ``i18n/messages.pot``, merges that into ``i18n/fi/LC_MESSAGES/messages.po`` and
   ``i18n/sv/LC_MESSAGES/messages.po``, and lists the untranslated and fuzzy entries.
3. Translate those entries in both ``.po`` files, with the terms of the domain reference
   (§3). A fuzzy entry is Babel's guess from a similar old string (shown under ``#|``):
   correct it and delete its ``#, fuzzy`` line. Fuzzy entries are never shown to users.
4. Run this script again until it lists nothing; the i18n tests fail until then.

To keep diffs small, entries are written without source locations and sorted by message,
obsolete entries are dropped, and a file whose entries did not change is not rewritten (not
even its date). Compiled ``.mo`` files are not needed: the application compiles the ``.po``
files in memory when it starts.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from hyvinvointi_app.i18n.catalogs import CATALOG_LANGUAGES, DOMAIN

ROOT = Path(__file__).resolve().parents[1]
"""The checkout: this script maintains the source tree it lives in."""
PACKAGE = "hyvinvointi_app"
PROJECT = "Hyvinvointiryhmä"
MAPPING = "babel.cfg"
TEMPLATE = Path("i18n") / f"{DOMAIN}.pot"

_HEADER = """\
# {title} of Hyvinvointiryhmä.
# The list of messages is kept by the script
# i18n/update_catalogs.py (see its docstring);
# edit only the translations. Terms follow the shared domain
# reference, section 3."""
_VOLATILE_HEADER_FIELDS = re.compile(
    rb'^"(?:Project-Id-Version|POT-Creation-Date|PO-Revision-Date|Generated-By): .*"\n',
    re.MULTILINE,
)
"""Header lines that change without any message changing; alone they cause no rewrite."""


def _version(root: Path) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def template_path(root: Path = ROOT) -> Path:
    return root / TEMPLATE


def catalog_path(language: str, root: Path = ROOT) -> Path:
    return root / "i18n" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_template(root: Path = ROOT) -> Catalog:
    """Every translatable string of the package, as a template catalog (nothing written)."""
    with (root / MAPPING).open(encoding="utf-8") as handle:
        # The same parser as `pybabel extract -F babel.cfg`; Babel leaves it unannotated.
        method_map, options_map = parse_mapping_cfg(handle, MAPPING)  # type: ignore[no-untyped-call]  # Babel is untyped

    def in_package(folder: str) -> bool:
        parts = Path(folder).relative_to(root).parts
        return parts[0] == PACKAGE and not any(
            part.startswith(".") or part == "__pycache__" for part in parts
        )

    template = Catalog(
        project=PROJECT,
        version=_version(root),
        header_comment=_HEADER.format(title="Message template"),
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        root,
        method_map,
        options_map,
        keywords={},  # babel.cfg lists them
        strip_comment_tags=True,
        directory_filter=in_package,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def render(catalog: Catalog) -> bytes:
    """The file text, in the one form this project writes (see the module docstring)."""
    text = io.BytesIO()
    write_po(
        text,
        catalog,
        no_location=True,
        sort_output=True,
        ignore_obsolete=True,
        include_previous=True,
    )
    return text.getvalue()


def merged_catalog(template: Catalog, language: str, root: Path = ROOT) -> Catalog:
    """A language's catalog updated to ``template``; a new one if the language has none."""
    path = catalog_path(language, root)
    if path.exists():
        catalog = read_catalog(path)
    else:
        catalog = Catalog(
            locale=language,
            project=PROJECT,
            version=template.version,
            header_comment=_HEADER.format(title=f"Translations ({language})"),
            fuzzy=False,
        )
    catalog.update(template)
    return catalog


def message_label(message: Message) -> str:
    """How an entry is named in reports: its (first) English text, with its context."""
    text = message.id if isinstance(message.id, str) else message.id[0]
    return f"[{message.context}] {text}" if message.context else text


def is_untranslated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return not all(strings)


@dataclass
class CatalogStatus:
    """What an update found (or, with ``--check``, would do) for one file."""

    path: Path
    stale: bool
    untranslated: list[str] = field(default_factory=list)
    fuzzy: list[str] = field(default_factory=list)


def _differs(path: Path, data: bytes) -> bool:
    if not path.exists():
        return True
    old = _VOLATILE_HEADER_FIELDS.sub(b"", path.read_bytes())
    return old != _VOLATILE_HEADER_FIELDS.sub(b"", data)


def update(root: Path = ROOT, *, write: bool = True) -> list[CatalogStatus]:
    """Extracts, merges and (if ``write``) writes what changed; the template comes first."""
    template = extract_template(root)
    plan: list[tuple[Path, Catalog]] = [(template_path(root), template)]
    plan += [
        (catalog_path(lang, root), merged_catalog(template, lang, root))
        for lang in CATALOG_LANGUAGES
    ]
    statuses = []
    for path, catalog in plan:
        data = render(catalog)
        stale = _differs(path, data)
        if stale and write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        status = CatalogStatus(path, stale)
        if catalog is not template:
            for message in catalog:
                if not message.id:
                    continue  # the header
                if message.fuzzy:
                    status.fuzzy.append(message_label(message))
                elif is_untranslated(message):
                    status.untranslated.append(message_label(message))
        statuses.append(status)
    return statuses


def apply_translations(files: Sequence[Path], root: Path = ROOT) -> list[str]:
    """Write the translations in ``files`` into the catalogs; return the entries not found.

    Each file is JSON: ``{"English text": {"fi": "...", "sv": "..."}}``, with
    ``"context\\u0004English text"`` for an entry that has a context, and a list of forms
    instead of a string for a plural entry. This is how a translator (or a colleague who
    wrote new screens) hands over translations without editing the catalogs by hand.
    """
    wanted: dict[tuple[str | None, str], dict[str, Any]] = {}
    for file in files:
        for key, by_language in json.loads(file.read_text(encoding="utf-8")).items():
            context, _sep, text = key.rpartition("\u0004")
            # Files may each bring some languages of the same entry (a Finnish and a
            # Swedish reviewer's corrections): merge them, never let one drop the other.
            wanted.setdefault((context or None, text), {}).update(by_language)
    found: set[tuple[str | None, str]] = set()
    for language in CATALOG_LANGUAGES:
        path = catalog_path(language, root)
        catalog = read_catalog(path)
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            entry = wanted.get((message.context, msgid))
            if entry is None or language not in entry:
                continue
            found.add((message.context, msgid))
            value = entry[language]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
            message.previous_id = []
            # Babel reads a fuzzy entry's "# | msgid ..." back as a translator comment.
            message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
        path.write_bytes(render(catalog))
    return [f"{c}|{t}" if c else t for (c, t) in wanted if (c, t) not in found]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python i18n/update_catalogs.py",
        description="Update i18n/messages.pot and the fi and sv catalogs from the code.",
    )
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if anything is to do"
    )
    parser.add_argument(
        "--apply",
        nargs="+",
        type=Path,
        metavar="JSON",
        help="after updating, write the translations in these JSON files into the catalogs",
    )
    args = parser.parse_args(argv)
    if args.apply:
        update(write=True)
        for text in apply_translations(args.apply):
            print(f"not in the catalogs (no such string in the code): {text}")
    statuses = update(write=not args.check)
    to_do = False
    for status in statuses:
        name = status.path.relative_to(ROOT).as_posix()
        if status.stale:
            to_do = True
            print(f"{name}: {'out of date' if args.check else 'updated'}")
        for kind, labels in (("untranslated", status.untranslated), ("fuzzy", status.fuzzy)):
            if labels:
                to_do = True
                print(f"{name}: {len(labels)} {kind}:")
                for text in labels:
                    print(f"    {text}")
    if not to_do:
        print("Catalogs are up to date and completely translated.")
    return 1 if args.check and to_do else 0


if __name__ == "__main__":
    sys.exit(main())
