"""Errors that would say whose special-category data a file holds, and what it is.

An outside tester's tenth round found four ways an error on standard error gave it away:

- a bad value in a person's ``health``, ``lived_experience`` or ``access_needs`` was named by
  its path (``festival.toml: people[0].health: must be text``), where a problem under
  ``benefits`` is counted, not described. Which fields are special-category now comes from
  the models (``attrs.field(metadata=SENSITIVE)``), so every one is covered: a person's
  ``communities`` too, a party's ``notes``, a ledger household's circumstances and consents;
- a group's contradictory age answers were spelled out (``facts.under_16: contradicts
  under_18``): the only way to contradict "nobody under 18" is a yes to a younger band, so
  the message said the group has children in it. A problem at any safeguarding answer
  (:attr:`Fact.sensitive <participatory.ethics.facts.Fact.sensitive>`) is now withheld;
- ``ledger add household`` described a problem inside the circumstances
  (``household.people[0].esa.weekly_award: must not be negative``: the member claims ESA);
- a bad fact answer was named by a path not in the file
  (``parties[0].facts.facts.own_data_analysed.answer``).

And :func:`participatory.core.serialise.unstructure` listed each withheld finding of a
person's statement or headroom, where :func:`~participatory.interchange.to_plain` lists
one marker (their number says whether the person's circumstances are held).

``--include-sensitive`` still spells every problem out for the person entitled to it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import tomllib
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.cli import main
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.privacy import is_sensitive
from participatory.core.serialise import unstructure
from participatory.ethics.facts import Fact, Facts
from participatory.interchange import PlainDataError, from_plain, loads, to_plain
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_headroom,
    contributor_statement,
)
from participatory.project import Project
from participatory.project.errors import ProjectFileError
from participatory.project.references import SPECIAL_CATEGORY_KEYS, is_special_category
from participatory.roles import PersonContributor
from participatory.testing import ledger as tl

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FESTIVAL = EXAMPLES / "mental-health-festival.toml"
DEE_LIVED = 'lived_experience = "SENSITIVE: psychosis, 2019"'
PROGRAMME = 'people = ["dee", "sam", "ash"], facts = { own_data_analysed = false }'

#: A person's special-category fields, as UK GDPR art. 9 and the house rules name them
#: (health, lived experience, access needs; communities, which often reveal ethnicity or
#: disability), written out here rather than read from the model under test.
PERSONS_SENSITIVE = {"communities", "lived_experience", "health", "access_needs"}
#: The safeguarding answers: capacity (health), custody (criminal offence data: whether on
#: probation or held in custody, round 14), age and vulnerability (tests/ethics/test_facts.py
#: states the same set).
SAFEGUARDING_FACTS = {
    "vulnerable", "under_18", "under_16", "aged_16_17", "may_lack_capacity",
    "in_custody_or_on_probation", "held_in_custody",
}  # fmt: skip


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _festival(tmp_path: Path, old: str, new: str) -> Path:
    text = FESTIVAL.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "institution-rate-card.toml").write_bytes(
        (EXAMPLES / "institution-rate-card.toml").read_bytes()
    )
    project = tmp_path / "festival.toml"
    project.write_text(text.replace(old, new), encoding="utf-8")
    return project


def _festival_data() -> dict[str, Any]:
    return tomllib.loads(FESTIVAL.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# 1. A person's special-category fields


@given(index=st.integers(0, 999), field=st.sampled_from(sorted(PERSONS_SENSITIVE)))
def test_a_place_in_a_persons_special_category_field_is_special_category(
    index: int, field: str
) -> None:
    assert is_special_category(f"people[{index}].{field}")
    assert is_special_category(f"people[{index}].{field}[2]")


@given(index=st.integers(0, 999), field=st.sampled_from(["id", "name", "kind", ""]))
def test_a_place_in_a_persons_other_fields_is_not(index: int, field: str) -> None:
    assert not is_special_category(f"people[{index}].{field}".rstrip("."))


def test_the_models_mark_exactly_those_fields_of_a_person() -> None:
    """The one source: what the model marks sensitive is what errors withhold."""
    marked = {f.name for f in attrs.fields(PersonContributor) if is_sensitive(f)}
    assert marked == PERSONS_SENSITIVE


def test_every_top_level_field_marked_sensitive_is_a_special_category_key() -> None:
    """The readers report a problem inside a key of SPECIAL_CATEGORY_KEYS at the key alone;
    a top-level field the model marks sensitive must be one of them."""
    marked = {f.name for f in attrs.fields(Project) if is_sensitive(f)}
    assert marked <= set(SPECIAL_CATEGORY_KEYS)
    assert "benefits" in marked


@pytest.mark.parametrize(
    ("path", "within", "expected"),
    [
        ("household.people[0].esa.weekly_award", HouseholdRecord, True),
        ("consents[0].person", HouseholdRecord, True),
        ("id", HouseholdRecord, False),
        ("activities[0].parties[1].notes", Project, True),
        ("activities[0].parties[1].label", Project, False),
        ("payments[3].amount", Project, False),
        ("safeguarding_notes[0].person_id", Project, True),
        ("[2].parties[0].facts.aged_16_17", tuple[Any, ...], False),  # nothing known of Any
    ],
)
def test_places_inside_other_models(path: str, within: object, expected: bool) -> None:
    assert is_special_category(path, within) is expected


@pytest.mark.parametrize("field", sorted(PERSONS_SENSITIVE))
def test_from_plain_counts_a_bad_value_in_any_of_them(field: str) -> None:
    data = _festival_data()
    data["people"][0][field] = 5
    with pytest.raises(PlainDataError) as caught:
        from_plain(Project, data, base_directory=EXAMPLES)
    assert str(caught.value) == (
        "people: 1 problem in special-category data, withheld (shown with --include-sensitive)"
    )
    assert [path for path, _ in caught.value.sensitive_problems] == [f"people[0].{field}"]


def test_loads_counts_a_health_text_too_long_to_read() -> None:
    """The reader's limit (20,000 characters) is met before the model: counted as well."""
    data = _festival_data()
    data["people"][0]["health"] = "x" * 20_001
    with pytest.raises(PlainDataError) as caught:
        loads(Project, json.dumps(data, default=str), base_directory=EXAMPLES)
    assert "people[0]" not in str(caught.value)
    assert caught.value.sensitive_problems[0][0] == "people[0].health"


