"""Legacy benefits: Income Support, income-based JSA, income-related ESA, new-style JSA.

Income Support and JSA (income-based and new-style) ignore a fixed amount of earnings
each week — £5 single, £10 couple, £20 in the "higher" cases (lone parent on IS,
disability or carer premium, certain occupations) — and take the rest off the award
pound for pound (IS Regs 1987 Sch. 8; JSA Regs 1996 Sch. 6; JSA Regs 2013 Schedule).
Work of 16 hours or more a week is *remunerative work* and ends entitlement for the week
(IS Regs reg. 5; JSA Regs reg. 51): a cliff edge. Income-related ESA uses the permitted
work rules instead (:func:`participatory.benefits.esa.permitted_work_test`); within them
the claimant's earnings are ignored.

Income Support and income-based JSA closed on 1 April 2026 (managed migration to UC).

>>> import datetime as dt
>>> from participatory.benefits.circumstances import LegacyClaim, LegacyBenefit
>>> from participatory.benefits.mechanism import Context, WeekIncome
>>> from participatory.core.params import bundled_parameters
>>> claim = LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award="90.50")
>>> week = claim.weeks.period_containing(dt.date(2025, 6, 11))
>>> income = WeekIncome(); income.earnings = Decimal("30.00"); income.hours = Decimal(3)
>>> LegacyRule().assess_week(claim, week, income, Context(bundled_parameters())).change
Money('-25.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar, Final

from participatory.benefits import sources
from participatory.benefits.circumstances import Benefit, LegacyBenefit, LegacyClaim
from participatory.benefits.esa import permitted_work_test
from participatory.benefits.mechanism import (
    ZERO,
    Context,
    WeekIncome,
    WeeklyRule,
    disregard_values,
    excess_from_payment,
    exhausted_finding,
    finding,
    gbp,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.explain import Severity
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = ["LegacyRule"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.legacy.within_disregard": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are within the "
        "{disregard}  weekly disregard, so {benefit} is unchanged."
    ),
    "benefits.legacy.reduced": (
        "{benefit}, the week {start} to {end}: earnings of {earnings} are {excess} over the "
        "{disregard} weekly disregard; {benefit} falls pound for pound, by {reduction}, "
        "from {before} to {after}."
    ),
    "benefits.legacy.sixteen_hours": (
        "{benefit}, the week {start} to {end}: {hours} hours of paid work is {max_hours} hours "
        "or more  (remunerative work). This is a cliff edge: no {benefit} ({award}) for that "
        "week."
    ),
    "benefits.legacy.closed": (
        "{benefit} closed on {closed_on} according to the data; the contributor has "
        "probably moved to Universal Credit. This check cannot say what the payment does: "
        "ask a welfare-rights adviser."
    ),
    "benefits.action.tell_jobcentre": "Tell the Jobcentre about the work and earnings.",
}

_NAMES: Final = {
    LegacyBenefit.INCOME_SUPPORT: "Income Support",
    LegacyBenefit.INCOME_BASED_JSA: "income-based JSA",
    LegacyBenefit.INCOME_RELATED_ESA: "income-related ESA",
    LegacyBenefit.NEW_STYLE_JSA: "new-style JSA",
}
_OPEN: Final = {
    LegacyBenefit.INCOME_SUPPORT: "legacy.income_support.open",
    LegacyBenefit.INCOME_BASED_JSA: "legacy.income_based_jsa.open",
    LegacyBenefit.INCOME_RELATED_ESA: "legacy.income_related_esa.open",
}


class LegacyRule(WeeklyRule[LegacyClaim]):
    """The legacy earnings disregards and the 16-hour rule, week by week."""

    benefit: ClassVar[Benefit] = Benefit.INCOME_SUPPORT
    # Only new-style JSA can be paid alongside UC (Circumstances refuses the others), and
    # UC counts it as unearned income (reg. 66(1)(b)(i)).
    counts_for_universal_credit: ClassVar[bool] = True

    def weeks(self, claim: LegacyClaim) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return claim.weeks

    def weekly_amount(self, claim: LegacyClaim, day: dt.date, ctx: Context) -> Decimal:
        """The weekly award from the statement."""
        return claim.weekly_award.amount

    def assess_week(
        self, claim: LegacyClaim, week: DateRange, income: WeekIncome, ctx: Context
    ) -> PeriodOutcome:
        """Pound-for-pound above the disregard, or the cliff at 16 hours / permitted work."""
        kind = claim.benefit
        name = _NAMES[kind]
        award = claim.weekly_award.amount
        benefit = kind.benefit
        open_name = _OPEN.get(kind)
        if open_name is not None:
            open_use = ctx.use(open_name, week.start)
            if open_use.value is False:
                closed = finding(
                    "BEN-LEGACY-CLOSED",
                    Severity.REFER,
                    "benefits.legacy.closed",
                    {"benefit": name, "closed_on": open_use.effective_from},
                    parameters=(open_use,),
                )
                return self.outcome(week, award, award, income.earnings, (closed,), benefit=benefit)
        base = claim.other_weekly_earnings.amount
        total = base + income.earnings
        if kind is LegacyBenefit.INCOME_RELATED_ESA:
            ok, found = permitted_work_test(
                name,
                claim.permitted_work,
                week,
                total,
                claim.weekly_hours + income.hours,
                award,
                ctx,
            )
            after = award if ok else ZERO
            return self.outcome(
                week, award, after, income.earnings, found, cliff=not ok, benefit=benefit
            )
        hours = claim.weekly_hours + income.hours
        max_hours, hours_use = ctx.number("legacy.remunerative_work_hours.claimant", week.start)
        if hours >= max_hours and total > 0:
            before = award if claim.weekly_hours < max_hours else ZERO
            found16 = finding(
                "BEN-LEGACY-16-HOURS",
                Severity.PROBLEM if before > 0 else Severity.INFO,
                "benefits.legacy.sixteen_hours",
                {
                    "benefit": name,
                    "start": week.start,
                    "end": week.end,
                    "hours": hours,
                    "max_hours": max_hours,
                    "award": gbp(award),
                },
                citations=(sources.LEGACY_REMUNERATIVE_WORK,),
                parameters=(hours_use,),
                actions=("benefits.action.tell_jobcentre",),
            )
            return self.outcome(
                week, before, ZERO, income.earnings, (found16,), cliff=before > 0, benefit=benefit
            )
        if kind is LegacyBenefit.NEW_STYLE_JSA:
            disregard, use = ctx.number("legacy.new_style_jsa.earnings_disregard", week.start)
        else:
            disregard, use = ctx.number(
                f"legacy.earnings_disregard.{claim.disregard.value}", week.start
            )
        reduction = min(award, excess_from_payment(base, total, disregard))
        after = award - reduction
        values = {
            "benefit": name,
            **disregard_values(week, total, disregard, reduction, award, after),
        }
        if reduction == 0:
            key, severity = "benefits.legacy.within_disregard", Severity.INFO
        else:
            key, severity = "benefits.legacy.reduced", Severity.WARNING
        found1 = finding(
            "BEN-LEGACY-DISREGARD",
            severity,
            key,
            values,
            citations=(sources.LEGACY_DISREGARDS,),
            parameters=(use,),
            actions=("benefits.action.tell_jobcentre",) if reduction else (),
        )
        exhausted = (exhausted_finding(week),) if reduction and after == 0 else ()
        return self.outcome(
            week, award, after, income.earnings, (found1, *exhausted), benefit=benefit
        )
