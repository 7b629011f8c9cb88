"""Housing Benefit: a weekly earnings disregard, then a 65% taper on the excess.

Housing Benefit is now paid mainly to people over State Pension credit age and to people
in supported or temporary accommodation. Earnings above a fixed weekly disregard (£5
single, £10 couple, £25 lone parent, £20 in the "higher" cases) count as income (HB Regs
2006 Sch. 4; SI 2006/214 Sch. 4), and HB falls by 65% of income above the applicable
amount (HB Regs 2006 reg. 71).

The engine does not know the claimant's applicable amount, so it assumes their income is
already above it: the reduction shown is the **most** HB could fall, and a finding says
so. It does not apply the additional £17.10 disregard for people working 16 or 30 hours
(a cautious omission). Someone on Pension Credit guarantee credit, Income Support,
income-based JSA or income-related ESA gets maximum HB ("passported"), which earnings do
not reduce while that benefit is still paid. With Universal Credit the HB calculation is
different and is referred, not guessed.

>>> import datetime as dt
>>> from participatory.benefits.circumstances import HousingBenefitClaim
>>> from participatory.benefits.mechanism import Context, WeekIncome
>>> from participatory.core.params import bundled_parameters
>>> claim = HousingBenefitClaim(weekly_award="120.00", pension_age=True)
>>> week = claim.weeks.period_containing(dt.date(2025, 6, 11))
>>> income = WeekIncome(); income.earnings = Decimal("45.00")
>>> HousingBenefitRule().assess_week(claim, week, income, Context(bundled_parameters())).change
Money('-26.00', 'GBP')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import ClassVar, Final

from participatory.benefits import sources
from participatory.benefits.circumstances import Benefit, HousingBenefitClaim
from participatory.benefits.mechanism import (
    ZERO,
    Context,
    WeekIncome,
    WeeklyRule,
    disregard_values,
    excess_from_payment,
    exhausted_finding,
    finding,
    round_in_claimants_favour,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core import periods
from participatory.core.explain import Severity
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = ["HousingBenefitRule"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.hb.within_disregard": (
        "Housing Benefit, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard}  weekly disregard, so Housing Benefit is unchanged."
    ),
    "benefits.hb.reduced": (
        "Housing Benefit, the week {start} to {end}: earnings of {earnings} are {excess} over "
        "the  {disregard} disregard; at most {rate} of that, {reduction}, comes off Housing "
        "Benefit (from {before} to {after}). If the contributor's income is below their "
        "applicable amount the fall is smaller; the council decides."
    ),
    "benefits.hb.passported": (
        "Housing Benefit, the week {start} to {end}: the contributor gets maximum Housing "
        "Benefit  because of another means-tested benefit that is still paid, so it is "
        "unchanged."
    ),
    "benefits.hb.passport_lost": (
        "Housing Benefit, the week {start} to {end}: the payment ends the means-tested benefit "
        "that  gives maximum Housing Benefit, so the council will work Housing Benefit out "
        "again; this check cannot say by how much. Ask a welfare-rights adviser."
    ),
    "benefits.hb.with_uc": (
        "Housing Benefit alongside Universal Credit (supported or temporary "
        "accommodation) is worked out differently and is not modelled; ask the council "
        "or a welfare-rights adviser."
    ),
    "benefits.action.tell_council": ("Tell the council's Housing Benefit team about the earnings."),
}


class HousingBenefitRule(WeeklyRule[HousingBenefitClaim]):
    """The Housing Benefit disregards and taper, week by week.

    ``passported`` and ``passport_lost`` describe the contributor's other means-tested
    benefit; ``with_universal_credit`` refers the case instead of guessing;
    ``income_lost`` gives, for a week, how much Carer's Allowance, ESA or JSA (income for
    HB) the same payments remove.
    """

    benefit: ClassVar[Benefit] = Benefit.HOUSING_BENEFIT

    def __init__(
        self,
        *,
        passported: bool = False,
        passport_lost: Callable[[periods.DateRange], bool] | None = None,
        with_universal_credit: bool = False,
        income_lost: Callable[[periods.DateRange], Decimal] | None = None,
    ) -> None:
        self.passported = passported
        self.passport_lost = passport_lost
        self.with_universal_credit = with_universal_credit
        self.income_lost = income_lost

    def weeks(self, claim: HousingBenefitClaim) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return claim.weeks

    def assess_week(
        self, claim: HousingBenefitClaim, week: DateRange, income: WeekIncome, ctx: Context
    ) -> PeriodOutcome:
        """At most 65% of earnings above the disregard, unless passported or referred."""
        award = claim.weekly_award.amount
        if self.with_universal_credit:
            referred = finding("BEN-HB-WITH-UC", Severity.REFER, "benefits.hb.with_uc")
            return self.outcome(week, award, award, income.earnings, (referred,))
        if self.passported:
            if self.passport_lost is not None and self.passport_lost(week):
                lost = finding(
                    "BEN-HB-PASSPORT-LOST",
                    Severity.REFER,
                    "benefits.hb.passport_lost",
                    {"start": week.start, "end": week.end},
                    citations=(sources.HB_DISREGARDS,),
                    actions=("benefits.action.tell_council",),
                )
                return self.outcome(week, award, award, income.earnings, (lost,))
            kept = finding(
                "BEN-HB-PASSPORTED",
                Severity.INFO,
                "benefits.hb.passported",
                {"start": week.start, "end": week.end},
            )
            return self.outcome(week, award, award, income.earnings, (kept,))
        disregard, d_use = ctx.number(
            f"housing_benefit.earnings_disregard.{claim.disregard.value}", week.start
        )
        rate, r_use = ctx.number("housing_benefit.withdrawal_rate", week.start)
        base = claim.other_weekly_earnings.amount
        total = base + income.earnings
        extra = excess_from_payment(base, total, disregard)
        if self.income_lost is not None:
            # HB counts Carer's Allowance, ESA and JSA as income: what the payments take off
            # them offsets the earnings (a rise in HB is not modelled: cautious).
            extra = max(ZERO, extra - self.income_lost(week))
        reduction = min(award, round_in_claimants_favour(extra * rate))
        after = award - reduction
        exhausted = (exhausted_finding(week),) if reduction and after == 0 else ()
        values = {
            **disregard_values(week, total, disregard, reduction, award, after),
            "rate": f"{rate * 100:.0f}%",
        }
        if reduction == 0:
            key, rule, severity = "benefits.hb.within_disregard", "BEN-HB-DISREGARD", Severity.INFO
        else:
            key, rule, severity = "benefits.hb.reduced", "BEN-HB-TAPER", Severity.WARNING
        found = finding(
            rule,
            severity,
            key,
            values,
            citations=(sources.HB_DISREGARDS, sources.HB_TAPER),
            parameters=(d_use, r_use),
            actions=("benefits.action.tell_council",) if reduction else (),
        )
        return self.outcome(week, award, after, income.earnings, (found, *exhausted))

    def weekly_amount(self, claim: HousingBenefitClaim, day: object, ctx: Context) -> Decimal:
        """The weekly award from the statement."""
        return claim.weekly_award.amount
