""":mod:`participatory.budget.distribution`: scenarios.

Money scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The report gives no amounts for the KCL festival or for UCL's Listen and Learn pots; the
amounts below are illustrations, except the Whitworth freelance rates it quotes (£90 a
session, £180 a day, sec. 5.1). The seed-fund cap is a test institution's figure, not UCL's.
"""

from decimal import Decimal

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    distribute,
    split_fund,
)
from participatory.core.money import Money

UNI = Holder.university("King's College London")


PARTNERS = ["McPin", "Partner B", "Partner C"]


def kcl_budget():
    """Festival money £9,000 split equally between three partners (£3,000 each), held and
    approved by them; the university keeps contributor fees of 8 days at the Whitworth's
    £180 a day = £1,440, and £560 for evaluation. Total £11,000."""
    festival = split_fund(Money.gbp("9000.00"), PARTNERS)
    lines = [
        BudgetLine(
            f"festival-{name}", LineKind.COMMUNITY_ACTIVITIES, amount, holder=Holder.partner(name)
        )
        for name, amount in festival
    ]
    lines += [
        BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(180) * 8, holder=UNI),
        BudgetLine("travel", LineKind.EXPENSES_AND_TRAVEL, Money.gbp(0), holder=UNI),
        BudgetLine("evaluation", LineKind.EVALUATION, Money.gbp(560), holder=UNI),
    ]
    return Budget(tuple(lines))  # fmt: skip


def test_kcl_festival_money_handed_to_partners():
    """Community share 9,000 / 11,000 = 0.818181818181… (rounded down to 12 places);
    university 2,000 / 11,000 = 1 - 0.818181818181 = 0.181818181819 (the rounding lands on
    the university's side); fees reach members: 1,440 / 11,000 = 0.130909090909…;
    HHI = (2,000² + 3 × 3,000²) / 11,000² = 31 / 121 = 0.256198347107…, as if shared
    equally by 121 / 31 = 3.90 holders. Partners both hold and approve the festival money,
    so the controlled share equals the held share."""
    figures = distribute(kcl_budget())
    assert figures.total == Money.gbp(11000)
    assert figures.community_held_share == Decimal("0.818181818181")
    assert figures.university_share == Decimal("0.181818181819")
    assert figures.community_controlled_share == figures.community_held_share
    assert figures.reaching_members_share == Decimal("0.130909090909")
    assert figures.hhi == Decimal("0.256198347107")
    assert figures.effective_holders == Decimal("3.903225806451")
    assert figures.held_by(Holder.partner("McPin")) == Money.gbp(3000)
