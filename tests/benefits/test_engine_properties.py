""":mod:`participatory.benefits.engine`: property tests.

The engine's fast paths give exactly what the plain, validated paths give.

The benefits engine builds its results without re-running the models' converters, keeps
parameter bundles and assessment periods between checks, and decides the week before a
payment without explaining it. Each shortcut is checked here against the plain path.

Invariants of the benefits engine, over random circumstances and payments.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import (
    BenefitsCheck,
    Receipt,
    ReceiptKind,
    assess_benefits,
)
from participatory.benefits.engine import _assessment_period
from participatory.benefits.mechanism import gbp
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.periods import AssessmentPeriodCycle
from participatory.testing import benefits as bs
from participatory.testing.strategies import dates


@given(bs.circumstances(), bs.receipt_lists())
def test_a_check_equals_the_result_rebuilt_through_its_validators(circumstances, receipts):
    result = assess_benefits(circumstances, receipts)
    rebuilt = BenefitsCheck(result.outcomes, result.paid, findings=result.findings)
    assert rebuilt == result
    assert gbp(result.paid.amount) == result.paid


@given(dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), bs.payment_days())
def test_assessment_periods_are_shared_only_by_the_day_of_the_month(first, day):
    # The remembered period of another claim that began on the same day of the month
    # must be this claim's period too.
    other = dt.date(2019, 1, first.day)
    expected = AssessmentPeriodCycle(first).period_containing(day)
    assert _assessment_period(other, day) == expected
    assert _assessment_period(first, day) == expected


CLIFF_RULES = {
    "BEN-CA-EARNINGS-LIMIT",
    "BEN-ESA-PERMITTED-WORK-LOWER",
    "BEN-ESA-PERMITTED-WORK-HIGHER",
    "BEN-ESA-PERMITTED-WORK-SUPPORTED",
    "BEN-ESA-16-HOURS",
    "BEN-LEGACY-16-HOURS",
}


EXPLAINS_EXTRA_LOSS = {"BEN-UC-AWARD-NIL", "BEN-AWARD-EXHAUSTED"}


FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, hours=0):
    return Receipt(Money.gbp(amount), day, FEE, hours=hours)


@given(bs.circumstances(), bs.receipt_lists(), bs.pounds(0, 800), bs.payment_days())
def test_more_payment_never_leaves_more_benefit(circumstances, receipts, extra, day):
    before = assess_benefits(circumstances, receipts)
    after = assess_benefits(circumstances, [*receipts, fee(extra.amount, day)])
    assert after.change() <= before.change()


@given(bs.circumstances(), bs.payment_days(), bs.pounds(0, 1200), bs.pounds(0, 300))
def test_what_is_kept_only_falls_at_a_reported_cliff(circumstances, day, low, step):
    smaller = assess_benefits(circumstances, [fee(low.amount, day)])
    larger = assess_benefits(circumstances, [fee((low + step).amount, day)])
    if larger.kept < smaller.kept:
        assert len(larger.cliffs) > len(smaller.cliffs)
        assert any(
            f.rule_id in CLIFF_RULES and f.severity is Severity.PROBLEM for f in larger.findings
        )


@given(bs.circumstances(), bs.receipt_lists(max_size=4))
def test_every_cliff_is_reported_as_a_cliff(circumstances, receipts):
    result = assess_benefits(circumstances, receipts)
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
    bs.circumstances(),
    bs.payment_days(max_value=dt.date(2027, 1, 1)),
    bs.pounds(0, 2000),
    st.integers(7, 62),
)
def test_splitting_never_loses_more_unless_a_finding_says_why(circumstances, day, total, gap):
    half = (total.amount / 2).quantize(Decimal("0.01"))
    at_once = assess_benefits(circumstances, [fee(total.amount, day)])
    split = assess_benefits(
        circumstances,
        [fee(half, day), fee(total.amount - half, day + dt.timedelta(days=gap))],
    )
    # Each period's deduction is rounded down to the penny separately (UC Regs reg. 6), so
    # two periods can differ from one by a penny either way; beyond that a finding explains.
    if split.loss.amount > at_once.loss.amount + Decimal("0.01"):
        assert split.cliffs or any(
            result.has(rule) for rule in EXPLAINS_EXTRA_LOSS for result in (split, at_once)
        )


@given(bs.circumstances(), bs.receipt_lists())
def test_outcome_does_not_depend_on_the_order_of_receipts(circumstances, receipts):
    forward = assess_benefits(circumstances, receipts)
    backward = assess_benefits(circumstances, list(reversed(receipts)))
    assert forward.outcomes == backward.outcomes
    assert forward.findings == backward.findings
    assert forward.kept == backward.kept


@given(bs.circumstances(), bs.receipt_lists())
def test_kept_is_payment_plus_benefit_change_and_payments_count_once(circumstances, receipts):
    result = assess_benefits(circumstances, receipts)
    paid = sum((r.amount for r in receipts if r.kind is not ReceiptKind.DECLINED_FEE), Money.zero())
    assert result.paid == paid
    assert result.kept == paid + result.change()
    for outcome in result.outcomes:
        assert outcome.after.amount >= 0
    assert result.has("BEN-CAVEAT")
    assert result.has("BEN-SIGNPOST-ADVICE")


@given(bs.circumstances(), bs.receipt_lists())
def test_kinds_that_are_not_income_change_nothing(circumstances, receipts):
    not_income = [
        Receipt(r.amount, r.received_on, kind)
        for r, kind in zip(
            receipts,
            [ReceiptKind.RECEIPTED_EXPENSES, ReceiptKind.GIFT, ReceiptKind.DECLINED_FEE] * 3,
            strict=False,
        )
    ]
    assert assess_benefits(circumstances, not_income).change().is_zero()
