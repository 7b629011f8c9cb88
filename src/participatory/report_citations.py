"""Citations of the seed report's passages, shared by every engine that applies them.

The rules of several engines come from one source: Jenny Jopson's *Participatory Research
benchmarking report* for the University of Bath (July 2022). Its passages live in
``participatory/data/report_citations.toml`` with the section, a short quote and a
paraphrase, so each rule cites the report the same way. The same file's ``[sources]`` describe
the report once for the guidance files of the other engines (read by ``participatory._citing``).

>>> citation = report_citation("heart_n_soul_from_beginning")
>>> citation.publisher, citation.reference
('University of Bath', 'section 5.3 Jenny Sutton, Heart n Soul')
>>> report_passage("heart_n_soul_from_beginning").quote
'partners need to be brought in from the beginning, as collaborators and not service providers.'
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from participatory import _citing
from participatory.core.errors import ParameterFileError
from participatory.core.explain import Citation

__all__ = ["ReportPassage", "report_citation", "report_passage", "report_passages"]

_FILE: Final = "participatory/data/report_citations.toml"


@attrs.frozen
class ReportPassage:
    """One passage of the report: where it is, what it says, and its exact words."""

    key: str
    reference: str
    summary: str
    quote: str
    citation: Citation


@functools.cache
def report_passages() -> Mapping[str, ReportPassage]:
    """Every passage in the bundled file, by key (read once, cached)."""
    data, _ = _citing.bundled_guidance(_citing.REPORT_FILE)
    meta = data["meta"]
    passages = {}
    for key, entry in data["citations"].items():
        missing = {"reference", "summary", "quote", "verified"} - set(entry)
        if missing:
            raise ParameterFileError(_FILE, f"citations.{key}", f"lacks {sorted(missing)}")
        date = meta["date"]
        passages[key] = ReportPassage(
            key=key,
            reference=entry["reference"],
            summary=entry["summary"],
            quote=entry["quote"],
            citation=Citation(
                title=meta["title"],
                publisher=meta["publisher"],
                reference=entry["reference"],
                date=date if isinstance(date, dt.date) else None,
                verified=entry["verified"],
            ),
        )
    return MappingProxyType(passages)


def report_passage(key: str) -> ReportPassage:
    """The passage stored under ``key``; an unknown key names the closest one."""
    passages = report_passages()
    try:
        return passages[key]
    except KeyError:
        close = difflib.get_close_matches(key, passages, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise KeyError(f"no report passage is stored as {key!r}{hint}") from None


def report_citation(key: str) -> Citation:
    """The :class:`~participatory.core.explain.Citation` of the passage stored under ``key``."""
    return report_passage(key).citation
