"""Rule 1 of the triage: who in an activity is studied, and what would say so.

A group is a research participant when the project recruits it as one, when it receives the
intervention studied, or when what it says or provides is recorded and analysed as study
data (RIE 2024; HRA/INVOLVE: advisers are not participants). People whose data a group
collects or analyses are participants too, though no group of them takes part, unless they
are participants of a study that already holds approval and this use is within its scope
(then helping with the data is involvement within that study). An unanswered fact here
makes a group a *possible* participant, and the triage names it.

>>> from participatory.ethics.activity import Activity, Capacity, Party, Task
>>> from participatory.ethics.findings import FindingLog
>>> from participatory.ethics.guidance import bundled_guidance
>>> team = Party("audit team", Capacity.STAFF, tasks={Task.ANALYSE_DATA},
...              facts={"own_data_analysed": False})
>>> audit = Activity("audit", parties=[team], facts={"data_about_people": True})
>>> log = FindingLog("audit", bundled_guidance(), enabled=False)
>>> who = Participation(audit, lambda fact, party=None: (party or audit).answer(fact), log)
>>> who.participants(), [m.fact.value for m in who.unknowns()]
(<Answer.UNKNOWN: 'unknown'>, ['approved_study_participants'])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from participatory.core.explain import Severity
from participatory.ethics.activity import CO_RESEARCH_TASKS, Activity, Capacity, Party, Task
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.outcomes import Action, MissingFact, PartyStatus

__all__ = ["AnswerOf", "Participation"]

#: How a run reads an answer: a fact of a group (or of the activity, for ``None``).
AnswerOf = Callable[[Fact, Party | None], Answer]


class Participation:
    """Who is studied in one run of the triage, read through that run's answers."""

    def __init__(self, activity: Activity, answer: AnswerOf, log: FindingLog) -> None:
        self.activity = activity
        self.answer = answer
        self.log = log
        self.statuses = {p.label: self._status(p) for p in activity.parties}
        self.collectors = tuple(
            p
            for p in activity.parties
            if p.tasks & CO_RESEARCH_TASKS and self.statuses[p.label] is not PartyStatus.PARTICIPANT
        )

    def _status(self, party: Party) -> PartyStatus:
        analysed = self.answer(Fact.OWN_DATA_ANALYSED, party)
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
                (self.log.guidance.row("data").citation,),
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

    def explain_collectors(self) -> None:
        """What the data collectors' work makes of the people the data is about."""
        about = self.answer(Fact.DATA_ABOUT_PEOPLE, None) if self.collectors else Answer.NO
        covered = self.covered() if about is Answer.YES else Answer.NO
        for party in self.collectors:
            staff = party.capacity is Capacity.STAFF
            if about is Answer.YES and covered is Answer.YES:
                rule, key = "ETH-DATA-WITHIN-APPROVED-STUDY", "data_within_approved_study"
                citations = self.log.source("within_approved_study")
            elif about is Answer.YES and (
                covered is Answer.NO or PartyStatus.PARTICIPANT in self.statuses.values()
            ):
                rule, key, citations = (
                    ("ETH-STAFF-DATA-ABOUT-PEOPLE", "staff_data_about_people",
                     self.log.source("staff_examine_data"))
                    if staff
                    else ("ETH-CO-RESEARCH-PARTICIPANTS", "co_research_participants",
                          self.log.point("co_researchers_conducting_research"))
                )  # fmt: skip
            elif about is Answer.NO and not staff:
                rule, key = "ETH-CO-RESEARCH-NON-HUMAN-DATA", "co_research_non_human"
                citations = self.log.point(
                    "own_views_analysed_as_data_is_research"
                ) + self.log.source("nihr_involvement_definition")
            else:
                continue
            extra: dict[str, Any] = {}
            if rule == "ETH-DATA-WITHIN-APPROVED-STUDY":
                extra["approval"] = self.activity.approval or "no reference given"
            self.log.add(rule, Severity.INFO, key, citations, party=party, **extra)

    def unknowns(self) -> list[MissingFact]:
        """The unanswered facts on which whether anyone is studied turns."""
        missing = [
            MissingFact(Fact.OWN_DATA_ANALYSED, label)
            for label, status in sorted(self.statuses.items())
            if status is PartyStatus.POSSIBLE_PARTICIPANT
        ]
        if self.data_subjects() is Answer.UNKNOWN:
            # Asked in turn: what the data is about, then whether it belongs to an approved
            # study, then whether this use is within that study's scope.
            for fact in (
                Fact.DATA_ABOUT_PEOPLE,
                Fact.APPROVED_STUDY_PARTICIPANTS,
                Fact.WITHIN_APPROVED_SCOPE,
            ):
                if self.answer(fact, None) is Answer.UNKNOWN:
                    missing.append(MissingFact(fact))
                    break
        return missing

    def explain_unresolved(self, *, research: bool = True) -> None:
        """Unknowns that no longer decide the outcome, because participants are certain.

        ``research`` is whether the outcome is research: in an audit or evaluation the
        people studied are not *research* participants, and the finding says so.
        """
        key = "party_status_unknown" if research else "party_status_unknown_not_research"
        for missing in self.unknowns():
            if missing.party is None:
                continue
            party = self.activity.party(missing.party)
            self.log.add(
                "ETH-PARTY-STATUS-UNKNOWN",
                Severity.WARNING,
                key,
                self.log.point("own_views_analysed_as_data_is_research"),
                party=party,
                actions=(Action.CONSENT_AND_INFORMATION.value,),
                fact=missing.fact.question,
            )

    def covered(self) -> Answer:
        """Whether the data's subjects belong to an approved study whose scope covers this."""
        approved = self.answer(Fact.APPROVED_STUDY_PARTICIPANTS, None)
        if approved is not Answer.YES:
            return approved
        return self.answer(Fact.WITHIN_APPROVED_SCOPE, None)

    def data_subjects(self) -> Answer:
        """Whether the people the collected data is about are participants of this activity.

        No when nobody collects data, or the data is not about people, or they are
        participants of an approved study and this use is within its scope.
        """
        if not self.collectors:
            return Answer.NO
        about = self.answer(Fact.DATA_ABOUT_PEOPLE, None)
        if about is not Answer.YES:
            return about
        covered = self.covered()
        if covered is Answer.UNKNOWN:
            return covered
        return Answer.NO if covered is Answer.YES else Answer.YES

    def unlisted(self) -> bool:
        """Whether the activity studies people no group describes.

        Co-researchers or contributors collect data from people (interviews, surveys), so
        those people are participants, and no group is (or may be) studied: nothing says
        whether they are NHS patients, social care users, in custody or able to consent,
        which the review routes turn on (GAfREC, MCA 2005 s. 30, HMPPS). Where a studied
        group is listed, it is taken to be them. Staff auditing records, or a group
        analysing data already held, need no group for the people the data is about: the
        activity's data facts (identifiable patient data) say what the routes need.
        """
        gathering = any(
            p.capacity is not Capacity.STAFF and Task.COLLECT_DATA in p.tasks
            for p in self.collectors
        )
        if not gathering:
            return False
        studied = (PartyStatus.PARTICIPANT, PartyStatus.POSSIBLE_PARTICIPANT)
        if any(status in studied for status in self.statuses.values()):
            return False
        return self.data_subjects() is Answer.YES

    def participants(self) -> Answer:
        """Whether anyone is studied: yes, no, or unknown (a fact would say)."""
        statuses = self.statuses.values()
        subjects = self.data_subjects()
        if PartyStatus.PARTICIPANT in statuses or subjects is Answer.YES:
            return Answer.YES
        if PartyStatus.POSSIBLE_PARTICIPANT in statuses or subjects is Answer.UNKNOWN:
            return Answer.UNKNOWN
        return Answer.NO


_STATUS_BY_CAPACITY: Final = {
    Capacity.PUBLIC_CONTRIBUTOR: PartyStatus.INVOLVED,
    Capacity.CO_RESEARCHER: PartyStatus.INVOLVED,
    Capacity.EVENT_AUDIENCE: PartyStatus.AUDIENCE,
    Capacity.STAFF: PartyStatus.STAFF,
    Capacity.RESEARCH_PARTICIPANT: PartyStatus.PARTICIPANT,
    Capacity.SERVICE_USER: PartyStatus.PARTICIPANT,
}
