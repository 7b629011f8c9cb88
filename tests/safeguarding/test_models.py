""":mod:`participatory.safeguarding.models`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.roles import Group
from participatory.safeguarding import (
    EmotionalIntensity,
    PersonalNote,
    SafeguardingProfile,
)

SENTINEL = "SENTINEL-miscarriage-2024"


def test_profile_converts_names_and_refuses_unknown_groups_by_position():
    profile = SafeguardingProfile(groups=["autism"], intensity="low")
    assert profile.groups == {Group.AUTISM}
    assert profile.intensity is EmotionalIntensity.LOW
    with pytest.raises(ValidationError) as caught:
        SafeguardingProfile(groups=["autism", "wizards"], intensity="low")
    assert caught.value.path == "groups[1]"


def test_intensity_is_ordered():
    assert EmotionalIntensity.HIGH.is_at_least(EmotionalIntensity.MODERATE)
    assert not EmotionalIntensity.LOW.is_at_least(EmotionalIntensity.MODERATE)
    with pytest.raises(ValidationError, match="intensity"):
        SafeguardingProfile(groups=[], intensity="extreme")


def test_personal_note_never_shows_its_sensitive_values():
    note = PersonalNote("p-1", groups=["bereavement"], note=SENTINEL)
    assert SENTINEL not in repr(note)
    assert SENTINEL not in str(note)
    assert "bereavement" not in repr(note)
    assert SENTINEL not in str(unstructure(note))
    assert "bereavement" not in str(unstructure(note))
    assert SENTINEL in str(unstructure(note, include_sensitive=True))


def test_errors_about_a_persons_groups_never_echo_the_value():
    with pytest.raises(ValidationError) as caught:
        PersonalNote("p-1", groups=["bereavement", SENTINEL])
    assert SENTINEL not in str(caught.value)
    assert caught.value.path == "groups[1]"
