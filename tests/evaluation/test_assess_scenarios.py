"""Evaluation and legacy cases from Jopson (2022), sections 5.1, 5.4 and 5.8."""

from participatory.core.explain import Severity
from participatory.evaluation import (
    Capture,
    EvaluationPlan,
    LegacyPlan,
    PlannedOutput,
    ReturnOfFindings,
    assess_evaluation,
)


def test_embodied_lines_publications_only_evaluation():
    """Science Gallery London's *Embodied Lines* (5.4) hopes for "publications with the
    community co-researchers named as co-authors". A plan that captures only publications
    misses the five less obvious things 5.4 lists: exhibitions and artworks, other public
    outputs, impact on academics, impact on public participants and what they go on to do
    next. Two of them (contributors' impact and next steps) are WARNINGs, three ADVICE; with
    no return of findings (5.8) and no legacy (5.1) two more WARNINGs follow.
    """
    plan = EvaluationPlan(
        captures={"publications_with_community_coauthors"},
        outputs=[PlannedOutput("publication", "Embodied Lines paper", community_coauthors=True)],
    )
    result = assess_evaluation(plan)
    assert result.missing_captures == set(Capture) - {Capture.PUBLICATIONS_WITH_COMMUNITY_COAUTHORS}
    warnings = {f.rule_id for f in result.at_least(Severity.WARNING)}
    assert warnings == {
        "EVAL-CAPTURE-NEXT-STEPS",
        "EVAL-CAPTURE-CONTRIBUTORS",
        "EVAL-RETURN-FINDINGS",
        "EVAL-LEGACY",
    }
    assert not result.has("EVAL-COAUTHORS")
    [back] = result.by_rule("EVAL-RETURN-FINDINGS")
    assert any("5.8" in (c.pinpoint or "") for c in back.citations)


def test_whitworth_style_legacy_with_staff_time_is_met():
    """The Whitworth (5.1): "maintaining relationships, throughout the project and beyond ...
    This takes resource (particularly staff capacity)". A legacy plan with staff time set aside
    is MET and raises no unresourced-legacy advice."""
    plan = EvaluationPlan(
        captures=set(Capture),
        return_of_findings=ReturnOfFindings("at_end", ["exhibition preview for contributors"]),
        legacy=LegacyPlan(["Community Representatives roles"], staff_time=True),
        recognition_asked=True,
    )
    result = assess_evaluation(plan)
    assert result.by_rule("EVAL-LEGACY")[0].severity is Severity.MET
    assert not result.has("EVAL-LEGACY-UNRESOURCED")
    assert result.at_least(Severity.ADVICE) == ()
