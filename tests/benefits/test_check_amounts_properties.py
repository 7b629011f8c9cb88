"""A check's amounts for one benefit, read without making per-period records.

:meth:`BenefitsCheck.amounts_pennies` is what the PolicyEngine peer answer reads (issue 18):
the before and after of one benefit, added up over its periods. Here it is held to the plain
reading, the sums over :attr:`BenefitsCheck.numbers`, and to :meth:`change_pennies`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.benefits import Benefit, Household, Receipt, assess_benefits, assess_many
from participatory.benefits.claims import UniversalCreditClaim
from participatory.benefits.household import Child, Person
from participatory.benefits.kinds import WorkCapability
from participatory.core.errors import ParametersNotAvailable, ValidationError
from participatory.core.money import Money
from participatory.testing import benefits as bs


@given(
    bs.households(),
    bs.receipt_lists(),
    st.sampled_from([None, *Benefit]),
    st.sampled_from([None, "p1", "p2"]),
)
def test_the_amounts_are_the_sums_of_the_numbers(
    household: Household, receipts: list[Receipt], benefit: Benefit | None, person: str | None
) -> None:
    try:
        check = assess_benefits(household, receipts)
    except ParametersNotAvailable:
        assume(False)
        raise
    rows = [
        row
        for row in check.numbers
        if (benefit is None or row.benefit is benefit) and (person is None or row.person == person)
    ]
    before, after = check.amounts_pennies(benefit, person)
    assert (before, after) == (sum(r.before for r in rows), sum(r.after for r in rows))
    assert after - before == check.change_pennies(benefit, person)


@given(
    st.lists(st.tuples(bs.households(), bs.receipt_lists(max_size=3)), max_size=4),
    st.sampled_from([None, *Benefit]),
    st.sampled_from([None, "p1", "p2"]),
)
def test_a_batchs_amounts_are_each_checks_amounts(
    cases: list[tuple[Household, list[Receipt]]], benefit: Benefit | None, person: str | None
) -> None:
    """:meth:`BenefitsBatch.amounts_pennies` reads the numbers the batch keeps: the same as
    each case's check read alone."""
    try:
        batch = assess_many(cases)
    except ParametersNotAvailable:
        assume(False)
        raise
    assert batch.amounts_pennies(benefit, person) == tuple(
        assess_benefits(household, receipts).amounts_pennies(benefit, person)
        for household, receipts in cases
    )


def test_one_fee_in_one_assessment_period() -> None:
    """2025/26, a couple with one child (born 2019) and £500 housing costs: maximum
    £628.10 + £292.81 + £500 = £1,420.91, lower work allowance £411. The partner's £300 and
    a £300 fee make £600, £189 over: 55% is £103.95. Without the fee £300 is within the
    allowance: UC £1,420.91 before, £1,316.96 after."""
    household = Household(
        people=[Person("me"), Person("partner")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount=Money.gbp("500.00"),
        ),
    )
    check = assess_benefits(
        household,
        [Receipt(Money.gbp(300), dt.date(2025, 6, 10), person="me")],
        already=[Receipt(Money.gbp(300), dt.date(2025, 6, 2), person="partner")],
    )
    assert check.amounts_pennies(Benefit.UNIVERSAL_CREDIT) == (142091, 131696)
    assert check.amounts_pennies(Benefit.CARERS_ALLOWANCE) == (0, 0)


def test_a_benefit_must_be_a_benefit() -> None:
    household = Household(
        people=[Person(capability=WorkCapability.LCW)],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )
    check = assess_benefits(household, [Receipt(Money.gbp(700), dt.date(2025, 6, 10))])
    with pytest.raises(ValidationError, match="must be a Benefit"):
        check.amounts_pennies("universal_credit")  # type: ignore[arg-type]
