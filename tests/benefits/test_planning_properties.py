""":mod:`participatory.benefits.planning`: property tests.

Invariants of the benefits engine, over random circumstances and payments.
"""

from decimal import Decimal

from hypothesis import given

from participatory.benefits import (
    Receipt,
    ReceiptKind,
    assess_benefits,
    plan_safe_payment,
)
from participatory.core.money import Money
from participatory.testing import benefits as bs

FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, hours=0):
    return Receipt(Money.gbp(amount), day, FEE, hours=hours)


@given(bs.circumstances(), bs.payment_days())
def test_plan_safe_payment_changes_nothing_and_a_penny_more_does(circumstances, day):
    safe = plan_safe_payment(circumstances, day)
    if safe.amount is None:
        assert assess_benefits(circumstances, [fee(100_000, day)]).changes_nothing
        return
    assert assess_benefits(circumstances, [fee(safe.amount.amount, day)]).changes_nothing
    one_more = assess_benefits(circumstances, [fee(safe.amount.amount + Decimal("0.01"), day)])
    assert not one_more.changes_nothing
    assert safe.binding in {o.benefit for o in one_more.outcomes if not o.unchanged}
