"""The Universal Credit benefit cap, scenarios worked by hand from the regulations and rates.

Law (UC Regs 2013, read at legislation.gov.uk): reg. 79 (the cap applies where the welfare
benefits in the AP exceed the relevant amount, unless reg. 82 or 83 applies), reg. 80 (UC
counts before the cap reduction; weekly benefits × 52 ÷ 12), reg. 80A (the annual limit ÷
12), reg. 81 (the award is reduced by the excess), reg. 82 (earnings exception: 16 hours a
week at the National Living Wage × 52 ÷ 12, rounded down to a whole pound; the 9-month grace
period, exempting the APs in which it begins and ends too), reg. 83 (LCWRA, carer element,
disability benefits).

Figures, 2025/26 (an AP from 1 October 2025): the family cap outside Greater London £22,020
÷ 12 = £1,835.00, in Greater London £25,323 ÷ 12 = £2,110.25; single 25+ standard allowance
£400.14; child element £339.00 for a first child born before 6 April 2017, £292.81 for
another; LCWRA element £423.27; lower work allowance £411; taper 55%; Child Benefit £26.05
(eldest) and £17.25 a week; National Living Wage £12.21, so the earnings exception is
£12.21 × 16 × 52 ÷ 12 = £846.56, rounded down to £846.

The family in every scenario: a lone parent, 25 or over, two children (born 1 March 2015
and 1 June 2018), rent £1,000 (the housing costs element), no other income.

* Maximum amount: 400.14 + 339.00 + 292.81 + 1,000.00 = £2,031.95.
* Child Benefit: (26.05 + 17.25) × 52 ÷ 12 = 2,251.60 ÷ 12 = £187.633…, £187.63.
* Welfare benefits: 2,031.95 + 187.63 = £2,219.58, £384.58 over the £1,835.00 cap, so UC
  is 2,031.95 − 384.58 = **£1,647.37** (and UC with Child Benefit is exactly the cap).
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    Child,
    ChildDisability,
    Household,
    Person,
    UniversalCreditClaim,
    WorkCapability,
    assess_payment,
)
from participatory.benefits.benefit_cap import cap_rates
from participatory.benefits.headroom import headroom
from participatory.benefits.mechanism import Context
from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.render.text import sentence

GBP = Money.gbp
PAID = dt.date(2025, 10, 10)  # in the AP 1 to 31 October 2025
CHILDREN = (Child(born_on=dt.date(2015, 3, 1)), Child(born_on=dt.date(2018, 6, 1)))


def family(**changes):
    claim_fields = {
        "first_date_of_entitlement": dt.date(2025, 5, 1),
        "housing_costs_element": True,
        "housing_amount": "1000.00",
    }
    claim_fields.update(changes.pop("claim", {}))
    fields = {
        "people": [changes.pop("parent", Person("parent"))],
        "children": CHILDREN,
        "universal_credit": UniversalCreditClaim(**claim_fields),
        "greater_london": False,
    }
    fields.update(changes)
    return Household(**fields)


def uc(result):
    (row,) = (o for o in result.outcomes if o.benefit is Benefit.UNIVERSAL_CREDIT)
    return row.before, row.after


def rules(result):
    return {f.rule_id for f in result.findings}


def test_a_capped_family_and_a_fee_within_the_work_allowance():
    """£400 is within the £411 work allowance: UC stays at the capped £1,647.37."""
    result = assess_payment(family(), "400.00", PAID)
    assert uc(result) == (GBP("1647.37"), GBP("1647.37"))
    assert "BEN-UC-BENEFIT-CAP" in rules(result)


def test_earnings_first_use_up_the_amount_over_the_cap():
    """£700: (700 − 411) × 55% = £158.95 off, UC before the cap £1,873.00; with Child
    Benefit £2,060.63, £225.63 over the cap: UC is still 1,873.00 − 225.63 = £1,647.37, so
    the fee costs nothing."""
    result = assess_payment(family(), "700.00", PAID)
    assert uc(result) == (GBP("1647.37"), GBP("1647.37"))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("0.00")
    (cap,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP")
    assert cap.values["uc"] == GBP("1873.00")
    assert cap.values["excess"] == GBP("225.63")
    # The cap is not the payment's doing: a plain fact, not a risk.
    assert cap.severity is Severity.INFO


def test_a_fee_that_reaches_the_earnings_exception_lifts_the_cap_and_raises_uc():
    """£900 ≥ £846: the cap does not apply in the AP. (900 − 411) × 55% = £268.95 off the
    £2,031.95 maximum: UC £1,763.00, a rise of 1,763.00 − 1,647.37 = £115.63."""
    result = assess_payment(family(), "900.00", PAID)
    assert uc(result) == (GBP("1647.37"), GBP("1763.00"))
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("115.63")
    assert result.kept == GBP("1015.63")
    (lifted,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP-LIFTED")
    assert lifted.values["threshold"] == GBP("846.00")
    assert lifted.values["reduction"] == GBP("384.58")
    assert "BEN-UC-BENEFIT-CAP" not in rules(result)


def test_the_earnings_exception_is_reached_exactly_at_846_pounds():
    """£845.99 is a penny short (capped: (845.99 − 411) × 55% = 239.2445, £239.24 off,
    before the cap £1,792.71, 145.34 over, UC £1,647.37); £846.00 lifts it:
    (846 − 411) × 55% = £239.25 off, UC £1,792.70."""
    short = assess_payment(family(), "845.99", PAID)
    assert uc(short)[1] == GBP("1647.37")
    reached = assess_payment(family(), "846.00", PAID)
    assert uc(reached)[1] == GBP("1792.70")


def test_regular_earnings_at_the_exception_mean_no_cap_at_all():
    """Regular earnings of £900 a month: no cap. (900 − 411) × 55% = £268.95; UC £1,763.00;
    a further £100 takes £55.00 more."""
    parent = Person("parent", monthly_earnings="900.00")
    result = assess_payment(family(parent=parent), "100.00", PAID)
    assert uc(result) == (GBP("1763.00"), GBP("1708.00"))
    assert "BEN-UC-BENEFIT-CAP-EXEMPT" in rules(result)


def test_the_lcwra_element_lifts_the_cap():
    """LCWRA (reg. 83(1)(a)): the maximum is 2,031.95 + 423.27 = £2,455.22, far over the
    cap, and paid in full; £100 is within the work allowance."""
    parent = Person("parent", capability=WorkCapability.LCWRA)
    result = assess_payment(family(parent=parent), "100.00", PAID)
    assert uc(result) == (GBP("2455.22"), GBP("2455.22"))
    (exempt,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP-EXEMPT")
    assert exempt.message_key == "benefits.uc.benefit_cap_exempt.lcwra"


def test_a_childs_disability_benefit_lifts_the_cap():
    """A child getting DLA (the lower disabled child addition, £158.76): 2,031.95 + 158.76 =
    £2,190.71, not capped (reg. 83(1))."""
    children = (CHILDREN[0], Child(born_on=dt.date(2018, 6, 1), disability=ChildDisability.LOWER))
    result = assess_payment(family(children=children), "100.00", PAID)
    assert uc(result) == (GBP("2190.71"), GBP("2190.71"))


def test_a_grace_period_lifts_the_cap():
    """A grace period from 15 June 2025 runs to 14 March 2026 (9 months, reg. 82(2)): the
    October AP is in it, so UC is the full £2,031.95."""
    home = family(claim={"benefit_cap_grace_period_start": "2025-06-15"})
    result = assess_payment(home, "100.00", PAID)
    assert uc(result) == (GBP("2031.95"), GBP("2031.95"))
    (exempt,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP-EXEMPT")
    assert exempt.message_key == "benefits.uc.benefit_cap_exempt.grace_period"


def test_the_ap_in_which_a_grace_period_ends_is_exempt_and_the_next_is_not():
    """From 15 January 2025 the grace period's last day is 14 October 2025: the October AP
    (in which it ends) is exempt; from 1 December 2024 it ended on 31 August 2025, so the
    October AP is capped."""
    ends = family(claim={"benefit_cap_grace_period_start": "2025-01-15"})
    assert uc(assess_payment(ends, "100.00", PAID))[0] == GBP("2031.95")
    ended = family(claim={"benefit_cap_grace_period_start": "2024-12-01"})
    assert uc(assess_payment(ended, "100.00", PAID))[0] == GBP("1647.37")


def test_in_greater_london_the_higher_cap_applies():
    """£2,219.58 − £2,110.25 = £109.33 over: UC 2,031.95 − 109.33 = £1,922.62."""
    result = assess_payment(family(greater_london=True), "100.00", PAID)
    assert uc(result) == (GBP("1922.62"), GBP("1922.62"))


def test_an_unknown_london_residence_in_england_is_asked_about():
    """Not known: the lower cap is used (£1,647.37) and a question says that in Greater
    London the reduction would be £109.33 instead of £384.58."""
    result = assess_payment(family(greater_london=None), "100.00", PAID)
    assert uc(result) == (GBP("1647.37"), GBP("1647.37"))
    (question,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP-LONDON-UNKNOWN")
    assert question.severity is Severity.QUESTION
    assert question.values["london_reduction"] == GBP("109.33")
    assert question.values["reduction"] == GBP("384.58")


def test_outside_england_london_is_never_in_question():
    result = assess_payment(family(greater_london=None, nation="wales"), "100.00", PAID)
    assert uc(result)[0] == GBP("1647.37")
    assert "BEN-UC-BENEFIT-CAP-LONDON-UNKNOWN" not in rules(result)


def test_greater_london_outside_england_is_refused():
    with pytest.raises(ValidationError) as caught:
        family(greater_london=True, nation="scotland")
    assert caught.value.path == "greater_london"


def test_without_child_benefit_less_is_counted():
    """No Child Benefit claimed: £2,031.95 − £1,835.00 = £196.95 over, UC £1,835.00."""
    result = assess_payment(family(child_benefit=False), "100.00", PAID)
    assert uc(result)[0] == GBP("1835.00")


def test_northern_ireland_is_referred_not_capped():
    """NI's own amounts are not bundled: no reduction, and a referral."""
    result = assess_payment(family(greater_london=None, nation="northern_ireland"), "100.00", PAID)
    assert uc(result)[0] == GBP("2031.95")
    (refer,) = (f for f in result.findings if f.rule_id == "BEN-UC-BENEFIT-CAP-NORTHERN-IRELAND")
    assert refer.severity is Severity.REFER


