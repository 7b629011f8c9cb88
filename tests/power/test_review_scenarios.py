""":mod:`participatory.power.review`: scenarios.

Money scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The report gives no amounts for the KCL festival or for UCL's Listen and Learn pots; the
amounts below are illustrations, except the Whitworth freelance rates it quotes (£90 a
session, £180 a day, sec. 5.1). The seed-fund cap is a test institution's figure, not UCL's.

Scenarios from the Bath benchmarking report (Jopson 2022), worked by hand.

The placement rule (participatory.power.ladders): core decisions (research questions,
budget and spending, analysis and interpretation) count three times, the other six once,
15 votes in all; the overall holding is the 8th of the 15 sorted votes (the lower median);
the least-shared core decision caps the level, and "partners share most decisions but the
university keeps a core one" is Arnstein's Placation / IAP2 Involve.
"""

from participatory.core.explain import Severity
from participatory.power import (
    Decision,
    DecisionRecord,
    Holding,
    InvolvementEvidence,
    assess_power,
)
from participatory.render.text import sentence


def test_budget_decision_unrecorded_counts_as_university_alone():
    review = assess_power(DecisionRecord())
    assert review.record.holding(Decision.BUDGET_AND_SPENDING) is Holding.UNIVERSITY_ALONE


EVERY = tuple(Decision)


def test_co_production_in_name_while_the_university_decides_everything_is_tokenism():
    """A project calls itself co-production (NIHR: sharing power and responsibility from the
    start to the end) but the university decides everything and only tells partners how the
    results will be disseminated.

    By hand: votes = 9 x university alone (core) + 5 x university alone + 1 x after
    informing; the 8th of 15 sorted votes is "university alone", and so is the weakest core
    decision, so the project sits at the floor of non-participation (rung 1), below IAP2.
    The label claims at least Partnership (rung 6): every decision is held below rung 6
    (alone = 1, informing = 3), so all nine contradict it. "Be honest and call it what it
    is" (Imperial, sec. 5.2).
    """
    record = DecisionRecord.of(
        **{d.value: Holding.UNIVERSITY_ALONE for d in EVERY},
    ).with_holding(Decision.DISSEMINATION, Holding.AFTER_INFORMING)
    review = assess_power(record, label="co-production")
    assert review.placement.rung.number == 1
    assert review.placement.rung.grouping == "Non-participation"
    assert review.placement.iap2 is None
    assert review.tokenism
    (tokenism,) = review.by_rule("POW-TOKENISM")
    assert tokenism.values["claimed_name"] == "Partnership"
    assert set(tokenism.values["decision_ids"]) == {d.value for d in EVERY}
    assert "co-production" in sentence(tokenism, locale="en_GB")
    # Sharing of power is not met: no core decision is held jointly.
    (sharing,) = review.by_rule("POW-NIHR-SHARING-OF-POWER")
    assert sharing.values["outcome"] == "not met"


def test_partners_shaping_everything_but_the_budget_is_placation():
    """Partners decide everything jointly except the budget, on which the university only
    consults them. Votes: 3 x after consulting + 12 x jointly; 8th of 15 = jointly, but the
    weakest core decision is "after consulting" - Arnstein's Placation (rung 5, tokenism):
    advice is invited, the powerholders keep the right to decide; IAP2 Involve, whose
    promise is to reflect partners' concerns in the options and report back.
    """
    record = DecisionRecord.of(**{d.value: Holding.JOINTLY for d in EVERY}).with_holding(
        Decision.BUDGET_AND_SPENDING, Holding.AFTER_CONSULTING
    )
    review = assess_power(record, label="co_production")
    assert review.placement.rung.number == 5
    assert review.placement.rung.grouping == "Tokenism"
    assert review.placement.iap2.name == "Involve"
    assert "report back" in review.placement.promise
    assert review.placement.setting_decisions == (Decision.BUDGET_AND_SPENDING,)
    (tokenism,) = review.by_rule("POW-TOKENISM")
    assert tokenism.values["decision_ids"] == ("budget_and_spending",)


def test_honest_consultation_is_not_tokenism():
    """A project that consults on everything and calls itself consultation keeps its word:
    rung 4 (Consultation) meets the label's claim of rung 4."""
    record = DecisionRecord.of(**{d.value: Holding.AFTER_CONSULTING for d in EVERY})
    review = assess_power(record, label="consultation")
    assert review.placement.rung.name == "Consultation"
    assert review.placement.iap2.name == "Consult"
    assert not review.tokenism
    assert review.has("POW-LABEL-CONSISTENT")


def test_heart_n_soul_style_partnership_meets_the_principles_it_has_evidence_for():
    """Heart n Soul work with people with learning disabilities "as equal partners", brought
    in from the beginning (sec. 5.3); they paid people and checked in each morning. With core
    decisions joint and evidence for paying, ground rules and several voices, the principles
    with full evidence are met; reciprocity lacks evidence on sharing findings -> not known."""
    record = DecisionRecord.of(**{d.value: Holding.JOINTLY for d in EVERY})
    evidence = InvolvementEvidence(
        several_public_voices=True,
        seldom_heard_groups_approached=True,
        ground_rules_agreed=True,
        contributors_paid_for_time=True,
        learning_offered=True,
        relationships_built_before_application=True,
        power_reflected_on_regularly=True,
    )
    review = assess_power(record, label="co_production", evidence=evidence)
    outcomes = {
        f.rule_id: f.values["outcome"] for f in review.findings if f.rule_id.startswith("POW-NIHR")
    }
    assert outcomes == {
        "POW-NIHR-SHARING-OF-POWER": "met",
        "POW-NIHR-INCLUDING-ALL-PERSPECTIVES-AND-SKILLS": "met",
        "POW-NIHR-RESPECTING-AND-VALUING-KNOWLEDGE": "met",
        "POW-NIHR-RECIPROCITY": "not known",
        "POW-NIHR-BUILDING-AND-MAINTAINING-RELATIONSHIPS": "met",
    }
    (governance,) = review.by_rule("POW-UKS-6")
    assert governance.values["outcome"] == "not known"  # decisions shared; seats unknown
    assert governance.severity is Severity.QUESTION
