"""What a route question says each answer leads to names each review body once.

An open route question's finding says, for a yes and for a no, the bodies the answer makes
certain and those it makes possible ("possibly …, depending on the other open questions").
A body can be reached by two rules, or in two nations, with different strengths: Scotland
A Research Ethics Committee is required for health research with adults who may lack
capacity (Adults with Incapacity (Scotland) Act 2000, s. 51) and not settled for other
research with them. While whether the research is health-related is still open, the body
is *possibly required*; listing it a second time as "possibly … (not settled: ask)" adds
nothing and reads as two bodies. Each list names a body once, with its strongest
requirement.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given

from participatory.ethics import (
    Activity,
    ActivityClassification,
    Capacity,
    Party,
    assess_activity,
)
from participatory.testing import ethics as es

ON = dt.date(2026, 12, 7)
_POSSIBLY = "; possibly "
_DEPENDING = " (depending on the other open questions)"
_HOW = re.compile(r" \((not settled: ask|if the university's policy says so|advice)\)$")


def _lists(words: str) -> list[list[str]]:
    """The certain list and, if any, the possible list of one answer's words."""
    certain, _, possible = words.partition(_POSSIBLY)
    lists = [certain.split("; ")]
    if possible:
        assert possible.endswith(_DEPENDING), words
        lists.append(possible.removesuffix(_DEPENDING).split("; "))
    return lists


def _leads_to(result: ActivityClassification) -> list[str]:
    return [
        str(finding.values[answer])
        for finding in result.findings
        if finding.rule_id == "ETH-ROUTE-QUESTION"
        for answer in ("if_yes", "if_no")
    ]


def _body_names(items: list[str]) -> list[str]:
    return [_HOW.sub("", item) for item in items]


def test_a_body_possibly_required_is_not_listed_again_as_possibly_not_settled() -> None:
    """An NHS-setting randomised activity, nations not given, with one group of public
    contributors whose own data is analysed: every other fact is unknown.

    If it processes personal data, an adult who may lack capacity could be among those whose
    data it uses: in Scotland the Scotland A REC is then required if the research is
    health-related (AWI Act s. 51) and not settled if it is not. Health-related is still
    open, so the yes reads "possibly … Scotland A Research Ethics Committee …" once, with
    no "(not settled: ask)" copy beside it.
    """
    group = Party("group 0", Capacity.PUBLIC_CONTRIBUTOR, facts={"own_data_analysed": True})
    activity = Activity("a1", parties=[group], facts={"randomised": True}, setting="nhs")
    result = assess_activity(activity, as_at=ON)
    personal = [
        f
        for f in result.findings
        if f.rule_id == "ETH-ROUTE-QUESTION"
        and "personal data" in str(f.values["fact"])
        and "special category" not in str(f.values["fact"])
    ]
    assert len(personal) == 1
    if_yes = str(personal[0].values["if_yes"])
    scotland_a = "Scotland A Research Ethics Committee"
    assert if_yes.count(scotland_a) == 1, if_yes
    assert f"{scotland_a} (Adults with Incapacity (Scotland) Act 2000, s. 51) (not" not in if_yes
    assert if_yes.startswith("no further review body; possibly ")


@given(es.activities())
def test_each_answer_names_each_body_once(activity: Activity) -> None:
    result = assess_activity(activity, as_at=ON)
    for words in _leads_to(result):
        for items in _lists(words):
            names = _body_names(items)
            assert len(names) == len(set(names)), words
