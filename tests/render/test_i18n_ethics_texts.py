"""A Welsh ethics triage quotes no English of the library's own, for any activity.

The bundled examples (``test_i18n_data.py``) show only the questions and outcomes their
activities reach. A triage can quote any fact's question (an open route question, a fact
to settle before referring), any outcome's label (what a yes or a no to that fact leads
to), an HRA decision question, and the name it gives people no group describes; each is
a data text the Welsh catalogue must hold. The project's own words (a group's label, a
person's id, an approval's reference) are shown as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from hypothesis import given, settings

from participatory.core.explain import Phrase
from participatory.ethics import Activity, Fact, TriageOutcome, assess_activity
from participatory.ethics.route_logic import UNLISTED
from participatory.render.i18n import data_translation
from participatory.testing.ethics import activities

ON = dt.date(2026, 12, 7)

#: Finding values that are the project's own words or an id, never the library's.
_NAMES = frozenset({"person", "contributor_in", "participant_in", "question_id", "approval"})


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, Phrase):
        for item in value.values.values():
            yield from _texts(item)


def _welsh(text: str) -> str | None:
    return data_translation(text, "cy")


def test_every_benefit_earnings_never_change_has_welsh() -> None:
    """A check names the payee's benefits that earnings never change (one partner's only,
    since round 14b): each name must be in the catalogue, whichever a household has."""
    from participatory.benefits import UnaffectedBenefit
    from participatory.benefits.unaffected import unaffected_findings

    names = [
        f.values["benefits"]
        for b in UnaffectedBenefit
        for f in unaffected_findings(frozenset({b}))
        if "benefits" in f.values
    ]
    assert len(names) == len(UnaffectedBenefit)
    assert [name for name in names if _welsh(name) is None] == []


def test_every_question_outcome_and_the_unlisted_name_have_welsh() -> None:
    missing = [f.question for f in Fact if _welsh(f.question) is None]
    missing += [o.label for o in TriageOutcome if _welsh(o.label) is None]
    missing += [UNLISTED] if _welsh(UNLISTED) is None else []
    assert missing == []


def test_the_unlisted_name_is_welsh_in_a_welsh_route_question() -> None:
    """Peer researchers interview people no group describes: the route questions about the
    interviewees name them in Welsh ("y bobl y mae'r data yn ymwneud â nhw ...")."""
    from participatory.ethics import Capacity, Party, Task
    from participatory.render.text import sentence

    peers = Party("peer researchers", Capacity.CO_RESEARCHER, tasks={Task.COLLECT_DATA},
                  facts={"own_data_analysed": False})  # fmt: skip
    facts = {
        "randomised": False, "changes_usual_care": False, "nhs_premises": False,
        "prison_or_probation_setting": False, "identifiable_patient_data": False,
        "patient_data_without_consent": "not_applicable", "personal_data": False,
        "large_scale_special_category": "not_applicable", "approved_study_participants": False,
        "generalisable": True, "health_related": True, "data_about_people": True,
    }  # fmt: skip
    result = assess_activity(
        Activity("peer-interviews", parties=[peers], facts=facts, nations=["england"]), as_at=ON
    )
    questions = [f for f in result.by_rule("ETH-ROUTE-QUESTION") if f.values["party"] == UNLISTED]
    assert questions
    for question in questions:
        welsh = sentence(question, locale="cy", include_sensitive=True)
        assert UNLISTED not in welsh
        assert "nas disgrifir gan unrhyw grŵp" in welsh
        assert question.values["fact"] not in welsh  # the question itself is Welsh too


@settings(max_examples=150, deadline=None)
@given(activities())
def test_every_text_of_the_librarys_own_a_triage_quotes_has_welsh(activity: Activity) -> None:
    labels = {party.label for party in activity.parties}
    result = assess_activity(activity, as_at=ON)
    for finding in result.findings:
        for key, value in finding.values.items():
            if key in _NAMES:
                continue
            for text in _texts(value):
                if key == "party" and text in labels:
                    continue  # the project's own label for a group
                assert _welsh(text) is not None, (finding.rule_id, key, text)
