""":mod:`participatory.core.params`: dated parameters that cite the sources catalogue.

The fixture is the Carer's Allowance earnings limit as the Social Security Benefits
Up-rating Regulations 2025 (reg. 4) give it: £151 a week from 8 April 2024, £196 from
7 April 2025 (the catalogue entry ``up_rating_regs_2025``, a primary source).
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParameterFileError, ParametersNotAvailable, UnknownParameter
from participatory.core.params import (
    REVIEW_INTERVAL,
    ParameterSet,
    bundled_parameters,
    load_parameters,
    parse_parameters,
)

ONE_DAY = dt.timedelta(days=1)
PRIMARY = "up_rating_regs_2025#reg_4"
SECONDARY = "carersuk_ca_earnings_2023#earnings_limit_2023"

LIMIT = f"""
[meta]
valid_until = 2026-04-05

[carers.limit]
description = "Weekly earnings limit"
unit = "GBP"
period = "week"
reference = "ica_regs_1976#reg_8_1"

[[carers.limit.values]]
effective_from = 2024-04-08
value = 151.00
source = "{PRIMARY}"
verified = true

[[carers.limit.values]]
effective_from = 2025-04-07
value = 196.00
source = "{PRIMARY}"
verified = true
"""


def _one(body: str, meta: str = "valid_until = 2025-01-01") -> str:
    return f"[meta]\n{meta}\n[x]\ndescription = 'd'\nunit = 'GBP'\n{body}"


@pytest.fixture
def limit() -> ParameterSet:
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


def test_use_records_the_catalogue_source_and_the_law_it_applies(limit):
    use = limit.use("carers.limit", dt.date(2025, 5, 1))
    assert (use.effective_from, use.source.key, use.verified) == (
        dt.date(2025, 4, 7),
        "up_rating_regs_2025",
        True,
    )
    assert use.source.verified
    assert use.source.source.primary
    assert use.reference is not None
    assert use.reference.key == "ica_regs_1976"
    assert use.citations() == (use.source, use.reference)


def test_unknown_name_suggests_the_nearest(limit):
    with pytest.raises(UnknownParameter, match=r"did you mean 'carers\.limit'"):
        limit.use("carers.limt", dt.date(2025, 5, 1))


def test_money_lookup(limit):
    assert str(limit.money("carers.limit", dt.date(2025, 5, 1))) == "196.00 GBP"


def test_a_figure_read_only_in_a_secondary_source_cannot_be_marked_verified():
    text = _one(f"values = [{{effective_from = 2024-01-01, value = 1, source = '{SECONDARY}'"
                ", verified = true}]")  # fmt: skip
    with pytest.raises(ParameterFileError, match="not a primary source") as caught:
        parse_parameters(text, "inst.toml")
    assert caught.value.key == "x.values[0].verified"
    unverified = text.replace("verified = true", "verified = false")
    assert not parse_parameters(unverified, "inst.toml")["x"].values[0].verified


def test_a_figure_in_force_until_superseded_has_no_end_and_a_day_it_was_checked():
    text = _one(
        f"values = [{{effective_from = 2024-01-01, value = 1, source = '{PRIMARY}',"
        " verified = true, checked_on = 2026-11-25}]",
        meta="superseded = true",
    )
    params = ParameterSet(parse_parameters(text, "inst.toml"))
    assert params["x"].valid_until is None
    # Any later day is answered, never stale: the figure stands until something replaces it.
    use = params.use("x", dt.date(2030, 1, 1))
    assert (use.value, use.stale, use.checked_on) == (1, False, dt.date(2026, 11, 25))


def test_a_superseded_figure_is_due_for_review_once_its_check_is_older_than_the_interval():
    """The bundled review interval is 365 days: checked on 25 November 2026, the figure is
    due on 26 November 2027 (366 days on) and not on 25 November 2027 (365 days)."""
    interval = bundled_parameters()[REVIEW_INTERVAL]
    text = _one(
        f"values = [{{effective_from = 2024-01-01, value = 1, source = '{PRIMARY}',"
        " verified = true, checked_on = 2026-11-25}]",
        meta="superseded = true",
    )
    params = ParameterSet({**parse_parameters(text, "inst.toml"), REVIEW_INTERVAL: interval})
    assert interval.values[-1].value == 365
    assert not params.use("x", dt.date(2027, 11, 25)).review_due
    assert params.use("x", dt.date(2027, 11, 26)).review_due


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "[x]\nvalues = [{effective_from = 2024-01-01, value = 1, source = '"
            + PRIMARY
            + "', verified = true}]",
            "x.unit",
        ),
        (
            _one(
                f"values = [{{effective_from = 2024-01-01, value = 'one', source = '{PRIMARY}',"
                " verified = true}]"
            ),
            "x.values[0].value",
        ),
        (
            _one(f"values = [{{effective_from = 2024-01-01, value = 1, source = '{PRIMARY}'}}]"),
            "x.values[0].verified",
        ),
        (
            _one(
                "values = [{effective_from = 2024-01-01, value = 1, source = 'no_such_doc#x',"
                " verified = false}]"
            ),
            "x.values[0].source",
        ),
        (
            "[x]\ndescription = 'd'\nunit = 'GBP'\nvalues = [{effective_from = 2024-01-01, "
            f"value = 1, source = '{PRIMARY}', verified = true}}]",
            "x.valid_until",
        ),
        (
            _one(
                f"valid_until = 2025-01-01\nsuperseded = true\nvalues = [{{effective_from = "
                f"2024-01-01, value = 1, source = '{PRIMARY}', verified = true,"
                " checked_on = 2024-06-01}]",
                meta="",
            ),
            "x",
        ),
        (
            _one(
                f"values = [{{effective_from = 2024-01-01, value = 1, source = '{PRIMARY}',"
                " verified = true}]",
                meta="superseded = true",
            ),
            "x.values[0].checked_on",
        ),
        (
            _one(
                f"values = [{{effective_from = 2024-02-01, value = 1, source = '{PRIMARY}',"
                " verified = true},"
                f"{{effective_from = 2024-01-01, value = 2, source = '{PRIMARY}',"
                " verified = true}]"
            ),
            "x.values",
        ),
        (
            _one(
                f"foo = 1\nvalues = [{{effective_from = 2024-01-01, value = 1, source = "
                f"'{PRIMARY}', verified = true}}]"
            ),
            "x",
        ),
        ("not toml = = 1", ""),
    ],
)
def test_bad_files_name_the_file_and_key(text, where):
    with pytest.raises(ParameterFileError) as caught:
        parse_parameters(text, "inst.toml")
    assert caught.value.file == "inst.toml"
    assert caught.value.key == where


def test_institution_file_layers_over_bundled_with_its_own_documents(tmp_path, limit):
    overlay = tmp_path / "ours.toml"
    overlay.write_text(
        "[meta]\nvalid_until = 2027-04-05\n"
        "[sources.our_policy]\ntitle = 'Payment policy'\nshort_title = 'Our policy'\n"
        "primary = true\nread_on = 2026-11-01\npublisher = 'Our university'\n"
        "[carers.limit]\ndescription = 'ours'\nunit = 'GBP'\n"
        f"values = [{{effective_from = 2026-04-06, value = 204.00, source = '{SECONDARY}',"
        " verified = false}]\n"
        "[ours.extra]\ndescription = 'e'\nunit = 'count'\n"
        "values = [{effective_from = 2020-01-01, value = 3, source = 'our_policy',"
        " verified = true}]\n",
        encoding="utf-8",
    )
    merged = load_parameters(overlay, base=limit)
    assert merged.number("carers.limit", dt.date(2024, 5, 1)) == Decimal("151.00")  # kept
    assert merged.number("carers.limit", dt.date(2026, 6, 1)) == Decimal("204.00")  # added
    extra = merged.use("ours.extra", dt.date(2026, 6, 1))
    assert (extra.value, extra.source.key, extra.verified) == (3, "our_policy", True)
    assert limit.number("carers.limit", dt.date(2025, 5, 1)) == Decimal("196.00")  # untouched


def test_overlay_with_a_different_unit_is_refused(limit):
    other = parse_parameters(
        "[meta]\nvalid_until = 2027-01-01\n[carers.limit]\ndescription = 'd'\nunit = 'ratio'\n"
        f"values = [{{effective_from = 2024-01-01, value = 0.5, source = '{PRIMARY}',"
        " verified = true}]",
        "ours.toml",
    )
    with pytest.raises(ParameterFileError, match="unit"):
        limit.layered(other)


def test_what_if_copy_is_unverified_and_leaves_the_original(limit):
    scenario = limit.with_value(
        "carers.limit", Decimal("250"), effective_from=dt.date(2025, 4, 7), source="What if £250"
    )
    use = scenario.use("carers.limit", dt.date(2025, 5, 1))
    assert (use.value, use.verified, use.source.short) == (Decimal("250"), False, "What if £250")
    assert limit.number("carers.limit", dt.date(2025, 5, 1)) == Decimal("196.00")


def test_missing_file_is_a_parameter_file_error(tmp_path):
    with pytest.raises(ParameterFileError, match="cannot be read"):
        load_parameters(tmp_path / "absent.toml")


def test_every_bundled_parameter_switches_exactly_on_its_effective_dates():
    """Day before, on and after every effective_from of every bundled value; a known end
    stops the figure the day after it, and a figure in force until superseded has none."""
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
        last = parameter.values[-1]
        if parameter.valid_until is None:
            assert parameter.superseded
            assert last.checked_on is not None
            later = max(last.effective_from, last.checked_on) + dt.timedelta(days=400)
            assert params.value(parameter.name, later) == last.value
            continue
        assert params.value(parameter.name, parameter.valid_until) == last.value
        with pytest.raises(ParametersNotAvailable):
            params.use(parameter.name, parameter.valid_until + ONE_DAY)
