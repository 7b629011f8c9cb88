"""Outside attacks on :mod:`participatory.interchange`, the library's plain-data door.

Found by attacking from outside:

- ``from_plain(Project, …)`` and ``loads(Project, …)`` named a person together with their
  benefit in the error ("benefits.sam.pension_credit.weekly_award: is missing" says Sam
  claims Pension Credit), where a project file's reader counts such problems instead.
- Every ``PlainDataError`` kept cattrs' own error in its ``__context__`` (behind
  ``from None``), and that error quotes the values it could not read (``"'…' is not a valid
  Measure"``).
- ``dumps`` of a value with no plain form raised ``TypeError`` from :mod:`json`.

The general test reads a valid plain document of every input kind with one place given a
hostile value: the answer is a value or a :class:`~participatory.interchange.PlainDataError`
with no exception chain, and for the kinds that are special-category data no sentinel
reaches any text the error carries.
"""

from __future__ import annotations

import json
import pickle
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.benefits import Household, Receipt
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.ethics.activity import Activity
from participatory.interchange import PlainDataError, dumps, from_plain, loads, to_plain
from participatory.ledger import Contributor, HouseholdRecord, PaymentEntry
from participatory.payments import Payment, PaymentPlan
from participatory.project import Project
from participatory.safeguarding.models import SafeguardingProfile
from participatory.testing import benefits as benefit_strategies
from participatory.testing import ethics as ethics_strategies
from participatory.testing import ledger as ledger_strategies
from participatory.testing import payments as payment_strategies
from participatory.testing import projects as project_strategies
from participatory.testing import safeguarding as safeguarding_strategies
from participatory.testing.sensitive import SENTINEL, exception_texts

PROJECT = {
    "id": "p",
    "title": "t",
    "people": [{"id": "sam", "name": "Sam", "kind": "public_contributor"}],
    "benefits": {
        "sam": {"people": [{"id": "sam", "capability": "bogus"}], "pension_credit": {}},
    },
}


def test_a_project_error_counts_the_problems_in_its_benefits() -> None:
    with pytest.raises(PlainDataError) as caught:
        from_plain(Project, PROJECT)
    error = caught.value
    assert "sam" not in str(error)
    assert "pension_credit" not in str(error)
    assert str(error) == (
        "benefits: 2 problems in special-category data, withheld (shown with --include-sensitive)"
    )
    # For the person entitled to them, and kept through a pickle.
    assert [path for path, _ in error.sensitive_problems] == [
        "benefits.sam.people[0].capability",
        "benefits.sam.pension_credit.weekly_award",
    ]
    copied = pickle.loads(pickle.dumps(error))
    assert (str(copied), copied.sensitive_problems) == (str(error), error.sensitive_problems)


def test_a_project_read_from_json_counts_the_problems_in_its_benefits() -> None:
    with pytest.raises(PlainDataError) as caught:
        loads(Project, json.dumps(PROJECT))
    assert "sam" not in str(caught.value)
    too_long = json.loads(json.dumps(PROJECT))
    too_long["benefits"]["sam"]["people"][0]["id"] = "x" * 20_001
    with pytest.raises(PlainDataError) as caught:
        loads(Project, json.dumps(too_long))
    # Counted at the top key like any other problem inside the benefits (round 10): where
    # in whose circumstances the long text is would say whose they are.
    assert str(caught.value) == (
        "benefits: 1 problem in special-category data, withheld (shown with --include-sensitive)"
    )
    assert caught.value.sensitive_problems[0][1].startswith("is longer than 20,000 characters")


def test_a_household_error_still_names_the_place() -> None:
    """The household is the caller's own data: its paths are kept for the caller.

    The message counts a problem at a special-category field, as every reading does (round
    11: one rule); the error's ``problems`` and ``describe(include_sensitive=True)`` name it.
    """
    with pytest.raises(PlainDataError) as caught:
        from_plain(Household, {"people": [{"id": "me", "capability": "bogus"}]})
    assert "capability" not in str(caught.value)
    assert [path for path, _ in caught.value.problems] == ["people[0].capability"]
    assert "people[0].capability" in caught.value.describe(include_sensitive=True)


