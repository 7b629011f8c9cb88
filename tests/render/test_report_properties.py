"""Any report renders, in every format and locale, without ever showing a sensitive value."""

from __future__ import annotations

import json

from hypothesis import given

from participatory.render import FORMATS, render
from participatory.testing.report import governance_reports, html_problems

SENTINEL = "ZQXSENTINELQZX"


@given(governance_reports(sentinel=SENTINEL))
def test_rendering_never_raises_and_never_shows_a_sensitive_value(report):
    for locale in ("en_GB", "cy"):
        for fmt in FORMATS:
            out = render(report, format=fmt, locale=locale)
            assert out.endswith("\n")
            assert SENTINEL not in out


@given(governance_reports(sentinel=SENTINEL))
def test_sensitive_values_do_show_when_asked_for(report):
    sensitive = any(f.sensitive and f.values for s in report.sections for f in s.findings) or any(
        g.sensitive for s in report.sections for g in s.figures
    )
    out = render(report, format="text", locale="en_GB", include_sensitive=True)
    assert (SENTINEL in out) == sensitive


@given(governance_reports())
def test_html_is_always_well_formed(report):
    for locale, lang in (("en_GB", "en-GB"), ("cy", "cy")):
        assert html_problems(render(report, format="html", locale=locale), lang=lang) == []


@given(governance_reports())
def test_json_parses_and_matches_the_report(report):
    data = json.loads(render(report, format="json", locale="cy"))
    assert data["project_title"] == report.project_title
    assert [s["area"] for s in data["sections"]] == [s.area.value for s in report.sections]
    for section_data, section in zip(data["sections"], report.sections, strict=True):
        # A sensitive finding is withheld by default (issue 11), and not even listed: no
        # severity, no subject (issue 17), nor counted in its section.
        shown = [f for f in section.findings if not f.sensitive]
        assert [f["rule_id"] for f in section_data["findings"]] == [f.rule_id for f in shown]
        assert all(isinstance(f["sentence"], str) for f in section_data["findings"])
        assert [f["severity"] for f in section_data["findings"]] == [
            f.severity.value for f in shown
        ]
        assert not {"withheld", "withheld_findings", "withheld_figures"} & set(section_data)
