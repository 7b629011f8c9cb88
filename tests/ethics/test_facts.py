""":mod:`participatory.ethics.facts`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.ethics import Answer, Fact, Facts


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
