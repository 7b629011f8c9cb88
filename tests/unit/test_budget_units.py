import pytest

from participatory.budget import (
    Budget,
    BudgetLine,
    Holder,
    LineKind,
    SeedFundApplication,
    SeedFundRules,
    Timing,
    decide,
    distribute,
    money_follows_power,
    review_budget,
    split_fund,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.power import DecisionRecord, Holding, review_power
from participatory.render.text import sentence

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


def test_an_empty_budget_has_zero_shares_and_says_so():
    review = review_budget(Budget(()))
    assert review.distribution.community_held_share == 0
    assert review.distribution.hhi == 0
    assert review.has("BUD-EMPTY")
    power = review_power(DecisionRecord.of(budget_and_spending=Holding.JOINTLY))
    assert money_follows_power(power, review).findings == ()


def test_split_fund_checks_its_inputs():
    with pytest.raises(ValidationError, match="partners: must name"):
        split_fund(Money.gbp(10), [])
    with pytest.raises(ValidationError, match="names a partner twice"):
        split_fund(Money.gbp(10), ["A", "A"])
    with pytest.raises(ValidationError, match="one weight per partner"):
        split_fund(Money.gbp(10), ["A", "B"], [1])


def test_seed_fund_cap_must_be_positive_money():
    with pytest.raises(ValidationError, match="award_cap"):
        SeedFundRules("Listen and Learn", award_cap=Money.gbp(0))


def test_seed_fund_cap_in_another_currency_refuses_rather_than_converts():
    rules = SeedFundRules("Fund", award_cap=Money("500", "EUR"))
    ask = Budget(
        (BudgetLine("f", LineKind.CONTRIBUTOR_FEES, Money.gbp(10), holder=UNI,
                    timing=Timing.BEFORE_APPLICATION),)
    )  # fmt: skip
    assert decide(SeedFundApplication("a", ask), rules).has("SEED-OVER-CAP")


def test_devolved_share_reads_holder_not_approver():
    held = BudgetLine("x", LineKind.VENUE, Money.gbp(100), holder=Holder.partner("P"),
                      approver=UNI)  # fmt: skip
    figures = distribute(Budget((held,)))
    assert figures.community_held_share == 1
    assert figures.community_controlled_share == 0


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
        review_power(DecisionRecord.of(budget_and_spending=h))
        for h in (Holding.JOINTLY, Holding.UNIVERSITY_ALONE)
    ]
    seen = set()
    for budget in budgets:
        review = review_budget(budget)
        findings = list(review.findings)
        for power in powers:
            findings.extend(money_follows_power(power, review).findings)
        for rules_cap in (Money.gbp(5), Money.gbp(100)):
            findings.extend(
                decide(SeedFundApplication("a", budget), SeedFundRules("F", award_cap=rules_cap))
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
    assert secret not in str(unstructure(review_budget(budget)))
    assert line.description == secret
