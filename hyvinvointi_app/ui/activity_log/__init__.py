"""Help → Activity log: the audit log as a table, exportable as CSV; never memo text."""

from hyvinvointi_app.ui.activity_log.dialog import ActivityLogDialog

__all__ = ["ActivityLogDialog"]
