"""The Overview's lines and how they are drawn, apart from the services that count them, so
that the main window can show the lines kept when the program last closed while the unit
file is still opening (see ``ui/app.py``): a start-up paints them before the store loads."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.ui.icons import State, state_pixmap
from hyvinvointi_app.ui.page import heading

KEPT_KEY = "overview/kept"
"""The settings key of the lines kept at the last closing (one unit file: the last one)."""


@dataclass(frozen=True)
class Figure:
    """One line of the overview: what it says, whether it needs attention, where to fix it."""

    key: str
    title: str
    text: str
    attention: bool
    target: str
    link_text: str


@dataclass(frozen=True)
class KeptFigures:
    """The Overview's lines as last shown, in the language they were written in. They hold
    plan names and theme titles, never a person's name (the checkpoints' list is not kept)."""

    file: str
    language: str
    period_text: str
    figures: tuple[Figure, ...]


def keep_figures(settings: QSettings, kept: KeptFigures) -> None:
    settings.setValue(KEPT_KEY, json.dumps(asdict(kept), ensure_ascii=False))


def kept_figures(settings: QSettings, path: Path, language: str) -> KeptFigures | None:
    """The lines kept for ``path`` in ``language``; None if there are none (or they are
    damaged, or of another file or language). The lines of a file that is gone are
    forgotten."""
    if not path.exists():
        settings.remove(KEPT_KEY)
        return None
    try:
        stored = json.loads(str(settings.value(KEPT_KEY, "")))
        kept = KeptFigures(
            stored["file"],
            stored["language"],
            stored["period_text"],
            tuple(Figure(**figure) for figure in stored["figures"]),
        )
    except (ValueError, TypeError, KeyError):
        return None
    same_file = kept.file == str(path.resolve())
    return kept if same_file and kept.language == language else None


def scroll_body(parent: QWidget) -> tuple[QScrollArea, QWidget, QGridLayout]:
    """The scrolling area of the figures: a grid of marker, texts and link per line."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setAccessibleName(_("Figures of the operating period"))
    body = QWidget(scroll)
    grid = QGridLayout(body)
    grid.setColumnStretch(1, 1)
    grid.setHorizontalSpacing(16)
    grid.setVerticalSpacing(14)
    scroll.setWidget(body)
    return scroll, body, grid


def add_figure(
    grid: QGridLayout,
    row: int,
    figure: Figure,
    body: QWidget,
    navigate: Callable[[str], None] | None,
) -> QVBoxLayout:
    """One line in ``grid``: the marker (an icon and words, never colour alone), the title
    and text, and the link to the screen where it is put right (disabled without
    ``navigate``). Returns the column of the texts, for buttons added under them."""
    marker = QLabel(body)
    marker.setPixmap(state_pixmap(State.WARNING if figure.attention else State.DONE, 20))
    marker.setAccessibleName(_("Needs attention") if figure.attention else _("In order"))
    title = QLabel(figure.title, body)
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    text = QLabel(figure.text, body)
    text.setTextFormat(Qt.TextFormat.PlainText)  # plan names are typed by the user
    text.setWordWrap(True)
    text.setAccessibleName(f"{figure.title}: {figure.text}")
    text.setObjectName(f"figure_{figure.key}")
    column = QVBoxLayout()
    column.addWidget(title)
    column.addWidget(text)
    holder = QWidget(body)
    holder.setLayout(column)
    link = QPushButton(figure.link_text, body)
    link.setAccessibleName(f"{figure.link_text} ({figure.title})")
    link.setObjectName(f"link_{figure.key}")
    if navigate is None:
        link.setEnabled(False)
    else:
        link.clicked.connect(lambda _checked=False, key=figure.target: navigate(key))
    grid.addWidget(marker, row, 0)
    grid.addWidget(holder, row, 1)
    grid.addWidget(link, row, 2)
    return column


class OverviewPreview(QWidget):
    """The Overview while the unit file opens: the lines kept at the last closing, marked as
    being updated, or only that mark when none were kept."""

    def __init__(self, kept: KeptFigures | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addWidget(heading(_("Overview"), self))
        self.notice = QLabel(
            _("Opening the unit file: the figures below are from when the program was last closed.")
            if kept and kept.figures
            else _("Opening the unit file…"),
            self,
        )
        self.notice.setWordWrap(True)
        self.notice.setObjectName("overview_updating")
        outer.addWidget(self.notice)
        if kept is None:
            outer.addStretch(1)
            return
        period = QLabel(kept.period_text, self)
        period.setWordWrap(True)
        outer.addWidget(period)
        scroll, body, grid = scroll_body(self)
        for row, figure in enumerate(kept.figures):
            add_figure(grid, row, figure, body, None)
        grid.setRowStretch(len(kept.figures), 1)
        outer.addWidget(scroll, 1)
