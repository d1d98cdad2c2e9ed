"""File → Coordinator view: the municipality's coordinator turns a folder of the units'
bundles into one overview (:mod:`.services.coordinator`) and exports it as PDF, Excel or CSV.

The window needs no unit file. Bundles are read off the GUI thread with progress (hundreds
of bundles take seconds), and so are the exports. The folder and the list of expected units
are remembered. The table is sortable and filterable; the municipality's figures and the
selected unit's figures are shown per period with a small chart of their trend; the bundles
skipped, replaced and missing and the recurring development areas and themes have tabs of
their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import ReportLanguage
from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import choices, label
from hyvinvointi_app.i18n.translator import _, ui_translator
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services.coordinator import (
    ExpectedListError,
    ExpectedUnit,
    Overview,
    aggregate,
    read_expected,
)
from hyvinvointi_app.store.storage_errors import write_problem
from hyvinvointi_app.ui.context import open_settings, setting_text
from hyvinvointi_app.ui.coordinator.chart import TrendChart
from hyvinvointi_app.ui.coordinator.model import OverviewFilter, OverviewModel
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.icons import State, state_icon
from hyvinvointi_app.ui.prompter import Prompter
from hyvinvointi_app.ui.record_table import RecordTable
from hyvinvointi_app.ui.save_path import documents_folder

_log = logging.getLogger(__name__)

FOLDER_KEY = "coordinator/folder"
EXPECTED_KEY = "coordinator/expected"


class _Signals(QObject):
    """A job's answers. Owned by the window (it lives in the GUI thread and is deleted there
    once the answer is handled), emitted from the worker thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class _Cancelled(Exception):
    """Raised in the worker at its next progress step once the window closes."""


Work = Callable[[Callable[[int, int], None]], object]
"""Work done off the GUI thread, told its progress callback."""


