"""File → Export/Import → Municipal package…: composed from one unit file, previewed and
imported into another as one undoable step, named in Settings, and refused with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dialogs import answer_later, fill_with
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from hyvinvointi_app.domain.enums import PlanType
from hyvinvointi_app.i18n.translator import _
from hyvinvointi_app.services import annual_clock, plans
from hyvinvointi_app.services import municipal_package as mp
from hyvinvointi_app.services.plans import PlanInput
from hyvinvointi_app.services.result_cards import (
    CardInput,
    create_card,
    list_cards,
    remove_card,
)
from hyvinvointi_app.ui.cards.dialogs import NewCardDialog
from hyvinvointi_app.ui.context import AppContext
from hyvinvointi_app.ui.main_window import MainWindow
from hyvinvointi_app.ui.package import (
    ExportPackageDialog,
    PackagePreviewDialog,
    difference_label,
    import_package,
)
from hyvinvointi_app.ui.settings.dialog import SettingsDialog


def _package_file(context: AppContext, folder: Path) -> Path:
    """A package composed from the open file with a theme, a quality card and a card added."""
    db = context.database
    annual_clock.add_theme(db, 9, "Turvallisuuskävely pihalla", PlanType.SAFETY_RESCUE)
    plans.add_plan(db, PlanInput(PlanType.CUSTOM, "Laatukortti: leikki", custom_questions=("K?",)))
    create_card(db, CardInput("Lasten osallisuus", measures="Lasten kokous kerran kuussa"))
    dialog = ExportPackageDialog(context)
    dialog.name_edit.setText("Porvoon yhteiset käytännöt")
    path = folder / "paketti.json"
    assert dialog.export_to(path)
    dialog.deleteLater()
    return path


def test_the_export_dialog_counts_on_from_the_last_version(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = _package_file(context, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["name"] == "Porvoon yhteiset käytännöt"
    again = ExportPackageDialog(context)
    qtbot.addWidget(again)
    assert again.name_edit.text() == "Porvoon yhteiset käytännöt"
    assert again.version_spin.value() == 2
    assert again.name_edit.accessibleName() == _("Name of the package")


def test_a_package_is_previewed_imported_and_undone_in_one_step(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _package_file(context, tmp_path)
    # Another unit: the window's file as it was before the coordinator's additions.
    db = context.database
    for theme in annual_clock.list_themes(db):
        annual_clock.remove_theme(db, theme.id)
    for plan in plans.list_plans(db):
        plans.remove_plan(db, plan.id)
    before = mp.package_state(db)
    context.undo_stack.clear()

    seen: list[PackagePreviewDialog] = []

    def accept(dialog: PackagePreviewDialog) -> None:
        seen.append(dialog)
        dialog.accept()

    fill_with(monkeypatch, PackagePreviewDialog, accept)
    assert import_package(context, window, path)
    tree = seen[0].tree
    parts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert parts[0] == _("Annual clock")
    clock = tree.topLevelItem(0)
    changes = {clock.child(i).text(1) for i in range(clock.childCount())}
    assert changes == {difference_label(mp.Difference.ADDED)}
    assert [t.title for t in annual_clock.list_themes(db) if t.month == 9][-1] == (
        "Turvallisuuskävely pihalla"
    )
    assert [p.name for p in plans.list_plans(db, plan_type=PlanType.CUSTOM)] == [
        "Laatukortti: leikki"
    ]
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert mp.package_state(db) == before
    context.undo_stack.redo()
    info = mp.current_package(db)
    assert info is not None and info.name == "Porvoon yhteiset käytännöt"

    settings = SettingsDialog(context, window)
    qtbot.addWidget(settings)
    assert settings.package_edit.text().startswith(
        _("{name}, version {version}").format(name="Porvoon yhteiset käytännöt", version=1)
    )


def test_a_package_already_imported_offers_nothing_to_import(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = _package_file(context, tmp_path)
    package = mp.parse_package(path.read_bytes())
    mp.import_package(context.database, package)
    dialog = PackagePreviewDialog(mp.preview(context.database, package), window)
    qtbot.addWidget(dialog)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{broken", "The file is not in the expected format."),
        (
            json.dumps({"format": "hyvinvointi-annual-clock", "version": 1}).encode(),
            "The file is not a municipal package.",
        ),
    ],
)
def test_a_bad_package_is_refused_with_its_reason_and_nothing_changes(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    content: bytes,
    words: str,
) -> None:
    path = tmp_path / "paketti.json"
    path.write_bytes(content)
    before = mp.package_state(context.database)
    texts: list[str] = []

    def read(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        texts.append(widget.text())
        widget.accept()

    handled = answer_later(read)
    assert not import_package(context, window, path)
    assert handled and _(words) in texts[0] and "paketti.json" in texts[0]
    assert mp.package_state(context.database) == before


def test_an_older_version_is_refused_with_both_versions_named(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    path = _package_file(context, tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["version"] = 5
    mp.import_package(context.database, mp.validate_package(document))
    texts: list[str] = []

    def read(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        texts.append(widget.text())
        widget.accept()

    answer_later(read)
    assert not import_package(context, window, path)
    assert "5" in texts[0] and "1" in texts[0]


def test_the_file_menu_has_both_actions(window: MainWindow) -> None:
    texts = [
        action.text()
        for top in window.menuBar().actions()
        if top.menu() is not None
        for sub in top.menu().actions()
        if sub.menu() is not None
        for action in sub.menu().actions()
    ]
    assert texts.count(_("Municipal package…")) == 2


def test_a_new_card_takes_a_templates_texts(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _package_file(context, tmp_path)
    db = context.database
    for card in list_cards(db):
        remove_card(db, card.id)
    mp.import_package(db, mp.parse_package(path.read_bytes()))
    window.show_page("cards")

    def choose(dialog: NewCardDialog) -> None:
        assert dialog.template_box is not None
        assert dialog.template_box.accessibleName() == _("Template")
        dialog.template_box.setCurrentIndex(1)
        assert dialog.what_edit.text() == "Lasten osallisuus"
        dialog.template_box.setCurrentIndex(0)  # back to no template: its words go
        assert dialog.what_edit.text() == ""
        dialog.template_box.setCurrentIndex(1)

    fill_with(monkeypatch, NewCardDialog, choose)
    window.pages["cards"].new_card()
    [card] = list_cards(db)
    assert (card.what_to_change, card.measures) == (
        "Lasten osallisuus",
        "Lasten kokous kerran kuussa",
    )
