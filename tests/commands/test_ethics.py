""":mod:`participatory.commands.ethics`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

import pytest

from participatory.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None):
    saved = sys.stdin  # put back as it was: the real stdin could block a later read
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = saved
    out, err = capsys.readouterr()
    return code, out, err


def test_ethics_command_classifies_a_list_and_summarises(capsys):
    activities = [
        {"id": "advice", "parties": [{"label": "group", "capacity": "public_contributor",
                                      "tasks": ["advise"], "people": ["p1"],
                                      "facts": {"own_data_analysed": "no"}}]},
        {"id": "survey", "facts": {"generalisable": True},
         "parties": [{"label": "group", "capacity": "public_contributor",
                      "tasks": ["provide_own_data"], "people": ["p1"],
                      "facts": {"own_data_analysed": "yes"}}]},
    ]  # fmt: skip
    code, out, _ = run(capsys, "ethics", "--as-at", "2026-03-02",
                       stdin=json.dumps({"activities": activities}))  # fmt: skip
    result = json.loads(out)
    assert code == 0
    assert result["needing_review"] == ["survey"]
    assert result["contributor_and_participant"] == ["p1"]
    assert result["counts"]["involvement"] == 1


def _run(argv: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        if stdin is not None:
            import sys

            old = sys.stdin
            sys.stdin = io.StringIO(stdin)
            stack.callback(setattr, sys, "stdin", old)
        status = main(argv)
    return status, out.getvalue(), err.getvalue()


_SAFEGUARDING = json.dumps(
    {
        "activity": {
            "id": "sampling",
            "parties": [
                {
                    "label": "young people",
                    "capacity": "co_researcher",
                    "tasks": ["collect_data"],
                    "facts": {"under_18": True, "own_data_analysed": False},
                }
            ],
            "facts": {"data_about_people": False},
        }
    }
)


def test_the_ethics_command_withholds_safeguarding_unless_asked() -> None:
    """ETH-SAFEGUARDING is withheld whole by default; --include-sensitive shows it."""
    status, out, _ = _run(["ethics", "--as-at", "2026-11-25"], stdin=_SAFEGUARDING)
    assert status == 0
    findings = json.loads(out)["activities"][0]["findings"]
    withheld = [f for f in findings if f["withheld"]]
    assert withheld
    assert all(f["rule_id"] is None and f["sentence"] is None for f in withheld)
    assert '"ETH-SAFEGUARDING"' not in out
    status, out, _ = _run(
        ["ethics", "--as-at", "2026-11-25", "--include-sensitive"], stdin=_SAFEGUARDING
    )
    assert status == 0
    shown = json.loads(out)["activities"][0]["findings"]
    assert any(f["rule_id"] == "ETH-SAFEGUARDING" and f["sentence"] for f in shown)


_ORDINARY = {
    "nhs_patients": False, "nhs_staff": False, "adult_social_care_users": False,
    "childrens_social_care_users": False, "in_custody_or_on_probation": False,
    "vulnerable": False, "under_18": False, "own_data_analysed": True, "consent_planned": True,
}  # fmt: skip
_STUDY = {
    "generalisable": True, "approved_study_participants": False,
    "identifiable_patient_data": False, "prison_or_probation_setting": False,
    "personal_data": True, "large_scale_special_category": False, "health_related": True,
    "human_tissue_stored": False,
}  # fmt: skip


def _capacity_study(nations: list[str] | None) -> str:
    activity: dict[str, object] = {
        "id": "memory-study",
        "setting": "community",
        "facts": {**_STUDY, "nhs_premises": False},
        "parties": [{"label": "members", "capacity": "research_participant",
                     "tasks": ["provide_own_data"],
                     "facts": {**_ORDINARY, "may_lack_capacity": True}}],
    }  # fmt: skip
    if nations is not None:
        activity["nations"] = nations
    return json.dumps({"activity": activity})


def test_the_ethics_command_gives_the_routes_and_withholds_sensitive_ones() -> None:
    """Scotland, health-related research with adults who may lack capacity (AWI 2000
    s. 51): Scotland A REC, and the university REC left to its policy because of it, both
    rest on the members' capacity, so by default the routes shown are those of the answers
    with that yes read as no: the university REC, required, and the DPIA screening, then
    one marker standing for whatever was withheld."""
    status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=_capacity_study(["scotland"]))
    assert status == 0
    activity = json.loads(out)["activities"][0]
    shown = {r["body"]: r for r in activity["routes"] if not r["withheld"]}
    # Shown as the triage with the capacity yes read as no: the university REC, required.
    assert set(shown) == {"dpia", "university_rec"}
    assert shown["university_rec"]["requirement"] == "required"
    assert shown["dpia"]["requirement"] == "advice"
    assert shown["dpia"]["citations"][0]["source"] == "uk_gdpr"
    withheld = [r for r in activity["routes"] if r["withheld"]]
    assert withheld == [activity["routes"][-1]]
    assert all(value is None for key, value in withheld[0].items() if key not in _MARKED)
    assert "capacity_body" not in out
    assert "Scotland A" not in out
    assert "ETH-ROUTE-CAPACITY" not in out
    status, out, _ = _run(
        ["ethics", "--as-at", "2026-12-06", "--include-sensitive"],
        stdin=_capacity_study(["scotland"]),
    )
    routes = {r["body"]: r for r in json.loads(out)["activities"][0]["routes"]}
    assert routes["capacity_body"]["nations"] == ["scotland"]
    assert routes["capacity_body"]["name"].startswith("Scotland A Research Ethics Committee")
    assert "may_lack_capacity" in routes["capacity_body"]["decided_by"]
    assert routes["university_rec"]["requirement"] == "policy"
    assert routes["university_rec"]["name"] == "the university's research ethics committee"


def _study(
    sensitive_fact: str | None, nations: list[str] | None, setting: str = "community"
) -> str:
    """A health-related study of one group's own data; ``sensitive_fact`` is the one yes.

    People in prison or on probation are held in prison here: GAfREC's prisoner trigger is
    prisoners in custody (round 16).
    """
    party_facts = {**_ORDINARY, "may_lack_capacity": False}
    if sensitive_fact is not None:
        party_facts[sensitive_fact] = True
    if sensitive_fact == "in_custody_or_on_probation":
        party_facts["held_in_custody"] = True
    facts = dict(_STUDY) if setting == "nhs" else {**_STUDY, "nhs_premises": False}
    activity: dict[str, object] = {
        "id": "study", "setting": setting, "facts": facts,
        "parties": [{"label": "members", "capacity": "research_participant",
                     "tasks": ["provide_own_data"], "facts": party_facts}],
    }  # fmt: skip
    if nations is not None:
        activity["nations"] = nations
    return json.dumps({"activity": activity})


def _question(data: dict[str, object]) -> dict[str, object]:
    return {key: data[key] for key in ("kind", "fact", "party", "question")}


def test_the_ethics_command_lists_the_open_questions_and_takes_not_applicable() -> None:
    """An NHS study with no nations given: NHS REC and HRA Approval differ by nation, and
    rest on nothing sensitive, so the nations question is shown. For the capacity study
    it is asked because the capacity body differs by nation: withheld by default."""
    status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=_study(None, None, "nhs"))
    assert status == 0
    nations = {"kind": "nations", "fact": None, "party": None, "question": None}
    questions = json.loads(out)["activities"][0]["open_questions"]
    assert nations in [_question(q) for q in questions if not q["withheld"]]
    status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=_capacity_study(None))
    questions = json.loads(out)["activities"][0]["open_questions"]
    assert [q["withheld"] for q in questions] == [True]
    status, out, _ = _run(
        ["ethics", "--as-at", "2026-12-06", "--include-sensitive"], stdin=_capacity_study(None)
    )
    questions = json.loads(out)["activities"][0]["open_questions"]
    assert [_question(q) for q in questions] == [nations]
    advisers = {"activity": {"id": "advice", "parties": [
        {"label": "advisers", "capacity": "public_contributor", "tasks": ["advise"],
         "facts": {"own_data_analysed": "no", "consent_planned": "not_applicable"}}]}}  # fmt: skip
    status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=json.dumps(advisers))
    assert status == 0
    assert json.loads(out)["activities"][0]["outcome"] == "involvement"
    refused = {"activity": {"id": "x", "facts": {"randomised": "not_applicable"}, "parties": [
        {"label": "g", "capacity": "public_contributor"}]}}  # fmt: skip
    status, _, err = _run(["ethics"], stdin=json.dumps(refused))
    assert status == 2
    assert "randomised" in err
    assert "not applicable" in err


#: The keys a withheld marker sets (to true); every other key of it is null.
_MARKED = {"sensitive", "withheld"}


def _shape(value: object) -> object:
    """The JSON's shape: its keys and list lengths, each value replaced by its type."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


