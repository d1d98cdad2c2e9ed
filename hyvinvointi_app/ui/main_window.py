"""The main window: for now the unit's overview (the application shell issue extends it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from hyvinvointi_app.domain.enums import MINIMUM_MEETINGS_PER_PERIOD
from hyvinvointi_app.domain.errors import NotFound, UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import actions, meetings, members, periods, unit
from hyvinvointi_app.store.database import Database, open_database


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.database: Database | None = None
        self.setWindowTitle(_("Hyvinvointiryhmä"))
        self.resize(1100, 720)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self._heading = QLabel(_("Opening…"), central)
        self._heading.setObjectName("heading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self._heading.setFont(font)
        layout.addWidget(self._heading)
        self._facts = QFormLayout()
        layout.addLayout(self._facts)
        layout.addStretch(1)
        self.setCentralWidget(central)

    def open_database(self, path: Path) -> str | None:
        """Open a unit file and show it; return a translated message if it cannot be used."""
        try:
            database = open_database(path)
        except UserError as error:
            return describe(error)
        if self.database is not None:
            self.database.close()
        self.database = database
        self.refresh()
        return None

    def refresh(self) -> None:
        database = self.database
        if database is None:
            return
        info = unit.get_unit(database)
        name = info.name(info.working_language.value)
        self.setWindowTitle(f"{name} — {database.path.name} — {_('Hyvinvointiryhmä')}")
        self._heading.setText(name)
        while self._facts.rowCount():
            self._facts.removeRow(0)
        self._add_fact(_("Municipality"), info.municipality)
        try:
            period = periods.current_period(database)
        except NotFound:
            self._add_fact(_("Operating period"), _("No operating period yet"))
            return
        held = len(meetings.list_meetings(database, period.id))
        self._add_fact(_("Operating period"), period.label)
        self._add_fact(
            _("Meetings"),
            _("{held} of at least {minimum}").format(
                held=held, minimum=MINIMUM_MEETINGS_PER_PERIOD
            ),
        )
        self._add_fact(_("Members"), str(len(members.list_members(database, include_former=False))))
        self._add_fact(_("Open action items"), str(len(actions.open_actions(database))))

    def _add_fact(self, label: str, value: str) -> None:
        value_label = QLabel(value)
        value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value_label.setAccessibleName(label)
        self._facts.addRow(label, value_label)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None
        super().closeEvent(event)
