import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.explain import Severity
from participatory.evaluation import Capture, assess_evaluation
from participatory.render.text import sentence
from participatory.testing import evaluation as ev


def gaps(result):
    return {(f.rule_id, f.subject) for f in result if f.severity.is_at_least(Severity.ADVICE)}


@given(ev.evaluation_plans(), st.sampled_from(list(Capture)))
def test_capturing_more_never_adds_a_finding(plan, capture):
    more = attrs.evolve(plan, captures=plan.captures | {capture})
    assert gaps(assess_evaluation(more)) <= gaps(assess_evaluation(plan))


@given(ev.evaluation_plans(), ev.legacy_plans(), ev.returns_of_findings())
def test_adding_legacy_and_return_plans_never_adds_a_finding(plan, legacy, back):
    if plan.legacy is None:
        assert gaps(assess_evaluation(attrs.evolve(plan, legacy=legacy))) - gaps(
            assess_evaluation(plan)
        ) <= {("EVAL-LEGACY-UNRESOURCED", None)}
    if plan.return_of_findings is None:
        assert gaps(assess_evaluation(attrs.evolve(plan, return_of_findings=back))) - gaps(
            assess_evaluation(plan)
        ) <= {("EVAL-RETURN-LATE", None)}


@given(ev.evaluation_plans())
def test_every_finding_renders_and_cites(plan):
    result = assess_evaluation(plan)
    assert result.missing_captures == frozenset(Capture) - plan.captures
    for finding in result:
        assert sentence(finding, locale="en_GB")
        assert finding.citations
