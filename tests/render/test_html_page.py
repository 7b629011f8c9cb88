""":mod:`participatory.render.html`: the page's structure, read back with an HTML parser.

The arts example (as at 6 December 2026) gives a page with "What to do first" and eleven
sections. On it: every in-page link lands on an element with that id, ids are unique, the
skip link is the first thing to focus and leads to ``<main>``, the contents link every
``<h2>`` of the report, the landmarks are there once each, the print style sheet hides the
contents and keeps findings whole, and a rule id is only in attributes and the folded notes
for developers.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

from participatory.assessment.report import GovernanceReport
from participatory.assessment.run import assess
from participatory.project.files import load_project
from participatory.render import render
from participatory.render.branding import Branding, Logo
from participatory.render.html import CONTENT_SECURITY_POLICY, render_html
from participatory.render.view import build_view
from participatory.testing.branding import brandings
from participatory.testing.report import governance_reports, html_problems
from tests.render.reader_text import developer_words, html_reader_text

EXAMPLES = Path(__file__).parents[2] / "examples"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'
)


@functools.cache
def arts() -> GovernanceReport:
    return assess(load_project(EXAMPLES / "arts-coproduction.toml"), as_at=dt.date(2026, 12, 6))


class Page(HTMLParser):
    """Every element's tag, attributes and the text directly inside it, in document order."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[int, str] = {}
        self._open: list[int] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag not in {"meta", "img", "br", "link"}:
            self._open.append(len(self.elements) - 1)

    def handle_endtag(self, tag: str) -> None:
        if self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            index = self._open[-1]
            self.text[index] = self.text.get(index, "") + data

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if a.get("id")]

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [a for tag, a in self.elements if tag == name]


def _page(locale: str = "en_GB", branding: Branding | None = None, **options: bool) -> str:
    view = build_view(arts(), locale=locale, include_sensitive=options.get("sensitive", False))
    return render_html(view, branding=branding)


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
def test_every_in_page_link_lands_on_one_element(locale):
    page = Page(_page(locale))
    ids = page.ids()
    assert len(ids) == len(set(ids))
    targets = [a["href"][1:] for a in page.tags("a") if (a.get("href") or "").startswith("#")]
    assert targets, "the page has in-page links"
    assert [t for t in targets if t not in ids] == []


def test_the_skip_link_is_first_and_leads_to_main():
    page = Page(_page())
    body = next(i for i, (tag, _) in enumerate(page.elements) if tag == "body")
    first_link = next(a for tag, a in page.elements[body:] if tag == "a")
    assert first_link["href"] == "#main"
    assert first_link["class"] == "skip"
    assert page.tags("main") == [{"id": "main", "tabindex": "-1"}]


def test_the_landmarks_are_there_once_each():
    page = Page(_page())
    for landmark in ("header", "nav", "main", "footer"):
        assert len(page.tags(landmark)) == 1, landmark


def test_the_contents_link_every_heading_of_the_report_in_order():
    """By hand: the arts example has "What to do first" and eleven sections (About the
    figures, Roles and partners, Power and decisions, Budget, Payments, Benefits, Ethics,
    Safeguarding and wellbeing, Time and planning, Evaluation and legacy, Institutional
    readiness): twelve entries, in the order of the page."""
    text = _page()
    nav = text[text.index("<nav") : text.index("</nav>")]
    main = text[text.index("<main") :]
    linked = re.findall(r'<a href="#([^"]+)">', nav)
    headings = re.findall(r'<h2 id="([^"]+)">', main)
    assert linked == headings
    assert len(linked) == 12
    assert linked[0] == "h-first"
    assert linked[-1] == "h-readiness"


def test_a_block_the_view_adds_appears_in_the_page_and_the_contents():
    text = _page()
    assert '<section aria-labelledby="h-first" data-block="first">' in text
    first = text[text.index('data-block="first"') : text.index('data-area="data"')]
    assert '<span class="sev">Problem:</span> Payment dev-group-2 to dev' in first
    assert '<a href="#h-payments">Payments</a>' in first


