"""A key given twice inside special-category data is refused without naming it or its place.

An outside tester found three readers that named such a key: ``participatory benefits``
(``household.people[0].esa: has the key 'weekly_award' twice`` says the member claims ESA),
:func:`participatory.interchange.loads` (``people[0]: has the key 'esa' twice``) and
``participatory ethics`` (``facts: has the key 'under_16' twice`` names a safeguarding
answer). Each now counts it as a problem in special-category data, as it counts a bad
value at the same place, and describes it only when asked to (``--include-sensitive``,
``describe(include_sensitive=True)``); a key given twice anywhere else is still named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.benefits import Household, Receipt
from participatory.cli import main
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.interchange import PlainDataError, loads
from participatory.project import Project

#: Words that say which benefit, or which answer, the refusal is about.
_TELLING = (
    "weekly_award",
    "esa",
    "ESA",
    "housing_benefit",
    "housing",
    "under_16",
    "benefit",
    "90.00",
)


def _assert_withheld(said: str) -> None:
    for word in _TELLING:
        assert word not in said, said
    # Still refused: counted as a problem in special-category data, as a bad value there
    # is (or, in TOML, refused by the parser in words that quote no key).
    assert "special-category data, withheld" in said or "twice" in said, said


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "household",
    [
        '{"people": [{"id": "a", "esa": {"weekly_award": "90.00 GBP", '
        '"weekly_award": "90.00 GBP"}}]}',
        '{"people": [{"id": "a"}], "housing_benefit": {}, "housing_benefit": {}}',
    ],
    ids=["esa-weekly-award", "housing-benefit"],
)
def test_benefits_command_withholds_a_key_given_twice_in_the_household(
    household: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = tmp_path / "question.json"
    given.write_text(
        '{"household": ' + household + ', "receipts": [{"amount": "10.00 GBP", '
        '"received_on": "2026-06-10", "person": "a"}]}',
        encoding="utf-8",
    )
    status, out, err = _run(["benefits", str(given)], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert given.name in err
    _assert_withheld(err.partition(given.name)[2])  # after the command's own name
    # The person entitled to it can still be told which key.
    status, out, err = _run(["benefits", str(given), "--include-sensitive"], capsys)
    assert (status, out) == (2, "")
    assert "is given twice" in err


@pytest.mark.parametrize(
    "text",
    [
        '{"people": [{"id": "a", "esa": {}, "esa": {}}]}',
        '{"people": [{"id": "a", "esa": {"weekly_award": "90.00 GBP", '
        '"weekly_award": "90.00 GBP"}}]}',
    ],
    ids=["esa", "esa-weekly-award"],
)
def test_interchange_loads_withholds_a_key_given_twice_in_a_household(text: str) -> None:
    with pytest.raises(PlainDataError) as raised:
        loads(Household, text)
    assert isinstance(raised.value, ValidationError)
    _assert_withheld(str(raised.value))
    _assert_withheld(raised.value.describe())
    # For the person entitled to it, through the opt-in that describes a bad value there.
    assert "is given twice" in raised.value.describe(include_sensitive=True)


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_ethics_command_withholds_a_safeguarding_fact_given_twice(
    suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = tmp_path / f"activity{suffix}"
    if suffix == ".json":
        given.write_text(
            '{"activity": {"id": "a", "parties": [{"label": "pupils", "capacity": '
            '"participant", "facts": {"under_16": true, "under_16": true}}]}}',
            encoding="utf-8",
        )
    else:
        given.write_text(
            '[activity]\nid = "a"\n[[activity.parties]]\nlabel = "pupils"\n'
            'capacity = "participant"\nfacts = { under_16 = true, under_16 = true }\n',
            encoding="utf-8",
        )
    status, out, err = _run(["ethics", str(given)], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert given.name in err
    _assert_withheld(err.partition(given.name)[2])


def test_a_key_given_twice_outside_special_category_data_is_still_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project's title, a receipt's amount, a fact that is no safeguarding answer: naming
    them says nothing about a person, and helps whoever has to find them."""
    with pytest.raises(ParticipatoryError, match=r"title: is given twice"):
        loads(Project, '{"id": "p", "title": "a", "title": "b"}')
    with pytest.raises(ParticipatoryError, match=r"^\[0\]\.id: is given twice"):
        loads(tuple[Receipt, ...], '[{"id": "a", "id": "b"}]')
    given = tmp_path / "question.json"
    given.write_text(
        json.dumps({"household": {"people": [{"id": "a"}]}, "receipts": []})[:-1]
        + ', "receipts": []}',
        encoding="utf-8",
    )
    status, _out, err = _run(["benefits", str(given)], capsys)
    assert status == 2
    assert "receipts: is given twice" in err
    activity = tmp_path / "activity.json"
    activity.write_text(
        '{"activity": {"id": "a", "parties": [{"label": "staff", "capacity": "participant", '
        '"facts": {"own_data_analysed": true, "own_data_analysed": true}}]}}',
        encoding="utf-8",
    )
    status, _out, err = _run(["ethics", str(activity)], capsys)
    assert status == 2
    assert "facts.own_data_analysed: is given twice" in err
