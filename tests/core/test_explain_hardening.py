""":mod:`participatory.core.explain`: hardening: bad input at its boundaries.

Core bugs the hardening sweep found, each fixed and pinned here.
"""

from __future__ import annotations

from participatory.core.explain import Finding, Severity


def test_a_sensitive_findings_repr_hides_its_values() -> None:
    """repr of a sensitive finding (so of every result holding one) shows no values.

    Found by the sensitive sweep: BenefitsCheck, InstalmentPlan and SafePayment showed the
    contributor's benefits and losses in repr through their findings.
    """
    secret = Finding(
        "BEN-X",
        Severity.PROBLEM,
        "x",
        {"benefit": "carers_allowance"},
        sensitive=True,
        subject="rosa",
    )
    assert "carers_allowance" not in repr(secret)
    # Issue 17: the rule id, message key and subject said who had which benefit.
    assert repr(secret) == "Finding(<redacted>, sensitive=True)"
    public = Finding("PAY-X", Severity.INFO, "x", {"hours": 2})
    assert "'hours': 2" in repr(public)