def test_assess_shows_the_problem_with_include_sensitive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _festival(tmp_path, DEE_LIVED, "health = 5")
    status, out, err = _run(
        ["assess", str(project), "--as-at", "2026-07-15", "--include-sensitive"], capsys
    )
    assert (status, out) == (2, "")
    assert "people[0].health: " in err, err


def test_a_visible_problem_is_still_described_beside_a_withheld_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _festival(tmp_path, DEE_LIVED, 'access_needs = ["ramp"]')
    text = project.read_text(encoding="utf-8").replace(
        'kind = "expert_by_experience"', 'kind = "x"', 1
    )
    project.write_text(text, encoding="utf-8")
    status, _, err = _run(["assess", str(project), "--as-at", "2026-07-15"], capsys)
    assert status == 2
    assert "2 problems" in err, err
    assert "people[0].kind: " in err, err
    assert "access_needs" not in err, err
    assert "people: 1 problem in special-category data" in err, err


def test_a_project_file_error_keeps_what_it_withholds_through_pickling() -> None:
    error = ProjectFileError(
        "f.toml", [("title", "is missing")], [("household.people[0].esa", "must be a claim")]
    )
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)
    assert "esa" not in str(again)
    assert again.sensitive_problems == error.sensitive_problems


# ---------------------------------------------------------------------------------------------
# 2. A group's safeguarding answers


@pytest.mark.parametrize("fact", list(Fact))
def test_a_place_at_a_groups_answer_is_special_category_exactly_for_safeguarding_answers(
    fact: Fact,
) -> None:
    place = f"activities[0].parties[1].facts.{fact.value}"
    assert is_special_category(place) is (fact.value in SAFEGUARDING_FACTS)


def _ethics(tmp_path: Path, facts: dict[str, Any], *, single: bool = True) -> Path:
    party = {
        "label": "young interviewees",
        "capacity": "research_participant",
        "tasks": ["provide_own_data"],
        "facts": {"own_data_analysed": True, **facts},
    }
    activity = {"id": "w", "setting": "community", "parties": [party]}
    document = {"activity": activity} if single else {"activities": [activity]}
    given_file = tmp_path / "activity.json"
    given_file.write_text(json.dumps(document), encoding="utf-8")
    return given_file


