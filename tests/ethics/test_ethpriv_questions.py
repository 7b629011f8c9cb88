"""Open questions carry their own sensitivity; ``participatory ethics`` withholds by it.

The command used to decide which open questions to withhold by pairing them, in order,
with the findings that explain them (``ETH-ROUTE-QUESTION``, ``ETH-ROUTE-NATIONS``): when
the two orders differed, a question about a group's capacity was shown and an ordinary one
withheld. Each :class:`~participatory.ethics.outcomes.OpenQuestion` now says itself whether
it is sensitive, set where the planner asks it.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs

from participatory.commands.ethics import classification
from participatory.core.nations import Nation
from participatory.ethics import Activity, Fact, assess_activity
from participatory.ethics.activity import Capacity, Party, Task
from participatory.ethics.outcomes import OpenQuestion, QuestionKind, TriageOutcome
from tests.commands.running import run_cli

ON = dt.date(2026, 12, 7)

#: A group studied through interviews, recruited outside the NHS, social care and prisons.
_GROUP = {
    "own_data_analysed": True, "consent_planned": True, "nhs_patients": False,
    "nhs_staff": False, "adult_social_care_users": False,
    "childrens_social_care_users": False, "in_custody_or_on_probation": False,
    "vulnerable": False, "under_18": False,
}  # fmt: skip
#: Generalisable research in the community, personal data but not on a large scale.
_STUDY = {
    "generalisable": True, "randomised": False, "changes_usual_care": False,
    "identifiable_patient_data": False, "prison_or_probation_setting": False,
    "nhs_premises": False, "personal_data": True, "large_scale_special_category": False,
    "health_related": False,
}  # fmt: skip


def _study(group: dict[str, object], nations: frozenset[Nation] = frozenset({Nation.ENGLAND})):
    """Interviews in England; ``approved_study_participants`` and ``group`` as given."""
    party = Party("residents", Capacity.RESEARCH_PARTICIPANT, tasks={Task.PROVIDE_OWN_DATA},
                  facts={**_GROUP, **group})  # fmt: skip
    return Activity("interviews", parties=[party], facts=_STUDY, nations=nations)


def _two_questions():
    """By hand, from the route rules: research in England, the residents' capacity and
    whether they are an approved study's participants both unknown. Capacity yes adds a
    capacity body (MCA 2005 s. 30) and leaves the university REC to its policy; no leaves the
    university REC required: asked. Whether they are an approved study's participants, and
    then whether the activity is within its approval, decide between the existing approval,
    an amendment and a new application: both asked. Nothing read is a yes to a sensitive
    fact, so only the capacity question is sensitive, and for what it asks."""
    result = assess_activity(_study({"may_lack_capacity": None}), as_at=ON)
    assert result.outcome is TriageOutcome.RESEARCH
    return result


def test_a_question_about_capacity_is_sensitive_and_an_ordinary_one_is_not() -> None:
    result = _two_questions()
    flags = {q.fact: q.sensitive for q in result.open_questions}
    assert flags[Fact.MAY_LACK_CAPACITY] is True
    assert flags[Fact.APPROVED_STUDY_PARTICIPANTS] is False


def test_each_question_s_finding_is_as_sensitive_as_the_question() -> None:
    result = _two_questions()
    by_fact = {f.values["fact"]: f.sensitive for f in result.by_rule("ETH-ROUTE-QUESTION")}
    assert by_fact == {q.fact.question: q.sensitive for q in result.open_questions if q.fact}


def _shown_facts(data: dict[str, object]) -> list[object]:
    questions = data["open_questions"]
    assert isinstance(questions, list)
    return [q["fact"] for q in questions if not q["withheld"]]


def test_the_command_withholds_by_the_question_when_the_orders_differ() -> None:
    """The same classification with its questions' order reversed, and with its findings'
    order reversed, and with no findings: the capacity question is withheld and the others
    shown, each time; the list ends with one marker. Paired by order (the findings' flags
    read against the questions), each variant but the first showed the capacity question."""
    result = _two_questions()
    asked = result.open_questions
    variants = [
        result,
        attrs.evolve(result, open_questions=tuple(reversed(asked))),
        attrs.evolve(result, findings=tuple(reversed(result.findings))),
        attrs.evolve(result, findings=()),  # no finding to pair with at all
    ]
    for variant in variants:
        data = classification(variant, "en_GB")
        shown = _shown_facts(data)
        assert "may_lack_capacity" not in shown
        assert "approved_study_participants" in shown
        assert data["open_questions"][-1]["withheld"] is True
        assert sum(q["withheld"] for q in data["open_questions"]) == 1
        full = classification(variant, "en_GB", include_sensitive=True)
        assert "may_lack_capacity" in _shown_facts(full)


def test_a_sensitive_question_in_the_full_output_says_so() -> None:
    data = classification(_two_questions(), "en_GB", include_sensitive=True)
    flags = {q["fact"]: q["sensitive"] for q in data["open_questions"]}
    assert flags["may_lack_capacity"] is True
    assert flags["approved_study_participants"] is False


def test_the_nations_question_asked_because_of_capacity_is_sensitive() -> None:
    """By hand: research not health-related, nations not said, nothing but capacity set
    apart. Capacity yes: an appropriate body in England, Wales and Northern Ireland, an
    unsettled route in Scotland (AWI 2000 s. 51 covers medical research): the routes differ
    by nation, so the nations are asked, because of the yes. Capacity no: the university REC
    everywhere, and no nations question."""
    group = {"may_lack_capacity": True}
    everywhere = frozenset[Nation]()
    yes = assess_activity(_study(group, everywhere), as_at=ON)
    no = assess_activity(_study({"may_lack_capacity": False}, everywhere), as_at=ON)
    nations = [q for q in yes.open_questions if q.kind is QuestionKind.NATIONS]
    assert [q.sensitive for q in nations] == [True]
    assert OpenQuestion(QuestionKind.NATIONS) not in no.open_questions


def test_the_command_shows_the_ordinary_question_not_the_capacity_one() -> None:
    """End to end: the JSON shows the approved-study questions, not the capacity one."""
    activity = {
        "id": "interviews", "nations": ["england"], "facts": _STUDY,
        "parties": [{"label": "residents", "capacity": "research_participant",
                     "tasks": ["provide_own_data"], "facts": _GROUP}],
    }  # fmt: skip
    status, out, _ = run_cli(
        ["ethics", "--as-at", "2026-12-07"], json.dumps({"activity": activity})
    )
    assert status == 0
    data = json.loads(out)["activities"][0]
    assert _shown_facts(data) == ["approved_study_participants", "within_approved_scope"]
    assert "may_lack_capacity" not in out
