"""Three-valued reasoning for the route rules: yes, no, or not yet known.

A route rule is a condition over facts. When a fact it needs is unknown, the condition is
unknown too, and the route is *possible* rather than certain; the planner then asks the
facts whose answer would change the routes (:mod:`participatory.ethics.routing`). The
logic is Kleene's: ``yes and unknown`` is unknown, ``no and unknown`` is no, ``yes or
unknown`` is yes. Conditions are written lazily (each part a function), so a part that
cannot change the result is never read, and a :class:`RouteView` records what was read:
the facts that decided a route, and the unknown ones that might.

>>> yes, no, unknown = Answer.YES, Answer.NO, Answer.UNKNOWN
>>> all_of(lambda: yes, lambda: unknown), all_of(lambda: no, lambda: unknown)
(<Answer.UNKNOWN: 'unknown'>, <Answer.NO: 'no'>)
>>> any_of(lambda: unknown, lambda: yes), negate(unknown)
(<Answer.YES: 'yes'>, <Answer.UNKNOWN: 'unknown'>)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Final, TypeAlias

import attrs

from participatory.core.record import Record
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.outcomes import PartyStatus, TriageOutcome

__all__ = ["UNLISTED", "Lazy", "Read", "RouteView", "Situation", "all_of", "any_of", "negate"]

#: One part of a condition, evaluated only when needed.
Lazy: TypeAlias = Callable[[], Answer]
#: A fact read, for a group (its label) or for the activity (``None``).
Read: TypeAlias = tuple[str | None, Fact]
#: Who a read is about when the activity studies people no group describes (the people the
#: collected data is about): their answers are unknown until a group is listed for them.
UNLISTED: Final = "the people the data is about, described by no group"


def all_of(*parts: Lazy) -> Answer:
    """Yes when every part is yes, no as soon as one is no, else unknown."""
    result = Answer.YES
    for part in parts:
        answer = part()
        if answer is Answer.NO:
            return Answer.NO
        if answer is Answer.UNKNOWN:
            result = Answer.UNKNOWN
    return result


def any_of(*parts: Lazy) -> Answer:
    """Yes as soon as one part is yes, no when every part is no, else unknown."""
    result = Answer.NO
    for part in parts:
        answer = part()
        if answer is Answer.YES:
            return Answer.YES
        if answer is Answer.UNKNOWN:
            result = Answer.UNKNOWN
    return result


def negate(answer: Answer) -> Answer:
    """No for yes, yes for no, unknown for unknown."""
    if answer is Answer.UNKNOWN:
        return answer
    return Answer.NO if answer is Answer.YES else Answer.YES


@attrs.frozen
class Situation(Record):
    """What the route rules see of one triage run: its outcome, groups and answers.

    ``answer`` gives the answer the rules read (not applicable already read as no, what-if
    answers applied) for a fact of a group (its label) or of the activity (``None``).
    ``collectors`` is whether any group collects or analyses data, ``intervention`` whether
    any group takes part in an intervention. ``unlisted`` is whether the activity studies
    people no group describes: those whose data a group collects or analyses, with no group
    studied. What they are (NHS patients, in custody, ...) is then unknown, read as the
    answers of :data:`UNLISTED`, so a route turning on it is possible, and asked about,
    never ruled out. ``records_only`` names the groups that do nothing in the activity
    themselves (no task): they are studied, if at all, only through records about them.
    """

    outcome: TriageOutcome
    statuses: Mapping[str, PartyStatus]
    collectors: bool
    answer: Callable[[Fact, str | None], Answer]
    intervention: bool = False
    unlisted: bool = False
    records_only: frozenset[str] = frozenset()


_STUDIED: Final = frozenset({PartyStatus.PARTICIPANT, PartyStatus.POSSIBLE_PARTICIPANT})


class RouteView:
    """The facts of one :class:`Situation` as conditions read them, each read recorded.

    Given ``base`` (a view of the same groups) and the one fact read ``changed`` whose
    answer differs here, the view starts from what ``base`` already worked out that did not
    read that fact: a condition that did not read it follows the same path whatever its
    answer, so its answer and its reads stand.

    >>> from participatory.ethics.outcomes import PartyStatus, TriageOutcome
    >>> answers = {(None, Fact.HEALTH_RELATED): Answer.YES}
    >>> situation = Situation(TriageOutcome.RESEARCH, {}, False,
    ...                       lambda fact, party: answers.get((party, fact), Answer.NO))
    >>> view = RouteView(situation)
    >>> view.shared(lambda v: v.fact(Fact.HEALTH_RELATED)), view.reads
    (<Answer.YES: 'yes'>, {(None, <Fact.HEALTH_RELATED: 'health_related'>): <Answer.YES: 'yes'>})
    """

    def __init__(
        self,
        situation: Situation,
        *,
        base: RouteView | None = None,
        changed: Read | None = None,
    ) -> None:
        self.situation = situation
        self.reads: dict[Read, Answer] = {}
        if base is None:
            # Every rule reads the same few facts: look each up once per situation.
            self._known: dict[Read, Answer] = {}
            # The parts several conditions share, each worked out once per situation: its
            # answer and what it read.
            self._shared: dict[object, tuple[Answer, dict[Read, Answer]]] = {}
            self._labels = tuple(sorted(situation.statuses))
        else:
            self._known = {read: a for read, a in base._known.items() if read != changed}
            self._shared = {
                key: held for key, held in base._shared.items() if changed not in held[1]
            }
            self._labels = base._labels

    def shared(self, condition: Callable[..., Answer], argument: object = None) -> Answer:
        """``condition(self)`` (or ``condition(self, argument)``), worked out once per view.

        For a part several rules' conditions share: its answer depends only on the facts,
        so a second rule reading it gets the same answer, and the same facts are recorded
        as read, without reading them again.
        """
        key = (condition, argument)
        held = self._shared.get(key)
        if held is None:
            outer = self.reads
            self.reads = {}
            try:
                answer = condition(self) if argument is None else condition(self, argument)
            finally:
                inner, self.reads = self.reads, outer
            held = self._shared[key] = (answer, inner)
        self.reads.update(held[1])
        return held[0]

    def fresh_reads(self) -> None:
        """Forget what was read (before the next rule's condition)."""
        self.reads = {}

    def fact(self, fact: Fact, party: str | None = None) -> Answer:
        """The answer to ``fact`` (of group ``party``, or of the activity), recorded."""
        key = (party, fact)
        answer = self._known.get(key)
        if answer is None:
            answer = self._known[key] = self.situation.answer(fact, party)
        self.reads[key] = answer
        return answer

    def outcome_in(self, *outcomes: TriageOutcome) -> Answer:
        """Whether the triage's outcome is one of ``outcomes`` (always known here)."""
        return Answer.YES if self.situation.outcome in outcomes else Answer.NO

    def _studied(self, label: str) -> Answer:
        status = self.situation.statuses[label]
        if status is PartyStatus.PARTICIPANT:
            return Answer.YES
        if status is PartyStatus.POSSIBLE_PARTICIPANT:
            # Whether they are studied turns on their own data being analysed: read it so a
            # question can name it if it changes the route.
            return self.fact(Fact.OWN_DATA_ANALYSED, label)
        return Answer.NO

    def studied(self, fact: Fact) -> Answer:
        """Whether some group the activity studies answers ``fact`` yes."""
        return self.shared(RouteView._studied_any, fact)

    def studied_in_person(self, fact: Fact) -> Answer:
        """Whether some group studied by taking part itself (not only through records) is yes.

        The people no group describes are known only through data about them, so they never
        count here.
        """
        return self.shared(RouteView._studied_in_person_any, fact)

    def studied_not_only_through_records(self, fact: Fact) -> Answer:
        """Whether some group studied, other than one known only through records, is yes.

        Unlike :meth:`studied_in_person`, the people no group describes count: whether their
        data is collected from them or only read from records is not known, so a route
        turning on it stays possible (and the group that would settle it is asked for).
        """
        return self.shared(RouteView._studied_not_only_through_records_any, fact)

    def _studied_not_only_through_records_any(self, fact: Fact) -> Answer:
        result = self.fact(fact, UNLISTED) if self.situation.unlisted else Answer.NO
        if result is Answer.YES:
            return result
        return self._across_studied(fact, result, skip=self.situation.records_only)

    def _studied_in_person_any(self, fact: Fact) -> Answer:
        return self._across_studied(fact, Answer.NO, skip=self.situation.records_only)

    def _studied_any(self, fact: Fact) -> Answer:
        # The people no group describes are studied: their answer (unknown, unless a what-if
        # gives one) counts like a studied group's.
        result = self.fact(fact, UNLISTED) if self.situation.unlisted else Answer.NO
        if result is Answer.YES:
            return result
        return self._across_studied(fact, result)

    def _across_studied(self, fact: Fact, result: Answer, skip: Collection[str] = ()) -> Answer:
        """Yes if a group surely studied answers yes; else unknown if one may; else ``result``.

        Groups in ``skip`` are not asked.
        """
        for label in self._labels:
            if label in skip:
                continue
            studied = self._studied(label)
            if studied is Answer.NO:
                continue
            answer = self.fact(fact, label)
            if answer is Answer.YES and studied is Answer.YES:
                return Answer.YES
            if answer is not Answer.NO:
                result = Answer.UNKNOWN
        return result

    def anyone_described(self) -> bool:
        """Whether anyone studied is described: a group studied (or maybe), or the unlisted.

        When it is false, no answer about the people studied is read at all.
        """
        return self.situation.unlisted or any(
            status in _STUDIED for status in self.situation.statuses.values()
        )

    def collected_data_about_people(self) -> Answer:
        """Whether a group collects or analyses data that is about people."""
        if not self.situation.collectors:
            return Answer.NO
        return self.fact(Fact.DATA_ABOUT_PEOPLE)
