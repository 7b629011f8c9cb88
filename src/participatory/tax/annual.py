"""The income tax due for a whole tax year on non-savings income, as HMRC settles it.

PAYE deducts tax payment by payment; what is finally due for the year depends on the
year's total income. This module works that out for one person's total income from
employment, trading and miscellaneous sources (no savings, dividends, pension
contributions or other reliefs):

1. the Personal Allowance, reduced by one-half of adjusted net income over £100,000, what
   remains "rounded up to the nearest amount which is a multiple of £1" (ITA 2007 s. 35);
2. taxable income = income − allowance;
3. the regime's bands (rest of UK, Wales, Scotland) on taxable income.

It is also the figure the differential tests compare with PolicyEngine-UK, which works in
whole years.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.tax.rates import TaxRegime
>>> year = assess_annual_income_tax(Money.gbp(30000), regime=TaxRegime.REST_OF_UK,
...                                 as_at=dt.date(2025, 6, 1))
>>> year.personal_allowance, year.taxable_income, year.income_tax
(Money('12570.00', 'GBP'), Money('17430.00', 'GBP'), Money('3486.00', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import TaxYear
from participatory.tax.rates import TaxRegime, as_percent, income_tax_schedule
from participatory.tax.sources import _cite
from participatory.tax.trading import tax_year_of

__all__ = ["AnnualIncomeTax", "assess_annual_income_tax"]

MESSAGES: Final[Mapping[str, str]] = {
    "tax.annual.allowance": (
        "Personal Allowance for {year}: {allowance} (the standard {standard}, reduced by "
        "half of income over {limit}, rounded up to the pound)."
    ),
    "tax.annual.band": "{amount} of taxable income in the {band} band at {rate} = {tax}.",
    "tax.annual.total": (
        "Income tax for {year} on income of {income}: {tax}. PAYE deducted during the year "
        "may differ from this figure."
    ),
}

_ZERO: Final = Decimal(0)
_POUND: Final = Decimal(1)


@attrs.frozen
class AnnualIncomeTax(Explained):
    """A year's income tax on one person's non-savings income, explained."""

    tax_year: TaxYear
    regime: TaxRegime
    income: Money
    personal_allowance: Money
    taxable_income: Money
    #: The tax due, exact (a fraction of a penny is kept: the year-end rounding is not
    #: modelled).
    income_tax: Money


def _money(value: object) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP" or money.is_negative() or not money.is_whole_minor_units():
        raise ValidationError("income", "must be a non-negative amount in whole pence (GBP)")
    return money


def _two_places(value: Decimal) -> Money:
    exact = value.quantize(Decimal("0.01"))
    return Money(exact if exact == value else value, "GBP")


@computes_exactly
def assess_annual_income_tax(
    income: Money,
    *,
    regime: TaxRegime,
    as_at: dt.date,
    tax_year: TaxYear | int | None = None,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> AnnualIncomeTax:
    """Income tax for a tax year on ``income`` (non-savings, non-dividend), in ``regime``.

    ``tax_year`` defaults to the one containing ``as_at``.
    """
    amount = _money(income).amount
    if not isinstance(regime, TaxRegime):
        raise ValidationError("regime", "must be a TaxRegime")
    year = tax_year_of(as_at, tax_year)
    day = year.range.start
    params = parameters if parameters is not None else bundled_parameters()
    standard_use = params.use("income_tax.personal_allowance", day)
    limit_use = params.use("income_tax.personal_allowance_taper.income_limit", day)
    rate_use = params.use("income_tax.personal_allowance_taper.withdrawal_rate", day)
    standard = Decimal(str(standard_use.value))
    limit = Decimal(str(limit_use.value))
    reduction = max(_ZERO, amount - limit) * Decimal(str(rate_use.value))
    allowance = max(_ZERO, standard - reduction).quantize(_POUND, rounding=ROUND_CEILING)
    taxable = max(_ZERO, amount - allowance)
    schedule = income_tax_schedule(regime, day, params)
    gbp = _two_places
    findings = [
        Finding(
            "TAX-ANNUAL-ALLOWANCE",
            Severity.INFO,
            "tax.annual.allowance",
            {
                "year": str(year),
                "allowance": gbp(allowance),
                "standard": gbp(standard),
                "limit": gbp(limit),
            },
            citations=(_cite("ita_2007#s35_2"), _cite("ita_2007#s35_3")),
            parameters=(standard_use, limit_use, rate_use),
            subject=subject,
        )
    ]
    total = _ZERO
    lower = _ZERO
    for band in schedule.bands:
        if taxable <= lower:
            break
        top = taxable if band.upper_limit is None else min(taxable, band.upper_limit)
        in_band = top - lower
        tax = in_band * band.rate
        total += tax
        findings.append(
            Finding(
                "TAX-ANNUAL-BAND",
                Severity.INFO,
                "tax.annual.band",
                {
                    "amount": gbp(in_band),
                    "band": band.name,
                    "rate": as_percent(band.rate),
                    "tax": gbp(tax),
                },
                parameters=(band.rate_use,) + ((band.limit_use,) if band.limit_use else ()),
                subject=subject,
            )
        )
        if band.upper_limit is None:
            break
        lower = band.upper_limit
    findings.append(
        Finding(
            "TAX-ANNUAL-TOTAL",
            Severity.INFO,
            "tax.annual.total",
            {"year": str(year), "income": gbp(amount), "tax": gbp(total)},
            citations=(_cite("nihr_public_guide_status_tax_2024#depends"),),
            subject=subject,
        )
    )
    return AnnualIncomeTax(
        tax_year=year,
        regime=regime,
        income=gbp(amount),
        personal_allowance=gbp(allowance),
        taxable_income=gbp(taxable),
        income_tax=gbp(total),
        findings=tuple(findings),
    )
