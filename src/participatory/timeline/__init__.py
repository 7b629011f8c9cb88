"""Time: a realistic plan for a participatory project, and findings where it is not.

"Good participatory research takes time a lot of time!" (Jopson 2022, section 2.2). A
:class:`Timeline` lists the planned stages of a project (:class:`PlannedStage`, one per
:class:`~participatory.roles.ResearchStage`, the stages the roles engine speaks of too:
relationship building before any application, idea generation, application, design,
delivery, analysis, dissemination, legacy), each with planned dates, whether it is
co-produced and, optionally, how long the same stage would take run conventionally. The
engine

* checks that relationship building starts, and has time, *before* the application
  (sections 2.2, 2.3 and 5.5: "Relationship building needs to come before ideas");
* stretches every co-produced stage by the dated parameter
  ``timeline.co_production_multiplier`` (5, from Heart n Soul's "Everything took about
  five times as long as expected", section 5.3: one project's experience, not a norm, so
  an institution lays its own value over it) and carries each stage's slip on to the
  stages after it;
* reports every deadline the stretched plan cannot meet.

Dates may be :class:`datetime.date` or ``pendulum`` dates; a timezone-aware moment is
taken as its day in Europe/London.

>>> import datetime as dt
>>> plan = Timeline(stages=[
...     PlannedStage(ResearchStage.APPLICATION, "2026-01-05", "2026-02-27", co_produced=True,
...                  conventional_days=20),
... ], deadlines=[Deadline("Funder's closing date", "2026-03-02", ResearchStage.APPLICATION)])
>>> result = assess_timeline(plan, as_at=dt.date(2026, 1, 1))
>>> result.pre_application_days, result.multiplier
(0, Decimal('5'))
>>> [f.rule_id for f in result.at_least(Severity.ADVICE)]
['TIME-NO-RELATIONSHIP-TIME', 'TIME-DEADLINE-UNREACHABLE', 'TIME-STAGE-TOO-SHORT']
"""

from participatory.core.explain import Severity
from participatory.roles.stages import ResearchStage
from participatory.timeline.assess import (
    MULTIPLIER,
    ScheduledStage,
    TimelineAssessment,
    assess_timeline,
)
from participatory.timeline.plan import Deadline, PlannedStage, Timeline

__all__ = [
    "MULTIPLIER",
    "Deadline",
    "PlannedStage",
    "ResearchStage",
    "ScheduledStage",
    "Severity",
    "Timeline",
    "TimelineAssessment",
    "assess_timeline",
]
