"""The bundled parameters are parsed on demand: each equals the eagerly parsed one."""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.core import params
from participatory.core.errors import ParameterFileError
from participatory.core.params import ParameterSet, bundled_parameters, parse_parameters

_ParsedOnDemand = params._ParsedOnDemand

_GOOD = """
[pay.rate]
description = "A rate"
unit = "GBP"
valid_until = 2026-03-31
[[pay.rate.values]]
effective_from = 2025-04-01
value = 12.21
source = "govuk_nmw_rates"
verified = false
"""

# The first parameter's unit is wrong; the second entry is not a table at all.
_TWO_PROBLEMS = """
[pay.rate]
description = "A rate"
unit = "pounds"
valid_until = 2026-03-31
[[pay.rate.values]]
effective_from = 2025-04-01
value = 12.21
source = "govuk_nmw_rates"
verified = false

[pay]
note = "not a parameter"
"""


def _eager() -> dict[str, params.Parameter]:
    """Every bundled file parsed whole, as the library parsed them before."""
    merged: dict[str, params.Parameter] = {}
    for text, file in params._bundled_files():
        for name, parameter in parse_parameters(text, file).items():
            assert name not in merged, f"{name} is defined twice"
            merged[name] = parameter
    return merged


def test_every_bundled_parameter_read_on_demand_equals_the_eagerly_parsed_one() -> None:
    eager = _eager()
    fresh = _ParsedOnDemand(
        item for text, file in params._bundled_files() for item in params._unparsed(text, file)
    )
    assert list(fresh) == list(eager)
    assert len(fresh) == len(eager) > 100
    for name, parameter in eager.items():
        read = fresh[name]
        assert read == parameter
        assert repr(read) == repr(parameter)
        assert read.file == parameter.file
        # What equality leaves out: the maintainers' notes.
        assert [v.note for v in read.values] == [v.note for v in parameter.values]
    # And the cached set the engines use holds the same names and parameters.
    bundled = bundled_parameters()
    assert list(bundled) == list(eager)
    assert all(bundled[name] == parameter for name, parameter in eager.items())


def test_reading_a_parameter_parses_that_one_only_and_once() -> None:
    on_demand = _ParsedOnDemand(params._unparsed(_GOOD, "pay.toml"))
    assert on_demand.parsed == 0
    assert "pay.rate" in on_demand
    assert "pay.other" not in on_demand
    assert on_demand.parsed == 0
    first = on_demand["pay.rate"]
    assert on_demand.parsed == 1
    assert on_demand["pay.rate"] is first
    with pytest.raises(KeyError):
        on_demand["pay.other"]


def test_a_set_made_from_another_shares_its_parameters_without_parsing_them() -> None:
    on_demand = _ParsedOnDemand(params._unparsed(_GOOD, "pay.toml"))
    base = ParameterSet(on_demand)
    derived = ParameterSet(base)
    assert on_demand.parsed == 0
    assert derived.number("pay.rate", dt.date(2025, 6, 1)) == base.number(
        "pay.rate", dt.date(2025, 6, 1)
    )
    assert on_demand.parsed == 1


def test_a_set_made_from_a_plain_mapping_copies_it() -> None:
    parsed = parse_parameters(_GOOD, "pay.toml")
    chosen = ParameterSet(parsed)
    parsed.clear()
    assert list(chosen) == ["pay.rate"]


def test_a_problem_in_a_parameter_is_the_eager_parsers_problem_when_it_is_read() -> None:
    text = _GOOD.replace('unit = "GBP"', 'unit = "pounds"')
    with pytest.raises(ParameterFileError) as eager:
        parse_parameters(text, "pay.toml")
    on_demand = _ParsedOnDemand(params._unparsed(text, "pay.toml"))
    assert list(on_demand) == ["pay.rate"]  # the file's shape is fine
    with pytest.raises(ParameterFileError) as lazy:
        on_demand["pay.rate"]
    assert str(lazy.value) == str(eager.value)
    assert "pay.rate.unit" in str(eager.value)


def test_a_file_parsed_whole_reports_its_first_problem_first() -> None:
    # parse_parameters parses as it walks: the bad unit comes before the entry that is not
    # a table, as it did when the walk built each parameter itself.
    with pytest.raises(ParameterFileError, match=r"pay\.rate\.unit"):
        parse_parameters(_TWO_PROBLEMS, "pay.toml")


def test_a_name_in_two_bundled_files_is_refused() -> None:
    one = list(params._unparsed(_GOOD, "one.toml"))
    two = list(params._unparsed(_GOOD, "two.toml"))
    with pytest.raises(ParameterFileError, match=r"also defined in one\.toml"):
        params._merge_distinct([one, two])
