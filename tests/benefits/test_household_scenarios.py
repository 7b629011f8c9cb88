"""Households, not flags: hand-worked cases for issues 16 and 22 (2025/26 and 2026/27 figures).

Figures used (monthly unless weekly), with their sources in the bundled data:
UC 2025/26 (APs from 7 April 2025): single 25+ £400.14, couple 25+ £628.10, LCWRA £423.27,
carer £201.68, first child born before 6 April 2017 £339.00, other child £292.81, disabled
child higher £495.87, work allowance £411 (with housing) / £684 (without), taper 55%,
capital £6,000 / £16,000, tariff £4.35 per £250 or part.
Carer's Allowance 2025/26 (from 7 April 2025): £83.30 a week, earnings limit £196 a week.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.benefits import (
    AgeBand,
    Benefit,
    CapitalHolding,
    CapitalKind,
    CarersAllowanceClaim,
    Child,
    ChildDisability,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    Receipt,
    TwoChildLimitException,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
    plan_safe_payment,
)
from participatory.core.money import Money

UC_FROM_2025_05_01 = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))


def gbp(text: str) -> Money:
    return Money.gbp(text)


class TestCarerPaidByTwoProjects:
    """£150 from one project and £150 from another in the same benefit week (Mon 12 Jan 2026).

    Each alone is within the £196 limit. Together they are £300, over it by £104: under the
    Invalid Care Allowance Regulations 1976 reg. 8(1) the earnings of week 12-18 January cost
    the allowance of the *next* week, 19-25 January 2026: £83.30.
    """

    carer = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    first = Receipt("150.00", "2026-01-13", person="amira")
    second = Receipt("150.00", "2026-01-15", person="amira")

    def test_each_project_alone_changes_nothing(self) -> None:
        assert assess_benefits(self.carer, [self.first]).changes_nothing
        assert assess_benefits(self.carer, [self.second]).changes_nothing

    def test_together_the_next_week_is_lost(self) -> None:
        result = assess_benefits(self.carer, [self.second], already=[self.first])
        (lost,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE, "amira")
        assert lost.period.start == dt.date(2026, 1, 19)
        assert lost.period.end == dt.date(2026, 1, 25)
        assert lost.cliff
        assert result.change() == gbp("-83.30")

    def test_moving_the_second_payment_a_week_keeps_the_allowance(self) -> None:
        moved = Receipt("150.00", "2026-01-20", person="amira")
        assert assess_benefits(self.carer, [moved], already=[self.first]).changes_nothing

    def test_headroom_after_the_first_payment(self) -> None:
        """£196 limit less the £150 already paid that week: £46.00 more changes nothing."""
        safe = plan_safe_payment(
            self.carer, dt.date(2026, 1, 15), person="amira", already=[self.first]
        )
        assert safe.amount == gbp("46.00")
        assert safe.binding is Benefit.CARERS_ALLOWANCE


class TestJointClaim:
    """A couple (both 25+) with one child born 2019, housing costs, UC from 1 May 2025.

    One work allowance for the household: £411 (with housing costs). Each partner is paid
    £300 in the AP 1-31 July 2025. Alone, £300 is within £411: no change. Together, £600 is
    £189 over it: 189 x 55% = £103.95 off the award.
    """

    home = Household(
        people=[Person("ann"), Person("bo")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount="500.00",
        ),
    )

    def test_each_alone_is_within_the_work_allowance(self) -> None:
        assert assess_payment(self.home, "300.00", "2025-07-10", person="ann").changes_nothing
        assert assess_payment(self.home, "300.00", "2025-07-20", person="bo").changes_nothing

    def test_together_the_household_loses(self) -> None:
        ann = Receipt("300.00", "2025-07-10", person="ann")
        result = assess_payment(self.home, "300.00", "2025-07-20", person="bo", already=[ann])
        assert result.change(Benefit.UNIVERSAL_CREDIT) == gbp("-103.95")

    def test_the_maximum_amount_is_the_couples(self) -> None:
        """628.10 couple 25+ + 292.81 child (born after 6 April 2017) + 500 housing = 1,420.91."""
        result = assess_payment(self.home, "0.01", "2025-07-10", person="ann")
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert ap.before == gbp("1420.91")


class TestElementsPerPerson:
    def test_carer_and_lcwra_on_one_person_gives_only_lcwra(self) -> None:
        """UC Regs 2013 reg. 29(4): 400.14 + 423.27 = 823.41 (not + 201.68)."""
        me = Household(
            people=[Person(capability=WorkCapability.LCWRA, carer=True)],
            universal_credit=UC_FROM_2025_05_01,
        )
        (ap,) = assess_payment(me, "0.01", "2025-07-10").outcomes
        assert ap.before == gbp("823.41")
        assert assess_payment(me, "0.01", "2025-07-10").has("BEN-UC-CARER-AND-LCWRA")

    def test_lcwra_and_carer_on_different_partners_gives_both(self) -> None:
        """628.10 + 423.27 + 201.68 = 1,253.05."""
        home = Household(
            people=[Person("a", capability=WorkCapability.LCWRA), Person("b", carer=True)],
            universal_credit=UC_FROM_2025_05_01,
        )
        (ap,) = assess_payment(home, "0.01", "2025-07-10", person="a").outcomes
        assert ap.before == gbp("1253.05")

    def test_both_partners_with_lcwra_and_one_caring_gives_the_carer_element(self) -> None:
        """UC Regs 2013 reg. 29(4): the carer element is left out only if the LCWRA element is
        the carer's; with both partners on LCWRA it can be the other partner's, so the carer
        keeps the carer element. 628.10 + 423.27 (one LCWRA element) + 201.68 = 1,253.05.
        """
        home = Household(
            people=[
                Person("a", capability=WorkCapability.LCWRA, carer=True),
                Person("b", capability=WorkCapability.LCWRA),
            ],
            universal_credit=UC_FROM_2025_05_01,
        )
        result = assess_payment(home, "0.01", "2025-07-10", person="a")
        (ap,) = result.outcomes
        assert ap.before == gbp("1253.05")
        assert not result.has("BEN-UC-CARER-AND-LCWRA")

    def test_both_partners_with_lcwra_and_both_caring_give_one_carer_element(self) -> None:
        """The one LCWRA element is one carer's (no carer element for them); the other carer
        keeps theirs: 628.10 + 423.27 + 201.68 = 1,253.05."""
        home = Household(
            people=[
                Person("a", capability=WorkCapability.LCWRA, carer=True),
                Person("b", capability=WorkCapability.LCWRA, carer=True),
            ],
            universal_credit=UC_FROM_2025_05_01,
        )
        result = assess_payment(home, "0.01", "2025-07-10", person="a")
        (ap,) = result.outcomes
        assert ap.before == gbp("1253.05")
        assert result.has("BEN-UC-CARER-AND-LCWRA")

    def test_a_couple_is_on_the_25_or_over_rate_if_either_is(self) -> None:
        home = Household(
            people=[Person("a", age_band=AgeBand.UNDER_25), Person("b")],
            universal_credit=UC_FROM_2025_05_01,
        )
        (ap,) = assess_payment(home, "0.01", "2025-07-10", person="a").outcomes
        assert ap.before == gbp("628.10")


class TestCapital:
    def _home(self, savings: str) -> Household:
        return Household(
            capital=[CapitalHolding(CapitalKind.SAVINGS, savings)],
            universal_credit=UC_FROM_2025_05_01,
        )

    def test_a_penny_over_the_upper_limit_ends_entitlement(self) -> None:
        result = assess_payment(self._home("16000.01"), "100.00", "2025-07-10")
        (ap,) = result.outcomes
        assert ap.before == ap.after == gbp("0")
        assert result.has("BEN-UC-CAPITAL-LIMIT")

    def test_at_the_upper_limit_tariff_income_applies(self) -> None:
        """(16,000 - 6,000) / 250 = 40 steps x £4.35 = £174.00: 400.14 - 174.00 = 226.14."""
        (ap,) = assess_payment(self._home("16000.00"), "0.01", "2025-07-10").outcomes
        assert ap.before == gbp("226.14")

    def test_the_home_is_not_counted(self) -> None:
        home = Household(
            capital=[CapitalHolding(CapitalKind.HOME, "250000.00")],
            universal_credit=UC_FROM_2025_05_01,
        )
        (ap,) = assess_payment(home, "0.01", "2025-07-10").outcomes
        assert ap.before == gbp("400.14")


class TestCarersAllowanceAlreadyOverTheLimit:
    def test_uc_deducts_only_what_is_paid(self) -> None:
        """Regular net earnings of £200 a week are over the £196 limit: no Carer's Allowance is
        paid, so Universal Credit counts none of it. Maximum 400.14 + carer 201.68 = 601.82,
        less 55% of the £100 counted in the AP (no work allowance) = 55.00 -> before 601.82."""
        carer = Person(carers_allowance=CarersAllowanceClaim(), weekly_earnings="200.00")
        home = Household(people=[carer], universal_credit=UC_FROM_2025_05_01)
        result = assess_payment(home, "100.00", "2025-07-10")
        (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
        assert ap.before == gbp("601.82")
        assert ap.after == gbp("546.82")


class TestChildren:
    born = (dt.date(2015, 6, 1), dt.date(2019, 6, 1), dt.date(2020, 6, 1))

    def _home(self, *disabilities: ChildDisability) -> Household:
        children = [
            Child(born_on=day, disability=disability)
            for day, disability in zip(self.born, disabilities, strict=False)
        ]
        return Household(children=children, universal_credit=UC_FROM_2025_05_01)

    def test_two_child_limit_in_2025(self) -> None:
        """400.14 + 339.00 (eldest born before 6 April 2017) + 292.81 (second); the third,
        born after 6 April 2017, gets none while the limit applies: 1,031.95."""
        home = self._home(ChildDisability.NONE, ChildDisability.NONE, ChildDisability.NONE)
        result = assess_payment(home, "0.01", "2025-07-10")
        (ap,) = result.outcomes
        assert ap.before == gbp("1031.95")
        assert result.has("BEN-UC-TWO-CHILD-LIMIT")

    def test_disabled_child_addition_is_paid_even_without_a_child_element(self) -> None:
        """+ £495.87 higher disabled child addition for the third child: 1,527.82."""
        home = self._home(ChildDisability.NONE, ChildDisability.NONE, ChildDisability.HIGHER)
        (ap,) = assess_payment(home, "0.01", "2025-07-10").outcomes
        assert ap.before == gbp("1527.82")


class TestIncomeRelatedEsaPartner:
    def test_partners_earnings_over_their_20_pound_disregard_come_off(self) -> None:
        """ESA Regs 2008 Sch. 7 para. 7: the partner's £250 less £20 = £230 off a £200 award,
        which leaves nothing (the award is used up)."""
        home = Household(
            people=[Person("c"), Person("p")],
            legacy=LegacyClaim(LegacyBenefit.INCOME_RELATED_ESA, weekly_award="200.00"),
        )
        result = assess_payment(home, "250.00", "2025-06-11", person="p")
        assert result.change() == gbp("-200.00")

    def test_a_partner_at_24_hours_ends_entitlement(self) -> None:
        home = Household(
            people=[Person("c"), Person("p", weekly_hours=Decimal(20))],
            legacy=LegacyClaim(LegacyBenefit.INCOME_RELATED_ESA, weekly_award="200.00"),
        )
        result = assess_payment(home, "10.00", "2025-06-11", person="p", hours=4)
        assert result.change() == gbp("-200.00")
        assert result.has("BEN-LEGACY-24-HOURS")


def test_a_receipt_for_someone_outside_the_household_is_refused() -> None:
    from participatory.core.errors import ValidationError

    with pytest.raises(ValidationError, match=r"receipts\[0\]\.person"):
        assess_payment(Household(), "10.00", "2025-06-11", person="stranger")


class TestChildrenBornOnTheSameDay:
    def test_an_excepted_twin_is_ordered_after_the_other(self) -> None:
        """UC Regs 2013 reg. 24B(2): children born on the same day are ordered so that the
        child element goes to as many as possible, so the twin the multiple-birth exception
        covers comes third, whatever order the children are given in. AP from 7 July 2025
        (2025/26, two-child limit in force), single 25+: 400.14 + 339.00 (eldest, born 2015)
        + 292.81 + 292.81 (both twins, born 1 June 2019) = 1,324.76.
        """
        twins = dt.date(2019, 6, 1)
        home = Household(
            children=[
                Child(
                    born_on=twins, two_child_limit_exception=TwoChildLimitException.MULTIPLE_BIRTH
                ),
                Child(born_on=twins),
                Child(born_on=dt.date(2015, 3, 1)),
            ],
            universal_credit=UC_FROM_2025_05_01,
        )
        result = assess_payment(home, "0.01", "2025-07-10")
        (ap,) = result.outcomes
        assert ap.before == gbp("1324.76")
        assert not result.has("BEN-UC-TWO-CHILD-LIMIT")


class TestDisabledChildAdditionsReadApart:
    def test_a_higher_rate_child_needs_no_lower_rate_figure(self) -> None:
        """The bundled lower rate ends on 5 April 2026 (no 2026/27 figure found); the higher
        rate is known for 2026/27 (£514.71). A household with only a higher-rate child is
        assessed in 2026/27 without the lower rate: the higher addition is in the award.
        """
        home = Household(
            children=[Child(born_on=dt.date(2018, 3, 1), disability=ChildDisability.HIGHER)],
            universal_credit=UC_FROM_2025_05_01,
        )
        without = Household(
            children=[Child(born_on=dt.date(2018, 3, 1))], universal_credit=UC_FROM_2025_05_01
        )
        (with_addition,) = assess_payment(home, "0.01", "2026-07-10").outcomes
        (plain,) = assess_payment(without, "0.01", "2026-07-10").outcomes
        assert with_addition.before - plain.before == gbp("514.71")


class TestAnAdoptedChildIsLeftOutOfTheOrder:
    def test_the_children_after_an_adopted_eldest_move_up(self) -> None:
        """UC Regs 2013 reg. 24B(2A) and Sch. 12 para. 3: an adopted child is left out of
        the order of children, so with an adopted eldest (born 2018) the two younger
        children (born 2019 and 2021) are the first and second. AP of July 2025 (limit in
        force), single 25+: 400.14 + 3 x 292.81 = 1,278.57 (the order as given would leave
        the youngest out: 985.76)."""
        home = Household(
            children=[
                Child(
                    born_on=dt.date(2018, 2, 1),
                    two_child_limit_exception=TwoChildLimitException.ADOPTION,
                ),
                Child(born_on=dt.date(2019, 5, 1)),
                Child(born_on=dt.date(2021, 7, 1)),
            ],
            universal_credit=UC_FROM_2025_05_01,
        )
        result = assess_payment(home, "0.01", "2025-07-10")
        (ap,) = result.outcomes
        assert ap.before == gbp("1278.57")
        assert not result.has("BEN-UC-TWO-CHILD-LIMIT")

    def test_a_multiple_birth_exception_keeps_its_place(self) -> None:
        """The same family with the eldest's exception a multiple birth instead: the eldest
        keeps first place, the 2019 child is second and the 2021 child third, outside the
        limit: 400.14 + 2 x 292.81 = 985.76."""
        home = Household(
            children=[
                Child(
                    born_on=dt.date(2018, 2, 1),
                    two_child_limit_exception=TwoChildLimitException.MULTIPLE_BIRTH,
                ),
                Child(born_on=dt.date(2019, 5, 1)),
                Child(born_on=dt.date(2021, 7, 1)),
            ],
            universal_credit=UC_FROM_2025_05_01,
        )
        result = assess_payment(home, "0.01", "2025-07-10")
        (ap,) = result.outcomes
        assert ap.before == gbp("985.76")
        assert result.has("BEN-UC-TWO-CHILD-LIMIT")
