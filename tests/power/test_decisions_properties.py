""":mod:`participatory.power.decisions`: property tests."""

from participatory.power import (
    Holding,
)


def test_holdings_are_ordered():
    assert sorted(Holding, key=lambda h: h.rank) == list(Holding)
