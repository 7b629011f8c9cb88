""":mod:`participatory.benefits.household`: unit tests.

The validation the old ``benefits/circumstances.py`` did (refused combinations, sensitive
``repr``, bad values never echoed) now lives on :class:`Household` and :class:`Person`
(and on the claims, tested in ``test_claims.py``): those tests are here, retargeted.
"""

import datetime as dt
import json

import pytest

from participatory.benefits import (
    AgeBand,
    Benefit,
    CapitalHolding,
    CapitalKind,
    CarersAllowanceClaim,
    Child,
    ChildDisability,
    EmploymentSupportAllowanceClaim,
    Household,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    Person,
    TwoChildLimitException,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.serialise import unstructure

GBP = Money.gbp
TUESDAY = dt.date(2025, 6, 10)
UC = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
SENTINEL_AMOUNT = "7777.77"
SENTINEL_ID = "sentinel-id-4242"


# --- Sensitive values never shown ------------------------------------------------------


def test_households_never_show_sensitive_values():
    """Moved from test_circumstances.py: the award, the person's id and their earnings."""
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(SENTINEL_AMOUNT)
    )
    me = Household(
        people=[Person(SENTINEL_ID, monthly_earnings=GBP(SENTINEL_AMOUNT))],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=claim,
    )
    result = assess_payment(me, GBP(100), TUESDAY)
    for text in (repr(me), str(me), repr(me.people[0]), repr(result), repr(me.children[0])):
        assert SENTINEL_AMOUNT not in text
        assert SENTINEL_ID not in text
        assert "2019" not in text
    plain = json.dumps(unstructure(me))
    assert SENTINEL_AMOUNT not in plain
    assert SENTINEL_ID not in plain


def test_the_nation_is_not_sensitive():
    """Where a household lives chooses the law: it is shown, nothing else is."""
    assert "Nation.WALES" in repr(Household(nation="wales"))


def test_a_bad_person_id_is_refused_without_echoing_it():
    for bad in ("", " space", "x" * 65, "semi;colon", 42):
        with pytest.raises(ValidationError) as caught:
            Person(bad)  # type: ignore[arg-type]
        assert caught.value.path == "id"
        if bad:
            assert str(bad) not in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weekly_earnings", "-7777.77"),
        ("monthly_earnings", "7777.777"),
        ("weekly_hours", "7777"),
        ("overlapping_benefit", "-7777.77"),
        ("capability", "7777"),
        ("age_band", "7777"),
        ("carer", "7777"),
        ("unaffected", ["7777"]),
    ],
)
def test_bad_person_values_name_the_field_and_not_the_value(field, value):
    with pytest.raises(ValidationError) as caught:
        Person(**{field: value})
    assert caught.value.path == field
    assert "7777" not in str(caught.value)


def test_a_child_with_a_bad_birth_date_or_disability_is_refused():
    with pytest.raises(ValidationError, match="born_on"):
        Child(born_on="7777-77-77")
    with pytest.raises(ValidationError, match="disability") as caught:
        Child(born_on=dt.date(2019, 1, 1), disability="severe")
    assert "severe" not in str(caught.value).split(":", 1)[0]


# --- Combinations that cannot exist -------------------------------------------------------


def test_impossible_combinations_are_refused():
    """Moved from test_circumstances.py: UC replaces the means-tested legacy benefits and
    (outside supported or temporary accommodation) Housing Benefit."""
    with pytest.raises(ValidationError, match="legacy"):
        Household(
            universal_credit=UC,
            legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50)),
        )
    with pytest.raises(ValidationError, match="housing_benefit") as caught:
        Household(universal_credit=UC, housing_benefit=HousingBenefitClaim(weekly_award=GBP(5)))
    assert caught.value.hint is not None
    with pytest.raises(ValidationError, match="receipts"):
        assess_benefits(Household(), ["not a receipt"])  # type: ignore[list-item]


def test_universal_credit_is_not_paid_with_pension_credit():
    with pytest.raises(ValidationError, match="pension_credit"):
        Household(universal_credit=UC, pension_credit=PensionCreditClaim(weekly_award=GBP(20)))