@pytest.mark.parametrize("single", [True, False], ids=["activity", "activities"])
@pytest.mark.parametrize(
    "facts",
    [
        {"under_16": True, "under_18": False},
        {"aged_16_17": True, "under_18": False},
        {"under_18": "n/a"},  # cannot be not applicable: still about the group's ages
        {"may_lack_capacity": "sometimes"},
    ],
    ids=["under-16", "aged-16-17", "under-18-n/a", "capacity-word"],
)
def test_ethics_counts_a_problem_at_a_safeguarding_answer(
    facts: dict[str, Any], single: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given_file = _ethics(tmp_path, facts, single=single)
    argv = ["ethics", str(given_file), "--as-at", "2026-06-10"]
    status, out, err = _run(argv, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    key = "activity" if single else "activities"
    assert f"{key}: 1 problem in special-category data, withheld" in err, err
    for said in ("under", "16", "capacity", "parties"):
        assert said not in err.split(": ", 2)[-1], err
    status, _, err = _run([*argv, "--include-sensitive"], capsys)
    fact = next(iter(facts))
    assert status == 2
    assert f".parties[0].facts.{fact}: " in err, err


def test_assess_counts_the_programme_groups_contradictory_ages_and_shows_them_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The festival's programme group is Dee, Sam and Ash: the path would say their ages."""
    project = _festival(
        tmp_path, PROGRAMME, PROGRAMME.replace(" }", ", under_16 = true, under_18 = false }")
    )
    argv = ["assess", str(project), "--as-at", "2026-07-15"]
    status, out, err = _run(argv, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert "activities: 1 problem in special-category data" in err, err
    assert "parties" not in err, err
    assert "under_16" not in err, err
    status, _, err = _run([*argv, "--include-sensitive"], capsys)
    assert status == 2
    assert "facts.under_16: contradicts under_18" in err, err


def test_a_problem_at_an_answer_that_is_not_sensitive_is_still_described(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given_file = _ethics(tmp_path, {"consent_planned": "n/a"})
    status, _, err = _run(["ethics", str(given_file), "--as-at", "2026-06-10"], capsys)
    assert status == 2
    assert "activity.parties[0].facts.consent_planned: cannot be not applicable" in err, err


# ---------------------------------------------------------------------------------------------
# 3. The path of a bad answer is the file's


def test_a_bad_answer_is_named_at_the_fact() -> None:
    with pytest.raises(ValidationError) as caught:
        Facts({"randomised": "maybe"})
    assert caught.value.path == "facts.randomised"


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("party", "activity.parties[0].facts.own_data_analysed: must be yes, no"),
        ("activity", "activity.facts.randomised: must be yes, no"),
        ("unknown", "activity.parties[0].facts: names an unknown fact"),
    ],
)
def test_ethics_names_a_bad_answer_by_its_place_in_the_file(
    where: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    party: dict[str, Any] = {"label": "members", "capacity": "research_participant",
                             "tasks": ["provide_own_data"], "facts": {}}  # fmt: skip
    activity: dict[str, Any] = {"id": "w", "setting": "community", "parties": [party]}
    if where == "party":
        party["facts"]["own_data_analysed"] = "maybe"
    elif where == "activity":
        activity["facts"] = {"randomised": "maybe"}
    else:
        party["facts"]["colour"] = True
    given_file = tmp_path / "activity.json"
    given_file.write_text(json.dumps({"activity": activity}), encoding="utf-8")
    status, _, err = _run(["ethics", str(given_file), "--as-at", "2026-06-10"], capsys)
    assert status == 2
    assert f"activity.json: {expected}" in err, err


def test_assess_names_a_bad_answer_by_its_place_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _festival(tmp_path, PROGRAMME, PROGRAMME.replace("false", '"maybe"'))
    status, _, err = _run(["assess", str(project), "--as-at", "2026-07-15"], capsys)
    assert status == 2
    assert ".parties[1].facts.own_data_analysed: must be yes, no" in err, err
    assert "facts.facts" not in err, err
    assert ".answer" not in err, err


# ---------------------------------------------------------------------------------------------
# 4. ledger add household


HOUSEHOLD: dict[str, Any] = {
    "id": "h-a",
    "household": {"people": [{"id": "amira", "carers_allowance": {}}]},
    "consents": [
        {"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01",
         "purpose": "checks", "retain_until": "2027-03-31"}
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda r: r["household"]["people"][0].update(capability="sometimes"),
         "household.people[0].capability"),
        (lambda r: r["consents"][0].update(person="ben"), "consents[0].person"),
        (lambda r: r["consents"][0].update(retain_until="soon"), "consents[0].retain_until"),
    ],
    ids=["circumstances", "consent-of-someone-else", "consent-date"],
)  # fmt: skip
def test_ledger_add_household_counts_a_problem_inside_the_circumstances_or_consents(
    change: Any, place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    record = copy.deepcopy(HOUSEHOLD)
    change(record)
    home = tmp_path / "home.json"
    home.write_text(json.dumps(record), encoding="utf-8")
    argv = ["ledger", "add", "household", str(home), "--ledger", book]
    status, out, err = _run(argv, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert "1 problem in special-category data, withheld (shown with --include-sensitive)" in err
    for said in (place.split(".")[-1], "amira", "ben"):
        assert said not in err, err
    status, _, err = _run([*argv, "--include-sensitive"], capsys)
    assert status == 2
    assert f"{place}: " in err, err


def test_ledger_add_household_still_describes_a_problem_outside_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    record = {**HOUSEHOLD, "id": 7}
    home = tmp_path / "home.json"
    home.write_text(json.dumps(record), encoding="utf-8")
    status, _, err = _run(["ledger", "add", "household", str(home), "--ledger", book], capsys)
    assert status == 2
    assert "home.json: id: must be text" in err, err


# ---------------------------------------------------------------------------------------------
# 5. unstructure and to_plain agree on a person's statement and headroom


MARKER = {
    "rule_id": None, "severity": None, "message_key": None, "subject": None,
    "sensitive": True, "withheld": True, "actions": None, "citations": None, "values": None,
    "parameters": None,
}  # fmt: skip


def _amira(held: bool) -> Ledger:
    """Amira gets Carer's Allowance (earnings limit £196 a week in 2025/26); £150 on Tuesday
    13 and £150 on Wednesday 14 January 2026 are £300 in one benefit week, over the limit."""
    home = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    consent = ConsentRecord("amira", "amira", dt.date(2025, 4, 1), "checks", dt.date(2027, 3, 31))
    payments = [
        PaymentEntry("r-1", "amira", "150.00", "2026-01-13", payer="uni"),  # type: ignore[arg-type]
        PaymentEntry("r-2", "amira", "150.00", "2026-01-14", payer="uni"),  # type: ignore[arg-type]
    ]
    return Ledger(
        contributors=[Contributor("amira")],
        households=[HouseholdRecord("h-amira", home, [consent])] if held else [],
        payments=payments,
    )


@pytest.mark.parametrize("held", [True, False], ids=["held", "not-held"])
def test_unstructure_lists_one_withheld_record_as_to_plain_does(held: bool) -> None:
    ledger = _amira(held)
    statement = contributor_statement(ledger, "amira", 2025, as_at=dt.date(2026, 4, 30))
    room = assess_headroom(ledger, "amira", "2026-01-15", as_at=dt.date(2026, 4, 30))
    for answer in (statement, room):
        plain = unstructure(answer)
        assert plain == to_plain(answer)
        shown = [f for f in answer.findings if not f.sensitive]
        assert len(plain["findings"]) == len(shown) + 1
        assert plain["findings"][-1] == MARKER
    # With everything, every finding is listed, none withheld.
    whole = unstructure(statement, include_sensitive=True)
    assert len(whole["findings"]) == len(statement.findings)
    assert not any(f["withheld"] for f in whole["findings"])


def test_whether_her_circumstances_are_held_does_not_show_in_unstructure() -> None:
    answers = [
        contributor_statement(_amira(held), "amira", 2025, as_at=dt.date(2026, 4, 30))
        for held in (True, False)
    ]
    assert sum(f.sensitive for f in answers[0].findings) != sum(
        f.sensitive for f in answers[1].findings
    )
    assert unstructure(answers[0]) == unstructure(answers[1])


@given(
    payments=st.lists(tl.payment_entries(["c0"]), max_size=4, unique_by=lambda p: p.id),
    record=st.none() | tl.household_records(("c0",)),
)
@settings(max_examples=20, deadline=None)
def test_unstructure_and_to_plain_agree_on_any_statement(
    payments: list[PaymentEntry], record: HouseholdRecord | None
) -> None:
    ledger = Ledger(
        contributors=[Contributor("c0")],
        households=[] if record is None else [record],
        payments=payments,
    )
    as_at = dt.date(2025, 4, 30)
    for answer in (
        contributor_statement(ledger, "c0", 2024, as_at=as_at),
        assess_headroom(ledger, "c0", "2025-01-15", as_at=as_at),
    ):
        assert unstructure(answer) == to_plain(answer)
        assert [f for f in unstructure(answer)["findings"] if f["withheld"]] == [MARKER]


def test_the_library_error_is_still_a_participatory_error() -> None:
    data = _festival_data()
    data["people"][0]["lived_experience"] = ["psychosis"]
    with pytest.raises(ParticipatoryError) as caught:
        from_plain(Project, data, base_directory=EXAMPLES)
    assert "psychosis" not in repr(caught.value)
