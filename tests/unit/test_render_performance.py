"""The renderer's fast paths give exactly what the plain paths give.

Plain-text wrapping of single-spaced text skips ``textwrap``'s regular expressions, and
formatted money, dates and numbers are remembered per locale; both exist only for speed
(see docs/howto/benchmarks.md), so these tests pin that they change no output.
"""

import datetime as dt
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.render import plain
from participatory.render.text import _format, format_value

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


VALUES = [
    Money.gbp("1234.5"),
    Money.gbp("1234.50"),
    Money.gbp("0"),
    Money("12", "EUR"),
    dt.date(2026, 4, 6),
    Decimal("0.125"),
    Decimal("1.10"),
    Decimal("1.1"),
    3,
]


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
@pytest.mark.parametrize("share", [False, True])
def test_remembered_formatting_is_what_babel_gives(locale, share):
    for _ in range(2):  # the second time comes from what was remembered
        for value in VALUES:
            if share and not isinstance(value, Decimal | int):
                continue
            assert format_value(value, locale, share=share) == _format(value, locale, share=share)


def test_values_equal_as_numbers_but_of_different_types_are_not_confused():
    assert format_value(True, "en_GB") == "True"
    assert format_value(1, "en_GB") == "1"
    assert format_value(Decimal(1), "en_GB", share=True) == "100%"
    assert format_value(1, "en_GB") == "1"
