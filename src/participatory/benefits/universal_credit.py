"""Universal Credit: a household's maximum amount, less earnings over the work allowance at 55%.

The rules, from the Universal Credit Regulations 2013 (SI 2013/376; in Northern Ireland the
Universal Credit Regulations (Northern Ireland) 2016, the same arithmetic):

* The **maximum amount** (reg. 36) is the standard allowance (single or joint; the 25-or-over
  rate for a couple if either is 25 or over), a child element for each child or qualifying
  young person (the higher first-child rate where the eldest was born before 6 April 2017; no
  element for a third or later child born on or after that day while the two-child limit was
  in force, unless an exception applies), a disabled child addition for each disabled child,
  the LCWRA element once (to the member with limited capability for work and work-related
  activity), a carer element for each member who cares for a severely disabled person — but
  never both the LCWRA and the carer element for the *same* person (reg. 29(4)) — and the
  housing costs element.
* Earnings count in the **assessment period (AP) in which they are received** (reg. 54(1)),
  net of the income tax and National Insurance paid (reg. 55(5)); a couple's earnings are
  combined (reg. 22(1)(b)). A household with a child or a member with limited capability for
  work has one **work allowance** (reg. 22(2)), lower with housing costs; earnings above it (all
  earnings without one) come off at the **taper** (55%).
* Unearned income — Carer's Allowance, new-style ESA and JSA to which a member is entitled
  (reg. 66(1)(b)) — comes off pound for pound as a monthly amount, weekly amounts converted
  × 52 ÷ 12 (reg. 73). A change in that entitlement takes effect from the first day of the AP
  in which it happens (D&A Regs 2013 Sch. 1 para. 31), so an AP counts a whole month of the
  rate on its **last** day: a week lost and resumed inside an AP leaves UC unchanged, and a
  week lost across an AP's last day raises UC by the monthly equivalent of that week's amount
  (£83.30 of Carer's Allowance: £360.97). Northern Ireland counts a part of an AP by its days
  (the NI Regs' reg. 73(3)); there the library takes the lost week's amount off the AP in
  which the week ends.
* Capital above £6,000 counts as £4.35 a month for each £250 or part (reg. 72); capital
  above £16,000 ends entitlement (reg. 18). A gift is not income but, kept, is capital from
  the day it is received: where the household's capital is known, the figures count each
  gift received in an AP as held to that AP's end, and a rise in capital takes effect from
  the AP's first day (D&A Regs 2013 Sch. 1 para. 20), so a gift that takes capital past a
  limit changes the whole AP's award.
* Uprated figures apply from the first AP **beginning** on or after the uprating day
  (SSAA 1992 s.150(10ZA)-(10ZB)), so every figure is read on the AP's first day.
* A change of circumstances takes effect from the first day of the AP in which it occurs
  (D&A Regs 2013 Sch. 1 para. 20), so the children and young persons counted in an AP are
  those the household is responsible for on its **last** day: a baby born during the AP
  counts for all of it, and a young person who stops counting on 1 September during the
  AP counts for none of it. This assumes each change is reported within the AP it happens
  in (a later report of a change that raises the award takes effect later, para. 21).
* Amounts are rounded to the nearest penny (reg. 6(1), as the library reads it).

Worked example (2025/26, single, 25+, LCW, no housing costs): work allowance £684; a £700
fee in an AP with no other earnings reduces UC by (700 − 684) × 0.55 = £8.80.

>>> import datetime as dt
>>> from participatory.benefits.claims import UniversalCreditClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.engine import assess_payment
>>> home = Household(people=[Person(capability=WorkCapability.LCW)],
...     universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)))
>>> assess_payment(home, "700.00", "2025-06-10").change(Benefit.UNIVERSAL_CREDIT)
Money('-8.80', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final, NamedTuple

from participatory.benefits import benefit_cap
from participatory.benefits.household import (
    CapitalHolding,
    CapitalKind,
    ChildDisability,
    Household,
    Profile,
)
from participatory.benefits.kinds import AgeBand, Benefit, WorkCapability
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import (
    Context,
    RateReader,
    Ratio,
    finding,
    pounds,
)
from participatory.benefits.outcomes import PeriodNumbers, PeriodOutcome, period_numbers
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Finding, ParameterUse, Phrase, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.pennies import round_half_up, to_pennies
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT
from participatory.core.record import SlottedRecord
from participatory.core.sources import Citation

__all__ = [
    "MESSAGES",
    "DisabledChildRate",
    "Elements",
    "Gifts",
    "Knock",
    "Numbers",
    "UniversalCreditRates",
    "assess_period",
    "before_claim_finding",
    "counted_capital",
    "elements",
    "explain_period",
    "gift_findings",
    "maximum_amount",
    "not_made_up_finding",
    "numbers",
    "rates",
    "tariff_income",
]

MESSAGES: Final = {
    "benefits.uc.before_claim": {
        "by": "count",
        "one": (
            "{count} payment received before the Universal Credit claim began on {first} falls "
            "in no assessment period, so it is not counted as earnings for Universal Credit. "
            "If the claim's start date changes (a backdated claim), check again."
        ),
        "other": (
            "{count} payments received before the Universal Credit claim began on {first} fall "
            "in no assessment period, so they are not counted as earnings for Universal "
            "Credit. If the claim's start date changes (a backdated claim), check again."
        ),
    },
    "benefits.uc.within_work_allowance": (
        "Universal Credit, the assessment period {start} to {end}: earnings of {earnings} are "
        "within the {work_allowance} work allowance, so Universal Credit is unchanged "
        "({headroom} of the allowance is left)."
    ),
    "benefits.uc.taper": (
        "Universal Credit, the assessment period {start} to {end}: earnings of {earnings} are "
        "{excess} over the {work_allowance} work allowance; {taper} of the extra counted "
        "from these payments comes off, a fall of {reduction} (from {before} to {after})."
    ),
    "benefits.uc.no_work_allowance": (
        "Universal Credit, the assessment period {start} to {end}: there is no work allowance "
        "(no child and no limited capability for work), so {taper} of all earnings comes "
        "off: {earnings} counted, a fall of {reduction} (from {before} to {after})."
    ),
    "benefits.uc.nothing_counted": (
        "Universal Credit, the assessment period {start} to {end}: none of the payments "
        "counts as earnings, so Universal Credit is unchanged."
    ),
    "benefits.uc.award_nil": (
        "Universal Credit, the assessment period {start} to {end}: the earnings bring the "
        "award to nothing. The award may end and need a new claim; other help linked to UC may "
        "stop too."
    ),
    "benefits.uc.surplus": (
        "Earnings are about {surplus} above the point where Universal Credit stops, more "
        "than the {threshold} surplus-earnings threshold; the excess may be carried into "
        "a new claim made within {months} months."
    ),
    "benefits.uc.surplus_unknown": (
        "Earnings are about {surplus} above the point where Universal Credit stops; the "
        "surplus-earnings threshold for this date is not known, so part may be carried "
        "into a new claim."
    ),
    "benefits.uc.knock_on": (
        "Universal Credit, the assessment period {start} to {end}: {lost} of Carer's "
        "Allowance, ESA or JSA is lost, which Universal Credit counts pound for pound, so "
        "Universal Credit rises by {increase}, to {after}."
    ),
    "benefits.uc.knock_on_month": (
        "Universal Credit, the assessment period {start} to {end}: the Carer's Allowance, "
        "ESA or JSA it counts falls by {lost}, the monthly amount of what is lost in the week "
        "that takes in the period's last day (the rate the person is entitled to on that day "
        "counts for the whole period), so Universal Credit rises by {increase}, to {after}."
    ),
    "benefits.uc.not_made_up": (
        "Universal Credit, the assessment period {start} to {end}: it does not make up the "
        "{lost} of Carer's Allowance, ESA or JSA lost in the week {week_start} to "
        "{week_end}. Universal Credit counts these benefits at the rate the person is "
        "entitled to on the period's last day, for the whole period, and by that day they "
        "are paid again."
    ),
    "benefits.uc.lcw_threshold": (
        "Earnings of {earnings} in the assessment period reach the {threshold} "
        "limited-capability-for-work threshold (16 hours at the National Living Wage, "
        "monthly). DWP may treat the person as not having limited capability for "
        "work if a work capability assessment is due; an existing decision is not "
        "automatically ended. Ask a welfare-rights adviser."
    ),
    "benefits.uc.award_computed": (
        "The Universal Credit award was worked out from the household: maximum "
        "amount {maximum} less {unearned} unearned income and {deduction} for other "
        "earnings. Give the award from the latest statement for a firmer answer."
    ),
    "benefits.uc.elements": (
        "The maximum amount of {maximum} is the {standard} standard allowance{children}"
        "{disabled}{lcwra}{carers}{housing}."
    ),
    # The optional parts of benefits.uc.elements, each only when the award has it.
    "benefits.uc.elements.children": "; child elements: {amounts}",
    "benefits.uc.elements.disabled": "; disabled child additions: {amounts}",
    "benefits.uc.elements.lcwra": "; the LCWRA element: {amounts}",
    "benefits.uc.elements.carers": "; carer elements: {amounts}",
    "benefits.uc.elements.housing": "; housing costs: {amounts}",
    "benefits.uc.carer_and_lcwra": (
        "One person has limited capability for work and work-related activity and also "
        "cares for someone: the same person cannot have both the LCWRA and the carer "
        "element, so only the LCWRA element is included for them."
    ),
    "benefits.uc.two_child_limit": {
        "by": "excluded",
        "one": (
            "The two-child limit applies in this assessment period: {excluded} child element "
            "is not included. A child born before 6 April 2017, or one the limit does not "
            "count (a multiple birth, adoption, kinship care, non-consensual conception), "
            "still gets one."
        ),
        "other": (
            "The two-child limit applies in this assessment period: {excluded} child elements "
            "are not included. A child born before 6 April 2017, or one the limit does not "
            "count (a multiple birth, adoption, kinship care, non-consensual conception), "
            "still gets one."
        ),
    },
    "benefits.uc.capital_over_limit": (
        "Universal Credit, the assessment period {start} to {end}: the capital the rules count "
        "({capital}) is above the {upper} limit, so there is no entitlement to Universal "
        "Credit while it stays above; the payment changes nothing here."
    ),
    "benefits.uc.capital_over_limit_award": (
        "A Universal Credit award is shown, but the capital given ({capital}) is above the "
        "{upper} limit: check the capital figures with the claimant."
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
    "benefits.uc.scottish_child_payment": (
        "Scottish Child Payment ({rate} a week for each child under 16) is paid because of "
        "Universal Credit: if the award ends, Scottish Child Payment may stop too. Tell "
        "Social Security Scotland and ask a welfare-rights adviser."
    ),
    "benefits.uc.northern_ireland": (
        "In Northern Ireland Universal Credit is paid under Northern Ireland's own regulations "
        "(the Department for Communities), with the same amounts as in Great Britain so far: "
        "the figures here are the published Great Britain ones, on that footing."
    ),
    "benefits.action.report_uc_journal": (
        "Report the payment in the Universal Credit journal in the assessment period it "
        "is received (payroll earnings reach DWP through HMRC automatically)."
    ),
    **benefit_cap.CAP_MESSAGES,
}

# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_UNIVERSAL_CREDIT: Final = Benefit.UNIVERSAL_CREDIT
_LOWER_RATE: Final = ChildDisability.LOWER
_HIGHER_RATE: Final = ChildDisability.HIGHER


class UniversalCreditRates(SlottedRecord):
    """Every Universal Credit figure for an assessment period starting on one day.

    Amounts are whole pennies; the taper is a ratio of whole numbers. Published figures
    only, so the repr shows them.
    """

    # In the order of the constructor's parameters (the fields' order), not sorted.
    __slots__ = (  # noqa: RUF023
        "taper",
        "work_allowance_lower",
        "work_allowance_higher",
        "single_under_25",
        "single_25_or_over",
        "couple_under_25",
        "couple_25_or_over",
        "child_first_higher",
        "child_other",
        "lcwra",
        "lcwra_new_claim",
        "carer",
        "two_child_limit",
        "capital_lower",
        "capital_upper",
        "tariff_step",
        "tariff_per_step",
        "stale",
    )

    taper: Final[Ratio]
    work_allowance_lower: Final[int]
    work_allowance_higher: Final[int]
    single_under_25: Final[int]
    single_25_or_over: Final[int]
    couple_under_25: Final[int]
    couple_25_or_over: Final[int]
    child_first_higher: Final[int]
    child_other: Final[int]
    lcwra: Final[int]
    #: The lower LCWRA rate for new claims from 6 April 2026 (``None`` before it existed).
    lcwra_new_claim: Final[int | None]
    carer: Final[int]
    two_child_limit: Final[bool]
    capital_lower: Final[int]
    capital_upper: Final[int]
    tariff_step: Final[int]
    tariff_per_step: Final[int]
    #: The stale values read for the record (each check that reads it reports them).
    stale: Final[tuple[ParameterUse, ...]]

    def __init__(
        self,
        taper: Ratio,
        work_allowance_lower: int,
        work_allowance_higher: int,
        single_under_25: int,
        single_25_or_over: int,
        couple_under_25: int,
        couple_25_or_over: int,
        child_first_higher: int,
        child_other: int,
        lcwra: int,
        lcwra_new_claim: int | None,
        carer: int,
        two_child_limit: bool,
        capital_lower: int,
        capital_upper: int,
        tariff_step: int,
        tariff_per_step: int,
        stale: tuple[ParameterUse, ...],
    ) -> None:
        self.taper = taper
        self.work_allowance_lower = work_allowance_lower
        self.work_allowance_higher = work_allowance_higher
        self.single_under_25 = single_under_25
        self.single_25_or_over = single_25_or_over
        self.couple_under_25 = couple_under_25
        self.couple_25_or_over = couple_25_or_over
        self.child_first_higher = child_first_higher
        self.child_other = child_other
        self.lcwra = lcwra
        self.lcwra_new_claim = lcwra_new_claim
        self.carer = carer
        self.two_child_limit = two_child_limit
        self.capital_lower = capital_lower
        self.capital_upper = capital_upper
        self.tariff_step = tariff_step
        self.tariff_per_step = tariff_per_step
        self.stale = stale

    def __repr__(self) -> str:
        return self._shown()


def _build(read: RateReader) -> UniversalCreditRates:
    u = "universal_credit."
    new_claim = u + "lcwra_element_new_claim_2026"
    return UniversalCreditRates(
        taper=read.ratio(u + "taper_rate"),
        work_allowance_lower=read.pennies(u + "work_allowance.lower"),
        work_allowance_higher=read.pennies(u + "work_allowance.higher"),
        single_under_25=read.pennies(u + "standard_allowance.single_under_25"),
        single_25_or_over=read.pennies(u + "standard_allowance.single_25_or_over"),
        couple_under_25=read.pennies(u + "standard_allowance.couple_under_25"),
        couple_25_or_over=read.pennies(u + "standard_allowance.couple_25_or_over"),
        child_first_higher=read.pennies(u + "child_element.first_child_born_before_2017_04_06"),
        child_other=read.pennies(u + "child_element.other"),
        lcwra=read.pennies(u + "lcwra_element"),
        lcwra_new_claim=read.pennies(new_claim) if read.covers(new_claim) else None,
        carer=read.pennies(u + "carer_element"),
        two_child_limit=bool(read.value(u + "two_child_limit.applies")),
        capital_lower=read.pennies(u + "capital.lower_limit"),
        capital_upper=read.pennies(u + "capital.upper_limit"),
        tariff_step=read.pennies(u + "capital.tariff_step"),
        tariff_per_step=read.pennies(u + "capital.tariff_income_per_step"),
        stale=tuple(read.stale),
    )


def rates(ctx: Context, day: dt.date) -> UniversalCreditRates:
    """The figures for an AP starting on ``day``."""
    return ctx.rates(_build, day)


class DisabledChildRate(NamedTuple):
    """One disabled child addition (pennies) for an AP starting on one day, read if needed.

    The lower and higher additions are read apart, so that a household with a child at one
    rate never needs the other rate's figure (each has its own dated coverage).
    """

    amount: int
    stale: tuple[ParameterUse, ...]


def _build_lower_disabled(read: RateReader) -> DisabledChildRate:
    return DisabledChildRate(
        read.pennies("universal_credit.disabled_child_addition.lower"), tuple(read.stale)
    )


def _build_higher_disabled(read: RateReader) -> DisabledChildRate:
    return DisabledChildRate(
        read.pennies("universal_credit.disabled_child_addition.higher"), tuple(read.stale)
    )


class Elements(NamedTuple):
    """The maximum amount and what it is made of, for one assessment period."""

    maximum: int
    standard: int
    child_elements: tuple[int, ...]
    excluded_children: int
    disabled_additions: tuple[int, ...]
    lcwra: int
    carers: tuple[int, ...]
    housing: int
    #: A member with both LCWRA and caring, for whom only LCWRA is included.
    carer_and_lcwra: bool
    has_work_allowance: bool

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Elements({REDACTED_TEXT})"


def _standard(profile: Profile, r: UniversalCreditRates) -> int:
    if profile.couple:
        return r.couple_25_or_over if profile.any_25_or_over else r.couple_under_25
    return r.single_25_or_over if profile.any_25_or_over else r.single_under_25


def _lcwra(profile: Profile, r: UniversalCreditRates) -> int:
    best = 0
    for new_claim in profile.lcwra:
        amount = r.lcwra_new_claim if new_claim and r.lcwra_new_claim is not None else r.lcwra
        # One element per award; with both members at different rates, the higher.
        if amount > best:
            best = amount
    return best


def _children(
    household: Household,
    day: dt.date,
    responsible_on: dt.date,
    r: UniversalCreditRates,
    ctx: Context,
) -> tuple[tuple[int, ...], int, tuple[int, ...]]:
    """The child elements, how many children the two-child limit left out, the additions.

    Figures are read on the AP's first day (``day``); the children counted are those the
    household is responsible for on ``responsible_on``, the AP's last day (D&A Regs 2013
    Sch. 1 para. 20: a change takes effect from the first day of the AP it happens in).
    """
    child_amounts: list[int] = []
    disabled: list[int] = []
    excluded = 0
    # The place in the order of children (reg. 24B): an adopted child or one in
    # non-parental care has none, so the children after them move up. Each child's term
    # (worked out when the household was made) says whether they count on the day.
    index = 0
    terms = household._profile.child_terms
    for first, last, before_limit, excepted, in_order, disability in terms:
        if not first <= responsible_on <= last:
            continue
        if not child_amounts:
            child_amounts.append(r.child_first_higher if before_limit else r.child_other)
        elif index < 2 or before_limit or excepted or not r.two_child_limit:
            child_amounts.append(r.child_other)
        else:
            excluded += 1
        if in_order:
            index += 1
        if disability is _LOWER_RATE:
            disabled.append(ctx.records[_build_lower_disabled, day].amount)
        elif disability is _HIGHER_RATE:
            disabled.append(ctx.records[_build_higher_disabled, day].amount)
    return tuple(child_amounts), excluded, tuple(disabled)


def _housing(household: Household) -> int:
    claim = household.universal_credit
    return 0 if claim is None else claim.pennies[0]


def maximum_amount(
    household: Household,
    day: dt.date,
    responsible_on: dt.date,
    r: UniversalCreditRates,
    ctx: Context,
) -> tuple[int, bool]:
    """The maximum amount (reg. 36, pennies) and whether the household has a work allowance.

    ``day`` is the AP's first day (its figures), ``responsible_on`` its last (who counts).
    """
    profile = household._profile
    if profile.couple:
        total = r.couple_25_or_over if profile.any_25_or_over else r.couple_under_25
    else:
        total = r.single_25_or_over if profile.any_25_or_over else r.single_under_25
    claim = household.universal_credit
    if claim is not None:
        total += claim.pennies[0]
    if profile.lcwra:
        total += _lcwra(profile, r)
    if profile.carers:
        total += r.carer * profile.carers
    if not profile.child_terms:
        return total, profile.any_capability
    # The child elements and disabled child additions added up as _children lists them (the
    # lists are for an explanation; the numbers need only the sum and whether any child
    # counts). Each term was worked out when the household was made.
    counted = index = 0
    for first, last, before_limit, excepted, in_order, disability in profile.child_terms:
        if not first <= responsible_on <= last:
            continue
        if not counted:
            total += r.child_first_higher if before_limit else r.child_other
        elif index < 2 or before_limit or excepted or not r.two_child_limit:
            total += r.child_other
        counted += 1
        if in_order:
            index += 1
        if disability is _LOWER_RATE:
            total += ctx.records[_build_lower_disabled, day].amount
        elif disability is _HIGHER_RATE:
            total += ctx.records[_build_higher_disabled, day].amount
    # Every child counted has an element or is one the two-child limit left out.
    return total, counted > 0 or profile.any_capability


def elements(
    household: Household,
    day: dt.date,
    responsible_on: dt.date,
    r: UniversalCreditRates,
    ctx: Context,
) -> Elements:
    """The maximum amount for an AP and what it is made of (reg. 36).

    ``day`` is the AP's first day (its figures), ``responsible_on`` its last (who counts).
    """
    profile = household.profile
    child_amounts, excluded, disabled = _children(household, day, responsible_on, r, ctx)
    maximum, has_allowance = maximum_amount(household, day, responsible_on, r, ctx)
    return Elements(
        maximum,
        _standard(profile, r),
        child_amounts,
        excluded,
        disabled,
        _lcwra(profile, r),
        tuple(r.carer for _ in range(profile.carers)),
        _housing(household),
        profile.carer_and_lcwra,
        has_allowance,
    )


def counted_capital(holdings: tuple[CapitalHolding, ...], day: dt.date, ctx: Context) -> int:
    """The capital (pennies) the rules count on ``day``: every holding not disregarded."""
    total = 0
    for holding in holdings:
        kind = holding.kind
        if kind in _ALWAYS_COUNTED:
            total += to_pennies(holding.amount.amount)
            continue
        months_name = _TIME_LIMITED.get(kind)
        if months_name is None:
            continue  # disregarded for as long as it is held
        received = holding.received_on
        months = int(ctx.use(months_name, day).value)  # type: ignore[call-overload]
        if received is None or _months_after(received, months) <= day:
            total += to_pennies(holding.amount.amount)
    return total


_ALWAYS_COUNTED: Final = frozenset(
    {CapitalKind.SAVINGS, CapitalKind.INVESTMENTS, CapitalKind.OTHER_PROPERTY}
)
_TIME_LIMITED: Final = {
    CapitalKind.BENEFIT_ARREARS: "universal_credit.capital.disregard_months.benefit_arrears",
    CapitalKind.HOME_PURCHASE: "universal_credit.capital.disregard_months.home_purchase",
}


def _months_after(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return dt.date(year, month, min(day.day, last))


def tariff_income(capital: int, r: UniversalCreditRates) -> int:
    """The monthly income (pennies) capital is assumed to yield (reg. 72(1)).

    A part step counts as a whole one: £7,100 is 4 whole £250 steps over £6,000 and a part,
    so 5 × £4.35.
    """
    if capital <= r.capital_lower:
        return 0
    steps = -(-(capital - r.capital_lower) // r.tariff_step)
    return steps * r.tariff_per_step


class Knock(NamedTuple):
    """Unearned income lost to the payments' effect on weekly benefits, in one AP.

    ``monthly_payable`` is the Carer's Allowance, ESA and JSA payable with regular earnings,
    as UC counts them: each person's weekly payment of each benefit as its own monthly
    amount (UC Regs 2013 reg. 73: a payment is converted, × 52 ÷ 12, each to the nearest
    penny), added up. ``lost_before`` and ``lost_after`` are what the AP no longer counts of
    it, without and with the payments, as monthly pennies (in Great Britain the monthly
    equivalent of each week lost across the AP's last day).
    """

    monthly_payable: int
    lost_before: int
    lost_after: int

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Knock({REDACTED_TEXT})"


NO_KNOCK: Final = Knock(0, 0, 0)


class Gifts(NamedTuple):
    """Gifts received in one AP, in pennies: capital if kept, not income.

    ``already`` are those among the payments already made, ``added`` those among the
    payments in question. Both count only where the household's capital is known, as capital
    held to the AP's end on top of that capital.
    """

    already: int
    added: int

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Gifts({REDACTED_TEXT})"


NO_GIFTS: Final = Gifts(0, 0)


class Numbers(NamedTuple):
    """Everything an assessment period's figures are made of, in pennies.

    What the period's explanation quotes.
    """

    allowance: int
    earnings_base: int
    earnings_total: int
    deduction_regular: int
    deduction_base: int
    deduction_total: int
    unearned: int
    capital: int | None
    before: int
    after: int
    uncapped_after: int
    #: The benefit cap's reductions without and with the payments (already out of
    #: ``before`` and ``after``).
    cap_before: int = 0
    cap_after: int = 0
    #: The capital counted with the payments' gifts (``capital`` is without them).
    capital_after: int | None = None

    def __repr__(self) -> str:
        # A household's benefits figures are special-category data.
        return f"Numbers({REDACTED_TEXT})"


def numbers(
    household: Household,
    period: DateRange,
    earnings: dict[str, list[int]],
    knock: Knock,
    ctx: Context,
    gifts: Gifts = NO_GIFTS,
) -> Numbers:
    """The figures of one AP, as :func:`assess_period` works them out.

    ``earnings`` maps a member's id to what other payments already bring into the AP and what
    these payments add: ``[already, added]``; ``gifts`` are the AP's gifts (see
    :class:`Gifts`).
    """
    return Numbers(*_figures(household, period, earnings, knock, ctx, gifts))


def _figures(
    household: Household,
    period: DateRange,
    earnings: dict[str, list[int]],
    knock: Knock,
    ctx: Context,
    gifts: Gifts = NO_GIFTS,
) -> tuple[int, int, int, int, int, int, int, int | None, int, int, int, int, int, int | None]:
    # The numbers path: a plain tuple in the order of Numbers' fields, kept by no result (an
    # explanation works it out again when it is read).
    claim = household.universal_credit
    assert claim is not None
    day = period.start
    r: UniversalCreditRates = ctx.records[_build, day]
    profile = household._profile
    regular = profile.monthly_earnings
    base = total = regular
    for already, added in earnings.values():
        base += already
        total += already + added
    holdings = household.capital
    capital = capital_after = None
    if holdings is not None:
        capital = counted_capital(holdings, day, ctx) + gifts[0]
        capital_after = capital + gifts[1]
    monthly_payable, lost_before, lost_after = knock
    award = claim.current_award
    if award is None:
        maximum, has_allowance = maximum_amount(household, day, period.end, r, ctx)
    else:
        end = period.end
        has_allowance = profile.any_capability or any(
            term.first_day <= end <= term.last_day for term in profile.child_terms
        )
    allowance = 0
    if has_allowance:
        allowance = (
            r.work_allowance_lower if claim.housing_costs_element else r.work_allowance_higher
        )
    # The taper on earnings above the allowance, to the nearest penny (a half up): for a
    # positive excess e, round(e × n / d) is (2en + d) // 2d.
    numerator, denominator = r.taper
    twice = 2 * denominator
    excess = regular - allowance
    d_regular = (2 * excess * numerator + denominator) // twice if excess > 0 else 0
    excess = base - allowance
    d_base = (2 * excess * numerator + denominator) // twice if excess > 0 else 0
    excess = total - allowance
    d_total = (2 * excess * numerator + denominator) // twice if excess > 0 else 0
    if award is not None:
        amount = claim.pennies[2]
        assert amount is not None  # the award in pennies, given with current_award
        uncapped_after = amount - (d_total - d_regular) + lost_after
        before = amount - (d_base - d_regular) + lost_before
        if capital is not None and capital_after is not None and capital_after != capital:
            # The statement's award already counts the capital held before the gifts: they
            # add only the tariff income their rise brings, or end the award past the limit.
            uncapped_after -= tariff_income(capital_after, r) - tariff_income(capital, r)
            if capital_after > r.capital_upper >= capital:
                uncapped_after = 0
        after = uncapped_after
        # An award from a statement already has any benefit cap reduction in it.
        return (
            allowance, base, total, d_regular, d_base, d_total, 0, capital,
            before if before > 0 else 0, after if after > 0 else 0, uncapped_after, 0, 0,
            capital_after,
        )  # fmt: skip
    unearned = claim.pennies[1]
    unearned += monthly_payable
    unearned_after = unearned
    if capital is not None and capital_after is not None:
        unearned += tariff_income(capital, r)
        unearned_after += tariff_income(capital_after, r)
    uncapped_after = maximum - d_total - (unearned_after - lost_after)
    if capital is not None and capital > r.capital_upper:
        before = 0
    else:
        before = maximum - d_base - (unearned - lost_before)
        if before < 0:
            before = 0
    if capital_after is not None and capital_after > r.capital_upper:
        after = 0
    else:
        after = uncapped_after if uncapped_after > 0 else 0
    cap_before = cap_after = 0
    if (before or after) and not profile.cap_exempt:
        # The benefit cap (regs. 79-83) on the award worked out from the household (one
        # whose members' elements lift the cap whatever the day skips it).
        cap_before, cap_after = benefit_cap.reductions(
            household,
            period,
            (base, total),
            (before, after),
            _other_welfare(knock) if monthly_payable else _NO_OTHER,
            ctx,
        )
        before -= cap_before
        after -= cap_after
    return (
        allowance, base, total, d_regular, d_base, d_total, unearned, capital, before, after,
        uncapped_after, cap_before, cap_after, capital_after,
    )  # fmt: skip


_NO_OTHER: Final = (0, 0)


def _other_welfare(knock: Knock) -> tuple[int, int]:
    """New-style ESA or JSA as UC counts it (reg. 80(4)), without and with the payments.

    The amount is every Carer's Allowance, ESA and JSA payable; a household with Carer's
    Allowance has the carer element, which lifts the cap, so only ESA and JSA matter.
    """
    monthly = knock.monthly_payable
    if not monthly:
        return 0, 0
    # The losses are monthly amounts already (see Knock).
    return monthly - knock.lost_before, monthly - knock.lost_after


def assess_period(
    household: Household,
    period: DateRange,
    earnings: dict[str, list[int]],
    knock: Knock,
    ctx: Context,
    gifts: Gifts = NO_GIFTS,
) -> PeriodNumbers:
    """Universal Credit for one AP before and after the payments counted in it.

    ``earnings`` maps each member's id to ``[already, added]`` for the AP; ``knock`` is the
    Carer's Allowance, ESA or JSA the household gets a week and the monthly amount the
    payments' weekly effects remove from this AP's unearned income (see :class:`Knock`);
    ``gifts`` the AP's gifts, counted as capital (see :class:`Gifts`).
    """
    found = _figures(household, period, earnings, knock, ctx, gifts)
    before = found[8]
    return period_numbers(
        (
            _UNIVERSAL_CREDIT,
            period,
            before,
            found[9],
            found[2] - found[1],
            False,
            None,
            before,
            (household, earnings, knock, gifts),
            explain_period,
        )
    )


def _money(pennies: int) -> Money:
    return pounds(pennies)


def _percent(rate: Ratio) -> str:
    numerator, denominator = rate
    return f"{round_half_up(numerator * 100, denominator)}%"


def _benefit_changes(nation: Nation) -> tuple[Citation, ...]:
    # The law that a benefit starting, ending or changing rate counts from its AP's first
    # day: Great Britain's (the Northern Ireland regulations were not read).
    return (cite_law("universal_credit.benefit_changes", nation),) if nation.great_britain else ()


def not_made_up_finding(lost: Money, week: DateRange, period: DateRange, nation: Nation) -> Finding:
    """A week of Carer's Allowance, ESA or JSA lost inside an AP: UC does not make it up.

    In Great Britain an AP counts these benefits at the rate on its last day, for the whole
    AP (UC Regs 2013 regs. 66 and 73; D&A Regs 2013 Sch. 1 para. 31): a week lost and paid
    again before that day leaves UC as it was.
    """
    return finding(
        "BEN-UC-NOT-MADE-UP",
        Severity.INFO,
        "benefits.uc.not_made_up",
        {
            "start": period.start,
            "end": period.end,
            "lost": lost,
            "week_start": week.start,
            "week_end": week.end,
        },
        citations=(cite_law("universal_credit.unearned", nation), *_benefit_changes(nation)),
    )


#: What an AP's outcome keeps to explain itself: the household, each member's earnings
#: ``[already, added]``, the weekly benefits' knock-on and the gifts.
_Detail = tuple[Household, dict[str, list[int]], Knock, Gifts]


def explain_period(outcome: PeriodOutcome, ctx: Context) -> tuple[Finding, ...]:
    """The findings of one assessment period, from its numbers."""
    detail: _Detail = outcome.detail  # type: ignore[assignment]
    household, earnings, knock, gifts = detail
    nation = household.nation
    claim = household.universal_credit
    assert claim is not None
    period = outcome.period
    day = period.start
    d = numbers(household, period, earnings, knock, ctx, gifts)
    r = rates(ctx, day)
    taper_use = ctx.use("universal_credit.taper_rate", day)
    allowance_uses: tuple[ParameterUse, ...] = ()
    if d.allowance:
        name = "lower" if claim.housing_costs_element else "higher"
        allowance_uses = (ctx.use(f"universal_credit.work_allowance.{name}", day),)
    uses = (taper_use, *allowance_uses)
    before = outcome.before_pennies
    after = outcome.after_pennies
    reduction = d.deduction_total - d.deduction_base
    span = {"start": period.start, "end": period.end}
    found: list[Finding] = []
    if d.capital is not None and d.capital > r.capital_upper:
        upper_use = ctx.use("universal_credit.capital.upper_limit", day)
        key = (
            "benefits.uc.capital_over_limit_award"
            if claim.current_award is not None
            else "benefits.uc.capital_over_limit"
        )
        found.append(
            finding(
                "BEN-UC-CAPITAL-LIMIT",
                Severity.REFER if claim.current_award is not None else Severity.INFO,
                key,
                {**span, "capital": _money(d.capital), "upper": _money(r.capital_upper)},
                citations=(cite_law("universal_credit.capital_limit", nation),),
                parameters=(upper_use,),
            )
        )
        if claim.current_award is None:
            return tuple(found)
    if nation is Nation.NORTHERN_IRELAND:
        found.append(
            finding(
                "BEN-UC-NORTHERN-IRELAND",
                Severity.INFO,
                "benefits.uc.northern_ireland",
                citations=(cite_law("universal_credit.maximum_amount", nation),),
                sensitive=False,
            )
        )
    if claim.current_award is None:
        found.extend(
            _element_findings(
                household, d, knock, elements(household, day, period.end, r, ctx), period, ctx
            )
        )
    gift = gift_findings(household, d, gifts, day, ctx)
    found.extend(gift)
    # The taper's figures are before the benefit cap, which its own finding explains.
    before_cap = before + d.cap_before
    values: dict[str, object] = {
        **span,
        "earnings": _money(d.earnings_total),
        "work_allowance": _money(d.allowance),
        "taper": _percent(r.taper),
        "reduction": _money(min(reduction, before_cap)),
        "before": _money(before_cap),
        "after": _money(max(0, before_cap - reduction)),
    }
    actions = ("benefits.action.report_uc_journal",)
    in_period = cite_law("universal_credit.earnings_in_period", nation)
    rounding = cite_law("universal_credit.rounding", nation)
    counted = outcome.counted_pennies
    lost = knock.lost_after - knock.lost_before
    if counted == 0:
        if lost == 0 and not gift:
            found.append(
                finding(
                    "BEN-UC-NOTHING-COUNTED",
                    Severity.INFO,
                    "benefits.uc.nothing_counted",
                    values,
                    citations=(in_period,),
                )
            )
    elif not d.allowance:
        found.append(
            finding(
                "BEN-UC-TAPER",
                Severity.WARNING if reduction else Severity.INFO,
                "benefits.uc.no_work_allowance",
                values,
                citations=(cite_law("universal_credit.taper", nation), in_period, rounding),
                parameters=uses,
                actions=actions,
            )
        )
    elif d.earnings_total <= d.allowance:
        values["headroom"] = _money(d.allowance - d.earnings_total)
        found.append(
            finding(
                "BEN-UC-WORK-ALLOWANCE",
                Severity.INFO,
                "benefits.uc.within_work_allowance",
                values,
                citations=(cite_law("universal_credit.work_allowance", nation), in_period),
                parameters=uses,
                actions=actions,
            )
        )
    else:
        values["excess"] = _money(d.earnings_total - d.allowance)
        found.append(
            finding(
                "BEN-UC-TAPER",
                Severity.WARNING if reduction else Severity.INFO,
                "benefits.uc.taper",
                values,
                citations=(
                    cite_law("universal_credit.work_allowance", nation),
                    cite_law("universal_credit.taper", nation),
                    in_period,
                    rounding,
                ),
                parameters=uses,
                actions=actions,
            )
        )
    if lost:
        found.append(
            finding(
                "BEN-UC-KNOCK-ON",
                Severity.INFO,
                # Great Britain counts the rate on the AP's last day as a whole month (D&A
                # Regs 2013 Sch. 1 para. 31); Northern Ireland, the week's amount.
                "benefits.uc.knock_on_month" if nation.great_britain else "benefits.uc.knock_on",
                {
                    **span,
                    "lost": _money(lost),
                    "increase": _money(after - max(0, before - reduction)),
                    "after": outcome.after,
                },
                citations=(
                    cite_law("universal_credit.unearned", nation),
                    *_benefit_changes(nation),
                ),
            )
        )
    if before > 0 and d.uncapped_after <= 0 and counted > 0:
        found.append(
            finding(
                "BEN-UC-AWARD-NIL",
                Severity.WARNING,
                "benefits.uc.award_nil",
                span,
                citations=(cite_law("universal_credit.surplus", nation),),
            )
        )
        numerator, denominator = r.taper
        surplus = round_half_up(-d.uncapped_after * denominator, numerator)
        found.append(_surplus(surplus, day, ctx, nation))
        if nation is Nation.SCOTLAND and any(c.counts_on(period.end) for c in household.children):
            found.append(_scottish_child_payment(day, ctx))
    if counted:
        found.extend(_lcw_threshold(household, earnings, day, ctx))
    if claim.current_award is None:
        found.extend(_cap_findings(household, period, d, knock, ctx))
    return tuple(found)


def _cap_findings(
    household: Household, period: DateRange, d: Numbers, knock: Knock, ctx: Context
) -> list[Finding]:
    uc = (d.before + d.cap_before, d.after + d.cap_after)
    other = _other_welfare(knock)
    state = benefit_cap.cap_state(
        household, period, (d.earnings_base, d.earnings_total), uc, other, ctx
    )
    return benefit_cap.cap_findings(
        household, period, state, uc[1], other[1], d.earnings_total, ctx
    )


def _element_findings(
    household: Household, d: Numbers, knock: Knock, e: Elements, period: DateRange, ctx: Context
) -> list[Finding]:
    nation = household.nation
    day = period.start
    names = [
        "universal_credit.standard_allowance."
        + ("couple" if household.couple else "single")
        + (
            "_25_or_over"
            if any(p.age_band is AgeBand.AGE_25_OR_OVER for p in household.people)
            else "_under_25"
        )
    ]
    if e.child_elements:
        names.append("universal_credit.child_element.other")
        if e.child_elements[0] != ctx.use(names[-1], day).value:
            names.append("universal_credit.child_element.first_child_born_before_2017_04_06")
    if e.disabled_additions:
        # Only the rates this household's children have (each rate has its own coverage).
        rates = {c.disability for c in household.profile.children if c.counts_on(period.end)}
        if ChildDisability.LOWER in rates:
            names.append("universal_credit.disabled_child_addition.lower")
        if ChildDisability.HIGHER in rates:
            names.append("universal_credit.disabled_child_addition.higher")
    if e.lcwra:
        names.append("universal_credit.lcwra_element")
        if ctx.parameters["universal_credit.lcwra_element_new_claim_2026"].covered_from <= day:
            names.append("universal_credit.lcwra_element_new_claim_2026")
    if e.carers:
        names.append("universal_credit.carer_element")
    max_uses = tuple(ctx.use(name, day) for name in names)
    found = [
        finding(
            "BEN-UC-AWARD-COMPUTED",
            Severity.INFO,
            "benefits.uc.award_computed",
            {
                "maximum": _money(e.maximum),
                "unearned": _money(d.unearned - knock.lost_before),
                "deduction": _money(d.deduction_base),
            },
            citations=(cite_law("universal_credit.maximum_amount", nation),),
            parameters=max_uses,
        ),
        finding(
            "BEN-UC-ELEMENTS",
            Severity.INFO,
            "benefits.uc.elements",
            {
                "maximum": _money(e.maximum),
                "standard": _money(e.standard),
                "children": _listed("children", e.child_elements),
                "disabled": _listed("disabled", e.disabled_additions),
                "lcwra": _listed("lcwra", (e.lcwra,) if e.lcwra else ()),
                "carers": _listed("carers", e.carers),
                "housing": _listed("housing", (e.housing,) if e.housing else ()),
            },
            citations=_elements_citations(household, nation),
            parameters=max_uses,
        ),
    ]
    if e.carer_and_lcwra:
        found.append(
            finding(
                "BEN-UC-CARER-AND-LCWRA",
                Severity.INFO,
                "benefits.uc.carer_and_lcwra",
                citations=(cite_law("universal_credit.carer_and_lcwra", nation),),
            )
        )
    if e.excluded_children:
        found.append(
            finding(
                "BEN-UC-TWO-CHILD-LIMIT",
                Severity.WARNING,
                "benefits.uc.two_child_limit",
                {"excluded": e.excluded_children},
                citations=(cite_law("universal_credit.two_child_limit", nation),),
                parameters=(ctx.use("universal_credit.two_child_limit.applies", day),),
            )
        )
    return found


def _elements_citations(household: Household, nation: Nation) -> tuple[Citation, ...]:
    maximum = cite_law("universal_credit.maximum_amount", nation)
    if not household.children or not nation.great_britain:
        return (maximum,)
    # The children counted are those at the AP's end (D&A Regs Sch. 1 para. 20).
    return (maximum, cite_law("universal_credit.changes_of_circumstances", nation))


def _listed(part: str, amounts: tuple[int, ...]) -> Phrase | str:
    """One optional part of BEN-UC-ELEMENTS' sentence (each locale words it), or nothing."""
    if not amounts:
        return ""
    return Phrase(f"benefits.uc.elements.{part}", {"amounts": tuple(map(_money, amounts))})


