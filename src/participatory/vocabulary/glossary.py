"""The glossary page, generated from the vocabulary data so the docs never drift from it.

>>> text = glossary_markdown(terms=["co_researcher"])
>>> print(text.splitlines()[0])
## Co-researcher (peer / community researcher)
"""

from __future__ import annotations

from collections.abc import Iterable

from participatory.core.text import markdown_link, markdown_text
from participatory.vocabulary.files import bundled_vocabulary
from participatory.vocabulary.terms import Term, TermOrigin, Vocabulary

__all__ = ["glossary_markdown", "term_markdown"]


def _inline(text: str) -> str:
    # Running text that stays text: an institution's term, definition or note may hold
    # characters MyST would read as markup (or control characters): all escaped.
    return markdown_text(" ".join(text.split()))


def term_markdown(term: Term, vocabulary: Vocabulary, *, heading_level: int = 2) -> str:
    """One glossary entry: heading, definition, other names, confusions, source, note."""
    lines = [f"{'#' * heading_level} {_inline(term.term)}", "", _inline(term.definition), ""]
    if term.synonyms:
        names = ", ".join(f"*{_inline(s)}*" for s in term.synonyms)
        lines += [f"**Also called:** {names}", ""]
    if term.often_confused_with:
        confused = ", ".join(_inline(vocabulary[i].term) for i in term.often_confused_with)
        lines += [f"**Often confused with:** {confused}", ""]
    # The institution's URL cannot close the link early or add markup of its own.
    source = markdown_link(" ".join(term.source.short.split()), term.url)
    checked = "verified" if term.verified else "**not verified**"
    if term.origin is TermOrigin.INSTITUTION:
        checked += f"; {_inline(term.institution or 'institution')}'s own definition"
    lines += [f"**Source:** {source} ({checked})", ""]
    if term.note:
        lines += [f"**Note:** {_inline(term.note)}", ""]
    return "\n".join(lines)


def glossary_markdown(
    vocabulary: Vocabulary | None = None,
    *,
    terms: Iterable[str] | None = None,
    heading_level: int = 2,
) -> str:
    """The glossary as MyST Markdown: every term (or the ids in ``terms``), sorted by name.

    ``vocabulary`` defaults to the bundled one; pass an institution's layered vocabulary
    to publish its own glossary.
    """
    vocabulary = vocabulary or bundled_vocabulary()
    wanted = set(terms) if terms is not None else None
    entries = [
        term_markdown(term, vocabulary, heading_level=heading_level)
        for term in vocabulary.terms()
        if wanted is None or term.id in wanted
    ]
    return "\n".join(entries).rstrip("\n") + "\n" if entries else ""
