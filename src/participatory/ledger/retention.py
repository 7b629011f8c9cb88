"""Erasing circumstances past their basis: the storage-limitation principle, applied.

A household's circumstances may be kept only while every member's recorded basis is in force
(:class:`~participatory.ledger.ConsentRecord`: until ``retain_until``, and never after the
agreement is withdrawn). :func:`erase_expired` removes every household record past that day
and says how many it erased: counts, never contents, never whose. The payments and asks stay:
they are the institution's finance and involvement records, kept under its own schedule.

>>> import datetime as dt
>>> from participatory.benefits import Household, Person
>>> from participatory.ledger import ConsentRecord, Contributor, HouseholdRecord, Ledger
>>> agreed = ConsentRecord("c-7", "c-7", "2024-04-01", "benefits checks", "2026-03-31")
>>> book = Ledger(contributors=[Contributor("c-7")],
...               households=[HouseholdRecord("h-7", Household(people=[Person("c-7")]),
...                                           [agreed])])
>>> erased = erase_expired(book, dt.date(2026, 12, 6))
>>> erased.households, erased.people, len(erased.ledger.households)
(1, 1, 0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.privacy import SENSITIVE
from participatory.core.sources import cite
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.model import Ledger, as_at_day

__all__ = ["MESSAGES", "Erasure", "erase_expired", "expired_records"]

MESSAGES: Final[Mapping[str, str]] = {
    "ledger.erased": (
        "Erased the circumstances whose basis for keeping them had ended by {as_at}. "
        "Households: {households}; people: {people}; consent records: {consents}."
    ),
    "ledger.erased_none": "No circumstances were past their basis for keeping them on {as_at}.",
}


@attrs.frozen
class Erasure(Explained):
    """What :func:`erase_expired` removed, as counts, and the ledger without it."""

    as_at: dt.date
    households: int
    people: int
    consents: int
    #: The ledger without the erased records (``None`` when a store erased them in place).
    #: It still holds the other households' circumstances, so it is never serialised with
    #: the counts.
    ledger: Ledger | None = attrs.field(default=None, repr=False, eq=False, metadata=SENSITIVE)


def expired_records(
    records: Iterable[HouseholdRecord], as_at: dt.date
) -> tuple[HouseholdRecord, ...]:
    """The household records whose basis for keeping them has ended by ``as_at``."""
    return tuple(r for r in records if r.expired_on(as_at))


def erase_expired(ledger: Ledger, as_at: dt.date) -> Erasure:
    """``ledger`` without the circumstances past their basis on ``as_at``, and the counts."""
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    as_at = as_at_day(as_at)
    gone = expired_records(ledger.households.values(), as_at)
    return erasure(ledger.without_households(r.id for r in gone), gone, as_at)


def erasure(ledger: Ledger | None, gone: tuple[HouseholdRecord, ...], as_at: dt.date) -> Erasure:
    """The :class:`Erasure` for ``gone`` (the store reports its own erasures with this)."""
    households = len(gone)
    people = sum(len(r.members) for r in gone)
    consents = sum(len(r.consents) for r in gone)
    citations = (cite("ico_storage_limitation#review_and_erase"),)
    if households:
        found = Finding(
            "LEDGER-ERASED",
            Severity.INFO,
            "ledger.erased",
            {"households": households, "people": people, "consents": consents, "as_at": as_at},
            citations=citations,
        )
    else:
        found = Finding(
            "LEDGER-ERASED",
            Severity.INFO,
            "ledger.erased_none",
            {"as_at": as_at},
            citations=citations,
        )
    return Erasure(as_at, households, people, consents, ledger, findings=(found,))
