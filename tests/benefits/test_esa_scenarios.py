""":mod:`participatory.benefits.esa`: scenarios worked by hand.

Sources: ESA Regs 2008 reg. 45 (permitted work: £20 lower limit any hours; higher limit
£183.50 in 2024/25 and £195.50 in 2025/26, for under 16 hours; supported permitted work at
the higher limit, no hours condition) and reg. 40(1) (other work: no ESA that week); UC Regs
2013 reg. 66(1)(b) (new-style ESA is unearned income). Weeks start on Monday.

ESA is the person's own: the hours of their job now sit on the :class:`Person`
(``weekly_hours``), not on the claim.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    EmploymentSupportAllowanceClaim,
    Household,
    PermittedWork,
    Person,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def esa(work, hours=0, award="92.05"):
    claim = EmploymentSupportAllowanceClaim(weekly_award=GBP(award), permitted_work=work)
    return Household(people=[Person("me", esa=claim, weekly_hours=hours)])


@pytest.mark.parametrize(("fee", "lost"), [("20.00", "0"), ("20.01", "-92.05")])
def test_esa_lower_limit_any_hours(fee, lost):
    result = assess_payment(esa(PermittedWork.LOWER_LIMIT, hours=30), GBP(fee), TUESDAY)
    assert result.change() == GBP(lost)


def test_the_week_lost_is_the_week_of_the_work():
    """Unlike Carer's Allowance, ESA looks at the week the work is done and paid in: £20.01
    on Tuesday 10 June 2025 loses the week 9-15 June, and it is the claimant's own."""
    result = assess_payment(esa(PermittedWork.LOWER_LIMIT), GBP("20.01"), TUESDAY)
    (week,) = result.outcomes
    assert (week.period.start, week.period.end) == (dt.date(2025, 6, 9), dt.date(2025, 6, 15))
    assert week.person == "me"
    assert week.cliff


def test_esa_lower_limit_breach_suggests_the_higher_limit_only_if_it_would_fit():
    result = assess_payment(esa(PermittedWork.LOWER_LIMIT), GBP(50), TUESDAY, hours=4)
    assert result.has("BEN-ESA-PERMITTED-WORK-LOWER")
    assert result.has("BEN-ESA-HIGHER-LIMIT-MAY-APPLY")
    over_higher = assess_payment(esa(PermittedWork.LOWER_LIMIT), GBP(200), TUESDAY, hours=4)
    assert not over_higher.has("BEN-ESA-HIGHER-LIMIT-MAY-APPLY")


@pytest.mark.parametrize(
    ("day", "fee", "lost"),
    [
        (dt.date(2024, 6, 11), "183.50", "0"),
        (dt.date(2024, 6, 11), "183.51", "-92.05"),
        (TUESDAY, "195.50", "0"),
        (TUESDAY, "195.51", "-92.05"),
    ],
)
def test_esa_higher_limit_by_year(day, fee, lost):
    result = assess_payment(esa(PermittedWork.HIGHER_LIMIT, hours=6), GBP(fee), day)
    assert result.change() == GBP(lost)


def test_esa_16_hour_rule_is_strictly_less_than_16():
    """Higher-limit permitted work must be under 16 hours: 15.9 h is fine, 16 h is not
    (unless earnings are within the £20 lower limit, which has no hours condition)."""
    assert assess_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours="15.9"), GBP(100), TUESDAY
    ).change() == GBP(0)
    result = assess_payment(esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(100), TUESDAY)
    assert result.has("BEN-ESA-16-HOURS")
    assert result.cliffs
    assert assess_payment(
        esa(PermittedWork.HIGHER_LIMIT, hours=16), GBP(20), TUESDAY
    ).change() == GBP(0)


def test_the_payments_hours_count_with_the_regular_hours():
    """10 regular hours + 6 hours of the paid work = 16: not under 16, so £100 is outside
    higher-limit permitted work."""
    result = assess_payment(esa(PermittedWork.HIGHER_LIMIT, hours=10), GBP(100), TUESDAY, hours=6)
    assert result.change() == GBP("-92.05")
    assert result.has("BEN-ESA-16-HOURS")


def test_supported_permitted_work_has_no_hours_limit():
    result = assess_payment(esa(PermittedWork.SUPPORTED, hours=30), GBP("195.50"), TUESDAY)
    assert result.change() == GBP(0)


