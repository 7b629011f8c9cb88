"""Pension Credit (guarantee credit): pound for pound above a fixed weekly disregard.

State Pension Credit Regulations 2002 Sch. VI: £5 of a single person's weekly earnings
is ignored, £10 for a couple, £20 for a lone parent, a carer, certain occupations or a
disabled person; guarantee credit tops income up to the guarantee, so every pound above
the disregard takes a pound off it. Savings credit (a partial credit for people who
reached pension age before April 2016) is not modelled, and a finding says so.

>>> import datetime as dt
>>> from participatory.benefits.circumstances import PensionCreditClaim
>>> from participatory.benefits.mechanism import Context, WeekIncome
>>> from participatory.core.params import bundled_parameters
>>> claim = PensionCreditClaim(weekly_award="40.00")
>>> week = claim.weeks.period_containing(dt.date(2025, 6, 11))
>>> income = WeekIncome(); income.earnings = Decimal("20.77")
>>> PensionCreditRule().assess_week(claim, week, income, Context(bundled_parameters())).change
Money('-15.77', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar, Final

from participatory.benefits import sources
from participatory.benefits.circumstances import Benefit, PensionCreditClaim
from participatory.benefits.mechanism import (
    Context,
    WeekIncome,
    WeeklyRule,
    disregard_values,
    excess_from_payment,
    exhausted_finding,
    finding,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.explain import Finding, Severity
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = ["PensionCreditRule"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.pc.within_disregard": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard}  weekly disregard, so Pension Credit is unchanged."
    ),
    "benefits.pc.reduced": (
        "Pension Credit, the week {start} to {end}: earnings of {earnings} are {excess} over "
        "the  {disregard} disregard; guarantee credit falls pound for pound, by {reduction}, "
        "from {before} to {after}."
    ),
    "benefits.pc.savings_credit": (
        "Savings credit is not modelled: earnings can change it too. Ask the Pension "
        "Service or a welfare-rights adviser."
    ),
    "benefits.action.tell_pension_service": "Tell the Pension Service about the earnings.",
}


class PensionCreditRule(WeeklyRule[PensionCreditClaim]):
    """The Pension Credit earnings disregard, week by week."""

    benefit: ClassVar[Benefit] = Benefit.PENSION_CREDIT

    def weeks(self, claim: PensionCreditClaim) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return claim.weeks

    def weekly_amount(self, claim: PensionCreditClaim, day: dt.date, ctx: Context) -> Decimal:
        """The weekly award from the statement."""
        return claim.weekly_award.amount

    def assess_week(
        self, claim: PensionCreditClaim, week: DateRange, income: WeekIncome, ctx: Context
    ) -> PeriodOutcome:
        """Pound for pound above the disregard, never below nothing."""
        award = claim.weekly_award.amount
        disregard, use = ctx.number(
            f"pension_credit.earnings_disregard.{claim.disregard.value}", week.start
        )
        base = claim.other_weekly_earnings.amount
        total = base + income.earnings
        reduction = min(award, excess_from_payment(base, total, disregard))
        after = award - reduction
        values = disregard_values(week, total, disregard, reduction, award, after)
        if reduction == 0:
            key, severity = "benefits.pc.within_disregard", Severity.INFO
        else:
            key, severity = "benefits.pc.reduced", Severity.WARNING
        found: list[Finding] = [
            finding(
                "BEN-PC-DISREGARD",
                severity,
                key,
                values,
                citations=(sources.PC_DISREGARDS,),
                parameters=(use,),
                actions=("benefits.action.tell_pension_service",) if reduction else (),
            )
        ]
        if reduction and after == 0:
            found.append(exhausted_finding(week))
        if claim.savings_credit:
            found.append(
                finding("BEN-PC-SAVINGS-CREDIT", Severity.WARNING, "benefits.pc.savings_credit")
            )
        return self.outcome(week, award, after, income.earnings, tuple(found))
