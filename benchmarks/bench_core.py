import datetime as dt
from decimal import Decimal

from participatory.core.money import Money, allocate
from participatory.core.params import bundled_parameters
from participatory.core.periods import AssessmentPeriodCycle

PARAMS = bundled_parameters()


def test_allocate_a_budget_across_twelve_partners(benchmark):
    total = Money.gbp("123456.78")
    weights = [Decimal(w) for w in range(1, 13)]
    parts = benchmark(allocate, total, weights)
    assert sum(parts, Money.zero()) == total


def test_parameter_lookup(benchmark):
    day = dt.date(2025, 6, 1)
    use = benchmark(PARAMS.use, "universal_credit.work_allowance.higher", day)
    assert use.value == Decimal("684.00")


def test_assessment_period_containing(benchmark):
    cycle = AssessmentPeriodCycle(dt.date(2025, 1, 31))
    period = benchmark(cycle.period_containing, dt.date(2025, 3, 15))
    assert period.start == dt.date(2025, 2, 28)
