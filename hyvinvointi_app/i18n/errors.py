"""What each error a user can meet means, and what they can do next, in their language."""

from __future__ import annotations

from hyvinvointi_app.domain.errors import (
    BackupFolderMissing,
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseExists,
    DatabaseFileError,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    DiskFullAtOpening,
    ForeignDatabase,
    MemoLocked,
    MigrationFailed,
    NotADatabase,
    NotFound,
    UserError,
    ValidationError,
)
from hyvinvointi_app.i18n.formatting import format_datetime
from hyvinvointi_app.i18n.translator import N_, Translator, ui_translator
from hyvinvointi_app.i18n.validation import validation_text

_NOT_FOUND_NAMES: dict[str, str] = {
    # The internal names that NotFound carries, as the user calls them.
    "action": N_("action item"),
    "agenda item": N_("agenda item"),
    "checkpoint": N_("checkpoint"),
    "clock theme": N_("annual clock theme"),
    "evaluation": N_("evaluation"),
    "guest": N_("guest"),
    "meeting": N_("meeting"),
    "member": N_("member"),
    "period": N_("operating period"),
    "plan": N_("plan"),
    "result card": N_("result card"),
    "unit": N_("unit"),
}


def describe(error: UserError, tr: Translator | None = None) -> str:
    """One or two sentences: what happened, then what the user can do."""
    tr = tr or ui_translator()
    _ = tr.gettext
    if isinstance(error, DatabaseFileError):
        return _describe_file_error(error, tr)
    if isinstance(error, NotFound):
        what = _(_NOT_FOUND_NAMES.get(error.what, error.what))
        return _("Not found: {what} {key}.").format(what=what, key=error.key)
    if isinstance(error, BackupFolderMissing):
        return _(
            "The backup folder {folder} cannot be found: is the USB stick or network drive "
            "connected? Connect it, or choose another folder in Settings."
        ).format(folder=error.folder)
    if isinstance(error, MemoLocked):
        return _("This memo is approved and locked. Reopen it, giving a reason, to edit it.")
    if isinstance(error, ValidationError):
        return validation_text(error, tr)
    return str(error)


def _describe_file_error(error: DatabaseFileError, tr: Translator) -> str:
    _ = tr.gettext
    name = str(error.path)
    if isinstance(error, DatabaseMissing):
        return _("The file {path} does not exist. Open another file or create a new one.").format(
            path=name
        )
    if isinstance(error, DatabaseEmpty):
        return _(
            "The file {path} is empty, so it holds no unit's data. "
            "Open another file or restore a backup."
        ).format(path=name)
    if isinstance(error, NotADatabase):
        return _("The file {path} is not a Hyvinvointiryhmä file. Open another file.").format(
            path=name
        )
    if isinstance(error, ForeignDatabase):
        return _(
            "The file {path} belongs to another application. It was not changed. Open another file."
        ).format(path=name)
    if isinstance(error, DatabaseDamaged):
        return _(
            "The file {path} is damaged. It was not changed. "
            "Restore the latest backup or contact your IT support."
        ).format(path=name)
    if isinstance(error, DatabaseTooNew):
        return _(
            "The file {path} was saved by a newer version of Hyvinvointiryhmä. "
            "Update the application to open it; the file was not changed."
        ).format(path=name)
    if isinstance(error, DatabaseReadOnly):
        return _(
            "The file {path} is read-only, so changes could not be saved. "
            "Copy it to a folder where you can save, or ask for write permission."
        ).format(path=name)
    if isinstance(error, DatabaseLocked):
        holder = error.holder
        return _(
            "The file {path} is open on computer {host} by user {user} since {since}. "
            "Close it there first."
        ).format(
            path=name,
            host=holder.host,
            user=holder.user,
            since=format_datetime(holder.since, tr.language),
        )
    if isinstance(error, DiskFullAtOpening):
        return _(
            "The disk holding {path} is full, so changes to it could not be saved. "
            "Free some space and open the file again."
        ).format(path=name)
    if isinstance(error, DiskFull):
        return _(
            "The disk is full, so the last change to {path} was not saved. "
            "Free some space and try again."
        ).format(path=name)
    if isinstance(error, MigrationFailed):
        return _(
            "Updating the file {path} to this version failed and was undone; "
            "the file is as it was. Contact support."
        ).format(path=name)
    if isinstance(error, DatabaseExists):
        return _("The file {path} already exists. Choose another name.").format(path=name)
    return _("The file {path} cannot be used.").format(path=name)
