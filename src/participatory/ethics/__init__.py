"""Research or involvement? The ethics triage, decided with reasons.

Classifies each activity of a project as public involvement, research with human
participants, engagement, service evaluation, clinical audit, usual practice / health
surveillance, other non-research, or a grey area to refer to the ethics committee, and
explains why with the HRA, HRA/INVOLVE and NIHR guidance cited. Once the outcome is settled
it names the review routes: which bodies (a university REC, an NHS REC through IRAS with HRA
Approval, the Social Care REC, HMPPS, a capacity appropriate body, data protection duties …)
in which nations, and why. Facts are yes / no / unknown (or not applicable, where a question
presupposes something); an unknown fact that would change the outcome or the route is
asked, never guessed.

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

from participatory.core.nations import Nation
from participatory.ethics.activity import Activity, Capacity, Party, Setting, Task
from participatory.ethics.bodies import Requirement, ReviewBody, ReviewRoute
from participatory.ethics.facts import Answer, Fact, Facts
from participatory.ethics.guidance import EthicsGuidance, bundled_guidance, load_guidance
from participatory.ethics.outcomes import (
    Action,
    ActivityClassification,
    MissingFact,
    OpenQuestion,
    PartyRole,
    PartyStatus,
    QuestionKind,
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
    "Nation",
    "OpenQuestion",
    "Party",
    "PartyRole",
    "PartyStatus",
    "ProjectEthicsSummary",
    "QuestionKind",
    "Requirement",
    "ReviewBody",
    "ReviewRoute",
    "Setting",
    "Task",
    "TriageOutcome",
    "assess_activity",
    "assess_ethics",
    "bundled_guidance",
    "load_guidance",
]
