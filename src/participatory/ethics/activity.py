"""Activities of a project and the groups of people who take part in them.

An :class:`Activity` is one thing a project does with people (an advisory meeting, a design
workshop, interviews, an exhibition, an audit of records). Each :class:`Party` is a group of
people in one capacity doing some tasks; the same person may appear in several activities in
different capacities. Facts are tri-state (see :mod:`participatory.ethics.facts`); the
nations an activity takes place in choose between the review bodies of England, Wales,
Scotland and Northern Ireland (none given: not yet said).

>>> workshop = Activity(
...     "design-workshops",
...     parties=[Party("workshop members", Capacity.PUBLIC_CONTRIBUTOR,
...                    tasks={Task.CO_DESIGN}, facts={"own_data_analysed": None})],
...     setting=Setting.UNIVERSITY,
... )
>>> workshop.party("workshop members").facts.get(Fact.OWN_DATA_ANALYSED)
<Answer.UNKNOWN: 'unknown'>

An audit of records needs no group for the people whose records are checked: the staff who
check them are enough, and the data they analyse is about people.

>>> audit = Activity("records-audit", facts={"data_about_people": True},
...                  parties=[Party("audit team", Capacity.STAFF, tasks={Task.ANALYSE_DATA})])
>>> Activity("staff-meeting", parties=[Party("team", Capacity.STAFF, tasks={Task.ADVISE})])
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: parties: has staff only, and none of them collects, analyses or provides data (give the staff the task collect_data or analyse_data for an audit of records (the people the data is about need no group of their own), or provide_own_data when the staff themselves are studied; a meeting of staff alone needs no triage)
"""  # noqa: E501

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import instances, member, members, set_repr
from participatory.core.nations import Nation
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.core.text import NOT_UTF8, has_lone_surrogate
from participatory.ethics.consistency import (
    check_activity_answers,
    check_party_answers,
    implied_answer,
)
from participatory.ethics.facts import (  # FactInput: to_facts's type, in the constructors'
    Answer,
    Fact,
    FactInput,  # noqa: F401
    Facts,
    Scope,
    to_facts,
)

__all__ = ["Activity", "Capacity", "Party", "Setting", "Task"]


class Capacity(enum.Enum):
    """In what capacity a group takes part, as the project describes it."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: A public contributor or adviser (advisory group, steering group, co-applicant, reviewer).
    PUBLIC_CONTRIBUTOR = "public_contributor"
    #: A member of the public trained to help carry out the research (peer/co-researcher).
    CO_RESEARCHER = "co_researcher"
    #: Someone recruited to the study as a research participant.
    RESEARCH_PARTICIPANT = "research_participant"
    #: Patients or service users whose care, records or views an audit or evaluation looks at.
    SERVICE_USER = "service_user"
    #: A member of the public attending an event, festival or exhibition.
    EVENT_AUDIENCE = "event_audience"
    #: University or NHS staff taking part in their job role.
    STAFF = "staff"


class Task(enum.Enum):
    """What a group does in the activity."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    ADVISE = "advise"
    CO_DESIGN = "co_design"
    REVIEW_DOCUMENTS = "review_documents"
    COLLECT_DATA = "collect_data"
    ANALYSE_DATA = "analyse_data"
    DISSEMINATE = "disseminate"
    TAKE_PART_IN_INTERVENTION = "take_part_in_intervention"
    #: Give their own data, experiences or opinions.
    PROVIDE_OWN_DATA = "provide_own_data"
    ATTEND_EVENT = "attend_event"


#: Tasks in which people carry out research themselves.
CO_RESEARCH_TASKS = frozenset({Task.COLLECT_DATA, Task.ANALYSE_DATA})
#: Tasks in which people plan or advise on research.
ADVISORY_TASKS = frozenset({Task.ADVISE, Task.CO_DESIGN, Task.REVIEW_DOCUMENTS})
#: Tasks that give a staff-only activity something to triage: data handled, or staff studied.
DATA_TASKS = CO_RESEARCH_TASKS | {Task.PROVIDE_OWN_DATA, Task.TAKE_PART_IN_INTERVENTION}


