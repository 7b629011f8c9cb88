"""The repository protocol a ledger is kept behind, and what its operations report.

:class:`LedgerStore` is the small interface the command line and an embedding system use:
load a :class:`~participatory.ledger.Ledger` (all of it, or the part about some people), add
or update entries in one transaction, import a batch of payments all or nothing, export and
restore the whole ledger, and erase the circumstances past their basis. The library's own
implementation is :class:`~participatory.store.sqlite.SqliteLedgerStore` (an embedded SQLite
file, no server); a university backs the same protocol with its own database
(:doc:`/concepts/person-centred-view` shows an adapter).

Every implementation keeps the ledger's rules: a change that would break one (a payment to an
unknown contributor, a person in two households, circumstances without a basis) is refused
and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from participatory.core.errors import ParticipatoryError
from participatory.core.record import Record
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry
from participatory.ledger.model import Ledger
from participatory.ledger.retention import Erasure

__all__ = ["Changes", "LedgerStore", "StoreError"]


class StoreError(ParticipatoryError):
    """A ledger store that cannot be opened, read or written, with what to do about it."""


@attrs.frozen
class Changes(Record):
    """What one transaction did: entries added, and entries that replaced recorded ones.

    An entry replaces the one with its id; a household record also the record of each of its
    members (a person is in one household record). ``left_unrecorded`` counts the people
    who were in a replaced household record and are in none of the new ones: their
    circumstances are no longer recorded (a partner who stays when the other leaves), so
    their payments are no longer checked against them. A count: who they are is sensitive.

    >>> Changes(1, 0) + Changes(0, 1, left_unrecorded=1)
    Changes(added=1, replaced=1, left_unrecorded=1)
    """

    added: int = 0
    replaced: int = 0
    left_unrecorded: int = 0

    def __add__(self, other: Changes) -> Changes:
        return Changes(
            self.added + other.added,
            self.replaced + other.replaced,
            self.left_unrecorded + other.left_unrecorded,
        )


@runtime_checkable
class LedgerStore(Protocol):
    """Where a ledger is kept. Every method that writes does so in one transaction."""

    def load(self, *, people: Iterable[str] | None = None, payments: bool = True) -> Ledger:
        """The ledger, or a part of it.

        With ``people``, only their households' part (their payments, their partners', their
        asks); without ``payments``, everything but the payments.
        """
        ...

    def add(
        self,
        *,
        contributors: Iterable[Contributor] = (),
        households: Iterable[HouseholdRecord] = (),
        payments: Iterable[PaymentEntry] = (),
        asks: Iterable[Ask] = (),
    ) -> Changes:
        """Add these entries, or replace those with the same ids, all in one transaction.

        A household record replaces the record with its id and any earlier record of its
        people; the id of another household's record (none of its members in the new one)
        is refused (``households[i].id``). A payment replaces the one with its id only if
        that was to the same person: the id of a payment to someone else is refused
        (``payments[i].id``). Both as :meth:`Ledger.with_entries
        <participatory.ledger.Ledger.with_entries>` refuses them. The :class:`Changes` count
        a household record that replaced one as replaced, and the people it left without
        circumstances recorded.
        """
        ...

    def import_payments(self, payments: Sequence[PaymentEntry]) -> Changes:
        """Add or replace a batch of payments (a finance export): all of them, or none.

        As in :meth:`add`, a payment never moves to another person.
        """
        ...

    def export(self) -> dict[str, Any]:
        """The whole ledger as JSON-ready data, special-category data included."""
        ...

    def restore(self, data: Mapping[str, Any]) -> Changes:
        """Load an :meth:`export` into an empty store, exactly: all of it, or nothing."""
        ...

    def erase_expired(self, as_at: dt.date) -> Erasure:
        """Erase the circumstances past their basis on ``as_at``; report counts only."""
        ...
