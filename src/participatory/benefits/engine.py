"""The entry points: what payments do to a household's benefits, person by person.

:func:`assess_benefits` takes a :class:`~participatory.benefits.household.Household` and the
payments in question (each naming the member who receives it), runs every benefit anyone in it
receives period by period — each person's own weekly benefits on their own earnings, the
household's means-tested benefits and Universal Credit on both partners' — works out the
knock-on effects (a lost week of Carer's Allowance or ESA raises Universal Credit), and returns
a :class:`~participatory.benefits.outcomes.BenefitsCheck`. Payments already made or scheduled
(from every project and payer: the person's ledger) are given as ``already``: they count in
every period, before and after, so the answer is about what *these* payments add.

The numbers come first; the findings that explain them are built when first read.

>>> import datetime as dt
>>> from participatory.benefits.claims import UniversalCreditClaim
>>> from participatory.benefits.household import Household, Person
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
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Final

from participatory.benefits import carers_allowance, esa, housing_benefit, legacy
from participatory.benefits import pension_credit, universal_credit
from participatory.benefits.advice import standing_findings
from participatory.benefits.household import Household, Person
from participatory.benefits.kinds import Benefit, LegacyBenefit
from participatory.benefits.mechanism import ZERO, Context, Income, finding
from participatory.benefits.outcomes import BenefitsCheck, PeriodOutcome
from participatory.benefits.receipts import Receipt, ReceiptKind, Treatment
from participatory.benefits.treatments import kind_findings
from participatory.benefits.unaffected import unaffected_findings
from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, DateRange

__all__ = ["MESSAGES", "assess_benefits", "assess_payment"]

MESSAGES: Final = {
    "benefits.kept": (
        "Payments of {paid} change benefits by {change} in total, so the household is "
        "better off by {kept}."
    ),
    "benefits.stale": (
        "The figure {name} is past the date its data is known to be current "
        "({valid_until}); the last known value ({value}, from {effective_from}) was used "
        "because the caller asked for it. Check for newer rates."
    ),
}

_ORDER: Final = {benefit: index for index, benefit in enumerate(Benefit)}
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
_WEEK: Final = dt.timedelta(days=7)


@functools.lru_cache(maxsize=4096)
def _week(start_weekday: int, day: dt.date) -> DateRange:
    return BenefitWeekCycle(start_weekday).period_containing(day)


@functools.lru_cache(maxsize=4096)
def _assessment_period(day_of_month: int, first: dt.date, day: dt.date) -> DateRange:
    # APs start on the same day of each month as the first date of entitlement (reg. 21(2)):
    # claims that began on the same day of any month share a period for each day asked about.
    return AssessmentPeriodCycle(first).period_containing(day)


class _Item:
    """One receipt as the rules see it: whose, when, what counts, and which layer."""

    __slots__ = ("added", "counted", "hours", "kind", "person", "received_on", "work_day")

    def __init__(self, receipt: Receipt, person: str, added: bool) -> None:
        self.person = person
        self.received_on = receipt.received_on
        self.work_day = receipt.work_day
        self.counted = receipt.counted
        self.hours = receipt.hours if receipt.treatment is not Treatment.NOTHING_RECEIVED else ZERO
        self.kind = receipt.kind
        self.added = added


def _add(income: Income, item: _Item, earnings: bool, hours: bool) -> None:
    if item.added:
        if earnings:
            income.added += item.counted
        if hours:
            income.hours_added += item.hours
    else:
        if earnings:
            income.already += item.counted
        if hours:
            income.hours_already += item.hours


class _Weeks:
    """Benefit weeks keyed by their first day, each with the income of one or two people."""

    __slots__ = ("reported", "weeks")

    def __init__(self) -> None:
        self.weeks: dict[dt.date, tuple[DateRange, dict[str, Income]]] = {}
        self.reported: set[dt.date] = set()

    def income(self, week: DateRange, person: Person) -> Income:
        entry = self.weeks.get(week.start)
        if entry is None:
            entry = self.weeks[week.start] = (week, {})
        found = entry[1].get(person.id)
        if found is None:
            found = entry[1][person.id] = Income(person.weekly_earnings.amount, person.weekly_hours)
        return found

    def sorted(self) -> list[tuple[DateRange, dict[str, Income], bool]]:
        return [(*self.weeks[day], day in self.reported) for day in sorted(self.weeks)]


def _gather(
    items: list[_Item],
    people: tuple[Person, ...],
    start_weekday: int,
    *,
    hours: bool,
    lag: bool = False,
) -> _Weeks:
    """The weeks the items fall in, for ``people``; ``lag`` moves earnings a week on (CA)."""
    weeks = _Weeks()
    by_id = {p.id: p for p in people}
    for item in items:
        person = by_id.get(item.person)
        if person is None:
            continue
        if item.counted:
            week = _week(start_weekday, item.received_on)
            if lag:
                week = DateRange(week.start + _WEEK, week.end + _WEEK)
            _add(weeks.income(week, person), item, True, False)
            if item.added:
                weeks.reported.add(week.start)
        if hours and item.hours:
            week = _week(start_weekday, item.work_day)
            _add(weeks.income(week, person), item, False, True)
            if item.added:
                weeks.reported.add(week.start)
    return weeks


def _check_nation(household: Household) -> None:
    if household.nation is not Nation.NORTHERN_IRELAND:
        return
    for benefit in household.benefits:
        if benefit not in _NORTHERN_IRELAND:
            raise UnsupportedCase(
                f"{benefit.label} in Northern Ireland",
                instead="ask a welfare-rights adviser (Advice NI, or the Make the Call service)",
            )


def _checked(
    receipts: Iterable[Receipt], path: str, ids: frozenset[str]
) -> tuple[Receipt, ...]:
    items = receipts if type(receipts) is tuple else tuple(_receipts(receipts))
    for index, receipt in enumerate(items):
        if type(receipt) is not Receipt and not isinstance(receipt, Receipt):
            raise ValidationError(f"{path}[{index}]", "must be a Receipt")
        person = receipt.person
        if person is not None and person not in ids:
            raise ValidationError(f"{path}[{index}].person", "is not a member of the household")
    return items


def _context(parameters: ParameterSet | None, allow_stale: bool) -> Context:
    chosen = parameters if parameters is not None else bundled_parameters()
    if allow_stale:
        # Stale values are recorded per check, so each check gets its own context.
        return Context(chosen, allow_stale=True)
    # Without stale values a context only reads: one per parameter set serves every check.
    return chosen.memo(Context, Context, chosen)


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
    :class:`~participatory.core.errors.ParametersNotAvailable` unless ``allow_stale`` is
    true, in which case the last known values are used and a ``BEN-STALE-PARAMETERS``
    finding reports each one.
    """
    if type(household) is not Household and not isinstance(household, Household):
        raise ValidationError("household", "must be a Household")
    profile = household.profile
    given = _checked(receipts, "receipts", profile.ids)
    earlier = _checked(already, "already", profile.ids) if already else ()
    if household.nation is Nation.NORTHERN_IRELAND:
        _check_nation(household)
    ctx = _context(parameters, allow_stale)
    reported: list[PeriodOutcome] = []
    knock_on: list[PeriodOutcome] = []
    if profile.weekly:
        _weekly(household, given, earlier, ctx, reported, knock_on)
    if household.universal_credit is not None:
        reported.extend(_universal_credit(household, given, earlier, knock_on, ctx))
    if len(reported) > 1:
        reported.sort(key=lambda o: (o.period.start, _ORDER[o.benefit], o.person or ""))
    paid = ZERO
    for receipt in given:
        if receipt.kind is not ReceiptKind.DECLINED_FEE:
            paid += receipt.amount.amount
    return BenefitsCheck(reported, paid, explain=(_explain, (household, given, ctx)))