class _Job(QRunnable):
    """One piece of work off the GUI thread; its answer comes back as a signal."""

    def __init__(self, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.signals = signals
        self.cancelled = False
        self._work = work

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise _Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except _Cancelled:
            return
        except UserError as error:
            self.signals.failed.emit(describe(error))
        except OSError as error:
            problem = write_problem(error, Path(error.filename or "."))
            self.signals.failed.emit(
                describe(problem)
                if problem is not None and error.filename
                else _("The work stopped: {reason}").format(reason=error.strerror or error)
            )
        except Exception:  # a bug: said, logged, and the window stays usable
            _log.exception("the coordinator view's work failed")
            self.signals.failed.emit(_("The work stopped because of an unexpected error."))
        else:
            self.signals.finished.emit(result)


class CoordinatorWindow(QWidget):
    """A window of its own beside the main window (it needs no unit file)."""

    overview_shown = Signal()
    """Emitted when an overview has been read and shown (tests and screenshots wait on it)."""

    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings or open_settings()
        self.prompter = Prompter()
        self.overview: Overview | None = None
        self.expected: list[ExpectedUnit] = []
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: _Job | None = None
        self._language = "sv" if ui_translator().language == "sv" else "fi"
        self.setWindowTitle(_("Coordinator view"))
        self.setAccessibleName(_("Coordinator view"))
        resize_within_screen(self, 1200, 760)
        layout = QVBoxLayout(self)
        layout.addLayout(self._source_row())
        layout.addLayout(self._filter_row())
        self.status = QLabel(
            _("Choose the folder where the units' bundles are. Its subfolders are read too."),
            self,
        )
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_("State of the overview"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_("Reading the bundles"))
        self.progress.hide()
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._table())
        splitter.addWidget(self._tabs())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._export_row())
        self._set_exports_enabled(False)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.filter_edit.setFocus)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.read_again)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        folder = setting_text(self.settings, FOLDER_KEY)
        self.folder_edit.setText(folder)
        expected = setting_text(self.settings, EXPECTED_KEY)
        if expected:
            self.load_expected(Path(expected), quiet=True)

    # -- building ------------------------------------------------------------------------

    def _source_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        folder_label = QLabel(_("Bundles' &folder:"), self)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setAccessibleName(_("Bundles' folder"))
        folder_label.setBuddy(self.folder_edit)
        self.choose_button = QPushButton(_("&Choose…"), self)
        self.choose_button.setAccessibleName(_("Choose the bundles' folder"))
        self.choose_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.choose_button.clicked.connect(lambda _checked=False: self.choose_folder())
        self.read_button = QPushButton(_("&Read again"), self)
        self.read_button.setAccessibleName(_("Read the bundles again"))
        self.read_button.clicked.connect(lambda _checked=False: self.read_again())
        self.expected_button = QPushButton(_("E&xpected units…"), self)
        self.expected_button.setAccessibleName(_("Choose the list of expected units"))
        self.expected_button.clicked.connect(lambda _checked=False: self.choose_expected())
        self.expected_label = QLabel(_("No list of expected units"), self)
        for widget in (folder_label, self.folder_edit):
            row.addWidget(widget, 1 if widget is self.folder_edit else 0)
        for button in (self.choose_button, self.read_button, self.expected_button):
            row.addWidget(button)
        row.addWidget(self.expected_label)
        return row

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        filter_label = QLabel(_("F&ilter:"), self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(_("Unit, municipality or site code"))
        self.filter_edit.setAccessibleName(_("Filter the units"))
        self.filter_edit.setClearButtonEnabled(True)
        filter_label.setBuddy(self.filter_edit)
        period_label = QLabel(_("&Operating period:"), self)
        self.period_box = QComboBox(self)
        self.period_box.setAccessibleName(_("Operating period shown"))
        self.period_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        period_label.setBuddy(self.period_box)
        self.attention_box = QCheckBox(_("Only units that need &attention"), self)
        self.attention_box.setAccessibleName(self.attention_box.text().replace("&", ""))
        self.attention_box.setToolTip(
            _("The minimum of meetings not met, a role missing or a plan evaluation overdue")
        )
        self.filter_edit.textChanged.connect(lambda text: self.proxy.set_words(text))
        self.period_box.currentIndexChanged.connect(lambda _index: self._period_chosen())
        self.attention_box.toggled.connect(lambda on: self._attention_chosen(on))
        row.addWidget(filter_label)
        row.addWidget(self.filter_edit, 1)
        row.addWidget(period_label)
        row.addWidget(self.period_box)
        row.addWidget(self.attention_box)
        return row

    def _table(self) -> QTableView:
        icon = state_icon(State.WARNING)
        self.model = OverviewModel(icon)
        self.proxy = OverviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = RecordTable(self.model, _("Units and their figures"), self, shown=self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # every column as wide as its contents (the view scrolls sideways if need be): a
        # stretched last column was squeezed below its title's width
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(60)  # widths from 60 rows, not from all 500
        self.table.resizeColumnsToContents()  # the headers whole before any bundle is read
        self.table.chosen.connect(self._show_unit)
        return self.table

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(_("Details of the overview"))
        self.tabs.tabBar().setAccessibleName(_("Details of the overview"))
        municipality = QWidget(self.tabs)
        row = QHBoxLayout(municipality)
        self.totals_table = self._small_table(_("The municipality's figures per period"))
        self.municipality_chart = TrendChart(_("The municipality's trend"), municipality)
        row.addWidget(self.totals_table, 3)
        row.addWidget(self.municipality_chart, 2)
        self.tabs.addTab(municipality, _("Municipality"))
        unit = QWidget(self.tabs)
        row = QHBoxLayout(unit)
        self.unit_table = self._small_table(_("The selected unit's figures per period"))
        self.unit_chart = TrendChart(_("The selected unit's trend"), unit)
        row.addWidget(self.unit_table, 3)
        row.addWidget(self.unit_chart, 2)
        self.tabs.addTab(unit, _("Selected unit"))
        self.missing_table = self._small_table(_("Bundles missing"))
        self.tabs.addTab(self.missing_table, _("Missing"))
        self.skipped_table = self._small_table(_("Files skipped or replaced"))
        self.tabs.addTab(self.skipped_table, _("Skipped"))
        self.areas_table = self._small_table(_("Recurring development areas"))
        self.tabs.addTab(self.areas_table, _("Development areas"))
        self.themes_table = self._small_table(_("Recurring annual-clock themes"))
        self.tabs.addTab(self.themes_table, _("Themes"))
        return self.tabs

    def _small_table(self, name: str) -> QTableWidget:
        table = QTableWidget(self)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(True)
        return table

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        language_label = QLabel(_("&Language of the files:"), self)
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(_("Language of the exported files"))
        for value, text in choices(ReportLanguage):
            self.language_box.addItem(text, value.value)
        self.language_box.setCurrentIndex(max(self.language_box.findData(self._language), 0))
        language_label.setBuddy(self.language_box)
        self.pdf_button = QPushButton(_("Export &PDF…"), self)
        self.xlsx_button = QPushButton(_("Export &Excel…"), self)
        self.csv_button = QPushButton(_("Export C&SV…"), self)
        for button, kind in (
            (self.pdf_button, "pdf"),
            (self.xlsx_button, "xlsx"),
            (self.csv_button, "csv"),
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _checked=False, k=kind: self.choose_export(k))
        self.close_button = QPushButton(_("Close"), self)
        self.close_button.setAccessibleName(_("Close the coordinator view"))
        self.close_button.clicked.connect(lambda _checked=False: self.close())
        row.addWidget(language_label)
        row.addWidget(self.language_box)
        row.addStretch(1)
        for button in (self.pdf_button, self.xlsx_button, self.csv_button, self.close_button):
            row.addWidget(button)
        return row

    # -- reading -------------------------------------------------------------------------

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or str(documents_folder())
        folder = self.prompter.folder(self, _("Choose the bundles' folder"), start)
        if folder is not None:
            self.read_folder(folder)

    def read_again(self) -> None:
        if self.folder_edit.text():
            self.read_folder(Path(self.folder_edit.text()))

    def read_folder(self, folder: Path) -> None:
        """Read every bundle in ``folder`` (and its subfolders) off the GUI thread."""
        if self.is_busy():
            return
        self.folder_edit.setText(str(folder))
        if not folder.is_dir():
            self.status.setText(
                "⚠ "
                + _(
                    "The folder {folder} cannot be found: connect the drive or stick it is on, "
                    "or choose another folder."
                ).format(folder=folder)
            )
            return
        self.settings.setValue(FOLDER_KEY, str(folder))
        expected = list(self.expected)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(_("Reading the bundles…"))

        def read(progress: Callable[[int, int], None]) -> Overview:
            # The figures' texts come from the documents' code: loading it (0.7 s) belongs
            # here, off the GUI thread, not in the first showing of the figures.
            import hyvinvointi_app.reports.overview  # noqa: F401

            return aggregate([folder], expected=expected, progress=progress)

        self._run(read, self._show_overview)

    def _run(self, work: Work, done: Callable[[object], None]) -> None:
        signals = _Signals(self)
        job = _Job(work, signals)
        signals.progress.connect(self._on_progress)
        signals.finished.connect(lambda result: self._finish(done, result))
        signals.failed.connect(self._on_failed)
        self._job = job
        self._set_busy(True)
        self.pool.start(job)

    def is_busy(self) -> bool:
        return self._job is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.choose_button, self.read_button, self.expected_button):
            widget.setEnabled(not busy)
        self._set_exports_enabled(not busy and self.overview is not None)

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.pdf_button, self.xlsx_button, self.csv_button):
            button.setEnabled(enabled)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_job(self) -> None:
        if self._job is not None:
            self._job.signals.deleteLater()
        self._job = None
        self.progress.hide()

    def _finish(self, done: Callable[[object], None], result: object) -> None:
        self._end_job()
        done(result)
        self._set_busy(False)

    def _on_failed(self, message: str) -> None:
        self._end_job()
        self._set_busy(False)
        self.status.setText("⚠ " + message)
        if self.isVisible():
            self.prompter.warn(self, _("Coordinator view"), message)

    def _show_overview(self, result: object) -> None:
        assert isinstance(result, Overview)
        self.overview = result
        self.model.set_rows(result.rows)
        self.table.resizeColumnsToContents()
        self.period_box.blockSignals(True)
        self.period_box.clear()
        self.period_box.addItem(_("All periods"), None)
        for period in reversed(result.periods):
            self.period_box.addItem(period, period)
        self.period_box.setCurrentIndex(1 if result.periods else 0)
        self.period_box.blockSignals(False)
        self.proxy.set_period(self.period_box.currentData())
        units = len({row.unit_key for row in result.rows})
        self.status.setText(
            _(
                "{units} units in {bundles} bundles; {skipped} skipped, {replaced} replaced by "
                "newer ones, {missing} missing."
            ).format(
                units=units,
                bundles=result.read,
                skipped=len(result.skipped),
                replaced=len(result.replaced),
                missing=len(result.missing),
            )
        )
        self._fill_totals(result)
        self._fill_lists(result)
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.overview_shown.emit()

    def _period_chosen(self) -> None:
        self.proxy.set_period(self.period_box.currentData())

    def _attention_chosen(self, on: bool) -> None:
        self.proxy.set_attention_only(on)

    # -- the tabs ------------------------------------------------------------------------

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        table.resizeRowsToContents()

    def _fill_totals(self, overview: Overview) -> None:
        from hyvinvointi_app.reports.overview import totals_lines, trend_charts
        from hyvinvointi_app.reports.texts import ReportTexts

        figures = totals_lines(ReportTexts(self._language))
        self._fill(
            self.totals_table,
            [_("Figure"), *overview.periods],
            [[text, *(value(t) for t in overview.totals)] for text, value in figures],
        )
        chart = trend_charts(ReportTexts(self._language), overview.totals).charts[0]
        self.municipality_chart.set_series(chart.title, chart.bars, chart.maximum)

    def _show_unit(self) -> None:
        row = self.table.chosen_record()
        if self.overview is None or row is None:
            return
        history = self.overview.rows_of(row.unit_key)
        model = self.model
        columns = range(3, model.columnCount())
        self._fill(
            self.unit_table,
            [
                _("Operating period"),
                *(model.headerData(c, Qt.Orientation.Horizontal) for c in columns),
            ],
            [[r.period_label, *(model.text(r, c) for c in columns)] for r in history],
        )
        self.unit_chart.set_series(
            _("Meetings held: {unit}").format(unit=row.name(self._language)),
            [(r.period_label, float(r.meetings_held), str(r.meetings_held)) for r in history],
            float(max([r.meetings_required for r in history] + [r.meetings_held for r in history])),
        )

    def _fill_lists(self, overview: Overview) -> None:
        from hyvinvointi_app.reports.overview import refusal_text

        tr = ui_translator()
        self._fill(
            self.missing_table,
            [_("Unit"), _("Site code"), _("Operating period")],
            [[m.unit.name, m.unit.site_code, m.period_label or "–"] for m in overview.missing],
        )
        self._fill(
            self.skipped_table,
            [_("File"), _("Reason")],
            [[self._shown(s.path), refusal_text(tr.pgettext, s.reason)] for s in overview.skipped]
            + [
                [
                    self._shown(r.dropped),
                    _("Replaced by the newer bundle {file}").format(file=self._shown(r.kept)),
                ]
                for r in overview.replaced
            ],
        )
        for table, found, header in (
            (self.areas_table, overview.development_areas, _("Development area")),
            (self.themes_table, overview.themes, _("Theme")),
        ):
            self._fill(
                table,
                [_("Plan type"), header, _("Units")],
                [
                    [
                        label(item.plan_type) if item.plan_type else _("Other"),
                        item.text,
                        str(item.units),
                    ]
                    for item in found
                ],
            )

    def _shown(self, path: Path) -> str:
        """A bundle's path as the coordinator knows it: within the chosen folder."""
        chosen = setting_text(self.settings, FOLDER_KEY)
        if chosen and path.is_relative_to(chosen):
            return str(path.relative_to(chosen))
        return str(path)

    # -- the list of expected units ------------------------------------------------------

    def choose_expected(self) -> None:
        path = self.prompter.open_file(
            self,
            _("Choose the list of expected units"),
            setting_text(self.settings, EXPECTED_KEY),
            _("CSV files (*.csv);;All files (*)"),
        )
        if path is not None:
            self.load_expected(path)
            self.read_again()

    def load_expected(self, path: Path, *, quiet: bool = False) -> bool:
        try:
            self.expected = read_expected(path)
        except ExpectedListError as error:
            self.expected = []
            self.expected_label.setText(_("No list of expected units"))
            if not quiet:
                self.prompter.warn(
                    self,
                    _("Coordinator view"),
                    _("The list of expected units {path} cannot be read: {reason}").format(
                        path=path, reason=reason_text(error.reason)
                    ),
                )
            return False
        self.settings.setValue(EXPECTED_KEY, str(path))
        self.expected_label.setText(
            _("{count} units expected ({file})").format(count=len(self.expected), file=path.name)
        )
        return True

    # -- exports -------------------------------------------------------------------------

    def choose_export(self, kind: str) -> None:
        if self.overview is None:
            return
        filters = {
            "pdf": _("PDF documents (*.pdf)"),
            "xlsx": _("Excel workbooks (*.xlsx)"),
            "csv": _("CSV files (*.csv)"),
        }
        stem = _("overview")  # the suggested file's name
        start = Path(self.folder_edit.text() or documents_folder()) / f"{stem}.{kind}"
        path = self.prompter.save_file(
            self, _("Export the overview"), start, filters[kind], f".{kind}"
        )
        if path is not None:
            self.export_to(path, kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write the overview as ``kind`` ("pdf", "xlsx", "csv") off the GUI thread; the save
        dialog has asked before a file is replaced."""
        from hyvinvointi_app.reports.options import ReportOptions
        from hyvinvointi_app.reports.overview import export_overview

        overview = self.overview
        assert overview is not None
        options = ReportOptions(language=str(self.language_box.currentData()))
        targets: dict[str, dict[str, Path | None]] = {
            "pdf": {"pdf": path},
            "xlsx": {"pdf": None, "xlsx": path},
            "csv": {"pdf": None, "csv_path": path},
        }
        expected = setting_text(self.settings, EXPECTED_KEY)
        keep = [Path(expected)] if expected else []
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(_("Exporting…"))
        self._run(
            lambda progress: export_overview(
                overview, options=options, progress=progress, keep=keep, **targets[kind]
            ),
            lambda _written: self.status.setText(_("Exported: {file}").format(file=path)),
        )

    def wait(self) -> None:
        """Wait for a read or an export to end (closing, tests)."""
        self.pool.waitForDone()

    def closeEvent(self, event: QCloseEvent) -> None:
        """A read or an export stops at its next step (an export writes its file only at its
        end, so nothing is left half written)."""
        if self._job is not None:
            self._job.cancelled = True
        self.wait()
        super().closeEvent(event)
