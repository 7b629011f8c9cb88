"""Severities are hashed by identity, in C (issue 18), and still behave as keys should.

A report counts and groups its findings by severity thousands of times; Enum's own hash is
a Python call each time. A member is its only instance, so identity gives the same
equality classes: these tests hold the behaviour a caller relies on.
"""

from __future__ import annotations

import copy
import pickle
from collections import Counter

from participatory.core.explain import Finding, Severity


def test_each_severity_is_one_key_however_it_is_reached() -> None:
    by_value = {Severity(s.value): s.rank for s in Severity}
    assert len(by_value) == len(Severity) == 7
    for severity in Severity:
        again = pickle.loads(pickle.dumps(severity))
        assert again is severity
        assert hash(again) == hash(severity)
        assert by_value[again] == severity.rank
        assert by_value[copy.deepcopy(severity)] == severity.rank
        assert by_value[Severity[severity.name]] == severity.rank


def test_counting_findings_by_severity_after_a_round_trip() -> None:
    findings = [
        Finding("A", Severity.WARNING, "a"),
        Finding("B", Severity.INFO, "b"),
        Finding("C", Severity.WARNING, "c"),
    ]
    counted = Counter(f.severity for f in pickle.loads(pickle.dumps(findings)))
    assert counted == {Severity.WARNING: 2, Severity.INFO: 1}
    assert counted[Severity.PROBLEM] == 0


def test_equal_findings_hash_alike_across_a_round_trip() -> None:
    finding = Finding("PAY-LATE", Severity.WARNING, "payments.late", subject="amira")
    again = pickle.loads(pickle.dumps(finding))
    assert again == finding
    assert hash(again) == hash(finding)
    assert len({finding, again}) == 1


def test_a_severity_is_not_equal_to_its_value_or_name() -> None:
    assert Severity.WARNING != "warning"
    assert {Severity.WARNING: 1}.get("warning") is None
    assert {Severity.WARNING: 1}.get("WARNING") is None
