"""Who holds the money: budget lines, distribution figures, seed funds, fund splitting.

Record a project's involvement budget line by line (amount, who holds the money, who
approves spending, and whether it is spent before any application), work out where the
money sits and what reaches community members, split a fund between partners to the
penny, and decide applications to a small seed fund.

>>> from participatory.budget import Budget, BudgetLine, Holder, LineKind, assess_budget
>>> from participatory.core.money import Money
>>> review = assess_budget(Budget((
...     BudgetLine("festival", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(5000),
...                holder=Holder.partner("McPin")),
... )))
>>> review.distribution.community_controlled_share
Decimal('1')
"""

from typing import TYPE_CHECKING

from participatory.budget.distribution import (
    SHARE_PLACES,
    Distribution,
    HolderTotal,
    distribute,
    share,
    split_fund,
)
from participatory.budget.lines import Budget, BudgetLine, Holder, HolderKind, LineKind, Timing
from participatory.budget.review import (
    BudgetReview,
    ShownShares,
    assess_budget,
    percent,
    shown_shares,
)
from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
    from participatory.budget.seed_fund import (
        SeedFundApplication,
        SeedFundDecision,
        SeedFundRules,
        assess_seed_fund_application,
    )

# A seed fund's applications are decided on their own: a project's report (which imports
# this package for its budget) loads their module only when one is used.
__getattr__ = lazy_attribute(
    __name__,
    dict.fromkeys(
        [
            "SeedFundApplication",
            "SeedFundDecision",
            "SeedFundRules",
            "assess_seed_fund_application",
        ],
        "participatory.budget.seed_fund",
    ),
    globals(),
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
    "ShownShares",
    "Timing",
    "assess_budget",
    "assess_seed_fund_application",
    "distribute",
    "percent",
    "share",
    "shown_shares",
    "split_fund",
]
