""":mod:`participatory.benefits.legacy`: scenarios worked by hand.

Sources: IS Regs 1987 Sch. 8 (disregards £5 single, £10 couple, £20 higher; figures
unverified) and reg. 5 (remunerative work: 16 hours or more by the claimant, 24 or more by
the partner); JSA Regs 1996 Sch. 6 and reg. 51; ESA Regs 2008 reg. 45 (permitted work),
reg. 42(1) (partner's 24 hours) and Sch. 7 paras. 6-7 (partner's £20 disregard).
Weeks start on Monday.

Changed on purpose in the rewrite: IS, income-based JSA and income-related ESA are claimed
for a couple, so both partners' earnings are pooled and a partner's 24 hours ends them;
regular hours of 16 or more are remunerative work even in a week with no earnings; an award
from a statement already allows for regular earnings, so only what payments add above them
comes off.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    EarningsDisregard,
    Household,
    LegacyBenefit,
    LegacyClaim,
    PermittedWork,
    Person,
    Receipt,
    assess_benefits,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def legacy(kind=LegacyBenefit.INCOME_SUPPORT, disregard=EarningsDisregard.SINGLE, people=None,
           **kw):  # fmt: skip
    kw.setdefault("weekly_award", GBP("90.50"))
    claim = LegacyClaim(kind, disregard=disregard, **kw)
    return Household(people=people or [Person("c")], legacy=claim)


@pytest.mark.parametrize(
    ("disregard", "fee", "change"),
    [
        (EarningsDisregard.SINGLE, "5.00", "0"),
        (EarningsDisregard.SINGLE, "5.01", "-0.01"),
        (EarningsDisregard.SINGLE, "30.00", "-25.00"),
        (EarningsDisregard.COUPLE, "30.00", "-20.00"),
        (EarningsDisregard.HIGHER, "20.00", "0"),
        (EarningsDisregard.HIGHER, "30.00", "-10.00"),
    ],
)
def test_legacy_disregards_pound_for_pound(disregard, fee, change):
    """IS Regs 1987 Sch. 8: £5 single, £10 a couple (so a couple's household), £20 higher."""
    people = [Person("c"), Person("d")] if disregard is EarningsDisregard.COUPLE else None
    home = legacy(disregard=disregard, people=people)
    assert assess_payment(home, GBP(fee), TUESDAY).change() == GBP(change)


def test_legacy_reduction_is_capped_at_the_award():
    result = assess_payment(legacy(weekly_award=GBP(20)), GBP(100), TUESDAY)
    assert result.change() == GBP(-20)
    assert result.has("BEN-AWARD-EXHAUSTED")
    assert not result.cliffs  # a taper that uses up the award is not a cliff


def test_legacy_16_hour_rule():
    """IS: 15.5 hours with a £30 fee tapers (-25.00); 16 hours ends entitlement that week."""
    assert assess_payment(legacy(), GBP(30), TUESDAY, hours="15.5").change() == GBP(-25)
    result = assess_payment(legacy(), GBP(30), TUESDAY, hours=16)
    assert result.change() == GBP("-90.50")
    assert result.has("BEN-LEGACY-16-HOURS")
    assert result.cliffs


def test_regular_hours_and_the_payments_hours_add_up():
    """12 hours a week of a job + 4 hours of paid involvement = 16: remunerative work."""
    home = legacy(people=[Person("c", weekly_hours=12)])
    assert assess_payment(home, GBP(30), TUESDAY, hours=4).change() == GBP("-90.50")


def test_regular_hours_of_16_are_remunerative_work_even_without_earnings():
    """Changed on purpose: a claimant whose job is 16 hours a week is in remunerative work
    every week (IS Regs reg. 5), so no IS is payable before or after a payment: the payment
    changes nothing here, and nothing is reported as lost."""
    home = legacy(people=[Person("c", weekly_hours=16)])
    result = assess_payment(home, GBP(30), TUESDAY)
    (week,) = result.outcomes
    assert week.before == week.after == GBP(0)
    assert not week.cliff


def test_income_support_closed_from_april_2026_is_referred():
    result = assess_payment(legacy(), GBP(30), dt.date(2026, 6, 9))
    assert result.has("BEN-LEGACY-CLOSED")
    assert result.change() == GBP(0)


def test_income_related_esa_uses_permitted_work():
    me = legacy(LegacyBenefit.INCOME_RELATED_ESA, permitted_work=PermittedWork.LOWER_LIMIT)
    assert assess_payment(me, GBP(20), TUESDAY).change() == GBP(0)
    assert assess_payment(me, GBP("20.01"), TUESDAY).cliffs


# --- A couple's claim -----------------------------------------------------------------------


def test_a_couples_earnings_are_pooled_for_income_support():
    """Couple disregard £10: £6 to each partner is £12, £2 over it: £2 off. Either payment
    alone (£6) is within it."""
    home = legacy(disregard=EarningsDisregard.COUPLE, people=[Person("c"), Person("p")])
    both = [Receipt(GBP(6), TUESDAY, person="c"), Receipt(GBP(6), TUESDAY, person="p")]
    assert assess_benefits(home, both).change() == GBP(-2)
    assert assess_benefits(home, both[1:]).change() == GBP(0)


def test_a_partner_working_24_hours_ends_income_support():
    """The partner's 20 regular hours + 4 paid hours = 24: remunerative work for a partner
    (IS Regs reg. 5(1A)), so the couple's IS is lost for the week: -£90.50."""
    home = legacy(
        disregard=EarningsDisregard.COUPLE,
        people=[Person("c"), Person("p", weekly_hours=Decimal(20))],
    )
    result = assess_payment(home, GBP(10), TUESDAY, person="p", hours=4)
    assert result.change() == GBP("-90.50")
    assert result.has("BEN-LEGACY-24-HOURS")
    assert result.cliffs


def test_a_partner_under_24_hours_only_uses_the_disregard():
    """The partner at 23.5 hours is not in remunerative work: £10 is within the couple's
    £10 disregard."""
    home = legacy(
        disregard=EarningsDisregard.COUPLE,
        people=[Person("c"), Person("p", weekly_hours=Decimal("19.5"))],
    )
    assert assess_payment(home, GBP(10), TUESDAY, person="p", hours=4).change() == GBP(0)


def test_the_claimant_need_not_be_the_first_member():
    """The partner ``p`` claims: 16 hours of work by ``p`` ends the claim; by ``c``, the
    partner of the claimant, 16 hours is under the partner's 24."""
    claim = LegacyClaim(
        LegacyBenefit.INCOME_BASED_JSA,
        weekly_award=GBP("90.50"),
        disregard=EarningsDisregard.COUPLE,
        claimant="p",
    )
    home = Household(people=[Person("c"), Person("p")], legacy=claim)
    assert assess_payment(home, GBP(30), TUESDAY, person="p", hours=16).change() == GBP("-90.50")
    assert assess_payment(home, GBP(30), TUESDAY, person="c", hours=16).change() == GBP(-20)


def test_income_related_esa_gives_the_partners_earnings_a_20_pound_disregard():
    """ESA Regs 2008 Sch. 7 para. 7: the partner's £25 less £20 = £5 off a £90.50 award."""
    home = legacy(LegacyBenefit.INCOME_RELATED_ESA, people=[Person("c"), Person("p")])
    assert assess_payment(home, GBP(25), TUESDAY, person="p").change() == GBP(-5)


def test_a_claimant_in_permitted_work_leaves_the_partner_only_the_unused_disregard():
    """Sch. 7 paras. 6-7: the claimant earns £15 a week in lower-limit permitted work (£20),
    leaving £5 of the £20 for the partner: the partner's £25 is £20 over it, £20 off."""
    home = legacy(
        LegacyBenefit.INCOME_RELATED_ESA,
        people=[Person("c", weekly_earnings=GBP(15)), Person("p")],
    )
    assert assess_payment(home, GBP(25), TUESDAY, person="p").change() == GBP(-20)


def test_new_style_jsa_is_the_claimants_own():
    """New-style JSA is contributory: the partner's earnings do not touch it."""
    home = legacy(LegacyBenefit.NEW_STYLE_JSA, people=[Person("c"), Person("p")])
    assert assess_payment(home, GBP(300), TUESDAY, person="p").change() == GBP(0)
    mine = assess_payment(home, GBP(30), TUESDAY, person="c")
    assert mine.change() == GBP(-25)
    (week,) = mine.outcomes_for(Benefit.NEW_STYLE_JSA)
    assert week.person == "c"


# --- The award on the statement ---------------------------------------------------------------


def test_the_award_already_allows_for_regular_earnings():
    """Changed on purpose: £30 a week from a job is £25 over the £5 disregard, and the £90.50
    on the statement already allows for that. A £10 fee adds £10 over it: £10 off (the old
    model took the job's £25 off again)."""
    home = legacy(people=[Person("c", weekly_earnings=GBP(30))])
    assert assess_payment(home, GBP(10), TUESDAY).change() == GBP(-10)


def test_regular_earnings_under_the_disregard_use_it_first():
    """£3 a week from a job leaves £2 of the £5 disregard: a £10 fee is £8 over it."""
    home = legacy(people=[Person("c", weekly_earnings=GBP(3))])
    assert assess_payment(home, GBP(10), TUESDAY).change() == GBP(-8)
