import datetime as dt
import itertools

from hypothesis import given

from participatory.core.periods import TaxYearCalendar
from participatory.testing import strategies as ps

ONE_DAY = dt.timedelta(days=1)


def assert_exact_cover(pieces, span):
    assert pieces[0].start == span.start
    assert pieces[-1].end == span.end
    for before, after in itertools.pairwise(pieces):
        assert after.start == before.end + ONE_DAY  # no gap, no overlap
    assert sum(p.days for p in pieces) == span.days


@given(ps.assessment_period_cycles(), ps.date_ranges())
def test_assessment_periods_cover_any_range_exactly(cycle, span):
    assert_exact_cover(cycle.split(span), span)


@given(ps.assessment_period_cycles(), ps.dates())
def test_every_assessment_period_is_one_month_long(cycle, day):
    period = cycle.period_containing(day)
    assert day in period
    assert 28 <= period.days <= 31
    following = cycle.period_containing(period.end + ONE_DAY)
    assert following.start == period.end + ONE_DAY


@given(ps.assessment_period_cycles(), ps.dates())
def test_assessment_periods_start_on_the_claim_day_where_the_month_allows(cycle, day):
    anchor = cycle.anchor_day
    start = cycle.period_containing(day).start
    if anchor <= 28 or (start.month != 2 and anchor <= 30):
        assert start.day == anchor


@given(ps.benefit_week_cycles(), ps.date_ranges())
def test_benefit_weeks_cover_any_range_exactly(weeks, span):
    pieces = weeks.split(span)
    assert_exact_cover(pieces, span)
    for whole in weeks.periods_overlapping(span):
        assert whole.days == 7
        assert whole.start.weekday() == weeks.start_weekday


@given(ps.date_ranges(max_days=2000))
def test_tax_years_cover_any_range_exactly(span):
    pieces = TaxYearCalendar().split(span)
    assert_exact_cover(pieces, span)
    for piece in pieces[1:]:
        assert (piece.start.month, piece.start.day) == (4, 6)


@given(ps.assessment_period_cycles() | ps.benefit_week_cycles(), ps.dates())
def test_the_period_after_starts_the_day_after_the_period_ends(cycle, day):
    period = cycle.period_containing(day)
    following = cycle.period_after(period)
    assert following.start == period.end + ONE_DAY
    assert following == cycle.period_containing(following.start)
