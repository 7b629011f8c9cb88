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
from participatory.render.view import build_view
from participatory.testing.report import governance_reports

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


@given(
    value=st.one_of(
        st.text(max_size=30),
        st.sampled_from(["meeting", "people who use mental health services", "a\x1bb", "café"]),
    ),
    locale=st.sampled_from(["en_GB", "cy"]),
)
def test_a_text_value_is_formatted_as_the_plain_path_formats_it(value, locale):
    """format_value's path for a text (no decimal context) gives what _format gives."""
    from participatory.render import text as text_module

    assert text_module.format_value(value, locale) == text_module._format(value, locale)


class _Forgetful(dict):
    """A memo that never answers: every finding's citations are put in words afresh."""

    def get(self, key, default=None):
        return None


@given(report=governance_reports(), locale=st.sampled_from(["en_GB", "cy"]))
def test_citations_put_in_words_once_per_report_read_as_each_alone(report, locale):
    """render_text puts each list of citations in words once per report (issue 18)."""
    view = build_view(report, locale=locale, include_sensitive=True)
    remembered: dict = {}
    for section in view.sections:
        assert plain._section(section, view, remembered) == plain._section(
            section, view, _Forgetful()
        )
