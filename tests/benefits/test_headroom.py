""":mod:`participatory.benefits.headroom`: unit tests.

Headroom: the largest further payment to a person on a day that leaves each benefit exactly
as it is, given everything already paid or scheduled (issue 16). Figures (2025/26):
Carer's Allowance limit £196 a week; UC higher work allowance £684, lower £411, rounded to
the nearest penny (so £684.01 already costs 1p).
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    HousingBenefitClaim,
    Person,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
)
from participatory.benefits.headroom import MESSAGES, Headroom, headroom
from participatory.core.money import Money

GBP = Money.gbp
TUESDAY = dt.date(2025, 6, 10)  # week 9-15 June 2025; AP 1-30 June for a claim from 1 May
UC_CLAIM = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
CARER = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])


def test_the_carers_whole_limit_when_nothing_is_paid_yet():
    room = headroom(CARER, TUESDAY, person="amira")
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == GBP("196.00")
    assert room.amount == GBP("196.00")
    (summary,) = room.by_rule("BEN-HEADROOM")
    assert summary.message_key == "benefits.headroom.limited"


def test_a_carer_paid_by_another_project_this_week():
    """Issue 16: £150 already from one project on Monday 9 June: £196 - £150 = £46.00."""
    earlier = [Receipt("150.00", "2025-06-09", person="amira")]
    assert headroom(CARER, TUESDAY, person="amira", already=earlier).amount == GBP("46.00")


def test_a_limit_already_crossed_leaves_no_headroom():
    """£250 already this week is over £196: the next week's allowance is lost already, so
    there is no room left, and the summary says the room is used up."""
    room = headroom(CARER, TUESDAY, person="amira", already=[Receipt("250.00", "2025-06-09")])
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == GBP("0.00")
    (summary,) = room.by_rule("BEN-HEADROOM")
    assert summary.message_key == "benefits.headroom.none"


def test_a_payment_in_another_week_leaves_this_weeks_room_alone():
    earlier = [Receipt("150.00", "2025-06-02", person="amira")]
    assert headroom(CARER, TUESDAY, person="amira", already=earlier).amount == GBP("196.00")


def test_universal_credits_headroom_is_what_is_left_of_the_work_allowance():
    """LCW, no housing: £684 a month; £600 already in the AP leaves £84.00."""
    home = Household(
        people=[Person("me", capability=WorkCapability.LCW)], universal_credit=UC_CLAIM
    )
    assert headroom(home, TUESDAY).for_benefit(Benefit.UNIVERSAL_CREDIT) == GBP("684.00")
    earlier = [Receipt("600.00", "2025-06-02")]
    assert headroom(home, TUESDAY, already=earlier).amount == GBP("84.00")


def test_a_partners_pay_uses_the_joint_work_allowance():
    """A couple with a child and housing costs share one £411 allowance: the partner's £300
    already in the AP leaves £111.00 for the other."""
    home = Household(
        people=[Person("a"), Person("b")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount="500.00",
        ),
    )
    earlier = [Receipt("300.00", "2025-06-02", person="b")]
    room = headroom(home, TUESDAY, person="a", already=earlier)
    assert room.for_benefit(Benefit.UNIVERSAL_CREDIT) == GBP("111.00")


@pytest.mark.parametrize(
    ("day", "uc_room"),
    [(dt.date(2025, 6, 24), "196.00"), (TUESDAY, "684.00")],
)
def test_a_lost_week_of_carers_allowance_changes_universal_credit_too(day, uc_room):
    """A carer with LCW on UC (APs on the 1st): £684 of work allowance, but £196.01 already
    costs next week's Carer's Allowance. UC counts a month of the CA entitled on the AP's
    last day (UC Regs 2013 regs. 66(1)(b), 73; D&A Regs 2013 Sch. 1 para. 31).

    Tuesday 24 June: the week lost is 30 June - 6 July, covering 30 June, the June AP's
    last day, so UC rises too: both benefits change above £196.00.
    Tuesday 10 June: the week lost is 16-22 June, resumed inside the June AP, so UC is
    unchanged by it; UC first changes when the fee passes the work allowance, 684.01 (a
    penny over, × 55% = 0.0055 -> 0.01): room £684.00. The smaller, £196.00, is the answer."""
    home = Household(
        people=[
            Person("amira", capability=WorkCapability.LCW, carers_allowance=CarersAllowanceClaim())
        ],
        universal_credit=UC_CLAIM,
    )
    room = headroom(home, day, person="amira")
    assert room.by_benefit == {
        Benefit.CARERS_ALLOWANCE: GBP("196.00"),
        Benefit.UNIVERSAL_CREDIT: GBP(uc_room),
    }
    assert room.amount == GBP("196.00")


def test_no_limit_for_benefits_earnings_do_not_change():
    room = headroom(Household(people=[Person(unaffected={"state_pension"})]), TUESDAY)
    assert room.amount is None
    assert room.by_benefit == {}
    (summary,) = room.by_rule("BEN-HEADROOM")
    assert summary.message_key == "benefits.headroom.unlimited"


def test_a_ceiling_bounds_the_search():
    room = headroom(CARER, TUESDAY, person="amira", ceiling=GBP(100))
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) is None


def test_headroom_never_shows_its_amounts():
    room = headroom(CARER, TUESDAY, person="amira")
    assert isinstance(room, Headroom)
    assert "196" not in repr(room)


def test_every_headroom_message_is_registered():
    from participatory.render.templates import message_keys

    assert set(MESSAGES) <= message_keys()


def test_headroom_is_the_first_change_even_when_a_knock_on_undoes_it():
    """New-style ESA £50 (lower limit £20) and Housing Benefit £10 (single £5 disregard).
    HB changes from £5.02 (2p over: 65% = 1.3p, 1p off, rounded down); above £20 the lost ESA
    week (£50) counts against HB's earnings, so HB is unchanged again up to £55.01. The
    headroom for HB is £5.01, and so is the headroom overall."""
    home = Household(
        people=[Person("p1", esa=EmploymentSupportAllowanceClaim(weekly_award="50.00"))],
        housing_benefit=HousingBenefitClaim(weekly_award="10.00"),
    )
    room = headroom(home, dt.date(2024, 4, 15), person="p1")
    assert room.for_benefit(Benefit.HOUSING_BENEFIT) == GBP("5.01")
    assert room.amount == GBP("5.01")
