"""Universal Credit: the work allowance, then the 55% taper, per assessment period.

The rules, from the Universal Credit Regulations 2013 (SI 2013/376):

* Earnings count in the **assessment period (AP) in which they are received** (reg. 54(1));
  APs are calendar months from the first date of entitlement (reg. 21).
* A claimant responsible for a child, or with limited capability for work (LCW or LCWRA),
  has a **work allowance** (reg. 22(1)(b)): the lower one if the award includes the housing
  costs element, the higher one otherwise. A joint claim has one allowance.
* The award falls by the **taper** (55%) of earnings above the work allowance, or of all
  earnings without one (reg. 22(1)(b)). Earnings already counted in the AP (a job) use the
  work allowance first.
* Unearned income — Carer's Allowance, new-style ESA and JSA among it (reg. 66(1)(b)) —
  comes off pound for pound, weekly amounts converted × 52 ÷ 12 (reg. 73).
* Uprated figures apply from the first AP **beginning** on or after the uprating day
  (SSAA 1992 s.150(10ZA)-(10ZB)), so every parameter is read on the AP's first day.
* A fraction of a penny goes the claimant's way (reg. 6(1)): deductions round down.

Worked example (2025/26, single, 25+, LCW, no housing costs): work allowance £684; a £700
fee in an AP with no other earnings reduces UC by (700 − 684) × 0.55 = £8.80.

>>> import datetime as dt
>>> from participatory.benefits.circumstances import UniversalCreditClaim, WorkCapability
>>> from participatory.benefits.mechanism import Context
>>> from participatory.core.params import bundled_parameters
>>> claim = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1),
...                              capability=WorkCapability.LCW)
>>> ap = claim.assessment_periods.period_containing(dt.date(2025, 6, 10))
>>> outcome = assess_period(claim, ap, Decimal(700), ctx=Context(bundled_parameters()))
>>> outcome.change
Money('-8.80', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Final

from participatory.benefits import sources
from participatory.benefits.circumstances import (
    AgeBand,
    Benefit,
    UniversalCreditClaim,
    WorkCapability,
)
from participatory.benefits.mechanism import (
    NOTHING,
    ZERO,
    Context,
    finding,
    gbp,
    period_outcome,
    resolved,
    round_in_claimants_favour,
)
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.periods import DateRange, weekly_to_monthly

__all__ = ["assess_period", "capital_findings", "maximum_amount", "work_allowance"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "benefits.uc.within_work_allowance": (
        "Universal Credit, the assessment period {start} to {end}: earnings of {earnings} are "
        "within "
        "the {work_allowance} work allowance, so Universal Credit is unchanged "
        "({headroom} of the allowance is left)."
    ),
    "benefits.uc.taper": (
        "Universal Credit, the assessment period {start} to {end}: earnings of {earnings} are "
        "{excess} over the {work_allowance} work allowance; {taper} of the extra counted "
        "from these payments comes off, a fall of {reduction} (from {before} to {after})."
    ),
    "benefits.uc.no_work_allowance": (
        "Universal Credit, the assessment period {start} to {end}: there is no work allowance "
        "(no "
        "child and no limited capability for work), so {taper} of all earnings comes "
        "off: {earnings} counted, a fall of {reduction} (from {before} to {after})."
    ),
    "benefits.uc.nothing_counted": (
        "Universal Credit, the assessment period {start} to {end}: none of the payments "
        "counts as "
        "earnings, so Universal Credit is unchanged."
    ),
    "benefits.uc.award_nil": (
        "Universal Credit, the assessment period {start} to {end}: the earnings bring the "
        "award to "
        "nothing. The award may end and need a new claim; other help linked to UC may "
        "stop too."
    ),
    "benefits.uc.surplus": (
        "Earnings are about {surplus} above the point where Universal Credit stops, more "
        "than the {threshold} surplus-earnings threshold; the excess may be carried into "
        "a new claim made within six months."
    ),
    "benefits.uc.surplus_unknown": (
        "Earnings are about {surplus} above the point where Universal Credit stops; the "
        "surplus-earnings threshold for this date is not known, so part may be carried "
        "into a new claim made within six months."
    ),
    "benefits.uc.knock_on": (
        "Universal Credit, the assessment period {start} to {end}: {lost} of Carer's "
        "Allowance, ESA "
        "or JSA is lost, which Universal Credit counts pound for pound, so Universal "
        "Credit rises by {increase}, to {after}."
    ),
    "benefits.uc.lcw_threshold": (
        "Earnings of {earnings} in the assessment period reach the {threshold} "
        "limited-capability-for-work threshold (16 hours at the National Living Wage, "
        "monthly). DWP may treat the contributor as not having limited capability for "
        "work if a work capability assessment is due; an existing decision is not "
        "automatically ended. Ask a welfare-rights adviser."
    ),
    "benefits.uc.award_computed": (
        "The Universal Credit award was worked out from the circumstances: maximum "
        "amount {maximum} less {unearned} unearned income and {deduction} for other "
        "earnings. Give the award from the latest statement for a firmer answer."
    ),
    "benefits.uc.two_child_limit": (
        "The award was worked out with a child element for every child; the two-child "
        "limit may apply. Give the award from the latest statement instead."
    ),
    "benefits.uc.capital_tariff": (
        "If the gift of {gift} is kept, capital rises from {before} to {after}, above "
        "the {lower} lower limit: Universal Credit assumes {tariff} a month of income "
        "from it."
    ),
    "benefits.uc.capital_upper": (
        "If the gift of {gift} is kept, capital rises to {after}, above the {upper} "
        "limit: no Universal Credit while it stays above. Ask a welfare-rights adviser."
    ),
    "benefits.action.report_uc_journal": (
        "Report the payment in the Universal Credit journal in the assessment period it "
        "is received (payroll earnings reach DWP through HMRC automatically)."
    ),
}

_STANDARD: Final = {
    (False, AgeBand.UNDER_25): "universal_credit.standard_allowance.single_under_25",
    (False, AgeBand.AGE_25_OR_OVER): "universal_credit.standard_allowance.single_25_or_over",
    (True, AgeBand.UNDER_25): "universal_credit.standard_allowance.couple_under_25",
    (True, AgeBand.AGE_25_OR_OVER): "universal_credit.standard_allowance.couple_25_or_over",
}


#: The taper and work allowances for one AP start, with what the findings quote of them
#: (the taper as a percentage, the allowances as Money), made once per parameter set and
#: day rather than once per assessment period of every contributor.
_CoreRates = tuple[Decimal, Decimal, Decimal, str, Money, Money]


def _core_rates(ctx: Context, day: dt.date) -> tuple[_CoreRates, tuple[ParameterUse, ...]]:
    taper, taper_use = ctx.number("universal_credit.taper_rate", day)
    lower, lower_use = ctx.number("universal_credit.work_allowance.lower", day)
    higher, higher_use = ctx.number("universal_credit.work_allowance.higher", day)
    rates = (taper, lower, higher, f"{taper * 100:.0f}%", gbp(lower), gbp(higher))
    return rates, (taper_use, lower_use, higher_use)


def _allowance(
    claim: UniversalCreditClaim, rates: _CoreRates, uses: tuple[ParameterUse, ...]
) -> tuple[Decimal, Money, tuple[ParameterUse, ...]]:
    """The work allowance (as a Decimal and as Money) and the parameter it reads, if any."""
    if not claim.has_work_allowance:
        return ZERO, NOTHING, ()
    if claim.housing_costs_element:
        return rates[1], rates[4], (uses[1],)
    return rates[2], rates[5], (uses[2],)


def work_allowance(
    claim: UniversalCreditClaim, day: dt.date, ctx: Context
) -> tuple[Decimal, tuple[ParameterUse, ...]]:
    """The work allowance for an AP starting on ``day`` (zero if not eligible)."""
    if not claim.has_work_allowance:
        return ZERO, ()
    rates, uses = resolved(ctx, "uc.core", day, _core_rates)
    allowance, _money, allowance_uses = _allowance(claim, rates, uses)
    return allowance, allowance_uses


def maximum_amount(
    claim: UniversalCreditClaim, day: dt.date, ctx: Context
) -> tuple[Decimal, tuple[ParameterUse, ...]]:
    """The maximum amount: standard allowance plus elements plus housing (reg. 36)."""
    total, use = ctx.number(_STANDARD[(claim.couple, claim.age_band)], day)
    uses = [use]
    if claim.children:
        first_name = (
            "universal_credit.child_element.first_child_born_before_2017_04_06"
            if claim.first_child_born_before_2017_04_06
            else "universal_credit.child_element.other"
        )
        first, first_use = ctx.number(first_name, day)
        uses.append(first_use)
        total += first
        if claim.children > 1:
            other, other_use = ctx.number("universal_credit.child_element.other", day)
            uses.append(other_use)
            total += other * (claim.children - 1)
    if claim.capability is WorkCapability.LCWRA:
        name = "universal_credit.lcwra_element"
        new_rate = "universal_credit.lcwra_element_new_claim_2026"
        if claim.lcwra_new_claim_rate and day >= ctx.parameters[new_rate].covered_from:
            name = new_rate
        value, lcwra_use = ctx.number(name, day)
        uses.append(lcwra_use)
        total += value
    if claim.carer_element:
        value, carer_use = ctx.number("universal_credit.carer_element", day)
        uses.append(carer_use)
        total += value
    if claim.housing_amount is not None:
        total += claim.housing_amount.amount
    return total, tuple(uses)


def _tariff_income(
    capital: Decimal, day: dt.date, ctx: Context
) -> tuple[Decimal, tuple[ParameterUse, ...]]:
    lower, lower_use = ctx.number("universal_credit.capital.lower_limit", day)
    if capital <= lower:
        return ZERO, (lower_use,)
    step, step_use = ctx.number("universal_credit.capital.tariff_step", day)
    per_step, per_use = ctx.number("universal_credit.capital.tariff_income_per_step", day)
    # A part step counts as a whole one (reg. 72(1)).
    steps = ((capital - lower) / step).to_integral_value(rounding=ROUND_CEILING)
    return steps * per_step, (lower_use, step_use, per_use)


def _deduction(earnings: Decimal, allowance: Decimal, taper: Decimal) -> Decimal:
    return round_in_claimants_favour(max(ZERO, earnings - allowance) * taper)


#: ``round_in_claimants_favour(weekly_to_monthly(ZERO))``: no weekly unearned income,
#: already rounded to the penny (the exponent matters: it shows in the figures quoted).
_NO_MONTHLY_UNEARNED: Final = Decimal("0.00")


def assess_period(
    claim: UniversalCreditClaim,
    period: DateRange,
    counted: Decimal,
    *,
    ctx: Context,
    weekly_unearned: Decimal = ZERO,
    unearned_lost: Decimal = ZERO,
    disability_benefit: bool = False,
) -> PeriodOutcome:
    """Universal Credit for one AP before and after ``counted`` earnings are received.

    ``weekly_unearned`` is the weekly total of benefits UC counts as unearned income
    (Carer's Allowance, new-style ESA/JSA); ``unearned_lost`` is how much of them the
    payments remove in this AP (the knock-on effect).
    """
    day = period.start
    rates, core_uses = resolved(ctx, "uc.core", day, _core_rates)
    taper = rates[0]
    taper_use = core_uses[0]
    allowance, allowance_money, allowance_uses = _allowance(claim, rates, core_uses)
    e0 = claim.other_earnings.amount
    e1 = e0 + counted
    d0 = _deduction(e0, allowance, taper)
    d1 = _deduction(e1, allowance, taper)
    findings: list[Finding] = []
    uses = (taper_use, *allowance_uses)
    if claim.current_award is not None:
        before = claim.current_award.amount
        uncapped_after = before - (d1 - d0) + unearned_lost
    else:
        maximum, max_uses = maximum_amount(claim, day, ctx)
        unearned = claim.other_unearned_income.amount
        unearned += (
            round_in_claimants_favour(weekly_to_monthly(weekly_unearned))
            if weekly_unearned
            else _NO_MONTHLY_UNEARNED
        )
        if claim.capital is not None:
            tariff, _ = _tariff_income(claim.capital.amount, day, ctx)
            unearned += tariff
        before = max(ZERO, maximum - d0 - unearned)
        uncapped_after = maximum - d1 - (unearned - unearned_lost)
        findings.append(
            finding(
                "BEN-UC-AWARD-COMPUTED",
                Severity.INFO,
                "benefits.uc.award_computed",
                {"maximum": gbp(maximum), "unearned": gbp(unearned), "deduction": gbp(d0)},
                citations=(sources.CPAG_UC_RATES,),
                parameters=max_uses,
            )
        )
        if claim.children > 2:
            findings.append(
                finding("BEN-UC-TWO-CHILD-LIMIT", Severity.WARNING, "benefits.uc.two_child_limit")
            )
    after = max(ZERO, uncapped_after)
    reduction = d1 - d0
    before_money = gbp(before)
    values: dict[str, object] = {
        "start": period.start,
        "end": period.end,
        "earnings": gbp(e1),
        "work_allowance": allowance_money,
        "taper": rates[3],
        "reduction": gbp(min(reduction, before)),
        "before": before_money,
        "after": gbp(max(ZERO, before - reduction)),
    }
    actions = ("benefits.action.report_uc_journal",)
    if counted == 0:
        if unearned_lost == 0:
            findings.append(
                finding(
                    "BEN-UC-NOTHING-COUNTED",
                    Severity.INFO,
                    "benefits.uc.nothing_counted",
                    values,
                    citations=(sources.UC_EARNINGS_IN_PERIOD,),
                )
            )
    elif not claim.has_work_allowance:
        findings.append(
            finding(
                "BEN-UC-TAPER",
                Severity.WARNING if reduction else Severity.INFO,
                "benefits.uc.no_work_allowance",
                values,
                citations=(sources.UC_TAPER, sources.UC_EARNINGS_IN_PERIOD, sources.UC_ROUNDING),
                parameters=uses,
                actions=actions,
            )
        )
    elif e1 <= allowance:
        values["headroom"] = gbp(allowance - e1)
        findings.append(
            finding(
                "BEN-UC-WORK-ALLOWANCE",
                Severity.INFO,
                "benefits.uc.within_work_allowance",
                values,
                citations=(sources.UC_WORK_ALLOWANCE, sources.UC_EARNINGS_IN_PERIOD),
                parameters=uses,
                actions=actions,
            )
        )
    else:
        values["excess"] = gbp(e1 - allowance)
        findings.append(
            finding(
                "BEN-UC-TAPER",
                Severity.WARNING if reduction else Severity.INFO,
                "benefits.uc.taper",
                values,
                citations=(
                    sources.UC_WORK_ALLOWANCE,
                    sources.UC_TAPER,
                    sources.UC_EARNINGS_IN_PERIOD,
                    sources.UC_ROUNDING,
                ),
                parameters=uses,
                actions=actions,
            )
        )
    if unearned_lost:
        findings.append(
            finding(
                "BEN-UC-KNOCK-ON",
                Severity.INFO,
                "benefits.uc.knock_on",
                {
                    "start": period.start,
                    "end": period.end,
                    "lost": gbp(unearned_lost),
                    "increase": gbp(after - max(ZERO, before - reduction)),
                    "after": gbp(after),
                },
                citations=(sources.UC_UNEARNED,),
            )
        )
    if before > 0 and uncapped_after <= 0 and counted > 0:
        findings.append(
            finding(
                "BEN-UC-AWARD-NIL",
                Severity.WARNING,
                "benefits.uc.award_nil",
                {"start": period.start, "end": period.end},
                citations=(sources.UC_SURPLUS,),
            )
        )
        findings.append(_surplus(-uncapped_after / taper, day, ctx))
    if counted and claim.capability is not WorkCapability.NONE and not disability_benefit:
        findings.extend(_lcw_threshold(e0, e1, day, ctx))
    return period_outcome(
        Benefit.UNIVERSAL_CREDIT,
        period,
        before_money,
        gbp(after),
        gbp(counted),
        False,
        tuple(findings),
    )


def _surplus(surplus: Decimal, day: dt.date, ctx: Context) -> Finding:
    values: dict[str, object] = {"surplus": gbp(round_in_claimants_favour(surplus))}
    try:
        threshold, use = ctx.number("universal_credit.surplus_earnings.relevant_threshold", day)
    except ParametersNotAvailable:
        # The threshold after 31 March 2026 is not known: say so rather than stop the check.
        return finding(
            "BEN-UC-SURPLUS-EARNINGS",
            Severity.WARNING,
            "benefits.uc.surplus_unknown",
            values,
            citations=(sources.UC_SURPLUS,),
        )
    values["threshold"] = gbp(threshold)
    severity = Severity.WARNING if surplus > threshold else Severity.INFO
    return finding(
        "BEN-UC-SURPLUS-EARNINGS",
        severity,
        "benefits.uc.surplus",
        values,
        citations=(sources.UC_SURPLUS,),
        parameters=(use,),
    )


def _lcw_rates(ctx: Context, day: dt.date) -> tuple[Decimal, tuple[ParameterUse, ...]]:
    hours, hours_use = ctx.number("universal_credit.lcw_earnings_threshold_hours", day)
    wage, wage_use = ctx.number("national_living_wage.hourly_rate", day)
    return weekly_to_monthly(hours * wage), (hours_use, wage_use)


def _lcw_threshold(e0: Decimal, e1: Decimal, day: dt.date, ctx: Context) -> list[Finding]:
    threshold, (hours_use, wage_use) = resolved(ctx, "uc.lcw", day, _lcw_rates)
    if not e0 < threshold <= e1:
        return []
    return [
        finding(
            "BEN-UC-LCW-EARNINGS-THRESHOLD",
            Severity.WARNING,
            "benefits.uc.lcw_threshold",
            {"earnings": gbp(e1), "threshold": gbp(threshold.quantize(Decimal("0.01")))},
            citations=(sources.UC_LCW_THRESHOLD,),
            parameters=(hours_use, wage_use),
        )
    ]


def capital_findings(
    claim: UniversalCreditClaim, gifts: Decimal, day: dt.date, ctx: Context
) -> tuple[Finding, ...]:
    """What keeping gifts as capital would do, when the claim's capital is known."""
    if claim.capital is None or gifts <= 0:
        return ()
    before = claim.capital.amount
    after = before + gifts
    upper, upper_use = ctx.number("universal_credit.capital.upper_limit", day)
    values: dict[str, object] = {
        "gift": gbp(gifts),
        "before": gbp(before),
        "after": gbp(after),
        "upper": gbp(upper),
    }
    if after > upper:
        return (
            finding(
                "BEN-GIFT-CAPITAL",
                Severity.PROBLEM,
                "benefits.uc.capital_upper",
                values,
                citations=(sources.UC_CAPITAL,),
                parameters=(upper_use,),
            ),
        )
    tariff_before, _ = _tariff_income(before, day, ctx)
    tariff_after, uses = _tariff_income(after, day, ctx)
    if tariff_after == tariff_before:
        return ()
    lower, _ = ctx.number("universal_credit.capital.lower_limit", day)
    values.update(lower=gbp(lower), tariff=gbp(tariff_after))
    return (
        finding(
            "BEN-GIFT-CAPITAL",
            Severity.WARNING,
            "benefits.uc.capital_tariff",
            values,
            citations=(sources.UC_CAPITAL,),
            parameters=uses,
        ),
    )
