"""Shared test set-up: Qt runs offscreen, and every test gets real files in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
