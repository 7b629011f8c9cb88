""":mod:`participatory.render.report`: unit tests.

Rendering a hand-built governance report in every format and both locales.

The report (a river citizen-science project, as at 25 November 2026):
- Payments: payment P1 of £90.00 to Sam, paid 20 November 2026, 3 working days after its
  17 November deadline (a warning); fees planned £1,350.00; 12.5% of the budget held by
  community partners (1/8 as a share); 6 contributors.
- Benefits: a sensitive Carer's Allowance finding (a problem) whose values hold SENTINEL,
  and a sensitive figure whose value is SENTINEL; the action "Tell the Carer's Allowance
  Unit about the earnings for that week."
Both sections cite sources, one verified and one not.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import string
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.core.explain import Citation, Finding, Severity
from participatory.core.money import Money
from participatory.core.sources import Source
from participatory.render import FORMATS, render, templates
from participatory.render.chrome import word
from participatory.render.view import build_view
from participatory.testing.report import html_problems

TEST_TEMPLATES = {
    "test_render.figure.fees": "Test figure: Fees planned",
    "test_render.figure.share": "Test figure: Share held by community partners",
    "test_render.figure.people": "Test figure: Public contributors",
    "test_render.figure.private": "Test figure: A contributor's own figure",
    "test_render.figure.note": "Test figure: A free-text figure",
}


@pytest.fixture(autouse=True, scope="module")
def _test_templates():
    """This module's own figure labels, in the registry while its tests run."""
    with pytest.MonkeyPatch.context() as patch:
        for key, text in TEST_TEMPLATES.items():
            patch.setitem(templates._TEMPLATES, key, text)
        yield


SENTINEL = "SENTINEL-Q7X-NEVER-SHOWN"


LOCALES = ("en_GB", "cy")


NIHR = Citation(
    Source(
        "nihr_guidance",
        "Payment guidance for researchers and professionals",
        "NIHR researchers' payment guidance",
        primary=True,
        read_on=dt.date(2026, 11, 25),
        publisher="NIHR",
        url="https://www.nihr.ac.uk/payment-guidance-researchers-and-professionals",
        published=dt.date(2022, 8, 31),
        note="MAINTAINERS-NOTE-NEVER-SHOWN",
    ),
    pinpoint="Before you start",
    verified=True,
)


CA_RULES = Citation(
    Source(
        "coe_regs",
        "The Social Security Benefit (Computation of Earnings) Regulations 1996",
        "Computation of Earnings Regs 1996",
        primary=True,
        read_on=dt.date(2026, 12, 6),
        identifier="SI 1996/2745",
        publisher="UK Parliament",
    ),
    pinpoint="reg. 6(2)",
    verified=False,
)


def _placeholders(key: str) -> list[str]:
    return sorted({n for _, n, _, _ in string.Formatter().parse(templates.template(key)) if n})


def river_report(title: str = "River watch", note: str = "plain") -> GovernanceReport:
    late = Finding(
        "PAY-LATE",
        Severity.WARNING,
        "payments.late",
        {
            "payment": "P1",
            "contributor": "Sam",
            "amount": Money.gbp("90"),
            "paid_on": dt.date(2026, 11, 20),
            "working_days_late": 3,
            "deadline": dt.date(2026, 11, 17),
        },
        citations=(NIHR,),
    )
    on_time = Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": 4})
    cliff = Finding(
        "BEN-CA-EARNINGS-LIMIT",
        Severity.PROBLEM,
        "benefits.ca.over_limit",
        # Every value the template names, so that each one is a sensitive value to withhold.
        dict.fromkeys(_placeholders("benefits.ca.over_limit"), SENTINEL),
        citations=(CA_RULES,),
        actions=("benefits.action.ask_carers_allowance_unit",),
        sensitive=True,
        subject="sam",
    )
    payments = ReportSection(
        Area.PAYMENTS,
        findings=(on_time, late),
        figures=(
            Figure("test_render.figure.fees", Money.gbp("1350")),
            Figure("test_render.figure.share", Decimal("0.125"), is_share=True),
            Figure("test_render.figure.people", 6),
            Figure("test_render.figure.note", note),
        ),
    )
    benefits = ReportSection(
        Area.BENEFITS,
        findings=(cliff,),
        figures=(Figure("test_render.figure.private", SENTINEL, sensitive=True, subject="sam"),),
    )
    ethics = ReportSection(Area.ETHICS, not_assessed=True)
    return GovernanceReport("river", title, dt.date(2026, 11, 25), (payments, benefits, ethics))


