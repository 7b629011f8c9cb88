"""The readiness criteria as data: ``data/readiness.toml``.

Each recommendation of the Bath report (sections 2.1 to 2.8, plus the funded central
public-engagement team of section 5.2) has evidence items at each maturity level. Levels
are cumulative. The levels and criteria are the library's reading of the report: each
criterion says whether it comes from the report or is the library's judgement.

>>> criteria = readiness_criteria()
>>> [c.item for c in criteria.recommendation(Recommendation.FUND_IT).at(Maturity.ESTABLISHED)]
['seed_fund']
>>> criteria.recommendation(Recommendation.CENTRAL_TEAM).section
'5.2'
"""

from __future__ import annotations

import enum
import functools
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from participatory import guidance_data
from participatory.core import _paths, tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation
from participatory.core.record import Record
from participatory.core.sources import SourceCatalogue

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "Maturity",
    "MaturityCriterion",
    "ReadinessCriteria",
    "Recommendation",
    "RecommendationCriteria",
    "bundled_evidence",
    "load_readiness_criteria",
    "parse_readiness_criteria",
    "readiness_criteria",
]

_BASES: Final = frozenset({"report", "library"})


class Recommendation(enum.Enum):
    """A recommendation of the Bath report to the university."""

    DEFINE_TERMS = "define_terms"
    TAKE_TIME = "take_time"
    FUND_IT = "fund_it"
    KEY_PEOPLE = "key_people"
    WORK_WITH_PARTNERS = "work_with_partners"
    VALUE_CONTRIBUTIONS = "value_contributions"
    CONSIDER_VENUES = "consider_venues"
    TRAINING_AND_SUPPORT = "training_and_support"
    #: Section 5.2 (Imperial): "Need to properly fund central PE team".
    CENTRAL_TEAM = "central_team"


class Maturity(enum.Enum):
    """How far a university has gone with a recommendation; ordered, ``ABSENT`` lowest."""

    ABSENT = "absent"
    EMERGING = "emerging"
    ESTABLISHED = "established"
    EMBEDDED = "embedded"

    @property
    def rank(self) -> int:
        """Position in the order (0 for ABSENT)."""
        return _RANKS[self]

    def next(self) -> Maturity | None:
        """The level above, or ``None`` at the top."""
        levels = list(Maturity)
        return levels[self.rank + 1] if self.rank + 1 < len(levels) else None


_RANKS = {level: index for index, level in enumerate(Maturity)}


@attrs.frozen
class MaturityCriterion(Record):
    """One piece of evidence that counts towards a level."""

    item: str
    level: Maturity
    description: str
    #: ``"report"`` when the report recommends it, ``"library"`` for the library's judgement.
    basis: str


@attrs.frozen
class RecommendationCriteria(Record):
    """A recommendation's rule id, title, report section, citations and criteria."""

    recommendation: Recommendation
    rule: str
    title: str
    section: str
    citations: tuple[Citation, ...]
    criteria: tuple[MaturityCriterion, ...]

    def at(self, level: Maturity) -> tuple[MaturityCriterion, ...]:
        """The criteria of exactly ``level``."""
        return tuple(c for c in self.criteria if c.level is level)


@attrs.frozen
class ReadinessCriteria(Record):
    """Every recommendation's criteria and the labels of the levels."""

    level_labels: Mapping[Maturity, str]
    recommendations: Mapping[Recommendation, RecommendationCriteria]

    def recommendation(self, recommendation: Recommendation) -> RecommendationCriteria:
        """The criteria of one recommendation."""
        return self.recommendations[recommendation]

    @functools.cached_property
    def items(self) -> frozenset[str]:
        """Every evidence item any criterion names."""
        return frozenset(c.item for r in self.recommendations.values() for c in r.criteria)


def _criterion(raw: object, file: str, path: str) -> MaturityCriterion:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    basis = guidance_data.text(raw, "basis", file, path)
    if basis not in _BASES:
        raise ParameterFileError(file, f"{path}.basis", f"must be one of {sorted(_BASES)}")
    level_name = guidance_data.text(raw, "level", file, path)
    try:
        level = Maturity(level_name)
    except ValueError:
        raise ParameterFileError(file, f"{path}.level", "is not a maturity level") from None
    if level is Maturity.ABSENT:
        raise ParameterFileError(file, f"{path}.level", "absent needs no evidence")
    return MaturityCriterion(
        guidance_data.text(raw, "item", file, path),
        level,
        guidance_data.text(raw, "description", file, path),
        basis,
    )


