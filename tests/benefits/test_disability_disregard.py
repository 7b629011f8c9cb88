"""A disability benefit the household records brings the £20 earnings disregard (BEN14-1).

Worked by hand from the texts read (legislation.gov.uk, 2026-12-07):

* SPC Regs 2002 Sch. VI para. 4(1)(a): "£20 is disregarded if the claimant or, if he has a
  partner, his partner— (a) is in receipt of— … (iii) attendance allowance; (iv) disability
  living allowance …" and (viii) personal independence payment. Pension Credit then takes
  the rest of the earnings pound for pound.
* HB (SPC) Regs 2006 Sch. 4 para. 5(1)(a): the same £20 in pension-age Housing Benefit
  (AA, DLA, PIP …); HB Regs 2006 reg. 71: 65% of the rest comes off. A lone parent's £25
  (para. 2) is already the most (para. 1).
* IS Regs 1987 Sch. 2 para. 12(1)(a)(i): the disability premium's condition is met by
  receipt of "attendance allowance, pension age disability payment, disability living
  allowance, armed forces independence payment, personal independence payment, adult
  disability payment …"; Sch. 8 para. 4(1)-(2): £20 where the applicable amount includes
  it. Income Support then takes the rest pound for pound.

Not read, so the lower disregard stands and the check advises stating it: IS Sch. 2
para. 11 (which member of a couple), JSA Regs 1996 Sch. 6 / Sch. 1, working-age HB Regs
2006 Sch. 4 para. 3 with Sch. 3 para. 12, and whether Scotland's payments are in the pension
age lists. Every payment is an involvement fee of June 2025 (a Tuesday, 10 June).
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    EarningsDisregard,
    Household,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    Person,
    UnaffectedBenefit,
    assess_payment,
)
from participatory.benefits.disability_disregard import (
    RULE_ID,
    disability_disregard_advice,
    unconfirmed_law,
)
from participatory.benefits.household import Child
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.testing.benefits import households, payment_days, pounds

GBP = Money.gbp
DAY = dt.date(2025, 6, 10)
AA = UnaffectedBenefit.ATTENDANCE_ALLOWANCE
DLA = UnaffectedBenefit.DLA
PIP = UnaffectedBenefit.PIP
ADP = UnaffectedBenefit.ADULT_DISABILITY_PAYMENT
PADP = UnaffectedBenefit.PENSION_AGE_DISABILITY_PAYMENT
PENSION = UnaffectedBenefit.STATE_PENSION


def _advice(home: Household, fee: str, person: str | None = None):
    result = assess_payment(home, GBP(fee), DAY, person=person)
    return result, disability_disregard_advice(home, result.outcomes)


# Pension Credit ------------------------------------------------------------------------


def test_pension_credit_single_claimant_on_dla_has_20_pounds() -> None:
    """Award £80.00, £35 fee, DLA: 35 − 20 = £15.00 off (with £5 it was £30.00)."""
    home = Household(
        people=[Person("a", unaffected={DLA})],
        pension_credit=PensionCreditClaim(weekly_award=GBP("80.00")),
    )
    result, advice = _advice(home, "35")
    assert result.change() == GBP("-15.00")
    assert advice is None


def test_pension_credit_couple_whose_partner_gets_pip_has_20_pounds_on_the_others_fee() -> None:
    """Para. 4(1): "the claimant or … his partner": one £20 on the couple's earnings,
    whoever is paid. Award £100.00, £25 to the member without PIP: 25 − 20 = £5.00 off
    (the couple's £10 gave £15.00)."""
    home = Household(
        people=[Person("a", unaffected={PENSION}), Person("b", unaffected={PIP, PENSION})],
        pension_credit=PensionCreditClaim(weekly_award=GBP("100.00")),
    )
    result, advice = _advice(home, "25", person="a")
    assert result.change() == GBP("-5.00")
    assert advice is None


def test_a_stated_disregard_is_the_callers_word() -> None:
    """The claim states the single £5 although the claimant gets AA: 50 − 5 = £45.00 off of
    an award of £60.00, and no advice (the caller stated it)."""
    home = Household(
        people=[Person("a", unaffected={AA})],
        pension_credit=PensionCreditClaim(
            weekly_award=GBP("60.00"), disregard=EarningsDisregard.SINGLE
        ),
    )
    result, advice = _advice(home, "50")
    assert result.change() == GBP("-45.00")
    assert advice is None


def test_pension_age_disability_payment_keeps_5_pounds_and_advises() -> None:
    """Scotland, single, Pension Age Disability Payment only: not in the texts read, so
    £5: award £60.00, £50 fee: 50 − 5 = £45.00 off, with the advice citing Sch. VI para. 4."""
    home = Household(
        people=[Person("a", unaffected={PADP, PENSION})],
        pension_credit=PensionCreditClaim(weekly_award=GBP("60.00")),
        nation=Nation.SCOTLAND,
    )
    result, advice = _advice(home, "50")
    assert result.change() == GBP("-45.00")
    assert advice is not None
    assert advice.rule_id == RULE_ID
    assert advice.severity.name == "ADVICE"
    assert [c.pinpoint for c in advice.citations] == [
        "Sch. VI para. 4(1)(a) (text as at 2007-12-17; annotations as at 2016-07-28)"
    ]


# Pension-age Housing Benefit -----------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "award", "fee", "change"),
    [
        # Single on PIP: (30 − 20) × 65% = £6.50 (with £5: £16.25).
        ([Person("a", unaffected={PIP})], "50.00", "30", "-6.50"),
        # Couple, one on AA: (60 − 20) × 65% = £26.00 (with £10: £32.50).
        ([Person("a"), Person("b", unaffected={AA})], "70.00", "60", "-26.00"),
    ],
    ids=["single-pip", "couple-aa"],
)
def test_pension_age_housing_benefit_has_20_pounds(
    members: list[Person], award: str, fee: str, change: str
) -> None:
    """HB (SPC) Regs 2006 Sch. 4 para. 5(1)(a) then reg. 71's 65%."""
    home = Household(
        people=members,
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(award), pension_age=True),
    )
    result, advice = _advice(home, fee, person="a")
    assert result.change() == GBP(change)
    assert advice is None


