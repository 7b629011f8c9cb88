"""A whole project, end to end: read from TOML, assessed by every engine, rendered to text.

The project is synthetic and written by :func:`project_toml` into a temporary folder: 50
contributors (a quarter on Universal Credit with the work allowance, a quarter on Carer's
Allowance, some on new-style ESA in permitted work, the rest on no earnings-affected
benefit) who each take part in a two-hour meeting every month from April 2025 to March
2026 and are paid a fee for it: 600 payments in all, with a budget, decisions, activities
for ethics triage, safeguarding, a timeline and an evaluation plan. The timed part is
what a finance or involvement system does with such a file: load it, assess it as at a
date, render the report as text.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

CONTRIBUTORS = 50
MONTHS = 12
AS_AT = dt.date(2026, 4, 30)

_NEEDED = ("participatory.project", "participatory.assessment", "participatory.render.report")
_MISSING = [name for name in _NEEDED if importlib.util.find_spec(name) is None]
pytestmark = pytest.mark.skipif(
    bool(_MISSING), reason=f"project files, assessment or report renderer not built yet: {_MISSING}"
)


def _meeting_days() -> list[dt.date]:
    """The second Saturday of each month, April 2025 to March 2026."""
    days = []
    for index in range(MONTHS):
        year, month = (2025, 4 + index) if index < 9 else (2026, index - 8)
        first = dt.date(year, month, 1)
        first_saturday = first + dt.timedelta(days=(5 - first.weekday()) % 7)
        days.append(first_saturday + dt.timedelta(days=7))
    return days


def _fee_on(day: dt.date) -> str:
    """Two hours on the bundled Skills for Care card: £15 an hour for any involvement from
    2024, so 2 x £15 = £30.00 (the day is kept for a card whose rate changes)."""
    del day
    return "30.00 GBP"


def _benefits(person: str, index: int) -> str:
    """The contributor's household: one person (the contributor, by id) and their claims."""
    kind = index % 5
    if kind == 0:
        first = dt.date(2024, 1, 1) + dt.timedelta(days=7 * index)
        return (
            f"[benefits.{person}]\n"
            f'people = [{{ id = "{person}", capability = "lcw" }}]\n'
            f"universal_credit = {{ first_date_of_entitlement = {first.isoformat()} }}\n"
        )
    if kind == 1:
        return (
            f"[benefits.{person}]\n"
            f'people = [{{ id = "{person}", '
            f"carers_allowance = {{ benefit_week_start = {index % 7} }} }}]\n"
        )
    if kind == 2:
        return (
            f"[benefits.{person}]\n"
            f'people = [{{ id = "{person}", esa = {{ weekly_award = "92.05 GBP", '
            'permitted_work = "higher_limit" } }]\n'
        )
    if kind == 3:
        return (
            f"[benefits.{person}]\n"
            f'people = [{{ id = "{person}", unaffected = ["personal_independence_payment"] }}]\n'
        )
    return ""