def _weekly(
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    ctx: Context,
    reported: list[PeriodOutcome],
    knock_on: list[PeriodOutcome],
) -> None:
    """Every weekly benefit's outcomes: each person's own, then the household's."""
    first = household.profile.first_id
    items = [_Item(r, r.person or first, False) for r in earlier]
    new = [_Item(r, r.person or first, True) for r in given]
    items.extend(new)
    nation = household.nation

    def keep(outcome: PeriodOutcome, shown: bool) -> None:
        # A period no payment in question falls in is still reported if they change it
        # (a knock-on from another benefit).
        if shown or outcome.after_amount != outcome.before_amount:
            reported.append(outcome)
        if outcome.benefit in _COUNTED_AS_INCOME or outcome.benefit in _PASSPORTS:
            knock_on.append(outcome)

    for person in household.people:
        claim = person.carers_allowance
        if claim is not None:
            start = 6 if nation is Nation.SCOTLAND else claim.benefit_week_start
            weeks = _gather(items, (person,), start, hours=False, lag=True)
            self_employed = any(
                i.kind is ReceiptKind.SELF_EMPLOYED_INVOICE and i.person == person.id
                for i in new
            )
            for week, incomes, shown in weeks.sorted():
                keep(
                    carers_allowance.assess_week(
                        claim,
                        week,
                        incomes[person.id],
                        ctx,
                        person=person.id,
                        nation=nation,
                        overlapping=person.overlapping_benefit,
                        self_employed=self_employed,
                    ),
                    shown,
                )
        esa_claim = person.esa
        if esa_claim is not None:
            weeks = _gather(items, (person,), esa_claim.benefit_week_start, hours=True)
            for week, incomes, shown in weeks.sorted():
                keep(
                    esa.assess_week(
                        esa_claim, week, incomes[person.id], ctx, person=person.id, nation=nation
                    ),
                    shown,
                )
    legacy_claim = household.legacy
    if legacy_claim is not None:
        claimant = household.legacy_claimant
        partner = next((p for p in household.people if p.id != claimant.id), None)
        pooled = legacy_claim.benefit.means_tested and partner is not None
        members = (claimant, partner) if pooled and partner is not None else (claimant,)
        weeks = _gather(items, members, legacy_claim.benefit_week_start, hours=True)
        for week, incomes, shown in weeks.sorted():
            pair = legacy.WeekIncomes(
                incomes.get(claimant.id) or _regular(claimant),
                (incomes.get(partner.id) or _regular(partner))
                if pooled and partner is not None
                else None,
            )
            keep(
                legacy.assess_week(
                    legacy_claim,
                    week,
                    pair,
                    ctx,
                    nation=nation,
                    person=claimant.id
                    if legacy_claim.benefit is LegacyBenefit.NEW_STYLE_JSA
                    else None,
                ),
                shown,
            )
    pc_claim = household.pension_credit
    if pc_claim is not None:
        weeks = _gather(items, household.people, pc_claim.benefit_week_start, hours=False)
        for week, incomes, shown in weeks.sorted():
            keep(
                pension_credit.assess_week(
                    pc_claim, week, _pooled(incomes, household), ctx, nation=nation
                ),
                shown,
            )
    hb_claim = household.housing_benefit
    if hb_claim is not None:
        passport = housing_benefit.Passport(
            household.housing_benefit_passported,
            _passport_lost(knock_on),
            household.universal_credit is not None,
            _income_lost(knock_on),
        )
        weeks = _gather(items, household.people, hb_claim.benefit_week_start, hours=False)
        for week, incomes, shown in weeks.sorted():
            keep(
                housing_benefit.assess_week(
                    hb_claim,
                    week,
                    _pooled(incomes, household),
                    ctx,
                    passport=passport,
                    nation=nation,
                ),
                shown,
            )


