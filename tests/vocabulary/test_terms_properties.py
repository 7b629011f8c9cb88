import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.guidance_data import policy_citation
from participatory.testing import roles as pr
from participatory.vocabulary import (
    Term,
    TermOrigin,
    bundled_vocabulary,
    normalise,
)

VOCABULARY = bundled_vocabulary()
TERMS = st.sampled_from(VOCABULARY.terms())
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)


@given(pr.spellings())
def test_lookup_ignores_case_hyphens_and_spaces(pair):
    term_id, spelling = pair
    assert VOCABULARY.lookup(spelling).term.id == term_id


@given(TERMS)
def test_lookup_of_the_canonical_name_or_id_returns_itself(term):
    assert VOCABULARY.lookup(term.term).term == term
    assert VOCABULARY.lookup(term.id).term == term
    # Idempotent: looking up the name of what was found finds the same term again.
    found = VOCABULARY.lookup(term.term).term
    assert VOCABULARY.lookup(found.term).term == found


@given(TEXT)
def test_lookup_never_raises_and_unknowns_have_no_term(text):
    found = VOCABULARY.lookup(text)
    assert found.found == (found.term is not None)
    if found.found:
        assert VOCABULARY.lookup(found.term.term).term == found.term


@given(TEXT)
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


NAMES = {normalise(t.id) for t in VOCABULARY.values()} | {
    normalise(t.term) for t in VOCABULARY.values()
}
SYNONYMS = st.from_regex(r"[A-Za-z][A-Za-z -]{0,20}", fullmatch=True).filter(
    lambda s: normalise(s) not in NAMES
)
ANY_SPELLING = st.sampled_from(
    sorted({s for t in VOCABULARY.values() for s in t.synonyms if normalise(s) not in NAMES})
)


@given(TERMS, TEXT.filter(normalise), st.lists(SYNONYMS | ANY_SPELLING, max_size=3))
def test_institution_definitions_always_win_over_bundled(term, definition, synonyms):
    """Every spelling of the replaced term, and every synonym the institution gives (even
    one another bundled term also uses), finds the institution's definition."""
    ours = Term(
        term.id, term.term, definition, policy_citation("Institution policy"), synonyms=synonyms,
        origin=TermOrigin.INSTITUTION, institution="Uni",
    )  # fmt: skip
    layered = VOCABULARY.with_definitions([ours])
    for spelling in term.spellings():
        found = layered.lookup(spelling)
        assert found.term.definition == definition
        assert found.origin is TermOrigin.INSTITUTION
        assert found.replaced == term
    for spelling in synonyms:
        assert layered.lookup(spelling).term.definition == definition


@given(TERMS, TERMS)
def test_a_synonym_may_not_take_another_terms_name(term, other):
    if term.id == other.id:
        return
    ours = Term(term.id, term.term, "Ours.", policy_citation("Us"), synonyms=[other.term.upper()])
    with pytest.raises(ValidationError) as caught:
        VOCABULARY.with_definitions([ours])
    assert caught.value.path == f"terms.{term.id}.synonyms"
