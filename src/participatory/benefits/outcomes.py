"""Explained answers: what payments do to each benefit, period by period, person by person.

A :class:`PeriodOutcome` is one benefit in one period (a benefit week, or a Universal Credit
assessment period): the amount before and after, whether the change is a *cliff* (entitlement
lost outright) rather than a taper, and whose benefit it is (a personal benefit names the
person; a household's means-tested benefit names no one). A :class:`BenefitsCheck` gathers the
outcomes of a set of payments and says what the household keeps.

The engine computes the numbers first; the findings that explain them (sentences, citations,
the figures quoted) are built the first time they are read. A caller who reads only amounts
pays only for amounts; a caller who reads findings gets exactly what an eager engine would give.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.core.periods import DateRange
>>> o = PeriodOutcome(Benefit.UNIVERSAL_CREDIT, DateRange("2025-06-01", "2025-06-30"),
...                   Money.gbp("400.14"), Money.gbp("391.34"), Money.gbp("700"))
>>> o.change
Money('-8.80', 'GBP')
>>> o
PeriodOutcome(<redacted>)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

from participatory.benefits.kinds import Benefit
from participatory.core.errors import ValidationError
from participatory.core.exact import own_context
from participatory.core.explain import ExplainedResult, Finding
from participatory.core.money import Money
from participatory.core.pennies import from_pennies, to_pennies
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT

__all__ = [
    "STALE_RULE",
    "BenefitsCheck",
    "Explainer",
    "PeriodNumbers",
    "PeriodOutcome",
    "period_numbers",
    "stale_findings",
]

#: The rule id of the finding that reports a stale figure a check used.
STALE_RULE: Final = "BEN-STALE-PARAMETERS"

_ZERO: Final = Decimal(0)

#: How an outcome's findings are made when first read: a module-level function and the
#: arguments it needs (both picklable, so a result can be pickled before it is explained).
Explainer = tuple[Callable[..., tuple[Finding, ...]], tuple[Any, ...]]


def _pennies(value: object, path: str) -> int:
    if isinstance(value, Money):
        if value.currency != "GBP":
            raise ValidationError(path, "must be in pounds sterling (GBP)")
        value = value.amount
    if type(value) is not Decimal:
        raise ValidationError(path, "must be an amount of money")
    try:
        return to_pennies(value)
    except ValueError:
        raise ValidationError(path, "must be a whole number of pence") from None


def _gbp(pennies: int) -> Money:
    return Money(from_pennies(pennies), "GBP")


def _paid(value: object) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool | int):
        raise ValidationError("paid", "must be an amount of money or whole pennies")
    return _pennies(value, "paid")


class PeriodNumbers(NamedTuple):
    """One benefit in one period as the rules compute it: whole pennies, nothing explained yet.

    What a :class:`PeriodOutcome` is made from (:meth:`PeriodOutcome.from_numbers`). The engine
    keeps a check's periods in this form and makes outcome objects only when they are read, so
    a caller who reads only amounts never pays for them.

    >>> import datetime as dt
    >>> from participatory.core.periods import DateRange
    >>> week = DateRange(dt.date(2025, 6, 16), dt.date(2025, 6, 22))
    >>> row = PeriodNumbers(Benefit.CARERS_ALLOWANCE, week, 8330, 0, 19601, True, "me", 8330)
    >>> PeriodOutcome.from_numbers(row).change
    Money('-83.30', 'GBP')
    """

    benefit: Benefit
    period: DateRange
    #: The benefit without the payments in question (pennies).
    before: int
    #: The benefit with them (pennies).
    after: int
    #: Earnings from the payments counted in the period (pennies).
    counted: int
    #: Whether entitlement for the period is lost outright.
    cliff: bool
    #: Whose own benefit it is; ``None`` for the household's.
    person: str | None
    #: The benefit with the person's regular earnings only (pennies).
    baseline: int
    #: The rule's own inputs for its explanation.
    detail: object = None
    #: How the period's findings are made when first read: called with the outcome and the
    #: context its check was made in.
    explain: Callable[..., tuple[Finding, ...]] | None = None

    def __repr__(self) -> str:
        # Which benefit, whose, and how much are all special-category data; so is the
        # period, whose length (a week, a month) tells the benefit.
        return f"PeriodNumbers({REDACTED_TEXT})"


#: :class:`PeriodNumbers` from a tuple of its ten fields in order: how the rules make them, once
#: for every period of every check, without the Python-level call a named tuple's own
#: constructor adds (it checks nothing; each outcome is validated when it is made).
period_numbers: Final[Callable[[tuple[Any, ...]], PeriodNumbers]] = functools.partial(
    tuple.__new__, PeriodNumbers
)


def _check_keys(benefit: object, period: object, cliff: object, person: object) -> None:
    """What every outcome, however its amounts are given, must have right."""
    if type(benefit) is not Benefit:
        raise ValidationError("benefit", "must be a Benefit")
    if type(period) is not DateRange and not isinstance(period, DateRange):
        raise ValidationError("period", "must be a DateRange")
    if cliff is not True and cliff is not False:
        raise ValidationError("cliff", "must be true or false")
    if person is not None and type(person) is not str:
        raise ValidationError("person", "must be a person's id")


class PeriodOutcome(ExplainedResult):
    """One benefit in one period: the amount before and after the payments, and whose it is.

    ``person`` is the id of the person whose own benefit this is (Carer's Allowance, ESA,
    new-style JSA), or ``None`` for the household's means-tested benefit. Read-only: every
    public attribute is a property.
    """

    __slots__ = (
        "_after",
        "_baseline",
        "_before",
        "_benefit",
        "_cliff",
        "_counted",
        "_detail",
        "_explain",
        "_findings",
        "_period",
        "_person",
    )

    def __init__(
        self,
        benefit: Benefit,
        period: DateRange,
        before: Money | Decimal,
        after: Money | Decimal,
        counted: Money | Decimal = _ZERO,
        cliff: bool = False,
        *,
        person: str | None = None,
        findings: Iterable[Finding] | None = None,
        detail: object = None,
        explain: Explainer | None = None,
        baseline: Money | Decimal | None = None,
    ) -> None:
        _check_keys(benefit, period, cliff, person)
        self._fill(
            benefit,
            period,
            _pennies(before, "before"),
            _pennies(after, "after"),
            _pennies(counted, "counted"),
            cliff,
            person,
            findings,
            detail,
            explain,
            None if baseline is None else _pennies(baseline, "baseline"),
        )

    @classmethod
    def in_pennies(
        cls,
        benefit: Benefit,
        period: DateRange,
        before: int,
        after: int,
        counted: int,
        cliff: bool,
        *,
        person: str | None = None,
        detail: object = None,
        explain: Explainer | None = None,
        baseline: int | None = None,
    ) -> PeriodOutcome:
        """An outcome from amounts in whole pennies (how the rules compute)."""
        _check_keys(benefit, period, cliff, person)
        if type(before) is not int or type(after) is not int or type(counted) is not int:
            raise ValidationError("before", "amounts must be whole numbers of pennies")
        if baseline is None:
            baseline = before
        elif type(baseline) is not int:
            raise ValidationError("baseline", "must be a whole number of pennies")
        made = cls.__new__(cls)
        made._benefit = benefit
        made._period = period
        made._before = before
        made._after = after
        made._counted = counted
        made._cliff = cliff
        made._person = person
        made._detail = detail
        made._explain = explain
        made._baseline = baseline
        made._findings = None if explain else ()
        return made

    @classmethod
    def from_numbers(cls, numbers: PeriodNumbers, context: object = None) -> PeriodOutcome:
        """The outcome a rule's :class:`~participatory.benefits.outcomes.PeriodNumbers` describe.

        It is validated like any other outcome.

        ``context`` is what the rule's explanation reads besides the outcome (the parameters
        the check was made with).
        """
        if type(numbers) is not PeriodNumbers:
            raise ValidationError("numbers", "must be PeriodNumbers")
        benefit, period, before, after, counted, cliff, person, baseline, detail, why = numbers
        explain = None if why is None else (why, (context,))
        return cls.in_pennies(
            benefit,
            period,
            before,
            after,
            counted,
            cliff,
            person=person,
            detail=detail,
            explain=explain,
            baseline=baseline,
        )

    def _fill(
        self,
        benefit: Benefit,
        period: DateRange,
        before: int,
        after: int,
        counted: int,
        cliff: bool,
        person: str | None,
        findings: Iterable[Finding] | None,
        detail: object,
        explain: Explainer | None,
        baseline: int | None,
    ) -> None:
        # Plain slot assignment: a result is made for every period of every contributor, and
        # the public attributes are read-only properties, so nothing outside can change it.
        self._benefit = benefit
        self._period = period
        self._before = before
        self._after = after
        self._counted = counted
        self._cliff = cliff
        self._person = person
        self._detail = detail
        self._explain = explain
        self._baseline = before if baseline is None else baseline
        self._findings = None if findings is None and explain else tuple(findings or ())

    @property
    def benefit(self) -> Benefit:
        """The benefit."""
        return self._benefit

    @property
    def period(self) -> DateRange:
        """The benefit week or assessment period."""
        return self._period

    @property
    def person(self) -> str | None:
        """Whose own benefit this is (``None``: the household's)."""
        return self._person

    @property
    def cliff(self) -> bool:
        """Whether entitlement for the period is lost outright (not a taper)."""
        return self._cliff

    @property
    def detail(self) -> object:
        """The rule's own inputs for its explanation (not part of the public API)."""
        return self._detail

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The findings that explain this period (built the first time they are read)."""
        found = self._findings
        if found is None:
            function, arguments = self._explain  # type: ignore[misc]
            # Built when read, after the check returned: in the library's decimal context,
            # not whatever the caller has set by then.
            with own_context():
                found = self._findings = function(self, *arguments)
        return found

    @property
    def before(self) -> Money:
        """The benefit for the period without the payments."""
        return _gbp(self._before)

    @property
    def after(self) -> Money:
        """The benefit for the period with the payments."""
        return _gbp(self._after)

    @property
    def counted(self) -> Money:
        """Earnings from the payments counted in this period (other earnings excluded)."""
        return _gbp(self._counted)

    @property
    def before_pennies(self) -> int:
        """:attr:`before` in whole pennies."""
        return self._before

    @property
    def after_pennies(self) -> int:
        """:attr:`after` in whole pennies."""
        return self._after

    @property
    def counted_pennies(self) -> int:
        """:attr:`counted` in whole pennies."""
        return self._counted

    @property
    def baseline_pennies(self) -> int:
        """The benefit with the person's regular earnings only (before any payment at all)."""
        return self._baseline

    @property
    def change_pennies(self) -> int:
        """After minus before in whole pennies: negative when the benefit falls."""
        return self._after - self._before

    @property
    def before_amount(self) -> Decimal:
        """:attr:`before` as a bare Decimal."""
        return from_pennies(self._before)

    @property
    def after_amount(self) -> Decimal:
        """:attr:`after` as a bare Decimal."""
        return from_pennies(self._after)

    @property
    def change_amount(self) -> Decimal:
        """After minus before as a bare Decimal: negative when the benefit falls."""
        return from_pennies(self._after - self._before)

    @property
    def change(self) -> Money:
        """After minus before: negative when the benefit falls."""
        return _gbp(self._after - self._before)

    @property
    def unchanged(self) -> bool:
        """Whether the payments leave this benefit exactly as it was."""
        return self._after == self._before

    def _key(self) -> tuple[object, ...]:
        return (
            self._benefit,
            self._period,
            self._person,
            self._before,
            self._after,
            self._counted,
            self._cliff,
            self.findings,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PeriodOutcome):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self._benefit, self._period, self._person, self._after))

    def unstructured(
        self, include_sensitive: bool, unstructure: Callable[[object], Any]
    ) -> dict[str, Any]:
        """Plain data for :func:`participatory.core.serialise.unstructure`.

        Withheld whole unless ``include_sensitive`` (which benefit, whose and how much are
        all special-category data); the shape is the same either way.
        """
        if not include_sensitive:
            return {**dict.fromkeys(_OUTCOME_KEYS), "sensitive": True, "withheld": True}
        return {
            "benefit": self._benefit.value,
            "period": {"start": unstructure(self._period.start),
                       "end": unstructure(self._period.end)},
            "person": self._person,
            "before": unstructure(self.before),
            "after": unstructure(self.after),
            "change": unstructure(self.change),
            "counted": unstructure(self.counted),
            "cliff": self._cliff,
            "findings": [unstructure(f) for f in self.findings],
            "sensitive": True,
            "withheld": False,
        }  # fmt: skip

    def __repr__(self) -> str:
        # Which benefit, whose, and how much are all special-category data; so is the
        # period, whose length (a week, a month) tells the benefit.
        return f"PeriodOutcome({REDACTED_TEXT})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_outcome,
            (
                self._benefit,
                self._period,
                self._before,
                self._after,
                self._counted,
                self._cliff,
                self._person,
                self.findings,
                self._baseline,
            ),
        )


