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
paid can be lost. Universal Credit counts the allowance the person is entitled to as unearned
income, at the rate on an assessment period's last day, for the whole period (UC Regs 2013
regs. 66 and 73; D&A Regs 2013 Sch. 1 para. 31).

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
from collections.abc import Callable
from typing import Final, NamedTuple

from participatory.benefits.claims import CarersAllowanceClaim
from participatory.benefits.kinds import Benefit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import Context, Income, RateReader, finding, pounds
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.errors import UnsupportedCase
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.pennies import to_pennies
from participatory.core.periods import DateRange

__all__ = ["MESSAGES", "CarersAllowanceRates", "assess_week", "explain_week", "payable", "rates"]

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
    "benefits.ca.spreading": {
        "by": "weeks",
        "one": (
            "A one-off payment of {amount} may be spread by the benefit office over several "
            "benefit weeks rather than counted in one; at {limit_plus_penny} a week it could "
            "remove {benefit} for up to {weeks} week. Ask a welfare-rights adviser how it will "
            "be treated before it is paid."
        ),
        "other": (
            "A one-off payment of {amount} may be spread by the benefit office over several "
            "benefit weeks rather than counted in one; at {limit_plus_penny} a week it could "
            "remove {benefit} for up to {weeks} weeks. Ask a welfare-rights adviser how it will "
            "be treated before it is paid."
        ),
    },
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
        "Carer's Allowance counts as income for Housing Benefit, so a lost week may be "
        "partly made up by it. This check counts a lost week only against the earnings in a "
        "Housing Benefit week the payments fall in, and never lifts Housing Benefit above "
        "its award, so the loss shown may be more than it will be: the council decides."
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
    """The earnings limit and the weekly rate (whole pennies) for a week starting on one day.

    ``rate`` is ``None`` where the library has no published rate for the nation (Northern
    Ireland): the award must then come from the letter.
    """

    limit: int
    rate: int | None
    stale: tuple[ParameterUse, ...]


def _reader(prefix: str) -> Callable[[RateReader], CarersAllowanceRates]:
    def build(read: RateReader) -> CarersAllowanceRates:
        limit = read.pennies(f"{prefix}.earnings_limit")
        name = f"{prefix}.weekly_rate"
        rate = read.pennies(name) if name in read.parameters else None
        return CarersAllowanceRates(limit, rate, tuple(read.stale))

    return build


# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_SCOTLAND: Final = Nation.SCOTLAND
_NI: Final = Nation.NORTHERN_IRELAND
_CARERS_ALLOWANCE: Final = Benefit.CARERS_ALLOWANCE

_WEEK: Final = dt.timedelta(days=7)
_DAY: Final = dt.timedelta(days=1)
_GREAT_BRITAIN: Final = _reader("carers_allowance")
_BUILDERS: Final = {
    Nation.ENGLAND: _GREAT_BRITAIN,
    Nation.WALES: _GREAT_BRITAIN,
    Nation.SCOTLAND: _reader(_PREFIX[Nation.SCOTLAND]),
    Nation.NORTHERN_IRELAND: _reader(_PREFIX[Nation.NORTHERN_IRELAND]),
}
_SCOTTISH: Final = _BUILDERS[Nation.SCOTLAND]
_NORTHERN_IRISH: Final = _BUILDERS[Nation.NORTHERN_IRELAND]


def rates(ctx: Context, nation: Nation, day: dt.date) -> CarersAllowanceRates:
    """The carer benefit's rates for the week starting ``day`` in ``nation``."""
    found: CarersAllowanceRates = ctx.records[_BUILDERS[nation], day]
    return found


def payable(claim: CarersAllowanceClaim, overlapping: Money | None, rate: int | None) -> int:
    """What is actually paid a week (pennies) before earnings: the award less any overlap."""
    award = claim.award_pennies
    if award is None:
        if rate is None:
            raise UnsupportedCase(
                "a Carer's Allowance award without the weekly amount in Northern Ireland",
                instead="give weekly_award from the award letter",
            )
        award = rate
    if overlapping is not None:
        award = max(0, award - to_pennies(overlapping.amount))
    return award


#: What the explanation of a carer week quotes: the week's earnings, the limit, the award,
#: the published rate and any overlapping benefit (pennies), the nation, the payments' part
#: of the earnings, and whether any was self-employed.
_Detail = tuple[int, int, int, int, int | None, Nation, int, bool]


