"""Plain data and JSON are the same text whatever decimal context the caller has set.

hardening.md promises that a caller's precision, rounding or traps change nothing the
library gives back. Money written with fewer than two decimal places (``Money.gbp(10000)``,
``Money.gbp(Decimal("1E+3"))``) gains its pennies when written, and that step ran in the
caller's context: at a precision of 6, ``10000.00`` has too many digits and
``decimal.InvalidOperation`` escaped from :func:`~participatory.interchange.to_plain`.

Each model is drawn from :mod:`participatory.testing` and then has every amount of money
rewritten in its shortest form (``400.00`` as ``4E+2``): the same amount, which every
model accepts, and the form that needs pennies added when written.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import CarersAllowanceClaim, Household, Person, plan_instalments
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.interchange import dumps, to_plain
from participatory.testing import benefits as tb
from participatory.testing import ledger as tl
from participatory.testing import payments as tp

#: Contexts a program embedding the library might have set for its own reasons.
HOSTILE = {
    "precision-3": decimal.Context(prec=3),
    "precision-6-round-down": decimal.Context(prec=6, rounding=decimal.ROUND_DOWN),
    "traps-inexact-rounded": decimal.Context(
        traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation]
    ),
    "precision-6-every-trap": decimal.Context(
        prec=6,
        rounding=decimal.ROUND_CEILING,
        traps=[decimal.Inexact, decimal.Rounded, decimal.Clamped, decimal.Subnormal],
    ),
}

#: Models holding money, by the strategy that draws them.
MODELS: dict[str, st.SearchStrategy[Any]] = {
    "Household": tb.households(),
    "Person": tb.people(),
    "Receipt": tb.receipts(),
    "Payment": tp.payments(),
    "PaymentPlan": tp.payment_plans(max_payments=4),
    "PaymentEntry": tl.payment_entries(),
    "HouseholdRecord": tl.household_records(),
    "Ledger": tl.ledgers(),
}


def _shortest(value: Any) -> Any:
    """``value`` with each amount of money in its shortest exact form, nested ones included."""
    if isinstance(value, Money):
        return Money(value.amount.normalize(decimal.Context(prec=40)), value.currency)
    if isinstance(value, list | tuple):
        return type(value)(_shortest(item) for item in value)
    if isinstance(value, dict):
        return {key: _shortest(item) for key, item in value.items()}
    if attrs.has(type(value)):
        changes = {
            field.alias: _shortest(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if field.init
        }
        return attrs.evolve(value, **changes)
    return value


def _written(value: Any) -> tuple[Any, ...]:
    return (
        to_plain(value),
        to_plain(value, include_sensitive=True),
        dumps(value, include_sensitive=True),
        unstructure(value, include_sensitive=True),
    )


def _written_in(context: decimal.Context, value: Any) -> tuple[Any, ...]:
    with decimal.localcontext(context) as hostile:
        hostile.clear_flags()
        got = _written(value)
        flags = {flag for flag, raised in hostile.flags.items() if raised}
        settings = (hostile.prec, hostile.rounding, dict(hostile.traps))
    # The caller's context is theirs: not one flag raised, nothing changed.
    assert flags == set()
    assert settings == (context.prec, context.rounding, dict(context.traps))
    return got


@pytest.mark.parametrize("name", sorted(MODELS))
@given(data=st.data())
def test_a_model_is_written_alike_in_any_callers_context(name: str, data: st.DataObject) -> None:
    value = data.draw(MODELS[name].map(_shortest), label=name)
    expected = _written(value)
    for label, context in HOSTILE.items():
        assert _written_in(context, value) == expected, label


@pytest.mark.parametrize("context", list(HOSTILE.values()), ids=list(HOSTILE))
def test_ten_thousand_pounds_is_written_with_its_pennies_in_any_context(
    context: decimal.Context,
) -> None:
    """Worked by hand: £10,000 is written "10000.00 GBP", exactly, at any precision."""
    for amount in (Decimal(10000), Decimal("1E+4"), Decimal("10000.0")):
        person = Person("p", weekly_earnings=Money.gbp(amount))
        assert _written_in(context, person)[1]["weekly_earnings"] == "10000.00 GBP"


def test_an_answer_holding_whole_pounds_is_written_alike_in_a_low_precision() -> None:
    """An instalment plan's findings hold the whole Money('1000') the caller passed."""
    carer = Household(people=[Person("a", carers_allowance=CarersAllowanceClaim())])
    days = [dt.date(2025, 6, 10), dt.date(2025, 7, 10)]
    plan = plan_instalments(carer, Money.gbp(1000), days)
    expected = dumps(plan, include_sensitive=True)
    assert "1000.00 GBP" in expected
    for context in HOSTILE.values():
        assert _written_in(context, plan)[2] == expected