def _rebuild_outcome(
    benefit: Benefit,
    period: DateRange,
    before: int,
    after: int,
    counted: int,
    cliff: bool,
    person: str | None,
    findings: tuple[Finding, ...],
    baseline: int,
) -> PeriodOutcome:
    made = PeriodOutcome.in_pennies(
        benefit, period, before, after, counted, cliff, person=person, baseline=baseline
    )
    made._findings = tuple(findings)
    return made


def _outcomes(items: object) -> tuple[PeriodOutcome, ...]:
    # Wrong types are refused by position only: the items are a person's benefits outcomes.
    kind = type(items)
    if (
        kind is not list
        and kind is not tuple
        and (isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable))
    ):
        raise ValidationError("outcomes", "must be a list of PeriodOutcome")
    outcomes: tuple[object, ...] = items if kind is tuple else tuple(items)  # type: ignore[assignment,arg-type]
    for index, outcome in enumerate(outcomes):
        if type(outcome) is not PeriodOutcome and not isinstance(outcome, PeriodOutcome):
            raise ValidationError(f"outcomes[{index}]", "must be a PeriodOutcome")
    return outcomes  # type: ignore[return-value]


def _numbers_of(outcome: PeriodOutcome) -> PeriodNumbers:
    return PeriodNumbers(
        outcome._benefit,
        outcome._period,
        outcome._before,
        outcome._after,
        outcome._counted,
        outcome._cliff,
        outcome._person,
        outcome._baseline,
        # A check made from outcomes keeps them: its numbers are read for amounts only.
        outcome._detail,
        None,
    )


