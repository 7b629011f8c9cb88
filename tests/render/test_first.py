""":mod:`participatory.render.first`: "What to do first", brief reports, one bibliography.

Issue 21: the arts example's headline counted 4 problems that no line of the report showed
(they were withheld benefits findings, counted per section without severity or whose), the
UK Standards items nobody had answered were "matters to refer", and the report had no
place saying what to do first. These tests check the structure, not the look:

- the text report of every example project starts with the block (after the title, date
  and headline);
- every withheld finding at a severity the block lists is counted there with its severity,
  on one line for everyone (counted here independently of the renderer, from the
  assessment's findings); whose they are and where is :mod:`tests.render.test_withheld_privacy`;
- no line about withheld findings discloses a name, id or a sensitive value (a sentinel is
  planted in every sensitive field and name);
- each source of the bibliography appears once;
- a brief report has the block and the figures and no findings list.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from collections import Counter

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from participatory.assessment import assess
from participatory.assessment.report import GovernanceReport
from participatory.cli import main
from participatory.core.explain import Severity
from participatory.core.privacy import sensitive_fields
from participatory.project import Project, load_project
from participatory.render import FORMATS, render
from participatory.render.chrome import summary, word
from participatory.render.first import FIRST_ANCHOR, FirstStep
from participatory.render.i18n import SUPPORTED_LOCALES
from participatory.render.view import build_view
from participatory.render.words import FIRST_ORDER
from participatory.testing.projects import projects
from participatory.testing.report import governance_reports
from tests.entry_points import AS_AT, PROJECT_FILES

SENTINEL = "QXFIRSTSENTINELQX"

#: Words that would say what a withheld finding is about.
_CIRCUMSTANCES = (
    "Carer",
    "Universal Credit",
    "Allowance",
    "Housing Benefit",
    "Pension",
    "ESA",
    "PIP",
    "£",
    "GBP",
    "earnings",
    "health",
    "disab",
)

_IDS = [path.stem for path in PROJECT_FILES]


def _project(path) -> Project:  # type: ignore[no-untyped-def]
    return load_project(path)


def _withheld_steps(view) -> list[FirstStep]:  # type: ignore[no-untyped-def]
    return [step for step in view.first.steps if step.withheld]


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
@pytest.mark.parametrize("path", PROJECT_FILES, ids=_IDS)
def test_the_text_report_of_every_example_starts_with_what_to_do_first(path, locale):
    report = assess(_project(path), as_at=AS_AT)
    view = build_view(report, locale=locale, include_sensitive=False)
    text = render(report, format="text", locale=locale)
    lines = text.splitlines()
    # Title, its underline, the date, then the headline (wrapped) and a blank line.
    assert lines[2] == view.as_at
    blank = lines.index("", 3)
    assert " ".join(lines[3:blank]) == view.summary
    heading = view.first.heading
    assert lines[blank + 1 : blank + 3] == [heading, "-" * len(heading)]
    # Before every section and every notice.
    block_at = text.index(f"\n{heading}\n")
    for section in view.sections:
        assert block_at < text.index(f"\n{section.heading}\n{'-' * len(section.heading)}\n")
    for notice in view.notices:
        assert block_at < text.index(notice.split()[0])


@pytest.mark.parametrize("path", PROJECT_FILES, ids=_IDS)
def test_every_withheld_finding_is_counted_with_its_severity_on_one_line(path):
    """Counted here from the assessment, not from the renderer."""
    report = assess(_project(path), as_at=AS_AT)
    expected = Counter(
        f.severity for f in report.findings if f.sensitive and f.severity in FIRST_ORDER
    )
    view = build_view(report, locale="en_GB", include_sensitive=False)
    withheld = _withheld_steps(view)
    assert [Counter(dict(step.counts)) for step in withheld] == ([expected] if expected else [])
    for step in withheld:
        # Listed under the most pressing of its severities, in the block's order.
        assert step.severity == next(s for s in FIRST_ORDER if dict(step.counts).get(s))
        assert step.sections == ()
    # Nothing to act on is left out: the block counts what the report counts.
    for severity in FIRST_ORDER:
        assert view.first.count(severity) == report.count(severity), severity


def test_the_arts_example_counts_its_four_withheld_problems_without_saying_whose():
    """By hand: the arts project lists ben, alex, chloe, dev; alex has the four withheld
    benefits problems (issue 21: the headline counted them, no line showed them). The block
    says there are four, not whose (before: "Contributor 2 of 4: 4 problems")."""
    path = next(p for p in PROJECT_FILES if p.name == "arts-coproduction.toml")
    text = " ".join(
        render(assess(_project(path), as_at=AS_AT), format="text", locale="en_GB").split()
    )
    block = text[: text.index("This is an estimate")]
    assert "Withheld from this report: 4 problems, 3 warnings" in block
    assert "Contributor 2 of 4" not in text
    assert "Alex" not in text
    assert "alex" not in text


def _sensitive_text(item: object) -> dict[str, str]:
    fields = sensitive_fields(type(item))
    return {f.name: SENTINEL for f in fields if isinstance(getattr(item, f.name), str)}


def _planted(project: Project) -> Project:
    """Every person's name, and every sensitive text of people and notes, given the sentinel."""
    people = [
        attrs.evolve(p, name=f"{SENTINEL} {p.name}", **_sensitive_text(p)) for p in project.people
    ]
    notes = [attrs.evolve(n, **_sensitive_text(n)) for n in project.safeguarding_notes]
    planted = attrs.evolve(project, people=people, safeguarding_notes=notes)
    assert SENTINEL in repr(planted.people) or not project.people
    return planted


