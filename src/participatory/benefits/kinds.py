"""The benefits, conditions and categories the rules name, and how input values become them.

>>> Benefit("carers_allowance").label
"Carer's Allowance"
>>> enum_converter(WorkCapability, "capability")("lcwra")
<WorkCapability.LCWRA: 'lcwra'>
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from participatory.core.errors import ValidationError
from participatory.core.fields import E, member
from participatory.core.money import Money, to_decimal

__all__ = [
    "HOURS_PLACES",
    "NO_HOURS",
    "NO_POUNDS",
    "AgeBand",
    "Benefit",
    "EarningsDisregard",
    "HousingBenefitDisregard",
    "LegacyBenefit",
    "PermittedWork",
    "UnaffectedBenefit",
    "WorkCapability",
    "enum_converter",
    "exact_hours",
    "flag",
    "hours",
    "optional_pounds",
    "pounds",
    "weekday",
    "whole_pence",
]


class Benefit(enum.Enum):
    """The earnings-affected benefits the engine answers for."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    UNIVERSAL_CREDIT = "universal_credit"
    CARERS_ALLOWANCE = "carers_allowance"
    NEW_STYLE_ESA = "new_style_esa"
    INCOME_SUPPORT = "income_support"
    INCOME_BASED_JSA = "income_based_jsa"
    INCOME_RELATED_ESA = "income_related_esa"
    NEW_STYLE_JSA = "new_style_jsa"
    HOUSING_BENEFIT = "housing_benefit"
    PENSION_CREDIT = "pension_credit"

    @property
    def label(self) -> str:
        """The benefit's name in a sentence."""
        return _LABELS[self]

    @property
    def personal(self) -> bool:
        """Whether the benefit is one person's own (not the household's means-tested claim)."""
        return self in _PERSONAL


_LABELS: Final = {
    Benefit.UNIVERSAL_CREDIT: "Universal Credit",
    Benefit.CARERS_ALLOWANCE: "Carer's Allowance",
    Benefit.NEW_STYLE_ESA: "ESA",
    Benefit.INCOME_SUPPORT: "Income Support",
    Benefit.INCOME_BASED_JSA: "income-based JSA",
    Benefit.INCOME_RELATED_ESA: "income-related ESA",
    Benefit.NEW_STYLE_JSA: "new-style JSA",
    Benefit.HOUSING_BENEFIT: "Housing Benefit",
    Benefit.PENSION_CREDIT: "Pension Credit",
}
_PERSONAL: Final = frozenset(
    {Benefit.CARERS_ALLOWANCE, Benefit.NEW_STYLE_ESA, Benefit.NEW_STYLE_JSA}
)


