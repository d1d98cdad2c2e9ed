"""Walking the application's windows as a keyboard user meets them: every screen, meeting
mode, and every dialog a button or menu item ending in "…" opens, each looked at while shown.

What is looked at is the caller's: :func:`access_key_clashes` (no two controls of one window
answer the same Alt key) and :func:`clipped_texts` (no text cut short by its widget).
"""

from __future__ import annotations

import gettext
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)

Look = Callable[[str, QWidget], None]
"""Called with a window's name (for the failure message) and the window while it is shown."""

_MNEMONIC = re.compile(r"&(\S)")


def access_key(text: str) -> str | None:
    """The letter Alt reaches in ``text`` ("Tallenna &nyt" → "n"), None without one ("&&"
    is a plain ampersand)."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def shown_in(window: QWidget) -> Iterator[QWidget]:
    """The widgets of ``window`` a user can see now (not those of other windows it owns)."""
    for widget in window.findChildren(QWidget):
        if widget.window() is window and widget.isVisibleTo(window):
            yield widget


def keyed_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    for widget in shown_in(window):
        if isinstance(widget, QAbstractButton):
            yield widget.text(), type(widget).__name__
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget.text(), "QLabel"
        elif isinstance(widget, QGroupBox):
            yield widget.title(), "QGroupBox"
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield widget.tabText(index), "tab"
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                yield action.text(), "menu"


def _qt_own(window: QWidget) -> bool:
    """Qt's own file and print dialogs (the native ones are used where there are any)."""
    return isinstance(window, QFileDialog) or type(window).__name__ == "QPrintDialog"


def access_key_clashes(window: QWidget) -> list[str]:
    """Each Alt key that two controls of the window answer, with their texts."""
    if _qt_own(window):
        return []
    by_key: dict[str, list[str]] = defaultdict(list)
    for text, _kind in keyed_texts(window):
        key = access_key(text)
        if key is not None:
            by_key[key].append(text)
    return [f"Alt+{key}: {' | '.join(texts)}" for key, texts in by_key.items() if len(texts) > 1]


def menu_clashes(menu: QMenu) -> list[str]:
    """Clashes among one menu's items (and, in turn, its submenus')."""
    by_key: dict[str, list[str]] = defaultdict(list)
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = access_key(action.text())
        if key is not None:
            by_key[key].append(action.text())
        if action.menu() is not None:
            found += menu_clashes(action.menu())
    title = menu.title().replace("&", "")
    found += [
        f"{title} → Alt+{key}: {' | '.join(texts)}"
        for key, texts in by_key.items()
        if len(texts) > 1
    ]
    return found


# -- clipped texts ------------------------------------------------------------------------

_BUTTON_PADDING = {QPushButton: 12, QCheckBox: 20, QRadioButton: 20}


def _plain(text: str) -> str:
    return "&".join(_MNEMONIC.sub(r"\1", part) for part in text.split("&&"))


def clipped_texts(window: QWidget) -> list[str]:
    """Every shown text narrower than its widget: a button, a one-line label, a table's
    column header. A text that is elided on purpose (with "…" shown) is no exception."""
    if _qt_own(window):
        return []
    found = []
    for widget in shown_in(window):
        if widget.width() <= 1:
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            right = widget.mapTo(window, widget.rect().topRight()).x()
            if right >= window.width() + 1:
                found.append(f"{type(widget).__name__} beyond the window's edge {widget.text()!r}")
                continue
        metrics = QFontMetrics(widget.font())
        if isinstance(widget, QPushButton | QCheckBox | QRadioButton) and widget.text():
            lines = _plain(widget.text()).splitlines() or [""]
            need = max(metrics.horizontalAdvance(line) for line in lines)
            padding = next(p for kind, p in _BUTTON_PADDING.items() if isinstance(widget, kind))
            if not widget.icon().isNull():
                need += widget.iconSize().width() + 4
            if widget.width() < need + padding:
                found.append(f"{type(widget).__name__} {_plain(widget.text())!r}")
        elif isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                found.append(f"QLabel (cut at the bottom) {widget.text()[:60]!r}")
        elif isinstance(widget, QLabel) and widget.text():
            if widget.textFormat() != widget.textFormat().PlainText and "<" in widget.text():
                continue  # rich text: its width is the document's, checked by wrapping
            text = _plain(widget.text()) if widget.buddy() else widget.text()
            lines = text.splitlines()
            need = max((metrics.horizontalAdvance(line) for line in lines), default=0)
            margin = widget.margin() * 2 + widget.contentsMargins().left() * 2
            if widget.width() + 1 < need + margin:
                found.append(f"QLabel {widget.text()!r}")
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            model = widget.model()
            if model is None:
                continue
            for section in range(model.columnCount()):
                text = str(model.headerData(section, widget.orientation()) or "")
                if widget.isSectionHidden(section) or not text:
                    continue
                margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
                lines = text.splitlines()
                need = max(metrics.horizontalAdvance(line) for line in lines) + 2 * margin
                if widget.isSortIndicatorShown() and widget.sortIndicatorSection() == section:
                    need += widget.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
                if widget.sectionSize(section) < need:
                    found.append(f"column {text!r}")
        elif isinstance(widget, QTableView):
            found += _elided_cells(widget)
    return found


