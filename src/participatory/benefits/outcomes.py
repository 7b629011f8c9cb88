"""Explained answers: what a payment does to each benefit, period by period.

A :class:`PeriodOutcome` is one benefit in one period (a benefit week, or a Universal
Credit assessment period): the amount before and after, and whether the change is a
*cliff* (entitlement lost outright) rather than a taper. A :class:`BenefitsCheck` gathers
the outcomes of a set of payments and says what the contributor keeps.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.core import periods
>>> from participatory.benefits.circumstances import Benefit
>>> o = PeriodOutcome(Benefit.UNIVERSAL_CREDIT, periods.DateRange("2025-06-01", "2025-06-30"),
...                   Money.gbp("400.14"), Money.gbp("391.34"), Money.gbp("700"))
>>> o.change
Money('-8.80', 'GBP')
>>> o
PeriodOutcome(findings=(), benefit=<redacted>, period=DateRange(...), before=<redacted>, ...)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from participatory.benefits.circumstances import Benefit
from participatory.core import periods
from participatory.core.errors import ValidationError
from participatory.core.explain import Explained
from participatory.core.money import Money
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["BenefitsCheck", "PeriodOutcome"]


@attrs.frozen
class PeriodOutcome(Explained):
    """One benefit in one period: the amount before and after the payments."""

    benefit: Benefit = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period: periods.DateRange
    before: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    after: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    #: Earnings from the payments counted in this period (other earnings excluded).
    counted: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    #: True when entitlement for the period is lost outright (a cliff edge, not a taper).
    cliff: bool = attrs.field(default=False, repr=REDACTED, metadata=SENSITIVE)

    @property
    def change(self) -> Money:
        """After minus before: negative when the benefit falls."""
        return self.after - self.before

    @property
    def unchanged(self) -> bool:
        """Whether the payments leave this benefit exactly as it was."""
        return self.after.amount == self.before.amount


def _outcomes(items: Iterable[PeriodOutcome]) -> tuple[PeriodOutcome, ...]:
    # Wrong types are refused by position only: the items are a person's benefits outcomes.
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise ValidationError("outcomes", "must be a list of PeriodOutcome")
    outcomes = tuple(items)
    for index, outcome in enumerate(outcomes):
        if not isinstance(outcome, PeriodOutcome):
            raise ValidationError(f"outcomes[{index}]", "must be a PeriodOutcome")
    return outcomes


@attrs.frozen
class BenefitsCheck(Explained):
    """What a set of payments does to a contributor's benefits, and what they keep.

    ``paid`` is every amount actually received (a declined fee is not). ``outcomes`` lists
    every benefit period the payments touch, knock-on effects included.
    """

    outcomes: tuple[PeriodOutcome, ...] = attrs.field(
        converter=_outcomes, repr=REDACTED, metadata=SENSITIVE
    )
    paid: Money

    def change(self, benefit: Benefit | None = None) -> Money:
        """Net change in ``benefit`` (all benefits if ``None``) over every period."""
        total = Decimal(0)
        for outcome in self.outcomes:
            if benefit is None or outcome.benefit is benefit:
                total += outcome.after.amount - outcome.before.amount
        return Money(total, "GBP")

    def outcomes_for(self, benefit: Benefit) -> tuple[PeriodOutcome, ...]:
        """The outcomes of one benefit, in date order."""
        return tuple(o for o in self.outcomes if o.benefit is benefit)

    @property
    def loss(self) -> Money:
        """Benefit lost overall, knock-on gains netted off (negative if benefits rise)."""
        return -self.change()

    @property
    def kept(self) -> Money:
        """What the contributor is better off by: the payments less the benefit lost."""
        return self.paid - self.loss

    @property
    def cliffs(self) -> tuple[PeriodOutcome, ...]:
        """The periods in which entitlement is lost outright."""
        return tuple(o for o in self.outcomes if o.cliff)

    @property
    def changes_nothing(self) -> bool:
        """Whether no benefit changes in any period."""
        return all(o.unchanged for o in self.outcomes)
