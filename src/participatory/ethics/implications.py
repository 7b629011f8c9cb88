"""What an outcome implies for each group: involvement, engagement, consent, safeguarding.

These findings never change the outcome; they say what people must do because of it:
role descriptions, the involvement log and payment for contributors; training and support
for co-researchers; participant information and consent (from a parent for children under
16, who in other research than a trial of a medicine may consent for themselves if they
fully understand; young people of 16 and 17 are generally presumed able to consent);
safeguarding; and keeping the same person from being both a contributor and a participant
in one activity.

>>> sorted(a.name for a in (Action(k) for k in INVOLVEMENT_ACTIONS))
['INVOLVEMENT_LOG', 'PAY_PER_POLICY', 'ROLE_DESCRIPTION']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.core.explain import Citation, Severity
from participatory.ethics.activity import (
    ADVISORY_TASKS,
    CO_RESEARCH_TASKS,
    Activity,
    Capacity,
    Setting,
)
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.findings import FindingLog
from participatory.ethics.outcomes import Action, PartyStatus, TriageOutcome

__all__ = [
    "INVOLVEMENT_ACTIONS",
    "explain_audience",
    "explain_consent",
    "explain_involved",
    "explain_role_overlap",
    "explain_safeguarding",
]

#: What involving contributors always implies.
INVOLVEMENT_ACTIONS: Final = (
    Action.ROLE_DESCRIPTION.value,
    Action.INVOLVEMENT_LOG.value,
    Action.PAY_PER_POLICY.value,
)
_NHS_SETTINGS: Final = frozenset({Setting.NHS, Setting.SOCIAL_CARE})


def explain_involved(
    log: FindingLog, activity: Activity, statuses: Mapping[str, PartyStatus], outcome: TriageOutcome
) -> None:
    """Involvement findings for each involved group (co-research and advisory)."""
    for party in activity.parties:
        if statuses[party.label] is not PartyStatus.INVOLVED:
            continue
        if party.tasks & CO_RESEARCH_TASKS:
            log.add(
                "ETH-INVOLVEMENT-CO-RESEARCH",
                Severity.INFO,
                "involvement_co_research",
                log.source("nihr_involvement_definition")
                + log.point("co_researchers_conducting_research"),
                party=party,
                actions=(Action.CO_RESEARCHER_SUPPORT.value, *INVOLVEMENT_ACTIONS),
            )
        if party.tasks & ADVISORY_TASKS or not party.tasks & CO_RESEARCH_TASKS:
            log.add(
                "ETH-INVOLVEMENT-ADVISORY",
                Severity.INFO,
                "involvement_advisory",
                log.point("advisory_involvement_needs_no_rec")
                + log.point("consent_principles_apply_to_ppi"),
                party=party,
                actions=INVOLVEMENT_ACTIONS,
            )
        # Recruited through the NHS, wherever the meetings are held, is the case the
        # NRES/INVOLVE statement names, as much as a meeting held in an NHS setting.
        via_nhs = party.answer(Fact.NHS_PATIENTS) is Answer.YES
        if (activity.setting in _NHS_SETTINGS or via_nhs) and outcome is not TriageOutcome.REFER:
            log.add(
                "ETH-INVOLVEMENT-NHS",
                Severity.INFO,
                "involvement_nhs",
                log.point("even_if_patients_or_recruited_via_nhs"),
                party=party,
            )


def explain_audience(
    log: FindingLog, activity: Activity, statuses: Mapping[str, PartyStatus]
) -> None:
    """Engagement findings for each audience."""
    for party in activity.parties:
        if statuses[party.label] is PartyStatus.AUDIENCE:
            log.add(
                "ETH-ENGAGEMENT",
                Severity.INFO,
                "engagement",
                log.source("nihr_participation_engagement"),
                party=party,
            )


def _trial_consent_citations(log: FindingLog) -> tuple[Citation, ...]:
    # An institution's guidance file may not name the trials regulations' consent passages
    # (``consent_minor_ctimp``): then the regulations as the MHRA route cites them.
    named = log.guidance.citations.get("consent_minor_ctimp")
    return named if named else log.guidance.route_citations.get("ETH-ROUTE-MHRA", ())


def explain_consent(
    log: FindingLog,
    activity: Activity,
    statuses: Mapping[str, PartyStatus],
    outcome: TriageOutcome,
    *,
    trial: bool = False,
) -> None:
    """Consent findings for participants in research.

    ``trial`` is whether the activity is a clinical trial of a medicine, whose rules on
    consent for children differ.
    """
    if outcome is not TriageOutcome.RESEARCH:
        return
    citations = log.point("participants_give_informed_consent")
    for party in activity.parties:
        if statuses[party.label] is not PartyStatus.PARTICIPANT:
            continue
        answer = party.answer(Fact.CONSENT_PLANNED)
        if answer is Answer.YES:
            log.add("ETH-CONSENT-PLANNED", Severity.MET, "consent_planned", citations, party=party)
            continue
        rule, severity, key = (
            ("ETH-CONSENT-MISSING", Severity.WARNING, "consent_missing")
            if answer is Answer.NO
            else ("ETH-CONSENT-UNKNOWN", Severity.ADVICE, "consent_unknown")
        )
        log.add(
            rule,
            severity,
            key,
            citations,
            party=party,
            actions=(Action.CONSENT_AND_INFORMATION.value,),
        )
    _explain_young_consent(log, activity, statuses, trial=trial)


def _explain_young_consent(
    log: FindingLog, activity: Activity, statuses: Mapping[str, PartyStatus], *, trial: bool
) -> None:
    """Who consents for children and young people: the age bands decide the procedure.

    In a clinical trial of a medicine (``trial``) a minor is a person under 16 and a person
    with parental responsibility or a legal representative consents (CT Regs 2004 Sch. 1
    Part 4): Gillick competence, which other research may rely on, does not apply.
    These findings rest on a group's ages, which are safeguarding data: marked sensitive.
    """
    for party in activity.parties:
        if statuses[party.label] is not PartyStatus.PARTICIPANT:
            continue
        under_16, aged_16_17 = party.answer(Fact.UNDER_16), party.answer(Fact.AGED_16_17)
        if under_16 is Answer.YES:
            key, citations = (
                ("consent_under_16_ctimp", _trial_consent_citations(log))
                if trial
                else ("consent_under_16", log.source("consent_under_16"))
            )
            log.add("ETH-CONSENT-UNDER-16", Severity.ADVICE, key, citations, party=party,
                    sensitive=True, actions=(Action.CONSENT_AND_INFORMATION.value,))  # fmt: skip
        if aged_16_17 is Answer.YES:
            log.add("ETH-CONSENT-AGED-16-17", Severity.INFO, "consent_aged_16_17",
                    log.source("consent_aged_16_17"), party=party, sensitive=True)  # fmt: skip
        if party.answer(Fact.UNDER_18) is Answer.YES and Answer.UNKNOWN in (under_16, aged_16_17):
            log.add("ETH-CONSENT-AGE-BAND-UNKNOWN", Severity.ADVICE, "consent_age_band_unknown",
                    log.source("consent_under_16") + log.source("consent_aged_16_17"),
                    party=party, sensitive=True)  # fmt: skip


def explain_safeguarding(log: FindingLog, activity: Activity) -> None:
    """Safeguarding findings for groups with vulnerable people or under-18s, or unknown."""
    citations = log.point("safeguarding_vulnerable_groups")
    for party in activity.parties:
        if party.capacity is Capacity.STAFF:
            continue
        # Party.answer gives under 18 as the age bands imply it (under 16, or 16 to 17).
        answers = {party.answer(Fact.VULNERABLE), party.answer(Fact.UNDER_18)}
        if Answer.YES in answers:
            log.add(
                "ETH-SAFEGUARDING",
                Severity.WARNING,
                "safeguarding",
                citations,
                party=party,
                actions=(Action.SAFEGUARDING.value,),
                sensitive=True,
            )
        elif Answer.UNKNOWN in answers:
            log.add(
                "ETH-SAFEGUARDING-UNKNOWN",
                Severity.ADVICE,
                "safeguarding_unknown",
                citations,
                party=party,
                actions=(Action.ESTABLISH_SAFEGUARDING_FACTS.value,),
            )


def explain_role_overlap(
    log: FindingLog, activity: Activity, statuses: Mapping[str, PartyStatus]
) -> None:
    """A person who is a contributor in one group and a participant in another, here.

    The project summary finds the same across activities; within one activity it is found
    here, so a single activity's triage says it too.
    """
    involved: dict[str, list[str]] = {}
    studied: dict[PartyStatus, dict[str, list[str]]] = {
        PartyStatus.PARTICIPANT: {},
        PartyStatus.POSSIBLE_PARTICIPANT: {},
    }
    for party in activity.parties:
        status = statuses[party.label]
        for person in party.people:
            if status is PartyStatus.INVOLVED:
                involved.setdefault(person, []).append(party.label)
            elif status in studied:
                studied[status].setdefault(person, []).append(party.label)
    citations = log.point("contributors_not_also_participants")
    certain = studied[PartyStatus.PARTICIPANT]
    for person in sorted(set(involved) & set(certain)):
        log.add("ETH-ROLE-OVERLAP-IN-ACTIVITY", Severity.WARNING, "role_overlap_in_activity",
                citations, actions=(Action.SEPARATE_ROLES.value,), person=person,
                contributor_in=involved[person], participant_in=certain[person])  # fmt: skip
    possible = studied[PartyStatus.POSSIBLE_PARTICIPANT]
    for person in sorted((set(involved) & set(possible)) - set(certain)):
        log.add("ETH-POSSIBLE-ROLE-OVERLAP-IN-ACTIVITY", Severity.ADVICE,
                "possible_role_overlap_in_activity", citations,
                actions=(Action.SEPARATE_ROLES.value,), person=person,
                contributor_in=involved[person], participant_in=possible[person])  # fmt: skip
