"""What each error a user can meet means, and what they can do next, in their language."""

from __future__ import annotations

from hyvinvointi_app.domain.errors import (
    BackupFolderMissing,
    BackupOfAnotherUnit,
    DatabaseBusy,
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
    DiskIOError,
    ExportRefusal,
    ExportRefused,
    FileNotWritten,
    ForeignDatabase,
    LockedByOtherComputer,
    LockLost,
    LockNotAFile,
    MemoLocked,
    MemoNotApproved,
    MemoRecordUnreadable,
    MigrationFailed,
    NotADatabase,
    NotFound,
    PathTooLong,
    UserError,
    ValidationError,
    WriteProblem,
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
    if isinstance(error, BackupOfAnotherUnit):
        return _(
            "The backup {backup} holds the data of another unit, {other}, not of {unit}. "
            "Choose a backup of {unit}, or choose explicitly to replace its data with the "
            "other unit's."
        ).format(
            backup=error.backup.name,
            other=error.backup_unit or _("(unnamed unit)"),
            unit=error.this_unit or _("(unnamed unit)"),
        )
    if isinstance(error, MemoLocked):
        return _("This memo is approved and locked. Reopen it, giving a reason, to edit it.")
    if isinstance(error, MemoNotApproved):
        return _(
            "This memo is not approved yet. A public version is made of an approved memo, "
            "whose privacy review is done: approve the memo first."
        )
    if isinstance(error, MemoRecordUnreadable):
        if error.too_new:
            return _(
                "This approved memo was saved by a newer version of the program and cannot be "
                "shown here. Open the file with the newer version."
            )
        return _(
            "The approved text of this memo cannot be read: it is damaged. Restore the file "
            "from a backup, or reopen the memo and approve it again."
        )
    if isinstance(error, ValidationError):
        return validation_text(error, tr)
    if isinstance(error, FileNotWritten):
        return _not_written_text(error, tr)
    if isinstance(error, ExportRefused):
        return _refusal_text(error, tr)
    return str(error)


def _not_written_text(error: FileNotWritten, tr: Translator) -> str:
    _ = tr.gettext
    path, folder = str(error.path), str(error.path.parent)
    if error.problem is WriteProblem.DISK_FULL:
        return _(
            "The disk is full, so {path} was not written. Free some space, or choose another "
            "place, and try again."
        ).format(path=path)
    if error.problem is WriteProblem.NO_FOLDER:
        return _("The folder {folder} does not exist. Choose another place for the file.").format(
            folder=folder
        )
    if error.problem is WriteProblem.IS_FOLDER:
        return _("{path} is a folder. Give a file name for the export.").format(path=path)
    if error.problem is WriteProblem.NO_PERMISSION:
        return _(
            "You may not save in {folder}. Choose another folder, for example your Documents."
        ).format(folder=folder)
    if error.problem is WriteProblem.IN_USE:
        return _(
            "{path} is open in another program, so it was not replaced. Close it there (for "
            "example in the PDF reader) and try again, or choose another file name."
        ).format(path=path)
    if error.problem is WriteProblem.EXISTS:
        return _(
            "{path} already exists, so it was not replaced. Choose another file name, or "
            "replace it (on the command line: --replace)."
        ).format(path=path)
    if error.problem is WriteProblem.DISK_ERROR:
        return _(
            "The disk failed while {path} was written, so it was not written. Check that the "
            "USB stick or network drive is connected, and try again."
        ).format(path=path)
    return _("{path} could not be written: {reason}").format(path=path, reason=error.detail)


def _refusal_text(error: ExportRefused, tr: Translator) -> str:
    _ = tr.gettext
    path = str(error.path)
    if error.reason is ExportRefusal.OPEN_UNIT_FILE:
        return _(
            "{path} is the unit file that is open, or belongs to it: the export would destroy "
            "the unit's data. Nothing was written. Choose another file name."
        ).format(path=path)
    if error.reason is ExportRefusal.UNIT_FILE:
        return _(
            "{path} is a unit file (or belongs to one): an export never replaces one. Nothing "
            "was written. Choose another file name."
        ).format(path=path)
    if error.reason is ExportRefusal.BACKUP_FOLDER:
        return _(
            "{path} is in the backup folder, which holds only backups. Nothing was written. "
            "Choose another folder, for example your Documents."
        ).format(path=path)
    if error.reason is ExportRefusal.SOURCE:
        return _(
            "{path} is a file the overview is made from, or is named twice among the files to "
            "write. Nothing was written. Choose another file name."
        ).format(path=path)
    return _(
        "{path} is a file of another kind, so it is not replaced by the export. Nothing was "
        "written. Choose another file name."
    ).format(path=path)


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
    if isinstance(error, LockedByOtherComputer):
        holder = error.holder
        return _(
            "The file {path} has been open on computer {host} by user {user} since {since} "
            "and has not been closed there. If it is still open there, close it there first. "
            "If that computer crashed, or the folder was copied here from it, you can take "
            "the file over to this computer."
        ).format(
            path=name,
            host=holder.host,
            user=holder.user,
            since=format_datetime(holder.since, tr.language),
        )
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
    if isinstance(error, LockNotAFile):
        return _(
            "Beside the file {path} there is {lock}, which should be the file's lock file but "
            "is a link, a folder or another special file. The file was not opened, and nothing "
            "was changed. Ask your IT support to remove {lock}, then open the file again."
        ).format(path=name, lock=error.lock_path.name)
    if isinstance(error, LockLost):
        return _(
            "Another copy of Hyvinvointiryhmä may now be saving to the file {path}: its lock "
            "file was removed, replaced or taken over while the file was open here. So that "
            "the two do not overwrite each other, your last change was not saved, and nothing "
            "more will be saved here. Copy any text on the screen that you still need, then "
            "close the file and open it again."
        ).format(path=name)
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
    if isinstance(error, PathTooLong):
        return _(
            "The file {path} cannot be opened because its folder path is too long. Move it "
            "to a folder with a shorter path, for example Documents; the file was not changed."
        ).format(path=name)
    if isinstance(error, DiskIOError):
        return _(
            "The disk holding {path} could not be read or written, so the last change was not "
            "saved. Check that the USB stick or network drive is connected, and try again."
        ).format(path=name)
    if isinstance(error, DatabaseBusy):
        return _(
            "Another program kept {path} busy, so the last change was not saved. Try again "
            "in a moment; if it keeps happening, close backup or synchronising programs."
        ).format(path=name)
    if isinstance(error, MigrationFailed):
        return _(
            "Updating the file {path} to this version failed and was undone; "
            "the file is as it was. Contact support."
        ).format(path=name)
    if isinstance(error, DatabaseExists):
        return _("The file {path} already exists. Choose another name.").format(path=name)
    return _("The file {path} cannot be used.").format(path=name)