def test_pension_credit_is_not_paid_with_a_means_tested_legacy_benefit():
    with pytest.raises(ValidationError, match="pension_credit"):
        Household(
            pension_credit=PensionCreditClaim(weekly_award=GBP(20)),
            legacy=LegacyClaim(LegacyBenefit.INCOME_BASED_JSA, weekly_award=GBP(50)),
        )


def test_combinations_that_exist_are_accepted():
    """New-style JSA is contributory (it goes with UC); HB goes with UC in supported
    accommodation; Pension Credit goes with Housing Benefit."""
    Household(
        universal_credit=UC,
        legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award=GBP(50)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(50), supported_or_temporary=True),
    )
    Household(
        pension_credit=PensionCreditClaim(weekly_award=GBP(20)),
        housing_benefit=HousingBenefitClaim(weekly_award=GBP(50), pension_age=True),
    )


def test_people_are_one_person_or_a_couple_with_distinct_ids():
    assert Household(people=Person("solo")).people == (Person("solo"),)
    with pytest.raises(ValidationError, match="people"):
        Household(people=[])
    with pytest.raises(ValidationError, match="people"):
        Household(people=[Person("a"), Person("b"), Person("c")])
    with pytest.raises(ValidationError) as caught:
        Household(people=[Person(SENTINEL_ID), Person(SENTINEL_ID)])
    assert caught.value.path == "people[1].id"
    assert SENTINEL_ID not in str(caught.value)
    with pytest.raises(ValidationError, match=r"people\[1\]"):
        Household(people=[Person("a"), "b"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="people"):
        Household(people="ab")  # type: ignore[arg-type]


def test_children_are_child_records_at_most_twenty():
    born = Child(born_on=dt.date(2019, 1, 1))
    assert len(Household(children=[born] * 20).children) == 20
    with pytest.raises(ValidationError, match="at most 20"):
        Household(children=[born] * 21)
    with pytest.raises(ValidationError, match=r"children\[0\]"):
        Household(children=[3])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="children"):
        Household(children=3)  # type: ignore[arg-type]


def test_the_legacy_claimant_must_be_a_member():
    claim = LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50), claimant="zed")
    with pytest.raises(ValidationError) as caught:
        Household(people=[Person("a")], legacy=claim)
    assert caught.value.path == "legacy.claimant"
    assert "zed" not in str(caught.value)


def test_the_legacy_claimant_is_the_first_member_unless_named():
    claim = LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50))
    home = Household(people=[Person("a"), Person("b")], legacy=claim)
    assert home.legacy_claimant.id == "a"
    named = Household(
        people=[Person("a"), Person("b")],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50), claimant="b"),
    )
    assert named.legacy_claimant.id == "b"


# --- What the household says about itself ------------------------------------------------


def test_person_looks_up_a_member_by_id():
    home = Household(people=[Person("a"), Person("b", capability=WorkCapability.LCWRA)])
    assert home.couple
    assert home.person("b").capability is WorkCapability.LCWRA
    with pytest.raises(ValidationError) as caught:
        home.person(SENTINEL_ID)
    assert SENTINEL_ID not in str(caught.value)


def test_the_benefits_received_are_gathered_from_everyone():
    home = Household(
        people=[
            Person("a", carers_allowance=CarersAllowanceClaim()),
            Person("b", esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90))),
        ],
        universal_credit=UC,
    )
    assert home.benefits == {
        Benefit.UNIVERSAL_CREDIT,
        Benefit.CARERS_ALLOWANCE,
        Benefit.NEW_STYLE_ESA,
    }
    assert home.receives(Benefit.NEW_STYLE_ESA)
    assert not home.receives(Benefit.HOUSING_BENEFIT)
    assert Household().benefits == frozenset()


def test_a_means_tested_benefit_passports_housing_benefit():
    hb = HousingBenefitClaim(weekly_award=GBP(50))
    assert Household(
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50)), housing_benefit=hb
    ).housing_benefit_passported
    assert not Household(
        legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award=GBP(50)), housing_benefit=hb
    ).housing_benefit_passported
    assert Household(
        pension_credit=PensionCreditClaim(weekly_award=GBP(20)), housing_benefit=hb
    ).housing_benefit_passported


def test_a_carer_is_anyone_with_the_flag_or_carers_allowance():
    assert Person(carer=True).is_carer
    assert Person(carers_allowance=CarersAllowanceClaim()).is_carer
    assert not Person().is_carer


