""":mod:`participatory.benefits.engine`: unit tests.

Every finding the engine can give renders in English; the batch entry point
(:func:`~participatory.benefits.assess_many`) gives exactly what
:func:`~participatory.benefits.assess_benefits` gives case by case; the household's members
and the ``already`` payments are checked at the boundary.
"""

import datetime as dt
import gc
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    Person,
    Receipt,
    ReceiptKind,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_many,
    assess_payment,
)
from participatory.core.errors import UnsupportedCase, ValidationError
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def everything():
    """Households that between them reach every rule (the old ``Circumstances`` cases)."""
    return [
        Household(
            people=[
                Person(
                    "a",
                    capability=WorkCapability.LCWRA,
                    carer=True,
                    carers_allowance=CarersAllowanceClaim(),
                    esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90)),
                    unaffected={UnaffectedBenefit.PIP},
                ),
                Person("b", capability=WorkCapability.LCW),
            ],
            children=[
                Child(born_on=dt.date(2015, 6, 1)),
                Child(born_on=dt.date(2019, 6, 1)),
                Child(born_on=dt.date(2020, 6, 1)),
            ],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 1, 31)),
            legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award=GBP(90)),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), supported_or_temporary=True),
            capital=GBP(5900),
        ),
        Household(
            people=[Person(carers_allowance=CarersAllowanceClaim(), overlapping_benefit=GBP(30))],
            pension_credit=PensionCreditClaim(weekly_award=GBP(30), savings_credit=True),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), pension_age=True),
        ),
        Household(
            people=[Person("c"), Person("p", weekly_hours=Decimal(20))],
            legacy=LegacyClaim(LegacyBenefit.INCOME_RELATED_ESA, weekly_award=GBP(90)),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90)),
        ),
        Household(
            people=[Person("c"), Person("p")],
            legacy=LegacyClaim(
                LegacyBenefit.INCOME_RELATED_ESA,
                weekly_award=GBP(90),
                permitted_work=PermittedWork.HIGHER_LIMIT,
            ),
        ),
        Household(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(10))),
        Household(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(5)
            ),
            capital=GBP(16001),
        ),
        Household(
            people=[Person(carers_allowance=CarersAllowanceClaim())],
            children=[Child(born_on=dt.date(2019, 6, 1))],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
            nation=Nation.SCOTLAND,
        ),
    ]


RECEIPTS = [Receipt(GBP(a), TUESDAY, kind, hours=h) for a, kind, h in [
    (1000, ReceiptKind.INVOLVEMENT_FEE, 16),
    (30, ReceiptKind.VOUCHER, 0),
    (30, ReceiptKind.POT_FOR_GOODS, 0),
    (30, ReceiptKind.FLAT_RATE_EXPENSES, 0),
    (30, ReceiptKind.RECEIPTED_EXPENSES, 0),
    (500, ReceiptKind.GIFT, 0),
    (30, ReceiptKind.DECLINED_FEE, 0),
    (30, ReceiptKind.SELF_EMPLOYED_INVOICE, 0),
    (30, ReceiptKind.PAYROLL_EARNINGS, 0),
]]  # fmt: skip


def test_every_finding_renders_in_english():
    from participatory.render.templates import message_keys
    from participatory.render.text import sentence

    keys = set()
    for household in everything():
        partner = household.people[-1].id
        for result in (
            assess_benefits(household, RECEIPTS),
            assess_benefits(household, RECEIPTS[:1]),
            assess_benefits(household, [Receipt(GBP(300), TUESDAY, person=partner)]),
        ):
            for finding in result.findings:
                text = sentence(finding, locale="en_GB", include_sensitive=True)
                assert "{" not in text
                keys.add(finding.message_key)
                for action in finding.actions:
                    assert action in message_keys()
    assert len(keys) > 25


UC = Household(
    people=[Person(capability=WorkCapability.LCW, carers_allowance=CarersAllowanceClaim())],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
)


CARER = Household(people=[Person(carers_allowance=CarersAllowanceClaim(benefit_week_start=3))])
CARER_MONDAY = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])


ESA = Household(
    people=[
        Person(
            esa=EmploymentSupportAllowanceClaim(
                weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
            )
        )
    ]
)


def _year(amount: str) -> tuple[Receipt, ...]:
    return tuple(
        Receipt(Money.gbp(amount), dt.date(2025, month, 10), hours=4) for month in range(4, 13)
    )


