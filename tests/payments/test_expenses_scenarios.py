""":mod:`participatory.payments.expenses`: scenarios.

Payment figures from the guidance and the Bath report, worked by hand.
"""

import datetime as dt

from participatory.core.money import Money
from participatory.payments import (
    Vehicle,
    cost_mileage,
    cost_remote_meeting,
)


def test_mileage_at_45p_and_25p_after_10000_miles():
    """HMRC mileage rates (secondary sources, unverified on gov.uk): car 45p a mile for the
    first 10,000 miles, 25p after; 5p a mile per passenger.

    9,990 miles already: 20 miles = 10 x 45p + 10 x 25p = £4.50 + £2.50 = £7.00,
    plus 1 passenger x 20 x 5p = £1.00; total £8.00.
    """
    trip = cost_mileage(
        Vehicle.CAR, 20, as_at=dt.date(2025, 6, 2), passengers=1, miles_already_this_tax_year=9990
    )
    assert trip.amount == Money.gbp(8)
    assert trip.has("PAY-EXPENSE-FLAT-RATE")


def test_cost_remote_meeting():
    """£5 per remote meeting (Imperial PERC template; York; Ace Centre). 3 x £5 = £15."""
    assert cost_remote_meeting(as_at=dt.date(2025, 1, 10), meetings=3).amount == Money.gbp(15)
