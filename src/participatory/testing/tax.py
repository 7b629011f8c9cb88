"""Hypothesis strategies for the tax models: codes, payroll payments, payment records.

Every strategy builds values the tax engine can assess with the bundled figures (tax years
2024/25 to 2026/27; weekly, monthly and one-off pay; codes whose meaning the sources
settle), so a property can call :func:`participatory.tax.assess_payroll` on each.

>>> from hypothesis import given
>>> from participatory.tax import assess_payroll
>>> @given(payroll_payments())
... def check(payment):
...     result = assess_payroll(payment)
...     assert result.net + result.income_tax + result.employee_ni == payment.gross
>>> check()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import strategies as st

from participatory.core.money import Money
from participatory.core.periods import TaxYear
from participatory.tax.codes import CodeBasis, CodeKind, TaxCode
from participatory.tax.pay_periods import PayeTable, PayFrequency
from participatory.tax.payroll import PayrollPayment, PayToDate
from participatory.tax.rates import TaxRegime
from participatory.tax.summary import PaymentRecord, PaymentRoute

__all__ = [
    "PAYERS",
    "SUPPORTED_FREQUENCIES",
    "TAX_YEARS",
    "allowance_numbers",
    "gross_pay",
    "pay_days",
    "payment_records",
    "payroll_payments",
    "tax_codes",
]

#: The tax years the bundled figures cover.
TAX_YEARS: tuple[int, ...] = (2024, 2025, 2026)
#: Pay frequencies whose earnings periods the sources settle.
SUPPORTED_FREQUENCIES: tuple[PayFrequency, ...] = (
    PayFrequency.WEEKLY,
    PayFrequency.MONTHLY,
    PayFrequency.ONE_OFF,
)
#: A few payers, so generated years have several payments per payer.
PAYERS: tuple[str, ...] = ("Uni A", "Charity B", "Trust C")


def allowance_numbers(max_value: int = 2000) -> st.SearchStrategy[int]:
    """Code numbers the tables method settles (1 upwards, never a multiple of 500)."""
    return st.integers(min_value=1, max_value=max_value).filter(lambda n: n % 500 != 0)


def tax_codes(
    *,
    regimes: Sequence[TaxRegime] = tuple(TaxRegime),
    kinds: Sequence[CodeKind] = tuple(CodeKind),
    bases: Sequence[CodeBasis] = tuple(CodeBasis),
) -> st.SearchStrategy[TaxCode]:
    """Valid codes of the given regimes, kinds and bases (NT only without a prefix)."""

    @st.composite
    def build(draw: st.DrawFn) -> TaxCode:
        regime = draw(st.sampled_from(list(regimes)))
        kind = draw(st.sampled_from(list(kinds)))
        basis = draw(st.sampled_from(list(bases)))
        prefix = {TaxRegime.REST_OF_UK: "", TaxRegime.SCOTLAND: "S", TaxRegime.WALES: "C"}
        if kind is CodeKind.ALLOWANCE:
            body = f"{draw(allowance_numbers())}{draw(st.sampled_from('LMNT'))}"
        elif kind is CodeKind.K:
            body = f"K{draw(allowance_numbers(1000))}"
        elif kind is CodeKind.NO_ALLOWANCE:
            body = "0T"
        elif kind is CodeKind.FLAT_RATE:
            body = draw(st.sampled_from(["BR", "D0", "D1"]))
        else:
            body = "NT"
            regime = TaxRegime.REST_OF_UK
        marker = "" if basis is CodeBasis.CUMULATIVE else f" {basis.value}"
        return TaxCode.parse(f"{prefix[regime]}{body}{marker}")

    return build()


def gross_pay(
    min_value: Decimal | int = 0, max_value: Decimal | int = 20_000, *, whole_pounds: bool = False
) -> st.SearchStrategy[Money]:
    """Gross pay in pounds and pence (or whole pounds)."""
    places = 0 if whole_pounds else 2
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    ).map(lambda d: Money.gbp(d.quantize(Decimal("0.01"))))


def pay_days(years: Sequence[int] = TAX_YEARS) -> st.SearchStrategy[dt.date]:
    """Days in the given tax years (week 53 included)."""
    return st.sampled_from(list(years)).flatmap(
        lambda year: st.dates(TaxYear(year).range.start, TaxYear(year).range.end)
    )


def payroll_payments(
    *,
    gross: st.SearchStrategy[Money] | None = None,
    codes: st.SearchStrategy[TaxCode] | None = None,
    frequencies: Sequence[PayFrequency] = SUPPORTED_FREQUENCIES,
    years: Sequence[int] = TAX_YEARS,
    with_pay_to_date: bool = False,
) -> st.SearchStrategy[PayrollPayment]:
    """Payroll payments the engine can assess with the bundled figures.

    Flat-rate codes are given whole-pound pay (a fraction of a penny of tax is refused);
    cumulative weekly payments avoid tax week 53 (refused).
    """

    @st.composite
    def build(draw: st.DrawFn) -> PayrollPayment:
        code = draw(codes if codes is not None else tax_codes())
        frequency = draw(st.sampled_from(list(frequencies)))
        day = draw(pay_days(years))
        pounds_only = code.kind in (CodeKind.FLAT_RATE, CodeKind.K)
        amount = draw(gross if gross is not None else gross_pay(whole_pounds=pounds_only))
        if pounds_only and amount.amount != amount.amount.to_integral_value():
            amount = Money.gbp(amount.amount.to_integral_value())
        table = None
        if frequency is PayFrequency.ONE_OFF:
            table = draw(st.sampled_from(list(PayeTable)))
        previous = None
        if with_pay_to_date and code.cumulative:
            pay = draw(gross_pay(0, 100_000, whole_pounds=True))
            tax = draw(gross_pay(0, pay.amount / 5, whole_pounds=True))
            previous = PayToDate(pay, tax)
        payment = PayrollPayment(
            amount, day, frequency, code, paye_table=table, pay_to_date=previous
        )
        if (
            frequency is PayFrequency.WEEKLY
            and code.cumulative
            and code.kind not in (CodeKind.FLAT_RATE, CodeKind.NO_TAX)
            and payment.tax_period == 53
        ):
            return PayrollPayment(
                amount, TaxYear.containing(day).range.start, frequency, code, pay_to_date=previous
            )
        return payment

    return build()


def payment_records(years: Sequence[int] = TAX_YEARS) -> st.SearchStrategy[PaymentRecord]:
    """Payments of every route, from a few payers; payroll ones are assessable."""
    payroll = st.builds(
        PaymentRecord.through_payroll,
        st.sampled_from(PAYERS),
        payroll_payments(
            codes=tax_codes(kinds=(CodeKind.ALLOWANCE, CodeKind.NO_ALLOWANCE)),
            years=years,
        ),
    )
    other = st.builds(
        PaymentRecord,
        st.sampled_from(PAYERS),
        st.sampled_from([r for r in PaymentRoute if r is not PaymentRoute.PAYROLL]),
        gross_pay(0, 2_000),
        pay_days(years),
    )
    return payroll | other
