"""Carer's Allowance (Carer Support Payment in Scotland): a weekly cliff edge on net earnings.

The Social Security (Invalid Care Allowance) Regulations 1976, reg. 8(1): a carer is treated
as gainfully employed — and gets no Carer's Allowance — on every day of a benefit week if
their net earnings *in the immediately preceding week* exceeded the earnings limit. So earnings
received in one benefit week cost the allowance of the *next* week. There is no taper: one
penny over the limit loses the whole week. Earnings are net of income tax, National Insurance
and half of pension contributions (Computation of Earnings Regs 1996, reg. 10).

Carer's Allowance is not paid in full alongside another earnings-replacement benefit the
person gets (State Pension, contribution-based ESA): it is reduced by that benefit, and is nil
when the other is as large (Overlapping Benefits Regs 1979, reg. 4). Only what is actually
paid can be lost, and only what is actually paid counts as Universal Credit's unearned income.

In Scotland the allowance has been replaced by Carer Support Payment (Social Security
Scotland), with the same earnings test; from 15 March 2026 a lost week there also loses the
Scottish Carer Supplement paid with it.

Worked example (2025/26, limit £196, rate £83.30, week starting Monday): a £196.01 fee received
on Wednesday 11 June 2025 falls in the week 9–15 June; the allowance of the next week,
16–22 June, is lost.

>>> import datetime as dt
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.engine import assess_payment
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> [(str(o.period), o.cliff) for o in assess_payment(carer, "196.01", "2025-06-11").outcomes]
[('2025-06-16..2025-06-22', True)]
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits.claims import CarersAllowanceClaim
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import PENNY, ZERO, Context, Income, RateReader, finding
from participatory.benefits.outcomes import PeriodOutcome
from participatory.benefits.law import cite_law
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.periods import DateRange

__all__ = ["MESSAGES", "CarersAllowanceRates", "assess_week", "payable", "rates"]

MESSAGES: Final = {
    "benefits.ca.within_limit": (
        "{benefit}, the week {start} to {end}: net earnings of {earnings} in the week before "
        "({earned_start} to {earned_end}) are within the {limit} weekly limit, so {benefit} is "
        "unchanged."
    ),
    "benefits.ca.over_limit": (
        "{benefit}, the week {start} to {end}: net earnings of {earnings} in the week before "
        "({earned_start} to {earned_end}) are over the {limit} weekly limit by {over}. This is a "
        "cliff edge: no {benefit} ({award}) is paid for the week {start} to {end}."
    ),
    "benefits.ca.overlap": (
        "{benefit}, the week {start} to {end}: another earnings-replacement benefit of "
        "{overlapping} a week is paid, so {benefit} of {rate} is reduced to {award} (the "
        "overlapping-benefits rule); only that much can be lost."
    ),
    "benefits.ca.spreading": (
        "A one-off payment of {amount} may be spread by the benefit office over several benefit "
        "weeks rather than counted in one; at {limit_plus_penny} a week it could remove {benefit} "
        "for up to {weeks} weeks. Ask a welfare-rights adviser how it will be treated before it "
        "is paid."
    ),
    "benefits.ca.self_employed": (
        "Self-employed earnings are averaged over a year for {benefit}, not counted in the week "
        "they are received; the week-by-week answer here may overstate the loss. Ask a "
        "welfare-rights adviser."
    ),
    "benefits.ca.scottish_supplement": (
        "In Scotland a week without Carer Support Payment also loses the Scottish Carer "
        "Supplement (and any extra payment for caring for more than one person) for that week."
    ),
    "benefits.ca.legacy_knock_on": (
        "Carer's Allowance counts as income for Income Support, JSA, ESA, Pension Credit "
        "and Housing Benefit, so a lost week may be partly made up by those; this is not "
        "modelled, so the loss shown is the most it could be."
    ),
    "benefits.action.ask_carers_allowance_unit": (
        "Tell the Carer's Allowance Unit about the earnings for that week."
    ),
    "benefits.action.tell_social_security_scotland": (
        "Tell Social Security Scotland about the earnings for that week."
    ),
    "benefits.action.tell_disability_and_carers_service": (
        "Tell the Disability and Carers Service about the earnings for that week."
    ),
}

_ACTIONS: Final = {
    Nation.ENGLAND: "benefits.action.ask_carers_allowance_unit",
    Nation.WALES: "benefits.action.ask_carers_allowance_unit",
    Nation.SCOTLAND: "benefits.action.tell_social_security_scotland",
    Nation.NORTHERN_IRELAND: "benefits.action.tell_disability_and_carers_service",
}
#: The parameters each nation's carer benefit reads.
_PREFIX: Final = {
    Nation.ENGLAND: "carers_allowance",
    Nation.WALES: "carers_allowance",
    Nation.SCOTLAND: "scotland.carer_support_payment",
    Nation.NORTHERN_IRELAND: "northern_ireland.carers_allowance",
}
_NAME: Final = {
    Nation.ENGLAND: "Carer's Allowance",
    Nation.WALES: "Carer's Allowance",
    Nation.SCOTLAND: "Carer Support Payment",
    Nation.NORTHERN_IRELAND: "Carer's Allowance",
}


class CarersAllowanceRates(NamedTuple):
    """The earnings limit and the weekly rate for a week starting on one day."""

    limit: Decimal
    rate: Decimal
    stale: tuple[ParameterUse, ...]


def _reader(prefix: str) -> object:
    def build(read: RateReader) -> CarersAllowanceRates:
        limit = read.number(f"{prefix}.earnings_limit")
        rate = read.number(f"{prefix}.weekly_rate")
        return CarersAllowanceRates(limit, rate, tuple(read.stale))

    return build


_BUILDERS: Final = {nation: _reader(prefix) for nation, prefix in _PREFIX.items()}


def rates(ctx: Context, nation: Nation, day: dt.date) -> CarersAllowanceRates:
    """The carer benefit's rates for the week starting ``day`` in ``nation``."""
    return ctx.rates(_BUILDERS[nation], day)  # type: ignore[arg-type]


