"""Screenshots of the dialogs for a unit file another computer left locked, in Finnish and Swedish:
the bad-file dialog with "Take over", its confirmation, and a lock file that is not a file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_over_screenshots.py OUT_DIR \
        [--preview-translations FILE.json]

``--preview-translations`` shows texts not yet merged into the catalogs from a JSON file of
``{"English": {"fi": "…", "sv": "…"}}``, to look at their length before merging. Paths shown
are a Windows director's, not this machine's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import json
import os
import sys
import tempfile
from pathlib import Path, PureWindowsPath

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class _PendingCatalog(gettext.NullTranslations):
    """Texts from the JSON file first, then the compiled catalog."""

    def __init__(self, pending: dict[str, str], catalog: gettext.NullTranslations) -> None:
        super().__init__()
        self._pending = pending
        self.add_fallback(catalog)

    def gettext(self, message: str) -> str:
        return self._pending.get(message) or super().gettext(message)


def _use_pending(language: str, pending: dict[str, dict[str, str]]) -> None:
    from hyvinvointi_app.i18n import translator
    from hyvinvointi_app.i18n.catalogs import translations

    texts = {en: by_language[language] for en, by_language in pending.items()}
    catalog = _PendingCatalog(texts, translations(language))
    translator._ui = translator.Translator(language, catalog)


def take_over_dialogs(out: Path, language: str, parent: object = None) -> list[Path]:
    """Grab the three dialogs in the current interface language; return the files written."""
    from PySide6.QtWidgets import QApplication, QWidget

    from hyvinvointi_app.domain.errors import LockedByOtherComputer, LockHolder, LockNotAFile
    from hyvinvointi_app.ui.backups.bad_file_dialog import (
        BadFileDialog,
        FileChoice,
        TakeOverConfirmation,
    )

    app = QApplication.instance()
    assert app is not None
    owner = parent if isinstance(parent, QWidget) else None
    shown = PureWindowsPath(r"C:\Users\johtaja\AppData\Roaming\Hyvinvointiryhma\unit.sqlite")
    holder = LockHolder("TOIMISTO-LAPPARI", "aino.ahonen", 4242, dt.datetime(2026, 11, 23, 13, 5))
    locked = LockedByOtherComputer(shown, holder)  # type: ignore[arg-type]
    written: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        widget.show()
        app.processEvents()
        target = out / f"{name}-{language}.png"
        widget.grab().save(str(target))
        widget.close()
        written.append(target)

    choices = [FileChoice.TAKE_OVER, FileChoice.READ_ONLY, FileChoice.OTHER_FILE, FileChoice.QUIT]
    grab(BadFileDialog(locked, choices, at_start=True, parent=owner), "bad-file-take-over")
    grab(TakeOverConfirmation(locked, owner), "take-over-confirmation")
    not_a_file = LockNotAFile(
        shown,  # type: ignore[arg-type]
        shown.with_name("unit.sqlite.lock"),  # type: ignore[arg-type]
    )
    choices = [FileChoice.READ_ONLY, FileChoice.OTHER_FILE, FileChoice.QUIT]
    dialog = BadFileDialog(not_a_file, choices, at_start=True, parent=owner)
    grab(dialog, "bad-file-lock-not-a-file")
    return written


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--preview-translations", type=Path)
    args = parser.parse_args()
    os.environ["HYVINVOINTI_HOME"] = tempfile.mkdtemp(prefix="hyvinvointi-shots-")

    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.ui.language import apply_language

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    pending = (
        json.loads(args.preview_translations.read_text(encoding="utf-8"))
        if args.preview_translations
        else None
    )
    for language in ("fi", "sv"):
        apply_language(language)
        if pending:
            _use_pending(language, pending)
        for name in take_over_dialogs(args.out, language):
            print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
