import json
import logging

import attrs
import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Citation, Explained, Finding, Severity
from participatory.core.messages import define_messages
from participatory.core.money import Money
from participatory.core.privacy import REDACTED, SENSITIVE, sensitive_fields
from participatory.core.serialise import unstructure
from participatory.render.text import sentence

SENTINEL = "SENTINEL-7f3a-lived-experience"


@attrs.frozen
class Contributor:
    name: str
    lived_experience: str = attrs.field(repr=REDACTED, metadata=SENSITIVE)

    @lived_experience.validator
    def _check(self, attribute, value):
        if len(value) > 1000:
            raise ValidationError(attribute.name, "is longer than 1,000 characters")


def test_sensitive_value_never_in_repr_str_or_default_serialisation(caplog):
    person = Contributor("Ana", SENTINEL)
    assert SENTINEL not in repr(person)
    assert SENTINEL not in str(person)
    assert SENTINEL not in json.dumps(unstructure(person))
    logging.getLogger("t").warning("person %s %r", person, person)
    assert SENTINEL not in caplog.text
    assert unstructure(person, include_sensitive=True)["lived_experience"] == SENTINEL
    assert [f.name for f in sensitive_fields(Contributor)] == ["lived_experience"]


def test_validation_errors_name_the_field_not_the_value():
    with pytest.raises(ValidationError) as caught:
        Contributor("Ana", SENTINEL * 100)
    assert SENTINEL not in str(caught.value)
    assert "lived_experience" in str(caught.value)


def test_sensitive_findings_drop_values_by_default():
    define_messages({"test.ca": "Payment {amount} stops Carer's Allowance."})
    finding = Finding(
        "BEN-CA", Severity.PROBLEM, "test.ca", {"amount": Money.gbp("200.01")}, sensitive=True
    )
    data = unstructure(finding)
    assert data["values"] is None
    # Withheld whole (issue 11): the rule id alone says the person gets Carer's Allowance.
    assert data["rule_id"] is None
    assert unstructure(finding, include_sensitive=True)["rule_id"] == "BEN-CA"
    assert unstructure(finding, include_sensitive=True)["values"] == {
        "amount": {"amount": "200.01", "currency": "GBP"}
    }
    assert "200.01" not in sentence(finding, locale="en_GB", include_sensitive=False)
    assert "200.01" not in sentence(finding, locale="en_GB")  # hidden by default
    assert (
        sentence(finding, locale="en_GB", include_sensitive=True)
        == "Payment £200.01 stops Carer's Allowance."
    )


def test_a_withheld_finding_keeps_only_its_severity_and_subject():
    """Default serialisation of a sensitive finding: severity, subject and the two flags."""
    define_messages({"test.ca": "Payment {amount} stops Carer's Allowance."})
    finding = Finding(
        "BEN-CA",
        Severity.PROBLEM,
        "test.ca",
        {"amount": Money.gbp("200.01")},
        citations=(Citation("Carer's Allowance guidance"),),
        actions=("test.ca",),
        sensitive=True,
        subject="rosa",
    )
    data = unstructure(finding)
    kept = {key: value for key, value in data.items() if value is not None}
    assert kept == {"severity": "problem", "subject": "rosa", "sensitive": True, "withheld": True}
    assert set(data) == set(unstructure(finding, include_sensitive=True))
    assert "Carer" not in str(data)
    assert unstructure(attrs.evolve(finding, sensitive=False))["withheld"] is False


def test_welsh_formatting_of_money_and_dates():
    import datetime as dt

    define_messages({"test.due": "{fee} {due}"})
    finding = Finding(
        "X", Severity.INFO, "test.due", {"fee": Money.gbp("1234.50"), "due": dt.date(2026, 4, 6)}
    )
    assert sentence(finding, locale="cy") == "£1,234.50 6 Ebrill 2026"


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


def test_message_keys_cannot_be_silently_redefined():
    define_messages({"test.once": "One"})
    define_messages({"test.once": "One"})
    with pytest.raises(ValueError, match="already defined"):
        define_messages({"test.once": "Two"})
