"""Differential tests: the library's income tax and National Insurance against PolicyEngine-UK.

PolicyEngine-UK works in whole tax years, so the comparison is on **annual** figures for
one employee with no other income, every tax year the data covers (2024/25 to 2026/27),
England, Wales and Scotland:

- income tax for the year on employment income (the library:
  :func:`participatory.tax.assess_annual_income_tax`, the Personal Allowance taper and the
  regime's bands; PolicyEngine: ``income_tax``);
- employee and employer Class 1 National Insurance on the year's earnings as ONE annual
  earnings period (the library: :func:`participatory.tax.assess_class1` with
  ``EarningsPeriod.YEAR``; PolicyEngine: ``ni_class_1_employee``, ``ni_class_1_employer``).

Where the peer annualises (read from policyengine-uk 2.162.10, not copied):

- Class 1 thresholds are stored **weekly** and multiplied by 52: the primary threshold
  £241.73 x 52 = £12,569.96 and the upper earnings limit £966.73 x 52 = £50,269.96, where
  the annual earnings period's own limits are £12,570 and £50,270; the secondary threshold
  is £96.153846 x 52 = £5,000 (2025/26 on) and £175 x 52 = £9,100 (2024/25). Employee NI is
  worked month by month on a twelfth of the year's earnings. On whole-pound earnings the
  differences are under half a penny, so the two agree to the penny.
- PolicyEngine has no notion of an earnings period or of PAYE on one payment: a one-off fee
  is a year's income. The library works NI on the payment's own earnings period (a week,
  for a fee with no regular pay interval), so on a one-off £500 fee the library deducts
  £20.64 employee NI and PolicyEngine, seeing £500 a year, nothing. That is the
  ``tax-and-ni-on-annualised-earnings`` difference of the UC comparison
  (``participatory.peers.policyengine``), shown here and not held to agreement.
- PolicyEngine's results are 32-bit floats; they are rounded here to the penny, half up.
  Where the exact figure lies within a float's precision of a half penny (employer NI at
  13.8% on a large salary: 121,972 x 13.8% = 16,832.136), the float can round to the other
  penny: such a case is reported as ``float32`` and held to agreement with the exact
  figure instead (within four units of the float's last place).

Needs the ``peers`` extra; run with ``pytest -m peers``.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import warnings
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.core.periods import TaxYear
from participatory.tax import (
    EarningsPeriod,
    PayFrequency,
    PayrollPayment,
    TaxRegime,
    assess_annual_income_tax,
    assess_class1,
    assess_payroll,
)
from participatory.tax.national_insurance import class1_figures
from participatory.tax.rates import class1_thresholds

pytestmark = [
    pytest.mark.peers,
    pytest.mark.skipif(
        importlib.util.find_spec("policyengine_uk") is None,
        reason="PolicyEngine-UK is not installed: pip install 'participatory[peers]'",
    ),
]

SAMPLE_SIZE = 300
YEARS = (2024, 2025, 2026)
#: The library's regime and the PolicyEngine region that puts a person in it.
REGIONS = {
    TaxRegime.REST_OF_UK: "NORTH_WEST",
    TaxRegime.WALES: "WALES",
    TaxRegime.SCOTLAND: "SCOTLAND",
}
Case = tuple[int, TaxRegime, int]

#: Cases at the rules' edges: the allowance, the bands, the taper and the NI limits.
BOUNDARY: list[Case] = [
    (year, regime, income)
    for year in YEARS
    for regime in (TaxRegime.REST_OF_UK, TaxRegime.SCOTLAND)
    for income in (
        0,
        500,
        12570,
        12571,
        15397,
        16537,
        50270,
        50271,
        100000,
        100001,
        125140,
        125141,
        200000,
    )
]


def _draw_sample(size: int) -> list[Case]:
    drawn: list[Case] = []

    @settings(
        max_examples=size,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.sampled_from(YEARS),
        st.sampled_from(list(TaxRegime)),
        st.integers(min_value=0, max_value=250_000),
    )
    def collect(year: int, regime: TaxRegime, income: int) -> None:
        drawn.append((year, regime, income))

    collect()
    return drawn


def _penny(value: float) -> Money:
    return Money(Decimal(repr(value)).quantize(Decimal("0.01"), ROUND_HALF_UP), "GBP")


#: Four units in the last place of a 32-bit float, relative to its size.
_FLOAT32_ULPS = Decimal(4) * Decimal(2) ** -23


def _policyengine_raw(cases: list[Case]) -> list[tuple[float, float, float]]:
    """Income tax, employee NI and employer NI for each case, from ONE simulation."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from policyengine_uk import Simulation

        years = sorted({year for year, _, _ in cases})
        people, households, benunits = {}, {}, {}
        for index, (year, regime, income) in enumerate(cases):
            # Every person gets the same inputs for every year (the batching pitfall).
            people[f"p{index}"] = {
                "age": dict.fromkeys(years, 40),
                "employment_income": {y: float(income) if y == year else 0.0 for y in years},
            }
            households[f"h{index}"] = {
                "members": [f"p{index}"],
                "region": dict.fromkeys(years, REGIONS[regime]),
            }
            benunits[f"b{index}"] = {"members": [f"p{index}"]}
        simulation = Simulation(
            situation={"people": people, "households": households, "benunits": benunits}
        )
        found = {
            year: [
                simulation.calculate(name, year).tolist()
                for name in ("income_tax", "ni_class_1_employee", "ni_class_1_employer")
            ]
            for year in years
        }
    return [
        (found[year][0][index], found[year][1][index], found[year][2][index])
        for index, (year, _, _) in enumerate(cases)
    ]


