"""The municipal package in the window: File → Export → Municipal package… composes one from
the open file (:class:`ExportPackageDialog`), and File → Import → Municipal package… shows what
a package would change (:class:`PackagePreviewDialog`) before importing it as one undoable
step. A package with any fault is refused whole with its reason, and nothing changes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.domain.errors import UserError, ValidationError
from hyvinvointi_app.i18n import formatting
from hyvinvointi_app.i18n.errors import describe
from hyvinvointi_app.i18n.labels import plan_type_label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.i18n.validation import reason_text
from hyvinvointi_app.services import exports
from hyvinvointi_app.services import municipal_package as mp
from hyvinvointi_app.services.municipal_package import Difference, Entry, Package, Part, Preview
from hyvinvointi_app.store.database import Database
from hyvinvointi_app.ui.buttons import dialog_buttons
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.form_parts import form_layout, labelled, resize_within_screen, wrapped_label
from hyvinvointi_app.ui.save_path import start_folder
from hyvinvointi_app.ui.undo import push

LAST_FOLDER_SETTING = "package/last_folder"
FILE_PATTERN = "*.json"


def part_label(part: Part) -> str:
    return {
        Part.CLOCK: _("Annual clock"),
        Part.CHECKLISTS: _("Evaluation checklists"),
        Part.PLAN_TYPES: _("Plan types of the municipality"),
        Part.STANDING_AGENDA: _("Standing agenda"),
        Part.TEMPLATES: _("Result card templates"),
    }[part]


def difference_label(change: Difference) -> str:
    return {
        Difference.ADDED: _("will be added"),
        Difference.REPLACED: _("will be replaced"),
        Difference.REMOVED: _("will be removed"),
        Difference.KEPT: _("stays as the unit's own"),
        Difference.UNCHANGED: _("unchanged"),
    }[change]


def describe_package(name: str, version: int) -> str:
    """“Porvoon yhteiset käytännöt, version 3”: how a package is named everywhere."""
    return _("{name}, version {version}").format(name=name, version=version)


def package_text(db: Database) -> str:
    """The package the unit uses, as Settings shows it."""
    info = mp.current_package(db)
    if info is None:
        return _("None (File → Import → Municipal package…)")
    imported = formatting.format_date(
        info.imported_at.astimezone().date(), ui_translator().language
    )
    return (
        describe_package(info.name, info.version)
        + " · "
        + _("imported {date}").format(date=imported)
    )


def _file_filter() -> str:
    return ";;".join(
        (
            _("Municipal packages ({pattern})").format(pattern=FILE_PATTERN),
            _("All files ({pattern})").format(pattern="*"),
        )
    )


def _start_folder(context: AppContext) -> str:
    return str(start_folder(context.settings, LAST_FOLDER_SETTING))


# -- export -----------------------------------------------------------------------------------


class ExportPackageDialog(QDialog):
    """The package's name, its version and the parts it carries; the contents are the open
    file's own (its clock, custom plans, active result cards) and the checklists and standing
    agenda in use."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Export a municipal package"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                _(
                    "A municipal package gives every unit the same annual clock, checklists "
                    "and templates. It is made from this file: its annual clock, its plans of "
                    "the type “other plan” with their questions, and its active result cards "
                    "as templates. Export the next version under the same name; units that "
                    "import it get what changed."
                ),
                self,
            )
        )
        form = form_layout()
        layout.addLayout(form)
        previous = mp.last_composed(context.database)
        self.name_edit = QLineEdit(previous.name if previous else "", self)
        self.name_edit.setMaxLength(200)
        form.addRow(labelled(_("Name of the package"), self.name_edit, self), self.name_edit)
        self.version_spin = QSpinBox(self)
        self.version_spin.setRange(1, 1_000_000)
        self.version_spin.setValue(previous.version + 1 if previous else 1)
        self.version_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        form.addRow(labelled(_("Version"), self.version_spin, self), self.version_spin)
        self.parts: dict[Part, QCheckBox] = {}
        for part in Part:
            box = QCheckBox(part_label(part), self)
            box.setChecked(True)
            box.setAccessibleName(box.text())
            form.addRow(box)
            self.parts[part] = box
        self.buttons = dialog_buttons(
            self,
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            on_accept=self.export,
            accept_text=_("&Export…"),
        )
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()
        self.path: Path | None = None

    def chosen_parts(self) -> list[Part]:
        return [part for part, box in self.parts.items() if box.isChecked()]

    def export(self) -> None:
        """Ask where, then write; the dialog closes only when the file was written."""
        name = self.name_edit.text().strip()
        if not name:
            self.context.prompter.warn(self, self.windowTitle(), _("Give the package a name."))
            self.name_edit.setFocus()
            return
        version = self.version_spin.value()
        suggested = Path(_start_folder(self.context)) / (
            pgettext("file name", "municipal-package") + f"-v{version}.json"
        )
        path = self.context.prompter.save_file(
            self, self.windowTitle(), suggested, _file_filter(), ".json"
        )
        if path is not None and self.export_to(path):
            self.accept()

    def export_to(self, path: Path) -> bool:
        db = self.context.database
        try:
            document = mp.compose(
                db, self.name_edit.text(), self.version_spin.value(), self.chosen_parts()
            )
            exports.export_file(
                db,
                path,
                mp.package_bytes(document),
                exports.ExportKind.JSON,
                document="municipal_package",
                language="fi+sv",
                with_names=False,
                details={"version": self.version_spin.value()},
            )
        except ValidationError as error:
            self.context.prompter.warn(
                self, _("The municipal package was not exported"), rejection_reason(error)
            )
            return False
        except UserError as error:
            self.context.prompter.warn(
                self, _("The municipal package was not exported"), describe(error)
            )
            return False
        with contextlib.suppress(UserError):  # a read-only file: the export itself stands
            mp.remember_composed(db, document)
        self.path = path
        self.context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
        self.context.status_message.emit(
            _("Municipal package exported to {file}").format(file=path)
        )
        return True


