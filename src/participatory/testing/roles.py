"""Hypothesis strategies for the roles engine and the vocabulary.

Every strategy builds valid values. Strategy factories are cached (building a strategy
is far slower than drawing from one). :func:`projects` builds whole projects whose people
carry a chosen text in every sensitive field, so a test can check that the text never
leaks into ``repr``, errors or serialisation.

>>> from hypothesis import given
>>> @given(projects())
... def check(project):
...     assert all(a.party in {p.id for p in project.parties} for a in project.assignments)
>>> check()
"""

from __future__ import annotations

import datetime as dt
import functools

from hypothesis import strategies as st

from participatory.roles.assignments import (
    Recognition,
    RecognitionPreference,
    RelationshipBasis,
    RoleAssignment,
)
from participatory.roles.authorship import (
    AuthorshipOffer,
    Contribution,
    OfferResponse,
    credit_taxonomy,
)
from participatory.roles.models import (
    ContributorKind,
    Group,
    OrganisationKind,
    PartnerOrganisation,
    Party,
    PersonContributor,
    StaffKind,
    UniversityStaff,
)
from participatory.roles.project import FindingsReturnPlan, ProjectRoles
from participatory.roles.stages import ResearchStage
from participatory.testing.strategies import dates
from participatory.vocabulary.files import bundled_vocabulary

__all__ = [
    "COMMUNITIES",
    "as_at_dates",
    "assignments",
    "contributions",
    "findings_return_plans",
    "organisations",
    "people",
    "projects",
    "recognition_preferences",
    "spellings",
    "staff",
    "stages",
]

#: Community names the strategies draw from (projects name some of them).
COMMUNITIES = (
    "people with learning disabilities",
    "young people",
    "carers",
    "older men",
    "parents who have experienced baby loss",
)

