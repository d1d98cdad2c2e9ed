"""Which expected roles are filled in the current operating period, and a warning naming
the missing ones. Each role is a list item (with an icon and a word, never colour alone), so
a screen reader can walk through them with the arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.i18n.labels import missing_role_label
from hyvinvointi_app.i18n.translator import _, ngettext
from hyvinvointi_app.services.members import RoleNeed
from hyvinvointi_app.services.periods import PeriodView
from hyvinvointi_app.ui.form_parts import WrappedLabel
from hyvinvointi_app.ui.icons import State, state_icon, state_pixmap
from hyvinvointi_app.ui.members.model import display_name

NAMES_SHOWN = 2
"""A role filled by more members shows their number; the tooltip lists them all."""


def need_label(need: RoleNeed) -> str:
    return missing_role_label(need.roles[0])


class _RolesList(QListWidget):
    """The list of needs, as high as its rows want (a low window may give it less: it
    scrolls), never forcing the window to grow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wanted = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.wanted) if self.wanted else hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(
            hint.width(), min(self.wanted, 3 * self.fontMetrics().height()) or hint.height()
        )

    def fit(self) -> None:
        """Two columns of equal width, whatever the window's, the needs in reading order row
        by row; an entry longer than its column wraps, and its row is as high as its taller
        entry. The list asks to be as high as its rows; in a low window it scrolls."""
        spacing = self.spacing()
        # two in a row, measured on the list's own width: a wrapping list keeps room for
        # its scroll bar whether it shows or not
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = max(1, (self.width() - 2 * self.frameWidth() - bar - 6 * spacing) // 2 - 2)
        metrics = self.fontMetrics()
        text_room = max(1, width - self.iconSize().width() - 16)  # the icon and margins
        heights = [
            metrics.boundingRect(
                QRect(0, 0, text_room, 10_000), Qt.TextFlag.TextWordWrap, self.item(row).text()
            ).height()
            + 8
            for row in range(self.count())
        ]
        row_heights = [max(heights[row : row + 2]) for row in range(0, len(heights), 2)]
        for row in range(self.count()):
            self.item(row).setSizeHint(QSize(width, row_heights[row // 2]))
        frame = 2 * self.frameWidth()
        self.wanted = sum(row_heights) + 2 * spacing * len(row_heights) + frame + 4
        self.setMaximumHeight(self.wanted)
        self.updateGeometry()
        self.doItemsLayout()  # lay out again with the sizes just set

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


class CoveragePanel(QGroupBox):
    """The role coverage of one operating period; :meth:`show_coverage` redraws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        summary_row = QHBoxLayout()
        self.icon = QLabel(self)
        self.icon.setFixedSize(16, 16)
        self.summary = WrappedLabel("", self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        summary_row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(summary_row)
        self.roles = _RolesList(self)
        self.roles.setAccessibleName(_("Expected roles"))
        self.roles.setFlow(QListView.Flow.LeftToRight)
        self.roles.setWrapping(True)
        self.roles.setWordWrap(True)
        self.roles.setResizeMode(QListView.ResizeMode.Adjust)
        self.roles.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.roles.setSpacing(2)
        self.roles.setIconSize(QSize(16, 16))
        self.roles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.roles)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.missing: list[str] = []
        """The labels of the roles found missing, for tests and the status line."""

    def show_no_period(self) -> None:
        self.setTitle(_("Roles of the group"))
        self.roles.clear()
        self.roles.hide()
        self.missing = []
        self.icon.setPixmap(state_pixmap(State.WARNING))
        text = _(
            "There is no current operating period, so the roles cannot be checked. "
            "Add an operating period first."
        )
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def show_coverage(self, period: PeriodView, needs: list[RoleNeed]) -> None:
        title = _("Roles in the operating period {period}").format(period=period.label)
        self.setTitle(title)
        self.setAccessibleName(title)
        self.roles.show()
        self.roles.clear()
        self.missing = [need_label(need) for need in needs if not need.filled]
        for need in needs:
            label = need_label(need)
            names = [display_name(member) for member in need.members]
            if not names:
                text = _("{role}: missing").format(role=label)
            elif len(names) <= NAMES_SHOWN:
                text = _("{role}: {names}").format(role=label, names=", ".join(names))
            else:
                count = ngettext("{count} member", "{count} members", len(names)).format(
                    count=len(names)
                )
                text = _("{role}: {names}").format(role=label, names=count)
            item = QListWidgetItem(state_icon(State.DONE if names else State.WARNING), text)
            whole = _("{role}: {names}").format(role=label, names=", ".join(names))
            item.setToolTip(whole if names else text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setData(Qt.ItemDataRole.UserRole, bool(names))
            self.roles.addItem(item)
        self.roles.fit()
        if self.missing:
            self.icon.setPixmap(state_pixmap(State.WARNING))
            text = ngettext(
                "Missing role: {roles}. Add a member in this role, or check the terms.",
                "Missing roles: {roles}. Add a member in each of these roles, or check the terms.",
                len(self.missing),
            ).format(roles=", ".join(self.missing))
        else:
            self.icon.setPixmap(state_pixmap(State.DONE))
            text = _("Every expected role is filled.")
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
