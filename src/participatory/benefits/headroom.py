"""Headroom: how much more a person can be paid in a period before a benefit changes.

For each benefit the household receives, the *headroom* on a day is the largest further
payment to the person, received that day, that leaves the benefit exactly as it is in every
period the payment touches — given everything already paid or scheduled (``already``). A
benefit the earlier payments have already *reduced* in that period has no headroom left: the
limit has been crossed, and what remains is at the mercy of the next rule. A benefit they
have only *raised* — Universal Credit counting a week of new-style JSA, ESA or Carer's
Allowance the earlier payments cost (UC Regs 2013 reg. 66(1)(b)) — keeps whatever room its
own rule leaves. The overall headroom is the smallest of them; where no benefit's room is
used up it is, by construction, :func:`~participatory.benefits.planning.plan_safe_payment`'s
answer (both search with :class:`PaymentSearch`).

Universal Credit is not monotone in earnings where the benefit cap applies: below the cap's
earnings exception a fee only shrinks the amount over the cap (nothing changes), and earnings
reaching the exception lift the cap, so UC *rises* (UC Regs 2013 reg. 82(1)(a)). Headroom is
still the first change, a rise counting as a change; past it the award can, at an isolated
amount, equal the capped award again, which the search treats as changed.

Worked example (2025/26): a carer's earnings limit is £196 a week; £150 has already been
received this week, so £46.00 more changes nothing.

>>> import datetime as dt
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.receipts import Receipt
>>> carer = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
>>> room = headroom(carer, dt.date(2026, 1, 15), person="amira",
...                 already=[Receipt("150.00", "2026-01-13", person="amira")])
>>> room.for_benefit(Benefit.CARERS_ALLOWANCE), room.amount
(Money('46.00', 'GBP'), Money('46.00', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import finding, pounds
from participatory.benefits.outcomes import BenefitsCheck, stale_findings
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import instances, keyed
from participatory.core.money import PENNIES_LIMIT, Money
from participatory.core.params import ParameterSet
from participatory.core.pennies import to_pennies
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["MESSAGES", "Headroom", "PaymentSearch", "headroom", "search_ceiling"]

MESSAGES: Final = {
    "benefits.headroom.limited": (
        "On {day} up to {amount} more can be paid without changing any benefit; {benefit} is "
        "the first to change."
    ),
    "benefits.headroom.none": (
        "On {day} any further payment changes {benefit}: the payments already made or "
        "scheduled in that period have used the room up."
    ),
    "benefits.headroom.unlimited": (
        "No further payment up to {ceiling} on {day} changes any benefit."
    ),
}

_CEILING: Final = Money.gbp(100_000)
#: The benefits that count what other benefits pay (as income, or as a passport).
_COUNTS_OTHER_BENEFITS: Final = frozenset({Benefit.UNIVERSAL_CREDIT, Benefit.HOUSING_BENEFIT})


def _by_benefit(value: object) -> dict[Benefit, Money | None]:
    return keyed(value, "by_benefit", Benefit, (Money, None))


@attrs.frozen
class Headroom(Explained):
    """The headroom per benefit on a day (``None``: no limit found up to the ceiling)."""

    day: dt.date
    by_benefit: Mapping[Benefit, Money | None] = attrs.field(
        repr=REDACTED, metadata=SENSITIVE, converter=_by_benefit
    )

    @property
    def amount(self) -> Money | None:
        """The smallest headroom of any benefit (``None`` when none is limited)."""
        limited = [m for m in self.by_benefit.values() if m is not None]
        return min(limited, key=lambda m: m.amount) if limited else None

    def for_benefit(self, benefit: Benefit) -> Money | None:
        """The headroom of one benefit (``None``: unlimited, or not received)."""
        return self.by_benefit.get(benefit)


def _changed(result: BenefitsCheck, benefit: Benefit) -> bool:
    return any(row.after != row.before for row in result.numbers if row.benefit is benefit)


def search_ceiling(value: object) -> int:
    """A search's ``ceiling`` in whole pennies: a non-negative amount in pounds.

    >>> search_ceiling(Money.gbp("12.34"))
    1234
    >>> search_ceiling("100")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: ceiling: must be a non-negative amount in GBP
    """
    if not isinstance(value, Money) or value.currency != "GBP" or value.is_negative():
        raise ValidationError("ceiling", "must be a non-negative amount in GBP")
    if not value.is_whole_minor_units():
        raise ValidationError("ceiling", "must be a whole number of pence")
    return to_pennies(value.amount)


class PaymentSearch:
    """The payments on one day that change each benefit, searched with the engine itself.

    Shared by :func:`headroom` and :func:`~participatory.benefits.planning.plan_safe_payment`,
    so that the two answer the same question the same way: the largest payment to ``person``
    on ``day``, on top of ``already``, below which no payment changes a benefit. Every probe
    is one run of :func:`~participatory.benefits.engine.assess_benefits`, remembered by its
    amount in pennies.
    """

    def __init__(
        self,
        household: Household,
        day: dt.date,
        *,
        person: str | None,
        kind: ReceiptKind,
        already: tuple[Receipt, ...],
        parameters: ParameterSet | None,
        allow_stale: bool,
        top: int,
    ) -> None:
        if person is not None:
            # Refused as the caller named it, not as the first receipt searched over.
            household.person(person)
        self.household = household
        self.day = day
        self.person = person
        self.kind = kind
        self.already = already
        self.parameters = parameters
        self.allow_stale = allow_stale
        # A payment searched over counts with ``already``, and together they must stay an
        # amount of money: past the ceiling that leaves, no payment can be checked at all
        # (a ledger may already hold one payment of almost £10^15).
        counted = sum(receipt.pennies for receipt in already)
        self.top = max(0, min(top, PENNIES_LIMIT - 1 - counted))
        self._asked = top
        self._probes: dict[int, BenefitsCheck] = {}

    def searched(self, ceiling: Money) -> Money:
        """What the search went up to, as a finding quotes it.

        ``ceiling`` (the ``top`` asked for), or less when ``already`` leaves less room below
        what an amount of money can hold.
        """
        return ceiling if self.top == self._asked else pounds(self.top)

    def receipt(self, pennies: int) -> Receipt:
        """The payment searched over, of ``pennies``."""
        return Receipt(pounds(pennies), self.day, self.kind, person=self.person)

    def probe(self, pennies: int) -> BenefitsCheck:
        """What a payment of ``pennies`` on top of ``already`` changes."""
        result = self._probes.get(pennies)
        if result is None:
            result = self._probes[pennies] = assess_benefits(
                self.household, (self.receipt(pennies),), already=self.already,
                parameters=self.parameters, allow_stale=self.allow_stale,
            )  # fmt: skip
        return result

    def _first_change(self, benefit: Benefit, low: int, high: int) -> int | None:
        # The smallest payment in (low, high] that changes ``benefit``, where more payment
        # never undoes a change (no knock-on flips inside the range).
        if not _changed(self.probe(high), benefit):
            return None
        while high - low > 1:
            middle = (low + high) // 2
            if _changed(self.probe(middle), benefit):
                high = middle
            else:
                low = middle
        return high

    def first_changes(self, skip: frozenset[Benefit] = frozenset()) -> dict[Benefit, int | None]:
        """The smallest payment in pennies that changes each benefit, but those in ``skip``.

        ``None``: no payment up to the ceiling changes it.
        """
        # A benefit's own rule only takes more as earnings grow; but Universal Credit and
        # Housing Benefit also count what other benefits pay, so a week of ESA or JSA lost to
        # the payment can undo (or bring about) their change. Between two payments at which
        # another benefit first changes, that knock-on is fixed and the search is sound; so
        # those are searched first.
        firsts: dict[Benefit, int | None] = {}
        benefits = [
            b for b in sorted(self.household.benefits, key=lambda b: b.value) if b not in skip
        ]
        for benefit in benefits:
            if benefit not in _COUNTS_OTHER_BENEFITS:
                firsts[benefit] = self._first_change(benefit, 0, self.top)
        for benefit in benefits:
            if benefit not in _COUNTS_OTHER_BENEFITS:
                continue
            flips = sorted({p for b, p in firsts.items() if p is not None and b is not benefit})
            start, first = 0, None
            for boundary in [*flips, self.top + 1]:
                end = boundary - 1
                if end >= start:
                    if start > 0 and _changed(self.probe(start), benefit):
                        first = start
                        break
                    first = self._first_change(benefit, start, end)
                    if first is not None:
                        break
                start = boundary
            firsts[benefit] = first
        return {b: firsts[b] for b in benefits}


def headroom(
    household: Household,
    day: dt.date | str,
    *,
    person: str | None = None,
    kind: ReceiptKind = ReceiptKind.INVOLVEMENT_FEE,
    already: Iterable[Receipt] = (),
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
    ceiling: Money = _CEILING,
) -> Headroom:
    """The headroom of every benefit in ``household`` for a payment to ``person`` on ``day``.

    A benefit the payments in ``already`` have *reduced*, in a period a payment on ``day``
    touches, has no room: its limit is crossed. A benefit they have only *raised* (Universal
    Credit or Housing Benefit counting a week of another benefit the payments cost, UC Regs
    2013 reg. 66(1)(b); or the benefit cap lifted, reg. 82(1)(a)) keeps the room its own rule
    leaves, found as :func:`~participatory.benefits.planning.plan_safe_payment` finds it.
    """
    on = to_date(day, "day")
    earlier = instances(Receipt, already, "already", what="Receipts")
    top = search_ceiling(ceiling)
    search = PaymentSearch(
        household, on, person=person, kind=kind, already=earlier, parameters=parameters,
        allow_stale=allow_stale, top=top,
    )  # fmt: skip
    # The checks that reach every period a payment on this day touches (the largest payment
    # reaches the most: its own periods, and those its knock-ons reach), with and without
    # the earlier payments: an answer from stale figures says which, from their findings.
    top = search.top  # at most the ceiling: less when ``earlier`` leaves less room
    largest = search.probe(top)
    reaching = [largest]
    used: frozenset[Benefit] = frozenset()
    if earlier:
        alone = assess_benefits(
            household, (search.receipt(top),), parameters=parameters, allow_stale=allow_stale
        )
        earlier_effect = assess_benefits(
            household, earlier, parameters=parameters, allow_stale=allow_stale
        )
        reaching += (alone, earlier_effect)
        # A benefit the earlier payments already reduced, in a period a payment on this day
        # counts in, has no room left: its limit is crossed. Those periods are the ones a
        # penny touches. A larger payment may reach further, through a week of another
        # benefit it loses (Housing Benefit the next week, Universal Credit the next AP),
        # but only a payment past that benefit's own limit does, and the search finds it:
        # a fall there says nothing of the room below (a partner's later pay reduced HB in
        # the week after, and a £4 payment today changes nothing).
        penny = min(1, top)
        touched = {(row.benefit, row.period) for row in search.probe(penny).numbers}
        touched.update(
            (row.benefit, row.period)
            for row in assess_benefits(
                household, (search.receipt(penny),), parameters=parameters,
                allow_stale=allow_stale,
            ).numbers
        )  # fmt: skip
        # Only a fall uses the room up. A rise is a knock-on of another benefit's loss (or
        # the cap lifted): it says nothing of this benefit's own limit, and a further payment
        # may still change nothing (the next week's £5 new-style JSA disregard, JSA Regs 2013
        # reg. 42(1) as legacy.toml reads it, inside UC's work allowance, UC Regs 2013 reg. 22).
        used = frozenset(
            row.benefit
            for row in earlier_effect.numbers
            if row.after < row.before and (row.benefit, row.period) in touched
        )
    firsts = search.first_changes(skip=used)
    found: dict[Benefit, Money | None] = {}
    for benefit in sorted(household.benefits, key=lambda b: b.value):
        if benefit in used:
            found[benefit] = Money.gbp("0.00")
            continue
        first = firsts[benefit]
        found[benefit] = None if first is None else pounds(first - 1)
    result = Headroom(on, found)
    stale = stale_findings(*reaching) if allow_stale else ()
    return attrs.evolve(result, findings=(_summary(result, search.searched(ceiling)), *stale))


def _summary(room: Headroom, ceiling: Money) -> Finding:
    amount = room.amount
    if amount is None:
        return finding(
            "BEN-HEADROOM",
            Severity.INFO,
            "benefits.headroom.unlimited",
            {"day": room.day, "ceiling": ceiling},
        )
    first = min(
        (b for b, m in room.by_benefit.items() if m is not None),
        key=lambda b: room.by_benefit[b].amount,  # type: ignore[union-attr]
    )
    key = "benefits.headroom.none" if amount.amount == 0 else "benefits.headroom.limited"
    return finding(
        "BEN-HEADROOM",
        Severity.INFO,
        key,
        {"day": room.day, "amount": amount, "benefit": first.label},
    )
