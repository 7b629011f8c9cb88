"""Universal Credit's headroom after an earlier knock-on, and headroom against the safe payment.

Headroom (:func:`participatory.benefits.headroom.headroom`) and the safe payment
(:func:`participatory.benefits.planning.plan_safe_payment`) search with one
:class:`~participatory.benefits.headroom.PaymentSearch`: where no benefit's room is used up
they give the same amount. A benefit the earlier payments *reduced* in a period the payment
touches has no room; one they only *raised* (UC counting a lost week of Carer's Allowance,
UC Regs 2013 reg. 66(1)(b)(ii)) keeps what its own rules leave.

Rates, 2025/26 (``data/parameters/benefits/``; the AP 1-30 June 2025 begins after the
uprating day of 7 April 2025): UC single 25 or over £400.14, child element (born after
6 April 2017) £292.81, carer element £201.68, higher work allowance (no housing costs
element) £684, taper 55% (UC Regs 2013 regs. 22, 36); Carer's Allowance £83.30 a week,
earnings limit £196 a week, earnings in one week deciding the next (ICA Regs 1976 reg. 8(1)).
"""

import datetime as dt

from hypothesis import assume, given, settings

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
    plan_safe_payment,
)
from participatory.benefits.headroom import headroom
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.testing.benefits import households, payment_days, receipt_lists

GBP = Money.gbp
UC = Benefit.UNIVERSAL_CREDIT
CA = Benefit.CARERS_ALLOWANCE
CEILING = GBP("100000.00")  # the searches' default ceiling
MONDAY = dt.date(2025, 6, 23)  # CA earnings week 23-29 June: decides 30 June - 6 July
TUESDAY = dt.date(2025, 6, 17)  # week 16-22 June: decides 23-29 June; both in the June AP


def carer_parent() -> Household:
    """Amira: single, 25 or over, Carer's Allowance (so the carer element), one child born
    1 March 2019 (the higher work allowance), UC from 1 May 2025 (APs from the 1st).
    UC in June: 400.14 + 292.81 + 201.68 = 894.63, less CA 83.30 x 52 / 12 = 360.97:
    533.66."""
    return Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )


def _uc_changes(home: Household, paid: Money, day: dt.date, earlier: list) -> bool:  # type: ignore[type-arg]
    result = assess_benefits(home, [Receipt(paid, day, person="amira")], already=earlier)
    return any(o.benefit is UC and o.before != o.after for o in result.outcomes)


def test_universal_credit_raised_by_a_lost_week_keeps_its_own_room():
    """£200.00 on Monday 23 June is over £196: the CA week 30 June - 6 July is lost, which
    covers 30 June, the June AP's last day, so the AP counts no CA (UC Regs 2013 regs.
    66(1)(b), 73; D&A Regs 2013 Sch. 1 para. 31) and UC (the fee under the £684 work
    allowance, so nothing tapered) rises by a month of it: 894.63 - 0.00 = 894.63.
    A payment on Tuesday 17 June: up to £196.00 keeps the CA week 23-29 June; £196.01 loses
    it, but CA is then lost from 23 June to 6 July, none on 30 June either way, so UC does
    not change. UC changes only when 200 + x passes £684: x = 484.01, 0.01 × 0.55 = 0.0055
    -> 0.01 (reg. 6(1)). UC's room is £484.00, CA's £196.00; the safe payment is the
    smaller, £196.00."""
    home = carer_parent()
    earlier = [Receipt("200.00", MONDAY, person="amira")]
    [uc] = assess_benefits(home, earlier).outcomes_for(UC)
    assert (uc.before, uc.after) == (GBP("533.66"), GBP("894.63"))
    room = headroom(home, TUESDAY, person="amira", already=earlier)
    assert room.by_benefit == {CA: GBP("196.00"), UC: GBP("484.00")}
    assert not _uc_changes(home, GBP("196.01"), TUESDAY, earlier)
    assert not _uc_changes(home, GBP("484.00"), TUESDAY, earlier)
    assert _uc_changes(home, GBP("484.01"), TUESDAY, earlier)
    safe = plan_safe_payment(home, TUESDAY, person="amira", already=earlier)
    assert (safe.amount, room.amount) == (GBP("196.00"), GBP("196.00"))


