"""The search of everything the group wrote (Edit → Search, Ctrl+F or Ctrl+K on any screen).

A window of its own beside the main window, so that it stays at hand during a meeting: the
search field, filters by kind and operating period, and the results grouped by kind as they
come while typing (in the search's thread, see ``results.py``). Enter or a double click opens
a result on its screen, at the text that matched, and puts the window away; Escape clears
the field, and a second Escape puts the window away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import SearchKind
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.labels import label
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import periods
from hyvinvointi_app.services.search import SearchHit
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.search.results import SearchBox, SearchPanel


class SearchWindow(QDialog):
    """Search everything written; ``open_requested`` carries the result to open."""

    open_requested = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Search everything written"))
        self.setModal(False)
        self.resize(760, 620)
        layout = QVBoxLayout(self)

        self.box = SearchBox(self)
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(_("Words in any of their forms, e.g. pihan turvallisuus"))
        self.box.setAccessibleName(_("Search everything written"))
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(_("What to search"))
        self.kind_box.addItem(_("Everything"), None)
        for kind in SearchKind:
            self.kind_box.addItem(label(kind), kind.value)
        self.period_box = QComboBox(self)
        self.period_box.setAccessibleName(_("Operating period"))
        form = QFormLayout()
        search_label = QLabel(_("&Search:"), self)
        search_label.setBuddy(self.box)
        form.addRow(search_label, self.box)
        narrow_label = QLabel(_("&Narrow to:"), self)
        narrow_label.setBuddy(self.kind_box)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_box, 1)
        filters.addWidget(self.period_box, 1)
        form.addRow(narrow_label, filters)
        layout.addLayout(form)
        self.panel = SearchPanel(context, self.box, self, memos_only=False)
        layout.addWidget(self.panel, 1)

        self.panel.open_requested.connect(self._open)
        context.data_changed.connect(self._data_changed)
        self.kind_box.currentIndexChanged.connect(lambda _index: self._filter())
        self.period_box.currentIndexChanged.connect(lambda _index: self._filter())
        QWidget.setTabOrder(self.box, self.kind_box)
        QWidget.setTabOrder(self.kind_box, self.period_box)
        QWidget.setTabOrder(self.period_box, self.panel.view)
        self.panel.run()  # the hint

    def start(self) -> None:
        """Show the window with the cursor in the search field, its text selected."""
        self._load_periods()
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        if self.panel.query:
            self.panel.run()  # the data may have changed since

    def _load_periods(self) -> None:
        chosen = self.period_box.currentData()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        self.period_box.addItem(_("All operating periods"), None)
        try:
            for period in periods.list_periods(self.context.database):
                self.period_box.addItem(period.label, period.id)
        except UserError:
            pass  # an unreadable file: the search itself says so
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(chosen)))
        self.period_box.blockSignals(False)
        if self.period_box.currentData() != chosen:  # the period chosen is gone
            self._filter()

    def _data_changed(self) -> None:
        """Something was written: what is shown is searched again (a result may be gone)."""
        if self.isVisible():
            self._load_periods()
            if self.panel.query:
                self.panel.run()

    def _filter(self) -> None:
        kind = self.kind_box.currentData()
        self.panel.set_filters((SearchKind(kind),) if kind else (), self.period_box.currentData())

    def _open(self, hit: SearchHit) -> None:
        self.hide()
        self.open_requested.emit(hit)
