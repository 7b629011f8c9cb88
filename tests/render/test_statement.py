"""Contributor statements as text, HTML and JSON, in English and Welsh."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    Child,
    Household,
    Person,
    UniversalCreditClaim,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
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


# A couple's joint claim. Worked by hand, 2025/26 (UC Regs 2013 regs. 22 and 36(3)): one work
# allowance for the couple, with housing costs £411.00 an assessment period, and a 55% taper.
# Ann £300 (10 June) and Bob £300 (12 June) on a joint Universal Credit claim: £600 combined,
# £189 over the allowance, 55% = £103.95 off the joint award for June. It is the household's:
# each statement shows own change £0.00, kept £300.00 and the joint claim's -£103.95.

_JOINT_LINE = (
    "Universal Credit, your joint claim with your partner: £1,520.91 before, £1,416.96 after "
    "(-£103.95, your household's change, shown the same on your partner's statement)"
)


def _couple(person: str, *payments: PaymentEntry) -> ContributorStatement:
    """Ann and Bob (and their child), on a joint UC claim from 1 May 2025, with housing costs."""
    home = Household(
        people=[Person("ann"), Person("bob")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount=Money.gbp("600.00"),
        ),
    )
    consents = [
        ConsentRecord(p, p, "2025-04-01", "benefits checks", "2027-03-31") for p in ("ann", "bob")
    ]
    ledger = Ledger(
        contributors=[Contributor("ann"), Contributor("bob")],
        households=[HouseholdRecord("h-ann-bob", home, consents)],
        payments=payments
        or (
            PaymentEntry("a-1", "ann", "300.00", "2025-06-10", payer="uni"),
            PaymentEntry("b-1", "bob", "300.00", "2025-06-12", payer="uni"),
        ),
    )
    return contributor_statement(ledger, person, 2025, as_at=dt.date(2026, 4, 30))


@pytest.mark.parametrize("person", ["ann", "bob"])
def test_a_couples_text_statement_shows_the_joint_claim_as_the_households(person: str) -> None:
    """Each partner: own change £0.00, kept £300.00; the joint claim -£103.95, on its own row."""
    page = render_statement(_couple(person), format="text", locale="en_GB")
    year = page.split("\n\n")[1].splitlines()
    assert year[2:6] == [
        "Received: £300.00",
        "Still due: £0.00",
        "Change in your own benefits: £0.00",
        "What you kept: £300.00",
    ]
    assert year[6] == (
        "Change in the joint claim you and your partner make together (your household's, "
        "shown the same on your partner's statement, and not counted in what you kept): -£103.95"
    )
    assert "Change in your benefits:" not in page
    june = page.split("1 June 2025 to 30 June 2025\n")[1].splitlines()
    assert june[1:3] == [
        f"  {_JOINT_LINE}",
        "  Change in your joint claim (your household's): -£103.95",
    ]


def test_a_partners_payment_alone_shows_on_the_statement_as_the_joint_claims() -> None:
    """Ann £300 (10 June), Bob £500 (15 July): July's joint change is on Ann's statement too.

    June: £300 ≤ £411, nothing off (the line is unchanged). July: £500 - £411 = £89 over;
    55% = £48.95 off the joint award, though Ann received nothing in July and kept her £300.
    """
    year = _couple(
        "ann",
        PaymentEntry("a-1", "ann", "300.00", "2025-06-10", payer="uni"),
        PaymentEntry("b-1", "bob", "500.00", "2025-07-15", payer="uni"),
    )
    page = render_statement(year, format="text", locale="en_GB")
    assert "What you kept: £300.00" in page
    assert "not counted in what you kept): -£48.95" in page
    june, july = page.split("Universal Credit, assessment period by assessment period")[1].split(
        "1 July 2025 to 31 July 2025"
    )
    assert ", unchanged (your household's, shown the same on your partner's statement)" in june
    assert "Change in your joint claim (your household's): £0.00" in june
    assert "Received:" not in july.split("\n\n")[0]  # nothing paid to Ann in July
    assert "(-£48.95, your household's change" in july
    assert "Change in your joint claim (your household's): -£48.95" in july


class _Cells(HTMLParser):
    """Each table's rows as the text of their cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self.tables[-1][-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td"):
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.tables[-1][-1][-1] += data


def test_a_couples_html_statement_has_the_joint_claim_as_its_own_row_and_column() -> None:
    page = render_statement(_couple("bob"), format="html", locale="en_GB")
    cells = _Cells()
    cells.feed(page)
    year, weeks, periods = cells.tables
    assert year == [
        ["Received", "£300.00"],
        ["Still due", "£0.00"],
        ["Change in your own benefits", "£0.00"],
        ["What you kept", "£300.00"],
        [
            "Change in the joint claim you and your partner make together (your household's, "
            "shown the same on your partner's statement, and not counted in what you kept)",
            "-£103.95",
        ],
    ]
    assert len(weeks[0]) == 5  # no joint line in any week: no joint column
    assert periods[0][-1] == "Change in your joint claim (your household's)"
    assert periods[1] == [
        "1 June 2025 to 30 June 2025", "£300.00", "£0.00", _JOINT_LINE, "£300.00", "-£103.95",
    ]  # fmt: skip
    parser = _Page()
    parser.feed(page)
    assert parser.tags.count("caption") == parser.tags.count("table") == 3
    assert all(scope in ("col", "row") for _, scope in parser.headers)


def test_a_couples_json_statement_has_the_joint_claim_apart() -> None:
    data = json.loads(render_statement(_couple("ann"), format="json", locale="en_GB"))
    assert (data["change"], data["kept"], data["by_benefit"]) == ("0.00 GBP", "300.00 GBP", {})
    assert data["joint_change"] == "-103.95 GBP"
    assert data["joint_by_benefit"] == {"universal_credit": "-103.95 GBP"}
    (june,) = data["assessment_periods"]
    assert (june["change"], june["kept"], june["joint_change"]) == (
        "0.00 GBP", "300.00 GBP", "-103.95 GBP",
    )  # fmt: skip
    (line,) = june["benefits"]
    assert (line["joint"], line["change"], line["person"]) == (True, "-103.95 GBP", None)
    (week,) = data["weeks"]
    assert week["joint_change"] == "0.00 GBP"


def test_a_single_persons_statement_has_no_joint_words_or_fields() -> None:
    """Amira's own Carer's Allowance: -£83.30 is hers, so her statement is as before."""
    year = _statement()
    text_page = render_statement(year, format="text", locale="en_GB")
    assert "Change in your benefits: -£83.30\nWhat you kept: £236.70\n" in text_page
    html_page = render_statement(year, format="html", locale="en_GB")
    for page in (text_page, html_page):
        assert "joint" not in page
        assert "household" not in page
    data = render_statement(year, format="json", locale="en_GB")
    assert "joint" not in data


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_a_couples_welsh_statement_has_no_english_joint_words(fmt: str) -> None:
    """Needs the Welsh of the ``render.statement`` joint words in the catalogue."""
    page = render_statement(_couple("ann"), format=fmt, locale="cy")  # type: ignore[arg-type]
    for english in ("joint claim", "household", "your partner", "own benefits"):
        assert english not in page, english
    assert "-£103.95" in page
