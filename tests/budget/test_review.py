""":mod:`participatory.budget.review`: unit tests."""

from participatory.assessment.alignment import assess_alignment
from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    SeedFundApplication,
    SeedFundRules,
    Timing,
    assess_budget,
    assess_seed_fund_application,
)
from participatory.core.money import Money
from participatory.power import DecisionRecord, Holding, assess_power
from participatory.render.text import sentence

UNI = Holder.university()


def test_an_empty_budget_has_zero_shares_and_says_so():
    review = assess_budget(Budget(()))
    assert review.distribution.community_held_share == 0
    assert review.distribution.hhi == 0
    assert review.has("BUD-EMPTY")
    power = assess_power(DecisionRecord.of(budget_and_spending=Holding.JOINTLY))
    assert assess_alignment(power, review).findings == ()


def test_every_budget_finding_renders_in_english():
    partner = Holder.partner("McPin")
    budgets = [
        Budget(()),
        Budget((BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(10), holder=UNI),),
               partner_organisations=["McPin"]),
        Budget((BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(10), holder=partner),)),
        Budget((BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(10), holder=UNI,
                           timing=Timing.BEFORE_APPLICATION),)),
    ]  # fmt: skip
    powers = [
        assess_power(DecisionRecord.of(budget_and_spending=h))
        for h in (Holding.JOINTLY, Holding.UNIVERSITY_ALONE)
    ]
    seen = set()
    for budget in budgets:
        review = assess_budget(budget)
        findings = list(review.findings)
        for power in powers:
            findings.extend(assess_alignment(power, review).findings)
        for rules_cap in (Money.gbp(5), Money.gbp(100)):
            findings.extend(
                assess_seed_fund_application(
                    SeedFundApplication("a", budget), SeedFundRules("F", award_cap=rules_cap)
                )
            )
        for finding in findings:
            assert "{" not in sentence(finding, locale="en_GB")
            seen.add(finding.message_key)
    assert {
        "budget.distribution",
        "budget.nothing_devolved",
        "budget.no_relationship_building",
        "budget.fees_without_expenses",
        "budget.partner_time_unfunded",
        "budget.empty",
        "budget.align.shared_but_held",
        "budget.align.held_but_kept",
        "budget.align.aligned",
        "budget.seed.not_early",
        "budget.seed.no_pay_for_time",
        "budget.seed.over_cap",
        "budget.seed.eligible",
        "budget.seed.refused",
        "budget.seed.empty",
    } <= seen


def test_a_line_description_never_leaks():
    from participatory.core.serialise import unstructure

    secret = "SENTINEL-taxi-because-of-wheelchair-4471"
    line = BudgetLine("taxis", LineKind.EXPENSES_AND_TRAVEL, Money.gbp(30), holder=UNI,
                      description=secret)  # fmt: skip
    budget = Budget((line,))
    assert secret not in repr(line)
    assert secret not in str(line)
    assert secret not in repr(budget)
    assert secret not in str(unstructure(budget))
    assert secret not in str(unstructure(assess_budget(budget)))
    assert line.description == secret
