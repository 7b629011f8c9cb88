""":mod:`participatory.testing.bad_input`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.core.params import parse_parameters
from participatory.ethics.guidance import parse_guidance
from participatory.payments.plan_file import parse_payment_plan
from participatory.payments.rates import load_rate_card, parse_rate_card
from participatory.readiness.criteria import load_readiness_criteria
from participatory.testing.bad_input import bad_values, paths, toml_text
from tests.fuzzing import (
    ETHICS,
    INSTITUTION_CARD,
    PARAMETERS,
    PLAN,
    RATE_CARD,
    READINESS,
    outcome,
)

#: Boundaries still to come, with what to fuzz there. When one lands, add a test above
#: that feeds it the same broken documents (see the hardening report on issue 11).
#: Empty: project files (TOML and JSON) and the assess command are fuzzed in
#: test_hardening_projects.py, institution vocabulary files just below.
PENDING_BOUNDARIES: dict[str, str] = {}


#: Wrong values put, one at a time, at every position of a valid file (deterministic, so
#: every key of every file format is reached, which random mutation may miss).
_REPLACEMENTS: tuple[object, ...] = (
    Decimal(1),
    Decimal("NaN"),
    Decimal("-Infinity"),
    "x",
    -1,
    10**30,
    True,
    [],
    {},
    dt.datetime(2026, 4, 6, 9, 30),
    dt.date(9999, 12, 31),
)


_DELETE = object()


def _parse_via_file(loader: Callable[[Path], object]) -> Callable[[str], object]:
    def parse(text: str) -> object:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "file.toml"
            path.write_text(text, encoding="utf-8")
            return loader(path)

    return parse


_SYSTEMATIC = {
    "parse_parameters": (PARAMETERS[0], parse_parameters, 9),
    "parse_rate_card": (RATE_CARD[0], parse_rate_card, 9),
    "load_rate_card": (INSTITUTION_CARD[0], _parse_via_file(load_rate_card), 9),
    "parse_payment_plan": (PLAN[0], parse_payment_plan, 9),
    # Guidance files are large: fields of entries, not of nested citations.
    "ethics parse_guidance": (ETHICS[0], parse_guidance, 3),
    "load_readiness_criteria": (READINESS[0], _parse_via_file(load_readiness_criteria), 3),
}


def test_no_boundary_is_left_unfuzzed() -> None:
    """Every boundary the library has is fuzzed; a new one is listed here until it is."""
    assert not PENDING_BOUNDARIES


@pytest.mark.parametrize("boundary", sorted(_SYSTEMATIC))
def test_every_position_of_every_file_format(boundary: str, tried: Counter[str]) -> None:
    """Each position (to a depth) holding each wrong value, or removed: own error or result."""
    document, parse, depth = _SYSTEMATIC[boundary]
    for path in paths(document):
        # Entries of an array share one shape: the first two stand for the rest.
        if len(path) > depth or any(isinstance(step, int) and step >= 2 for step in path):
            continue
        for replacement in (*_REPLACEMENTS, _DELETE):
            changed = copy.deepcopy(document)
            parent = changed
            for step in path[:-1]:
                parent = parent[step]
            if replacement is _DELETE:
                del parent[path[-1]]
            else:
                parent[path[-1]] = replacement
            tried[f"{boundary} (every position)"] += 1
            text = toml_text(changed)
            outcome(lambda text=text: parse(text), tried)  # type: ignore[misc]


def test_bad_values_cover_the_issue_list() -> None:
    """The random values include every kind the issue names (NaN, naive datetimes, …)."""
    from hypothesis import find

    find(bad_values(), lambda v: isinstance(v, Decimal) and v.is_nan())
    find(bad_values(), lambda v: isinstance(v, dt.datetime) and v.tzinfo is None)
    find(bad_values(), lambda v: v == "XXX")
