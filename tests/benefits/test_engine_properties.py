""":mod:`participatory.benefits.engine`: property tests.

Invariants of the benefits engine over random households (single people and couples, each
with their own benefits) and payments, and the engine's shortcuts (results built without
re-running the models' converters, assessment periods remembered between checks) checked
against the plain path.
"""

import datetime as dt
import decimal
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    BenefitsCheck,
    Receipt,
    ReceiptKind,
    assess_benefits,
    assess_many,
)
from participatory.benefits.engine import _assessment_period
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.periods import AssessmentPeriodCycle
from participatory.testing import benefits as bs
from participatory.testing.strategies import dates


def _run(household, receipts, **kw):
    # A computed UC award reads figures the data may not have on every generated day (the
    # disabled child addition's lower rate ends in April 2026): such a draw is discarded.
    try:
        return assess_benefits(household, receipts, **kw)
    except ParametersNotAvailable:
        assume(False)
        raise


@given(bs.households(), bs.receipt_lists())
def test_a_check_equals_the_result_rebuilt_through_its_validators(household, receipts):
    result = _run(household, receipts)
    rebuilt = BenefitsCheck(result.outcomes, result.paid, findings=result.findings)
    assert rebuilt == result
    assert rebuilt.kept == result.kept
    assert result.paid.currency == "GBP"


@given(dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), bs.payment_days())
def test_assessment_periods_are_shared_only_by_the_day_of_the_month(first, day):
    # The remembered period of another claim that began on the same day of the month
    # must be this claim's period too.
    other = dt.date(2019, 1, first.day)
    expected = AssessmentPeriodCycle(first).period_containing(day)
    assert _assessment_period(first.day, day) == expected
    assert AssessmentPeriodCycle(other).period_containing(day) == expected
    assert expected.start <= day <= expected.end


CLIFF_RULES = {
    "BEN-CA-EARNINGS-LIMIT",
    "BEN-ESA-PERMITTED-WORK-LOWER",
    "BEN-ESA-PERMITTED-WORK-HIGHER",
    "BEN-ESA-PERMITTED-WORK-SUPPORTED",
    "BEN-ESA-16-HOURS",
    "BEN-LEGACY-16-HOURS",
    # A partner's 24 hours ends the household's IS, JSA or income-related ESA (new).
    "BEN-LEGACY-24-HOURS",
}


#: Paying at once can reach the benefit cap's earnings exception (UC Regs 2013 reg. 82(1)(a))
#: where two smaller payments in two periods do not, so splitting can lose the rise.
#: Findings that explain why splitting a payment can lose more than paying it at once. A
#: payment received before a UC claim's first day counts in no assessment period
#: (BEN-UC-BEFORE-CLAIM): £0.05 on the day before, at once, costs nothing, while its halves,
#: £0.02 that day and £0.03 a week later, lose 55% of £0.03, £0.02 (UC Regs 2013 reg. 22).
EXPLAINS_EXTRA_LOSS = {
    "BEN-UC-AWARD-NIL",
    "BEN-AWARD-EXHAUSTED",
    "BEN-UC-BENEFIT-CAP-LIFTED",
    "BEN-UC-BEFORE-CLAIM",
}


FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, hours=0, person="p1"):
    return Receipt(Money.gbp(amount), day, FEE, hours=hours, person=person)


#: The weekly benefits Universal Credit counts as unearned income (UC Regs 2013 reg. 66(1)(b)).
COUNTED_BY_UC = {Benefit.CARERS_ALLOWANCE, Benefit.NEW_STYLE_ESA, Benefit.NEW_STYLE_JSA}


@given(bs.households(), bs.receipt_lists(), bs.pounds(0, 800), bs.payment_days())
def test_more_payment_never_leaves_more_benefit(household, receipts, extra, day):
    """Except in two cases, each with its finding. The payments reach the benefit cap's
    earnings exception: earnings at or above 16 hours at the National Living Wage lift the
    cap for the period (UC Regs 2013 reg. 82(1)(a)). Or they cost a week of Carer's
    Allowance, ESA or JSA that covers the last day of a UC assessment period: in Great
    Britain that AP counts a month of the rate on its last day (regs. 66(1)(b), 73; D&A Regs
    2013 Sch. 1 para. 31), so UC rises by up to 52 / 12 of the week lost; the household can
    gain at most the other 40 / 12 of it (a penny's rounding each AP)."""
    before = _run(household, receipts)
    after = _run(household, [*receipts, fee(extra.amount, day)])
    gain = after.change().amount - before.change().amount
    if gain <= 0 or after.has("BEN-UC-BENEFIT-CAP-LIFTED"):
        return
    assert after.has("BEN-UC-KNOCK-ON")
    assert household.nation.great_britain
    weekly_lost = sum(
        (o.before.amount - o.after.amount for o in after.outcomes if o.benefit in COUNTED_BY_UC),
        Decimal(0),
    )
    periods = len(after.outcomes_for(Benefit.UNIVERSAL_CREDIT))
    assert gain * 12 <= weekly_lost * 40 + Decimal("0.12") * periods


