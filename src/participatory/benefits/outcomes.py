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
PeriodOutcome(period=DateRange(start=datetime.date(2025, 6, 1), end=datetime.date(2025, 6, 30)), <redacted>)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from participatory.benefits.kinds import Benefit
from participatory.core.errors import ValidationError
from participatory.core.explain import ExplainedResult, Finding
from participatory.core.money import Money
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT

__all__ = ["BenefitsCheck", "PeriodOutcome"]

_ZERO: Final = Decimal(0)

#: How an outcome's findings are made when first read: a module-level function and the
#: arguments it needs (both picklable, so a result can be pickled before it is explained).
Explainer = tuple[Callable[..., tuple[Finding, ...]], tuple[Any, ...]]


def _pounds(value: object, path: str) -> Decimal:
    if type(value) is Decimal:  # the engine's own figures: already exact pounds
        return value
    if isinstance(value, Money):
        if value.currency != "GBP":
            raise ValidationError(path, "must be in pounds sterling (GBP)")
        return value.amount
    raise ValidationError(path, "must be an amount of money")


def _gbp(amount: Decimal) -> Money:
    return Money(amount, "GBP")


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
        if type(benefit) is not Benefit:
            raise ValidationError("benefit", "must be a Benefit")
        if type(period) is not DateRange and not isinstance(period, DateRange):
            raise ValidationError("period", "must be a DateRange")
        if cliff is not True and cliff is not False:
            raise ValidationError("cliff", "must be true or false")
        if person is not None and type(person) is not str:
            raise ValidationError("person", "must be a person's id")
        # Plain slot assignment: a result is made for every period of every contributor, and
        # the public attributes are read-only properties, so nothing outside can change it.
        self._benefit = benefit
        self._period = period
        self._before = before_amount = _pounds(before, "before")
        self._after = _pounds(after, "after")
        self._counted = _pounds(counted, "counted")
        self._cliff = cliff
        self._person = person
        self._detail = detail
        self._explain = explain
        self._baseline = before_amount if baseline is None else _pounds(baseline, "baseline")
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
    def before_amount(self) -> Decimal:
        """:attr:`before` as a bare Decimal (no Money is made)."""
        return self._before

    @property
    def after_amount(self) -> Decimal:
        """:attr:`after` as a bare Decimal (no Money is made)."""
        return self._after

    @property
    def baseline_amount(self) -> Decimal:
        """The benefit with the person's regular earnings only (before any payment at all)."""
        return self._baseline

    @property
    def change_amount(self) -> Decimal:
        """After minus before as a bare Decimal: negative when the benefit falls."""
        return self._after - self._before

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

    def __repr__(self) -> str:
        # Which benefit, whose, and how much are all special-category data.
        return f"PeriodOutcome(period={self._period!r}, {REDACTED_TEXT})"

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
    before: Decimal,
    after: Decimal,
    counted: Decimal,
    cliff: bool,
    person: str | None,
    findings: tuple[Finding, ...],
    baseline: Decimal,
) -> PeriodOutcome:
    return PeriodOutcome(
        benefit,
        period,
        before,
        after,
        counted,
        cliff,
        person=person,
        findings=findings,
        baseline=baseline,
    )


def _outcomes(items: object) -> tuple[PeriodOutcome, ...]:
    # Wrong types are refused by position only: the items are a person's benefits outcomes.
    kind = type(items)
    if kind is not list and kind is not tuple and (
        isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable)
    ):
        raise ValidationError("outcomes", "must be a list of PeriodOutcome")
    outcomes = items if kind is tuple else tuple(items)  # type: ignore[arg-type]
    for index, outcome in enumerate(outcomes):
        if type(outcome) is not PeriodOutcome and not isinstance(outcome, PeriodOutcome):
            raise ValidationError(f"outcomes[{index}]", "must be a PeriodOutcome")
    return outcomes  # type: ignore[return-value]


class BenefitsCheck(ExplainedResult):
    """What a set of payments does to a household's benefits, and what it keeps.

    ``paid`` is every amount actually received (a declined fee is not). ``outcomes`` lists
    every benefit period the payments touch, knock-on effects included, in date order.
    """

    __slots__ = ("_explain", "_findings", "_outcomes", "_paid")

    def __init__(
        self,
        outcomes: Iterable[PeriodOutcome],
        paid: Money | Decimal,
        *,
        findings: Iterable[Finding] | None = None,
        explain: Explainer | None = None,
    ) -> None:
        self._outcomes = _outcomes(outcomes)
        self._paid = _pounds(paid, "paid")
        self._explain = explain
        self._findings = None if findings is None and explain else tuple(findings or ())

    @property
    def outcomes(self) -> tuple[PeriodOutcome, ...]:
        """Every benefit period the payments touch, in date order."""
        return self._outcomes

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: the standing caveat, each period's explanation, what is kept."""
        found = self._findings
        if found is None:
            function, arguments = self._explain  # type: ignore[misc]
            found = self._findings = function(self, *arguments)
        return found

    @property
    def paid(self) -> Money:
        """Every amount actually received (a declined fee is not)."""
        return _gbp(self._paid)

    @property
    def paid_amount(self) -> Decimal:
        """:attr:`paid` as a bare Decimal."""
        return self._paid

    def change_amount(self, benefit: Benefit | None = None, person: str | None = None) -> Decimal:
        """:meth:`change` as a bare Decimal."""
        total = _ZERO
        for outcome in self._outcomes:
            if (benefit is None or outcome._benefit is benefit) and (
                person is None or outcome._person == person
            ):
                total += outcome._after - outcome._before
        return total

    def change(self, benefit: Benefit | None = None, person: str | None = None) -> Money:
        """Net change in ``benefit`` (all if ``None``), of ``person`` (anyone's if ``None``)."""
        return _gbp(self.change_amount(benefit, person))

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
        return _gbp(-self.change_amount())

    @property
    def kept(self) -> Money:
        """What the household is better off by: the payments less the benefit lost."""
        return _gbp(self._paid + self.change_amount())

    @property
    def kept_amount(self) -> Decimal:
        """:attr:`kept` as a bare Decimal."""
        return self._paid + self.change_amount()

    @property
    def cliffs(self) -> tuple[PeriodOutcome, ...]:
        """The periods in which entitlement is lost outright."""
        return tuple(o for o in self.outcomes if o.cliff)

    @property
    def changes_nothing(self) -> bool:
        """Whether no benefit changes in any period."""
        return all(o._after == o._before for o in self._outcomes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BenefitsCheck):
            return NotImplemented
        return (self._outcomes, self._paid, self.findings) == (
            other._outcomes,
            other._paid,
            other.findings,
        )

    def __hash__(self) -> int:
        return hash((self._outcomes, self._paid))

    def __repr__(self) -> str:
        return f"BenefitsCheck(outcomes={REDACTED_TEXT}, paid={self.paid!r}, ...)"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_check, (self._outcomes, self._paid, self.findings))


def _rebuild_check(
    outcomes: Sequence[PeriodOutcome], paid: Decimal, findings: tuple[Finding, ...]
) -> BenefitsCheck:
    return BenefitsCheck(outcomes, paid, findings=findings)
