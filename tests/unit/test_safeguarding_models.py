import pytest

from participatory._citing import parse_guidance
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.explain import Severity
from participatory.core.messages import message_keys
from participatory.core.serialise import unstructure
from participatory.render.text import sentence
from participatory.safeguarding import (
    EmotionalIntensity,
    Group,
    Measure,
    PartnerOrganisation,
    PersonalNote,
    SafeguardingProfile,
    assess_safeguarding,
    safeguarding_guidance,
)
from participatory.safeguarding.guidance import parse_safeguarding_guidance

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


def test_a_partner_is_named_not_listed_as_a_measure():
    profile = SafeguardingProfile(
        groups=["bereavement"], intensity="low", measures=["partner_with_expertise"]
    )
    with pytest.raises(ValidationError, match="naming partners"):
        assess_safeguarding(profile)


def test_partner_needs_a_name():
    with pytest.raises(ValidationError, match="name"):
        PartnerOrganisation("  ", expertise=["autism"])


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


def test_person_findings_are_sensitive_and_redacted_by_default():
    profile = SafeguardingProfile(groups=["older_people"], intensity="low")
    result = assess_safeguarding(
        profile, [PersonalNote("p-9", groups=["bereavement"], note=SENTINEL)]
    )
    [person] = result.by_rule("SAFE-PERSON-NEEDS")
    assert person.sensitive
    assert person.subject == "p-9"
    assert all(not f.sensitive for f in result if f.rule_id != "SAFE-PERSON-NEEDS")
    data = unstructure(result)
    assert SENTINEL not in str(data)
    assert "bereaved" not in str(data)
    assert "bereaved" in sentence(person, locale="en_GB", include_sensitive=True)
    assert "<redacted>" in sentence(person, locale="en_GB", include_sensitive=False)
    assert "<redacted>" in sentence(person, locale="en_GB")


def test_a_person_in_a_listed_group_adds_no_finding():
    profile = SafeguardingProfile(groups=["bereavement"], intensity="low")
    result = assess_safeguarding(profile, [PersonalNote("p-1", groups=["bereavement"])])
    assert not result.has("SAFE-PERSON-NEEDS")


def test_person_in_unlisted_group_whose_needs_are_met_gets_advice_only():
    profile = SafeguardingProfile(
        groups=["older_people"],
        intensity="low",
        measures=["accessible_transport", "coordinator_training", "clear_boundaries"],
        partners=[PartnerOrganisation("Age friendly", expertise=["older_people", "autism"])],
    )
    result = assess_safeguarding(profile, [PersonalNote("p-2", groups=["autism"])])
    [person] = result.by_rule("SAFE-PERSON-NEEDS")
    # Autism adds check-ins and a quiet space, neither planned.
    assert person.severity is Severity.WARNING
    assert "check-in" in sentence(person, locale="en_GB", include_sensitive=True)


def test_no_groups_and_low_intensity_expects_nothing():
    result = assess_safeguarding(SafeguardingProfile(groups=[], intensity="low"))
    assert result.expected == frozenset()
    assert result.findings == ()


def test_guidance_covers_every_measure_and_group():
    guide = safeguarding_guidance()
    assert set(guide.measures) == set(Measure)
    assert set(guide.group_labels) == set(Group)
    assert guide.measure(Measure.DBS_CHECKS).basis == "advice"
    assert all(guide.measure(m).basis == "report" for m in Measure if m is not Measure.DBS_CHECKS)


def test_every_expectation_cites_the_report_except_the_dbs_advice():
    for expectation in safeguarding_guidance().expectations:
        titles = {c.title for c in expectation.citations}
        if expectation.measure is Measure.DBS_CHECKS:
            assert all("DBS" in t for t in titles)
        else:
            assert all("benchmarking report" in t for t in titles)
            assert all(c.reference and "section" in c.reference for c in expectation.citations)


BROKEN = """
[sources.s]
title = "S"
[citations.c]
source = "s"
reference = "r"
verified = true
[groups.learning_disabilities]
label = "x"
"""


def test_broken_guidance_names_the_file_and_key():
    with pytest.raises(ParameterFileError, match=r"mine\.toml: measures"):
        parse_safeguarding_guidance(parse_guidance(BROKEN, "mine.toml"), "mine.toml")
    bad_cite = BROKEN.replace('source = "s"', 'source = "nowhere"')
    with pytest.raises(ParameterFileError, match=r"citations\.c\.source"):
        parse_safeguarding_guidance(parse_guidance(bad_cite, "mine.toml"), "mine.toml")


def test_every_safeguarding_message_key_is_defined():
    profile = SafeguardingProfile(
        groups=list(Group),
        intensity="high",
        partners=[PartnerOrganisation("P", expertise=["autism"])],
    )
    result = assess_safeguarding(profile, [PersonalNote("p", groups=["autism"])])
    for finding in result:
        assert finding.message_key in message_keys()
        assert sentence(finding, locale="en_GB")