@given(bs.households(), bs.payment_days(), bs.pounds(0, 1200), bs.pounds(0, 300))
def test_what_is_kept_only_falls_at_a_reported_cliff(household, day, low, step):
    """Or where Universal Credit tapers a payment that also cuts a week of new-style JSA
    inside an assessment period: in Great Britain the AP counts a month of the JSA the
    person is entitled to on its last day (UC Regs 2013 regs. 66(1)(b), 73; D&A Regs 2013
    Sch. 1 para. 31), so a week cut and restored inside it gives nothing back, and the
    payment costs up to 100% (JSA) + 55% (the UC taper): what is kept falls by at most
    55% of the step, a penny's rounding besides."""
    smaller = _run(household, [fee(low.amount, day)])
    larger = _run(household, [fee((low + step).amount, day)])
    if larger.kept >= smaller.kept:
        return
    if len(larger.cliffs) > len(smaller.cliffs):
        assert any(
            f.rule_id in CLIFF_RULES and f.severity is Severity.PROBLEM for f in larger.findings
        )
        return
    assert household.universal_credit is not None
    assert household.nation.great_britain
    assert any(o.benefit in COUNTED_BY_UC and o.after < o.before for o in larger.outcomes)
    assert (smaller.kept - larger.kept).amount <= step.amount * Decimal("0.55") + Decimal("0.01")


@given(bs.households(), bs.receipt_lists(max_size=4))
def test_every_cliff_is_reported_as_a_cliff(household, receipts):
    result = _run(household, receipts)
    for outcome in result.outcomes:
        problem = [
            f
            for f in outcome.findings
            if f.rule_id in CLIFF_RULES and f.severity is Severity.PROBLEM
        ]
        assert outcome.cliff == bool(problem)
        if outcome.cliff:
            assert outcome.after.is_zero()
            assert outcome.before.amount > 0


@given(
    bs.households(),
    bs.payment_days(max_value=dt.date(2026, 1, 1)),
    bs.pounds(0, 2000),
    st.integers(7, 62),
)
def test_splitting_never_loses_more_unless_a_finding_says_why(household, day, total, gap):
    half = (total.amount / 2).quantize(Decimal("0.01"))
    at_once = _run(household, [fee(total.amount, day)])
    split = _run(
        household,
        [fee(half, day), fee(total.amount - half, day + dt.timedelta(days=gap))],
    )
    # Each period's deduction is rounded to the penny separately (UC Regs reg. 6, to the
    # nearest penny), so two periods can differ from one by a penny either way; beyond that
    # a finding explains.
    extra = split.loss.amount - at_once.loss.amount
    if extra <= Decimal("0.01") or split.cliffs:
        return
    if any(result.has(rule) for rule in EXPLAINS_EXTRA_LOSS for result in (split, at_once)):
        return
    # Or paying at once cuts a week of Carer's Allowance, ESA or JSA across the last day of
    # a UC assessment period, which UC makes up by a month of it (UC Regs 2013 regs.
    # 66(1)(b), 73; D&A Regs 2013 Sch. 1 para. 31) where the halves may cut none: splitting
    # loses at most that month less the week, 40 / 12 of the week (a penny besides).
    assert at_once.has("BEN-UC-KNOCK-ON")
    weekly_lost = sum(
        (o.before.amount - o.after.amount for o in at_once.outcomes if o.benefit in COUNTED_BY_UC),
        Decimal(0),
    )
    assert (extra - Decimal("0.01")) * 12 <= weekly_lost * 40 + Decimal("0.12")


@given(bs.households(), bs.receipt_lists())
def test_outcome_does_not_depend_on_the_order_of_receipts(household, receipts):
    forward = _run(household, receipts)
    backward = _run(household, list(reversed(receipts)))
    assert forward.outcomes == backward.outcomes
    assert forward.findings == backward.findings
    assert forward.kept == backward.kept


@given(bs.households(), bs.receipt_lists())
def test_kept_is_payment_plus_benefit_change_and_payments_count_once(household, receipts):
    result = _run(household, receipts)
    paid = sum((r.amount for r in receipts if r.kind is not ReceiptKind.DECLINED_FEE), Money.zero())
    assert result.paid == paid
    assert result.kept == paid + result.change()
    for outcome in result.outcomes:
        assert outcome.after.amount >= 0
    assert result.has("BEN-CAVEAT")
    assert result.has("BEN-SIGNPOST-ADVICE")


@given(bs.households(), bs.receipt_lists())
def test_kinds_that_are_not_income_change_nothing(household, receipts):
    not_income = [
        Receipt(r.amount, r.received_on, kind, person=r.person)
        for r, kind in zip(
            receipts,
            [ReceiptKind.RECEIPTED_EXPENSES, ReceiptKind.GIFT, ReceiptKind.DECLINED_FEE] * 3,
            strict=False,
        )
    ]
    assert _run(household, not_income).change().is_zero()


