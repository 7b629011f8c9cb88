"""Planning the review routes of one activity: certain routes, and the questions that remain.

Each route rule (:mod:`participatory.ethics.route_rules`) is evaluated in every nation the
activity takes place in (in all four when the nations are not yet said). A rule whose
condition is yes gives a route; one whose condition turns on an unknown fact gives a
*possible* route. Routes of the same body are merged: one NHS REC opinion for a study in
England and Wales; HRA Approval in England beside HRA and HCRW Approval in Wales.

An unknown fact is asked only if it would change the routes: the planner works out the
routes with the fact answered yes and with it answered no (every other answer unchanged),
and asks the question, naming what each answer leads to, only when the two differ. A fact
only the routes read (:data:`~participatory.ethics.route_rules.ROUTE_ONLY_FACTS`) is tried
by re-reading just the rules that read it; a fact the outcome may turn on by running the
triage again, and, when the answer leaves the outcome and who is studied as they were, by
re-reading just those rules too. The nations are asked the same way, one nation at a time, from the
conditions already worked out in every nation (none is read again).

>>> from participatory.ethics.outcomes import PartyStatus, TriageOutcome
>>> situation = Situation(TriageOutcome.RESEARCH, {"residents": PartyStatus.PARTICIPANT},
...                       False, lambda fact, party: Answer.NO)
>>> state = route_state(situation, frozenset({Nation.WALES}))
>>> sorted(key[0].value for key in state.certain)
['university_rec']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.core.explain import Citation, Severity
from participatory.core.nations import Nation
from participatory.core.record import Record
from participatory.ethics.bodies import BODY_NAMES, Requirement, ReviewBody, ReviewRoute, name_key
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.outcomes import Action, OpenQuestion, QuestionKind, TriageOutcome
from participatory.ethics.route_logic import Read, RouteView, Situation
from participatory.ethics.route_rules import ROUTE_ONLY_FACTS, ROUTE_RULES, RouteRule

__all__ = ["RouteKey", "RoutePlan", "RouteState", "WhatIf", "plan_routes", "route_state"]

#: What identifies a route when two sets of answers are compared.
RouteKey = tuple[ReviewBody, Requirement, tuple[Nation, ...], tuple[ReviewBody, ...]]
#: What the route rules see when the triage is run again with some answers changed.
WhatIf = Callable[[Mapping[Read, Answer]], Situation]

_ALL: Final = tuple(Nation)
_EVERY_NATION: Final = frozenset(_ALL)
_FACT_ORDER: Final = {fact: index for index, fact in enumerate(Fact)}
_NONE: Final = "no further review body"
_NO_REFERENCE: Final = "no reference given"
_APPROVAL_BODIES: Final = frozenset({ReviewBody.EXISTING_APPROVAL, ReviewBody.AMENDMENT})
_DEPENDING: Final = "depending on the other open questions"
_HOW: Final = {
    Requirement.REQUIRED: "",
    Requirement.UNSETTLED: " (not settled: ask)",
    Requirement.POLICY: " (if the university's policy says so)",
    Requirement.ADVICE: " (advice)",
}


@attrs.frozen
class _Draft(Record):
    """One rule's condition in one nation, and what it read."""

    rule: RouteRule
    nation: Nation
    answer: Answer
    reads: Mapping[Read, Answer]
    #: Whether a sensitive fact read is yes (:func:`_rests_on_sensitive`): every grouping of
    #: routes asks it. Given, not worked out here: a condition read once serves a draft in
    #: each nation it covers, and a revision has already asked it.
    sensitive: bool


def _rests_on_sensitive(reads: Mapping[Read, Answer]) -> bool:
    """Whether ``reads`` answer a sensitive fact yes (a group in custody, or lacking capacity)."""
    # Asked of every condition read: most read no yes at all, which is found without a loop.
    if Answer.YES not in reads.values():
        return False
    return any(a is Answer.YES and fact.sensitive for (_p, fact), a in reads.items())


@attrs.frozen
class RouteState(Record):
    """The routes one set of answers leads to: the outcome, certain and possible routes."""

    outcome: TriageOutcome
    certain: frozenset[RouteKey]
    possible: frozenset[RouteKey]


