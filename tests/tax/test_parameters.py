"""The dated tax figures: coverage, the switch on 6 April, and the known end of the data."""

import datetime as dt
from decimal import Decimal

import pytest

from participatory.core.errors import ParametersNotAvailable
from participatory.core.params import bundled_parameters
from participatory.tax import EarningsPeriod, TaxRegime
from participatory.tax.rates import class1_thresholds, income_tax_schedule

PARAMS = bundled_parameters()


def test_the_old_income_tax_file_is_replaced_not_duplicated():
    files = {p.file for n, p in PARAMS.items() if n.startswith("income_tax.")}
    assert files == {
        "participatory/data/parameters/tax/income_tax.toml",
        "participatory/data/parameters/tax/scottish_income_tax.toml",
    }


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("regime", list(TaxRegime))
def test_every_regime_has_bands_in_every_year(year, regime):
    schedule = income_tax_schedule(regime, dt.date(year, 4, 6))
    assert schedule.bands[-1].upper_limit is None
    limits = [b.upper_limit for b in schedule.bands[:-1]]
    assert limits == sorted(limits)


def test_scottish_bands_change_on_6_april():
    before = income_tax_schedule(TaxRegime.SCOTLAND, dt.date(2026, 4, 5))
    after = income_tax_schedule(TaxRegime.SCOTLAND, dt.date(2026, 4, 6))
    assert before.band("starter").upper_limit == Decimal(2827)
    assert after.band("starter").upper_limit == Decimal(3967)


def test_welsh_taxpayers_use_the_rest_of_uk_limits():
    day = dt.date(2025, 6, 1)
    wales = income_tax_schedule(TaxRegime.WALES, day)
    ruk = income_tax_schedule(TaxRegime.REST_OF_UK, day)
    assert [b.upper_limit for b in wales.bands] == [b.upper_limit for b in ruk.bands]
    assert wales.bands[0].rate_use.name == "income_tax.wales.basic.rate"
    assert not wales.bands[0].rate_use.verified


def test_2027_28_allowance_is_known_but_rates_are_not():
    day = dt.date(2027, 4, 6)
    assert PARAMS.value("income_tax.personal_allowance", day) == 12570
    assert PARAMS.value("income_tax.rest_of_uk.basic.upper_limit", day) == 37700
    assert PARAMS.value("national_insurance.class1.primary_threshold.year", day) == 12570
    with pytest.raises(ParametersNotAvailable):
        income_tax_schedule(TaxRegime.REST_OF_UK, day)
    with pytest.raises(ParametersNotAvailable):
        class1_thresholds(EarningsPeriod.MONTH, day)
    with pytest.raises(ParametersNotAvailable):
        PARAMS.use("national_insurance.class1.lower_earnings_limit.year", day)


def test_secondary_2026_27_figures_are_marked_unverified():
    day = dt.date(2026, 6, 1)
    for name in (
        "national_insurance.class1.lower_earnings_limit.week",
        "national_insurance.class1.secondary_threshold.month",
        "national_insurance.class2.small_profits_threshold",
    ):
        assert not PARAMS.use(name, day).verified, name


def test_a_custom_parameter_set_is_not_cached_with_the_bundled_one():
    day = dt.date(2025, 6, 1)
    custom = PARAMS.with_value("income_tax.scotland.starter.rate", Decimal("0.18"),
                               effective_from=dt.date(2025, 4, 6), source="What if")  # fmt: skip
    assert income_tax_schedule(TaxRegime.SCOTLAND, day, custom).band("starter").rate == Decimal(
        "0.18"
    )
    assert income_tax_schedule(TaxRegime.SCOTLAND, day).band("starter").rate == Decimal("0.19")
