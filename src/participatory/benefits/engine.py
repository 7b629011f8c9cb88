"""The entry points: what payments do to a household's benefits, person by person.

:func:`assess_benefits` takes a :class:`~participatory.benefits.household.Household` and the
payments in question (each naming the member who receives it), runs every benefit anyone in it
receives period by period — each person's own weekly benefits on their own earnings, the
household's means-tested benefits and Universal Credit on both partners' — works out the
knock-on effects (a week of Carer's Allowance or ESA lost across the last day of an assessment
period raises Universal Credit by a month of it), and returns
a :class:`~participatory.benefits.outcomes.BenefitsCheck`. Payments already made or scheduled
(from every project and payer: the person's ledger) are given as ``already``: they count in
every period, before and after, so the answer is about what *these* payments add.

The numbers come first; the findings that explain them are built when first read.

>>> import datetime as dt
>>> from participatory.benefits.claims import UniversalCreditClaim
>>> from participatory.benefits.household import Household, Person, Profile
>>> from participatory.benefits.kinds import WorkCapability
>>> me = Household(people=[Person(capability=WorkCapability.LCW)],
...     universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)))
>>> result = assess_payment(me, Money.gbp("700.00"), dt.date(2025, 6, 10))
>>> result.change(Benefit.UNIVERSAL_CREDIT), result.kept
(Money('-8.80', 'GBP'), Money('691.20', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Container, Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, NoReturn

from participatory.benefits import (
    carers_allowance,
    esa,
    housing_benefit,
    legacy,
    pension_credit,
    universal_credit,
)
from participatory.benefits.advice import standing_findings
from participatory.benefits.disability_disregard import disability_disregard_advice
from participatory.benefits.household import Household, Person, Profile
from participatory.benefits.kinds import Benefit, LegacyBenefit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import (
    ZERO,
    Context,
    Income,
    add_hours,
    finding,
    pounds,
    weekly_to_monthly_pennies,
)
from participatory.benefits.outcomes import STALE_RULE, BenefitsCheck, PeriodNumbers
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.benefits.treatments import kind_findings
from participatory.benefits.unaffected import unaffected_findings
from participatory.core.errors import (
    FiguresNotAvailable,
    ParametersNotAvailable,
    UnsupportedCase,
    ValidationError,
)
from participatory.core.explain import Finding, Severity
from participatory.core.money import PENNIES_LIMIT, Money
from participatory.core.nations import Nation
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.pennies import to_pennies
from participatory.core.periods import (
    BenefitWeekCycle,
    DateRange,
    assessment_period_containing,
)

__all__ = ["MESSAGES", "assess_benefits", "assess_payment"]

MESSAGES: Final = {
    "benefits.kept": (
        "Payments of {paid} change benefits by {change} in total, so the household is "
        "better off by {kept}."
    ),
    "benefits.one_carer_disregard": (
        "One partner gets Carer's Allowance (or Carer Support Payment), and these payments "
        "include the carer's own earnings. Housing Benefit, Pension Credit, Income Support "
        "and income-based JSA disregard up to £20 a week of a carer's own earnings; this "
        "check used the couple's £10 on the couple's earnings together, since it cannot tell "
        "whose each week's earnings are. If a week's earnings are the carer's alone, state "
        "the higher disregard on the claim and check again: the loss may be less."
    ),
    "benefits.stale": (
        "The figure {name} is past the date its data is known to be current "
        "({valid_until}); the last known value ({value}, from {effective_from}) was used "
        "because the caller asked for it. Check for newer rates."
    ),
}

#: Each benefit's place in the order of outcomes, by its value: a string hashes in C, an enum
#: member through Enum.__hash__ in Python (a batch sorts every period of every check).
_ORDER: Final = {benefit.value: index for index, benefit in enumerate(Benefit)}
_PASSPORTS: Final = frozenset(
    {
        Benefit.PENSION_CREDIT,
        Benefit.INCOME_SUPPORT,
        Benefit.INCOME_BASED_JSA,
        Benefit.INCOME_RELATED_ESA,
    }
)
_COUNTED_AS_INCOME: Final = frozenset(
    {Benefit.CARERS_ALLOWANCE, Benefit.NEW_STYLE_ESA, Benefit.NEW_STYLE_JSA}
)
#: What the library can answer in Northern Ireland (its own legislation, the same figures):
#: the legacy benefits, Housing Benefit and Pension Credit there are not modelled.
_NORTHERN_IRELAND: Final = frozenset(
    {Benefit.UNIVERSAL_CREDIT, Benefit.CARERS_ALLOWANCE, Benefit.NEW_STYLE_ESA}
)
# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_NI: Final = Nation.NORTHERN_IRELAND
_SCOTLAND: Final = Nation.SCOTLAND
_DECLINED_FEE: Final = ReceiptKind.DECLINED_FEE
_SELF_EMPLOYED: Final = ReceiptKind.SELF_EMPLOYED_INVOICE
_GIFT: Final = ReceiptKind.GIFT
_NEW_STYLE_JSA: Final = LegacyBenefit.NEW_STYLE_JSA
_CARERS_ALLOWANCE: Final = Benefit.CARERS_ALLOWANCE
_NEW_STYLE_ESA: Final = Benefit.NEW_STYLE_ESA
_NEW_STYLE_JSA_BENEFIT: Final = Benefit.NEW_STYLE_JSA


# Bounded caches of the periods days fall in: a year of days for every week start and every
# day of the month a claim can begin on fits in each.
@functools.lru_cache(maxsize=8192)
def _week(start_weekday: int, day: dt.date) -> DateRange:
    return BenefitWeekCycle(start_weekday).period_containing(day)


@functools.lru_cache(maxsize=16384)
def _assessment_period(anchor_day: int, day: dt.date) -> DateRange:
    # APs start on the same day of each month as the first date of entitlement (reg. 21(2)):
    # claims that began on the same day of any month share a period for each day asked about.
    return assessment_period_containing(anchor_day, day)


@functools.lru_cache(maxsize=8192)
def _next_week(start_weekday: int, day: dt.date) -> DateRange:
    # Carer's Allowance: the week after the one the earnings fall in (ICA Regs reg. 8(1)).
    weeks = BenefitWeekCycle(start_weekday)
    return weeks.period_after(weeks.period_containing(day))


#: One benefit week as the engine gathers it: the week, each member's income in it, and
#: whether a payment in question falls in it.
_WeekEntry = list[Any]


def _gather(
    profile: Profile,
    earlier: tuple[Receipt, ...],
    given: tuple[Receipt, ...],
    people: Container[str],
    start_weekday: int,
    hours: bool,
) -> list[_WeekEntry]:
    """The weeks the receipts fall in for ``people``, in date order (a household's benefit).

    Earnings count in the week they are received in; with ``hours``, the hours worked count
    in the week the work was done.
    """
    weeks: dict[dt.date, _WeekEntry] = {}
    default = profile.first_id
    for added, receipts in ((False, earlier), (True, given)) if earlier else ((True, given),):
        for receipt in receipts:
            person = receipt.person or default
            if person not in people:
                continue
            income = None
            counted = receipt.counted_pennies
            if counted:
                week = _week(start_weekday, receipt.received_on)
                entry = weeks.get(week.start)
                if entry is None:
                    entry = weeks[week.start] = [week, {}, added]
                elif added:
                    entry[2] = True
                income = entry[1].get(person)
                if income is None:
                    income = entry[1][person] = Income(
                        profile.weekly_pennies[person], profile.weekly_hours[person]
                    )
                if added:
                    income.added += counted
                else:
                    income.already += counted
            worked = receipt.counted_hours
            if hours and worked:
                # Hours count in the week the work was done: the week just found for the
                # earnings, unless the work was on another day.
                if income is None or receipt.worked_on is not None:
                    week = _week(start_weekday, receipt.work_day)
                    entry = weeks.get(week.start)
                    if entry is None:
                        entry = weeks[week.start] = [week, {}, added]
                    elif added:
                        entry[2] = True
                    income = entry[1].get(person)
                    if income is None:
                        income = entry[1][person] = Income(
                            profile.weekly_pennies[person], profile.weekly_hours[person]
                        )
                if added:
                    income.hours_added = add_hours(income.hours_added, worked)
                else:
                    income.hours_already = add_hours(income.hours_already, worked)
    if len(weeks) == 1:
        return list(weeks.values())
    return [weeks[day] for day in sorted(weeks)]


def _own_weeks(
    profile: Profile,
    earlier: tuple[Receipt, ...],
    given: tuple[Receipt, ...],
    person: str,
    start_weekday: int,
    hours: bool,
    lag: bool,
) -> list[_WeekEntry]:
    """The weeks ``person``'s receipts fall in, in date order, each [week, income, shown].

    A person's own weekly benefit (Carer's Allowance, new-style ESA) counts only their own
    earnings, so each week holds one income, not one per member as a household's does.
    Earnings count in the week they are received in, or with ``lag`` the week after (Carer's
    Allowance); with ``hours``, the hours worked count in the week the work was done.
    """
    weeks: dict[dt.date, _WeekEntry] = {}
    default = profile.first_id
    regular = profile.weekly_pennies[person]
    regular_hours = profile.weekly_hours[person]
    place = _next_week if lag else _week
    for added, receipts in ((False, earlier), (True, given)) if earlier else ((True, given),):
        for receipt in receipts:
            if (receipt.person or default) != person:
                continue
            income = None
            counted = receipt.counted_pennies
            if counted:
                week = place(start_weekday, receipt.received_on)
                entry = weeks.get(week.start)
                if entry is None:
                    income = Income(regular, regular_hours)
                    weeks[week.start] = [week, income, added]
                else:
                    income = entry[1]
                    if added:
                        entry[2] = True
                if added:
                    income.added += counted
                else:
                    income.already += counted
            worked = receipt.counted_hours
            if hours and worked:
                # Hours count in the week the work was done: without a lag, the week just
                # found for the earnings, unless the work was on another day.
                if income is None or lag or receipt.worked_on is not None:
                    week = _week(start_weekday, receipt.work_day)
                    entry = weeks.get(week.start)
                    if entry is None:
                        income = Income(regular, regular_hours)
                        weeks[week.start] = [week, income, added]
                    else:
                        income = entry[1]
                        if added:
                            entry[2] = True
                if added:
                    income.hours_added = add_hours(income.hours_added, worked)
                else:
                    income.hours_already = add_hours(income.hours_already, worked)
    if len(weeks) == 1:
        return list(weeks.values())
    return [weeks[day] for day in sorted(weeks)]


def _check_nation(household: Household) -> None:
    if household.nation is not Nation.NORTHERN_IRELAND:
        return
    for benefit in household.benefits:
        if benefit not in _NORTHERN_IRELAND:
            raise UnsupportedCase(
                f"{benefit.label} in Northern Ireland",
                instead="ask a welfare-rights adviser (Advice NI, or the Make the Call service)",
            )


@functools.cache  # one entry: it takes no arguments
def _bundled_context() -> Context:
    # The context every check with the bundled parameters shares: the one the set itself
    # remembers, so a check made with the set passed explicitly shares it too.
    chosen = bundled_parameters()
    return chosen.memo(Context, Context, chosen)


def _refuse(items: tuple[object, ...], path: str, ids: frozenset[str]) -> NoReturn:
    """Name the first of ``items`` that is not a Receipt of a member of the household."""
    for index, receipt in enumerate(items):
        if type(receipt) is not Receipt and not isinstance(receipt, Receipt):
            raise ValidationError(f"{path}[{index}]", "must be a Receipt")
        person = receipt.person
        if person is not None and person not in ids:
            raise ValidationError(f"{path}[{index}].person", "is not a member of the household")
    raise AssertionError("every receipt is right")  # pragma: no cover - called on a wrong one


def _checked(
    receipts: Iterable[Receipt], path: str, ids: frozenset[str], paid: int
) -> tuple[Receipt, ...]:
    items = receipts if type(receipts) is tuple else tuple(_receipts(receipts))
    total = paid
    for receipt in items:
        if type(receipt) is not Receipt and not isinstance(receipt, Receipt):
            _refuse(items, path, ids)
        person = receipt.person
        if person is not None and person not in ids:
            _refuse(items, path, ids)
        total += receipt.pennies
    if total >= PENNIES_LIMIT:
        raise ValidationError(
            path, "add up, with the payments, to more than an amount of money can hold"
        )
    return items


def assess_benefits(
    household: Household,
    receipts: Iterable[Receipt],
    *,
    already: Iterable[Receipt] = (),
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
) -> BenefitsCheck:
    """What ``receipts`` do to every benefit in ``household``, period by period.

    ``already`` are payments already made or scheduled to the household's members (from any
    project or payer): they count before and after. ``parameters`` defaults to the bundled
    data; pass a changed set for "what if". A date outside the data raises
    :class:`~participatory.core.errors.FiguresNotAvailable` (a
    :class:`~participatory.core.errors.ParametersNotAvailable` whose message names neither
    the figure nor the day a rule looked it up for, which would say what the household
    claims) unless ``allow_stale`` is true, in which case the last known values are used and
    a ``BEN-STALE-PARAMETERS`` finding reports each one.
    """
    if type(household) is not Household and not isinstance(household, Household):
        raise ValidationError("household", "must be a Household")
    profile = household._profile
    ids = profile.ids
    given = receipts if type(receipts) is tuple else tuple(_receipts(receipts))
    # One pass checks each payment and adds up what is actually received (not a declined fee);
    # a wrong one is named by its index by a second pass, made only then.
    paid = 0
    for receipt in given:
        if type(receipt) is not Receipt and not isinstance(receipt, Receipt):
            _refuse(given, "receipts", ids)
        person = receipt.person
        if person is not None and person not in ids:
            _refuse(given, "receipts", ids)
        if receipt.kind is not _DECLINED_FEE:
            paid += receipt.pennies
    if paid >= PENNIES_LIMIT:
        # Each amount is below Money's bound, but their sum would have no Money form.
        raise ValidationError("receipts", "add up to more than an amount of money can hold")
    earlier = _checked(already, "already", ids, paid) if already else ()
    if household.nation is _NI:
        _check_nation(household)
    # Stale values are noted per check, so such a check gets a context of its own (reading
    # the rates records every such check shares); without them a context only reads, and
    # one per parameter set serves every check.
    if parameters is not None and type(parameters) is not ParameterSet:
        _check_parameters(parameters)
    if allow_stale:
        chosen = parameters if parameters is not None else bundled_parameters()
        ctx = Context(chosen, allow_stale=True)
    elif parameters is None:
        ctx = _bundled_context()
    else:
        ctx = parameters.memo(Context, Context, parameters)
    try:
        rows = tuple(_compute(household, given, earlier, ctx))
    except FiguresNotAvailable:
        raise
    except ParametersNotAvailable as error:
        # The parameter a rule stopped at, and the day it asked about (a benefit week's or an
        # AP's first day), say which benefit the household claims: the message names neither.
        raise FiguresNotAvailable(_days_asked(given, earlier), error) from None
    return BenefitsCheck._from_rows(
        rows, paid, (_explain, (household, given, earlier, ctx)), _compute, ctx
    )


def _days_asked(given: tuple[Receipt, ...], earlier: tuple[Receipt, ...]) -> str:
    """The days the payments were received: the one day, or the first to the last."""
    days = sorted({receipt.received_on for receipt in (*given, *earlier)})
    if not days:
        return "the days asked about"
    first, last = days[0].isoformat(), days[-1].isoformat()
    return first if first == last else f"{first} to {last}"


def _check_parameters(parameters: object) -> None:
    # A subclass of the set is a set; anything else is refused by name, not by what breaks.
    if not isinstance(parameters, ParameterSet):
        raise ValidationError("parameters", "must be a ParameterSet (or None for the bundled)")


def _compute(
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    ctx: Context,
) -> list[PeriodNumbers]:
    """Every period the payments touch, in date order, with what explaining each one needs."""
    reported: list[PeriodNumbers] = []
    # Each benefit of each person reports its periods in date order, so the rows need
    # sorting only when more than one of them reported any.
    streams = 0
    if household._profile.weekly:
        knock_on: list[PeriodNumbers] = []
        streams = _weekly(household, given, earlier, ctx, reported, knock_on)
        if household.universal_credit is not None:
            monthly = _universal_credit(household, given, earlier, knock_on, ctx)
            if monthly:
                reported.extend(monthly)
                streams += 1
    elif household.universal_credit is not None:
        reported = _universal_credit(household, given, earlier, [], ctx)
    if streams > 1:
        reported.sort(key=_in_order)
    return reported


def _in_order(row: PeriodNumbers) -> tuple[dt.date, int, str]:
    return (row.period.start, _ORDER[row.benefit._value_], row.person or "")


def _weekly(
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    ctx: Context,
    reported: list[PeriodNumbers],
    knock_on: list[PeriodNumbers],
) -> int:
    """Every weekly benefit's numbers: each person's own, then the household's.

    A week no payment in question falls in is still reported if its benefit changes (a
    knock-on from another benefit). ``knock_on`` collects the weeks of the benefits other
    benefits count as income or take as a passport. Returns how many benefits reported any
    week (each reports its own in date order).
    """
    streams = 0
    profile = household._profile
    nation = household.nation
    for person in household.people:
        claim = person.carers_allowance
        if claim is not None:
            # Carer Support Payment's award weeks run Sunday to Saturday.
            start = 6 if nation is _SCOTLAND else claim.benefit_week_start
            self_employed = False
            for receipt in given:
                if (
                    receipt.kind is _SELF_EMPLOYED
                    and (receipt.person or profile.first_id) == person.id
                ):
                    self_employed = True
                    break
            reported_before = len(reported)
            for week, income, shown in _own_weeks(
                profile, earlier, given, person.id, start, False, True
            ):
                row = carers_allowance.assess_week(
                    claim,
                    week,
                    income,
                    ctx,
                    person.id,
                    nation,
                    person.overlapping_benefit,
                    self_employed,
                )
                if shown or row.after != row.before:
                    reported.append(row)
                knock_on.append(row)
            streams += len(reported) > reported_before
        esa_claim = person.esa
        if esa_claim is not None:
            reported_before = len(reported)
            for week, income, shown in _own_weeks(
                profile, earlier, given, person.id, esa_claim.benefit_week_start, True, False
            ):
                row = esa.assess_week(esa_claim, week, income, ctx, person.id, nation)
                if shown or row.after != row.before:
                    reported.append(row)
                knock_on.append(row)
            streams += len(reported) > reported_before
    # The claims with the disregard the household gets (a couple's £10 unless stated).
    legacy_claim, hb_claim, pc_claim = household._assessed
    if legacy_claim is not None:
        claimant = household.legacy_claimant
        partner = next((p for p in household.people if p.id != claimant.id), None)
        pooled = legacy_claim.benefit.means_tested and partner is not None
        members = (claimant.id, partner.id) if pooled and partner is not None else (claimant.id,)
        new_style = legacy_claim.benefit is LegacyBenefit.NEW_STYLE_JSA
        reported_before = len(reported)
        # What the payments make the household lose of the CA and ESA a means-tested benefit
        # counts as income (the rows so far are each person's CA and ESA, none of the legacy
        # benefit's own); new-style JSA is contributory and makes nothing up.
        weeks, income_lost = _with_weeks_lost(
            _gather(profile, earlier, given, members, legacy_claim.benefit_week_start, True),
            () if new_style else knock_on,
            legacy_claim.benefit_week_start,
        )
        for week, incomes, shown in weeks:
            pair = legacy.WeekIncomes(
                incomes.get(claimant.id) or _regular(claimant),
                (incomes.get(partner.id) or _regular(partner))
                if pooled and partner is not None
                else None,
            )
            row = legacy.assess_week(
                legacy_claim,
                week,
                pair,
                ctx,
                nation=nation,
                person=claimant.id if new_style else None,
                income_lost=income_lost,
            )
            if shown or row.after != row.before:
                reported.append(row)
            # New-style JSA counts as UC's unearned income; the others are passports.
            knock_on.append(row)
        streams += len(reported) > reported_before
    if pc_claim is not None:
        reported_before = len(reported)
        # As for the legacy benefit: the rows so far are CA, ESA and any new-style JSA.
        weeks, income_lost = _with_weeks_lost(
            _gather(profile, earlier, given, profile.ids, pc_claim.benefit_week_start, False),
            knock_on,
            pc_claim.benefit_week_start,
        )
        for week, incomes, shown in weeks:
            row = pension_credit.assess_week(
                pc_claim,
                week,
                _pooled(incomes, household),
                ctx,
                nation=nation,
                income_lost=income_lost,
            )
            if shown or row.after != row.before:
                reported.append(row)
            knock_on.append(row)  # a passport to Housing Benefit
        streams += len(reported) > reported_before
    if hb_claim is not None:
        # A lost week of CA, ESA or JSA counts once, as for the legacy benefit: HB weeks and
        # the lost week rarely start on the same day, and by overlap it offset the earnings
        # of both HB weeks it touched.
        weeks, income_lost = _with_weeks_lost(
            _gather(profile, earlier, given, profile.ids, hb_claim.benefit_week_start, False),
            knock_on,
            hb_claim.benefit_week_start,
        )
        passport = housing_benefit.Passport(
            household.housing_benefit_passported,
            _passport_lost(knock_on),
            household.universal_credit is not None,
            income_lost or _nothing_lost,
        )
        reported_before = len(reported)
        for week, incomes, shown in weeks:
            row = housing_benefit.assess_week(
                hb_claim,
                week,
                _pooled(incomes, household),
                ctx,
                passport=passport,
                nation=nation,
            )
            if shown or row.after != row.before:
                reported.append(row)
        streams += len(reported) > reported_before
    return streams


def _regular(person: Person) -> Income:
    return Income(to_pennies(person.weekly_earnings.amount), person.weekly_hours)


def _receipts(receipts: Iterable[Receipt]) -> Iterable[Receipt]:
    if isinstance(receipts, Receipt):
        return (receipts,)
    if isinstance(receipts, str | bytes) or not isinstance(receipts, Iterable):
        raise ValidationError("receipts", "must be Receipts (a list, or one Receipt)")
    return receipts


def _pooled(incomes: dict[str, Income], household: Household) -> Income:
    """One income for the household's means-tested weekly benefits: both members' earnings."""
    if len(incomes) == 1 and not household.couple:
        return next(iter(incomes.values()))
    pooled = Income(0, ZERO)
    for person in household.people:
        income = incomes.get(person.id) or _regular(person)
        pooled.regular += income.regular
        pooled.already += income.already
        pooled.added += income.added
        pooled.hours_regular = add_hours(pooled.hours_regular, income.hours_regular)
        pooled.hours_already = add_hours(pooled.hours_already, income.hours_already)
        pooled.hours_added = add_hours(pooled.hours_added, income.hours_added)
    return pooled


def _passport_lost(rows: list[PeriodNumbers]) -> Callable[[DateRange], bool]:
    lost = [row.period for row in rows if row.benefit in _PASSPORTS and row.after == 0 < row.before]

    def in_week(week: DateRange) -> bool:
        return any(period.overlaps(week) for period in lost)

    return in_week


def _nothing_lost(week: DateRange) -> tuple[int, int]:
    del week
    return 0, 0


def _income_lost_midweek(rows: Iterable[PeriodNumbers]) -> list[tuple[dt.date, int, int]] | None:
    """Each lost week of CA, ESA or JSA as (its middle day, lost before, lost after), if any.

    What is lost is measured below what regular earnings alone leave (the baseline), which
    the award on the statement already counts as income.
    """
    found = [
        (
            row.period.start + dt.timedelta(days=(row.period.end - row.period.start).days // 2),
            row.baseline - row.before,
            row.baseline - row.after,
        )
        for row in rows
        if row.benefit in _COUNTED_AS_INCOME
        and (row.after < row.baseline or row.before < row.baseline)
    ]
    return found or None


def _with_weeks_lost(
    weeks: list[_WeekEntry], rows: Sequence[PeriodNumbers], start_weekday: int
) -> tuple[list[_WeekEntry], Callable[[DateRange], tuple[int, int]] | None]:
    """``weeks`` with every week a lost week of CA, ESA or JSA counts in, and what it loses.

    ``rows`` are the weeks of the benefits assessed so far; with none of them lost, ``weeks``
    are as they were and nothing is lost (``None``): reading it is not free.

    A means-tested benefit counts CA, ESA and JSA in full as income (IS Regs 1987 reg. 40; JSA
    Regs 1996 reg. 103; ESA Regs 2008 reg. 104; SPC Regs 2002 reg. 15(1)): a week lost of them
    raises it in the week the loss falls in, usually not one a payment falls in (CA counts
    earnings in the week after). The regulations place such income by the day it is due to be
    paid (IS Regs reg. 31(1)(b)), which the check does not know: each lost week counts once,
    whole, in the benefit week holding most of its days (its middle day), so weeks that start
    on different days never count it twice.
    """
    lost = _income_lost_midweek(rows) if rows else None
    if lost is None:
        return weeks, None
    known = {entry[0].start for entry in weeks}
    added = False
    for middle, _before, _after in lost:
        week = _week(start_weekday, middle)
        if week.start not in known:
            known.add(week.start)
            weeks.append([week, {}, False])
            added = True
    if added:
        weeks.sort(key=_entry_start)

    def in_week(week: DateRange) -> tuple[int, int]:
        before = after = 0
        start, end = week.start, week.end
        for middle, drop_before, drop_after in lost:
            if start <= middle <= end:
                before += drop_before
                after += drop_after
        return before, after

    return weeks, in_week


def _entry_start(entry: _WeekEntry) -> dt.date:
    start: dt.date = entry[0].start
    return start


def _monthly_payments(
    household: Household, day: dt.date, ctx: Context
) -> dict[tuple[str, Benefit], int]:
    """Carer's Allowance, ESA and new-style JSA paid with regular earnings (reg. 66), monthly.

    Each person's weekly payment of each benefit, by (person, benefit), as the monthly
    amount UC counts (reg. 73: each payment converted on its own, to the nearest penny): two
    partners' Carer's Allowance of £83.30 are £360.97 each, £721.94 in all, not the
    £721.93 of £166.60 a week converted at once.
    """
    found: dict[tuple[str, Benefit], int] = {}
    nation = household.nation
    weekly = household.profile.weekly_pennies
    for person in household.people:
        claim = person.carers_allowance
        if claim is not None:
            rates = carers_allowance.rates(ctx, nation, day)
            if weekly[person.id] <= rates.limit:
                found[person.id, _CARERS_ALLOWANCE] = weekly_to_monthly_pennies(
                    carers_allowance.payable(claim, person.overlapping_benefit, rates.rate)
                )
        esa_claim = person.esa
        if esa_claim is not None:
            limits = esa.limits(ctx, day)
            if esa.is_permitted(
                esa_claim.permitted_work, weekly[person.id], person.weekly_hours, limits
            ):
                found[person.id, _NEW_STYLE_ESA] = weekly_to_monthly_pennies(
                    esa_claim.award_pennies
                )
    claim_l = household.legacy
    if claim_l is not None and claim_l.benefit is _NEW_STYLE_JSA:
        found[household.legacy_claimant.id, _NEW_STYLE_JSA_BENEFIT] = weekly_to_monthly_pennies(
            claim_l.award_pennies
        )
    return found


def _universal_credit(
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    weekly: list[PeriodNumbers],
    ctx: Context,
) -> list[PeriodNumbers]:
    claim = household.universal_credit
    assert claim is not None
    first = claim.first_date_of_entitlement
    day_of_month = first.day
    profile = household._profile
    default = profile.first_id
    # Each AP touched, by its first day: [the AP, each member's [already, added], shown].
    touched: dict[dt.date, list[Any]] = {}
    # A gift is capital, not income: it counts only where the capital is known (then in
    # the AP it is received in, as held to the AP's end), and only for Universal Credit.
    gifts: dict[dt.date, list[int]] | None = {} if household.capital is not None else None
    for layer, receipts in ((0, earlier), (1, given)) if earlier else ((1, given),):
        for receipt in receipts:
            counted = receipt.counted_pennies
            if gifts is not None and receipt.kind is _GIFT and receipt.received_on >= first:
                period = _assessment_period(day_of_month, receipt.received_on)
                if period.start not in touched:
                    touched[period.start] = [period, {}, False]
                gifts.setdefault(period.start, [0, 0])[layer] += receipt.pennies
                if layer:
                    touched[period.start][2] = True
                continue
            if not counted or receipt.received_on < first:
                # Before the first date of entitlement a payment is in no AP (reg. 54).
                continue
            period = _assessment_period(day_of_month, receipt.received_on)
            entry = touched.get(period.start)
            if entry is None:
                entry = touched[period.start] = [period, {}, False]
            person = receipt.person or default
            pair = entry[1].get(person)
            if pair is None:
                # A member's first payment in the AP starts their [already, added].
                entry[1][person] = [0, counted] if layer else [counted, 0]
            else:
                pair[layer] += counted
            if layer:
                entry[2] = True
    # Each AP's weeks lost, by the person and benefit whose payment each is.
    lost: dict[dt.date, dict[tuple[str, Benefit], list[int]]] = {}
    # Read only when a weekly benefit is lost (most checks lose none, and it is not free).
    great_britain = bool(weekly) and household.nation.great_britain
    for row in weekly:
        if row.benefit not in _COUNTED_AS_INCOME:
            continue
        regular = row.baseline
        drop_before = regular - row.before
        drop_after = regular - row.after
        if not (drop_before or drop_after):
            continue
        if great_britain:
            across = _ap_whose_last_day_it_takes_in(day_of_month, row.period)
            if across is None:
                continue
            period = across
        else:
            # Northern Ireland's reg. 73(3) counts a part of an AP by its days: the library
            # keeps its earlier reading, the week's amount in the AP in which the week ends.
            period = _assessment_period(day_of_month, row.period.end)
        entry = touched.get(period.start)
        if entry is None:
            entry = touched[period.start] = [period, {}, False]
        if great_britain:
            # Each week lost is a payment of its own, converted on its own (reg. 73).
            drop_before = weekly_to_monthly_pennies(drop_before)
            drop_after = weekly_to_monthly_pennies(drop_after)
        key = (row.person or default, row.benefit)
        pair = lost.setdefault(period.start, {}).setdefault(key, [0, 0])
        pair[0] += drop_before
        pair[1] += drop_after
        if drop_after != drop_before:
            entry[2] = True
    found = []
    payable = profile.weekly and claim.current_award is None
    for start in sorted(touched) if len(touched) > 1 else touched:
        period, by_person, shown = touched[start]
        if not shown:
            continue
        knock = universal_credit.NO_KNOCK
        # Only a household with a weekly benefit UC counts has a week lost to knock on.
        here = lost.get(start) if lost else None
        if payable or here is not None:
            payments = _monthly_payments(household, start, ctx) if payable else {}
            lost_before = lost_after = 0
            if here is not None:
                # Monthly amounts in Great Britain (converted week by week above).
                for key, (drop_before, drop_after) in here.items():
                    if great_britain and payable:
                        # A week lost at a rate uprated after the AP's first day takes off
                        # no more than the AP counts of that payment (its rates are read on
                        # its first day).
                        counted = payments.get(key, 0)
                        drop_before = min(drop_before, counted)
                        drop_after = min(drop_after, counted)
                    lost_before += drop_before
                    lost_after += drop_after
            knock = universal_credit.Knock(sum(payments.values()), lost_before, lost_after)
        here_gifts = gifts.get(start) if gifts else None
        found.append(
            universal_credit.assess_period(
                household,
                period,
                by_person,
                knock,
                ctx,
                universal_credit.NO_GIFTS
                if here_gifts is None
                else universal_credit.Gifts(*here_gifts),
            )
        )
    return found


def _explain(
    check: BenefitsCheck,
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    ctx: Context,
) -> tuple[Finding, ...]:
    try:
        return _explained(check, household, given, earlier, ctx)
    except FiguresNotAvailable:
        raise
    except ParametersNotAvailable as error:
        # As when the numbers were worked out: the message names no benefit's figure.
        raise FiguresNotAvailable(_days_asked(given, earlier), error) from None


def _explained(
    check: BenefitsCheck,
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    ctx: Context,
) -> tuple[Finding, ...]:
    outcomes = check.outcomes
    extra: list[Finding] = []
    claim = household.universal_credit
    if claim is not None:
        first = claim.first_date_of_entitlement
        early = sum(1 for r in given if r.counted_pennies and r.received_on < first)
        if early:
            extra.append(universal_credit.before_claim_finding(household, early))
    # Income Support, income-based JSA, income-related ESA and Pension Credit make a lost
    # week up in full (their weeks say so); Housing Benefit, when no means-tested benefit
    # passports it, only partly as this check counts it.
    hb_claim = household.housing_benefit
    if (
        hb_claim is not None
        and not household.housing_benefit_passported
        and household.universal_credit is None
        and any(o.cliff and o.benefit is Benefit.CARERS_ALLOWANCE for o in outcomes)
    ):
        extra.append(
            finding("BEN-CA-LEGACY-KNOCK-ON", Severity.INFO, "benefits.ca.legacy_knock_on")
        )
    if claim is not None and household.nation.great_britain:
        extra.extend(_not_made_up(outcomes, claim.first_date_of_entitlement.day, household.nation))
    one_carer = _one_carer_disregard(household, given, outcomes)
    if one_carer is not None:
        extra.append(one_carer)
    disabled = disability_disregard_advice(household, outcomes)
    if disabled is not None:
        extra.append(disabled)
    explained = [f for o in outcomes for f in o.findings]
    # A payee's own benefits that earnings never change; a partner's are not the payee's
    # to hear about (and would say what the partner gets).
    payees = _payees(household, given)
    unaffected = frozenset(b for p in household.people if p.id in payees for b in p.unaffected)
    change = check.change_pennies()
    paid = check.paid_pennies
    kept = finding(
        "BEN-KEPT",
        Severity.INFO,
        "benefits.kept",
        {"paid": pounds(paid), "change": pounds(change), "kept": pounds(paid + change)},
    )
    # A shared context records no stale values (it never allows them).
    stale = [
        finding(
            STALE_RULE,
            Severity.WARNING,
            "benefits.stale",
            {
                "name": use.name,
                "value": _quoted(use.value, ctx.parameters[use.name].unit),
                "effective_from": use.effective_from,
                # The last day the figures were known current: the reader sees how stale.
                "valid_until": ctx.parameters[use.name].valid_until,
            },
            parameters=(use,),
            # Which figure a check used says which benefit the household gets.
            sensitive=True,
        )
        for use in ctx.stale.values()
    ]
    kinds = frozenset(r.kind for r in given)
    return (
        *standing_findings(_reported_to(household, payees), household.nation),
        *kind_findings(kinds, universal_credit=claim is not None, nation=household.nation),
        *unaffected_findings(unaffected),
        *explained,
        *extra,
        kept,
        *stale,
    )


def _payees(household: Household, given: tuple[Receipt, ...]) -> frozenset[str]:
    """The members the payments are to (the first member unless a payment names another)."""
    default = household._profile.first_id
    return frozenset(receipt.person or default for receipt in given)


def _reported_to(household: Household, payees: frozenset[str]) -> frozenset[Benefit]:
    """The benefits whose offices hear of payments to ``payees``: whose reporting duty applies.

    The household's means-tested claims count every member's earnings; a person's own
    benefit (Carer's Allowance, new-style ESA or JSA) counts only theirs. So a payment to one
    partner brings no duty to report it to the other's own benefit, and naming that duty
    would tell whoever reads the check what the other partner claims.
    """
    benefits = household.benefits
    if len(household.people) == 1 or not any(b.personal for b in benefits):
        return benefits
    reported = {b for b in benefits if not b.personal}
    for person in household.people:
        if person.id not in payees:
            continue
        if person.carers_allowance is not None:
            reported.add(Benefit.CARERS_ALLOWANCE)
        if person.esa is not None:
            reported.add(Benefit.NEW_STYLE_ESA)
    legacy = household.legacy
    if (
        legacy is not None
        and legacy.benefit is _NEW_STYLE_JSA
        and household.legacy_claimant.id in payees
    ):
        reported.add(Benefit.NEW_STYLE_JSA)
    return frozenset(reported)


def _one_carer_disregard(
    household: Household, given: tuple[Receipt, ...], outcomes: Iterable[Any]
) -> Finding | None:
    """Advice when a couple with one carer got the couple's £10 on the carer's earnings.

    Only the carer's own earnings get the carer premium's £20 (IS Regs 1987 Sch. 8 paras. 6A,
    6B and 9; HB (SPC) Regs 2006 Sch. 4 para. 4); the weekly checks pool the couple's
    earnings, so with the disregard unstated they use the £10 the couple is sure of
    (:func:`participatory.benefits.household._carer_premium`). Said, rather than guessed,
    when a payment is the carer's and a pooled benefit's period changed.
    """
    if len(household.people) != 2:
        return None
    carers = [p.id for p in household.people if p.carers_allowance is not None]
    if len(carers) != 1 or not any(r.person == carers[0] and r.counted_pennies for r in given):
        return None
    unstated = set()
    if household.housing_benefit is not None and household.housing_benefit.disregard is None:
        unstated.add(Benefit.HOUSING_BENEFIT)
    if household.pension_credit is not None and household.pension_credit.disregard is None:
        unstated.add(Benefit.PENSION_CREDIT)
    if household.legacy is not None and household.legacy.disregard is None:
        unstated |= {Benefit.INCOME_SUPPORT, Benefit.INCOME_BASED_JSA}
    if not any(o.benefit in unstated and o.change_pennies < 0 for o in outcomes):
        return None
    nation = household.nation
    return finding(
        "BEN-ONE-CARER-DISREGARD",
        Severity.ADVICE,
        "benefits.one_carer_disregard",
        citations=(
            cite_law("housing_benefit.disregards", nation),
            cite_law("legacy.disregards", nation),
        ),
    )


def _ap_whose_last_day_it_takes_in(anchor_day: int, week: DateRange) -> DateRange | None:
    """The AP whose last day ``week`` takes in, or ``None`` when the week is inside one AP.

    In Great Britain an AP counts Carer's Allowance, ESA and JSA at the rate the person is
    entitled to on its last day, as a whole month (UC Regs 2013 regs. 66(1)(b) and 73; a
    change of entitlement runs from the first day of its AP, D&A Regs 2013 Sch. 1 para. 31):
    only a week lost across an AP's last day changes UC; one lost and resumed inside an AP
    changes none.
    """
    period = _assessment_period(anchor_day, week.start)
    return period if period.end <= week.end else None


def _not_made_up(outcomes: Iterable[Any], anchor_day: int, nation: Nation) -> list[Finding]:
    """Weeks of Carer's Allowance, ESA or JSA the payments cost inside an AP (Great Britain).

    UC counts these at the rate on an AP's last day, so a week lost and paid again before it
    is not made up by UC: said, so the person is not left to expect it. A week lost across
    an AP's last day is (``BEN-UC-KNOCK-ON``).
    """
    lost = [
        (o, _ap_whose_last_day_it_takes_in(anchor_day, o.period))
        for o in outcomes
        if o.benefit in _COUNTED_AS_INCOME and o.change_pennies < 0
    ]
    # An AP whose last day falls in a week the same benefit of the same person is cut in
    # counts that cut rate for the whole AP: a week lost earlier in it is not "paid again"
    # by the last day, and UC already counts the AP at the cut rate.
    cut_at_end = {
        (outcome.benefit, outcome.person, across.start)
        for outcome, across in lost
        if across is not None
    }
    found = []
    for outcome, across in lost:
        if across is not None:
            continue
        week = outcome.period
        period = _assessment_period(anchor_day, week.start)
        if (outcome.benefit, outcome.person, period.start) in cut_at_end:
            continue
        lost_here = pounds(-outcome.change_pennies)
        found.append(universal_credit.not_made_up_finding(lost_here, week, period, nation))
    return found


def _quoted(value: object, unit: str) -> object:
    # An amount in pounds is quoted as money (£204.00), not as a bare number (204).
    return Money(value, "GBP") if unit == "GBP" else value


def assess_payment(
    household: Household,
    amount: Money | Decimal | int | str,
    received_on: dt.date | str,
    kind: ReceiptKind = ReceiptKind.INVOLVEMENT_FEE,
    *,
    hours: Decimal | int | str = 0,
    person: str | None = None,
    already: Iterable[Receipt] = (),
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
) -> BenefitsCheck:
    """:func:`assess_benefits` for one payment: "what does this fee do?".

    For the Universal Credit change in the assessment period the payment is received in,
    read ``assess_payment(...).change(Benefit.UNIVERSAL_CREDIT)``.
    """
    receipt = Receipt(amount, received_on, kind, hours=hours, person=person)
    return assess_benefits(
        household, (receipt,), already=already, parameters=parameters, allow_stale=allow_stale
    )