def project_toml(contributors: int = CONTRIBUTORS) -> str:
    """The synthetic project file."""
    people = [f"c{index:02d}" for index in range(contributors)]
    days = _meeting_days()
    parts = [
        'id = "bench-50"',
        'title = "Synthetic 50-contributor project"',
        'label = "co_production"',
        'currency = "GBP"',
        'communities = ["people who use mental health services"]',
        'rate_card = "skills_for_care"',
        "",
    ]
    for index, person in enumerate(people):
        parts += [
            "[[people]]",
            f'id = "{person}"',
            f'name = "Contributor {index}"',
            'kind = "co_researcher"' if index % 2 else 'kind = "advisory_group_member"',
            'communities = ["people who use mental health services"]',
            "",
            "[[roles]]",
            f'party = "{person}"',
            'role = "advisory group member"',
            'basis = "collaborator"',
            'stages = ["design", "delivery", "analysis"]',
            "",
        ]
    parts += [
        "[[organisations]]",
        'id = "peer-network"',
        'name = "Peer support network"',
        'kind = "charity"',
        'communities_served = ["people who use mental health services"]',
        "",
        "[[staff]]",
        'id = "lead"',
        'name = "Dr Lead"',
        'kind = "academic_researcher"',
        "",
        "[[roles]]",
        'party = "lead"',
        'role = "lead researcher"',
        'basis = "equal_partner"',
        'stages = ["idea_generation", "application", "design", "delivery", '
        '"analysis", "dissemination"]',
        "",
        "[[roles]]",
        'party = "peer-network"',
        'role = "community partner"',
        'basis = "equal_partner"',
        'stages = ["idea_generation", "design", "delivery", "dissemination"]',
        "",
        "[decisions]",
        "rights = [",
        '  { decision = "research_questions", holding = "jointly" },',
        '  { decision = "methods", holding = "jointly" },',
        '  { decision = "budget_and_spending", holding = "after_consulting" },',
        '  { decision = "how_partners_are_paid", holding = "after_consulting" },',
        "]",
        "",
        "[involvement]",
        "several_public_voices = true",
        "contributors_paid_for_time = true",
        "findings_shared_with_contributors = true",
        "roles_agreed = true",
        "",
        "[budget]",
        'partner_organisations = ["Peer support network"]',
        "lines = [",
        '  { id = "fees", kind = "contributor_fees", amount = "31500.00 GBP", '
        'holder = { kind = "university", name = "University" } },',
        '  { id = "partner", kind = "partner_staff_time", amount = "6000.00 GBP", '
        'holder = { kind = "partner_organisation", name = "Peer support network" } },',
        "]",
        "",
        "[timeliness]",
        "working_days = 10",
        'nation = "england"',
        'source = "Synthetic payment policy (benchmark)"',
        "",
    ]
    for month, day in enumerate(days):
        parts += [
            "[[sessions]]",
            f'id = "meeting-{month + 1:02d}"',
            'activity = "meeting"',
            f"held_on = {day.isoformat()}",
            'amount = "2"',
            "contributors = [" + ", ".join(f'"{p}"' for p in people) + "]",
            "",
        ]
    for index, person in enumerate(people):
        for month, day in enumerate(days):
            due = day + dt.timedelta(days=14)
            paid = due - dt.timedelta(days=2) if (index + month) % 7 else due + dt.timedelta(3)
            parts += [
                "[[payments]]",
                f'id = "{person}-{month + 1:02d}"',
                f'contributor = "{person}"',
                'kind = "fee"',
                f'amount = "{_fee_on(day)}"',
                f"activity_on = {day.isoformat()}",
                f"due_on = {due.isoformat()}",
                f"paid_on = {paid.isoformat()}",
                "",
            ]
    for index, person in enumerate(people):
        block = _benefits(person, index)
        if block:
            parts += [block]
    parts += [
        "[[activities]]",
        'id = "advisory-group"',
        'title = "Monthly advisory group meetings"',
        'setting = "university"',
        "facts = { generalisable = true }",
        "parties = [",
        '  { label = "advisory group", capacity = "public_contributor", '
        'tasks = ["advise", "co_design"], people = ['
        + ", ".join(f'"{p}"' for p in people)
        + "], facts = { own_data_analysed = false } },",
        "]",
        "",
        "[safeguarding]",
        "groups = []",
        'intensity = "low"',
        'measures = ["clear_boundaries", "signposting"]',
        "",
        "[timeline]",
        "stages = [",
        '  { kind = "design", start = 2025-03-03, end = 2025-03-31, co_produced = true },',
        '  { kind = "delivery", start = 2025-04-01, end = 2026-03-31, co_produced = true },',
        "]",
        "",
        "[evaluation]",
        'captures = ["impact_on_contributors"]',
        "recognition_asked = true",
        "",
    ]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "project.toml"
    path.write_text(project_toml(), encoding="utf-8")
    return path


def assess_project_file(path: Path) -> str:
    """What a caller does with a project file: load, assess, render as text."""
    from participatory.assessment import assess
    from participatory.project import load_project
    from participatory.render.report import render

    project = load_project(path)
    report = assess(project, as_at=AS_AT)
    return render(report, format="text", locale="en_GB")


def test_full_assessment_of_50_contributors(benchmark, project_file: Path) -> None:
    from participatory.project import load_project

    project = load_project(project_file)
    assert len(project.people) == CONTRIBUTORS
    assert len(project.payments) == CONTRIBUTORS * MONTHS
    text = benchmark(assess_project_file, project_file)
    assert text.startswith("Governance report: Synthetic 50-contributor project")
    benchmark.extra_info["contributors"] = CONTRIBUTORS
    benchmark.extra_info["payments"] = CONTRIBUTORS * MONTHS
    benchmark.extra_info["entry_point"] = "load_project + assess + render(text)"
