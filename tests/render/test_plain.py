""":mod:`participatory.render.plain`: unit tests.

The renderer's fast paths give exactly what the plain paths give.

Plain-text wrapping of single-spaced text skips ``textwrap``'s regular expressions, and
formatted money, dates and numbers are remembered per locale; both exist only for speed
(see docs/howto/benchmarks.md), so these tests pin that they change no output.
"""

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.render import plain

WORDS = st.one_of(
    st.text(alphabet="abcdefghij£,.-()[]/:", min_size=1, max_size=12),
    st.sampled_from(
        [
            "https://www.gov.uk/government/publications/a-very-long-address-that-is-longer-"
            "than-any-line-of-the-report-so-it-must-stay-whole",
            "x" * 90,
            "well-being",
            "£1,234.56",
        ]
    ),
)


INDENTS = st.sampled_from([("", None), ("  - ", "    "), ("  ", "    "), ("  ", "      ")])


def _textwrap(text, indent, hanging):
    return textwrap.wrap(
        text,
        width=plain.WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging if hanging is not None else indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


@given(words=st.lists(WORDS, max_size=60), indents=INDENTS)
def test_wrapping_single_spaced_words_is_what_textwrap_gives(words, indents):
    indent, hanging = indents
    text = " ".join(words)
    assert plain._wrap(text, indent, hanging) == _textwrap(text, indent, hanging)


@pytest.mark.parametrize(
    "text", ["", " leading", "trailing ", "two  spaces", "a\ttab", "new\nline", "   "]
)
def test_other_text_still_goes_through_textwrap(text):
    assert plain._wrap(text, "  - ", "    ") == _textwrap(text, "  - ", "    ")
