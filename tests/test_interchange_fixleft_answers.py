"""Answers are written by :func:`to_plain` and refused by :func:`from_plain`, naming the kind.

An outside tester found that ``from_plain`` could not read back a
:class:`~participatory.core.explain.Finding`, a :class:`~participatory.benefits.Headroom` or
a :class:`~participatory.benefits.SafePayment` that ``to_plain`` wrote, and failed on the
key ``withheld`` (``findings[0]: has unknown key(s): withheld``), which said nothing of why.
An answer cannot be read back as the same answer: a finding's values are written as text
(``"3.00 GBP"``, ``"2026-05-12"``), so a finding with money among its values would come back
holding text, and a withheld finding keeps nothing at all. So every answer (a finding, or a
result that carries findings) is refused whatever the data, with a
:class:`~participatory.interchange.PlainDataError` that names the kind and no value; the
inputs are still read, and round trip (``tests/test_interchange_properties.py``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import Benefit, Headroom, Household, SafePayment
from participatory.core.errors import ValidationError
from participatory.core.explain import ExplainedResult, Finding
from participatory.interchange import PlainDataError, dumps, from_plain, loads, to_plain
from participatory.testing import strategies as ts

#: The packages whose public answers are looked for.
_PACKAGES = (
    "participatory.assessment",
    "participatory.benefits",
    "participatory.budget",
    "participatory.core",
    "participatory.ethics",
    "participatory.evaluation",
    "participatory.ledger",
    "participatory.payments",
    "participatory.power",
    "participatory.readiness",
    "participatory.roles",
    "participatory.safeguarding",
    "participatory.tax",
    "participatory.timeline",
)


def _public_answers() -> dict[str, type]:
    found: dict[str, type] = {}
    for name in _PACKAGES:
        module = importlib.import_module(name)
        for public in getattr(module, "__all__", ()):
            value = getattr(module, public)
            if isinstance(value, type) and issubclass(value, Finding | ExplainedResult):
                found[value.__name__] = value
    return found


ANSWERS = _public_answers()

#: JSON values of any shape, deep enough to look like an answer.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)

#: A day's headroom, its findings drawn with money, dates and numbers among their values.
HEADROOMS = st.builds(
    Headroom,
    day=ts.dates(),
    by_benefit=st.dictionaries(st.sampled_from(Benefit), st.none() | ts.money(), max_size=3),
    findings=st.lists(ts.findings(), max_size=3).map(tuple),
)
SAFE_PAYMENTS = st.builds(
    SafePayment,
    amount=st.none() | ts.money(),
    day=ts.dates(),
    binding=st.none() | st.sampled_from(Benefit),
    findings=st.lists(ts.findings(), max_size=3).map(tuple),
)
WRITTEN: dict[str, st.SearchStrategy[Any]] = {
    "Finding": ts.findings(),
    "Headroom": HEADROOMS,
    "SafePayment": SAFE_PAYMENTS,
}


def _refused(kind: Any, data: Any) -> PlainDataError:
    with pytest.raises(PlainDataError) as caught:
        from_plain(kind, data)
    return caught.value


def test_the_answers_the_tester_named_are_among_those_refused() -> None:
    assert {"Finding", "Headroom", "SafePayment", "ContributorStatement", "PersonHeadroom"} <= (
        set(ANSWERS)
    )
    assert not {"Household", "Receipt", "Ledger", "PaymentEntry"} & set(ANSWERS)


@pytest.mark.parametrize("name", sorted(WRITTEN))
@given(data=st.data())
@settings(max_examples=40)
def test_an_answer_to_plain_writes_is_refused_naming_its_kind(
    name: str, data: st.DataObject
) -> None:
    """Written with everything (include_sensitive) or by default, through JSON or not."""
    answer = data.draw(WRITTEN[name], label=name)
    whole = data.draw(st.booleans(), label="include_sensitive")
    plain = to_plain(answer, include_sensitive=whole)
    for error in (
        _refused(type(answer), plain),
        _refused(type(answer), json.loads(json.dumps(plain))),
    ):
        assert isinstance(error, ValidationError)
        assert str(error).startswith(f"{name} is an answer the library works out")
        assert error.problems == ((error.path, error.problem),)
    with pytest.raises(PlainDataError, match=f"^{name} is an answer"):
        loads(type(answer), dumps(answer, include_sensitive=whole))


@pytest.mark.parametrize("name", sorted(ANSWERS))
@given(data=JSON)
@settings(max_examples=15)
def test_every_public_answer_is_refused_whatever_the_data(name: str, data: Any) -> None:
    error = _refused(ANSWERS[name], data)
    assert str(error) == (
        f"{name} is an answer the library works out, not input: it is not read from plain "
        "data (keep the inputs and ask again)"
    )


@given(text=st.text(min_size=6, alphabet="xyzXYZ0123456789"))
def test_the_refusal_never_repeats_the_data(text: str) -> None:
    error = _refused(Finding, {"rule_id": text, "message_key": text, "values": {"v": text}})
    assert text not in str(error)
    assert text not in repr(error.args)


@pytest.mark.parametrize(
    "kind",
    [tuple[Finding, ...], list[Headroom], Headroom | None, dict[str, tuple[SafePayment, ...]]],
    ids=["tuple", "list", "optional", "nested"],
)
def test_a_collection_of_answers_is_refused_too(kind: Any) -> None:
    assert _refused(kind, []).problem.endswith("(keep the inputs and ask again)")


def test_an_input_holding_nothing_of_an_answer_is_still_read() -> None:
    """The refusal is about the kind asked for: a household is read as before."""
    home = from_plain(Household, {"people": [{"id": "me", "capability": "lcw"}]})
    assert from_plain(Household, to_plain(home, include_sensitive=True)) == home
    assert from_plain(tuple[dt.date, ...], ["2026-05-12"]) == (dt.date(2026, 5, 12),)
