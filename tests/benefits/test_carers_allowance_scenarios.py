""":mod:`participatory.benefits.carers_allowance`: scenarios worked by hand.

Sources: ICA Regs 1976 reg. 8(1) as amended by SI 2025/352 (limit £151 -> £196 from 7 April
2025; £204 from 6 April 2026); weekly rate £81.90 (2024/25), £83.30 (2025/26), £86.45
(2026/27); Overlapping Benefits Regs 1979 reg. 4; Computation of Earnings Regs 1996 reg.
6(2)(b) (spreading). Weeks start on Monday unless stated.

The rule as the rewrite reads reg. 8(1): a carer is treated as gainfully employed on every
day of a benefit week if their net earnings *in the immediately preceding week* were over
the limit. So earnings received in week W cost the allowance of week W+1, and the limit and
rate are those in force for week W+1 (the week whose allowance is decided). Old tests that
expected the week of the payment itself to be lost now expect the next week.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
    assess_payment,
)
from participatory.core.errors import UnsupportedCase
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.periods import DateRange

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)  # in the benefit week Monday 9 - Sunday 15 June 2025
NEXT_WEEK = DateRange(dt.date(2025, 6, 16), dt.date(2025, 6, 22))


def carer(**person: object) -> Household:
    return Household(people=[Person("carer", carers_allowance=CarersAllowanceClaim(), **person)])


@pytest.mark.parametrize(
    ("fee", "cliff", "change"),
    [("196.00", False, "0"), ("195.99", False, "0"), ("196.01", True, "-83.30")],
)
def test_carers_allowance_limit_2025_one_penny_either_side(fee, cliff, change):
    """2025/26: limit £196, weekly rate £83.30; one penny over loses the whole week.

    Received on Tuesday 10 June 2025 (week 9-15 June), the earnings decide the allowance of
    the next week, 16-22 June: that is the one outcome, and the one lost at £196.01.
    """
    result = assess_payment(carer(), GBP(fee), TUESDAY)
    (week,) = result.outcomes
    assert week.period == NEXT_WEEK
    assert week.cliff is cliff
    assert week.person == "carer"
    assert result.change() == GBP(change)


def test_the_limit_and_rate_are_those_of_the_week_paid_for():
    """The uprating boundary, read by the week whose allowance is decided (changed on purpose).

    Was: £180 received on Sunday 6 April 2025 lost the week 31 March - 6 April (£81.90).
    Now (reg. 8(1)): £180 received on Sunday 30 March 2025 (week 24-30 March) decides the
    week 31 March - 6 April 2025, still under the 2024/25 limit of £151: 180 > 151, so that
    week's £81.90 is lost. £180 received on Sunday 6 April 2025 decides the week from Monday
    7 April 2025, under the 2025/26 limit of £196: 180 <= 196, nothing is lost.
    """
    assert assess_payment(carer(), GBP(180), dt.date(2025, 3, 30)).change() == GBP("-81.90")
    assert assess_payment(carer(), GBP(180), dt.date(2025, 4, 6)).change() == GBP(0)


def test_carers_allowance_2026_limit_204():
    """2026/27: limit £204, rate £86.45. Tuesday 9 June 2026 decides the week 15-21 June."""
    assert assess_payment(carer(), GBP("204.00"), dt.date(2026, 6, 9)).change() == GBP(0)
    result = assess_payment(carer(), GBP("204.01"), dt.date(2026, 6, 9))
    assert result.change() == GBP("-86.45")
    assert result.outcomes[0].period.start == dt.date(2026, 6, 15)


def test_other_weekly_earnings_count_towards_the_limit():
    """£150 a week from a job (on the Person now) + a £46.01 fee = £196.01 > £196: a cliff.

    The old test also expected ``BEN-CA-SPREADING`` here. The rewrite flags spreading only
    when the payment itself is over the limit: spread at the limit plus a penny (£196.01 a
    week, Computation of Earnings Regs reg. 6(2)(b)), £46.01 covers less than one week, so
    it cannot cost more weeks than the one shown.
    """
    result = assess_payment(carer(weekly_earnings=GBP(150)), GBP("46.01"), TUESDAY)
    assert result.cliffs
    assert result.change() == GBP("-83.30")
    assert not result.has("BEN-CA-SPREADING")


def test_a_payment_over_the_limit_by_itself_warns_that_it_may_be_spread():
    """£400 alone: spread at £196.01 a week it could cover int(400 / 196.01) = 2 weeks."""
    result = assess_payment(carer(), GBP(400), TUESDAY)
    (spread,) = result.by_rule("BEN-CA-SPREADING")
    assert spread.values["weeks"] == 2
    assert spread.values["limit_plus_penny"] == GBP("196.01")


def test_regular_earnings_already_over_the_limit_leave_nothing_to_lose():
    """£200 a week from a job is over £196 every week: no allowance before, none after."""
    result = assess_payment(carer(weekly_earnings=GBP(200)), GBP(50), TUESDAY)
    (week,) = result.outcomes
    assert week.before == week.after == GBP(0)
    assert not week.cliff


def test_carers_allowance_week_starting_on_a_wednesday():
    """Weeks from Wednesday: Tuesday 10 June (week 4-10 June) and Wednesday 11 June (week
    11-17 June) are different weeks, so £150 on each stays under £196. They decide the
    weeks 11-17 and 18-24 June: two outcomes, nothing lost."""
    me = Household(people=[Person(carers_allowance=CarersAllowanceClaim(benefit_week_start=2))])
    result = assess_benefits(
        me, [Receipt(GBP(150), TUESDAY), Receipt(GBP(150), dt.date(2025, 6, 11))]
    )
    assert [o.period.start for o in result.outcomes] == [dt.date(2025, 6, 11), dt.date(2025, 6, 18)]
    assert result.change() == GBP(0)


def test_hours_alone_decide_no_carers_allowance_week():
    """Changed on purpose: the earnings test looks only at earnings, so a receipt that
    counts nothing (receipted expenses, with hours of work) gives no Carer's Allowance row."""
    result = assess_payment(carer(), GBP(30), TUESDAY, "receipted_expenses", hours=10)
    assert result.outcomes_for(Benefit.CARERS_ALLOWANCE) == ()


