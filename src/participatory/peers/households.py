"""A household claiming Universal Credit, described simply enough for any peer model.

A peer comparison needs a description both the library and the peer can take: ages
rather than age bands; each partner's own circumstances (capability for work, whether
they care for a severely disabled person, their own earnings); the children by date of
birth (with any disability addition and whether a young person of 16 to 19 is in
non-advanced education); a housing costs element as a monthly amount.

Both models are asked about the same assessment period (AP): the one starting on
6 October of the tax year (:func:`assessment_period_start`), the day PolicyEngine-UK reads
everyone's age on, so a child who is under 16 on the first day of the AP is under 16 for
both. Health fields, and the children (their disability is health data), are
special-category data and never shown.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> home = PeerHousehold(tax_year=2025, claimant_age=30, partner_age=24,
...                      partner_capability=Capability.LCW, carer=True,
...                      dated_children=(Child(born_on=dt.date(2015, 3, 1)),),
...                      monthly_rent=Money.gbp(450))
>>> home.is_couple, [child.age_on(assessment_period_start(2025)) for child in home.child_records]
(True, [10])
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from participatory.benefits.household import Child, ChildDisability, TwoChildLimitException
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = [
    "Capability",
    "Child",
    "ChildDisability",
    "PeerHousehold",
    "TwoChildLimitException",
    "assessment_period_start",
    "check_amount",
]

_FIRST_TAX_YEAR: Final = 2024
_LAST_TAX_YEAR: Final = 2030
_MOST_CHILDREN: Final = 20
#: The two-child limit and the higher first-child rate turn on this day.
_LIMIT_DAY: Final = dt.date(2017, 4, 6)
#: Children given as a count: the youngest of those born before _LIMIT_DAY is born on
#: _OLDER_BORN, and each child is born _STEP after the one before.
_OLDER_BORN: Final = dt.date(2017, 1, 1)
_STEP: Final = dt.timedelta(days=17)


def _born_on(child: Child) -> dt.date:
    return child.born_on


def assessment_period_start(tax_year: int) -> dt.date:
    """The first day of the AP both models are asked about: 6 October of ``tax_year``.

    PolicyEngine-UK works in tax years and reads a person's age on 6 October, the middle
    of the year; an AP starting that day sees the same ages, and begins after the April
    uprating.

    >>> assessment_period_start(2026)
    datetime.date(2026, 10, 6)
    """
    return dt.date(tax_year, 10, 6)


def check_amount(path: str, value: object) -> None:
    """Refuse anything but a non-negative whole number of pennies in GBP.

    >>> check_amount("fee", Money.gbp("-1"))
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: fee: must be a non-negative whole number of pennies
    """
    if not isinstance(value, Money):
        raise ValidationError(path, "must be Money", hint="use Money.gbp('12.50')")
    if value.currency != "GBP":
        raise ValidationError(path, "must be in GBP")
    if value.is_negative() or not value.is_whole_minor_units():
        raise ValidationError(path, "must be a non-negative whole number of pennies")


def _amount(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        check_amount(path, value)

    return check


class Capability(enum.Enum):
    """A claimant's assessed capability for work (UC Regs regs. 39-40)."""

    # Members are singletons, equal only to themselves: hashing by identity spares the
    # look-up of each case's capability a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    NONE = "none"
    #: Limited capability for work: gives the work allowance, no element.
    LCW = "lcw"
    #: Limited capability for work and work-related activity: the LCWRA element too.
    LCWRA = "lcwra"