class Setting(enum.Enum):
    """Where the activity happens (``UNKNOWN`` when not yet said)."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    NHS = "nhs"
    SOCIAL_CARE = "social_care"
    COMMUNITY = "community"
    UNIVERSITY = "university"
    MUSEUM_GALLERY = "museum_gallery"
    SCHOOL = "school"
    SECURE_SETTING = "secure_setting"
    ONLINE = "online"
    OTHER = "other"
    UNKNOWN = "unknown"


def _text(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(path, "must be non-empty text")
        _writable(value, path)

    return check


def _optional_text(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str):
            raise ValidationError(path, "must be text")
        _writable(value, path)

    return check


def _writable(value: str, path: str) -> None:
    """Refuse text that could not be written out and read back as the activity's data."""
    if "\x00" in value:
        raise ValidationError(path, "must not hold a NUL character")
    if has_lone_surrogate(value):
        raise ValidationError(path, NOT_UTF8)


def _tasks(value: Iterable[Task | str]) -> frozenset[Task]:
    if isinstance(value, Task | str):
        value = (value,)
    if not isinstance(value, Iterable):
        raise ValidationError("tasks", "must be a set of tasks")
    try:
        return frozenset(Task(t) for t in value)
    except ValueError:
        names = ", ".join(t.value for t in Task)
        raise ValidationError("tasks", "names an unknown task", hint=f"use {names}") from None


