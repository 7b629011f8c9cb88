"""Benefits-impact checks: one payment, the largest payment that changes nothing, and a batch.

The households are the cases the issues name, each worked by hand from the 2025/26 rates in
``src/participatory/data/parameters/benefits/``:

* Universal Credit with the work allowance (one person with limited capability for work, no
  housing element, so the higher work allowance of £684 a month applies): a £700 fee leaves
  £16 over the allowance, and 55% of that (£8.80) comes off the award. The largest fee that
  changes nothing is £684.00: 55% of one penny is 0.55p, which UC rounds to the nearest
  penny, a half penny up (UC Regs 2013 reg. 6(1) as the library reads it), so £684.01
  already costs 1p.
* Carer's Allowance: the earnings limit is £196 a week, so £196.01 received in one week
  loses the next week's £83.30 (ICA Regs 1976 reg. 8(1); the contributor keeps
  £196.01 - £83.30 = £112.71).
* New-style ESA with permitted work under the higher limit (£195.50 a week for under 16
  hours): £195.50 for 6 hours changes nothing; a penny more loses the week.
* A couple on a joint UC claim with a child and housing costs (one lower work allowance of
  £411): with the partner's £300 already in the assessment period, a £300 fee to the other
  takes the household to £600, £189 over: 55% is £103.95. The largest fee that changes
  nothing is £411 - £300 = £111.00.
* A carer paid £150 by another project earlier in the same week: a £150 fee takes the week
  to £300, over £196, and the next week's £83.30 is lost; the headroom is £46.00.

The batch benchmarks check a year of monthly payments (April 2025 to March 2026) for 10,000
and for 100,000 households in one call, with the garbage collector left on; the inputs are
built outside the timed part, and the memory the results keep is measured in a separate,
untimed run (``retained_bytes``).
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import tracemalloc
from collections.abc import Sequence
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    PermittedWork,
    Person,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_many,
    headroom,
    plan_safe_payment,
)
from participatory.core.money import Money

DAY = dt.date(2025, 6, 10)

UC_WITH_WORK_ALLOWANCE = Household(
    people=[Person("me", capability=WorkCapability.LCW)],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
)
CARER = Household(people=[Person("me", carers_allowance=CarersAllowanceClaim())])
ESA_PERMITTED_WORK = Household(
    people=[
        Person(
            "me",
            esa=EmploymentSupportAllowanceClaim(
                weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
            ),
        )
    ]
)
JOINT_CLAIM = Household(
    people=[Person("me"), Person("partner")],
    children=[Child(born_on=dt.date(2019, 3, 1))],
    universal_credit=UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1),
        housing_costs_element=True,
        housing_amount=Money.gbp("500.00"),
    ),
)
PARTNERS_PAY = (Receipt(Money.gbp("300.00"), dt.date(2025, 6, 2), person="partner"),)
OTHER_PROJECT = (Receipt(Money.gbp("150.00"), dt.date(2025, 6, 9), person="me"),)

Case = tuple[Household, Money, int, tuple[Receipt, ...], Benefit, Money, Money]

#: name -> (household, payment to "me", hours, already paid, benefit, change by hand,
#: largest safe payment by hand)
CASES: dict[str, Case] = {
    "uc_work_allowance": (
        UC_WITH_WORK_ALLOWANCE,
        Money.gbp("700.00"),
        0,
        (),
        Benefit.UNIVERSAL_CREDIT,
        Money.gbp("-8.80"),
        Money.gbp("684.00"),
    ),
    "carers_allowance": (
        CARER,
        Money.gbp("196.01"),
        0,
        (),
        Benefit.CARERS_ALLOWANCE,
        Money.gbp("-83.30"),
        Money.gbp("196.00"),
    ),
    "esa_permitted_work": (
        ESA_PERMITTED_WORK,
        Money.gbp("195.50"),
        6,
        (),
        Benefit.NEW_STYLE_ESA,
        Money.gbp("0.00"),
        Money.gbp("195.50"),
    ),
    "joint_claim_partner_paid": (
        JOINT_CLAIM,
        Money.gbp("300.00"),
        0,
        PARTNERS_PAY,
        Benefit.UNIVERSAL_CREDIT,
        Money.gbp("-103.95"),
        Money.gbp("111.00"),
    ),
    "carer_paid_by_two_projects": (
        CARER,
        Money.gbp("150.00"),
        0,
        OTHER_PROJECT,
        Benefit.CARERS_ALLOWANCE,
        Money.gbp("-83.30"),
        Money.gbp("46.00"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_single_benefits_check(benchmark, case: str) -> None:
    """One check with its inputs built in advance (the household and the receipts), as a
    finance system holding them calls it; the answer read is the change in one benefit."""
    household, amount, hours, already, benefit, change, _safe = CASES[case]
    receipts = (Receipt(amount, DAY, hours=hours, person="me"),)
    result = benchmark(assess_benefits, household, receipts, already=already)
    assert result.change(benefit) == change


@pytest.mark.parametrize("case", sorted(CASES))
def test_largest_payment_that_changes_nothing(benchmark, case: str) -> None:
    household, _amount, _hours, already, _benefit, _change, safe = CASES[case]
    result = benchmark(plan_safe_payment, household, DAY, person="me", already=already)
    assert result.amount == safe


@pytest.mark.parametrize("case", ["carer_paid_by_two_projects", "joint_claim_partner_paid"])
def test_headroom_after_other_payments(benchmark, case: str) -> None:
    household, _amount, _hours, already, benefit, _change, safe = CASES[case]
    result = benchmark(headroom, household, DAY, person="me", already=already)
    assert result.for_benefit(benefit) == safe


# --- the batch ---------------------------------------------------------------------------

CONTRIBUTORS = 10_000
#: With timing off (``.ci/run``'s quick pass) a smaller batch keeps the run short; the code
#: path is the same.
QUICK_CONTRIBUTORS = 200

Batch = Sequence[tuple[Household, tuple[Receipt, ...]]]


def _household(rng: random.Random, index: int) -> Household:
    """The three kinds of contributor in turn, plus UC with Carer's Allowance (knock-on)."""
    first_day = dt.date(2024, 4, 1) + dt.timedelta(days=rng.randrange(365))
    kind = index % 4
    if kind == 0:
        return Household(
            people=[Person(capability=WorkCapability.LCW)],
            universal_credit=UniversalCreditClaim(first_date_of_entitlement=first_day),
        )
    if kind == 1:
        claim = CarersAllowanceClaim(benefit_week_start=rng.randrange(7))
        return Household(people=[Person(carers_allowance=claim)])
    if kind == 2:
        esa = EmploymentSupportAllowanceClaim(
            weekly_award=Money.gbp("92.05"),
            permitted_work=PermittedWork.HIGHER_LIMIT,
            benefit_week_start=rng.randrange(7),
        )
        return Household(people=[Person(esa=esa)])
    return Household(
        people=[Person(carers_allowance=CarersAllowanceClaim())],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=first_day),
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
    """``count`` households, each with a year of payments (a fixed, seeded mix)."""
    rng = random.Random(seed)
    return [(_household(rng, index), _year_of_payments(rng)) for index in range(count)]


