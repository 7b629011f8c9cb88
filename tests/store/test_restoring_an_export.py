"""Restoring a ledger export: a problem in a member's circumstances is counted, not described.

An export holds each household's circumstances. A problem inside them has a path such as
``households[0].household.people[1].esa.weekly_award``, which says that the second member
of the first household gets ESA: special-category data (UK GDPR art. 9) that no error
message may carry (``docs/concepts/hardening.md``). The restore follows the rule
``ledger add household`` follows for one record (:func:`is_special_category` within a
:class:`HouseholdRecord`): the problem is counted in ``str(error)``, kept with its path in
``sensitive_problems``, and spelled out only by ``describe(include_sensitive=True)``. The
error names the file the export came from.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from participatory.interchange import PlainDataError, from_plain
from participatory.ledger import HouseholdRecord
from participatory.project.errors import ProjectFileError
from participatory.store import SqliteLedgerStore, ledger_from_data
from participatory.store.codec import FORMAT, VERSION, structure_part

COUNTED = "households: 1 problem in special-category data, withheld"


def _consent(person: str) -> dict[str, str]:
    return {
        "person": person,
        "agreed_by": person,
        "agreed_on": "2025-04-01",
        "purpose": "benefits checks",
        "retain_until": "2027-03-31",
    }


def _record(bilal: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """Amira and Bilal on a joint Universal Credit claim; Bilal's own fields from ``bilal``."""
    record: dict[str, Any] = {
        "id": "h-j",
        "household": {
            "people": [{"id": "amira"}, {"id": "bilal", **bilal}],
            "universal_credit": {"first_date_of_entitlement": "2025-03-10"},
        },
        "consents": [_consent("amira"), _consent("bilal")],
    }
    record.update(changes)
    return record


def _export(*households: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "contributors": [{"id": "amira"}, {"id": "bilal"}],
        "households": list(households),
        "payments": [],
        "asks": [],
    }


def _refusal(data: dict[str, Any]) -> ProjectFileError:
    with pytest.raises(ProjectFileError) as caught:
        ledger_from_data(data, "backup.json")
    return caught.value


@pytest.mark.parametrize(
    ("bilal", "path", "words"),
    [
        ({"esa": {"weekly_award": "-93.71 GBP"}}, "people[1].esa.weekly_award", ("esa",)),
        (
            {"carers_allowance": {"week_start": "monday"}},
            "people[1].carers_allowance",  # an unknown key: named by the claim it is in
            ("carers_allowance",),
        ),
        ({"capability": "sometimes"}, "people[1].capability", ("capability", "lcwra")),
    ],
)
def test_a_bad_benefit_of_a_member_is_counted_and_kept_for_who_may_see_it(
    bilal: dict[str, Any], path: str, words: tuple[str, ...]
) -> None:
    """One problem, in Bilal's (the second member's) benefit: the message is the file and a
    count under ``households``; the path is kept whole for ``include_sensitive``."""
    error = _refusal(_export(_record(bilal)))
    message = str(error)
    assert message.startswith(f"backup.json: {COUNTED}"), message
    for word in (*words, "people[1]", "bilal"):
        assert word not in message, (word, message)
    assert error.problems == ()
    assert [p for p, _ in error.sensitive_problems] == [f"households[0].household.{path}"]
    assert f"households[0].household.{path}: " in error.describe(include_sensitive=True)


def test_a_problem_outside_the_circumstances_is_still_described() -> None:
    """A record with no id and a bad capability for Bilal: the missing id says nothing about
    anyone's benefits and is described; the capability is counted. Two problems in all."""
    record = _record({"capability": "sometimes"})
    del record["id"]
    error = _refusal(_export(record))
    assert str(error) == f"backup.json: 2 problems: households[0].id: is missing; {COUNTED} " + (
        "(shown with --include-sensitive)"
    )
    assert "capability" not in str(error)


def test_a_consent_problem_is_counted_as_adding_the_household_counts_it() -> None:
    """A consent's purpose and person say why and whose special-category data is held."""
    consent = {**_consent("bilal"), "purpose": ""}
    error = _refusal(_export(_record({}, consents=[_consent("amira"), consent])))
    assert "purpose" not in str(error)
    assert COUNTED in str(error)
    assert [p for p, _ in error.sensitive_problems] == ["households[0].consents[1].purpose"]


