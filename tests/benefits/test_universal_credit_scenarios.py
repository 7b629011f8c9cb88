"""Universal Credit scenarios worked by hand from the regulations and the published rates.

Rates (``data/parameters/benefits/universal_credit.toml``), monthly:

========================================  ========  ========  ========
figure                                    2024/25   2025/26   2026/27
========================================  ========  ========  ========
standard allowance, single under 25         311.68    316.98    338.58
standard allowance, single 25 or over       393.45    400.14    424.90
standard allowance, couple under 25         489.23    497.55    528.34
standard allowance, couple 25 or over       617.60    628.10    666.97
first child born before 6 April 2017        333.33    339.00    351.88
other child                                 287.92    292.81    303.94
disabled child addition, lower / higher   156.11 / 487.58  158.76 / 495.87  - / 514.71
LCWRA element (new-claim rate 2026/27)      416.19    423.27    429.80 (217.26)
carer element                               198.31    201.68    209.34
work allowance, lower / higher            404 / 673  411 / 684  427 / 710
========================================  ========  ========  ========

Taper 55%; capital £6,000 / £16,000, tariff £4.35 per £250 or part; Carer's Allowance £83.30
a week in 2025/26. Rules: UC Regs 2013 regs. 18 (capital limit), 21 (assessment periods), 22
(work allowance, taper, a couple's earnings combined), 24-24A (child element, two-child
limit, ended for APs from 6 April 2026), 29(4) (never both the LCWRA and carer element for
one person), 36 (maximum amount), 54 (earnings in the AP received), 66/73 (unearned income,
weekly x 52 / 12), 72 (tariff income), Sch. 10 (capital disregards), and reg. 6(1), read by
the library as rounding each amount to the *nearest* penny, a half penny up (changed on
purpose: the old model rounded every deduction down).
"""

import datetime as dt

import pytest

from participatory.benefits import (
    AgeBand,
    Benefit,
    CapitalHolding,
    CapitalKind,
    CarersAllowanceClaim,
    Child,
    ChildDisability,
    Household,
    Person,
    Receipt,
    ReceiptKind,
    TwoChildLimitException,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
)
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Severity
from participatory.core.money import Money

GBP = Money.gbp

JUNE_2025 = dt.date(2025, 6, 10)
CHILD_2019 = Child(born_on=dt.date(2019, 3, 1))


def uc(people=None, children=(), capital=None, **claim):
    claim.setdefault("first_date_of_entitlement", dt.date(2025, 5, 1))
    return Household(
        people=people or [Person("me")],
        children=children,
        capital=capital,
        universal_credit=UniversalCreditClaim(**claim),
    )


def lcw(**person):
    return [Person("me", capability=WorkCapability.LCW, **person)]


def uc_change(household, *payments):
    result = assess_benefits(household, [Receipt(GBP(a), d) for a, d in payments])
    return result.change(Benefit.UNIVERSAL_CREDIT)


def maximum(household, day=JUNE_2025):
    """The award worked out for the AP holding ``day``, before a 1p probe payment."""
    (ap,) = assess_payment(household, GBP("0.01"), day).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    return ap.before


def test_brief_example_700_fee_single_25_plus_lcw_no_housing():
    """2025/26, single 25+, LCW, no housing costs: higher work allowance £684.

    A £700 fee in an AP with no other earnings: (700 - 684) x 0.55 = £8.80 off UC.
    """
    me = uc(lcw(), current_award=GBP("800.00"))
    result = assess_payment(me, GBP(700), JUNE_2025)
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-8.80")
    assert result.kept == GBP("691.20")
    assert result.has("BEN-UC-TAPER")


@pytest.mark.parametrize(
    ("fee", "change"),
    [
        # £684.00: exactly the allowance, nothing off.
        ("684.00", "0"),
        # £684.01: 0.01 x 0.55 = 0.0055, half a penny or more: 1p (changed on purpose: the
        # old model dropped it, giving 0).
        ("684.01", "-0.01"),
        # £684.02: 0.02 x 0.55 = 0.011 -> £0.01.
        ("684.02", "-0.01"),
        # £683.99: a penny under, nothing off.
        ("683.99", "0"),
        # The brief's example: (716.01 - 684) x 0.55 = 17.6055 -> £17.61 (down would be 17.60).
        ("716.01", "-17.61"),
    ],
)
def test_one_penny_either_side_of_the_work_allowance(fee, change):
    me = uc(lcw(), current_award=GBP("500.00"))
    assert uc_change(me, (fee, JUNE_2025)) == GBP(change)


