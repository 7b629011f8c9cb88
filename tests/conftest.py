"""What every test shares: hypothesis profiles, the tiers as markers, and two fixtures.

Tests mirror the source: the tests of ``participatory/<package>/<module>.py`` are in
``tests/<package>/test_<module>.py`` (unit tests), ``test_<module>_properties.py``,
``test_<module>_scenarios.py`` and ``test_<module>_hardening.py``; ``tests/differential``
checks the benefits engine against PolicyEngine-UK. Each file's tier becomes a pytest
marker (``unit``, ``properties``, ``scenarios``, ``hardening``, ``differential``), so
``pytest -m scenarios`` runs that tier alone.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final

import pytest
from hypothesis import HealthCheck, settings

# CI explores the same 150 examples per property on every run, so a green build is
# reproducible and a red one is a real regression; local runs ("dev") draw fresh examples
# every time, which is how new bugs are found.
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

_TESTS: Final = Path(__file__).parent
#: The tiers named by a file's suffix (``test_rates_properties.py``); other files are unit.
_TIERS: Final = ("properties", "scenarios", "hardening")


def tier(path: Path) -> str | None:
    """The tier of a test file under ``tests/`` (``None`` for doctests elsewhere)."""
    try:
        relative = path.relative_to(_TESTS)
    except ValueError:
        return None
    if relative.parts[0] == "differential":
        return "differential"
    return next((t for t in _TIERS if path.stem.endswith(f"_{t}")), "unit")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with its tier, read from the name of its file."""
    for item in items:
        found = tier(Path(str(item.path)))
        if found is not None:
            item.add_marker(getattr(pytest.mark, found))


#: Inputs tried per boundary (and sensitive-data plantings per model), across the session.
TRIED: Counter[str] = Counter()


@pytest.fixture(scope="session")
def tried() -> Counter[str]:
    """The session's tally for hardening tests: one per input a test feeds a boundary."""
    return TRIED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print "hardening: N inputs tried at <boundary>" for every boundary exercised."""
    if not TRIED:
        return
    terminalreporter.section("hardening")
    for boundary, count in sorted(TRIED.items()):
        terminalreporter.write_line(f"hardening: {count} inputs tried at {boundary}")


@pytest.fixture
def extra_templates(monkeypatch: pytest.MonkeyPatch) -> Callable[[Mapping[str, str]], None]:
    """Add message templates for one test; the registry is as it was after the test.

    The library's registry (:mod:`participatory.render.templates`) is fixed at import; a
    test that renders findings with made-up message keys adds their templates here.
    """
    from participatory.render import templates

    def add(messages: Mapping[str, str]) -> None:
        for key, text in messages.items():
            monkeypatch.setitem(templates._TEMPLATES, key, text)

    return add
