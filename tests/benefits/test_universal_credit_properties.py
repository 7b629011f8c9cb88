""":mod:`participatory.benefits.universal_credit`: property tests.

Invariants of the benefits engine, over random circumstances and payments.
"""

from decimal import Decimal

from hypothesis import assume, given

from participatory.benefits import (
    Benefit,
    Receipt,
    ReceiptKind,
    assess_benefits,
)
from participatory.core.money import Money
from participatory.testing import benefits as bs

FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, hours=0):
    return Receipt(Money.gbp(amount), day, FEE, hours=hours)


@given(bs.universal_credit_claims(), bs.payment_days(), bs.pounds(0, 3000))
def test_uc_change_is_the_taper_of_earnings_above_the_allowance(claim, day, amount):
    from participatory.benefits import Circumstances

    assume(claim.current_award is not None and not amount.is_zero())
    result = assess_benefits(Circumstances(universal_credit=claim), [fee(amount.amount, day)])
    (outcome,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    # Never more than 55% of the payment (plus at most a penny: the deductions with and
    # without the payment are each rounded down), never more than the award.
    assert -outcome.change.amount <= amount.amount * Decimal("0.55") + Decimal("0.01")
    assert -outcome.change.amount <= claim.current_award.amount
