""":mod:`participatory.core.text`: hardening: outside text stays text in every Markdown output.

Issue 17: ``glossary_markdown(...)`` and ``rate_table_markdown(...)`` put an institution's
``url`` and ``source`` text into Markdown unescaped (and Markdown often becomes HTML): a
source named ``*x* <b>`` or a URL with ``)`` could add markup or links of its own. Both now
build their text and links with :func:`~participatory.core.text.markdown_text` and
:func:`~participatory.core.text.markdown_link`, as the report's Markdown does.

The general test gives every Markdown producer of the library (the report, the glossary,
the rate table) hostile institution text and parses the result with a CommonMark parser:
no raw HTML, no link but the ones the library made, to the addresses it was given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from participatory.assessment.report import Area, GovernanceReport, ReportSection
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.text import markdown_link, markdown_text, printable
from participatory.payments.rates import parse_rate_card, rate_table_markdown
from participatory.render.report import render
from participatory.vocabulary.files import bundled_vocabulary, parse_terms
from participatory.vocabulary.glossary import glossary_markdown

_PARSER = MarkdownIt("commonmark").enable("table")


def _tokens(markdown: str) -> Iterator[Token]:
    for token in _PARSER.parse(markdown):
        yield token
        yield from token.children or ()


#: The one piece of raw HTML the library writes itself: a report section's fixed, empty
#: anchor (``<a id="h-payments"></a>``), which "What to do first" links to.
_OWN_ANCHOR = re.compile(r'<a id="h-[a-z]+">')


def _problems(markdown: str, allowed_links: set[str]) -> list[str]:
    problems = []
    anchor_open = False
    for token in _tokens(markdown):
        own = token.type == "html_inline" and (
            _OWN_ANCHOR.fullmatch(token.content) or (anchor_open and token.content == "</a>")
        )
        anchor_open = token.type == "html_inline" and bool(_OWN_ANCHOR.fullmatch(token.content))
        if token.type in ("html_inline", "html_block") and not own:
            problems.append(f"raw HTML: {token.content!r}")
        if token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if href not in {_PARSER.normalizeLink(link) for link in allowed_links}:
                problems.append(f"a link the library did not make: {href!r}")
        if token.type == "image":
            problems.append("an image")
    return problems


def _institution_terms(title: str, url: str) -> str:
    return (
        "[sources.ours]\n"
        f"title = {_toml(title)}\nshort_title = {_toml(title)}\npublisher = {_toml(title)}\n"
        f"url = {_toml(url)}\nprimary = true\n\n"
        "[terms.co_production]\n"
        f'term = {_toml(title)}\ndefinition = {_toml(title)}\nsource = "ours"\n'
        f"note = {_toml(title)}\n"
    )


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _rate_card(title: str, url: str) -> str:
    return (
        '[meta]\nid = "ours"\n'
        f'title = {_toml(title)}\npublisher = {_toml(title)}\ncurrency = "GBP"\n'
        'source = "ours"\nverified = true\nsuperseded = true\nchecked_on = 2026-12-06\n\n'
        "[sources.ours]\n"
        f"title = {_toml(title)}\nshort_title = {_toml(title)}\npublisher = {_toml(title)}\n"
        f"url = {_toml(url)}\nprimary = true\n\n"
        '[[rates]]\nactivity = "meeting"\nunit = "hour"\namount = 27.50\n'
        'effective_from = 2026-01-01\nsource = "ours"\nverified = true\n'
    )


_EVIL_URL = "https://evil.example/a)<img/src=x/onerror=alert(1)>[b](javascript:c)"
_EVIL_TEXT = "*x* <b>bold</b> [link](javascript:alert(1)) | ![i](x) `c` \\ &lt;"


def test_an_institutions_glossary_entry_adds_no_markup() -> None:
    """Issue 17: the source and URL went into ``[source](url)`` as written."""
    vocabulary = bundled_vocabulary().with_definitions(
        parse_terms(_institution_terms(_EVIL_TEXT, _EVIL_URL), file="ours.toml", institution="U")
    )
    page = glossary_markdown(vocabulary, terms=["co_production"])
    link = markdown_link("x", _EVIL_URL)[len("[x](") : -1]
    assert _problems(page, {link}) == []


def test_an_institutions_rate_card_adds_no_markup() -> None:
    card = parse_rate_card(_rate_card(_EVIL_TEXT, _EVIL_URL), "ours.toml")
    table = rate_table_markdown({"ours": card})
    link = markdown_link("x", _EVIL_URL)[len("[x](") : -1]
    assert _problems(table, {link}) == []
    rows = [t for t in _tokens(table) if t.type == "tr_open"]
    assert len(rows) == 2  # the header and one rate: a "|" in the source split no cell


_TEXT = (
    st.text(
        st.sampled_from([*"ab *_`[]()<>|~#!&\\/:.\"'", "\n", "\x1b", "é"]),
        min_size=1,
        max_size=30,
    )
    .map(lambda t: "Term " + t)
    .filter(str.isprintable)
)
_URLS = st.builds(
    lambda path: "https://example.org/" + path,
    st.text(st.sampled_from(list("ab()<>[]*_`\\\"'%&#?=")), max_size=20),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, url=_URLS)
def test_no_markdown_producer_lets_outside_text_become_markup(
    tried: Counter[str], text: str, url: str
) -> None:
    tried["markdown producers: hostile institution text"] += 1
    link = markdown_link("x", url)[len("[x](") : -1]
    vocabulary = bundled_vocabulary().with_definitions(
        parse_terms(_institution_terms(text, url), file="ours.toml", institution="U")
    )
    assert _problems(glossary_markdown(vocabulary, terms=["co_production"]), {link}) == []
    card = parse_rate_card(_rate_card(text, url), "ours.toml")
    assert _problems(rate_table_markdown({"ours": card}), {link}) == []
    finding = Finding(
        "PAY-FEE",
        Severity.INFO,
        "payments.fee",
        {"activity": text, "card": text, "fee": Money.gbp(1)},
    )
    report = GovernanceReport(
        text, text, dt.date(2026, 1, 1), [ReportSection(Area.PAYMENTS, [finding])]
    )
    # The report links only to the documents its findings cite: none here.
    assert _problems(render(report, format="markdown", locale="en_GB"), set()) == []


@pytest.mark.parametrize("text", ["*a*", "<b>", "[x](y)", "a|b", "`c`", "# h", "&amp;", "!["])
def test_markdown_text_shows_exactly_the_text(text: str) -> None:
    rendered = _PARSER.render(markdown_text(text)).strip()
    assert rendered.removeprefix("<p>").removesuffix("</p>") == (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )


def test_printable_keeps_text_and_drops_controls() -> None:
    assert printable("plain text, é £") == "plain text, é £"
    assert printable("a\x1b[31mb\x07c\x00") == "a[31mbc"
    # Bidirectional overrides and isolates go; right-to-left letters stay.
    assert printable("\u05d0\u202eab\u2066c\u2069") == "\u05d0abc"
