"""The ledger: every contributor, household record, payment and ask, indexed by person.

A :class:`Ledger` is a value: building one checks it (every payment and ask names a known
contributor, a person belongs to at most one household record, a household's nation is its
members'), and indexes it, so that the questions asked of it on every payment — a person's
payments, their household's, the payments in the weeks around a day — cost a dictionary
look-up and a binary search, however large the ledger grows. Changing it gives a new
ledger (:meth:`Ledger.with_entries`); storage is the store's business
(:mod:`participatory.store`).

>>> import datetime as dt
>>> from participatory.core.periods import DateRange
>>> book = Ledger(
...     contributors=[Contributor("c-7")],
...     payments=[
...         PaymentEntry("a-1", "c-7", "150.00", "2026-01-13", payer="uni", project="river"),
...         PaymentEntry("b-1", "c-7", "150.00", "2026-01-14", payer="uni", project="pillow"),
...     ],
... )
>>> [p.id for p in book.entries_between(["c-7"], DateRange("2026-01-12", "2026-01-18"),
...                                      exclude_project="river")]
['b-1']
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

import attrs

from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.fields import instances
from participatory.core.frozen import FrozenDict
from participatory.core.periods import DateRange, to_date
from participatory.core.privacy import SENSITIVE
from participatory.core.record import Record
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry

__all__ = ["Ledger", "refuse_moved_payments", "refuse_reused_households"]

_T = TypeVar("_T", Contributor, HouseholdRecord, PaymentEntry, Ask)
_EMPTY: tuple[PaymentEntry, ...] = ()


def _keyed(value: object, kind: type[_T], what: str) -> Mapping[str, _T]:
    """An iterable (or mapping) of ``kind`` as a read-only mapping by id."""
    items: Iterable[object]
    if isinstance(value, Mapping):
        items = value.values()
    elif isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError(what, f"must be a list of {kind.__name__}")
    else:
        items = value
    found: dict[str, _T] = {}
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise ValidationError(f"{what}[{index}]", f"must be a {kind.__name__}")
        if item.id in found:
            raise ValidationError(f"{what}[{index}].id", "repeats the id of an earlier entry")
        found[item.id] = item
    # Read-only, and (unlike a mappingproxy) a Ledger can be pickled and deep-copied.
    return FrozenDict(found)


def _contributors(value: object) -> Mapping[str, Contributor]:
    return _keyed(value, Contributor, "contributors")


def _households(value: object) -> Mapping[str, HouseholdRecord]:
    return _keyed(value, HouseholdRecord, "households")


def _payments(value: object) -> Mapping[str, PaymentEntry]:
    return _keyed(value, PaymentEntry, "payments")


def _asks(value: object) -> Mapping[str, Ask]:
    return _keyed(value, Ask, "asks")


def as_at_day(value: object) -> dt.date:
    """``as_at`` as a day: a date, or a timezone-aware moment's day in London (never text).

    A naive datetime is refused (its UK day is unknown); it was a ``TypeError`` when compared.
    """
    if not isinstance(value, dt.date):
        raise ValidationError("as_at", "must be a date")
    return to_date(value, "as_at")


def _window(days: Sequence[dt.date], window: DateRange) -> slice:
    return slice(bisect.bisect_left(days, window.start), bisect.bisect_right(days, window.end))


@attrs.frozen
class Ledger(Record):
    """Contributors, household records, payments and asks, each by id, indexed by person.

    Its household records are withheld from default plain data
    (:func:`participatory.interchange.to_plain`): their ids and members say who is on a
    joint claim and whose benefit circumstances are held. ``include_sensitive=True`` (a
    backup) keeps them.
    """

    contributors: Mapping[str, Contributor] = attrs.field(factory=dict, converter=_contributors)
    households: Mapping[str, HouseholdRecord] = attrs.field(
        factory=dict, converter=_households, metadata=SENSITIVE
    )
    payments: Mapping[str, PaymentEntry] = attrs.field(factory=dict, converter=_payments)
    asks: Mapping[str, Ask] = attrs.field(factory=dict, converter=_asks)
    _by_person: dict[str, tuple[PaymentEntry, ...]] = attrs.field(init=False, eq=False, repr=False)
    _days: dict[str, list[dt.date]] = attrs.field(init=False, eq=False, repr=False)
    _by_work_day: dict[str, tuple[PaymentEntry, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _work_days: dict[str, list[dt.date]] = attrs.field(init=False, eq=False, repr=False)
    _household_of: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        contributors = self.contributors
        grouped: dict[str, list[PaymentEntry]] = {}
        # Errors name an entry by its position, not its id: an id can carry a name.
        for index, entry in enumerate(self.payments.values()):
            if entry.person not in contributors:
                raise ValidationError(
                    f"payments[{index}].person", "is not a contributor in the ledger"
                )
            grouped.setdefault(entry.person, []).append(entry)
        by_person: dict[str, tuple[PaymentEntry, ...]] = {}
        days: dict[str, list[dt.date]] = {}
        by_work_day: dict[str, tuple[PaymentEntry, ...]] = {}
        work_days: dict[str, list[dt.date]] = {}
        for person, entries in grouped.items():
            entries.sort(key=lambda e: (e.received_on, e.id))
            by_person[person] = tuple(entries)
            days[person] = [e.received_on for e in entries]
            # Hours count in the week the work was done, which may be far from the day paid.
            apart = sorted(
                (e for e in entries if e.worked_on is not None and e.worked_on != e.received_on),
                key=lambda e: (e.work_day, e.id),
            )
            if apart:
                by_work_day[person] = tuple(apart)
                work_days[person] = [e.work_day for e in apart]
        for index, ask in enumerate(self.asks.values()):
            if ask.person is not None and ask.person not in contributors:
                raise ValidationError(f"asks[{index}].person", "is not a contributor in the ledger")
        household_of: dict[str, str] = {}
        for index, record in enumerate(self.households.values()):
            known = [m for m in record.members if m in contributors]
            if not known:
                raise ValidationError(f"households[{index}]", "has no member who is a contributor")
            for member in record.members:
                if member in household_of:
                    raise ValidationError(
                        f"households[{index}]",
                        "shares a member with another household record",
                        hint="a person belongs to one household; replace the old record",
                    )
                household_of[member] = record.id
            for member in known:
                if contributors[member].nation is not record.household.nation:
                    raise ValidationError(
                        f"households[{index}].nation",
                        "differs from a member's nation as a contributor",
                    )
        object.__setattr__(self, "_by_person", by_person)
        object.__setattr__(self, "_days", days)
        object.__setattr__(self, "_by_work_day", by_work_day)
        object.__setattr__(self, "_work_days", work_days)
        object.__setattr__(self, "_household_of", household_of)

    def __repr__(self) -> str:
        return (
            f"<Ledger of {len(self.contributors)} contributors, {len(self.households)} "
            f"household records, {len(self.payments)} payments, {len(self.asks)} asks>"
        )

    def contributor(self, person: str) -> Contributor:
        """The contributor with id ``person``."""
        if not isinstance(person, str):  # a list here was a TypeError (unhashable)
            raise ValidationError("person", f"must be text, not {type(person).__name__}")
        found = self.contributors.get(person)
        if found is None:
            raise ValidationError("person", "is not a contributor in the ledger")
        return found

    def payments_of(self, person: str) -> tuple[PaymentEntry, ...]:
        """Every payment entry to ``person`` (cancelled ones included), by day received."""
        return self._by_person.get(person, _EMPTY)

    def household_of(self, person: str) -> HouseholdRecord | None:
        """The household record ``person`` belongs to, if any."""
        key = self._household_of.get(person)
        return None if key is None else self.households[key]

    def members(self, person: str) -> tuple[str, ...]:
        """The people whose payments count together with ``person``'s: their household."""
        record = self.household_of(person)
        return (person,) if record is None else record.members

    def entries_between(
        self,
        people: Iterable[str],
        window: DateRange,
        *,
        exclude_project: str | None = None,
        exclude_ids: frozenset[str] = frozenset(),
    ) -> tuple[PaymentEntry, ...]:
        """The counted payments to ``people`` received, or worked for, within ``window``.

        Cancelled entries never count. ``exclude_project`` leaves out one project's own
        payments (so a project's assessment does not count its payments twice);
        ``exclude_ids`` leaves out named entries (a payment being checked again).
        """
        chosen: dict[str, PaymentEntry] = {}
        for person in people:
            entries = self._by_person.get(person)
            if entries is None:
                continue
            found = list(entries[_window(self._days[person], window)])
            apart = self._by_work_day.get(person)
            if apart is not None:
                found.extend(apart[_window(self._work_days[person], window)])
            for entry in found:
                if (
                    entry.status.counts
                    and entry.id not in exclude_ids
                    and (exclude_project is None or entry.project != exclude_project)
                ):
                    chosen[entry.id] = entry
        return tuple(sorted(chosen.values(), key=lambda e: (e.received_on, e.id)))

    def receipts_between(
        self,
        people: Iterable[str],
        window: DateRange,
        *,
        exclude_project: str | None = None,
        exclude_ids: frozenset[str] = frozenset(),
    ) -> tuple[Receipt, ...]:
        """:meth:`entries_between` as the benefits engine's receipts, on ``window``'s days.

        Each brings only its part within ``window``
        (:meth:`~participatory.ledger.entries.PaymentEntry.receipt_within`): a check of days
        near it never needs the figures of a far-away day one of its payments names.
        """
        found = (
            entry.receipt_within(window)
            for entry in self.entries_between(
                people, window, exclude_project=exclude_project, exclude_ids=exclude_ids
            )
        )
        return tuple(receipt for receipt in found if receipt is not None)

    def asks_between(self, window: DateRange) -> tuple[Ask, ...]:
        """The asks made within ``window``, by day asked."""
        return tuple(
            sorted(
                (a for a in self.asks.values() if window.start <= a.asked_on <= window.end),
                key=lambda a: (a.asked_on, a.id),
            )
        )

    def with_entries(
        self,
        *,
        contributors: Iterable[Contributor] = (),
        households: Iterable[HouseholdRecord] = (),
        payments: Iterable[PaymentEntry] = (),
        asks: Iterable[Ask] = (),
    ) -> Ledger:
        """A new ledger with these added, or replacing the entries with the same ids.

        A household record replaces the record with its id and the record of each of its
        members (a person belongs to one household record), and so replaces only records of
        its own household: the record with its id must share a member with it (the same
        household, its circumstances updated). An id already used for another household's
        record, none of whose members is in the new one, is refused (``households[i].id``), as
        it would silently erase that household's circumstances; so is an id given twice in one
        change. Which records a change replaces, and so drops, is
        :meth:`replaced_households`: a member of a replaced record who is in none of the new
        ones (a partner who stays when the other leaves) then has no circumstances recorded.

        A payment replaces the payment with its id only if it is to the same person (recorded
        again, with its status or amount changed): an id already used for a payment to
        someone else is refused, as a payment never moves from one person to another (on a
        joint claim it would silently take a partner's payment away from them).

        >>> from participatory.benefits import Household, Person
        >>> from participatory.ledger import ConsentRecord
        >>> def home(key, *people):
        ...     agreed = [ConsentRecord(p, p, "2025-04-01", "checks", "2027-03-31")
        ...               for p in people]
        ...     return HouseholdRecord(key, Household(people=[Person(p) for p in people]),
        ...                            agreed)
        >>> book = Ledger(contributors=[Contributor("c-1"), Contributor("c-2")],
        ...               households=[home("h-1", "c-1")])
        >>> book.with_entries(households=[home("h-1", "c-2")])
        Traceback (most recent call last):
        ...
        participatory.core.errors.ValidationError: households[0].id: is the id of another ...
        >>> list(book.with_entries(households=[home("h-1", "c-1", "c-2")]).households)
        ['h-1']
        >>> Ledger().with_entries(payments=[None])
        Traceback (most recent call last):
        ...
        participatory.core.errors.ValidationError: payments[0]: must be a PaymentEntry
        """
        # Each checked before its id is read: anything else was a bare AttributeError.
        contributors = instances(Contributor, contributors, "contributors", what="Contributor")
        new_households = instances(
            HouseholdRecord, households, "households", what="HouseholdRecord"
        )
        payments = instances(PaymentEntry, payments, "payments", what="PaymentEntry")
        refuse_moved_payments(self.payments, payments)
        asks = instances(Ask, asks, "asks", what="Ask")
        replaced = self._replaced(new_households)
        kept_households = [r for k, r in self.households.items() if k not in replaced]
        return Ledger(
            contributors={**self.contributors, **{c.id: c for c in contributors}},
            households=_merged(kept_households, new_households),
            payments={**self.payments, **{p.id: p for p in payments}},
            asks={**self.asks, **{a.id: a for a in asks}},
        )

    def replaced_households(
        self, households: Iterable[HouseholdRecord]
    ) -> tuple[HouseholdRecord, ...]:
        """The recorded household records that :meth:`with_entries` with ``households`` drops.

        Each new record replaces the record with its id and the record of each of its
        members; refused as :meth:`with_entries` refuses it. A member of a replaced record
        in none of ``households`` has no circumstances recorded once the change is made.

        >>> from participatory.benefits import Household, Person
        >>> from participatory.ledger import ConsentRecord
        >>> def home(key, *people):
        ...     agreed = [ConsentRecord(p, p, "2025-04-01", "checks", "2027-03-31")
        ...               for p in people]
        ...     return HouseholdRecord(key, Household(people=[Person(p) for p in people]),
        ...                            agreed)
        >>> book = Ledger(contributors=[Contributor("c-1"), Contributor("c-2")],
        ...               households=[home("h-j", "c-1", "c-2")])
        >>> book.replaced_households([home("h-2", "c-2")])  # c-2 leaves: c-1's goes too
        (HouseholdRecord(id='h-j', <redacted>),)
        >>> book.replaced_households([])
        ()
        """
        new_households = instances(
            HouseholdRecord, households, "households", what="HouseholdRecord"
        )
        replaced = self._replaced(new_households)
        return tuple(r for k, r in self.households.items() if k in replaced)

    def _replaced(self, households: Sequence[HouseholdRecord]) -> set[str]:
        """The ids of the recorded records these replace, once the change is found allowed."""
        refuse_reused_households(self.households, households)
        replaced = {r.id for r in households if r.id in self.households}
        replaced.update(
            self._household_of[m]
            for record in households
            for m in record.members
            if m in self._household_of
        )
        return replaced

    def without_households(self, ids: Iterable[str]) -> Ledger:
        """A new ledger without the household records ``ids`` (their circumstances erased)."""
        gone = frozenset(ids)
        return Ledger(
            contributors=self.contributors,
            households={k: r for k, r in self.households.items() if k not in gone},
            payments=self.payments,
            asks=self.asks,
        )


