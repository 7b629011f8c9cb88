"""Planning the review routes of one activity: certain routes, and the questions that remain.

Each route rule (:mod:`participatory.ethics.route_rules`) is evaluated in every nation the
activity takes place in (in all four when the nations are not yet said). A rule whose
condition is yes gives a route; one whose condition turns on an unknown fact gives a
*possible* route. Routes of the same body are merged: one NHS REC opinion for a study in
England and Wales; HRA Approval in England beside HRA and HCRW Approval in Wales.

An unknown fact is asked only if it would change the routes: the planner works out the
routes with the fact answered yes and with it answered no (every other answer unchanged),
and asks the question, naming what each answer leads to, only when the two differ. A fact
the outcome may turn on is tried by running the whole triage again; a fact only the routes
read (:data:`~participatory.ethics.route_rules.ROUTE_ONLY_FACTS`) by re-reading just the
rules that read it. The nations are asked the same way, one nation at a time, from the
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
#: The triage asked again with some answers (and possibly the nations) changed.
WhatIf = Callable[[Mapping[Read, Answer], frozenset[Nation]], "RouteState"]

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
    #: Whether a sensitive fact read is yes: every grouping of routes asks it.
    sensitive: bool = attrs.field(init=False)

    @sensitive.default
    def _sensitive(self) -> bool:
        return _rests_on_sensitive(self.reads)


def _rests_on_sensitive(reads: Mapping[Read, Answer]) -> bool:
    """Whether ``reads`` answer a sensitive fact yes (a group in custody, or lacking capacity)."""
    return any(a is Answer.YES and fact.sensitive for (_p, fact), a in reads.items())


@attrs.frozen
class RouteState(Record):
    """The routes one set of answers leads to: the outcome, certain and possible routes."""

    outcome: TriageOutcome
    certain: frozenset[RouteKey]
    possible: frozenset[RouteKey]


def _drafts(view: RouteView, nations: frozenset[Nation]) -> list[_Draft]:
    found = []
    for rule in ROUTE_RULES:
        once: tuple[Answer, Mapping[Read, Answer]] | None = None
        for nation in _ALL:
            if nation not in rule.nations or (nations and nation not in nations):
                continue
            if once is None or rule.uses_nation:
                view.fresh_reads()
                once = (rule.applies(view, nation), dict(view.reads))
            found.append(_Draft(rule, nation, *once))
    return found


def _group(draft: _Draft) -> tuple[object, ...]:
    # A route resting on a sensitive yes (a group in custody) stays apart from one to the same
    # body for an ordinary reason: the ordinary one is shown, the sensitive one withheld, and
    # neither carries the other's rule ids or deciding facts.
    rule = draft.rule
    body = (rule.body, rule.key) if rule.per_nation else (rule.body,)
    return (*body, draft.sensitive)


def _settled(drafts: list[_Draft], known: bool) -> tuple[list[_Draft], list[_Draft]]:
    """The drafts that are certain, and those only possible, given what is known of nations."""
    certain, possible = [], []
    by_rule: dict[str, list[_Draft]] = {}
    for draft in drafts:
        by_rule.setdefault(draft.rule.rule_id, []).append(draft)
    for rule_drafts in by_rule.values():
        rule = rule_drafts[0].rule
        yes = [d for d in rule_drafts if d.answer is Answer.YES]
        maybe = [d for d in rule_drafts if d.answer is Answer.UNKNOWN]
        if known:
            certain += yes
            possible += maybe
        elif not rule.per_nation and rule.nations == _EVERY_NATION and len(yes) == len(_ALL):
            # Yes in every nation: whichever the activity is in, the rule applies.
            certain += yes
        else:
            possible += yes + maybe
    return certain, possible


def _keys(drafts: Iterable[_Draft]) -> frozenset[RouteKey]:
    """The keys of the routes ``drafts`` merge into (as :func:`_merge`, without the routes)."""
    groups: dict[tuple[object, ...], list[_Draft]] = {}
    for draft in drafts:
        if draft.rule.body is not None:
            groups.setdefault(_group(draft), []).append(draft)
    keys = set()
    for members in groups.values():
        strongest = max(members, key=lambda d: d.rule.requirement.strength).rule
        assert strongest.body is not None  # grouped only when it has one
        nations = _ordered(d.nation for d in members) if strongest.per_nation else ()
        keys.add((strongest.body, strongest.requirement, nations, strongest.alternatives))
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
        strongest = max(members, key=lambda d: d.rule.requirement.strength).rule
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
    names = []
    # Every part of the key sorts, so the order never rests on a set's: the same body can
    # be certain and "not settled" at once (Scotland A REC), and was listed either way round.
    for body, _requirement, nations, _alternatives in sorted(
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
        names.append(BODY_NAMES[name_key(body, nation)] + _HOW[_requirement])
    return "; ".join(dict.fromkeys(names))


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
        best[group] = max(best.get(group, -1), draft.rule.requirement.strength)
    return [d for d in certain if d.rule.requirement.strength == best[_group(d)]]


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


def _revised(
    drafts: list[_Draft],
    base: RouteView,
    read: Read,
    answer: Answer,
    nations: frozenset[Nation],
    unchanged: Callable[[], RouteState],
) -> RouteState:
    """The routes with one route-only fact answered: only the rules that read it again.

    A condition that did not read the fact follows the same path whatever its answer, so its
    draft stands; the outcome and who is studied do not turn on a route-only fact. The
    routes follow from each condition's answer alone (not from what it read), so when no
    answer changes they are ``unchanged()``: the routes of ``drafts`` as they stand. The
    parts of conditions that ``base`` (the view ``drafts`` were read with) worked out
    without reading the fact stand too.
    """
    situation = base.situation

    def answer_of(fact: Fact, label: str | None) -> Answer:
        return answer if (label, fact) == read else situation.answer(fact, label)

    view = RouteView(attrs.evolve(situation, answer=answer_of), base=base, changed=read)
    again: dict[tuple[str, Nation | None], tuple[Answer, Mapping[Read, Answer]]] = {}
    answers: list[tuple[Answer, Mapping[Read, Answer]] | None] = []
    changed = False
    for draft in drafts:
        if read not in draft.reads:
            answers.append(None)
            continue
        key = (draft.rule.rule_id, draft.nation if draft.rule.uses_nation else None)
        if key not in again:
            view.fresh_reads()
            again[key] = (draft.rule.applies(view, draft.nation), dict(view.reads))
        answers.append(again[key])
        # A sensitive fact answered yes also sets its routes apart (see _group), with the
        # same answers: a condition that reads it changes the routes either way.
        changed = (
            changed
            or again[key][0] is not draft.answer
            or _rests_on_sensitive(again[key][1]) is not draft.sensitive
        )
    if not changed:
        return unchanged()
    revised = [
        draft if new is None else _Draft(draft.rule, draft.nation, *new)
        for draft, new in zip(drafts, answers, strict=True)
    ]
    certain, possible = _settled(revised, bool(nations))
    return _state(situation.outcome, certain, possible)


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
    standing: list[RouteState] = []

    def unchanged() -> RouteState:
        # Worked out once, and only if some answer leaves every condition as it was.
        if not standing:
            standing.append(_state(view.situation.outcome, *_settled(drafts, bool(nations))))
        return standing[0]

    questions = []
    for party, fact in sorted(unknown, key=lambda r: (r[0] or "", _FACT_ORDER[r[1]])):
        if fact in ROUTE_ONLY_FACTS:
            read = (party, fact)
            if_yes = _revised(drafts, view, read, Answer.YES, nations, unchanged)
            if_no = _revised(drafts, view, read, Answer.NO, nations, unchanged)
        else:
            if_yes = what_if({(party, fact): Answer.YES}, nations)
            if_no = what_if({(party, fact): Answer.NO}, nations)
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
