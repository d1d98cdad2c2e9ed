"""Help → Activity log: who approved, reopened, exported, erased or restored what, and when.

The entries are the audit log's (``services.audit``), newest first, in local time and the
interface language. Export writes them as CSV atomically (owner-only on POSIX) and is itself
logged as an export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.services import audit, exports
from hyvinvointi_app.services.audit import AuditEntry
from hyvinvointi_app.ui.activity_log.export import activity_csv, column_titles, entry_cells
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.save_path import start_folder
from hyvinvointi_app.ui.table_model import Index, RowsModel

TIME, ACTION, SUBJECT, DETAILS, USER = range(5)
LAST_FOLDER_SETTING = "activity_log/last_folder"


class ActivityLogModel(RowsModel[list[str]]):
    """One row per audit entry; texts are computed once, when the rows are set."""

    def __init__(self) -> None:
        super().__init__(column_titles())
        self.entries: list[AuditEntry] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.entries = list(entries)
        self.set_rows(entry_cells(entry) for entry in self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        cells = self.cell_row(index)
        if cells is not None and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return cells[index.column()]
        return None


class ActivityLogDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        title = _("Activity log")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        resize_within_screen(self, 980, 560)

        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Approvals and reopenings of memos, exports, erasures and restorations of "
                "personal details, deleted meetings and restored backups, newest first. The "
                "log holds no memo text."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.count_label = QLabel(self)
        layout.addWidget(self.count_label)

        self.model = ActivityLogModel()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Activity log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(
            _(
                "Nothing has been logged yet. Approving a memo, exporting or erasing a "
                "member's personal details will appear here."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(self)
        self.export_button: QPushButton = buttons.addButton(
            _("&Export as CSV…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(_("Export as CSV"))
        self.export_button.clicked.connect(self.export)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.close_button.text().replace("&", ""))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = audit.entries(self.context.database, newest_first=True)
        self.model.set_entries(entries)
        count = len(entries)
        text = ngettext("{count} entry", "{count} entries", count).format(count=count)
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text)
        self.table.setVisible(count > 0)
        self.empty_label.setVisible(count == 0)
        self.export_button.setEnabled(count > 0)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in (SUBJECT, DETAILS):
            header.resizeSection(column, min(max(header.sectionSize(column), 160), 360))
        if count:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.table if self.model.rowCount() else self.close_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _start_folder(self) -> str:
        return str(start_folder(self.context.settings, LAST_FOLDER_SETTING))

    def export(self) -> None:
        suggested = Path(self._start_folder()) / pgettext("file name", "activity-log.csv")
        path = self.context.prompter.save_file(
            self,
            _("Export the activity log"),
            suggested,
            _("CSV files ({pattern})").format(pattern="*.csv"),
            ".csv",
        )
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the log as CSV to ``path`` atomically and log the export; False, with a
        message, if the file could not be written."""
        data = activity_csv(self.model.entries)
        try:
            exports.export_file(
                self.context.database,
                path,
                data,
                exports.ExportKind.CSV,
                document="activity_log",
                language=ui_translator().language,
                with_names=False,
            )
        except UserError as error:
            self.context.prompter.warn(
                self, _("The activity log was not exported"), describe(error)
            )
            return False
        self.context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
        self.context.status_message.emit(_("Activity log exported to {file}").format(file=path))
        self.refresh()
        return True
