"""A document built as blocks, as simple HTML: for Qt's rich-text view (the read-only view of a
kept memo version) and, as a page of its own, for a web page (the public version of a memo):
the same text as the PDF, without pages. Every text is escaped; there is no script, no style
sheet and no outside file, so that the page pastes into any web page."""

from __future__ import annotations

import html
from collections.abc import Sequence

from hyvinvointi_app.reports import blocks


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def _row(cells: Sequence[str], tag: str) -> str:
    return "<tr>" + "".join(f"<{tag}>{_text(cell)}</{tag}>" for cell in cells) + "</tr>"


def to_html(document: Sequence[blocks.Block]) -> str:
    parts: list[str] = []
    for block in document:
        match block:
            case blocks.Title(text):
                parts.append(f"<h1>{_text(text)}</h1>")
            case blocks.Subtitle(text):
                parts.append(f"<p><i>{_text(text)}</i></p>")
            case blocks.Heading(text, level):
                tag = "h2" if level <= 2 else "h3"
                parts.append(f"<{tag}>{_text(text)}</{tag}>")
            case blocks.Para(text, style):
                inner = f"<b>{_text(text)}</b>" if style == "label" else _text(text)
                parts.append(f"<p>{inner}</p>")
            case blocks.Facts(rows, _label_width):
                lines = "".join(
                    f"<tr><td><b>{_text(k)}</b></td><td>{_text(v)}</td></tr>" for k, v in rows if v
                )
                parts.append(f'<table cellpadding="2">{lines}</table>')
            case blocks.Grid(headers, rows, _widths, _fixed):
                body = _row(headers, "th") + "".join(_row(row, "td") for row in rows)
                parts.append(
                    f'<table border="1" cellspacing="0" cellpadding="3" width="100%">{body}</table>'
                )
            case blocks.Signatures(heading, signers):
                parts.append(f"<p><b>{_text(heading)}</b></p>")
                parts += [
                    f"<p><br>______________________________<br>{_text(s)}</p>" for s in signers
                ]
            case blocks.Space():
                pass
            case blocks.Charts(charts):
                parts.append(to_html([blocks.chart_table(chart) for chart in charts]))
            case blocks.BarGrid(grid):
                parts.append(to_html([grid]))
            case blocks.Keep(inner):
                parts.append(to_html(inner))
    return "\n".join(parts)


def page_around(body: str, title: str, language: str) -> str:
    """A whole HTML5 page in UTF-8 around ``body`` (already HTML)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def to_page(document: Sequence[blocks.Block], title: str, language: str) -> str:
    """The document as a web page of its own."""
    return page_around(to_html(document), title, language)