def payable(
    claim: CarersAllowanceClaim, overlapping: Money | None, rate: Decimal
) -> Decimal:
    """What is actually paid a week before earnings: the award less any overlapping benefit."""
    award = claim.weekly_award.amount if claim.weekly_award is not None else rate
    if overlapping is not None:
        award = max(ZERO, award - overlapping.amount)
    return award


class Detail(NamedTuple):
    """What the explanation of a carer week quotes."""

    earned_in: DateRange
    total: Decimal
    limit: Decimal
    award: Decimal
    rate: Decimal
    overlapping: Decimal | None
    nation: Nation
    added: Decimal
    self_employed: bool


def assess_week(
    claim: CarersAllowanceClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    *,
    person: str,
    nation: Nation,
    overlapping: Money | None,
    self_employed: bool = False,
) -> PeriodOutcome:
    """The allowance for ``week``, decided by the earnings of the week before (``income``)."""
    found = rates(ctx, nation, week.start)
    award = payable(claim, overlapping, found.rate)
    limit = found.limit
    before = ZERO if income.base > limit else award
    total = income.base + income.added
    after = ZERO if total > limit else award
    earned_in = DateRange(week.start - dt.timedelta(days=7), week.start - dt.timedelta(days=1))
    detail = Detail(
        earned_in,
        total,
        limit,
        award,
        found.rate,
        overlapping.amount if overlapping is not None else None,
        nation,
        income.added,
        self_employed,
    )
    return PeriodOutcome(
        Benefit.CARERS_ALLOWANCE,
        week,
        before,
        after,
        income.added,
        after < before,
        person=person,
        detail=detail,
        explain=(explain_week, (ctx,)),
        # What is paid with regular earnings only: what Universal Credit counts.
        baseline=ZERO if income.regular > limit else award,
    )


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one carer week, from its numbers."""
    d: Detail = outcome.detail  # type: ignore[assignment]
    week = outcome.period
    prefix = _PREFIX[d.nation]
    limit_use = ctx.use(f"{prefix}.earnings_limit", week.start)
    rate_use = ctx.use(f"{prefix}.weekly_rate", week.start)
    name = _NAME[d.nation]
    law = cite_law("carers_allowance.earnings_limit", d.nation)
    values: dict[str, object] = {
        "benefit": name,
        "start": week.start,
        "end": week.end,
        "earned_start": d.earned_in.start,
        "earned_end": d.earned_in.end,
        "earnings": Money(d.total),
        "limit": Money(d.limit),
        "award": Money(d.award),
    }
    found: list[Finding] = []
    if d.overlapping is not None:
        found.append(
            finding(
                "BEN-CA-OVERLAP",
                Severity.INFO,
                "benefits.ca.overlap",
                {
                    "benefit": name,
                    "start": week.start,
                    "end": week.end,
                    "overlapping": Money(d.overlapping),
                    "rate": Money(d.rate),
                    "award": Money(d.award),
                },
                citations=(cite_law("carers_allowance.overlap", d.nation),),
                parameters=(rate_use,),
                subject=outcome.person,
            )
        )
    if d.total <= d.limit:
        found.append(
            finding(
                "BEN-CA-EARNINGS-LIMIT",
                Severity.INFO,
                "benefits.ca.within_limit",
                values,
                citations=(law,),
                parameters=(limit_use, rate_use),
                subject=outcome.person,
            )
        )
        return tuple(found)
    values["over"] = Money(d.total - d.limit)
    found.append(
        finding(
            "BEN-CA-EARNINGS-LIMIT",
            Severity.PROBLEM if outcome.before_amount else Severity.INFO,
            "benefits.ca.over_limit",
            values,
            citations=(law,),
            parameters=(limit_use, rate_use),
            actions=(_ACTIONS[d.nation],),
            subject=outcome.person,
        )
    )
    if d.added > d.limit:
        # Computation of Earnings Regs 1996 reg. 6(2)(b): a payment not made for a period can
        # be spread over weeks at the limit plus a penny, so one payment can cost several.
        found.append(
            finding(
                "BEN-CA-SPREADING",
                Severity.WARNING,
                "benefits.ca.spreading",
                {
                    "benefit": name,
                    "amount": Money(d.added),
                    "limit_plus_penny": Money(d.limit + PENNY),
                    "weeks": int(d.added // (d.limit + PENNY)) or 1,
                },
                citations=(cite_law("carers_allowance.spreading", d.nation),),
                parameters=(limit_use,),
                subject=outcome.person,
            )
        )
    if d.self_employed:
        found.append(
            finding(
                "BEN-CA-SELF-EMPLOYED",
                Severity.WARNING,
                "benefits.ca.self_employed",
                {"benefit": name},
                citations=(cite_law("carers_allowance.self_employed", d.nation),),
                subject=outcome.person,
            )
        )
    if d.nation is Nation.SCOTLAND and outcome.cliff:
        supplement = ctx.use("scotland.carer_support_payment.weekly_supplement_from", week.start)
        if isinstance(supplement.value, dt.date) and week.start >= supplement.value:
            found.append(
                finding(
                    "BEN-CA-SCOTTISH-SUPPLEMENT",
                    Severity.WARNING,
                    "benefits.ca.scottish_supplement",
                    citations=(cite_law("carers_allowance.scottish_supplement", d.nation),),
                    parameters=(supplement,),
                    subject=outcome.person,
                )
            )
    return tuple(found)