@pytest.mark.parametrize("nations", [["england"], ["scotland"], None])
def test_the_default_output_has_one_shape_whichever_route_fact_is_true(nations) -> None:
    """Custody withholds three routes in England (NHS REC for prisons, HMPPS, the
    university REC by policy), capacity two (the capacity body, the university REC by
    policy): the default output had 3 and 2 withheld routes, so a log told which fact was
    true. Now each list ends with one marker, and the two outputs have the same shape."""
    shapes = set()
    for fact in ("may_lack_capacity", "in_custody_or_on_probation"):
        status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=_study(fact, nations))
        assert status == 0
        activity = json.loads(out)["activities"][0]
        for key in ("findings", "routes", "open_questions"):
            markers = [item for item in activity[key] if item["withheld"]]
            assert markers == [activity[key][-1]], key
        shapes.add(json.dumps(_shape(json.loads(out)), sort_keys=True))
    assert len(shapes) == 1


@pytest.mark.parametrize("nations", [["england"], None])
def test_the_default_output_has_one_shape_whichever_safeguarding_fact_is_true(nations) -> None:
    """A vulnerable group withholds one finding (ETH-SAFEGUARDING), a group under 18 two
    (that and ETH-CONSENT-AGE-BAND-UNKNOWN), a group with neither none: each default
    output has the same shape, one marker at the end of each list."""
    shapes = set()
    for fact in (None, "vulnerable", "under_18"):
        status, out, _ = _run(["ethics", "--as-at", "2026-12-06"], stdin=_study(fact, nations))
        assert status == 0
        shapes.add(json.dumps(_shape(json.loads(out)), sort_keys=True))
        assert "ETH-SAFEGUARDING" not in out
    assert len(shapes) == 1


