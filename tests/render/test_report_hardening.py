""":mod:`participatory.render.report`: hardening: what a report discloses, and how it reads.

Issue 17 found, in the rendered reports:

- ``repr(report)`` showed contributors' benefit figures (a sensitive ``Figure``'s value and
  subject) and, for a sensitive ``Finding``, its rule id, message key and subject: together,
  who has which benefit;
- the default JSON kept the subject and severity of withheld findings, which the text,
  Markdown and HTML reports did not;
- control characters (ESC, BEL) from a project file reached text, Markdown and HTML;
- an unfilled template (``… {group} is named. {reason}``) reached the actions of an example;
- shares were floored (53.3% + 46.6%; 46.6% in a sentence, 46.7% in the figures);
- a bundled URL stored with ``&amp;`` showed as ``&amp;amp;`` in HTML.

Each has a regression test; the general ones are properties over generated reports and
sweeps over every example, format and locale.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.assessment import assess
from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.budget.distribution import distribute
from participatory.budget.lines import Budget, BudgetLine, Holder, HolderKind, LineKind
from participatory.budget.review import assess_budget, shown_shares
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.core.sources import bundled_sources, cite
from participatory.project import load_project
from participatory.render import FORMATS, render
from participatory.render.i18n import SUPPORTED_LOCALES, catalogue, translate_plural
from participatory.render.templates import PLURALS, TEMPLATES
from participatory.render.text import format_value
from participatory.render.view import build_view
from participatory.testing.report import governance_reports
from tests.entry_points import AS_AT, PROJECT_FILES

SENTINEL = "QXSENTINELQX"

_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- sensitive data ---------------------------------------------------------------------


def test_a_sensitive_figure_and_finding_show_nothing_in_repr() -> None:
    """Issue 17: repr showed the figure's value and subject, the finding's rule and subject."""
    figure = Figure(
        "assessment.figure.benefit_change", Money.gbp("-86.45"), sensitive=True, subject="sam"
    )
    finding = Finding(
        "BEN-CA-CLIFF", Severity.PROBLEM, "benefits.ca.cliff", sensitive=True, subject="sam"
    )
    report = GovernanceReport(
        "p", "P", dt.date(2026, 7, 1), [ReportSection(Area.BENEFITS, [finding], [figure])]
    )
    for text in (repr(report), str(report), repr(report.sections)):
        for secret in ("86.45", "sam", "BEN-CA", "benefits.ca", "benefit_change", "problem"):
            assert secret not in text.lower().replace("benefits,", ""), (secret, text)


def _planted(report: GovernanceReport, variant: int) -> GovernanceReport:
    """``report`` with every sensitive finding's and figure's every detail replaced.

    All but the severity of a finding and the place of its subject in the project's list of
    people: those two are what "What to do first" counts, by contributor number (issue 21).
    Each person's id is replaced, consistently, in the findings and in the list.
    """

    def person(subject: str | None) -> str | None:
        return None if subject is None else f"{SENTINEL}-person-{variant}-{subject}"

    def finding(f: Finding) -> Finding:
        if not f.sensitive:
            return f
        return attrs.evolve(
            f,
            rule_id=f"{SENTINEL}-RULE-{variant}",
            subject=person(f.subject),
            values=dict.fromkeys(f.values, f"{SENTINEL}-{variant}"),
        )

    def figure(g: Figure) -> Figure:
        if not g.sensitive:
            return g
        return attrs.evolve(g, value=variant + 7, subject=person(g.subject) or SENTINEL)

    sections = [
        attrs.evolve(
            s, findings=[finding(f) for f in s.findings], figures=[figure(g) for g in s.figures]
        )
        for s in report.sections
    ]
    people = [person(p) for p in report.contributors]
    return attrs.evolve(report, sections=sections, contributors=people)


@_FUZZ
@given(governance_reports(sentinel=SENTINEL))
def test_no_default_output_depends_on_what_is_withheld(
    tried: Counter[str], report: GovernanceReport
) -> None:
    """The four formats, in both locales, disclose exactly the same about withheld data:
    one count by severity for the whole report, in "What to do first" (no section counts
    or mentions its withheld findings, and no one is named or numbered). Two
    reports that differ only in their sensitive findings' rule, values and people's ids (in
    the findings and the project's list of people), and their sensitive figures' values and
    subjects, give byte-identical default output; and repr shows none of it."""
    tried["reports: withheld data against every format"] += 1
    first, second = _planted(report, 0), _planted(report, 1)
    for planted in (first, second):
        assert SENTINEL not in repr(planted)
        assert SENTINEL not in str(planted)
    for fmt in FORMATS:
        for locale in SUPPORTED_LOCALES:
            shown = render(first, format=fmt, locale=locale)
            assert SENTINEL not in shown
            assert shown == render(second, format=fmt, locale=locale), (fmt, locale)
    data = json.loads(render(first, format="json", locale="en_GB"))
    for section_data in data["sections"]:
        assert not {"withheld", "withheld_findings", "withheld_figures"} & set(section_data)
        assert all(not f["withheld"] for f in section_data["findings"])


def test_default_serialisation_withholds_a_sensitive_figure_whole() -> None:
    figure = Figure(
        "assessment.figure.benefit_change", Money.gbp("-86.45"), sensitive=True, subject="sam"
    )
    data = unstructure(figure)
    assert {k: v for k, v in data.items() if v is not None} == {"sensitive": True, "withheld": True}
    assert unstructure(figure, include_sensitive=True)["subject"] == "sam"


# -- control characters -----------------------------------------------------------------

_HOSTILE_TEXT = st.text(
    st.sampled_from(
        [
            "a",
            " ",
            "*",
            "<",
            "&",
            "\x1b",
            "\x07",
            "\x00",
            "\n",
            "\r",
            "\t",
            "\x7f",
            "\x85",
            "\x9b",
            "\u2028",
            "\ud800",
            "[",
            "\u202e",  # right-to-left override
            "\u2066",  # left-to-right isolate
            "\u05d0",  # a Hebrew letter, which needs none of them
        ]
    ),
    min_size=1,
    max_size=20,
)


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unprintable(text: str, *, layout: str = "\n") -> list[str]:
    return [
        c
        for c in text
        if c not in layout and (unicodedata.category(c) in ("Cc", "Cs") or c in _BIDI_CONTROLS)
    ]


@_FUZZ
@given(report=governance_reports(), title=_HOSTILE_TEXT, value=_HOSTILE_TEXT)
def test_no_control_character_from_input_reaches_any_format(
    tried: Counter[str], report: GovernanceReport, title: str, value: str
) -> None:
    """Issue 17: ESC and BEL passed into text, Markdown and HTML; so did bidi overrides."""
    tried["reports: control characters against every format"] += 1
    note = Finding(
        "PAY-NOTE",
        Severity.INFO,
        "payments.fee",
        {"activity": value, "card": value, "fee": Money.gbp(1)},
    )
    figure = Figure("assessment.figure.people", value, subject=value)
    sections = [*report.sections]
    if not any(s.area is Area.PAYMENTS for s in sections):
        sections.append(ReportSection(Area.PAYMENTS, [note], [figure]))
    hostile = attrs.evolve(report, project_title=title, sections=sections)
    for fmt in ("text", "markdown", "html"):
        for locale in SUPPORTED_LOCALES:
            page = render(hostile, format=fmt, locale=locale)
            assert not _unprintable(page), (fmt, locale, _unprintable(page))
            page.encode("utf-8")
    data = render(hostile, format="json", locale="cy")
    data.encode("utf-8")  # a lone surrogate is escaped, never written raw
    assert json.loads(data)["project_title"] == title


# -- placeholders -----------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", PROJECT_FILES, ids=lambda p: p.stem)
def test_no_placeholder_survives_in_any_example_format_or_locale(
    path: object, fmt: str, locale: str, tried: Counter[str]
) -> None:
    """Issue 17: ``… working with {group} is named. {reason}`` reached the Actions of
    smart-pillow-workshops in both languages (a message with placeholders used as an action)."""
    tried["examples × formats × locales: unfilled placeholders"] += 1
    report = assess(load_project(path), as_at=AS_AT)  # type: ignore[arg-type]
    for include_sensitive in (False, True):
        page = render(report, format=fmt, locale=locale, include_sensitive=include_sensitive)
        if fmt == "json":
            data = json.loads(page)
            page = json.dumps(
                [
                    [f.get("sentence"), f.get("action_sentences")]
                    for s in data["sections"]
                    for f in s["findings"]
                ]
                + [data["summary"], data["title"]]
            )
        assert not _PLACEHOLDER.findall(page), _PLACEHOLDER.findall(page)


def test_every_action_used_by_the_examples_is_a_template_without_placeholders() -> None:
    for path in PROJECT_FILES:
        for finding in assess(load_project(path), as_at=AS_AT).findings:
            for key in finding.actions:
                assert not _PLACEHOLDER.findall(TEMPLATES[key]), (finding.rule_id, key)
            wanted = set(_PLACEHOLDER.findall(TEMPLATES[finding.message_key]))
            assert wanted <= {f"{{{k}}}" for k in finding.values}, finding.rule_id


@pytest.mark.parametrize("locale", [loc for loc in SUPPORTED_LOCALES if loc != "en_GB"])
def test_every_translation_has_the_placeholders_of_its_template(locale: str) -> None:
    """A translation with a placeholder its English lacks would survive unfilled."""
    translations = catalogue(locale)
    for key, english in TEMPLATES.items():
        wanted = set(_PLACEHOLDER.findall(english))
        forms = PLURALS.get(key)
        if forms is None:
            assert set(_PLACEHOLDER.findall(translations.gettext(english))) == wanted, key
            continue
        for n in (0, 1, 2, 3, 6, 11):  # a plural form may say its number in words
            translated = translate_plural(forms.one, forms.other, n, locale)
            assert set(_PLACEHOLDER.findall(translated)) | {f"{{{forms.by}}}"} == wanted, key


# -- shares -----------------------------------------------------------------------------


def _budget(community: str, university: str) -> Budget:
    return Budget(
        (
            BudgetLine(
                "a",
                LineKind.COMMUNITY_ACTIVITIES,
                Money.gbp(community),
                holder=Holder.partner("McPin"),
            ),
            BudgetLine("b", LineKind.TRAINING, Money.gbp(university), holder=Holder.university()),
        )
    )


def test_shares_shown_together_add_up_and_agree_with_the_figures() -> None:
    """Issue 17: floored shares read 53.3% + 46.6%, and 46.6% in a sentence but 46.7% in the
    figures. By hand: 4,665 of 10,000 is 46.65%, 5,335 is 53.35%; by largest remainder (a
    tie, to the first) 46.7% + 53.3% = 100%."""
    review = assess_budget(_budget("4665.00", "5335.00"))
    view = build_view(
        GovernanceReport(
            "p", "P", dt.date(2026, 1, 1), [ReportSection(Area.BUDGET, review.findings)]
        ),
        locale="en_GB",
        include_sensitive=False,
    )
    sentence = next(
        f.sentence for f in view.sections[0].findings if f.rule_id == "BUD-DISTRIBUTION"
    )
    assert "community partners hold 46.7% and the university 53.3%" in sentence
    assert format_value(review.shown.community, "en_GB") == "46.7%"


_PENCE = st.integers(0, 10**9)


@settings(max_examples=200, deadline=None)
@given(community=_PENCE, university=_PENCE, other=_PENCE)
def test_shown_shares_of_a_whole_add_up_to_exactly_one(
    tried: Counter[str], community: int, university: int, other: int
) -> None:
    tried["budgets: shown shares"] += 1
    lines = [
        BudgetLine(
            "a",
            LineKind.COMMUNITY_ACTIVITIES,
            Money.gbp(Decimal(community).scaleb(-2)),
            holder=Holder.partner("McPin"),
        ),
        BudgetLine(
            "b",
            LineKind.TRAINING,
            Money.gbp(Decimal(university).scaleb(-2)),
            holder=Holder.university(),
        ),
        BudgetLine(
            "c",
            LineKind.TRAINING,
            Money.gbp(Decimal(other).scaleb(-2)),
            holder=Holder(HolderKind.OTHER, "Funder"),
        ),
    ]
    distribution = distribute(Budget(lines))
    shown = shown_shares(distribution)
    parts = (shown.community, shown.university, shown.other)
    if community + university + other:
        assert sum(parts) == 1
    for part, exact in zip(
        parts,
        (
            distribution.community_held_share,
            distribution.university_share,
            distribution.other_share,
        ),
        strict=True,
    ):
        assert abs(part - exact) < Decimal("0.001")
    for locale in SUPPORTED_LOCALES:
        texts = [format_value(p, locale) for p in parts]
        numbers = [Decimal(t.rstrip("%").replace(",", "")) for t in texts]
        if community + university + other:
            assert sum(numbers) == 100, texts


# -- URLs -------------------------------------------------------------------------------


def test_a_bundled_url_with_an_ampersand_shows_once_escaped() -> None:
    """Issue 17: the Open University URL was stored with ``&amp;``: ``&amp;amp;`` in HTML."""
    catalogue = bundled_sources()
    source = next(catalogue[k] for k in catalogue if "open.edu" in (catalogue[k].url or ""))
    assert "&amp;" not in (source.url or "")
    finding = Finding("X", Severity.INFO, "render.nothing", citations=(cite(source.key),))
    report = GovernanceReport("p", "P", dt.date(2026, 1, 1), [ReportSection(Area.POWER, [finding])])
    assert "&amp;amp;" not in render(report, format="html", locale="en_GB")
    assert "id=21024&section" in render(report, format="text", locale="en_GB")


def test_every_bundled_url_is_stored_as_it_is_followed() -> None:
    catalogue = bundled_sources()
    for key in catalogue:
        source = catalogue[key]
        for url in [source.url, *(p.url for p in catalogue.passages(key).values())]:
            if url:
                assert not re.search(r"&(#?\w+);", url), (source.key, url)
                assert url.isprintable(), (source.key, url)
                assert " " not in url, (source.key, url)