@pytest.mark.parametrize("path", PROJECT_FILES, ids=_IDS)
def test_no_line_about_withheld_findings_discloses_whose_or_what(path):
    project = _planted(_project(path))
    report = assess(project, as_at=AS_AT)
    ids = [person.id for person in project.people]
    for locale in SUPPORTED_LOCALES:
        view = build_view(report, locale=locale, include_sensitive=False)
        for step in _withheld_steps(view):
            said = " ".join((step.text, step.action, step.do, step.see))
            assert SENTINEL not in said
            for person in ids:
                assert not re.search(rf"\b{re.escape(person)}\b", said), person
            for term in _CIRCUMSTANCES:
                assert term.lower() not in said.lower(), term
        for fmt in FORMATS:
            shown = render(report, format=fmt, locale=locale)
            # The sentinel is in names too; only the sensitive-field copies must not show.
            assert f"{SENTINEL}\n" not in shown
            assert f'"{SENTINEL}"' not in shown
            assert f": {SENTINEL}." not in shown
    data = json.loads(render(report, format="json", locale="en_GB"))
    assert "contributors" not in data  # the project's people are not the report's business
    for item in data["first"]:
        if item["withheld"]:
            assert set(item) == {
                "severity", "severity_label", "text", "action", "sections", "withheld", "counts",
            }  # fmt: skip
            assert item["sections"] == []


@pytest.mark.parametrize("path", PROJECT_FILES, ids=_IDS)
def test_each_source_appears_once(path):
    report = assess(_project(path), as_at=AS_AT)
    view = build_view(report, locale="en_GB", include_sensitive=False)
    keys = [source.key for source in view.sources]
    assert len(keys) == len(set(keys))
    assert [source.number for source in view.sources] == list(range(1, len(keys) + 1))
    text = render(report, format="text", locale="en_GB")
    bibliography = text[text.rindex("\nSources\n-------\n") :]
    entries = re.findall(r"^  \[(\d+)\] ", bibliography, flags=re.MULTILINE)
    assert entries == [str(n) for n in range(1, len(keys) + 1)]
    for source in view.sources:
        assert text.count(f"[{source.number}] {source.details().split()[0]}") == 1
    # Every document a finding cites is in it.
    cited = {c.number for s in view.sections for f in s.findings for c in f.citations}
    assert cited == set(range(1, len(keys) + 1))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", PROJECT_FILES, ids=_IDS)
def test_a_brief_report_has_the_block_and_the_figures_and_no_findings(path, fmt):
    report = assess(_project(path), as_at=AS_AT)
    full = build_view(report, locale="en_GB", include_sensitive=False)
    brief = build_view(report, locale="en_GB", include_sensitive=False, brief=True)
    assert brief.first == full.first
    assert [s.figures for s in brief.sections] == [s.figures for s in full.sections]
    assert all(not s.findings and not s.actions and not s.sources for s in brief.sections)
    assert brief.sources == ()
    out = render(report, format=fmt, locale="en_GB", brief=True)
    flat = " ".join(html.unescape(out).replace("\\", "").split())
    if fmt == "json":
        data = json.loads(out)
        assert data["brief"] is True
        assert data["first"] == json.loads(render(report, format="json", locale="en_GB"))["first"]
        assert all(section["findings"] == [] for section in data["sections"])
        assert data["sources"] == {}
        return
    assert full.first.heading in flat
    for section in full.sections:
        for figure in section.figures:
            assert " ".join(figure.label.split()).replace("\\", "") in flat
    assert full.labels.findings not in out.split()
    assert full.labels.sources not in out.split()
    # A finding the block does not list (a standard met) is in the full report only.
    met = next(f.sentence for s in full.sections for f in s.findings if f.severity is Severity.MET)
    whole = html.unescape(render(report, format=fmt, locale="en_GB"))
    assert " ".join(met.split())[:40] in " ".join(whole.replace("\\", "").split())
    assert " ".join(met.split())[:40] not in flat


