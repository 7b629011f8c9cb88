""":mod:`participatory.budget.review`: scenarios.

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
    Timing,
    assess_budget,
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


def test_a_university_only_budget_with_fees_but_no_travel():
    """Fees of £1,440 with the travel line at zero: no money reaches partners, nothing is
    spent on relationships before the application, and - unlike Heart n Soul, whose taxis
    were "a surprisingly large part of the budget" (sec. 5.3) - no expenses are budgeted.
    McPin is named as a partner with no staff-time line."""
    budget = Budget(
        tuple(line for line in kcl_budget().lines if line.holder == UNI),
        partner_organisations=["McPin"],
    )
    review = assess_budget(budget)
    assert {f.rule_id for f in review.findings} == {
        "BUD-DISTRIBUTION",
        "BUD-NOTHING-DEVOLVED",
        "BUD-NO-RELATIONSHIP-BUILDING",
        "BUD-FEES-WITHOUT-EXPENSES",
        "BUD-PARTNER-TIME-UNFUNDED",
    }
    (fees,) = review.by_rule("BUD-FEES-WITHOUT-EXPENSES")
    assert fees.values["fees"] == Money.gbp(1440)


def test_heart_n_soul_taxis_count_as_reaching_members():
    """Taxis £2,400 (illustrative), fees £3,600, venue £2,000 all held by the partner, plus
    partner staff time £2,000 paid by the university to Heart n Soul: members receive
    (2,400 + 3,600) / 10,000 = 0.6; partners hold 8,000 / 10,000 = 0.8."""
    hns = Holder.partner("Heart n Soul")
    budget = Budget((
        BudgetLine("taxis", LineKind.EXPENSES_AND_TRAVEL, Money.gbp(2400), holder=hns),
        BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(3600), holder=hns),
        BudgetLine("hub", LineKind.VENUE, Money.gbp(2000), holder=hns),
        BudgetLine("staff", LineKind.PARTNER_STAFF_TIME, Money.gbp(2000), holder=UNI,
                   pays="Heart n Soul"),
        BudgetLine("early", LineKind.RELATIONSHIP_BUILDING, Money.gbp(0), holder=hns,
                   timing=Timing.BEFORE_APPLICATION),
    ))  # fmt: skip
    review = assess_budget(budget)
    assert review.distribution.reaching_members_share == Decimal("0.6")
    assert review.distribution.community_held_share == Decimal("0.8")
    assert not review.has("BUD-PARTNER-TIME-UNFUNDED")
    assert not review.has("BUD-FEES-WITHOUT-EXPENSES")
    assert review.has("BUD-NO-RELATIONSHIP-BUILDING")  # a zero line is not funding