def test_universal_credit_raised_but_tapered_has_no_room():
    """£700.00 on Monday 23 June: the CA week 30 June - 6 July is lost, a month of CA out
    of the June AP (+360.97), and (700 - 684) x 0.55 = 8.80 tapered: UC 533.66 + 360.97 -
    8.80 = 885.83, raised on the whole. A penny more on 17 June: 16.01 x 0.55 = 8.8055, 8.81
    to the nearest penny (UC Regs 2013 reg. 6(1)): UC falls a penny, so its room is £0.00
    although the earlier payment raised it."""
    home = carer_parent()
    earlier = [Receipt("700.00", MONDAY, person="amira")]
    [uc] = assess_benefits(home, earlier).outcomes_for(UC)
    assert uc.after == GBP("885.83")
    room = headroom(home, TUESDAY, person="amira", already=earlier)
    assert room.for_benefit(UC) == GBP("0.00")
    assert _uc_changes(home, GBP("0.01"), TUESDAY, earlier)
    assert plan_safe_payment(home, TUESDAY, person="amira", already=earlier).amount == GBP("0.00")


def _search(home: Household, day: dt.date, earlier: list):  # type: ignore[no-untyped-def,type-arg]
    try:
        return headroom(home, day, person="p1", already=earlier)
    except ParametersNotAvailable:
        assume(False)
        raise


def _changes(home: Household, benefit: Benefit, paid: Money, day: dt.date, earlier: list) -> bool:  # type: ignore[type-arg]
    result = assess_benefits(home, [Receipt(paid, day, person="p1")], already=earlier)
    return any(o.benefit is benefit and o.before != o.after for o in result.outcomes)


def _used_up(home: Household, benefit: Benefit, day: dt.date, earlier: list) -> bool:  # type: ignore[type-arg]
    """Whether the earlier payments reduced ``benefit`` in a period a payment on ``day``
    reaches (the largest payment reaches every such period)."""
    largest = [Receipt(CEILING, day, person="p1")]
    reach = {
        o.period
        for result in (
            assess_benefits(home, largest, already=earlier),
            assess_benefits(home, largest),
        )
        for o in result.outcomes
        if o.benefit is benefit
    }
    return any(
        o.benefit is benefit and o.after < o.before and o.period in reach
        for o in assess_benefits(home, earlier).outcomes
    )


@settings(max_examples=40, deadline=None)
@given(households(), payment_days(), receipt_lists(max_size=3))
def test_universal_credits_room_changes_nothing_and_a_penny_more_does(home, day, earlier):
    """For UC: the room paid changes nothing in UC and a penny more changes it; "no limit"
    means even the ceiling leaves UC as it is; £0.00 with no penny changing UC only where
    the earlier payments reduced UC in a period the payment reaches."""
    assume(home.receives(UC))
    room = _search(home, day, earlier).for_benefit(UC)
    if room is None:
        assert not _changes(home, UC, CEILING, day, earlier)
        return
    assert not _changes(home, UC, room, day, earlier)
    if not _changes(home, UC, room + GBP("0.01"), day, earlier):
        assert room == GBP("0.00")
        assert _used_up(home, UC, day, earlier)


@settings(max_examples=40, deadline=None)
@given(households(), payment_days(), receipt_lists(max_size=3))
def test_headroom_and_the_safe_payment_agree_where_no_room_is_used_up(home, day, earlier):
    room = _search(home, day, earlier)
    assume(all(r is None or r.amount > 0 for r in room.by_benefit.values()))
    safe = plan_safe_payment(home, day, person="p1", already=earlier)
    assert safe.amount == room.amount
