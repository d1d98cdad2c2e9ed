"""The overview's small bar charts: every title whole, however long (a bilingual one takes
four lines), and every chart's bars on one scale."""

from __future__ import annotations

from reportlab.graphics.shapes import Rect, String

from hyvinvointi_app.reports.blocks import Chart
from hyvinvointi_app.reports.layout import bar_charts

BILINGUAL = (
    "Yksiköt, joissa kokousten vähimmäismäärä täyttyi / Enheter som uppnådde minimiantalet möten"
)


def test_a_long_title_is_drawn_whole_and_the_bars_share_one_scale() -> None:
    charts = [
        Chart(BILINGUAL, [("2025-2026", 1.0, "100 %"), ("2026-2027", 0.5, "50 %")]),
        Chart("Short", [("2025-2026", 1.0, "100 %")]),
    ]
    drawing = bar_charts(charts)
    strings = [item for item in drawing.contents if isinstance(item, String)]
    titles = [s.text for s in strings if s.fontName.endswith("Bold")]
    assert " ".join(titles) == f"{BILINGUAL} Short"  # no word of the title left out
    full = [item.height for item in drawing.contents if isinstance(item, Rect)]
    assert full[0] == full[2] == 2 * full[1]  # 100 % is as tall in both charts
    assert max(s.y for s in strings) < drawing.height
