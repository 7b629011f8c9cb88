"""Contributor statements as text, HTML and JSON, in English and Welsh."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.core.errors import ValidationError
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    ContributorStatement,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    contributor_statement,
)
from participatory.render.i18n import untranslated
from participatory.render.statement import WELSH_REVIEWED, render_statement
from participatory.render.statement_words import MESSAGES as WORDS
from participatory.render.templates import TEMPLATES


def _statement(nation: str = "england") -> ContributorStatement:
    agreed = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
    home = Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())], nation=nation
    )
    ledger = Ledger(
        contributors=[Contributor("amira", nation=nation)],
        households=[HouseholdRecord("h-1", home, [agreed])],
        payments=[
            PaymentEntry("r-1", "amira", "150.00", "2026-01-13", payer="uni"),
            PaymentEntry("p-1", "amira", "150.00", "2026-01-14", payer="<trust> & co"),
            PaymentEntry("d-1", "amira", "20.00", "2026-03-02", payer="uni", status="planned"),
        ],
    )
    return contributor_statement(ledger, "amira", 2025, as_at=dt.date(2026, 2, 1))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headers: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "th":
            self.headers.append((tag, dict(attrs).get("scope")))


def test_the_text_statement_in_english() -> None:
    page = render_statement(_statement(), format="text", locale="en_GB")
    assert page.splitlines()[0] == "Your payments and benefits: tax year 2025/26"
    assert "Received: £300.00" in page
    assert "Still due: £20.00" in page
    assert "Change in your benefits: -£83.30" in page
    assert "What you kept: £236.70" in page
    assert (
        "Carer's Allowance: £83.30 before, £0.00 after (-£83.30; not paid for that period)" in page
    )
    assert "tell the Carer's Allowance Unit about earnings of £300.00" in page
    assert "Carer's Allowance: £83.30, unchanged" in page  # the week after the planned £20
    assert "machine" not in page


def test_the_welsh_statement_says_it_is_unreviewed() -> None:
    assert not WELSH_REVIEWED
    page = render_statement(_statement(), format="text", locale="cy")
    assert page.splitlines()[0] == "Eich taliadau a'ch budd-daliadau: blwyddyn dreth 2025/26"
    assert "Cyfieithwyd y testun Cymraeg hwn gan beiriant" in page
    assert "Lwfans Gofalwr" in page
    assert "Ionawr 2026" in page


def test_every_statement_word_and_ledger_message_has_welsh() -> None:
    keys = [k for k in TEMPLATES if k.startswith(("render.statement.", "ledger."))]
    assert len(keys) >= len(WORDS)
    assert untranslated([TEMPLATES[k] for k in keys], "cy") == []


def test_the_html_statement_is_accessible_and_escaped() -> None:
    for locale, lang in (("en_GB", "en-GB"), ("cy", "cy")):
        page = render_statement(_statement(), format="html", locale=locale)
        assert f'<html lang="{lang}">' in page
        assert "<script" not in page
        parser = _Page()
        parser.feed(page)
        headings = [t for t in parser.tags if t in ("h1", "h2", "h3")]
        assert headings[0] == "h1"
        assert "h3" not in headings
        assert parser.tags.count("caption") == parser.tags.count("table") >= 2
        assert all(scope in ("col", "row") for _, scope in parser.headers)
    assert "&lt;trust&gt;" not in page  # payers are never shown


def test_in_scotland_the_benefit_is_carer_support_payment() -> None:
    page = render_statement(_statement("scotland"), format="text", locale="en_GB")
    assert "Carer Support Payment: £83.30 before" in page
    assert "Social Security Scotland about earnings of £300.00" in page


def test_the_json_statement_is_exact_and_whole() -> None:
    data = json.loads(render_statement(_statement(), format="json", locale="cy"))
    assert (data["received"], data["due"], data["change"], data["kept"]) == (
        "300.00 GBP", "20.00 GBP", "-83.30 GBP", "236.70 GBP",
    )  # fmt: skip
    assert data["by_benefit"] == {"carers_allowance": "-83.30 GBP"}
    week = data["weeks"][1]
    assert week["benefits"][0]["cliff"] is True
    assert week["benefits"][0]["after"] == "0.00 GBP"
    assert data["notices"]
    assert all(f["sentence"] for f in data["findings"])
    assert any(f["rule_id"] == "LEDGER-REPORT-CARERS-ALLOWANCE" for f in data["findings"])


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValidationError):
        render_statement(_statement(), format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        render_statement("statement", format="text")  # type: ignore[arg-type]
