"""Hypothesis strategies for whole projects, built from every engine's own strategies.

A generated :class:`~participatory.project.Project` is always valid (every id it uses is
defined once); each part is present or absent at random, so the assessment meets every
combination of areas. Sensitive fields of people hold ``sensitive`` so a test can check
that it never leaks.

>>> from hypothesis import given, settings
>>> @settings(max_examples=3)
... @given(projects())
... def test(project):
...     assert project.id == "generated"
>>> test()
"""

import datetime as dt

import attrs
from hypothesis import strategies as st

from participatory.payments.rates import ActivityKind, RateCard, RateUnit, bundled_rate_cards
from participatory.project.model import Project, Session
from participatory.roles.models import ContributorKind, PersonContributor
from participatory.testing import benefits as benefit_strategies
from participatory.testing import budget as budget_strategies
from participatory.testing import ethics as ethics_strategies
from participatory.testing import evaluation as evaluation_strategies
from participatory.testing import payments as payment_strategies
from participatory.testing import power as power_strategies
from participatory.testing import readiness as readiness_strategies
from participatory.testing import roles as role_strategies
from participatory.testing import safeguarding as safeguarding_strategies
from participatory.testing import timeline as timeline_strategies
from participatory.testing.strategies import amounts

__all__ = ["PEOPLE", "projects", "sessions"]

#: The person ids generated projects use (the payments and ethics strategies' own ids).
PEOPLE = tuple(sorted({*payment_strategies.CONTRIBUTORS, *(f"p{n}" for n in range(1, 7))}))

_SESSION_DAYS = st.dates(dt.date(2025, 12, 16), dt.date(2026, 11, 25))


@st.composite
def sessions(draw: st.DrawFn, identifier: str = "s") -> Session:
    """A session of some activity, in some unit, for some of :data:`PEOPLE`."""
    return Session(
        identifier,
        draw(st.sampled_from(list(ActivityKind))),
        draw(_SESSION_DAYS),
        draw(amounts(0, 8, places=1)),
        unit=draw(st.sampled_from(list(RateUnit))),
        preparation_hours=draw(amounts(0, 2, places=1)),
        contributors=tuple(draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))),
    )


def _card_id(card: RateCard) -> str:
    return card.id


def _person(person_id: str, sensitive: str) -> PersonContributor:
    return PersonContributor(
        person_id,
        person_id.title(),
        ContributorKind.PUBLIC_CONTRIBUTOR,
        lived_experience=sensitive,
        access_needs=sensitive,
    )


@st.composite
def projects(draw: st.DrawFn, sensitive: str = "SENSITIVE-SENTINEL") -> Project:
    """A whole project; every area is present or absent at random."""
    people = [_person(p, sensitive) for p in PEOPLE]
    roles = draw(st.none() | role_strategies.projects(max_parties=3, sensitive=sensitive))
    extra: dict[str, object] = {}
    if roles is not None:
        extra = {
            "people": (*people, *roles.people()),
            "organisations": tuple(roles.organisations()),
            "staff": tuple(p for p in roles.parties if type(p).__name__ == "UniversityStaff"),
            "roles": roles.assignments,
            "contributions": roles.contributions,
            "authorship_offers": roles.authorship_offers,
            "communities": roles.communities,
            "terms_used": roles.terms_used,
            "findings_return": roles.findings_return,
        }
    count = draw(st.integers(0, 8))
    payments = tuple(
        attrs.evolve(
            draw(payment_strategies.payments(f"pay-{i}")),
            contributor=draw(st.sampled_from(PEOPLE)),
        )
        for i in range(count)
    )
    ethics = draw(st.none() | ethics_strategies.projects(max_activities=2))
    with_benefits = draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))
    return Project(
        id="generated",
        title="Generated project",
        label=draw(st.none() | power_strategies.labels()),
        **{"people": tuple(people), **extra},  # type: ignore[arg-type]
        decisions=draw(st.none() | power_strategies.decision_records()),
        involvement=draw(st.none() | power_strategies.involvement_evidence()),
        budget=draw(st.none() | budget_strategies.budgets(max_lines=4)),
        # Every bundled card, the NIHR card (which holds no rate that was read) included.
        rate_card=draw(
            st.none() | st.sampled_from(sorted(bundled_rate_cards().values(), key=_card_id))
        ),
        sessions=tuple(draw(sessions(f"s{i}")) for i in range(draw(st.integers(0, 3)))),
        payments=payments,
        # Each contributor with benefits heads a household of their own (the key is its id).
        benefits={
            p: draw(benefit_strategies.households(first=p, partner=f"{p}-partner"))
            for p in with_benefits
        },
        activities=ethics.activities if ethics is not None else (),
        safeguarding=draw(st.none() | safeguarding_strategies.safeguarding_profiles(0)),
        timeline=draw(st.none() | timeline_strategies.timelines()),
        evaluation=draw(st.none() | evaluation_strategies.evaluation_plans()),
        university=draw(st.none() | readiness_strategies.universities()),
    )