def _surplus(surplus: int, day: dt.date, ctx: Context, nation: Nation) -> Finding:
    values: dict[str, object] = {"surplus": _money(surplus)}
    citation = cite_law("universal_credit.surplus", nation)
    try:
        use = ctx.use("universal_credit.surplus_earnings.relevant_threshold", day)
        months = ctx.use("universal_credit.surplus_earnings.new_claim_months", day)
    except ParametersNotAvailable:
        # The threshold after 31 March 2026 is not known: say so rather than stop the check.
        return finding(
            "BEN-UC-SURPLUS-EARNINGS",
            Severity.WARNING,
            "benefits.uc.surplus_unknown",
            values,
            citations=(citation,),
        )
    threshold = to_pennies(Decimal(use.value))  # type: ignore[arg-type]
    values["threshold"] = _money(threshold)
    values["months"] = months.value
    return finding(
        "BEN-UC-SURPLUS-EARNINGS",
        Severity.WARNING if surplus > threshold else Severity.INFO,
        "benefits.uc.surplus",
        values,
        citations=(citation,),
        parameters=(use, months),
    )


def _scottish_child_payment(day: dt.date, ctx: Context) -> Finding:
    use = ctx.use("scotland.scottish_child_payment.weekly_rate", day)
    return finding(
        "BEN-SCOTTISH-CHILD-PAYMENT",
        Severity.WARNING,
        "benefits.uc.scottish_child_payment",
        {"rate": _money(to_pennies(Decimal(use.value)))},  # type: ignore[arg-type]
        citations=(cite_law("scottish_child_payment.qualifying_benefit", Nation.SCOTLAND),),
        parameters=(use,),
        actions=("benefits.action.tell_social_security_scotland",),
    )


