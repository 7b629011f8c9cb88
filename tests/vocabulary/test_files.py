""":mod:`participatory.vocabulary.files`: unit tests."""

import pytest

from participatory.core.errors import ParameterFileError
from participatory.core.sources import bundled_sources
from participatory.vocabulary import (
    LookupStatus,
    TermOrigin,
    bundled_vocabulary,
    load_vocabulary,
    parse_terms,
)

#: A bundled document to cite: the Bath report.
SRC = 'source = "bath_report_2022"\n'

BATH = """
[meta]
institution = "University of Bath"

[sources.bath_pr_policy]
title = "Participatory research policy (2023)"
short_title = "Bath PR policy"
publisher = "University of Bath"
url = "https://example.ac.uk/pr-policy"
primary = true
read_on = 2026-12-01

[sources.bath_pr_policy.passages.definitions]
pinpoint = "section 1"
read_on = 2026-12-01

[terms.participatory_research]
term = "Participatory research"
definition = "Research at Bath done with communities as partners, from the first idea."
source = "bath_pr_policy#definitions"

[terms.community_researcher_bath]
term = "Bath community researcher"
definition = "A paid member of a community who collects data with Bath researchers."
source = "bath_pr_policy"
synonyms = ["BCR"]
often_confused_with = ["co_researcher"]
"""


# The brief's terms, each with a spelling people write.
BRIEF_TERMS = {
    "participatory research": "participatory_research",
    "coproduction": "co_production",
    "Co-Production": "co_production",
    "co production": "co_production",
    "PPI": "public_involvement",
    "PPIE": "public_involvement",
    "patient and public involvement": "public_involvement",
    "research participant": "participation",
    "public engagement": "engagement",
    "collaborative research": "collaborative_research",
    "partnership working": "partnership_working",
    "citizen science": "citizen_science",
    "experts by experience": "expert_by_experience",
    "lived experience": "lived_experience",
    "co-researchers": "co_researcher",
    "peer researcher": "co_researcher",
    "public contributor": "public_contributor",
    "community partner": "community_partner",
}


@pytest.mark.parametrize(("text", "term_id"), BRIEF_TERMS.items())
def test_every_term_the_brief_names_is_found_from_common_spellings(text, term_id):
    found = bundled_vocabulary().lookup(text)
    assert found.status is LookupStatus.FOUND
    assert found.term.id == term_id
    assert found.origin is TermOrigin.BUNDLED
    assert found.term.definition
    assert found.term.source


def test_every_bundled_term_cites_a_source_and_names_only_real_confusions():
    vocabulary = bundled_vocabulary()
    for term in vocabulary.values():
        assert term.source.key in bundled_sources()
        for other in term.often_confused_with:
            assert other in vocabulary


def test_unknown_term_is_an_answer_with_suggestions_not_an_exception():
    found = bundled_vocabulary().lookup("co-produktion")
    assert not found.found
    assert found.term is None
    assert found.origin is None
    assert found.suggestions == ("co_production",)
    assert bundled_vocabulary().lookup("").status is LookupStatus.UNKNOWN


def test_matched_reports_the_spelling_that_matched():
    assert bundled_vocabulary().lookup("co-pro").matched == "co-pro"


def test_institution_definition_wins_and_says_where_it_came_from(tmp_path):
    path = tmp_path / "bath.toml"
    path.write_text(BATH, encoding="utf-8")
    vocabulary = load_vocabulary(path, institution="University of Bath")
    found = vocabulary.lookup("PR")  # a bundled synonym still finds the term
    assert found.term.definition.startswith("Research at Bath")
    assert found.origin is TermOrigin.INSTITUTION
    assert found.term.institution == "University of Bath"
    assert found.term.origin_file == str(path)
    assert found.replaced.source.key == "icphr_position_paper_1"
    assert found.term.source.short == "Bath PR policy section 1"
    assert found.term.verified
    assert "University of Bath's definition" in found.term.provenance
    # Fields the institution left out are kept from the bundled term.
    assert "CBPR" in found.term.synonyms
    assert (
        found.term.often_confused_with
        == bundled_vocabulary()["participatory_research"].often_confused_with
    )
    # New terms are added; other terms stay bundled.
    assert vocabulary.lookup("bcr").term.id == "community_researcher_bath"
    assert vocabulary.lookup("PPIE").origin is TermOrigin.BUNDLED
    assert len(vocabulary) == len(bundled_vocabulary()) + 1


def test_institution_term_under_another_id_replaces_the_bundled_term_it_names():
    ours = parse_terms(
        '[terms.coproduction]\nterm = "Co-production"\ndefinition = "Ours."\n' + SRC,
        institution="Us",
    )
    vocabulary = bundled_vocabulary().with_definitions(ours)
    assert vocabulary.lookup("co-produced").term.definition == "Ours."
    assert "coproduction" not in vocabulary  # it replaced co_production, no duplicate
    assert vocabulary.lookup("co-produced").term.id == "co_production"


def test_second_layer_keeps_the_original_bundled_definition_as_replaced():
    first = parse_terms('[terms.pr]\nterm = "PR"\ndefinition = "One."\n' + SRC)
    second = parse_terms('[terms.pr]\nterm = "PR"\ndefinition = "Two."\n' + SRC)
    vocabulary = bundled_vocabulary().with_definitions(first).with_definitions(second)
    found = vocabulary.lookup("participatory research")
    assert found.term.definition == "Two."
    assert found.replaced.origin is TermOrigin.BUNDLED


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[terms.x]\nterm = "X"\n' + SRC, "terms.x.definition"),
        ('[terms.x]\nterm = "X"\ndefinition = "D"\n' + SRC + 'colour = 1\n', "terms.x"),
        ('[terms.x]\nterm = "X"\ndefinition = "D"\n' + SRC + 'synonyms = "y"\n',
         "terms.x.synonyms"),
        # verified is no key of its own: it comes from the catalogue.
        ('[terms.x]\nterm = "X"\ndefinition = "D"\n' + SRC + 'verified = true\n',
         "terms.x"),
        ('[terms.x]\nterm = "X"\ndefinition = "D"\nsource = "nowhere"\n', "terms.x.source"),
        ('[terms.x]\nterm = "X"\ndefinition = "  "\n' + SRC, "terms.x.definition"),
        ("[meta]\n", "terms"),
        ('[other]\n[terms.x]\nterm = "X"\ndefinition = "D"\n' + SRC, ""),
    ],
)  # fmt: skip
def test_bad_files_name_the_file_and_key(text, key):
    with pytest.raises(ParameterFileError) as caught:
        parse_terms(text, file="ours.toml")
    assert caught.value.file == "ours.toml"
    assert caught.value.key == key


def test_invalid_toml_is_a_file_error():
    with pytest.raises(ParameterFileError, match="not valid TOML"):
        parse_terms("[terms.x\n", file="ours.toml")


def test_confusion_with_an_unknown_term_is_refused(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text(
        '[terms.x]\nterm = "X"\ndefinition = "D"\n' + SRC + 'often_confused_with = ["nope"]\n'
    )
    with pytest.raises(ParameterFileError, match="names no term 'nope'"):
        load_vocabulary(path, institution="Us")
