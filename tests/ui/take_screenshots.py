"""Screenshots of every screen in Finnish and Swedish on a demo unit, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/take_screenshots.py [OUT_DIR] [--scale 2]

The window is 1366×768 (a common office laptop); ``--scale 2`` renders at 200 % to look for
clipped text. Open the pictures and look at them as a director would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--scale", default="1")
    parser.add_argument("--screens", nargs="*", help="screen keys (default: all)")
    args = parser.parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale
    home = Path(tempfile.mkdtemp(prefix="hyvinvointi-shots-"))
    os.environ["HYVINVOINTI_HOME"] = str(home)

    from PySide6.QtWidgets import QApplication

    from hyvinvointi_app.services import meetings
    from hyvinvointi_app.services.demo import write_demo
    from hyvinvointi_app.ui import screens
    from hyvinvointi_app.ui.language import apply_language
    from hyvinvointi_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == "1" else f"-{args.scale}x"
    for language in ("fi", "sv"):
        path = home / f"demo-{language}.sqlite"
        write_demo(path, language=language, years=3, today=dt.date(2026, 11, 23))
        apply_language(language)
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        assert window.open_database(path) is None
        for spec in screens.SCREENS:
            if args.screens and spec.key not in args.screens:
                continue
            window.show_page(spec.key)
            app.processEvents()
            name = args.out / f"{spec.key}-{language}{suffix}.png"
            window.grab().save(str(name))
            print(name)
        if not args.screens or "meeting-mode" in args.screens:
            assert window.context is not None
            page = window.pages["meetings"]
            page.open_meeting(meetings.latest_meeting(window.context.database))  # type: ignore[attr-defined]
            app.processEvents()
            name = args.out / f"meeting-mode-{language}{suffix}.png"
            window.grab().save(str(name))
            print(name)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
