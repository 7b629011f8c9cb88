""":mod:`participatory.ethics.guidance`: unit tests.

Issue 11's privacy defaults at the edges: commands, payment notes and file errors.

"No log, error or rendered report (unless the caller opts in)" shows a person's
circumstances. The library-level defaults (serialisation, sentences, the report view) are
tested beside their modules; these are the places a person's data leaves the library.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from participatory.core.errors import ParameterFileError
from participatory.ethics import Fact, bundled_guidance, load_guidance
from participatory.ethics.guidance import parse_guidance
from participatory.testing.bad_input import toml_text

BUNDLED = (resources.files("participatory") / "data" / "ethics_guidance.toml").read_text("utf-8")


def test_bundled_guidance_has_the_three_hra_questions_in_order():
    guidance = bundled_guidance()
    assert [q.fact for q in guidance.hra_questions] == [
        Fact.RANDOMISED,
        Fact.CHANGES_USUAL_CARE,
        Fact.GENERALISABLE,
    ]
    # The HRA's wording could not be read: the data says so and the model keeps it.
    assert not any(q.wording_is_hra_verbatim for q in guidance.hra_questions)
    assert guidance.checked_on == dt.date(2026, 11, 25)
    assert bundled_guidance() is guidance  # read once


def test_verified_flags_come_from_the_data():
    guidance = bundled_guidance()
    assert guidance.point("co_researchers_conducting_research").citations[0].verified is False
    assert guidance.point("advisory_involvement_needs_no_rec").citations[0].verified is True
    assert guidance.other_approvals_citation.verified is False  # outcome_if_all_no_verified
    usual = guidance.row("rec_review").cell_citation("usual_practice_surveillance")
    assert usual.verified is False  # that cell was not read
    assert guidance.row("rec_review").cell_citation("clinical_audit").verified is True


def test_unchecked_publication_dates_are_not_shown():
    tool = bundled_guidance().citation("hra_decision_tool")
    assert tool.date is None  # date_verified = false in the data
    joint = bundled_guidance().citation("nihr_involvement_definition")
    assert joint.date == dt.date(2021, 4, 5)


def test_empty_url_becomes_none():
    assert bundled_guidance().citation("jopson_2022").url is None


def test_a_missing_hra_question_is_an_error_naming_it():
    text = BUNDLED.replace('criterion = "randomisation"', 'criterion = "pharma"')
    with pytest.raises(ParameterFileError, match="not a known criterion"):
        parse_guidance(text)


def test_an_unknown_source_is_an_error():
    text = BUNDLED.replace('source = "involve_nres_statement"', 'source = "nowhere"', 1)
    with pytest.raises(ParameterFileError, match="'nowhere'"):
        parse_guidance(text)


def test_bad_toml_and_missing_flags_are_errors(tmp_path):
    with pytest.raises(ParameterFileError, match="not valid TOML"):
        parse_guidance("[[")
    path = tmp_path / "guidance.toml"
    path.write_text(BUNDLED.replace("rule_verified = true", ""), encoding="utf-8")
    with pytest.raises(ParameterFileError, match="rule_verified") as caught:
        load_guidance(path)
    assert str(path) in str(caught.value)


def test_an_institution_file_loads(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text(BUNDLED, encoding="utf-8")
    assert load_guidance(path).citations.keys() == bundled_guidance().citations.keys()


ROOT = Path(__file__).resolve().parents[2]


DATA = ROOT / "src" / "participatory" / "data"


def test_an_ethics_boundary_also_that_is_not_an_array_names_the_key() -> None:
    """``also = 1`` is refused with the key at fault (it was a TypeError)."""
    document = tomllib.loads((DATA / "ethics_guidance.toml").read_text(), parse_float=Decimal)
    document["involvement_boundary"][0]["also"] = Decimal(1)
    with pytest.raises(ParameterFileError) as caught:
        parse_guidance(toml_text(document), file="mine.toml")
    assert caught.value.key == "involvement_boundary[0].also"
