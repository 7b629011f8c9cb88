"""Errors about special-category data count the problem and never name or imply the answer.

The project reader's rule (:func:`participatory.project.references.is_special_category`):
a problem whose path is inside a sensitive field (a group's age, capacity, custody or
vulnerability answers; a person's ``health``; a group's ``notes``) says whose data it is, or
what the answer is, so its message counts it and :meth:`describe` with
``include_sensitive=True`` spells it out. These are the places that did not follow it.
"""

from __future__ import annotations

import io
import json
import pickle
import sys

import pytest

from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.ethics.activity import Activity, Party
from participatory.interchange import PlainDataError, from_plain, loads
from participatory.roles import ProjectRoles

_AGES = {"under_16": True, "under_18": False}


def _party(**more: object) -> Party:
    return Party("young carers", "public_contributor", **more)  # type: ignore[arg-type]


def test_a_party_with_contradicting_age_answers_names_no_answer() -> None:
    """A yes to under_16 beside a no to under_18: the message says neither fact."""
    with pytest.raises(ValidationError) as caught:
        _party(facts=_AGES)
    message = str(caught.value)
    assert "under_16" not in message
    assert "under_18" not in message
    assert "contradicts" not in message
    assert "withheld" in message
    assert caught.value.path == "facts"
    assert "under_18" not in repr(caught.value)
    full = caught.value.describe(include_sensitive=True)
    assert "facts.under_16: contradicts under_18" in full


def test_the_other_younger_band_names_no_answer_either() -> None:
    with pytest.raises(ValidationError) as caught:
        _party(facts={"aged_16_17": True, "under_18": False})
    assert "aged_16_17" not in str(caught.value)
    assert "under_18" not in str(caught.value)


def test_a_contradiction_that_is_not_sensitive_is_still_spelled_out() -> None:
    """consent_planned is not a safeguarding answer: its problem names it, as before."""
    with pytest.raises(ValidationError, match="consent_planned"):
        Party("p", "research_participant", facts={"consent_planned": "not_applicable"})


def test_from_plain_reads_the_contradiction_with_its_path_for_the_reader() -> None:
    """The reader still sees where the problem is, to withhold it from its own message."""
    with pytest.raises(PlainDataError) as caught:
        from_plain(Activity, {"id": "a", "parties": [
            {"label": "g", "capacity": "public_contributor", "facts": _AGES}]})  # fmt: skip
    assert "under_16" not in str(caught.value)
    assert [p for p, _ in caught.value.problems] == ["parties[0].facts.under_16"]


_ROLES = {
    "title": "t",
    "parties": [{"party_type": "person", "id": "kai", "name": "Kai",
                 "kind": "public_contributor", "health": 5}],
}  # fmt: skip


def test_from_plain_project_roles_does_not_name_the_health_path() -> None:
    """A person's health that is not text: counted, not named, in the message."""
    with pytest.raises(PlainDataError) as caught:
        from_plain(ProjectRoles, _ROLES)
    assert "health" not in str(caught.value)
    assert "withheld" in str(caught.value)
    assert "health" not in caught.value.path
    assert "parties[0].health: must be text" in caught.value.describe(include_sensitive=True)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (str(again), again.problems) == (str(caught.value), caught.value.problems)
    with pytest.raises(PlainDataError) as read:
        loads(ProjectRoles, json.dumps(_ROLES))
    assert "health" not in str(read.value)


def test_project_roles_errors_do_not_quote_party_ids() -> None:
    """Which party holds a role (or is listed twice) is kept to the index, never the id."""
    person = {"party_type": "person", "id": "kai-who-has-ms", "name": "Kai",
              "kind": "public_contributor"}  # fmt: skip
    role = {"party": "kai-who-has-ms", "role": "peer", "basis": "advisory", "stages": ["design"]}
    for data in (
        {"title": "t", "parties": [person, person]},
        {"title": "t", "assignments": [role]},
    ):
        with pytest.raises(PlainDataError) as caught:
            from_plain(ProjectRoles, data)
        assert "kai-who-has-ms" not in caught.value.describe(include_sensitive=True)


def _ethics(document: dict[str, object]) -> int:
    saved = sys.stdin  # put back as it was: the real stdin could block a later read
    sys.stdin = io.StringIO(json.dumps(document))
    try:
        return main(["ethics", "-"])
    finally:
        sys.stdin = saved


def test_an_ethics_files_over_long_notes_name_no_party(capsys: pytest.CaptureFixture[str]) -> None:
    """A group's notes (lived experience, safeguarding) too long to read: counted, not named.

    Given as ``activity`` (one activity) as well as ``activities`` (a list), which was already
    withheld.
    """
    party = {"label": "young carers", "capacity": "public_contributor", "notes": "x" * 20_001}
    for document in (
        {"activity": {"id": "a1", "parties": [party]}},
        {"activities": [{"id": "a1", "parties": [party]}]},
    ):
        code = _ethics(document)
        err = capsys.readouterr().err
        assert code != 0
        assert "notes" not in err
        assert "parties[0]" not in err
        assert "withheld" in err
