"""Where a budget's money sits: shares by holder, what reaches people, and concentration.

Every share is a :class:`~decimal.Decimal` in [0, 1]: an amount divided by the total,
rounded **down** to :data:`SHARE_PLACES` decimal places, so a share never overstates what
partners hold. The three holder groups partition the budget: the community share and the
"other" share are rounded down and the university share is what is left, so the three add
up to exactly 1 (any rounding lands on the university's side: its share is at most
2 × 10⁻¹² above its exact value).

Concentration is the Herfindahl–Hirschman index (HHI) over holders: the sum of each
holder's squared share of the total. It is 1 when one holder has everything and 1/n when n
holders hold equal amounts; ``effective_holders`` (1/HHI) reads it as "as if the money were
split equally between this many holders".

>>> from participatory.core.money import Money
>>> from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind
>>> uni, partner = Holder.university(), Holder.partner("McPin")
>>> budget = Budget((
...     BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(600), holder=uni),
...     BudgetLine("festival", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(400), holder=partner),
... ))
>>> d = distribute(budget)
>>> d.community_held_share, d.university_share, d.reaching_members_share
(Decimal('0.4'), Decimal('0.6'), Decimal('0.6'))
>>> d.hhi, d.effective_holders
(Decimal('0.52'), Decimal('1.923076923076'))
>>> split_fund(Money.gbp("1000.00"), ["A", "B", "C"])
(('A', Money('333.34', 'GBP')), ('B', Money('333.33', 'GBP')), ('C', Money('333.33', 'GBP')))
"""

from __future__ import annotations

import decimal
from collections import defaultdict
from collections.abc import Sequence, Set
from decimal import ROUND_FLOOR, Decimal
from typing import Final

import attrs

from participatory.budget.lines import Budget, BudgetLine, Holder, HolderKind, Timing
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly, scaleb
from participatory.core.fields import instances
from participatory.core.money import Money, allocate
from participatory.core.record import Record

__all__ = ["SHARE_PLACES", "Distribution", "HolderTotal", "distribute", "share", "split_fund"]

#: Decimal places a share is rounded down to: far below a penny in any real budget, and a
#: fixed scale keeps the partition's subtraction exact.
SHARE_PLACES: Final = 12

# Computed in the library's context: at import the current one is the caller's, and a small
# Emin there would round it to 0E-8 (or trap Inexact) for the life of the process.
_QUANTUM: Final = scaleb(1, -SHARE_PLACES)
# Enough digits that a quotient is exact to SHARE_PLACES for any budget under 10^40.
_CONTEXT: Final = decimal.Context(prec=60, rounding=ROUND_FLOOR)


@computes_exactly
def share(part: Money, whole: Money) -> Decimal:
    """``part / whole`` rounded down to :data:`SHARE_PLACES` places; 0 when ``whole`` is 0.

    >>> share(Money.gbp(1), Money.gbp(3))
    Decimal('0.333333333333')
    """
    if not isinstance(part, Money):
        raise ValidationError("part", "must be Money")
    if not isinstance(whole, Money):
        raise ValidationError("whole", "must be Money")
    if whole.is_zero():
        return Decimal(0)
    exact = _CONTEXT.divide(part.amount, whole.amount)
    return _tidy(exact.quantize(_QUANTUM, rounding=ROUND_FLOOR, context=_CONTEXT))


def _tidy(value: Decimal) -> Decimal:
    # Drop trailing zeros (0.400000000000 -> 0.4) without exponent notation for 0 or 1.
    normal = value.normalize(_CONTEXT)
    exponent = normal.as_tuple().exponent
    return normal if isinstance(exponent, int) and exponent <= 0 else normal.quantize(Decimal(1))


@attrs.frozen
class HolderTotal(Record):
    """The money one holder holds, and its share of the budget."""

    holder: Holder
    amount: Money
    share: Decimal


@attrs.frozen
class Distribution(Record):
    """Where a budget's money sits (see the module docstring for how shares are rounded)."""

    total: Money
    #: Per holder, sorted by holder kind then name (line order never matters).
    by_holder: tuple[HolderTotal, ...]
    #: Held by partner organisations and community members.
    community_held_share: Decimal
    #: Held by the university: 1 minus the community and other shares.
    university_share: Decimal
    #: Held by anyone else (a funder, a contractor).
    other_share: Decimal
    #: Held *and* approved by community partners: theirs to use as they want.
    community_controlled_share: Decimal
    #: Reaching community members as fees, expenses and care and support costs.
    reaching_members_share: Decimal
    #: Spent before any funding application (relationship building, early conversations).
    before_application_share: Decimal
    #: Herfindahl–Hirschman index over holders, in [1/n, 1] (0 for an empty budget).
    hhi: Decimal
    #: 1 / HHI rounded down: the number of equal holders with the same concentration.
    effective_holders: Decimal

    def held_by(self, holder: Holder) -> Money:
        """What ``holder`` holds (zero if nothing)."""
        for total in self.by_holder:
            if total.holder == holder:
                return total.amount
        return Money.zero(self.total.currency)