@pytest.mark.parametrize(
    ("day", "uc_change", "kept"),
    [(TUESDAY, "0.00", "7.95"), (dt.date(2025, 6, 30), "398.88", "406.83")],
)
def test_lost_esa_week_raises_universal_credit_only_across_the_aps_last_day(day, uc_change, kept):
    """UC (known award £300) with LCW + new-style ESA £92.05 on the lower limit, APs from the
    1st. A £100 fee is over £20, so the ESA of its own week is lost (-92.05); 100 is within
    the £684 work allowance (no taper). UC counts a month of the ESA entitled on the AP's
    last day (UC Regs 2013 regs. 66(1)(b), 73; D&A Regs 2013 Sch. 1 para. 31):

    Tuesday 10 June (week 9-15 June, ESA again from 16 June, inside the AP 1-30 June): the
    June AP still counts a whole month, UC unchanged; kept 100 - 92.05 = £7.95.
    Monday 30 June (week 30 June - 6 July, covering the AP's last day): the June AP counts
    none, UC +92.05 × 52 / 12 = 398.8833... -> 398.88; kept 100 - 92.05 + 398.88 = £406.83.
    """
    me = Household(
        people=[
            Person(
                capability=WorkCapability.LCW,
                esa=EmploymentSupportAllowanceClaim(weekly_award=GBP("92.05")),
            )
        ],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(300)
        ),
    )
    result = assess_payment(me, GBP(100), day)
    assert result.change(Benefit.NEW_STYLE_ESA) == GBP("-92.05")
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP(uc_change)
    assert result.kept == GBP(kept)
    assert result.has("BEN-REPORT-ESA-PW1")


def test_esa_counts_as_uc_unearned_income_only_when_it_is_paid():
    """UC worked out (no statement): single 25+ with LCW, £400.14 standard allowance, and
    new-style ESA £92.05 a week. With no regular work ESA is paid, so it counts:
    92.05 x 52 / 12 = 398.8833... -> £398.88 (nearest penny), award 400.14 - 398.88 = 1.26.
    With regular earnings of £30 a week on the lower limit (over £20) no ESA is paid at all,
    so none is deducted: the award is the full £400.14 (issue 22)."""
    claim = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
    esa_claim = EmploymentSupportAllowanceClaim(weekly_award=GBP("92.05"))
    paid = Household(
        people=[Person(capability=WorkCapability.LCW, esa=esa_claim)], universal_credit=claim
    )
    (ap,) = assess_payment(paid, GBP(1), TUESDAY).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert ap.before == GBP("1.26")
    not_paid = Household(
        people=[Person(capability=WorkCapability.LCW, esa=esa_claim, weekly_earnings=GBP(30))],
        universal_credit=claim,
    )
    (ap,) = assess_payment(not_paid, GBP(1), TUESDAY).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert ap.before == GBP("400.14")


def test_hours_count_in_the_week_the_work_was_done_not_the_week_paid():
    """ESA Regs 2008 reg. 45: above the £20 lower limit, permitted work at the higher limit
    must be under 16 hours a week. The claimant's job pays £50 a week for 10 hours (weeks
    start on Monday). A fee of £100 is paid on Tuesday 10 June 2025 for 8 hours worked on
    Tuesday 3 June:

    * week 2-8 June: £50 (over £20) for 10 + 8 = 18 hours, not under 16, so the week's
      £92.05 is lost, though the fee arrived later;
    * week 9-15 June: £50 + £100 = £150, within £195.50, for the job's 10 hours: kept.

    Paid the same fee for work done in the week it is paid (no ``worked_on``), the 18 hours
    fall in 9-15 June instead, and that week is lost.
    """
    claim = EmploymentSupportAllowanceClaim(
        weekly_award=GBP("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
    )
    household = Household(
        people=[Person("me", esa=claim, weekly_hours=10, weekly_earnings=GBP(50))]
    )
    paid_later = Receipt(GBP(100), TUESDAY, hours=8, worked_on=dt.date(2025, 6, 3))
    result = assess_benefits(household, [paid_later])
    weeks = {(o.period.start, o.change) for o in result.outcomes}
    assert weeks == {(dt.date(2025, 6, 2), GBP("-92.05")), (dt.date(2025, 6, 9), GBP(0))}

    same_week = Receipt(GBP(100), TUESDAY, hours=8)
    (week,) = assess_benefits(household, [same_week]).outcomes
    assert (week.period.start, week.change) == (dt.date(2025, 6, 9), GBP("-92.05"))
