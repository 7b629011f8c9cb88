""":mod:`participatory.render.text`: unit tests.

The renderer's fast paths give exactly what the plain paths give.

Plain-text wrapping of single-spaced text skips ``textwrap``'s regular expressions, and
formatted money, dates and numbers are remembered per locale; both exist only for speed
(see docs/howto/benchmarks.md), so these tests pin that they change no output.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.render.text import _format, format_value, sentence


def test_welsh_formatting_of_money_and_dates(extra_templates):
    import datetime as dt

    extra_templates({"test.due": "{fee} {due}"})
    finding = Finding(
        "X", Severity.INFO, "test.due", {"fee": Money.gbp("1234.50"), "due": dt.date(2026, 4, 6)}
    )
    assert sentence(finding, locale="cy") == "£1,234.50 6 Ebrill 2026"


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
