""":mod:`participatory.budget.lines`: unit tests."""

import pytest

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

UNI = Holder.university()


def test_negative_or_fractional_amounts_are_refused():
    with pytest.raises(ValidationError, match="amount: must not be negative"):
        BudgetLine("x", LineKind.VENUE, Money.gbp(-1), holder=UNI)
    with pytest.raises(ValidationError, match="whole number of pennies"):
        BudgetLine("x", LineKind.VENUE, Money.gbp("1.005"), holder=UNI)


def test_duplicate_ids_and_mixed_currencies_are_refused():
    line = BudgetLine("x", LineKind.VENUE, Money.gbp(1), holder=UNI)
    with pytest.raises(ValidationError, match=r"lines\[1\].id: 'x' is used twice"):
        Budget((line, line))
    euros = BudgetLine("y", LineKind.VENUE, Money("1", "EUR"), holder=UNI)
    with pytest.raises(ValidationError, match="different currency"):
        Budget((line, euros))
    with pytest.raises(ValidationError, match="currency: differs"):
        Budget((euros,))
    assert Budget((euros,), currency="EUR").total == Money("1", "EUR")


def test_holder_names_must_not_be_empty_and_approver_defaults_to_holder():
    with pytest.raises(ValidationError, match="name: must be non-empty"):
        Holder.partner("  ")
    line = BudgetLine("x", LineKind.VENUE, Money.gbp(1), holder=Holder.partner("McPin"))
    assert line.approver == line.holder
    assert line.controlled_by_community
