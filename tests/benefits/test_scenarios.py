""":mod:`participatory.benefits.scenarios`: unit tests.

Figures (2025/26): Carer's Allowance limit £196 a week, rate £83.30; ESA permitted-work
higher limit £195.50.
"""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    ContributorCase,
    EmploymentSupportAllowanceClaim,
    Household,
    PermittedWork,
    Person,
    Receipt,
    ReceiptKind,
    compare,
)
from participatory.benefits.scenarios import scale_fees
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.params import bundled_parameters

GBP = Money.gbp

TUESDAY = dt.date(2025, 6, 10)


def test_what_if_a_higher_hourly_rate_across_contributors():
    """Fees up 20%: a carer paid £180 (under £196) now gets £216 and loses the next week's
    £83.30 of Carer's Allowance; she keeps 216 - 83.30 = £132.70. A pensioner on State
    Pension alone loses nothing either way, and is better off by the £36."""
    carer = ContributorCase(
        "C1",
        Household(people=[Person(carers_allowance=CarersAllowanceClaim())]),
        [Receipt(GBP(180), TUESDAY)],
    )
    pensioner = ContributorCase(
        "C2", Household(people=[Person(unaffected={"state_pension"})]), [Receipt(GBP(180), TUESDAY)]
    )
    result = compare(
        [carer, pensioner], alternative=bundled_parameters(), adjust=scale_fees(Decimal("1.2"))
    )
    assert result.baseline_loss == GBP(0)
    assert result.alternative_loss == GBP("83.30")
    assert (result.better_off, result.worse_off) == (1, 1)
    c1 = result.cases[0]
    assert (c1.baseline_kept, c1.alternative_kept) == (GBP(180), GBP("132.70"))
    assert (c1.baseline_cliffs, c1.alternative_cliffs) == (0, 1)
    assert "C1" in repr(c1)
    assert "180" not in repr(c1)
    assert result.has("BEN-SCENARIO-SUMMARY")


def test_what_if_esa_permitted_work_higher_limit_changes():
    base = bundled_parameters()
    raised = base.with_value(
        "esa.permitted_work.higher_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 1),
        source="What if: £250",
    )
    esa = EmploymentSupportAllowanceClaim(
        weekly_award=GBP(90), permitted_work=PermittedWork.HIGHER_LIMIT
    )
    case = ContributorCase(
        "E1", Household(people=[Person(esa=esa)]), [Receipt(GBP(220), TUESDAY, hours=8)]
    )
    result = compare([case], alternative=raised, baseline=base)
    assert (result.baseline_loss, result.alternative_loss) == (GBP(90), GBP(0))


def test_scale_fees_changes_fees_and_leaves_expenses():
    """£33.33 x 1.5 = 49.995 -> £50.00 (nearest penny, half up); expenses are untouched."""
    adjusted = scale_fees("1.5")(
        [Receipt(GBP("33.33"), TUESDAY), Receipt(GBP(10), TUESDAY, ReceiptKind.RECEIPTED_EXPENSES)]
    )
    assert [r.amount for r in adjusted] == [GBP("50.00"), GBP(10)]


def test_compare_refuses_what_is_not_a_case():
    with pytest.raises(ValidationError, match=r"cases\[0\]"):
        compare(["C1"], alternative=bundled_parameters())  # type: ignore[list-item]
