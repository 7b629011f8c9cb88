""":mod:`participatory.benefits.pension_credit`: scenarios.

Weekly benefits worked by hand: Carer's Allowance, ESA, legacy benefits, HB, Pension Credit.

Sources: ICA Regs 1976 reg. 8 as amended by SI 2025/352 (CA limit £151 -> £196 from
7 April 2025); ESA Regs 2008 reg. 45 (permitted work £20 lower limit, higher limit
£183.50 2024/25 and £195.50 2025/26, under 16 hours); IS Regs 1987 Sch. 8 (£5/£10/£20,
unverified); HB Regs 2006 Sch. 4 and reg. 71 (65%); State Pension Credit Regs 2002 Sch. VI.
Weeks start on Monday unless stated.
"""

import datetime as dt

from participatory.benefits import (
    Circumstances,
    EarningsDisregard,
    PensionCreditClaim,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


def test_pension_credit_higher_disregard():
    me = Circumstances(
        pension_credit=PensionCreditClaim(weekly_award=GBP(40), disregard=EarningsDisregard.HIGHER)
    )
    assert assess_payment(me, GBP("20.77"), TUESDAY).change() == GBP("-0.77")
