import datetime as dt
import json
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Circumstances,
    ContributorCase,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    Receipt,
    ReceiptKind,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    check,
    check_payment,
    compare,
    largest_safe_payment,
    plan_payments,
)
from participatory.benefits.scenarios import scale_fees
from participatory.core.errors import ValidationError
from participatory.core.messages import message_keys
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.core.serialise import unstructure
from participatory.render.text import sentence

GBP = Money.gbp
TUESDAY = dt.date(2025, 6, 10)
SENTINEL_AMOUNT = "7777.77"


def everything():
    return [
        Circumstances(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=dt.date(2025, 1, 31),
                capability=WorkCapability.LCWRA,
                children=3,
                carer_element=True,
                capital=GBP(5900),
            ),
            carers_allowance=CarersAllowanceClaim(),
            esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90)),
            legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award=GBP(90)),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), supported_or_temporary=True),
            unaffected={UnaffectedBenefit.PIP},
        ),
        Circumstances(
            pension_credit=PensionCreditClaim(weekly_award=GBP(30), savings_credit=True),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), pension_age=True),
            carers_allowance=CarersAllowanceClaim(),
        ),
        Circumstances(
            legacy=LegacyClaim(
                LegacyBenefit.INCOME_RELATED_ESA, weekly_award=GBP(90), weekly_hours=20
            ),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90)),
        ),
        Circumstances(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(10))),
        Circumstances(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(5)
            )
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
    keys = set()
    for circumstances in everything():
        for result in (check(circumstances, RECEIPTS), check(circumstances, RECEIPTS[:1])):
            for finding in result.findings:
                text = sentence(finding, locale="en_GB")
                assert "{" not in text
                keys.add(finding.message_key)
                for action in finding.actions:
                    assert action in message_keys()
    assert len(keys) > 25


def test_circumstances_never_show_sensitive_values():
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(SENTINEL_AMOUNT)
    )
    me = Circumstances(universal_credit=claim)
    result = check_payment(me, GBP(100), TUESDAY)
    for text in (repr(me), str(me), repr(result), json.dumps(unstructure(me))):
        assert SENTINEL_AMOUNT not in text
    assert SENTINEL_AMOUNT not in json.dumps(unstructure(result))
    with pytest.raises(ValidationError) as caught:
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", current_award="-7777.77")
    assert "7777" not in str(caught.value)
    assert caught.value.path == "current_award"


def test_impossible_combinations_are_refused():
    uc = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError, match="legacy"):
        Circumstances(
            universal_credit=uc,
            legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50)),
        )
    with pytest.raises(ValidationError, match="housing_benefit"):
        Circumstances(universal_credit=uc, housing_benefit=HousingBenefitClaim(weekly_award=GBP(5)))
    with pytest.raises(ValidationError, match="housing_amount"):
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", housing_amount="500")
    with pytest.raises(ValidationError, match="receipts"):
        check(Circumstances(), ["not a receipt"])


def test_receipt_validation():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        Receipt(GBP(-1), TUESDAY)
    with pytest.raises(ValidationError, match="whole number of pence"):
        Receipt(GBP("1.001"), TUESDAY)
    with pytest.raises(ValidationError, match="kind"):
        Receipt(GBP(1), TUESDAY, "tip")
    assert Receipt("12.50", "2025-06-10", "voucher").kind is ReceiptKind.VOUCHER


