"""A couple with one carer: the check says when the carer's own £20 may apply.

Only the carer's own earnings get the carer premium's £20 disregard (IS Regs 1987 Sch. 8
paras. 6A, 6B and 9; HB (SPC) Regs 2006 Sch. 4 para. 4); the other partner's are topped up to
the couple's £10. The weekly checks pool a couple's earnings, so with the disregard unstated
they use the £10 the couple is sure of, and advise (BEN-ONE-CARER-DISREGARD) when a payment
is the carer's own and a pooled benefit fell.
"""

from __future__ import annotations

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    HousingBenefitClaim,
    Person,
    assess_payment,
)
from participatory.benefits.kinds import HousingBenefitDisregard
from participatory.core.money import Money

RULE = "BEN-ONE-CARER-DISREGARD"
WEDNESDAY = "2026-06-10"


def _couple(
    *, both_carers: bool = False, disregard: HousingBenefitDisregard | None = None
) -> Household:
    return Household(
        people=[
            Person("amira", carers_allowance=CarersAllowanceClaim()),
            Person("sam", carers_allowance=CarersAllowanceClaim() if both_carers else None),
        ],
        housing_benefit=HousingBenefitClaim(weekly_award=Money.gbp("100.00"), disregard=disregard),
    )


def test_the_carers_own_fee_gets_the_couples_ten_pounds_and_the_advice() -> None:
    """£25 to Amira, the carer: the couple's £10 is disregarded, 65% of the other £15 comes
    off Housing Benefit (HB Regs 2006 reg. 71): £9.75, so £100.00 falls to £90.25. Her
    £25 is well within the Carer's Allowance limit (£204 in 2026/27). Had the £20 been
    applied, only £3.25 would come off: the advice says so."""
    result = assess_payment(_couple(), "25.00", WEDNESDAY, person="amira")
    assert result.change() == Money.gbp("-9.75")
    (advice,) = result.by_rule(RULE)
    assert advice.sensitive
    assert advice.severity.name == "ADVICE"


def test_the_other_partners_fee_gets_no_advice() -> None:
    """£25 to Sam, who is not the carer: the couple's £10 is right; £9.75 off, no advice."""
    result = assess_payment(_couple(), "25.00", WEDNESDAY, person="sam")
    assert result.change() == Money.gbp("-9.75")
    assert not result.has(RULE)


@pytest.mark.parametrize(
    "disregard", [HousingBenefitDisregard.HIGHER, HousingBenefitDisregard.COUPLE]
)
def test_a_stated_disregard_gets_no_advice(disregard: HousingBenefitDisregard) -> None:
    """Stated on the claim, the disregard is the caller's answer: £20 takes (25 - 20) × 65% =
    £3.25; £10 takes £9.75."""
    result = assess_payment(_couple(disregard=disregard), "25.00", WEDNESDAY, person="amira")
    expected = "-3.25" if disregard is HousingBenefitDisregard.HIGHER else "-9.75"
    assert result.change() == Money.gbp(expected)
    assert not result.has(RULE)


def test_two_carers_share_the_twenty_pounds_without_advice() -> None:
    """Both partners get Carer's Allowance: they share one £20, which the check applies:
    (25 - 20) × 65% = £3.25 off."""
    result = assess_payment(_couple(both_carers=True), "25.00", WEDNESDAY, person="amira")
    assert result.change() == Money.gbp("-3.25")
    assert not result.has(RULE)


def test_a_fee_within_the_couples_disregard_gets_no_advice() -> None:
    """£8 is within the couple's £10: nothing comes off, so there is nothing to advise."""
    result = assess_payment(_couple(), "8.00", WEDNESDAY, person="amira")
    assert result.change() == Money.gbp("0")
    assert not result.has(RULE)
