"""A catalog is compiled once into ``__pycache__`` beside its ``.po`` and read from there at
the next start; an edited ``.po`` is compiled again and a damaged copy is never trusted."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hyvinvointi_app.i18n.catalogs import compiled_po, po_path


def _catalog(tmp_path: Path) -> Path:
    po = tmp_path / "messages.po"
    shutil.copy(po_path("fi"), po)
    return po


def _cached(po: Path) -> list[Path]:
    return sorted((po.parent / "__pycache__").glob("messages.*.mo"))


def test_the_compiled_copy_is_written_once_and_read_back(tmp_path: Path) -> None:
    po = _catalog(tmp_path)
    assert compiled_po(po).gettext("Overview") == "Yleiskatsaus"
    (copy,) = _cached(po)
    written = copy.stat().st_mtime_ns
    assert compiled_po(po).gettext("Overview") == "Yleiskatsaus"
    assert _cached(po) == [copy] and copy.stat().st_mtime_ns == written


def test_an_edited_catalog_is_compiled_again(tmp_path: Path) -> None:
    po = _catalog(tmp_path)
    compiled_po(po)
    (old,) = _cached(po)
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Yleiskatsaus"', 'msgstr "Katsaus"'), encoding="utf-8")
    stat = po.stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert compiled_po(po).gettext("Overview") == "Katsaus"
    (new,) = _cached(po)
    assert new != old


def test_a_damaged_copy_is_compiled_again(tmp_path: Path) -> None:
    po = _catalog(tmp_path)
    compiled_po(po)
    (copy,) = _cached(po)
    copy.write_bytes(b"\x00" * 7)
    assert compiled_po(po).gettext("Overview") == "Yleiskatsaus"
    assert copy.read_bytes()[:4] != b"\x00" * 4


def test_a_copy_that_cannot_be_written_still_gives_the_translations(tmp_path: Path) -> None:
    po = _catalog(tmp_path)
    (po.parent / "__pycache__").write_text("not a folder")  # the copy cannot be written
    assert compiled_po(po).gettext("Overview") == "Yleiskatsaus"
