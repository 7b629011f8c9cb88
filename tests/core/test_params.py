import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParameterFileError, ParametersNotAvailable, UnknownParameter
from participatory.core.params import bundled_parameters, load_parameters, parse_parameters

ONE_DAY = dt.timedelta(days=1)

LIMIT = """
[meta]
valid_until = 2026-04-05

[carers.limit]
description = "Weekly earnings limit"
unit = "GBP"
period = "week"

[[carers.limit.values]]
effective_from = 2024-04-08
value = 151.00
source = "SI 2024/386"
verified = true

[[carers.limit.values]]
effective_from = 2025-04-07
value = 196.00
source = "SI 2025/352"
verified = true
"""


@pytest.fixture
def limit():
    from participatory.core.params import ParameterSet

    return ParameterSet(parse_parameters(LIMIT, "limit.toml"))


def test_values_are_decimals_never_floats(limit):
    assert limit.value("carers.limit", dt.date(2024, 5, 1)) == Decimal("151.00")
    assert type(limit.value("carers.limit", dt.date(2024, 5, 1))) is Decimal


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 4, 8), "151.00"),
        (dt.date(2025, 4, 6), "151.00"),
        (dt.date(2025, 4, 7), "196.00"),
        (dt.date(2026, 4, 5), "196.00"),
    ],
)
def test_boundaries(limit, day, expected):
    assert limit.number("carers.limit", day) == Decimal(expected)


def test_before_first_value_and_after_valid_until_are_errors_naming_the_range(limit):
    with pytest.raises(ParametersNotAvailable, match=r"2024-04-08 to 2026-04-05"):
        limit.use("carers.limit", dt.date(2024, 4, 7))
    with pytest.raises(ParametersNotAvailable) as caught:
        limit.use("carers.limit", dt.date(2026, 4, 6))
    assert caught.value.covered_until == dt.date(2026, 4, 5)


def test_stale_fallback_is_explicit_and_reported(limit):
    use = limit.use("carers.limit", dt.date(2026, 5, 1), allow_stale=True)
    assert use.value == Decimal("196.00")
    assert use.stale
    assert not limit.use("carers.limit", dt.date(2026, 4, 5)).stale


def test_use_records_the_source(limit):
    use = limit.use("carers.limit", dt.date(2025, 5, 1))
    assert (use.effective_from, use.source, use.verified) == (
        dt.date(2025, 4, 7),
        "SI 2025/352",
        True,
    )
    assert use.citation().title == "SI 2025/352"


def test_unknown_name_suggests_the_nearest(limit):
    with pytest.raises(UnknownParameter, match=r"did you mean 'carers\.limit'"):
        limit.use("carers.limt", dt.date(2025, 5, 1))


def test_money_lookup(limit):
    assert str(limit.money("carers.limit", dt.date(2025, 5, 1))) == "196.00 GBP"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "[x]\nvalues = [{effective_from = 2024-01-01, value = 1, source = 's',"
            " verified = true}]",
            "x.unit",
        ),
        (
            "[meta]\nvalid_until = 2025-01-01\n[x]\ndescription = 'd'\nunit = 'GBP'\n"
            "values = [{effective_from = 2024-01-01, value = 'one', source = 's',"
            " verified = true}]",
            "x.values[0].value",
        ),
        (
            "[meta]\nvalid_until = 2025-01-01\n[x]\ndescription = 'd'\nunit = 'GBP'\n"
            "values = [{effective_from = 2024-01-01, value = 1, source = 's'}]",
            "x.values[0].verified",
        ),
        (
            "[x]\ndescription = 'd'\nunit = 'GBP'\n"
            "values = [{effective_from = 2024-01-01, value = 1, source = 's', verified = true}]",
            "x.valid_until",
        ),
        (
            "[meta]\nvalid_until = 2025-01-01\n[x]\ndescription = 'd'\nunit = 'GBP'\n"
            "values = [{effective_from = 2024-02-01, value = 1, source = 's', verified = true},"
            "{effective_from = 2024-01-01, value = 2, source = 's', verified = true}]",
            "x.values",
        ),
        (
            "[meta]\nvalid_until = 2025-01-01\n[x]\ndescription = 'd'\nunit = 'GBP'\nfoo = 1\n"
            "values = [{effective_from = 2024-01-01, value = 1, source = 's', verified = true}]",
            "x",
        ),
        (
            "[meta]\nvalid_until = 2025-01-01\n[x]\ndescription = 'd'\nunit = 'count'\n"
            "values = [{effective_from = 2024-01-01, value = true, source = 's',"
            " verified = true}]",
            "x.values[0].value",
        ),
        ("not toml = = 1", ""),
    ],
)
def test_bad_files_name_the_file_and_key(text, where):
    with pytest.raises(ParameterFileError) as caught:
        parse_parameters(text, "inst.toml")
    assert caught.value.file == "inst.toml"
    assert caught.value.key == where


