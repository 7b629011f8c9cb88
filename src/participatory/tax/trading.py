"""Fees paid on invoice (self-employment): the trading allowance, Self Assessment, Class 2/4.

A contributor who invoices for involvement is (for income tax) trading; a reward for
services that is not trading is miscellaneous income (ITTOIA 2005 s. 687; HMRC ESM4530).
Both meet the **trading allowance** (ITTOIA 2005 Part 6A):

- the test is on **gross** receipts, "before any allowances or expenses" (GOV.UK), of every
  sole trade plus miscellaneous income, across every payer in the tax year;
- at or under £1,000 (a dated parameter): **full relief** — "not charged to income tax"
  (s. 783A(2), s. 783AE) and "do not need to be reported in a tax return" (HMRC);
- over £1,000: the income must go on a Self Assessment return; the person may elect for
  **partial relief** — deduct £1,000 instead of actual expenses (s. 783AI, s. 783AM; the
  election is due by the first anniversary of the normal filing date). The allowance may
  be split between the trade and the miscellaneous income as the person chooses, but not
  to make a loss on either (s. 783AK; BIM86019); the election is open with a trade loss
  too, and the trade's expenses never reduce the miscellaneous income.
- a trade loss within the allowance is treated as nil (full relief); the person may elect
  out of full relief (s. 783AL; BIM86076) to claim it: the engine advises so.

The trading allowance is an income tax rule only: benefit means tests count the receipts
(see :mod:`participatory.benefits`).

National Insurance for the self-employed from 6 April 2024: Class 2 is no longer payable —
profits at or above the small profits threshold are "treated as having been paid";
below it, voluntary Class 2 may be paid. Class 4 is due on profits over the lower profits
limit (6% to the upper limit, 2% above).

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> small = assess_trading_income(Money.gbp(600), as_at=dt.date(2025, 9, 1))
>>> small.full_relief, small.self_assessment_needed, small.taxable_profit
(True, False, Money('0.00', 'GBP'))
>>> larger = assess_trading_income(Money.gbp(1500), as_at=dt.date(2025, 9, 1))
>>> larger.full_relief, larger.self_assessment_needed, larger.profit_with_partial_relief
(False, True, Money('500.00', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import TaxYear, to_date
from participatory.tax.rates import as_percent, pence
from participatory.tax.sources import _cite

__all__ = ["TradingIncomeAssessment", "assess_trading_income", "tax_year_of"]

MESSAGES: Final[Mapping[str, str]] = {
    "tax.trading.relevant_income": (
        "Trading receipts of {trading} and miscellaneous income of {miscellaneous} in {year}: "
        "{relevant} in all, gross, before any expenses, for the {allowance} trading allowance."
    ),
    "tax.trading.full_relief": (
        "{relevant} is not over the {allowance} trading allowance: it is not charged to income "
        "tax and need not be reported on a tax return (unless the contributor sends a return "
        "for other reasons, when HMRC's rules on what to declare apply)."
    ),
    "tax.trading.over_allowance": (
        "{relevant} is over the {allowance} trading allowance: the contributor must report it "
        "on a Self Assessment tax return for {year}."
    ),
    "tax.trading.report_without_allowance": (
        "Without the trading allowance, the {relevant} of income for {year} goes on a Self "
        "Assessment tax return."
    ),
    "tax.trading.partial_relief": (
        "Partial relief: the contributor may deduct the {allowance} allowance instead of "
        "actual expenses, giving a profit of {profit}. The election is made on the return, by "
        "the first anniversary of the normal filing date."
    ),
    "tax.trading.actual_expenses": (
        "With actual expenses of {expenses} the profit is {profit}: {better} is lower."
    ),
    "tax.trading.loss": (
        "Expenses of {expenses} exceed the receipts: to claim relief for the loss the "
        "contributor cannot use the trading allowance."
    ),
    "tax.trading.partial_relief_split": (
        "The trade's expenses of {expenses} exceed its receipts of {trading}, but partial "
        "relief is still open: the contributor may split the {allowance} allowance between "
        "the trade and the miscellaneous income as they choose, so long as it makes no loss "
        "on either: {to_trade} against the trade and {to_miscellaneous} against the "
        "miscellaneous income gives {profit}. Without partial relief the miscellaneous "
        "income of {miscellaneous} is charged, and relief for the trade's loss of {loss} "
        "needs a claim (the trading allowance is not then used)."
    ),
    "tax.trading.elect_out_for_loss": (
        "The trade's expenses of {expenses} exceed its receipts of {trading}: a loss of "
        "{loss}. Full relief treats the trade's profit or loss as nil. The contributor may "
        "elect for full relief not to apply, by the first anniversary of the normal filing "
        "date, so as to claim relief for the loss: they then send a Self Assessment return "
        "and any miscellaneous income ({miscellaneous}) is charged too."
    ),
    "tax.trading.employee_of_payer": (
        "The contributor is an employee of a payer (or the spouse or civil partner of one): "
        "the trading allowance may not be available for that payer's fees. The exclusion for "
        "trading (ITTOIA 2005 s. 783AN) was not read; the same rule for property income "
        "excludes such payments. The allowance is not applied here: ask HMRC."
    ),
    "tax.trading.class2_treated_paid": (
        "Trading profits of {profit} are at or above the small profits threshold of "
        "{threshold}: Class 2 National Insurance is treated as paid; nothing is payable."
    ),
    "tax.trading.class2_voluntary": (
        "Trading profits of {profit} are below the small profits threshold of {threshold}: no "
        "National Insurance is payable; voluntary Class 2 at {weekly} a week would protect the "
        "National Insurance record."
    ),
    "tax.trading.class4": (
        "Class 4 National Insurance on trading profits of {profit}: {main_rate} over "
        "{lower_limit} up to {upper_limit}, {additional_rate} above = {class4}. The year's "
        "Class 4 is on all the contributor's self-employed profits."
    ),
    "tax.trading.class4_exact": (
        "The exact Class 4 figure has a fraction of a penny; HMRC's rounding for Class 4 was "
        "not read, so it is shown unrounded."
    ),
    "tax.trading.declare": (
        "NIHR: payment for involvement may be taxable income and the contributor is "
        "responsible for declaring it; whether tax is due depends on their other income."
    ),
}

_ZERO: Final = Decimal(0)


def _money(path: str, value: object) -> Money:
    money = value if isinstance(value, Money) else Money.gbp(value)  # type: ignore[arg-type]
    if money.currency != "GBP":
        raise ValidationError(path, "must be in pounds sterling (GBP)")
    if money.is_negative():
        raise ValidationError(path, "must not be negative")
    if not money.is_whole_minor_units():
        raise ValidationError(path, "must be a whole number of pence")
    return money


def tax_year_of(as_at: object, tax_year: TaxYear | int | None) -> TaxYear:
    """The tax year asked about: ``tax_year`` if given, else the one containing ``as_at``."""
    if tax_year is None:
        return TaxYear.containing(to_date(as_at, "as_at"))
    if isinstance(tax_year, TaxYear):
        return tax_year
    if isinstance(tax_year, bool) or not isinstance(tax_year, int):
        raise ValidationError("tax_year", "must be a TaxYear or the year it starts (2025)")
    return TaxYear(tax_year)


@attrs.frozen
class TradingIncomeAssessment(Explained):
    """The trading allowance, Self Assessment and Class 2/4 position for one tax year."""

    tax_year: TaxYear
    #: Trading receipts plus miscellaneous income, gross.
    relevant_income: Money
    allowance: Money
    #: Relevant income not over the allowance (and the allowance available).
    full_relief: bool
    #: Whether the income must go on a Self Assessment return.
    self_assessment_needed: bool
    #: Profit charged to income tax: nil under full relief, else the lower of the two below.
    taxable_profit: Money
    #: Relevant income less the allowance (``None`` when partial relief is not available:
    #: relevant income not over the allowance, or the allowance excluded). Open with a
    #: trade loss too (s. 783AM); the allowance never makes a loss (s. 783AK; BIM86019).
    profit_with_partial_relief: Money | None
    #: Charged with actual expenses: the trade's receipts less its expenses (nil if a
    #: loss) plus the miscellaneous income (``None`` when expenses were not given). The
    #: trade's expenses are never set against the miscellaneous income.
    profit_with_expenses: Money | None
    #: Trading profit used for Class 2 and Class 4, and the Class 4 due on it.
    trading_profit: Money
    class4: Money
    #: The trade's loss with actual expenses (expenses over trade receipts; nil if none or
    #: expenses not given). Relief for it needs a claim and rules out the allowance.
    trading_loss: Money = attrs.field(factory=lambda: Money.gbp(0))


def _uses(params: ParameterSet, day: dt.date, *names: str) -> tuple[ParameterUse, ...]:
    return tuple(params.use(name, day) for name in names)


def _number(use: ParameterUse) -> Decimal:
    return Decimal(str(use.value))


def _class_2_and_4(
    profit: Decimal, params: ParameterSet, day: dt.date, subject: str | None
) -> tuple[Decimal, list[Finding]]:
    spt, weekly = _uses(
        params,
        day,
        "national_insurance.class2.small_profits_threshold",
        "national_insurance.class2.voluntary_weekly_rate",
    )
    lower, upper, main, additional = _uses(
        params,
        day,
        "national_insurance.class4.lower_profits_limit",
        "national_insurance.class4.upper_profits_limit",
        "national_insurance.class4.main_rate",
        "national_insurance.class4.additional_rate",
    )
    gbp = Money.gbp
    found = []
    if profit >= _number(spt):
        found.append(
            Finding(
                "TAX-TRADING-CLASS2",
                Severity.INFO,
                "tax.trading.class2_treated_paid",
                {"profit": gbp(profit), "threshold": gbp(_number(spt))},
                citations=(
                    _cite("gov_uk_self_employed_ni_rates_2024_25#class2"),
                    _cite("hmrc_policy_paper_nics_jan_2024#class2"),
                ),
                parameters=(spt,),
                subject=subject,
            )
        )
    else:
        found.append(
            Finding(
                "TAX-TRADING-CLASS2",
                Severity.INFO,
                "tax.trading.class2_voluntary",
                {
                    "profit": gbp(profit),
                    "threshold": gbp(_number(spt)),
                    "weekly": gbp(_number(weekly)),
                },
                citations=(_cite("gov_uk_self_employed_ni_rates_2024_25#voluntary"),),
                parameters=(spt, weekly),
                subject=subject,
            )
        )
    main_part = max(_ZERO, min(profit, _number(upper)) - _number(lower))
    additional_part = max(_ZERO, profit - max(_number(upper), _number(lower)))
    class4 = main_part * _number(main) + additional_part * _number(additional)
    if class4 > 0:
        found.append(
            Finding(
                "TAX-TRADING-CLASS4",
                Severity.WARNING,
                "tax.trading.class4",
                {
                    "profit": gbp(profit),
                    "main_rate": as_percent(_number(main)),
                    "lower_limit": gbp(_number(lower)),
                    "upper_limit": gbp(_number(upper)),
                    "additional_rate": as_percent(_number(additional)),
                    "class4": gbp(class4),
                },
                citations=(_cite("gov_uk_self_employed_ni_rates_2024_25#class4"),),
                parameters=(lower, upper, main, additional),
                subject=subject,
            )
        )
        if class4 != class4.quantize(Decimal("0.01")):
            found.append(
                Finding(
                    "TAX-TRADING-CLASS4-EXACT",
                    Severity.ADVICE,
                    "tax.trading.class4_exact",
                    citations=(_cite("gov_uk_self_employed_ni_rates_2024_25#class4"),),
                    subject=subject,
                )
            )
    return class4, found


@computes_exactly
def assess_trading_income(
    receipts: Money,
    *,
    as_at: dt.date,
    tax_year: TaxYear | int | None = None,
    other_trading_receipts: Money | None = None,
    miscellaneous_income: Money | None = None,
    expenses: Money | None = None,
    employee_of_payer: bool = False,
    parameters: ParameterSet | None = None,
    subject: str | None = None,
) -> TradingIncomeAssessment:
    """The income tax and National Insurance position of invoiced fees for one tax year.

    ``receipts`` are the gross invoiced involvement fees received in the tax year (all
    payers); ``other_trading_receipts`` any other sole-trade receipts;
    ``miscellaneous_income`` rewards for services that are not trading (vouchers or fees
    to a member of the public, ITTOIA 2005 s. 687); ``expenses`` the allowable expenses
    of the trades, if known. ``tax_year`` defaults to the one containing ``as_at``.
    ``employee_of_payer`` marks a contributor who is also an employee of a payer (or the
    spouse or civil partner of one): the allowance is then not applied (see the finding).
    """
    year = tax_year_of(as_at, tax_year)
    day = year.range.start
    params = parameters if parameters is not None else bundled_parameters()
    trading = _money("receipts", receipts).amount
    trading += _money("other_trading_receipts", other_trading_receipts or Money.gbp(0)).amount
    misc = _money("miscellaneous_income", miscellaneous_income or Money.gbp(0)).amount
    costs = None if expenses is None else _money("expenses", expenses).amount
    allowance_use = params.use("income_tax.trading_allowance", day)
    allowance = _number(allowance_use)
    relevant = trading + misc
    gbp = pence
    year_text = str(year)
    found = [
        Finding(
            "TAX-TRADING-RELEVANT-INCOME",
            Severity.INFO,
            "tax.trading.relevant_income",
            {
                "trading": gbp(trading),
                "miscellaneous": gbp(misc),
                "year": year_text,
                "relevant": gbp(relevant),
                "allowance": gbp(allowance),
            },
            citations=(
                _cite("ittoia_2005#s783a"),
                _cite("ittoia_2005#s783ab"),
                _cite("gov_uk_tax_free_allowances#gross"),
                _cite("hmrc_sa_help_trading_allowance#split"),
            ),
            parameters=(allowance_use,),
            subject=subject,
        )
    ]
    excluded = bool(employee_of_payer)
    if excluded:
        found.append(
            Finding(
                "TAX-TRADING-EMPLOYEE-OF-PAYER",
                Severity.REFER,
                "tax.trading.employee_of_payer",
                citations=(
                    _cite("ittoia_2005#s783bn_property"),
                    _cite("hmrc_bim#bim86074"),
                ),
                subject=subject,
            )
        )
    full_relief = relevant <= allowance and not excluded
    # Actual expenses are the trade's (s. 783AI; BIM86019): they reduce the trade's profit,
    # never the miscellaneous income. A trade loss is not set against the miscellaneous
    # income here: relief for it needs a claim (SA help), so the profit charged with actual
    # expenses is the trade's profit (nil if a loss) plus the miscellaneous income.
    loss = _ZERO if costs is None else max(_ZERO, costs - trading)
    with_expenses = None if costs is None else max(_ZERO, trading - costs) + misc
    with_partial = None
    if full_relief:
        taxable = _ZERO
        found.append(
            Finding(
                "TAX-TRADING-FULL-RELIEF",
                Severity.MET,
                "tax.trading.full_relief",
                {"relevant": gbp(relevant), "allowance": gbp(allowance)},
                citations=(
                    _cite("ittoia_2005#s783ae_1"),
                    _cite("hmrc_sa_help_trading_allowance#exempt"),
                    _cite("gov_uk_tax_free_allowances#trading"),
                ),
                parameters=(allowance_use,),
                subject=subject,
            )
        )
        if loss > 0:
            found.append(
                Finding(
                    "TAX-TRADING-ELECT-OUT",
                    Severity.ADVICE,
                    "tax.trading.elect_out_for_loss",
                    {
                        "expenses": gbp(costs or _ZERO),
                        "trading": gbp(trading),
                        "loss": gbp(loss),
                        "miscellaneous": gbp(misc),
                    },
                    citations=(
                        _cite("ittoia_2005#s783al"),
                        _cite("ittoia_2005#s783ae_1"),
                        _cite("hmrc_bim#bim86011"),
                        _cite("hmrc_bim#bim86076"),
                    ),
                    subject=subject,
                )
            )
    else:
        found.append(
            Finding(
                "TAX-TRADING-SELF-ASSESSMENT",
                Severity.WARNING,
                "tax.trading.over_allowance"
                if relevant > allowance
                else "tax.trading.report_without_allowance",
                {"relevant": gbp(relevant), "allowance": gbp(allowance), "year": year_text},
                citations=(
                    _cite("hmrc_sa_help_trading_allowance#exempt"),
                    _cite("freeagent_sa_guide#sole_trader"),
                ),
                parameters=(allowance_use,),
                subject=subject,
            )
        )
        if not excluded and relevant > allowance:
            # s. 783AM: the election is open whenever relevant income exceeds the allowance,
            # a trade loss or not. The allowance may be split between the trade and the
            # miscellaneous income, but not so as to make a loss on either (s. 783AK;
            # BIM86019): as relevant income exceeds it, the whole allowance is used.
            with_partial = relevant - allowance
            found.append(
                Finding(
                    "TAX-TRADING-PARTIAL-RELIEF",
                    Severity.ADVICE,
                    "tax.trading.partial_relief",
                    {"allowance": gbp(allowance), "profit": gbp(with_partial)},
                    citations=(
                        _cite("ittoia_2005#s783ai"),
                        _cite("ittoia_2005#s783am"),
                        _cite("gov_uk_tax_free_allowances#partial"),
                        _cite("hmrc_bim#bim86015"),
                    ),
                    parameters=(allowance_use,),
                    subject=subject,
                )
            )
        if loss > 0:
            found.append(
                Finding(
                    "TAX-TRADING-LOSS",
                    Severity.ADVICE,
                    "tax.trading.loss",
                    {"expenses": gbp(costs or _ZERO)},
                    citations=(_cite("hmrc_sa_help_trading_allowance#loss"),),
                    subject=subject,
                )
            )
            if with_partial is not None and misc > 0:
                to_trade = min(allowance, trading)
                found.append(
                    Finding(
                        "TAX-TRADING-PARTIAL-SPLIT",
                        Severity.ADVICE,
                        "tax.trading.partial_relief_split",
                        {
                            "expenses": gbp(costs or _ZERO),
                            "trading": gbp(trading),
                            "allowance": gbp(allowance),
                            "to_trade": gbp(to_trade),
                            "to_miscellaneous": gbp(allowance - to_trade),
                            "profit": gbp(with_partial),
                            "miscellaneous": gbp(misc),
                            "loss": gbp(loss),
                        },
                        citations=(
                            _cite("ittoia_2005#s783ak_1"),
                            _cite("ittoia_2005#s783aj"),
                            _cite("hmrc_bim#bim86019"),
                            _cite("hmrc_sa_help_trading_allowance#loss"),
                        ),
                        parameters=(allowance_use,),
                        subject=subject,
                    )
                )
        if with_expenses is not None and with_partial is not None:
            better = "partial relief" if with_partial < with_expenses else "actual expenses"
            found.append(
                Finding(
                    "TAX-TRADING-EXPENSES",
                    Severity.INFO,
                    "tax.trading.actual_expenses",
                    {
                        "expenses": gbp(costs or _ZERO),
                        "profit": gbp(with_expenses),
                        "better": better,
                    },
                    citations=(_cite("gov_uk_tax_free_allowances#partial"),),
                    subject=subject,
                )
            )
        choices = [c for c in (with_partial, with_expenses) if c is not None]
        taxable = max(_ZERO, min(choices)) if choices else relevant
    # Class 2 and 4 are on trading profits only (miscellaneous income is not a trade).
    if full_relief:
        trading_profit = _ZERO
    else:
        trading_deduction = [
            d
            for d in (
                costs,
                None if with_partial is None else min(allowance, trading),
            )
            if d is not None
        ]
        trading_profit = max(_ZERO, trading - max(trading_deduction, default=_ZERO))
    class4, ni_findings = _class_2_and_4(trading_profit, params, day, subject)
    if trading > 0:
        found.extend(ni_findings)
    found.append(
        Finding(
            "TAX-TRADING-DECLARE",
            Severity.INFO,
            "tax.trading.declare",
            citations=(
                _cite("nihr_public_guide_status_tax_2024#income"),
                _cite("nihr_public_guide_status_tax_2024#depends"),
                _cite("nihr_org_guide_status_tax_2023#responsible"),
            ),
            subject=subject,
        )
    )
    return TradingIncomeAssessment(
        tax_year=year,
        relevant_income=gbp(relevant),
        allowance=gbp(allowance),
        full_relief=full_relief,
        self_assessment_needed=not full_relief,
        taxable_profit=gbp(taxable),
        profit_with_partial_relief=None if with_partial is None else gbp(with_partial),
        profit_with_expenses=None if with_expenses is None else gbp(with_expenses),
        trading_profit=gbp(trading_profit),
        class4=Money.gbp(class4) if class4 != class4.quantize(Decimal("0.01")) else gbp(class4),
        trading_loss=gbp(loss),
        findings=tuple(found),
    )
