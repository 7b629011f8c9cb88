"""Universal Credit's headroom where a lost week of another benefit knocks on: worked by hand.

Universal Credit counts Carer's Allowance and new-style ESA to which the person is entitled
as unearned income, pound for pound (UC Regs 2013 reg. 66(1)(b)(ii)-(iii)), as a monthly
amount (reg. 73); a change in that entitlement takes effect from the first day of the
assessment period (AP) in which it happens (D&A Regs 2013 Sch. 1 para. 31), so an AP counts a
whole month of the rate on its last day. A payment that costs the week of either benefit
which covers an AP's last day therefore *raises* UC in that AP by a whole month of it, and
can lift an award at nil off nil (a week lost and resumed inside an AP changes nothing:
test_uc_unearned_benefit_law.py). So UC's headroom need not shrink as payments are added:
with nothing paid, the first penny over the other benefit's limit changes UC; once a payment
over that limit has been made, and its taper has already pushed UC back to nil, no further
payment changes UC at all ("no limit", ``None``). Both answers are right by the law; this is why
``test_a_further_payment_never_increases_headroom`` (test_household_properties.py) leaves UC
and Housing Benefit out beside another benefit.

Rates, 2025/26 (``data/parameters/benefits/``; the AP 1-30 June 2025 begins after the
uprating day of 7 April 2025, so every figure is the 2025/26 one):

* UC, monthly (``universal_credit.toml``): standard allowance, single 25 or over, £400.14;
  child element for a child born after 6 April 2017 ("other"), £292.81; carer element,
  £201.68; higher work allowance (no housing costs element), £684; taper 55% (reg. 22).
* Carer's Allowance (``carers_allowance.toml``): £83.30 a week; earnings limit £196 a week
  (ICA Regs 1976 reg. 8(1): earnings over the limit in one week cost the allowance of the
  *next* week).
* New-style ESA (``esa.toml``): permitted work lower limit £20 a week (ESA Regs 2013
  reg. 39; the week's ESA is lost above it, reg. 37(1)).

Law: UC Regs 2013 reg. 22 (work allowance where the claimant is responsible for a child,
22(2); 55% taper on earnings above it, or on all earnings without one), reg. 36 (maximum
amount), reg. 54 (earnings count in the AP they are received), reg. 66 (unearned income:
retirement pension income, CA and new-style ESA), reg. 73 (a weekly amount × 52 ÷ 12),
reg. 6(1) (fractions of a penny: under a half disregarded, otherwise a penny); D&A Regs
2013 Sch. 1 para. 31 (above).

Every payment below is received in the benefit week Monday 23 - Sunday 29 June 2025. For
Amira (UC claim from 1 May 2025, so APs begin on the 1st) it is in the AP 1-30 June 2025, and
the Carer's Allowance week it can cost is the next, Monday 30 June - Sunday 6 July, which
covers that AP's last day: with no CA on 30 June, the June AP counts none (CA arises again
on 7 July, in the July AP, which counts a whole month again and is not changed). For Bo (UC
claim from 30 May 2025, so the AP 30 May - 29 June 2025) the ESA week it can cost is its own,
23-29 June, which covers that AP's last day.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
)
from participatory.benefits.headroom import headroom
from participatory.core.money import Money
from participatory.core.periods import DateRange

GBP = Money.gbp

MONDAY = dt.date(2025, 6, 23)  # benefit week 23-29 June 2025
TUESDAY = dt.date(2025, 6, 24)  # the same benefit week
JUNE_AP = DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30))  # Amira's
CA_WEEK_LOST = DateRange(dt.date(2025, 6, 30), dt.date(2025, 7, 6))
ESA_AP = DateRange(dt.date(2025, 5, 30), dt.date(2025, 6, 29))  # Bo's
ESA_WEEK_LOST = DateRange(dt.date(2025, 6, 23), dt.date(2025, 6, 29))


def carer_parent(pension: str = "0.00") -> Household:
    """Amira: single, 25 or over, gets Carer's Allowance (so the carer element), responsible
    for one child born 1 March 2019 (so a work allowance, the higher one: no housing costs
    element); ``pension`` is a monthly retirement pension income (reg. 66(1)(a))."""
    return Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), other_unearned_income=GBP(pension)
        ),
    )


def row(result, benefit):  # type: ignore[no-untyped-def]
    (only,) = result.outcomes_for(benefit)
    return only


# --- (a) a week of Carer's Allowance lost across the AP's last day raises Universal Credit --


@pytest.mark.parametrize(
    ("fee", "ca_after", "uc_after"),
    [("196.00", "83.30", "533.66"), ("196.01", "0.00", "894.63")],
)
def test_a_lost_week_of_carers_allowance_raises_universal_credit_by_a_month_of_it(
    fee, ca_after, uc_after
):
    """Amira, no other income. June AP, by hand:

    maximum amount = 400.14 + 292.81 + 201.68 = 894.63;
    CA counted = 83.30 × 52 / 12 = 360.9666... -> 360.97;
    UC before = 894.63 - 360.97 = 533.66.

    £196.00 on Tuesday 24 June is not over the £196 limit: nothing changes.
    £196.01 is: no CA for 30 June - 6 July (-83.30). UC: the fee is under the £684 work
    allowance, so nothing is tapered; no CA on 30 June, so the June AP counts none of it;
    UC after = 894.63 - 0.00 = 894.63 = 533.66 + 360.97, so UC rises by a month of the
    week lost (83.30 × 52 / 12), and the carer is 360.97 - 83.30 = 277.67 better off.
    """
    result = assess_benefits(carer_parent(), [Receipt(fee, TUESDAY, person="amira")])
    ca = row(result, Benefit.CARERS_ALLOWANCE)
    assert ca.period == CA_WEEK_LOST
    assert (ca.before, ca.after) == (GBP("83.30"), GBP(ca_after))
    uc = row(result, Benefit.UNIVERSAL_CREDIT)
    assert uc.period == JUNE_AP
    assert (uc.before, uc.after) == (GBP("533.66"), GBP(uc_after))


@pytest.mark.parametrize(
    ("fee", "ca_after", "uc_after"),
    [("196.00", "83.30", "0.00"), ("196.01", "0.00", "334.63"), ("700.00", "0.00", "325.83")],
)
def test_a_lost_week_of_carers_allowance_lifts_universal_credit_off_nil(fee, ca_after, uc_after):
    """Amira with a pension of £560.00 a month, counted pound for pound. June AP, by hand:

    UC before = 894.63 - 360.97 - 560.00 = -26.34 -> nil (0.00).

    £196.00: under the limit, no taper (under £684): still nil, CA kept.
    £196.01: no CA for 30 June - 6 July, none on the AP's last day; UC counts only the
    560.00 pension; UC after = 894.63 - 560.00 = 334.63 (the month of CA, 360.97, less the
    £26.34 below nil).
    £700.00: the same lost week, and (700 - 684) × 0.55 = 8.80 tapered;
    UC after = 334.63 - 8.80 = 325.83.
    """
    result = assess_benefits(carer_parent("560.00"), [Receipt(fee, TUESDAY, person="amira")])
    ca = row(result, Benefit.CARERS_ALLOWANCE)
    assert (ca.period, ca.after) == (CA_WEEK_LOST, GBP(ca_after))
    uc = row(result, Benefit.UNIVERSAL_CREDIT)
    assert uc.period == JUNE_AP
    assert (uc.before, uc.after) == (GBP("0.00"), GBP(uc_after))


# --- (b) the headroom before and after a payment over the limit -----------------------------


def test_with_nothing_paid_universal_credit_changes_at_the_carers_limit():
    """Amira with the £560 pension, nothing paid yet, a payment on Tuesday 10 June:

    Carer's Allowance: the whole £196 limit, so £196.00.
    UC: up to £196.00 CA is kept and nothing is tapered (under £684), so UC stays nil; at
    £196.01 the lost week lifts UC from nil to £334.63 (test above). UC's room: £196.00.
    """
    room = headroom(carer_parent("560.00"), TUESDAY, person="amira")
    assert room.by_benefit == {
        Benefit.CARERS_ALLOWANCE: GBP("196.00"),
        Benefit.UNIVERSAL_CREDIT: GBP("196.00"),
    }
    assert room.amount == GBP("196.00")


def test_after_a_payment_over_the_limit_universal_credit_has_no_limit():
    """£1,300.00 already received on Monday 23 June (same benefit week, same AP), by hand:

    CA: £1,300 > £196, so the week 30 June - 6 July is already lost.
    UC: taper (1300 - 684) × 0.55 = 616 × 0.55 = 338.80; UC = 894.63 - 338.80 - 560.00 =
    -4.17 -> nil. The earlier payment leaves UC where it was (nil), though it cost the CA
    week that takes a month of CA out of the June AP.

    A further payment x on Tuesday 24 June: CA's week is already lost, so CA's room is
    £0.00 (the limit is crossed). UC = 894.63 - (616 + x) × 0.55 - 560.00 = -4.17 - 0.55x,
    below nil for every x >= 0: UC never changes, so its room is no limit (``None``), where
    with nothing paid it was £196.00: more paid, more room.
    """
    earlier = [Receipt("1300.00", MONDAY, person="amira")]
    home = carer_parent("560.00")
    already = assess_benefits(home, earlier)
    uc = row(already, Benefit.UNIVERSAL_CREDIT)
    assert (uc.before, uc.after) == (GBP("0.00"), GBP("0.00"))
    assert row(already, Benefit.CARERS_ALLOWANCE).after == GBP("0.00")

    room = headroom(home, TUESDAY, person="amira", already=earlier)
    assert room.by_benefit == {
        Benefit.CARERS_ALLOWANCE: GBP("0.00"),
        Benefit.UNIVERSAL_CREDIT: None,
    }
    # The answer checked directly: £5,000 more still leaves UC at nil.
    more = assess_benefits(home, [Receipt("5000.00", TUESDAY, person="amira")], already=earlier)
    assert row(more, Benefit.UNIVERSAL_CREDIT).after == GBP("0.00")


@pytest.mark.parametrize(
    ("earlier", "uc_after_earlier", "uc_room"),
    [("1292.40", "0.01", "0.00"), ("1292.41", "0.00", None)],
)
def test_where_the_earlier_payments_taper_puts_universal_credit_back_to_nil(
    earlier, uc_after_earlier, uc_room
):
    """UC after an earlier payment E (over £196, so the week is lost) = 334.63 -
    (E - 684) × 0.55, to the nearest penny (reg. 6(1)):

    E = 1292.40: 608.40 × 0.55 = 334.62; UC = 0.01. The earlier payment has raised UC in the
    June AP, which a payment on 24 June touches: UC keeps its own room, and a further 1p,
    608.41 × 0.55 = 334.6255 -> 334.63, takes UC back to nil: £0.00.
    E = 1292.41: 334.6255 -> 334.63; UC = 0.00, unchanged, and more only tapers: no limit.
    """
    home = carer_parent("560.00")
    paid = [Receipt(earlier, MONDAY, person="amira")]
    uc = row(assess_benefits(home, paid), Benefit.UNIVERSAL_CREDIT)
    assert (uc.before, uc.after) == (GBP("0.00"), GBP(uc_after_earlier))
    room = headroom(home, TUESDAY, person="amira", already=paid)
    assert room.for_benefit(Benefit.UNIVERSAL_CREDIT) == (uc_room and GBP(uc_room))
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == GBP("0.00")


def test_a_payment_under_the_limit_shrinks_both_rooms_alike():
    """The monotone case beside it: £150.00 on Monday 23 June is under £196, so CA is kept
    and UC stays nil (no taper under £684). What is left: 196.00 - 150.00 = £46.00 for CA,
    and for UC too, whose first change is the lost week at £46.01 more."""
    earlier = [Receipt("150.00", MONDAY, person="amira")]
    room = headroom(carer_parent("560.00"), TUESDAY, person="amira", already=earlier)
    assert room.by_benefit == {
        Benefit.CARERS_ALLOWANCE: GBP("46.00"),
        Benefit.UNIVERSAL_CREDIT: GBP("46.00"),
    }


# --- The same with new-style ESA (the case the property test met) ---------------------------


def esa_claimant() -> Household:
    """Bo: single, 25 or over, new-style ESA of £92.05 a week (the award given on the claim,
    not a bundled rate), no limited capability for work found yet, so UC has no work
    allowance; a pension of £10.00 a month. Permitted work at the lower limit (£20). UC from
    30 May 2025, so the AP 30 May - 29 June 2025 (2025/26 rates: it begins after 7 April)."""
    return Household(
        people=[Person("bo", esa=EmploymentSupportAllowanceClaim(weekly_award="92.05"))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 30), other_unearned_income=GBP("10.00")
        ),
    )


def test_new_style_esa_lost_to_a_payment_lifts_universal_credit_off_nil():
    """The AP 30 May - 29 June, by hand:

    ESA counted = 92.05 × 52 / 12 = 398.8833... -> 398.88;
    UC before = 400.14 - 398.88 - 10.00 = -8.74 -> nil.
    £20.01 on Tuesday 24 June: over £20, so no ESA for 23-29 June (-92.05), none on the AP's
    last day, so the AP counts none; UC: no work allowance, 20.01 × 0.55 = 11.0055 -> 11.01;
    unearned 10.00 (the pension); UC after = 400.14 - 11.01 - 10.00 = 379.13.
    Headroom with nothing paid: £20.00 for ESA, and for UC too (up to £20.00 the ESA is kept
    and the taper only takes UC further below nil).
    """
    home = esa_claimant()
    result = assess_benefits(home, [Receipt("20.01", TUESDAY, person="bo")])
    esa = row(result, Benefit.NEW_STYLE_ESA)
    assert (esa.period, esa.before, esa.after) == (ESA_WEEK_LOST, GBP("92.05"), GBP("0.00"))
    uc = row(result, Benefit.UNIVERSAL_CREDIT)
    assert (uc.period, uc.before, uc.after) == (ESA_AP, GBP("0.00"), GBP("379.13"))
    room = headroom(home, TUESDAY, person="bo")
    assert room.by_benefit == {
        Benefit.NEW_STYLE_ESA: GBP("20.00"),
        Benefit.UNIVERSAL_CREDIT: GBP("20.00"),
    }


@pytest.mark.parametrize(
    ("earlier", "uc_after_earlier", "uc_room"),
    [("709.33", "0.01", "0.00"), ("709.34", "0.00", None)],
)
def test_after_esa_is_lost_universal_credit_may_have_no_limit(earlier, uc_after_earlier, uc_room):
    """An earlier payment E on Monday 23 June (same ESA week, same AP) loses the week, and
    UC = 400.14 - 0.55E - 10.00 = 390.14 - 0.55E, to the nearest penny:

    E = 709.33: 0.55E = 390.1315 -> 390.13; UC = 0.01, raised: room £0.00.
    E = 709.34: 0.55E = 390.137 -> 390.14; UC = 0.00, unchanged; more only tapers: no limit.
    ESA's week is lost either way: room £0.00.
    """
    home = esa_claimant()
    paid = [Receipt(earlier, MONDAY, person="bo")]
    uc = row(assess_benefits(home, paid), Benefit.UNIVERSAL_CREDIT)
    assert (uc.before, uc.after) == (GBP("0.00"), GBP(uc_after_earlier))
    room = headroom(home, TUESDAY, person="bo", already=paid)
    assert room.by_benefit == {
        Benefit.NEW_STYLE_ESA: GBP("0.00"),
        Benefit.UNIVERSAL_CREDIT: uc_room and GBP(uc_room),
    }
