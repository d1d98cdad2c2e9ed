"""The CI run generates at least 10 000 cases across the fuzzed inputs."""

from __future__ import annotations

from fuzz_budget import BUDGET, SCALE


def test_the_ci_run_generates_at_least_ten_thousand_cases() -> None:
    assert sum(BUDGET.values()) * SCALE >= 10_000