def test_a_single_person_without_children_has_the_lower_cap():
    """Single 25+, rent £1,300: maximum 400.14 + 1,300 = £1,700.14; the single cap is
    £14,753 ÷ 12 = £1,229.416…, £1,229.42; UC £1,229.42 (no Child Benefit)."""
    home = family(children=())
    home = Household(
        people=home.people,
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount="1300.00",
        ),
        greater_london=False,
    )
    assert uc(assess_payment(home, "50.00", PAID))[0] == GBP("1229.42")


@pytest.mark.parametrize(
    ("day", "threshold"),
    [
        # 10.42 × 16 × 52 ÷ 12 = 722.45; 11.44 → 793.17; 12.21 → 846.56; 12.71 → 881.23.
        (dt.date(2023, 10, 6), 72200),
        (dt.date(2024, 10, 6), 79300),
        (dt.date(2025, 10, 6), 84600),
        (dt.date(2026, 10, 6), 88100),
    ],
)
def test_the_earnings_exception_each_year(day, threshold):
    assert cap_rates(Context(bundled_parameters()), day).threshold == threshold


def test_every_cap_finding_renders_in_english():
    cases = [
        family(),
        family(greater_london=None),
        family(parent=Person("parent", capability=WorkCapability.LCWRA)),
        family(claim={"benefit_cap_grace_period_start": "2025-06-15"}),
        family(parent=Person("parent", monthly_earnings="900.00")),
        family(greater_london=None, nation="northern_ireland"),
        family(parent=Person("parent", carer=True)),
        family(parent=Person("parent", unaffected={"personal_independence_payment"})),
        family(
            children=(
                Child(born_on=dt.date(2018, 6, 1), disability=ChildDisability.HIGHER),
                *CHILDREN,
            )
        ),
    ]
    seen = set()
    for home in cases:
        for fee in ("100.00", "900.00"):
            for f in assess_payment(home, fee, PAID).findings:
                if "BENEFIT-CAP" in f.rule_id:
                    seen.add(f.message_key)
                    text = sentence(f, locale="en_GB", include_sensitive=True)
                    assert "{" not in text
    assert len(seen) >= 9


def test_headroom_for_a_capped_family_runs_to_the_earnings_exception():
    """Below £846 every fee only shrinks the amount over the cap (at £845.99: 239.24 off
    before the cap, still 145.34 over, UC £1,647.37); £846.00 lifts the cap and UC changes
    (rises to £1,792.70). So £845.99 more changes nothing."""
    room = headroom(family(), PAID, person="parent")
    assert room.for_benefit(Benefit.UNIVERSAL_CREDIT) == GBP("845.99")