@given(bs.households(), bs.receipt_lists(), bs.receipt_lists())
def test_what_was_already_paid_is_never_counted_as_paid_again(household, earlier, receipts):
    """``already`` changes what the payments do, never what they are."""
    result = _run(household, receipts, already=earlier)
    assert result.paid == _run(household, receipts).paid
    for outcome in result.outcomes:
        assert outcome.counted.amount <= sum((r.counted for r in receipts), Decimal(0))


@given(bs.households(), bs.receipt_lists())
def test_the_answer_does_not_depend_on_the_callers_decimal_context(household, receipts):
    """A web server may set a precision of 6 or ROUND_DOWN for its own reasons: the engine
    computes in whole pennies, so the numbers it gives are the same."""
    plain = _run(household, receipts)
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_DOWN
        hostile = _run(household, receipts)
    assert [
        (o.benefit, o.period, o.person, o.before, o.after, o.cliff) for o in hostile.outcomes
    ] == [(o.benefit, o.period, o.person, o.before, o.after, o.cliff) for o in plain.outcomes]
    assert hostile.paid == plain.paid


@given(bs.households(), bs.receipt_lists())
def test_explanations_read_later_do_not_depend_on_the_callers_decimal_context(household, receipts):
    """The outcomes and findings are built when first read, after the check returned: a
    caller that sets a precision of 1 and traps rounding by then still reads the same
    findings, figure for figure (a Housing Benefit week quoted its 65% taper as "60%", or
    raised decimal.Rounded)."""
    plain = _run(household, receipts)
    expected = (
        [(o.benefit, o.period, o.before, o.after, o.findings) for o in plain.outcomes],
        plain.findings,
    )
    check = _run(household, receipts)
    with decimal.localcontext() as ctx:
        ctx.prec = 1
        ctx.rounding = decimal.ROUND_DOWN
        ctx.traps[decimal.Rounded] = True
        ctx.traps[decimal.Inexact] = True
        read = (
            [(o.benefit, o.period, o.before, o.after, o.findings) for o in check.outcomes],
            check.findings,
        )
    assert read == expected


@given(bs.households(), bs.receipt_lists(), bs.receipt_lists(max_size=3))
def test_periods_come_in_date_order_then_benefit_then_person(household, receipts, earlier):
    """The engine sorts the periods only when more than one benefit reported any: each
    benefit reports its own in date order, so the order is the same either way."""
    try:
        result = assess_benefits(household, receipts, already=earlier)
    except ParametersNotAvailable:
        assume(False)
        raise
    order = list(Benefit)
    keys = [
        (row.period.start, order.index(row.benefit), row.person or "") for row in result.numbers
    ]
    assert keys == sorted(keys)


@given(st.lists(st.tuples(bs.households(), bs.receipt_lists(max_size=3)), max_size=4))
def test_a_batch_gives_each_case_what_a_check_of_it_alone_gives(cases):
    """A batch keeps its numbers in columns and makes each case's check from them: the check
    equals one made alone, outcome for outcome and finding for finding, and the columns hold
    the same numbers."""
    try:
        alone = [assess_benefits(household, receipts) for household, receipts in cases]
    except ParametersNotAvailable:
        assume(False)
        raise
    batch = assess_many(cases)
    assert len(batch) == len(cases)
    for made, expected in zip(batch, alone, strict=True):
        assert made.numbers == expected.numbers
        assert made.paid == expected.paid
        assert made.outcomes == expected.outcomes
        assert made.findings == expected.findings
    columns = batch.columns()
    rows = [(index, row) for index, check in enumerate(alone) for row in check.numbers]
    assert columns.case == tuple(index for index, _ in rows)
    assert columns.change_pence == tuple(row.after - row.before for _, row in rows)
    assert columns.cliff == tuple(row.cliff for _, row in rows)


def test_splitting_across_the_claims_first_day_loses_more_and_says_why() -> None:
    """The case hypothesis found: a single claimant under 25 whose UC claim starts on
    2 January 2025. £0.05 received on 1 January counts in no assessment period: nothing
    lost. Split into £0.02 on 1 January (not counted) and £0.03 on 8 January (counted in
    the AP from 2 January): 55% of £0.03 is £0.0165, £0.02 once rounded to the penny. The
    split's findings say why: BEN-UC-BEFORE-CLAIM."""
    from participatory.benefits.claims import UniversalCreditClaim
    from participatory.benefits.household import Household, Person
    from participatory.benefits.kinds import AgeBand

    home = Household(
        people=[Person("p1", age_band=AgeBand.UNDER_25)],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 1, 2)),
    )
    at_once = _run(home, [fee("0.05", dt.date(2025, 1, 1))])
    split = _run(home, [fee("0.02", dt.date(2025, 1, 1)), fee("0.03", dt.date(2025, 1, 8))])
    assert at_once.loss == Money.gbp("0.00")
    assert split.loss == Money.gbp("0.02")
    assert split.has("BEN-UC-BEFORE-CLAIM")
