""":mod:`participatory.benefits.planning`: unit tests.

Figures (2025/26): Carer's Allowance limit £196 a week, rate £83.30; ESA permitted-work
lower limit £20; Income Support single disregard £5; UC higher work allowance £684, taper
55%, rounded to the nearest penny (a half penny up).
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    Receipt,
    ReceiptKind,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    plan_instalments,
    plan_safe_payment,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.interchange import dumps, to_plain

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)

CARER = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])


@pytest.mark.parametrize(
    ("household", "expected", "binding"),
    [
        (CARER, "196.00", Benefit.CARERS_ALLOWANCE),
        (
            Household(people=[Person(esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90)))]),
            "20.00",
            Benefit.NEW_STYLE_ESA,
        ),
        (
            Household(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(90))),
            "5.00",
            Benefit.INCOME_SUPPORT,
        ),
        # Changed on purpose (nearest penny, a half penny up): was £684.01, when 0.55p was
        # dropped in the claimant's favour. Now 684.01 - 684 = 0.01 x 55% = 0.0055 rounds up
        # to 1p, so £684.00 is the largest payment that changes nothing.
        (
            Household(
                people=[Person(capability=WorkCapability.LCW)],
                universal_credit=UniversalCreditClaim(
                    first_date_of_entitlement=dt.date(2025, 5, 1),
                    current_award=GBP(300),
                ),
            ),
            "684.00",
            Benefit.UNIVERSAL_CREDIT,
        ),
    ],
)
def test_plan_safe_payment(household, expected, binding):
    safe = plan_safe_payment(household, TUESDAY)
    assert safe.amount == GBP(expected)
    assert safe.binding is binding
    assert safe.has("BEN-PLAN-HONESTY")
    assert safe.has("BEN-PLAN-SAFE-AMOUNT")


def test_no_limit_for_unaffected_benefits():
    pensioner = Household(people=[Person(unaffected={"state_pension"})])
    safe = plan_safe_payment(pensioner, TUESDAY)
    assert safe.amount is None
    assert safe.binding is None


def test_what_is_already_paid_in_the_week_uses_up_the_limit():
    """£150 already received in the week 9-15 June: £196 - £150 = £46.00 more is safe."""
    safe = plan_safe_payment(
        CARER, TUESDAY, person="amira", already=[Receipt(GBP(150), dt.date(2025, 6, 9))]
    )
    assert safe.amount == GBP("46.00")


def test_a_payment_to_the_partner_does_not_use_the_carers_limit():
    """Carer's Allowance is the carer's own: a partner's £150 leaves the carer's £196."""
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim()), Person("ben")]
    )
    safe = plan_safe_payment(
        home, TUESDAY, person="amira", already=[Receipt(GBP(150), TUESDAY, person="ben")]
    )
    assert safe.amount == GBP("196.00")


def test_plan_spreads_under_the_carers_allowance_limit():
    """£300 at once: the week 9-15 June is over £196, so the next week's £83.30 is lost.
    Spread over two weeks: 196 + 104, nothing lost."""
    plan = plan_instalments(CARER, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
    assert [r.amount for r in plan.instalments] == [GBP("196.00"), GBP("104.00")]
    assert plan.loss == GBP(0)
    assert plan.loss_if_paid_at_once == GBP("83.30")
    assert plan.kept == GBP(300)
    assert plan.has("BEN-PLAN-TRADE-OFF")
    assert plan.has("BEN-PLAN-HONESTY")


def test_plan_instalments_for_a_named_person_around_what_is_already_paid():
    """£100 already on Monday 9 June: £96 more fits that week, £104 the next."""
    plan = plan_instalments(
        CARER,
        GBP(200),
        [TUESDAY, TUESDAY + dt.timedelta(days=7)],
        person="amira",
        already=[Receipt(GBP(100), dt.date(2025, 6, 9), person="amira")],
    )
    assert [r.amount for r in plan.instalments] == [GBP("96.00"), GBP("104.00")]
    assert {r.person for r in plan.instalments} == {"amira"}
    assert plan.loss == GBP(0)


def test_plan_across_assessment_periods():
    """£1,000 in one AP: (1000 - 684) x 0.55 = £173.80. In two APs: 684 + 316, nothing."""
    me = Household(
        people=[Person(capability=WorkCapability.LCW)],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(600)
        ),
    )
    plan = plan_instalments(me, GBP(1000), [dt.date(2025, 6, 10), dt.date(2025, 7, 10)])
    assert plan.loss_if_paid_at_once == GBP("173.80")
    assert plan.loss == GBP(0)
    assert plan.kept == GBP(1000)


def test_plan_pays_at_once_when_spreading_does_not_help():
    me = Household(people=[Person(unaffected={UnaffectedBenefit.PIP})])
    plan = plan_instalments(me, GBP(300), [TUESDAY, TUESDAY + dt.timedelta(days=7)])
    assert len(plan.instalments) == 1
    assert not plan.has("BEN-PLAN-TRADE-OFF")


def test_flat_rate_expenses_are_advised_against():
    plan = plan_instalments(CARER, GBP(50), [TUESDAY], kind=ReceiptKind.FLAT_RATE_EXPENSES)
    assert plan.has("BEN-PLAN-EXPENSES")


@pytest.mark.parametrize(
    ("total", "days", "path"),
    [
        (GBP(-1), [TUESDAY], "total"),
        (Money("10", "EUR"), [TUESDAY], "total"),
        (GBP("1.001"), [TUESDAY], "total"),
        (GBP(10), [], "days"),
    ],
)
def test_plan_instalments_refuses_what_it_cannot_plan(total, days, path):
    with pytest.raises(ValidationError) as caught:
        plan_instalments(CARER, total, days)
    assert caught.value.path == path


def test_plans_never_show_what_the_benefits_do():
    """The payments are the payer's own record; the loss and the safe amount say what the
    contributor's benefits are, so they are redacted."""
    plan = plan_instalments(CARER, GBP("333.33"), [TUESDAY])
    assert plan.loss == GBP("83.30")
    assert "loss=<redacted>, loss_if_paid_at_once=<redacted>, result=<redacted>" in repr(plan)
    assert "amount=<redacted>" in repr(plan_safe_payment(CARER, TUESDAY))