class LegacyBenefit(enum.Enum):
    """The legacy weekly benefits tested with a fixed earnings disregard (or permitted work)."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    INCOME_SUPPORT = "income_support"
    INCOME_BASED_JSA = "income_based_jsa"
    INCOME_RELATED_ESA = "income_related_esa"
    NEW_STYLE_JSA = "new_style_jsa"

    @property
    def benefit(self) -> Benefit:
        """The same benefit in the engine-wide :class:`Benefit` enumeration."""
        return Benefit(self.value)

    @property
    def means_tested(self) -> bool:
        """Whether the benefit is means-tested (claimed for a couple, partner's income counts)."""
        return self is not LegacyBenefit.NEW_STYLE_JSA


class UnaffectedBenefit(enum.Enum):
    """Benefits whose amount earnings do not change.

    A payment never changes them (each may flag a review), but a disability benefit among
    them can raise the earnings disregard of a means-tested benefit the household gets
    (:mod:`participatory.benefits.disability_disregard`).
    """

    PIP = "personal_independence_payment"
    DLA = "disability_living_allowance"
    ATTENDANCE_ALLOWANCE = "attendance_allowance"
    STATE_PENSION = "state_pension"
    #: Scotland: replaces PIP for adults.
    ADULT_DISABILITY_PAYMENT = "adult_disability_payment"
    #: Scotland: replaces DLA for children.
    CHILD_DISABILITY_PAYMENT = "child_disability_payment"
    #: Scotland: replaces Attendance Allowance.
    PENSION_AGE_DISABILITY_PAYMENT = "pension_age_disability_payment"

    @property
    def is_disability_benefit(self) -> bool:
        """A disability benefit (relevant to the UC reg. 41 exception): not State Pension."""
        return self is not UnaffectedBenefit.STATE_PENSION


class AgeBand(enum.Enum):
    """The Universal Credit standard allowance age band of one person."""

    UNDER_25 = "under_25"
    AGE_25_OR_OVER = "25_or_over"


class WorkCapability(enum.Enum):
    """A person's work capability determination in Universal Credit."""

    NONE = "none"
    #: Limited capability for work: gives the work allowance.
    LCW = "lcw"
    #: Limited capability for work and work-related activity: work allowance and LCWRA element.
    LCWRA = "lcwra"


class PermittedWork(enum.Enum):
    """The kind of permitted ("exempt") work an ESA claimant does (ESA Regs 2008 reg. 45)."""

    #: Earnings up to the lower limit, any hours (reg. 45(2)).
    LOWER_LIMIT = "lower_limit"
    #: Earnings up to the higher limit, for less than 16 hours a week (reg. 45(4)).
    HIGHER_LIMIT = "higher_limit"
    #: Supervised supported permitted work: higher limit, no hours condition (reg. 45(3)).
    SUPPORTED = "supported"


class EarningsDisregard(enum.Enum):
    """Which fixed weekly earnings disregard applies (legacy benefits and Pension Credit)."""

    SINGLE = "single"
    COUPLE = "couple"
    #: The higher disregard (lone parent on IS, disability or carer premium, some occupations).
    HIGHER = "higher"


class HousingBenefitDisregard(enum.Enum):
    """Which fixed weekly earnings disregard applies in Housing Benefit."""

    SINGLE = "single"
    COUPLE = "couple"
    LONE_PARENT = "lone_parent"
    #: The higher disregard (disability or carer premium, some part-time occupations).
    HIGHER = "higher"


def enum_converter(kind: type[E], path: str) -> Callable[[object], E]:
    """A converter taking a member or its value; anything else names ``path`` and the choices.

    The rejected value is never kept, not even as the error's ``__context__``
    (:func:`participatory.core.fields.member`).
    """

    def convert(value: object) -> E:
        # A member is what almost every caller passes: answered here, without a further
        # call. An enumeration with members cannot be subclassed, so this is isinstance.
        if type(value) is kind:
            return value
        return member(kind, value, path)

    return convert


def flag(path: str) -> Callable[[object, object, object], None]:
    """A validator requiring ``True`` or ``False``."""

    def check(_instance: object, _attribute: object, value: object) -> None:
        # bool cannot be subclassed and has two instances: the same test as isinstance.
        if value is not True and value is not False:
            raise ValidationError(path, "must be true or false")

    return check


def whole_pence(value: object, path: str, *, negative_hint: str | None = None) -> Money:
    """``value`` as a non-negative whole-penny amount in GBP, or the error at ``path``.

    Every amount a household, claim or receipt holds passes here, so the checks are made
    exactly from the amount's lowest-terms fraction (a Money amount is always finite): the
    same tests as ``is_negative()`` and ``is_whole_minor_units()``, without a rounded copy.

    >>> whole_pence("12.50", "fee")
    Money('12.50', 'GBP')
    >>> whole_pence("12.505", "fee")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: fee: must be a whole number of pence
    """
    money = value if isinstance(value, Money) else Money(to_decimal(value, path), "GBP")
    if money.currency != "GBP":
        raise ValidationError(path, "must be in pounds sterling (GBP)")
    numerator, denominator = money.amount.as_integer_ratio()
    if numerator < 0:
        raise ValidationError(path, "must not be negative", hint=negative_hint)
    if 100 % denominator:
        raise ValidationError(path, "must be a whole number of pence")
    return money


#: Nothing, in pounds: the default of every amount a household or claim holds. A field's
#: default is this one value, checked here once, so a converter given it (the default, or
#: a caller passing it on) has nothing to check; any other value is checked in full.
NO_POUNDS: Final = whole_pence(Money.zero(), "amount")


def pounds(path: str) -> Callable[[object], Money]:
    """A converter to a non-negative whole-penny amount in GBP (:func:`whole_pence`).

    >>> pounds("fee")(NO_POUNDS) is NO_POUNDS
    True
    """

    def convert(value: object) -> Money:
        if value is NO_POUNDS:
            return NO_POUNDS
        return whole_pence(value, path)

    return convert


def optional_pounds(path: str) -> Callable[[object], Money | None]:
    """Like :func:`pounds`, but ``None`` stays ``None``."""

    def convert(value: object) -> Money | None:
        return None if value is None else whole_pence(value, path)

    return convert


#: No hours: the default of every field of hours, checked here once (as :data:`NO_POUNDS`).
NO_HOURS: Final = Decimal(0)
_WEEK_HOURS: Final = Decimal(168)


#: The most decimal places hours are given to (a second is 0.000278 of an hour). A week's
#: hours are added up exactly (the 16-hour rules compare the sum), and hours of 168 at most
#: with 12 places add up within 28 significant digits; with no bound, ``0E-30`` or
#: ``1.000000000000000000000000000001`` hours could not be added to 6 exactly.
HOURS_PLACES: Final = 12


def exact_hours(value: Decimal, path: str) -> Decimal:
    """``value`` (hours), refused when it has more than :data:`HOURS_PLACES` decimal places.

    >>> exact_hours(Decimal("2.25"), "hours")
    Decimal('2.25')
    >>> exact_hours(Decimal("0E-30"), "hours")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: hours: must have at most 12 decimal places
    """
    if value.as_tuple().exponent < -HOURS_PLACES:  # type: ignore[operator]
        raise ValidationError(path, f"must have at most {HOURS_PLACES} decimal places")
    return value


def hours(path: str) -> Callable[[object], Decimal]:
    """A converter to hours in a week, 0 to 168, to at most 12 decimal places.

    >>> hours("weekly_hours")("37.5")
    Decimal('37.5')
    """

    def convert(value: object) -> Decimal:
        if value is NO_HOURS:
            return NO_HOURS
        result = to_decimal(value, path)
        # Compared with Decimal bounds: cheaper than with an int, and the same answer.
        if result < NO_HOURS or result > _WEEK_HOURS:
            raise ValidationError(path, "must be between 0 and 168 hours a week")
        return exact_hours(result, path)

    return convert


def weekday(path: str) -> Callable[[object], int]:
    """A converter to a weekday number, 0 (Monday) to 6 (Sunday)."""

    def convert(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
            raise ValidationError(path, "must be 0 (Monday) to 6 (Sunday)")
        return value

    return convert
