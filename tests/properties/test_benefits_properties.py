"""Invariants of the benefits engine, over random circumstances and payments."""

import datetime as dt
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    Receipt,
    ReceiptKind,
    check,
    largest_safe_payment,
)
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.testing import benefits as bs

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
    before = check(circumstances, receipts)
    after = check(circumstances, [*receipts, fee(extra.amount, day)])
    assert after.change() <= before.change()


@given(bs.circumstances(), bs.payment_days(), bs.pounds(0, 1200), bs.pounds(0, 300))
def test_what_is_kept_only_falls_at_a_reported_cliff(circumstances, day, low, step):
    smaller = check(circumstances, [fee(low.amount, day)])
    larger = check(circumstances, [fee((low + step).amount, day)])
    if larger.kept < smaller.kept:
        assert len(larger.cliffs) > len(smaller.cliffs)
        assert any(
            f.rule_id in CLIFF_RULES and f.severity is Severity.PROBLEM for f in larger.findings
        )


@given(bs.circumstances(), bs.receipt_lists(max_size=4))
def test_every_cliff_is_reported_as_a_cliff(circumstances, receipts):
    result = check(circumstances, receipts)
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
    at_once = check(circumstances, [fee(total.amount, day)])
    split = check(
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
    forward = check(circumstances, receipts)
    backward = check(circumstances, list(reversed(receipts)))
    assert forward.outcomes == backward.outcomes
    assert forward.findings == backward.findings
    assert forward.kept == backward.kept


@given(bs.circumstances(), bs.receipt_lists())
def test_kept_is_payment_plus_benefit_change_and_payments_count_once(circumstances, receipts):
    result = check(circumstances, receipts)
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
    assert check(circumstances, not_income).change().is_zero()


@given(bs.circumstances(), bs.payment_days())
def test_largest_safe_payment_changes_nothing_and_a_penny_more_does(circumstances, day):
    safe = largest_safe_payment(circumstances, day)
    if safe.amount is None:
        assert check(circumstances, [fee(100_000, day)]).changes_nothing
        return
    assert check(circumstances, [fee(safe.amount.amount, day)]).changes_nothing
    one_more = check(circumstances, [fee(safe.amount.amount + Decimal("0.01"), day)])
    assert not one_more.changes_nothing
    assert safe.binding in {o.benefit for o in one_more.outcomes if not o.unchanged}


@given(bs.universal_credit_claims(), bs.payment_days(), bs.pounds(0, 3000))
def test_uc_change_is_the_taper_of_earnings_above_the_allowance(claim, day, amount):
    from participatory.benefits import Circumstances

    assume(claim.current_award is not None and not amount.is_zero())
    result = check(Circumstances(universal_credit=claim), [fee(amount.amount, day)])
    (outcome,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    # Never more than 55% of the payment (plus at most a penny: the deductions with and
    # without the payment are each rounded down), never more than the award.
    assert -outcome.change.amount <= amount.amount * Decimal("0.55") + Decimal("0.01")
    assert -outcome.change.amount <= claim.current_award.amount
