"""Search across every memo as the user types: the search box, its results and their drawing.

The query runs ~150 ms after typing pauses, in a thread of its own: over the 10-year demo
unit a one-letter query takes 30-40 ms (benchmarks/bench_search.py), long enough to be felt
between two keys if the window waited for it. Each result shows the meeting (number, date,
period), the agenda item and the words around the match, the matched words bold; typed text
is escaped, so nothing a director wrote is read as markup.
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
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
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
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
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


class _SearchSignals(QObject):
    """Emitted from the search's thread; Qt delivers them in the GUI thread. Each carries
    the number of the search, so that the answer to an older one is dropped."""

    found = Signal(int, object)
    failed = Signal(int, str)
    crashed = Signal(object)
    """An unexpected exception: the GUI thread raises it again for the crash reporter."""


class _SearchJob(QRunnable):
    def __init__(self, context: AppContext, text: str, number: int) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.database = context.database
        self.text = text
        self.number = number
        self.signals = _SearchSignals()

    def run(self) -> None:
        try:
            result = search.search(self.database, self.text)
        except UserError as error:  # an unreadable file, say: said where the results go
            self.signals.failed.emit(self.number, describe(error))
        except BaseException as error:
            self.signals.crashed.emit(error)
        else:
            self.signals.found.emit(self.number, result)


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
    searched = Signal()
    """The results of the latest search are shown."""

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
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: _SearchJob | None = None
        self._number = 0
        """The number of the latest search asked for; answers to older ones are dropped."""
        self._focus_when_found = False
        context.closing.connect(self.wait)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        box.textChanged.connect(self._typed)
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

    @property
    def searching(self) -> bool:
        """A search was asked for and its results are not shown yet."""
        return self._job is not None

    def run(self) -> None:
        """Search for what the box holds, in the search's thread (also after a change in the
        data); the results replace the shown ones when they come."""
        self.timer.stop()
        if not self.query:
            self._forget_pending()
            self.result = None
            self.model.set_hits(())
            self.summary.setText(self._hint)
            self.searched.emit()
            return
        self._number += 1
        job = _SearchJob(self.context, self.query, self._number)
        job.signals.found.connect(self._show)
        job.signals.failed.connect(self._show_failure)
        job.signals.crashed.connect(self._on_crashed)
        self._job = job
        self.pool.start(job)

    def wait(self) -> None:
        """The file is closing: let a running search end first, and show nothing of it."""
        self._forget_pending()
        self.pool.waitForDone()

    def _typed(self, _text: str) -> None:
        self._forget_pending()
        self.timer.start()

    def _forget_pending(self) -> None:
        """An answer under way is for older text, or for a file that closes: it is dropped
        when it comes, and so is the move to the results asked for with it."""
        self._number += 1
        self._job = None
        self._focus_when_found = False

    def _current(self, number: int) -> bool:
        if number != self._number:
            return False
        self._job = None
        return True

    def _show(self, number: int, result: SearchResult) -> None:
        if not self._current(number):
            return
        self.result = result
        self.model.set_hits(result.hits)
        total = result.total
        if not result.hits:
            text = self._no_hits.format(text=result.query)
        elif total > len(result.hits):
            text = _("Showing the {shown} best of {total} results. Type more to narrow.").format(
                shown=len(result.hits), total=total
            )
        else:
            text = ngettext("{count} result", "{count} results", total).format(count=total)
        self._say(text)
        if result.hits:
            self.view.setCurrentIndex(self.model.index(0))
        if self._focus_when_found:
            self._focus_when_found = False
            self.focus_results()
        self.searched.emit()

    def _show_failure(self, number: int, message: str) -> None:
        if self._current(number):
            self.result = None
            self.model.set_hits(())
            self._say(message)
            self.searched.emit()

    def _on_crashed(self, error: BaseException) -> None:
        self._job = None
        raise error

    def _say(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setAccessibleName(text)

    def _run_and_enter(self) -> None:
        if self.timer.isActive() or (self.result is None and not self.searching):
            self.run()
        self.focus_results()

    def focus_results(self) -> None:
        """Move to the results: at once, or when the search under way has found them."""
        if self.timer.isActive():
            self.run()
        if self.searching:
            self._focus_when_found = True
            return
        if self.model.rowCount():
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        hit = self.model.hit_at(self.view.currentIndex().row())
        if hit is not None:
            self.open_requested.emit(hit.meeting_id, hit.item_id)