def refuse_moved_payments(
    recorded: Mapping[str, PaymentEntry], payments: Sequence[PaymentEntry]
) -> None:
    """Refuse a payment whose id is another person's payment, recorded or earlier in the batch.

    The one rule that a payment never moves from one person to another, kept by
    :meth:`Ledger.with_entries` and by the ledger stores. Named by its position in
    ``payments``, as every error of the ledger names an entry.

    >>> from participatory.ledger import PaymentEntry
    >>> ann = PaymentEntry("p1", "ann", "50.00", "2026-01-13", payer="Trust")
    >>> refuse_moved_payments({"p1": ann}, [ann])  # the same payment, recorded again
    >>> refuse_moved_payments({"p1": ann}, [attrs.evolve(ann, person="bob")])
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: payments[0].id: is the id of a payment to ...
    """
    batch: dict[str, str] = {}
    for index, payment in enumerate(payments):
        known = recorded.get(payment.id)
        person = batch.get(payment.id, payment.person if known is None else known.person)
        batch[payment.id] = payment.person
        if person != payment.person:
            raise ValidationError(
                f"payments[{index}].id",
                "is the id of a payment to another person",
                hint=(
                    "a payment never moves to someone else: give it its own id (one recorded "
                    "for the wrong person is cancelled, and the right one recorded anew)"
                ),
            )


