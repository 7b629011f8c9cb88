"""Around the bundled years (2000-2040), counting agrees with a walk over the package's days.

``test_timeliness_properties`` draws days from the whole horizon (1872-2100), where the
bundle's edges are rarely met; these properties draw them from just beyond its edges, so
spans inside it, outside it and across either edge are all common.
"""

from __future__ import annotations

import datetime as dt

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.core.nations import Nation
from participatory.payments.timeliness import WorkingDays

_NATIONS = st.sampled_from(list(Nation))
#: Near either edge of the bundle, or anywhere in it.
_DAYS = st.one_of(
    st.dates(dt.date(1999, 10, 1), dt.date(2000, 3, 31)),
    st.dates(dt.date(2040, 10, 1), dt.date(2041, 3, 31)),
    st.dates(dt.date(1995, 1, 1), dt.date(2045, 12, 31)),
)


def _working(nation: Nation, day: dt.date) -> bool:
    bank = holidays.country_holidays("GB", subdiv=nation.holidays_code, years=day.year)
    return day.weekday() < 5 and day not in bank


@settings(max_examples=150)
@given(_NATIONS, _DAYS, st.integers(0, 60))
def test_add_matches_a_walk_over_the_packages_days(nation: Nation, day: dt.date, n: int) -> None:
    """add(day, n) is the day a walk reaches after n of the package's working days."""
    walked, left = day, n
    while left:
        walked += dt.timedelta(days=1)
        left -= _working(nation, walked)
    assert WorkingDays(nation).add(day, n) == walked


@settings(max_examples=150)
@given(_NATIONS, _DAYS, st.integers(-10, 200))
def test_between_matches_a_walk_over_the_packages_days(
    nation: Nation, start: dt.date, span: int
) -> None:
    """between(start, end) counts the package's working days after start up to end."""
    end = start + dt.timedelta(days=span)
    walked = sum(_working(nation, start + dt.timedelta(days=i)) for i in range(1, span + 1))
    assert WorkingDays(nation).between(start, end) == walked
    assert WorkingDays(nation).is_working_day(end) == _working(nation, end)
