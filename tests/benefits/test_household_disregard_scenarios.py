"""The fixed weekly earnings disregard a household gets, by its make-up: worked by hand.

A couple's weekly means-tested benefit disregards £10 of the couple's earnings together, a
single claimant's £5; a lone parent's £25 in Housing Benefit and the higher £20 in Income
Support, income-based JSA and Pension Credit. A claim that states no disregard gets the
household's own; a stated one the household cannot have is refused, naming the field.

Law: HB Regs 2006 Sch. 4 (para. 3 lone parent £25, para. 9 couple £10, para. 10 £5) and
HB (SPC) Regs 2006 Sch. 4 (para. 2 lone parent £25); IS Regs 1987 Sch. 8 (para. 5 lone parent
£20; a couple £10); JSA Regs 1996 Sch. 6 (para. 6 lone parent; para. 11 couple £10); State
Pension Credit Regs 2002 Sch. VI (para. 1 lone parent £20; a couple £10). New-style JSA's £5
is the claimant's own (legacy.toml, legacy.new_style_jsa.earnings_disregard).

Bundled figures (``data/parameters/benefits/``), all in force in June 2025:
housing_benefit.toml single £5, couple £10, lone_parent £25, higher £20, withdrawal rate 65%;
legacy.toml single £5, couple £10, higher £20, new-style JSA £5; pension_credit.toml single
£5, couple £10, higher £20. Every payment is received in the benefit week Monday 9 - Sunday
15 June 2025 (benefit weeks from Monday), before Income Support and income-based JSA closed.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    Child,
    Household,
    HousingBenefitDisregard,
    Person,
    Receipt,
    assess_benefits,
)
from participatory.benefits.claims import HousingBenefitClaim, LegacyClaim, PensionCreditClaim
from participatory.benefits.kinds import EarningsDisregard, LegacyBenefit
from participatory.core.errors import ValidationError
from participatory.core.money import Money

GBP = Money.gbp
WEDNESDAY = dt.date(2025, 6, 11)
THURSDAY = dt.date(2025, 6, 12)
CHILD = Child(born_on=dt.date(2018, 3, 1))


def couple(**claims: object) -> Household:
    return Household(people=[Person("a"), Person("b")], **claims)  # type: ignore[arg-type]


def lone_parent(**claims: object) -> Household:
    return Household(people=[Person("a")], children=[CHILD], **claims)  # type: ignore[arg-type]


def single(**claims: object) -> Household:
    return Household(people=[Person("a")], **claims)  # type: ignore[arg-type]


def hb(disregard: HousingBenefitDisregard | None = None) -> dict[str, object]:
    return {"housing_benefit": HousingBenefitClaim(weekly_award=GBP("100"), disregard=disregard)}


def legacy(
    benefit: LegacyBenefit = LegacyBenefit.INCOME_SUPPORT,
    disregard: EarningsDisregard | None = None,
) -> dict[str, object]:
    return {"legacy": LegacyClaim(benefit=benefit, weekly_award=GBP("100"), disregard=disregard)}


def pc(disregard: EarningsDisregard | None = None) -> dict[str, object]:
    return {"pension_credit": PensionCreditClaim(weekly_award=GBP("100"), disregard=disregard)}


def change(home: Household, *paid: tuple[str, str, dt.date]) -> Money:
    result = assess_benefits(home, [Receipt(GBP(a), day, person=p) for a, p, day in paid])
    return result.change()


# --- Housing Benefit ------------------------------------------------------------------------


def test_a_couples_housing_benefit_disregards_ten_pounds_of_both_partners_earnings():
    """£15 to each partner in the week: the couple's £30 together, less £10, is £20;
    65% of £20 = £13.00 off. (A single claimant's £5 would have taken 65% x £25 = £16.25.)"""
    home = couple(**hb())
    assert change(home, ("15.00", "a", WEDNESDAY), ("15.00", "b", THURSDAY)) == GBP("-13.00")


def test_a_couples_housing_benefit_finding_quotes_the_couples_disregard():
    """£25 to one partner: (25 - 10) x 65% = £9.75; the finding quotes the £10.00 disregard."""
    result = assess_benefits(couple(**hb()), [Receipt(GBP("25"), WEDNESDAY, person="a")])
    [taper] = [f for f in result.findings if f.rule_id == "BEN-HB-TAPER"]
    assert (taper.values["disregard"], taper.values["reduction"]) == (GBP("10.00"), GBP("9.75"))


@pytest.mark.parametrize(("paid", "lost"), [("25.00", "0.00"), ("40.00", "-9.75")])
def test_a_lone_parents_housing_benefit_disregards_twenty_five_pounds(paid, lost):
    """One adult and a child: a lone parent, £25 disregarded. £25 changes nothing;
    £40: (40 - 25) x 65% = £9.75 off."""
    assert change(lone_parent(**hb()), (paid, "a", WEDNESDAY)) == GBP(lost)


def test_a_couple_stating_the_higher_disregard_gets_twenty_pounds():
    """A carer in the couple (Sch. 4 para. 4): £20. £40 to one partner: (40 - 20) x 65% =
    £13.00 off."""
    home = couple(**hb(HousingBenefitDisregard.HIGHER))
    assert change(home, ("40.00", "a", WEDNESDAY)) == GBP("-13.00")


def test_a_single_claimants_housing_benefit_keeps_five_pounds():
    """£10: (10 - 5) x 65% = £3.25 off."""
    assert change(single(**hb()), ("10.00", "a", WEDNESDAY)) == GBP("-3.25")


@pytest.mark.parametrize(
    ("make", "stated"),
    [
        (single, HousingBenefitDisregard.COUPLE),
        (couple, HousingBenefitDisregard.SINGLE),
        (couple, HousingBenefitDisregard.LONE_PARENT),
        (lone_parent, HousingBenefitDisregard.SINGLE),
        (lone_parent, HousingBenefitDisregard.COUPLE),
        (lone_parent, HousingBenefitDisregard.HIGHER),
    ],
    ids=[
        "single-given-couple",
        "couple-given-single",
        "couple-given-lone-parent",
        "lone-parent-given-single",
        "lone-parent-given-couple",
        "lone-parent-given-higher",
    ],
)
def test_a_housing_benefit_disregard_the_household_cannot_have_is_refused(make, stated):
    with pytest.raises(ValidationError) as caught:
        make(**hb(stated))
    assert caught.value.path == "housing_benefit.disregard"
    assert "100" not in str(caught.value)


# --- Income Support, income-based JSA, new-style JSA ----------------------------------------


def test_a_couples_income_based_jsa_disregards_ten_pounds_of_both_partners_earnings():
    """£12 to each partner (no hours): £24 together, less £10, comes off pound for pound:
    £14.00."""
    home = couple(**legacy(LegacyBenefit.INCOME_BASED_JSA))
    assert change(home, ("12.00", "a", WEDNESDAY), ("12.00", "b", THURSDAY)) == GBP("-14.00")


@pytest.mark.parametrize(
    "benefit", [LegacyBenefit.INCOME_SUPPORT, LegacyBenefit.INCOME_BASED_JSA], ids=["is", "jsa"]
)
def test_a_lone_parents_income_support_or_jsa_disregards_twenty_pounds(benefit):
    """£30: 30 - 20 = £10.00 off."""
    assert change(lone_parent(**legacy(benefit)), ("30.00", "a", WEDNESDAY)) == GBP("-10.00")


def test_new_style_jsa_keeps_the_claimants_own_five_pounds_in_a_couple():
    """New-style JSA is the claimant's own: £25 to the claimant, less £5, is £20.00 off,
    couple or not."""
    home = couple(**legacy(LegacyBenefit.NEW_STYLE_JSA))
    assert change(home, ("25.00", "a", WEDNESDAY)) == GBP("-20.00")


@pytest.mark.parametrize(
    ("make", "stated"),
    [
        (single, EarningsDisregard.COUPLE),
        (couple, EarningsDisregard.SINGLE),
        (lone_parent, EarningsDisregard.SINGLE),
    ],
    ids=["single-given-couple", "couple-given-single", "lone-parent-given-single"],
)
def test_a_legacy_disregard_the_household_cannot_have_is_refused(make, stated):
    with pytest.raises(ValidationError) as caught:
        make(**legacy(disregard=stated))
    assert caught.value.path == "legacy.disregard"


# --- Pension Credit -------------------------------------------------------------------------


@pytest.mark.parametrize(("paid", "lost"), [("10.00", "0.00"), ("10.01", "-0.01")])
def test_a_couples_pension_credit_disregards_ten_pounds(paid, lost):
    """£10.00 is within the couple's £10; £10.01 takes a penny off guarantee credit."""
    assert change(couple(**pc()), (paid, "b", WEDNESDAY)) == GBP(lost)


def test_a_lone_parents_pension_credit_disregards_twenty_pounds():
    """Sch. VI para. 1: £20. £30: £10.00 off."""
    assert change(lone_parent(**pc()), ("30.00", "a", WEDNESDAY)) == GBP("-10.00")


def test_a_single_pension_credit_claimant_given_a_couples_disregard_is_refused():
    with pytest.raises(ValidationError) as caught:
        single(**pc(EarningsDisregard.COUPLE))
    assert caught.value.path == "pension_credit.disregard"


def test_a_stated_disregard_is_kept_and_an_unstated_one_filled_in():
    """The claim as given keeps ``None``; the household reads the couple's."""
    home = couple(**hb(), **legacy(LegacyBenefit.NEW_STYLE_JSA))
    assert home.housing_benefit is not None
    assert home.housing_benefit.disregard is None
    legacy_claim, hb_claim, pc_claim = home.claims_as_assessed
    assert hb_claim is not None
    assert hb_claim.disregard is HousingBenefitDisregard.COUPLE
    assert pc_claim is None
    assert home.receives(Benefit.HOUSING_BENEFIT)
    assert legacy_claim is home.legacy  # new-style JSA reads no fixed disregard