def test_a_lone_parent_keeps_25_pounds() -> None:
    """Pension-age HB, lone parent on AA: the lone parent's £25 is already the most (Sch. 4
    para. 1): award £60.00, £50: (50 − 25) × 65% = £16.25 off."""
    home = Household(
        people=[Person("a", unaffected={AA})],
        children=[Child(born_on=dt.date(2015, 3, 1))],
        housing_benefit=HousingBenefitClaim(weekly_award=GBP("60.00"), pension_age=True),
    )
    result, advice = _advice(home, "50")
    assert result.change() == GBP("-16.25")
    assert advice is None


# Working age ---------------------------------------------------------------------------


def test_income_support_single_claimant_on_adult_disability_payment_has_20_pounds() -> None:
    """Scotland, single, ADP (in Sch. 2 para. 12(1)(a)(i)): award £95.00, £40 fee:
    40 − 20 = £20.00 off (with £5: £35.00)."""
    home = Household(
        people=[Person("a", unaffected={ADP})],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP("95.00")),
        nation=Nation.SCOTLAND,
    )
    result, advice = _advice(home, "40")
    assert result.change() == GBP("-20.00")
    assert advice is None


def test_an_income_support_couple_keeps_10_pounds_and_is_advised() -> None:
    """Para. 11 (whose receipt counts in a couple) not read: the couple's £10. Award
    £95.00, £40: 40 − 10 = £30.00 off; the advice cites Sch. 2 para. 12 and Sch. 8 para. 4."""
    home = Household(
        people=[Person("a"), Person("b", unaffected={PIP})],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP("95.00")),
    )
    result, advice = _advice(home, "40", person="a")
    assert result.change() == GBP("-30.00")
    assert advice is not None
    assert [c.source.key for c in advice.citations] == ["is_regs_1987", "is_regs_1987"]
    assert all(c.verified for c in advice.citations)


@pytest.mark.parametrize(
    ("claim", "fee", "change", "keys"),
    [
        # Working-age HB, single on PIP: (50 − 5) × 65% = £29.25.
        (
            {"housing_benefit": HousingBenefitClaim(weekly_award=GBP("60.00"))},
            "50",
            "-29.25",
            ["hb_regs_2006", "hb_regs_2006"],
        ),
        # Income-based JSA, single on PIP: 30 − 5 = £25.00.
        (
            {"legacy": LegacyClaim(LegacyBenefit.INCOME_BASED_JSA, weekly_award=GBP("80.00"))},
            "30",
            "-25.00",
            ["jsa_regs_1996"],
        ),
    ],
    ids=["working-age-hb", "income-based-jsa"],
)
def test_a_rule_not_read_keeps_5_pounds_and_advises(
    claim: dict[str, object], fee: str, change: str, keys: list[str]
) -> None:
    """The paragraph giving the £20 was not read: £5, and advice whose citation is shown
    as not verified."""
    home = Household(people=[Person("a", unaffected={PIP})], **claim)  # type: ignore[arg-type]
    result, advice = _advice(home, fee)
    assert result.change() == GBP(change)
    assert advice is not None
    assert [c.source.key for c in advice.citations] == keys
    assert not all(c.verified for c in advice.citations)