LATE_EN = (
    "Payment P1 to Sam (£90.00) was paid on 20 November 2026, 3 working days after its "
    "deadline of 17 November 2026."
)


LATE_CY = (
    "Talwyd taliad P1 i Sam (£90.00) ar 20 Tachwedd 2026, dri diwrnod gwaith ar ôl ei ddyddiad "
    "terfyn, sef 17 Tachwedd 2026."
)


EXPECTED = {
    "en_GB": {
        "sentence": LATE_EN,
        "texts": [
            "Governance report: River watch",
            "25 November 2026",
            "Payments",
            "Benefits",
            "1 warning, 1 standard met",
            "1 problem",
            "Tell the Carer's Allowance Unit about the earnings for that week.",
            "Not assessed: the project gave no information for this area.",
            "Sources",
            "not verified",
            "Warning",
        ],
    },
    "cy": {
        "sentence": LATE_CY,
        "texts": [
            "Adroddiad llywodraethu: River watch",
            "25 Tachwedd 2026",
            "Taliadau",
            "Budd-daliadau",
            "un rhybudd, un safon wedi'i bodloni",
            "un broblem",
            "Rhowch wybod i Uned Lwfans Gofalwr am yr enillion ar gyfer yr wythnos honno.",
            "Heb ei asesu: ni roddodd y prosiect unrhyw wybodaeth am y maes hwn.",
            "Ffynonellau",
            "heb ei gwirio",
            "Rhybudd",
        ],
    },
}


# The figures in both locales (babel gives the same digits for en_GB and cy).
FIGURES = ["£1,350.00", "12.5%", "6", "£90.00"]


def _unwrapped(text: str) -> str:
    # Plain text wraps lines and HTML escapes apostrophes: compare the words people read.
    return " ".join(html.unescape(text).split())


#: What only the sensitive Carer's Allowance finding and figure say (rule, action, source,
#: template words, the figure's label), in either locale.
_ONLY_IN_THE_SENSITIVE_FINDING = (
    "BEN-CA-EARNINGS-LIMIT",
    "Carer's Allowance",
    "Lwfans Gofalwr",
    "Computation of Earnings",
    "A contributor's own figure",
    SENTINEL,
)


_PRINT_REPORTS = f"""
import runpy, sys
ns = runpy.run_path({str(Path(__file__))!r})
from participatory.render import render, templates
templates._TEMPLATES.update(ns["TEST_TEMPLATES"])  # this process only
for locale in ("en_GB", "cy"):
    for sensitive in (False, True):
        sys.stdout.buffer.write(render(ns["river_report"](), format="json", locale=locale,
                                       include_sensitive=sensitive).encode("utf-8"))
"""


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_the_key_figures_and_sentences(fmt, locale):
    # The copy for the contributor (include_sensitive): the benefits finding's action and
    # source are shown only there (test_sensitive_findings_are_left_out_by_default).
    out = render(river_report(), format=fmt, locale=locale, include_sensitive=True)
    flat = _unwrapped(json.dumps(json.loads(out), ensure_ascii=False) if fmt == "json" else out)
    if fmt == "markdown":
        flat = flat.replace("\\", "")
    expected = EXPECTED[locale]
    assert expected["sentence"] in flat
    for text in [*expected["texts"], *FIGURES]:
        assert text in flat, text


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_sensitive_values_are_withheld_by_default_and_shown_on_request(fmt, locale):
    hidden = render(river_report(), format=fmt, locale=locale)
    shown = render(river_report(), format=fmt, locale=locale, include_sensitive=True)
    assert SENTINEL not in hidden
    assert SENTINEL in shown
    notice = {
        "en_GB": "This copy of the report withholds findings and values about people's own",
        "cy": "Mae'r copi hwn o'r adroddiad yn atal canfyddiadau a gwerthoedd am amgylchiadau",
    }[locale]
    assert notice in _unwrapped(hidden.replace("\\", ""))
    assert notice not in _unwrapped(shown.replace("\\", ""))