@pytest.mark.parametrize(
    ("fact", "rule_ids", "bodies"),
    [
        ("in_custody_or_on_probation",
         {"ETH-ROUTE-NHS-REC-PRISON", "ETH-ROUTE-HMPPS", "ETH-ROUTE-UNIVERSITY-REC-POLICY"},
         ["nhs_rec", "hmpps_nrc", "university_rec", "dpia"]),
        ("may_lack_capacity", {"ETH-ROUTE-CAPACITY-ENGLAND", "ETH-ROUTE-UNIVERSITY-REC-POLICY"},
         ["capacity_body", "university_rec", "dpia"]),
        ("under_18", {"ETH-SAFEGUARDING", "ETH-CONSENT-AGE-BAND-UNKNOWN"},
         ["university_rec", "dpia"]),
    ],
)  # fmt: skip
def test_include_sensitive_gives_everything_and_no_marker(fact, rule_ids, bodies) -> None:
    """England: custody routes the study to an NHS REC (prisons) and HMPPS's National
    Research Committee, capacity to a body under the MCA 2005; with --include-sensitive
    every route and finding is there, none withheld."""
    status, out, _ = _run(
        ["ethics", "--as-at", "2026-12-06", "--include-sensitive"], stdin=_study(fact, ["england"])
    )
    assert status == 0
    activity = json.loads(out)["activities"][0]
    assert not [i for k in ("findings", "routes", "open_questions") for i in activity[k]
                if i["withheld"]]  # fmt: skip
    assert rule_ids <= {f["rule_id"] for f in activity["findings"]}
    assert [r["body"] for r in activity["routes"]] == bodies
