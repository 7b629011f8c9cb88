"""The report view puts each template, severity and action in words once per report.

``build_view`` keeps a :class:`~participatory.render.view._Words` for one report: the
first finding with a template, severity or action has it looked up and translated, and
later ones reuse it (issue 18: a 50-contributor report shows hundreds of findings from a
few dozen templates). These tests hold every reuse to the plain path: the sentence,
severity label and action a finding gets are what ``sentence``, ``severity_label`` and
``action_sentence`` give it alone, for generated reports (plural templates included, whose
form depends on each finding's own number and so is never reused) and for every example.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.assessment import assess
from participatory.assessment.report import GovernanceReport
from participatory.core.errors import ValidationError
from participatory.core.explain import Finding, Severity
from participatory.project import load_project
from participatory.render.chrome import severity_label
from participatory.render.text import action_sentence, sentence
from participatory.render.view import _Words, build_view
from participatory.testing.report import governance_reports

EXAMPLES = sorted(
    p
    for p in (Path(__file__).parent.parent.parent / "examples").glob("*.toml")
    if p.stem not in {"institution-rate-card", "payment-plan"}
)
LOCALES = ("en_GB", "cy")


def _check_words(report: GovernanceReport, locale: str, include_sensitive: bool) -> None:
    words = _Words(locale)
    for section in report.sections:
        # Twice over: the second pass is answered from what the first remembered.
        for finding in (*section.findings, *section.findings):
            assert words.sentence(finding, include_sensitive) == sentence(
                finding, locale=locale, include_sensitive=include_sensitive
            )
            assert words.severity_label(finding.severity) == severity_label(
                finding.severity, locale
            )
            for key in finding.actions:
                assert words.action(key) == action_sentence(key, locale=locale)


@given(governance_reports(), st.sampled_from(LOCALES), st.booleans())
def test_words_remembered_per_report_are_the_plain_words(
    report: GovernanceReport, locale: str, include_sensitive: bool
) -> None:
    _check_words(report, locale, include_sensitive)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_examples_findings_read_the_same(path: Path) -> None:
    report = assess(load_project(path), as_at=dt.date(2026, 4, 30))
    for locale in LOCALES:
        for include_sensitive in (False, True):
            _check_words(report, locale, include_sensitive)


def test_a_plural_template_takes_each_findings_own_number() -> None:
    words = _Words("en_GB")
    one = Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": 1})
    six = Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": 6})
    assert words.sentence(one, False) == "1 payment was made on time."
    assert words.sentence(six, False) == "6 payments were made on time."
    assert "payments.on_time" not in words.templates


def test_a_finding_that_is_not_a_finding_is_refused_as_before() -> None:
    with pytest.raises(ValidationError, match="must be a Finding"):
        _Words("en_GB").sentence("PAY-LATE", False)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=lambda p: p.stem)
def test_the_view_holds_the_plain_sentences(path: Path) -> None:
    """End to end: each shown finding's sentence in the view is sentence() of it."""
    report = assess(load_project(path), as_at=dt.date(2026, 4, 30))
    view = build_view(report, locale="cy", include_sensitive=True)
    shown = {(s.area, f.rule_id, f.sentence) for s in view.sections for f in s.findings}
    expected = {
        (s.area, f.rule_id, sentence(f, locale="cy", include_sensitive=True))
        for s in report.sections
        for f in s.findings
    }
    assert shown == expected