def _lcw_threshold(
    household: Household, earnings: dict[str, list[int]], day: dt.date, ctx: Context
) -> list[Finding]:
    hours_use = ctx.use("universal_credit.lcw_earnings_threshold_hours", day)
    wage_use = ctx.use("national_living_wage.hourly_rate", day)
    hours = Decimal(hours_use.value)  # type: ignore[arg-type]
    wage = to_pennies(Decimal(wage_use.value))  # type: ignore[arg-type]
    numerator, denominator = hours.as_integer_ratio()
    threshold = round_half_up(wage * numerator * 52, denominator * 12)
    found = []
    for person in household.people:
        if person.capability is WorkCapability.NONE or person.receives_disability_benefit:
            continue
        already, added = earnings.get(person.id, (0, 0))
        earned_before = household.profile.monthly_pennies[person.id] + already
        earned_after = earned_before + added
        if earned_before < threshold <= earned_after:
            found.append(
                finding(
                    "BEN-UC-LCW-EARNINGS-THRESHOLD",
                    Severity.WARNING,
                    "benefits.uc.lcw_threshold",
                    {"earnings": _money(earned_after), "threshold": _money(threshold)},
                    citations=(cite_law("universal_credit.lcw_threshold", household.nation),),
                    parameters=(hours_use, wage_use),
                    subject=person.id,
                )
            )
    return found


