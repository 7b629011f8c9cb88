"""The library's side of the peer question, in its two parts: the inputs, and the question.

:func:`~participatory.testing.peers.participatory_uc_change` (end to end) is the
composition of :func:`~participatory.testing.peers.participatory_household`,
:func:`~participatory.testing.peers.participatory_receipt` and
:func:`~participatory.testing.peers.participatory_uc_answer`; the peer benchmark times the
question on inputs built in advance and end to end, and both must give the answer the
public one-payment entry point gives. None of this needs PolicyEngine-UK.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings

from participatory.benefits import (
    AgeBand,
    Benefit,
    ReceiptKind,
    WorkCapability,
    assess_payment,
)
from participatory.core.money import Money
from participatory.peers.households import Capability, PeerHousehold
from participatory.testing.peers import (
    participatory_household,
    participatory_receipt,
    participatory_uc_answer,
    participatory_uc_change,
    peer_cases,
)


@settings(max_examples=60)
@given(peer_cases())
def test_the_parts_compose_to_the_end_to_end_answer(case: tuple[PeerHousehold, Money]) -> None:
    household, fee = case
    home = participatory_household(household)
    answer = participatory_uc_answer(home, participatory_receipt(household, fee))
    assert answer == participatory_uc_change(household, fee)
    # The answer the public one-payment entry point gives (what the end-to-end function
    # asked before it was split in two), read from its explained change.
    result = assess_payment(
        home, fee, dt.date(household.tax_year, 10, 10), ReceiptKind.INVOLVEMENT_FEE,
        person="claimant",
    )  # fmt: skip
    before, after = answer
    assert after - before == result.change(Benefit.UNIVERSAL_CREDIT)


@settings(max_examples=60)
@given(peer_cases())
def test_the_household_holds_each_adults_own_circumstances(
    case: tuple[PeerHousehold, Money],
) -> None:
    household, _fee = case
    home = participatory_household(household)
    claimant = home.person("claimant")
    assert claimant.monthly_earnings == household.claimant_monthly_earnings
    assert claimant.carer is household.carer
    assert (claimant.age_band is AgeBand.AGE_25_OR_OVER) is (household.claimant_age >= 25)
    assert claimant.capability.value == household.capability.value
    assert home.couple is household.is_couple
    if household.is_couple:
        partner = home.person("partner")
        assert partner.monthly_earnings == household.partner_monthly_earnings
        assert partner.carer is household.partner_carer
        assert partner.capability.value == household.partner_capability.value
    assert home.children == household.child_records
    assert home.greater_london is False
    claim = home.universal_credit
    assert claim is not None
    assert claim.housing_amount == household.monthly_rent
    assert claim.housing_costs_element is (household.monthly_rent is not None)
    # 30 days before the AP that starts on 6 October: 6 September.
    assert claim.first_date_of_entitlement == dt.date(household.tax_year, 9, 6)


def test_the_receipt_is_an_involvement_fee_to_the_claimant_four_days_into_the_ap() -> None:
    household = PeerHousehold(tax_year=2026, claimant_age=40, partner_age=41)
    receipt = participatory_receipt(household, Money.gbp("12.40"))
    assert receipt.amount == Money.gbp("12.40")
    assert receipt.received_on == dt.date(2026, 10, 10)
    assert receipt.kind is ReceiptKind.INVOLVEMENT_FEE
    assert receipt.person == "claimant"


def test_an_lcwra_couple_worked_by_hand() -> None:
    """2025/26, couple both 25+, claimant LCWRA, no children or housing, claimant earns £300.

    Maximum: couple standard allowance 628.10 + LCWRA element 423.27 = 1,051.37. The
    higher work allowance (£684: no housing costs element) covers the £300; a £500 fee
    takes earnings to 800, and (800 − 684) × 55% = 63.80 comes off: 987.57. The same
    inputs answer the same twice (nothing is kept between questions).
    """
    household = PeerHousehold(
        tax_year=2025,
        claimant_age=30,
        partner_age=28,
        capability=Capability.LCWRA,
        claimant_monthly_earnings=Money.gbp(300),
    )
    home = participatory_household(household)
    assert home.person("claimant").capability is WorkCapability.LCWRA
    receipt = participatory_receipt(household, Money.gbp(500))
    expected = (Money.gbp("1051.37"), Money.gbp("987.57"))
    assert participatory_uc_answer(home, receipt) == expected
    assert participatory_uc_answer(home, receipt) == expected
