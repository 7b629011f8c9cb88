"""Which assessment periods get the 2026/27 Universal Credit rates, worked by hand from the law.

The date, from the law:

* Universal Credit Act 2025 s.1(6)(d): the standard allowance for a tax year is the one
  "applicable for any assessment period commencing on or after the first Monday of that tax
  year". The 2026-27 tax year begins on Monday 6 April 2026, so its first Monday is 6 April.
* SSAA 1992 s.150(10ZA)-(10ZB) (inserted by SI 2014/2888 reg. 7), for the other amounts: the
  first day of the first AP beginning on or after the Monday of the up-rating week, the week
  beginning with the first Monday in the tax year: again 6 April 2026.

Several news pages (one Mirror story, syndicated) say 13 April 2026; the Acts say 6 April, so
the data keeps 6 April and an AP starting 13 April is simply a later AP under the new rates.

The figures, single claimant aged 25 or over, no children, no limited capability for work,
no housing costs, so the maximum amount is the standard allowance alone (UC Regs 2013
reg. 36): £400.14 a month in 2025/26 (CPAG's 2025/26 table), £424.90 in 2026/27 (news reports
of DWP's list: upday.com, filmogaz.com, moneywellness.com; it agrees with the Act's method,
CPI 3.8% then the 2.3% uplift: 400.14 x 1.038 x 1.023 = 424.898, £424.90).

A claim's APs start on the day of the month its entitlement began (reg. 21), so:

=====================  ========================  ====================================
first day of the AP    why                       standard allowance (maximum amount)
=====================  ========================  ====================================
Sunday 5 April 2026    before the first Monday   £400.14 (2025/26)
Monday 6 April 2026    on the first Monday       £424.90 (2026/27)
Friday 13 March 2026   before; runs to 12 April  £400.14 (2025/26), though 6-12 April
                                                 fall inside it
Monday 13 April 2026   after the first Monday    £424.90 (2026/27)
=====================  ========================  ====================================

Had the news pages been right, the AP starting 6 April would have got £400.14; it gets
£424.90.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    AgeBand,
    Benefit,
    Household,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.core.money import Money

GBP = Money.gbp


def _ap_holding(day: dt.date, entitlement_began: dt.date) -> tuple[dt.date, Money]:
    """The first day of the AP holding ``day`` and its award before a 1p probe payment."""
    home = Household(
        people=[Person("me", age_band=AgeBand.AGE_25_OR_OVER)],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=entitlement_began),
    )
    (ap,) = assess_payment(home, GBP("0.01"), day).outcomes_for(Benefit.UNIVERSAL_CREDIT)
    return ap.period.start, ap.before


@pytest.mark.parametrize(
    ("entitlement_began", "paid_on", "ap_starts", "standard_allowance"),
    [
        # The AP starts the day before the first Monday: last year's rate.
        (dt.date(2026, 1, 5), dt.date(2026, 4, 20), dt.date(2026, 4, 5), "400.14"),
        # The AP starts on the first Monday, 6 April 2026: the new rate (not 13 April).
        (dt.date(2026, 1, 6), dt.date(2026, 4, 20), dt.date(2026, 4, 6), "424.90"),
        # An AP from 13 March runs over 6 April: the rate is the one on its first day.
        (dt.date(2026, 1, 13), dt.date(2026, 4, 10), dt.date(2026, 3, 13), "400.14"),
        # The next AP of the same claim starts on 13 April: the new rate.
        (dt.date(2026, 1, 13), dt.date(2026, 4, 20), dt.date(2026, 4, 13), "424.90"),
    ],
)
def test_the_2026_27_standard_allowance_applies_to_aps_starting_on_or_after_6_april_2026(
    entitlement_began: dt.date, paid_on: dt.date, ap_starts: dt.date, standard_allowance: str
) -> None:
    start, award = _ap_holding(paid_on, entitlement_began)
    assert start == ap_starts
    assert award == GBP(standard_allowance)


def test_an_ap_starting_6_april_2026_gets_the_new_rate_a_week_before_one_starting_13_april() -> (
    None
):
    """Both APs are 2026/27: 424.90 - 400.14 = £24.76 more than the 13-April reading gives
    the AP starting 6 April."""
    _, sixth = _ap_holding(dt.date(2026, 4, 20), dt.date(2026, 1, 6))
    _, thirteenth = _ap_holding(dt.date(2026, 4, 20), dt.date(2026, 1, 13))
    assert sixth == thirteenth == GBP("424.90")
    assert sixth - GBP("400.14") == GBP("24.76")
