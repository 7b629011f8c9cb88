"""Hypothesis strategies for the ethics triage's models.

Every strategy builds valid values. Facts are drawn with every answer possible, unknown
included, so properties are tested on incomplete cases as well as complete ones.

>>> from hypothesis import given
>>> from participatory.ethics import assess_activity, TriageOutcome
>>> import datetime as dt
>>> @given(activities())
... def check(activity):
...     assert assess_activity(activity, as_at=dt.date(2026, 1, 1)).outcome in TriageOutcome
>>> check()
"""

from collections.abc import Sequence

from hypothesis import strategies as st

from participatory.ethics.activity import Activity, Capacity, Party, Setting, Task
from participatory.ethics.facts import Answer, Fact, Facts, Scope
from participatory.ethics.project import EthicsProject

__all__ = [
    "ACTIVITY_FACTS",
    "PARTY_FACTS",
    "activities",
    "answers",
    "fact_answers",
    "involvement_activities",
    "parties",
    "person_ids",
    "projects",
]

#: The facts that describe a whole activity.
ACTIVITY_FACTS = tuple(f for f in Fact if f.scope is Scope.ACTIVITY)
#: The facts that describe one group in an activity.
PARTY_FACTS = tuple(f for f in Fact if f.scope is Scope.PARTY)


def answers() -> st.SearchStrategy[Answer]:
    """Yes, no or unknown."""
    return st.sampled_from(Answer)


def fact_answers(facts: Sequence[Fact]) -> st.SearchStrategy[dict[Fact, Answer]]:
    """A mapping from some of ``facts`` to answers (facts left out are unknown)."""
    return st.dictionaries(st.sampled_from(facts), answers(), max_size=len(facts))


def person_ids() -> st.SearchStrategy[str]:
    """Short pseudonymous person ids, so the same person turns up in several groups."""
    return st.sampled_from([f"p{n}" for n in range(1, 7)])


@st.composite
def parties(
    draw: st.DrawFn,
    label: str | None = None,
    capacities: Sequence[Capacity] = tuple(Capacity),
) -> Party:
    """A group in some capacity, with some tasks, facts and people."""
    return Party(
        label=label or draw(st.sampled_from(["advisers", "co-researchers", "group", "public"])),
        capacity=draw(st.sampled_from(capacities)),
        tasks=draw(st.frozensets(st.sampled_from(Task), max_size=4)),
        facts=Facts(draw(fact_answers(PARTY_FACTS))),
        people=draw(st.frozensets(person_ids(), max_size=3)),
    )


@st.composite
def activities(
    draw: st.DrawFn,
    capacities: Sequence[Capacity] = tuple(Capacity),
    max_parties: int = 3,
) -> Activity:
    """An activity with one to ``max_parties`` groups, at least one not staff."""
    count = draw(st.integers(1, max_parties))
    labels = [f"group {n}" for n in range(count)]
    public = [c for c in capacities if c is not Capacity.STAFF] or [Capacity.PUBLIC_CONTRIBUTOR]
    groups = [draw(parties(label=labels[0], capacities=public))]
    groups += [draw(parties(label=label, capacities=capacities)) for label in labels[1:]]
    return Activity(
        id=draw(st.sampled_from(["a1", "a2", "a3", "a4"])),
        parties=groups,
        facts=Facts(draw(fact_answers(ACTIVITY_FACTS))),
        setting=draw(st.sampled_from(Setting)),
    )


def involvement_activities() -> st.SearchStrategy[Activity]:
    """Activities of contributors and co-researchers only (their outcome varies with facts)."""
    return activities(capacities=(Capacity.PUBLIC_CONTRIBUTOR, Capacity.CO_RESEARCHER))


@st.composite
def projects(draw: st.DrawFn, max_activities: int = 4) -> EthicsProject:
    """A project of activities with distinct ids; people recur across activities."""
    count = draw(st.integers(1, max_activities))
    chosen = [draw(activities()) for _ in range(count)]
    renamed = [
        Activity(f"activity {n}", parties=a.parties, facts=a.facts, setting=a.setting)
        for n, a in enumerate(chosen)
    ]
    return EthicsProject("project", activities=renamed)
