"""The benefit cap's quick ruling-out agrees with working the cap out in full.

:func:`~participatory.benefits.benefit_cap.reductions` is what every assessment period of a
worked-out Universal Credit award runs: it returns no reduction when the award, with the
household's Child Benefit and any new-style ESA or JSA, is within the limit that applies (a
family's or a single claimant's, in Greater London or not), and otherwise works the cap out
with :func:`~participatory.benefits.benefit_cap.cap_state`. The two must agree on every input,
including those the shortcut rules out. Northern Ireland's cap is not applied (its amounts
are not bundled), so there both give no reduction to the award.
"""

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.benefits import Household
from participatory.benefits.benefit_cap import cap_state, reductions
from participatory.benefits.mechanism import Context
from participatory.core.errors import ParametersNotAvailable
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters
from participatory.core.periods import DateRange, assessment_period_containing
from participatory.testing import benefits as bs

CTX = Context(bundled_parameters())
#: Awards from nothing to well over the highest limit (Greater London, family: £2,110.25).
AWARDS = st.integers(0, 400_000) | st.integers(150_000, 240_000)
EARNINGS = st.integers(0, 200_000)
OTHER = st.integers(0, 80_000)


@st.composite
def _periods(draw: st.DrawFn) -> DateRange:
    day = draw(st.dates(dt.date(2024, 5, 1), dt.date(2026, 3, 1)))
    return assessment_period_containing(draw(st.integers(1, 31)), day)


@given(
    bs.households(),
    _periods(),
    st.tuples(EARNINGS, EARNINGS),
    st.tuples(AWARDS, AWARDS),
    st.tuples(OTHER, OTHER),
    st.sampled_from(list(Nation)),
)
def test_the_quick_ruling_out_agrees_with_the_full_cap(
    household: Household,
    period: DateRange,
    earnings: tuple[int, int],
    uc: tuple[int, int],
    other: tuple[int, int],
    nation: Nation,
) -> None:
    assume(household.universal_credit is not None)
    if household.nation is not nation:
        assume(nation is Nation.ENGLAND or not household.greater_london)
        household = Household(
            people=household.people,
            children=household.children,
            universal_credit=household.universal_credit,
            housing_benefit=household.housing_benefit,
            capital=household.capital,
            nation=nation,
            greater_london=household.greater_london if nation is Nation.ENGLAND else None,
            child_benefit=household.child_benefit,
        )
    try:
        state = cap_state(household, period, earnings, uc, other, CTX)
    except ParametersNotAvailable:
        assume(False)
        raise
    quick = reductions(household, period, earnings, uc, other, CTX)
    if state.not_applied:
        assert quick == (0, 0)
    else:
        assert quick == (state.reduction_before, state.reduction_after)


@given(
    bs.households(),
    _periods(),
    st.tuples(EARNINGS, EARNINGS),
    st.tuples(st.integers(150_000, 240_000), st.integers(150_000, 240_000)),
)
def test_awards_near_the_limits_are_worked_out_not_ruled_out(
    household: Household,
    period: DateRange,
    earnings: tuple[int, int],
    uc: tuple[int, int],
) -> None:
    """Awards around the limits, where the shortcut cannot decide: the same reductions."""
    assume(household.universal_credit is not None)
    assume(household.nation is not Nation.NORTHERN_IRELAND)
    try:
        state = cap_state(household, period, earnings, uc, (0, 0), CTX)
    except ParametersNotAvailable:
        assume(False)
        raise
    quick = reductions(household, period, earnings, uc, (0, 0), CTX)
    assert quick == (state.reduction_before, state.reduction_after)
