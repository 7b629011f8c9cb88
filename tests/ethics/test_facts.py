""":mod:`participatory.ethics.facts`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.ethics import Answer, Fact, Facts


def test_answers_read_from_bools_words_and_none():
    assert Answer.of(True) is Answer.YES
    assert Answer.of("No ") is Answer.NO
    assert Answer.of(None) is Answer.UNKNOWN
    assert Answer.of("not_applicable") is Answer.of("n/a") is Answer.NOT_APPLICABLE
    with pytest.raises(ValidationError, match="yes, no, unknown or not_applicable"):
        Answer.of(1)


def test_not_applicable_is_kept_where_the_question_presupposes_something():
    """Consent for a group that provides no data is "not applicable", not "no": the answer
    is kept as given, and the rules read it as no."""
    facts = Facts({"consent_planned": "not_applicable", "data_about_people": "n/a"})
    assert facts.get(Fact.CONSENT_PLANNED) is Answer.NOT_APPLICABLE
    assert facts.get(Fact.CONSENT_PLANNED).effective is Answer.NO
    assert facts.facts() == {Fact.CONSENT_PLANNED, Fact.DATA_ABOUT_PEOPLE}


@pytest.mark.parametrize("fact", [f for f in Fact if not f.allows_not_applicable])
def test_not_applicable_is_refused_where_the_question_always_has_an_answer(fact):
    with pytest.raises(ValidationError, match="cannot be not applicable") as caught:
        Facts({fact: Answer.NOT_APPLICABLE})
    assert caught.value.path == f"facts.{fact.value}"


def test_the_facts_about_health_custody_age_and_vulnerability_are_sensitive():
    """Capacity (health), custody (criminal offence data) and age or vulnerability
    (safeguarding) answers are held apart; recruitment through a service is study design."""
    sensitive = {f for f in Fact if f.sensitive}
    assert sensitive == {
        Fact.VULNERABLE, Fact.UNDER_18, Fact.UNDER_16, Fact.AGED_16_17,
        Fact.MAY_LACK_CAPACITY, Fact.IN_CUSTODY_OR_ON_PROBATION, Fact.HELD_IN_CUSTODY,
    }  # fmt: skip
    facts = Facts({"may_lack_capacity": True, "nhs_patients": True})
    assert facts.safeguarding == ((Fact.MAY_LACK_CAPACITY, Answer.YES),)
    assert "may_lack_capacity" not in repr(facts)


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
