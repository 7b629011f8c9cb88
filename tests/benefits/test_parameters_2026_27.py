"""Three 2026/27 figures whose absence refused checks: what was found, and where.

Looked for on 2026-12-07:

- Universal Credit, lower disabled child addition: £164.79 a month, read in the revised text
  of the Universal Credit Regulations 2013 reg. 36 (a word-for-word copy of legislation.gov.uk's
  XML, valid 30 April 2026), whose table row reads "lower rate £164.79 higher rate £514.71" and
  whose annotation says the amounts were substituted by the Social Security Benefits Up-rating
  Order 2026 (SI 2026/148) art. 32(2) and Sch. 13 (uc_regs_2013_reg_36_2026). Primary, so
  verified. The same table gives the standard allowance for a single claimant aged 25 or over
  (£424.90) and the child element for a child born after 6 April 2017 (£303.94). It applies
  from the first assessment period beginning on or after Monday 6 April 2026 (the file's
  convention). One parameter serves Great Britain and Northern Ireland: the library reads
  Great Britain's published figures for Northern Ireland too and says so in a finding.
- Scotland, Carer Support Payment earnings limit: £204 a week, found only in a third party's
  capture of mygov.scot ("Your 'take home pay' cannot be more than £204 a week", retrieved 10
  June 2026: rulespec_uk_mygovscot_csp_if_you_work_2026), so not verified. Entered from Sunday
  5 April 2026, the first 2026/27 award week (the capture gives no day).
- Northern Ireland, Carer's Allowance earnings limit: not found at nidirect, the Department for
  Communities or in any NI up-rating instrument stored; nothing was entered, so a 2026/27 NI
  week is still refused rather than given Great Britain's £204.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory import bundled_parameters
from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    ChildDisability,
    Household,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.benefits.outcomes import stale_findings
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.core.nations import Nation

GBP = Money.gbp

LOWER = "universal_credit.disabled_child_addition.lower"
SCOTTISH_LIMIT = "scotland.carer_support_payment.earnings_limit"
NI_LIMIT = "northern_ireland.carers_allowance.earnings_limit"

WEDNESDAY = "2026-06-10"  # a fee paid on Wednesday 10 June 2026


# --- Universal Credit: the lower disabled child addition ---------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 5), "158.76"),  # Sunday: the 2025/26 figure still applies
        (dt.date(2026, 4, 6), "164.79"),  # Monday 6 April 2026: the 2026/27 figure
        (dt.date(2027, 4, 5), "164.79"),  # the last day the file's 2026/27 figures are known
    ],
)
def test_the_lower_addition_changes_on_monday_6_april_2026(day: dt.date, expected: str) -> None:
    use = bundled_parameters().use(LOWER, day)
    assert use.value == Decimal(expected)
    assert not use.stale


def test_the_2026_27_lower_addition_is_verified_at_the_regulation() -> None:
    use = bundled_parameters().use(LOWER, dt.date(2026, 6, 1))
    assert (use.effective_from, use.source.key, use.verified) == (
        dt.date(2026, 4, 6),
        "uc_regs_2013_reg_36_2026",
        True,
    )
    assert use.source.source.primary
    assert "£164.79" in (use.source.passage.quote or "")


def _parent_with_a_disabled_child(nation: Nation = Nation.ENGLAND) -> Household:
    child = Child(born_on=dt.date(2019, 3, 1), disability=ChildDisability.LOWER)
    return Household(
        people=[Person("me")],
        children=[child],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
        nation=nation,
    )


class TestParentWithALowerRateDisabledChild:
    """A single parent aged 25 or over, on Universal Credit from 1 May 2025 (assessment periods
    run from the 1st of each month), with one child born 1 March 2019 who gets DLA at a rate
    that brings the lower disabled child addition.

    AP 1 June - 30 June 2026 (begins after Monday 6 April 2026, so 2026/27 amounts, reg. 36):
    424.90 standard allowance + 303.94 child element + 164.79 lower addition = £893.63.
    AP 1 April - 30 April 2026 began before 6 April, so 2025/26 amounts still apply:
    400.14 + 292.81 + 158.76 = £851.71 (as in test_universal_credit_scenarios).
    A 1p probe payment leaves each maximum as it is before.
    """

    def test_june_2026_is_assessed_with_the_2026_27_addition(self) -> None:
        result = assess_payment(_parent_with_a_disabled_child(), GBP("0.01"), WEDNESDAY)
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert (ap.period.start, ap.period.end) == (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
        assert ap.before == GBP("893.63")
        assert not stale_findings(result)

    def test_april_2026_still_has_the_2025_26_addition(self) -> None:
        result = assess_payment(_parent_with_a_disabled_child(), GBP("0.01"), "2026-04-10")
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert ap.period.start == dt.date(2026, 4, 1)
        assert ap.before == GBP("851.71")

    def test_in_northern_ireland_the_same_great_britain_figure_is_used_and_said(self) -> None:
        """No separate NI parameter: the same £893.63, with the finding that NI's own
        regulations have so far had the same amounts as Great Britain's."""
        home = _parent_with_a_disabled_child(Nation.NORTHERN_IRELAND)
        result = assess_payment(home, GBP("0.01"), WEDNESDAY)
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert ap.before == GBP("893.63")
        assert result.has("BEN-UC-NORTHERN-IRELAND")


