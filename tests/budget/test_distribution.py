""":mod:`participatory.budget.distribution`: unit tests."""

import pytest

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    distribute,
    split_fund,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

UNI = Holder.university()


def test_split_fund_checks_its_inputs():
    with pytest.raises(ValidationError, match="partners: must name"):
        split_fund(Money.gbp(10), [])
    with pytest.raises(ValidationError, match="names a partner twice"):
        split_fund(Money.gbp(10), ["A", "A"])
    with pytest.raises(ValidationError, match="one weight per partner"):
        split_fund(Money.gbp(10), ["A", "B"], [1])


def test_devolved_share_reads_holder_not_approver():
    held = BudgetLine("x", LineKind.VENUE, Money.gbp(100), holder=Holder.partner("P"),
                      approver=UNI)  # fmt: skip
    figures = distribute(Budget((held,)))
    assert figures.community_held_share == 1
    assert figures.community_controlled_share == 0