_OUTCOME_KEYS: Final = (
    "benefit", "period", "person", "before", "after", "change", "counted", "cliff", "findings",
)  # fmt: skip
_CHECK_KEYS: Final = ("outcomes", "paid", "change", "kept", "findings")
#: The benefits in a fixed order: a check keeps each period's benefit as its position here.
_BENEFITS: Final = tuple(Benefit)
_POSITION: Final = {benefit: index for index, benefit in enumerate(_BENEFITS)}
#: Values kept per period: benefit position, before, after, counted, cliff, person, baseline.
_STRIDE: Final = 7


def _pack(rows: Sequence[PeriodNumbers]) -> tuple[tuple[DateRange, ...], tuple[Any, ...]]:
    # Plain values only (numbers, flags, ids): the garbage collector stops tracking such a
    # tuple, so a batch of results costs it almost nothing however many are kept.
    if len(rows) == 1:
        # Most checks touch one period (one payment, one benefit): no lists to grow.
        ((benefit, period, before, after, counted, cliff, person, baseline, _, _),) = rows
        return (period,), (_POSITION[benefit], before, after, counted, cliff, person, baseline)
    packed: list[Any] = []
    for benefit, _period, before, after, counted, cliff, person, baseline, _, _ in rows:
        packed += (_POSITION[benefit], before, after, counted, cliff, person, baseline)
    return tuple([row[1] for row in rows]), tuple(packed)


