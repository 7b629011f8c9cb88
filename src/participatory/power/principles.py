"""Checking a project against the NIHR co-production principles and the UK Standards.

One :class:`~participatory.core.explain.Finding` per principle and per standard, with an
:class:`PrincipleOutcome`: met, partly met, not met, not known (the evidence supplied does not
decide it, and the finding is a question to answer: the library never guesses), or refer (the
library has no criteria for the item, so a person must judge it). What each item is checked against is data
(``[criteria]`` in ``power_scale.toml``): fields of :class:`InvolvementEvidence` the project
fills in, and for *Sharing of power* and *Governance* a test on the decision record.

PrincipleOutcome rule, over the evidence items (``None`` = not known):

- every item true → **met**;
- some true and some false → **partly met** (whether or not others are unknown);
- every known item false, none true → **not met** (unknown items cannot lift it past partly,
  but the finding lists them);
- otherwise (items unknown, the rest all true) → **not known**: a question to answer
  (:attr:`~participatory.core.explain.Severity.QUESTION`), naming the facts to find out.

>>> from participatory.power.decisions import DecisionRecord
>>> evidence = InvolvementEvidence(ground_rules_agreed=True, contributors_paid_for_time=False)
>>> results = assess_principles(DecisionRecord(), evidence)
>>> [(f.values["item"], f.values["outcome"]) for f in results[:3]]
[('Sharing of power', 'not met'), ('Including all perspectives and skills', 'not known'), ('Respecting and valuing the knowledge of all those working together on the research', 'partly met')]
"""  # noqa: E501

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, Severity
from participatory.core.record import Record
from participatory.power.decisions import Decision, DecisionRecord
from participatory.power.frameworks import FrameworkEntry, coproduction_principles, uk_standards
from participatory.power.scale import PowerScale, PrincipleCriterion, power_scale

__all__ = ["InvolvementEvidence", "PrincipleOutcome", "assess_principles", "assess_standards"]


class PrincipleOutcome(enum.Enum):
    """How far a principle or standard is met on the evidence supplied."""

    MET = "met"
    PARTLY_MET = "partly met"
    NOT_MET = "not met"
    #: A fact that decides it is not known: a question to answer.
    NOT_KNOWN = "not known"
    #: No criteria for the item: a person must judge it.
    REFER = "refer"

    @property
    def severity(self) -> Severity:
        """The finding severity for this outcome."""
        return _SEVERITIES[self]


_SEVERITIES = {
    PrincipleOutcome.MET: Severity.MET,
    PrincipleOutcome.PARTLY_MET: Severity.ADVICE,
    PrincipleOutcome.NOT_MET: Severity.WARNING,
    PrincipleOutcome.NOT_KNOWN: Severity.QUESTION,
    PrincipleOutcome.REFER: Severity.REFER,
}


def _flag(name: str) -> Any:
    # attrs.field() returns Any for mypy; typing it as the field's type would be a lie.
    return attrs.field(default=None, kw_only=True, metadata={"evidence": name})


@attrs.frozen
class InvolvementEvidence(Record):
    """What the project says about how it works with partners (``None`` = not known).

    Facts about the project, not about any person: no field is special-category data.
    """

    #: More than one public contributor or partner, so no single person is taken to speak
    #: for a whole community (Jopson 2022, sec. 5.6).
    several_public_voices: bool | None = _flag("several_public_voices")
    #: Groups often assumed to lack capacity (e.g. palliative care patients, carers) were
    #: approached (Jopson 2022, sec. 5.6).
    seldom_heard_groups_approached: bool | None = _flag("seldom_heard_groups_approached")
    #: Ground rules so that all voices are treated with equal respect (NIHR key feature).
    ground_rules_agreed: bool | None = _flag("ground_rules_agreed")
    #: People are paid for their time (Jopson 2022, sec. 5.5: "so important to pay people").
    contributors_paid_for_time: bool | None = _flag("contributors_paid_for_time")
    #: Training or development is offered (e.g. co-researcher training, sec. 5.5).
    learning_offered: bool | None = _flag("learning_offered")
    #: Findings and outputs go back to the people who contributed (sec. 5.4).
    findings_shared_with_contributors: bool | None = _flag("findings_shared_with_contributors")
    #: Relationships were built before any funding application (secs. 2.2, 2.3, 5.5).
    relationships_built_before_application: bool | None = _flag(
        "relationships_built_before_application"
    )
    #: The team reflects on power and bias regularly (NIHR principle 5).
    power_reflected_on_regularly: bool | None = _flag("power_reflected_on_regularly")
    #: Opportunities are accessible: easy read, interpreting, travel and care costs covered.
    accessible_opportunities: bool | None = _flag("accessible_opportunities")
    #: Roles and expectations are agreed in writing.
    roles_agreed: bool | None = _flag("roles_agreed")
    #: A named person supports contributors.
    support_contact_named: bool | None = _flag("support_contact_named")
    #: Materials are in plain language.
    plain_language_used: bool | None = _flag("plain_language_used")
    #: Contributors are told how their input changed decisions (the IAP2 Consult promise).
    influence_reported_back: bool | None = _flag("influence_reported_back")
    #: The difference involvement makes is recorded.
    impact_recorded: bool | None = _flag("impact_recorded")
    #: That difference is shared beyond the team.
    impact_shared: bool | None = _flag("impact_shared")
    #: Members of the public sit on the project's steering or governance group.
    public_in_governance: bool | None = _flag("public_in_governance")

    @classmethod
    def field_names(cls) -> frozenset[str]:
        """Every evidence field's name."""
        return frozenset(field.name for field in attrs.fields(cls))


