"""What if: the same payments under changed rules or rates, across many contributors.

:func:`compare` runs every contributor's payments under a baseline parameter set and an
alternative one (a new earnings limit, say, made with
:meth:`~participatory.core.params.ParameterSet.with_value`), optionally changing the
payments too (an institution raising its hourly rate: :func:`scale_fees`), and reports
who is better or worse off and by how much in total.

>>> import datetime as dt
>>> from decimal import Decimal
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.receipts import Receipt
>>> from participatory.core.money import Money
>>> from participatory.core.params import bundled_parameters
>>> base = bundled_parameters()
>>> higher = base.with_value("carers_allowance.earnings_limit", Decimal("250.00"),
...     effective_from=dt.date(2025, 4, 7), source="What if: £250 limit")
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> case = ContributorCase("C1", carer,
...                        (Receipt(Money.gbp("220.00"), dt.date(2025, 6, 10)),))
>>> result = compare([case], alternative=higher, baseline=base)
>>> result.baseline_loss, result.alternative_loss, result.better_off
(Money('83.30', 'GBP'), Money('0.00', 'GBP'), 1)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs

from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.mechanism import PENNY, finding
from participatory.benefits.outcomes import BenefitsCheck, stale_findings
from participatory.benefits.receipts import Receipt, ReceiptKind, as_receipts
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = [
    "MESSAGES",
    "CaseComparison",
    "ContributorCase",
    "ScenarioComparison",
    "compare",
    "scale_fees",
]

MESSAGES: Final = {
    "benefits.scenario.summary": {
        "by": "count",
        "one": (
            "For {count} contributor, benefit loss changes from {baseline_loss} to "
            "{alternative_loss} (better off: {better_off}; worse off: {worse_off}); periods "
            "lost at a cliff edge change from {baseline_cliffs} to {alternative_cliffs}."
        ),
        "other": (
            "Across {count} contributors, benefit loss changes from {baseline_loss} to "
            "{alternative_loss} (better off: {better_off}; worse off: {worse_off}); periods "
            "lost at a cliff edge change from {baseline_cliffs} to {alternative_cliffs}."
        ),
    },
}


@attrs.frozen
class ContributorCase(Record):
    """One household's circumstances and payments, under a non-identifying ``subject``."""

    subject: str
    household: Household = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    receipts: tuple[Receipt, ...] = attrs.field(converter=as_receipts)


@attrs.frozen
class CaseComparison(Record):
    """One contributor under both scenarios."""

    subject: str
    baseline_loss: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    alternative_loss: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    baseline_kept: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    alternative_kept: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    baseline_cliffs: int = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    alternative_cliffs: int = attrs.field(repr=REDACTED, metadata=SENSITIVE)


def _cases(items: Iterable[CaseComparison]) -> tuple[CaseComparison, ...]:
    # Wrong types are refused by position only: each case is one person's circumstances.
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise ValidationError("cases", "must be a list of CaseComparison")
    cases = tuple(items)
    for index, case in enumerate(cases):
        if not isinstance(case, CaseComparison):
            raise ValidationError(f"cases[{index}]", "must be a CaseComparison")
    return cases


@attrs.frozen
class ScenarioComparison(Explained):
    """Totals under both scenarios and each contributor's comparison."""

    cases: tuple[CaseComparison, ...] = attrs.field(
        converter=_cases, repr=REDACTED, metadata=SENSITIVE
    )
    # Totals over few people are close to one person's figures (over one, they are them):
    # shown in no repr, like each case's own.
    baseline_loss: Money = attrs.field(repr=REDACTED)
    alternative_loss: Money = attrs.field(repr=REDACTED)
    better_off: int = attrs.field(repr=REDACTED)
    worse_off: int = attrs.field(repr=REDACTED)


def scale_fees(factor: Decimal | int | str) -> Callable[[Sequence[Receipt]], tuple[Receipt, ...]]:
    """Multiply every fee-like payment by ``factor`` (to the nearest penny, half up)."""
    multiplier = Decimal(factor)
    fee_kinds = {
        ReceiptKind.INVOLVEMENT_FEE,
        ReceiptKind.PAYROLL_EARNINGS,
        ReceiptKind.SELF_EMPLOYED_INVOICE,
        ReceiptKind.VOUCHER,
    }

    # In the library's own decimal context: the same pennies whatever the caller's is.
    @computes_exactly
    def adjust(items: Sequence[Receipt]) -> tuple[Receipt, ...]:
        return tuple(
            attrs.evolve(
                r,
                amount=Money(
                    (r.amount.amount * multiplier).quantize(PENNY, rounding=ROUND_HALF_UP)
                ),
            )
            if r.kind in fee_kinds
            else r
            for r in items
        )

    return adjust


@computes_exactly
def compare(
    cases: Iterable[ContributorCase],
    *,
    alternative: ParameterSet,
    baseline: ParameterSet | None = None,
    adjust: Callable[[Sequence[Receipt]], Sequence[Receipt]] | None = None,
    allow_stale: bool = False,
) -> ScenarioComparison:
    """Every case under ``baseline`` and under ``alternative`` (payments changed by ``adjust``)."""
    base = baseline if baseline is not None else bundled_parameters()
    compared = []
    checks: list[BenefitsCheck] = []
    total_base = total_alt = Decimal(0)
    cliffs_base = cliffs_alt = better = worse = 0
    for index, case in enumerate(cases):
        if not isinstance(case, ContributorCase):
            raise ValidationError(f"cases[{index}]", "must be a ContributorCase")
        first = assess_benefits(
            case.household, case.receipts, parameters=base, allow_stale=allow_stale
        )
        changed = tuple(adjust(case.receipts)) if adjust is not None else case.receipts
        second = assess_benefits(
            case.household, changed, parameters=alternative, allow_stale=allow_stale
        )
        if allow_stale:
            checks += (first, second)
        if second.kept > first.kept:
            better += 1
        elif second.kept < first.kept:
            worse += 1
        total_base += first.loss.amount
        total_alt += second.loss.amount
        cliffs_base += _cliffs(first)
        cliffs_alt += _cliffs(second)
        compared.append(
            CaseComparison(
                case.subject,
                first.loss,
                second.loss,
                first.kept,
                second.kept,
                _cliffs(first),
                _cliffs(second),
            )
        )
    summary = finding(
        "BEN-SCENARIO-SUMMARY",
        Severity.INFO,
        "benefits.scenario.summary",
        {
            "count": len(compared),
            "baseline_loss": Money(total_base),
            "alternative_loss": Money(total_alt),
            "better_off": better,
            "worse_off": worse,
            "baseline_cliffs": cliffs_base,
            "alternative_cliffs": cliffs_alt,
        },
        # Over one contributor the totals are that person's own benefit loss.
        sensitive=len(compared) < 2,
    )
    # A comparison made from stale figures says which (each check's own findings would).
    stale = stale_findings(*checks)
    return ScenarioComparison(
        tuple(compared),
        Money(total_base),
        Money(total_alt),
        better,
        worse,
        findings=(summary, *stale),
    )


def _cliffs(result: BenefitsCheck) -> int:
    return sum(1 for row in result.numbers if row.cliff)
