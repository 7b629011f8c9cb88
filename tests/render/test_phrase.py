"""A finding's value worded by the catalogue (:class:`~participatory.core.explain.Phrase`)."""

from __future__ import annotations

import json

import pytest

from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, Phrase, Severity
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.render.text import format_value, sentence

TWO_CHILDREN = Phrase(
    "benefits.uc.elements.children", {"amounts": (Money.gbp("339.00"), Money.gbp("292.81"))}
)


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en_GB", "; child elements: £339.00, £292.81"),
        ("cy", "; elfennau plant: £339.00, £292.81"),
    ],
)
def test_a_phrase_is_worded_by_each_locales_catalogue(locale: str, words: str) -> None:
    assert format_value(TWO_CHILDREN, locale) == words


def test_a_sentence_holding_phrases_and_empty_parts() -> None:
    finding = Finding(
        "BEN-UC-ELEMENTS",
        Severity.INFO,
        "benefits.uc.elements",
        {
            "maximum": Money.gbp("1032.95"),
            "standard": Money.gbp("400.14"),
            "children": TWO_CHILDREN,
            "disabled": "",
            "lcwra": "",
            "carers": "",
            "housing": "",
        },
    )
    assert sentence(finding, locale="en_GB") == (
        "The maximum amount of £1,032.95 is the £400.14 standard allowance; child elements: "
        "£339.00, £292.81."
    )


def test_a_sensitive_findings_phrase_is_withheld_with_the_rest() -> None:
    finding = Finding(
        "BEN-UC-ELEMENTS",
        Severity.INFO,
        "benefits.uc.elements",
        {"maximum": Money.gbp("1"), "standard": Money.gbp("1"), "children": TWO_CHILDREN,
         "disabled": "", "lcwra": "", "carers": "", "housing": ""},
        sensitive=True,
    )  # fmt: skip
    assert "339" not in sentence(finding, locale="en_GB")
    assert unstructure(finding)["values"] is None


def test_a_phrase_is_plain_data_in_json() -> None:
    finding = Finding("X", Severity.INFO, "benefits.uc.elements", {"children": TWO_CHILDREN})
    plain = unstructure(finding)["values"]["children"]
    assert json.loads(json.dumps(plain)) == {
        "key": "benefits.uc.elements.children",
        "values": {"amounts": ["339.00 GBP", "292.81 GBP"]},
    }


@pytest.mark.parametrize("key", ["", None, 3])
def test_a_phrase_needs_a_message_key(key: object) -> None:
    with pytest.raises(ValidationError, match="key"):
        Phrase(key)  # type: ignore[arg-type]
