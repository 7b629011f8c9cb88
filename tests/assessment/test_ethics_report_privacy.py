"""A group's safeguarding answers leave the default project report alone, byte for byte.

A group's capacity and custody answers are special-category data (health, criminal offence
data), and so are its age and vulnerability answers (safeguarding). The default copy of the
report (``render(..., include_sensitive=False)``) is the one that gets shared
(docs/concepts/reports.md, "Withheld findings"); withholding the findings that rest on a
yes was not enough, because a yes also changes findings that are not withheld: with
``may_lack_capacity = true`` the festival's interviews lost their ten open route questions
and the "Answer the open questions" action (the outside tester's round 11). So turning any
group's yes to one of these six facts into no must leave every format of the default copy,
in both locales, the same bytes, headline and "What to do first" included; the copy that
includes people's own values keeps the triage of the answers as given.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.assessment import Area, GovernanceReport, assess
from participatory.core.serialise import unstructure
from participatory.ethics.activity import Activity, Party
from participatory.ethics.facts import Answer, Fact, Facts
from participatory.interchange import dumps, to_plain
from participatory.project import Project, load_project
from participatory.render.report import FORMATS, render
from participatory.testing import ethics as es

FESTIVAL = Path(__file__).resolve().parents[2] / "examples" / "mental-health-festival.toml"
AS_AT = dt.date(2026, 7, 15)
LOCALES = ("en_GB", "cy")
#: The six safeguarding facts, written out here rather than read from ``Fact.sensitive``.
SAFEGUARDING = (
    Fact.VULNERABLE,
    Fact.UNDER_18,
    Fact.UNDER_16,
    Fact.AGED_16_17,
    Fact.MAY_LACK_CAPACITY,
    Fact.IN_CUSTODY_OR_ON_PROBATION,
    # Whether people on probation are held in custody too (round 14): criminal offence data.
    Fact.HELD_IN_CUSTODY,
)
_YOUNGER = (Fact.UNDER_16, Fact.AGED_16_17)
SLOW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _copies(report: GovernanceReport, *, include_sensitive: bool = False) -> tuple[str, ...]:
    """The report in every format and locale."""
    return tuple(
        render(report, format=f, locale=loc, include_sensitive=include_sensitive)
        for f in FORMATS
        for loc in LOCALES
    )


def _no_for_yes(facts: Facts) -> Facts:
    """``facts`` with each yes to a safeguarding fact answered no instead."""
    for fact in SAFEGUARDING:
        if facts.get(fact) is Answer.YES:
            facts = facts.with_answer(fact, Answer.NO)
    return facts


def _with_parties(project: Project, answer: dict[str, Facts]) -> Project:
    """``project`` with each group's facts replaced by ``answer[label]`` where given."""

    def group(party: Party) -> Party:
        return attrs.evolve(party, facts=answer.get(party.label, party.facts))

    def activity(a: Activity) -> Activity:
        return attrs.evolve(a, parties=[group(p) for p in a.parties])

    return attrs.evolve(project, activities=tuple(activity(a) for a in project.activities))


@st.composite
def _safeguarding_answers(draw: st.DrawFn, facts: Facts) -> Facts:
    """``facts`` with yes, no or unknown drawn for each safeguarding fact, consistently."""
    drawn = {
        fact: draw(st.sampled_from([Answer.YES, Answer.NO, Answer.UNKNOWN]))
        for fact in SAFEGUARDING
    }
    if drawn[Fact.UNDER_18] is Answer.NO and any(drawn[f] is Answer.YES for f in _YOUNGER):
        # Nobody under 18 but children under 16 is refused: the group has someone under 18.
        drawn[Fact.UNDER_18] = Answer.YES
    if (
        drawn[Fact.HELD_IN_CUSTODY] is Answer.YES
        and drawn[Fact.IN_CUSTODY_OR_ON_PROBATION] is Answer.NO
    ):
        # Held in custody is in custody: the group is in prison or on probation.
        drawn[Fact.IN_CUSTODY_OR_ON_PROBATION] = Answer.YES
    for fact, answer in drawn.items():
        facts = facts.with_answer(fact, answer)
    return facts


def _groups(project: Project) -> dict[str, Facts]:
    return {p.label: p.facts for a in project.activities for p in a.parties}


_FESTIVAL = load_project(FESTIVAL)


@st.composite
def _festival_answers(draw: st.DrawFn) -> dict[str, Facts]:
    """Safeguarding answers for each of the festival's four groups."""
    return {label: draw(_safeguarding_answers(f)) for label, f in _groups(_FESTIVAL).items()}


@SLOW
@given(_festival_answers())
def test_the_festivals_default_report_is_the_same_whatever_yes_is_no(
    answers: dict[str, Facts],
) -> None:
    """The festival (two activities, four groups, every area assessed): each group's six
    safeguarding answers drawn yes, no or unknown; then every yes made no. The default
    copies, text, Markdown, HTML and JSON in English and Welsh, are identical."""
    given_answers = _with_parties(_FESTIVAL, answers)
    as_no = _with_parties(_FESTIVAL, {k: _no_for_yes(f) for k, f in answers.items()})
    assert _copies(assess(given_answers, as_at=AS_AT)) == _copies(assess(as_no, as_at=AS_AT))


