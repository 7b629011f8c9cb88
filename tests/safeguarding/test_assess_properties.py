import attrs
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.explain import Severity
from participatory.core.serialise import unstructure
from participatory.render.text import sentence
from participatory.safeguarding import EmotionalIntensity, PersonalNote, assess_safeguarding
from participatory.testing import safeguarding as sg


def gaps(result):
    return {(f.rule_id, f.subject) for f in result if f.severity.is_at_least(Severity.ADVICE)}


@given(sg.safeguarding_profiles(), st.sampled_from(sg.LISTABLE_MEASURES))
def test_adding_a_measure_never_adds_a_missing_measure_finding(profile, measure):
    more = attrs.evolve(profile, measures=profile.measures | {measure})
    assert gaps(assess_safeguarding(more)) <= gaps(assess_safeguarding(profile))


@given(sg.safeguarding_profiles(), sg.partner_organisations())
def test_adding_a_partner_never_adds_a_finding(profile, partner):
    more = attrs.evolve(profile, partners=(*profile.partners, partner))
    assert gaps(assess_safeguarding(more)) <= gaps(assess_safeguarding(profile))


@given(sg.safeguarding_profiles(), sg.group_sets())
def test_adding_a_group_never_removes_an_expected_measure(profile, groups):
    more = attrs.evolve(profile, groups=profile.groups | groups)
    assert assess_safeguarding(profile).expected <= assess_safeguarding(more).expected


@given(sg.safeguarding_profiles(), sg.intensities())
def test_more_intense_work_never_expects_less(profile, intensity):
    if not intensity.is_at_least(profile.intensity):
        return
    more = attrs.evolve(profile, intensity=intensity)
    assert assess_safeguarding(profile).expected <= assess_safeguarding(more).expected


@given(sg.safeguarding_profiles())
def test_missing_is_expected_minus_in_place_and_every_finding_renders(profile):
    result = assess_safeguarding(profile)
    assert result.missing <= result.expected
    assert not (result.missing & profile.measures)
    for finding in result:
        assert sentence(finding, locale="en_GB")
        assert finding.citations


@given(sg.safeguarding_profiles(), st.lists(sg.personal_notes(), max_size=3))
def test_only_person_findings_are_sensitive_and_notes_never_leak(profile, notes):
    notes = [attrs.evolve(n, note="SENTINEL-NOTE") for n in notes]
    result = assess_safeguarding(profile, notes)
    for finding in result:
        assert finding.sensitive == (finding.rule_id == "SAFE-PERSON-NEEDS")
    text = str(unstructure(result)) + repr(result) + repr(notes)
    assert "SENTINEL-NOTE" not in text
    # Project-level findings do not change when people's notes are added.
    plain = assess_safeguarding(profile)
    assert [f for f in result if not f.sensitive] == list(plain.findings)


@given(sg.safeguarding_profiles())
def test_person_in_no_group_adds_nothing(profile):
    result = assess_safeguarding(profile, [PersonalNote("p-1")])
    assert not result.has("SAFE-PERSON-NEEDS")
    assert EmotionalIntensity.LOW.rank == 0
