"""When automatic backups are taken while the application runs: on opening a file, every
:data:`~hyvinvointi_app.services.backups.INTERVAL_MINUTES` minutes, and after closing it.

The copy itself is ``services.backups.take_backup``, which does nothing when the data has
not changed since the last backup. On opening and on the timer it runs on a worker thread
(a USB stick or a network drive can take seconds to flush); after closing it runs at once,
since the application is about to end.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import backups, settings
from hyvinvointi_app.services.backups import BackupResult

_log = logging.getLogger("hyvinvointi.backups")


def error_text(error: BaseException) -> str:
    """A translated sentence for what went wrong with a backup."""
    if isinstance(error, UserError):
        return describe(error)
    if isinstance(error, OSError):
        return _("The backup could not be written: {reason}").format(reason=error.strerror or error)
    return str(error)


class BackupScheduler(QObject):
    """Automatic backups of one open unit file; ``stop`` before closing it."""

    succeeded = Signal(str)
    """A translated confirmation for the status bar."""
    failed = Signal(str)
    """A translated sentence: the backup folder is missing, the disk is full, …"""

    def __init__(self, unit_file: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.unit_file = unit_file
        self._worker: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(backups.INTERVAL_MINUTES * 60 * 1000)
        self._timer.timeout.connect(self.back_up_in_background)
        self.last_result: BackupResult | None = None
        self.last_error: str | None = None

    def _take_backup(self) -> BackupResult:
        """Into the folder chosen in Settings (else ``backups`` beside the unit file), kept
        as Settings says: the same rule as ``hyvinvointi backup``."""
        chosen = settings.load_backup_settings()
        return backups.take_backup(self.unit_file, chosen.folder_for(self.unit_file), chosen.policy)

    def start(self) -> None:
        """Back up now if the data changed since the last backup, then every half hour."""
        self._timer.start()
        self.back_up_in_background()

    def stop(self) -> None:
        self._timer.stop()
        self.wait()

    def wait(self) -> None:
        """Let a backup under way finish (the file is about to close or be replaced)."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None

    def back_up_in_background(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            return
        self._worker = threading.Thread(target=self._run, name="backup", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        try:
            result = self._take_backup()
        except (UserError, OSError) as error:
            _log.warning("automatic backup failed: %s", type(error).__name__)
            self.last_error = error_text(error)
            self.failed.emit(self.last_error)
            return
        self.last_result, self.last_error = result, None
        if result.outcome is backups.Outcome.WRITTEN and result.path is not None:
            self.succeeded.emit(_("Backup saved: {path}").format(path=result.path))

    def back_up_now(self) -> BackupResult:
        """A backup at once, on this thread (File → Back up now); raises on failure."""
        self.wait()
        result = self._take_backup()
        self.last_result, self.last_error = result, None
        return result

    def back_up_after_closing(self) -> None:
        """The backup on closing, of the closed (checkpointed) file. Its copy is checked,
        so a damaged file writes nothing and thins nothing; failures only go to the log."""
        self.stop()
        try:
            self.last_result = self._take_backup()
        except (UserError, OSError) as error:
            _log.warning("backup on closing failed: %s", type(error).__name__)
