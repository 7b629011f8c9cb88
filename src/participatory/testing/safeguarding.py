"""Hypothesis strategies for the safeguarding models.

>>> from hypothesis import given
>>> @given(safeguarding_profiles())
... def check(profile):
...     assert profile.covered_groups() <= set(Group)
>>> check()
"""

from hypothesis import strategies as st

from participatory.safeguarding.models import (
    EmotionalIntensity,
    Group,
    Measure,
    PartnerOrganisation,
    PersonalNote,
    SafeguardingProfile,
)

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
    """Partner organisations with expertise in any groups."""
    return st.builds(
        PartnerOrganisation,
        name=st.sampled_from(["Sands", "Heart n Soul", "McPin", "Props Bristol"]),
        expertise=group_sets(),
    )


def safeguarding_profiles() -> st.SearchStrategy[SafeguardingProfile]:
    """Valid project profiles."""
    return st.builds(
        SafeguardingProfile,
        groups=group_sets(),
        intensity=intensities(),
        measures=measure_sets(),
        partners=st.lists(partner_organisations(), max_size=3).map(tuple),
    )


def personal_notes() -> st.SearchStrategy[PersonalNote]:
    """Individual notes with opaque ids and any groups."""
    return st.builds(
        PersonalNote,
        person_id=st.from_regex(r"p-[0-9]{1,3}", fullmatch=True),
        groups=group_sets(),
        note=st.text(max_size=30),
    )
