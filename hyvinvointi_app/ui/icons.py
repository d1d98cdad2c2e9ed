"""The application's icons: line icons of the Tabler set (MIT, ``resources/icons/tabler/``),
drawn in the palette's text colour for the navigation and the actions, and in a colour of
their own for the states (done, warning, note, error), which are always also said in words.

Each icon is drawn from its SVG when Qt asks for a size, so it stays crisp at 150 % and
200 % scaling and costs nothing until it is shown."""

from __future__ import annotations

import enum
import logging
from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from hyvinvointi_app.resources import resource_path

_log = logging.getLogger(__name__)

ICONS = {
    # the screens of the navigation
    "overview": "layout-dashboard",
    "members": "users",
    "meetings": "calendar-event",
    "plans": "file-text",
    "cards": "target",
    "clock": "clock-hour-4",
    "periods": "calendar",
    "reports": "report",
    "surveys": "mood-smile",
    # the main actions
    "add": "plus",
    "edit": "pencil",
    "remove": "trash",
    "move_up": "arrow-up",
    "move_down": "arrow-down",
    "archive": "archive",
    "meeting_mode": "presentation",
    "approve": "rosette-discount-check",
    "reopen": "lock-open",
    "export": "file-export",
    "import": "file-import",
    "print": "printer",
    "undo": "arrow-back-up",
    "redo": "arrow-forward-up",
    "back_up": "database-export",
    "open": "folder-open",
    "settings": "settings",
    "guide": "help",
    "search": "search",
    "navigation": "layout-sidebar-left-collapse",
}
"""Our name for each icon and the Tabler icon drawn for it."""


class State(enum.Enum):
    """A state shown with an icon beside its words; the value is (Tabler icon, colour)."""

    DONE = ("circle-check", "#1b7a3a")
    WARNING = ("alert-triangle", "#a15c00")
    NOTE = ("info-circle", "#1f5fa8")
    ERROR = ("circle-x", "#b3261e")


def icon(name: str) -> QIcon:
    """An action's or a screen's icon (a name of :data:`ICONS`) in the text colour, and in
    the selected text's colour on a selected row."""
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    selected = palette.color(QPalette.ColorRole.HighlightedText).name()
    return _icon(ICONS[name], text, selected)


def state_icon(state: State) -> QIcon:
    tabler, colour = state.value
    return _icon(tabler, colour, colour)


def state_pixmap(state: State, size: int = 16) -> QPixmap:
    """A state's picture for a label, at the screen's scaling."""
    return state_icon(state).pixmap(size, size)


@cache  # also keeps each icon's Python engine alive for as long as Qt may draw it
def _icon(tabler: str, colour: str, selected: str) -> QIcon:
    try:
        svg = resource_path("icons", "tabler", f"{tabler}.svg").read_bytes()
    except OSError:  # a damaged installation: no picture, the words still say it all
        _log.warning("icon %s cannot be read", tabler, exc_info=True)
        return QIcon()
    return QIcon(_SvgEngine(svg, colour, selected))


class _SvgEngine(QIconEngine):
    """Draws one SVG (its ``currentColor`` in ``colour``, or ``selected`` on a selected
    row) at whatever size and scaling is asked for; faded when disabled."""

    def __init__(self, svg: bytes, colour: str, selected: str) -> None:
        super().__init__()
        self._args = (svg, colour, selected)
        self._renderers = {
            mode: QSvgRenderer(QByteArray(svg.replace(b"currentColor", ink.encode("ascii"))))
            for mode, ink in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Selected, selected))
        }

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()  # a view draws the item's text with this painter next
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        renderer = self._renderers.get(mode, self._renderers[QIcon.Mode.Normal])
        renderer.render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        drawn = QPixmap(size)
        drawn.fill(QColor(Qt.GlobalColor.transparent))
        painter = QPainter(drawn)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return drawn

    def clone(self) -> QIconEngine:
        copy = _SvgEngine(*self._args)
        _CLONES.append(copy)  # Qt keeps the copy; Python must not collect it (rarely made)
        return copy


_CLONES: list[_SvgEngine] = []
