""":mod:`participatory.vocabulary.terms`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.vocabulary import (
    Term,
    Vocabulary,
    bundled_vocabulary,
    normalise,
)


def test_normalise_ignores_case_hyphens_spaces_and_punctuation():
    assert normalise("Co-Production") == normalise("co production") == "coproduction"
    assert normalise("PPI/E") == normalise("ppi & e") == normalise("PPIE")


def test_duplicate_ids_are_refused():
    term = Term("x", "X", "D", "bath_report_2022")
    with pytest.raises(ValidationError, match="defined twice"):
        Vocabulary([term, term])


def test_term_needs_text():
    with pytest.raises(ValidationError, match="term: must be non-empty"):
        Term("x", "--", "D", "bath_report_2022")
    with pytest.raises(ValidationError, match="synonyms"):
        Term("x", "X", "D", "bath_report_2022", synonyms="one string")


def test_a_source_is_a_catalogue_citation_or_reference():
    term = Term("x", "X", "D", "nihr_involvement_definition#involvement")
    assert term.source.key == "nihr_involvement_definition"
    assert term.verified is True
    assert (
        term.url
        == "https://www.nihr.ac.uk/briefing-notes-researchers-public-involvement-nhs-health-and-social-care-research"
    )
    with pytest.raises(ValidationError, match="source: no source 'NIHR'"):
        Term("x", "X", "D", "NIHR")


def test_terms_are_sorted_by_name_and_repr_counts_layers():
    vocabulary = bundled_vocabulary()
    names = [normalise(t.term) for t in vocabulary.terms()]
    assert names == sorted(names)
    assert repr(vocabulary).endswith("0 from an institution>")