def test_findings_are_ordered_most_serious_first():
    text = render(river_report(), format="text", locale="en_GB")
    payments = text[text.index("Payments\n---") : text.index("Benefits\n---")]
    assert payments.index("Warning: Payment P1") < payments.index("Met: 4 payments")


def test_rule_ids_are_secondary_never_the_sentence():
    text = render(river_report(), format="text", locale="en_GB")
    assert "PAY-LATE" not in text
    page = render(river_report(), format="html", locale="en_GB")
    assert 'data-rule="PAY-LATE"' in page
    # For developers only: folded away in the page's footer, never in the reader's text.
    notes = page[page.index('<details class="developers">') :]
    assert '<a href="#f-payments-1">Payments</a>: <code>Rule PAY-LATE</code>' in notes


def test_one_bibliography_lists_each_document_once_with_published_and_read_dates():
    """By hand: the payments finding cites the NIHR guidance (document 1, verified at its
    pinpoint); the benefits finding (shown here) cites the Computation of Earnings
    Regulations (document 2, not verified). The bibliography at the end lists each once,
    with the date each document states as "published" and the day it was read as "read on".
    """
    text = _unwrapped(render(river_report(), format="text", locale="en_GB", include_sensitive=True))
    assert "17 November 2026. [1: NIHR researchers' payment guidance Before you start]" in text
    assert "[2: Computation of Earnings Regs 1996 reg. 6(2) (not verified)]" in text
    assert (
        "[1] NIHR researchers' payment guidance: Payment guidance for researchers and "
        "professionals, NIHR; published 31 August 2022; read on 25 November 2026 "
        "https://www.nihr.ac.uk/payment-guidance-researchers-and-professionals (primary source)"
    ) in text
    assert (
        "[2] Computation of Earnings Regs 1996: The Social Security Benefit (Computation of "
        "Earnings) Regulations 1996, SI 1996/2745, UK Parliament; read on 6 December 2026 "
        "(primary source)"
    ) in text
    assert text.count("Payment guidance for researchers and professionals") == 1
    assert "dated" not in text


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_maintainers_notes_never_reach_a_report(fmt, locale):
    out = render(river_report(), format=fmt, locale=locale, include_sensitive=True)
    assert "MAINTAINERS-NOTE-NEVER-SHOWN" not in out


def test_html_lists_each_sections_documents_with_anchors_the_findings_link_to():
    page = render(river_report(), format="html", locale="en_GB", include_sensitive=True)
    assert (
        '<a href="#src-payments-1">NIHR researchers&#x27; payment guidance</a> Before you start'
        in page
    )
    assert '<li id="src-payments-1" value="1">' in page
    assert '<li id="src-benefits-2" value="2">' in page
    assert page.count('id="src-payments-1"') == 1


def test_json_citations_are_catalogue_keys_and_the_report_has_one_sources_table():
    data = json.loads(render(river_report(), format="json", locale="en_GB", include_sensitive=True))
    late = next(f for f in data["sections"][0]["findings"] if f["rule_id"] == "PAY-LATE")
    assert late["citations"] == [
        {"source": "nihr_guidance", "pinpoint": "Before you start", "verified": True}
    ]
    assert set(data["sources"]) == {"nihr_guidance", "coe_regs"}
    nihr = data["sources"]["nihr_guidance"]
    assert (nihr["published"], nihr["read_on"], nihr["primary"], nihr["number"]) == (
        "2022-08-31",
        "2026-11-25",
        True,
        1,
    )
    assert "note" not in nihr
    hidden = json.loads(render(river_report(), format="json", locale="en_GB"))
    assert set(hidden["sources"]) == {"nihr_guidance"}  # the withheld finding's law is not named