def _drafts(view: RouteView, nations: frozenset[Nation]) -> list[_Draft]:
    found = []
    readings: dict[_Which, _Reading] = {}
    for rule in ROUTE_RULES:
        for nation in _ALL:
            if nation not in rule.nations or (nations and nation not in nations):
                continue
            which = _which(rule, nation)
            reading = readings.get(which)
            if reading is None:
                reading = readings[which] = _read(view, rule, nation)
            found.append(_Draft(rule, nation, *reading))
    return found


#: A condition as read in one nation, or in every nation when it does not read the nation.
_Which = tuple[Callable[[RouteView, Nation], Answer], Nation | None]


def _which(rule: RouteRule, nation: Nation) -> _Which:
    # Keyed by the condition, not the rule: rules that share one (the NHS organisations'
    # permission in each nation, a CTIMP's committee and the MHRA) read it once.
    return (rule.applies, nation if rule.uses_nation else None)


#: A condition's answer, the facts it read, and whether one of them is a sensitive yes.
_Reading = tuple[Answer, Mapping[Read, Answer], bool]


def _read(view: RouteView, rule: RouteRule, nation: Nation) -> _Reading:
    view.fresh_reads()
    answer = rule.applies(view, nation)
    reads = dict(view.reads)
    return answer, reads, _rests_on_sensitive(reads)


def _group(draft: _Draft) -> tuple[object, ...]:
    # A route resting on a sensitive yes (a group in custody) stays apart from one to the same
    # body for an ordinary reason: the ordinary one is shown, the sensitive one withheld, and
    # neither carries the other's rule ids or deciding facts.
    return (draft.rule.group, draft.sensitive)


def _settled(drafts: list[_Draft], known: bool) -> tuple[list[_Draft], list[_Draft]]:
    """The drafts that are certain, and those only possible, given what is known of nations."""
    if known:
        # Each rule's yes is certain and its unknown possible (see _settle_rule): a rule's
        # drafts are consecutive, so this is the order rule by rule, without grouping them.
        return (
            [d for d in drafts if d.answer is Answer.YES],
            [d for d in drafts if d.answer is Answer.UNKNOWN],
        )
    certain: list[_Draft] = []
    possible: list[_Draft] = []
    by_rule: dict[str, list[_Draft]] = {}
    for draft in drafts:
        by_rule.setdefault(draft.rule.rule_id, []).append(draft)
    for rule_drafts in by_rule.values():
        sure, maybe = _settle_rule(rule_drafts, known)
        certain += sure
        possible += maybe
    return certain, possible


def _settle_rule(drafts: list[_Draft], known: bool) -> tuple[list[_Draft], list[_Draft]]:
    """One rule's drafts (``drafts``, in every nation it was read in): certain, and possible."""
    rule = drafts[0].rule
    yes = [d for d in drafts if d.answer is Answer.YES]
    maybe = [d for d in drafts if d.answer is Answer.UNKNOWN]
    if known:
        return yes, maybe
    if not rule.per_nation and rule.nations == _EVERY_NATION and len(yes) == len(_ALL):
        # Yes in every nation: whichever the activity is in, the rule applies.
        return yes, []
    return [], yes + maybe


def _keys(drafts: Iterable[_Draft]) -> frozenset[RouteKey]:
    """The keys of the routes ``drafts`` merge into (as :func:`_merge`, without the routes)."""
    # One pass and no lists: asked for every set of answers a question compares.
    strongest: dict[tuple[object, ...], RouteRule] = {}
    nations: dict[tuple[object, ...], set[Nation]] = {}
    for draft in drafts:
        rule = draft.rule
        if rule.body is None:
            continue
        group = _group(draft)
        held = strongest.get(group)
        # The first of the strongest, as max() takes it in _merge.
        if held is None or rule.strength > held.strength:
            strongest[group] = rule
        if rule.per_nation:
            nations.setdefault(group, set()).add(draft.nation)
    keys = set()
    for group, rule in strongest.items():
        assert rule.body is not None  # grouped only when it has one
        where = _ordered(nations[group]) if rule.per_nation else ()
        keys.add((rule.body, rule.requirement, where, rule.alternatives))
    return frozenset(keys)


def _ordered(nations: Iterable[Nation]) -> tuple[Nation, ...]:
    present = set(nations)
    return tuple(n for n in _ALL if n in present)


