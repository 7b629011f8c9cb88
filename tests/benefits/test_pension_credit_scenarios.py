""":mod:`participatory.benefits.pension_credit`: scenarios worked by hand.

Source: State Pension Credit Regs 2002 Sch. VI (disregards £5 single, £10 couple, £20 in the
higher cases; the rest counts in full against guarantee credit). Pension Credit is the
household's: a couple's earnings are pooled. Weeks start on Monday.
"""

import datetime as dt

from participatory.benefits import (
    EarningsDisregard,
    Household,
    PensionCreditClaim,
    Person,
    Receipt,
    assess_benefits,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def test_pension_credit_higher_disregard():
    """£20.77 less the £20 higher disregard: £0.77 off."""
    me = Household(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40), disregard=EarningsDisregard.HIGHER)
    )
    assert assess_payment(me, GBP("20.77"), TUESDAY).change() == GBP("-0.77")


def test_pension_credit_single_disregard_and_the_award_as_a_floor():
    """£5 single: £12 takes £7 off; £60 against a £40 award takes only the £40."""
    me = Household(pension_credit=PensionCreditClaim(weekly_award=GBP(40)))
    assert assess_payment(me, GBP(12), TUESDAY).change() == GBP(-7)
    result = assess_payment(me, GBP(60), TUESDAY)
    assert result.change() == GBP(-40)
    assert result.has("BEN-AWARD-EXHAUSTED")


def test_a_couples_earnings_are_pooled():
    """Couple disregard £10: £8 to each partner in one week is £16, £6 over: £6 off."""
    home = Household(
        people=[Person("a"), Person("b")],
        pension_credit=PensionCreditClaim(weekly_award=GBP(50), disregard=EarningsDisregard.COUPLE),
    )
    both = [Receipt(GBP(8), TUESDAY, person="a"), Receipt(GBP(8), TUESDAY, person="b")]
    assert assess_benefits(home, both).change() == GBP(-6)


def test_savings_credit_is_flagged_as_not_modelled():
    me = Household(pension_credit=PensionCreditClaim(weekly_award=GBP(40), savings_credit=True))
    assert assess_payment(me, GBP(30), TUESDAY).has("BEN-PC-SAVINGS-CREDIT")


def test_hours_without_earnings_give_no_pension_credit_row():
    """Changed on purpose: only earnings count, so receipted expenses give no outcome."""
    me = Household(pension_credit=PensionCreditClaim(weekly_award=GBP(40)))
    assert assess_payment(me, GBP(30), TUESDAY, "receipted_expenses", hours=6).outcomes == ()
