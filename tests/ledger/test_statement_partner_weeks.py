"""A partner's payments on the other partner's statement only as they change the joint award
(TRY14-8).

``contributor_statement`` leaves out "a week or assessment period with nothing received, due
or changed", and the person never sees "their partner's payments, except as they affect the
joint award" (person-centred-view.md). Before, a couple's joint claim was listed, unchanged,
in every week either partner was paid: one partner's statement gave the weeks the other was
paid. Worked by hand from the library's Housing Benefit rule: the couple's earnings above
the £10 a week disregard for a couple (HB Regs 2006 Sch. 4 para. 5) reduce the award by 65%
of the excess (HB Regs 2006 reg. 71), in Monday-to-Sunday benefit weeks.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Household,
    HousingBenefitClaim,
    Person,
)
from participatory.core.errors import ParametersNotAvailable
from participatory.core.money import Money
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    ContributorStatement,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    StatementPeriod,
    contributor_statement,
)
from participatory.testing import benefits as bs

HB_COUPLE = Household(
    people=[Person("ann"), Person("bo")],
    housing_benefit=HousingBenefitClaim(weekly_award=Money.gbp("100.00")),
)


def _consent(person: str) -> ConsentRecord:
    return ConsentRecord(person, person, "2024-04-01", "benefits checks", "2027-03-31")


def _ledger(home: Household, payments: list[PaymentEntry]) -> Ledger:
    people = [member.id for member in home.people]
    return Ledger(
        contributors=[Contributor(person) for person in people],
        households=[HouseholdRecord("h-1", home, [_consent(person) for person in people])],
        payments=payments,
    )


def _statement(
    home: Household, payments: list[PaymentEntry], person: str = "ann", year: int = 2026
) -> ContributorStatement:
    return contributor_statement(_ledger(home, payments), person, year, as_at=dt.date(2026, 4, 1))


def _starts(periods: tuple[StatementPeriod, ...]) -> list[dt.date]:
    return [period.period.start for period in periods]


def test_a_partners_pay_that_changed_nothing_is_left_out_and_her_own_week_shows_the_claim():
    """Bo £5.00 on 10 June 2026, Ann £5.00 on 12 August: each within the £10 disregard, so
    the joint award stays £100.00. Ann's statement lists her own week of 10 to 16 August
    with the joint claim "£100.00, unchanged" (her payment reached it); not Bo's week of 8
    June. The joint claim's change for the year is £0.00, shown because Ann's own payment
    reached the claim."""
    statement = _statement(
        HB_COUPLE,
        [
            PaymentEntry("bo-1", "bo", "5.00", "2026-06-10", payer="trust"),
            PaymentEntry("ann-1", "ann", "5.00", "2026-08-12", payer="uni"),
        ],
    )
    assert _starts(statement.weeks) == [dt.date(2026, 8, 10)]
    (august,) = statement.weeks
    (line,) = august.benefits
    assert (line.joint, line.before, line.after) == (True, Money.gbp("100.00"), Money.gbp("100.00"))
    assert statement.joint_by_benefit == {Benefit.HOUSING_BENEFIT: Money.gbp("0.00")}


def test_a_partners_pay_that_changed_the_joint_award_is_shown_as_the_households():
    """Bo £300.00 on 10 June 2026: (£300 - £10) x 65% = £188.50 off a £100.00 award, so the
    week of 8 to 14 June pays nothing: -£100.00 to the joint claim. That is on Ann's
    statement (received £0.00 that week), as the household's change, never as her own."""
    statement = _statement(
        HB_COUPLE, [PaymentEntry("bo-1", "bo", "300.00", "2026-06-10", payer="trust")]
    )
    (june,) = statement.weeks
    assert june.period.start == dt.date(2026, 6, 8)
    assert (june.received, june.due, june.change) == (
        Money.gbp("0"),
        Money.gbp("0"),
        Money.gbp("0"),
    )
    assert june.joint_change == Money.gbp("-100.00")
    assert statement.joint_by_benefit == {Benefit.HOUSING_BENEFIT: Money.gbp("-100.00")}
    assert statement.kept == Money.gbp("0")