def test_an_error_keeps_no_chain_quoting_the_value() -> None:
    with pytest.raises(PlainDataError) as caught:
        from_plain(SafeguardingProfile, {"groups": [SENTINEL], "intensity": "low"})
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
    assert not any(SENTINEL in text for text in exception_texts(caught.value))


@pytest.mark.parametrize("value", [object(), {"when": 1j}, [b"bytes"]])
def test_dumps_of_a_value_with_no_plain_form_is_the_librarys_error(value: object) -> None:
    with pytest.raises(ValidationError, match="cannot be written as JSON"):
        dumps(value)


# -- the general test ----------------------------------------------------------------------

KINDS: dict[str, tuple[type[Any], st.SearchStrategy[Any]]] = {
    "Household": (Household, benefit_strategies.households()),
    "Receipt": (Receipt, benefit_strategies.receipts()),
    "HouseholdRecord": (HouseholdRecord, ledger_strategies.household_records()),
    "PaymentEntry": (PaymentEntry, ledger_strategies.payment_entries()),
    "Contributor": (Contributor, ledger_strategies.contributors()),
    "Payment": (Payment, payment_strategies.payments()),
    "PaymentPlan": (PaymentPlan, payment_strategies.payment_plans()),
    "Activity": (Activity, ethics_strategies.activities()),
    "SafeguardingProfile": (SafeguardingProfile, safeguarding_strategies.safeguarding_profiles()),
    "Project": (Project, project_strategies.projects()),
}
#: Kinds whose every value is special-category data: no error may quote any of it.
SENSITIVE_KINDS = {"Household", "HouseholdRecord"}
HOSTILE: list[object] = [
    SENTINEL, f"1{SENTINEL}", f"{SENTINEL} GBP", f"1.00 {SENTINEL}", f"lcw{SENTINEL}",
    [SENTINEL], {"amount": SENTINEL, "currency": SENTINEL}, [[[[SENTINEL]]]],
    10**30, -1, 1.5, True, None, "", "\x00", "\u202e", "0001-01-01", "9999-12-31",
]  # fmt: skip


def _places(document: object, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(document, dict):
        for key, value in document.items():
            yield from _places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from _places(value, (*path, index))


def _replaced(document: object, path: tuple[Any, ...], value: object) -> object:
    if not path:
        return value
    copied = json.loads(json.dumps(document))
    target = copied
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copied


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@pytest.mark.parametrize("name", sorted(KINDS))
@given(data=st.data())
def test_every_kind_read_with_a_hostile_value_is_a_value_or_a_clean_error(
    name: str, data: st.DataObject, tried: Counter[str]
) -> None:
    kind, values = KINDS[name]
    document = to_plain(data.draw(values, label="value"), include_sensitive=True)
    places = list(_places(document))
    for _ in range(6):
        tried[f"interchange.from_plain({name}) (hostile values)"] += 1
        place = data.draw(st.sampled_from(places), label="place")
        changed = _replaced(document, place, data.draw(st.sampled_from(HOSTILE), label="hostile"))
        for error in (
            _error_of(from_plain, kind, changed),
            _error_of(loads, kind, json.dumps(changed)),
        ):
            if error is None:
                continue
            assert isinstance(error, PlainDataError), (name, place, type(error).__name__)
            assert error.__context__ is None, (name, place)
            assert error.__cause__ is None, (name, place)
            if name in SENSITIVE_KINDS:
                assert not any(SENTINEL in t for t in exception_texts(error)), (name, place)


def _error_of(read: Callable[..., object], *args: object) -> ParticipatoryError | None:
    """The library's error ``read(*args)`` raises, if any (any other exception fails the test)."""
    try:
        read(*args)
    except ParticipatoryError as error:
        return error
    return None
