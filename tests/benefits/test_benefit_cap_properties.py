"""Properties of the Universal Credit benefit cap (UC Regs 2013 regs. 79-83)."""

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    Child,
    Household,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.benefits.benefit_cap import cap_rates, cap_state, child_benefit_monthly
from participatory.benefits.mechanism import Context
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.core.periods import DateRange
from participatory.core.serialise import unstructure
from participatory.interchange import from_plain, to_plain
from participatory.testing import benefits as bs

CTX = Context(bundled_parameters())
PERIOD = DateRange(dt.date(2025, 10, 1), dt.date(2025, 10, 31))
PENNIES = st.integers(0, 400_000)


def _family(children: int, rent: int, earnings: int = 0, london: bool = False) -> Household:
    return Household(
        people=[Person("p1", monthly_earnings=Money.gbp(earnings))],
        children=[Child(born_on=dt.date(2016 + i, 1, 1)) for i in range(children)],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=rent > 0,
            housing_amount=Money.gbp(rent) if rent else None,
        ),
        greater_london=london,
    )


@given(st.integers(0, 4), st.integers(0, 2500), PENNIES, PENNIES, PENNIES, st.booleans())
def test_the_cap_never_raises_the_award_and_never_takes_more_than_it(
    children, rent, uc, other, earnings, london
):
    home = _family(children, rent, london=london)
    state = cap_state(home, PERIOD, (earnings, earnings), (uc, uc), (other, other), CTX)
    assert 0 <= state.reduction_before <= uc
    assert state.reduction_before == state.reduction_after


@given(st.integers(0, 4), st.integers(0, 2500), PENNIES, PENNIES, st.booleans())
def test_without_an_exception_the_award_is_at_most_the_cap_less_other_benefits(
    children, rent, uc, other, london
):
    """UC after the cap + Child Benefit + other welfare benefits never exceed the relevant
    amount, unless UC is already nil (reg. 81: the reduction is the excess, at most the
    award)."""
    home = _family(children, rent, london=london)
    state = cap_state(home, PERIOD, (0, 0), (uc, uc), (other, other), CTX)
    capped = uc - state.reduction_before
    assert capped <= max(0, state.limit - state.child_benefit - other)


@given(st.integers(0, 4), st.integers(0, 2500), PENNIES, PENNIES)
def test_earnings_at_the_exception_always_lift_the_cap(children, rent, uc, extra):
    home = _family(children, rent)
    threshold = cap_rates(CTX, PERIOD.start).threshold
    state = cap_state(home, PERIOD, (threshold + extra,) * 2, (uc, uc), (0, 0), CTX)
    assert state.reduction_before == 0


@settings(max_examples=60)
@given(st.integers(1, 4), st.integers(800, 2500), st.integers(1, 2000))
def test_an_engine_award_with_the_cap_never_exceeds_the_cap_less_child_benefit(children, rent, fee):
    """The public entry point: a family with no exception, earnings below the exception."""
    home = _family(children, rent)
    result = assess_payment(home, Money.gbp(fee), dt.date(2025, 10, 10))
    rates = cap_rates(CTX, PERIOD.start)
    cb = child_benefit_monthly(home, PERIOD.start, rates)
    (row,) = (o for o in result.outcomes if o.benefit is Benefit.UNIVERSAL_CREDIT)
    before = int(row.before.amount * 100)
    assert before <= max(0, rates.family_elsewhere - cb)
    after = int(row.after.amount * 100)
    if fee * 100 < rates.threshold:
        assert after <= max(0, rates.family_elsewhere - cb)


@settings(max_examples=60)
@given(bs.households())
def test_the_new_household_fields_round_trip_through_plain_data(home):
    plain = json.loads(json.dumps(to_plain(home, include_sensitive=True)))
    again = from_plain(Household, plain)
    assert again == home
    assert again.greater_london is home.greater_london
    assert again.child_benefit is home.child_benefit
    claim = home.universal_credit
    if claim is not None:
        assert again.universal_credit is not None
        assert (
            again.universal_credit.benefit_cap_grace_period_start
            == claim.benefit_cap_grace_period_start
        )


def test_the_grace_period_and_child_benefit_are_sensitive_and_london_is_not():
    """A grace period says the person had earnings and lost them; Child Benefit is a benefit:
    both special-category here. Living in Greater London is not (like the nation)."""
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1),
        benefit_cap_grace_period_start=dt.date(2019, 7, 23),
    )
    home = Household(universal_credit=claim, child_benefit=False, greater_london=True)
    for text in (repr(home), str(home), repr(claim), json.dumps(unstructure(home))):
        assert "2019" not in text
        assert "07-23" not in text
    assert "child_benefit=<redacted>" in repr(home)
    assert "greater_london=True" in repr(home)


@pytest.mark.parametrize("bad", ["yes", 1])
def test_a_bad_london_answer_is_refused(bad):
    with pytest.raises(ValidationError) as caught:
        Household(greater_london=bad)
    assert caught.value.path == "greater_london"


def test_a_bad_grace_period_start_is_refused_without_echoing_it():
    with pytest.raises(ValidationError) as caught:
        UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            benefit_cap_grace_period_start="SENTINEL-not-a-date",
        )
    assert "SENTINEL" not in str(caught.value)