def _policyengine(cases: list[Case]) -> list[tuple[Money, Money, Money]]:
    """PolicyEngine's three figures for each case, to the penny."""
    return [
        (_penny(tax), _penny(employee), _penny(employer))
        for tax, employee, employer in _policyengine_raw(cases)
    ]


def _library_exact(case: Case) -> tuple[Decimal, Decimal, Decimal]:
    """The library's three figures before rounding to the penny."""
    year, regime, income = case
    day = TaxYear(year).range.start
    tax = assess_annual_income_tax(Money.gbp(income), regime=regime, as_at=day).income_tax
    figures = class1_figures(Decimal(income), class1_thresholds(EarningsPeriod.YEAR, day))
    return tax.amount, figures.employee_exact, figures.employer_exact


def _library(case: Case) -> tuple[Money, Money, Money]:
    year, regime, income = case
    day = TaxYear(year).range.start
    tax = assess_annual_income_tax(Money.gbp(income), regime=regime, as_at=day).income_tax
    ni = assess_class1(Money.gbp(income), period=EarningsPeriod.YEAR, as_at=day)
    return tax, ni.employee, ni.employer


def _within_float32(exact: Decimal, peer: float) -> bool:
    return abs(Decimal(repr(peer)) - exact) <= max(abs(exact), Decimal(1)) * _FLOAT32_ULPS


@pytest.fixture(scope="module")
def cases() -> list[Case]:
    return [*BOUNDARY, *_draw_sample(SAMPLE_SIZE)]


@pytest.fixture(scope="module")
def answers(cases: list[Case]) -> list[tuple[float, float, float]]:
    return _policyengine_raw(cases)


def test_income_tax_and_ni_agree_to_the_penny(cases, answers):
    agreed, float32, disagreements = 0, [], []
    for case, raw in zip(cases, answers, strict=True):
        ours = _library(case)
        peer = tuple(_penny(value) for value in raw)
        if ours == peer:
            agreed += 1
            continue
        line = f"{case}: library {ours}, PolicyEngine {peer}"
        exact = _library_exact(case)
        if all(_within_float32(e, r) for e, r in zip(exact, raw, strict=True)):
            float32.append(line)
        else:
            disagreements.append(line)
    print(f"\nAnnual income tax and Class 1 NI: {len(cases)} cases, {agreed} agree to the "
          f"penny, {len(float32)} within a 32-bit float of the exact figure")  # fmt: skip
    for line in float32:
        print(f"  float32: {line}")
    for line in disagreements:
        print(f"  DISAGREES: {line}")
    assert not disagreements, "\n".join(disagreements)
    # The comparison is real: nearly every case agrees to the penny outright.
    assert agreed >= 0.95 * len(cases)


def test_both_models_give_the_hand_worked_figures(cases, answers):
    """£30,000 in 2025/26: rest of UK 17,430 x 20% = 3,486.00; Scotland 537.13 + 2,418.80 +
    526.89 = 3,482.82; employee NI (30,000 - 12,570) x 8% = 1,394.40; employer
    (30,000 - 5,000) x 15% = 3,750.00."""
    extra = [(2025, TaxRegime.REST_OF_UK, 30000), (2025, TaxRegime.SCOTLAND, 30000)]
    peer = _policyengine(extra)
    expected = [
        (Money.gbp("3486.00"), Money.gbp("1394.40"), Money.gbp("3750.00")),
        (Money.gbp("3482.82"), Money.gbp("1394.40"), Money.gbp("3750.00")),
    ]
    assert [_library(case) for case in extra] == expected
    assert peer == expected


def test_a_one_off_fee_is_where_the_models_part():
    """The documented difference: a one-off £500 fee through payroll (0T M1, 2025/26).

    Library: NI on a week's earnings period, (500 - 242) x 8% = 20.64; tax 100.00 on the
    month 1 basis. PolicyEngine, which sees £500 of income for the year: no NI, no tax.
    """
    ours = assess_payroll(
        PayrollPayment(Money.gbp(500), dt.date(2025, 6, 27), PayFrequency.ONE_OFF, "0T M1")
    )
    [(tax, employee, _)] = _policyengine([(2025, TaxRegime.REST_OF_UK, 500)])
    assert (ours.income_tax, ours.employee_ni) == (Money.gbp("100.00"), Money.gbp("20.64"))
    assert (tax, employee) == (Money.gbp("0.00"), Money.gbp("0.00"))
    print(
        "\nOne-off £500 fee: library tax 100.00 + NI 20.64 in the pay period; "
        "PolicyEngine (a year's income of £500) 0.00 + 0.00"
    )