_DETAIL = "Shown: {shown}. Not shown: {not_shown}. Not known: {unknown}."
_NO_CRITERIA = "refer. The library has no criteria for this item yet."
#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "power.principle": "NIHR co-production principle '{item}': {outcome}. " + _DETAIL,
    "power.principle.no_criteria": "NIHR co-production principle '{item}': " + _NO_CRITERIA,
    "power.standard": "UK Standard for Public Involvement '{item}': {outcome}. " + _DETAIL,
    "power.standard.no_criteria": "UK Standard for Public Involvement '{item}': " + _NO_CRITERIA,
}

_TEST_LABELS = {
    "core_shared": "every core decision held at least jointly",
    "any_shared": "some decision held at least jointly",
}


def _decision_test(test: str, record: DecisionRecord, scale: PowerScale) -> bool:
    if test == "core_shared":
        return all(record.holding(d).is_shared for d in scale.core_decisions)
    return any(record.holding(d).is_shared for d in Decision)


def _outcome(known: list[bool], unknown: int) -> PrincipleOutcome:
    if any(known) and not all(known):
        return PrincipleOutcome.PARTLY_MET
    if unknown:
        return PrincipleOutcome.NOT_MET if known and not any(known) else PrincipleOutcome.NOT_KNOWN
    return PrincipleOutcome.MET if all(known) else PrincipleOutcome.NOT_MET


def _none(items: list[str]) -> str:
    return ", ".join(items) if items else "none"


def _assess(
    entry: FrameworkEntry,
    criterion: PrincipleCriterion | None,
    record: DecisionRecord,
    evidence: InvolvementEvidence,
    scale: PowerScale,
    *,
    rule_id: str,
    message_key: str,
) -> Finding:
    values: dict[str, object] = {"item": entry.name}
    if criterion is None:
        outcome, message_key = PrincipleOutcome.REFER, message_key + ".no_criteria"
    else:
        known: list[bool] = []
        shown: list[str] = []
        not_shown: list[str] = []
        unknown: list[str] = []
        if criterion.decisions is not None:
            passed = _decision_test(criterion.decisions, record, scale)
            known.append(passed)
            (shown if passed else not_shown).append(_TEST_LABELS[criterion.decisions])
        for name in criterion.evidence:
            value = getattr(evidence, name)
            label = name.replace("_", " ")
            if value is None:
                unknown.append(label)
            else:
                known.append(value)
                (shown if value else not_shown).append(label)
        outcome = _outcome(known, len(unknown))
        values.update(shown=_none(shown), not_shown=_none(not_shown), unknown=_none(unknown))
    values["outcome"] = outcome.value
    return Finding(
        rule_id=rule_id,
        severity=outcome.severity,
        message_key=message_key,
        values=values,
        citations=entry.sources,
        subject=entry.key,
    )


@functools.cache
def _checked_scale() -> PowerScale:
    scale = power_scale()
    known = InvolvementEvidence.field_names()
    for criterion in scale.criteria.values():
        unknown = set(criterion.evidence) - known
        if unknown:
            raise ValueError(f"power_scale.toml names unknown evidence {sorted(unknown)}")
    return scale


def _check(record: object, evidence: object) -> None:
    if not isinstance(record, DecisionRecord):
        raise ValidationError("record", "must be a DecisionRecord")
    if not isinstance(evidence, InvolvementEvidence):
        raise ValidationError("evidence", "must be an InvolvementEvidence")


def assess_principles(record: DecisionRecord, evidence: InvolvementEvidence) -> tuple[Finding, ...]:
    """One finding per NIHR co-production principle (rule ids ``POW-NIHR-<ID>``)."""
    _check(record, evidence)
    scale = _checked_scale()
    return tuple(
        _assess(
            entry,
            scale.criteria.get(("nihr", entry.key)),
            record,
            evidence,
            scale,
            rule_id="POW-NIHR-" + entry.key.upper().replace("_", "-"),
            message_key="power.principle",
        )
        for entry in coproduction_principles()
    )


def assess_standards(record: DecisionRecord, evidence: InvolvementEvidence) -> tuple[Finding, ...]:
    """One finding per UK Standard for Public Involvement (rule ids ``POW-UKS-<number>``)."""
    _check(record, evidence)
    scale = _checked_scale()
    return tuple(
        _assess(
            entry,
            scale.criteria.get(("uk_standards", entry.key)),
            record,
            evidence,
            scale,
            rule_id=f"POW-UKS-{entry.key}",
            message_key="power.standard",
        )
        for entry in uk_standards()
    )