def export_package(context: AppContext, parent: QWidget) -> None:
    ExportPackageDialog(context, parent).exec()


# -- import -----------------------------------------------------------------------------------


def _where(field: str) -> str:
    """The part of the package a fault is in, and its item: “Annual clock, item 4”."""
    parts = field.split(".")
    part = next((p for p in Part if p.value == parts[0]), None)
    if part is None:
        return ""
    if len(parts) > 1 and parts[1].isdigit():
        return _("{part}, item {number}").format(part=part_label(part), number=int(parts[1]) + 1)
    return part_label(part)


def rejection_reason(error: ValidationError) -> str:
    """One or two sentences on why a package cannot be imported."""
    if error.field == "package" and error.reason == "too_large":
        return _(
            "The package would be larger than a package file may be (8 MB). Leave the result "
            "card templates out, or shorten the longest cards."
        )
    if error.reason == "no_theme_item":
        return _("The standing agenda has no item for the annual clock's themes.")
    if error.reason == "too_many" and _where(error.field):
        return _("{part}: there are more items than a package can hold.").format(
            part=_where(error.field)
        )
    if isinstance(error, mp.PackageRefused):
        return _(
            "This unit already uses version {current} of this package, and the file holds "
            "the older version {version}."
        ).format(current=error.current.version, version=error.offered)
    where = _where(error.field)
    if error.reason == "too_new":
        return _(
            "The package was made for a newer version of the application. Update the "
            "application, then import the package again."
        )
    if error.reason == "wrong_format":
        return _("The file is not a municipal package.")
    if error.reason == "empty":
        return _("The file is empty.")
    if error.reason == "invalid":
        text = _("The package is not in the expected format.")
    elif error.reason == "duplicate_key":
        text = _("The package lists the same item twice.")
    else:
        text = reason_text(error.reason)
    return f"{text} ({where})" if where else text


def read_package_file(path: Path) -> Package:
    """A checked package; :class:`ValidationError` for any fault in it, :class:`OSError`
    when it cannot be read. A huge file is refused before it is read into memory."""
    if path.stat().st_size > mp.MAX_FILE_BYTES:
        raise ValidationError("file", "too_large")
    with path.open("rb") as stream:
        return mp.parse_package(stream.read(mp.MAX_FILE_BYTES + 1))


def _entry_text(entry: Entry) -> str:
    language = ui_translator().language
    if entry.part is Part.CLOCK and entry.month is not None:
        month = formatting.month_name(entry.month, language)
        return f"{month[:1].upper()}{month[1:]}: {entry.title}"
    if entry.part is Part.CHECKLISTS and entry.plan_type is not None:
        return plan_type_label(PlanType(entry.plan_type))
    if entry.part is Part.STANDING_AGENDA:
        return part_label(Part.STANDING_AGENDA)
    return entry.title


def _summary(entries: Sequence[Entry]) -> str:
    counts = [
        (change, sum(1 for e in entries if e.difference is change))
        for change in Difference
        if change is not Difference.UNCHANGED
    ]
    words = {
        Difference.ADDED: lambda n: ngettext("{count} added", "{count} added", n),
        Difference.REPLACED: lambda n: ngettext("{count} replaced", "{count} replaced", n),
        Difference.REMOVED: lambda n: ngettext("{count} removed", "{count} removed", n),
        Difference.KEPT: lambda n: ngettext("{count} kept", "{count} kept", n),
    }
    said = [words[change](n).format(count=n) for change, n in counts if n]
    return ", ".join(said) if said else _("no changes")


