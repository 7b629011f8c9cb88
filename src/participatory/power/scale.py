"""The library's reading of the frameworks, as data: ``power_scale.toml``.

Which Arnstein rung and IAP2 level a way of holding one decision corresponds to, which
decisions are *core*, what each self-description (label) claims and which evidence each
NIHR principle and UK Standard is checked against are judgements, so they live in a data
file with their reasons rather than in code. The loader checks that the holdings never
step down the ladder, which is what keeps placement monotone.

>>> scale = power_scale()
>>> scale.placement(Holding.JOINTLY).arnstein_rung, scale.placement(Holding.JOINTLY).iap2_level
(6, 4)
>>> scale.labels["co_production"].min_arnstein_rung
6
>>> [d.value for d in scale.core_decisions]
['research_questions', 'budget_and_spending', 'analysis_and_interpretation']
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from typing import Any

import attrs

from participatory import guidance_data
from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.record import Record
from participatory.core.sources import Citation, bundled_sources
from participatory.power.decisions import Decision, Holding
from participatory.power.frameworks import arnstein_ladder, iap2_spectrum

__all__ = ["LabelClaim", "LevelPlacement", "PowerScale", "PrincipleCriterion", "power_scale"]

_FILE = "participatory/data/power_scale.toml"
_DECISION_TESTS = frozenset({"core_shared", "any_shared"})


@attrs.frozen
class LevelPlacement(Record):
    """An Arnstein rung and IAP2 level (0 = below the spectrum), with the reason for them."""

    arnstein_rung: int
    iap2_level: int
    reason: str


@attrs.frozen
class LabelClaim(Record):
    """What calling a project by a label claims about power.

    ``min_arnstein_rung`` is ``None`` for labels that make no claim (``citizen_science``).
    """

    label: str
    term: str
    min_arnstein_rung: int | None
    reason: str
    #: Where the label's meaning was read: catalogue citations, the main one first.
    sources: tuple[Citation, ...]

    def citation(self) -> Citation:
        """The main source of the label's meaning."""
        return self.sources[0]


@attrs.frozen
class PrincipleCriterion(Record):
    """What a principle or standard is checked against: evidence fields and/or a decision test."""

    framework: str
    key: str
    evidence: tuple[str, ...]
    decisions: str | None = None


@attrs.frozen
class PowerScale(Record):
    """The whole of ``power_scale.toml``, validated."""

    holdings: Mapping[Holding, LevelPlacement]
    placation: LevelPlacement
    core_decisions: tuple[Decision, ...]
    core_weight: int
    labels: Mapping[str, LabelClaim]
    criteria: Mapping[tuple[str, str], PrincipleCriterion]

    def placement(self, holding: Holding) -> LevelPlacement:
        """The rung and level of one decision held as ``holding``."""
        return self.holdings[holding]


def _get(table: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = table.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ParameterFileError(_FILE, f"{where}.{key}", f"must be a {kind.__name__}")
    return value


def _placement(table: Mapping[str, Any], where: str) -> LevelPlacement:
    rung = _get(table, "arnstein_rung", int, where)
    level = _get(table, "iap2_level", int, where)
    if not 1 <= rung <= len(arnstein_ladder()):
        raise ParameterFileError(_FILE, f"{where}.arnstein_rung", "is not a rung of the ladder")
    if not 0 <= level <= len(iap2_spectrum()):
        raise ParameterFileError(_FILE, f"{where}.iap2_level", "is not an IAP2 level (or 0)")
    return LevelPlacement(rung, level, _get(table, "reason", str, where))


def _label(label: str, table: Mapping[str, Any]) -> LabelClaim:
    where = f"labels.{label}"
    minimum = table.get("min_arnstein_rung")
    if minimum is not None and (
        isinstance(minimum, bool)
        or not isinstance(minimum, int)
        or not 1 <= minimum <= len(arnstein_ladder())
    ):
        raise ParameterFileError(_FILE, f"{where}.min_arnstein_rung", "is not a rung")
    return LabelClaim(
        label=label,
        term=_get(table, "term", str, where),
        min_arnstein_rung=minimum,
        reason=_get(table, "reason", str, where),
        sources=guidance_data.references(
            table.get("source"), bundled_sources(), _FILE, f"{where}.source"
        ),
    )


def _criteria(table: Mapping[str, Any]) -> dict[tuple[str, str], PrincipleCriterion]:
    criteria = {}
    for framework, entries in table.items():
        for key, entry in entries.items():
            where = f"criteria.{framework}.{key}"
            evidence = entry.get("evidence", [])
            if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
                raise ParameterFileError(_FILE, f"{where}.evidence", "must be a list of names")
            test = entry.get("decisions")
            if test is not None and test not in _DECISION_TESTS:
                raise ParameterFileError(
                    _FILE, f"{where}.decisions", f"must be one of {sorted(_DECISION_TESTS)}"
                )
            if not evidence and test is None:
                raise ParameterFileError(_FILE, where, "names neither evidence nor a test")
            criteria[(framework, key)] = PrincipleCriterion(framework, key, tuple(evidence), test)
    return criteria


def parse_power_scale(document: Mapping[str, Any]) -> PowerScale:
    """Validate a parsed ``power_scale.toml`` document."""
    holdings = {}
    for holding in Holding:
        where = f"holdings.{holding.value}"
        table = document.get("holdings", {}).get(holding.value)
        if not isinstance(table, Mapping):
            raise ParameterFileError(_FILE, where, "is missing")
        holdings[holding] = _placement(table, where)
    ordered = list(holdings.values())
    for lower, higher in itertools.pairwise(ordered):
        if higher.arnstein_rung < lower.arnstein_rung or higher.iap2_level < lower.iap2_level:
            raise ParameterFileError(_FILE, "holdings", "must never step down the ladder")
    core = document.get("core", {})
    core_names = _get(core, "decisions", list, "core")
    try:
        core_decisions = tuple(Decision(name) for name in core_names)
    except ValueError:
        raise ParameterFileError(_FILE, "core.decisions", "names an unknown decision") from None
    weight = _get(core, "weight", int, "core")
    if weight < 1:
        raise ParameterFileError(_FILE, "core.weight", "must be at least 1")
    labels = {name: _label(name, table) for name, table in document.get("labels", {}).items()}
    return PowerScale(
        holdings=holdings,
        placation=_placement(document.get("placation", {}), "placation"),
        core_decisions=core_decisions,
        core_weight=weight,
        labels=labels,
        criteria=_criteria(document.get("criteria", {})),
    )


@functools.cache
def power_scale() -> PowerScale:
    """The bundled scale (read once, then cached)."""
    text = tomlfile.bundled_text("power_scale.toml")
    return parse_power_scale(tomlfile.parse_toml(text, "participatory/data/power_scale.toml"))
