"""The four nations: hand-worked cases for issue 19 (the benefits half).

Scotland: Carer Support Payment replaced Carer's Allowance (award weeks Sunday to Saturday;
2025/26 limit £196, rate £83.30 from Sunday 6 April 2025: sg_news_csp_earnings_limit_2025);
Scottish Child Payment (£27.15 a week from April 2025) is paid only with a qualifying benefit
such as Universal Credit. Northern Ireland: its own Universal Credit Regulations (NI) 2016 with
the same amounts; Carer's Allowance under the NI 1976 regulations (limit £196 for 2025/26,
secondary; no weekly rate in the data, so the award must come from the letter).
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.core.errors import ParametersNotAvailable, UnsupportedCase
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.render.text import sentence


class TestScottishCarer:
    """A Scottish carer paid £200 on Wednesday 11 June 2025.

    Carer Support Payment's award week runs Sunday to Saturday, so the fee falls in the week
    Sunday 8 - Saturday 14 June; £200 is over the £196 limit by £4, so the payment for the
    next week, Sunday 15 - Saturday 21 June, £83.30, is lost.
    """

    carer = Household(
        people=[Person("isla", carers_allowance=CarersAllowanceClaim())], nation=Nation.SCOTLAND
    )

    def test_the_next_sunday_week_is_lost(self) -> None:
        result = assess_payment(self.carer, "200.00", "2025-06-11", person="isla")
        (week,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
        assert (week.period.start, week.period.end) == (dt.date(2025, 6, 15), dt.date(2025, 6, 21))
        assert week.cliff
        assert result.change() == Money.gbp("-83.30")

    def test_the_findings_name_carer_support_payment_and_social_security_scotland(self) -> None:
        result = assess_payment(self.carer, "200.00", "2025-06-11", person="isla")
        text = " ".join(sentence(f, locale="en_GB", include_sensitive=True) for f in result)
        assert "Carer Support Payment" in text
        assert "Social Security Scotland" in text
        assert "Carer's Allowance Unit" not in text

    def test_a_week_without_a_known_limit_is_refused_not_guessed(self) -> None:
        """The Carer Support Payment earnings limit is known to Saturday 3 April 2027 (£204
        for 2026/27, mygov.scot, not verified): a fee in June 2027 is refused, not given
        Great Britain's limit or the last known one."""
        with pytest.raises(ParametersNotAvailable):
            assess_payment(self.carer, "200.00", "2027-06-09", person="isla")


class TestScottishFamilyLosingUniversalCredit:
    """A Scottish single parent (25+, one child born 2019) on UC from 1 May 2025.

    Maximum amount 400.14 + 292.81 = 692.95; work allowance £684 (no housing costs). A
    £2,000 fee in the AP 1-31 July 2025: (2,000 - 684) x 55% = 723.80, more than 692.95, so
    the award is nil — and Scottish Child Payment, which needs Universal Credit, may stop.
    """

    def test_scottish_child_payment_is_flagged(self) -> None:
        home = Household(
            people=[Person("ava")],
            children=[Child(born_on=dt.date(2019, 5, 1))],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
            nation=Nation.SCOTLAND,
        )
        result = assess_payment(home, "2000.00", "2025-07-10", person="ava")
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert ap.before == Money.gbp("692.95")
        assert ap.after == Money.gbp("0")
        (scp,) = result.by_rule("BEN-SCOTTISH-CHILD-PAYMENT")
        assert scp.values["rate"] == Money.gbp("27.15")


class TestNorthernIreland:
    def test_universal_credit_is_the_same_arithmetic_with_ni_citations(self) -> None:
        """Single 25+, LCW, UC from 1 May 2025: (700 - 684) x 55% = £8.80, as in GB."""
        from participatory.benefits import WorkCapability

        home = Household(
            people=[Person("niamh", capability=WorkCapability.LCW)],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
            nation=Nation.NORTHERN_IRELAND,
        )
        result = assess_payment(home, "700.00", "2025-06-10", person="niamh")
        assert result.change(Benefit.UNIVERSAL_CREDIT) == Money.gbp("-8.80")
        keys = {c.key for f in result.findings for c in f.citations}
        assert "uc_regs_ni_2016" in keys
        assert "uc_regs_2013" not in keys
        assert result.has("BEN-UC-NORTHERN-IRELAND")

    def test_a_legacy_benefit_there_is_refused(self) -> None:
        home = Household(
            legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award="90.00"),
            nation=Nation.NORTHERN_IRELAND,
        )
        with pytest.raises(UnsupportedCase, match="Northern Ireland"):
            assess_payment(home, "10.00", "2025-06-10")

    def test_carers_allowance_needs_the_award_from_the_letter(self) -> None:
        carer = Household(
            people=[Person(carers_allowance=CarersAllowanceClaim())],
            nation=Nation.NORTHERN_IRELAND,
        )
        with pytest.raises(UnsupportedCase, match="weekly_award"):
            assess_payment(carer, "250.00", "2025-06-11")
        with_award = Household(
            people=[Person(carers_allowance=CarersAllowanceClaim(weekly_award="83.30"))],
            nation=Nation.NORTHERN_IRELAND,
        )
        assert assess_payment(with_award, "250.00", "2025-06-11").change() == Money.gbp("-83.30")
