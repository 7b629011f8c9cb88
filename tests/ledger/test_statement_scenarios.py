"""A contributor's year, worked by hand (2025/26 figures unless a test says otherwise).

Carer's Allowance: limit £196.00 a week, rate £83.30, earnings counted in the following
Monday-to-Sunday benefit week (Up-rating Regulations 2025 reg. 4; ICA Regs 1976 reg. 8).
Universal Credit: work allowance with housing costs £411.00 an assessment period, taper 55%
(UC Regs 2013 reg. 22). The reporting duties are the engine's (UC journal; ESA form PW1; a
Carer's Allowance change of circumstances, to Social Security Scotland for Carer Support
Payment).
"""

from __future__ import annotations

import datetime as dt

from participatory.benefits import (
    Benefit,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    Person,
    UniversalCreditClaim,
)
from participatory.core.money import Money
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PeriodKind,
    contributor_statement,
)
from participatory.render.text import sentence

from .conftest import agreed, carer_ledger, couple_ledger, fee

YEAR_END = dt.date(2026, 4, 30)


def test_the_carers_year_two_payers_one_week() -> None:
    """£150 (13 Jan) + £150 (14 Jan) = £300 > £196: the week 19-25 January loses £83.30.

    Received £300.00; benefits changed by -£83.30; kept £300.00 - £83.30 = £216.70. Duty: tell
    the Carer's Allowance Unit about £300.00 of earnings in the week 12-18 January.
    """
    ledger = carer_ledger(
        [
            fee("r-1", "amira", "150.00", "2026-01-13", project="river"),
            fee("p-1", "amira", "150.00", "2026-01-14", payer="NHS trust"),
        ]
    )
    year = contributor_statement(ledger, "amira", 2025, as_at=YEAR_END)
    assert year.checked
    assert year.received == Money.gbp("300.00")
    assert year.by_benefit == {Benefit.CARERS_ALLOWANCE: Money.gbp("-83.30")}
    assert year.kept == Money.gbp("216.70")
    paid, lost = year.weeks
    assert paid.kind is PeriodKind.WEEK
    assert paid.received == Money.gbp("300.00")
    assert (paid.period.start, paid.period.end) == (dt.date(2026, 1, 12), dt.date(2026, 1, 18))
    (line,) = lost.benefits
    assert line.cliff
    assert line.change == Money.gbp("-83.30")
    assert lost.kept == Money.gbp("-83.30")
    (duty,) = year.by_rule("LEDGER-REPORT-CARERS-ALLOWANCE")
    assert duty.values["amount"] == Money.gbp("300.00")
    assert "Carer's Allowance Unit" in sentence(duty, locale="en_GB", include_sensitive=True)
    assert year.has("BEN-REPORT-CARERS-ALLOWANCE")
    assert year.has("BEN-CAVEAT")


def test_in_scotland_the_duty_is_to_social_security_scotland() -> None:
    ledger = carer_ledger([fee("r-1", "amira", "250.00", "2026-01-13")], nation="scotland")
    year = contributor_statement(ledger, "amira", 2025, as_at=YEAR_END)
    (duty,) = year.by_rule("LEDGER-REPORT-CARERS-ALLOWANCE")
    text = sentence(duty, locale="en_GB", include_sensitive=True)
    assert "Carer Support Payment" in text
    assert "Social Security Scotland" in text


