""":mod:`participatory.core.explain`: unit tests."""

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
