"""Who holds the money: budget lines, distribution figures, seed funds, fund splitting.

Record a project's involvement budget line by line (amount, who holds the money, who
approves spending, and whether it is spent before any application), work out where the
money sits and what reaches community members, split a fund between partners to the
penny, and decide applications to a small seed fund.

>>> from participatory.budget import Budget, BudgetLine, Holder, LineKind, review_budget
>>> from participatory.core.money import Money
>>> review = review_budget(Budget((
...     BudgetLine("festival", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(5000),
...                holder=Holder.partner("McPin")),
... )))
>>> review.distribution.community_controlled_share
Decimal('1')
"""

from participatory.budget.alignment import money_follows_power
from participatory.budget.distribution import (
    SHARE_PLACES,
    Distribution,
    HolderTotal,
    distribute,
    share,
    split_fund,
)
from participatory.budget.lines import Budget, BudgetLine, Holder, HolderKind, LineKind, Timing
from participatory.budget.review import BudgetReview, percent, review_budget
from participatory.budget.seed_fund import (
    SeedFundApplication,
    SeedFundDecision,
    SeedFundRules,
    decide,
)

__all__ = [
    "SHARE_PLACES",
    "Budget",
    "BudgetLine",
    "BudgetReview",
    "Distribution",
    "Holder",
    "HolderKind",
    "HolderTotal",
    "LineKind",
    "SeedFundApplication",
    "SeedFundDecision",
    "SeedFundRules",
    "Timing",
    "decide",
    "distribute",
    "money_follows_power",
    "percent",
    "review_budget",
    "share",
    "split_fund",
]