@pytest.mark.parametrize(
    "record",
    [
        _record({"esa": {"weekly_award": "-93.71 GBP"}}),
        _record({"capability": "sometimes"}, id=""),
        _record({}, consents=[_consent("amira"), {**_consent("bilal"), "purpose": ""}]),
        _record({"health": 7}, recorded_on="yesterday"),
    ],
    ids=["esa", "capability-and-id", "consent", "health-and-day"],
)
def test_the_restore_withholds_what_reading_the_one_record_withholds(
    record: dict[str, Any],
) -> None:
    """One rule, not two: the paths a restore withholds are those ``from_plain`` (behind
    ``ledger add household``) withholds for the same record, under ``households[0]``."""
    with pytest.raises(PlainDataError) as alone:
        from_plain(HouseholdRecord, record)
    error = _refusal(_export(record))
    expected = {f"households[0].{p}" for p, _ in alone.value.sensitive_problems}
    assert expected  # each record has a problem in special-category data
    assert {p for p, _ in error.sensitive_problems} == expected
    shown = {p for p, _ in alone.value.problems} - {p for p, _ in alone.value.sensitive_problems}
    assert {p for p, _ in error.problems} == {f"households[0].{p}" for p in shown}


def test_a_contributors_communities_are_counted() -> None:
    """A community beside a contributor says they belong to it (a person's ``communities``
    are special-category data in the models)."""
    data = _export()
    data["contributors"] = [{"id": "amira", "communities": [3]}]
    error = _refusal(data)
    assert str(error).startswith("backup.json: contributors: 1 problem in special-category")
    assert [p for p, _ in error.sensitive_problems] == ["contributors[0].communities[0]"]


def test_a_ledger_rule_broken_by_the_export_names_the_file() -> None:
    """Bilal's record, whose only member is no contributor: the ledger refuses the record
    (its path names the record, not what it holds)."""
    lone = _record({})
    lone["household"]["people"] = [{"id": "carol"}]
    lone["consents"] = [_consent("carol")]
    error = _refusal(_export(lone))
    assert str(error) == "backup.json: households[0]: has no member who is a contributor"


def test_the_error_survives_pickling_with_what_it_withholds() -> None:
    """An error raised in a worker process reaches its parent with the withheld problem."""
    error = _refusal(_export(_record({"esa": {"weekly_award": "-93.71 GBP"}})))
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)
    assert again.sensitive_problems == error.sensitive_problems


def test_one_part_read_alone_names_its_file_and_counts_the_same() -> None:
    with pytest.raises(ProjectFileError) as caught:
        structure_part(
            [_record({"esa": {"weekly_award": "-93.71 GBP"}})],
            HouseholdRecord,
            "households",
            "backup.json",
        )
    assert str(caught.value).startswith(f"backup.json: {COUNTED}")
    with pytest.raises(ProjectFileError, match=r"^backup\.json: households: must be a list$"):
        structure_part({}, HouseholdRecord, "households", "backup.json")


def test_a_restore_refused_names_its_file_and_leaves_the_store_empty(tmp_path: Path) -> None:
    """Two payments with one id: the second is named by its place, after the file's name."""
    data = _export(_record({}))
    paid = {"id": "p-1", "person": "amira", "amount": "10.00 GBP", "received_on": "2026-05-12"}
    data["payments"] = [{**paid, "payer": "uni"}, {**paid, "payer": "uni"}]
    with SqliteLedgerStore.create(tmp_path / "ledger.sqlite3") as store:
        with pytest.raises(ProjectFileError) as caught:
            store.restore(data, name="backup.json")
        assert str(caught.value) == (
            "backup.json: payments[1].id: repeats the id of an earlier entry"
        )
        with pytest.raises(ProjectFileError, match=r"^<data>: "):
            store.restore(data)  # a caller that gives no name
        empty = store.export()
    assert [empty[part] for part in ("contributors", "households", "payments", "asks")] == [
        [],
        [],
        [],
        [],
    ]


@pytest.mark.parametrize("include_sensitive", [False, True])
def test_ledger_import_describes_a_withheld_problem_only_when_asked(
    include_sensitive: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``participatory ledger import`` of a backup whose second member's ESA award is
    negative: one line naming the file, the problem counted; with ``--include-sensitive``
    (the option the line points to) the line gives the path and the problem. Nothing is
    imported either way."""
    from participatory.cli import main

    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(_export(_record({"esa": {"weekly_award": "-93.71 GBP"}}))))
    capsys.readouterr()
    asked = ["--include-sensitive"] if include_sensitive else []
    status = main(["ledger", "import", str(backup), "--ledger", book, *asked])
    out, err = capsys.readouterr()
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert "backup.json" in err
    if include_sensitive:
        assert "households[0].household.people[1].esa.weekly_award" in err, err
    else:
        assert "esa" not in err, err
        assert "people[1]" not in err, err
        assert "--include-sensitive" in err
    with SqliteLedgerStore.open(book) as store:
        assert store.export()["households"] == []
