"""Hypothesis strategies for universities and their readiness evidence.

>>> from hypothesis import given
>>> @given(universities())
... def check(university):
...     assert all(e.item in readiness_criteria().items for e in university.evidence)
>>> check()
"""

import datetime as dt

from hypothesis import strategies as st

from participatory.readiness.assess import Evidence, University
from participatory.readiness.criteria import readiness_criteria

__all__ = ["evidence", "universities"]


def evidence() -> st.SearchStrategy[Evidence]:
    """Evidence of any bundled item, dated 2018 to 2030."""
    return st.builds(
        Evidence,
        item=st.sampled_from(sorted(readiness_criteria().items)),
        since=st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31)),
    )


def universities() -> st.SearchStrategy[University]:
    """Universities with up to 30 pieces of evidence."""
    return st.builds(
        University,
        name=st.sampled_from(["University of Bath", "Anywhere University"]),
        evidence=st.lists(evidence(), max_size=30).map(tuple),
    )
