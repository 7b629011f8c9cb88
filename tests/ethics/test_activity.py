""":mod:`participatory.ethics.activity`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.ethics import Activity, Answer, Capacity, Fact, Nation, Party, Setting, Task

SENTINEL = "SENTINEL-91c2-safeguarding"


def test_party_and_activity_facts_have_their_own_scope():
    with pytest.raises(ValidationError, match="about the activity"):
        Party("g", Capacity.PUBLIC_CONTRIBUTOR, facts={"generalisable": True})
    party = Party("g", Capacity.PUBLIC_CONTRIBUTOR)
    with pytest.raises(ValidationError, match=r"about a group"):
        Activity("a", parties=[party], facts={"own_data_analysed": True})


def test_activity_validation():
    party = Party("g", "public_contributor", tasks=["advise"])
    assert party.tasks == {Task.ADVISE}
    with pytest.raises(ValidationError, match="at least one group"):
        Activity("a", parties=[])
    with pytest.raises(ValidationError, match="same label"):
        Activity("a", parties=[party, party])
    with pytest.raises(ValidationError, match="staff only") as caught:
        Activity("a", parties=[Party("s", Capacity.STAFF, tasks={Task.ADVISE})])
    # The hint says what to do: the task that makes it an audit, or staff who are studied.
    assert "analyse_data" in str(caught.value)
    assert "provide_own_data" in str(caught.value)
    with pytest.raises(ValidationError, match="nations"):
        Activity("a", parties=[party], nations=["mars"])
    with pytest.raises(ValidationError, match="id"):
        Activity(" ", parties=[party])
    with pytest.raises(ValidationError, match="setting"):
        Activity("a", parties=[party], setting="moon")
    with pytest.raises(ValidationError, match="unknown task"):
        Party("g", Capacity.PUBLIC_CONTRIBUTOR, tasks={"juggle"})
    with pytest.raises(ValidationError, match="capacity"):
        Party("g", "chair")
    with pytest.raises(ValidationError, match="person ids"):
        Party("g", Capacity.PUBLIC_CONTRIBUTOR, people="ana")


def test_group_order_does_not_change_the_activity():
    a = Party("a", Capacity.PUBLIC_CONTRIBUTOR)
    b = Party("b", Capacity.EVENT_AUDIENCE)
    assert Activity("x", parties=[a, b]) == Activity("x", parties=[b, a])
    assert Activity("x", parties=[a]).setting is Setting.UNKNOWN


def test_safeguarding_answers_and_notes_never_shown():
    party = Party(
        "group",
        Capacity.CO_RESEARCHER,
        facts={"vulnerable": True, "under_18": False, "own_data_analysed": False},
        notes=SENTINEL,
    )
    activity = Activity("a", parties=[party])
    for text in (repr(party), str(activity), str(unstructure(activity))):
        assert SENTINEL not in text
        assert "vulnerable" not in text
        assert "under_18" not in text
    assert party.answer(Fact.VULNERABLE) is Answer.YES
    full = unstructure(activity, include_sensitive=True)
    assert full["parties"][0]["notes"] == SENTINEL


def test_with_answer_helpers_change_one_fact():
    party = Party("g", Capacity.PUBLIC_CONTRIBUTOR, facts={"own_data_analysed": False})
    activity = Activity("a", parties=[party])
    changed = activity.with_party_answer("g", Fact.OWN_DATA_ANALYSED, True)
    assert changed.party("g").answer(Fact.OWN_DATA_ANALYSED) is Answer.YES
    assert activity.with_answer(Fact.RANDOMISED, None) == activity
    with pytest.raises(KeyError):
        activity.party("nobody")


def test_staff_only_activities_are_accepted_when_they_handle_data_or_are_studied():
    """An audit of records: no group for the people whose records are checked."""
    audit = Activity("audit", parties=[Party("audit team", Capacity.STAFF,
                                             tasks={Task.ANALYSE_DATA})])  # fmt: skip
    assert audit.parties[0].capacity is Capacity.STAFF
    interviews = Activity("staff-interviews", parties=[
        Party("ward staff", Capacity.STAFF, tasks={Task.PROVIDE_OWN_DATA})])  # fmt: skip
    assert interviews.id == "staff-interviews"


def test_nations_and_an_nhs_setting():
    party = Party("g", Capacity.PUBLIC_CONTRIBUTOR)
    activity = Activity("a", parties=[party], nations=["wales", Nation.ENGLAND], setting="nhs")
    assert activity.nations == {Nation.WALES, Nation.ENGLAND}
    assert Activity("a", parties=[party]).nations == frozenset()  # not yet said
    # The NHS setting answers "on NHS premises"; the facts keep what was given.
    assert activity.answer(Fact.NHS_PREMISES) is Answer.YES
    assert activity.facts.get(Fact.NHS_PREMISES) is Answer.UNKNOWN
