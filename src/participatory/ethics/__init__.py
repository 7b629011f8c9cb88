"""Research or involvement? The ethics triage, decided with reasons.

Classifies each activity of a project as public involvement, research with human
participants, engagement, service evaluation, clinical audit, usual practice / health
surveillance, or a grey area to refer to the ethics committee, and explains why with the
HRA, HRA/INVOLVE and NIHR guidance cited. Facts are yes / no / unknown; an unknown fact
that would change the outcome is never guessed.

>>> import datetime as dt
>>> from participatory.ethics import Activity, Capacity, Party, Task, assess_activity
>>> workshop = Activity("workshops", parties=[
...     Party("members of the public", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.CO_DESIGN})])
>>> result = assess_activity(workshop, as_at=dt.date(2026, 2, 1))
>>> result.outcome
<TriageOutcome.REFER: 'refer'>
>>> [(m.fact.value, m.party) for m in result.deciding_facts]
[('own_data_analysed', 'members of the public')]
"""

from participatory.ethics.activity import Activity, Capacity, Party, Setting, Task
from participatory.ethics.facts import Answer, Fact, Facts
from participatory.ethics.guidance import EthicsGuidance, bundled_guidance, load_guidance
from participatory.ethics.outcomes import (
    Action,
    ActivityClassification,
    MissingFact,
    PartyRole,
    PartyStatus,
    TriageOutcome,
)
from participatory.ethics.project import EthicsProject, ProjectEthicsSummary, assess_ethics
from participatory.ethics.triage import assess_activity

__all__ = [
    "Action",
    "Activity",
    "ActivityClassification",
    "Answer",
    "Capacity",
    "EthicsGuidance",
    "EthicsProject",
    "Fact",
    "Facts",
    "MissingFact",
    "Party",
    "PartyRole",
    "PartyStatus",
    "ProjectEthicsSummary",
    "Setting",
    "Task",
    "TriageOutcome",
    "assess_activity",
    "assess_ethics",
    "bundled_guidance",
    "load_guidance",
]