@st.composite
def _generated_pair(draw: st.DrawFn) -> tuple[Project, Project]:
    """A project of generated activities (any setting, nations, tasks and answers) as given,
    and with each yes to a safeguarding fact answered no."""
    ethics = draw(es.projects(max_activities=2))

    def project(answered: Callable[[Facts], Facts]) -> Project:
        # The generated people are not the project's: the groups are left unnamed.
        activities = [
            attrs.evolve(
                a,
                parties=[
                    attrs.evolve(p, facts=answered(p.facts), people=frozenset()) for p in a.parties
                ],
            )
            for a in ethics.activities
        ]
        return Project(id="generated", title="Generated", activities=activities)

    return project(lambda facts: facts), project(_no_for_yes)


@SLOW
@given(_generated_pair())
def test_a_generated_projects_default_report_is_the_same_whatever_yes_is_no(
    pair: tuple[Project, Project],
) -> None:
    """Generated activities, their groups' answers drawn freely (yes, no, unknown, not
    applicable): the default copies are those of the same project with every safeguarding
    yes answered no."""
    given_answers, as_no = pair
    assert _copies(assess(given_answers, as_at=AS_AT)) == _copies(assess(as_no, as_at=AS_AT))


def _ethics_json(project: Project, *, include_sensitive: bool) -> dict[str, object]:
    text = render(
        assess(project, as_at=AS_AT),
        format="json",
        locale="en_GB",
        include_sensitive=include_sensitive,
    )
    data = json.loads(text)
    assert "shared_sections" not in data
    (section,) = [s for s in data["sections"] if s["area"] == Area.ETHICS.value]
    return section  # type: ignore[no-any-return]


def _interviewees(**yes: Answer) -> Project:
    facts = _groups(_FESTIVAL)["interviewees"]
    for fact in SAFEGUARDING:
        facts = facts.with_answer(fact, yes.get(fact.value, Answer.NO))
    return _with_parties(_FESTIVAL, {"interviewees": facts})


def test_the_copy_with_peoples_own_values_keeps_the_triage_of_the_answers_given() -> None:
    """The festival's interviewees may lack capacity. The full copy shows what that changes:
    the route to a capacity body is unsettled until the nations and the route facts are
    answered, so its open questions (ETH-ROUTE-QUESTION, ETH-ROUTE-NATIONS) are shown,
    marked sensitive; with the answer no, no finding in the section is sensitive. The
    default copy's section is the same for both answers."""
    capacity = _interviewees(may_lack_capacity=Answer.YES)
    nobody = _interviewees()
    full = _ethics_json(capacity, include_sensitive=True)
    sensitive_rules = {
        f["rule_id"]
        for f in full["findings"]  # type: ignore[attr-defined]
        if f["sensitive"]
    }
    assert sensitive_rules == {"ETH-ROUTE-QUESTION", "ETH-ROUTE-NATIONS"}
    assert not any(
        f["sensitive"]
        for f in _ethics_json(nobody, include_sensitive=True)["findings"]  # type: ignore[attr-defined]
    )
    assert _ethics_json(capacity, include_sensitive=False) == _ethics_json(
        nobody, include_sensitive=False
    )


def test_a_report_keeps_the_default_copys_sections_out_of_its_repr_and_data() -> None:
    """The sections the default copy shows instead differ only when a group answered yes:
    their presence is as telling as their content, so neither ``repr`` nor the default
    serialisation has them; a project whose answers are all no has none."""
    report = assess(_interviewees(in_custody_or_on_probation=Answer.YES), as_at=AS_AT)
    assert [s.area for s in report.shared_sections] == [Area.ETHICS]
    assert "shared_sections=<redacted>" in repr(report)
    assert "shared_sections" not in unstructure(report)
    assert assess(_interviewees(), as_at=AS_AT).shared_sections == ()


def _plain_copies(report: GovernanceReport, *, include_sensitive: bool = False) -> tuple[str, ...]:
    """The report as the library's plain data, each way a system asks for it."""
    return (
        dumps(report, include_sensitive=include_sensitive),
        json.dumps(to_plain(report, include_sensitive=include_sensitive), sort_keys=True),
        json.dumps(unstructure(report, include_sensitive=include_sensitive), sort_keys=True),
    )


@pytest.mark.parametrize("fact", SAFEGUARDING, ids=lambda f: f.value)
def test_the_default_plain_data_is_the_same_whatever_yes_is_no(fact: Fact) -> None:
    """A system that stores the report as plain data (``interchange.dumps``/``to_plain``, or
    ``core.serialise.unstructure``) without asking for sensitive data gets the default copy,
    as a rendering does: the festival's interviewees answering yes to ``fact`` gives the
    same bytes as answering no (before the fix, a yes to ``may_lack_capacity`` changed the
    Ethics section's findings: the open route questions went). With ``include_sensitive``
    the data is the report's own, and differs."""
    answers = {fact.value: Answer.YES}
    if fact in _YOUNGER:
        answers[Fact.UNDER_18.value] = Answer.YES
    if fact is Fact.HELD_IN_CUSTODY:
        answers[Fact.IN_CUSTODY_OR_ON_PROBATION.value] = Answer.YES
    yes = assess(_interviewees(**answers), as_at=AS_AT)
    no = assess(_interviewees(), as_at=AS_AT)
    assert _plain_copies(yes) == _plain_copies(no)
    if fact is Fact.MAY_LACK_CAPACITY:
        assert _plain_copies(yes, include_sensitive=True) != _plain_copies(
            no, include_sensitive=True
        )