def _optional_amount(path: str) -> Any:
    inner = _amount(path)

    def check(instance: object, attribute: object, value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def _age(path: str, *, optional: bool = False) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 16 <= value <= 120:
            raise ValidationError(path, "must be a whole number of years from 16 to 120")

    return check


def _flag(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(path, "must be true or false")

    return check


def _capability(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, Capability):
            raise ValidationError(path, "must be a Capability")

    return check


def _dated_children(value: object) -> tuple[Child, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError("dated_children", "must be a list of Child records")
    children = tuple(value)
    if len(children) > _MOST_CHILDREN:
        raise ValidationError("dated_children", f"must be at most {_MOST_CHILDREN}")
    for index, item in enumerate(children):
        if not isinstance(item, Child):
            raise ValidationError(f"dated_children[{index}]", "must be a Child")
    return children


@attrs.frozen
class PeerHousehold(Record):
    """A household claiming UC, described as simply as both models can take it.

    A couple when ``partner_age`` is given. Each adult has their own ``capability``,
    whether they are a ``carer`` (regular and substantial caring for a severely disabled
    person: the carer element; a couple's two carers care for different people) and
    their own other monthly earnings in the AP, before the fee, which goes to the
    claimant. ``monthly_rent`` is the housing costs element for the AP (``None``: no
    housing costs element).

    The children are given either as ``dated_children``, records of the library's
    :class:`~participatory.benefits.Child` (date of birth, disability addition, whether a
    young person of 16 to 19 is a qualifying young person, a two-child-limit
    exception), each born by the first day of the AP; or, the older shorthand, as a
    count, ``children``, of whom the first ``children_born_before_2017_04_06`` were born
    before 6 April 2017 (:attr:`child_records` gives them dates of birth).

    >>> PeerHousehold(tax_year=2026, claimant_age=24, capability=Capability.LCWRA)
    PeerHousehold(tax_year=2026, claimant_age=24, partner_age=None, children=0, children_born_before_2017_04_06=0, capability=<redacted>, partner_capability=<redacted>, lcwra_at_new_claimant_rate=<redacted>, monthly_rent=None, claimant_monthly_earnings=Money('0', 'GBP'), partner_monthly_earnings=Money('0', 'GBP'), carer=<redacted>, partner_carer=<redacted>, dated_children=<redacted>)
    """  # noqa: E501

    tax_year: int = attrs.field()
    claimant_age: int = attrs.field(validator=_age("claimant_age"))
    partner_age: int | None = attrs.field(
        default=None, validator=_age("partner_age", optional=True)
    )
    children: int = attrs.field(default=0)
    children_born_before_2017_04_06: int = attrs.field(default=0)
    capability: Capability = attrs.field(
        default=Capability.NONE,
        validator=_capability("capability"),
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    partner_capability: Capability = attrs.field(
        default=Capability.NONE,
        validator=_capability("partner_capability"),
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    #: From April 2026 the LCWRA element for new claimants is lower than the protected
    #: rate. One flag for the household: PolicyEngine sets it for the benefit unit.
    lcwra_at_new_claimant_rate: bool = attrs.field(
        default=False,
        validator=_flag("lcwra_at_new_claimant_rate"),
        repr=REDACTED,
        metadata=SENSITIVE,
    )
    monthly_rent: Money | None = attrs.field(
        default=None, validator=_optional_amount("monthly_rent")
    )
    claimant_monthly_earnings: Money = attrs.field(
        factory=Money.zero, validator=_amount("claimant_monthly_earnings")
    )
    partner_monthly_earnings: Money = attrs.field(
        factory=Money.zero, validator=_amount("partner_monthly_earnings")
    )
    carer: bool = attrs.field(
        default=False, validator=_flag("carer"), repr=REDACTED, metadata=SENSITIVE
    )
    partner_carer: bool = attrs.field(
        default=False, validator=_flag("partner_carer"), repr=REDACTED, metadata=SENSITIVE
    )
    dated_children: tuple[Child, ...] = attrs.field(
        default=(), converter=_dated_children, repr=REDACTED, metadata=SENSITIVE
    )

    @tax_year.validator
    def _check_tax_year(self, _attribute: object, value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("tax_year", "must be the year the tax year starts in")
        if not _FIRST_TAX_YEAR <= value <= _LAST_TAX_YEAR:
            raise ValidationError("tax_year", f"must be from {_FIRST_TAX_YEAR} to {_LAST_TAX_YEAR}")

    def __attrs_post_init__(self) -> None:
        for name in ("children", "children_born_before_2017_04_06"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(name, "must be a whole number, zero or more")
        if self.children > _MOST_CHILDREN:
            raise ValidationError("children", f"must be at most {_MOST_CHILDREN}")
        if self.children_born_before_2017_04_06 > self.children:
            raise ValidationError(
                "children_born_before_2017_04_06", "must not be more than children"
            )
        if self.dated_children and self.children:
            raise ValidationError(
                "dated_children", "give the children as records or as a count, not both"
            )
        start = assessment_period_start(self.tax_year)
        for index, child in enumerate(self.dated_children):
            if child.born_on > start:
                raise ValidationError(
                    f"dated_children[{index}].born_on",
                    "must be on or before the first day of the assessment period",
                    hint="6 October of the tax year",
                )
        if self.monthly_rent is not None and self.monthly_rent.is_zero():
            raise ValidationError(
                "monthly_rent",
                "must be more than nothing when given",
                hint="leave it out for no housing costs element",
            )
        if self.partner_age is None:
            if self.partner_capability is not Capability.NONE:
                raise ValidationError("partner_capability", "needs a partner")
            if not self.partner_monthly_earnings.is_zero():
                raise ValidationError("partner_monthly_earnings", "needs a partner")
            if self.partner_carer:
                raise ValidationError("partner_carer", "needs a partner")

    @property
    def is_couple(self) -> bool:
        """Whether the claim is a joint claim by a couple."""
        return self.partner_age is not None

    @property
    def child_records(self) -> tuple[Child, ...]:
        """Every child, by date of birth, eldest first.

        Children given as a count get dates of birth that keep them under 16 on the first
        day of the AP in every tax year covered: born in the year to 1 January 2017 for
        those born before 6 April 2017, in the year from 1 January three years before the
        tax year for the others.

        >>> home = PeerHousehold(tax_year=2025, claimant_age=30, children=2,
        ...                      children_born_before_2017_04_06=1)
        >>> [str(child.born_on) for child in home.child_records]
        ['2017-01-01', '2022-01-01']
        """
        if self.dated_children:
            return tuple(sorted(self.dated_children, key=_born_on))
        count = self.children
        if not count:
            return ()
        # Eldest first: those born before 6 April 2017 count back from 1 January 2017 in
        # steps of 17 days, the others forward from 1 January three years before the tax year.
        older = self.children_born_before_2017_04_06
        records = []
        for i in range(older):
            records.append(Child(born_on=_OLDER_BORN - _STEP * (older - 1 - i)))
        first = dt.date(self.tax_year - 3, 1, 1)
        for i in range(count - older):
            records.append(Child(born_on=first + _STEP * i))
        return tuple(records)

    @property
    def born_before_2017_04_06(self) -> int:
        """How many of the children were born before 6 April 2017."""
        return sum(1 for child in self.child_records if child.born_on < _LIMIT_DAY)