# A schedule's default copies (TRY14-7).


def test_a_schedules_default_copies_read_alike_whether_a_benefit_was_at_stake():
    """£300 over Tuesdays 10 and 17 June 2025. Amira on Carer's Allowance (limit £196 a week
    in 2025/26) loses £83.30 paid at once, nothing as £196 + £104, so the spread is chosen
    with its trade-off advice; with no benefit it is paid at once. Each plan's repr, str and
    default JSON list the findings that are not about her and one withheld marker, so the
    two read alike; before, the carer's held one ``Finding(<redacted>)`` per finding of its
    check and a non-sensitive ``BEN-PLAN-TRADE-OFF``."""
    days = [TUESDAY, TUESDAY + dt.timedelta(days=7)]
    spread = plan_instalments(CARER, GBP(300), days)
    at_once = plan_instalments(Household(people=[Person("amira")]), GBP(300), days)
    assert [len(spread.instalments), len(at_once.instalments)] == [2, 1]
    assert repr(spread) == repr(at_once)
    assert str(spread) == str(at_once)
    assert dumps(spread) == dumps(at_once)
    assert repr(spread).count("<redacted>") == repr(at_once).count("<redacted>") == 5
    assert "TRADE-OFF" not in repr(spread) + dumps(spread)
    # Read with consent, the carer's plan still says it all.
    (trade_off,) = spread.by_rule("BEN-PLAN-TRADE-OFF")
    assert trade_off.sensitive
    assert "BEN-PLAN-TRADE-OFF" in dumps(spread, include_sensitive=True)
    assert not at_once.has("BEN-PLAN-TRADE-OFF")


def test_a_schedules_default_plain_data_lists_one_withheld_finding():
    """The findings not about the person (honesty, the caveat, the pointer to advice), in
    order, then one withheld record for however many are withheld."""
    days = [TUESDAY, TUESDAY + dt.timedelta(days=7)]
    plan = plan_instalments(CARER, GBP(300), days)
    findings = to_plain(plan)["findings"]
    assert [f["rule_id"] for f in findings] == [
        "BEN-PLAN-HONESTY",
        "BEN-CAVEAT",
        "BEN-SIGNPOST-ADVICE",
        None,
    ]
    assert findings[-1]["withheld"] is True
    assert sum(f.sensitive for f in plan.findings) > 1
