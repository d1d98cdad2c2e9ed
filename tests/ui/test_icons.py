"""The icon set: every icon named is shipped with its licence and draws something, every
shipped icon is used, and the screens show them (the navigation, the menus, the states)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage

from hyvinvointi_app.resources import resource_path
from hyvinvointi_app.ui.icons import ICONS, State, icon, state_icon, state_pixmap
from hyvinvointi_app.ui.main_window import SCREEN_KEYS, MainWindow
from hyvinvointi_app.ui.meetings.page import MeetingsPage

FOLDER = resource_path("icons", "tabler")


def _colours(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def _ink(image: QImage) -> int:
    """How many pixels are not transparent."""
    return sum(1 for colour in _colours(image) if colour.alpha())


def _alphas(image: QImage) -> list[int]:
    return [colour.alpha() for colour in _colours(image)]


def test_every_icon_is_shipped_used_and_licensed() -> None:
    named = set(ICONS.values()) | {state.value[0] for state in State}
    shipped = {path.stem for path in FOLDER.glob("*.svg")}
    assert named == shipped
    assert "MIT License" in (FOLDER / "LICENSE").read_text(encoding="utf-8")


def test_icons_draw_at_every_size_and_at_twice_the_pixels(qapp: object) -> None:
    for name in ICONS:
        drawn = icon(name)
        for size in (16, 24, 48):
            image = drawn.pixmap(size, size).toImage()
            assert image.width() == size and _ink(image) > size, name
    warning = state_pixmap(State.WARNING, 16).toImage()
    assert any(
        c.alpha() > 200 and c.red() > c.blue() for c in _colours(warning)
    )  # amber, not the text colour
    sharp = state_icon(State.DONE).pixmap(QSize(16, 16), 2.0)  # a 200 % screen: 32 pixels drawn
    assert sharp.width() == 32 and sharp.devicePixelRatio() == 2.0


def test_the_navigation_and_the_main_actions_show_icons(window: MainWindow) -> None:
    navigation = window.navigation
    assert [navigation.item(row).icon().isNull() for row in range(navigation.count())] == [
        False
    ] * len(SCREEN_KEYS)
    # on the selected row the icon takes the selected text's colour, as the words do
    shown = navigation.item(0).icon()
    inks = {
        mode: {
            colour.name()
            for colour in _colours(shown.pixmap(QSize(16, 16), 1.0, mode).toImage())
            if colour.alpha() > 200
        }
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected)
    }
    assert inks[QIcon.Mode.Normal] and inks[QIcon.Mode.Normal] != inks[QIcon.Mode.Selected]
    for action in (window.undo_action, window.redo_action, window.navigation_action):
        assert not action.icon().isNull(), action.text()
    window.show_page("meetings")
    meetings = window.pages.of_kind("meetings", MeetingsPage)
    for button in (meetings.new_button, meetings.open_button, meetings.delete_button):
        assert not button.icon().isNull(), button.text()
    # a disabled action's icon is faded, not drawn as it is
    undo = window.undo_action.icon()
    normal = undo.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Normal).toImage()
    faded = undo.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage()
    assert max(_alphas(faded)) < max(_alphas(normal))


def test_a_faded_icon_leaves_the_painter_as_it_was(qapp: object) -> None:
    """A view draws an item's text with the painter its icon was drawn with: a disabled
    icon once left it at 40 % opacity, and the start-up navigation's names came out faint."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QPainter, QPixmap

    canvas = QPixmap(32, 32)
    painter = QPainter(canvas)
    icon("members").paint(
        painter, QRect(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, QIcon.Mode.Disabled
    )
    assert painter.opacity() == 1.0
    painter.end()
