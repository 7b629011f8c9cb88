""":mod:`participatory.power.review`: unit tests."""

import pytest

from participatory.power import (
    Decision,
    DecisionRecord,
    Holding,
    InvolvementEvidence,
    assess_power,
    normalise_label,
)
from participatory.render.text import sentence


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
    assert assess_power(record, label="citizen science").has("POW-LABEL-NO-CLAIM")
    unknown = assess_power(record, label="magic")
    assert unknown.has("POW-LABEL-UNKNOWN")
    assert not unknown.tokenism


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
                for finding in assess_power(record, label=label, evidence=evidence):
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
