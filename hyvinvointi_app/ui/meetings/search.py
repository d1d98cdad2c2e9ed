"""Search across every memo as the user types: the search box, its results and their drawing.

The query runs ~150 ms after typing pauses. It runs on the GUI thread: over the 10-year demo
unit a query takes a few milliseconds (benchmarks/bench_search.py), far from the 100 ms that
would make typing stutter. Each result shows the meeting (number, date, period), the agenda
item and the words around the match, the matched words bold; typed text is escaped, so
nothing a director wrote is read as markup.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import MeetingStatus
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, ui_translator
from hyvinvointi_app.services import search
from hyvinvointi_app.services.search import SearchField, SearchHit, SearchResult
from hyvinvointi_app.ui.context import AppContext

DEBOUNCE_MS = 150
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """One row per matching text. DisplayRole is a plain sentence (what a screen reader
    says); :data:`HTML_ROLE` is the same as rich text for the delegate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()
        self._language = ui_translator().language
        self._meeting_text = _("Meeting {number}, {date}, operating period {period}")
        self._no_item = _("(not under an agenda item)")
        self._field_texts = {
            SearchField.TITLE: _("Item title"),
            SearchField.NOTES: _("Notes"),
            SearchField.DECISION: _("Decision"),
            SearchField.ACTION: _("Action item"),
            SearchField.VOICE: _("What came up"),
            SearchField.FOLLOW_UP: _("Follow-up comment"),
        }
        self._status_texts = {status: label(status) for status in MeetingStatus}
        self._rich: dict[int, str] = {}
        """The rich text of each row asked for (measuring and painting ask again and again)."""

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self._hits = hits
        self._rich.clear()
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def _parts(self, hit: SearchHit) -> tuple[str, str, str, str]:
        meeting = self._meeting_text.format(
            number=hit.meeting_number,
            date=format_date(hit.meeting_date, self._language),
            period=hit.period_label,
        )
        return (
            meeting,
            self._status_texts[hit.meeting_status],
            hit.item_title or self._no_item,
            self._field_texts[hit.field],
        )

    def plain_text(self, hit: SearchHit) -> str:
        meeting, status, item, field = self._parts(hit)
        return f"{meeting} ({status}) — {item}\n{field}: {hit.snippet_text}"

    def rich_text(self, hit: SearchHit) -> str:
        meeting, status, item, field = (html.escape(part) for part in self._parts(hit))
        if hit.field is SearchField.TITLE:  # the title is the snippet: one line, match bold
            return f"<div>{meeting} ({status}) — {hit.snippet_html()}</div>"
        return (
            f"<div>{meeting} ({status}) — <b>{item}</b></div>"
            f"<div><i>{field}:</i> {hit.snippet_html()}</div>"
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit_at(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.plain_text(hit)
        if role == HTML_ROLE:
            row = index.row()
            if row not in self._rich:
                self._rich[row] = self.rich_text(hit)
            return self._rich[row]
        if role == HIT_ROLE:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a result's rich text (two lines, matches bold) inside the usual item frame."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(100, option.rect.width()))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        widget = view_option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view_option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(view_option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(
            QPalette.ColorRole.Text,
            view_option.palette.color(role),
        )
        rect = view_option.rect
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchBox(QLineEdit):
    """The search field: Down moves to the results, Escape clears."""

    to_results = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.to_results.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class ResultsView(QListView):
    """Enter opens the result; Up on the first row goes back to the search box."""

    open_current = Signal()
    back_to_box = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current.emit()
            return
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= 0:
            self.back_to_box.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The results of what is typed in ``box``: a count line and the list of results."""

    open_requested = Signal(int, object)
    """(meeting id, agenda item id or None)."""

    def __init__(self, context: AppContext, box: SearchBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.box = box
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.model = SearchResultsModel(self)
        self.view = ResultsView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setAccessibleName(_("Search results"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setTabKeyNavigation(False)
        # Each result's height is measured from its rich text: a few at each turn of the
        # event loop, so that a one-letter search with hundreds of hits never stalls typing.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(10)
        layout.addWidget(self.view, 1)
        self.result: SearchResult | None = None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        box.textChanged.connect(lambda _text: self.timer.start())
        box.returnPressed.connect(self._run_and_enter)
        box.to_results.connect(self.focus_results)
        self.view.open_current.connect(self.open_current)
        self.view.back_to_box.connect(lambda: self.box.setFocus(Qt.FocusReason.OtherFocusReason))
        self.view.doubleClicked.connect(lambda _index: self.open_current())

        self._no_hits = _("No memo contains “{text}”.")
        self._hint = _(
            "Every word you type is searched as the beginning of a word in all memos of all "
            "operating periods."
        )

    @property
    def query(self) -> str:
        return self.box.text().strip()

    def run(self) -> None:
        """Search now for what the box holds (also after a change in the data)."""
        self.timer.stop()
        if not self.query:
            self.result = None
            self.model.set_hits(())
            self.summary.setText(self._hint)
            return
        self.result = search.search(self.context.database, self.query)
        self.model.set_hits(self.result.hits)
        total = self.result.total
        if not self.result.hits:
            text = self._no_hits.format(text=self.query)
        elif total > len(self.result.hits):
            text = _("Showing the {shown} best of {total} results. Type more to narrow.").format(
                shown=len(self.result.hits), total=total
            )
        else:
            text = ngettext("{count} result", "{count} results", total).format(count=total)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        if self.result.hits:
            self.view.setCurrentIndex(self.model.index(0))

    def _run_and_enter(self) -> None:
        if self.timer.isActive() or self.result is None:
            self.run()
        self.focus_results()

    def focus_results(self) -> None:
        if self.timer.isActive():
            self.run()
        if self.model.rowCount():
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        hit = self.model.hit_at(self.view.currentIndex().row())
        if hit is not None:
            self.open_requested.emit(hit.meeting_id, hit.item_id)
