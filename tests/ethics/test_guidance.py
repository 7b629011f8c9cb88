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
    # The row was read only in an NHS trust's restatement of the table: a secondary source.
    audit = guidance.row("rec_review").cell_citation("clinical_audit")
    assert audit.key == "bsuh_is_my_project_research"
    assert audit.verified is False
    # The HRA's own question pages were not read: the questions are never verified.
    assert not any(c.verified for q in guidance.hra_questions for c in q.citations[:1])


def test_publication_dates_come_from_the_catalogue():
    tool = bundled_guidance().any_yes_citations[0]
    assert tool.key == "hra_decision_tool"
    assert tool.source.published is None  # the launch date was never re-read
    involvement = bundled_guidance().citation("nihr_involvement_definition")
    assert involvement.source.published == dt.date(2021, 4, 5)


def test_a_document_without_an_address_has_no_link():
    assert bundled_guidance().citation("research_or_involvement").link is None


def test_a_missing_hra_question_is_an_error_naming_it():
    text = BUNDLED.replace('criterion = "randomisation"', 'criterion = "pharma"')
    with pytest.raises(ParameterFileError, match="not a known criterion"):
        parse_guidance(text)


def test_an_unknown_source_is_an_error():
    text = BUNDLED.replace(
        'source = "involve_nres_statement#specialist_advisers"', 'source = "nowhere"', 1
    )
    with pytest.raises(ParameterFileError, match=r"involvement_boundary\[0\]\.source: .*'nowhere'"):
        parse_guidance(text)


def test_an_institution_file_may_enter_and_cite_its_own_documents():
    text = BUNDLED.replace(
        'research_or_involvement = "bath_report_2022#research_or_involvement"',
        'research_or_involvement = "our_ethics_policy#s2"',
    ) + (
        '\n[sources.our_ethics_policy]\ntitle = "Our research ethics policy"\n'
        'publisher = "Example University"\nprimary = true\nread_on = 2026-12-01\n'
        '[sources.our_ethics_policy.passages.s2]\npinpoint = "section 2"\n'
        "read_on = 2026-12-01\n"
    )
    ours = parse_guidance(text, file="ours.toml").citation("research_or_involvement")
    assert (ours.short, ours.verified) == ("Our research ethics policy section 2", True)


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


def test_every_route_rule_cites_its_sources_and_unverified_readings_say_so():
    """Each rule of the route table has catalogue citations; the library's own readings
    (work within an approved study) and secondary restatements (the staff exemption) are
    never verified; the statute-based capacity routes are."""
    from participatory.ethics.route_rules import ROUTE_RULE_IDS

    guidance = bundled_guidance()
    assert set(guidance.route_citations) == set(ROUTE_RULE_IDS)
    assert all(guidance.route_citations[rule_id] for rule_id in ROUTE_RULE_IDS)
    assert not any(c.verified for c in guidance.route_citations["ETH-ROUTE-EXISTING-APPROVAL"])
    staff = guidance.route_citations["ETH-ROUTE-NO-NHS-REC-FOR-STAFF"]
    assert [c.key for c in staff if c.verified] == ["hcrw_obtaining_approval"]
    capacity = guidance.route_citations["ETH-ROUTE-CAPACITY-SCOTLAND"]
    assert capacity[0].short == "AWI(S)A 2000 s. 51(1)"
    assert capacity[0].verified
    assert guidance.routes_from == dt.date(2020, 2, 3)
    assert guidance.routes_from_citations[0].verified


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d.pop("routes"), "routes"),
        (lambda d: d["routes"].update(covered_from="soon"), "routes.covered_from"),
        (lambda d: d["route_rules"].pop("ETH-ROUTE-NHS-REC"), "route_rules.ETH-ROUTE-NHS-REC"),
        (
            lambda d: d["route_rules"]["ETH-ROUTE-DPIA"].update(citations=[]),
            "route_rules.ETH-ROUTE-DPIA.citations",
        ),
        (
            lambda d: d["route_rules"]["ETH-ROUTE-DPIA"].update(citations=["no_such_doc#x"]),
            "route_rules.ETH-ROUTE-DPIA.citations[0]",
        ),
        (
            lambda d: d["route_rules"].update({"ETH-ROUTE-MADE-UP": {"citations": ["uk_gdpr"]}}),
            "route_rules.ETH-ROUTE-MADE-UP",
        ),
    ],
)
def test_route_data_errors_name_the_key(change, key):
    document = tomllib.loads(BUNDLED)
    change(document)
    with pytest.raises(ParameterFileError) as caught:
        parse_guidance(toml_text(document), file="ours.toml")
    assert caught.value.key == key
