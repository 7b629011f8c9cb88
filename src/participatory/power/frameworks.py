"""The participation frameworks as data: Arnstein, IAP2, NIHR co-production, UK Standards.

Names, groupings, promises and summaries are read from the bundled ``frameworks.toml``, each
entry citing the catalogue passage(s) it was read in (:mod:`participatory.core.sources`);
nothing about a framework is written in code. The files are read once and cached.

>>> ladder = arnstein_ladder()
>>> [rung.name for rung in ladder if rung.grouping == "Citizen power"]
['Partnership', 'Delegated power', 'Citizen control']
>>> iap2_spectrum()[4].name, iap2_spectrum()[4].promise
('Empower', 'Carry out what the public decides.')
>>> len(coproduction_principles()), len(uk_standards())
(5, 6)
>>> rung(1).citation().short, rung(1).verified
("OpenLearn, Arnstein's ladder long description: eight rungs and three groupings", False)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from participatory import guidance_data
from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError
from participatory.core.record import Record
from participatory.core.sources import Citation, bundled_sources

__all__ = [
    "FrameworkEntry",
    "FrameworkItem",
    "IAP2Level",
    "Rung",
    "arnstein_ladder",
    "coproduction_principles",
    "frameworks_checked_on",
    "iap2_spectrum",
    "rung",
    "uk_standards",
]

_FILE = "participatory/data/frameworks.toml"


def _sources(value: tuple[Citation, ...]) -> tuple[Citation, ...]:
    if not value:
        raise ValueError("a framework item cites at least one source")
    return tuple(value)


@attrs.frozen
class FrameworkItem(Record):
    """What every framework item has: the catalogue passages it was read in."""

    #: Where the item was read: catalogue citations, the main one first.
    sources: tuple[Citation, ...] = attrs.field(converter=_sources, kw_only=True)

    def citation(self) -> Citation:
        """The main passage the item was read in."""
        return self.sources[0]

    @property
    def verified(self) -> bool:
        """Whether every passage cited was read at a primary source."""
        return all(citation.verified for citation in self.sources)


@attrs.frozen
class FrameworkEntry(FrameworkItem):
    """One item of a framework (a principle or standard), with where it was read.

    ``key`` is the item's stable id: the NIHR principle id, or the UK Standard's number as
    text. ``summary`` is a paraphrase, never the framework's own wording. ``note`` is for
    maintainers and never reaches a report.
    """

    key: str
    name: str
    summary: str
    note: str | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Rung(FrameworkItem):
    """One rung of Arnstein's ladder (1 Manipulation … 8 Citizen control) and its grouping."""

    number: int
    name: str
    grouping: str


@attrs.frozen
class IAP2Level(FrameworkItem):
    """One level of the IAP2 Spectrum, with a paraphrase of its goal and promise to the public.

    IAP2 asks for permission to reproduce the Spectrum, so ``goal`` and ``promise`` are
    paraphrases; cite IAP2 rather than quoting it.
    """

    number: int
    name: str
    goal: str
    promise: str


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ParameterFileError(_FILE, f"{where}.{key}", "must be non-empty text")
    return value


def _sourced(item: Mapping[str, Any], where: str) -> dict[str, Any]:
    """The catalogue passage(s) an item was read in (its ``source``: one or a list)."""
    return {
        "sources": guidance_data.references(
            item.get("source"), bundled_sources(), _FILE, f"{where}.source"
        )
    }


def _number(table: Mapping[str, Any], key: str, where: str) -> int:
    value = table.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterFileError(_FILE, f"{where}.{key}", "must be a whole number")
    return value


def _optional_text(table: Mapping[str, Any], key: str) -> str | None:
    value = table.get(key)
    return value if isinstance(value, str) and value else None


@functools.cache
def _document() -> Mapping[str, Any]:
    return tomlfile.bundled_tables("frameworks.toml", _FILE)


def _items(section: str) -> list[Mapping[str, Any]]:
    items = _document().get(section)
    if not isinstance(items, list) or not items:
        raise ParameterFileError(_FILE, section, "must be a non-empty array of tables")
    return items


def _consecutive(numbers: list[int], section: str) -> None:
    if numbers != list(range(1, len(numbers) + 1)):
        raise ParameterFileError(_FILE, section, "must be numbered 1, 2, 3 … in order")


@functools.cache
def frameworks_checked_on() -> dt.date | None:
    """The day the framework data was last checked against its sources."""
    meta = _document().get("meta", {})
    checked = meta.get("checked_on") if isinstance(meta, Mapping) else None
    return checked if isinstance(checked, dt.date) else None


@functools.cache
def arnstein_ladder() -> tuple[Rung, ...]:
    """Arnstein's eight rungs, bottom (1) to top (8)."""
    rungs = []
    for index, item in enumerate(_items("arnstein")):
        where = f"arnstein[{index}]"
        rungs.append(
            Rung(
                number=_number(item, "rung", where),
                name=_text(item, "name", where),
                grouping=_text(item, "grouping", where),
                **_sourced(item, where),
            )
        )
    _consecutive([r.number for r in rungs], "arnstein")
    return tuple(rungs)


def rung(number: int) -> Rung:
    """The rung numbered ``number`` (1 to 8).

    >>> rung(7).name
    'Delegated power'
    """
    ladder = arnstein_ladder()
    if not 1 <= number <= len(ladder):
        raise ValueError(f"Arnstein's ladder has rungs 1 to {len(ladder)}, not {number}")
    return ladder[number - 1]


@functools.cache
def iap2_spectrum() -> tuple[IAP2Level, ...]:
    """The five IAP2 levels, Inform (1) to Empower (5)."""
    levels = []
    for index, item in enumerate(_items("iap2")):
        where = f"iap2[{index}]"
        levels.append(
            IAP2Level(
                number=_number(item, "level", where),
                name=_text(item, "name", where),
                goal=_text(item, "goal", where),
                promise=_text(item, "promise", where),
                **_sourced(item, where),
            )
        )
    _consecutive([level.number for level in levels], "iap2")
    return tuple(levels)


def _entries(
    section: str, key: Callable[[Mapping[str, Any], str], str]
) -> tuple[FrameworkEntry, ...]:
    entries = []
    for index, item in enumerate(_items(section)):
        where = f"{section}[{index}]"
        entries.append(
            FrameworkEntry(
                key=key(item, where),
                name=_text(item, "name", where),
                summary=_text(item, "summary", where),
                **_sourced(item, where),
                note=_optional_text(item, "note"),
            )
        )
    return tuple(entries)


@functools.cache
def coproduction_principles() -> tuple[FrameworkEntry, ...]:
    """The NIHR co-production principles, in the order the guidance lists them."""
    return _entries("nihr_coproduction_principles", lambda item, where: _text(item, "id", where))


@functools.cache
def uk_standards() -> tuple[FrameworkEntry, ...]:
    """The six UK Standards for Public Involvement; ``key`` is the standard's number."""
    entries = _entries("uk_standards", lambda item, where: str(_number(item, "number", where)))
    _consecutive([int(e.key) for e in entries], "uk_standards")
    return entries