_NAMES = st.sampled_from(["Ana", "Ben", "Chi", "Dev", "Eve", "Fay", "Gus", "Hal"])


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def stages(min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[tuple[ResearchStage, ...]]:
    """Non-empty sets of research-cycle stages, sorted."""
    return st.sets(st.sampled_from(list(ResearchStage)), min_size=min_size, max_size=max_size).map(
        lambda chosen: tuple(sorted(chosen))
    )


@functools.cache
def recognition_preferences() -> st.SearchStrategy[RecognitionPreference]:
    """Not yet asked, asked and chose none, or asked and chose one or more ways."""
    chosen = st.sets(
        st.sampled_from([r for r in Recognition if r is not Recognition.NONE]),
        min_size=1,
        max_size=3,
    ) | st.just({Recognition.NONE})
    asked = st.builds(RecognitionPreference, dates(), chosen)
    return st.just(RecognitionPreference.not_yet_asked()) | asked


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def people(party_id: str, sensitive: str = "SENSITIVE-SENTINEL") -> st.SearchStrategy[Party]:
    """Person contributors whose sensitive fields all hold (or contain) ``sensitive``."""
    return st.builds(
        PersonContributor,
        id=st.just(party_id),
        name=_NAMES,
        kind=st.sampled_from(list(ContributorKind)),
        communities=st.lists(st.sampled_from(COMMUNITIES), max_size=2, unique=True).map(
            lambda names: (*names, f"{sensitive} community")
        ),
        lived_experience=st.just(sensitive),
        health=st.just(sensitive) | st.none(),
        access_needs=st.just(sensitive) | st.none(),
    )


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def organisations(party_id: str) -> st.SearchStrategy[PartnerOrganisation]:
    """Partner organisations serving some of :data:`COMMUNITIES`, with any expertise."""
    return st.builds(
        PartnerOrganisation,
        id=st.just(party_id),
        name=st.sampled_from(["Heart n Soul", "Sands", "McPin", "Props Bristol"]),
        kind=st.sampled_from(list(OrganisationKind)),
        communities_served=st.lists(st.sampled_from(COMMUNITIES), max_size=2, unique=True),
        expertise=st.frozensets(st.sampled_from(list(Group))),
    )


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def staff(party_id: str) -> st.SearchStrategy[Party]:
    """University staff of any kind."""
    return st.builds(
        UniversityStaff, id=st.just(party_id), name=_NAMES, kind=st.sampled_from(list(StaffKind))
    )


def spellings() -> st.SearchStrategy[tuple[str, str]]:
    """A bundled term id and one of its spellings, re-cased and re-spaced at random."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[str, str]:
        term = draw(st.sampled_from(bundled_vocabulary().terms()))
        spelling = draw(st.sampled_from(term.spellings()))
        out = []
        for character in spelling:
            if character in " -_":
                out.append(draw(st.sampled_from([" ", "-", "", "_", "  "])))
            else:
                out.append(character.upper() if draw(st.booleans()) else character.lower())
        return term.id, "".join(out)

    return build()


_WORDS = st.sampled_from(
    ["co-production", "PPIE", "community partner", "co-researchers", "synergy", "equal partner"]
)


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def assignments(party_id: str) -> st.SearchStrategy[RoleAssignment]:
    """Role assignments of one party."""
    return st.builds(
        RoleAssignment,
        party=st.just(party_id),
        role=st.sampled_from(["co-researcher", "artistic partner", "adviser", "lead"]),
        basis=st.sampled_from(list(RelationshipBasis)),
        stages=stages(),
        responsibilities=st.lists(st.sampled_from(["interviews", "analysis"]), max_size=2),
        described_as=st.lists(_WORDS, max_size=2),
        recognition=recognition_preferences(),
        bridges_communities=st.booleans(),
    )


@functools.lru_cache(maxsize=256)  # keyed on ids a caller chooses: bounded
def contributions(party_id: str) -> st.SearchStrategy[Contribution]:
    """CRediT (and local) contributions of one party."""
    ids = list(credit_taxonomy().roles)
    return st.builds(
        Contribution, party=st.just(party_id), roles=st.lists(st.sampled_from(ids), max_size=4)
    )


@functools.cache
def findings_return_plans() -> st.SearchStrategy[FindingsReturnPlan | None]:
    """No plan, or a plan with or without due and done dates."""
    return st.none() | st.builds(
        FindingsReturnPlan,
        how=st.just("community event"),
        due_by=st.none() | dates(),
        returned_on=st.none() | dates(),
    )


def _id(party: Party) -> str:
    return party.id


def projects(
    max_parties: int = 6, sensitive: str = "SENSITIVE-SENTINEL"
) -> st.SearchStrategy[ProjectRoles]:
    """Whole projects: parties, their assignments, communities, words, contributions, offers.

    People's sensitive fields hold ``sensitive``; projects have 1 to ``max_parties`` parties.
    """
    return _projects(max_parties, sensitive)


@st.composite
def _projects(draw: st.DrawFn, max_parties: int, sensitive: str) -> ProjectRoles:
    count = draw(st.integers(1, max_parties))
    parties: list[Party] = []
    for index in range(count):
        party_id = f"party-{index}"
        parties.append(
            draw(people(party_id, sensitive) | organisations(party_id) | staff(party_id))
        )
    chosen_assignments = [
        draw(assignments(p.id)) for p in parties for _ in range(draw(st.integers(0, 2)))
    ]
    contributing = draw(st.sets(st.sampled_from(parties), max_size=len(parties)))
    offered = draw(st.sets(st.sampled_from(parties), max_size=len(parties)))
    offers = [
        AuthorshipOffer(
            p.id,
            draw(dates()),
            draw(st.sampled_from(list(OfferResponse))),
            draw(st.booleans()),
            draw(st.booleans()),
        )
        for p in sorted(offered, key=_id)
    ]
    return ProjectRoles(
        title="Generated project",
        parties=parties,
        assignments=chosen_assignments,
        communities=draw(st.lists(st.sampled_from(COMMUNITIES), max_size=3, unique=True)),
        terms_used=draw(st.lists(_WORDS, max_size=3)),
        contributions=[draw(contributions(p.id)) for p in sorted(contributing, key=_id)],
        authorship_offers=offers,
        findings_return=draw(findings_return_plans()),
    )


def as_at_dates() -> st.SearchStrategy[dt.date]:
    """Review dates."""
    return dates()
