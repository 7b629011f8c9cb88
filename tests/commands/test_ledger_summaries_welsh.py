"""``ledger init``, ``import``, ``add``, ``export`` and ``erase-expired`` answer in ``--locale``.

translate-the-reports.md: every sentence of an output comes from the catalogue, in the locale
asked for. These actions answer with a sentence or two of their own (what was created, added
or replaced); with ``--locale cy`` the sentences are Welsh, the file names and numbers in
them as given, and in English (the default) they read exactly as before.

A household record for two people (amira and ben) replaced by one for amira alone leaves ben
with no circumstances recorded: the answer counts him ("1 other member ...") and never names
him, in either language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from participatory.cli import main

_CONSENT = {"agreed_on": "2025-04-01", "purpose": "benefits checks",
            "retain_until": "2027-03-31"}  # fmt: skip
MAPPING = {
    "columns": {"id": "Ref", "person": "Contributor", "amount": "Net", "received_on": "Paid"},
    "defaults": {"payer": "University of Bath"},
    "date_format": "%d/%m/%Y",
}


def _household(path: Path, *people: str, record: str = "h-1") -> str:
    path.write_text(
        json.dumps(
            {
                "id": record,
                "household": {"people": [{"id": person} for person in people]},
                "consents": [
                    {"person": person, "agreed_by": person, **_CONSENT} for person in people
                ],
            }
        ),
        encoding="utf-8",
    )
    return str(path)


def _say(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    """The answer's lines; the action must succeed and write nothing to standard error."""
    capsys.readouterr()
    assert main(["ledger", *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out.splitlines()


def _session(tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str) -> list[str]:
    """Every answering action that is not a question, in order; all their lines."""
    book = str(tmp_path / "office.sqlite3")
    chosen = ["--locale", locale] if locale else []
    both = _household(tmp_path / "both.json", "amira", "ben")
    alone = _household(tmp_path / "alone.json", "amira")
    csv = tmp_path / "finance.csv"
    csv.write_text("Ref,Contributor,Net,Paid\nA1,amira,10.00,14/01/2026\n", encoding="utf-8")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    lines: list[str] = []
    for argv in (
        ["init"],
        ["init"],
        ["add", "contributor", "amira"],
        ["add", "contributor", "ben"],
        ["add", "household", both],
        ["add", "household", alone],
        ["add", "payment", "--id", "p-1", "--person", "amira", "--amount", "20.00",
         "--received-on", "2026-01-13", "--payer", "Mind"],
        ["add", "ask", "--id", "a-1", "--project", "river", "--activity", "walk",
         "--asked-on", "2026-01-10", "--person", "amira"],
        ["import", str(csv), "--mapping", str(mapping)],
        ["export", "-o", str(tmp_path / "backup.json")],
        ["erase-expired", "--as-at", "2026-06-01"],
    ):  # fmt: skip
        lines.extend(_say(capsys, *argv, "--ledger", book, *chosen))
    return [line.replace(str(tmp_path), "TMP") for line in lines]


def test_in_english_the_answers_read_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sentences these actions printed before they had a --locale, word for word."""
    lines = _session(tmp_path, capsys, "")
    assert lines[:10] == [
        "Created the ledger TMP/office.sqlite3 (schema version 1, readable by its owner only).",
        "The ledger TMP/office.sqlite3 is ready (schema version 1).",
        "Added 1, replaced 0.",
        "Added 1, replaced 0.",
        "Added 1, replaced 0.",
        # amira's record replaced the two people's, so ben's circumstances are gone.
        "Added 0, replaced 1.",
        "1 other member of a replaced household record now has no circumstances recorded.",
        "Added 1, replaced 0.",
        "Added 1, replaced 0.",
        "Added 1, replaced 0.",
    ]
    assert lines[10] == "Exported the ledger to TMP/backup.json (readable by its owner only)."
    assert not any("ben" in line for line in lines)


def test_en_gb_asked_for_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    default = _session(tmp_path / "first", capsys, "")
    chosen = _session(tmp_path / "second", capsys, "en_GB")
    assert [line.replace("TMP/first", "TMP") for line in default] == [
        line.replace("TMP/second", "TMP") for line in chosen
    ]


def test_in_welsh_every_line_is_welsh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = _session(tmp_path, capsys, "cy")
    assert lines[:10] == [
        "Crëwyd y cyfriflyfr TMP/office.sqlite3 (fersiwn sgema 1, a dim ond ei berchennog all "
        "ei ddarllen).",
        "Mae'r cyfriflyfr TMP/office.sqlite3 yn barod (fersiwn sgema 1).",
        "Ychwanegwyd 1, disodlwyd 0.",
        "Ychwanegwyd 1, disodlwyd 0.",
        "Ychwanegwyd 1, disodlwyd 0.",
        "Ychwanegwyd 0, disodlwyd 1.",
        "Nid oes gan un aelod arall o gofnod aelwyd a ddisodlwyd amgylchiadau wedi'u cofnodi "
        "mwyach.",
        "Ychwanegwyd 1, disodlwyd 0.",
        "Ychwanegwyd 1, disodlwyd 0.",
        "Ychwanegwyd 1, disodlwyd 0.",
    ]
    assert (
        lines[10]
        == "Allforiwyd y cyfriflyfr i TMP/backup.json (a dim ond ei berchennog all ei ddarllen)."
    )
    # erase-expired's one sentence is the retention finding's own, in Welsh ("Mehefin").
    assert "Mehefin" in lines[11]
    english = ("ledger", "Added", "replaced", "member", "Exported", "Created", "ready")
    assert [word for word in english if any(word in line for line in lines)] == []
    assert not any("ben" in line for line in lines)


def test_two_left_unrecorded_are_counted_in_the_plural(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person is in one household record: amira and carys's new record h-1 replaces h-1
    (amira and ben) and carys's h-2 (carys and dan), so ben and dan are left unrecorded. The
    new record is one entry that replaced recorded ones: "replaced 1"."""
    book = str(tmp_path / "office.sqlite3")
    _say(capsys, "init", "--ledger", book)
    for person in ("amira", "ben", "carys", "dan"):
        _say(capsys, "add", "contributor", person, "--ledger", book)

    def couples() -> None:
        for record, people in (("h-1", ("amira", "ben")), ("h-2", ("carys", "dan"))):
            path = _household(tmp_path / f"{record}.json", *people, record=record)
            _say(capsys, "add", "household", path, "--ledger", book)

    merged = _household(tmp_path / "merged.json", "amira", "carys")
    couples()
    assert _say(capsys, "add", "household", merged, "--ledger", book) == [
        "Added 0, replaced 1.",
        "2 other members of replaced household records now have no circumstances recorded.",
    ]
    # Welsh counts two with its own plural form: the numeral as a word, mutated after "gan",
    # and the noun singular after it.
    couples()
    assert _say(capsys, "add", "household", merged, "--ledger", book, "--locale", "cy") == [
        "Ychwanegwyd 0, disodlwyd 1.",
        "Nid oes gan ddau aelod arall o gofnodion aelwyd a ddisodlwyd amgylchiadau wedi'u "
        "cofnodi mwyach.",
    ]
    # Replacing the record with itself leaves nobody else without circumstances.
    assert _say(capsys, "add", "household", merged, "--ledger", book, "--locale", "cy") == [
        "Ychwanegwyd 0, disodlwyd 1."
    ]


def test_an_unusable_locale_is_refused_before_the_ledger_is_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "office.sqlite3"
    assert main(["ledger", "init", "--ledger", str(book), "--locale", "fr"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().endswith("--locale: must be one of en_GB, cy")
    assert not book.exists()
