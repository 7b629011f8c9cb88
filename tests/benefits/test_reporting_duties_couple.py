"""A check names the reporting duty of each benefit the payments are reported to, no other.

A couple's means-tested claim (Universal Credit, Housing Benefit, Pension Credit, Income
Support ...) counts both partners' earnings: a payment to either is reported to it. A
person's own benefit (Carer's Allowance, new-style ESA or JSA) counts only their own
earnings: a payment to one partner is not reported to the other's. Naming that duty would
give the payee advice that is not theirs, and tell whoever reads the check what the other
partner claims (an outside tester's round 14).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
)
from participatory.core.errors import ParametersNotAvailable, UnsupportedCase
from participatory.testing import benefits as bs

DAY = dt.date(2025, 6, 2)
_PERSONAL_DUTIES = {
    "BEN-REPORT-CARERS-ALLOWANCE",
    "BEN-REPORT-ESA-PW1",
}


def _duties(home: Household, person: str) -> set[str]:
    result = assess_benefits(home, [Receipt("100.00", DAY, person=person)])
    return {f.rule_id for f in result.findings if f.rule_id.startswith("BEN-REPORT")}


def test_a_payment_to_one_partner_is_not_reported_to_the_others_carers_allowance() -> None:
    """Ann and Bo claim Universal Credit together; Bo gets Carer's Allowance. £100 paid to
    Ann goes in the UC journal; Bo's Carer's Allowance does not count Ann's earnings. Paid
    to Bo, both duties apply."""
    home = Household(
        people=[Person("ann"), Person("bo", carers_allowance=CarersAllowanceClaim())],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
    )
    assert _duties(home, "ann") == {"BEN-REPORT-UC-JOURNAL"}
    assert _duties(home, "bo") == {"BEN-REPORT-UC-JOURNAL", "BEN-REPORT-CARERS-ALLOWANCE"}


def test_new_style_jsa_is_reported_only_for_the_claimants_own_pay() -> None:
    """Ann claims new-style JSA (contributory: a partner's earnings do not count). A fee to
    Bo is reported to no benefit office; a fee to Ann to the Jobcentre."""
    home = Household(
        people=[Person("ann"), Person("bo")],
        legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award="90.50", claimant="ann"),
    )
    assert _duties(home, "bo") == set()
    assert _duties(home, "ann") == {"BEN-REPORT-JOBCENTRE"}


def test_a_single_persons_duties_are_every_benefit_they_get() -> None:
    home = Household(people=[Person("ann", carers_allowance=CarersAllowanceClaim())])
    assert _duties(home, "ann") == {"BEN-REPORT-CARERS-ALLOWANCE"}


_COUPLES = bs.households("ann", "bo").filter(lambda home: len(home.people) == 2)


@settings(max_examples=60, deadline=None)
@given(_COUPLES, st.lists(bs.receipts(people=("ann", "bo")), min_size=1, max_size=3))
def test_no_duty_of_a_partners_own_benefit_for_payments_that_are_not_theirs(home, paid):
    """For any couple and payments: a personal benefit's duty is named only when someone
    who gets that benefit received one of the payments."""
    try:
        result = assess_benefits(home, paid)
        findings = result.findings
    except (ParametersNotAvailable, UnsupportedCase):
        assume(False)
        raise
    payees = {r.person for r in paid}
    named = {f.rule_id for f in findings if f.rule_id in _PERSONAL_DUTIES}
    carers = {p.id for p in home.people if p.carers_allowance is not None}
    esa = {p.id for p in home.people if p.esa is not None}
    if "BEN-REPORT-CARERS-ALLOWANCE" in named:
        assert carers & payees
    if "BEN-REPORT-ESA-PW1" in named:
        # Income-related ESA is the household's: its duty is the same form.
        legacy = home.legacy
        assert esa & payees or (
            legacy is not None and legacy.benefit is LegacyBenefit.INCOME_RELATED_ESA
        )
