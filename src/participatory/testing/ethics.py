"""Hypothesis strategies for the ethics triage's models.

Every strategy builds valid values. Facts are drawn with every answer possible, unknown
included (and not applicable where the fact allows it), so properties are tested on
incomplete cases as well as complete ones; answers that contradict each other (nobody under
18 but children under 16) are dropped, as the models would refuse them.

>>> from hypothesis import given
>>> from participatory.ethics import assess_activity, TriageOutcome
>>> import datetime as dt
>>> @given(activities())
... def check(activity):
...     assert assess_activity(activity, as_at=dt.date(2026, 1, 1)).outcome in TriageOutcome
>>> check()
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.core.nations import Nation
from participatory.ethics.activity import Activity, Capacity, Party, Setting, Task
from participatory.ethics.bodies import Requirement, ReviewBody, ReviewRoute
from participatory.ethics.facts import Answer, Fact, Facts, Scope
from participatory.ethics.outcomes import OpenQuestion, QuestionKind
from participatory.ethics.project import EthicsProject
from participatory.ethics.route_rules import ROUTE_ONLY_FACTS

__all__ = [
    "ACTIVITY_FACTS",
    "PARTY_FACTS",
    "ROUTE_FACTS",
    "VULNERABLE_FACTS",
    "activities",
    "answers",
    "fact_answers",
    "involvement_activities",
    "nations",
    "open_questions",
    "parties",
    "person_ids",
    "projects",
    "review_routes",
    "settled_activities",
    "staff_activities",
]

#: The facts that describe a whole activity.
ACTIVITY_FACTS = tuple(f for f in Fact if f.scope is Scope.ACTIVITY)
#: The facts that describe one group in an activity.
PARTY_FACTS = tuple(f for f in Fact if f.scope is Scope.PARTY)
#: Facts a yes to which says a group is in vulnerable circumstances (capacity, custody, age).
VULNERABLE_FACTS = (
    Fact.VULNERABLE,
    Fact.UNDER_18,
    Fact.UNDER_16,
    Fact.AGED_16_17,
    Fact.MAY_LACK_CAPACITY,
    Fact.IN_CUSTODY_OR_ON_PROBATION,
    Fact.HELD_IN_CUSTODY,
)
#: Facts that choose the review route but never the outcome, in the order ``Fact`` declares
#: them (the rules hold a set; a strategy needs a fixed order to replay its examples).
ROUTE_FACTS = tuple(fact for fact in Fact if fact in ROUTE_ONLY_FACTS)
#: Facts an open question about the routes may ask: those, and whether the activity is a
#: trial of a medicine (and health-related), which decide the outcome as well.
_ROUTE_QUESTION_FACTS = (*ROUTE_FACTS, Fact.HEALTH_RELATED, Fact.CLINICAL_TRIAL_OF_MEDICINE)

T = TypeVar("T")
_KIND_FACTS = (Fact.MEASURED_AGAINST_STANDARD, Fact.JUDGES_CURRENT_SERVICE, Fact.POPULATION_HEALTH)
_FACTS_BY_NAME = {fact.value: fact for fact in Fact}


def answers(fact: Fact | None = None) -> st.SearchStrategy[Answer]:
    """Yes, no or unknown, and not applicable where ``fact`` allows it (never for ``None``)."""
    if fact is not None and fact.allows_not_applicable:
        return st.sampled_from(Answer)
    return st.sampled_from([Answer.YES, Answer.NO, Answer.UNKNOWN])


@st.composite
def fact_answers(draw: st.DrawFn, facts: Sequence[Fact]) -> dict[Fact, Answer]:
    """A mapping from some of ``facts`` to answers each allows (facts left out are unknown)."""
    chosen = draw(st.lists(st.sampled_from(facts), unique=True, max_size=len(facts)))
    return {fact: draw(answers(fact)) for fact in chosen}


def _consistent(build: Callable[[dict[Fact, Answer]], T], facts: dict[Fact, Answer]) -> T:
    """``build(facts)``, dropping each answer the model refuses until it accepts the rest."""
    facts = dict(facts)
    while True:
        try:
            return build(facts)
        except ValidationError as error:
            # A refused safeguarding answer is withheld from the message and the error's own
            # path: the path of the problem it counts says which answer to drop.
            first = getattr(error, "problems", (error,))[0]
            refused = first.path.removeprefix("facts.")
            fact = _FACTS_BY_NAME.get(refused)
            if fact is None or fact not in facts:  # pragma: no cover - not about one answer
                raise
            del facts[fact]


def person_ids() -> st.SearchStrategy[str]:
    """Short pseudonymous person ids, so the same person turns up in several groups."""
    return st.sampled_from([f"p{n}" for n in range(1, 7)])


def nations() -> st.SearchStrategy[frozenset[Nation]]:
    """The nations an activity takes place in: none said, one, or several."""
    return st.frozensets(st.sampled_from(Nation), max_size=4)


@st.composite
def parties(
    draw: st.DrawFn,
    label: str | None = None,
    capacities: Sequence[Capacity] = tuple(Capacity),
    required: frozenset[Task] = frozenset(),
) -> Party:
    """A group in some capacity, with some tasks (``required`` among them), facts and people."""
    name = label or draw(st.sampled_from(["advisers", "co-researchers", "group", "public"]))
    capacity = draw(st.sampled_from(capacities))
    chosen = draw(st.frozensets(st.sampled_from(Task), max_size=4)) | required
    people = draw(st.frozensets(person_ids(), max_size=3))

    def build(facts: dict[Fact, Answer]) -> Party:
        return Party(name, capacity, tasks=chosen, facts=Facts(facts), people=people)

    return _consistent(build, draw(fact_answers(PARTY_FACTS)))


def _activity(draw: st.DrawFn, groups: list[Party], activity_id: str) -> Activity:
    setting = draw(st.sampled_from(Setting))
    where = draw(nations())
    approval = draw(st.sampled_from(["", "IRAS 300001"]))

    def build(facts: dict[Fact, Answer]) -> Activity:
        return Activity(
            activity_id,
            parties=groups,
            facts=Facts(facts),
            setting=setting,
            nations=where,
            approval=approval,
        )

    return _consistent(build, draw(fact_answers(ACTIVITY_FACTS)))


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
    return _activity(draw, groups, draw(st.sampled_from(["a1", "a2", "a3", "a4"])))


@st.composite
def staff_activities(draw: st.DrawFn, max_parties: int = 2) -> Activity:
    """An activity of staff only, the first group handling data (an audit of records, say)."""
    count = draw(st.integers(1, max_parties))
    staff = (Capacity.STAFF,)
    first = draw(parties("staff 0", staff, required=frozenset({Task.ANALYSE_DATA})))
    others = [draw(parties(f"staff {n}", staff)) for n in range(1, count)]
    return _activity(draw, [first, *others], "staff-activity")


def involvement_activities() -> st.SearchStrategy[Activity]:
    """Activities of contributors and co-researchers only (their outcome varies with facts)."""
    return activities(capacities=(Capacity.PUBLIC_CONTRIBUTOR, Capacity.CO_RESEARCHER))


@st.composite
def projects(draw: st.DrawFn, max_activities: int = 4) -> EthicsProject:
    """A project of activities with distinct ids; people recur across activities."""
    count = draw(st.integers(1, max_activities))
    chosen = [draw(activities()) for _ in range(count)]
    renamed = [
        Activity(
            f"activity {n}",
            parties=a.parties,
            facts=a.facts,
            setting=a.setting,
            nations=a.nations,
            approval=a.approval,
        )
        for n, a in enumerate(chosen)
    ]
    return EthicsProject("project", activities=renamed)


def review_routes() -> st.SearchStrategy[ReviewRoute]:
    """Routes as the triage gives them (for round-tripping a system's stored routes)."""
    return st.builds(
        ReviewRoute,
        body=st.sampled_from(ReviewBody),
        requirement=st.sampled_from(Requirement),
        nations=st.frozensets(st.sampled_from(Nation), max_size=2).map(tuple),
        alternatives=st.lists(st.sampled_from(ReviewBody), max_size=1, unique=True).map(tuple),
        decided_by=st.lists(st.sampled_from(Fact), max_size=3, unique=True).map(
            lambda facts: tuple(f for f in Fact if f in facts)
        ),
        rule_ids=st.lists(
            st.sampled_from(["ETH-ROUTE-NHS-REC", "ETH-ROUTE-DPIA"]), max_size=2, unique=True
        ).map(tuple),
        sensitive=st.booleans(),
    )


def open_questions() -> st.SearchStrategy[OpenQuestion]:
    """Open questions of each kind: the nations, a route fact, a kind of activity."""
    return st.one_of(
        st.just(OpenQuestion(QuestionKind.NATIONS)),
        st.builds(
            OpenQuestion,
            kind=st.just(QuestionKind.ROUTE),
            fact=st.sampled_from(_ROUTE_QUESTION_FACTS),
            party=st.none() | st.sampled_from(["group 0", "group 1"]),
        ),
        st.builds(
            OpenQuestion,
            kind=st.just(QuestionKind.ACTIVITY_KIND),
            fact=st.sampled_from(_KIND_FACTS),
        ),
    )


# Every fact whose answer the outcome can turn on (answered by settled_activities).
_DECIDING = (
    Fact.RANDOMISED,
    Fact.CHANGES_USUAL_CARE,
    Fact.GENERALISABLE,
    Fact.MEASURED_AGAINST_STANDARD,
    Fact.JUDGES_CURRENT_SERVICE,
    Fact.POPULATION_HEALTH,
    Fact.DATA_ABOUT_PEOPLE,
    Fact.APPROVED_STUDY_PARTICIPANTS,
    Fact.WITHIN_APPROVED_SCOPE,
)


def _answered(activity: Activity, where: str | None, fact: Fact, answer: Answer) -> Activity:
    """``activity`` with one more answer, or unchanged if the models refuse it."""
    try:
        if where is None:
            return activity.with_answer(fact, answer)
        return activity.with_party_answer(where, fact, answer)
    except ValidationError:
        return activity


@st.composite
def settled_activities(
    draw: st.DrawFn, base: st.SearchStrategy[Activity] | None = None
) -> Activity:
    """Activities whose outcome the facts decide: each fact it can turn on is yes or no.

    The route facts keep whatever :func:`activities` drew (unknown included), so the review
    routes and their questions are exercised; only referrals are (nearly always) avoided.
    """
    activity = draw(base if base is not None else activities())
    targets: list[tuple[str | None, Fact]] = [(None, f) for f in _DECIDING]
    targets += [(p.label, Fact.OWN_DATA_ANALYSED) for p in activity.parties]
    for where, fact in targets:
        target = activity if where is None else activity.party(where)
        if target.answer(fact) is Answer.UNKNOWN:
            answer = draw(st.sampled_from([Answer.YES, Answer.NO]))
            activity = _answered(activity, where, fact, answer)
    return activity