def _sum(lines: Sequence[BudgetLine], currency: str) -> Money:
    return Money.total((line.amount for line in lines), currency)


@computes_exactly
def distribute(budget: Budget) -> Distribution:
    """The distribution figures of ``budget``."""
    if not isinstance(budget, Budget):
        raise ValidationError("budget", "must be a Budget")
    currency, total, lines = budget.currency, budget.total, budget.lines
    per_holder: dict[Holder, Money] = defaultdict(lambda: Money.zero(currency))
    for line in lines:
        per_holder[line.holder] = per_holder[line.holder] + line.amount
    holders = sorted(per_holder, key=lambda h: (list(HolderKind).index(h.kind), h.name))
    by_holder = tuple(HolderTotal(h, per_holder[h], share(per_holder[h], total)) for h in holders)

    community = share(_sum([ln for ln in lines if ln.devolved], currency), total)
    other = share(_sum([ln for ln in lines if ln.holder.kind is HolderKind.OTHER], currency), total)
    university = _tidy(Decimal(1) - community - other) if not total.is_zero() else Decimal(0)

    if total.is_zero():
        hhi = effective = Decimal(0)
    else:
        squares = sum((per_holder[h].amount ** 2 for h in holders), Decimal(0))
        hhi = _tidy(_CONTEXT.divide(squares, total.amount**2).quantize(_QUANTUM, context=_CONTEXT))
        effective = _tidy(
            _CONTEXT.divide(total.amount**2, squares).quantize(_QUANTUM, context=_CONTEXT)
        )
    return Distribution(
        total=total,
        by_holder=by_holder,
        community_held_share=community,
        university_share=university,
        other_share=other,
        community_controlled_share=share(
            _sum([ln for ln in lines if ln.controlled_by_community], currency), total
        ),
        reaching_members_share=share(
            _sum([ln for ln in lines if ln.kind.reaches_community_members], currency), total
        ),
        before_application_share=share(
            _sum([ln for ln in lines if ln.timing is Timing.BEFORE_APPLICATION], currency), total
        ),
        hhi=hhi,
        effective_holders=effective,
    )


@computes_exactly
def split_fund(
    fund: Money, partners: Sequence[str], weights: Sequence[Decimal | int] | None = None
) -> tuple[tuple[str, Money], ...]:
    """Split ``fund`` between ``partners`` equally, or by ``weights``, to the penny.

    Uses :func:`participatory.core.money.allocate` (largest remainder), so the parts add up
    to ``fund`` exactly and no part is more than a penny from its exact share.

    Each part is for the holder ``Holder.partner(name)`` makes, which strips the name: names
    that differ only by surrounding spaces are one partner, and a name of nothing but spaces
    is no partner. Either is refused, naming its place in ``partners``; a name is returned
    as given.

    >>> split_fund(Money.gbp("100.00"), ["Heart n Soul", "McPin"], [3, 1])
    (('Heart n Soul', Money('75.00', 'GBP')), ('McPin', Money('25.00', 'GBP')))
    >>> split_fund(Money.gbp("100.00"), ["McPin", "McPin "])
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: partners[1]: names a partner twice (as ...)
    """
    if not isinstance(fund, Money):
        raise ValidationError("fund", "must be Money")
    if isinstance(partners, Set):
        # A set's order changes from one run to the next: who gets an odd penny would too.
        raise ValidationError("partners", "must be in an order (a list or tuple), not a set")
    partners = instances(str, partners, "partners", what="partner names")
    if not partners:
        raise ValidationError("partners", "must name at least one partner")
    first_named: dict[str, int] = {}
    for index, name in enumerate(partners):
        holder_name = name.strip()  # as Holder.partner names the part's holder
        if not holder_name:
            raise ValidationError(f"partners[{index}]", "must name a partner (it is empty)")
        if holder_name in first_named:
            raise ValidationError(
                f"partners[{index}]",
                "names a partner twice",
                hint=f"as partners[{first_named[holder_name]}]; names that differ only by "
                "surrounding spaces are one holder",
            )
        first_named[holder_name] = index
    if weights is None:
        weights = [1] * len(partners)
    elif isinstance(weights, str | bytes) or not isinstance(weights, Sequence):
        raise ValidationError("weights", "must be a list of numbers")
    if len(weights) != len(partners):
        raise ValidationError("weights", "must give one weight per partner")
    return tuple(zip(partners, allocate(fund, weights), strict=True))