def test_the_print_style_sheet_hides_the_contents_and_keeps_findings_whole():
    text = _page()
    style = text[text.index("<style>") : text.index("</style>")]
    printed = style[style.index("@media print") :]
    assert re.search(r"\.skip, nav, details\.developers \{ display: none; \}", printed)
    assert re.search(r"ul\.findings li[^{]*\{ break-inside: avoid;", printed)
    assert "break-after: avoid" in printed
    assert 'a[href^="http"]:not(.url)::after' in printed  # a web link prints its address
    assert "color: #000000" in printed  # black on white


def test_rule_ids_are_only_in_attributes_and_the_developers_notes():
    text = _page(sensitive=True)
    assert developer_words(html_reader_text(text)) == []
    page = Page(text)
    rules = {a["data-rule"] for a in page.tags("li") if a.get("data-rule")}
    assert "PAY-OVERDUE" in rules
    notes = text[text.index('<details class="developers">') :]
    assert "<code>Rule PAY-OVERDUE</code>" in notes
    # Each rule note links to its finding.
    assert re.search(
        r'<a href="#f-payments-\d+">Payments</a>: <code>Rule PAY-OVERDUE</code>', notes
    )


def test_the_page_fetches_nothing_and_runs_nothing():
    text = _page(branding=Branding("Uni", logo=Logo(SVG)))
    assert f'content="{CONTENT_SECURITY_POLICY}"' in text
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    page = Page(text)
    sources = [a["src"] for _, a in page.elements if "src" in a]
    assert sources
    assert all((s or "").startswith("data:image/svg+xml;base64,") for s in sources)
    assert page.tags("script") == []
    assert page.tags("link") == []


@pytest.mark.parametrize(("locale", "lang"), [("en_GB", "en-GB"), ("cy", "cy")])
def test_each_language_has_its_lang_and_headings_in_order(locale, lang):
    assert html_problems(_page(locale), lang=lang) == []
    branded = _page(locale, Branding("Prifysgol", logo=Logo(SVG)))
    assert html_problems(branded, lang=lang) == []


def test_the_neutral_look_has_no_institution_line():
    assert 'class="institution"' not in _page()
    assert "<img" not in _page()


def test_a_branded_page_names_the_institution_escaped_in_its_colours():
    attack = "<script>alert('ZZBRAND')</script> & Co"
    text = _page(branding=Branding(attack, primary="#00205b", accent="#8A1538"))
    assert "<script>" not in text
    assert "&lt;script&gt;alert(&#x27;ZZBRAND&#x27;)&lt;/script&gt; &amp; Co" in text
    assert attack in html_reader_text(text)
    assert "h1, h2 { color: #00205b; }" in text
    assert "a { color: #8a1538; }" in text


def test_a_logo_is_decorative_beside_the_name():
    text = _page(branding=Branding("Uni", logo=Logo(SVG)))
    header = text[text.index("<header>") : text.index("</header>")]
    assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="">', header)
    assert "<span>Uni</span>" in header


def test_render_passes_branding_to_the_page_and_no_other_format_changes():
    branding = Branding("ZZ University")
    assert "ZZ University" in render(arts(), format="html", locale="en_GB", branding=branding)
    for fmt in ("text", "markdown", "json"):
        plain = render(arts(), format=fmt, locale="en_GB")
        assert render(arts(), format=fmt, locale="en_GB", branding=branding) == plain


def test_render_html_refuses_branding_that_is_not_a_branding():
    from participatory.core.errors import ValidationError

    view = build_view(arts(), locale="en_GB", include_sensitive=False)
    with pytest.raises(ValidationError, match="branding: must be a Branding"):
        render_html(view, branding={"institution": "Uni"})  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(report=governance_reports(), branding=brandings())
def test_any_report_in_any_branding_is_a_sound_page(report, branding):
    text = render_html(build_view(report, locale="cy", include_sensitive=False), branding=branding)
    assert html_problems(text, lang="cy") == []
    page = Page(text)
    ids = page.ids()
    assert len(ids) == len(set(ids))
    targets = [a["href"][1:] for a in page.tags("a") if (a.get("href") or "").startswith("#")]
    assert set(targets) <= set(ids)
    assert branding.institution in html.unescape(text)
    assert "<script" not in text
