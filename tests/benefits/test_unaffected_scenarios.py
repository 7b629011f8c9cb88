""":mod:`participatory.benefits.unaffected`: scenarios.

PIP, DLA and Attendance Allowance are not means-tested and State Pension has no earnings
rule: a payment changes none of them, though taking on work can prompt DWP to ask whether
needs have changed (Scope, Disability Rights UK).
"""

import datetime as dt

from participatory.benefits import (
    Household,
    Person,
    Receipt,
    UnaffectedBenefit,
    assess_benefits,
    assess_payment,
)
from participatory.benefits.unaffected import unaffected_findings
from participatory.core.money import Money

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def test_unaffected_benefits_are_named_and_flag_a_possible_review():
    me = Household(
        people=[Person(unaffected={UnaffectedBenefit.PIP, UnaffectedBenefit.STATE_PENSION})]
    )
    result = assess_payment(me, GBP(500), TUESDAY)
    assert result.change() == GBP(0)
    assert result.has("BEN-UNAFFECTED")
    assert result.has("BEN-UNAFFECTED-REVIEW")
    assert result.kept == GBP(500)
    (named,) = result.by_rule("BEN-UNAFFECTED")
    assert named.values["benefits"] == "Personal Independence Payment, State Pension"


def test_state_pension_alone_prompts_no_review():
    assert [
        f.rule_id for f in unaffected_findings(frozenset({UnaffectedBenefit.STATE_PENSION}))
    ] == ["BEN-UNAFFECTED"]


def test_both_partners_unaffected_benefits_are_named_once():
    """Paid to both partners: each benefit either gets is named once."""
    home = Household(
        people=[
            Person("a", unaffected={UnaffectedBenefit.PIP}),
            Person("b", unaffected={UnaffectedBenefit.PIP, UnaffectedBenefit.ATTENDANCE_ALLOWANCE}),
        ]
    )
    paid = [Receipt(GBP(50), TUESDAY, person="a"), Receipt(GBP(50), TUESDAY, person="b")]
    (named,) = assess_benefits(home, paid).by_rule("BEN-UNAFFECTED")
    assert named.values["benefits"] == "Personal Independence Payment, Attendance Allowance"


def test_a_payment_to_one_partner_names_only_their_own_unaffected_benefits():
    """Paid to a alone: b's Attendance Allowance is not a's to hear about (and would tell the
    reader what b gets); a's PIP is named."""
    home = Household(
        people=[
            Person("a", unaffected={UnaffectedBenefit.PIP}),
            Person("b", unaffected={UnaffectedBenefit.ATTENDANCE_ALLOWANCE}),
        ]
    )
    result = assess_benefits(home, [Receipt(GBP(50), TUESDAY, person="a")])
    (named,) = result.by_rule("BEN-UNAFFECTED")
    assert named.values["benefits"] == "Personal Independence Payment"
    result = assess_benefits(home, [Receipt(GBP(50), TUESDAY, person="b")])
    (named,) = result.by_rule("BEN-UNAFFECTED")
    assert named.values["benefits"] == "Attendance Allowance"


def test_scottish_disability_benefits_are_unaffected_too():
    me = Household(people=[Person(unaffected={"adult_disability_payment"})], nation="scotland")
    result = assess_payment(me, GBP(500), TUESDAY)
    assert result.changes_nothing
    assert result.has("BEN-UNAFFECTED-REVIEW")
