""":mod:`participatory.power.principles`: unit tests."""

import pytest

from participatory.power.principles import PrincipleOutcome, _outcome


@pytest.mark.parametrize(
    ("known", "unknown", "expected"),
    [
        ([True, True], 0, PrincipleOutcome.MET),
        ([True, False], 0, PrincipleOutcome.PARTLY_MET),
        ([True, False], 1, PrincipleOutcome.PARTLY_MET),
        ([False, False], 0, PrincipleOutcome.NOT_MET),
        ([False], 1, PrincipleOutcome.NOT_MET),
        ([True], 1, PrincipleOutcome.NOT_KNOWN),
        ([], 2, PrincipleOutcome.NOT_KNOWN),
    ],
)
def test_outcome_rule(known, unknown, expected):
    assert _outcome(known, unknown) is expected
