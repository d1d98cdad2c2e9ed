"""Property-based fuzzing of everything that reads outside input (hypothesis).

The profile ``fuzz`` is the CI-sized run: the per-area example counts in
``fuzz_budget.py`` add up to more than 10 000 generated cases in well under a minute.
``HYPOTHESIS_FUZZ_SCALE=10`` multiplies every count for a longer run before a release.
The profile is applied per test (``fuzz_budget.fuzz``), so the other hypothesis tests of
the suite keep their own settings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile(
    "fuzz",
    deadline=None,  # a shared CI machine: time per example varies; the total is what counts
    print_blob=True,  # a failure prints the @reproduce_failure line
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