def _elided_cells(table: QTableView) -> list[str]:
    """Columns narrower than their contents need, by Qt's own measure (the delegate's size
    hint, over the first rows), where Qt elides the text with "…"; where the table wraps
    words, rows lower than their lines need instead."""
    model = table.model()
    if model is None or not table.isVisible() or not model.rowCount():
        return []
    found = []
    header = table.horizontalHeader()
    for column in range(model.columnCount()):
        if table.isColumnHidden(column):
            continue
        title = model.headerData(column, header.orientation())
        if table.wordWrap():
            rows = range(min(model.rowCount(), 20))
            short = [r for r in rows if table.rowHeight(r) < table.sizeHintForRow(r)]
            if short:
                found.append(f"row {short[0]} too low for its text (column {title!r})")
                break
            wide = _wider_word(table, column, rows)
            if wide:
                found.append(f"the word {wide!r} is wider than its column {title!r}")
        elif table.columnWidth(column) < table.sizeHintForColumn(column) - 1:
            found.append(f"cells cut short in column {title!r}")
    return found


def _wider_word(table: QTableView, column: int, rows: range) -> str:
    """A word of the column's cells that a wrapped cell cannot hold on one line (Qt then
    breaks it mid-word or cuts it), or an empty string."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(column) - 2 * margin  # as Qt's item delegate lays text out
    metrics = table.fontMetrics()
    for row in rows:
        text = str(table.model().index(row, column).data() or "")
        for word in text.split():
            if metrics.horizontalAdvance(word) > room:
                return word
    return ""


# -- opening the dialogs ------------------------------------------------------------------


@dataclass
class Opened:
    """A window that appeared after a click, and what opened it."""

    opener: str
    window: QWidget


def _close(window: QWidget) -> None:
    """Cancel a dialog (its exec() returns; its owner may delete it then), close a window."""
    if isinstance(window, QDialog):
        window.reject()
    else:
        window.close()


def open_and_look(click: Callable[[], None], opener: str, look: Look) -> list[str]:
    """Click, then look at each window that appears (a modal dialog, or a window of its own
    such as the privacy review, which the click may wait for), and close it without saving;
    returns what opened. Gives up looking after ten seconds with nothing new."""
    seen: list[str] = []
    returned = False
    known = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    waited = 0

    def new_window() -> QWidget | None:
        modal = QApplication.activeModalWidget()
        if modal is not None and id(modal) not in known:
            return modal
        return next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if w.isVisible() and id(w) not in known and not isinstance(w, QMenu)
            ),
            None,
        )

    def take(window: QWidget) -> None:
        known.add(id(window))
        name = f"{opener} → {window.windowTitle() or type(window).__name__}"
        seen.append(name)
        look(name, window)
        _close(window)

    def attempt() -> None:
        nonlocal waited
        if returned:
            return
        window = new_window()
        if window is not None:
            waited = 0
            take(window)
        elif waited > 500:
            return
        waited += 1
        QTimer.singleShot(20, attempt)

    QTimer.singleShot(0, attempt)
    click()
    returned = True
    QApplication.processEvents()
    while (window := new_window()) is not None:
        take(window)
    return seen


def dialog_buttons(root: QWidget) -> list[QAbstractButton]:
    """The shown, enabled buttons within ``root`` whose text promises a dialog ("…")."""
    return [
        w
        for w in shown_in(root.window())
        if isinstance(w, QAbstractButton)
        and root.isAncestorOf(w)
        and w.isEnabled()
        and "…" in w.text()  # ends with it (a pseudo-translation puts a filler after)
    ]


def dialog_actions(menus: list[QMenu]) -> list[QAction]:
    found = []
    for menu in menus:
        for action in menu.actions():
            if action.menu() is not None:
                found += dialog_actions([action.menu()])
            elif action.isEnabled() and action.isVisible() and "…" in action.text():
                found.append(action)
    return found


# -- a pseudo-translation -------------------------------------------------------------------

PSEUDO_LENGTHENING = 0.4
PSEUDO_FILL = "·"


def lengthened(text: str) -> str:
    """``text`` with each line 40 % longer (a filler at its end, so that placeholders, the
    access-key mark and the words stay as they are): a longer language the layouts must
    make room for."""
    return "\n".join(
        line + PSEUDO_FILL * math.ceil(len(line.replace("&", "")) * PSEUDO_LENGTHENING)
        if line.strip()
        else line
        for line in text.split("\n")
    )


class PseudoCatalog(gettext.NullTranslations):
    """The Finnish catalog with every message lengthened (see :func:`lengthened`)."""

    def __init__(self, base: gettext.NullTranslations) -> None:
        super().__init__()
        self.base = base

    def gettext(self, message: str) -> str:
        return lengthened(self.base.gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return lengthened(self.base.ngettext(msgid1, msgid2, n))

    def pgettext(self, context: str, message: str) -> str:
        return lengthened(self.base.pgettext(context, message))

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return lengthened(self.base.npgettext(context, msgid1, msgid2, n))