def route_key(route: ReviewRoute) -> RouteKey:
    """What identifies ``route`` when two sets of answers are compared."""
    return (route.body, route.requirement, route.nations, route.alternatives)


def route_state(situation: Situation, nations: frozenset[Nation]) -> RouteState:
    """The routes ``situation`` leads to, for comparing what-if answers (no findings)."""
    if situation.outcome is TriageOutcome.REFER:
        return RouteState(situation.outcome, frozenset(), frozenset())
    certain, possible = _settled(_drafts(RouteView(situation), nations), bool(nations))
    return _state(situation.outcome, certain, possible)


def _state(outcome: TriageOutcome, certain: list[_Draft], possible: list[_Draft]) -> RouteState:
    sure = _keys(certain)
    # A route already certain is not "possible" as well: another reason for the same body
    # (an NHS REC for prisoners as well as for patients) changes nobody's answer.
    return RouteState(outcome, sure, _keys(possible) - sure)


def _merge(
    drafts: Iterable[_Draft], citations: Mapping[str, tuple[Citation, ...]]
) -> list[ReviewRoute]:
    groups: dict[tuple[object, ...], list[_Draft]] = {}
    for draft in drafts:
        if draft.rule.body is not None:
            groups.setdefault(_group(draft), []).append(draft)
    routes = []
    for members in groups.values():
        strongest = max(members, key=lambda d: d.rule.strength).rule
        rule_ids = tuple(dict.fromkeys(d.rule.rule_id for d in members))
        read = {f for d in members for (_p, f), a in d.reads.items() if a is not Answer.UNKNOWN}
        assert strongest.body is not None  # grouped only when it has one
        routes.append(
            ReviewRoute(
                body=strongest.body,
                requirement=strongest.requirement,
                nations=[d.nation for d in members] if strongest.per_nation else [],
                alternatives=strongest.alternatives,
                decided_by=tuple(f for f in Fact if f in read),
                rule_ids=rule_ids,
                citations=tuple(
                    dict.fromkeys(c for rule_id in rule_ids for c in citations.get(rule_id, ()))
                ),
                sensitive=any(d.sensitive for d in members),
            )
        )
    return routes


@attrs.frozen
class RoutePlan(Record):
    """The routes of an activity and the questions still open about them."""

    routes: tuple[ReviewRoute, ...] = ()
    questions: tuple[OpenQuestion, ...] = ()


def _names(routes: Iterable[RouteKey]) -> str:
    # Each name once, with its strongest requirement: a body required in one place and not
    # settled in another, or by two rules, is one thing to apply to (or possibly apply to).
    names: dict[str, Requirement] = {}
    # Every part of the key sorts, so the order never rests on a set's: the same body can
    # be certain and "not settled" at once (Scotland A REC), and was listed either way round.
    for body, requirement, nations, _alternatives in sorted(
        routes,
        key=lambda k: (
            -k[0].level,
            k[0].value,
            [n.value for n in k[2]],
            -k[1].strength,
            [a.value for a in k[3]],
        ),
    ):
        nation = nations[0] if len(nations) == 1 else None
        name = BODY_NAMES[name_key(body, nation)]
        held = names.get(name)
        if held is None or requirement.strength > held.strength:
            names[name] = requirement
    return "; ".join(name + _HOW[requirement] for name, requirement in names.items())


def _leads_to(state: RouteState, now: RouteState, other: RouteState) -> str:
    """What one answer adds, in words (English, like the outcome labels in findings).

    The routes it makes certain, then those it makes possible that the other answer does
    not (they turn on the other open questions).
    """
    if state.outcome is TriageOutcome.REFER:
        return "a referral to the ethics committee"
    added = state.certain - now.certain
    maybe = state.possible - other.possible - other.certain
    words = _names(added) if added else _NONE
    if maybe:
        words += f"; possibly {_names(maybe)} ({_DEPENDING})"
    return words


