"""The power review: placement, the gap between label and practice, principles and standards.

:func:`assess_power` places the project on the frameworks (:mod:`.ladders`), compares the
placement with what the project calls itself, and checks it against the NIHR co-production
principles and the UK Standards (:mod:`.principles`).

A project that calls itself co-production while the university decides everything gets a
``POW-TOKENISM`` finding that lists the decisions contradicting the label: "Be honest and
call it what it is" (Imperial, in Jopson 2022, sec. 5.2).

>>> from participatory.power.decisions import DecisionRecord
>>> review = assess_power(DecisionRecord(), label="co_production")
>>> review.tokenism, review.placement.rung.grouping
(True, 'Non-participation')
>>> [f.rule_id for f in review.findings][:3]
['POW-PLACEMENT', 'POW-TOKENISM', 'POW-DECISIONS-UNRECORDED']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.sources import cite
from participatory.power.decisions import Decision, DecisionRecord
from participatory.power.frameworks import rung
from participatory.power.ladders import LadderPlacement, place
from participatory.power.principles import (
    InvolvementEvidence,
    assess_principles,
    assess_standards,
)
from participatory.power.scale import LabelClaim, PowerScale, power_scale

__all__ = ["PowerReview", "assess_power", "compare_label", "normalise_label"]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "power.tokenism": (
        "The project calls itself {term}, which claims at least {claimed_name} (Arnstein "
        "rung {claimed}), but who holds its decisions puts it at {placed_name} (rung "
        "{placed}, {grouping}). Decisions that contradict the label: {decisions}."
    ),
    "power.label_consistent": (
        "The project calls itself {term}, which claims at least {claimed_name} (Arnstein "
        "rung {claimed}); its decisions put it at {placed_name} (rung {placed}), which "
        "matches the label."
    ),
    "power.label_exceptions": (
        "The project as a whole matches the label {term}, but these decisions are held "
        "below {claimed_name} (Arnstein rung {claimed}): {decisions}."
    ),
    "power.label_no_claim": (
        "The project calls itself {term}, a term that makes no claim about how power is "
        "shared, so there is no gap to report."
    ),
    "power.label_unknown": (
        "The label '{label}' is not one the library can compare with practice; known "
        "labels: {known}."
    ),
    "power.unrecorded": (
        "The record does not say who holds these decisions, so they are taken to be held "
        "by the university alone: {decisions}."
    ),
}


@attrs.frozen
class PowerReview(Explained):
    """The result of :func:`assess_power`."""

    record: DecisionRecord
    placement: LadderPlacement
    label: LabelClaim | None
    #: True when the label claims a higher rung than the decisions support.
    tokenism: bool


def normalise_label(label: str) -> str:
    """A label id as the vocabulary spells it: ``"Co-production"`` → ``"co_production"``.

    >>> normalise_label("Participatory research")
    'participatory_research'
    """
    if not isinstance(label, str):
        raise ValidationError("label", "must be text")
    return "_".join(label.strip().lower().replace("-", " ").split())


def compare_label(
    record: DecisionRecord,
    placement: LadderPlacement,
    label: str,
    scale: PowerScale | None = None,
) -> tuple[LabelClaim | None, tuple[Finding, ...]]:
    """The label's claim and the finding comparing it with the placement.

    ``label`` is a vocabulary term id (``co_production``, ``participatory_research`` …) or
    ``consultation``; spelling variants are normalised with :func:`normalise_label`.
    """
    if not isinstance(record, DecisionRecord):
        raise ValidationError("record", "must be a DecisionRecord")
    if not isinstance(placement, LadderPlacement):
        raise ValidationError("placement", "must be a LadderPlacement")
    if scale is not None and not isinstance(scale, PowerScale):
        raise ValidationError("scale", "must be a PowerScale or None")
    scale = scale or power_scale()
    claim = scale.labels.get(normalise_label(label))
    if claim is None:
        result = Finding(
            "POW-LABEL-UNKNOWN",
            Severity.ADVICE,
            "power.label_unknown",
            {"label": label, "known": ", ".join(sorted(scale.labels))},
        )
        return None, (result,)
    if claim.min_arnstein_rung is None:
        result = Finding(
            "POW-LABEL-NO-CLAIM",
            Severity.INFO,
            "power.label_no_claim",
            {"term": claim.term},
            citations=claim.sources,
        )
        return claim, (result,)
    claimed = rung(claim.min_arnstein_rung)
    values: dict[str, object] = {
        "term": claim.term,
        "claimed": claimed.number,
        "claimed_name": claimed.name,
        "placed": placement.rung.number,
        "placed_name": placement.rung.name,
        "grouping": placement.rung.grouping,
    }
    contradicting = tuple(
        d for d in Decision if scale.placement(record.holding(d)).arnstein_rung < claimed.number
    )
    citations = (*claim.sources, *claimed.sources)
    if placement.rung.number >= claimed.number:
        findings = [
            Finding(
                "POW-LABEL-CONSISTENT",
                Severity.MET,
                "power.label_consistent",
                values,
                citations=citations,
            )
        ]
        if contradicting:
            findings.append(
                Finding(
                    "POW-LABEL-EXCEPTIONS",
                    Severity.ADVICE,
                    "power.label_exceptions",
                    {
                        **values,
                        "decisions": ", ".join(d.label for d in contradicting),
                        "decision_ids": tuple(d.value for d in contradicting),
                    },
                    citations=citations,
                )
            )
        return claim, tuple(findings)
    values["decisions"] = ", ".join(d.label for d in contradicting)
    values["decision_ids"] = tuple(d.value for d in contradicting)
    result = Finding(
        "POW-TOKENISM",
        Severity.WARNING,
        "power.tokenism",
        values,
        citations=(*citations, cite("bath_report_2022#s5_2"), cite("bath_report_2022#s2_1")),
    )
    return claim, (result,)


def assess_power(
    record: DecisionRecord,
    *,
    label: str | None = None,
    evidence: InvolvementEvidence | None = None,
) -> PowerReview:
    """Place ``record``, compare it with ``label`` and check principles and standards.

    Without ``evidence`` every evidence-based principle and standard is referred; the
    decision-based tests (*Sharing of power*, *Governance*) still run.
    """
    if not isinstance(record, DecisionRecord):
        raise ValidationError("record", "must be a DecisionRecord")
    if label is not None and not isinstance(label, str):
        raise ValidationError("label", "must be text or None")
    if evidence is not None and not isinstance(evidence, InvolvementEvidence):
        raise ValidationError("evidence", "must be an InvolvementEvidence or None")
    scale = power_scale()
    placement = place(record, scale)
    findings: list[Finding] = list(placement.findings)
    claim: LabelClaim | None = None
    if label is not None:
        claim, label_findings = compare_label(record, placement, label, scale)
        findings.extend(label_findings)
    unrecorded = record.unrecorded()
    if unrecorded:
        findings.append(
            Finding(
                "POW-DECISIONS-UNRECORDED",
                Severity.ADVICE,
                "power.unrecorded",
                {
                    "decisions": ", ".join(d.label for d in unrecorded),
                    "decision_ids": tuple(d.value for d in unrecorded),
                },
            )
        )
    evidence = evidence or InvolvementEvidence()
    findings.extend(assess_principles(record, evidence))
    findings.extend(assess_standards(record, evidence))
    return PowerReview(
        record=record,
        placement=placement,
        label=claim,
        tokenism=any(f.rule_id == "POW-TOKENISM" for f in findings),
        findings=findings,
    )
