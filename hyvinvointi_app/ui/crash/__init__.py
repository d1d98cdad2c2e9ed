"""Unexpected errors: a log without user text, a dialog that says what was saved, and an
application that goes on when it can (see ``reporter.py``)."""

from hyvinvointi_app.ui.crash.reporter import CrashReporter, install_crash_reporter

__all__ = ["CrashReporter", "install_crash_reporter"]
