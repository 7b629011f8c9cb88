import pytest

from participatory.core.errors import ValidationError
from participatory.core.serialise import unstructure
from participatory.ethics import Activity, Answer, Capacity, Fact, Facts, Party, Setting, Task

SENTINEL = "SENTINEL-91c2-safeguarding"


def test_answers_read_from_bools_words_and_none():
    assert Answer.of(True) is Answer.YES
    assert Answer.of("No ") is Answer.NO
    assert Answer.of(None) is Answer.UNKNOWN
    with pytest.raises(ValidationError, match="yes, no or unknown"):
        Answer.of(1)


def test_facts_from_mapping_or_pairs_are_equal_and_unknown_is_dropped():
    a = Facts({"generalisable": True, "randomised": None})
    b = Facts([(Fact.GENERALISABLE, "yes")])
    assert a == b
    assert a.get(Fact.RANDOMISED) is Answer.UNKNOWN
    assert a.facts() == {Fact.GENERALISABLE}


def test_conflicting_answers_are_an_error_whatever_the_order():
    for pairs in ([("randomised", True), ("randomised", False)],
                  [("randomised", False), ("randomised", True)]):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            Facts(pairs)
        assert caught.value.path == "facts.randomised"
    assert Facts([("randomised", True), ("randomised", "yes")]).get(Fact.RANDOMISED) is Answer.YES


def test_unknown_fact_names_are_rejected_with_the_choices():
    with pytest.raises(ValidationError, match="unknown fact") as caught:
        Facts({"is_research": True})
    assert "generalisable" in str(caught.value)


def test_facts_must_be_pairs():
    with pytest.raises(ValidationError):
        Facts("generalisable")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Facts([("generalisable",)])  # type: ignore[list-item]


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
    with pytest.raises(ValidationError, match="staff only"):
        Activity("a", parties=[Party("s", Capacity.STAFF)])
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
