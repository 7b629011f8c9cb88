"""Scotland's and Northern Ireland's carer figures for 2026/27: what was found, and what was not.

Looked for on 2026-12-07 at legislation.gov.uk, the Scottish Government, Social Security
Scotland, mygov.scot, nidirect and the Department for Communities (stored copies):

- Scotland, Carer Support Payment weekly rate: £86.45 from Sunday 5 April 2026, found only in
  a secondary summary of SSI 2026/170 (policyengine_uk_issue_1762#csp_rate_2026: "regulation
  12(3)(a) substitutes the CSP rate from £83.30 to £86.45", in force "2026-04-05" by reg.
  1(3)); so not verified. Award weeks run Sunday to Saturday (CSP Regs 2023 reg. 2), and
  Sunday 5 April 2026 starts the 2026/27 award year, which ends on Saturday 3 April 2027.
- Scotland, earnings limit for 2026/27: £204 a week from Sunday 5 April 2026, found only in a
  third party's capture of mygov.scot's "If you work" page
  (rulespec_uk_mygovscot_csp_if_you_work_2026); so not verified. The scenarios are in
  tests/benefits/test_parameters_2026_27.py.
- Northern Ireland, Carer's Allowance earnings limit for 2026/27: not found. The last known
  limit is £196 (2025/26, secondary: transparencynews_ni_uprating_2025#ca_limit), known
  current to Sunday 5 April 2026; the library holds no NI weekly rate, so the award comes from
  the letter.

So a week in June 2026 is refused in Northern Ireland (no guess of Great Britain's £204); a
caller who accepts stale figures gets the last known limit, marked stale.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory import bundled_parameters
from participatory.benefits import Benefit, CarersAllowanceClaim, Household, Person, assess_payment
from participatory.benefits.outcomes import stale_findings
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.core.nations import Nation

GBP = Money.gbp

RATE = "scotland.carer_support_payment.weekly_rate"
SCOTTISH_LIMIT = "scotland.carer_support_payment.earnings_limit"
NI_LIMIT = "northern_ireland.carers_allowance.earnings_limit"

WEDNESDAY = "2026-06-10"  # a fee paid on Wednesday 10 June 2026


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 4), "83.30"),  # Saturday: the last day of the 2025/26 award year
        (dt.date(2026, 4, 5), "86.45"),  # Sunday: the first 2026/27 award week
        (dt.date(2026, 4, 6), "86.45"),
        (dt.date(2027, 4, 3), "86.45"),  # Saturday: the last day the 2026/27 rate is known
    ],
)
def test_the_scottish_weekly_rate_changes_on_sunday_5_april_2026(
    day: dt.date, expected: str
) -> None:
    use = bundled_parameters().use(RATE, day)
    assert use.value == Decimal(expected)
    assert not use.stale


def test_the_2026_27_scottish_rate_is_marked_unverified_with_its_secondary_source() -> None:
    use = bundled_parameters().use(RATE, dt.date(2026, 6, 14))
    assert (use.effective_from, use.source.key, use.verified) == (
        dt.date(2026, 4, 5),
        "policyengine_uk_issue_1762",
        False,
    )
    assert not use.source.source.primary


def test_the_scottish_rate_is_not_known_after_the_2026_27_award_year() -> None:
    params = bundled_parameters()
    with pytest.raises(ParametersNotAvailable) as caught:
        params.use(RATE, dt.date(2027, 4, 4))
    assert caught.value.covered_until == dt.date(2027, 4, 3)


def test_no_2026_27_earnings_limit_was_entered_for_northern_ireland() -> None:
    """Not found for 2026/27: the limit still ends with its 2025/26 year."""
    params = bundled_parameters()
    last_known_day = dt.date(2026, 4, 5)
    assert params[NI_LIMIT].valid_until == last_known_day
    assert params.use(NI_LIMIT, last_known_day).value == Decimal("196.00")
    with pytest.raises(ParametersNotAvailable):
        params.use(NI_LIMIT, last_known_day + dt.timedelta(days=1))


def test_the_scottish_2026_27_limit_is_marked_unverified() -> None:
    """£204 from Sunday 5 April 2026, read only in a third party's copy of mygov.scot."""
    use = bundled_parameters().use(SCOTTISH_LIMIT, dt.date(2026, 6, 14))
    assert (use.value, use.effective_from, use.verified) == (
        Decimal("204"),
        dt.date(2026, 4, 5),
        False,
    )


class TestNorthernIrishCarerInJune2026:
    """A Northern Irish carer whose award letter shows £85.00 a week, paid on 10 June 2026.

    (£85.00 is an illustrative letter amount: the library holds no NI weekly rate.) Benefit
    weeks here start on Monday: the fee falls in Monday 8 - Sunday 14 June and decides Monday
    15 - Sunday 21 June 2026. With no 2026/27 NI limit, the check is refused. Accepting stale
    figures, the last known limit is £196 (stale): £196.00 keeps the week's £85.00; £196.01 loses
    it.
    """

    carer = Household(
        people=[Person("niamh", carers_allowance=CarersAllowanceClaim(weekly_award="85.00"))],
        nation=Nation.NORTHERN_IRELAND,
    )

    def test_refused_without_stale_figures_at_the_earnings_limit(self) -> None:
        with pytest.raises(ParametersNotAvailable) as caught:
            assess_payment(self.carer, "196.01", WEDNESDAY, person="niamh")
        assert caught.value.name == NI_LIMIT
        assert caught.value.covered_until == dt.date(2026, 4, 5)

    @pytest.mark.parametrize(
        ("fee", "cliff", "change"), [("196.00", False, "0"), ("196.01", True, "-85.00")]
    )
    def test_with_stale_figures_just_under_and_just_over_the_last_known_limit(
        self, fee: str, cliff: bool, change: str
    ) -> None:
        result = assess_payment(self.carer, fee, WEDNESDAY, person="niamh", allow_stale=True)
        (week,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
        assert (week.period.start, week.period.end) == (dt.date(2026, 6, 15), dt.date(2026, 6, 21))
        assert week.cliff is cliff
        assert result.change() == GBP(change)
        assert [f.values["name"] for f in stale_findings(result)] == [NI_LIMIT]