# --- Scotland: the Carer Support Payment earnings limit ----------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 4, 4), "196.00"),  # Saturday: the last day of the 2025/26 award year
        (dt.date(2026, 4, 5), "204.00"),  # Sunday: the first 2026/27 award week
        (dt.date(2027, 4, 3), "204.00"),  # Saturday: the last day of the 2026/27 award year
    ],
)
def test_the_scottish_limit_changes_on_sunday_5_april_2026(day: dt.date, expected: str) -> None:
    use = bundled_parameters().use(SCOTTISH_LIMIT, day)
    assert use.value == Decimal(expected)
    assert not use.stale


def test_the_scottish_limit_is_unverified_with_its_secondary_source() -> None:
    params = bundled_parameters()
    use = params.use(SCOTTISH_LIMIT, dt.date(2026, 6, 14))
    assert (use.effective_from, use.source.key, use.verified) == (
        dt.date(2026, 4, 5),
        "rulespec_uk_mygovscot_csp_if_you_work_2026",
        False,
    )
    assert not use.source.source.primary
    assert params[SCOTTISH_LIMIT].valid_until == dt.date(2027, 4, 3)
    with pytest.raises(ParametersNotAvailable):
        params.use(SCOTTISH_LIMIT, dt.date(2027, 4, 4))


class TestScottishCarerPaidAtTheLimitInJune2026:
    """A Scottish carer on Carer Support Payment paid a fee on Wednesday 10 June 2026.

    Award weeks run Sunday to Saturday: the fee falls in Sunday 7 - Saturday 13 June and
    decides the next week, Sunday 14 - Saturday 20 June 2026. The 2026/27 limit is £204:
    £204.00 is not over it, so the week's payment is kept; £204.01 is a penny over, so the
    whole week's £86.45 (the 2026/27 weekly rate) is lost. Nothing is stale.
    """

    carer = Household(
        people=[Person("isla", carers_allowance=CarersAllowanceClaim())], nation=Nation.SCOTLAND
    )

    @pytest.mark.parametrize(
        ("fee", "cliff", "change"), [("204.00", False, "0"), ("204.01", True, "-86.45")]
    )
    def test_answered_just_at_and_just_over_the_limit(
        self, fee: str, cliff: bool, change: str
    ) -> None:
        result = assess_payment(self.carer, fee, WEDNESDAY, person="isla")
        (week,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
        assert (week.period.start, week.period.end) == (dt.date(2026, 6, 14), dt.date(2026, 6, 20))
        assert week.cliff is cliff
        assert result.change() == GBP(change)
        assert not stale_findings(result)


# --- Northern Ireland: the Carer's Allowance earnings limit (not found) ------------------


def test_the_northern_irish_limit_was_not_found_so_june_2026_is_still_refused() -> None:
    """No 2026/27 NI figure was found: the limit still ends on Sunday 5 April 2026."""
    carer = Household(
        people=[Person("niamh", carers_allowance=CarersAllowanceClaim(weekly_award="85.00"))],
        nation=Nation.NORTHERN_IRELAND,
    )
    with pytest.raises(ParametersNotAvailable) as caught:
        assess_payment(carer, "204.00", WEDNESDAY, person="niamh")
    assert caught.value.name == NI_LIMIT
    assert caught.value.covered_until == dt.date(2026, 4, 5)
