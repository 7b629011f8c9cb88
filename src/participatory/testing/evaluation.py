"""Hypothesis strategies for evaluation and legacy plans.

>>> from hypothesis import given
>>> @given(evaluation_plans())
... def check(plan):
...     assert plan.captures <= set(Capture)
>>> check()
"""

from hypothesis import strategies as st

from participatory.evaluation.plan import (
    Capture,
    EvaluationPlan,
    LegacyPlan,
    OutputKind,
    PlannedOutput,
    ReturnOfFindings,
    ReturnTiming,
)

__all__ = ["evaluation_plans", "legacy_plans", "planned_outputs", "returns_of_findings"]

_WORDS = st.sampled_from(["Hooked", "Embodied Lines", "Brainwaves", "River report", "Zine"])


def planned_outputs() -> st.SearchStrategy[PlannedOutput]:
    """Outputs of any kind, reachable or not, with or without another way in."""
    return st.builds(
        PlannedOutput,
        kind=st.sampled_from(list(OutputKind)),
        title=_WORDS,
        community_coauthors=st.booleans(),
        reachable_by_all_contributors=st.booleans(),
        alternative_access=st.none() | st.just("a private view in the unit"),
    )


def returns_of_findings() -> st.SearchStrategy[ReturnOfFindings]:
    """Plans to share findings back, at any timing."""
    return st.builds(
        ReturnOfFindings,
        timing=st.sampled_from(list(ReturnTiming)),
        formats=st.lists(st.sampled_from(["meeting", "easy-read summary"]), max_size=2),
    )


def legacy_plans() -> st.SearchStrategy[LegacyPlan]:
    """Legacy plans, resourced or not."""
    return st.builds(
        LegacyPlan,
        activities=st.lists(st.sampled_from(["reunion", "newsletter"]), min_size=1, max_size=2),
        staff_time=st.booleans(),
    )


def evaluation_plans() -> st.SearchStrategy[EvaluationPlan]:
    """Any valid evaluation plan."""
    return st.builds(
        EvaluationPlan,
        captures=st.frozensets(st.sampled_from(list(Capture))),
        outputs=st.lists(planned_outputs(), max_size=3).map(tuple),
        return_of_findings=st.none() | returns_of_findings(),
        legacy=st.none() | legacy_plans(),
        recognition_asked=st.booleans(),
    )
