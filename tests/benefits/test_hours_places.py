"""Hours are exact to 12 decimal places, so a week's hours always add up exactly.

The 16-hour rules (ESA permitted work, Carer's Allowance's and UC's hours) compare the
sum of a week's hours, added exactly in 28 significant digits. Hours written to any number
of places could not be: regular hours of ``0E-30`` (zero, written to 30 places) with 3.3
hours paid made the check raise ``decimal.Inexact`` when its findings were read (or the
check itself). Hours are now refused past 12 places (a second is 0.000278 of an hour) by
every record that takes them, with a ``ValidationError`` naming the field; hours to 12
places add up exactly (168 at most each: 15 digits).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import Household, Person, Receipt, assess_benefits
from participatory.benefits.claims import EmploymentSupportAllowanceClaim
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.ledger import PaymentEntry

_TOO_MANY = ("0E-30", "1.000000000000000000000000000001", "2.5000000000000", "1E-13")


def _esa(weekly_hours: object) -> Household:
    claim = EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("92.05"))
    return Household(people=[Person("me", esa=claim, weekly_hours=weekly_hours)])


@pytest.mark.parametrize("written", _TOO_MANY)
def test_hours_past_twelve_places_are_refused_by_their_field(written: str) -> None:
    """Given as Decimals (text with an exponent is not a number the library reads)."""
    refusals = (
        (lambda: _esa(Decimal(written)), "weekly_hours"),
        (lambda: Receipt("50", "2026-05-12", hours=Decimal(written)), "hours"),
        (
            lambda: PaymentEntry("p", "me", "50", "2026-05-12", payer="u", hours=Decimal(written)),
            "hours",
        ),
    )
    for make, path in refusals:
        with pytest.raises(ValidationError) as caught:
            make()
        assert caught.value.path == path
        assert caught.value.problem == "must have at most 12 decimal places"
        assert written not in str(caught.value)


_HOURS = st.decimals(min_value=0, max_value=168, places=12, allow_nan=False, allow_infinity=False)


@given(regular=_HOURS, paid=st.lists(_HOURS, min_size=1, max_size=6))
def test_any_hours_to_twelve_places_are_checked_and_explained(
    regular: Decimal, paid: list[Decimal]
) -> None:
    """Regular hours and each payment's hours to 12 places, in one ESA week: the check
    answers and explains itself, whatever the places."""
    receipts = tuple(Receipt("5", "2026-05-12", hours=h, person="me") for h in paid)
    check = assess_benefits(_esa(regular), receipts)
    assert check.findings
    assert check.change() <= Money.gbp("0")
