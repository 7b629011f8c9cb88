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
import operator
from array import array
from collections.abc import Callable, Iterable, Iterator, MutableSequence, Sequence
from itertools import repeat
from typing import Any, Final, overload

import attrs

# What a parameter set must be has one home: the engine's check, made here before any case.
from participatory.benefits.engine import _check_parameters, assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit

# A check's packed layout (its values per period and the benefits' positions) has one home.
from participatory.benefits.outcomes import _BENEFITS, _POSITION, BenefitsCheck
from participatory.benefits.outcomes import _STRIDE as _PACKED
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = ["BatchColumns", "BenefitsBatch", "assess_many"]

#: A benefit's value by the position a check packs it as.
_VALUES: Final = tuple(benefit.value for benefit in _BENEFITS)


@attrs.frozen
class BatchColumns(Record):
    """One row per household and benefit period, as parallel tuples (amounts in pence).

    ``case`` is the household's position in the batch; ``person`` is whose benefit it is
    (``None`` for the household's own). Every column is sensitive, so a ``repr`` and the
    default plain data show none of them: even a period's dates tell a weekly benefit from
    Universal Credit's monthly assessment periods, and ``case``, repeated once per benefit
    period of its household, says which households claim a benefit (and how many periods
    each claims): who claims is itself special-category. Read them as attributes, or with
    :meth:`as_dict`, with the person's consent.
    """

    case: tuple[int, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    benefit: tuple[str, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    person: tuple[str | None, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period_start: tuple[dt.date, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period_end: tuple[dt.date, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
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
    """The results of a batch, in the order of its cases.

    The numbers are kept as each check packs them (plain values, which the garbage
    collector stops tracking), with the periods end to end in one list, not as one object
    per result: a batch adds no object per household for the collector to walk, however
    many households it holds (payments given as tuples). Reading
    ``batch[i]`` makes that case's :class:`~participatory.benefits.outcomes.BenefitsCheck`
    from the columns and the case's own household and payments; it explains itself when its
    findings are read, like any check. Each read makes a new check object, equal to the last:
    keep it if you read its findings more than once.

    ``BenefitsBatch(results)`` makes a batch of checks made elsewhere; those are kept as
    they are.
    """

    __slots__ = (
        "_checks",
        "_contexts",
        "_ends",
        "_explainer",
        "_given",
        "_households",
        "_packed",
        "_paid",
        "_periods",
        "_recompute",
    )

    def __init__(self, results: Iterable[BenefitsCheck]) -> None:
        if isinstance(results, str | bytes) or not isinstance(results, Iterable):
            raise ValidationError("results", "must be BenefitsChecks (a list of them)")
        # Each case's numbers as its check packs them, and its periods, end to end.
        self._packed: list[tuple[Any, ...]] = []
        self._periods: list[DateRange] = []
        self._ends: MutableSequence[int] = array("q")
        # Whole pennies (a Python int: a sum of payments has no machine bound).
        self._paid: list[int] = []
        # What a case's check is made again from (a batch made by assess_many).
        self._households: list[Household] = []
        self._given: list[tuple[Receipt, ...]] = []
        self._contexts: list[object] = []
        self._explainer: Any = None
        self._recompute: Any = None
        checks = []
        for index, result in enumerate(results):
            if not isinstance(result, BenefitsCheck):
                raise ValidationError(f"results[{index}]", "must be a BenefitsCheck")
            periods, packed, paid, _explain, _recompute, _context = result._parts()
            self._add(periods, packed, paid)
            checks.append(result)
        #: Checks given whole, kept as they are (a check may not be made again); ``None`` for
        #: a batch made by :func:`assess_many`, whose checks are made from the columns.
        self._checks: list[BenefitsCheck] | None = checks

    @classmethod
    def _empty(cls) -> BenefitsBatch:
        made = cls(())
        made._checks = None
        return made

    def _add(self, periods: tuple[DateRange, ...], packed: tuple[Any, ...], paid: int) -> None:
        # A check's packed numbers are plain values (the collector stops tracking such a
        # tuple), so they are kept as they are, one per case.
        self._packed.append(packed)
        self._periods += periods
        self._ends.append(len(self._periods))
        self._paid.append(paid)

    def _add_check(self, check: BenefitsCheck) -> None:
        periods, packed, paid, explain, recompute, context = check._parts()
        function, (household, given, _earlier, _context) = explain
        self._add(periods, packed, paid)
        self._households.append(household)
        self._given.append(given)
        self._contexts.append(context)
        if self._recompute is None:
            # Every check assess_many makes is explained and worked out by the same engine.
            self._explainer = function
            self._recompute = recompute

    def _check(self, index: int) -> BenefitsCheck:
        if self._checks is not None:
            return self._checks[index]
        household = self._households[index]
        given = self._given[index]
        context = self._contexts[index]
        return BenefitsCheck._from_parts(
            tuple(self._periods[self._ends[index - 1] if index else 0 : self._ends[index]]),
            self._packed[index],
            self._paid[index],
            (self._explainer, (household, given, (), context)),
            self._recompute,
            context,
        )

    @overload
    def __getitem__(self, index: int) -> BenefitsCheck: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[BenefitsCheck]: ...

    def __getitem__(self, index: int | slice) -> BenefitsCheck | Sequence[BenefitsCheck]:
        count = len(self._ends)
        if isinstance(index, slice):
            return tuple(self._check(i) for i in range(*index.indices(count)))
        try:
            position = operator.index(index)
        except TypeError:
            raise TypeError("batch indices must be integers or slices") from None
        if position < 0:
            position += count
        if not 0 <= position < count:
            raise IndexError("batch index out of range")
        return self._check(position)

    def __len__(self) -> int:
        return len(self._ends)

    def __iter__(self) -> Iterator[BenefitsCheck]:
        for index in range(len(self._ends)):
            yield self._check(index)

    def __repr__(self) -> str:
        return f"<BenefitsBatch of {len(self)} results>"

    def unstructured(
        self, include_sensitive: bool, unstructure: Callable[[object], Any]
    ) -> dict[str, Any]:
        """Plain data for :func:`participatory.interchange.to_plain`: each result's own.

        Without ``include_sensitive`` every result is withheld whole, as a check on its own
        is; only how many households were checked shows.
        """
        return {"results": [check.unstructured(include_sensitive, unstructure) for check in self]}

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its checks, each whole (the inputs' context is not carried).
        return (BenefitsBatch, (tuple(self),))

    def amounts_pennies(
        self, benefit: Benefit | None = None, person: str | None = None
    ) -> tuple[tuple[int, int], ...]:
        """Each case's amounts before and after its payments, in whole pennies, in case order.

        What :meth:`BenefitsCheck.amounts_pennies
        <participatory.benefits.outcomes.BenefitsCheck.amounts_pennies>` gives for each
        result (added up over the periods of ``benefit``, all if ``None``, of ``person``,
        anyone's if ``None``), read from the numbers the batch keeps: no check, period or
        finding is made.

        >>> from participatory.benefits.claims import CarersAllowanceClaim
        >>> from participatory.benefits.household import Household, Person
        >>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
        >>> batch = assess_many([(carer, [Receipt("250.00", "2025-06-11")]),
        ...                      (carer, [Receipt("50.00", "2025-06-11")])])
        >>> batch.amounts_pennies(Benefit.CARERS_ALLOWANCE)
        ((8330, 0), (8330, 8330))
        """
        if benefit is not None and type(benefit) is not Benefit:
            raise ValidationError("benefit", "must be a Benefit")
        if person is not None and type(person) is not str:
            raise ValidationError("person", "must be a member's id (a string)")
        wanted = None if benefit is None else _POSITION[benefit]
        found = []
        for packed in self._packed:
            before = after = 0
            for at in range(0, len(packed), _PACKED):
                if (wanted is None or packed[at] == wanted) and (
                    person is None or packed[at + 5] == person
                ):
                    before += packed[at + 1]
                    after += packed[at + 2]
            found.append((before, after))
        return tuple(found)

    def columns(self) -> BatchColumns:
        """One row per household and period, from the numbers only (no findings are built)."""
        case: list[int] = []
        values: list[Any] = []
        for index, packed in enumerate(self._packed):
            case += repeat(index, len(packed) // _PACKED)
            values += packed
        before = values[1::_PACKED]
        after = values[2::_PACKED]
        return BatchColumns(
            tuple(case),
            tuple(_VALUES[position] for position in values[0::_PACKED]),
            tuple(values[5::_PACKED]),
            tuple(period.start for period in self._periods),
            tuple(period.end for period in self._periods),
            tuple(before),
            tuple(after),
            tuple(map(operator.sub, after, before)),
            tuple(values[3::_PACKED]),
            tuple(values[4::_PACKED]),
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
    if parameters is not None:
        # Refused here, as the batch's own argument: each check would name it inside a case.
        _check_parameters(parameters)
    chosen = parameters if parameters is not None else bundled_parameters()
    results = BenefitsBatch._empty()
    for index, case in enumerate(cases):
        try:
            household, receipts = case
        except (TypeError, ValueError):
            raise ValidationError(
                f"cases[{index}]", "must be a (household, receipts) pair"
            ) from None
        try:
            check = assess_benefits(household, receipts, parameters=chosen, allow_stale=allow_stale)
        except ValidationError as problem:
            raise problem.at(f"cases[{index}]") from None
        # The check itself is not kept: its numbers go into the batch's columns.
        results._add_check(check)
    return results
