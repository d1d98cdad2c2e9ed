"""The current period at a glance: each figure says whether it is in order, with an icon and
words (never colour alone), and carries a link to the screen where it is put right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from hyvinvointi_app.i18n.formatting import format_date, month_name
from hyvinvointi_app.i18n.labels import missing_role_label, plan_type_label, role_label
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services.overview import Overview, overview
from hyvinvointi_app.services.result_cards import DueCheckpoint
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.overview.figures import (
    Figure,
    KeptFigures,
    add_figure,
    keep_figures,
    scroll_body,
)
from hyvinvointi_app.ui.page import Page, heading


def figures(data: Overview, language: str) -> list[Figure]:
    """The overview's lines in the interface language (kept apart from the widgets so that a
    test can read them)."""
    held = Figure(
        "meetings",
        _("Meetings held"),
        _("{held} of at least {minimum}").format(
            held=data.meetings_held, minimum=data.minimum_meetings
        )
        + " — "
        + (_("minimum met") if data.minimum_met else _("minimum not met yet")),
        not data.minimum_met,
        "meetings",
        _("Go to meetings"),
    )
    if data.next_meeting is None:
        next_text, next_attention = _("No meeting has been planned."), True
    else:
        next_text = _("Meeting {number}, {date}").format(
            number=data.next_meeting.number, date=format_date(data.next_meeting.date, language)
        )
        next_attention = False
    upcoming = Figure(
        "next_meeting",
        _("Next meeting"),
        next_text,
        next_attention,
        "meetings",
        _("Go to meetings"),
    )
    roles = Figure(
        "roles",
        _("Roles missing") if data.roles_missing else _("All roles filled"),
        ", ".join(missing_role_label(r) for r in data.roles_missing)
        if data.roles_missing
        else _("Every expected role is filled."),
        bool(data.roles_missing),
        "members",
        _("Go to members"),
    )
    total_open = data.open_actions + data.overdue_actions
    actions = Figure(
        "actions",
        _("Open action items"),
        ngettext("{count} open", "{count} open", total_open).format(count=total_open)
        + ", "
        + ngettext("{count} overdue", "{count} overdue", data.overdue_actions).format(
            count=data.overdue_actions
        ),
        data.overdue_actions > 0,
        "meetings",
        _("Go to meetings"),
    )
    plans = Figure(
        "plans",
        _("Plans due for review"),
        "\n".join(
            _("{plan} ({type}), review due {date}").format(
                plan=p.name,
                type=plan_type_label(p.type),
                date=format_date(p.next_review_due, language) if p.next_review_due else "",
            )
            for p in data.plans_due
        )
        or _("No plan is due for review in the next 30 days."),
        bool(data.plans_due),
        "plans",
        _("Go to plans"),
    )
    themes = Figure(
        "themes",
        _("Annual clock: {month}").format(month=month_name(dt.date.today().month, language)),
        "\n".join(f"• {t.title}" for t in data.themes_this_month) or _("No themes this month."),
        False,
        "clock",
        _("Go to the annual clock"),
    )
    return [held, upcoming, roles, actions, plans, themes, checkpoint_figure(data)]


def checkpoint_figure(data: Overview) -> Figure:
    """How many result-card checkpoints wait for a value; each is listed below with a link
    to its card (see :func:`checkpoint_line`)."""
    waiting = len(data.checkpoints_due)
    missed = sum(1 for c in data.checkpoints_due if c.is_late)
    if not waiting:
        text = _("No result-card checkpoint in the next 60 days.")
    else:
        text = ngettext(
            "{count} checkpoint waiting for its value",
            "{count} checkpoints waiting for their value",
            waiting,
        ).format(count=waiting)
        if missed:
            text += ", " + ngettext(
                "{count} of them missed", "{count} of them missed", missed
            ).format(count=missed)
    return Figure(
        "checkpoints",
        _("Result-card checkpoints"),
        text,
        missed > 0,
        "cards",
        _("Go to result cards"),
    )


def checkpoint_line(due: DueCheckpoint, language: str) -> str:
    """“15.1.2027 (missed): Lepohetken rauhallisuus — Terhi Terveydenhoitaja”."""
    date = format_date(due.checkpoint.due_date, language)
    if due.is_late:
        date = _("{date} (missed)").format(date=date)
    topic = (due.what_to_change.strip().splitlines() or [""])[0]
    who = due.checkpoint.responsible_name or due.checkpoint.responsible_text
    if not who and due.checkpoint.responsible_role is not None:
        who = role_label(due.checkpoint.responsible_role)
    line = f"{date}: {topic}"
    return f"{line} — {who}" if who else line


def kept_lines(context: AppContext, data: Overview | None, language: str) -> KeptFigures:
    """The Overview's lines of ``data`` (None: no operating period yet), as a start-up shows
    them before the file is open (see :mod:`.figures`)."""
    if data is None:
        period_text = _("The unit has no operating period yet. Add one under Operating periods.")
        lines: tuple[Figure, ...] = ()
    else:
        period_text = _("Operating period {label}: {start}–{end}").format(
            label=data.period_label,
            start=format_date(data.period_start, language),
            end=format_date(data.period_end, language),
        )
        lines = tuple(figures(data, language))
    return KeptFigures(str(context.path.resolve()), language, period_text, lines)


def keep_for_next_start(context: AppContext) -> None:
    """Keep the Overview's lines as they are now (the file is about to close)."""
    language = ui_translator().language
    keep_figures(context.settings, kept_lines(context, overview(context.database), language))


class OverviewPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        outer = QVBoxLayout(self)
        self.title = heading(_("Overview"), self)
        outer.addWidget(self.title)
        self.period_label = QLabel(self)
        self.period_label.setWordWrap(True)
        outer.addWidget(self.period_label)
        scroll, self.body, self.grid = scroll_body(self)
        outer.addWidget(scroll, 1)
        self.figures: list[Figure] = []

    def refresh(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        language = ui_translator().language
        data = overview(self.context.database)
        kept = kept_lines(self.context, data, language)
        self.period_label.setText(kept.period_text)
        self.period_label.setAccessibleName(kept.period_text)
        self.figures = list(kept.figures)
        if data is None:
            button = QPushButton(_("Go to operating periods"), self.body)
            button.setAccessibleName(_("Go to operating periods"))
            button.clicked.connect(lambda: self.context.navigate_requested.emit("periods"))
            self.grid.addWidget(button, 0, 0)
        else:
            self._draw(data, language)

    def _draw(self, data: Overview, language: str) -> None:
        for row, figure in enumerate(self.figures):
            column = add_figure(
                self.grid, row, figure, self.body, self.context.navigate_requested.emit
            )
            if figure.key == "plans":
                self._add_plan_links(column, data)
        row = len(self.figures)
        for due in data.checkpoints_due:
            row += 1
            self._add_checkpoint_row(row, due, language)
        self.grid.setRowStretch(row + 1, 1)

    def _add_plan_links(self, column: QVBoxLayout, data: Overview) -> None:
        """A button per plan due for review that opens it in the plan register."""
        for plan in data.plans_due:
            button = QPushButton(_("Open plan {plan}").format(plan=plan.name))
            button.setAccessibleName(button.text())
            button.setObjectName(f"link_plan_{plan.id}")
            button.clicked.connect(
                lambda _checked=False, plan_id=plan.id: self.context.open_requested.emit(
                    "plans", plan_id
                )
            )
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_checkpoint_row(self, row: int, due: DueCheckpoint, language: str) -> None:
        """One checkpoint under its figure, with a button that opens its card."""
        text = QLabel("• " + checkpoint_line(due, language), self.body)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setObjectName(f"checkpoint_{due.checkpoint.id}")
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        text.setContentsMargins(margin, 0, 0, 0)  # in line with the figures' texts
        link = QPushButton(_("Open card"), self.body)
        link.setAccessibleName(_("Open card: {line}").format(line=text.text()[2:]))
        link.setObjectName(f"link_checkpoint_{due.checkpoint.id}")
        link.clicked.connect(
            lambda _checked=False, card=due.card_id: self.context.open_requested.emit("cards", card)
        )
        self.grid.addWidget(text, row, 1)
        self.grid.addWidget(link, row, 2)