def plan_routes(
    situation: Situation,
    nations: frozenset[Nation],
    log: FindingLog,
    what_if: WhatIf,
    *,
    approval: str,
) -> RoutePlan:
    """The routes of one activity, with their findings and the questions that remain."""
    view = RouteView(situation)
    drafts = _drafts(view, nations)
    certain, possible = _settled(drafts, bool(nations))
    certain = _strongest(certain)
    citations = log.guidance.route_citations
    # The most senior bodies first; otherwise in the order the rules list them.
    routes = sorted(_merge(certain, citations), key=lambda r: -r.body.level)
    _explain(log, certain, citations, approval=approval, outcome=situation.outcome)
    now = _state(situation.outcome, certain, possible)
    # A question's "if yes / if no" names the routes each answer leads to, so it tells what
    # a sensitive yes behind any route is (a capacity body, HMPPS): withheld like the route.
    sensitive = any(d.sensitive for d in drafts)
    questions = _fact_questions(log, drafts, now, what_if, view, nations, sensitive)
    if not nations:
        states = {nation: _nation_state(situation, drafts, nation) for nation in _ALL}
        questions += _nations_question(log, now, states, sensitive=sensitive)
    return RoutePlan(tuple(routes), tuple(questions))


def _nation_state(situation: Situation, drafts: list[_Draft], nation: Nation) -> RouteState:
    """The routes if the activity were in ``nation`` alone, as :func:`route_state` gives them.

    With the nations not yet known, ``drafts`` hold every rule's condition in every nation
    it covers, and a condition reads the same facts whatever the other nations: the drafts
    of ``nation`` are those :func:`route_state` would work out for it, so none is read again.
    """
    if situation.outcome is TriageOutcome.REFER:
        return RouteState(situation.outcome, frozenset(), frozenset())
    certain, possible = _settled([d for d in drafts if d.nation is nation], True)
    return _state(situation.outcome, certain, possible)


def _strongest(certain: list[_Draft]) -> list[_Draft]:
    """Each body's drafts that apply most strongly.

    A university REC required in Scotland is not also "a matter of policy" because an NHS REC
    reviews the English part.
    """
    best: dict[tuple[object, ...], int] = {}
    for draft in certain:
        group = _group(draft)
        best[group] = max(best.get(group, -1), draft.rule.strength)
    return [d for d in certain if d.rule.strength == best[_group(d)]]


def _explain(
    log: FindingLog,
    certain: list[_Draft],
    citations: Mapping[str, tuple[Citation, ...]],
    *,
    approval: str,
    outcome: TriageOutcome,
) -> None:
    by_rule: dict[str, list[_Draft]] = {}
    for draft in certain:
        by_rule.setdefault(draft.rule.rule_id, []).append(draft)
    for rule_id, drafts in by_rule.items():
        rule = drafts[0].rule
        values: dict[str, Any] = {}
        if rule.per_nation:
            values["nations"] = ", ".join(d.nation.label for d in drafts)
        if rule.body in _APPROVAL_BODIES:
            values["approval"] = approval or _NO_REFERENCE
        log.add(
            rule_id,
            rule.severity,
            rule.message_key(outcome),
            citations.get(rule_id, ()),
            actions=rule.actions,
            sensitive=any(d.sensitive for d in drafts),
            **values,
        )