def test_lower_work_allowance_with_housing_costs():
    """2025/26 lower work allowance £411 (a child gives the allowance): a £500 fee ->
    (500 - 411) x 0.55 = £48.95."""
    me = uc(children=[CHILD_2019], housing_costs_element=True, current_award=GBP("1200.00"))
    assert uc_change(me, (500, JUNE_2025)) == GBP("-48.95")


def test_no_work_allowance_tapers_from_the_first_pound():
    """No child and no LCW: no work allowance, so £100 x 0.55 = £55.00."""
    me = uc(current_award=GBP("400.14"))
    result = assess_payment(me, GBP(100), JUNE_2025)
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-55.00")


def test_other_earnings_use_the_work_allowance_first():
    """£600 of wages in the AP (now the person's ``monthly_earnings``); a £200 fee takes
    earnings to £800. Deduction with the fee (800 - 684) x 0.55 = £63.80; without it
    nothing: £63.80 off."""
    me = uc(lcw(monthly_earnings=GBP(600)), current_award=GBP(500))
    assert uc_change(me, (200, JUNE_2025)) == GBP("-63.80")


def test_a_partners_earnings_use_the_one_work_allowance_first():
    """Joint claim (reg. 22(1)(b)): the partner earns £300 a month, a child and housing costs
    give one £411 allowance. A £200 fee to the claimant: (500 - 411) x 0.55 = £48.95 off;
    without it the £300 is within the allowance."""
    home = uc(
        [Person("me"), Person("partner", monthly_earnings=GBP(300))],
        children=[CHILD_2019],
        housing_costs_element=True,
        current_award=GBP(1000),
    )
    result = assess_payment(home, GBP(200), JUNE_2025, person="me")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-48.95")


def test_payments_on_the_last_and_first_day_of_an_assessment_period():
    """Claim from 15 May 2025: APs run 15 May - 14 June and 15 June - 14 July.

    £400 on 14 June and £400 on 15 June fall in different APs, each within the £684
    allowance: nothing off. Both on 14 June: (800 - 684) x 0.55 = £63.80 off.
    """
    me = uc(lcw(), first_date_of_entitlement=dt.date(2025, 5, 15), current_award=GBP(500))
    assert uc_change(me, (400, dt.date(2025, 6, 14)), (400, dt.date(2025, 6, 15))) == GBP(0)
    assert uc_change(me, (400, dt.date(2025, 6, 14)), (400, dt.date(2025, 6, 14))) == GBP("-63.80")


def test_claim_starting_on_the_31st():
    """First date of entitlement 31 January 2025: every AP starts on the last day of the
    month (reg. 21(2)(a)): 31 Jan - 27 Feb, 28 Feb - 30 Mar. 27 and 28 February are in
    different APs, so two £400 fees each stay within the allowance.
    """
    me = uc(lcw(), first_date_of_entitlement=dt.date(2025, 1, 31), current_award=GBP(500))
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
    me = uc(lcw(), first_date_of_entitlement=dt.date(2024, 11, claim_day), current_award=GBP(500))
    assert uc_change(me, (700, dt.date(2025, 4, 20))) == GBP(change)


def test_2026_27_higher_work_allowance_is_used_and_marked_unverified():
    """AP from 6 April 2026: higher work allowance £710 (derived, unverified): £700 is within."""
    me = uc(lcw(), first_date_of_entitlement=dt.date(2026, 1, 6))
    result = assess_payment(me, GBP(700), dt.date(2026, 4, 20))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP(0)
    (allowance,) = result.by_rule("BEN-UC-WORK-ALLOWANCE")
    assert [p.verified for p in allowance.parameters if "work_allowance" in p.name] == [False]


def test_known_award_caps_the_reduction_and_warns_the_award_may_end():
    """Award £5.00; £1,000 with no work allowance would take £550: capped at £5.00."""
    me = uc(current_award=GBP("5.00"))
    result = assess_payment(me, GBP(1000), JUNE_2025)
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-5.00")
    assert result.has("BEN-UC-AWARD-NIL")
    assert result.has("BEN-UC-SURPLUS-EARNINGS")


