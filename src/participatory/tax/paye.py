"""PAYE income tax on one payment, by HMRC's tables method.

The steps, each HMRC's:

1. **Free pay** for the period. Codes are split into blocks of 500: each block gives
   £416.67 a month or £96.16 a week (5,000 ÷ 12 or ÷ 52, rounded up to the penny); the
   remainder ``r`` gives (10 × r + 9) ÷ 12 or ÷ 52, rounded up to the penny. Free pay to
   date in period ``n`` is ``n`` times the period-1 figure (PAYE70025: "free pay for Month
   1 is 1/12, Month 2 is 2/12"). On a week 1/month 1 basis every payment is period 1
   (Tables B-D: "always use the first line"). The rule is derived, not printed: it
   reproduces every figure of HMRC's own test data (510L week 8: £786.08; week 29:
   £2,849.54; 560T month 3: £1,402.26) and gives 1257L £1,048.26 a month, £241.92 a week.
   A ``K`` code's number gives, the same way, an amount *added* to pay.
2. **Taxable pay** to date = pay to date − free pay to date (+ K additional pay),
   rounded **down** to the whole pound (Tables B-D: "Round down taxable pay to the
   nearest pound").
3. **Bands** to date: each annual limit × n ÷ 12 (or 52), rounded up to the whole pound
   (the pattern of HMRC's printed tables; derived). Tax is each band's rate on the whole
   pounds in it, so always a whole number of pence.
4. Cumulative codes: this payment's tax is the tax to date less the tax already deducted
   (a negative figure is a refund). ``K`` codes: no more than the regulatory limit (50%)
   of the period's pay.

Flat-rate codes (``BR``, ``D0``, ``D1``) multiply "the whole pay" by their rate; ``NT``
deducts nothing.

>>> import datetime as dt
>>> from participatory.tax.rates import TaxRegime, income_tax_schedule
>>> free_pay(1257, PayeTable.MONTH), free_pay(1257, PayeTable.WEEK)
(Decimal('1048.26'), Decimal('241.92'))
>>> schedule = income_tax_schedule(TaxRegime.REST_OF_UK, dt.date(2025, 6, 1))
>>> result = calculate_paye(TaxCode.parse("1257L W1"), Decimal("500"), table=PayeTable.WEEK,
...                         period=1, schedule=schedule)
>>> result.taxable_pay_to_date, result.tax
(Decimal('258'), Decimal('51.60'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Final

import attrs

from participatory.core.errors import UnsupportedCase
from participatory.core.exact import computes_exactly
from participatory.core.record import Record
from participatory.tax.codes import CodeKind, TaxCode
from participatory.tax.pay_periods import PayeTable
from participatory.tax.rates import IncomeTaxBand, IncomeTaxSchedule

__all__ = ["BandSlice", "PayeCalculation", "calculate_paye", "free_pay"]

# The tables method's own constants: a block of 500 code units is £5,000 of allowance, and a
# remainder r stands for allowances of 10 r to 10 r + 9 pounds (a code drops the last digit).
_BLOCK: Final = 500
_BLOCK_POUNDS: Final = Decimal(5000)
_TENS: Final = 10
_TOP_OF_REMAINDER: Final = 9
_PENNY: Final = Decimal("0.01")
_POUND: Final = Decimal(1)
_ZERO: Final = Decimal(0)


def _up_to_penny(value: Decimal) -> Decimal:
    return value.quantize(_PENNY, rounding=ROUND_CEILING)


@computes_exactly
def free_pay(number: int, table: PayeTable) -> Decimal:
    """Period-1 free pay (or K additional pay) for a code number, by the tables method.

    A number that is an exact multiple of 500 is refused: the sources read do not settle
    whether its last block takes the "+ 9" of a remainder.
    """
    blocks, remainder = divmod(number, _BLOCK)
    if number > 0 and remainder == 0:
        raise UnsupportedCase(
            f"free pay for code number {number} (a multiple of 500)",
            instead="work it out with the payroll provider's software; the tables method "
            "read does not settle the last block of such a code",
        )
    periods = table.periods_in_year
    amount = blocks * _up_to_penny(_BLOCK_POUNDS / periods)
    if remainder:
        amount += _up_to_penny(Decimal(_TENS * remainder + _TOP_OF_REMAINDER) / periods)
    return amount


def _band_limit_to_date(band: IncomeTaxBand, period: int, table: PayeTable) -> Decimal | None:
    if band.upper_limit is None:
        return None
    share = band.upper_limit * period / table.periods_in_year
    return share.quantize(_POUND, rounding=ROUND_CEILING)


@attrs.frozen
class BandSlice(Record):
    """The taxable pay that fell in one band, its rate and the tax on it."""

    band: str
    amount: Decimal
    rate: Decimal
    tax: Decimal
    #: The band's upper limit to date (whole pounds), ``None`` for the top band.
    limit_to_date: Decimal | None


@attrs.frozen
class PayeCalculation(Record):
    """The figures of one PAYE calculation, every step kept so a finding can quote it."""

    code: TaxCode
    table: PayeTable
    #: The period number used: the tax week or month (cumulative), or 1 (W1/M1, one-off).
    period: int
    gross: Decimal
    pay_to_date: Decimal
    #: Free pay to date; for a K code, the additional pay to date (added, not taken off).
    free_pay_to_date: Decimal
    taxable_pay_to_date: Decimal
    tax_to_date: Decimal
    tax_already_deducted: Decimal
    #: The tax on this payment (negative: a refund, on a cumulative code).
    tax: Decimal
    slices: tuple[BandSlice, ...] = ()
    #: True when a K code's tax was cut to the regulatory limit.
    limited: bool = False


def _slices(
    taxable: Decimal, bands: Sequence[IncomeTaxBand], period: int, table: PayeTable
) -> tuple[BandSlice, ...]:
    found = []
    lower = _ZERO
    for band in bands:
        if taxable <= lower:
            break
        limit = _band_limit_to_date(band, period, table)
        top = taxable if limit is None else min(taxable, limit)
        amount = top - lower
        if amount > 0:
            found.append(BandSlice(band.name, amount, band.rate, amount * band.rate, limit))
        if limit is None:
            break
        lower = max(lower, limit)
    return tuple(found)


def _flat_rate_tax(code: TaxCode, gross: Decimal, schedule: IncomeTaxSchedule) -> BandSlice:
    band_name = code.flat_band
    assert band_name is not None
    band = schedule.band(band_name)
    tax = gross * band.rate
    if tax != tax.quantize(_PENNY):
        raise UnsupportedCase(
            f"{code.core} on pay of £{gross} ({band.rate:%} of it is not a whole number of pence)",
            instead="HMRC's tables multiply 'the whole pay' by the rate but the sources read do "
            "not say how a fraction of a penny is rounded (Sage ignores the pence of the pay): "
            "ask the payroll provider",
        )
    return BandSlice(band.name, gross, band.rate, tax, None)


@computes_exactly
def calculate_paye(
    code: TaxCode,
    gross: Decimal,
    *,
    table: PayeTable,
    period: int,
    schedule: IncomeTaxSchedule,
    previous_pay: Decimal = _ZERO,
    previous_tax: Decimal = _ZERO,
    regulatory_limit: Decimal | None = None,
) -> PayeCalculation:
    """Income tax on ``gross`` paid under ``code`` in tax period ``period`` of ``table``.

    ``previous_pay`` and ``previous_tax`` are this employment's pay and tax earlier in the
    tax year; they count only on a cumulative code (a non-cumulative code ignores them and
    uses period 1). ``regulatory_limit`` (a share of the period's pay) caps a K code's tax.
    """
    cumulative = code.cumulative
    n = period if cumulative else 1
    if code.kind is CodeKind.NO_TAX:
        return PayeCalculation(code, table, n, gross, gross, _ZERO, _ZERO, _ZERO, _ZERO, _ZERO)
    if code.kind is CodeKind.FLAT_RATE:
        # "Always multiply the whole pay": each payment on its own, whatever the basis.
        slice_ = _flat_rate_tax(code, gross, schedule)
        return PayeCalculation(
            code, table, n, gross, gross, _ZERO, gross, slice_.tax, _ZERO, slice_.tax,
            (slice_,),
        )  # fmt: skip
    pay_to_date = gross + previous_pay if cumulative else gross
    already = previous_tax if cumulative else _ZERO
    per_period = free_pay(code.number, table) if code.number else _ZERO
    to_date = per_period * n
    taxable_exact = pay_to_date + to_date if code.kind is CodeKind.K else pay_to_date - to_date
    taxable = max(_ZERO, taxable_exact.quantize(_POUND, rounding=ROUND_FLOOR))
    slices = _slices(taxable, schedule.bands, n, table)
    tax_to_date = sum((s.tax for s in slices), _ZERO)
    tax = tax_to_date - already
    limited = False
    if code.kind is CodeKind.K and regulatory_limit is not None:
        ceiling = gross * regulatory_limit
        if tax > ceiling:
            if ceiling != ceiling.quantize(_PENNY):
                raise UnsupportedCase(
                    f"the regulatory limit on pay of £{gross} (half of it is not whole pence)",
                    instead="the sources read do not say how the limit is rounded: ask the "
                    "payroll provider",
                )
            tax, limited = ceiling, True
    return PayeCalculation(
        code, table, n, gross, pay_to_date, to_date, taxable, tax_to_date, already, tax,
        slices, limited,
    )  # fmt: skip
