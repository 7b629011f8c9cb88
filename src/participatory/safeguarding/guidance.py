"""The safeguarding expectations as data: ``data/safeguarding.toml``.

Which measure is expected for which group, at which emotional intensity and how seriously
is a *reading* of the sources (chiefly Jopson 2022, sections 2.5, 5.1, 5.3, 5.5 and 5.8),
so it lives in a data file with a reason and citations for every expectation. Anything not
in the report (DBS checks for work with under-18s) is marked ``basis = "advice"`` and cites
its own source.

>>> guidance = safeguarding_guidance()
>>> sorted(m.value for m in guidance.expected({Group.BEREAVEMENT}, EmotionalIntensity.LOW))
['clear_boundaries', 'coordinator_training', 'one_to_one_person', 'partner_with_expertise', 'signposting']
>>> guidance.measure(Measure.CHECK_INS).rule
'SAFE-CHECK-INS'
"""  # noqa: E501

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from participatory import guidance_data
from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation, Severity
from participatory.core.record import Record
from participatory.core.sources import SourceCatalogue
from participatory.roles.models import Group
from participatory.safeguarding.models import EmotionalIntensity, Measure

__all__ = ["Expectation", "MeasureInfo", "SafeguardingGuidance", "safeguarding_guidance"]

_BASES: Final = frozenset({"report", "advice"})
_EXPECTATION_KEYS: Final = frozenset(
    {"measure", "groups", "intensity_at_least", "any_group", "severity", "reason", "citations"}
)


@attrs.frozen
class MeasureInfo(Record):
    """A measure's rule id, plain-language label and whether the report names it."""

    measure: Measure
    rule: str
    label: str
    #: ``"report"`` when the Bath report names the measure, ``"advice"`` otherwise.
    basis: str


@attrs.frozen
class Expectation(Record):
    """One reason a measure is expected: for some groups and/or from some intensity."""

    measure: Measure
    severity: Severity
    reason: str
    citations: tuple[Citation, ...]
    groups: frozenset[Group] = frozenset()
    intensity_at_least: EmotionalIntensity | None = None
    any_group: bool = False

    def applies(self, groups: frozenset[Group], intensity: EmotionalIntensity) -> bool:
        """Whether this expectation is triggered by the groups and intensity given."""
        if self.any_group and groups:
            return True
        if self.groups & groups:
            return True
        return self.intensity_at_least is not None and intensity.is_at_least(
            self.intensity_at_least
        )


@attrs.frozen
class SafeguardingGuidance(Record):
    """Labels, measures and expectations read from the data file."""

    group_labels: Mapping[Group, str]
    intensity_labels: Mapping[EmotionalIntensity, str]
    measures: Mapping[Measure, MeasureInfo]
    expectations: tuple[Expectation, ...]

    def measure(self, measure: Measure) -> MeasureInfo:
        """The data about one measure."""
        return self.measures[measure]

    def expectations_for(
        self, groups: Iterable[Group], intensity: EmotionalIntensity
    ) -> tuple[Expectation, ...]:
        """Every expectation the groups and intensity trigger, in data order."""
        chosen = frozenset(groups)
        return tuple(e for e in self.expectations if e.applies(chosen, intensity))

    def expected(
        self, groups: Iterable[Group], intensity: EmotionalIntensity
    ) -> frozenset[Measure]:
        """The measures expected for the groups and intensity given."""
        return frozenset(e.measure for e in self.expectations_for(groups, intensity))


def _labels(document: Mapping[str, Any], key: str, kind: Any, file: str) -> dict[Any, str]:
    table = document.get(key)
    if not isinstance(table, Mapping):
        raise ParameterFileError(file, key, "must be a table")
    expected = {member.value for member in kind}
    if set(table) != expected:
        raise ParameterFileError(file, key, f"must list exactly {sorted(expected)}")
    return {
        kind(name): guidance_data.text(entry, "label", file, f"{key}.{name}")
        for name, entry in table.items()
    }


def _enum(kind: Any, value: object, file: str, path: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise ParameterFileError(file, path, f"is not a known {kind.__name__}") from None


def _expectation(
    raw: Mapping[str, Any], catalogue: SourceCatalogue, file: str, path: str
) -> Expectation:
    if set(raw) - _EXPECTATION_KEYS:
        unknown = sorted(set(raw) - _EXPECTATION_KEYS)
        raise ParameterFileError(file, path, f"unknown keys {unknown}")
    groups = frozenset(
        _enum(Group, g, file, f"{path}.groups[{i}]") for i, g in enumerate(raw.get("groups", []))
    )
    intensity = raw.get("intensity_at_least")
    any_group = raw.get("any_group", False)
    if not groups and intensity is None and not any_group:
        raise ParameterFileError(file, path, "needs groups, intensity_at_least or any_group")
    return Expectation(
        measure=_enum(Measure, raw.get("measure"), file, f"{path}.measure"),
        severity=guidance_data.severity(raw, "severity", file, path),
        reason=guidance_data.text(raw, "reason", file, path),
        citations=guidance_data.cited(raw.get("citations"), catalogue, file, f"{path}.citations"),
        groups=groups,
        intensity_at_least=(
            None
            if intensity is None
            else _enum(EmotionalIntensity, intensity, file, f"{path}.intensity_at_least")
        ),
        any_group=bool(any_group),
    )


def parse_safeguarding_guidance(document: Mapping[str, Any], file: str) -> SafeguardingGuidance:
    """Build the guidance from a parsed data file, checking every name and citation."""
    catalogue = guidance_data.catalogue_for(document, file)
    raw_measures = document.get("measures")
    if not isinstance(raw_measures, Mapping) or set(raw_measures) != {m.value for m in Measure}:
        raise ParameterFileError(file, "measures", "must list every measure exactly once")
    measures = {}
    for name, entry in raw_measures.items():
        path = f"measures.{name}"
        basis = guidance_data.text(entry, "basis", file, path)
        if basis not in _BASES:
            raise ParameterFileError(file, f"{path}.basis", f"must be one of {sorted(_BASES)}")
        measures[Measure(name)] = MeasureInfo(
            Measure(name),
            guidance_data.text(entry, "rule", file, path),
            guidance_data.text(entry, "label", file, path),
            basis,
        )
    raw_expectations = document.get("expectations")
    if not isinstance(raw_expectations, list) or not raw_expectations:
        raise ParameterFileError(file, "expectations", "must be a non-empty array of tables")
    return SafeguardingGuidance(
        group_labels=_labels(document, "groups", Group, file),
        intensity_labels=_labels(document, "intensities", EmotionalIntensity, file),
        measures=measures,
        expectations=tuple(
            _expectation(raw, catalogue, file, f"expectations[{i}]")
            for i, raw in enumerate(raw_expectations)
        ),
    )


@functools.cache
def safeguarding_guidance() -> SafeguardingGuidance:
    """The bundled guidance (read once, then cached)."""
    document, file = guidance_data.bundled_guidance("safeguarding.toml")
    return parse_safeguarding_guidance(document, file)