def test_losing_a_week_of_carers_allowance_raises_universal_credit():
    """2025/26, single 25+, gets Carer's Allowance (so a carer: the carer element), no LCW,
    no housing, award worked out. Changed on purpose (nearest penny; the lost week is the
    next one):

    maximum = 400.14 + 201.68 = 601.82; CA 83.30 x 52 / 12 = 360.9666... -> 360.97 counted
    (nearest penny; was 360.96 rounded down); award before = 601.82 - 360.97 = 240.85.
    A £200 fee on Tuesday 24 June (week 23-29 June): over the £196 limit, so no CA for the
    week 30 June - 6 July (£83.30), which covers 30 June, the last day of the AP 1-30 June.
    The AP counts the CA entitled on its last day as a whole month (regs. 66(1)(b), 73; D&A
    Regs 2013 Sch. 1 para. 31): none.
    UC: no work allowance, 200 x 0.55 = 110.00 off; no CA counted:
    after = 601.82 - 110.00 - 0.00 = 491.82, a change of +250.97.
    In all: -83.30 + 250.97 = +167.67, so the contributor keeps 200 + 167.67 = £367.67.
    (A fee on 10 June loses 16-22 June instead, resumed inside the AP: UC only tapers.)
    """
    me = uc([Person(carers_allowance=CarersAllowanceClaim())])
    result = assess_payment(me, GBP(200), dt.date(2025, 6, 24))
    assert result.change(Benefit.CARERS_ALLOWANCE) == GBP("-83.30")
    (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert (ap.before, ap.after) == (GBP("240.85"), GBP("491.82"))
    assert result.kept == GBP("367.67")
    assert result.has("BEN-UC-KNOCK-ON")


def test_carers_allowance_reduced_by_an_overlapping_benefit_counts_as_paid():
    """State Pension of £60 a week overlaps: £83.30 - £60 = £23.30 of CA is paid, and UC
    counts 23.30 x 52 / 12 = 100.9666... -> £100.97. Award 601.82 - 100.97 = £500.85."""
    me = uc([Person(carers_allowance=CarersAllowanceClaim(), overlapping_benefit=GBP(60))])
    assert maximum(me) == GBP("500.85")


def test_capital_tariff_income_in_the_worked_out_award():
    """Capital £6,300: two steps of £250 (one part step) above £6,000 -> 2 x 4.35 = £8.70.

    2025/26 single 25+ no housing: 400.14 - 8.70 = 391.44; a £10 fee -> 5.50 off.
    """
    me = uc(capital=GBP(6300))
    (ap,) = assess_payment(me, GBP(10), JUNE_2025).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert (ap.before, ap.after) == (GBP("391.44"), GBP("385.94"))


@pytest.mark.parametrize(
    ("received_on", "award"),
    [
        # Received 1 March 2025: within 12 months on 1 June 2025, disregarded (Sch. 10
        # para. 18): £6,000 counted, no tariff income.
        (dt.date(2025, 3, 1), "400.14"),
        # Received 1 June 2024: 12 months have passed on 1 June 2025, so it counts: £7,000,
        # 4 steps x 4.35 = 17.40; 400.14 - 17.40 = 382.74.
        (dt.date(2024, 6, 1), "382.74"),
    ],
)
def test_benefit_arrears_are_disregarded_for_twelve_months(received_on, award):
    capital = [
        CapitalHolding(CapitalKind.SAVINGS, "6000.00"),
        CapitalHolding(CapitalKind.BENEFIT_ARREARS, "1000.00", received_on=received_on),
    ]
    assert maximum(uc(capital=capital)) == GBP(award)


def test_capital_over_the_limit_with_an_award_on_the_statement_is_referred():
    """A statement shows an award, but the capital given (£16,000.01) is over £16,000: the
    figures disagree, so the award is used and the case referred (issue 22)."""
    me = uc(capital=GBP("16000.01"), current_award=GBP(300))
    result = assess_payment(me, GBP(100), JUNE_2025)
    (limit,) = result.by_rule("BEN-UC-CAPITAL-LIMIT")
    assert limit.severity is Severity.REFER
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-55.00")


def test_other_unearned_income_comes_off_pound_for_pound():
    """£100 a month of other unearned income: 400.14 - 100 = 300.14."""
    assert maximum(uc(other_unearned_income=GBP(100))) == GBP("300.14")


# --- The maximum amount, person by person (issue 22) ---------------------------------------


@pytest.mark.parametrize(
    ("people", "award"),
    [
        ([Person("a", age_band=AgeBand.UNDER_25)], "316.98"),
        ([Person("a")], "400.14"),
        (
            [Person("a", age_band=AgeBand.UNDER_25), Person("b", age_band=AgeBand.UNDER_25)],
            "497.55",
        ),
        # A couple gets the 25-or-over rate if either is 25 or over.
        ([Person("a", age_band=AgeBand.UNDER_25), Person("b")], "628.10"),
    ],
)
def test_the_standard_allowance_follows_each_persons_age(people, award):
    assert maximum(uc(people)) == GBP(award)


def test_one_lcwra_element_for_the_household_even_if_both_partners_have_it():
    """628.10 + 423.27 = 1,051.37: an award includes only one LCWRA element."""
    both = [Person("a", capability="lcwra"), Person("b", capability="lcwra")]
    assert maximum(uc(both)) == GBP("1051.37")


def test_a_carer_element_for_each_partner_who_cares():
    """628.10 + 201.68 + 201.68 = 1,031.46."""
    both = [Person("a", carer=True), Person("b", carer=True)]
    assert maximum(uc(both)) == GBP("1031.46")


def test_the_lower_lcwra_rate_for_a_new_claim_from_april_2026():
    """AP from 6 May 2026 (2026/27): single 25+ £424.90 + LCWRA £429.80 = £854.70; at the
    new-claim rate £217.26 instead: £642.16."""
    day = dt.date(2026, 5, 12)
    first = dt.date(2026, 1, 6)
    usual = uc([Person("a", capability="lcwra")], first_date_of_entitlement=first)
    new = uc([Person("a", capability="lcwra", lcwra_new_claim_rate=True)],
             first_date_of_entitlement=first)  # fmt: skip
    assert maximum(usual, day) == GBP("854.70")
    assert maximum(new, day) == GBP("642.16")


THREE = [Child(born_on=dt.date(2015, 6, 1)), Child(born_on=dt.date(2019, 6, 1)),
         Child(born_on=dt.date(2020, 6, 1))]  # fmt: skip


def test_the_two_child_limit_applies_until_aps_starting_6_april_2026():
    """APs on the 1st. AP from 1 April 2026 (began before the uprating and the abolition):
    2025/26 rates, the limit applies, 400.14 + 339.00 + 292.81 = 1,031.95 (the third,
    born after 6 April 2017, gets none). AP from 1 May 2026: 2026/27 rates and no limit,
    424.90 + 351.88 + 303.94 + 303.94 = 1,384.66."""
    home = uc(children=THREE, first_date_of_entitlement=dt.date(2026, 1, 1))
    april = assess_payment(home, GBP("0.01"), dt.date(2026, 4, 10))
    assert april.outcomes[0].before == GBP("1031.95")
    assert april.has("BEN-UC-TWO-CHILD-LIMIT")
    may = assess_payment(home, GBP("0.01"), dt.date(2026, 5, 10))
    assert may.outcomes[0].before == GBP("1384.66")
    assert not may.has("BEN-UC-TWO-CHILD-LIMIT")


def test_an_exception_to_the_two_child_limit_keeps_the_third_childs_element():
    """400.14 + 339.00 + 292.81 + 292.81 = 1,324.76 (the third is, say, a twin)."""
    third = Child(
        born_on=dt.date(2020, 6, 1), two_child_limit_exception=TwoChildLimitException.MULTIPLE_BIRTH
    )
    home = uc(children=[*THREE[:2], third])
    assert maximum(home) == GBP("1324.76")


def test_a_young_person_counts_to_the_september_after_16_or_in_education_after_19():
    """UC Regs 2013 reg. 5(1): born 1 May 2009, 16 on 1 May 2025. In the AP of June 2025
    they are a qualifying young person whatever they do (to 31 August 2025): 400.14 + 339.00
    first child rate (born before 6 April 2017) = 739.14. In the AP of October 2025 only if
    in approved non-advanced education: 739.14 as a student, 400.14 alone otherwise."""
    older = Child(born_on=dt.date(2009, 5, 1))
    student = Child(born_on=dt.date(2009, 5, 1), qualifying_young_person=True)
    october = dt.date(2025, 10, 10)
    assert maximum(uc(children=[older])) == GBP("739.14")
    assert maximum(uc(children=[older]), october) == GBP("400.14")
    assert maximum(uc(children=[student]), october) == GBP("739.14")


def test_the_lower_disabled_child_addition():
    """400.14 + 292.81 (born after 6 April 2017) + 158.76 lower addition = 851.71."""
    child = Child(born_on=dt.date(2019, 3, 1), disability=ChildDisability.LOWER)
    assert maximum(uc(children=[child])) == GBP("851.71")


# --- Edges of the data, kinds of payment ------------------------------------------------


def test_lcw_earnings_threshold_is_a_warning_with_both_sides():
    """2025/26 threshold: 16 x £12.21 x 52 / 12 = £846.56 a month (reg. 41)."""
    me = uc(lcw(), current_award=GBP(500))
    assert not assess_payment(me, GBP("846.55"), JUNE_2025).has("BEN-UC-LCW-EARNINGS-THRESHOLD")
    found = assess_payment(me, GBP("846.56"), JUNE_2025).by_rule("BEN-UC-LCW-EARNINGS-THRESHOLD")
    assert [f.subject for f in found] == ["me"]


def test_lcw_earnings_threshold_is_not_raised_for_someone_on_pip():
    me = uc(lcw(unaffected={"personal_independence_payment"}), current_award=GBP(500))
    assert not assess_payment(me, GBP(900), JUNE_2025).has("BEN-UC-LCW-EARNINGS-THRESHOLD")


def test_dates_beyond_the_data_raise_unless_stale_values_are_asked_for():
    me = uc(first_date_of_entitlement=dt.date(2027, 1, 1), current_award=GBP(400))
    with pytest.raises(ParametersNotAvailable):
        assess_payment(me, GBP(100), dt.date(2027, 5, 10))
    result = assess_payment(me, GBP(100), dt.date(2027, 5, 10), allow_stale=True)
    assert result.has("BEN-STALE-PARAMETERS")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-55.00")


def test_expenses_gifts_and_declined_fees_do_not_count():
    me = uc(current_award=GBP(400))
    result = assess_benefits(
        me,
        [
            Receipt(GBP(50), JUNE_2025, ReceiptKind.RECEIPTED_EXPENSES),
            Receipt(GBP(50), JUNE_2025, ReceiptKind.GIFT),
            Receipt(GBP(50), JUNE_2025, ReceiptKind.DECLINED_FEE),
        ],
    )
    assert result.change() == GBP(0)
    assert result.paid == GBP(100)
    assert {"BEN-EXPENSES-DISREGARDED", "BEN-GIFT-CAPITAL", "BEN-DECLINED-FEE"} <= {
        f.rule_id for f in result.findings
    }


def test_a_gift_kept_as_capital_is_checked_against_the_limits():
    """£5,900 of savings and a £500 gift: £6,400 kept is 2 steps over £6,000 (£8.70 a
    month); with £15,900, the gift takes capital over £16,000."""
    tariff = assess_payment(uc(capital=GBP(5900)), GBP(500), JUNE_2025, ReceiptKind.GIFT)
    (warning,) = [f for f in tariff.by_rule("BEN-GIFT-CAPITAL") if "tariff" in f.values]
    assert warning.values["tariff"] == GBP("8.70")
    upper = assess_payment(uc(capital=GBP(15900)), GBP(500), JUNE_2025, ReceiptKind.GIFT)
    assert any(f.severity is Severity.PROBLEM for f in upper.by_rule("BEN-GIFT-CAPITAL"))


def test_voucher_counted_as_earnings_with_the_risk_reported():
    me = uc(current_award=GBP(400))
    result = assess_payment(me, GBP(20), JUNE_2025, ReceiptKind.VOUCHER)
    assert result.change() == GBP("-11.00")
    assert result.has("BEN-VOUCHER-RISK")
    assert result.has("BEN-EARNED-OR-MISC")


def test_a_payment_before_the_claim_began_is_in_no_assessment_period() -> None:
    """UC Regs 2013 reg. 54: earned income is what is received in an assessment period, and
    the first period starts on the first date of entitlement (1 May 2025 here). A £700 fee
    received on 30 April 2025 is in no period, so UC does not change; a finding says why.
    Before the fix it was assessed as if inside the first period (a -£8.80 change here)."""
    home = Household(
        people=[Person("me", capability=WorkCapability.LCW)],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )
    result = assess_benefits(home, [Receipt("700.00", dt.date(2025, 4, 30))])
    assert result.change(Benefit.UNIVERSAL_CREDIT) == Money.gbp("0.00")
    assert result.outcomes == ()
    assert result.has("BEN-UC-BEFORE-CLAIM")
    # The same fee a day later, inside the first period: 55% of £16 over £684 = £8.80.
    later = assess_benefits(home, [Receipt("700.00", dt.date(2025, 5, 1))])
    assert later.change(Benefit.UNIVERSAL_CREDIT) == Money.gbp("-8.80")
    assert not later.has("BEN-UC-BEFORE-CLAIM")


def test_a_baby_born_during_the_ap_counts_for_the_whole_ap():
    """D&A Regs 2013 Sch. 1 para. 20: a change takes effect from the AP's first day.

    2025/26, single 25+, no housing costs, entitlement from 10 May 2025, so the AP runs
    10 June to 9 July 2025. A baby is born on 20 June and a £500 fee is paid on 25 June.
    The baby counts for the whole AP: maximum £400.14 + £292.81 = £692.95, and a household
    with a child has the higher work allowance, £684, so the £500 fee takes nothing. Counted
    only from the next AP, the fee would have lost 500 x 0.55 = £275.00.
    """
    home = uc(
        children=[Child(born_on=dt.date(2025, 6, 20))],
        first_date_of_entitlement=dt.date(2025, 5, 10),
    )
    assert maximum(home, dt.date(2025, 6, 25)) == GBP("692.95")
    assert uc_change(home, (500, dt.date(2025, 6, 25))) == GBP(0)
    # The AP before the birth (10 May to 9 June) has no child: no allowance, £275.00 off.
    assert uc_change(home, (500, dt.date(2025, 5, 25))) == GBP("-275.00")


def test_a_young_person_stops_counting_for_the_whole_ap_holding_1_september():
    """UC Regs 2013 reg. 5 with D&A Regs 2013 Sch. 1 para. 20.

    Born 10 March 2009, 16 on 10 March 2025, not in education: a qualifying young person
    up to, not including, 1 September 2025. With entitlement from 15 May 2025 the AP holding
    1 September runs 15 August to 14 September. The change on 1 September takes effect from
    15 August, so that AP has no child: maximum £400.14, no work allowance, and a £500 fee
    loses 500 x 0.55 = £275.00. In the AP before (15 July to 14 August) the young person
    counts, at the higher rate of a first child born before 6 April 2017: maximum
    £400.14 + £339.00 = £739.14, allowance £684, nothing lost.
    """
    home = uc(
        children=[Child(born_on=dt.date(2009, 3, 10))],
        first_date_of_entitlement=dt.date(2025, 5, 15),
    )
    assert maximum(home, dt.date(2025, 8, 20)) == GBP("400.14")
    assert uc_change(home, (500, dt.date(2025, 8, 20))) == GBP("-275.00")
    assert maximum(home, dt.date(2025, 8, 1)) == GBP("739.14")
    assert uc_change(home, (500, dt.date(2025, 8, 1))) == GBP(0)


def test_the_elements_finding_cites_the_rule_on_who_counts():
    """The children counted are cited to D&A Regs 2013 Sch. 1 para. 20 (Great Britain)."""
    home = uc(children=[CHILD_2019])
    result = assess_payment(home, GBP(100), JUNE_2025)
    (elements,) = [f for f in result.findings if f.rule_id == "BEN-UC-ELEMENTS"]
    assert "uc_da_regs_2013" in {c.source.key for c in elements.citations}
