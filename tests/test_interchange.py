"""Plain data that cannot be read: a :class:`PlainDataError` naming every problem by path.

Never a ``TypeError``, ``KeyError`` or traceback, and never the value at fault (it may be
special-category data): the sentinel below is put where each problem is, and must not come
back in the message.
"""

from __future__ import annotations

import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Household, Receipt
from participatory.core.errors import ValidationError
from participatory.ethics.activity import Activity
from participatory.interchange import PlainDataError, from_plain, loads, to_plain
from participatory.payments.plans import PaymentPlan
from participatory.testing import benefits as tb

SENTINEL = "SENTINEL-7f3a"


@pytest.mark.parametrize(
    ("kind", "data", "path", "problem"),
    [
        # A bad key, anywhere: the key is named (a name, not a value), the value never.
        (Household, {"people": [{"id": "me", "colour": SENTINEL}]}, "people[0]",
         "has unknown key(s): colour"),
        # A wrong type at the top, in a list, in a nested record.
        (Household, SENTINEL, "", "must be a table"),
        (Household, {"people": [SENTINEL]}, "people[0]", "must be a table"),
        (Household, {"universal_credit": SENTINEL}, "universal_credit", "must be a table"),
        (Household, {"people": SENTINEL}, "people", "must be a list"),
        # A nested claim's own field, and a rule of the model.
        (Household, {"people": [{"id": "me", "esa": {"weekly_award": SENTINEL}}]},
         "people[0].esa.weekly_award", "must be money"),
        (Household, {"people": [{"id": "me", "capability": SENTINEL}]},
         "people[0].capability", "must be one of"),
        (Household, {"people": [{"id": "me"}, {"id": "me"}]}, "people[1].id", "repeats"),
        (Household, {"universal_credit": {"first_date_of_entitlement": SENTINEL}},
         "universal_credit.first_date_of_entitlement", "must be a date"),
        # Missing fields, floats for money, lists given as one text.
        (Receipt, {"amount": "90.00 GBP"}, "received_on", "is missing"),
        (Receipt, {"amount": 90.5, "received_on": "2026-05-12"}, "amount", "must be money"),
        (Activity, {"id": "a", "parties": [{"label": "x", "capacity": "public_contributor",
                                            "tasks": SENTINEL}]},
         "parties[0].tasks", "must be a list"),
        (PaymentPlan, {"project": "p", "payments": [{"id": "p1"}]},
         "payments[0].contributor", "is missing"),
    ],
)  # fmt: skip
def test_each_problem_is_named_by_its_path(kind: Any, data: Any, path: str, problem: str) -> None:
    with pytest.raises(PlainDataError) as caught:
        from_plain(kind, data)
    error = caught.value
    assert isinstance(error, ValidationError)
    assert any(p == path and problem in text for p, text in error.problems), error.problems
    assert SENTINEL not in str(error)
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_every_problem_is_listed_not_only_the_first() -> None:
    data = {"people": [{"id": "me", "weekly_hours": "many"}], "nation": "atlantis", "x": 1}
    with pytest.raises(PlainDataError) as caught:
        from_plain(Household, data)
    paths = {path for path, _ in caught.value.problems}
    assert {"people[0].weekly_hours", "nation", ""} <= paths
    assert str(caught.value).startswith(f"{len(caught.value.problems)} problems: ")


def test_text_that_is_not_json_is_one_problem() -> None:
    with pytest.raises(PlainDataError, match=r"is not valid JSON \(.*line 1 column"):
        loads(Household, '{"people": [')


def test_json_is_read_within_the_limits_the_command_line_uses() -> None:
    with pytest.raises(PlainDataError, match="twice"):
        loads(Receipt, '{"amount": "1.00 GBP", "amount": "2.00 GBP", "received_on": "2026-05-12"}')
    with pytest.raises(PlainDataError):
        loads(Receipt, '{"amount": "1.00 GBP", "received_on": "2026-05-12", "hours": NaN}')
    with pytest.raises(PlainDataError, match="UTF-8"):
        loads(Receipt, b"\xff")


def test_json_numbers_are_exact_and_floats_never_money() -> None:
    receipt = loads(Receipt, '{"amount": "90.00 GBP", "received_on": "2026-05-12", "hours": 2.5}')
    assert str(receipt.hours) == "2.5"
    with pytest.raises(PlainDataError, match="amount: must be money"):
        loads(Receipt, '{"amount": 90.00, "received_on": "2026-05-12"}')


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    deep: Any = "x"
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(PlainDataError):
        from_plain(Household, {"people": deep})


def test_the_error_pickles_with_its_problems() -> None:
    error = PlainDataError([("a", "is missing"), ("b", "must be text")])
    again = pickle.loads(pickle.dumps(error))
    assert (again.problems, str(again)) == (error.problems, str(error))


def test_sensitive_fields_are_left_out_unless_asked_for() -> None:
    home = from_plain(Household, {"people": [{"id": "me", "weekly_earnings": "12.34 GBP"}]})
    assert "12.34" not in json.dumps(to_plain(home))
    assert "12.34" in json.dumps(to_plain(home, include_sensitive=True))
    with pytest.raises(ValidationError, match="include_sensitive"):
        to_plain(home, include_sensitive="yes")  # type: ignore[arg-type]


@given(tb.households(), st.sampled_from(["people", "children", "nation", "capital"]))
def test_a_wrong_type_anywhere_in_a_household_is_a_named_problem(
    household: Household, key: str
) -> None:
    data = to_plain(household, include_sensitive=True)
    data[key] = {SENTINEL: SENTINEL} if key != "capital" else [SENTINEL]
    with pytest.raises(PlainDataError) as caught:
        from_plain(Household, data)
    assert all(path.startswith(key) for path, _ in caught.value.problems)
    assert SENTINEL not in str(caught.value)


def test_a_card_given_as_data_keeps_the_verified_rule() -> None:
    """verified = true needs a primary source, as in a card's TOML: the NIHR card's current
    rates were read only in a news report (thecareruk, secondary), so a copy of that card
    claiming one of them verified is refused, naming the rate."""
    import attrs

    from participatory.interchange import dumps
    from participatory.payments.rates import RateCard, bundled_rate_card

    card = attrs.evolve(bundled_rate_card("skills_for_care"), id="ours")  # written as data
    data = json.loads(dumps(card, include_sensitive=True))
    assert from_plain(RateCard, data) == card
    secondary = [i for i, rate in enumerate(card.rates) if not rate.source.source.primary]
    assert secondary, "Skills for Care's £15 was read only in a secondary guide"
    data["rates"][secondary[0]]["verified"] = True
    with pytest.raises(PlainDataError) as caught:
        from_plain(RateCard, data)
    assert [path for path, _ in caught.value.problems] == [f"rates[{secondary[0]}].verified"]
