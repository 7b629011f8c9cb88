"""Hypothesis strategies for the payments models: rate cards, durations, payments, plans.

>>> from hypothesis import given
>>> @given(payment_plans())
... def check(plan):
...     assert plan.cost_summary().total == plan.total()
>>> check()
"""

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.core.sources import Citation, Source
from participatory.payments.costing import Duration
from participatory.payments.expenses import ExpenseKind
from participatory.payments.methods import PaymentMethod, PaymentPreference
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.rates import (
    ActivityKind,
    Rate,
    RateCard,
    RateRules,
    RateUnit,
    RoundingMode,
)
from participatory.testing.strategies import amounts, dates

__all__ = [
    "CONTRIBUTORS",
    "hour_durations",
    "payment_plans",
    "payment_preferences",
    "payments",
    "rate_cards",
    "rate_rules",
]

#: A few contributor ids, so generated plans have several payments per person.
CONTRIBUTORS = ("amira", "ben", "chloe", "dev")

_FIRST = dt.date(2024, 1, 1)
#: What a generated card's figures cite: an institution's own document, not the catalogue's.
_GENERATED = Citation(
    Source(
        key="generated_card",
        title="Generated rate card",
        short_title="generated",
        primary=True,
        read_on=None,
        publisher="hypothesis",
    )
)


def hour_durations(max_hours: int = 40) -> st.SearchStrategy[Duration]:
    """Durations in hours, to the minute's worth of two decimal places."""
    return amounts(0, max_hours, places=2).map(Duration.hours)


def rate_rules() -> st.SearchStrategy[RateRules]:
    """Any consistent set of card rules (rounding, minimums, unit lengths)."""
    minutes = st.none() | st.sampled_from([15, 30, 60, 180])
    return st.builds(
        RateRules,
        preparation_paid=st.none() | st.booleans(),
        rounding_minutes=minutes,
        rounding_mode=st.sampled_from(list(RoundingMode)),
        minimum_minutes=st.none() | st.sampled_from([30, 60, 180]),
        minimum_payment=st.none() | amounts(1, 100).map(Money.gbp),
        session_minutes=st.none() | st.sampled_from([120, 180]),
        half_day_minutes=st.none() | st.just(210),
        day_minutes=st.none() | st.just(420),
    )


@st.composite
def rate_cards(draw: st.DrawFn) -> RateCard:
    """A card with an hourly rate for every activity from 2024-01-01, covering 2024-2030."""
    rules = draw(rate_rules())
    rates = tuple(
        Rate(
            activity=kind,
            unit=RateUnit.HOUR,
            amount=Money.gbp(draw(amounts(Decimal("0.01"), 200))),
            effective_from=_FIRST,
            source=_GENERATED,
            verified=draw(st.booleans()),
            checked_on=_FIRST,
        )
        for kind in ActivityKind
    )
    return RateCard(
        id="generated",
        title="Generated card",
        publisher="hypothesis",
        currency="GBP",
        valid_until=dt.date(2030, 12, 31),
        source=_GENERATED,
        rates=rates,
        rules=rules,
        checked_on=_FIRST,
    )


#: Notes of the kind a payments officer writes (each about a named contributor).
_NOTES = (
    "paid in cash: no bank account",
    "taxi because of a mobility impairment",
    "late: contributor asked to wait until their benefit review",
)


@st.composite
def payments(draw: st.DrawFn, identifier: str = "p") -> Payment:
    """One payment of any kind, paid or not."""
    kind = draw(st.sampled_from(list(PaymentKind)))
    due = draw(dates())
    activity_on = draw(st.none() | dates(due - dt.timedelta(days=60), due))
    paid = None
    if kind is not PaymentKind.DECLINED:
        paid = draw(st.none() | dates(due - dt.timedelta(days=20), due + dt.timedelta(days=40)))
    return Payment(
        identifier,
        draw(st.sampled_from(CONTRIBUTORS)),
        kind,
        Money.gbp(draw(amounts(0, 2000))),
        due_on=due,
        activity_on=activity_on,
        paid_on=paid,
        expense=draw(st.sampled_from(list(ExpenseKind))) if kind.is_expense else None,
        # Free text about the payment, sensitive like any note about a named person.
        note=draw(st.none() | st.sampled_from(_NOTES)),
    )


@st.composite
def payment_plans(draw: st.DrawFn, max_payments: int = 30) -> PaymentPlan:
    """A plan of up to ``max_payments`` payments to a few contributors."""
    count = draw(st.integers(0, max_payments))
    return PaymentPlan("Generated project", tuple(draw(payments(f"p{i}")) for i in range(count)))


def payment_preferences() -> st.SearchStrategy[PaymentPreference]:
    """A contributor's ordered choice of one to three methods."""
    return st.builds(
        PaymentPreference,
        contributor=st.sampled_from(CONTRIBUTORS),
        preferred=st.lists(
            st.sampled_from(list(PaymentMethod)), min_size=1, max_size=3, unique=True
        ).map(tuple),
        reason=st.none() | st.text(max_size=20),
    )
