"""Assessing a university: a maturity level per recommendation, and the next steps.

>>> import datetime as dt
>>> bath = University("University of Bath", evidence=[
...     Evidence("working_definition", "2023-01-10"),
...     Evidence("seed_fund", "2024-10-01"),   # no emerging evidence: stays absent
... ])
>>> profile = assess_readiness(bath, as_at=dt.date(2025, 1, 1))
>>> profile.level(Recommendation.DEFINE_TERMS).value, profile.level(Recommendation.FUND_IT).value
('emerging', 'absent')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import instances
from participatory.core.periods import to_date
from participatory.core.record import Record
from participatory.readiness.criteria import (
    Maturity,
    MaturityCriterion,
    ReadinessCriteria,
    Recommendation,
    RecommendationCriteria,
    bundled_evidence,
    readiness_criteria,
)

__all__ = ["Evidence", "ReadinessProfile", "University", "assess_readiness"]

_LEVEL_MESSAGES: Final[Mapping[str, str]] = {
    "readiness.absent": (
        "{recommendation} (report section {section}): nothing in place yet. "
        "First steps: {next_steps}."
    ),
    "readiness.partial": (
        "{recommendation} (report section {section}): {level}. "
        "To become {next_level}: {next_steps}."
    ),
    "readiness.embedded": "{recommendation} (report section {section}): embedded.",
}

#: How a level reads as a finding: the further from embedded, the more it matters.
_SEVERITY = {
    Maturity.ABSENT: Severity.WARNING,
    Maturity.EMERGING: Severity.ADVICE,
    Maturity.ESTABLISHED: Severity.ADVICE,
    Maturity.EMBEDDED: Severity.MET,
}


def _item(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("item", "must be non-empty text")


def _since(value: object) -> dt.date:
    return to_date(value, "since")


def _note(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError("note", "must be text")


@attrs.frozen
class Evidence(Record):
    """Something the university has in place (an evidence item) and since when."""

    item: str = attrs.field(validator=_item)
    since: dt.date = attrs.field(converter=_since)
    note: str = attrs.field(default="", validator=_note)


def _evidence(values: object) -> tuple[Evidence, ...]:
    return instances(Evidence, values, "evidence", what="Evidence")


def _name(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("name", "must be non-empty text")


@attrs.frozen
class University(Record):
    """A university (or faculty) and the evidence of what it has in place."""

    name: str = attrs.field(validator=_name)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)


@attrs.frozen
class ReadinessProfile(Explained):
    """A maturity level per recommendation, with a finding naming the next steps for each."""

    university: str = attrs.field(kw_only=True)
    as_at: dt.date = attrs.field(kw_only=True)
    levels: Mapping[Recommendation, Maturity] = attrs.field(kw_only=True)

    def level(self, recommendation: Recommendation) -> Maturity:
        """The maturity reached for one recommendation."""
        return self.levels[recommendation]

    def count(self, level: Maturity) -> int:
        """How many recommendations are at ``level``."""
        return sum(1 for reached in self.levels.values() if reached is level)


def _level(entry: RecommendationCriteria, held: frozenset[str]) -> Maturity:
    reached = Maturity.ABSENT
    for level in list(Maturity)[1:]:
        if not all(c.item in held for c in entry.at(level)):
            break
        reached = level
    return reached


def _finding(
    entry: RecommendationCriteria,
    level: Maturity,
    held: frozenset[str],
    labels: Mapping[Maturity, str],
) -> Finding:
    values: dict[str, object] = {"recommendation": entry.title, "section": entry.section}
    following = level.next()
    if following is None:
        key = "readiness.embedded"
        steps: tuple[str, ...] = ()
    else:
        missing = tuple(c for c in entry.at(following) if c.item not in held)
        steps = tuple(c.item for c in missing)
        values["next_steps"] = tuple(c.description for c in missing)
        values["next_level"] = labels[following]
        key = "readiness.absent" if level is Maturity.ABSENT else "readiness.partial"
    values["level"] = labels[level]
    return Finding(
        entry.rule,
        _SEVERITY[level],
        key,
        values,
        citations=entry.citations,
        actions=tuple(f"readiness.step.{item}" for item in steps),
        subject=entry.recommendation.value,
    )


def _held(university: University, as_at: dt.date, known: frozenset[str]) -> frozenset[str]:
    held = set()
    for index, evidence in enumerate(university.evidence):
        if evidence.item not in known:
            import difflib  # only for a mistake (issue 18: start-up)

            close = difflib.get_close_matches(evidence.item, known, n=1)
            raise ValidationError(
                f"evidence[{index}].item",
                f"{evidence.item!r} is not a readiness evidence item",
                hint=f"did you mean {close[0]!r}?" if close else "see data/readiness.toml",
            )
        if evidence.since <= as_at:
            held.add(evidence.item)
    return frozenset(held)


def assess_readiness(
    university: University,
    *,
    as_at: dt.date,
    criteria: ReadinessCriteria | None = None,
) -> ReadinessProfile:
    """The university's maturity profile on ``as_at``; evidence dated later does not count.

    ``criteria`` replaces the bundled criteria (an institution's own reading).
    """
    day = to_date(as_at, "as_at")
    chosen = criteria or readiness_criteria()
    held = _held(university, day, chosen.items)
    levels = {}
    findings = []
    for recommendation in Recommendation:
        entry = chosen.recommendation(recommendation)
        levels[recommendation] = level = _level(entry, held)
        findings.append(_finding(entry, level, held, chosen.level_labels))
    return ReadinessProfile(
        findings=findings,
        university=university.name,
        as_at=day,
        levels=levels,
    )


def _step_messages(criteria: Iterable[MaturityCriterion]) -> dict[str, str]:
    # A finding's actions are message keys: one per evidence item, its description as a step.
    return {
        f"readiness.step.{c.item}": c.description[0].upper() + c.description[1:] + "."
        for c in criteria
    }


#: This module's English message templates (gathered by participatory.render.templates):
#: the levels, and a step for every evidence item of the bundled criteria.
MESSAGES: Final[Mapping[str, str]] = {**_LEVEL_MESSAGES, **_step_messages(bundled_evidence())}
