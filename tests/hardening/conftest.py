"""Hardening tests: shared tally of inputs tried at each boundary, printed after the run."""

from __future__ import annotations

from collections import Counter

import pytest

#: Inputs tried per boundary (and sensitive-data plantings per model), across the session.
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="session")
def tried() -> Counter[str]:
    """The session's tally; a test adds one per input it feeds a boundary."""
    return TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print "hardening: N inputs tried at <boundary>" for every boundary exercised."""
    if not TRIED:
        return
    terminalreporter.section("hardening")
    for boundary, count in sorted(TRIED.items()):
        terminalreporter.write_line(f"hardening: {count} inputs tried at {boundary}")
