"""The annual clock drawn as a clock (the wheel a unit knows from its staff-room wall).

Twelve sectors from August at twelve o'clock, the month names on the rim (today's month
filled with the accent colour), each month's themes from the rim inwards in their plan
type's colour with as much of their text as fits, and the period's meetings as numbered
marks outside the rim at their dates. Drawn with QPainter in vectors, so it is sharp at any
scale. The arrows move between months (left and right, round the clock) and between a
month's themes (down goes inwards, up outwards and back to the month); Enter or a click on a
theme opens it, Enter on a month adds a theme to it. What is chosen is told to screen readers
by the widget's accessible name, and shown whole in the panel beside the wheel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import plan_type_label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.services.annual_clock import PERIOD_MONTHS
from hyvinvointi_app.services.clock_wheel import (
    KIND_COLOURS,
    NO_PLAN,
    SECTOR_DEGREES,
    Box,
    Wheel,
    WheelMeeting,
    WheelTheme,
    letter,
    point,
    sector,
    text_frame,
    theme_piece,
)
from hyvinvointi_app.ui.annual_clock.model import month_title, partners_text
from hyvinvointi_app.ui.annual_clock.view import mix

RING = 0.13
"""The month ring's depth, of the radius."""
THEMES_OUTER = 0.855
THEMES_INNER = 0.25
GAP = 3.0
MIN_PIXELS = 9
"""The smallest text the wheel writes."""


def kind_label(kind: str) -> str:
    """The legend's words for a colour: the plan type, or that the theme evaluates none."""
    return _("No plan") if kind == NO_PLAN else plan_type_label(PlanType(kind))


def _sector_path(start: float, end: float, inner: float, outer: float) -> QPainterPath:
    """The piece of a ring between two angles (degrees clockwise from twelve o'clock)."""
    path = QPainterPath()
    outer_rect = QRectF(-outer, -outer, 2 * outer, 2 * outer)
    inner_rect = QRectF(-inner, -inner, 2 * inner, 2 * inner)
    # Qt's angles run anticlockwise from three o'clock
    path.arcMoveTo(outer_rect, 90 - start)
    path.arcTo(outer_rect, 90 - start, -(end - start))
    path.arcTo(inner_rect, 90 - end, end - start)
    path.closeSubpath()
    return path


