"""Hypothesis strategies for the safeguarding models.

>>> from hypothesis import given
>>> @given(safeguarding_profiles())
... def check(profile):
...     assert profile.covered_groups() <= set(Group)
>>> check()
"""

from hypothesis import strategies as st

from participatory.roles.models import Group, PartnerOrganisation
from participatory.safeguarding.models import (
    EmotionalIntensity,
    Measure,
    PersonalNote,
    SafeguardingProfile,
)
from participatory.testing.roles import organisations

__all__ = [
    "group_sets",
    "intensities",
    "measure_sets",
    "partner_organisations",
    "personal_notes",
    "safeguarding_profiles",
]

#: Measures a profile may list (a partner is shown by naming a partner, not as a measure).
LISTABLE_MEASURES = tuple(m for m in Measure if m is not Measure.PARTNER_WITH_EXPERTISE)


def group_sets() -> st.SearchStrategy[frozenset[Group]]:
    """Any set of groups, the empty set included."""
    return st.frozensets(st.sampled_from(list(Group)))


def measure_sets() -> st.SearchStrategy[frozenset[Measure]]:
    """Any set of measures a profile may list."""
    return st.frozensets(st.sampled_from(LISTABLE_MEASURES))


def intensities() -> st.SearchStrategy[EmotionalIntensity]:
    """Any emotional intensity."""
    return st.sampled_from(list(EmotionalIntensity))


def partner_organisations() -> st.SearchStrategy[PartnerOrganisation]:
    """Partner organisations (the roles engine's) with expertise in any groups."""
    return st.sampled_from(["sands", "hns", "mcpin", "props"]).flatmap(organisations)


def safeguarding_profiles(max_partners: int = 3) -> st.SearchStrategy[SafeguardingProfile]:
    """Valid project profiles, with up to ``max_partners`` partner organisations.

    In a :class:`~participatory.project.Project` the partners are the project's
    organisations, so a profile for a project has none of its own (``max_partners=0``).
    """
    return st.builds(
        SafeguardingProfile,
        groups=group_sets(),
        intensity=intensities(),
        measures=measure_sets(),
        partners=st.lists(partner_organisations(), max_size=max_partners).map(tuple),
    )


def personal_notes() -> st.SearchStrategy[PersonalNote]:
    """Individual notes with opaque ids and any groups."""
    return st.builds(
        PersonalNote,
        person_id=st.from_regex(r"p-[0-9]{1,3}", fullmatch=True),
        groups=group_sets(),
        note=st.text(max_size=30),
    )
