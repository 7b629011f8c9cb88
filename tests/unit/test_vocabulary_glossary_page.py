"""The glossary page must show what the vocabulary data says, never a stale copy."""

from pathlib import Path

import pytest

from participatory.vocabulary import bundled_vocabulary, glossary_markdown

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
