"""Hypothesis strategies for project timelines.

>>> from hypothesis import given
>>> @given(timelines())
... def check(plan):
...     assert plan.stages == tuple(sorted(plan.stages, key=lambda s: s.kind.rank))
>>> check()
"""

import datetime as dt

from hypothesis import strategies as st

from participatory.roles.stages import ResearchStage
from participatory.timeline.plan import Deadline, PlannedStage, Timeline

__all__ = ["AS_AT_DATES", "stages", "timelines"]

#: As-at dates the bundled multiplier covers.
AS_AT_DATES = st.dates(min_value=dt.date(2022, 7, 1), max_value=dt.date(2027, 12, 31))


@st.composite
def stages(draw: st.DrawFn, kind: ResearchStage | None = None) -> PlannedStage:
    """One stage of up to two years, co-produced or not, with or without an estimate."""
    start = draw(st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2029, 12, 31)))
    length = draw(st.integers(min_value=0, max_value=730))
    return PlannedStage(
        kind if kind is not None else draw(st.sampled_from(list(ResearchStage))),
        start,
        start + dt.timedelta(days=length),
        co_produced=draw(st.booleans()),
        conventional_days=draw(st.none() | st.integers(min_value=1, max_value=200)),
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    """Plans with one to eight distinct stages and deadlines on some of them."""
    kinds = draw(
        st.lists(st.sampled_from(list(ResearchStage)), min_size=1, max_size=8, unique=True)
    )
    planned = [draw(stages(kind)) for kind in kinds]
    deadlines = []
    for stage in planned:
        if draw(st.booleans()):
            slack = draw(st.integers(min_value=-60, max_value=400))
            deadlines.append(
                Deadline(
                    f"{stage.kind.value} deadline", stage.end + dt.timedelta(days=slack), stage.kind
                )
            )
    return Timeline(stages=planned, deadlines=deadlines)