# --- Planning --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("circumstances", "expected", "binding"),
    [
        (
            Circumstances(carers_allowance=CarersAllowanceClaim()),
            "196.00",
            Benefit.CARERS_ALLOWANCE,
        ),
        (
            Circumstances(esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90))),
            "20.00",
            Benefit.NEW_STYLE_ESA,
        ),
        (
            Circumstances(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(90))),
            "5.00",
            Benefit.INCOME_SUPPORT,
        ),
        # 684.01 x 0.55 leaves 0.55p, dropped in the claimant's favour; 684.02 costs 1p.
        (
            Circumstances(
                universal_credit=UniversalCreditClaim(
                    first_date_of_entitlement=dt.date(2025, 5, 1),
                    capability=WorkCapability.LCW,
                    current_award=GBP(300),
                )
            ),
            "684.01",
            Benefit.UNIVERSAL_CREDIT,
        ),
    ],
)
def test_largest_safe_payment(circumstances, expected, binding):
    safe = largest_safe_payment(circumstances, TUESDAY)
    assert safe.amount == GBP(expected)
    assert safe.binding is binding
    assert safe.has("BEN-PLAN-HONESTY")


def test_no_limit_for_unaffected_benefits():
    assert largest_safe_payment(Circumstances(unaffected={"state_pension"}), TUESDAY).amount is None


def test_plan_spreads_under_the_carers_allowance_limit():
    """£300 at once: one week over £196, -£83.30. Spread over two weeks: 196 + 104, nothing lost."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    plan = plan_payments(me, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
    assert [r.amount for r in plan.instalments] == [GBP("196.00"), GBP("104.00")]
    assert plan.loss == GBP(0)
    assert plan.loss_if_paid_at_once == GBP("83.30")
    assert plan.has("BEN-PLAN-TRADE-OFF")
    assert plan.has("BEN-PLAN-HONESTY")


def test_plan_across_assessment_periods():
    """£1,000 in one AP: (1000 - 684) x 0.55 = £173.80. In two APs: 684 + 316, nothing."""
    me = Circumstances(
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            capability=WorkCapability.LCW,
            current_award=GBP(600),
        )
    )
    plan = plan_payments(me, GBP(1000), [dt.date(2025, 6, 10), dt.date(2025, 7, 10)])
    assert plan.loss_if_paid_at_once == GBP("173.80")
    assert plan.loss == GBP("0.00") or plan.loss == GBP(0)
    assert plan.kept == GBP(1000)


def test_plan_pays_at_once_when_spreading_does_not_help():
    me = Circumstances(unaffected={UnaffectedBenefit.PIP})
    plan = plan_payments(me, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
    assert len(plan.instalments) == 1
    assert not plan.has("BEN-PLAN-TRADE-OFF")


# --- What if -----------------------------------------------------------------------------


def test_what_if_a_higher_hourly_rate_across_contributors():
    """Fees up 20%: a carer paid £180 (under £196) now gets £216 and loses a week of CA."""
    carer = ContributorCase(
        "C1", Circumstances(carers_allowance=CarersAllowanceClaim()), [Receipt(GBP(180), TUESDAY)]
    )
    pensioner = ContributorCase(
        "C2", Circumstances(unaffected={"state_pension"}), [Receipt(GBP(180), TUESDAY)]
    )
    result = compare(
        [carer, pensioner], alternative=bundled_parameters(), adjust=scale_fees(Decimal("1.2"))
    )
    assert result.baseline_loss == GBP(0)
    assert result.alternative_loss == GBP("83.30")
    assert (result.better_off, result.worse_off) == (1, 1)
    c1 = result.cases[0]
    assert (c1.baseline_kept, c1.alternative_kept) == (GBP(180), GBP("132.70"))
    assert "C1" in repr(c1)
    assert "180" not in repr(c1)


def test_what_if_esa_permitted_work_higher_limit_changes():
    base = bundled_parameters()
    raised = base.with_value(
        "esa.permitted_work.higher_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 1),
        source="What if: £250",
    )
    case = ContributorCase(
        "E1",
        Circumstances(
            esa=EmploymentSupportAllowanceClaim(
                weekly_award=GBP(90), permitted_work=PermittedWork.HIGHER_LIMIT
            )
        ),
        [Receipt(GBP(220), TUESDAY, hours=8)],
    )
    result = compare([case], alternative=raised, baseline=base)
    assert (result.baseline_loss, result.alternative_loss) == (GBP(90), GBP(0))
