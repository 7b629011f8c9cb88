"""Hypothesis strategies for the ledger's models, for the library's tests and yours.

Ledgers hold a few contributors (ids ``c0``, ``c1`` …), some of them in households (single,
or a couple whose partner may or may not be a contributor) with a basis recorded for every
member, payments from a few payers and projects on days inside the bundled benefit data, and
asks to people and communities.

>>> from hypothesis import given, settings
>>> @settings(max_examples=5)
... @given(ledgers())
... def check(book):
...     assert all(p.person in book.contributors for p in book.payments.values())
>>> check()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import attrs
from hypothesis import strategies as st

from participatory.benefits.household import Household
from participatory.core.nations import Nation
from participatory.ledger.consent import ConsentRecord, HouseholdRecord, LawfulBasis
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry, PaymentKind, PaymentStatus
from participatory.ledger.model import Ledger
from participatory.testing.benefits import households, payment_days, pounds
from participatory.testing.strategies import amounts, dates

__all__ = [
    "COMMUNITIES",
    "PAYERS",
    "PROJECTS",
    "asks",
    "consent_records",
    "contributors",
    "household_records",
    "ledgers",
    "payment_entries",
]

#: The payers generated payments come from.
PAYERS: Final = ("University of Bath", "NHS trust", "another organisation")
#: The projects generated payments and asks belong to (``None``: paid outside any project).
PROJECTS: Final = ("river-watch", "smart-pillow", "arts-festival")
#: The communities generated contributors belong to.
COMMUNITIES: Final = ("carers-north", "deaf-bsl-users", "somali-women", "young-parents")

_AGREED: Final = dt.date(2024, 1, 1)
_KEPT_UNTIL: Final = dt.date(2027, 12, 31)


def contributors(person: str = "c0") -> st.SearchStrategy[Contributor]:
    """A contributor with id ``person`` in England, in up to two communities."""
    return st.builds(
        Contributor,
        id=st.just(person),
        communities=st.frozensets(st.sampled_from(COMMUNITIES), max_size=2),
        nation=st.just(Nation.ENGLAND),
    )


def consent_records(person: str = "c0") -> st.SearchStrategy[ConsentRecord]:
    """A basis for holding ``person``'s circumstances, in force 2024 to 2027."""
    return st.builds(
        ConsentRecord,
        person=st.just(person),
        agreed_by=st.just(person),
        agreed_on=st.just(_AGREED),
        purpose=st.sampled_from(["checking payments against benefit rules", "benefits checks"]),
        retain_until=st.just(_KEPT_UNTIL),
        basis=st.sampled_from(LawfulBasis),
    )


def _renamed(household: Household, members: Sequence[str]) -> Household:
    people = tuple(attrs.evolve(p, id=m) for p, m in zip(household.people, members, strict=False))
    return attrs.evolve(household, people=people)


@st.composite
def household_records(draw: st.DrawFn, members: Sequence[str] = ("c0",)) -> HouseholdRecord:
    """A household of ``members`` (one, or a couple), with a consent for each."""
    wanted = len(members)
    household = draw(households().filter(lambda h: len(h.people) == wanted))
    return HouseholdRecord(
        f"h-{members[0]}",
        _renamed(household, members),
        [draw(consent_records(m)) for m in members],
    )


def payment_entries(
    people: Sequence[str] = ("c0",), ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[PaymentEntry]:
    """A payment to one of ``people`` from any payer, of any kind and status."""
    return st.builds(
        PaymentEntry,
        id=ids if ids is not None else st.uuids().map(lambda u: f"pay-{u.hex[:12]}"),
        person=st.sampled_from(list(people)),
        amount=pounds(0, 400),
        received_on=payment_days(),
        kind=st.sampled_from(PaymentKind),
        status=st.sampled_from(PaymentStatus),
        payer=st.sampled_from(PAYERS),
        project=st.none() | st.sampled_from(PROJECTS),
        hours=amounts(0, 8, places=1),
        worked_on=st.none() | payment_days(),
    )


def asks(people: Sequence[str] = ("c0",)) -> st.SearchStrategy[Ask]:
    """An ask to one of ``people`` or to a community, in 2026."""
    person = st.sampled_from(list(people)).map(lambda p: {"person": p})
    community = st.sampled_from(COMMUNITIES).map(lambda c: {"community": c})
    return st.builds(
        lambda key, project, activity, day, who: Ask(key, project, activity, day, **who),
        st.uuids().map(lambda u: f"ask-{u.hex[:12]}"),
        st.sampled_from(PROJECTS),
        st.sampled_from(["advisory-group", "workshop-1", "workshop-2", "interviews"]),
        dates(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        person | community,
    )


@st.composite
def ledgers(
    draw: st.DrawFn, max_contributors: int = 4, max_payments: int = 12, max_asks: int = 6
) -> Ledger:
    """A small ledger: contributors, household records, payments and asks."""
    count = draw(st.integers(1, max_contributors))
    ids = [f"c{i}" for i in range(count)]
    people = [draw(contributors(i)) for i in ids]
    records = []
    index = 0
    while index < count:
        shape = draw(st.sampled_from(["none", "single", "couple", "partner"]))
        if shape == "single":
            records.append(draw(household_records((ids[index],))))
        elif shape == "couple" and index + 1 < count:
            records.append(draw(household_records((ids[index], ids[index + 1]))))
            index += 1
        elif shape == "partner":
            records.append(draw(household_records((ids[index], f"partner-{ids[index]}"))))
        index += 1
    payments = draw(st.lists(payment_entries(ids), max_size=max_payments, unique_by=lambda p: p.id))
    asked = draw(st.lists(asks(ids), max_size=max_asks, unique_by=lambda a: a.id))
    return Ledger(contributors=people, households=records, payments=payments, asks=asked)