def test_an_overlapping_benefit_reduces_what_can_be_lost():
    """State Pension of £60 a week overlaps: £83.30 - £60 = £23.30 is paid, and that is all a
    penny over the limit costs (Overlapping Benefits Regs 1979 reg. 4)."""
    result = assess_payment(carer(overlapping_benefit=GBP(60)), GBP("196.01"), TUESDAY)
    assert result.change() == GBP("-23.30")
    assert result.has("BEN-CA-OVERLAP")


def test_an_overlapping_benefit_as_large_as_the_allowance_leaves_nothing():
    """State Pension of £90 a week is more than £83.30: nothing is paid, nothing is lost."""
    result = assess_payment(carer(overlapping_benefit=GBP(90)), GBP(300), TUESDAY)
    assert result.change() == GBP(0)
    assert not result.cliffs


def test_two_carers_in_one_couple_each_have_their_own_week():
    """Each partner's allowance is their own: £250 to one loses only that partner's week."""
    home = Household(
        people=[
            Person("a", carers_allowance=CarersAllowanceClaim()),
            Person("b", carers_allowance=CarersAllowanceClaim()),
        ]
    )
    result = assess_payment(home, GBP(250), TUESDAY, person="b")
    assert result.change(Benefit.CARERS_ALLOWANCE, "b") == GBP("-83.30")
    assert result.change(Benefit.CARERS_ALLOWANCE, "a") == GBP(0)
    assert [o.person for o in result.cliffs] == ["b"]


