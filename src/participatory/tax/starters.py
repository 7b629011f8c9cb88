"""Which tax code a payer uses for a new contributor on its payroll.

What the sources read establish, and how firmly:

- **Paid once** (an involvement fee paid through payroll a single time): "use tax code '0T'
  on a 'Week 1' or 'Month 1' basis", with "IO" as the pay frequency and no start or leaving
  date (GOV.UK, read).
- **No P45 and no starter declaration**: "Use the tax code 0T on a 'Week 1/month 1' basis,
  and starter declaration code C" (GOV.UK's new-employee tool, read).
- **Starter checklist statements A, B and C**: A (first job since 6 April, no benefits or
  pension) the emergency code cumulatively; B (no other job now) the emergency code on a
  week 1/month 1 basis; C (another job or a pension) BR. HMRC's help card (read) says only
  what C means; the codes for A, B and C come from payroll and tax-advice pages
  (secondary), and the result says so.
- **The emergency code** is the year's standard code (``1257L``, a dated parameter) with
  ``W1``, ``M1`` or ``X``; ``S`` or ``C`` before it for a Scottish or Welsh taxpayer.

>>> import datetime as dt
>>> emergency_code(as_at=dt.date(2025, 6, 1), table=PayeTable.MONTH)
TaxCode(regime=<TaxRegime.REST_OF_UK: 'rest_of_uk'>, kind=<CodeKind.ALLOWANCE: 'allowance'>, number=1257, letters='L', basis=<CodeBasis.MONTH_1: 'M1'>)
>>> str(assess_starter_code(None, as_at=dt.date(2025, 6, 1), table=PayeTable.WEEK).code)
'0T W1'
>>> str(assess_starter_code(StarterStatement.B, as_at=dt.date(2025, 6, 1),
...                         table=PayeTable.MONTH).code)
'1257L M1'
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, ParameterUse, Severity
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import to_date
from participatory.tax.codes import CodeBasis, TaxCode
from participatory.tax.pay_periods import PayeTable
from participatory.tax.rates import TaxRegime
from participatory.tax.sources import _cite

__all__ = [
    "StarterCode",
    "StarterStatement",
    "assess_starter_code",
    "emergency_code",
    "emergency_code_use",
    "is_emergency_code",
]

MESSAGES: Final[Mapping[str, str]] = {
    "tax.starter.paid_once": (
        "A contributor paid once through payroll: HMRC says to use tax code {code} on a week 1 "
        "or month 1 basis, put 'IO' as the pay frequency, give no start or leaving date, and "
        "give them a statement of pay before and after deductions instead of a P45."
    ),
    "tax.starter.no_declaration": (
        "No P45 and no starter declaration: HMRC says to use tax code {code} and starter "
        "declaration code C."
    ),
    "tax.starter.statement": (
        "Starter checklist statement {statement}: tax code {code}. HMRC's help card read says "
        "what statement C means; the code for each statement is from payroll and tax-advice "
        "guidance, not read at HMRC."
    ),
    "tax.starter.emergency": (
        "{code} is an emergency tax code (the year's standard code {standard} with {marker}). "
        "Emergency codes are temporary: HMRC usually sends the right code within 35 days."
    ),
}


class StarterStatement(enum.Enum):
    """The statement a new employee ticks on HMRC's starter checklist."""

    #: First job since 6 April; no Jobseeker's or Employment and Support Allowance, no
    #: taxable Incapacity Benefit, no State or occupational pension.
    A = "A"
    #: This is now the only job, but since 6 April there was another job or one of the above.
    B = "B"
    #: Another job or a pension as well (HMRC help card: "another job or receive a pension").
    C = "C"


def emergency_code_use(as_at: dt.date, parameters: ParameterSet | None = None) -> ParameterUse:
    """The dated parameter giving the year's emergency code (``"1257L"``)."""
    params = parameters if parameters is not None else bundled_parameters()
    return params.use("paye.emergency_code", as_at)


