"""How long the annual clock's wheel and poster take: the wheel's model read from the unit
file, the wheel painted on screen at 100 % and 200 %, and the poster built (A4 and A3, in one
language and in both), for the demo's clock and for a clock of 40 themes.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_clock.py [--repeats 20]

Prints the median and the slowest of ``repeats`` runs of each. The screen redraws the wheel
on the GUI thread (a paint must stay well under 100 ms); the poster is built in the export
worker, off the GUI thread, like every document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.reports.export import build_document
from hyvinvointi_app.reports.options import ReportOptions
from hyvinvointi_app.services import annual_clock, clock_wheel, periods
from hyvinvointi_app.services.demo import write_demo
from hyvinvointi_app.store.database import Database, open_database

TODAY = dt.date(2026, 11, 23)


def _time(label: str, repeats: int, run: Callable[[], object]) -> None:
    run()  # the first run loads fonts and modules
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} median {statistics.median(times):7.1f} ms   slowest {max(times):7.1f} ms")


def _measure(db: Database, name: str, repeats: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from hyvinvointi_app.ui.annual_clock.wheel import ClockWheel

    period = periods.current_period(db)
    count = len(annual_clock.list_themes(db))
    print(f"-- {name}: {count} themes")
    _time("wheel model (build_wheel)", repeats, lambda: clock_wheel.build_wheel(db, period, TODAY))
    wheel = ClockWheel()
    wheel.resize(640, 640)
    model = clock_wheel.build_wheel(db, period, TODAY)
    wheel.load(model)
    chosen = model.in_month(9)[0].theme  # a theme chosen: its piece is drawn over the picture
    wheel.set_current(chosen.month, chosen.id)
    for scale in (1, 2):
        image = QImage(wheel.size() * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)

        def paint(image: QImage = image, fresh: bool = False) -> None:
            if fresh:  # a new clock: its texts are fitted again
                wheel.load(model)
            image.fill(Qt.GlobalColor.white)
            wheel.render(image)

        _time(f"wheel laid out and painted at {scale * 100} %", repeats, lambda: paint(fresh=True))
        _time(f"wheel repainted at {scale * 100} % (a key)", repeats, paint)
    for language in ("fi", "fi+sv"):
        for paper in ("A4", "A3"):
            options = ReportOptions(language, paper=paper, created=dt.datetime(2026, 11, 23, 12))
            _time(
                f"poster {language} {paper}",
                max(3, repeats // 4),
                lambda options=options: build_document(db, "clock", period.id, options),
            )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        write_demo(path, language="fi", years=2, today=TODAY)
        db = open_database(path)
        try:
            _measure(db, "the demo's clock", args.repeats)
            number = 0
            while len(annual_clock.list_themes(db)) < 40:  # September's the fullest month
                number += 1
                annual_clock.add_theme(db, 9, f"Syyskuun lisäteema {number}", PlanType.CUSTOM)
            _measure(db, "a clock of 40 themes", args.repeats)
        finally:
            db.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
