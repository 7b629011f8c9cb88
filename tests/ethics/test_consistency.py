""":mod:`participatory.ethics.consistency`: answers that must fit together."""

import pytest

from participatory.core.errors import ValidationError
from participatory.ethics import Activity, Answer, Capacity, Fact, Party, Setting, Task

SENTINEL = "SENTINEL-3f1a-capacity"


def adviser(**facts):
    return Party("advisers", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE}, facts=facts)


def test_age_answers_imply_each_other_and_contradictions_are_refused():
    """Under 18 is yes when either younger band is; a no to under 18 is a no to both."""
    assert adviser(under_16=True).answer(Fact.UNDER_18) is Answer.YES
    assert adviser(under_16=False, aged_16_17=False).answer(Fact.UNDER_18) is Answer.NO
    assert adviser(under_16=False).answer(Fact.UNDER_18) is Answer.UNKNOWN
    assert adviser(under_18=False).answer(Fact.AGED_16_17) is Answer.NO
    for band in ("under_16", "aged_16_17"):
        with pytest.raises(ValidationError, match="special-category data, withheld") as caught:
            adviser(under_18=False, **{band: True})
        # The message counts it (it would say the answers); the detail is for those entitled.
        assert caught.value.path == "facts"
        detail = caught.value.describe(include_sensitive=True)
        assert f"facts.{band}: contradicts under_18" in detail


def test_not_applicable_is_refused_for_a_group_that_is_studied():
    """Consent cannot be "not applicable" for research participants, nor "own data
    analysed" for a group that provides data."""
    with pytest.raises(ValidationError, match="consent_planned: cannot be not applicable"):
        Party("patients", Capacity.RESEARCH_PARTICIPANT, facts={"consent_planned": "n/a"})
    with pytest.raises(ValidationError, match="consent_planned"):
        adviser(own_data_analysed=True, consent_planned="n/a")
    with pytest.raises(ValidationError, match="own_data_analysed: cannot be not applicable"):
        Party("g", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.PROVIDE_OWN_DATA},
              facts={"own_data_analysed": "n/a"})  # fmt: skip
    # A group of advisers whose views are not data: consent to research is not applicable.
    assert (
        adviser(own_data_analysed=False, consent_planned="n/a").answer(Fact.CONSENT_PLANNED)
        is Answer.NOT_APPLICABLE
    )


def test_activity_answers_must_fit_the_groups_the_setting_and_each_other():
    collectors = Party("team", Capacity.CO_RESEARCHER, tasks={Task.COLLECT_DATA})
    with pytest.raises(ValidationError, match="data_about_people: cannot be not applicable"):
        Activity("a", parties=[collectors], facts={"data_about_people": "n/a"})
    assert Activity("a", parties=[adviser()], facts={"data_about_people": "n/a"})
    with pytest.raises(ValidationError, match="nhs_premises: contradicts the setting"):
        Activity("a", parties=[adviser()], facts={"nhs_premises": False}, setting=Setting.NHS)
    pairs = [
        ("patient_data_without_consent", "identifiable_patient_data"),
        ("large_scale_special_category", "personal_data"),
        ("within_approved_scope", "approved_study_participants"),
    ]
    for dependent, base in pairs:
        with pytest.raises(ValidationError, match=f"{dependent}: contradicts {base}"):
            Activity("a", parties=[adviser()], facts={dependent: True, base: False})
        with pytest.raises(ValidationError, match="cannot be not applicable when"):
            Activity("a", parties=[adviser()], facts={dependent: "n/a", base: True})
        assert Activity("a", parties=[adviser()], facts={dependent: "n/a", base: False})


def test_errors_about_sensitive_answers_never_show_the_answer_or_the_notes():
    with pytest.raises(ValidationError) as caught:
        Party("g", Capacity.PUBLIC_CONTRIBUTOR, facts={"under_18": False, "under_16": True},
              notes=SENTINEL)  # fmt: skip
    assert SENTINEL not in str(caught.value)
    assert "True" not in str(caught.value)
