"""Headroom: how much more a person can be paid in a period before a benefit changes.

For each benefit the household receives, the *headroom* on a day is the largest further
payment to the person, received that day, that leaves the benefit exactly as it is in every
period the payment touches — given everything already paid or scheduled (``already``). A
benefit the earlier payments have already reduced in that period has no headroom left: the
limit has been crossed, and what remains is at the mercy of the next rule. So headroom only
ever falls as payments are added. The overall headroom is the smallest of them.

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
from decimal import Decimal
from typing import Final

import attrs

from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import PENNY, finding
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["MESSAGES", "Headroom", "headroom"]

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


@attrs.frozen
class Headroom(Explained):
    """The headroom per benefit on a day (``None``: no limit found up to the ceiling)."""

    day: dt.date
    by_benefit: Mapping[Benefit, Money | None] = attrs.field(
        repr=REDACTED, metadata=SENSITIVE, converter=lambda m: dict(m)
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
    return any(not o.unchanged for o in result.outcomes if o.benefit is benefit)


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
    """The headroom of every benefit in ``household`` for a payment to ``person`` on ``day``."""
    on = to_date(day, "day")
    earlier = tuple(already)

    def probe(pennies: int, base: tuple[Receipt, ...] = earlier) -> BenefitsCheck:
        extra = Receipt(Money(Decimal(pennies) * PENNY), on, kind, person=person)
        return assess_benefits(
            household, (extra,), already=base, parameters=parameters, allow_stale=allow_stale
        )

    # A benefit the earlier payments already changed, in a period a payment on this day
    # touches, has no room left.
    touched = {(o.benefit, o.period) for o in probe(1).outcomes}
    used: set[Benefit] = set()
    if earlier:
        earlier_effect = assess_benefits(
            household, earlier, parameters=parameters, allow_stale=allow_stale
        )
        used = {
            o.benefit
            for o in earlier_effect.outcomes
            if not o.unchanged and (o.benefit, o.period) in touched
        }
    high_pennies = int(ceiling.amount / PENNY)
    top = probe(high_pennies)
    found: dict[Benefit, Money | None] = {}
    for benefit in sorted(household.benefits, key=lambda b: b.value):
        if benefit in used:
            found[benefit] = Money.gbp("0.00")
            continue
        if not _changed(top, benefit):
            found[benefit] = None
            continue
        low, high = 0, high_pennies
        while high - low > 1:
            middle = (low + high) // 2
            if _changed(probe(middle), benefit):
                high = middle
            else:
                low = middle
        found[benefit] = Money(Decimal(low) * PENNY)
    result = Headroom(on, found)
    return attrs.evolve(result, findings=(_summary(result, ceiling),))


def _summary(room: Headroom, ceiling: Money) -> Finding:
    amount = room.amount
    if amount is None:
        return finding(
            "BEN-HEADROOM", Severity.INFO, "benefits.headroom.unlimited",
            {"day": room.day, "ceiling": ceiling},
        )
    first = min(
        (b for b, m in room.by_benefit.items() if m is not None), key=lambda b: room.by_benefit[b].amount  # type: ignore[union-attr]
    )
    key = "benefits.headroom.none" if amount.amount == 0 else "benefits.headroom.limited"
    return finding(
        "BEN-HEADROOM", Severity.INFO, key,
        {"day": room.day, "amount": amount, "benefit": first.label},
    )
