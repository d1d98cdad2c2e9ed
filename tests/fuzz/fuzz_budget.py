"""How many generated cases each fuzzed input gets in the CI run (see conftest.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

from hypothesis import settings

BUDGET: dict[str, int] = {
    "typed_dates": 3500,
    "typed_times": 2000,
    "clock_bytes": 1000,
    "clock_documents": 1000,
    "clock_files_and_import": 300,
    "cli_parser": 1500,
    "cli_main": 300,
    "bundle_json_text": 800,
    "bundle_documents": 600,
    "bundle_overview": 300,
}
SCALE = max(1, int(os.environ.get("HYPOTHESIS_FUZZ_SCALE", "1") or 1))

_F = TypeVar("_F", bound=Callable[..., object])


def fuzz(area: str) -> Callable[[_F], _F]:
    """``@fuzz("typed_dates")``: the fuzz profile with that area's number of examples."""
    return settings(settings.get_profile("fuzz"), max_examples=BUDGET[area] * SCALE)