def _regular(person: Person) -> Income:
    return Income(person.weekly_earnings.amount, person.weekly_hours)


def _receipts(receipts: Iterable[Receipt]) -> Iterable[Receipt]:
    return (receipts,) if isinstance(receipts, Receipt) else receipts


def _pooled(incomes: dict[str, Income], household: Household) -> Income:
    """One income for the household's means-tested weekly benefits: both members' earnings."""
    if len(incomes) == 1 and not household.couple:
        return next(iter(incomes.values()))
    pooled = Income(ZERO, ZERO)
    for person in household.people:
        income = incomes.get(person.id) or Income(person.weekly_earnings.amount, person.weekly_hours)
        pooled.regular += income.regular
        pooled.already += income.already
        pooled.added += income.added
        pooled.hours_regular += income.hours_regular
        pooled.hours_already += income.hours_already
        pooled.hours_added += income.hours_added
    return pooled


def _passport_lost(outcomes: list[PeriodOutcome]) -> Callable[[DateRange], bool]:
    lost = [
        o.period
        for o in outcomes
        if o.benefit in _PASSPORTS and o.after_amount == 0 < o.before_amount
    ]

    def in_week(week: DateRange) -> bool:
        return any(period.overlaps(week) for period in lost)

    return in_week


def _income_lost(
    outcomes: list[PeriodOutcome],
) -> Callable[[DateRange], tuple[Decimal, Decimal]]:
    lost = [
        (o.period, o.baseline_amount - o.before_amount, o.baseline_amount - o.after_amount)
        for o in outcomes
        if o.benefit in _COUNTED_AS_INCOME and o.after_amount < o.baseline_amount
    ]

    def in_week(week: DateRange) -> tuple[Decimal, Decimal]:
        before = after = ZERO
        for period, drop_before, drop_after in lost:
            if period.overlaps(week):
                before += drop_before
                after += drop_after
        return before, after

    return in_week


def _weekly_payable(household: Household, day: dt.date, ctx: Context) -> Decimal:
    """Carer's Allowance, ESA and new-style JSA paid a week with regular earnings (reg. 66)."""
    total = ZERO
    nation = household.nation
    for person in household.people:
        claim = person.carers_allowance
        if claim is not None:
            found = carers_allowance.rates(ctx, nation, day)
            if person.weekly_earnings.amount <= found.limit:
                total += carers_allowance.payable(claim, person.overlapping_benefit, found.rate)
        esa_claim = person.esa
        if esa_claim is not None:
            limits = esa.limits(ctx, day)
            if esa.is_permitted(
                esa_claim.permitted_work, person.weekly_earnings.amount, person.weekly_hours, limits
            ):
                total += esa_claim.weekly_award.amount
    claim_l = household.legacy
    if claim_l is not None and claim_l.benefit is LegacyBenefit.NEW_STYLE_JSA:
        total += claim_l.weekly_award.amount
    return total