def _retained_bytes(cases: Batch) -> int:
    """Bytes the results of one batch keep alive (traced allocations still held after it)."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        results = assess_many(cases)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del results
    return held


@pytest.fixture(scope="module")
def year_batch(request: pytest.FixtureRequest) -> Batch:
    quick = request.config.getoption("benchmark_disable", default=False)
    return make_batch(QUICK_CONTRIBUTORS if quick else CONTRIBUTORS)


def test_year_of_payments_for_10000_contributors(benchmark, year_batch: Batch) -> None:
    """The garbage collector is left as the caller has it (on), throughout."""
    assert gc.isenabled()
    results = benchmark.pedantic(assess_many, args=(year_batch,), rounds=3, iterations=1)
    assert gc.isenabled()
    assert len(results) == len(year_batch)
    for (_who, receipts), result in zip(year_batch, results, strict=True):
        assert result.paid == sum((r.amount for r in receipts), Money.zero())
    rows = len(results.columns())
    benchmark.extra_info["retained_bytes"] = _retained_bytes(year_batch)
    benchmark.extra_info["contributors"] = len(year_batch)
    benchmark.extra_info["payments"] = sum(len(receipts) for _c, receipts in year_batch)
    benchmark.extra_info["periods"] = rows
    benchmark.extra_info["entry_point"] = "benefits.assess_many"


#: The large batch: ten times the year above, to show the cost is linear and the results fit
#: in memory (under 1 GB).
LARGE = 100_000


def test_year_of_payments_for_100000_contributors(
    benchmark, request: pytest.FixtureRequest
) -> None:
    quick = request.config.getoption("benchmark_disable", default=False)
    cases = make_batch(QUICK_CONTRIBUTORS if quick else LARGE, seed=2026)
    results = benchmark.pedantic(assess_many, args=(cases,), rounds=1, iterations=1)
    assert len(results) == len(cases)
    del results
    benchmark.extra_info["retained_bytes"] = _retained_bytes(cases)
    benchmark.extra_info["contributors"] = len(cases)
    benchmark.extra_info["payments"] = sum(len(receipts) for _c, receipts in cases)
    benchmark.extra_info["entry_point"] = "benefits.assess_many"
