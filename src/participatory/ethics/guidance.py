"""The guidance the triage cites, read from ``data/ethics_guidance.toml``.

Every citation a finding carries comes from this data, with the data's own ``verified``
flag: the HRA "Is my study research?" questions (the criterion, not verbatim wording), the
Defining Research table rows, and the points on the involvement boundary (HRA/INVOLVE,
NRES/INVOLVE, NIHR and university guidance). An institution can load its own file with
:func:`load_guidance` and pass it to the triage.

>>> guidance = bundled_guidance()
>>> [q.fact.value for q in guidance.hra_questions]
['randomised', 'changes_usual_care', 'generalisable']
>>> guidance.point("advisory_involvement_needs_no_rec").citations[0].verified
True
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import attrs

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation
from participatory.ethics.facts import Fact

__all__ = [
    "BoundaryPoint",
    "DefiningResearchRow",
    "EthicsGuidance",
    "HraQuestion",
    "bundled_guidance",
    "load_guidance",
    "parse_guidance",
]

_CRITERIA: Final = {
    "randomisation": Fact.RANDOMISED,
    "change_from_standard_care": Fact.CHANGES_USUAL_CARE,
    "generalisable_or_transferable": Fact.GENERALISABLE,
}
_COLUMNS: Final = (
    "research",
    "service_evaluation",
    "clinical_audit",
    "usual_practice_surveillance",
)


@attrs.frozen
class HraQuestion:
    """One question of the HRA decision tool: research if the answer is yes."""

    id: str
    fact: Fact
    #: A paraphrase unless ``wording_is_hra_verbatim``.
    wording: str
    wording_is_hra_verbatim: bool
    #: The tool's citation (verified flag = whether the *criterion* was read), then corroboration.
    citations: tuple[Citation, ...]


@attrs.frozen
class BoundaryPoint:
    """A statement about where involvement ends and research begins, with its sources."""

    id: str
    statement: str
    verified: bool
    citations: tuple[Citation, ...]


@attrs.frozen
class DefiningResearchRow:
    """One row of the Defining Research table: a cell per column (empty when not read)."""

    row: str
    cells: Mapping[str, str]
    citation: Citation

    def cell_citation(self, column: str) -> Citation:
        """The row's citation, unverified when the cell for ``column`` was not read."""
        if self.cells.get(column):
            return self.citation
        return attrs.evolve(self.citation, verified=False)


