"""Headroom is used up only by earlier payments in the periods a payment on the day counts in.

A couple with Housing Benefit of £80.00 a week (HB weeks Tuesday to Monday) and Carer's
Allowance for bob. Bob is to be paid on Monday 12 January 2026, in the HB week 6 to 12
January. A couple's earnings disregard for HB is £10 a week (HB Regs 2006 Sch. 4), and HB
takes 65% of earnings above it, rounded in the claimant's favour (a fraction of a penny is
not taken), so on its own £10.01 changes nothing and £10.02 takes a penny.

Amira's £10.61 on Friday 23 January falls in the HB week 20 to 26 January and is not bob's
earnings for Carer's Allowance. A payment to bob of up to £196 a week keeps his Carer's
Allowance (ICA Regs 1976 reg. 8), so no payment within HB's room reaches that week: the room
is the same with or without amira's pay. The library used to read the periods a £100,000
payment reaches (which loses bob's Carer's Allowance and so touches HB the week after) and
called HB's room used up: "any further payment on 12 January changes Housing Benefit".
"""

from __future__ import annotations

import datetime as dt

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Household,
    HousingBenefitClaim,
    Person,
    Receipt,
    assess_benefits,
    headroom,
    plan_safe_payment,
)
from participatory.core.money import Money

DAY = dt.date(2026, 1, 12)
HOUSEHOLD = Household(
    people=[Person("bob", carers_allowance=CarersAllowanceClaim()), Person("amira")],
    housing_benefit=HousingBenefitClaim("80.00", benefit_week_start=1),
)
AMIRAS_PAY = (Receipt(Money.gbp("10.61"), dt.date(2026, 1, 23), person="amira"),)
HB = Benefit.HOUSING_BENEFIT


def test_a_payment_in_a_later_week_leaves_the_room_as_it_was() -> None:
    without = headroom(HOUSEHOLD, DAY, person="bob").by_benefit[HB]
    with_later = headroom(HOUSEHOLD, DAY, person="bob", already=AMIRAS_PAY).by_benefit[HB]
    assert without == with_later == Money.gbp("10.01")


def test_headroom_and_plan_safe_payment_agree() -> None:
    room = headroom(HOUSEHOLD, DAY, person="bob", already=AMIRAS_PAY).by_benefit[HB]
    plan = plan_safe_payment(HOUSEHOLD, DAY, person="bob", already=AMIRAS_PAY)
    assert room == plan.amount


def test_the_room_is_what_a_check_finds() -> None:
    """£10.01 to bob on 12 January changes nothing; £10.02 takes 65% of 2p, 1.3p, so 1p."""
    for amount, hb_change in (("10.01", "0.00"), ("10.02", "-0.01")):
        paid = (Receipt(Money.gbp(amount), DAY, person="bob"),)
        result = assess_benefits(HOUSEHOLD, paid, already=AMIRAS_PAY)
        assert result.change(HB) == Money.gbp(hb_change)


def test_a_payment_in_the_same_week_still_uses_the_room_up() -> None:
    """Amira's £10.61 on Saturday 10 January is in the HB week 6 to 12 January: together
    £20.62 is over the couple's £10 disregard, so any further pay that week changes HB."""
    same_week = (Receipt(Money.gbp("10.61"), dt.date(2026, 1, 10), person="amira"),)
    room = headroom(HOUSEHOLD, DAY, person="bob", already=same_week).by_benefit[HB]
    assert room == Money.gbp("0.00")