def test_beside_her_expenses_the_claim_is_not_shown_for_a_partners_pay():
    """Ann is repaid £5.00 of receipted expenses on Thursday 11 June 2026 (not earnings, so
    they reach no benefit); Bo is paid a £5.00 fee the day before, within the disregard.
    Ann's week of 8 June lists what she received and no joint line: an unchanged claim
    there would be there only because Bo was paid that week. No joint figure for the year
    either."""
    statement = _statement(
        HB_COUPLE,
        [
            PaymentEntry("bo-1", "bo", "5.00", "2026-06-10", payer="trust"),
            PaymentEntry(
                "ann-1", "ann", "5.00", "2026-06-11", payer="uni", kind="receipted_expenses"
            ),
        ],
    )
    (june,) = statement.weeks
    assert june.received == Money.gbp("5.00")
    assert june.benefits == ()
    assert statement.joint_by_benefit == {}


def test_the_week_her_earnings_count_in_is_listed_though_unchanged():
    """Amira on Carer's Allowance (2025/26 limit £196 a week) is paid £20.00 on Monday 2 March
    2026. Her earnings count in the next week, 9 to 15 March, which they leave unchanged:
    that week is hers (the week she reports the £20 in), so it is listed beside the week she
    received it. Her Carer's Allowance changed by £0.00 over the year."""
    home = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    statement = _statement(
        home, [PaymentEntry("a-1", "amira", "20.00", "2026-03-02", payer="uni")], "amira", 2025
    )
    assert _starts(statement.weeks) == [dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    (line,) = statement.weeks[1].benefits
    assert (line.benefit, line.before, line.after, line.joint) == (
        Benefit.CARERS_ALLOWANCE, Money.gbp("83.30"), Money.gbp("83.30"), False
    )  # fmt: skip
    assert statement.by_benefit == {Benefit.CARERS_ALLOWANCE: Money.gbp("0.00")}


# Generated couples.

_COUPLES = bs.households("ann", "bo").filter(lambda home: len(home.people) == 2)
_DAYS = st.dates(dt.date(2025, 4, 6), dt.date(2026, 2, 28))


@st.composite
def _payments(draw: st.DrawFn, max_size: int = 4) -> list[PaymentEntry]:
    found = []
    for index in range(draw(st.integers(0, max_size))):
        found.append(
            PaymentEntry(
                f"e-{index}",
                draw(st.sampled_from(["ann", "bo"])),
                draw(bs.pounds(1, 400)),
                draw(_DAYS),
                payer="uni",
                kind=draw(st.sampled_from(["fee", "receipted_expenses", "declined"])),
                status=draw(st.sampled_from(["paid", "planned"])),
            )
        )
    return found


def _statements(home: Household, payments: list[PaymentEntry], person: str) -> ContributorStatement:
    try:
        return _statement(home, payments, person, 2025)
    except ParametersNotAvailable:
        assume(False)
        raise


def _changed_joint_lines(statement: ContributorStatement) -> set[object]:
    return {
        (line.benefit, line.period, line.before, line.after)
        for period in (*statement.weeks, *statement.assessment_periods)
        for line in period.benefits
        if line.joint and line.change
    }


@settings(max_examples=30, deadline=None)
@given(_COUPLES, _payments(), st.sampled_from(["ann", "bo"]))
def test_every_period_listed_has_something_received_due_or_changed(home, payments, person):
    """For any couple and payments to either partner, each period a statement lists holds
    something received or due by the person, a week of their own benefit (which only their
    own payments bring), or a joint claim that changed."""
    statement = _statements(home, payments, person)
    for period in (*statement.weeks, *statement.assessment_periods):
        changed = any(line.change for line in period.benefits)
        own = any(not line.joint for line in period.benefits)
        assert period.received or period.due or changed or own


@settings(max_examples=30, deadline=None)
@given(_COUPLES, _payments(), bs.pounds(1, 20), _DAYS, st.sampled_from(["ann", "bo"]))
def test_a_partners_payment_that_changes_no_joint_award_leaves_the_statement_as_it_was(
    home, payments, amount, day, person
):
    """Add one more payment to the person's partner. Unless it changes the joint award in
    some period (a joint line that changed is added, gone or different), the person's
    statement is exactly what it was: it says nothing of the partner's pay by itself."""
    partner = "bo" if person == "ann" else "ann"
    before = _statements(home, payments, person)
    extra = PaymentEntry("extra", partner, amount, day, payer="trust")
    after = _statements(home, [*payments, extra], person)
    if _changed_joint_lines(after) == _changed_joint_lines(before):
        assert after == before
