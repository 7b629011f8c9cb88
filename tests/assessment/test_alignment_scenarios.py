""":mod:`participatory.assessment.alignment`: scenarios.

Money scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The report gives no amounts for the KCL festival or for UCL's Listen and Learn pots; the
amounts below are illustrations, except the Whitworth freelance rates it quotes (£90 a
session, £180 a day, sec. 5.1). The seed-fund cap is a test institution's figure, not UCL's.
"""

from participatory.assessment.alignment import assess_alignment
from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    assess_budget,
    split_fund,
)
from participatory.core.money import Money
from participatory.power import DecisionRecord, Holding, assess_power

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


def test_kcl_money_and_decision_devolved_together():
    """The budget decision for the festival money was delegated and the money is held by
    partners: money follows power. If the centre had shared the decision but kept the money,
    the partners' question "why does the money sit with you?" would apply."""
    power = assess_power(DecisionRecord.of(budget_and_spending=Holding.DELEGATED_TO_PARTNERS))
    aligned = assess_alignment(power, assess_budget(kcl_budget()))
    assert [f.rule_id for f in aligned.findings] == ["POWMON-ALIGNED"]

    kept = Budget(tuple(line for line in kcl_budget().lines if line.holder == UNI))
    shared_but_kept = assess_alignment(power, assess_budget(kept))
    assert [f.rule_id for f in shared_but_kept.findings] == ["POWMON-DECISIONS-SHARED-MONEY-HELD"]

    university_decides = assess_power(DecisionRecord.of(budget_and_spending="after_consulting"))
    in_name_only = assess_alignment(university_decides, assess_budget(kcl_budget()))
    assert [f.rule_id for f in in_name_only.findings] == ["POWMON-MONEY-HELD-DECISIONS-KEPT"]