@attrs.frozen
class EthicsGuidance:
    """All guidance the triage reads, as citations ready to attach to findings."""

    checked_on: dt.date | None
    citations: Mapping[str, Citation]
    hra_questions: tuple[HraQuestion, ...]
    #: The tool's rule that any yes means research (verified flag from the data), and its source.
    any_yes_citations: tuple[Citation, ...]
    #: Other approvals (local governance, data protection) may still apply when not research.
    other_approvals_citation: Citation
    boundary: Mapping[str, BoundaryPoint]
    defining_research: Mapping[str, DefiningResearchRow]

    def citation(self, source_id: str) -> Citation:
        """The citation with id ``source_id``."""
        return self.citations[source_id]

    def point(self, point_id: str) -> BoundaryPoint:
        """The involvement-boundary point ``point_id``."""
        return self.boundary[point_id]

    def row(self, name: str) -> DefiningResearchRow:
        """The Defining Research table row ``name`` (e.g. ``"question"``)."""
        return self.defining_research[name]


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, key: str, problem: str) -> ParameterFileError:
        return ParameterFileError(self.file, key, problem)

    def table(self, data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(f"{where}{key}", "is missing or not a table")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            raise self.fail(f"{where}{key}", "is missing or not text")
        return value

    def flag(self, data: Mapping[str, Any], key: str, where: str) -> bool:
        return tomlfile.flag(data, key, file=self.file, path=where.removesuffix("."))

    def items(self, data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(key, "is missing or not an array of tables")
        return value


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None  # a bare year such as "2016" is not a day
    return None


def _citation(read: _Reader, source_id: str, data: Mapping[str, Any]) -> Citation:
    where = f"citations.{source_id}."
    url = data.get("url") or None
    return Citation(
        title=read.text(data, "title", where),
        publisher=data.get("publisher"),
        url=url,
        reference=data.get("reference") or data.get("version"),
        # A publication date nobody re-read is left out rather than shown as checked.
        date=_date(data.get("published")) if data.get("date_verified", True) else None,
        verified=read.flag(data, "verified", where),
    )


def _sources(
    read: _Reader, citations: Mapping[str, Citation], ids: list[object], where: str
) -> tuple[Citation, ...]:
    found = []
    for source_id in ids:
        if not isinstance(source_id, str) or source_id not in citations:
            raise read.fail(where, f"cites {source_id!r}, which is not in [citations]")
        found.append(citations[source_id])
    return tuple(found)


def parse_guidance(text: str, *, file: str = "<string>") -> EthicsGuidance:
    """Read guidance from TOML text; raises ParameterFileError naming the key at fault."""
    read = _Reader(file)
    data = tomlfile.parse_toml(text, file)
    citations = {
        source_id: _citation(read, source_id, entry)
        for source_id, entry in read.table(data, "citations", "").items()
        if isinstance(entry, Mapping)
    }

    rule = read.table(data, "hra_questions_rule", "")
    tool = citations.get("hra_decision_tool")
    if tool is None:
        raise read.fail("citations.hra_decision_tool", "is missing")
    rule_sources = _sources(read, citations, [rule.get("rule_source")], "hra_questions_rule")
    any_yes = (
        attrs.evolve(
            tool,
            reference="any yes answer means research",
            verified=read.flag(rule, "rule_verified", "hra_questions_rule."),
        ),
        *rule_sources,
    )
    other_approvals = attrs.evolve(
        tool,
        reference="outcome when every answer is no",
        verified=read.flag(rule, "outcome_if_all_no_verified", "hra_questions_rule."),
    )

    questions = []
    for index, entry in enumerate(read.items(data, "hra_questions")):
        where = f"hra_questions[{index}]."
        criterion = read.text(entry, "criterion", where)
        if criterion not in _CRITERIA:
            raise read.fail(f"{where}criterion", f"{criterion!r} is not a known criterion")
        qid = read.text(entry, "id", where)
        own = attrs.evolve(
            tool,
            reference=f"question {qid} ({criterion})",
            verified=read.flag(entry, "criterion_verified", where),
        )
        listed = entry.get("corroboration", [])
        if not isinstance(listed, list):
            raise read.fail(f"{where}corroboration", "must be an array of citation ids")
        corroboration = _sources(read, citations, listed, where)
        questions.append(
            HraQuestion(
                id=qid,
                fact=_CRITERIA[criterion],
                wording=read.text(entry, "wording", where),
                wording_is_hra_verbatim=read.flag(entry, "wording_is_hra_verbatim", where),
                citations=(own, *corroboration),
            )
        )
    missing = set(_CRITERIA.values()) - {q.fact for q in questions}
    if missing:
        names = ", ".join(sorted(f.value for f in missing))
        raise read.fail("hra_questions", f"lacks the question(s) for {names}")

    boundary = {}
    for index, entry in enumerate(read.items(data, "involvement_boundary")):
        where = f"involvement_boundary[{index}]."
        verified = read.flag(entry, "verified", where)
        also = entry.get("also", [])
        if not isinstance(also, list):
            raise read.fail(f"{where}also", "must be an array of citation ids")
        ids = [entry.get("source"), *also]
        sources = _sources(read, citations, ids, where)
        reference = entry.get("reference")
        first = attrs.evolve(
            sources[0],
            verified=sources[0].verified and verified,
            reference=reference if isinstance(reference, str) else sources[0].reference,
        )
        pid = read.text(entry, "id", where)
        boundary[pid] = BoundaryPoint(
            pid, read.text(entry, "statement", where), verified, (first, *sources[1:])
        )

    rows = {}
    table = read.table(data, "defining_research", "")
    for index, entry in enumerate(read.items(table, "rows")):
        where = f"defining_research.rows[{index}]."
        name = read.text(entry, "row", where)
        (source,) = _sources(read, citations, [entry.get("source")], where)
        cells = MappingProxyType({c: str(entry.get(c, "")) for c in _COLUMNS})
        citation = attrs.evolve(
            source,
            url=entry.get("url") or source.url,
            reference=f"Defining Research table, row '{name}'",
            verified=source.verified and read.flag(entry, "verified", where),
        )
        rows[name] = DefiningResearchRow(name, cells, citation)

    meta = data.get("meta", {})
    return EthicsGuidance(
        checked_on=_date(meta.get("checked_on")) if isinstance(meta, Mapping) else None,
        citations=MappingProxyType(citations),
        hra_questions=tuple(questions),
        any_yes_citations=any_yes,
        other_approvals_citation=other_approvals,
        boundary=MappingProxyType(boundary),
        defining_research=MappingProxyType(rows),
    )


def load_guidance(path: str | Path) -> EthicsGuidance:
    """Read an institution's own guidance file (same format as the bundled one)."""
    path = Path(path)
    return parse_guidance(tomlfile.read_file(path), file=str(path))


@functools.cache
def bundled_guidance() -> EthicsGuidance:
    """The guidance shipped with the library (read once, then cached)."""
    return parse_guidance(
        tomlfile.bundled_text("ethics_guidance.toml"), file="ethics_guidance.toml"
    )