def test_the_uc_knock_on_falls_in_the_ap_whose_last_day_the_lost_week_covers():
    """UC from 1 May 2025 (APs on the 1st); single, 25 or over, no LCW, gets CA (so the carer
    element): maximum 400.14 + 201.68 = 601.82, CA counted 83.30 × 52 / 12 = 360.97.
    £250 received on Tuesday 24 June 2025 (week 23-29 June) costs the week 30 June - 6 July,
    which covers 30 June, the last day of the AP 1-30 June: that AP counts the CA entitled on
    its last day, none (UC Regs 2013 regs. 66(1)(b), 73; D&A Regs 2013 Sch. 1 para. 31), so
    +360.97; the fee counts there too (reg. 54), no work allowance: 250 × 55% = -137.50.
    June: 360.97 - 137.50 = +223.47. CA arises again on 7 July, a whole month in the July
    AP: it is unchanged and not shown."""
    home = Household(
        people=[Person(carers_allowance=CarersAllowanceClaim())],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )
    result = assess_payment(home, GBP(250), dt.date(2025, 6, 24))
    (lost,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
    assert lost.period == DateRange(dt.date(2025, 6, 30), dt.date(2025, 7, 6))
    (june,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert june.period == DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert (june.before, june.after) == (GBP("240.85"), GBP("464.32"))
    assert june.change == GBP("223.47")


def test_scotland_uses_carer_support_payment_and_its_own_law():
    """Carer Support Payment (Social Security Scotland), the same £196 limit in 2025/26."""
    home = Household(people=[Person(carers_allowance=CarersAllowanceClaim())], nation="scotland")
    result = assess_payment(home, GBP("196.01"), TUESDAY)
    assert result.change() == GBP("-83.30")
    (limit,) = result.by_rule("BEN-CA-EARNINGS-LIMIT")
    assert limit.values["benefit"] == "Carer Support Payment"
    assert limit.actions == ("benefits.action.tell_social_security_scotland",)


def test_northern_ireland_tells_the_disability_and_carers_service():
    """Northern Ireland: its own legislation, the same £196 limit in 2025/26; the library has
    no published rate there, so the award comes from the letter (£83.30 here)."""
    home = Household(
        people=[Person(carers_allowance=CarersAllowanceClaim(weekly_award=GBP("83.30")))],
        nation=Nation.NORTHERN_IRELAND,
    )
    result = assess_payment(home, GBP("196.01"), TUESDAY)
    assert result.change() == GBP("-83.30")
    (limit,) = result.by_rule("BEN-CA-EARNINGS-LIMIT")
    assert limit.actions == ("benefits.action.tell_disability_and_carers_service",)


def test_northern_ireland_needs_the_award_from_the_letter():
    home = Household(
        people=[Person(carers_allowance=CarersAllowanceClaim())], nation=Nation.NORTHERN_IRELAND
    )
    with pytest.raises(UnsupportedCase, match="weekly_award"):
        assess_payment(home, GBP("196.01"), TUESDAY)


def test_self_employed_earnings_warn_that_the_week_by_week_answer_may_overstate_the_loss():
    """Social Security Benefit (Computation of Earnings) Regulations 1996 reg. 11(1): a
    self-employed earner's earnings are worked out over an assessment period (usually a
    year's average), not the week they are received. The engine still answers week by week
    (£250 invoiced on Tuesday 10 June 2025 is over the £196 limit, so the week of 16-22 June
    loses £83.30) and warns, for that carer only, that the answer may overstate the loss.

    The same £250 as an involvement fee, or invoiced by another member of the household,
    gives the same week's answer for the carer without the warning.
    """
    household = Household(
        people=[Person("carer", carers_allowance=CarersAllowanceClaim()), Person("partner")]
    )
    invoice = Receipt(GBP(250), TUESDAY, "self_employed_invoice", person="carer")
    result = assess_benefits(household, [invoice])
    (week,) = result.outcomes
    assert (week.period, week.change) == (NEXT_WEEK, GBP("-83.30"))
    (warning,) = [f for f in result.findings if f.rule_id == "BEN-CA-SELF-EMPLOYED"]
    assert warning.subject == "carer"

    fee = Receipt(GBP(250), TUESDAY, person="carer")
    as_fee = assess_benefits(household, [fee])
    assert as_fee.change() == GBP("-83.30")
    assert not as_fee.has("BEN-CA-SELF-EMPLOYED")

    partners = Receipt(GBP(250), TUESDAY, "self_employed_invoice", person="partner")
    assert not assess_benefits(household, [fee, partners]).has("BEN-CA-SELF-EMPLOYED")


def test_northern_ireland_keeps_the_lost_week_in_the_ap_in_which_it_ends():
    """Northern Ireland's UC Regs (NI) 2016 reg. 73(3) count a part of an AP by its days;
    the library keeps its reading there: the week's amount comes off the AP in which the
    week ends. Amira in NI (the same amounts as in Great Britain), CA £83.30 from the letter,
    one child born 1 March 2019, UC from 1 May 2025 (APs on the 1st):
    maximum 400.14 + 292.81 + 201.68 = 894.63; CA counted 83.30 × 52 / 12 = 360.97;
    UC 894.63 - 360.97 = 533.66.
    £196.01 on Tuesday 24 June costs 30 June - 6 July, which ends in the July AP: June (the
    fee, under the £684 work allowance) 533.66 -> 533.66; July 533.66 + 83.30 = 616.96."""
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim(weekly_award="83.30"))],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
        nation=Nation.NORTHERN_IRELAND,
    )
    result = assess_payment(home, GBP("196.01"), dt.date(2025, 6, 24), person="amira")
    june, july = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert june.period == DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert (june.before, june.after) == (GBP("533.66"), GBP("533.66"))
    assert july.period == DateRange(dt.date(2025, 7, 1), dt.date(2025, 7, 31))
    assert (july.before, july.after) == (GBP("533.66"), GBP("616.96"))


def test_a_week_lost_at_an_uprated_rate_takes_off_no_more_than_the_ap_counts():
    """UC from 15 May 2025, so the AP 15 March - 14 April 2026 begins before the uprating day
    (6 April 2026) and reads the 2025/26 figures: CA £83.30 a week, 83.30 × 52 / 12 = 360.97;
    maximum (single 25+, one child born 1 March 2019, carer element) 400.14 + 292.81 +
    201.68 = 894.63; UC 894.63 - 360.97 = 533.66.
    £300 on Tuesday 7 April 2026 (week 6-12 April) is over the limit (£204 from 6 April
    2026), so CA for 13-19 April (£86.45, the 2026/27 rate) is lost; that week covers 14
    April, the AP's last day, so the AP counts no CA: UC 894.63 (the £300 is under the £684
    work allowance). A month of £86.45 (374.62) would take off more than the 360.97 the AP
    counts, and UC can never exceed its maximum amount."""
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 15)),
    )
    result = assess_payment(home, GBP(300), dt.date(2026, 4, 7), person="amira")
    (week,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
    assert (week.period, week.before, week.after) == (
        DateRange(dt.date(2026, 4, 13), dt.date(2026, 4, 19)),
        GBP("86.45"),
        GBP("0.00"),
    )
    (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert ap.period == DateRange(dt.date(2026, 3, 15), dt.date(2026, 4, 14))
    assert (ap.before, ap.after) == (GBP("533.66"), GBP("894.63"))
