"""Benefits-impact checks: one payment, the largest payment that changes nothing, and a batch.

The three contributors are the cases the issue names, each worked by hand from the 2025/26
rates in ``src/participatory/data/parameters/benefits/``:

* Universal Credit with the work allowance (limited capability for work, no housing
  element, so the higher work allowance of £684 a month applies): a £700 fee leaves
  £16 over the allowance, and 55% of that (£8.80) comes off the award. The largest fee
  that changes nothing is £684.01, not £684: 55% of one penny is 0.55p, and a fraction of a
  penny taken off an award is disregarded (UC Regs 2013 reg. 6(1)); at £684.02 it is 1.1p,
  so 1p comes off.
* Carer's Allowance: the earnings limit is £196 a week, so £196.01 in one week loses that
  week's £83.30 (the contributor keeps £196.01 - £83.30 = £112.71).
* New-style ESA with permitted work under the higher limit (£195.50 a week for under 16
  hours): £195.50 for 6 hours changes nothing; a penny more loses the week.

The batch benchmark checks a year of monthly payments (April 2025 to March 2026) for
10,000 contributors in one call. The inputs are built outside the timed part.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from collections.abc import Callable, Sequence
from decimal import Decimal

import pytest

from participatory import benefits
from participatory.benefits import (
    Benefit,
    BenefitsCheck,
    CarersAllowanceClaim,
    Circumstances,
    EmploymentSupportAllowanceClaim,
    PermittedWork,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
    plan_safe_payment,
)
from participatory.core.money import Money

DAY = dt.date(2025, 6, 10)

UC_WITH_WORK_ALLOWANCE = Circumstances(
    universal_credit=UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), capability=WorkCapability.LCW
    )
)
CARER = Circumstances(carers_allowance=CarersAllowanceClaim())
ESA_PERMITTED_WORK = Circumstances(
    esa=EmploymentSupportAllowanceClaim(
        weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
    )
)

#: name -> (circumstances, payment, hours, benefit, change by hand, largest safe by hand)
CASES: dict[str, tuple[Circumstances, Money, int, Benefit, Money, Money]] = {
    "uc_work_allowance": (
        UC_WITH_WORK_ALLOWANCE,
        Money.gbp("700.00"),
        0,
        Benefit.UNIVERSAL_CREDIT,
        Money.gbp("-8.80"),
        Money.gbp("684.01"),
    ),
    "carers_allowance": (
        CARER,
        Money.gbp("196.01"),
        0,
        Benefit.CARERS_ALLOWANCE,
        Money.gbp("-83.30"),
        Money.gbp("196.00"),
    ),
    "esa_permitted_work": (
        ESA_PERMITTED_WORK,
        Money.gbp("195.50"),
        6,
        Benefit.NEW_STYLE_ESA,
        Money.gbp("0.00"),
        Money.gbp("195.50"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_single_benefits_check(benchmark, case: str) -> None:
    circumstances, amount, hours, benefit, change, _safe = CASES[case]
    result = benchmark(assess_payment, circumstances, amount, DAY, hours=hours)
    assert result.change(benefit) == change


@pytest.mark.parametrize("case", sorted(CASES))
def test_largest_payment_that_changes_nothing(benchmark, case: str) -> None:
    circumstances, _amount, _hours, _benefit, _change, safe = CASES[case]
    result = benchmark(plan_safe_payment, circumstances, DAY)
    assert result.amount == safe


# --- the batch ---------------------------------------------------------------------------

CONTRIBUTORS = 10_000
#: With timing off (``.ci/run``'s quick pass) a smaller batch keeps the run short; the code
#: path is the same.
QUICK_CONTRIBUTORS = 200

Batch = Sequence[tuple[Circumstances, tuple[Receipt, ...]]]


def _circumstances(rng: random.Random, index: int) -> Circumstances:
    """The three kinds of contributor in turn, plus UC with Carer's Allowance (knock-on)."""
    first_day = dt.date(2024, 4, 1) + dt.timedelta(days=rng.randrange(365))
    kind = index % 4
    if kind == 0:
        return Circumstances(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=first_day, capability=WorkCapability.LCW
            )
        )
    if kind == 1:
        return Circumstances(
            carers_allowance=CarersAllowanceClaim(benefit_week_start=rng.randrange(7))
        )
    if kind == 2:
        return Circumstances(
            esa=EmploymentSupportAllowanceClaim(
                weekly_award=Money.gbp("92.05"),
                permitted_work=PermittedWork.HIGHER_LIMIT,
                benefit_week_start=rng.randrange(7),
            )
        )
    return Circumstances(
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=first_day, children=1),
        carers_allowance=CarersAllowanceClaim(),
    )


def _year_of_payments(rng: random.Random) -> tuple[Receipt, ...]:
    """One fee a month from April 2025 to March 2026, £10 to £250 in 50p steps, 1-6 hours."""
    payments = []
    for month in range(12):
        year, month_number = (2025, 4 + month) if month < 9 else (2026, month - 8)
        day = dt.date(year, month_number, 1 + rng.randrange(28))
        amount = Money(Decimal(rng.randint(20, 500)) / 2, "GBP")
        payments.append(Receipt(amount, day, hours=rng.randint(1, 6)))
    return tuple(payments)


def make_batch(count: int, seed: int = 2025) -> Batch:
    """``count`` contributors, each with a year of payments (a fixed, seeded mix)."""
    rng = random.Random(seed)
    return [(_circumstances(rng, index), _year_of_payments(rng)) for index in range(count)]


def _batch_entry_point() -> Callable[[Batch], Sequence[BenefitsCheck]]:
    """The engine's batch entry point if it has one, else a loop over ``assess_benefits``."""
    batch = getattr(benefits, "assess_many", None)
    if batch is not None:
        return batch  # type: ignore[no-any-return]

    def check_everyone(cases: Batch) -> list[BenefitsCheck]:
        return [assess_benefits(circumstances, receipts) for circumstances, receipts in cases]

    check_everyone.__qualname__ = "a loop over benefits.assess_benefits (no batch entry point)"
    return check_everyone


def _deferred_collection(
    check_all: Callable[[Batch], Sequence[BenefitsCheck]], cases: Batch
) -> float:
    """CPU seconds of the young-generation collection the caller pays after the call.

    A batch that pauses the garbage collector leaves all its results in the youngest
    generation; a caller that keeps them pays one collection over them soon after. Not
    part of the timed call, but reported beside it so the table cannot flatter.
    """
    results = check_all(cases)
    start = time.process_time()
    gc.collect(0)
    spent = time.process_time() - start
    del results
    return spent


@pytest.fixture(scope="module")
def year_batch(request: pytest.FixtureRequest) -> Batch:
    quick = request.config.getoption("benchmark_disable", default=False)
    return make_batch(QUICK_CONTRIBUTORS if quick else CONTRIBUTORS)


def test_year_of_payments_for_10000_contributors(benchmark, year_batch: Batch) -> None:
    check_all = _batch_entry_point()
    results = benchmark.pedantic(check_all, args=(year_batch,), rounds=3, iterations=1)
    assert len(results) == len(year_batch)
    for (_who, receipts), result in zip(year_batch, results, strict=True):
        assert result.paid == sum((r.amount for r in receipts), Money.zero())
    benchmark.extra_info["deferred_collection_s"] = _deferred_collection(check_all, year_batch)
    benchmark.extra_info["contributors"] = len(year_batch)
    benchmark.extra_info["payments"] = sum(len(receipts) for _c, receipts in year_batch)
    benchmark.extra_info["entry_point"] = getattr(check_all, "__qualname__", "?")