def gift_findings(
    household: Household, d: Numbers, gifts: Gifts, day: dt.date, ctx: Context
) -> tuple[Finding, ...]:
    """What the AP's gifts among the payments do as capital, from the AP's figures ``d``.

    Nothing when the household's capital is not known, or the gifts change neither the
    tariff income nor the limit.
    """
    before, after = d.capital, d.capital_after
    if before is None or after is None or gifts.added <= 0:
        return ()
    r = rates(ctx, day)
    upper_use = ctx.use("universal_credit.capital.upper_limit", day)
    values: dict[str, object] = {
        "gift": _money(gifts.added),
        "before": _money(before),
        "after": _money(after),
        "upper": _money(r.capital_upper),
    }
    nation = household.nation
    # A rise in capital is a change of circumstances, from the AP's first day (Great
    # Britain's D&A Regs 2013; Northern Ireland's were not read).
    changes = (
        (cite_law("universal_credit.changes_of_circumstances", nation),)
        if nation.great_britain
        else ()
    )
    citations = (cite_law("universal_credit.capital", nation), *changes)
    if after > r.capital_upper:
        if before > r.capital_upper:
            return ()  # no entitlement either way: BEN-UC-CAPITAL-LIMIT says so
        return (
            finding(
                "BEN-GIFT-CAPITAL",
                Severity.PROBLEM,
                "benefits.uc.capital_upper",
                values,
                citations=citations,
                parameters=(upper_use,),
            ),
        )
    tariff_after = tariff_income(after, r)
    if tariff_after == tariff_income(before, r):
        return ()
    uses = (
        ctx.use("universal_credit.capital.lower_limit", day),
        ctx.use("universal_credit.capital.tariff_step", day),
        ctx.use("universal_credit.capital.tariff_income_per_step", day),
    )
    values.update(lower=_money(r.capital_lower), tariff=_money(tariff_after))
    return (
        finding(
            "BEN-GIFT-CAPITAL",
            Severity.WARNING,
            "benefits.uc.capital_tariff",
            values,
            citations=citations,
            parameters=uses,
        ),
    )


def before_claim_finding(household: Household, count: int) -> Finding:
    """Payments received before the claim's first date of entitlement: in no assessment period.

    Earned income is what is received in an assessment period (UC Regs 2013 reg. 54), and the
    first period begins on the first date of entitlement, so a payment received before it is
    not counted for Universal Credit.
    """
    claim = household.universal_credit
    assert claim is not None
    return finding(
        "BEN-UC-BEFORE-CLAIM",
        Severity.INFO,
        "benefits.uc.before_claim",
        {"count": count, "first": claim.first_date_of_entitlement},
        citations=(cite_law("universal_credit.earnings_in_period", household.nation),),
    )
