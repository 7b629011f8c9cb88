"""Universal Credit's numbers path agrees with the plain reading of the rules.

The numbers path reads each child through the term the household worked out when it was
made, and adds up the maximum amount without listing its elements (issue 18). Here both are
held to the plain reading over generated households, days and the children's edge cases:
the child elements and additions as :meth:`Child.counts_on` and each child's own fields
give them, and the maximum amount as the sum of what :func:`elements` lists for an
explanation.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from participatory.benefits import Household
from participatory.benefits import universal_credit as uc
from participatory.benefits.claims import UniversalCreditClaim
from participatory.benefits.household import Child, ChildDisability, TwoChildLimitException
from participatory.benefits.mechanism import Context
from participatory.core.errors import ParametersNotAvailable
from participatory.core.params import bundled_parameters
from participatory.testing import benefits as bs
from participatory.testing.peers import participatory_household, peer_households

CTX = Context(bundled_parameters())


@st.composite
def _children(draw: st.DrawFn) -> list[Child]:
    """Up to five children of every kind: each disability rate, each two-child-limit
    exception, young persons in education, born either side of 6 April 2017."""
    return draw(
        st.lists(
            st.builds(
                Child,
                born_on=st.one_of(
                    st.dates(dt.date(2004, 1, 1), dt.date(2026, 3, 1)),
                    # Young families, where the two-child limit decides.
                    st.dates(dt.date(2017, 4, 6), dt.date(2024, 12, 31)),
                    st.dates(dt.date(2017, 3, 1), dt.date(2017, 5, 1)),
                    st.sampled_from([dt.date(2008, 2, 29), dt.date(2009, 9, 1)]),
                ),
                disability=st.sampled_from(ChildDisability),
                qualifying_young_person=st.booleans(),
                two_child_limit_exception=st.sampled_from(TwoChildLimitException),
            ),
            min_size=draw(st.sampled_from([0, 3])),
            max_size=5,
        )
    )


@st.composite
def _households(draw: st.DrawFn) -> Household:
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return participatory_household(draw(peer_households(tax_years=(2024, 2025))))
    household = draw(bs.households())
    assume(household.universal_credit is not None)
    if kind == 1:
        return household
    return Household(
        people=household.people,
        children=draw(_children()),
        universal_credit=household.universal_credit,
        capital=household.capital,
        nation=household.nation,
        greater_london=household.greater_london,
        child_benefit=household.child_benefit,
    )


_DAYS = st.dates(dt.date(2024, 4, 6), dt.date(2026, 3, 1))


def _rates(day: dt.date) -> uc.UniversalCreditRates:
    try:
        return uc.rates(CTX, day)
    except ParametersNotAvailable:
        assume(False)
        raise


def _plain_children(
    household: Household, day: dt.date, responsible_on: dt.date, r: uc.UniversalCreditRates
) -> tuple[tuple[int, ...], int, tuple[int, ...]]:
    """Reg. 24, 24A, 24B read child by child with :meth:`Child.counts_on`."""
    amounts: list[int] = []
    additions: list[int] = []
    excluded = 0
    place = 0
    for child in household.profile.children:
        if not child.counts_on(responsible_on):
            continue
        exception = child.two_child_limit_exception
        before_limit = child.born_on < dt.date(2017, 4, 6)
        if not amounts:
            amounts.append(r.child_first_higher if before_limit else r.child_other)
        elif (
            place < 2
            or not r.two_child_limit
            or before_limit
            or exception is not TwoChildLimitException.NONE
        ):
            amounts.append(r.child_other)
        else:
            excluded += 1
        if exception not in (
            TwoChildLimitException.ADOPTION,
            TwoChildLimitException.NON_PARENTAL_CARE,
        ):
            place += 1
        if child.disability is not ChildDisability.NONE:
            name = f"universal_credit.disabled_child_addition.{child.disability.value}"
            additions.append(CTX.use(name, day).value * 100)  # type: ignore[operator]
    return tuple(amounts), excluded, tuple(int(a) for a in additions)


@given(_households(), _DAYS, st.integers(27, 30))
def test_the_children_are_counted_as_the_plain_reading_counts_them(
    household: Household, day: dt.date, days: int
) -> None:
    responsible_on = day + dt.timedelta(days=days)
    r = _rates(day)
    try:
        plain = _plain_children(household, day, responsible_on, r)
    except ParametersNotAvailable:
        assume(False)
        raise
    assert uc._children(household, day, responsible_on, r, CTX) == plain


@given(_households(), _DAYS, st.integers(27, 30))
def test_the_maximum_amount_is_the_sum_of_its_elements(
    household: Household, day: dt.date, days: int
) -> None:
    responsible_on = day + dt.timedelta(days=days)
    r = _rates(day)
    try:
        maximum, has_allowance = uc.maximum_amount(household, day, responsible_on, r, CTX)
        e = uc.elements(household, day, responsible_on, r, CTX)
    except ParametersNotAvailable:
        assume(False)
        raise
    parts = (
        e.standard
        + sum(e.child_elements)
        + sum(e.disabled_additions)
        + e.lcwra
        + sum(e.carers)
        + e.housing
    )
    assert maximum == parts
    counted = bool(e.child_elements) or e.excluded_children > 0
    assert has_allowance is (counted or household.profile.any_capability)


def test_a_third_child_born_after_the_limit_adds_nothing() -> None:
    """2025/26: single, 25 or over (a Person's default) £400.14; first child (born 2018)
    £292.81 (the lower first child rate, born after 6 April 2017), second £292.81, third
    (born 2021) no element: £400.14 + £585.62 = £985.76, with a work allowance (children)."""
    household = Household(
        children=[Child(born_on=dt.date(y, 1, 10)) for y in (2018, 2019, 2021)],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )
    day = dt.date(2025, 6, 1)
    r = uc.rates(CTX, day)
    assert uc.maximum_amount(household, day, dt.date(2025, 6, 30), r, CTX) == (98576, True)