def test_markdown_links_each_step_to_its_section_anchor():
    path = next(p for p in PROJECT_FILES if p.name == "arts-coproduction.toml")
    report = assess(_project(path), as_at=AS_AT)
    page = render(report, format="markdown", locale="en_GB")
    assert page.index(f'<a id="{FIRST_ANCHOR}"></a>') < page.index('<a id="h-data"></a>')
    for anchor in set(re.findall(r"\]\(#(h-[a-z]+)\)", page)):
        assert page.count(f'<a id="{anchor}"></a>') == 1


def test_a_report_with_nothing_to_act_on_says_so():
    report = GovernanceReport("p", "Quiet", AS_AT)
    view = build_view(report, locale="en_GB", include_sensitive=False)
    assert view.first.groups == ()
    assert view.first.nothing == "Nothing needs acting on first."
    assert "Nothing needs acting on first." in render(report, format="text", locale="en_GB")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(governance_reports(sentinel=SENTINEL))
def test_the_block_counts_what_the_report_counts(report: GovernanceReport) -> None:
    """For generated reports: for each severity the block lists, its count (shown findings
    one each, withheld ones by their counts) equals the report's; at most one line is about
    withheld findings, and none in the copy that shows them."""
    for include_sensitive in (False, True):
        view = build_view(report, locale="en_GB", include_sensitive=include_sensitive)
        for severity in FIRST_ORDER:
            assert view.first.count(severity) == report.count(severity)
        withheld = _withheld_steps(view)
        assert not (include_sensitive and withheld)
        assert len(withheld) <= 1
        for step in withheld:
            assert SENTINEL not in step.text
        # The headline counts every finding, withheld ones too, as the block does.
        everything = Counter(f.severity for f in report.findings)
        assert view.summary == word("render.overall", "en_GB", summary=summary(everything, "en_GB"))


def _assess(*options: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["assess", str(_arts()), "--as-at", AS_AT.isoformat(), *options])
    return status, out.getvalue()


def _arts():  # type: ignore[no-untyped-def]
    return next(p for p in PROJECT_FILES if p.name == "arts-coproduction.toml")


def test_assess_brief_prints_the_block_and_the_figures_only():
    status, brief = _assess("--brief")
    _, full = _assess()
    assert status == 0
    assert brief.startswith(full[: full.index("This is an estimate")])  # the same block
    assert "\nFindings\n" in full
    assert "\nFindings\n" not in brief
    assert "\nSources\n" not in brief
    assert "Public contributors: 4" in brief
    assert len(brief.splitlines()) < len(full.splitlines()) / 2


@pytest.mark.parametrize(
    ("threshold", "status"),
    [("refer", 0), ("problem", 1), ("question", 1), ("warning", 1)],
)
def test_fail_on_ranks_a_question_above_a_warning_and_below_a_problem(threshold, status):
    """The arts example on AS_AT has no matter to refer; it has problems and questions."""
    assert _assess("--fail-on", threshold)[0] == status
    assert Severity.QUESTION.is_at_least(Severity.WARNING)
    assert not Severity.QUESTION.is_at_least(Severity.PROBLEM)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(projects(sensitive=SENTINEL))
def test_for_generated_projects_the_block_counts_what_the_headline_counts(project: Project) -> None:
    """Assessed generated projects: for each severity the block lists, the block's count
    equals the headline's (every finding of the default copy, withheld or not); the withheld
    line names no person; no sensitive value reaches the block."""
    report = assess(project, as_at=AS_AT)
    view = build_view(report, locale="en_GB", include_sensitive=False)
    # The default copy's headline: a group's safeguarding yes is read as no there.
    headline = Counter(f.severity for f in report.shown(include_sensitive=False).findings)
    for severity in FIRST_ORDER:
        assert view.first.count(severity) == headline[severity]
    ids = [person.id for person in project.people]
    for step in _withheld_steps(view):
        assert SENTINEL not in " ".join((step.text, step.action, step.see))
        for person in ids:
            assert not re.search(rf"\b{re.escape(person)}\b", step.text)