def assess_week(
    claim: CarersAllowanceClaim,
    week: DateRange,
    income: Income,
    ctx: Context,
    person: str,
    nation: Nation,
    overlapping: Money | None,
    self_employed: bool = False,
) -> PeriodNumbers:
    """The allowance for ``week``, decided by the earnings of the week before (``income``)."""
    # Chosen by identity: a look-up keyed by the nation would hash it in Python every week.
    if nation is _SCOTLAND:
        build = _SCOTTISH
    elif nation is _NI:
        build = _NORTHERN_IRISH
    else:
        build = _GREAT_BRITAIN
    found: CarersAllowanceRates = ctx.records[build, week.start]
    award = claim.award_pennies
    if award is None:
        award = found.rate
    if award is None or overlapping is not None:
        award = payable(claim, overlapping, found.rate)
    limit = found.limit
    base = income.regular + income.already
    total = base + income.added
    before = 0 if base > limit else award
    after = 0 if total > limit else award
    # What the explanation quotes: (total, limit, award, rate, overlapping, nation, added,
    # self-employed), in pennies.
    detail = (
        total,
        limit,
        award,
        award if found.rate is None else found.rate,
        None if overlapping is None else to_pennies(overlapping.amount),
        nation,
        income.added,
        self_employed,
    )
    return period_numbers(
        (
            _CARERS_ALLOWANCE,
            week,
            before,
            after,
            income.added,
            after < before,
            person,
            # What is paid with regular earnings only: what Universal Credit counts.
            0 if income.regular > limit else award,
            detail,
            explain_week,
        )
    )


def explain_week(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one carer week, from its numbers."""
    detail: _Detail = outcome.detail  # type: ignore[assignment]
    total, limit, award, rate, overlapping, nation, added, self_employed = detail
    week = outcome.period
    prefix = _PREFIX[nation]
    limit_use = ctx.use(f"{prefix}.earnings_limit", week.start)
    rate_name = f"{prefix}.weekly_rate"
    rate_uses = (ctx.use(rate_name, week.start),) if rate_name in ctx.parameters else ()
    name = _NAME[nation]
    law = cite_law("carers_allowance.earnings_limit", nation)
    earned_in = DateRange(week.start - _WEEK, week.start - _DAY)
    values: dict[str, object] = {
        "benefit": name,
        "start": week.start,
        "end": week.end,
        "earned_start": earned_in.start,
        "earned_end": earned_in.end,
        "earnings": pounds(total),
        "limit": pounds(limit),
        "award": pounds(award),
    }
    found: list[Finding] = []
    if overlapping is not None:
        found.append(
            finding(
                "BEN-CA-OVERLAP",
                Severity.INFO,
                "benefits.ca.overlap",
                {
                    "benefit": name,
                    "start": week.start,
                    "end": week.end,
                    "overlapping": pounds(overlapping),
                    "rate": pounds(rate),
                    "award": pounds(award),
                },
                citations=(cite_law("carers_allowance.overlap", nation),),
                parameters=rate_uses,
                subject=outcome.person,
            )
        )
    if total <= limit:
        found.append(
            finding(
                "BEN-CA-EARNINGS-LIMIT",
                Severity.INFO,
                "benefits.ca.within_limit",
                values,
                citations=(law,),
                parameters=(limit_use, *rate_uses),
                subject=outcome.person,
            )
        )
        return tuple(found)
    values["over"] = pounds(total - limit)
    found.append(
        finding(
            "BEN-CA-EARNINGS-LIMIT",
            Severity.PROBLEM if outcome.before_pennies else Severity.INFO,
            "benefits.ca.over_limit",
            values,
            citations=(law,),
            parameters=(limit_use, *rate_uses),
            actions=(_ACTIONS[nation],),
            subject=outcome.person,
        )
    )
    if added > limit:
        # Computation of Earnings Regs 1996 reg. 6(2)(b): a payment not made for a period can
        # be spread over weeks at the limit plus a penny, so one payment can cost several.
        found.append(
            finding(
                "BEN-CA-SPREADING",
                Severity.WARNING,
                "benefits.ca.spreading",
                {
                    "benefit": name,
                    "amount": pounds(added),
                    "limit_plus_penny": pounds(limit + 1),
                    "weeks": added // (limit + 1) or 1,
                },
                citations=(cite_law("carers_allowance.spreading", nation),),
                parameters=(limit_use,),
                subject=outcome.person,
            )
        )
    if self_employed:
        found.append(
            finding(
                "BEN-CA-SELF-EMPLOYED",
                Severity.WARNING,
                "benefits.ca.self_employed",
                {"benefit": name},
                citations=(cite_law("carers_allowance.self_employed", nation),),
                subject=outcome.person,
            )
        )
    if nation is Nation.SCOTLAND and outcome.cliff:
        supplement = ctx.use("scotland.carer_support_payment.weekly_supplement_from", week.start)
        if isinstance(supplement.value, dt.date) and week.start >= supplement.value:
            found.append(
                finding(
                    "BEN-CA-SCOTTISH-SUPPLEMENT",
                    Severity.WARNING,
                    "benefits.ca.scottish_supplement",
                    citations=(cite_law("carers_allowance.scottish_supplement", nation),),
                    parameters=(supplement,),
                    subject=outcome.person,
                )
            )
    return tuple(found)