def test_disability_benefits_are_told_apart_from_state_pension():
    assert Person(unaffected={"personal_independence_payment"}).receives_disability_benefit
    assert not Person(unaffected="state_pension").receives_disability_benefit
    assert Person(unaffected=UnaffectedBenefit.DLA).unaffected == {UnaffectedBenefit.DLA}


def test_the_defaults_are_a_single_adult_aged_25_or_over_in_england():
    home = Household()
    (me,) = home.people
    assert (me.id, me.age_band, me.capability) == (
        "contributor",
        AgeBand.AGE_25_OR_OVER,
        WorkCapability.NONE,
    )
    assert home.nation is Nation.ENGLAND
    assert home.capital is None
    assert not home.couple


# --- Children -------------------------------------------------------------------------------


def test_a_childs_age_turns_on_the_birthday():
    child = Child(born_on=dt.date(2019, 3, 1))
    assert child.age_on(dt.date(2035, 2, 28)) == 15
    assert child.age_on(dt.date(2035, 3, 1)) == 16


def test_a_child_counts_until_16_and_a_qualifying_young_person_until_the_september_after():
    """UC Regs 2013 reg. 5 (read via CPAG's account of the Harrison test case): a person of
    16 is a qualifying young person up to, but not including, the 1 September after their
    16th birthday; in approved non-advanced education or training, up to the 1 September
    after their 19th birthday. Born 1 March 2010: 16 on 1 March 2026, so counted to
    31 August 2026; in education, 19 on 1 March 2029, so counted to 31 August 2029."""
    child = Child(born_on=dt.date(2010, 3, 1))
    young = Child(born_on=dt.date(2010, 3, 1), qualifying_young_person=True)
    assert not child.counts_on(dt.date(2010, 2, 28))  # not yet born
    assert child.counts_on(dt.date(2026, 2, 28))
    assert child.counts_on(dt.date(2026, 8, 31))
    assert not child.counts_on(dt.date(2026, 9, 1))
    assert young.counts_on(dt.date(2029, 8, 31))
    assert not young.counts_on(dt.date(2029, 9, 1))


def test_a_birthday_on_the_first_of_september_counts_to_the_next_one():
    """Born 1 September 2010: the 1 September *following* the 16th birthday (1 September
    2026) is 1 September 2027."""
    child = Child(born_on=dt.date(2010, 9, 1))
    assert child.counts_on(dt.date(2027, 8, 31))
    assert not child.counts_on(dt.date(2027, 9, 1))


def test_a_two_child_limit_exception_is_named_not_a_flag():
    with pytest.raises(ValidationError, match="two_child_limit_exception"):
        Child(born_on=dt.date(2019, 1, 1), two_child_limit_exception=True)  # type: ignore[arg-type]
    adopted = Child(born_on=dt.date(2019, 1, 1), two_child_limit_exception="adoption")
    assert adopted.two_child_limit_exception is TwoChildLimitException.ADOPTION
    assert adopted.two_child_limit_exception.outside_the_order


def test_a_childs_disability_is_converted_from_its_value():
    assert Child(born_on="2019-01-01", disability="higher").disability is ChildDisability.HIGHER


# --- Capital ------------------------------------------------------------------------------


def test_a_bare_amount_of_capital_is_savings():
    home = Household(capital=GBP(6300))
    assert home.capital == (CapitalHolding(CapitalKind.SAVINGS, GBP(6300)),)
    assert Household(capital="6300.00").capital == home.capital


def test_capital_holdings_are_checked_one_by_one():
    with pytest.raises(ValidationError) as caught:
        Household(capital=[CapitalHolding("savings", "10.00"), 7777])  # type: ignore[list-item]
    assert caught.value.path == "capital[1]"
    with pytest.raises(ValidationError, match="capital"):
        Household(capital=object())  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as bad:
        CapitalHolding("savings", "-7777.77")
    assert "7777" not in str(bad.value)
    with pytest.raises(ValidationError, match="kind"):
        CapitalHolding("gold bars", "10.00")


def test_a_capital_holding_may_say_when_it_was_received():
    holding = CapitalHolding(CapitalKind.BENEFIT_ARREARS, "500.00", received_on="2025-01-10")
    assert holding.received_on == dt.date(2025, 1, 10)
    assert "500" not in repr(holding)
