""":mod:`participatory.core.explain`: unit tests."""

from participatory.core.explain import Citation, Explained, Finding, Severity


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
    c = (Citation("UC Regs", reference="reg 22"),)
    assert Finding("A", Severity.INFO, "k", {"x": 1}, c) == Finding(
        "A", Severity.INFO, "k", {"x": 1}, c
    )
    assert Finding("A", Severity.INFO, "k", {"x": 1}) != Finding("A", Severity.INFO, "k", {"x": 2})
