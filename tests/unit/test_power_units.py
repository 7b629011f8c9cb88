import pytest

from participatory.core.errors import ParameterFileError, ValidationError
from participatory.power import (
    Decision,
    DecisionRecord,
    DecisionRight,
    Holding,
    InvolvementEvidence,
    arnstein_ladder,
    coproduction_principles,
    iap2_spectrum,
    normalise_label,
    review_power,
    uk_standards,
)
from participatory.power.frameworks import rung
from participatory.power.principles import Outcome, _outcome
from participatory.power.scale import parse_power_scale, power_scale
from participatory.render.text import sentence


def test_arnstein_has_eight_rungs_in_three_groupings_from_the_data():
    ladder = arnstein_ladder()
    assert [r.number for r in ladder] == list(range(1, 9))
    assert [r.grouping for r in ladder] == ["Non-participation"] * 2 + ["Tokenism"] * 3 + [
        "Citizen power"
    ] * 3
    assert all(r.url and r.verified for r in ladder)
    with pytest.raises(ValueError, match="rungs 1 to 8"):
        rung(9)


def test_iap2_has_five_levels_each_with_a_promise():
    spectrum = iap2_spectrum()
    assert [level.name for level in spectrum] == [
        "Inform",
        "Consult",
        "Involve",
        "Collaborate",
        "Empower",
    ]
    assert all(level.promise for level in spectrum)
    assert spectrum[0].citation().publisher == "IAP2"


def test_principles_and_standards_come_from_the_data():
    assert [p.key for p in coproduction_principles()] == [
        "sharing_of_power",
        "including_all_perspectives_and_skills",
        "respecting_and_valuing_knowledge",
        "reciprocity",
        "building_and_maintaining_relationships",
    ]
    assert [s.name for s in uk_standards()] == [
        "Inclusive opportunities",
        "Working together",
        "Support and learning",
        "Communications",
        "Impact",
        "Governance",
    ]


def test_every_principle_and_standard_has_criteria():
    criteria = power_scale().criteria
    for entry in coproduction_principles():
        assert ("nihr", entry.key) in criteria
    for entry in uk_standards():
        assert ("uk_standards", entry.key) in criteria


def test_a_decision_recorded_twice_is_an_error():
    with pytest.raises(ValidationError, match=r"rights\[1\]: records 'methods' a second time"):
        DecisionRecord(
            (
                DecisionRight(Decision.METHODS, Holding.JOINTLY),
                DecisionRight("methods", "partner_led"),
            )
        )


def test_unknown_holdings_and_decisions_are_errors():
    with pytest.raises(ValidationError, match="holding: must be one of"):
        DecisionRight(Decision.METHODS, "whenever")
    with pytest.raises(ValidationError, match="decision: must be one of"):
        DecisionRight("lunch", Holding.JOINTLY)
    with pytest.raises(ValidationError, match="lunch: is not a decision"):
        DecisionRecord.of(lunch=Holding.JOINTLY)


def test_a_veto_counts_as_joint_but_never_lowers_a_holding():
    assert DecisionRight(
        Decision.METHODS, "university_alone", partner_veto=True
    ).effective_holding is (Holding.JOINTLY)
    assert DecisionRight(Decision.METHODS, "partner_led", partner_veto=True).effective_holding is (
        Holding.PARTNER_LED
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Co-production", "co_production"),
        ("  participatory   research ", "participatory_research"),
        ("co_production", "co_production"),
    ],
)
def test_labels_are_normalised_to_vocabulary_ids(label, expected):
    assert normalise_label(label) == expected


def test_labels_without_a_claim_or_unknown_are_reported_not_judged():
    record = DecisionRecord()
    assert review_power(record, label="citizen science").has("POW-LABEL-NO-CLAIM")
    unknown = review_power(record, label="magic")
    assert unknown.has("POW-LABEL-UNKNOWN")
    assert not unknown.tokenism


@pytest.mark.parametrize(
    ("known", "unknown", "expected"),
    [
        ([True, True], 0, Outcome.MET),
        ([True, False], 0, Outcome.PARTLY_MET),
        ([True, False], 1, Outcome.PARTLY_MET),
        ([False, False], 0, Outcome.NOT_MET),
        ([False], 1, Outcome.NOT_MET),
        ([True], 1, Outcome.REFER),
        ([], 2, Outcome.REFER),
    ],
)
def test_outcome_rule(known, unknown, expected):
    assert _outcome(known, unknown) is expected


def test_scale_that_steps_down_the_ladder_is_refused():
    import tomllib
    from importlib import resources

    text = (resources.files("participatory") / "data" / "power_scale.toml").read_text("utf-8")
    document = tomllib.loads(text)
    document["holdings"]["partner_led"]["arnstein_rung"] = 2
    with pytest.raises(ParameterFileError, match="never step down"):
        parse_power_scale(document)
    document = tomllib.loads(text)
    document["criteria"]["nihr"]["reciprocity"] = {"evidence": []}
    with pytest.raises(ParameterFileError, match="neither evidence nor a test"):
        parse_power_scale(document)


def test_every_power_finding_renders_in_english():
    evidences = [
        InvolvementEvidence(),
        InvolvementEvidence(**dict.fromkeys(InvolvementEvidence.field_names(), True)),
        InvolvementEvidence(**dict.fromkeys(InvolvementEvidence.field_names(), False)),
    ]
    records = [
        DecisionRecord(),
        DecisionRecord.of(**{d.value: Holding.JOINTLY for d in Decision}),
        DecisionRecord.of(**{d.value: Holding.JOINTLY for d in Decision}).with_holding(
            Decision.BUDGET_AND_SPENDING, Holding.AFTER_INFORMING
        ),
        DecisionRecord.of(**{d.value: Holding.PARTNER_LED for d in Decision}).with_holding(
            Decision.ANALYSIS_AND_INTERPRETATION, Holding.UNIVERSITY_ALONE
        ),
        DecisionRecord.of(**{d.value: Holding.PARTNER_LED for d in Decision}).with_holding(
            Decision.ANALYSIS_AND_INTERPRETATION, Holding.JOINTLY
        ),
        DecisionRecord.of(research_questions="partner_led", budget_and_spending="jointly",
                          analysis_and_interpretation="jointly"),
    ]  # fmt: skip
    seen = set()
    for record in records:
        for evidence in evidences:
            for label in ("co_production", "citizen_science", "magic", "engagement"):
                for finding in review_power(record, label=label, evidence=evidence):
                    text = sentence(finding, locale="en_GB")
                    assert "{" not in text
                    seen.add(finding.message_key)
    assert {
        "power.placement.median",
        "power.placement.placation",
        "power.placement.capped",
        "power.placement.below_iap2",
        "power.tokenism",
        "power.label_consistent",
        "power.label_exceptions",
        "power.label_no_claim",
        "power.label_unknown",
        "power.unrecorded",
        "power.principle",
        "power.standard",
    } <= seen
