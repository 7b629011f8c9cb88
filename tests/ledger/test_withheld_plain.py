"""What a ledger's default plain data and reprs withhold: a community asked, and households.

A community defined by lived experience or health ("people living with HIV") is
special-category data, as a person's communities are; which people share a household record
says who is on a joint claim and has benefit circumstances held. Both are withheld from
``repr`` and default plain data, and kept whole with ``include_sensitive=True``.
"""

from __future__ import annotations

import datetime as dt

from participatory.interchange import dumps, from_plain, loads, to_plain
from participatory.ledger import Ask, Ledger

from .conftest import couple_ledger, fee

_COMMUNITY = "people living with HIV"


def _ask() -> Ask:
    return Ask("ask-1", "river-watch", "advisory-group", dt.date(2026, 11, 2), community=_COMMUNITY)


def test_an_asks_community_is_redacted_in_its_repr() -> None:
    assert _COMMUNITY not in repr(_ask())
    assert "<redacted>" in repr(_ask())


def test_an_asks_community_is_withheld_by_default_and_kept_when_asked() -> None:
    ask = _ask()
    assert _COMMUNITY not in dumps(ask)
    assert "community" not in to_plain(ask)
    whole = to_plain(ask, include_sensitive=True)
    assert whole["community"] == _COMMUNITY
    assert from_plain(Ask, whole) == ask


def test_a_ledgers_asks_and_households_are_withheld_by_default() -> None:
    ledger = couple_ledger([fee("a", "ann", "300.00", "2025-06-10")])
    ledger = Ledger(
        contributors=ledger.contributors.values(),
        households=ledger.households.values(),
        payments=ledger.payments.values(),
        asks=[_ask()],
    )
    shown = dumps(ledger)
    assert "h-ann-bob" not in shown
    assert _COMMUNITY not in shown
    assert "households" not in to_plain(ledger)
    whole = dumps(ledger, include_sensitive=True)
    assert "h-ann-bob" in whole
    assert _COMMUNITY in whole
    assert loads(Ledger, whole) == ledger
