""":mod:`participatory.core.fields`: unit tests."""

import datetime as dt
import enum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.fields import day_from_text, instances, iso_date, member, members, texts
from participatory.core.periods import to_date

SENTINEL = "SENTINEL-b41d"


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


def test_member_takes_a_member_or_its_value_and_names_the_choices_not_the_value():
    assert member(Colour, Colour.BLUE, "colour") is Colour.BLUE
    assert member(Colour, "blue", "colour") is Colour.BLUE
    with pytest.raises(ValidationError, match="colour: must be one of red, blue") as caught:
        member(Colour, SENTINEL, "colour")
    assert SENTINEL not in str(caught.value)
    with pytest.raises(ValidationError, match=r"colour: is not a colour \(one of red, blue\)"):
        member(Colour, "green", "colour", problem="is not a colour")


def test_members_are_a_set_and_an_unknown_one_is_named_by_position():
    assert members(Colour, ["red", Colour.RED, "blue"], "colours") == {Colour.RED, Colour.BLUE}
    with pytest.raises(ValidationError, match=r"colours\[1\]: is not a known Colour") as caught:
        members(Colour, ["red", SENTINEL], "colours")
    assert SENTINEL not in str(caught.value)
    with pytest.raises(ValidationError, match="colours: must be a collection"):
        members(Colour, "red", "colours")


def test_instances_are_a_tuple_of_the_kind():
    assert instances(Colour, [Colour.RED], "colours", what="colours") == (Colour.RED,)
    with pytest.raises(ValidationError, match="colours: must be a list of colours"):
        instances(Colour, 3, "colours", what="colours")
    with pytest.raises(ValidationError, match=r"items\[0\]: must be an Exception"):
        instances(Exception, [1], "items", what="errors")


def test_texts_refuse_one_string_and_empty_items():
    assert texts(("a", "b"), "words") == ("a", "b")
    with pytest.raises(ValidationError, match="not one string"):
        texts("ab", "words")
    with pytest.raises(ValidationError, match=r"words\[1\]: must be non-empty text"):
        texts(["a", "  "], "words")


def test_iso_dates_are_days_never_moments():
    assert iso_date(dt.date(2026, 4, 6), "day") == dt.date(2026, 4, 6)
    assert iso_date("2026-04-06", "day") == dt.date(2026, 4, 6)
    for bad in ("6 April", dt.datetime(2026, 4, 6, 9, 30), 20260406):
        with pytest.raises(ValidationError, match=r"day: must be a date \(write YYYY-MM-DD\)"):
            iso_date(bad, "day")


# --- dates are written one way ------------------------------------------------------------


@given(st.dates())
def test_a_day_written_yyyy_mm_dd_reads_back_as_itself(day: dt.date) -> None:
    assert day_from_text(day.isoformat()) == day
    assert iso_date(day.isoformat(), "on") == day
    assert to_date(f" {day.isoformat()} ") == day


@pytest.mark.parametrize(
    "text",
    [
        "20261206",  # ISO 8601's basic form: Python reads it, a reader may not
        "2026-W49-7",  # a week date (Sunday 6 December 2026)
        "2026-340",  # an ordinal date
        "2026-12-6",
        "2026-12-06T00:00",
        "２０２６-１２-０６",  # full-width digits
        "2026-02-29",  # not a leap year
        "",
    ],
)
def test_other_ways_of_writing_a_day_are_refused(text: str) -> None:
    """The help, the hints and the docs say YYYY-MM-DD: nothing else is read as a date."""
    assert day_from_text(text) is None
    with pytest.raises(ValidationError, match="must be a date"):
        iso_date(text, "on")
    with pytest.raises(ValidationError, match="is not a date"):
        to_date(text)
