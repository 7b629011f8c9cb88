""":mod:`participatory.budget.seed_fund`: scenarios.

Money scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The report gives no amounts for the KCL festival or for UCL's Listen and Learn pots; the
amounts below are illustrations, except the Whitworth freelance rates it quotes (£90 a
session, £180 a day, sec. 5.1). The seed-fund cap is a test institution's figure, not UCL's.
"""

import datetime as dt

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
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.core.params import load_parameters

UNI = Holder.university("King's College London")


INSTITUTION = """
[meta]
valid_until = 2027-07-31

[sources.test_seed_fund_terms]
title = "Test institution seed fund terms (illustrative, not UCL's figure)"
publisher = "A test institution"
primary = true

[seed_fund.award_cap]
description = "Largest single award from the institution's seed fund (test figure)"
unit = "GBP"

[[seed_fund.award_cap.values]]
effective_from = 2026-08-01
value = 500.00
source = "test_seed_fund_terms"
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
    decision = assess_seed_fund_application(SeedFundApplication("listen-1", conversations()), rules)
    assert decision.eligible
    assert decision.award == Money.gbp(400)
    (outcome,) = decision.by_rule("SEED-DECISION")
    assert outcome.parameters[0].name == "seed_fund.award_cap"
    assert outcome.parameters[0].effective_from == dt.date(2026, 8, 1)


def test_seed_fund_refusals_give_every_reason(rules):
    """Adding £300 of project-stage fees makes £700: over the £500 cap and not all early.
    A pot for tea and a venue only pays nobody's time."""
    late = BudgetLine("project", LineKind.CONTRIBUTOR_FEES, Money.gbp(300), holder=UNI)
    refused = assess_seed_fund_application(
        SeedFundApplication("listen-2", conversations(late)), rules
    )
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
    unpaid = assess_seed_fund_application(SeedFundApplication("listen-3", tea_only), rules)
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
    assert assess_seed_fund_application(
        SeedFundApplication("own-pocket", ask), rules
    ).award == Money.gbp(150)