def _universal_credit(
    household: Household,
    given: tuple[Receipt, ...],
    earlier: tuple[Receipt, ...],
    weekly: list[PeriodOutcome],
    ctx: Context,
) -> list[PeriodOutcome]:
    claim = household.universal_credit
    assert claim is not None
    first = claim.first_date_of_entitlement
    day_of_month = first.day
    default = household.profile.first_id
    periods: dict[dt.date, DateRange] = {}
    earnings: dict[dt.date, dict[str, list[Decimal]]] = {}
    shown: set[dt.date] = set()
    for layer, receipts in ((0, earlier), (1, given)):
        for receipt in receipts:
            counted = receipt.counted
            if not counted:
                continue
            period = _assessment_period(day_of_month, first, receipt.received_on)
            start = period.start
            periods[start] = period
            by_person = earnings.get(start)
            if by_person is None:
                by_person = earnings[start] = {}
            person = receipt.person or default
            pair = by_person.get(person)
            if pair is None:
                pair = by_person[person] = [ZERO, ZERO]
            pair[layer] += counted
            if layer:
                shown.add(start)
    lost: dict[dt.date, list[Decimal]] = {}
    for outcome in weekly:
        if outcome.benefit not in _COUNTED_AS_INCOME:
            continue
        regular = outcome.baseline_amount
        drop_before = regular - outcome.before_amount
        drop_after = regular - outcome.after_amount
        if not (drop_before or drop_after):
            continue
        # Paid in arrears: the week counts in the AP in which it ends.
        period = _assessment_period(day_of_month, first, outcome.period.end)
        periods[period.start] = period
        entry = lost.setdefault(period.start, [ZERO, ZERO])
        entry[0] += drop_before
        entry[1] += drop_after
        if drop_after != drop_before:
            shown.add(period.start)
    found = []
    payable = household.profile.weekly and claim.current_award is None
    for start in sorted(shown):
        knock = universal_credit.NO_KNOCK
        entry = lost.get(start)
        if payable or entry is not None:
            knock = universal_credit.Knock(
                _weekly_payable(household, start, ctx) if payable else ZERO,
                entry[0] if entry is not None else ZERO,
                entry[1] if entry is not None else ZERO,
            )
        found.append(
            universal_credit.assess_period(
                household, periods[start], earnings.get(start) or {}, knock, ctx
            )
        )
    return found


def _explain(
    check: BenefitsCheck, household: Household, given: tuple[Receipt, ...], ctx: Context
) -> tuple[Finding, ...]:
    outcomes = check.outcomes
    extra: list[Finding] = []
    claim = household.universal_credit
    gifts = ZERO
    first_gift: dt.date | None = None
    for receipt in given:
        if receipt.kind is ReceiptKind.GIFT:
            gifts += receipt.amount.amount
            if first_gift is None or receipt.received_on < first_gift:
                first_gift = receipt.received_on
    if gifts and claim is not None and first_gift is not None:
        period = AssessmentPeriodCycle(claim.first_date_of_entitlement).period_containing(
            first_gift
        )
        extra.extend(universal_credit.gift_findings(household, gifts, period.start, ctx))
    if (
        household.legacy is not None
        or household.pension_credit is not None
        or household.housing_benefit is not None
    ) and any(o.cliff and o.benefit is Benefit.CARERS_ALLOWANCE for o in outcomes):
        extra.append(
            finding("BEN-CA-LEGACY-KNOCK-ON", Severity.INFO, "benefits.ca.legacy_knock_on")
        )
    explained = [f for o in outcomes for f in o.findings]
    unaffected = frozenset(b for p in household.people for b in p.unaffected)
    change = check.change_amount()
    paid = check.paid_amount
    kept = finding(
        "BEN-KEPT",
        Severity.INFO,
        "benefits.kept",
        {"paid": Money(paid), "change": Money(change), "kept": Money(paid + change)},
    )
    # A shared context records no stale values (it never allows them).
    stale = [
        finding(
            "BEN-STALE-PARAMETERS",
            Severity.WARNING,
            "benefits.stale",
            {
                "name": use.name,
                "value": use.value,
                "effective_from": use.effective_from,
                # The last day the figures were known current: the reader sees how stale.
                "valid_until": ctx.parameters[use.name].valid_until,
            },
            parameters=(use,),
            sensitive=False,
        )
        for use in ctx.stale.values()
    ]
    kinds = frozenset(r.kind for r in given)
    return (
        *standing_findings(household.benefits, household.nation),
        *kind_findings(kinds, universal_credit=claim is not None, nation=household.nation),
        *unaffected_findings(unaffected),
        *explained,
        *extra,
        kept,
        *stale,
    )


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
