"""Meeting mode: the live memo editor (see :mod:`.editor`)."""

from hyvinvointi_app.ui.meetings.editor.editor import MeetingEditor

__all__ = ["MeetingEditor"]
