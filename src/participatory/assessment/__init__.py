"""Assessing a whole project: every engine, one report.

:func:`assess` runs every engine the project gives input for and returns one
:class:`GovernanceReport` (findings grouped by :class:`Area`, the figures each engine
computed). See :doc:`/howto/project-files`.

The names load on first use: the report's models (:mod:`participatory.assessment.report`)
do not need every engine, and the renderer's words import them alone.

>>> import datetime as dt
>>> from participatory.assessment import assess
>>> from participatory.project import Project
>>> assess(Project(id="p", title="A project"), as_at=dt.date(2026, 6, 1)).worst
<Severity.MET: 'met'>
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from participatory.core.lazy import lazy_attribute

if TYPE_CHECKING:
    from participatory.assessment.receipts import RECEIPT_KINDS, receipt_for, receipts_for
    from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
    from participatory.assessment.run import ON_STALE, OnStale, assess

_LAZY = {
    "RECEIPT_KINDS": "participatory.assessment.receipts",
    "receipt_for": "participatory.assessment.receipts",
    "receipts_for": "participatory.assessment.receipts",
    "Area": "participatory.assessment.report",
    "Figure": "participatory.assessment.report",
    "GovernanceReport": "participatory.assessment.report",
    "ReportSection": "participatory.assessment.report",
    "ON_STALE": "participatory.assessment.run",
    "OnStale": "participatory.assessment.run",
    "assess": "participatory.assessment.run",
}


__getattr__ = lazy_attribute(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "ON_STALE",
    "RECEIPT_KINDS",
    "Area",
    "Figure",
    "GovernanceReport",
    "OnStale",
    "ReportSection",
    "assess",
    "receipt_for",
    "receipts_for",
]