def test_welsh_report_has_one_notice_counting_the_english_sentences():
    # Untranslated in Welsh: the five test figure labels (shown once each; the private
    # figure is shown only in the copy that includes sensitive data).
    text = _unwrapped(render(river_report(), format="text", locale="cy", include_sensitive=True))
    notice = "Nid yw 5 o'r brawddegau yn yr adroddiad hwn ar gael yn Gymraeg eto"
    assert text.count(notice) == 1
    assert text.index(notice) < text.index("Taliadau ---")
    assert "ar gael yn Gymraeg" not in _unwrapped(
        render(river_report(), format="text", locale="en_GB")
    )


def test_fully_translated_welsh_report_has_no_notice():
    section = ReportSection(Area.PAYMENTS, findings=river_report().sections[0].findings)
    report = GovernanceReport("r", "River", dt.date(2026, 11, 25), (section,))
    assert "Gymraeg eto" not in render(report, format="html", locale="cy")


def test_unknown_format_or_locale_is_a_clear_error():
    with pytest.raises(ValueError, match="format 'pdf' is not supported"):
        render(river_report(), format="pdf", locale="en_GB")
    with pytest.raises(ValueError, match="locale 'fr' is not supported"):
        render(river_report(), format="text", locale="fr")


@pytest.mark.parametrize("locale", LOCALES)
def test_html_is_one_accessible_self_contained_page(locale):
    page = render(river_report(), format="html", locale=locale)
    assert html_problems(page, lang={"en_GB": "en-GB", "cy": "cy"}[locale]) == []
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<th scope="col">' in page
    assert '<th scope="row">' in page


def test_html_escapes_a_script_in_a_value_and_in_the_title():
    attack = "<script>alert('x')</script>"
    page = render(river_report(title=attack, note=attack), format="html", locale="en_GB")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert html_problems(page, lang="en-GB") == []
    assert attack in html.unescape(page)


def test_markdown_escapes_markup_in_values():
    out = render(
        river_report(title="*big* <b>", note="<script>x</script>"),
        format="markdown",
        locale="en_GB",
    )
    assert "<script>" not in out
    assert "<b>" not in out
    assert "# Governance report: \\*big\\* \\<b\\>" in out


def test_severity_is_a_word_not_only_a_colour():
    page = render(river_report(), format="html", locale="cy", include_sensitive=True)
    assert '<span class="sev">Problem:</span>' in page
    assert '<span class="sev">Rhybudd:</span>' in page