def _criteria(raw: object, file: str, path: str) -> tuple[MaturityCriterion, ...]:
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    raw_criteria = raw.get("criteria")
    if not isinstance(raw_criteria, list):
        raise ParameterFileError(file, f"{path}.criteria", "must be an array")
    criteria = tuple(
        _criterion(c, file, f"{path}.criteria[{i}]") for i, c in enumerate(raw_criteria)
    )
    for level in list(Maturity)[1:]:
        if not any(c.level is level for c in criteria):
            raise ParameterFileError(file, f"{path}.criteria", f"has no {level.value} criterion")
    return criteria


def _recommendation(
    name: str, raw: object, catalogue: SourceCatalogue, file: str
) -> RecommendationCriteria:
    path = f"recommendations.{name}"
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, path, "must be a table")
    criteria = _criteria(raw, file, path)
    return RecommendationCriteria(
        recommendation=Recommendation(name),
        rule=guidance_data.text(raw, "rule", file, path),
        title=guidance_data.text(raw, "title", file, path),
        section=guidance_data.text(raw, "section", file, path),
        citations=guidance_data.cited(raw.get("citations"), catalogue, file, f"{path}.citations"),
        criteria=criteria,
    )


def parse_readiness_criteria(document: Mapping[str, Any], file: str) -> ReadinessCriteria:
    """Build the criteria from a parsed data file, checking every name, level and citation."""
    catalogue = guidance_data.catalogue_for(document, file)
    levels = document.get("levels")
    if not isinstance(levels, Mapping) or set(levels) != {m.value for m in Maturity}:
        raise ParameterFileError(file, "levels", "must list every maturity level")
    raw = document.get("recommendations")
    if not isinstance(raw, Mapping) or set(raw) != {r.value for r in Recommendation}:
        raise ParameterFileError(file, "recommendations", "must list every recommendation")
    recommendations = {
        Recommendation(name): _recommendation(name, entry, catalogue, file)
        for name, entry in raw.items()
    }
    seen: set[str] = set()
    for entry in recommendations.values():
        for criterion in entry.criteria:
            if criterion.item in seen:
                raise ParameterFileError(file, criterion.item, "is used by two criteria")
            seen.add(criterion.item)
    return ReadinessCriteria(
        level_labels={
            Maturity(name): guidance_data.text(entry, "label", file, f"levels.{name}")
            for name, entry in levels.items()
        },
        recommendations=recommendations,
    )


def load_readiness_criteria(path: str | Path) -> ReadinessCriteria:
    """An institution's own criteria file, in the format of ``data/readiness.toml``."""
    text = tomlfile.read_file(path)  # refuses first anything that is not a path
    file = _paths.text(os.fspath(path))
    return parse_readiness_criteria(guidance_data.parse_guidance(text, file), file)


@functools.cache
def _bundled_document() -> tuple[Mapping[str, Any], str]:
    return guidance_data.bundled_guidance("readiness.toml")


@functools.cache
def readiness_criteria() -> ReadinessCriteria:
    """The bundled criteria (read once, then cached)."""
    return parse_readiness_criteria(*_bundled_document())


@functools.cache
def bundled_evidence() -> tuple[MaturityCriterion, ...]:
    """Every evidence item of the bundled criteria, in file order.

    The same items as :func:`readiness_criteria` gives, read without resolving the
    recommendations' citations: the message templates need only the items' descriptions,
    and building them must not read the whole sources catalogue.

    >>> bundled_evidence() == tuple(
    ...     c for r in readiness_criteria().recommendations.values() for c in r.criteria)
    True
    """
    document, file = _bundled_document()
    raw = document.get("recommendations")
    if not isinstance(raw, Mapping):
        raise ParameterFileError(file, "recommendations", "must list every recommendation")
    return tuple(
        criterion
        for name, entry in raw.items()
        for criterion in _criteria(entry, file, f"recommendations.{name}")
    )
