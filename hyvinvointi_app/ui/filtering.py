"""Changing what a filter proxy lets through, on every Qt 6 the application runs on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSortFilterProxyModel


def change_rows_filter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply ``change`` (which alters what ``filterAcceptsRow`` accepts) and refilter the
    rows. Qt 6.10 replaced ``invalidateRowsFilter()`` by a begin/end pair; older 6.x lacks
    it."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()
