"""A child's term, worked out once, says what the plain rules say of the child on every day.

The rules ask of every child in every assessment period whether the household is
responsible for them (:meth:`Child.counts_on`, which works out birthdays each time). A
household works each child's :class:`~participatory.benefits.household.ChildTerm` out once
(issue 18: the numbers path does less per period); here the term is held to the plain
reading on generated children and days, birthdays on 29 February, 1 September and the last
days a date can hold included.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits.household import (
    Child,
    ChildDisability,
    ChildTerm,
    Household,
    TwoChildLimitException,
)
from participatory.testing.benefits import households

_EDGES = st.sampled_from([dt.date(2008, 2, 29), dt.date(2007, 9, 1), dt.date(2007, 8, 31)])


@st.composite
def _children(draw: st.DrawFn) -> Child:
    born_on = draw(
        st.one_of(
            st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
            _EDGES,
            st.dates(),  # far in the past or future: birthdays past the last date included
        )
    )
    return Child(
        born_on=born_on,
        disability=draw(st.sampled_from(ChildDisability)),
        qualifying_young_person=draw(st.booleans()),
        two_child_limit_exception=draw(st.sampled_from(TwoChildLimitException)),
    )


def _plain(child: Child, day: dt.date) -> bool | None:
    """:meth:`Child.counts_on`, or ``None`` where it cannot say (a 1 September after the
    year 9999, which no date holds)."""
    try:
        return child.counts_on(day)
    except ValueError:
        return None


def _days_near(child: Child) -> st.SearchStrategy[dt.date]:
    """Days anywhere, and days around each birthday and 1 September that can end a term."""
    born = child.born_on
    near = [born]
    for age in (16, 17, 19, 20, 21):
        if born.year + age <= dt.MAXYEAR:
            near.append(dt.date(born.year + age, 9, 1))
            near.append(dt.date(born.year + age, born.month, min(born.day, 28)))
            near.append(dt.date(born.year + age, 3, 1))

    def shifted(day: dt.date, days: int) -> dt.date:
        try:
            return day + dt.timedelta(days=days)
        except OverflowError:
            return day

    around = st.builds(shifted, st.sampled_from(near), st.integers(-3, 3))
    return st.one_of(around, st.dates())


@given(st.data())
def test_a_term_counts_the_days_counts_on_counts(data: st.DataObject) -> None:
    child = data.draw(_children())
    term = ChildTerm.of(child)
    day = data.draw(_days_near(child))
    plain = _plain(child, day)
    if plain is not None:
        assert term.counts_on(day) is plain
        assert (term.first_day <= day <= term.last_day) is plain


@given(_children())
def test_a_term_carries_the_childs_own_facts(child: Child) -> None:
    term = ChildTerm.of(child)
    assert term.first_day == child.born_on
    assert term.born_before_limit is (child.born_on < dt.date(2017, 4, 6))
    assert term.excepted is (child.two_child_limit_exception is not TwoChildLimitException.NONE)
    assert term.in_order is not child.two_child_limit_exception.outside_the_order
    assert term.disability is child.disability


@given(households())
def test_a_households_terms_follow_its_children_in_order(household: Household) -> None:
    profile = household.profile
    assert profile.child_terms == tuple(ChildTerm.of(child) for child in profile.children)


def test_a_young_person_in_education_counts_to_the_september_after_their_19th_birthday() -> None:
    """Born 10 March 2006, in education: 19 on 10 March 2025, so counted to 31 August 2025
    (the 1 September after the 19th birthday ends it; reg. 5). Not in education: 16 on
    10 March 2022, counted to 31 August 2022."""
    studying = ChildTerm.of(Child(born_on=dt.date(2006, 3, 10), qualifying_young_person=True))
    assert (studying.first_day, studying.last_day) == (dt.date(2006, 3, 10), dt.date(2025, 8, 31))
    leaving = ChildTerm.of(Child(born_on=dt.date(2006, 3, 10)))
    assert leaving.last_day == dt.date(2022, 8, 31)


def test_a_child_born_on_1_september_counts_to_the_next_one_after_their_16th_birthday() -> None:
    """Born 1 September 2009: 16 on 1 September 2025, which is not before that day's
    1 September, so the young person counts until the 1 September 2026: last day 31 August."""
    term = ChildTerm.of(Child(born_on=dt.date(2009, 9, 1)))
    assert term.last_day == dt.date(2026, 8, 31)
    assert Child(born_on=dt.date(2009, 9, 1)).counts_on(dt.date(2026, 8, 31))


def test_a_term_whose_end_no_date_holds_runs_to_the_last_date() -> None:
    """Born in 9990: the 1 September after the 16th birthday (10006) is past the year
    9999, so every date from the birth counts."""
    term = ChildTerm.of(Child(born_on=dt.date(9990, 5, 1), qualifying_young_person=True))
    assert term.last_day == dt.date.max