def test_a_joint_claim_shows_the_couples_change_apart_from_the_persons() -> None:
    """Ann £300 (10 June), Bob £300 (12 June): the joint award falls by £103.95.

    The couple earn £600 - £411 = £189 over; 55% = £103.95 off their joint award, shown as
    the joint claim's, not in Ann's own change: she has no benefit of her own, so her change
    is £0.00 and she kept £300.00; the duty is to report her £300.00 in the journal for 1-30
    June. (tests/ledger/test_statement_joint_claim.py has both partners' statements.)
    """
    ledger = couple_ledger(
        [fee("a", "ann", "300.00", "2025-06-10"), fee("b", "bob", "300.00", "2025-06-12")]
    )
    year = contributor_statement(ledger, "ann", 2025, as_at=YEAR_END)
    assert year.received == Money.gbp("300.00")
    assert year.change == Money.gbp("0.00")
    assert year.joint_change == Money.gbp("-103.95")
    assert year.kept == Money.gbp("300.00")
    (june,) = year.assessment_periods
    assert june.kind is PeriodKind.ASSESSMENT_PERIOD
    assert (june.period.start, june.period.end) == (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert june.received == Money.gbp("300.00")
    (journal,) = year.by_rule("LEDGER-REPORT-UC-JOURNAL")
    assert journal.values["amount"] == Money.gbp("300.00")


def test_a_period_across_6_april_counts_the_payments_on_both_sides() -> None:
    """Cara's assessment period runs 20 March to 19 April 2026 (2025/26 figures, £411).

    £300 on 1 April (2025/26) and £300 on 10 April (2026/27): the period's earnings are
    £600, £189 over the allowance, £103.95 off; without the 1 April fee, £300 is within it.
    The period ends in 2026/27, when the Universal Credit paid for it is reduced: the
    2026/27 statement shows its -£103.95, counting the 1 April fee with the 10 April one;
    the 2025/26 statement shows the period with its own £300 received and no change, so
    the two years lose £103.95 once.
    """
    home = Household(
        people=[Person("cara")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 3, 20), housing_costs_element=True
        ),
    )
    ledger = Ledger(
        contributors=[Contributor("cara")],
        households=[HouseholdRecord("h-cara", home, [agreed("cara")])],
        payments=[
            fee("a", "cara", "300.00", "2026-04-01"),
            fee("b", "cara", "300.00", "2026-04-10"),
        ],
    )
    earlier, later = (
        contributor_statement(ledger, "cara", year, as_at=YEAR_END) for year in (2025, 2026)
    )
    for year in (earlier, later):
        assert year.received == Money.gbp("300.00")
        (period,) = year.assessment_periods
        assert (period.period.start, period.period.end) == (
            dt.date(2026, 3, 20),
            dt.date(2026, 4, 19),
        )
    assert (earlier.change, earlier.assessment_periods[0].change) == (Money.gbp("0.00"),) * 2
    assert earlier.kept == Money.gbp("300.00")
    assert later.assessment_periods[0].change == Money.gbp("-103.95")
    assert (later.change, later.kept) == (Money.gbp("-103.95"), Money.gbp("196.05"))


def test_planned_cancelled_and_declined_payments() -> None:
    """Planned £40 is due, not received; cancelled £500 is nothing; declined £75 not received."""
    ledger = carer_ledger(
        [
            fee("paid", "amira", "60.00", "2025-05-06"),
            fee("plan", "amira", "40.00", "2026-03-03", status="planned"),
            fee("gone", "amira", "500.00", "2025-05-07", status="cancelled"),
            fee("no", "amira", "75.00", "2025-05-08", kind="declined"),
        ]
    )
    year = contributor_statement(ledger, "amira", 2025, as_at=dt.date(2026, 1, 1))
    assert (year.received, year.due) == (Money.gbp("60.00"), Money.gbp("40.00"))
    assert year.change == Money.gbp("0.00")
    assert year.kept == Money.gbp("100.00")


def test_esa_permitted_work_duty_names_form_pw1() -> None:
    home = Household(
        people=[Person("dev", esa=EmploymentSupportAllowanceClaim(weekly_award="92.05"))]
    )
    ledger = Ledger(
        contributors=[Contributor("dev")],
        households=[HouseholdRecord("h-dev", home, [agreed("dev")])],
        payments=[fee("a", "dev", "50.00", "2025-06-10", hours="3")],
    )
    year = contributor_statement(ledger, "dev", 2025, as_at=YEAR_END)
    (duty,) = year.by_rule("LEDGER-REPORT-ESA")
    assert "PW1" in sentence(duty, locale="en_GB", include_sensitive=True)
    assert year.has("BEN-REPORT-ESA-PW1")


def test_without_usable_circumstances_the_statement_lists_payments_only() -> None:
    ledger = Ledger(contributors=[Contributor("eve")],
                    payments=[fee("a", "eve", "80.00", "2025-09-01")])  # fmt: skip
    year = contributor_statement(ledger, "eve", 2025, as_at=YEAR_END)
    assert not year.checked
    assert year.received == Money.gbp("80.00")
    assert year.has("LEDGER-STATEMENT-NOT-CHECKED")
    assert not year.assessment_periods
    lapsed = contributor_statement(
        carer_ledger([fee("a", "amira", "80.00", "2025-09-01")]), "amira", 2025,
        as_at=dt.date(2027, 6, 1),
    )  # fmt: skip
    assert not lapsed.checked
