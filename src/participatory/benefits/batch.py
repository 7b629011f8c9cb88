"""Many households at once: the results in order, and a columnar summary of the numbers.

:func:`assess_many` runs :func:`~participatory.benefits.engine.assess_benefits` for each case
with the parameter set resolved once. Its :class:`BenefitsBatch` is a sequence of the results
(each explains itself only when its findings are read) and offers :meth:`~BenefitsBatch.columns`:
one row per household and period — the change, what was counted, whether it was a cliff —
built from the numbers alone, which converts to a pandas or polars DataFrame when one is
installed (neither is a dependency).

>>> import datetime as dt
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> from participatory.benefits.receipts import Receipt
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> batch = assess_many([(carer, [Receipt("250.00", "2025-06-11")]),
...                      (carer, [Receipt("50.00", "2025-06-11")])])
>>> cols = batch.columns()
>>> cols.case, cols.change_pence, cols.cliff
((0, 1), (-8330, 0), (True, False))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["BatchColumns", "BenefitsBatch", "assess_many"]


@attrs.frozen
class BatchColumns:
    """One row per household and benefit period, as parallel tuples (amounts in pence).

    ``case`` is the household's position in the batch; ``person`` is whose benefit it is
    (``None`` for the household's own). Everything but ``case`` and the dates is sensitive.
    """

    case: tuple[int, ...]
    benefit: tuple[str, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    person: tuple[str | None, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period_start: tuple[dt.date, ...]
    period_end: tuple[dt.date, ...]
    before_pence: tuple[int, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    after_pence: tuple[int, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    change_pence: tuple[int, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    counted_pence: tuple[int, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    cliff: tuple[bool, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)

    def __len__(self) -> int:
        return len(self.case)

    def as_dict(self) -> dict[str, tuple[Any, ...]]:
        """The columns by name (what a DataFrame is made from)."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(BatchColumns)}

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the columns (pandas must be installed)."""
        try:
            import pandas
        except ImportError:
            raise ValidationError("pandas", "is not installed: pip install pandas") from None
        return pandas.DataFrame(self.as_dict())

    def to_polars(self) -> Any:
        """A polars DataFrame of the columns (polars must be installed)."""
        try:
            import polars
        except ImportError:
            raise ValidationError("polars", "is not installed: pip install polars") from None
        return polars.DataFrame(self.as_dict())


class BenefitsBatch(Sequence[BenefitsCheck]):
    """The results of a batch, in the order of its cases."""

    __slots__ = ("_results",)

    def __init__(self, results: Iterable[BenefitsCheck]) -> None:
        self._results = tuple(results)

    @overload
    def __getitem__(self, index: int) -> BenefitsCheck: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[BenefitsCheck]: ...

    def __getitem__(self, index: int | slice) -> BenefitsCheck | Sequence[BenefitsCheck]:
        return self._results[index]

    def __len__(self) -> int:
        return len(self._results)

    def __iter__(self) -> Iterator[BenefitsCheck]:
        return iter(self._results)

    def __repr__(self) -> str:
        return f"<BenefitsBatch of {len(self)} results>"

    def columns(self) -> BatchColumns:
        """One row per household and period, from the numbers only (no findings are built)."""
        case: list[int] = []
        benefit: list[str] = []
        person: list[str | None] = []
        start: list[dt.date] = []
        end: list[dt.date] = []
        before: list[int] = []
        after: list[int] = []
        change: list[int] = []
        counted: list[int] = []
        cliff: list[bool] = []
        for index, result in enumerate(self._results):
            for row in result.numbers:
                case.append(index)
                benefit.append(row.benefit.value)
                person.append(row.person)
                start.append(row.period.start)
                end.append(row.period.end)
                before.append(row.before)
                after.append(row.after)
                change.append(row.after - row.before)
                counted.append(row.counted)
                cliff.append(row.cliff)
        return BatchColumns(
            tuple(case),
            tuple(benefit),
            tuple(person),
            tuple(start),
            tuple(end),
            tuple(before),
            tuple(after),
            tuple(change),
            tuple(counted),
            tuple(cliff),
        )


def assess_many(
    cases: Iterable[tuple[Household, Iterable[Receipt]]],
    *,
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
) -> BenefitsBatch:
    """:func:`assess_benefits` for many households in one call: one result per case, in order.

    Each case is a household and its payments. The parameter set is resolved once for the
    batch; nothing about the process is changed while it runs.
    """
    if isinstance(cases, str | bytes) or not isinstance(cases, Iterable):
        raise ValidationError("cases", "must be (household, receipts) pairs")
    chosen = parameters if parameters is not None else bundled_parameters()
    results = []
    for index, case in enumerate(cases):
        try:
            household, receipts = case
        except (TypeError, ValueError):
            raise ValidationError(
                f"cases[{index}]", "must be a (household, receipts) pair"
            ) from None
        try:
            results.append(
                assess_benefits(household, receipts, parameters=chosen, allow_stale=allow_stale)
            )
        except ValidationError as problem:
            raise problem.at(f"cases[{index}]") from None
    return BenefitsBatch(results)
