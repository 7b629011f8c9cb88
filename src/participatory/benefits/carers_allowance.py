"""Carer's Allowance: a weekly cliff edge on net earnings.

The Social Security (Invalid Care Allowance) Regulations 1976, reg. 8(1): a carer whose
net earnings in a benefit week *exceed* the earnings limit is treated as gainfully
employed and gets no Carer's Allowance for that week. There is no taper: one penny over
the limit loses the whole week. Earnings are net of tax, National Insurance and half of
pension contributions (Computation of Earnings Regs 1996, reg. 10); the engine takes
payroll amounts as already net.

Because Universal Credit counts Carer's Allowance as unearned income pound for pound
(UC Regs reg. 66(1)(b)(iii)), a lost week of CA partly comes back as UC: the engine works
that knock-on out in :mod:`participatory.benefits.universal_credit`.

>>> import datetime as dt
>>> from participatory.benefits.circumstances import CarersAllowanceClaim
>>> from participatory.benefits.mechanism import Context, WeekIncome
>>> from participatory.core.params import bundled_parameters
>>> rule = CarersAllowanceRule()
>>> claim = CarersAllowanceClaim()
>>> week = claim.weeks.period_containing(dt.date(2025, 6, 11))
>>> income = WeekIncome(); income.earnings = Decimal("196.01")
>>> o = rule.assess_week(claim, week, income, Context(bundled_parameters()))
>>> o.cliff, o.before, o.after
(True, Money('83.30', 'GBP'), Money('0', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import ClassVar, Final

from participatory.benefits import sources
from participatory.benefits.circumstances import Benefit, CarersAllowanceClaim
from participatory.benefits.mechanism import (
    NOTHING,
    PENNY,
    ZERO,
    Context,
    WeekIncome,
    WeeklyRule,
    finding,
    gbp,
    period_outcome,
    resolved,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.explain import ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.periods import BenefitWeekCycle, DateRange

__all__ = ["CarersAllowanceRule"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.ca.within_limit": (
        "Carer's Allowance, the week {start} to {end}: net earnings of {earnings} are within "
        "the  {limit} weekly limit, so Carer's Allowance is unchanged."
    ),
    "benefits.ca.over_limit": (
        "Carer's Allowance, the week {start} to {end}: net earnings of {earnings} are over the "
        "{limit}  weekly limit by {over}. This is a cliff edge: no Carer's Allowance ({award}) "
        "is  paid for that week."
    ),
    "benefits.ca.spreading": (
        "A one-off payment of {amount} may be spread by DWP over several benefit weeks "
        "rather than counted in one; at {limit_plus_penny} a week it could remove "
        "Carer's Allowance for up to {weeks} weeks. Ask a welfare-rights adviser how DWP "
        "will treat it before it is paid."
    ),
    "benefits.ca.legacy_knock_on": (
        "Carer's Allowance counts as income for Income Support, JSA, ESA, Pension Credit "
        "and Housing Benefit, so a lost week may be partly made up by those; this is not "
        "modelled, so the loss shown is the most it could be."
    ),
    "benefits.action.ask_carers_allowance_unit": (
        "Tell the Carer's Allowance Unit about the earnings for that week."
    ),
}


#: The earnings limit and weekly rate for a week starting on one day, with the Money the
#: findings quote (limit, rate, limit plus a penny), made once per parameter set and day.
_Rates = tuple[Decimal, Decimal, Money, Money, Money]


def _rates(ctx: Context, day: dt.date) -> tuple[_Rates, tuple[ParameterUse, ...]]:
    limit, limit_use = ctx.number("carers_allowance.earnings_limit", day)
    rate, rate_use = ctx.number("carers_allowance.weekly_rate", day)
    return (limit, rate, gbp(limit), gbp(rate), gbp(limit + PENNY)), (limit_use, rate_use)


class CarersAllowanceRule(WeeklyRule[CarersAllowanceClaim]):
    """The Carer's Allowance earnings limit, week by week."""

    benefit: ClassVar[Benefit] = Benefit.CARERS_ALLOWANCE
    counts_for_universal_credit: ClassVar[bool] = True

    def weeks(self, claim: CarersAllowanceClaim) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return claim.weeks

    def weekly_amount(self, claim: CarersAllowanceClaim, day: dt.date, ctx: Context) -> Decimal:
        """The weekly award: the one on the statement, else the published rate."""
        if claim.weekly_award is not None:
            return claim.weekly_award.amount
        return ctx.number("carers_allowance.weekly_rate", day)[0]

    def assess_week(
        self, claim: CarersAllowanceClaim, week: DateRange, income: WeekIncome, ctx: Context
    ) -> PeriodOutcome:
        """No Carer's Allowance for a week whose net earnings exceed the limit."""
        if claim.weekly_award is not None:
            limit, limit_use = ctx.number("carers_allowance.earnings_limit", week.start)
            award = claim.weekly_award.amount
            limit_money, award_money = gbp(limit), gbp(award)
            limit_plus_penny = gbp(limit + PENNY)
            uses: tuple[ParameterUse, ...] = (limit_use,)
        else:
            rates, uses = resolved(ctx, "ca.rates", week.start, _rates)
            limit, award, limit_money, award_money, limit_plus_penny = rates
            limit_use = uses[0]
        base = claim.other_weekly_earnings.amount
        total = base + income.earnings
        lost_already = base > limit
        before = ZERO if lost_already else award
        before_money = NOTHING if lost_already else award_money
        counted = gbp(income.earnings)
        values = {
            "start": week.start,
            "end": week.end,
            "earnings": gbp(total),
            "limit": limit_money,
            "award": award_money,
        }
        if total <= limit:
            found = finding(
                "BEN-CA-EARNINGS-LIMIT",
                Severity.INFO,
                "benefits.ca.within_limit",
                values,
                citations=(sources.CA_EARNINGS,),
                parameters=uses,
            )
            return period_outcome(
                self.benefit, week, before_money, before_money, counted, False, (found,)
            )
        values["over"] = gbp(total - limit)
        found = finding(
            "BEN-CA-EARNINGS-LIMIT",
            Severity.PROBLEM if before else Severity.INFO,
            "benefits.ca.over_limit",
            values,
            citations=(sources.CA_EARNINGS,),
            parameters=uses,
            actions=("benefits.action.ask_carers_allowance_unit",),
        )
        spread = finding(
            "BEN-CA-SPREADING",
            Severity.WARNING,
            "benefits.ca.spreading",
            {
                "amount": counted,
                "limit_plus_penny": limit_plus_penny,
                "weeks": int(income.earnings // (limit + PENNY)) or 1,
            },
            citations=(sources.CA_SPREADING,),
            parameters=(limit_use,),
        )
        return period_outcome(
            self.benefit, week, before_money, NOTHING, counted, before > 0, (found, spread)
        )
