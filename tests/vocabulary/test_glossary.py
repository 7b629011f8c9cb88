""":mod:`participatory.vocabulary.glossary`: unit tests.

The glossary page must show what the vocabulary data says, never a stale copy.
"""

from pathlib import Path

import pytest

from participatory.vocabulary import (
    bundled_vocabulary,
    glossary_markdown,
    parse_terms,
)

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


def test_glossary_has_one_entry_per_term_with_its_source():
    text = glossary_markdown()
    vocabulary = bundled_vocabulary()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == len(vocabulary)
    for term in vocabulary.values():
        assert f"## {term.term}" in text
    assert "[NIHR Co-production in Action 1 what co-production is](https://" in text
    assert glossary_markdown() == text  # deterministic


def test_glossary_of_an_institution_marks_its_definitions():
    ours = parse_terms(BATH, institution="University of Bath")
    text = glossary_markdown(bundled_vocabulary().with_definitions(ours), terms=["pr"])
    assert text == ""  # "pr" is not an id: nothing selected
    text = glossary_markdown(
        bundled_vocabulary().with_definitions(ours), terms=["participatory_research"]
    )
    assert "University of Bath's own definition" in text
    assert "Research at Bath" in text


DOCS = Path(__file__).parents[2] / "docs"


def test_glossary_page_shows_a_generated_entry_as_a_doctest():
    page = (DOCS / "concepts" / "glossary.md").read_text(encoding="utf-8")
    assert 'glossary_markdown(terms=["public_contributor"])' in page
    # The doctest's expected heading and definition are the data's own words.
    term = bundled_vocabulary()["public_contributor"]
    assert f"## {term.term}" in page
    assert term.definition in page


def test_generated_glossary_file_matches_the_data_when_the_docs_were_built():
    generated = DOCS / "_generated" / "glossary.md"
    if not generated.exists():
        pytest.skip("docs not built yet: conf.py writes _generated/glossary.md")
    assert generated.read_text(encoding="utf-8") == glossary_markdown()