class PackagePreviewDialog(QDialog):
    """What importing a package would add, replace and remove, part by part; Import does it."""

    def __init__(self, preview: Preview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        package = preview.package
        self.setWindowTitle(_("Import a municipal package"))
        self.setAccessibleName(self.windowTitle())
        resize_within_screen(self, 720, 560)
        layout = QVBoxLayout(self)
        lines = [describe_package(package.name, package.version)]
        if package.published is not None:
            lines[0] += " · " + _("published {date}").format(
                date=formatting.format_date(package.published, ui_translator().language)
            )
        current = preview.current
        if current is None:
            lines.append(_("The unit uses no municipal package yet."))
        elif current.package_id == package.id:
            lines.append(
                _("The unit uses version {version} of this package.").format(
                    version=current.version
                )
            )
        else:
            lines.append(
                _(
                    "The unit uses the package {package}. This one takes its place; what the "
                    "earlier one brought stays as the unit's own."
                ).format(package=describe_package(current.name, current.version))
            )
        lines.append(
            _(
                "Nothing the unit made itself is removed. You can take the import back with "
                "Edit → Undo."
            )
        )
        self.intro = wrapped_label("\n".join(lines), self)
        layout.addWidget(self.intro)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Contents"), _("Change")])
        self.tree.setAccessibleName(_("What the import changes"))
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for part in Part:
            entries = [e for e in preview.entries if e.part is part]
            if not entries:
                continue
            top = QTreeWidgetItem([part_label(part), _summary(entries)])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            changed = [e for e in entries if e.difference is not Difference.UNCHANGED]
            for entry in changed:
                top.addChild(
                    QTreeWidgetItem([_entry_text(entry), difference_label(entry.difference)])
                )
            unchanged = [e for e in entries if e.difference is Difference.UNCHANGED]
            if unchanged:
                # what stays as it is, folded away beneath what changes
                group = QTreeWidgetItem(
                    [
                        ngettext("{count} unchanged", "{count} unchanged", len(unchanged)).format(
                            count=len(unchanged)
                        ),
                        difference_label(Difference.UNCHANGED),
                    ]
                )
                for entry in unchanged:
                    group.addChild(QTreeWidgetItem([_entry_text(entry), ""]))
                top.addChild(group)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        layout.addWidget(self.tree, 1)

        self.buttons = dialog_buttons(
            self,
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            accept_text=_("&Import"),
        )
        if not preview.changes_anything:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(False)
            self.intro.setText(
                self.intro.text() + "\n" + _("The unit already has everything in this package.")
            )
        layout.addWidget(self.buttons)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a package is read or imported: a real one takes some 20 ms, the
    largest the format allows some 0.3 s (docs/performance.md)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _refuse(context: AppContext, parent: QWidget, path: Path, reason: str) -> None:
    context.prompter.warn(
        parent,
        _("The municipal package was not imported"),
        _("The file {file} was not imported. {reason} Nothing in the unit was changed.").format(
            file=path.name, reason=reason
        ),
    )


def import_package(context: AppContext, parent: QWidget, path: Path | None = None) -> bool:
    """Choose a package file (unless ``path``), show what it changes, import it on request as
    one undoable step. False when nothing was imported."""
    if path is None:
        path = context.prompter.open_file(
            parent, _("Import a municipal package"), _start_folder(context), _file_filter()
        )
        if path is None:
            return False
    db = context.database
    try:
        with _busy():
            package = read_package_file(path)
            preview = mp.preview(db, package)
    except ValidationError as error:
        _refuse(context, parent, path, rejection_reason(error))
        return False
    except OSError:
        _refuse(context, parent, path, _("The file could not be read."))
        return False
    context.settings.setValue(LAST_FOLDER_SETTING, str(path.parent))
    dialog = PackagePreviewDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return apply_import(context, parent, package, path)


def apply_import(context: AppContext, parent: QWidget, package: Package, path: Path) -> bool:
    try:
        with _busy():
            change = mp.import_package_undoably(context.database, package)
    except ValidationError as error:
        _refuse(context, parent, path, rejection_reason(error))
        return False
    except UserError as error:
        _refuse(context, parent, path, describe(error))
        return False
    push(context, change, parent)
    context.status_message.emit(
        _("Municipal package imported: {package}").format(
            package=describe_package(package.name, package.version)
        )
    )
    return True