class _Font:
    """A font at one size, measured as :func:`letter` asks."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.line = self.metrics.lineSpacing()

    def width(self, text: str) -> float:
        return self.metrics.horizontalAdvance(text)

    def elide(self, text: str, width: float) -> str:
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


@dataclass(frozen=True, slots=True)
class _Drawn:
    """A theme as the wheel draws it at one size."""

    theme: WheelTheme
    path: QPainterPath
    font: _Font
    box: Box
    lines: list[str]


@dataclass(frozen=True, slots=True)
class _Place:
    """What the keyboard and the mouse choose: a month, or one of its themes."""

    month: int
    theme_id: int | None = None


class ClockWheel(QWidget):
    """The wheel itself; the page keeps the clock's selection and listens to
    :attr:`current_changed` and :attr:`activated`."""

    current_changed = Signal(int, object)
    """The month and the theme's id (None on the month itself) chosen here."""
    activated = Signal(int, object)
    """Enter or a click: the month and the theme's id, or None to add to the month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wheel = Wheel(())
        self.current = _Place(PERIOD_MONTHS[0])
        self._pieces: list[tuple[QPainterPath, _Place]] = []
        self._marks: list[tuple[QPointF, float, WheelMeeting]] = []
        self._layout: tuple[object, list[_Drawn]] | None = None
        self._drawing: tuple[object, QPixmap] | None = None
        """The wheel's picture without the choice, and what it was drawn for."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(220, 220)
        self.setAccessibleDescription(
            _(
                "Left and right move between months, down and up between the month's themes. "
                "Enter opens a theme, or adds a theme to a month."
            )
        )
        self._update_name()

    def sizeHint(self) -> QSize:
        return QSize(640, 640)

    # -- what it shows ----------------------------------------------------------------------

    def load(self, wheel: Wheel) -> None:
        self.wheel = wheel
        self._layout = None
        self._drawing = None
        if self._theme(self.current) is None and self.current.theme_id is not None:
            self.current = _Place(self.current.month)
        self._update_name()
        self.update()

    def set_current(self, month: int, theme_id: int | None) -> None:
        """Choose a month or a theme from outside (the list): no signal goes back."""
        place = _Place(month, theme_id)
        if place != self.current:
            self.current = place
            self._update_name()
            self.update()

    def _theme(self, place: _Place) -> WheelTheme | None:
        if place.theme_id is None:
            return None
        return next((t for t in self.wheel.themes if t.theme.id == place.theme_id), None)

    def _words(self, place: _Place) -> tuple[list[str], str]:
        """The parts that tell a month or a theme, and how they are joined in a sentence."""
        title = month_title(place.month)
        theme = self._theme(place)
        if theme is None:
            count = len(self.wheel.in_month(place.month))
            parts = [title, ngettext("{count} theme", "{count} themes", count).format(count=count)]
            if place.month == self.wheel.current_month:
                parts.append(_("this month"))
            held = self.wheel.meetings_in(place.month)
            if held:
                parts.append(meeting_words(held))
            return parts, ", "
        view = theme.theme
        parts = [f"{title}: {view.title}"]
        parts.append(
            _("evaluates: {plan}").format(plan=plan_type_label(view.plan_type))
            if view.plan_type
            else _("evaluates no plan")
        )
        if view.partners:
            parts.append(_("partners: {partners}").format(partners=partners_text(view.partners)))
        parts.append(
            _("theme {number} of {count} in the month").format(
                number=theme.slot + 1, count=theme.slots
            )
        )
        return parts, "; "

    def spoken(self, place: _Place | None = None) -> str:
        """The chosen month or theme in words, as screen readers and tooltips tell it."""
        parts, joint = self._words(place or self.current)
        return joint.join(parts)

    def details(self) -> str:
        """The chosen theme whole, a line a part; or the chosen month with its themes listed."""
        parts, joint = self._words(self.current)
        if self._theme(self.current) is not None:
            return "\n".join(parts)
        themes = self.wheel.in_month(self.current.month)
        return "\n".join([joint.join(parts), *(f"{t.number}. {t.theme.title}" for t in themes)])

    def _update_name(self) -> None:
        # Qt tells screen readers of the new name itself (NameChanged)
        self.setAccessibleName(_("Annual clock as a wheel: {place}").format(place=self.spoken()))

    # -- choosing -------------------------------------------------------------------------

    def _choose(self, place: _Place) -> None:
        if place == self.current:
            return
        self.current = place
        self._update_name()
        self.update()
        self.current_changed.emit(place.month, place.theme_id)

    def _step_month(self, step: int) -> _Place:
        index = (PERIOD_MONTHS.index(self.current.month) + step) % len(PERIOD_MONTHS)
        month = PERIOD_MONTHS[index]
        theme = self._theme(self.current)
        themes = self.wheel.in_month(month)
        if theme is None or not themes:
            return _Place(month)
        return _Place(month, themes[min(theme.slot, len(themes) - 1)].theme.id)

    def _step_theme(self, step: int) -> _Place:
        themes = self.wheel.in_month(self.current.month)
        theme = self._theme(self.current)
        slot = (theme.slot if theme is not None else -1) + step
        if slot < 0:
            return _Place(self.current.month)
        if slot >= len(themes):
            return self.current
        return _Place(self.current.month, themes[slot].theme.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)  # Alt+Up and the like are the page's
            return
        moves = {
            Qt.Key.Key_Right: lambda: self._step_month(+1),
            Qt.Key.Key_Left: lambda: self._step_month(-1),
            Qt.Key.Key_Down: lambda: self._step_theme(+1),
            Qt.Key.Key_Up: lambda: self._step_theme(-1),
            Qt.Key.Key_Home: lambda: _Place(PERIOD_MONTHS[0]),
            Qt.Key.Key_End: lambda: _Place(PERIOD_MONTHS[-1]),
        }
        if key in moves:
            self._choose(moves[key]())
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.current.month, self.current.theme_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _place_at(self, position: QPointF) -> _Place | None:
        self._picture()  # the pieces are where it was drawn
        centre, _radius = self._geometry()
        local = position - centre
        for path, place in reversed(self._pieces):
            if path.contains(local):
                return place
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click chooses what it hits, and opens a theme; the right button only chooses
        (the menu of actions follows)."""
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        place = self._place_at(event.position())
        if place is None:
            super().mousePressEvent(event)
            return
        self._choose(place)
        if event.button() == Qt.MouseButton.LeftButton and place.theme_id is not None:
            self.activated.emit(place.month, place.theme_id)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        place = self._place_at(event.position())
        if place is not None and place.theme_id is None:
            self.activated.emit(place.month, None)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            text = self._tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def _tip_at(self, position: QPointF) -> str:
        self._picture()
        for mark, size, meeting in self._marks:
            if math.dist((mark.x(), mark.y()), (position.x(), position.y())) <= size:
                return meeting_words((meeting,))
        place = self._place_at(position)
        return self.spoken(place) if place is not None else ""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- drawing --------------------------------------------------------------------------

    def _geometry(self) -> tuple[QPointF, float]:
        """The centre, and the radius of the rim (room is left outside it for the meetings)."""
        side = min(self.width(), self.height())
        radius = side / 2 - max(14.0, side * 0.045)
        return QPointF(self.width() / 2, self.height() / 2), max(radius, 40.0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The wheel from its picture (drawn again only for a new clock, size, scale or
        palette), and over it what is chosen: a key press redraws one piece, not the clock."""
        painter = QPainter(self)
        # the device painted on: a screen's, or an image's of another scale (a screenshot)
        engine = painter.paintEngine()
        device = engine.paintDevice() if engine is not None else None
        ratio = device.devicePixelRatioF() if device is not None else self.devicePixelRatioF()
        painter.drawPixmap(0, 0, self._picture(ratio))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        centre, radius = self._geometry()
        painter.translate(centre)
        theme = self._theme(self.current)
        drawn = next((d for d in self._theme_layout(radius) if d.theme == theme), None)
        if drawn is not None:
            self._draw_theme(painter, drawn, chosen=True)
            self._focus_outline(painter, drawn.path)
        else:
            month = next((path for path, place in self._pieces if place == self.current), None)
            if month is not None:
                self._focus_outline(painter, month)
        painter.end()

    def _picture(self, ratio: float | None = None) -> QPixmap:
        """Everything but the choice, drawn once for the clock at this size and scale."""
        ratio = ratio or self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self.palette().cacheKey(), self.font().key())
        if self._drawing is not None and self._drawing[0] == key:
            return self._drawing[1]
        picture = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        palette = self.palette()
        picture.fill(palette.color(QPalette.ColorRole.Base))
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        centre, radius = self._geometry()
        painter.translate(centre)
        self._pieces = []
        self._marks = []
        self._draw_months(painter, radius)
        for drawn in self._theme_layout(radius):
            self._draw_theme(painter, drawn, chosen=False)
            self._pieces.append((drawn.path, _Place(drawn.theme.theme.month, drawn.theme.theme.id)))
        self._draw_centre(painter, radius)
        self._draw_meetings(painter, radius, centre)
        painter.end()
        self._drawing = (key, picture)
        return picture

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(MIN_PIXELS, round(size)))
        font.setBold(bold)
        return font

    def _draw_months(self, painter: QPainter, radius: float) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        text = palette.color(QPalette.ColorRole.Text)
        inner = radius * (1 - RING)
        font = self._font(radius * 0.045, bold=True)
        metrics = QFontMetricsF(font)
        for month in PERIOD_MONTHS:
            start, end = sector(month)
            path = _sector_path(start, end, inner, radius)
            today = month == self.wheel.current_month
            fill = accent if today else mix(accent, base, 0.10 if month % 2 else 0.18)
            painter.setPen(QPen(base, 1.5))
            painter.setBrush(fill)
            painter.drawPath(path)
            self._pieces.append((path, _Place(month)))
            # the sector's sides reach in to the themes
            painter.setPen(QPen(mix(text, base, 0.25), 1))
            x1, y1 = point(start, radius * THEMES_INNER)
            x2, y2 = point(start, inner)
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
            name = month_title(month)
            width = 2 * (inner + radius) / 2 * math.sin(math.radians(SECTOR_DEGREES / 2)) - 8
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if today else text)
            box = Box((start + end) / 2, (inner + radius) / 2, width, radius * RING)
            self._text_in(
                painter,
                box,
                [metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)],
                metrics,
            )

    def _theme_layout(self, radius: float) -> list[_Drawn]:
        """Each theme's piece and its text as placed at this radius: worked out once for a
        size and a clock (fitting the texts is most of the work), not at every repaint."""
        key = (round(radius, 1), self.font().key())
        if self._layout is not None and self._layout[0] == key:
            return self._layout[1]
        size = max(10.0, min(14.0, radius * 0.038))
        fonts = [(pixels, _Font(self._font(pixels))) for pixels in (size, size * 0.9)]
        drawn: list[_Drawn] = []
        for theme in self.wheel.themes:
            piece = theme_piece(
                theme.theme.month,
                theme.slot,
                theme.slots,
                radius * THEMES_INNER,
                radius * THEMES_OUTER,
                GAP,
            )
            lettering = letter(theme.theme.title, piece, GAP, fonts)
            if lettering is not None:
                font = next(f for pixels, f in fonts if pixels == lettering.size)
                box, lines = lettering.box, list(lettering.lines)
            else:  # not a line's room: the theme's number, as the panel lists it
                depth = piece[3] - piece[2]
                font = _Font(self._font(min(size, depth * 0.8), True))
                box = Box((piece[0] + piece[1]) / 2, (piece[2] + piece[3]) / 2, 40, depth)
                # a piece shallower than the smallest font shows its colour alone
                lines = [str(theme.number)] if depth * 0.8 >= MIN_PIXELS else []
            drawn.append(_Drawn(theme, _sector_path(*piece), font, box, lines))
        self._layout = (key, drawn)
        return drawn

    def _draw_theme(self, painter: QPainter, drawn: _Drawn, *, chosen: bool) -> None:
        palette = self.palette()
        colour = QColor(KIND_COLOURS[drawn.theme.kind])
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(
            mix(colour, palette.color(QPalette.ColorRole.Base), 0.42 if chosen else 0.2)
        )
        painter.drawPath(drawn.path)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(drawn.font.font)
        self._text_in(painter, drawn.box, drawn.lines, drawn.font.metrics)

    def _text_in(
        self, painter: QPainter, box: Box, lines: Sequence[str], metrics: QFontMetricsF
    ) -> None:
        """Lines centred in a box along the rim or along the spoke, never upside down."""
        painter.save()
        turn, x, y = text_frame(box)
        painter.rotate(turn)
        centre = QPointF(x, y)
        line = metrics.lineSpacing()
        top = centre.y() - line * len(lines) / 2
        for row, text in enumerate(lines):
            rect = QRectF(centre.x() - box.width / 2, top + row * line, box.width, line)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _focus_outline(self, painter: QPainter, path: QPainterPath) -> None:
        if not self.hasFocus():
            return
        painter.save()
        pen = QPen(self.palette().color(QPalette.ColorRole.Text), 2.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.restore()

    def _draw_centre(self, painter: QPainter, radius: float) -> None:
        palette = self.palette()
        inner = radius * THEMES_INNER - GAP
        painter.setPen(
            QPen(
                mix(
                    palette.color(QPalette.ColorRole.Text),
                    palette.color(QPalette.ColorRole.Base),
                    0.3,
                ),
                1,
            )
        )
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawEllipse(QPointF(0, 0), inner, inner)
        lines = [_("Annual clock")]
        if self.wheel.period_label:
            lines.append(self.wheel.period_label)
        font = self._font(radius * 0.05, bold=True)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        top = -metrics.lineSpacing() * len(lines) / 2
        for row, line in enumerate(lines):
            rect = QRectF(
                -inner, top + row * metrics.lineSpacing(), 2 * inner, metrics.lineSpacing()
            )
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(line, Qt.TextElideMode.ElideRight, 1.8 * inner),
            )

    def _draw_meetings(self, painter: QPainter, radius: float, centre: QPointF) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        size = max(8.0, radius * 0.032)
        font = self._font(size * 1.05, bold=True)
        painter.setFont(font)
        if self.wheel.today_angle is not None:
            tip = QPointF(*point(self.wheel.today_angle, radius + 1))
            left = QPointF(*point(self.wheel.today_angle - 1.6, radius + size * 1.3))
            right = QPointF(*point(self.wheel.today_angle + 1.6, radius + size * 1.3))
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1))
            painter.setBrush(palette.color(QPalette.ColorRole.Text))
            painter.drawPolygon(QPolygonF([tip, left, right]))
        for meeting in self.wheel.meetings:
            x, y = point(meeting.angle, radius + size + 2)
            at = QPointF(x, y)
            painter.setPen(QPen(accent, 1.5))
            painter.setBrush(accent if meeting.held else base)
            painter.drawEllipse(at, size, size)
            painter.setPen(
                palette.color(QPalette.ColorRole.HighlightedText) if meeting.held else accent
            )
            painter.drawText(
                QRectF(x - size, y - size, 2 * size, 2 * size),
                Qt.AlignmentFlag.AlignCenter,
                str(meeting.number),
            )
            self._marks.append((at + centre, size, meeting))