def test_institution_file_layers_over_bundled_without_copying(tmp_path, limit):
    overlay = tmp_path / "ours.toml"
    overlay.write_text(
        "[meta]\nvalid_until = 2027-04-05\n[carers.limit]\ndescription = 'ours'\nunit = 'GBP'\n"
        "values = [{effective_from = 2026-04-06, value = 204.00, source = 'our check',"
        " verified = false}]\n"
        "[ours.extra]\ndescription = 'e'\nunit = 'count'\n"
        "values = [{effective_from = 2020-01-01, value = 3, source = 'policy', verified = true}]\n",
        encoding="utf-8",
    )
    merged = load_parameters(overlay, base=limit)
    assert merged.number("carers.limit", dt.date(2024, 5, 1)) == Decimal("151.00")  # kept
    assert merged.number("carers.limit", dt.date(2026, 6, 1)) == Decimal("204.00")  # added
    assert merged.value("ours.extra", dt.date(2026, 6, 1)) == 3
    assert limit.number("carers.limit", dt.date(2025, 5, 1)) == Decimal("196.00")  # base untouched


def test_overlay_with_a_different_unit_is_refused(limit):
    other = parse_parameters(
        "[meta]\nvalid_until = 2027-01-01\n[carers.limit]\ndescription = 'd'\nunit = 'ratio'\n"
        "values = [{effective_from = 2024-01-01, value = 0.5, source = 's', verified = true}]",
        "ours.toml",
    )
    with pytest.raises(ParameterFileError, match="unit"):
        limit.layered(other)


def test_what_if_copy_is_unverified_and_leaves_the_original(limit):
    scenario = limit.with_value(
        "carers.limit", Decimal("250"), effective_from=dt.date(2025, 4, 7), source="What if £250"
    )
    use = scenario.use("carers.limit", dt.date(2025, 5, 1))
    assert (use.value, use.verified) == (Decimal("250"), False)
    assert limit.number("carers.limit", dt.date(2025, 5, 1)) == Decimal("196.00")


def test_missing_file_is_a_parameter_file_error(tmp_path):
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_parameters(tmp_path / "absent.toml")


def test_every_bundled_parameter_switches_exactly_on_its_effective_dates():
    """Day before, on and after every effective_from of every bundled value."""
    params = bundled_parameters()
    assert len(params) > 0
    for parameter in params.values():
        first = parameter.values[0].effective_from
        with pytest.raises(ParametersNotAvailable):
            params.use(parameter.name, first - ONE_DAY)
        for before, current in zip(parameter.values, parameter.values[1:], strict=False):
            day = current.effective_from
            assert params.value(parameter.name, day - ONE_DAY) == before.value
            assert params.value(parameter.name, day) == current.value
            assert params.value(parameter.name, day + ONE_DAY) == current.value
        assert params.value(parameter.name, parameter.valid_until) == parameter.values[-1].value
        with pytest.raises(ParametersNotAvailable):
            params.use(parameter.name, parameter.valid_until + ONE_DAY)


def test_every_bundled_value_has_a_source_and_an_honest_flag():
    for parameter in bundled_parameters().values():
        for value in parameter.values:
            assert value.source.strip()
            assert isinstance(value.verified, bool)
            if value.verified:
                assert value.url or "SI " in value.source or "Regulations" in value.source, (
                    f"{parameter.name} {value.effective_from}: verified values need a URL or "
                    "legislation reference"
                )
