"""The sector's controlled vocabulary: what each term means here, and who says so.

Jopson (2022, section 2.1) found "no real consensus within the Public Engagement/HEI sector
around terms" and asked each university to define its own. The bundled vocabulary gives a
sourced definition for each term (NIHR, HRA, NCCPE, CQC, the report); an institution lays
its own definitions over it, and a look-up says which definition is in force and where it
came from. An unknown term is an answer, not an exception.

>>> from participatory.vocabulary import bundled_vocabulary
>>> found = bundled_vocabulary().lookup("Co-Production")
>>> found.term.id, found.origin.value
('co_production', 'bundled')
>>> bundled_vocabulary().lookup("synergy").found
False
"""

from participatory.vocabulary.files import bundled_vocabulary, load_vocabulary, parse_terms
from participatory.vocabulary.glossary import glossary_markdown, term_markdown
from participatory.vocabulary.terms import (
    LookupStatus,
    Term,
    TermLookup,
    TermOrigin,
    Vocabulary,
    normalise,
)

__all__ = [
    "LookupStatus",
    "Term",
    "TermLookup",
    "TermOrigin",
    "Vocabulary",
    "bundled_vocabulary",
    "glossary_markdown",
    "load_vocabulary",
    "normalise",
    "parse_terms",
    "term_markdown",
]
