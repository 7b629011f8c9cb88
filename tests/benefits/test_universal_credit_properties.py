""":mod:`participatory.benefits.universal_credit`: property tests.

Invariants of Universal Credit over random claims, households and payments.
"""

from decimal import Decimal

import attrs
from hypothesis import assume, given

from participatory.benefits import (
    Benefit,
    Household,
    Person,
    Receipt,
    ReceiptKind,
    assess_benefits,
)
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.testing import benefits as bs

FEE = ReceiptKind.INVOLVEMENT_FEE


def fee(amount, day, hours=0, person="p1"):
    return Receipt(Money.gbp(amount), day, FEE, hours=hours, person=person)


def _run(household, receipts):
    try:
        return assess_benefits(household, receipts)
    except ParametersNotAvailable:
        assume(False)
        raise


@given(bs.universal_credit_claims(), bs.payment_days(), bs.pounds(0, 3000))
def test_uc_change_is_the_taper_of_earnings_above_the_allowance(claim, day, amount):
    assume(claim.current_award is not None and not amount.is_zero())
    # A payment before the claim began is in no assessment period.
    assume(day >= claim.first_date_of_entitlement)
    home = Household(people=[Person("p1")], universal_credit=claim)
    result = _run(home, [fee(amount.amount, day)])
    (outcome,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    # Never more than 55% of the payment (plus at most a penny: the deductions with and
    # without the payment are each rounded to the nearest penny), never more than the award.
    assert -outcome.change.amount <= amount.amount * Decimal("0.55") + Decimal("0.01")
    assert -outcome.change.amount <= claim.current_award.amount


@given(bs.universal_credit_claims(), bs.payment_days(), bs.pounds(1, 1500), bs.pounds(1, 1500))
def test_a_joint_claim_sees_both_partners_earnings_alike(claim, day, first, second):
    """UC Regs reg. 22(1)(b): a couple's earnings are combined. Who is paid which of two
    payments in one AP makes no difference to UC."""
    home = Household(people=[Person("p1"), Person("p2")], universal_credit=claim)
    one_way = _run(
        home, [fee(first.amount, day, person="p1"), fee(second.amount, day, person="p2")]
    )
    other_way = _run(
        home, [fee(first.amount, day, person="p2"), fee(second.amount, day, person="p1")]
    )
    assert one_way.change(Benefit.UNIVERSAL_CREDIT) == other_way.change(Benefit.UNIVERSAL_CREDIT)


@given(bs.households(), bs.receipt_lists())
def test_an_award_never_counts_a_weekly_benefit_that_is_not_paid(household, receipts):
    """Issue 22: with Carer's Allowance removed from every member whose regular earnings
    are over its limit, the worked-out award is the same: it never counted it."""
    assume(household.universal_credit is not None)
    claim = attrs.evolve(household.universal_credit, current_award=None)
    over = [
        attrs.evolve(p, weekly_earnings=Money.gbp(500)) if p.carers_allowance else p
        for p in household.people
    ]
    with_ca = attrs.evolve(household, people=over, universal_credit=claim)
    without_ca = attrs.evolve(
        with_ca, people=[attrs.evolve(p, carers_allowance=None, carer=p.is_carer) for p in over]
    )
    first = _run(with_ca, receipts).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    second = _run(without_ca, receipts).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert [o.before_amount for o in first] == [o.before_amount for o in second]
