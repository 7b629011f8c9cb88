""":mod:`participatory.benefits.scenarios`: unit tests."""

import datetime as dt
from decimal import Decimal

from participatory.benefits import (
    CarersAllowanceClaim,
    Circumstances,
    ContributorCase,
    EmploymentSupportAllowanceClaim,
    PermittedWork,
    Receipt,
    compare,
)
from participatory.benefits.scenarios import scale_fees
from participatory.core.money import Money
from participatory.core.params import bundled_parameters

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


# --- What if -----------------------------------------------------------------------------


def test_what_if_a_higher_hourly_rate_across_contributors():
    """Fees up 20%: a carer paid £180 (under £196) now gets £216 and loses a week of CA."""
    carer = ContributorCase(
        "C1", Circumstances(carers_allowance=CarersAllowanceClaim()), [Receipt(GBP(180), TUESDAY)]
    )
    pensioner = ContributorCase(
        "C2", Circumstances(unaffected={"state_pension"}), [Receipt(GBP(180), TUESDAY)]
    )
    result = compare(
        [carer, pensioner], alternative=bundled_parameters(), adjust=scale_fees(Decimal("1.2"))
    )
    assert result.baseline_loss == GBP(0)
    assert result.alternative_loss == GBP("83.30")
    assert (result.better_off, result.worse_off) == (1, 1)
    c1 = result.cases[0]
    assert (c1.baseline_kept, c1.alternative_kept) == (GBP(180), GBP("132.70"))
    assert "C1" in repr(c1)
    assert "180" not in repr(c1)


def test_what_if_esa_permitted_work_higher_limit_changes():
    base = bundled_parameters()
    raised = base.with_value(
        "esa.permitted_work.higher_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 1),
        source="What if: £250",
    )
    case = ContributorCase(
        "E1",
        Circumstances(
            esa=EmploymentSupportAllowanceClaim(
                weekly_award=GBP(90), permitted_work=PermittedWork.HIGHER_LIMIT
            )
        ),
        [Receipt(GBP(220), TUESDAY, hours=8)],
    )
    result = compare([case], alternative=raised, baseline=base)
    assert (result.baseline_loss, result.alternative_loss) == (GBP(90), GBP(0))
