""":mod:`participatory.core.serialise`: unit tests."""

import attrs

from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.core.sources import cite
from participatory.render.text import sentence


def test_sensitive_findings_drop_values_by_default(extra_templates):
    extra_templates({"test.ca": "Payment {amount} stops Carer's Allowance."})
    finding = Finding(
        "BEN-CA", Severity.PROBLEM, "test.ca", {"amount": Money.gbp("200.01")}, sensitive=True
    )
    data = unstructure(finding)
    assert data["values"] is None
    # Withheld whole (issue 11): the rule id alone says the person gets Carer's Allowance.
    assert data["rule_id"] is None
    assert unstructure(finding, include_sensitive=True)["rule_id"] == "BEN-CA"
    assert unstructure(finding, include_sensitive=True)["values"] == {"amount": "200.01 GBP"}
    assert "200.01" not in sentence(finding, locale="en_GB", include_sensitive=False)
    assert "200.01" not in sentence(finding, locale="en_GB")  # hidden by default
    assert (
        sentence(finding, locale="en_GB", include_sensitive=True)
        == "Payment £200.01 stops Carer's Allowance."
    )


def test_a_withheld_finding_keeps_only_its_two_flags(extra_templates):
    """Default serialisation of a sensitive finding: the two flags, nothing else.

    Issue 17: the severity and subject were kept, which named who had a benefits finding.
    """
    extra_templates({"test.ca": "Payment {amount} stops Carer's Allowance."})
    finding = Finding(
        "BEN-CA",
        Severity.PROBLEM,
        "test.ca",
        {"amount": Money.gbp("200.01")},
        citations=(cite("bath_report_2022#s2_6"),),
        actions=("test.ca",),
        sensitive=True,
        subject="rosa",
    )
    data = unstructure(finding)
    kept = {key: value for key, value in data.items() if value is not None}
    assert kept == {"sensitive": True, "withheld": True}
    assert set(data) == set(unstructure(finding, include_sensitive=True))
    assert "Carer" not in str(data)
    assert "rosa" not in str(data)
    assert unstructure(attrs.evolve(finding, sensitive=False))["withheld"] is False