def meeting_words(meetings: Sequence[WheelMeeting]) -> str:
    """ "Kokous 2 – 15.10.2026, kokous 3 – …": the meetings of a month, as the marks tell."""
    language = ui_translator().language
    return ", ".join(
        pgettext("wheel", "meeting {number} on {date}").format(
            number=m.number, date=format_date(m.date, language)
        )
        for m in meetings
    )


def _narrow(label: QLabel) -> None:
    """A wrapped label of the side panel may be as narrow as the panel: Qt's own minimum for
    a long wrapped text (some 300 px) would push it past the panel's edge."""
    label.setMinimumWidth(120)


class WheelPanel(QWidget):
    """The wheel with, beside it, what is chosen in words and the colours' legend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wheel = ClockWheel(self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(8)
        self.legend.setVerticalSpacing(4)
        legend_title = QLabel(_("Colours: the plan a theme evaluates"), self)
        legend_title.setWordWrap(True)
        bold = legend_title.font()
        bold.setBold(True)
        legend_title.setFont(bold)
        self.marks_note = QLabel(
            _(
                "Numbered circles outside the rim are the period's meetings on their dates "
                "(filled: held); the triangle is today."
            ),
            self,
        )
        self.marks_note.setWordWrap(True)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 4, 0)
        side.setSpacing(10)
        side.addWidget(self.details)
        side.addSpacing(8)
        side.addWidget(legend_title)
        side.addLayout(self.legend)
        side.addWidget(self.marks_note)
        side.addStretch(1)
        holder = QWidget()
        holder.setLayout(side)
        for label in (self.details, legend_title, self.marks_note):
            _narrow(label)
        # beside the wheel on a low screen (a laptop at 150 %) the words scroll
        scroller = QScrollArea(self)
        scroller.setWidget(holder)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(180)
        scroller.setMaximumWidth(380)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.wheel, 3)
        layout.addWidget(scroller, 1)
        self.wheel.current_changed.connect(lambda _m, _t: self._show_details())
        self._swatches: list[QWidget] = []

    def load(self, wheel: Wheel) -> None:
        self.wheel.load(wheel)
        for widget in self._swatches:
            self.legend.removeWidget(widget)
            widget.deleteLater()
        self._swatches = []
        for row, kind in enumerate(wheel.kinds()):
            swatch = QLabel(self)
            swatch.setFixedSize(18, 18)
            swatch.setStyleSheet(
                f"background-color: {KIND_COLOURS[kind]}; border: 1px solid palette(text);"
            )
            swatch.setAccessibleName(kind_label(kind))
            name = QLabel(kind_label(kind), self)
            name.setWordWrap(True)
            _narrow(name)
            self.legend.addWidget(swatch, row, 0)
            self.legend.addWidget(name, row, 1)
            self._swatches += [swatch, name]
        self._show_details()

    def set_current(self, month: int, theme_id: int | None) -> None:
        self.wheel.set_current(month, theme_id)
        self._show_details()

    def _show_details(self) -> None:
        text = self.wheel.details()
        self.details.setText(text)
        self.details.setAccessibleName(text)