def _marker(table: PayeTable) -> CodeBasis:
    return CodeBasis.WEEK_1 if table is PayeTable.WEEK else CodeBasis.MONTH_1


def emergency_code(
    *,
    as_at: dt.date,
    table: PayeTable,
    regime: TaxRegime = TaxRegime.REST_OF_UK,
    cumulative: bool = False,
    parameters: ParameterSet | None = None,
) -> TaxCode:
    """The emergency code for ``as_at``'s tax year, on the week 1 or month 1 basis of ``table``.

    ``cumulative=True`` gives the same code without the marker (starter statement A).
    """
    standard = TaxCode.parse(str(emergency_code_use(to_date(as_at, "as_at"), parameters).value))
    code = attrs.evolve(standard, regime=regime)
    return code if cumulative else code.non_cumulative(_marker(table))


def is_emergency_code(
    code: TaxCode, as_at: dt.date, parameters: ParameterSet | None = None
) -> bool:
    """Whether ``code`` is the year's standard code with a W1, M1 or X marker (GOV.UK)."""
    if code.cumulative:
        return False
    standard = TaxCode.parse(str(emergency_code_use(as_at, parameters).value))
    return (code.kind, code.number, code.letters) == (
        standard.kind,
        standard.number,
        standard.letters,
    )


@attrs.frozen
class StarterCode(Explained):
    """The code to use for a new contributor on the payroll, and why."""

    code: TaxCode
    #: Whether the rule giving the code was read only in secondary sources.
    secondary: bool


@computes_exactly
def assess_starter_code(
    statement: StarterStatement | None,
    *,
    as_at: dt.date,
    table: PayeTable,
    regime: TaxRegime = TaxRegime.REST_OF_UK,
    paid_once: bool = False,
    parameters: ParameterSet | None = None,
) -> StarterCode:
    """The tax code for a new starter without a P45.

    ``statement`` is the starter checklist statement ticked, or ``None`` when no
    declaration could be had. ``paid_once`` is a contributor paid a single time through
    payroll (HMRC's own instruction then applies whatever the statement).
    """
    day = to_date(as_at, "as_at")
    if statement is not None and not isinstance(statement, StarterStatement):
        raise ValidationError("statement", "must be a StarterStatement (A, B or C) or None")
    use = emergency_code_use(day, parameters)
    zero_t = attrs.evolve(TaxCode.parse("0T"), regime=regime).non_cumulative(_marker(table))
    if paid_once:
        finding = Finding(
            "TAX-STARTER-PAID-ONCE",
            Severity.INFO,
            "tax.starter.paid_once",
            {"code": str(zero_t)},
            citations=(
                _cite("gov_uk_new_employee_check_status#paid_once"),
                _cite("gov_uk_new_employee_check_status#paid_once_statement"),
            ),
        )
        return StarterCode(code=zero_t, secondary=False, findings=(finding,))
    if statement is None:
        finding = Finding(
            "TAX-STARTER-NO-DECLARATION",
            Severity.INFO,
            "tax.starter.no_declaration",
            {"code": str(zero_t)},
            citations=(_cite("gov_uk_new_employee_tax_code#no_declaration"),),
        )
        return StarterCode(code=zero_t, secondary=False, findings=(finding,))
    if statement is StarterStatement.C:
        code = attrs.evolve(TaxCode.parse("BR"), regime=regime)
    else:
        code = emergency_code(
            as_at=day,
            table=table,
            regime=regime,
            cumulative=statement is StarterStatement.A,
            parameters=parameters,
        )
    finding = Finding(
        "TAX-STARTER-STATEMENT",
        Severity.ADVICE,
        "tax.starter.statement",
        {"statement": statement.value, "code": str(code)},
        citations=(
            _cite("hmrc_employer_help_card_starter_2025#c"),
            _cite("gov_uk_employee_tax_codes#emergency"),
        ),
        parameters=(use,) if statement is not StarterStatement.C else (),
    )
    return StarterCode(code=code, secondary=True, findings=(finding,))
