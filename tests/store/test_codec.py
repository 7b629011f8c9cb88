"""Reading an export: every problem reported with its path, never a value."""

from __future__ import annotations

import pytest

from participatory.project.errors import ProjectFileError
from participatory.store import ledger_from_data
from participatory.store.codec import FORMAT

SENTINEL = "SENTINEL-c0ffee"


def test_a_file_that_is_not_an_export_is_refused() -> None:
    with pytest.raises(ProjectFileError, match="is this a ledger export"):
        ledger_from_data({"contributors": []})
    with pytest.raises(ProjectFileError, match="version"):
        ledger_from_data({"format": FORMAT, "version": 99})


def test_every_bad_entry_is_reported_by_path_without_its_value() -> None:
    data = {
        "format": FORMAT,
        "version": 1,
        "contributors": [{"id": "c0", "communities": [SENTINEL + "\n"], "nation": "england"}],
        "payments": [
            {"id": "p", "person": "c0", "amount": {"amount": SENTINEL, "currency": "GBP"},
             "received_on": "2026-01-13", "payer": "uni"},
        ],
        "extra": 1,
    }  # fmt: skip
    with pytest.raises(ProjectFileError) as caught:
        ledger_from_data(data, "backup.json")
    message = str(caught.value)
    assert SENTINEL not in message
    paths = [path for path, _ in caught.value.problems]
    # A contributor's communities are special-category data: kept, counted in the message.
    withheld = [path for path, _ in caught.value.sensitive_problems]
    assert "contributors[0].communities" in " ".join(withheld)
    assert "communities" not in message
    assert any(path.startswith("payments[0].amount") for path in paths)
    assert message.startswith("backup.json: 3 problems")


def test_a_payment_to_an_unknown_contributor_is_refused() -> None:
    data = {"format": FORMAT, "version": 1, "payments": [
        {"id": "p", "person": "c9", "amount": "1.00 GBP", "received_on": "2026-01-13",
         "payer": "uni"}]}  # fmt: skip
    with pytest.raises(ProjectFileError, match="not a contributor"):
        ledger_from_data(data)