def _unpack(periods: Sequence[DateRange], packed: Sequence[Any]) -> tuple[PeriodNumbers, ...]:
    # The rows _pack was given, without the details their explanations need.
    return tuple(
        period_numbers((_BENEFITS[packed[at]], period, *packed[at + 1 : at + _STRIDE], None, None))
        for at, period in zip(range(0, len(packed), _STRIDE), periods, strict=True)
    )


def _stripped(rows: Sequence[PeriodNumbers]) -> tuple[PeriodNumbers, ...]:
    # Rows as :attr:`BenefitsCheck.numbers` gives them: the amounts, not the details.
    return tuple(period_numbers((*row[:8], None, None)) for row in rows)


class BenefitsCheck(ExplainedResult):
    """What a set of payments does to a household's benefits, and what it keeps.

    ``paid`` is every amount actually received (a declined fee is not): Money or pounds, or
    whole pennies as an ``int``. ``outcomes`` lists every benefit period the payments touch,
    knock-on effects included, in date order.

    The engine makes a check from its numbers (:meth:`from_numbers`): amounts are read from
    the numbers, and the :class:`PeriodOutcome` objects and findings are made from them when
    first read. A check read from a :class:`~participatory.benefits.batch.BenefitsBatch`
    keeps only the amounts and its inputs, and works its periods out again when they are
    explained.
    """

    __slots__ = (
        "_context",
        "_detailed",
        "_explain",
        "_findings",
        "_outcomes",
        "_paid",
        "_recompute",
        "_rows",
    )

    def __init__(
        self,
        outcomes: Iterable[PeriodOutcome],
        paid: Money | Decimal | int,
        *,
        findings: Iterable[Finding] | None = None,
        explain: Explainer | None = None,
    ) -> None:
        made = _outcomes(outcomes)
        self._outcomes: tuple[PeriodOutcome, ...] | None = made
        self._rows = tuple(_numbers_of(outcome) for outcome in made)
        self._detailed = True
        self._recompute: Callable[..., Sequence[PeriodNumbers]] | None = None
        self._context: object = None
        self._paid = _paid(paid)
        self._explain = explain
        self._findings = None if findings is None and explain else tuple(findings or ())

    @classmethod
    def from_numbers(
        cls,
        numbers: Sequence[PeriodNumbers],
        paid: int,
        *,
        explain: Explainer,
        recompute: Callable[..., Sequence[PeriodNumbers]],
        context: object = None,
    ) -> BenefitsCheck:
        """A check from the rules' numbers, in date order; outcomes and findings made on demand.

        ``explain`` is the function that makes the check's findings and its arguments;
        ``recompute`` works the periods out again, with the details their explanations need,
        from the same arguments (a batch, which keeps only the amounts, uses it); ``context``
        is what those explanations read besides each outcome (the parameters the check was
        made with). Each period's numbers are validated when its outcome is made.
        """
        if type(numbers) is not list and type(numbers) is not tuple:
            raise ValidationError("numbers", "must be a list of PeriodNumbers")
        for index, row in enumerate(numbers):
            if type(row) is not PeriodNumbers:
                raise ValidationError(f"numbers[{index}]", "must be PeriodNumbers")
        return cls._from_rows(
            tuple(numbers), paid if type(paid) is int else _paid(paid), explain, recompute, context
        )

    @classmethod
    def _from_rows(
        cls,
        rows: tuple[PeriodNumbers, ...],
        paid: int,
        explain: Explainer,
        recompute: Callable[..., Sequence[PeriodNumbers]],
        context: object,
    ) -> BenefitsCheck:
        # The rows are kept as the rules made them, details and all: the outcomes are made
        # from them when read, with nothing worked out twice. The engine comes here directly
        # with the rows its rules made (period_numbers makes nothing else).
        made = cls.__new__(cls)
        made._rows = rows
        made._detailed = True
        made._outcomes = None
        made._recompute = recompute
        made._context = context
        made._paid = paid
        made._explain = explain
        made._findings = None
        return made

    @classmethod
    def _from_parts(
        cls,
        periods: tuple[DateRange, ...],
        packed: tuple[Any, ...],
        paid: int,
        explain: Explainer,
        recompute: Callable[..., Sequence[PeriodNumbers]],
        context: object,
    ) -> BenefitsCheck:
        # A check from what _parts gave (a batch keeps its results in columns): the amounts
        # only, so its periods are worked out again when they are explained.
        made = cls._from_rows(_unpack(periods, packed), paid, explain, recompute, context)
        made._detailed = False
        return made

    def _parts(self) -> tuple[tuple[DateRange, ...], tuple[Any, ...], int, Any, Any, object]:
        # What _from_parts makes the same check from: its periods and amounts packed as plain
        # values (None explainers for a check made from outcomes, which cannot be worked out
        # again).
        periods, packed = _pack(self._rows)
        return (periods, packed, self._paid, self._explain, self._recompute, self._context)

    @property
    def outcomes(self) -> tuple[PeriodOutcome, ...]:
        """Every benefit period the payments touch, in date order."""
        made = self._outcomes
        if made is None:
            rows: Sequence[PeriodNumbers] = self._rows
            if not self._detailed:
                _function, arguments = self._explain  # type: ignore[misc]
                with own_context():
                    rows = self._recompute(*arguments)  # type: ignore[misc]
                if _stripped(rows) != self._rows:
                    # The rules are pure functions of the inputs a check keeps: working it
                    # out again can only differ if something the check holds was changed.
                    raise RuntimeError("a benefits check's inputs changed after it was made")
            context = self._context
            made = self._outcomes = tuple(PeriodOutcome.from_numbers(n, context) for n in rows)
        return made

    @property
    def numbers(self) -> tuple[PeriodNumbers, ...]:
        """Every period's numbers, in date order, without their explanations' details."""
        return _stripped(self._rows) if self._detailed else self._rows

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: the standing caveat, each period's explanation, what is kept."""
        found = self._findings
        if found is None:
            function, arguments = self._explain  # type: ignore[misc]
            # Built when read, after the check returned: in the library's decimal context,
            # not whatever the caller has set by then.
            with own_context():
                found = self._findings = function(self, *arguments)
        return found

    @property
    def paid(self) -> Money:
        """Every amount actually received (a declined fee is not)."""
        return _gbp(self._paid)

    @property
    def paid_amount(self) -> Decimal:
        """:attr:`paid` as a bare Decimal."""
        return from_pennies(self._paid)

    @property
    def paid_pennies(self) -> int:
        """:attr:`paid` in whole pennies."""
        return self._paid

    def change_pennies(self, benefit: Benefit | None = None, person: str | None = None) -> int:
        """:meth:`change` in whole pennies."""
        if benefit is not None and type(benefit) is not Benefit:
            raise ValidationError("benefit", "must be a Benefit")
        total = 0
        for row in self._rows:
            if (benefit is None or row[0] is benefit) and (person is None or row[6] == person):
                total += row[3] - row[2]
        return total

    def amounts_pennies(
        self, benefit: Benefit | None = None, person: str | None = None
    ) -> tuple[int, int]:
        """The amounts before and after the payments, in whole pennies.

        Added up over the periods of ``benefit`` (all if ``None``) of ``person`` (anyone's if
        ``None``): what :meth:`change_pennies` is the difference of, read without making any
        :class:`PeriodNumbers` (one benefit's amounts for a caller holding many checks).
        """
        if benefit is not None and type(benefit) is not Benefit:
            raise ValidationError("benefit", "must be a Benefit")
        before = after = 0
        for row in self._rows:
            if (benefit is None or row[0] is benefit) and (person is None or row[6] == person):
                before += row[2]
                after += row[3]
        return before, after

    def change_amount(self, benefit: Benefit | None = None, person: str | None = None) -> Decimal:
        """:meth:`change` as a bare Decimal."""
        return from_pennies(self.change_pennies(benefit, person))

    def change(self, benefit: Benefit | None = None, person: str | None = None) -> Money:
        """Net change in ``benefit`` (all if ``None``), of ``person`` (anyone's if ``None``)."""
        return _gbp(self.change_pennies(benefit, person))

    def outcomes_for(
        self, benefit: Benefit, person: str | None = None
    ) -> tuple[PeriodOutcome, ...]:
        """The outcomes of one benefit (one person's, if ``person`` is given), in date order."""
        return tuple(
            o
            for o in self.outcomes
            if o.benefit is benefit and (person is None or o.person == person)
        )

    @property
    def loss(self) -> Money:
        """Benefit lost overall, knock-on gains netted off (negative if benefits rise)."""
        return _gbp(-self.change_pennies())

    @property
    def kept(self) -> Money:
        """What the household is better off by: the payments less the benefit lost."""
        return _gbp(self._paid + self.change_pennies())

    @property
    def kept_amount(self) -> Decimal:
        """:attr:`kept` as a bare Decimal."""
        return from_pennies(self._paid + self.change_pennies())

    @property
    def cliffs(self) -> tuple[PeriodOutcome, ...]:
        """The periods in which entitlement is lost outright."""
        return tuple(o for o in self.outcomes if o.cliff)

    @property
    def changes_nothing(self) -> bool:
        """Whether no benefit changes in any period."""
        return all(row[3] == row[2] for row in self._rows)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BenefitsCheck):
            return NotImplemented
        return (self.outcomes, self._paid, self.findings) == (
            other.outcomes,
            other._paid,
            other.findings,
        )

    def __hash__(self) -> int:
        return hash((self.outcomes, self._paid))

    def unstructured(
        self, include_sensitive: bool, unstructure: Callable[[object], Any]
    ) -> dict[str, Any]:
        """Plain data for :func:`participatory.core.serialise.unstructure`.

        Withheld whole unless ``include_sensitive`` (that a household was checked at all
        says it gets benefits); the shape is the same either way.
        """
        if not include_sensitive:
            return {**dict.fromkeys(_CHECK_KEYS), "sensitive": True, "withheld": True}
        return {
            "outcomes": [o.unstructured(True, unstructure) for o in self.outcomes],
            "paid": unstructure(self.paid),
            "change": unstructure(self.change()),
            "kept": unstructure(self.kept),
            "findings": [unstructure(f) for f in self.findings],
            "sensitive": True,
            "withheld": False,
        }

    def __repr__(self) -> str:
        return f"BenefitsCheck(outcomes={REDACTED_TEXT}, paid={self.paid!r}, ...)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_check, (self.outcomes, self._paid, self.findings))


