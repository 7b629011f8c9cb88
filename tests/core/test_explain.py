""":mod:`participatory.core.explain`: unit tests."""

import pytest

from participatory.core.explain import Explained, Finding, Severity
from participatory.core.sources import cite


def test_explained_queries():
    a = Finding("A", Severity.ADVICE, "k")
    b = Finding("B", Severity.PROBLEM, "k")
    result = Explained(findings=(a, b))
    assert result.worst is Severity.PROBLEM
    assert result.at_least(Severity.ADVICE) == (b, a)
    assert result.by_rule("A") == (a,)
    assert not result.has("C")
    assert Explained().worst is Severity.INFO


def test_findings_compare_by_content():
    c = (cite("uc_regs_2013#reg_22"),)
    assert Finding("A", Severity.INFO, "k", {"x": 1}, c) == Finding(
        "A", Severity.INFO, "k", {"x": 1}, c
    )
    assert Finding("A", Severity.INFO, "k", {"x": 1}) != Finding("A", Severity.INFO, "k", {"x": 2})


def test_a_finding_made_from_anothers_values_shares_them_and_is_equal():
    """Issue 18: values are an immutable FrozenDict, so attrs.evolve (the assessment marking
    a benefits finding as about a person) shares them rather than copying them."""
    import attrs

    from participatory.core.frozen import FrozenDict

    original = Finding("BEN-KEPT", Severity.INFO, "benefits.kept", {"paid": 1, "kept": 2})
    marked = attrs.evolve(original, sensitive=True, subject="sam")
    assert marked.values is original.values
    assert isinstance(marked.values, FrozenDict)
    assert dict(marked.values) == {"paid": 1, "kept": 2}
    assert attrs.evolve(marked, sensitive=False, subject=None) == original
    given = {"a": 1}
    made = Finding("X", Severity.INFO, "benefits.kept", given)
    given["a"] = 2  # a plain dict is still copied: changing it later changes no finding
    assert made.values["a"] == 1


def test_a_findings_values_items_are_the_given_items_in_order_and_read_only():
    """Issue 18: FrozenDict.items() is its dictionary's own view (renderers format every
    shown finding's values from it): the same items in the same order, and no way to change
    the finding's values through it."""
    made = Finding("X", Severity.INFO, "benefits.kept", {"b": 1, "a": 2, "c": 3})
    items = made.values.items()
    assert list(items) == [("b", 1), ("a", 2), ("c", 3)]
    assert ("a", 2) in items
    assert ("a", 3) not in items
    assert len(items) == 3
    assert not hasattr(items, "__setitem__")
    with pytest.raises(TypeError):
        items.mapping["a"] = 9  # type: ignore[index]  # a view's mapping is read-only too
    assert made.values["a"] == 2
