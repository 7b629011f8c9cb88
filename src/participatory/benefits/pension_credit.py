"""Pension Credit guarantee credit: pound for pound above a fixed weekly disregard.

The State Pension Credit Regulations 2002 (SI 2002/1792) Sch. VI ignore a fixed amount of the
household's weekly earnings — £5 single, £10 couple, £20 for a lone parent, a carer, a
disability case or certain occupations — and count the rest in full against guarantee credit.
Savings credit also depends on income and is not modelled (a warning says so).

>>> import datetime as dt
>>> from participatory.benefits.claims import PensionCreditClaim
>>> from participatory.benefits.household import Household
>>> from participatory.benefits.engine import assess_payment
>>> home = Household(pension_credit=PensionCreditClaim(weekly_award="50.00"))
>>> assess_payment(home, "25.00", "2025-06-11").change()
Money('-20.00', 'GBP')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import PensionCreditClaim
from participatory.benefits.kinds import Benefit
from participatory.benefits.law import cite_law
from participatory.benefits.legacy import excess_from_payment, exhausted_finding
from participatory.benefits.mechanism import ZERO, Context, Income, finding
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.periods import DateRange

__all__ = ["MESSAGES", "assess_week"]

MESSAGES: Final = {
    "benefits.pc.within_disregard": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard} weekly disregard, so Pension Credit is unchanged."
    ),
    "benefits.pc.reduced": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are {excess} over "
        "the {disregard} disregard; guarantee credit falls pound for pound, by {reduction}, "
        "from {before} to {after}."
    ),
    "benefits.pc.savings_credit": (
        "Savings credit is not modelled: earnings can change it too. Ask the Pension "
        "Service or a welfare-rights adviser."
    ),
    "benefits.action.tell_pension_service": "Tell the Pension Service about the earnings.",
}


class Detail(NamedTuple):
    """What the explanation of a Pension Credit week quotes."""

    total: Decimal
    disregard: Decimal
    nation: Nation


def assess_week(
    claim: PensionCreditClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    *,
    nation: Nation,
) -> PeriodOutcome:
    """Guarantee credit for ``week``: pound for pound above the disregard, never below nil."""
    award = claim.weekly_award.amount
    name = f"pension_credit.earnings_disregard.{claim.disregard.value}"
    disregard = Decimal(ctx.use(name, week.start).value)  # type: ignore[arg-type]
    total = income.base + income.added
    # The award on the statement already allows for regular earnings: only what other
    # payments and these add over them comes off.
    before = max(ZERO, award - excess_from_payment(income.regular, income.base, disregard))
    after = max(ZERO, award - excess_from_payment(income.regular, total, disregard))
    return PeriodOutcome(
        Benefit.PENSION_CREDIT,
        week,
        before,
        after,
        income.added,
        False,
        detail=Detail(total, disregard, nation),
        explain=(explain_week, (claim, ctx)),
    )


def explain_week(
    outcome: PeriodOutcome, claim: PensionCreditClaim, ctx: Context
) -> tuple[Finding, ...]:
    """The findings of one Pension Credit week, from its numbers."""
    d: Detail = outcome.detail  # type: ignore[assignment]
    week = outcome.period
    use = ctx.use(f"pension_credit.earnings_disregard.{claim.disregard.value}", week.start)
    reduction = outcome.before_amount - outcome.after_amount
    values = {
        "start": week.start,
        "end": week.end,
        "earnings": Money(d.total),
        "disregard": Money(d.disregard),
        "excess": Money(max(ZERO, d.total - d.disregard)),
        "reduction": Money(reduction),
        "before": outcome.before,
        "after": outcome.after,
    }
    found = [
        finding(
            "BEN-PC-DISREGARD",
            Severity.WARNING if reduction else Severity.INFO,
            "benefits.pc.reduced" if reduction else "benefits.pc.within_disregard",
            values,
            citations=(cite_law("pension_credit.disregards", d.nation),),
            parameters=(use,),
            actions=("benefits.action.tell_pension_service",) if reduction else (),
        )
    ]
    if reduction and outcome.after_amount == 0:
        found.append(exhausted_finding(week))
    if claim.savings_credit:
        found.append(finding("BEN-PC-SAVINGS-CREDIT", Severity.WARNING, "benefits.pc.savings_credit"))
    return tuple(found)
