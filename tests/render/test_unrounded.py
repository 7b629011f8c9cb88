"""An amount before rounding (``Unrounded``) is shown with all its digits, in every locale.

Worked by hand: 0.005 hours at £25.00 an hour is £0.125; 0.0001 hours is £0.0025. Written
out in full they are "£0.125" and "£0.0025" (en_GB and cy write money alike: "£", a full
stop before the pence, commas between thousands); the fee, rounded half up to the penny,
is £0.13 and £0.00.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.money import Money, Unrounded
from participatory.core.serialise import unstructure
from participatory.payments.costing import Duration, cost_activity
from participatory.payments.rates import ActivityKind, bundled_rate_card
from participatory.render.text import format_value, sentence


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0.125", "£0.125"),
        ("0.0025", "£0.0025"),
        ("-0.0025", "-£0.0025"),
        ("1234567.8951", "£1,234,567.8951"),
        ("12.5", "£12.50"),  # whole pennies: as any amount of money
        ("0.1250", "£0.125"),  # trailing zeros are no digits of the amount
    ],
)
def test_an_unrounded_amount_is_shown_with_all_its_digits(
    amount: str, shown: str, locale: str
) -> None:
    assert format_value(Unrounded(Decimal(amount), "GBP"), locale) == shown


def test_money_is_still_shown_to_the_penny() -> None:
    assert format_value(Money.gbp("0.125"), "en_GB") == "£0.12"  # CLDR: half to even


def test_an_unrounded_amount_is_money_in_every_other_respect() -> None:
    exact = Unrounded(Decimal("0.125"), "GBP")
    assert exact.quantize() == Money.gbp("0.13")
    assert type(exact + exact) is Money
    assert unstructure(exact) == "0.125 GBP"
    assert repr(exact) == "Unrounded('0.125', 'GBP')"


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
@pytest.mark.parametrize(
    ("hours", "exact", "fee"), [("0.005", "£0.125", "£0.13"), ("0.0001", "£0.0025", "£0.00")]
)
def test_a_costings_sentences_show_the_fee_before_rounding_exactly(
    hours: str, exact: str, fee: str, locale: str
) -> None:
    """Blue Heart: £25.00 an hour from 25 November 2026, no rounding rule of its own."""
    costed = cost_activity(
        bundled_rate_card("blue_heart"),
        ActivityKind.MEETING,
        Duration.hours(hours),
        as_at=dt.date(2026, 12, 1),
    )
    assert str(costed.fee.amount) == fee.removeprefix("£")
    (line,) = costed.by_rule("PAY-FEE-LINE")
    assert sentence(line, locale=locale).endswith(f"= {exact} " + line_tail(locale))
    (rounded,) = costed.by_rule("PAY-ROUND-PENNY")
    said = sentence(rounded, locale=locale)
    assert exact in said
    assert said.endswith(f"{fee}.")


def line_tail(locale: str) -> str:
    return {
        "en_GB": "(rate from 25 November 2026).",
        "cy": "(cyfradd o 25 Tachwedd 2026).",
    }[locale]
