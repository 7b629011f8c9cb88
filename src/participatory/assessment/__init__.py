"""Assessing a whole project: every engine, one report.

:func:`assess` runs every engine the project gives input for and returns one
:class:`GovernanceReport` (findings grouped by :class:`Area`, the figures each engine
computed). See :doc:`/howto/project-files`.

>>> import datetime as dt
>>> from participatory.project import Project
>>> assess(Project(id="p", title="A project"), as_at=dt.date(2026, 6, 1)).worst
<Severity.MET: 'met'>
"""

from participatory.assessment.receipts import RECEIPT_KINDS, receipt_for, receipts_for
from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.assessment.run import ON_STALE, OnStale, assess

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
