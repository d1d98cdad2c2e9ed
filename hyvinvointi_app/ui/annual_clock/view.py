"""The list of months and themes: rows as tall as their wrapped text, so a long Finnish theme
is read whole at any window width, and month rows drawn as quiet headings."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from hyvinvointi_app.ui.annual_clock.model import (
    HANDLING_COLUMN,
    NO_THEME,
    NOTE_ROLE,
    PARTNERS_COLUMN,
    PLAN_COLUMN,
    THEME_ID_ROLE,
)

_Index = QModelIndex | QPersistentModelIndex

H_PADDING = 8
THEME_V_PADDING = 6
MONTH_V_PADDING = 7
_WRAP = Qt.TextFlag.TextWordWrap


def _is_month(index: _Index) -> bool:
    return bool(index.data(THEME_ID_ROLE) == NO_THEME)


def mix(colour: QColor, base: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``base``."""
    return QColor(
        round(colour.red() * share + base.red() * (1 - share)),
        round(colour.green() * share + base.green() * (1 - share)),
        round(colour.blue() * share + base.blue() * (1 - share)),
    )


def _tint(palette: QPalette) -> QColor:
    """The month headings' background: the accent colour, very light over the base."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    return mix(accent, palette.color(QPalette.ColorRole.Base), 0.12)


class ClockDelegate(QStyledItemDelegate):
    """Wraps theme texts to the column's width and draws month rows as headings."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def _text_width(self, index: _Index) -> int:
        view = self._view
        if _is_month(index):
            width = view.viewport().width()
        else:
            width = view.header().sectionSize(index.column())
            if index.column() == 0:
                width -= view.indentation()
        return max(80, width - 2 * H_PADDING - 6)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        metrics = QFontMetrics(opt.font)
        width = self._text_width(index)
        if _is_month(index):
            return QSize(width, metrics.height() + 2 * MONTH_V_PADDING)
        text = opt.text or " "
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), _WRAP, text)
        return QSize(width, max(bounds.height(), metrics.height()) + 2 * THEME_V_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if not _is_month(index):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        palette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        rect = QRect(opt.rect)
        rect.setLeft(0)
        rect.setRight(self._view.viewport().width())
        painter.fillRect(
            rect,
            palette.color(QPalette.ColorRole.Highlight) if selected else _tint(palette),
        )
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        text_rect = rect.adjusted(H_PADDING, 0, -H_PADDING, 0)
        painter.setFont(opt.font)
        painter.setPen(text_color)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, flags, opt.text)
        note = index.data(NOTE_ROLE)
        if note:
            used = QFontMetrics(opt.font).horizontalAdvance(opt.text) + 2 * H_PADDING
            note_font = QFontMetrics(option.font)
            painter.setFont(option.font)
            if not selected:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            note_rect = text_rect.adjusted(used, 0, 0, 0)
            painter.drawText(
                note_rect,
                flags,
                note_font.elidedText(f"— {note}", Qt.TextElideMode.ElideRight, note_rect.width()),
            )
        if opt.state & QStyle.StateFlag.State_HasFocus:
            focus = QStyleOptionFocusRect()
            focus.rect = rect.adjusted(1, 1, -1, -1)
            focus.palette = palette
            focus.state = opt.state
            self._view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self._view
            )
        painter.restore()


class ClockView(QTreeView):
    """The months with their themes beneath, always open; Enter asks to edit (or, on a month,
    to add a theme there)."""

    activated_by_key = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIndentation(24)
        self.setItemDelegate(ClockDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.sectionResized.connect(lambda *_args: self.scheduleDelayedItemsLayout())

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (PLAN_COLUMN, PARTNERS_COLUMN, HANDLING_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._fit_plan_column()

    def _fit_plan_column(self) -> None:
        """The plan column takes about a fifth of the width (plan names are long, too), and
        the partners and the current period's handling a little less each."""
        model = self.model()
        if model is None:
            return
        width = self.viewport().width()
        self.header().resizeSection(PLAN_COLUMN, max(160, min(320, width // 5)))
        self.header().resizeSection(PARTNERS_COLUMN, max(140, min(280, width // 6)))
        self.header().resizeSection(HANDLING_COLUMN, max(140, min(280, width // 6)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_plan_column()
        self.scheduleDelayedItemsLayout()

    def after_reload(self) -> None:
        """Open every month and let month headings span the row (call after a reload)."""
        model = self.model()
        if model is None:
            return
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()

    def drawBranches(self, painter: QPainter, rect: QRect, index: _Index) -> None:
        """The indentation of a selected theme is highlighted too, so the row reads as one."""
        selection = self.selectionModel()
        if selection is not None and selection.isSelected(index):
            painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Highlight))
            return
        super().drawBranches(painter, rect, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