def refuse_reused_households(
    recorded: Mapping[str, HouseholdRecord], households: Sequence[HouseholdRecord]
) -> None:
    """Refuse a household record whose id is another household's record, or given twice.

    The one rule that a household record replaces only its own household's: the record
    recorded with its id must share a member with it (the same household, its circumstances
    updated), kept by :meth:`Ledger.with_entries` and so by the ledger stores. An id given
    twice in one change is refused, as the first record would silently be lost. Named by its
    position in ``households``, never by its members: who is in a household is sensitive.

    >>> from participatory.benefits import Household, Person
    >>> from participatory.ledger import ConsentRecord
    >>> def home(key, person):
    ...     agreed = ConsentRecord(person, person, "2025-04-01", "checks", "2027-03-31")
    ...     return HouseholdRecord(key, Household(people=[Person(person)]), [agreed])
    >>> refuse_reused_households({"h-1": home("h-1", "c-1")}, [home("h-1", "c-1")])
    >>> refuse_reused_households({"h-1": home("h-1", "c-1")}, [home("h-1", "c-2")])
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: households[0].id: is the id of another ...
    """
    seen: set[str] = set()
    for index, record in enumerate(households):
        if record.id in seen:
            raise ValidationError(
                f"households[{index}].id", "repeats the id of an earlier entry of this change"
            )
        seen.add(record.id)
        known = recorded.get(record.id)
        if known is not None and not set(known.members).intersection(record.members):
            raise ValidationError(
                f"households[{index}].id",
                "is the id of another household's record",
                hint=(
                    "a record replaces only its own household's, with one member at least in "
                    "common: give this household a record id of its own"
                ),
            )


def _merged(
    kept: Iterable[HouseholdRecord], added: Iterable[HouseholdRecord]
) -> dict[str, HouseholdRecord]:
    result = {r.id: r for r in kept}
    result.update({r.id: r for r in added})
    return result
