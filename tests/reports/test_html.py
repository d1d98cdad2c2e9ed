"""The read-only view of a kept memo version: every typed text is escaped, line breaks kept."""

from __future__ import annotations

from hyvinvointi_app.reports.blocks import Facts, Grid, Heading, Para, Signatures
from hyvinvointi_app.reports.html import to_html


def test_typed_text_is_escaped_everywhere() -> None:
    typed = "<i>Sali</i> & <script>x</script>\ntoinen rivi"
    page = to_html(
        [
            Heading(typed),
            Para(typed),
            Facts([("Paikka", typed)]),
            Grid(["Otsikko"], [[typed]], [1]),
            Signatures("Vakuudeksi", [typed]),
        ]
    )
    assert "<i>Sali" not in page and "<script>" not in page
    assert page.count("&lt;i&gt;Sali&lt;/i&gt; &amp; &lt;script&gt;") == 5
    assert "<br>toinen rivi" in page