class _Revisions:
    """The routes with one fact answered, from the drafts of the answers as they stand.

    Only the conditions that read the fact are read again: one that did not read it follows
    the same path whatever its answer, so its draft stands. They are read from a view that
    keeps the parts of conditions ``base`` (the view the drafts were read with) worked out
    without reading the fact. The routes follow from each condition's answer, and whether it
    rests on a sensitive yes, not from what it read: they are worked out once for each
    distinct set of changed conditions (most answers change none, and then the routes are
    those of the drafts as they stand), and only the rules changed are settled again, and
    only the routes they merge into merged again (:class:`_RuleKeys`).
    """

    def __init__(self, drafts: list[_Draft], base: RouteView, nations: frozenset[Nation]) -> None:
        self.drafts = drafts
        self.base = base
        self.known = bool(nations)
        # Which drafts read each fact, found once rather than by every question in turn.
        self.readers: dict[Read, list[int]] = {}
        for index, draft in enumerate(drafts):
            for read in draft.reads:
                self.readers.setdefault(read, []).append(index)
        # A rule's drafts are consecutive (see _drafts): each rule's span, and how it settles.
        self.spans: list[range] = []
        self.span_of: list[int] = []
        for index, draft in enumerate(drafts):
            if not index or draft.rule is not drafts[index - 1].rule:
                self.spans.append(range(index, index))
            self.spans[-1] = range(self.spans[-1].start, index + 1)
            self.span_of.append(len(self.spans) - 1)
        parts = [_settle_rule([drafts[i] for i in span], self.known) for span in self.spans]
        rules = [drafts[span.start].rule for span in self.spans]
        self.certain = _RuleKeys(rules, [_merged(sure) for sure, _maybe in parts])
        self.possible = _RuleKeys(rules, [_merged(maybe) for _sure, maybe in parts])
        # Bounded by the questions of one plan (two answers each): it lives as long as the plan.
        self.states: dict[tuple[tuple[int, Answer, bool], ...], RouteState] = {}

    def __call__(self, read: Read, answer: Answer) -> RouteState:
        """The routes with ``read`` answered ``answer`` and every other answer as it stands."""
        situation = self.base.situation

        def answer_of(fact: Fact, label: str | None) -> Answer:
            return answer if (label, fact) == read else situation.answer(fact, label)

        view = RouteView(attrs.evolve(situation, answer=answer_of), base=self.base, changed=read)
        again: dict[_Which, _Reading] = {}
        changed: list[tuple[int, Answer, bool]] = []
        for index in self.readers.get(read, ()):
            draft = self.drafts[index]
            which = _which(draft.rule, draft.nation)
            new = again.get(which)
            if new is None:
                new = again[which] = _read(view, draft.rule, draft.nation)
            # A sensitive fact answered yes also sets its routes apart (see _group), with the
            # same answers: a condition that reads it changes the routes either way.
            if new[0] is not draft.answer or new[2] is not draft.sensitive:
                changed.append((index, new[0], new[2]))
        key_of_state = tuple(changed)
        state = self.states.get(key_of_state)
        if state is None:
            state = self.states[key_of_state] = self._state(key_of_state)
        return state

    def _state(self, changed: tuple[tuple[int, Answer, bool], ...]) -> RouteState:
        drafts = list(self.drafts)
        for index, answer, sensitive in changed:
            draft = drafts[index]
            # What it read is not kept: the routes never look at it.
            drafts[index] = _Draft(draft.rule, draft.nation, answer, {}, sensitive)
        sure: dict[int, _Merged] = {}
        maybe: dict[int, _Merged] = {}
        for span in dict.fromkeys(self.span_of[index] for index, _a, _s in changed):
            part = _settle_rule([drafts[i] for i in self.spans[span]], self.known)
            sure[span], maybe[span] = _merged(part[0]), _merged(part[1])
        certain = self.certain.revised(sure)
        # A route already certain is not "possible" as well (as _state has it).
        return RouteState(
            self.base.situation.outcome, certain, self.possible.revised(maybe) - certain
        )


#: What one rule's drafts add to the routes: the nations of each group they fall in.
_Merged = dict[tuple[object, ...], set[Nation]]


def _merged(drafts: list[_Draft]) -> _Merged:
    """The groups one rule's settled drafts fall in (see _group), each with their nations."""
    groups: _Merged = {}
    for draft in drafts:
        if draft.rule.body is not None:
            groups.setdefault(_group(draft), set()).add(draft.nation)
    return groups


class _RuleKeys:
    """The keys of the routes drafts merge into (as :func:`_keys`), kept rule by rule.

    A route's key is that of the strongest rule merged into it (the first, in the rules'
    order, of the strongest) with the nations of all of them. Given what each rule adds, a
    revision changing a few rules works out again only the routes those rules fall in.
    """

    def __init__(self, rules: list[RouteRule], adds: list[_Merged]) -> None:
        self.rules = rules
        self.adds = adds
        #: Each group's rules (their places in ``rules``), in order.
        self.members: dict[tuple[object, ...], list[int]] = {}
        for place, add in enumerate(adds):
            for group in add:
                self.members.setdefault(group, []).append(place)
        self.keys = {
            group: self._key(group, places, adds) for group, places in self.members.items()
        }

    def revised(self, changed: Mapping[int, _Merged]) -> frozenset[RouteKey]:
        """The keys with the rules at the places in ``changed`` adding what it gives instead."""
        if not changed:
            return frozenset(self.keys.values())
        adds = list(self.adds)
        touched: set[tuple[object, ...]] = set()
        for place, add in changed.items():
            touched.update(adds[place], add)
            adds[place] = add
        keys = [key for group, key in self.keys.items() if group not in touched]
        for group in touched:
            places = sorted(
                {p for p in self.members.get(group, ()) if p not in changed}
                | {p for p, add in changed.items() if group in add}
            )
            if places:
                keys.append(self._key(group, places, adds))
        return frozenset(keys)

    def _key(self, group: tuple[object, ...], places: list[int], adds: list[_Merged]) -> RouteKey:
        strongest = self.rules[places[0]]
        for place in places[1:]:
            if self.rules[place].strength > strongest.strength:
                strongest = self.rules[place]
        assert strongest.body is not None  # grouped only when it has one
        nations = (
            _ordered(n for place in places for n in adds[place][group])
            if strongest.per_nation
            else ()
        )
        return (strongest.body, strongest.requirement, nations, strongest.alternatives)


