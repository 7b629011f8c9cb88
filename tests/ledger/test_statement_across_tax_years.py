"""A benefit period's change belongs to one tax year: the tax years add up, penny for penny.

``contributor_statement`` puts each week's or assessment period's change in the tax year the
period ends in (when the benefit paid for it is reduced), counting the payments on both
sides of 6 April. So over consecutive tax years the yearly changes add up to the change all
the payments make together, which the benefits engine gives when asked about all of them at
once; what each year says was kept adds up to what was received and is due, plus that
change; and a couple's joint claim changes by the same amount on both partners' statements.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import Benefit, Household, Person, UniversalCreditClaim, assess_benefits
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.money import Money
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    PaymentKind,
    PaymentStatus,
    contributor_statement,
)
from participatory.testing.benefits import (
    carers_allowance_claims,
    payment_days,
    people,
    universal_credit_claims,
)
from participatory.testing.ledger import consent_records, household_records, payment_entries

from .conftest import agreed, fee

#: Payments fall from ten weeks before 6 April 2025 to seven weeks after it: every week and
#: assessment period they change ends in 2024/25 or 2025/26, whose figures are bundled.
FIRST_DAY = dt.date(2025, 1, 27)
LAST_DAY = dt.date(2025, 5, 25)
YEARS = (2024, 2025)
AS_AT = dt.date(2026, 3, 30)


def _around_6_april(members: Sequence[str]) -> st.SearchStrategy[list[PaymentEntry]]:
    """Up to 8 payments to ``members``, of any kind and status, received near 6 April 2025."""
    days = payment_days(FIRST_DAY, LAST_DAY)
    entry = st.builds(
        lambda paid, on, worked: attrs.evolve(paid, received_on=on, worked_on=worked),
        payment_entries(members),
        days,
        st.none() | days,
    )
    return st.lists(entry, max_size=8, unique_by=lambda p: p.id)


def _total(outcomes: Iterable[PeriodOutcome]) -> Money:
    return Money.total(o.change for o in outcomes)


def _years_add_up(record: HouseholdRecord, payments: list[PaymentEntry]) -> None:
    """Over 2024/25 and 2025/26, each member's two statements add up to the whole span's."""
    household = record.household
    members = [p.id for p in household.people]
    book = Ledger(
        contributors=[Contributor(m) for m in members], households=[record], payments=payments
    )
    couple = household.couple
    counted = [p for p in payments if p.counts]
    # The whole span at once: each member's payments on top of the others' (their own
    # benefits), and everyone's together (a couple's joint claims).
    together = assess_benefits(household, [p.receipt for p in counted])
    joint_total = _total(o for o in together.outcomes if not o.benefit.personal)
    for member in members:
        mine = [p.receipt for p in counted if p.person == member]
        others = [p.receipt for p in counted if p.person != member]
        alone = assess_benefits(household, mine, already=others)
        own_total = _total(o for o in alone.outcomes if o.benefit.personal or not couple)
        years = [contributor_statement(book, member, y, as_at=AS_AT) for y in YEARS]
        assert all(year.checked for year in years)
        assert Money.total(year.change for year in years) == own_total
        taken = [p for p in counted if p.person == member and p.kind is not PaymentKind.DECLINED]
        paid = Money.total(p.amount for p in taken if p.status is PaymentStatus.PAID)
        due = Money.total(p.amount for p in taken if p.status is not PaymentStatus.PAID)
        assert Money.total(year.received for year in years) == paid
        assert Money.total(year.kept for year in years) == paid + due + own_total
        assert Money.total(year.joint_change for year in years) == (
            joint_total if couple else Money.gbp("0.00")
        )
        for year in years:
            # The year's periods show its change, each line in the year its period ends in.
            lines = [line for p in (*year.weeks, *year.assessment_periods) for line in p.benefits]
            assert all(line.period.end in year.tax_year.range for line in lines)
            assert Money.total(line.change for line in lines if not line.joint) == year.change
            assert Money.total(line.change for line in lines if line.joint) == year.joint_change


def test_a_couples_joint_claim_across_6_april_is_lost_once_in_the_year_its_ap_ends() -> None:
    """Amira and Bilal claim Universal Credit jointly from 10 March 2025 (APs from the 10th),
    both 25 or over, no children, no LCWRA: no work allowance (UC Regs 2013 reg. 22), so the
    55% taper takes every pound. The AP 10 March - 9 April 2026 takes the 2025/26 figures,
    read on its first day: couple standard allowance £628.10 (universal_credit.toml).

    Amira £100 on 20 March 2026 (tax year 2025/26), Bilal £200 on 7 April 2026 (2026/27):
    £300 x 55% = £165.00 off, £628.10 becoming £463.10. The AP ends on 9 April 2026, so its
    change is 2026/27's, on both partners' statements, and in neither's own change or kept:
    the 2025/26 statements show no change (Amira's shows the AP with her £100).
    """
    home = Household(
        people=[Person("amira"), Person("bilal")],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
    )
    book = Ledger(
        contributors=[Contributor("amira"), Contributor("bilal")],
        households=[HouseholdRecord("h-j", home, [agreed("amira"), agreed("bilal")])],
        payments=[
            fee("a1", "amira", "100.00", "2026-03-20"),
            fee("b1", "bilal", "200.00", "2026-04-07"),
        ],
    )
    on = dt.date(2026, 4, 30)
    for person, received in (("amira", ("100.00", "0.00")), ("bilal", ("0.00", "200.00"))):
        earlier, later = (contributor_statement(book, person, y, as_at=on) for y in (2025, 2026))
        assert (earlier.received, later.received) == tuple(Money.gbp(r) for r in received)
        assert (earlier.kept, later.kept) == (earlier.received, later.received)
        assert earlier.joint_change == Money.gbp("0.00")
        assert all(not p.benefits for p in earlier.assessment_periods)
        assert later.joint_by_benefit == {Benefit.UNIVERSAL_CREDIT: Money.gbp("-165.00")}
        assert later.change == Money.gbp("0.00")
        (ap,) = later.assessment_periods
        assert (ap.period.start, ap.period.end) == (dt.date(2026, 3, 10), dt.date(2026, 4, 9))
        (line,) = ap.benefits
        assert line.joint
        assert (line.before, line.after) == (Money.gbp("628.10"), Money.gbp("463.10"))
    amira = contributor_statement(book, "amira", 2025, as_at=on)
    assert [p.received for p in amira.assessment_periods] == [Money.gbp("100.00")]


@st.composite
def _on_universal_credit(draw: st.DrawFn, members: Sequence[str]) -> HouseholdRecord:
    """A single person, or a couple on a joint claim, on Universal Credit alone."""
    week_start = draw(st.integers(0, 6))
    adults = [
        attrs.evolve(draw(people(m, week_start)), carers_allowance=None, esa=None) for m in members
    ]
    home = Household(people=adults, universal_credit=draw(universal_credit_claims()))
    return HouseholdRecord("h-uc", home, [draw(consent_records(m)) for m in members])


@st.composite
def _carer(draw: st.DrawFn) -> HouseholdRecord:
    """A carer on Carer's Allowance alone, their benefit week starting on any day."""
    week_start = draw(st.integers(0, 6))
    carer = attrs.evolve(
        draw(people("c0", week_start)),
        carers_allowance=draw(carers_allowance_claims(week_start)),
        esa=None,
    )
    return HouseholdRecord("h-ca", Household(people=[carer]), [draw(consent_records("c0"))])


@settings(max_examples=60)
@given(st.data())
def test_a_single_persons_universal_credit_changes_add_up_over_the_years(
    data: st.DataObject,
) -> None:
    record = data.draw(_on_universal_credit(("c0",)))
    _years_add_up(record, data.draw(_around_6_april(("c0",))))


@settings(max_examples=60)
@given(st.data())
def test_a_couples_joint_claim_changes_add_up_over_the_years(data: st.DataObject) -> None:
    record = data.draw(_on_universal_credit(("c0", "c1")))
    _years_add_up(record, data.draw(_around_6_april(("c0", "c1"))))


@settings(max_examples=60)
@given(st.data())
def test_carers_allowance_changes_add_up_over_the_years(data: st.DataObject) -> None:
    record = data.draw(_carer())
    _years_add_up(record, data.draw(_around_6_april(("c0",))))


@settings(max_examples=60)
@given(st.data())
def test_any_households_changes_add_up_over_the_years(data: st.DataObject) -> None:
    members = data.draw(st.sampled_from([("c0",), ("c0", "c1")]))
    record = data.draw(household_records(members))
    _years_add_up(record, data.draw(_around_6_april(members)))
