"""Evaluation and legacy: the outputs and outcomes a plan captures, and what comes after.

Science Gallery London learned to keep "an evaluation framework in place that can capture
all outputs, including those that are less obvious" (Jopson 2022, section 5.4):
publications (with community co-authors), exhibitions and artworks, other public outputs,
the impact on researchers and contributors, and what contributors go on to do. After the
project, findings go back to the people who gave them (section 5.8), and relationships
are kept up "throughout the project and beyond (so people don't end up feeling used)"
(section 5.1). See :doc:`/concepts/time-and-legacy`.

>>> plan = EvaluationPlan(captures=set(Capture), return_of_findings=ReturnOfFindings("at_end"),
...                       legacy=LegacyPlan(["annual reunion"], staff_time=True),
...                       recognition_asked=True)
>>> assess_evaluation(plan).at_least(Severity.ADVICE)
()
"""

from participatory.core.explain import Severity
from participatory.evaluation.assess import (
    CaptureRule,
    EvaluationAssessment,
    assess_evaluation,
    capture_rules,
)
from participatory.evaluation.plan import (
    Capture,
    EvaluationPlan,
    LegacyPlan,
    OutputKind,
    PlannedOutput,
    ReturnOfFindings,
    ReturnTiming,
)

__all__ = [
    "Capture",
    "CaptureRule",
    "EvaluationAssessment",
    "EvaluationPlan",
    "LegacyPlan",
    "OutputKind",
    "PlannedOutput",
    "ReturnOfFindings",
    "ReturnTiming",
    "Severity",
    "assess_evaluation",
    "capture_rules",
]
