"""Universal Credit scenarios worked by hand from the regulations and the published rates.

Rates: CPAG "Universal credit rates" 2024/25 and 2025/26 (askcpag.org.uk); 2026/27 work
allowances are derived (unverified) in universal_credit.toml. Rules: UC Regs 2013 regs.
21 (assessment periods), 22 (work allowance, 55% taper), 54 (earnings in the AP received),
66/73 (unearned income x 52 / 12), 6 (fractions of a penny go the claimant's way).
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Circumstances,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
)
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money

GBP = Money.gbp


def uc(**kwargs):
    kwargs.setdefault("first_date_of_entitlement", dt.date(2025, 5, 1))
    return Circumstances(universal_credit=UniversalCreditClaim(**kwargs))


def uc_change(circumstances, *payments):
    result = assess_benefits(circumstances, [Receipt(GBP(a), d) for a, d in payments])
    return result.change(Benefit.UNIVERSAL_CREDIT)


def test_brief_example_700_fee_single_25_plus_lcw_no_housing():
    """2025/26, single 25+, LCW, no housing costs: higher work allowance £684.

    A £700 fee in an AP with no other earnings: (700 - 684) x 0.55 = £8.80 off UC.
    """
    me = uc(capability=WorkCapability.LCW, current_award=GBP("800.00"))
    result = assess_payment(me, GBP(700), dt.date(2025, 6, 10))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-8.80")
    assert result.kept == GBP("691.20")
    assert result.has("BEN-UC-TAPER")


@pytest.mark.parametrize(
    ("fee", "change"),
    [
        # £684.00: exactly the allowance, nothing off.
        ("684.00", "0"),
        # £684.01: 0.01 x 0.55 = 0.0055p; reg. 6 drops a fraction against the claimant.
        ("684.01", "0"),
        # £684.02: 0.02 x 0.55 = 0.011 -> £0.01.
        ("684.02", "-0.01"),
        # £683.99: a penny under, nothing off.
        ("683.99", "0"),
    ],
)
def test_one_penny_either_side_of_the_work_allowance(fee, change):
    me = uc(capability=WorkCapability.LCW, current_award=GBP("500.00"))
    assert uc_change(me, (fee, dt.date(2025, 6, 10))) == GBP(change)


def test_lower_work_allowance_with_housing_costs():
    """2025/26 lower work allowance £411: a £500 fee -> (500 - 411) x 0.55 = £48.95."""
    me = uc(children=1, housing_costs_element=True, current_award=GBP("1200.00"))
    assert uc_change(me, (500, dt.date(2025, 6, 10))) == GBP("-48.95")


def test_no_work_allowance_tapers_from_the_first_pound():
    """No child and no LCW: no work allowance, so £100 x 0.55 = £55.00."""
    me = uc(current_award=GBP("400.14"))
    result = assess_payment(me, GBP(100), dt.date(2025, 6, 10))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-55.00")


def test_other_earnings_use_the_work_allowance_first():
    """£600 of wages already in the AP; a £200 fee takes earnings to £800.

    Deduction with the fee (800 - 684) x 0.55 = £63.80; without it nothing: £63.80 off.
    """
    me = uc(capability=WorkCapability.LCW, other_earnings=GBP(600), current_award=GBP(500))
    assert uc_change(me, (200, dt.date(2025, 6, 10))) == GBP("-63.80")


def test_payments_on_the_last_and_first_day_of_an_assessment_period():
    """Claim from 15 May 2025: APs run 15 May - 14 June and 15 June - 14 July.

    £400 on 14 June and £400 on 15 June fall in different APs, each within the £684
    allowance: nothing off. Both on 14 June: (800 - 684) x 0.55 = £63.80 off.
    """
    me = uc(
        first_date_of_entitlement=dt.date(2025, 5, 15),
        capability=WorkCapability.LCW,
        current_award=GBP(500),
    )
    assert uc_change(me, (400, dt.date(2025, 6, 14)), (400, dt.date(2025, 6, 15))) == GBP(0)
    assert uc_change(me, (400, dt.date(2025, 6, 14)), (400, dt.date(2025, 6, 14))) == GBP("-63.80")


def test_claim_starting_on_the_31st():
    """First date of entitlement 31 January 2025: every AP starts on the last day of the
    month (reg. 21(2)(a)): 31 Jan - 27 Feb, 28 Feb - 30 Mar. 27 and 28 February are in
    different APs, so two £400 fees each stay within the allowance.
    """
    me = uc(
        first_date_of_entitlement=dt.date(2025, 1, 31),
        capability=WorkCapability.LCW,
        current_award=GBP(500),
    )
    result = assess_benefits(
        me, [Receipt(GBP(400), dt.date(2025, 2, 27)), Receipt(GBP(400), dt.date(2025, 2, 28))]
    )
    periods = [str(o.period) for o in result.outcomes_for(Benefit.UNIVERSAL_CREDIT)]
    assert periods == ["2025-01-31..2025-02-27", "2025-02-28..2025-03-30"]
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP(0)


@pytest.mark.parametrize(
    ("claim_day", "change"),
    [
        # AP 6 April - 5 May 2025 began before the 7 April uprating: 2024/25 £673.
        # (700 - 673) x 0.55 = 14.85.
        (6, "-14.85"),
        # AP 7 April - 6 May 2025 began on the uprating day: 2025/26 £684. 16 x 0.55 = 8.80.
        (7, "-8.80"),
    ],
)
def test_new_rates_apply_from_the_first_ap_beginning_on_or_after_uprating(claim_day, change):
    me = uc(
        first_date_of_entitlement=dt.date(2024, 11, claim_day),
        capability=WorkCapability.LCW,
        current_award=GBP(500),
    )
    assert uc_change(me, (700, dt.date(2025, 4, 20))) == GBP(change)


def test_2026_27_higher_work_allowance_is_used_and_marked_unverified():
    """AP from 6 April 2026: higher work allowance £710 (derived, unverified): £700 is within."""
    me = uc(first_date_of_entitlement=dt.date(2026, 1, 6), capability=WorkCapability.LCW)
    result = assess_payment(me, GBP(700), dt.date(2026, 4, 20))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP(0)
    (allowance,) = result.by_rule("BEN-UC-WORK-ALLOWANCE")
    assert [p.verified for p in allowance.parameters if "work_allowance" in p.name] == [False]


def test_known_award_caps_the_reduction_and_warns_the_award_may_end():
    """Award £5.00; £1,000 with no work allowance would take £550: capped at £5.00."""
    me = uc(current_award=GBP("5.00"))
    result = assess_payment(me, GBP(1000), dt.date(2025, 6, 10))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-5.00")
    assert result.has("BEN-UC-AWARD-NIL")
    assert result.has("BEN-UC-SURPLUS-EARNINGS")


def test_losing_a_week_of_carers_allowance_raises_universal_credit():
    """2025/26, single 25+, carer element, no LCW, no housing, award worked out:

    maximum = 400.14 + 201.68 = 601.82; CA 83.30 x 52 / 12 = 360.9666 -> 360.96 counted
    (rounded in the claimant's favour); award before = 601.82 - 360.96 = 240.86.
    A £200 fee on Tuesday 10 June: CA limit £196 exceeded -> no CA for 9-15 June (£83.30).
    UC: no work allowance, 200 x 0.55 = 110.00 off; the lost £83.30 of CA comes back:
    after = 601.82 - 110.00 - (360.96 - 83.30) = 214.16, a change of -26.70.
    In all: -83.30 - 26.70 = -110.00, so the contributor keeps 200 - 110 = £90.00.
    """
    me = Circumstances(
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), carer_element=True
        ),
        carers_allowance=CarersAllowanceClaim(),
    )
    result = assess_payment(me, GBP(200), dt.date(2025, 6, 10))
    assert result.change(Benefit.CARERS_ALLOWANCE) == GBP("-83.30")
    (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert (ap.before, ap.after) == (GBP("240.86"), GBP("214.16"))
    assert result.kept == GBP("90.00")
    assert result.has("BEN-UC-KNOCK-ON")


def test_capital_tariff_income_in_the_worked_out_award():
    """Capital £6,300: two steps of £250 (one part step) above £6,000 -> 2 x 4.35 = £8.70.

    2025/26 single 25+ no housing: 400.14 - 8.70 = 391.44; a £10 fee -> 5.50 off.
    """
    me = uc(capital=GBP(6300))
    (ap,) = assess_payment(me, GBP(10), dt.date(2025, 6, 10)).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert (ap.before, ap.after) == (GBP("391.44"), GBP("385.94"))


def test_lcw_earnings_threshold_is_a_warning_with_both_sides():
    """2025/26 threshold: 16 x £12.21 x 52 / 12 = £846.56 a month (reg. 41)."""
    me = uc(capability=WorkCapability.LCW, current_award=GBP(500))
    assert not assess_payment(me, GBP("846.55"), dt.date(2025, 6, 10)).has(
        "BEN-UC-LCW-EARNINGS-THRESHOLD"
    )
    assert assess_payment(me, GBP("846.56"), dt.date(2025, 6, 10)).has(
        "BEN-UC-LCW-EARNINGS-THRESHOLD"
    )


def test_dates_beyond_the_data_raise_unless_stale_values_are_asked_for():
    me = uc(first_date_of_entitlement=dt.date(2027, 1, 1), current_award=GBP(400))
    with pytest.raises(ParametersNotAvailable):
        assess_payment(me, GBP(100), dt.date(2027, 5, 10))
    result = assess_payment(me, GBP(100), dt.date(2027, 5, 10), allow_stale=True)
    assert result.has("BEN-STALE-PARAMETERS")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-55.00")


def test_expenses_gifts_and_declined_fees_do_not_count():
    me = uc(current_award=GBP(400))
    from participatory.benefits import ReceiptKind

    result = assess_benefits(
        me,
        [
            Receipt(GBP(50), dt.date(2025, 6, 10), ReceiptKind.RECEIPTED_EXPENSES),
            Receipt(GBP(50), dt.date(2025, 6, 10), ReceiptKind.GIFT),
            Receipt(GBP(50), dt.date(2025, 6, 10), ReceiptKind.DECLINED_FEE),
        ],
    )
    assert result.change() == GBP(0)
    assert result.paid == GBP(100)
    assert {"BEN-EXPENSES-DISREGARDED", "BEN-GIFT-CAPITAL", "BEN-DECLINED-FEE"} <= {
        f.rule_id for f in result.findings
    }


def test_voucher_counted_as_earnings_with_the_risk_reported():
    from participatory.benefits import ReceiptKind

    me = uc(current_award=GBP(400))
    result = assess_payment(me, GBP(20), dt.date(2025, 6, 10), ReceiptKind.VOUCHER)
    assert result.change() == GBP("-11.00")
    assert result.has("BEN-VOUCHER-RISK")
    assert result.has("BEN-EARNED-OR-MISC")
    assert Decimal(1)
