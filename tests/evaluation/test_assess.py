""":mod:`participatory.evaluation.assess`: unit tests."""

from participatory.core.explain import Severity
from participatory.evaluation import (
    Capture,
    EvaluationPlan,
    LegacyPlan,
    PlannedOutput,
    ReturnOfFindings,
    assess_evaluation,
    capture_rules,
)
from participatory.render.text import sentence


def test_capture_rules_cite_science_gallery_5_4():
    for rule in capture_rules().values():
        assert any("5.4" in (c.pinpoint or "") for c in rule.citations)


def test_return_after_publication_is_late():
    plan = EvaluationPlan(return_of_findings=ReturnOfFindings("after_publication"))
    result = assess_evaluation(plan)
    assert result.by_rule("EVAL-RETURN-FINDINGS")[0].severity is Severity.MET
    [late] = result.by_rule("EVAL-RETURN-LATE")
    assert late.severity is Severity.ADVICE


def test_unresourced_legacy_is_advice_citing_the_whitworth():
    result = assess_evaluation(EvaluationPlan(legacy=LegacyPlan(["newsletter"])))
    [finding] = result.by_rule("EVAL-LEGACY-UNRESOURCED")
    assert any("5.1" in (c.pinpoint or "") for c in finding.citations)
    assert "newsletter" in sentence(finding, locale="en_GB")


def test_publication_without_community_coauthors_is_advice():
    plan = EvaluationPlan(
        outputs=[
            PlannedOutput("publication", "Paper"),
            PlannedOutput("publication", "Other", community_coauthors=True),
        ]
    )
    [finding] = assess_evaluation(plan).by_rule("EVAL-COAUTHORS")
    assert finding.subject == "Paper"


def test_every_evaluation_message_renders():
    plans = [
        EvaluationPlan(),
        EvaluationPlan(
            captures=set(Capture),
            outputs=[
                PlannedOutput("publication", "P"),
                PlannedOutput("exhibition", "E", reachable_by_all_contributors=False),
                PlannedOutput(
                    "artwork",
                    "A",
                    reachable_by_all_contributors=False,
                    alternative_access="a visit to the unit",
                ),
            ],
            return_of_findings=ReturnOfFindings("after_publication"),
            legacy=LegacyPlan(["reunion"]),
            recognition_asked=False,
        ),
    ]
    keys = set()
    for plan in plans:
        for finding in assess_evaluation(plan):
            keys.add(finding.message_key)
            assert sentence(finding, locale="en_GB")
    assert len(keys) == 12
