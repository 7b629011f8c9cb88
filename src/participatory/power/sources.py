"""Citations for the sources the power and budget engines rest on.

>>> jopson_2022("5.5").reference
'sec. 5.5'
"""

from __future__ import annotations

import datetime as dt

from participatory.core.explain import Citation

__all__ = ["jopson_2022"]


def jopson_2022(section: str) -> Citation:
    """A section of the Bath benchmarking report (no public URL is known for it)."""
    return Citation(
        title="Participatory Research benchmarking report (Jenny Jopson)",
        publisher="University of Bath",
        reference=f"sec. {section}",
        date=dt.date(2022, 7, 1),
    )
