"""Money scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The report gives no amounts for the KCL festival or for UCL's Listen and Learn pots; the
amounts below are illustrations, except the Whitworth freelance rates it quotes (£90 a
session, £180 a day, sec. 5.1). The seed-fund cap is a test institution's figure, not UCL's.
"""

import datetime as dt
from decimal import Decimal

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
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.core.params import load_parameters
from participatory.power import Decision, DecisionRecord, Holding, review_power

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


def test_kcl_money_and_decision_devolved_together():
    """The budget decision for the festival money was delegated and the money is held by
    partners: money follows power. If the centre had shared the decision but kept the money,
    the partners' question "why does the money sit with you?" would apply."""
    power = review_power(DecisionRecord.of(budget_and_spending=Holding.DELEGATED_TO_PARTNERS))
    aligned = money_follows_power(power, review_budget(kcl_budget()))
    assert [f.rule_id for f in aligned.findings] == ["POWMON-ALIGNED"]

    kept = Budget(tuple(line for line in kcl_budget().lines if line.holder == UNI))
    shared_but_kept = money_follows_power(power, review_budget(kept))
    assert [f.rule_id for f in shared_but_kept.findings] == ["POWMON-DECISIONS-SHARED-MONEY-HELD"]

    university_decides = review_power(DecisionRecord.of(budget_and_spending="after_consulting"))
    in_name_only = money_follows_power(university_decides, review_budget(kcl_budget()))
    assert [f.rule_id for f in in_name_only.findings] == ["POWMON-MONEY-HELD-DECISIONS-KEPT"]


def test_a_university_only_budget_with_fees_but_no_travel():
    """Fees of £1,440 with the travel line at zero: no money reaches partners, nothing is
    spent on relationships before the application, and - unlike Heart n Soul, whose taxis
    were "a surprisingly large part of the budget" (sec. 5.3) - no expenses are budgeted.
    McPin is named as a partner with no staff-time line."""
    budget = Budget(
        tuple(line for line in kcl_budget().lines if line.holder == UNI),
        partner_organisations=["McPin"],
    )
    review = review_budget(budget)
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
    review = review_budget(budget)
    assert review.distribution.reaching_members_share == Decimal("0.6")
    assert review.distribution.community_held_share == Decimal("0.8")
    assert not review.has("BUD-PARTNER-TIME-UNFUNDED")
    assert not review.has("BUD-FEES-WITHOUT-EXPENSES")
    assert review.has("BUD-NO-RELATIONSHIP-BUILDING")  # a zero line is not funding


INSTITUTION = """
[meta]
valid_until = 2027-07-31

[seed_fund.award_cap]
description = "Largest single award from the institution's seed fund (test figure)"
unit = "GBP"

[[seed_fund.award_cap.values]]
effective_from = 2026-08-01
value = 500.00
source = "Test institution seed fund terms (illustrative, not UCL's figure)"
verified = false
"""


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "institution.toml"
    path.write_text(INSTITUTION, encoding="utf-8")
    params = load_parameters(path)
    return SeedFundRules.from_parameters("Listen and Learn", params, dt.date(2026, 9, 1))


def conversations(*extra):
    """Four community members paid £90 for one session each (the Whitworth's session rate):
    £360, plus £40 refreshments: £400, all before any application."""
    return Budget((
        BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(90) * 4, holder=UNI,
                   timing=Timing.BEFORE_APPLICATION),
        BudgetLine("tea", LineKind.REFRESHMENTS, Money.gbp(40), holder=UNI,
                   timing=Timing.BEFORE_APPLICATION),
        *extra,
    ))  # fmt: skip


def test_ucl_listen_and_learn_small_pot_for_early_conversations(rules):
    """£400 asked, cap £500: early, pays people's time, under the cap -> award £400. The
    cap is cited from the institution's file with its effective date."""
    decision = decide(SeedFundApplication("listen-1", conversations()), rules)
    assert decision.eligible
    assert decision.award == Money.gbp(400)
    (outcome,) = decision.by_rule("SEED-DECISION")
    assert outcome.parameters[0].name == "seed_fund.award_cap"
    assert outcome.parameters[0].effective_from == dt.date(2026, 8, 1)


def test_seed_fund_refusals_give_every_reason(rules):
    """Adding £300 of project-stage fees makes £700: over the £500 cap and not all early.
    A pot for tea and a venue only pays nobody's time."""
    late = BudgetLine("project", LineKind.CONTRIBUTOR_FEES, Money.gbp(300), holder=UNI)
    refused = decide(SeedFundApplication("listen-2", conversations(late)), rules)
    assert not refused.eligible
    assert refused.award == Money.gbp(0)
    assert {f.rule_id for f in refused.findings} == {
        "SEED-DECISION",
        "SEED-NOT-EARLY",
        "SEED-OVER-CAP",
    }
    tea_only = Budget((
        BudgetLine("tea", LineKind.REFRESHMENTS, Money.gbp(40), holder=UNI,
                   timing=Timing.BEFORE_APPLICATION),
    ))  # fmt: skip
    unpaid = decide(SeedFundApplication("listen-3", tea_only), rules)
    assert unpaid.has("SEED-NO-PAY-FOR-TIME")


def test_seed_fund_cap_outside_the_institutions_dates_is_an_error(tmp_path):
    path = tmp_path / "institution.toml"
    path.write_text(INSTITUTION, encoding="utf-8")
    params = load_parameters(path)
    with pytest.raises(ParametersNotAvailable):
        SeedFundRules.from_parameters("Listen and Learn", params, dt.date(2026, 7, 31))
    assert SeedFundRules.from_parameters(
        "Listen and Learn", params, dt.date(2026, 8, 1)
    ).award_cap == Money.gbp(500)


def test_the_contributor_paid_out_of_the_researchers_own_pocket():
    """An interviewee paid a public contributor to help with a grant application "with their
    own money" (sec. 2.3). With a seed fund (cap £250, given directly) a £150 fee before the
    application is fundable."""
    rules = SeedFundRules("Listen and Learn", award_cap=Money.gbp(250))
    ask = Budget((
        BudgetLine("co-applicant", LineKind.CONTRIBUTOR_FEES, Money.gbp(150), holder=UNI,
                   timing=Timing.BEFORE_APPLICATION),
    ))  # fmt: skip
    assert decide(SeedFundApplication("own-pocket", ask), rules).award == Money.gbp(150)


def test_budget_decision_unrecorded_counts_as_university_alone():
    review = review_power(DecisionRecord())
    assert review.record.holding(Decision.BUDGET_AND_SPENDING) is Holding.UNIVERSITY_ALONE
