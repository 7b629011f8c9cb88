"""The triage: is an activity involvement, research, audit or evaluation, and who reviews it.

The rules, in the order they are applied (each cites the guidance it implements):

1. **Who is a participant.** A group is a research participant when the project recruits
   it as one, when it receives the intervention being studied, or when what it says or
   provides is recorded and analysed as study data (HRA/INVOLVE and NRES/INVOLVE: people
   who plan or advise act as specialist advisers; Oxford CUREC: people giving views on
   research are not human participants; Research Involvement and Engagement 2024:
   systematically collecting people's own views or experiences as data is research).
   People whose data co-researchers or staff collect are participants too, unless they are
   participants of a study that already holds approval and the use is within its scope:
   then helping with the data is involvement within that study.
2. **If there are participants**, the HRA "Is my study research?" questions decide:
   randomisation, a change from usual care, or generalisable/transferable findings means
   research. So does a clinical trial of a medicine, whatever they say (CT Regs 2004
   reg. 2: it investigates a medicine's safety or efficacy). If all are no, and it is no
   such trial, it is not research, and the Defining Research table says which kind
   (:mod:`participatory.ethics.purposes`).
3. **If there are none**, contributors and co-researchers are *involved* (no ethics review
   for the involvement itself), an audience is *engaged*, and staff alone study nobody.
4. **An unknown fact that would change the outcome** is never guessed: the activity is
   referred, and the finding names the fact and what each answer would lead to
   (:mod:`participatory.ethics.referral`). One exception: when every HRA question is no,
   the activity is not research whoever turns out to be studied, and the HRA sends it to
   local governance, not a committee; the more cautious outcome (the non-research kind)
   is given and the open fact named (``ETH-NOT-RESEARCH-EITHER-WAY``).
5. **Once the outcome is settled, the review routes** (:mod:`participatory.ethics.routing`):
   which bodies, in which nations, and the questions whose answers would change them.
   People whose data co-researchers collect, with no group listed for them, are asked
   about like a group whose answers are all unknown (``ETH-DATA-SUBJECTS-UNLISTED``).

>>> import datetime as dt
>>> from participatory.ethics.activity import Activity, Capacity, Party, Task
>>> advisers = Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
...                  facts={"own_data_analysed": False})
>>> result = assess_activity(Activity("advice", parties=[advisers]), as_at=dt.date(2026, 1, 5))
>>> result.outcome, [f.rule_id for f in result.findings][:1]
(<TriageOutcome.INVOLVEMENT: 'involvement'>, ['ETH-INVOLVEMENT-ADVISORY'])
>>> result.routes
()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.nations import Nation
from participatory.core.periods import to_date
from participatory.ethics.activity import Activity, Capacity, Party, Task
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.guidance import EthicsGuidance, bundled_guidance
from participatory.ethics.implications import (
    explain_audience,
    explain_consent,
    explain_involved,
    explain_role_overlap,
    explain_safeguarding,
)
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
from participatory.ethics.participation import Participation
from participatory.ethics.purposes import PURPOSES, explain_kind, kind_of
from participatory.ethics.referral import explain_referral
from participatory.ethics.route_logic import UNLISTED, Read, Situation, all_of
from participatory.ethics.routing import RoutePlan, RouteState, plan_routes, route_state

__all__ = ["HRA_RULE_IDS", "assess_activity"]

#: The rule id of each HRA question's criterion.
HRA_RULE_IDS: Final = {
    Fact.RANDOMISED: "ETH-HRA-RANDOMISATION",
    Fact.CHANGES_USUAL_CARE: "ETH-HRA-CHANGE-FROM-USUAL-CARE",
    Fact.GENERALISABLE: "ETH-HRA-GENERALISABLE",
}
_RESEARCH_ACTIONS: Final = (Action.ETHICS_APPLICATION.value,)


def assess_activity(
    activity: Activity, *, as_at: dt.date, guidance: EthicsGuidance | None = None
) -> ActivityClassification:
    """Classify one activity and name its review routes, with reasons, citations and actions.

    ``as_at`` is the day the triage is made (recorded in the result; the route rules hold
    from :attr:`~participatory.ethics.guidance.EthicsGuidance.routes_from`); ``guidance``
    defaults to the bundled guidance. When some group answers a safeguarding fact yes, the
    result also holds, as :attr:`~ActivityClassification.shared`, the triage with each such
    yes read as no: what default output shows.
    """
    if not isinstance(activity, Activity):
        raise ValidationError("activity", "must be an Activity")
    day = to_date(as_at, "as_at")
    guidance = guidance or bundled_guidance()
    result = _Triage(activity, guidance, explain=True).result(day)
    shown = activity.with_sensitive_yes_as_no()
    if shown == activity:
        return result
    shared = _Triage(shown, guidance, explain=True).result(day)
    return attrs.evolve(result, shared=shared)


class _Triage:
    """One run of the rules over one activity, collecting findings as it goes."""

    def __init__(
        self,
        activity: Activity,
        guidance: EthicsGuidance,
        *,
        explain: bool,
        overrides: Mapping[Read, Answer] = MappingProxyType({}),
        nations: frozenset[Nation] | None = None,
    ) -> None:
        self.activity = activity
        self.guidance = guidance
        self.explain = explain
        # What-if answers, keyed by (group label or None for the activity, fact): cheaper
        # than building a changed Activity for every question a referral asks.
        self.overrides = overrides
        self.nations = activity.nations if nations is None else nations
        self.log = FindingLog(activity.id, guidance, enabled=explain)
        self.parties = {p.label: p for p in activity.parties}
        self.missing: list[MissingFact] = []
        self.kind_open: tuple[Fact, ...] = ()
        self.who = Participation(activity, self._answer, self.log)
        self.statuses = self.who.statuses
        self.collectors = self.who.collectors
        self.outcome = self._decide()

    # -- results -------------------------------------------------------------------------

    def result(self, as_at: dt.date) -> ActivityClassification:
        plan = self._routes(as_at)
        roles = tuple(
            PartyRole(p.label, p.capacity, self.statuses[p.label], p.people)
            for p in self.activity.parties
        )
        kinds = tuple(OpenQuestion(QuestionKind.ACTIVITY_KIND, fact) for fact in self.kind_open)
        # Passed as a keyword mapping: the attrs plugin mistypes ``converter=tuple`` fields.
        fields: dict[str, Any] = {
            "findings": tuple(self.log.findings),
            "activity_id": self.activity.id,
            "outcome": self.outcome,
            "as_at": as_at,
            "roles": roles,
            "deciding_facts": tuple(self.missing),
            "routes": plan.routes,
            "open_questions": kinds + plan.questions,
        }
        return ActivityClassification(**fields)

    def _answer(self, fact: Fact, party: Party | None = None) -> Answer:
        """The answer the rules read: what-if first, and not applicable read as no."""
        key = (None if party is None else party.label, fact)
        if key in self.overrides:
            return self.overrides[key].effective
        return (self.activity if party is None else party).answer(fact).effective

    def _answer_for(self, fact: Fact, label: str | None) -> Answer:
        if label == UNLISTED:
            # No group describes them: nothing is known of them but a what-if answer.
            return self.overrides.get((label, fact), Answer.UNKNOWN).effective
        return self._answer(fact, None if label is None else self.parties[label])

    # -- deciding --------------------------------------------------------------------------

    def _decide(self) -> TriageOutcome:
        participants = self.who.participants()
        if self.explain:
            self.who.explain_collectors()
        if participants is Answer.YES:
            outcome = self._by_hra_questions()
            self.who.explain_unresolved(research=outcome is TriageOutcome.RESEARCH)
        elif participants is Answer.UNKNOWN and self._not_research_either_way():
            # Whoever turns out to be studied, the activity is not research: the HRA sends
            # it to local governance, never to a REC, so the open fact is no referral.
            outcome = self._by_hra_questions()
            self._explain_either_way(self.who.unknowns())
        elif participants is Answer.UNKNOWN:
            outcome = self._refer_unknown(self.who.unknowns())
        else:
            outcome = self._without_participants()
        if self.explain:
            explain_involved(self.log, self.activity, self.statuses, outcome)
            explain_audience(self.log, self.activity, self.statuses)
            explain_consent(
                self.log,
                self.activity,
                self.statuses,
                outcome,
                trial=self._trial_of_medicine() is Answer.YES,
            )
            if self.who.unlisted():
                self.log.add(
                    "ETH-DATA-SUBJECTS-UNLISTED",
                    Severity.ADVICE,
                    "data_subjects_unlisted",
                    self.log.point("co_researchers_conducting_research")
                    + self.log.source("route_questions"),
                    actions=(Action.ANSWER_ROUTE_QUESTIONS.value,),
                )
            explain_safeguarding(self.log, self.activity)
            explain_role_overlap(self.log, self.activity, self.statuses)
        return outcome

    def _covered_by_approval(self) -> bool:
        return self.who.covered() is Answer.YES

    def _trial_of_medicine(self) -> Answer:
        """Whether the activity is a clinical trial of a medicine, as the route rules read it.

        As :mod:`~participatory.ethics.route_rules` has it: only a group taking part in an
        intervention can be given the medicine, and only health research can be a trial of
        one (a yes beside a no to health-related is refused when the activity is built).
        """
        if not any(Task.TAKE_PART_IN_INTERVENTION in p.tasks for p in self.activity.parties):
            return Answer.NO
        return all_of(
            lambda: Answer.NO if self._answer(Fact.HEALTH_RELATED) is Answer.NO else Answer.YES,
            lambda: self._answer(Fact.CLINICAL_TRIAL_OF_MEDICINE),
        )

    def _by_hra_questions(self) -> TriageOutcome:
        questions = self.guidance.hra_questions
        yes = [q for q in questions if self._answer(q.fact) is Answer.YES]
        # A clinical trial of a medicine is research by definition, whatever the HRA
        # questions are answered (CT Regs 2004 reg. 2: an investigation of a medicine's
        # safety or efficacy; reg. 12: a REC's opinion and the MHRA's authorisation).
        trial = self._trial_of_medicine()
        if yes or trial is Answer.YES:
            # Within an approved study, the approval already covers the research: the route
            # (existing approval) says what to check instead of a new application.
            actions = () if self._covered_by_approval() else _RESEARCH_ACTIONS
            if trial is Answer.YES:
                self.log.add(
                    "ETH-CTIMP-RESEARCH",
                    Severity.WARNING,
                    "ctimp_research",
                    self.guidance.route_citations.get("ETH-ROUTE-MHRA", ()),
                    actions=actions,
                )
            for question in yes:
                self.log.add(
                    HRA_RULE_IDS[question.fact],
                    Severity.WARNING,
                    "hra_yes",
                    question.citations,
                    actions=actions,
                    question_id=question.id,
                    wording=question.wording,
                )
            return TriageOutcome.RESEARCH
        unknown = [q.fact for q in questions if self._answer(q.fact) is Answer.UNKNOWN]
        if trial is Answer.UNKNOWN:
            # Every HRA question no, but it may be a trial of a medicine: that would make it
            # research, so it is asked, not guessed.
            unknown += [
                f
                for f in (Fact.HEALTH_RELATED, Fact.CLINICAL_TRIAL_OF_MEDICINE)
                if self._answer(f) is Answer.UNKNOWN
            ]
        if unknown:
            return self._refer_unknown([MissingFact(f) for f in unknown])
        self.log.add(
            "ETH-HRA-NOT-RESEARCH", Severity.INFO, "hra_all_no", self.guidance.any_yes_citations
        )
        return self._by_purpose()

    def _not_research_either_way(self) -> bool:
        """Whether every HRA question is answered no (so people studied make no research)."""
        return all(self._answer(q.fact) is Answer.NO for q in self.guidance.hra_questions)

    def _explain_either_way(self, missing: list[MissingFact]) -> None:
        """The facts on which whether anyone is studied turns, once they decide nothing.

        Either answer leaves the activity outside research: an audit, evaluation or
        surveillance that studies people (local governance), or an activity that studies
        nobody. The outcome given is the more cautious; the finding says what is open.
        """
        citations = (*self.guidance.any_yes_citations, *self.log.source("not_research_kind_open"))
        for item in missing:
            party = self.activity.party(item.party) if item.party else None
            self.log.add(
                "ETH-NOT-RESEARCH-EITHER-WAY",
                Severity.ADVICE,
                "not_research_either_way",
                citations,
                party=party,
                actions=(Action.ANSWER_ROUTE_QUESTIONS.value,),
                fact=item.fact.question,
                party_text=None if party else "the activity",
            )

    def _by_purpose(self) -> TriageOutcome:
        kind = kind_of(self._answer)
        self.kind_open = kind.open
        if kind.outcome is TriageOutcome.NOT_RESEARCH:
            if self.explain:
                explain_kind(self.log, kind)
            return kind.outcome
        _fact, outcome, column, rule_id = next(p for p in PURPOSES if p[1] is kind.outcome)
        rows = [self.guidance.row(name) for name in ("question", "standard", "rec_review")]
        self.log.add(
            rule_id,
            Severity.ADVICE,
            outcome.value,
            [row.cell_citation(column) for row in rows] + [self.guidance.other_approvals_citation],
            actions=(Action.LOCAL_GOVERNANCE.value,),
            question=rows[0].cells[column],
        )
        return outcome

    def _without_participants(self) -> TriageOutcome:
        statuses = set(self.statuses.values())
        if PartyStatus.INVOLVED in statuses:
            return TriageOutcome.INVOLVEMENT
        if PartyStatus.AUDIENCE in statuses:
            return TriageOutcome.ENGAGEMENT
        self.log.add(
            "ETH-NO-PEOPLE-STUDIED",
            Severity.INFO,
            "no_people_studied",
            self.log.source("no_people_studied"),
        )
        return TriageOutcome.NO_PEOPLE_STUDIED

    # -- unknown facts ---------------------------------------------------------------------

    def _refer_unknown(self, missing: list[MissingFact]) -> TriageOutcome:
        if not self.explain:
            self.missing.extend(missing)
            return TriageOutcome.REFER
        citations = (
            *self.log.source("cambridge_brc_ppi_ethics"),
            *self.log.point("own_views_analysed_as_data_is_research"),
            *self.log.source("research_or_involvement"),
        )
        self.missing.extend(
            explain_referral(self.log, self.activity, missing, self._what_if, citations)
        )
        return TriageOutcome.REFER

    def _what_if(self, missing: MissingFact, answer: Answer) -> TriageOutcome:
        return self._again({(missing.party, missing.fact): answer}).outcome

    def _again(
        self, answers: Mapping[Read, Answer], nations: frozenset[Nation] | None = None
    ) -> _Triage:
        return _Triage(
            self.activity,
            self.guidance,
            explain=False,
            overrides={**self.overrides, **answers},
            nations=self.nations if nations is None else nations,
        )

    # -- rule 5: the review routes ---------------------------------------------------------

    def situation(self) -> Situation:
        """What the route rules see of this run."""
        return Situation(
            self.outcome,
            self.statuses,
            bool(self.collectors),
            self._answer_for,
            intervention=any(
                Task.TAKE_PART_IN_INTERVENTION in party.tasks for party in self.activity.parties
            ),
            unlisted=self.who.unlisted(),
            # A group that does nothing itself is known through records about it; research
            # participants are taken to take part in person whatever tasks are listed.
            records_only=frozenset(
                p.label
                for p in self.activity.parties
                if not p.tasks and p.capacity is not Capacity.RESEARCH_PARTICIPANT
            ),
        )

    def route_state(self, answers: Mapping[Read, Answer], nations: frozenset[Nation]) -> RouteState:
        """The routes with ``answers`` changed and the activity in ``nations``."""
        again = self._again(answers, nations)
        return route_state(again.situation(), again.nations)

    def situation_if(self, answers: Mapping[Read, Answer]) -> Situation:
        """What the route rules see with ``answers`` changed (the nations as they are)."""
        return self._again(answers).situation()

    def _routes(self, as_at: dt.date) -> RoutePlan:
        if self.outcome is TriageOutcome.REFER:
            return RoutePlan()
        if as_at < self.guidance.routes_from:
            self.log.add(
                "ETH-ROUTE-DATE-NOT-COVERED",
                Severity.REFER,
                "route.date_not_covered",
                self.guidance.routes_from_citations,
                actions=(Action.REFER_TO_COMMITTEE.value,),
                routes_from=self.guidance.routes_from,
            )
            return RoutePlan()
        return plan_routes(
            self.situation(),
            self.nations,
            self.log,
            self.situation_if,
            approval=self.activity.approval,
        )