def test_no_advice_when_the_fee_costs_nothing() -> None:
    """Working-age HB, single on PIP, £5 fee: all of it in the £5 disregard, nothing lost,
    nothing to advise (the law is still named for the caller who asks)."""
    home = Household(
        people=[Person("a", unaffected={PIP})],
        housing_benefit=HousingBenefitClaim(weekly_award=GBP("60.00")),
    )
    result, advice = _advice(home, "5")
    assert result.change() == GBP("0.00")
    assert advice is None
    assert unconfirmed_law(home)


def test_no_advice_without_a_disability_benefit_or_outside_great_britain() -> None:
    """State Pension is not a disability benefit: the plain £5 needs no advice."""
    home = Household(
        people=[Person("a", unaffected={PENSION})],
        pension_credit=PensionCreditClaim(weekly_award=GBP("60.00")),
    )
    result, advice = _advice(home, "50")
    assert result.change() == GBP("-45.00")
    assert advice is None
    assert unconfirmed_law(home) == ()


# Properties ----------------------------------------------------------------------------

_DISABILITY = frozenset(b for b in UnaffectedBenefit if b.is_disability_benefit)


def _weekly(home: Household) -> bool:
    # Universal Credit also reads a disability benefit (benefit cap, reg. 41): left out,
    # since a cap exemption can rightly make a fee cost more UC.
    return home.universal_credit is None


def _without_disability(home: Household) -> Household:
    people = [attrs.evolve(p, unaffected=p.unaffected - _DISABILITY) for p in home.people]
    return attrs.evolve(home, people=people)


def _with_disability(home: Household, benefit: UnaffectedBenefit) -> Household:
    first = home.people[0]
    people = [attrs.evolve(first, unaffected=first.unaffected | {benefit}), *home.people[1:]]
    return attrs.evolve(home, people=people)


@given(
    home=households().filter(_weekly),
    benefit=st.sampled_from(sorted(_DISABILITY, key=lambda b: b.value)),
    fee=pounds(0, 400),
    day=payment_days(),
)
def test_a_disability_benefit_never_makes_a_fee_cost_more(
    home: Household, benefit: UnaffectedBenefit, fee: Money, day: dt.date
) -> None:
    """With a disability benefit recorded, a fee costs the legacy benefits, Housing Benefit
    and Pension Credit at most what it costs without one: the disregard only grows."""
    without = _without_disability(home)
    with_it = _with_disability(without, benefit)
    member = home.people[0].id
    assert (
        assess_payment(with_it, fee, day, person=member).change_pennies()
        >= assess_payment(without, fee, day, person=member).change_pennies()
    )


@given(
    home=households().filter(_weekly),
    benefit=st.sampled_from(sorted(_DISABILITY, key=lambda b: b.value)),
    fees=st.tuples(pounds(0, 400), pounds(0, 400)).map(sorted),
    day=payment_days(),
)
def test_with_a_disability_benefit_a_bigger_fee_never_leaves_more_benefit(
    home: Household, benefit: UnaffectedBenefit, fees: list[Money], day: dt.date
) -> None:
    """Monotone in the fee: the benefits after a larger fee are never higher."""
    with_it = _with_disability(home, benefit)
    member = home.people[0].id
    smaller, larger = (
        assess_payment(with_it, fee, day, person=member).change_pennies() for fee in fees
    )
    assert larger <= smaller


def test_the_advice_names_no_person_or_amount() -> None:
    """The finding is sensitive and carries no values: nothing about who or how much."""
    home = Household(
        people=[Person("zainab", unaffected={PIP})],
        housing_benefit=HousingBenefitClaim(weekly_award=GBP("60.00")),
    )
    _, advice = _advice(home, "50")
    assert advice is not None
    assert advice.sensitive
    assert not advice.values
    assert "zainab" not in repr(advice)
    assert Benefit.HOUSING_BENEFIT.value not in repr(advice.values)
