"""The ledger value: its rules, its indexes, and new ledgers made from it."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from participatory.benefits import Household, Person
from participatory.core.errors import ValidationError
from participatory.core.periods import DateRange
from participatory.ledger import Ask, Contributor, HouseholdRecord, Ledger

from .conftest import agreed, carer_ledger, couple_household, couple_ledger, fee

JANUARY = DateRange("2026-01-12", "2026-01-18")


def test_a_payment_or_ask_to_an_unknown_person_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Ledger(contributors=[Contributor("c-1")], payments=[fee("p", "c-2", "1.00", "2026-01-13")])
    assert caught.value.path == "payments[0].person"
    with pytest.raises(ValidationError) as caught:
        Ledger(asks=[Ask("a", "river", "workshop", dt.date(2026, 1, 1), person="c-2")])
    assert caught.value.path == "asks[0].person"


def test_ids_are_unique_within_each_kind() -> None:
    with pytest.raises(ValidationError) as caught:
        Ledger(contributors=[Contributor("c-1"), Contributor("c-1")])
    assert caught.value.path == "contributors[1].id"


def test_a_person_belongs_to_one_household() -> None:
    first = HouseholdRecord("h-1", Household(people=[Person("ann")]), [agreed("ann")])
    with pytest.raises(ValidationError):
        Ledger(
            contributors=[Contributor("ann"), Contributor("bob")],
            households=[first, HouseholdRecord("h-2", couple_household(),
                                               [agreed("ann"), agreed("bob")])],
        )  # fmt: skip


def test_a_household_needs_a_contributor_and_their_nation() -> None:
    stranger = HouseholdRecord("h", Household(people=[Person("zed")]), [agreed("zed")])
    with pytest.raises(ValidationError):
        Ledger(contributors=[Contributor("ann")], households=[stranger])
    welsh = HouseholdRecord("h", Household(people=[Person("ann")], nation="wales"), [agreed("ann")])
    with pytest.raises(ValidationError) as caught:
        Ledger(contributors=[Contributor("ann")], households=[welsh])
    assert caught.value.path == "households[0].nation"


def test_a_partner_need_not_be_a_contributor() -> None:
    ledger = Ledger(
        contributors=[Contributor("ann")],
        households=[HouseholdRecord("h", couple_household(), [agreed("ann"), agreed("bob")])],
    )
    assert ledger.members("ann") == ("ann", "bob")
    assert ledger.members("bob") == ("ann", "bob")
    assert ledger.household_of("carol") is None
    assert ledger.members("carol") == ("carol",)


def test_entries_in_a_window_skip_cancelled_and_excluded_ones() -> None:
    ledger = carer_ledger(
        [
            fee("a", "amira", "10.00", "2026-01-11"),
            fee("b", "amira", "20.00", "2026-01-12", project="river"),
            fee("c", "amira", "30.00", "2026-01-18", project="pillow"),
            fee("d", "amira", "40.00", "2026-01-15", status="cancelled"),
            fee("e", "amira", "50.00", "2026-01-19"),
        ]
    )
    found = ledger.entries_between(["amira"], JANUARY)
    assert [e.id for e in found] == ["b", "c"]
    assert [e.id for e in ledger.entries_between(["amira"], JANUARY, exclude_project="river")] == [
        "c"
    ]
    assert [
        e.id for e in ledger.entries_between(["amira"], JANUARY, exclude_ids=frozenset("c"))
    ] == ["b"]
    assert [r.amount.amount for r in ledger.receipts_between(["amira"], JANUARY)] == [20, 30]


def test_hours_worked_in_the_window_bring_a_payment_in() -> None:
    """A payment made months later for work done this week counts for the hours rules."""
    late = fee("late", "amira", "60.00", "2026-04-01", hours="3", worked_on=dt.date(2026, 1, 14))
    ledger = carer_ledger([late])
    assert [e.id for e in ledger.entries_between(["amira"], JANUARY)] == ["late"]


def test_a_couple_shares_their_payments() -> None:
    ledger = couple_ledger(
        [fee("a", "ann", "1.00", "2026-01-13"), fee("b", "bob", "2.00", "2026-01-14")]
    )
    assert [e.id for e in ledger.entries_between(ledger.members("ann"), JANUARY)] == ["a", "b"]
    assert [e.id for e in ledger.payments_of("bob")] == ["b"]


def test_new_entries_replace_by_id_and_households_by_member() -> None:
    ledger = couple_ledger([fee("a", "ann", "1.00", "2026-01-13")])
    changed = ledger.with_entries(
        payments=[attrs.evolve(ledger.payments["a"], status="cancelled")],
        households=[HouseholdRecord("h-ann", Household(people=[Person("ann")]), [agreed("ann")])],
    )
    assert changed.payments["a"].status.value == "cancelled"
    assert list(changed.households) == ["h-ann"]
    assert changed.members("bob") == ("bob",)
    assert ledger.payments["a"].status.value == "paid"  # the old ledger is unchanged
    assert len(changed.without_households(["h-ann"]).households) == 0


def test_two_equal_ledgers_are_equal_and_the_repr_counts_only() -> None:
    assert couple_ledger() == couple_ledger()
    assert repr(couple_ledger()) == (
        "<Ledger of 2 contributors, 1 household records, 0 payments, 0 asks>"
    )
