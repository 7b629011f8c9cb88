""":mod:`participatory.benefits.planning`: unit tests."""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Circumstances,
    EmploymentSupportAllowanceClaim,
    LegacyBenefit,
    LegacyClaim,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    plan_instalments,
    plan_safe_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


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
def test_plan_safe_payment(circumstances, expected, binding):
    safe = plan_safe_payment(circumstances, TUESDAY)
    assert safe.amount == GBP(expected)
    assert safe.binding is binding
    assert safe.has("BEN-PLAN-HONESTY")


def test_no_limit_for_unaffected_benefits():
    assert plan_safe_payment(Circumstances(unaffected={"state_pension"}), TUESDAY).amount is None


def test_plan_spreads_under_the_carers_allowance_limit():
    """£300 at once: one week over £196, -£83.30. Spread over two weeks: 196 + 104, nothing lost."""
    me = Circumstances(carers_allowance=CarersAllowanceClaim())
    plan = plan_instalments(me, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
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
    plan = plan_instalments(me, GBP(1000), [dt.date(2025, 6, 10), dt.date(2025, 7, 10)])
    assert plan.loss_if_paid_at_once == GBP("173.80")
    assert plan.loss == GBP("0.00") or plan.loss == GBP(0)
    assert plan.kept == GBP(1000)


def test_plan_pays_at_once_when_spreading_does_not_help():
    me = Circumstances(unaffected={UnaffectedBenefit.PIP})
    plan = plan_instalments(me, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
    assert len(plan.instalments) == 1
    assert not plan.has("BEN-PLAN-TRADE-OFF")
