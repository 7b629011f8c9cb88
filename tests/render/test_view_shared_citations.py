"""A report view puts each list of citations in words once: the same view as one by one.

Findings of one rule share their citations and parameters (the same tuples), and the view
puts each such pair in words once per report (``_Bibliography.cited``, keyed by the tuples'
identities). These tests render generated reports twice: with every equal list of
citations made one shared tuple (so the shared path is taken wherever it can be), and with
every finding given copies of its own (so each finding's citations are put in words on
their own, as before the shared path existed). Views and every format's output must be
equal, withheld findings and "What to do first" included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
from hypothesis import given

from participatory.assessment.report import Area, GovernanceReport, ReportSection
from participatory.core.explain import Finding, Severity
from participatory.core.sources import cite
from participatory.render import FORMATS, render
from participatory.render.view import build_view
from participatory.testing.report import governance_reports

_Remake = Callable[[tuple[object, ...]], tuple[object, ...]]


def _remade(report: GovernanceReport, remake: _Remake) -> GovernanceReport:
    sections = [
        ReportSection(
            s.area,
            [
                attrs.evolve(f, citations=remake(f.citations), parameters=remake(f.parameters))
                for f in s.findings
            ],
            s.figures,
            s.not_assessed,
        )
        for s in report.sections
    ]
    return attrs.evolve(report, sections=sections)


def _shared(report: GovernanceReport) -> GovernanceReport:
    pool: dict[tuple[object, ...], tuple[object, ...]] = {}
    return _remade(report, lambda items: pool.setdefault(items, items))


def _copied(report: GovernanceReport) -> GovernanceReport:
    # A new tuple of the same items (tuple(items) would give back the same tuple).
    return _remade(report, lambda items: tuple(item for item in items))


@given(governance_reports())
def test_shared_citations_give_the_view_and_output_of_each_findings_own(report):
    shared, copied = _shared(report), _copied(report)
    for one, other in zip(shared.findings, copied.findings, strict=True):
        assert one == other
        assert not one.citations or one.citations is not other.citations
    for locale in ("en_GB", "cy"):
        for include_sensitive in (False, True):
            assert build_view(shared, locale=locale, include_sensitive=include_sensitive) == (
                build_view(copied, locale=locale, include_sensitive=include_sensitive)
            )
        for fmt in FORMATS:
            assert render(shared, format=fmt, locale=locale) == render(
                copied, format=fmt, locale=locale
            )


def test_findings_sharing_citations_number_documents_in_order_first_cited():
    """Two rules' findings alternate, each rule's findings sharing one tuple: documents are
    numbered in the order first cited (Bath report 1, NIHR 2), each finding lists its own."""
    bath = (cite("bath_report_2022#s2_6"),)
    nihr = (cite("nihr_payment_guidance_public_2024#choice"), cite("bath_report_2022#s5_6"))
    findings = [
        Finding("X-ONE", Severity.WARNING, "render.first.none", citations=citations)
        for citations in (bath, nihr, bath, nihr)
    ]
    report = GovernanceReport(
        "p", "River watch", dt.date(2026, 11, 25),
        sections=[ReportSection(Area.PAYMENTS, findings)],
    )  # fmt: skip
    view = build_view(report, locale="en_GB", include_sensitive=False)
    shown = view.sections[0].findings
    assert [f.sources for f in shown] == [(1,), (2, 1), (1,), (2, 1)]
    assert [[c.short for c in f.citations] for f in shown] == [
        ["Bath report §2.6"],
        [nihr[0].short, "Bath report §5.6"],
        ["Bath report §2.6"],
        [nihr[0].short, "Bath report §5.6"],
    ]
    assert shown[0].citations is shown[2].citations  # put in words once
    assert [s.number for s in view.sources] == [1, 2]
