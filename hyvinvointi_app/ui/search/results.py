"""Search as the user types: the search box, its results and their drawing, for the memo
search of the meetings screen and for the search of everything written (``window.py``).

The query runs ~150 ms after typing pauses, in a thread of its own: over the 10-year demo
unit a one-letter query takes 10-20 ms (benchmarks/bench_search.py), and laying out its
results as much again, long enough to be felt between two keys if the window waited. Each
result shows where the text is (a memo's meeting, number, date and period and its agenda
item; else the date, the period and what the text belongs to), which text it is and the
words around the match, the matched words bold; typed text is escaped, so nothing a
director wrote is read as markup.
"""

from __future__ import annotations

import html
from collections import Counter
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

from hyvinvointi_app.domain.enums import MeetingStatus, SearchKind
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.services import search
from hyvinvointi_app.services.search import SearchField, SearchHit, SearchResult
from hyvinvointi_app.ui.context import AppContext

DEBOUNCE_MS = 150
MEMO_KINDS = (SearchKind.MEMO, SearchKind.ACTION)
"""What the memo search finds: the texts of meetings."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """One row per matching text, under a heading row for each kind when grouped.
    DisplayRole is a plain sentence (what a screen reader says); :data:`HTML_ROLE` is the
    same as rich text for the delegate. A heading row cannot be chosen: the arrow keys pass
    over it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchHit | tuple[SearchKind, int]] = []
        self._language = ui_translator().language
        self._meeting_text = _("Meeting {number}, {date}, operating period {period}")
        self._no_item = _("(not under an agenda item)")
        self._status_texts = {status: label(status) for status in MeetingStatus}
        self._rich: dict[int, str] = {}
        """The rich text of each row asked for (measuring and painting ask again and again)."""

    def set_hits(self, hits: tuple[SearchHit, ...], *, grouped: bool = False) -> None:
        rows: list[SearchHit | tuple[SearchKind, int]] = list(hits)
        if grouped:
            counts = Counter(hit.kind for hit in hits)
            rows = []
            for kind in (kind for kind in SearchKind if counts[kind]):
                rows += [(kind, counts[kind]), *(hit for hit in hits if hit.kind is kind)]
        self.beginResetModel()
        self._rows = rows
        self._rich.clear()
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, SearchHit) else None

    def first_hit_row(self) -> int:
        return next((row for row in range(len(self._rows)) if self.hit_at(row)), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if self.hit_at(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _parts(self, hit: SearchHit) -> tuple[str, str, str]:
        """(where the text is, what it belongs to, which text it is)."""
        date = format_date(hit.date, self._language) if hit.date else ""
        if hit.meeting_number is not None and hit.kind in MEMO_KINDS:
            where = self._meeting_text.format(
                number=hit.meeting_number, date=date, period=hit.period_label
            )
            status = self._status_texts[hit.meeting_status or MeetingStatus.DRAFT]
            return f"{where} ({status})", hit.title or self._no_item, field_text(hit.field)
        where = ", ".join(part for part in (date, hit.period_label) if part)
        return where, hit.title, field_text(hit.field)

    def plain_text(self, hit: SearchHit) -> str:
        where, title, field = self._parts(hit)
        heading = " — ".join(part for part in (where, title) if part)
        return f"{heading}\n{field}: {hit.snippet_text}"

    def rich_text(self, hit: SearchHit) -> str:
        where, title, field = (html.escape(part) for part in self._parts(hit))
        if hit.field is SearchField.TITLE:  # the title is the snippet: one line, match bold
            return f"<div>{where} — {hit.snippet_html()}</div>"
        heading = " — ".join(part for part in (where, f"<b>{title}</b>" if title else "") if part)
        return f"<div>{heading}</div><div><i>{field}:</i> {hit.snippet_html()}</div>"

    def _heading(self, kind: SearchKind, count: int) -> str:
        return _("{kind}: {count}").format(kind=label(kind), count=count)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()] if index.isValid() else None
        if row is None:
            return None
        if isinstance(row, tuple):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._heading(*row)
            if role == HTML_ROLE:
                return f"<div><b>{html.escape(self._heading(*row))}</b></div>"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.plain_text(row)
        if role == HTML_ROLE:
            if index.row() not in self._rich:
                self._rich[index.row()] = self.rich_text(row)
            return self._rich[index.row()]
        if role == HIT_ROLE:
            return row
        return None


def field_text(field: SearchField) -> str:
    """What the user calls the text that matched."""
    return {
        SearchField.TITLE: _("Item title"),
        SearchField.NOTES: _("Notes"),
        SearchField.DECISION: _("Decision"),
        SearchField.THEME: _("Theme"),
        SearchField.ACTION: _("Action item"),
        SearchField.VOICE: _("What came up"),
        SearchField.FOLLOW_UP: _("Follow-up comment"),
        SearchField.PLACE: _("Place"),
        SearchField.DISTRIBUTION: _("Distribution"),
        SearchField.ATTACHMENTS: _("Attachments"),
        SearchField.PLAN_NAME: pgettext("search field", "Plan"),
        SearchField.CURRENT_STATE: pgettext("search field", "Current state"),
        SearchField.STRENGTHS: pgettext("search field", "Strengths"),
        SearchField.DEVELOPMENT_AREAS: pgettext("search field", "Development areas"),
        SearchField.CHECK_NOTE: pgettext("search field", "Checklist note"),
        SearchField.WHAT_TO_CHANGE: pgettext("search field", "What to change"),
        SearchField.TARGET_STATE: pgettext("search field", "Target state"),
        SearchField.IDEAL_STATE: pgettext("search field", "Ideal state"),
        SearchField.MEASURES: pgettext("search field", "Measures"),
        SearchField.INDICATOR: pgettext("search field", "Indicator"),
        SearchField.CHECKPOINT_NOTE: pgettext("search field", "Checkpoint"),
        SearchField.CLOCK_THEME: pgettext("search field", "Theme of the annual clock"),
        SearchField.THEME_MARK_NOTE: pgettext("search field", "How the theme was dealt with"),
        SearchField.SUMMARY: pgettext("search field", "Summary"),
        SearchField.PROVIDER_REQUESTS: pgettext("search field", "Requests to the provider"),
        SearchField.SURVEY_TITLE: pgettext("search field", "Survey"),
        SearchField.OPEN_QUESTION: pgettext("search field", "Open question"),
        SearchField.SURVEY_ITEM: pgettext("search field", "Option or statement"),
    }[field]


class HitDelegate(QStyledItemDelegate):
    """Draws a result's rich text (two lines, matches bold) inside the usual item frame."""

    MARGIN = 6

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        # The list's width, not the option's: Qt measures some rows before their rect is
        # known, and a height measured at another width left rows overlapping.
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        document.setTextWidth(max(100, width))
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
        # Active colours also for a heading, which cannot be chosen and would draw greyed.
        context.palette.setColor(
            QPalette.ColorRole.Text,
            view_option.palette.color(QPalette.ColorGroup.Active, role),
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
    def __init__(
        self,
        context: AppContext,
        text: str,
        number: int,
        kinds: tuple[SearchKind, ...],
        period_id: int | None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.database = context.database
        self.text = text
        self.number = number
        self.kinds = kinds
        self.period_id = period_id
        self.signals = _SearchSignals()

    def run(self) -> None:
        try:
            result = search.search(
                self.database, self.text, kinds=self.kinds, period_id=self.period_id
            )
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
        model = self.model()
        first = model.first_hit_row() if isinstance(model, SearchResultsModel) else 0
        if event.key() == Qt.Key.Key_Up and self.currentIndex().row() <= first:
            self.back_to_box.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    """The results of what is typed in ``box``: a count line and the list of results."""

    open_requested = Signal(object)
    """The :class:`SearchHit` to open."""
    searched = Signal()
    """The results of the latest search are shown."""

    def __init__(
        self,
        context: AppContext,
        box: SearchBox,
        parent: QWidget | None = None,
        *,
        memos_only: bool = True,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.box = box
        self.kinds: tuple[SearchKind, ...] = MEMO_KINDS if memos_only else ()
        """What is searched (nothing: everything)."""
        self.period_id: int | None = None
        """The operating period searched (None: all)."""
        self.grouped = not memos_only
        """Results under a heading for each kind."""
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
        # Grouped results are laid out in one batch: with headings among them, the later
        # batches left the list blank (Qt 6.x); at most 100 results take 40-60 ms.
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(search.DEFAULT_LIMIT + len(SearchKind) if self.grouped else 10)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the width
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

        if memos_only:
            self._no_hits = _("No memo contains “{text}”.")
            self._hint = _(
                "Every word you type is searched in all memos of all operating periods, as "
                "the beginning of a word and in its other forms."
            )
        else:
            self._no_hits = _("Nothing the group wrote contains “{text}”.")
            self._hint = _(
                "Every word you type is searched in any of its forms (lapsi finds lasten, "
                "barn finds barnens) in everything the group wrote: memos, action items, "
                "plans and evaluations, result cards, the annual clock, surveys and annual "
                "reports."
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
        job = _SearchJob(self.context, self.query, self._number, self.kinds, self.period_id)
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
        self.model.set_hits(result.hits, grouped=self.grouped)
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
            self.view.setCurrentIndex(self.model.index(self.model.first_hit_row()))
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
                self.view.setCurrentIndex(self.model.index(self.model.first_hit_row()))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_current(self) -> None:
        hit = self.model.hit_at(self.view.currentIndex().row())
        if hit is not None:
            self.open_requested.emit(hit)

    def set_filters(self, kinds: tuple[SearchKind, ...], period_id: int | None) -> None:
        """Search only texts of ``kinds`` (none: every kind) of the period ``period_id``
        (None: every period), at once."""
        self.kinds, self.period_id = kinds, period_id
        self.run()