def _asked_again(
    revise: _Revisions, what_if: WhatIf, read: Read, answer: Answer, nations: frozenset[Nation]
) -> RouteState:
    """The routes with a fact the outcome may turn on answered: the triage is run again.

    When the answer leaves the outcome, the groups' statuses and what the groups do as they
    were, the rules see nothing changed but the fact itself: as for a route-only fact, only
    the conditions that read it are read again.
    """
    now = revise.base.situation
    again = what_if({read: answer})
    if (
        again.outcome is now.outcome
        and again.statuses == now.statuses
        and again.collectors == now.collectors
        and again.intervention == now.intervention
        and again.unlisted == now.unlisted
        and again.records_only == now.records_only
    ):
        return revise(read, answer)
    return route_state(again, nations)


def _fact_questions(
    log: FindingLog,
    drafts: list[_Draft],
    now: RouteState,
    what_if: WhatIf,
    view: RouteView,
    nations: frozenset[Nation],
    sensitive: bool,
) -> list[OpenQuestion]:
    # Kleene logic is monotone: an unknown read by a condition that is yes or no anyway
    # cannot change it, so only the reads of undecided conditions are candidates.
    unknown = dict.fromkeys(
        read
        for d in drafts
        if d.answer is Answer.UNKNOWN
        for read, answer in d.reads.items()
        if answer is Answer.UNKNOWN
    )
    if not unknown:
        return []
    revise = _Revisions(drafts, view, nations)
    questions = []
    for party, fact in sorted(unknown, key=lambda r: (r[0] or "", _FACT_ORDER[r[1]])):
        read = (party, fact)
        if fact in ROUTE_ONLY_FACTS:
            if_yes = revise(read, Answer.YES)
            if_no = revise(read, Answer.NO)
        else:
            if_yes = _asked_again(revise, what_if, read, Answer.YES, nations)
            if_no = _asked_again(revise, what_if, read, Answer.NO, nations)
        if if_yes == if_no:
            continue
        # Asking about a group's capacity or custody says it is not known to be no; asked
        # because the routes rest on a sensitive yes, the question and its finding tell it.
        withheld = sensitive or fact.sensitive
        questions.append(OpenQuestion(QuestionKind.ROUTE, fact, party, sensitive=withheld))
        log.add(
            "ETH-ROUTE-QUESTION",
            Severity.ADVICE,
            "route.question",
            log.source("route_questions"),
            actions=(Action.ANSWER_ROUTE_QUESTIONS.value,),
            sensitive=withheld,
            party_text=party or "the activity",
            fact=fact.question,
            if_yes=_leads_to(if_yes, now, if_no),
            if_no=_leads_to(if_no, now, if_yes),
        )
    return questions


def _nations_question(
    log: FindingLog, now: RouteState, states: Mapping[Nation, RouteState], *, sensitive: bool
) -> list[OpenQuestion]:
    if len(set(states.values())) == 1:
        return []
    everywhere = RouteState(
        now.outcome,
        frozenset.intersection(*(s.certain for s in states.values())),
        frozenset.intersection(*(s.possible for s in states.values())),
    )
    # Each nation's routes beyond those every nation shares.
    by_nation = "; ".join(
        f"{nation.label}: {_leads_to(state, now, everywhere)}" for nation, state in states.items()
    )
    log.add(
        "ETH-ROUTE-NATIONS",
        Severity.ADVICE,
        "route.nations",
        log.source("route_questions"),
        actions=(Action.ANSWER_ROUTE_QUESTIONS.value,),
        sensitive=sensitive,
        by_nation=by_nation,
    )
    return [OpenQuestion(QuestionKind.NATIONS, sensitive=sensitive)]
