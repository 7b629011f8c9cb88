"""The roles rules, each a small function from a project to explained findings.

The rule about the project's words is in :mod:`participatory.roles.terms`.

Every rule names the passage of the report it applies (a passage of ``bath_report_2022`` in
the sources catalogue, :mod:`participatory.core.sources`). Rules are pure: the vocabulary
and the as-at date are arguments.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from participatory.core.explain import Finding, Severity
from participatory.core.sources import cite
from participatory.roles.assignments import Recognition, RelationshipBasis
from participatory.roles.authorship import (
    AuthorshipDecision,
    assess_authorship,
    credit_taxonomy,
)
from participatory.roles.models import UniversityStaff
from participatory.roles.project import ProjectRoles
from participatory.roles.stages import ResearchStage
from participatory.vocabulary.terms import Vocabulary, normalise

__all__ = [
    "authorship_decisions",
    "authorship_wishes",
    "bridging_roles",
    "community_representation",
    "contracted_coproducers",
    "late_involvement",
    "recognition_preferences",
    "return_of_findings",
]

#: Vocabulary terms that claim a partnership of equals (a judgement of the library, not a
#: figure: these are the words Jo Stubbs and Heart n Soul contrast with "service provider").
PARTNERSHIP_TERMS: Final = frozenset(
    {"co_production", "participatory_research", "partnership_working", "community_partner"}
)
#: Terms that describe being involved rather than being a research subject.
INVOLVEMENT_TERMS: Final = PARTNERSHIP_TERMS | {
    "co_researcher",
    "public_contributor",
    "public_involvement",
    "expert_by_experience",
}


def _is_partner(basis: RelationshipBasis) -> bool:
    return basis is not RelationshipBasis.RESEARCH_PARTICIPANT


def late_involvement(project: ProjectRoles) -> tuple[Finding, ...]:
    """Partners who joined only after the application or after the design.

    Heart n Soul (section 5.3): "partners need to be brought in from the beginning, as
    collaborators and not service providers"; KCL (section 5.5): "Relationship building
    needs to come before ideas". Staff and research participants are not partners here.
    """
    findings = []
    partners = 0
    # One tuple per rule for all its findings: a report puts each list in words once.
    after_design = (
        cite("bath_report_2022#heart_n_soul_from_beginning"),
        cite("bath_report_2022#kcl_relationships_first"),
    )
    after_application = (
        cite("bath_report_2022#heart_n_soul_from_beginning"),
        cite("bath_report_2022#cpc_ideas_stage"),
        cite("bath_report_2022#seed_fund"),
    )
    for party in project.parties:
        if isinstance(party, UniversityStaff):
            continue
        roles = [a for a in project.assignments_of(party.id) if _is_partner(a.basis)]
        if not roles:
            continue
        partners += 1
        first = min(roles, key=lambda a: a.first_stage.rank)
        values = {"party": party.name, "role": first.role, "stage": first.first_stage.label}
        if first.first_stage > ResearchStage.DESIGN:
            findings.append(
                Finding(
                    "ROLE-JOINED-AFTER-DESIGN",
                    Severity.WARNING,
                    "roles.stage.after_design",
                    values,
                    after_design,
                    actions=("roles.action.bring_in_earlier",),
                    subject=party.id,
                )
            )
        elif first.first_stage > ResearchStage.APPLICATION:
            findings.append(
                Finding(
                    "ROLE-JOINED-AFTER-APPLICATION",
                    Severity.ADVICE,
                    "roles.stage.after_application",
                    values,
                    after_application,
                    actions=("roles.action.bring_in_earlier",),
                    subject=party.id,
                )
            )
    if partners and not findings:
        findings.append(
            Finding(
                "ROLE-PARTNERS-FROM-START",
                Severity.MET,
                "roles.stage.from_start",
                {"count": partners},
                (cite("bath_report_2022#heart_n_soul_from_beginning"),),
            )
        )
    return tuple(findings)


def _claims(words: tuple[str, ...], vocabulary: Vocabulary) -> set[str]:
    return {term_id for word in words if (term_id := vocabulary.canonical(word)) is not None}


def contracted_coproducers(project: ProjectRoles, vocabulary: Vocabulary) -> tuple[Finding, ...]:
    """A partner described as co-producing but engaged as a service provider or consultant.

    Jo Stubbs (section 5.8) found health researchers "perceiving artistic partners more as
    service providers/contractors/consultants than equal partners". The project's own words
    (its ``terms_used`` and the role's ``described_as``) are read through the vocabulary, so
    "co-produced", "coproduction" and "PR" all count. Also flags a research participant
    described in the words of involvement (section 2.1: be honest about what is research).
    """
    findings = []
    for assignment in project.assignments:
        party = project.party(assignment.party)
        if isinstance(party, UniversityStaff):
            continue
        own = _claims(assignment.described_as, vocabulary)
        claims = own | _claims(project.terms_used, vocabulary)
        values = {"party": party.name, "role": assignment.role, "basis": assignment.basis.value}
        partnership = sorted(vocabulary[t].term for t in claims & PARTNERSHIP_TERMS)
        if assignment.basis.is_contracted and partnership:
            findings.append(
                Finding(
                    "ROLE-COPRODUCER-CONTRACTED",
                    Severity.WARNING,
                    "roles.basis.coproducer_contracted",
                    {
                        **values,
                        "basis": assignment.basis.value.replace("_", " "),
                        "terms": partnership,
                    },
                    (
                        cite("bath_report_2022#bristol_partner_status"),
                        cite("bath_report_2022#heart_n_soul_from_beginning"),
                    ),
                    actions=("roles.action.agree_partnership",),
                    subject=party.id,
                )
            )
        involvement = sorted(vocabulary[t].term for t in own & INVOLVEMENT_TERMS)
        if assignment.basis is RelationshipBasis.RESEARCH_PARTICIPANT and involvement:
            findings.append(
                Finding(
                    "ROLE-PARTICIPANT-CALLED-PARTNER",
                    Severity.ADVICE,
                    "roles.basis.participant_called_partner",
                    {**values, "terms": involvement},
                    (
                        cite("bath_report_2022#research_or_involvement"),
                        cite("bath_report_2022#bristol_research_or_not"),
                    ),
                    subject=party.id,
                )
            )
    return tuple(findings)


def community_representation(project: ProjectRoles) -> tuple[Finding, ...]:
    """Communities named with nobody from them involved, or with one person speaking for all.

    Co-Production Collective (section 5.6): "often researchers get one person with LE on
    board and assume they speak for all people with LE". A single voice is a WARNING, or
    ADVICE when a partner organisation serving the community is also involved (section 2.5:
    partners bring access to communities). Single-voice findings link a person to a
    community, which can reveal health or other special-category data: they are sensitive.
    Research participants do not count as involvement.
    """
    involved = {
        p.id
        for p in project.parties
        if any(_is_partner(a.basis) for a in project.assignments_of(p.id))
    }
    findings = []
    for community in dict.fromkeys(project.communities):
        key = normalise(community)
        people = [
            p
            for p in project.people()
            if p.id in involved and key in {normalise(c) for c in p.communities}
        ]
        serving = [
            o
            for o in project.organisations()
            if o.id in involved and key in {normalise(c) for c in o.communities_served}
        ]
        if not people and not serving:
            findings.append(
                Finding(
                    "ROLE-COMMUNITY-NOT-INVOLVED",
                    Severity.WARNING,
                    "roles.community.not_involved",
                    {"community": community},
                    (
                        cite("bath_report_2022#cpc_single_voice"),
                        cite("bath_report_2022#work_with_partners"),
                    ),
                    actions=("roles.action.widen_involvement",),
                    subject=community,
                )
            )
        elif len(people) == 1:
            findings.append(
                Finding(
                    "ROLE-SINGLE-VOICE",
                    Severity.ADVICE if serving else Severity.WARNING,
                    "roles.community.single_voice",
                    {"party": people[0].name, "community": community},
                    (cite("bath_report_2022#cpc_single_voice"),),
                    actions=("roles.action.widen_involvement",),
                    sensitive=True,
                    subject=people[0].id,
                )
            )
    return tuple(findings)


def recognition_preferences(project: ProjectRoles, as_at: dt.date) -> tuple[Finding, ...]:
    """Contributors whose preferred recognition nobody has recorded by ``as_at``.

    Section 2.6: "Ask them how they would like to have their contributions recognised";
    Co-Production Collective (section 5.6): "Ask people how they want to get paid/be valued
    and have options". Applies to people involved as partners, not to research participants
    or staff.
    """
    findings = []
    # One tuple for every such finding: a report puts each list of citations in words once.
    citations = (
        cite("bath_report_2022#ask_recognition"),
        cite("bath_report_2022#cpc_ask_people"),
    )
    for person in project.people():
        roles = [a for a in project.assignments_of(person.id) if _is_partner(a.basis)]
        if roles and not any(a.recognition.is_recorded(as_at) for a in roles):
            findings.append(
                Finding(
                    "ROLE-RECOGNITION-NOT-ASKED",
                    Severity.ADVICE,
                    "roles.recognition.not_asked",
                    {"party": person.name},
                    citations,
                    actions=("roles.action.ask_recognition",),
                    subject=person.id,
                )
            )
    return tuple(findings)


def authorship_decisions(project: ProjectRoles, as_at: dt.date) -> tuple[AuthorshipDecision, ...]:
    """The ICMJE decision for each recorded contribution (see :func:`assess_authorship`)."""
    return tuple(
        assess_authorship(
            c, project.offer_to(c.party), as_at=as_at, name=project.party(c.party).name
        )
        for c in project.contributions
    )


def authorship_wishes(project: ProjectRoles, as_at: dt.date) -> tuple[Finding, ...]:
    """People who chose co-authorship but have no contribution meeting ICMJE criterion 1.

    Science Gallery London (section 5.4) expected community co-researchers "named as
    co-authors"; a wish for co-authorship needs a recorded contribution to the conception,
    design, or the acquisition or analysis of data before an offer follows.
    """
    taxonomy = credit_taxonomy()
    findings: list[Finding] = []
    by_party = {c.party: c for c in project.contributions}
    for person in project.people():
        wants = any(
            a.recognition.is_recorded(as_at) and Recognition.CO_AUTHORSHIP in a.recognition.chosen
            for a in project.assignments_of(person.id)
        )
        recorded = by_party.get(person.id)
        roles = recorded.roles if recorded else ()
        if wants and not taxonomy.criterion_1_roles.intersection(roles):
            findings.append(
                Finding(
                    "ROLE-AUTHORSHIP-WISH-UNMET",
                    Severity.ADVICE,
                    "roles.authorship.wish_unmet",
                    {"party": person.name},
                    (taxonomy.icmje_citation, cite("bath_report_2022#sgl_co_authors")),
                    actions=("roles.action.record_contribution",),
                    subject=person.id,
                )
            )
    return tuple(findings)


def bridging_roles(project: ProjectRoles) -> tuple[Finding, ...]:
    """Whether a public-engagement, community-liaison or other bridging role supports researchers.

    Section 2.4 (community liaison officers), Jo Stubbs (section 5.8: "don't leave it all up
    to researchers") and Heart n Soul's producer as "a bridge" (section 5.3). A staff member
    counts by kind; anyone else counts when their assignment is marked
    ``bridges_communities``.
    """
    citations = (
        cite("bath_report_2022#key_people"),
        cite("bath_report_2022#bristol_pe_professionals"),
        cite("bath_report_2022#heart_n_soul_bridge"),
    )
    findings = []
    for assignment in project.assignments:
        party = project.party(assignment.party)
        staff_bridge = isinstance(party, UniversityStaff) and party.kind.bridges_communities
        if staff_bridge or assignment.bridges_communities:
            findings.append(
                Finding(
                    "ROLE-BRIDGING-ROLE",
                    Severity.MET,
                    "roles.support.bridging",
                    {"party": party.name, "role": assignment.role},
                    citations,
                    subject=party.id,
                )
            )
    if not findings:
        findings.append(
            Finding(
                "ROLE-NO-BRIDGING-ROLE",
                Severity.ADVICE,
                "roles.support.none",
                {},
                citations,
                actions=("roles.action.appoint_bridge",),
            )
        )
    return tuple(findings)


def return_of_findings(project: ProjectRoles, as_at: dt.date) -> tuple[Finding, ...]:
    """Whether findings will go (or went) back to contributors, and on time.

    Jo Stubbs (section 5.8): "researchers don't always follow up or return to share
    findings"; the Whitworth (section 5.1): relationships "throughout the project and beyond
    (so people don't end up feeling used)".
    """
    citations = (
        cite("bath_report_2022#bristol_return_findings"),
        cite("bath_report_2022#whitworth_legacy"),
    )
    plan = project.findings_return
    if plan is None:
        return (
            Finding(
                "ROLE-NO-RETURN-PLAN",
                Severity.WARNING,
                "roles.return.none",
                {},
                citations,
                actions=("roles.action.plan_return",),
            ),
        )
    if plan.returned_on is not None and plan.returned_on <= as_at:
        return (
            Finding(
                "ROLE-FINDINGS-RETURNED",
                Severity.MET,
                "roles.return.done",
                {"returned_on": plan.returned_on, "how": plan.how},
                citations,
            ),
        )
    if plan.due_by is not None and plan.due_by < as_at:
        return (
            Finding(
                "ROLE-RETURN-OVERDUE",
                Severity.WARNING,
                "roles.return.overdue",
                {"due_by": plan.due_by, "how": plan.how},
                (*citations, cite("bath_report_2022#sgl_outputs_too_slow")),
                actions=("roles.action.plan_return",),
            ),
        )
    return (
        Finding(
            "ROLE-RETURN-PLANNED",
            Severity.MET,
            "roles.return.planned",
            {"how": plan.how},
            citations,
        ),
    )