CASES = [(UC, _year("700.00")), (CARER, _year("196.01")), (ESA, _year("195.51")), (UC, ())]


def test_assess_many_gives_what_assess_benefits_gives_case_by_case():
    batch = assess_many(CASES)
    assert len(batch) == len(CASES)
    for (household, receipts), result in zip(CASES, batch, strict=True):
        alone = assess_benefits(household, receipts)
        assert result.outcomes == alone.outcomes
        assert result.findings == alone.findings
        assert result.kept == alone.kept


def test_assess_many_of_nothing_is_empty():
    batch = assess_many([])
    assert len(batch) == 0
    assert list(batch) == []


@pytest.mark.parametrize("enabled", [True, False])
def test_assess_many_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        assess_many(CASES[:1])
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            assess_many([(UC, ()), ("not a household", ())])  # type: ignore[list-item]
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_assess_many_uses_the_parameters_given():
    # Carer's Allowance earnings limit raised to £250 from 7 April 2025: £196.01 a week is
    # then within it, so nothing is lost (by hand: 196.01 <= 250).
    higher = bundled_parameters().with_value(
        "carers_allowance.earnings_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 7),
        source="What if: £250 limit",
    )
    (result,) = assess_many([(CARER, _year("196.01"))], parameters=higher)
    assert result.loss == Money.gbp(0)
    (baseline,) = assess_many([(CARER, _year("196.01"))])
    assert baseline.loss > Money.gbp(0)


# --- The boundary: who is paid, what is already paid ----------------------------------------


def test_a_receipt_names_a_member_or_goes_to_the_first():
    home = Household(
        people=[
            Person("a", carers_allowance=CarersAllowanceClaim()),
            Person("b", carers_allowance=CarersAllowanceClaim()),
        ]
    )
    unnamed = assess_payment(home, GBP(250), TUESDAY)
    assert [o.person for o in unnamed.cliffs] == ["a"]
    with pytest.raises(ValidationError) as caught:
        assess_benefits(
            home, [Receipt(GBP(10), TUESDAY)], already=[Receipt(GBP(1), TUESDAY, person="zed")]
        )
    assert caught.value.path == "already[0].person"
    assert "zed" not in str(caught.value)


def test_already_paid_counts_before_and_after_and_is_not_paid_again():
    """£150 already this week, £100 more: £250 > £196, the next week's £83.30 is lost; the
    payment in question is £100, so the household keeps 100 - 83.30 = £16.70."""
    result = assess_payment(
        CARER_MONDAY, GBP(100), TUESDAY, already=[Receipt(GBP(150), dt.date(2025, 6, 9))]
    )
    assert result.paid == GBP(100)
    assert result.change() == GBP("-83.30")
    assert result.kept == GBP("16.70")
    (week,) = result.outcomes
    assert week.counted == GBP(100)


def test_periods_touched_only_by_already_paid_receipts_are_not_reported():
    """Earlier payments in other weeks count in those weeks but are not this payment's."""
    earlier = Receipt(GBP(300), dt.date(2025, 5, 13))
    result = assess_payment(CARER_MONDAY, GBP(10), TUESDAY, already=[earlier])
    assert [o.period.start for o in result.outcomes] == [dt.date(2025, 6, 16)]


def test_a_single_receipt_may_be_given_without_a_list():
    alone = assess_benefits(CARER_MONDAY, Receipt(GBP(250), TUESDAY))  # type: ignore[arg-type]
    assert alone.change() == GBP("-83.30")


def test_the_household_must_be_a_household():
    with pytest.raises(ValidationError, match="household"):
        assess_benefits("me", [])  # type: ignore[arg-type]


def test_northern_ireland_refuses_benefits_it_has_no_law_for():
    """The legacy benefits, Housing Benefit and Pension Credit in Northern Ireland are under
    its own legislation, which the library does not model: refused, not guessed."""
    home = Household(
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50)),
        nation=Nation.NORTHERN_IRELAND,
    )
    with pytest.raises(UnsupportedCase):
        assess_payment(home, GBP(10), TUESDAY)


def test_outcomes_come_in_date_then_benefit_order():
    result = assess_payment(UC, GBP(250), TUESDAY)
    assert [o.benefit for o in result.outcomes] == [
        Benefit.UNIVERSAL_CREDIT,
        Benefit.CARERS_ALLOWANCE,
    ]
    starts = [o.period.start for o in result.outcomes]
    assert starts == sorted(starts)
