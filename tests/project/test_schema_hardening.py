""":mod:`participatory.project.schema`: hardening: the schema and the loader read one grammar.

Issue 17: ``"1,50 GBP"`` was read as £150.00 and ``cost --hours 1,5`` as 15 hours; the
loader accepted ``1e3 GBP``, non-ASCII digits and ``_1_ GBP``, which the JSON Schema
refused. The cause: the loader stripped commas and underscores and handed the rest to
``Decimal``, while the schema had its own patterns. Now both use the grammar of
:mod:`participatory.core.money` (``NUMBER_GRAMMAR``, ``MONEY_GRAMMAR``).

The general test generates strings from the characters that matter (digits of several
scripts, separators, signs, exponents, spaces, letters, line breaks) and checks that the
JSON Schema (validated by ``jsonschema``) and the loader accept exactly the same ones, for
money written as text, money as ``{amount, currency}`` and plain numbers (hours).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import jsonschema
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.core.money import MONEY_PATTERN, NUMBER_PATTERN, Money, to_decimal
from participatory.project import parse_project, project_schema
from participatory.project.convert import project_converter

_SCHEMA = project_schema()
_MONEY = _SCHEMA["$defs"]["Payment"]["properties"]["amount"]
_NUMBER = _SCHEMA["$defs"]["Session"]["properties"]["amount"]


def _schema_accepts(schema: dict[str, object], value: object) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(value)


def _loader_reads_money(value: object) -> bool:
    try:
        project_converter().structure(value, Money)
    except ValidationError as error:
        # Only the grammar counts here: a well-formed amount may still be refused by the
        # model (a currency that is not ISO 4217, 10^15 or more), which the schema leaves
        # to the loader.
        return "not an ISO 4217" in error.problem or "too large" in error.problem
    return True


def _loader_reads_number(value: str) -> bool:
    try:
        to_decimal(value, "hours")
    except ValidationError as error:
        return "too large" in error.problem
    return True


# -- regressions ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["1,50 GBP", "1e3 GBP", "١٢ GBP", "_1_ GBP", "1_000 GBP"])
def test_money_the_schema_refuses_the_loader_refuses(text: str) -> None:
    """Issue 17: each was read (1,50 as £150.00); the schema refused each."""
    assert not _schema_accepts(_MONEY, text)
    assert not _loader_reads_money(text)


def test_money_with_thousands_separators_is_read_by_both() -> None:
    assert _schema_accepts(_MONEY, "1,250.50 GBP")
    assert project_converter().structure("1,250.50 GBP", Money) == Money.gbp("1250.50")


@pytest.mark.parametrize("hours", ["1,5", "1e999999", "١٥", " 2", "2."])
def test_cost_hours_in_another_grammar_is_refused(
    hours: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17: ``--hours 1,5`` cost 15 hours; ``1e999999`` ended in decimal.Overflow."""
    status = main(
        [
            "cost",
            "--card",
            "nihr",
            "--activity",
            "meeting",
            "--hours",
            hours,
            "--as-at",
            "2026-01-15",
        ]
    )
    _out, err = capsys.readouterr()
    assert status == 2
    assert err.startswith("participatory cost: --hours: is not a number")


# -- general ----------------------------------------------------------------------------

_CHARACTERS = st.sampled_from(
    list("0123456789") * 4
    + list(",._- +eE") * 2
    + ["١", "٢", "೩", "٣", "\n", "\t", "\u00a0", "G", "B", "P", "E", "U", "R", "X", "g"]
)


def _amounts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(_CHARACTERS, max_size=14),
        st.decimals(
            allow_nan=False, allow_infinity=False, places=2, max_value=10**9, min_value=-(10**9)
        ).map(lambda d: f"{d:,}"),
        st.integers(0, 10**7).map(lambda n: f"{n:_}"),
    )


def _money_texts() -> st.SearchStrategy[str]:
    currency = st.sampled_from(["GBP", "EUR", "gbp", "GB", "GBPX", "XXX", ""])
    separator = st.sampled_from([" ", "", "  ", "\t", "\u00a0", " \n"])
    return st.one_of(
        st.tuples(_amounts(), separator, currency).map("".join),
        st.tuples(_amounts(), st.just(" GBP"), st.sampled_from(["", "\n", " "])).map("".join),
    )


@settings(max_examples=400, deadline=None)
@given(_money_texts())
@example("1,50 GBP")
@example("90.00 GBP\n")
@example("-0 GBP")
def test_the_schema_and_the_loader_accept_the_same_money_texts(
    tried: Counter[str], text: str
) -> None:
    tried["money texts: schema against loader"] += 1
    assert _schema_accepts(_MONEY, text) == _loader_reads_money(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(_amounts(), st.sampled_from(["GBP", "EUR", "gbp", "GBP\n", "GB"]))
def test_the_schema_and_the_loader_accept_the_same_money_objects(
    tried: Counter[str], amount: str, currency: str
) -> None:
    tried["money objects: schema against loader"] += 1
    value = {"amount": amount, "currency": currency}
    assert _schema_accepts(_MONEY, value) == _loader_reads_money(value), repr(value)


@settings(max_examples=400, deadline=None)
@given(_amounts())
@example("1,5")
@example("2.5\n")
def test_the_schema_and_the_loader_accept_the_same_numbers(tried: Counter[str], text: str) -> None:
    tried["numbers: schema against loader"] += 1
    assert _schema_accepts(_NUMBER, text) == _loader_reads_number(text), repr(text)


def test_the_schema_uses_the_loaders_patterns() -> None:
    assert {"type": "string", "pattern": MONEY_PATTERN} in _MONEY["anyOf"]
    assert {"type": "string", "pattern": NUMBER_PATTERN} in _NUMBER["anyOf"]


def test_what_both_accept_reads_as_written() -> None:
    project = parse_project(
        'id = "p"\ntitle = "t"\n[[people]]\nid = "a"\nname = "A"\nkind = "co_researcher"\n'
        '[[payments]]\nid = "p1"\ncontributor = "a"\nkind = "fee"\namount = "1,234.56 GBP"\n'
        "due_on = 2026-05-01\n"
    )
    assert project.payments[0].amount.amount == Decimal("1234.56")
