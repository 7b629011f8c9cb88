""":mod:`participatory.benefits.unaffected`: scenarios.

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
    UnaffectedBenefit,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


def test_unaffected_benefits_are_named_and_flag_a_possible_review():
    me = Circumstances(unaffected={UnaffectedBenefit.PIP, UnaffectedBenefit.STATE_PENSION})
    result = assess_payment(me, GBP(500), TUESDAY)
    assert result.change() == GBP(0)
    assert result.has("BEN-UNAFFECTED")
    assert result.has("BEN-UNAFFECTED-REVIEW")
    assert result.kept == GBP(500)
