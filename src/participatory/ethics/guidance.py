"""The guidance the triage cites, read from ``data/ethics_guidance.toml``.

Every citation a finding carries comes from this data, as references into the sources
catalogue (:mod:`participatory.core.sources`): the HRA "Is my study research?" questions (the
criterion, not verbatim wording), the Defining Research table rows, and the points on the
involvement boundary (HRA/INVOLVE, NRES/INVOLVE, NIHR and university guidance), and the
passages each review-route rule rests on (``[route_rules.<rule id>]``, every rule of
:mod:`participatory.ethics.route_rules` required). A citation is verified only where its
passage was read at a primary source; the data's own ``verified`` flags can only lower that
(a point drawn from several sources by inference). An institution can load its own file with
:func:`load_guidance` and pass it to the triage (for example citing its own ethics policy
for the university REC's route).

>>> guidance = bundled_guidance()
>>> [q.fact.value for q in guidance.hra_questions]
['randomised', 'changes_usual_care', 'generalisable']
>>> first = guidance.point("advisory_involvement_needs_no_rec").citations[0]
>>> first.key, first.verified
('involve_nres_statement', True)
>>> guidance.hra_questions[0].citations[0].verified  # the HRA's question pages were not read
False
>>> [c.short for c in guidance.route_citations["ETH-ROUTE-CAPACITY-ENGLAND"][:2]]
['MCA 2005 s. 30(1)', 'MCA 2005 s. 30(2)']
>>> guidance.routes_from
datetime.date(2020, 2, 3)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from participatory import guidance_data
from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.record import Record
from participatory.core.sources import Citation, SourceCatalogue
from participatory.ethics.facts import Fact
from participatory.ethics.route_rules import ROUTE_RULE_IDS

if TYPE_CHECKING:
    from pathlib import Path

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
class HraQuestion(Record):
    """One question of the HRA decision tool: research if the answer is yes."""

    id: str
    fact: Fact
    #: A paraphrase unless ``wording_is_hra_verbatim``.
    wording: str
    wording_is_hra_verbatim: bool
    #: The tool's citation (verified flag = whether the *criterion* was read), then corroboration.
    citations: tuple[Citation, ...]


@attrs.frozen
class BoundaryPoint(Record):
    """A statement about where involvement ends and research begins, with its sources."""

    id: str
    statement: str
    verified: bool
    citations: tuple[Citation, ...]


@attrs.frozen
class DefiningResearchRow(Record):
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
class EthicsGuidance(Record):
    """All guidance the triage reads, as citations ready to attach to findings."""

    checked_on: dt.date | None
    #: The citations the triage names by id (``[references]``), each one or more passages.
    citations: Mapping[str, tuple[Citation, ...]]
    hra_questions: tuple[HraQuestion, ...]
    #: The tool's rule that any yes means research (verified flag from the data), and its source.
    any_yes_citations: tuple[Citation, ...]
    #: Other approvals (local governance, data protection) may still apply when not research.
    other_approvals_citation: Citation
    boundary: Mapping[str, BoundaryPoint]
    defining_research: Mapping[str, DefiningResearchRow]
    #: The passages each review-route rule rests on, by rule id.
    route_citations: Mapping[str, tuple[Citation, ...]] = attrs.field(factory=dict)
    #: The first day the route rules hold (the latest commencement among the laws they apply).
    routes_from: dt.date = dt.date.min
    #: The law or guidance that sets ``routes_from``.
    routes_from_citations: tuple[Citation, ...] = ()

    def citation(self, source_id: str) -> Citation:
        """The main citation named ``source_id`` in ``[references]``."""
        return self.citations[source_id][0]

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
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None


def _named(
    read: _Reader, catalogue: SourceCatalogue, table: Mapping[str, Any]
) -> dict[str, tuple[Citation, ...]]:
    return {
        name: guidance_data.references(value, catalogue, read.file, f"references.{name}")
        for name, value in table.items()
    }


def _lowered(citation: Citation, verified: bool) -> Citation:
    """The citation, not verified when the data says its use here is not."""
    return citation if verified else attrs.evolve(citation, verified=False)


def parse_guidance(text: str, *, file: str = "<string>") -> EthicsGuidance:
    """Read guidance from TOML text; raises ParameterFileError naming the key at fault.

    Every ``source``, ``also``, ``corroboration`` and ``[references]`` entry is a catalogue
    reference; the file may enter documents of its own in a ``[sources]`` table.
    """
    read = _Reader(file)
    data = tomlfile.parse_toml(text, file)
    catalogue = guidance_data.catalogue_for(data, file)

    def cite(value: object, where: str) -> Citation:
        return guidance_data.cite(catalogue, value, file, where)

    def cite_all(value: object, where: str) -> tuple[Citation, ...]:
        if value is None or value == []:
            return ()
        return guidance_data.cited(value, catalogue, file, where)

    citations = _named(read, catalogue, read.table(data, "references", ""))

    rule = read.table(data, "hra_questions_rule", "")
    tool = cite(rule.get("source"), "hra_questions_rule.source")
    rule_sources = (cite(rule.get("rule_source"), "hra_questions_rule.rule_source"),)
    any_yes = (
        _lowered(
            attrs.evolve(tool, pinpoint="any yes answer means research"),
            read.flag(rule, "rule_verified", "hra_questions_rule."),
        ),
        *rule_sources,
    )
    other_approvals = _lowered(
        attrs.evolve(tool, pinpoint="outcome when every answer is no"),
        read.flag(rule, "outcome_if_all_no_verified", "hra_questions_rule."),
    )

    questions = []
    for index, entry in enumerate(read.items(data, "hra_questions")):
        where = f"hra_questions[{index}]."
        criterion = read.text(entry, "criterion", where)
        if criterion not in _CRITERIA:
            raise read.fail(f"{where}criterion", f"{criterion!r} is not a known criterion")
        qid = read.text(entry, "id", where)
        own = _lowered(
            attrs.evolve(tool, pinpoint=f"question {qid} ({criterion})"),
            read.flag(entry, "criterion_verified", where),
        )
        listed = entry.get("corroboration", [])
        if not isinstance(listed, list):
            raise read.fail(f"{where}corroboration", "must be an array of catalogue references")
        corroboration = cite_all(listed, f"{where}corroboration")
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
            raise read.fail(f"{where}also", "must be an array of catalogue references")
        first = cite(entry.get("source"), f"{where}source")
        sources = (_lowered(first, verified), *cite_all(also, f"{where}also"))
        pid = read.text(entry, "id", where)
        boundary[pid] = BoundaryPoint(
            pid, read.text(entry, "statement", where), first.verified and verified, sources
        )

    rows = {}
    table = read.table(data, "defining_research", "")
    for index, entry in enumerate(read.items(table, "rows")):
        where = f"defining_research.rows[{index}]."
        name = read.text(entry, "row", where)
        source = cite(entry.get("source"), f"{where}source")
        cells = MappingProxyType({c: str(entry.get(c, "")) for c in _COLUMNS})
        citation = _lowered(
            attrs.evolve(source, pinpoint=f"Defining Research table, row '{name}'"),
            read.flag(entry, "verified", where),
        )
        rows[name] = DefiningResearchRow(name, cells, citation)

    route_citations, routes_from, routes_from_citations = _routes(read, data, cite, cite_all)
    meta = data.get("meta", {})
    return EthicsGuidance(
        checked_on=_date(meta.get("checked_on")) if isinstance(meta, Mapping) else None,
        citations=MappingProxyType(citations),
        hra_questions=tuple(questions),
        any_yes_citations=any_yes,
        other_approvals_citation=other_approvals,
        boundary=MappingProxyType(boundary),
        defining_research=MappingProxyType(rows),
        route_citations=MappingProxyType(route_citations),
        routes_from=routes_from,
        routes_from_citations=routes_from_citations,
    )


def _routes(
    read: _Reader,
    data: Mapping[str, Any],
    cite: Any,
    cite_all: Any,
) -> tuple[dict[str, tuple[Citation, ...]], dt.date, tuple[Citation, ...]]:
    """The ``[routes]`` table's first day, and each ``[route_rules.<id>]``'s citations."""
    routes = read.table(data, "routes", "")
    start = _date(routes.get("covered_from"))
    if start is None:
        raise read.fail("routes.covered_from", "must be a date (the first day the rules hold)")
    start_citations = (cite(routes.get("covered_from_source"), "routes.covered_from_source"),)
    table = read.table(data, "route_rules", "")
    found = {}
    for rule_id in ROUTE_RULE_IDS:
        where = f"route_rules.{rule_id}"
        entry = table.get(rule_id)
        if not isinstance(entry, Mapping):
            raise read.fail(where, "is missing or not a table (every route rule cites its sources)")
        verified = read.flag(entry, "verified", f"{where}.") if "verified" in entry else True
        cited = cite_all(entry.get("citations"), f"{where}.citations")
        if not cited:
            raise read.fail(f"{where}.citations", "must name at least one catalogue reference")
        found[rule_id] = tuple(_lowered(c, verified) for c in cited)
    unknown = sorted(set(table) - set(ROUTE_RULE_IDS))
    if unknown:
        raise read.fail(f"route_rules.{unknown[0]}", "is not a rule the triage applies")
    return found, start, start_citations


def load_guidance(path: str | Path) -> EthicsGuidance:
    """Read an institution's own guidance file (same format as the bundled one)."""
    from pathlib import Path  # only for a file of one's own: a run reads the bundled one

    text = tomlfile.read_file(path)  # refuses first anything that is not a path
    return parse_guidance(text, file=str(Path(path)))


@functools.cache
def bundled_guidance() -> EthicsGuidance:
    """The guidance shipped with the library (read once, then cached)."""
    return parse_guidance(
        tomlfile.bundled_text("ethics_guidance.toml"), file="ethics_guidance.toml"
    )
