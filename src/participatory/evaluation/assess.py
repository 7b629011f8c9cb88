"""The evaluation and legacy engine: what a plan captures, and findings for what is missing.

>>> from participatory.evaluation.plan import EvaluationPlan
>>> result = assess_evaluation(EvaluationPlan())
>>> len(result.missing_captures), result.has("EVAL-RETURN-FINDINGS"), result.has("EVAL-LEGACY")
(6, True, True)
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

import attrs

from participatory import guidance_data
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.explain import Citation, Explained, Finding, Severity
from participatory.core.fields import set_repr
from participatory.core.record import Record
from participatory.evaluation.plan import (
    Capture,
    EvaluationPlan,
    OutputKind,
    ReturnTiming,
)

__all__ = ["CaptureRule", "EvaluationAssessment", "assess_evaluation", "capture_rules"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "evaluation.capture_missing": "The evaluation does not capture {capture}. {reason}",
    "evaluation.capture_met": "The evaluation captures {capture}.",
    "evaluation.no_return": (
        "There is no plan to return to contributors and share the findings; communities "
        "feel used when researchers do not come back."
    ),
    "evaluation.return_planned": "Findings go back to contributors ({timing}).",
    "evaluation.return_late": (
        "Findings go back to contributors only after publication, when many will have "
        "moved on; share what you found during or at the end of the project too."
    ),
    "evaluation.no_legacy": (
        "There is no plan for keeping relationships going after the project, so people "
        "may end up feeling used."
    ),
    "evaluation.legacy_planned": "Relationships continue after the project: {activities}.",
    "evaluation.legacy_unresourced": (
        "The legacy plan ({activities}) has no staff time set aside; keeping "
        "relationships going takes staff capacity."
    ),
    "evaluation.coauthors_not_named": (
        "The publication \u201c{title}\u201d names no community co-authors; offer "
        "co-authorship to contributors who want it."
    ),
    "evaluation.out_of_reach": (
        "Some contributors cannot reach \u201c{title}\u201d ({kind}) and no other way for "
        "them to see their work is planned."
    ),
    "evaluation.alternative_access": (
        "Contributors who cannot reach \u201c{title}\u201d will see it this way: {access}."
    ),
    "evaluation.recognition_not_asked": (
        "Contributors have not been asked how they would like their contributions "
        "recognised (payment, skills, certificates, co-authorship…)."
    ),
}

_TIMING_TEXT: Mapping[ReturnTiming, str] = {
    ReturnTiming.DURING_PROJECT: "during the project",
    ReturnTiming.AT_END: "at the end of the project",
    ReturnTiming.AFTER_PUBLICATION: "after publication",
}


@attrs.frozen
class CaptureRule(Record):
    """What the data file says about one thing an evaluation should capture."""

    capture: Capture
    rule: str
    label: str
    severity: Severity
    reason: str
    citations: tuple[Citation, ...]


@attrs.frozen
class _Rules(Record):
    captures: Mapping[Capture, CaptureRule]
    others: Mapping[str, tuple[Severity, tuple[Citation, ...]]]


@functools.cache
def _rules() -> _Rules:
    document, file = guidance_data.bundled_guidance("evaluation.toml")
    catalogue = guidance_data.catalogue_for(document, file)
    raw = document.get("captures")
    if not isinstance(raw, Mapping) or set(raw) != {c.value for c in Capture}:
        raise ParameterFileError(file, "captures", "must list every capture exactly once")
    captures = {}
    for name, entry in raw.items():
        path = f"captures.{name}"
        captures[Capture(name)] = CaptureRule(
            Capture(name),
            guidance_data.text(entry, "rule", file, path),
            guidance_data.text(entry, "label", file, path),
            guidance_data.severity(entry, "severity", file, path),
            guidance_data.text(entry, "reason", file, path),
            guidance_data.cited(entry.get("citations"), catalogue, file, f"{path}.citations"),
        )
    return _Rules(captures, guidance_data.rules(document, catalogue, file))


def capture_rules() -> Mapping[Capture, CaptureRule]:
    """The bundled rule for each thing an evaluation should capture."""
    return _rules().captures


@attrs.frozen
class EvaluationAssessment(Explained):
    """The findings about an evaluation plan, and which captures it lacks."""

    missing_captures: frozenset[Capture] = attrs.field(kw_only=True, repr=set_repr)


def _rule(
    rule_id: str,
    key: str,
    values: Mapping[str, object] | None = None,
    *,
    met: bool = False,
    subject: str | None = None,
) -> Finding:
    severity, citations = _rules().others[rule_id]
    return Finding(
        rule_id,
        Severity.MET if met else severity,
        key,
        values,
        citations=citations,
        subject=subject,
    )


def _capture_findings(plan: EvaluationPlan) -> list[Finding]:
    found = []
    for capture, rule in _rules().captures.items():
        if capture in plan.captures:
            found.append(
                Finding(
                    rule.rule,
                    Severity.MET,
                    "evaluation.capture_met",
                    {"capture": rule.label},
                    citations=rule.citations,
                )
            )
        else:
            found.append(
                Finding(
                    rule.rule,
                    rule.severity,
                    "evaluation.capture_missing",
                    {"capture": rule.label, "reason": rule.reason},
                    citations=rule.citations,
                )
            )
    return found


def _output_findings(plan: EvaluationPlan) -> list[Finding]:
    found = []
    for output in plan.outputs:
        if output.kind is OutputKind.PUBLICATION and not output.community_coauthors:
            found.append(
                _rule(
                    "EVAL-COAUTHORS",
                    "evaluation.coauthors_not_named",
                    {"title": output.title},
                    subject=output.title,
                )
            )
        if output.reachable_by_all_contributors:
            continue
        if output.alternative_access is None:
            values = {"title": output.title, "kind": output.kind.value}
            found.append(
                _rule(
                    "EVAL-OUTPUT-OUT-OF-REACH",
                    "evaluation.out_of_reach",
                    values,
                    subject=output.title,
                )
            )
        else:
            values = {"title": output.title, "access": output.alternative_access}
            found.append(
                _rule(
                    "EVAL-OUTPUT-OUT-OF-REACH",
                    "evaluation.alternative_access",
                    values,
                    met=True,
                    subject=output.title,
                )
            )
    return found


def _after_project_findings(plan: EvaluationPlan) -> list[Finding]:
    found = []
    back = plan.return_of_findings
    if back is None:
        found.append(_rule("EVAL-RETURN-FINDINGS", "evaluation.no_return"))
    else:
        found.append(
            _rule(
                "EVAL-RETURN-FINDINGS",
                "evaluation.return_planned",
                {"timing": _TIMING_TEXT[back.timing]},
                met=True,
            )
        )
        if back.timing is ReturnTiming.AFTER_PUBLICATION:
            found.append(_rule("EVAL-RETURN-LATE", "evaluation.return_late"))
    if plan.legacy is None:
        found.append(_rule("EVAL-LEGACY", "evaluation.no_legacy"))
    else:
        values = {"activities": plan.legacy.activities}
        found.append(_rule("EVAL-LEGACY", "evaluation.legacy_planned", values, met=True))
        if not plan.legacy.staff_time:
            found.append(_rule("EVAL-LEGACY-UNRESOURCED", "evaluation.legacy_unresourced", values))
    if not plan.recognition_asked:
        found.append(_rule("EVAL-RECOGNITION-ASKED", "evaluation.recognition_not_asked"))
    return found


def assess_evaluation(plan: EvaluationPlan) -> EvaluationAssessment:
    """Findings for what ``plan`` captures and misses, its outputs, and after the project."""
    if not isinstance(plan, EvaluationPlan):
        raise ValidationError("plan", "must be an EvaluationPlan")
    findings = [
        *_capture_findings(plan),
        *_output_findings(plan),
        *_after_project_findings(plan),
    ]
    return EvaluationAssessment(
        findings=findings,
        missing_captures=frozenset(c for c in Capture if c not in plan.captures),
    )