def _rebuild_check(
    outcomes: Sequence[PeriodOutcome], paid: int, findings: tuple[Finding, ...]
) -> BenefitsCheck:
    return BenefitsCheck(outcomes, paid, findings=findings)


def stale_findings(*checks: BenefitsCheck) -> tuple[Finding, ...]:
    """The findings reporting each stale figure ``checks`` used: once each, first use first.

    Only a check that allowed stale figures has any (``BEN-STALE-PARAMETERS``, among its
    :attr:`~BenefitsCheck.findings`, which this reads). An answer built on such checks (the
    largest safe payment, the headroom, a what-if comparison) carries them, so it says
    which of its figures were past their data's date.

    >>> from participatory.benefits.claims import CarersAllowanceClaim
    >>> from participatory.benefits.engine import assess_benefits
    >>> from participatory.benefits.household import Household, Person
    >>> from participatory.benefits.receipts import Receipt
    >>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    >>> later = assess_benefits(carer, [Receipt("250.00", "2029-06-11")], allow_stale=True)
    >>> [finding.values["name"] for finding in stale_findings(later)]
    ['carers_allowance.earnings_limit', 'carers_allowance.weekly_rate']
    >>> stale_findings(assess_benefits(carer, [Receipt("250.00", "2026-06-11")]))
    ()
    """
    found: dict[object, Finding] = {}
    for check in checks:
        for item in check.findings:
            if item.rule_id == STALE_RULE:
                found.setdefault(item.values.get("name"), item)
    return tuple(found.values())