def test_json_carries_the_data_and_the_sentences():
    data = json.loads(render(river_report(), format="json", locale="cy"))
    assert data["locale"] == "cy"
    assert data["as_at"] == "2026-11-25"
    payments, benefits, ethics = data["sections"]
    assert payments["heading"] == "Taliadau"
    late = next(f for f in payments["findings"] if f["rule_id"] == "PAY-LATE")
    assert late["sentence"] == LATE_CY
    assert late["values"]["amount"] == "90.00 GBP"
    fees = payments["figures"][0]
    assert (fees["value"], fees["display"]) == ("1350.00 GBP", "£1,350.00")
    assert payments["figures"][1]["display"] == "12.5%"
    # Issue 17: withheld by default, and not even listed (its severity and subject said who
    # had a benefits problem); nor counted in the section (a count beside "Benefits" says
    # someone claims one): "What to do first" counts it, with every other withheld finding.
    assert benefits["findings"] == []
    assert benefits["figures"] == []
    assert not {"withheld", "withheld_findings", "withheld_figures"} & set(benefits)
    assert benefits["summary"] == "dim byd i weithredu arno ymhlith y canfyddiadau a ddangosir"
    assert "sam" not in json.dumps(benefits)
    (withheld,) = [item for item in data["first"] if item["withheld"]]
    assert withheld["counts"] == {"problem": 1}
    assert withheld["sections"] == []
    assert ethics["not_assessed"] is True
    shown = json.loads(render(river_report(), format="json", locale="cy", include_sensitive=True))
    assert shown["sections"][1]["findings"][0]["action_sentences"] == [
        "Rhowch wybod i Uned Lwfans Gofalwr am yr enillion ar gyfer yr wythnos honno."
    ]
    assert not any(item["withheld"] for item in shown["first"])


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
def test_sensitive_findings_are_left_out_by_default(fmt, locale):
    """Issue 11: no report contains a person's circumstances unless the caller opts in.

    By hand: the benefits section holds one sensitive finding (a problem) about "sam" and one
    sensitive figure. By default neither is shown, nor anything that would say what they are
    about (issue 17: the JSON kept the subject). The section neither shows nor counts it (a
    count beside "Benefits" says someone claims one), and says "nothing to act on among the
    findings shown" rather than "nothing to act on" (issue 21: that misled above a withheld
    problem); "What to do first" says once that 1 problem is withheld; the payments section
    is shown in full.
    """
    hidden = _unwrapped(render(river_report(), format=fmt, locale=locale).replace("\\", ""))
    for text in _ONLY_IN_THE_SENSITIVE_FINDING:
        assert text not in hidden, text
    line = {
        "en_GB": "Withheld from this report: 1 problem about people's own circumstances.",
        "cy": "Wedi'u hatal o'r adroddiad hwn: un broblem am amgylchiadau personol pobl.",
    }[locale]
    assert hidden.count(line) == 1
    assert EXPECTED[locale]["sentence"] in hidden
    view = build_view(river_report(), locale=locale, include_sensitive=False)
    benefits = view.sections[1]
    assert benefits.summary == word("render.nothing.shown", locale)
    assert benefits.findings == ()
    assert benefits.figures == ()
    shown = _unwrapped(
        render(river_report(), format=fmt, locale=locale, include_sensitive=True).replace("\\", "")
    )
    assert line not in shown
    assert SENTINEL in shown


def test_withheld_findings_are_counted_by_severity_on_one_line_naming_no_one():
    """Three sensitive findings about two people: the headline counts their severities,
    "What to do first" has one line for the two it lists (the note is not listed), and no
    section counts them.

    Issue 17 withheld severities and people altogether, so the Benefits section said
    "nothing to act on" above withheld problems; issue 21 counted them against each
    contributor's number ("Contributor 1 of 3 ... See Benefits"), which told a reader of the
    shared copy who claims a benefit. By hand: 2 problems, 1 note in all; the line says "2
    problems"; the section shows nothing, so says so.
    """
    cliff = river_report().sections[1].findings[0]  # a problem about sam
    others = (
        attrs.evolve(cliff, subject="ann"),
        attrs.evolve(cliff, subject="ann", severity=Severity.INFO),
    )
    section = ReportSection(Area.BENEFITS, findings=(cliff, *others))
    report = GovernanceReport(
        "r", "River", dt.date(2026, 11, 25), (section,), contributors=("ann", "bo", "sam")
    )
    for fmt in FORMATS:
        text = _unwrapped(render(report, format=fmt, locale="en_GB").replace("\\", ""))
        assert "Across the whole report: 2 problems, 1 note." in text
        assert text.count("Withheld from this report: 2 problems about people's own") == 1
        assert "nothing to act on among the findings shown" in text
        assert "of 3" not in text
        assert "ann" not in text.replace("annual", "")
        assert "sam" not in text.lower().replace("sample", "")


def test_json_is_byte_identical_whatever_the_locale_timezone_or_hash_seed():
    outputs = set()
    for lang, tz, seed in [
        ("C.UTF-8", "UTC", "0"),
        ("cy_GB.UTF-8", "Pacific/Kiritimati", "12345"),
        ("en_US.UTF-8", "America/St_Johns", "random"),
    ]:
        env = {**os.environ, "LANG": lang, "LC_ALL": lang, "TZ": tz, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _PRINT_REPORTS], env=env, capture_output=True, check=True
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert len(outputs.pop()) > 1000
