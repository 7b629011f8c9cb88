"""A carer's £20 earnings disregard in the weekly means-tested benefits: worked by hand.

Entitlement to Carer's Allowance brings the carer premium into the applicable amount of
Housing Benefit (HB Regs 2006 Sch. 3; HB (SPC) Regs 2006 Sch. 3), Income Support (IS Regs
1987 Sch. 2 para. 14ZA) and income-based JSA (JSA Regs 1996 Sch. 1), and the additional
amount for carers into Pension Credit (SPC Regs 2002 Sch. I para. 4). With it comes £20 of
the carer's own earnings instead of a single claimant's £5 or a couple's £10: "If the
claimant or, if he has a partner, his partner is a carer, or both are carers, £20 of any
earnings received from his or their employment" (HB (SPC) Regs 2006 Sch. 4 para. 4(1); IS
Regs Sch. 8 para. 6A; SPC Regs Sch. VI para. 3(1)). Two partners who are both carers share
one £20 of their aggregated earnings (HB (SPC) Regs Sch. 4 para. 4(2)). In a couple with one
carer, the other partner's earnings get only a top-up: up to £5 while the carer earns less
than £20, never above £20 in all (IS Sch. 8 para. 6B), and at least the couple's £10 in all
(IS Sch. 8 para. 9(b); JSA Regs Sch. 6 para. 11(b)). A lone parent's disregard (£25 in
Housing Benefit, £20 in the others) is already the most the higher cases give together (HB
(SPC) Regs Sch. 4 para. 1). When Carer's Allowance ends, the premium (and Pension Credit's
carer amount) is treated as still due for 8 weeks (SI 2002/2020, explanatory note; SPC Regs
Sch. I para. 4(3)), so a week whose fee ends Carer's Allowance keeps the £20. Universal
Credit has no carer premium and no fixed disregard (a work allowance instead): not touched.

The weekly checks pool a couple's earnings, so the library gives the unstated higher £20
only when everyone in the household is entitled to Carer's Allowance; a couple with one
carer keeps the £10 it is sure of, and states the higher one when the earnings are the
carer's own.

Bundled figures (``data/parameters/benefits/``): housing_benefit.toml single £5, couple
£10, lone parent £25, higher £20, withdrawal rate 65%; legacy.toml single £5, couple £10,
higher £20 (Income Support and income-based JSA open until 1 April 2026, so their cases are
in June 2025); pension_credit.toml single £5, couple £10, higher £20; carers_allowance.toml
earnings limit £196 a week (2025/26) and £204 (2026/27). Payments are received on Wednesday
10 June 2026 (week Monday 8 - Sunday 14 June) or Wednesday 11 June 2025 (week 9 - 15 June).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    EarningsDisregard,
    Household,
    HousingBenefitClaim,
    HousingBenefitDisregard,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    Person,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp
JUNE_2026 = "2026-06-10"
JUNE_2025 = "2025-06-11"


def _carer(person_id: str = "amira") -> Person:
    return Person(person_id, carers_allowance=CarersAllowanceClaim())


def _hb(award: str, disregard: HousingBenefitDisregard | None = None) -> HousingBenefitClaim:
    return HousingBenefitClaim(weekly_award=GBP(award), disregard=disregard)


def _pc(award: str, disregard: EarningsDisregard | None = None) -> PensionCreditClaim:
    return PensionCreditClaim(weekly_award=GBP(award), disregard=disregard)


def _legacy(
    benefit: LegacyBenefit, award: str, disregard: EarningsDisregard | None = None
) -> LegacyClaim:
    return LegacyClaim(benefit=benefit, weekly_award=GBP(award), disregard=disregard)


def _after(home: Household, fee: str, day: str, benefit: Benefit, person: str = "amira") -> int:
    """The benefit's award (pennies) in the week the fee is received."""
    rows = [
        row
        for row in assess_payment(home, fee, day, person=person).numbers
        if row.benefit is benefit and row.period.start <= _date(day) <= row.period.end
    ]
    assert len(rows) == 1
    return rows[0].after


