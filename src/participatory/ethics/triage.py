"""The triage: is an activity involvement, research, engagement, audit or evaluation.

The rules, in the order they are applied (each cites the guidance it implements):

1. **Who is a participant.** A group is a research participant when the project recruits
   it as one, when it receives the intervention being studied, or when what it says or
   provides is recorded and analysed as study data (HRA/INVOLVE and NRES/INVOLVE: people
   who plan or advise act as specialist advisers; Oxford CUREC: people giving views on
   research are not human participants; Research Involvement and Engagement 2024:
   systematically collecting people's own views or experiences as data is research).
   People whose data co-researchers collect are participants too.
2. **If there are participants**, the HRA "Is my study research?" questions decide:
   randomisation, a change from usual care, or generalisable/transferable findings means
   research. If all are no, the Defining Research table separates clinical audit (against
   a standard), service evaluation (no standard) and usual practice / health surveillance.
3. **If there are none**, contributors and co-researchers are *involved* (no ethics review
   for the involvement itself) and an audience is *engaged*.
4. **An unknown fact that would change the outcome** is never guessed: the activity is
   referred, and the finding names the fact and what each answer would lead to.

>>> import datetime as dt
>>> from participatory.ethics.activity import Activity, Capacity, Party, Task
>>> advisers = Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
...                  facts={"own_data_analysed": False})
>>> result = assess_activity(Activity("advice", parties=[advisers]), as_at=dt.date(2026, 1, 5))
>>> result.outcome, [f.rule_id for f in result.findings][:1]
(<TriageOutcome.INVOLVEMENT: 'involvement'>, ['ETH-INVOLVEMENT-ADVISORY'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from participatory.core.explain import Severity
from participatory.ethics.activity import (
    CO_RESEARCH_TASKS,
    Activity,
    Capacity,
    Party,
    Task,
)
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.guidance import EthicsGuidance, bundled_guidance
from participatory.ethics.implications import (
    explain_audience,
    explain_consent,
    explain_involved,
    explain_safeguarding,
)
from participatory.ethics.outcomes import (
    Action,
    ActivityClassification,
    MissingFact,
    PartyRole,
    PartyStatus,
    TriageOutcome,
)

__all__ = ["HRA_RULE_IDS", "assess_activity"]

#: The rule id of each HRA question's criterion.
HRA_RULE_IDS: Final = {
    Fact.RANDOMISED: "ETH-HRA-RANDOMISATION",
    Fact.CHANGES_USUAL_CARE: "ETH-HRA-CHANGE-FROM-USUAL-CARE",
    Fact.GENERALISABLE: "ETH-HRA-GENERALISABLE",
}
#: Non-research purposes of the Defining Research table: fact, outcome, column, rule, message.
_PURPOSES: Final = (
    (Fact.MEASURED_AGAINST_STANDARD, TriageOutcome.CLINICAL_AUDIT, "clinical_audit", "ETH-AUDIT"),
    (
        Fact.JUDGES_CURRENT_SERVICE,
        TriageOutcome.SERVICE_EVALUATION,
        "service_evaluation",
        "ETH-SERVICE-EVALUATION",
    ),
    (
        Fact.POPULATION_HEALTH,
        TriageOutcome.USUAL_PRACTICE,
        "usual_practice_surveillance",
        "ETH-USUAL-PRACTICE",
    ),
)
_RESEARCH_ACTIONS: Final = (Action.ETHICS_APPLICATION.value,)
_REFER_ACTIONS: Final = (Action.REFER_TO_COMMITTEE.value,)


def assess_activity(
    activity: Activity, *, as_at: dt.date, guidance: EthicsGuidance | None = None
) -> ActivityClassification:
    """Classify one activity, with the reasons, citations and actions as findings.

    ``as_at`` is the day the triage is made (recorded in the result); ``guidance`` defaults
    to the bundled guidance.
    """
    return _Triage(activity, guidance or bundled_guidance(), explain=True).result(as_at)


class _Triage:
    """One run of the rules over one activity, collecting findings as it goes."""

    def __init__(
        self,
        activity: Activity,
        guidance: EthicsGuidance,
        *,
        explain: bool,
        overrides: Mapping[tuple[str | None, Fact], Answer] = MappingProxyType({}),
    ) -> None:
        self.activity = activity
        self.guidance = guidance
        self.explain = explain
        # What-if answers, keyed by (group label or None for the activity, fact): cheaper
        # than building a changed Activity for every question a referral asks.
        self.overrides = overrides
        self.log = FindingLog(activity.id, guidance, enabled=explain)
        self.missing: list[MissingFact] = []
        self.statuses = {p.label: self._status(p) for p in activity.parties}
        self.collectors = tuple(
            p
            for p in activity.parties
            if p.tasks & CO_RESEARCH_TASKS and self.statuses[p.label] is not PartyStatus.PARTICIPANT
        )
        self.outcome = self._decide()

    # -- results -------------------------------------------------------------------------

    def result(self, as_at: dt.date) -> ActivityClassification:
        roles = tuple(
            PartyRole(p.label, p.capacity, self.statuses[p.label], p.people)
            for p in self.activity.parties
        )
        # Passed as a keyword mapping: the attrs plugin mistypes ``converter=tuple`` fields.
        fields: dict[str, Any] = {
            "findings": tuple(self.log.findings),
            "activity_id": self.activity.id,
            "outcome": self.outcome,
            "as_at": as_at,
            "roles": roles,
            "deciding_facts": tuple(self.missing),
        }
        return ActivityClassification(**fields)

    def _answer(self, fact: Fact, party: Party | None = None) -> Answer:
        key = (None if party is None else party.label, fact)
        if key in self.overrides:
            return self.overrides[key]
        return (self.activity if party is None else party).answer(fact)

    # -- rule 1: who is a participant ------------------------------------------------------

    def _status(self, party: Party) -> PartyStatus:
        analysed = self._answer(Fact.OWN_DATA_ANALYSED, party)
        if party.capacity is Capacity.RESEARCH_PARTICIPANT:
            self.log.add(
                "ETH-PARTICIPANT-DECLARED",
                Severity.INFO,
                "participant_declared",
                self.log.source("nihr_participation_engagement"),
                party=party,
            )
            return PartyStatus.PARTICIPANT
        if party.capacity is Capacity.SERVICE_USER:
            self.log.add(
                "ETH-SERVICE-USERS-STUDIED",
                Severity.INFO,
                "service_users_studied",
                (self.guidance.row("data").citation,),
                party=party,
            )
            return PartyStatus.PARTICIPANT
        if Task.TAKE_PART_IN_INTERVENTION in party.tasks:
            self.log.add(
                "ETH-INTERVENTION",
                Severity.INFO,
                "intervention",
                self.log.source("nihr_participation_engagement"),
                party=party,
            )
            return PartyStatus.PARTICIPANT
        if analysed is Answer.YES:
            self.log.add(
                "ETH-DATA-ANALYSED",
                Severity.INFO,
                "data_analysed",
                self.log.point("own_views_analysed_as_data_is_research"),
                party=party,
            )
            return PartyStatus.PARTICIPANT
        if analysed is Answer.UNKNOWN:
            return PartyStatus.POSSIBLE_PARTICIPANT
        if Task.PROVIDE_OWN_DATA in party.tasks:
            self.log.add(
                "ETH-DATA-NOT-ANALYSED",
                Severity.INFO,
                "data_not_analysed",
                self.log.point("views_on_research_are_not_data"),
                party=party,
            )
        return _STATUS_BY_CAPACITY[party.capacity]

    def _data_about_people(self) -> Answer:
        """Whether the data collectors gather is about people (NO when nobody collects)."""
        if not self.collectors:
            return Answer.NO
        return self._answer(Fact.DATA_ABOUT_PEOPLE)

    def _participants(self) -> Answer:
        statuses = self.statuses.values()
        about_people = self._data_about_people()
        if PartyStatus.PARTICIPANT in statuses or about_people is Answer.YES:
            return Answer.YES
        if PartyStatus.POSSIBLE_PARTICIPANT in statuses or about_people is Answer.UNKNOWN:
            return Answer.UNKNOWN
        return Answer.NO

    # -- deciding --------------------------------------------------------------------------

    def _decide(self) -> TriageOutcome:
        participants = self._participants()
        if self.explain:
            self._explain_collectors()
        if participants is Answer.YES:
            outcome = self._by_hra_questions()
            self._explain_unresolved_parties()
        elif participants is Answer.UNKNOWN:
            outcome = self._refer_on_participation()
        else:
            outcome = self._without_participants()
        if self.explain:
            explain_involved(self.log, self.activity, self.statuses, outcome)
            explain_audience(self.log, self.activity, self.statuses)
            explain_consent(self.log, self.activity, self.statuses, outcome)
            explain_safeguarding(self.log, self.activity)
        return outcome

    def _explain_collectors(self) -> None:
        about_people = self._data_about_people()
        for party in self.collectors:
            if about_people is Answer.YES:
                self.log.add(
                    "ETH-CO-RESEARCH-PARTICIPANTS",
                    Severity.INFO,
                    "co_research_participants",
                    self.log.point("co_researchers_conducting_research"),
                    party=party,
                )
            elif about_people is Answer.NO:
                self.log.add(
                    "ETH-CO-RESEARCH-NON-HUMAN-DATA",
                    Severity.INFO,
                    "co_research_non_human",
                    self.log.point("own_views_analysed_as_data_is_research")
                    + self.log.source("nihr_involvement_definition"),
                    party=party,
                )

    def _by_hra_questions(self) -> TriageOutcome:
        questions = self.guidance.hra_questions
        yes = [q for q in questions if self._answer(q.fact) is Answer.YES]
        if yes:
            for question in yes:
                self.log.add(
                    HRA_RULE_IDS[question.fact],
                    Severity.WARNING,
                    "hra_yes",
                    question.citations,
                    actions=_RESEARCH_ACTIONS,
                    question_id=question.id,
                    wording=question.wording,
                )
            return TriageOutcome.RESEARCH
        unknown = [q.fact for q in questions if self._answer(q.fact) is Answer.UNKNOWN]
        if unknown:
            return self._refer_unknown([MissingFact(f) for f in unknown])
        self.log.add(
            "ETH-HRA-NOT-RESEARCH", Severity.INFO, "hra_all_no", self.guidance.any_yes_citations
        )
        return self._by_purpose()

    def _by_purpose(self) -> TriageOutcome:
        answers = [(purpose, self._answer(purpose[0])) for purpose in _PURPOSES]
        yes = [purpose for purpose, answer in answers if answer is Answer.YES]
        unknown = [purpose[0] for purpose, answer in answers if answer is Answer.UNKNOWN]
        table = self.guidance.citation("hra_defining_research_table")
        if len(yes) > 1:
            self.log.add(
                "ETH-REFER-SPANS-CATEGORIES",
                Severity.REFER,
                "refer_spans",
                (table,),
                actions=_REFER_ACTIONS,
                categories=[purpose[1].label for purpose in yes],
            )
            return TriageOutcome.REFER
        if unknown:
            return self._refer_unknown([MissingFact(f) for f in unknown])
        if not yes:
            self.log.add(
                "ETH-REFER-UNCLASSIFIED",
                Severity.REFER,
                "refer_unclassified",
                (table, *self.log.source("cambridge_brc_ppi_ethics")),
                actions=_REFER_ACTIONS,
            )
            return TriageOutcome.REFER
        _fact, outcome, column, rule_id = yes[0]
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
        if PartyStatus.INVOLVED in self.statuses.values():
            return TriageOutcome.INVOLVEMENT
        return TriageOutcome.ENGAGEMENT

    # -- unknown facts ---------------------------------------------------------------------

    def _participation_unknowns(self) -> list[MissingFact]:
        missing = [
            MissingFact(Fact.OWN_DATA_ANALYSED, label)
            for label, status in sorted(self.statuses.items())
            if status is PartyStatus.POSSIBLE_PARTICIPANT
        ]
        if self._data_about_people() is Answer.UNKNOWN:
            missing.append(MissingFact(Fact.DATA_ABOUT_PEOPLE))
        return missing

    def _refer_on_participation(self) -> TriageOutcome:
        return self._refer_unknown(self._participation_unknowns())

    def _explain_unresolved_parties(self) -> None:
        """Unknowns that no longer decide the outcome, because participants are certain."""
        for missing in self._participation_unknowns():
            if missing.party is None:
                continue
            party = self.activity.party(missing.party)
            self.log.add(
                "ETH-PARTY-STATUS-UNKNOWN",
                Severity.WARNING,
                "party_status_unknown",
                self.log.point("own_views_analysed_as_data_is_research"),
                party=party,
                actions=(Action.CONSENT_AND_INFORMATION.value,),
                fact=missing.fact.question,
            )

    def _refer_unknown(self, missing: list[MissingFact]) -> TriageOutcome:
        self.missing.extend(missing)
        if not self.explain:
            return TriageOutcome.REFER
        citations = (
            *self.log.source("cambridge_brc_ppi_ethics"),
            *self.log.point("own_views_analysed_as_data_is_research"),
            *self.log.source("jopson_2022"),
        )
        for item in missing:
            party = self.activity.party(item.party) if item.party else None
            if_yes = self._what_if(item, Answer.YES)
            if_no = self._what_if(item, Answer.NO)
            self.log.add(
                "ETH-REFER-UNKNOWN-FACT",
                Severity.REFER,
                "refer_unknown",
                citations,
                party=party,
                actions=_REFER_ACTIONS,
                fact=item.fact.question,
                if_yes=if_yes.label,
                if_no=if_no.label,
                party_text=None if party else "the activity",
            )
        return TriageOutcome.REFER

    def _what_if(self, missing: MissingFact, answer: Answer) -> TriageOutcome:
        overrides = {**self.overrides, (missing.party, missing.fact): answer}
        return _Triage(self.activity, self.guidance, explain=False, overrides=overrides).outcome


_STATUS_BY_CAPACITY: Final = {
    Capacity.PUBLIC_CONTRIBUTOR: PartyStatus.INVOLVED,
    Capacity.CO_RESEARCHER: PartyStatus.INVOLVED,
    Capacity.EVENT_AUDIENCE: PartyStatus.AUDIENCE,
    Capacity.STAFF: PartyStatus.STAFF,
    Capacity.RESEARCH_PARTICIPANT: PartyStatus.PARTICIPANT,
    Capacity.SERVICE_USER: PartyStatus.PARTICIPANT,
}
