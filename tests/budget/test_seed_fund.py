""":mod:`participatory.budget.seed_fund`: unit tests."""

import pytest

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    SeedFundApplication,
    SeedFundRules,
    Timing,
    assess_seed_fund_application,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

UNI = Holder.university()


def test_seed_fund_cap_must_be_positive_money():
    with pytest.raises(ValidationError, match="award_cap"):
        SeedFundRules("Listen and Learn", award_cap=Money.gbp(0))


def test_seed_fund_cap_in_another_currency_refuses_rather_than_converts():
    rules = SeedFundRules("Fund", award_cap=Money("500", "EUR"))
    ask = Budget(
        (BudgetLine("f", LineKind.CONTRIBUTOR_FEES, Money.gbp(10), holder=UNI,
                    timing=Timing.BEFORE_APPLICATION),)
    )  # fmt: skip
    assert assess_seed_fund_application(SeedFundApplication("a", ask), rules).has("SEED-OVER-CAP")