def _people(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("people", "must be a collection of person ids")
    people = frozenset(value)
    if not all(isinstance(p, str) and p.strip() for p in people):
        raise ValidationError("people", "must hold non-empty person ids")
    for person in people:
        _writable(person, "people")
    return people


def _capacity(value: Capacity | str) -> Capacity:
    return member(Capacity, value, "capacity", problem="is not a known capacity")


@attrs.frozen
class Party(Record):
    """One group of people taking part in an activity in one capacity.

    ``people`` holds person ids (pseudonyms are fine) so the project summary can spot a
    person who is a contributor in one activity and a participant in another. ``notes`` is
    for context such as lived experience or safeguarding notes and is never shown.
    """

    label: str = attrs.field(validator=_text("label"))
    capacity: Capacity = attrs.field(converter=_capacity)
    tasks: frozenset[Task] = attrs.field(factory=frozenset, converter=_tasks, repr=set_repr)
    facts: Facts = attrs.field(factory=Facts, converter=to_facts)
    people: frozenset[str] = attrs.field(factory=frozenset, converter=_people, repr=set_repr)
    notes: str = attrs.field(
        default="", repr=REDACTED, metadata=SENSITIVE, validator=_optional_text("notes")
    )

    def __attrs_post_init__(self) -> None:
        self.facts.check_scope(Scope.PARTY, "facts")
        problem: ValidationError | None = None
        try:
            check_party_answers(
                self.facts,
                tasks=[t.value for t in self.tasks],
                capacity=self.capacity.value,
                path="facts",
            )
        except ValidationError as error:
            problem = error
        if problem is not None:
            # Two age answers that contradict each other say what they are: counted, as the
            # project reader counts them. Raised here, so no __context__ keeps the original.
            from participatory.project.references import withheld_if_special

            raise withheld_if_special(problem, Party)

    def answer(self, fact: Fact) -> Answer:
        """The group's answer to ``fact``, or the one its other age answers imply."""
        return implied_answer(self.facts, fact)


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    parties = instances(Party, value, "parties", what="parties")
    # Sorted by label so results never depend on the order the groups were listed in.
    return tuple(sorted(parties, key=lambda p: p.label))


def _setting(value: Setting | str) -> Setting:
    return member(Setting, value, "setting", problem="is not a known setting")


def _nations(value: Iterable[Nation | str]) -> frozenset[Nation]:
    return members(Nation, value, "nations")


_STAFF_ONLY_HINT = (
    "give the staff the task collect_data or analyse_data for an audit of records (the "
    "people the data is about need no group of their own), or provide_own_data when the "
    "staff themselves are studied; a meeting of staff alone needs no triage"
)


@attrs.frozen
class Activity(Record):
    """One activity of a project, the groups taking part and the facts about it.

    ``nations`` are the nations the activity takes place in (all of them: the review routes
    of each apply); left empty, it is not yet said, and the triage asks when the answer
    would change the route. ``approval`` is the reference of the approved study the activity
    belongs to, if any (an IRAS or committee reference), quoted back in the findings.
    """

    id: str = attrs.field(validator=_text("id"))
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    facts: Facts = attrs.field(factory=Facts, converter=to_facts)
    setting: Setting = attrs.field(default=Setting.UNKNOWN, converter=_setting)
    title: str = attrs.field(default="", validator=_optional_text("title"))
    nations: frozenset[Nation] = attrs.field(factory=frozenset, converter=_nations, repr=set_repr)
    approval: str = attrs.field(default="", validator=_optional_text("approval"))

    def __attrs_post_init__(self) -> None:
        if not self.parties:
            raise ValidationError("parties", "must name at least one group taking part")
        labels = [p.label for p in self.parties]
        if len(set(labels)) != len(labels):
            raise ValidationError("parties", "has two groups with the same label")
        if all(p.capacity is Capacity.STAFF for p in self.parties) and not any(
            p.tasks & DATA_TASKS for p in self.parties
        ):
            raise ValidationError(
                "parties",
                "has staff only, and none of them collects, analyses or provides data",
                hint=_STAFF_ONLY_HINT,
            )
        self.facts.check_scope(Scope.ACTIVITY, "facts")
        check_activity_answers(
            self.facts,
            collects_data=any(p.tasks & CO_RESEARCH_TASKS for p in self.parties),
            nhs_setting=self.setting is Setting.NHS,
            path="facts",
        )

    def answer(self, fact: Fact) -> Answer:
        """The activity's answer to ``fact`` (an NHS setting answers ``nhs_premises`` yes)."""
        if fact is Fact.NHS_PREMISES and self.setting is Setting.NHS:
            return Answer.YES
        return self.facts.get(fact)

    def party(self, label: str) -> Party:
        """The group with ``label``."""
        for party in self.parties:
            if party.label == label:
                return party
        raise KeyError(label)

    def with_party_answer(self, label: str, fact: Fact | str, answer: object) -> Activity:
        """A copy in which the group ``label`` answers ``fact`` (a Fact or its name) differently."""
        parties = [
            attrs.evolve(p, facts=p.facts.with_answer(fact, answer)) if p.label == label else p
            for p in self.parties
        ]
        return attrs.evolve(self, parties=parties)

    def with_answer(self, fact: Fact | str, answer: object) -> Activity:
        """A copy with the activity fact ``fact`` (a Fact or its name) answered differently."""
        return attrs.evolve(self, facts=self.facts.with_answer(fact, answer))

    def with_sensitive_yes_as_no(self) -> Activity:
        """A copy in which every group's yes to a sensitive fact is no.

        The facts of :attr:`Fact.sensitive` (capacity, custody, age, vulnerability) never
        change the outcome, only the routes and the safeguarding findings: the default
        output of the ``ethics`` command is this copy's triage, so that it reads the same
        whichever group has people who may lack capacity, are in custody, are under 18 or
        are in vulnerable circumstances (and whether any has). A route or finding such an
        answer adds or changes is in the full output only.

        >>> group = Party("residents", Capacity.RESEARCH_PARTICIPANT,
        ...               facts={"in_custody_or_on_probation": True})
        >>> shown = Activity("interviews", parties=[group]).with_sensitive_yes_as_no()
        >>> shown.party("residents").answer(Fact.IN_CUSTODY_OR_ON_PROBATION)
        <Answer.NO: 'no'>
        """
        parties = [attrs.evolve(p, facts=p.facts.with_sensitive_yes_as_no()) for p in self.parties]
        return attrs.evolve(self, parties=parties)