def _date(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


# --- A single carer ---------------------------------------------------------------------------


def test_a_single_carers_housing_benefit_disregards_twenty_pounds() -> None:
    """HB (SPC) Regs 2006 Sch. 4 para. 4(1), HB Regs 2006 reg. 71: Amira, single, gets Carer's
    Allowance and Housing Benefit of £100. A £40 fee: £40 - £20 = £20 over; 65% of £20 is
    £13.00, so HB falls to £87.00 (with the single £5 it would be 65% of £35 = £22.75).
    £40 is within the £204 Carer's Allowance limit."""
    home = Household(people=[_carer()], housing_benefit=_hb("100.00"))
    assert _after(home, "40.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 8700


def test_a_single_carers_pension_credit_disregards_twenty_pounds() -> None:
    """SPC Regs 2002 Sch. VI para. 3(1): guarantee credit of £80; a £32.50 fee is £12.50 over
    £20, taken pound for pound: £67.50."""
    home = Household(people=[_carer()], pension_credit=_pc("80.00"))
    assert _after(home, "32.50", JUNE_2026, Benefit.PENSION_CREDIT) == 6750


def test_a_single_carers_income_support_disregards_twenty_pounds() -> None:
    """IS Regs 1987 Sch. 8 para. 6A: Income Support of £60 in June 2025; a £30 fee is £10
    over £20, pound for pound: £50.00."""
    home = Household(people=[_carer()], legacy=_legacy(LegacyBenefit.INCOME_SUPPORT, "60.00"))
    assert _after(home, "30.00", JUNE_2025, Benefit.INCOME_SUPPORT) == 5000


def test_a_single_carers_income_based_jsa_disregards_twenty_pounds() -> None:
    """JSA Regs 1996 Sch. 6 (the carer premium's £20, as IS Sch. 8 para. 6A): income-based JSA
    of £70 in June 2025; a £35 fee is £15 over £20: £55.00."""
    home = Household(people=[_carer()], legacy=_legacy(LegacyBenefit.INCOME_BASED_JSA, "70.00"))
    assert _after(home, "35.00", JUNE_2025, Benefit.INCOME_BASED_JSA) == 5500


def test_a_carers_income_related_esa_still_judges_her_own_earnings_by_permitted_work() -> None:
    """ESA Regs 2008 reg. 45: an income-related ESA claimant's own earnings are tested by
    permitted work, not by a fixed disregard, and the carer premium does not change that. A
    £15 fee is within the £20 lower limit: ESA of £80 is unchanged (£80.00)."""
    home = Household(people=[_carer()], legacy=_legacy(LegacyBenefit.INCOME_RELATED_ESA, "80.00"))
    assert _after(home, "15.00", JUNE_2025, Benefit.INCOME_RELATED_ESA) == 8000


def test_a_single_carer_who_states_the_single_disregard_keeps_what_she_stated() -> None:
    """A stated disregard stays as stated: £5 (HB Regs 2006 Sch. 4 para. 10). £25 - £5 = £20
    over; 65% is £13.00; HB £100 falls to £87.00."""
    home = Household(
        people=[_carer()], housing_benefit=_hb("100.00", HousingBenefitDisregard.SINGLE)
    )
    assert _after(home, "25.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 8700


# --- Couples ----------------------------------------------------------------------------------


def test_a_couple_both_carers_share_one_twenty_pound_disregard() -> None:
    """HB (SPC) Regs 2006 Sch. 4 para. 4(2): both partners get Carer's Allowance; their
    earnings are aggregated and £20 of the total is disregarded (where the couple's £10
    would otherwise apply). £25 to Amira: £5 over, 65% = £3.25; HB £100 falls to £96.75."""
    home = Household(people=[_carer("amira"), _carer("ben")], housing_benefit=_hb("100.00"))
    assert _after(home, "25.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 9675


def test_a_couple_both_carers_pension_credit_disregards_twenty_pounds() -> None:
    """SPC Regs 2002 Sch. VI para. 3(1) ("both partners are carers, £20"): guarantee credit
    £50; £25 to Amira is £5 over £20: £45.00."""
    home = Household(people=[_carer("amira"), _carer("ben")], pension_credit=_pc("50.00"))
    assert _after(home, "25.00", JUNE_2026, Benefit.PENSION_CREDIT) == 4500


def test_a_couple_whose_partner_is_the_carer_keeps_ten_pounds_of_the_other_ones_fee() -> None:
    """IS Regs 1987 Sch. 8: Ben gets Carer's Allowance and earns nothing; Amira, who is not a
    carer, is paid £25. Para. 6A disregards £20 of Ben's earnings (nil); para. 6B lets up to
    £5 of Amira's be disregarded, and para. 9(b) tops the couple's disregard up to £10. So
    £25 - £10 = £15 comes off Income Support of £50: £35.00."""
    home = Household(
        people=[Person("amira"), _carer("ben")],
        legacy=_legacy(LegacyBenefit.INCOME_SUPPORT, "50.00"),
    )
    assert _after(home, "25.00", JUNE_2025, Benefit.INCOME_SUPPORT) == 3500


def test_a_couple_with_one_carer_keeps_the_ten_pounds_unless_the_claim_states_more() -> None:
    """Amira gets Carer's Allowance, Ben does not; Amira is paid £25 for Housing Benefit of
    £100. In law £20 of Amira's earnings are disregarded (HB (SPC) Regs 2006 Sch. 4 para.
    4(1)) but only a top-up of Ben's; the check pools the couple's earnings and cannot tell
    whose they are, so an unstated disregard is the couple's £10 (HB Regs 2006 Sch. 4 para.
    9), the least the couple gets: (£25 - £10) x 65% = £9.75, HB £90.25. Stated as the
    higher one, because the earnings are Amira's: (£25 - £20) x 65% = £3.25, HB £96.75."""
    unstated = Household(people=[_carer("amira"), Person("ben")], housing_benefit=_hb("100.00"))
    stated = Household(
        people=[_carer("amira"), Person("ben")],
        housing_benefit=_hb("100.00", HousingBenefitDisregard.HIGHER),
    )
    assert _after(unstated, "25.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 9025
    assert _after(stated, "25.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 9675


# --- Lone parents -----------------------------------------------------------------------------


def test_a_lone_parent_carers_housing_benefit_keeps_the_lone_parents_twenty_five_pounds() -> None:
    """HB (SPC) Regs 2006 Sch. 4 paras. 1-2: a lone parent's £25 is the most when more than
    one disregard applies, and more than the carer's £20. A £30 fee: £5 over, 65% = £3.25;
    HB £100 falls to £96.75 (with the carer's £20 it would be £6.50)."""
    home = Household(
        people=[_carer()],
        children=[Child(born_on=_date("2018-03-01"))],
        housing_benefit=_hb("100.00"),
    )
    assert _after(home, "30.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 9675


# --- A week whose fee ends Carer's Allowance ---------------------------------------------------


def test_the_twenty_pounds_holds_in_a_week_whose_fee_ends_carers_allowance() -> None:
    """A £210 fee is over the £204 Carer's Allowance earnings limit (2026/27), so Carer's
    Allowance is lost; the carer premium is treated as still due for 8 weeks after
    entitlement ends (SI 2002/2020), so Housing Benefit still disregards £20 in the week of
    the fee: (£210 - £20) x 65% = £123.50; HB £200 falls to £76.50 (with £5 it would be
    (£205 x 65%) = £133.25, HB £66.75)."""
    home = Household(people=[_carer()], housing_benefit=_hb("200.00"))
    result = assess_payment(home, "210.00", JUNE_2026, person="amira")
    lost = [row for row in result.numbers if row.benefit is Benefit.CARERS_ALLOWANCE]
    assert lost
    assert all(row.after == 0 for row in lost)
    assert _after(home, "210.00", JUNE_2026, Benefit.HOUSING_BENEFIT) == 7650


def test_income_support_keeps_the_twenty_pounds_in_a_week_whose_fee_ends_carers_allowance() -> None:
    """IS Regs 1987 Sch. 2 para. 14ZA(3) (8 weeks' run-on of the carer premium): a £200 fee in
    June 2025 is over the £196 limit, so Carer's Allowance is lost, but Income Support of
    £250 still disregards £20: £200 - £20 = £180 off, £70.00 left."""
    home = Household(people=[_carer()], legacy=_legacy(LegacyBenefit.INCOME_SUPPORT, "250.00"))
    assert _after(home, "200.00", JUNE_2025, Benefit.INCOME_SUPPORT) == 7000


# --- The disregard the household's claims get ------------------------------------------------


@pytest.mark.parametrize(
    ("people", "children", "housing", "earnings"),
    [
        (("amira",), (), HousingBenefitDisregard.HIGHER, EarningsDisregard.HIGHER),
        (("amira", "ben"), (), HousingBenefitDisregard.HIGHER, EarningsDisregard.HIGHER),
        (("amira",), ("child",), HousingBenefitDisregard.LONE_PARENT, EarningsDisregard.HIGHER),
    ],
    ids=["single-carer", "two-carers", "lone-parent-carer"],
)
def test_claims_as_assessed_name_the_disregard_carers_allowance_brings(
    people: tuple[str, ...],
    children: tuple[str, ...],
    housing: HousingBenefitDisregard,
    earnings: EarningsDisregard,
) -> None:
    """The disregard each unstated claim gets, from the law in the module docstring."""
    home = Household(
        people=[_carer(p) for p in people],
        children=[Child(born_on=_date("2018-03-01")) for _ in children],
        housing_benefit=_hb("100.00"),
        pension_credit=_pc("50.00"),
    )
    _legacy_claim, hb, pc = home.claims_as_assessed
    assert hb is not None
    assert pc is not None
    assert (hb.disregard, pc.disregard) == (housing, earnings)


# --- Properties -------------------------------------------------------------------------------

_KINDS = ("housing_benefit", "pension_credit", "income_support")
_DAY = {"housing_benefit": JUNE_2026, "pension_credit": JUNE_2026, "income_support": JUNE_2025}
_BENEFIT = {
    "housing_benefit": Benefit.HOUSING_BENEFIT,
    "pension_credit": Benefit.PENSION_CREDIT,
    "income_support": Benefit.INCOME_SUPPORT,
}


def _claims(kind: str, award: str, disregard: object = None) -> dict[str, object]:
    if kind == "housing_benefit":
        return {"housing_benefit": _hb(award, disregard)}  # type: ignore[arg-type]
    if kind == "pension_credit":
        return {"pension_credit": _pc(award, disregard)}  # type: ignore[arg-type]
    return {"legacy": _legacy(LegacyBenefit.INCOME_SUPPORT, award, disregard)}  # type: ignore[arg-type]


def _loss(home: Household, kind: str, fee: str) -> int:
    """What the fee takes of the means-tested benefit over every week it touches (pennies)."""
    result = assess_payment(home, fee, _DAY[kind], person="amira")
    return sum(row.before - row.after for row in result.numbers if row.benefit is _BENEFIT[kind])


_FEES = st.integers(min_value=0, max_value=40_000).map(lambda p: f"{p // 100}.{p % 100:02d}")
_AWARDS = st.integers(min_value=1, max_value=30_000).map(lambda p: f"{p // 100}.{p % 100:02d}")


@settings(max_examples=60, deadline=None)
@given(
    kind=st.sampled_from(_KINDS),
    fee=_FEES,
    award=_AWARDS,
    carers=st.sampled_from(("single", "one-of-two", "both")),
)
def test_carers_allowance_never_makes_a_means_tested_loss_larger(
    kind: str, fee: str, award: str, carers: str
) -> None:
    """The carer premium only ever raises the disregard (£5 or £10 to £20), so the same fee
    never costs a household more of its means-tested benefit with Carer's Allowance than
    without it."""
    people = {"single": ["amira"], "one-of-two": ["amira"], "both": ["amira", "ben"]}[carers]
    others = [] if carers == "single" else [p for p in ("ben",) if p not in people]
    with_ca = Household(
        people=[_carer(p) for p in people] + [Person(p) for p in others],
        **_claims(kind, award),  # type: ignore[arg-type]
    )
    without = Household(
        people=[Person(p) for p in people + others],
        **_claims(kind, award),  # type: ignore[arg-type]
    )
    assert _loss(with_ca, kind, fee) <= _loss(without, kind, fee)


@settings(max_examples=60, deadline=None)
@given(kind=st.sampled_from(_KINDS), fee=_FEES, award=_AWARDS)
def test_a_single_carers_unstated_disregard_is_the_higher_one(
    kind: str, fee: str, award: str
) -> None:
    """For a single carer the disregard the household works out is exactly the higher one:
    the same fee costs the same as with the higher disregard stated on the claim."""
    higher = (
        HousingBenefitDisregard.HIGHER if kind == "housing_benefit" else EarningsDisregard.HIGHER
    )
    unstated = Household(people=[_carer()], **_claims(kind, award))  # type: ignore[arg-type]
    stated = Household(people=[_carer()], **_claims(kind, award, higher))  # type: ignore[arg-type]
    assert _loss(unstated, kind, fee) == _loss(stated, kind, fee)
