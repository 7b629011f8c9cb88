""":class:`participatory.benefits.mechanism.RateRecords`: property tests.

The rules read their rates as ``ctx.records[build, day]`` (a dictionary look-up, building a
missing record on first read). Each read must give the record ``build`` makes from a fresh
:class:`~participatory.benefits.mechanism.RateReader` for the day, and leave the context's
``stale`` holding exactly the stale values that record read, however often it is read,
whether or not stale values are allowed, and whichever check built the record first (the
records are shared by every check made with one parameter set and one stale choice).
"""

import datetime as dt
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import benefit_cap, carers_allowance, esa, universal_credit
from participatory.benefits.mechanism import Context, RateReader, shared_records
from participatory.core.errors import ParametersNotAvailable
from participatory.core.nations import Nation
from participatory.core.params import ParameterUse, bundled_parameters

#: One builder of each rule the engine reads a record from for every period.
_BUILDERS = (
    *(carers_allowance._BUILDERS[nation] for nation in Nation),
    esa._build,
    universal_credit._build,
    universal_credit._build_lower_disabled,
    universal_credit._build_higher_disabled,
    benefit_cap._build,
)


@given(
    st.sampled_from(_BUILDERS),
    # From before the bundled data begins to years after it is known current: the records
    # must agree whether the day is covered, stale, or not available at all.
    st.dates(dt.date(2023, 1, 1), dt.date(2031, 12, 31)),
    st.booleans(),
    st.integers(1, 3),
)
def test_a_record_read_is_the_record_built_with_its_stale_values_noted(
    build: object, day: dt.date, allow_stale: bool, reads: int
) -> None:
    parameters = bundled_parameters()
    try:
        plain = build(RateReader(parameters, day, allow_stale))  # type: ignore[operator]
    except ParametersNotAvailable:
        ctx = Context(parameters, allow_stale=allow_stale)
        with pytest.raises(ParametersNotAvailable):
            ctx.records[build, day]
        assert (build, day) not in ctx.records
        assert (build, day) not in shared_records(parameters, allow_stale)
        return
    ctx = Context(parameters, allow_stale=allow_stale)
    for _ in range(reads):
        assert ctx.records[build, day] == plain
        assert ctx.rates(build, day) == plain  # type: ignore[arg-type]
    assert ctx.stale == {use.name: use for use in plain.stale}
    if not allow_stale:
        assert ctx.stale == {}


def test_stale_values_are_noted_when_a_record_is_built() -> None:
    """A day years past the data's known currency reads stale figures: the context notes
    each (here the Carer's Allowance earnings limit and weekly rate, both last known for
    2025/26 or later) when the record is built, and the record keeps them."""
    ctx = Context(bundled_parameters(), allow_stale=True)
    record = ctx.records[carers_allowance._GREAT_BRITAIN, dt.date(2031, 6, 2)]
    assert {use.name for use in record.stale} == {
        "carers_allowance.earnings_limit",
        "carers_allowance.weekly_rate",
    }
    assert set(ctx.stale) == {use.name for use in record.stale}


class _Limit(NamedTuple):
    limit: int
    stale: tuple[ParameterUse, ...]


@given(
    st.sampled_from(_BUILDERS),
    st.dates(dt.date(2023, 1, 1), dt.date(2031, 12, 31)),
)
def test_each_check_allowing_stale_values_notes_those_of_a_shared_record(
    build: object, day: dt.date
) -> None:
    """Two checks read one record: the second finds it built by the first, and still notes
    every stale value it holds (a stale figure the second check used is reported by it)."""
    parameters = bundled_parameters()
    first = Context(parameters, allow_stale=True)
    try:
        record = first.records[build, day]
    except ParametersNotAvailable:
        return
    second = Context(parameters, allow_stale=True)
    assert second.stale == {}
    assert second.records[build, day] is record
    assert second.stale == first.stale == {use.name: use for use in record.stale}


def test_records_are_built_once_per_parameter_set_and_stale_choice() -> None:
    """Every check allowing stale values reads the records the first one built (the rules
    are not read again for each household), and never the strict ones: a strict check must
    refuse a day past the data, which a record built allowing stale values would hide."""
    parameters = bundled_parameters()
    builds: list[dt.date] = []

    def build(reader: RateReader) -> _Limit:
        builds.append(reader.day)
        return _Limit(reader.pennies("carers_allowance.earnings_limit"), tuple(reader.stale))

    day = dt.date(2031, 6, 2)  # years past the data: the earnings limit is stale
    checks = [Context(parameters, allow_stale=True) for _ in range(3)]
    for ctx in checks:
        assert ctx.records[build, day].limit > 0
        assert set(ctx.stale) == {"carers_allowance.earnings_limit"}
    assert builds == [day]
    with pytest.raises(ParametersNotAvailable):
        Context(parameters).records[build, day]
