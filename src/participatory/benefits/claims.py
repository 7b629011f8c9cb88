# ruff: noqa: RUF009
"""What a person or household is awarded: the facts of each claim the rules need.

A claim records what the award letter or statement says (the award, the benefit week, the
permitted-work category). What belongs to the *person* (their other earnings, hours, work
capability) lives on :class:`~participatory.benefits.household.Person`; what belongs to the
*household* (children, capital, the couple) on :class:`~participatory.benefits.household.Household`.
Every field is special-category personal data and never appears in ``repr``.

>>> import datetime as dt
>>> claim = UniversalCreditClaim(first_date_of_entitlement=dt.date(2024, 5, 31))
>>> claim.assessment_periods.period_containing(dt.date(2025, 2, 10))
DateRange(start=datetime.date(2025, 1, 31), end=datetime.date(2025, 2, 27))
>>> claim
UniversalCreditClaim(first_date_of_entitlement=<redacted>, ...)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from participatory.benefits.kinds import (
    NO_POUNDS,
    EarningsDisregard,
    HousingBenefitDisregard,
    LegacyBenefit,
    PermittedWork,
    enum_converter,
    flag,
    optional_pounds,
    pounds,
    weekday,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.pennies import to_pennies
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, to_date
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = [
    "CarersAllowanceClaim",
    "EmploymentSupportAllowanceClaim",
    "HousingBenefitClaim",
    "LegacyClaim",
    "PensionCreditClaim",
    "UniversalCreditClaim",
    "WeeklyClaim",
]

_E = TypeVar("_E", bound=enum.Enum)

#: The earliest first day of entitlement accepted: Universal Credit began in April 2013.
_UC_BEGAN = dt.date(2013, 4, 29)
#: The latest: far enough ahead for a planned claim, near enough to catch a typing slip.
_LATEST_FIRST_DATE = dt.date(2100, 12, 31)


def _optional_enum(kind: type[_E], path: str) -> Callable[[object], _E | None]:
    """A converter like :func:`enum_converter` that keeps ``None`` (not stated)."""
    convert = enum_converter(kind, path)

    def optional(value: object) -> _E | None:
        return None if value is None else convert(value)

    return optional


def _sensitive(**kwargs: Any) -> Any:
    return attrs.field(repr=REDACTED, metadata=SENSITIVE, **kwargs)


def _first_date(value: dt.date | str) -> dt.date:
    day = to_date(value, "first_date_of_entitlement")
    if not _UC_BEGAN <= day <= _LATEST_FIRST_DATE:
        raise ValidationError(
            "first_date_of_entitlement",
            f"must be between {_UC_BEGAN.isoformat()} and {_LATEST_FIRST_DATE.isoformat()}",
        )
    return day


def _optional_day(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else to_date(value, "benefit_cap_grace_period_start")


class WeeklyClaim(Record):
    """What every weekly claim shares: the day its benefit weeks start (0 Monday to 6 Sunday)."""

    benefit_week_start: int

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


@attrs.frozen
class UniversalCreditClaim(Record):
    """A household's Universal Credit award: the facts of the claim itself (monthly amounts).

    Who is in the household, their earnings and conditions, the children and the capital are
    on the :class:`~participatory.benefits.household.Household`. ``current_award`` is the
    award for an assessment period before the payment (from the latest statement); without
    it the award is worked out from the household.
    """

    first_date_of_entitlement: dt.date = _sensitive(converter=_first_date)
    housing_costs_element: bool = _sensitive(default=False, validator=flag("housing_costs_element"))
    housing_amount: Money | None = _sensitive(
        default=None, converter=optional_pounds("housing_amount")
    )
    other_unearned_income: Money = _sensitive(
        default=NO_POUNDS, converter=pounds("other_unearned_income")
    )
    current_award: Money | None = _sensitive(
        default=None, converter=optional_pounds("current_award")
    )
    #: The first day of a benefit cap grace period (UC Regs 2013 reg. 82(2)-(3)): after 12
    #: months with earnings at or above the earnings exception, the cap does not apply for 9
    #: months. ``None``: no grace period known. The library does not work it out from an
    #: earnings history; give it from the award statement or DWP's decision.
    benefit_cap_grace_period_start: dt.date | None = _sensitive(
        default=None, converter=_optional_day
    )

    #: The amounts in whole pennies, worked out once (every check reads them).
    pennies: tuple[int, int, int | None] = attrs.field(
        init=False, repr=False, eq=False, metadata=SENSITIVE
    )

    def __attrs_post_init__(self) -> None:
        if self.housing_amount is not None and not self.housing_costs_element:
            raise ValidationError(
                "housing_amount",
                "is given but housing_costs_element is false",
                hint="set housing_costs_element=True, or leave housing_amount out",
            )
        housing = 0 if self.housing_amount is None else to_pennies(self.housing_amount.amount)
        award = None if self.current_award is None else to_pennies(self.current_award.amount)
        other = self.other_unearned_income
        unearned = 0 if other is NO_POUNDS else to_pennies(other.amount)
        object.__setattr__(self, "pennies", (housing, unearned, award))

    @property
    def assessment_periods(self) -> AssessmentPeriodCycle:
        """The claim's monthly assessment periods (UC Regs 2013 reg. 21)."""
        return AssessmentPeriodCycle(self.first_date_of_entitlement)


@attrs.frozen
class CarersAllowanceClaim(WeeklyClaim):
    """A person's Carer's Allowance (Carer Support Payment in Scotland): a weekly cliff edge.

    ``weekly_award`` defaults to the published weekly rate.
    """

    benefit_week_start: int = _sensitive(default=0, converter=weekday("benefit_week_start"))
    weekly_award: Money | None = _sensitive(default=None, converter=optional_pounds("weekly_award"))

    #: The weekly award in whole pennies (``None``: the published rate), worked out once.
    award_pennies: int | None = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        award = self.weekly_award
        pennies = None if award is None else to_pennies(award.amount)
        object.__setattr__(self, "award_pennies", pennies)


@attrs.frozen
class EmploymentSupportAllowanceClaim(WeeklyClaim):
    """A person's new-style (contribution-based) ESA with permitted work: weekly cliff edges."""

    weekly_award: Money = _sensitive(converter=pounds("weekly_award"))
    permitted_work: PermittedWork = _sensitive(
        default=PermittedWork.LOWER_LIMIT,
        converter=enum_converter(PermittedWork, "permitted_work"),
    )
    benefit_week_start: int = _sensitive(default=0, converter=weekday("benefit_week_start"))

    #: The weekly award in whole pennies, worked out once (every check reads it).
    award_pennies: int = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "award_pennies", to_pennies(self.weekly_award.amount))


@attrs.frozen
class LegacyClaim(WeeklyClaim):
    """Income Support, income-based JSA, income-related ESA or new-style JSA (weekly).

    ``claimant`` is the id of the member who claims (the household's first member if not
    given). The means-tested three count a partner's earnings too; new-style JSA is the
    claimant's own. IS and JSA: earnings above the fixed disregard reduce the award pound for
    pound, and 16 hours' work a week by the claimant ends entitlement. Income-related ESA uses
    permitted work instead.
    """

    benefit: LegacyBenefit = _sensitive(converter=enum_converter(LegacyBenefit, "benefit"))
    weekly_award: Money = _sensitive(converter=pounds("weekly_award"))
    #: The fixed earnings disregard the caller states (the higher one, say); ``None``: the
    #: household's own, worked out by :class:`~participatory.benefits.household.Household`.
    disregard: EarningsDisregard | None = _sensitive(
        default=None, converter=_optional_enum(EarningsDisregard, "disregard")
    )
    permitted_work: PermittedWork = _sensitive(
        default=PermittedWork.LOWER_LIMIT,
        converter=enum_converter(PermittedWork, "permitted_work"),
    )
    benefit_week_start: int = _sensitive(default=0, converter=weekday("benefit_week_start"))
    claimant: str | None = _sensitive(default=None)

    #: The weekly award in whole pennies, worked out once (every check reads it).
    award_pennies: int = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "award_pennies", to_pennies(self.weekly_award.amount))


@attrs.frozen
class HousingBenefitClaim(WeeklyClaim):
    """Housing Benefit (now mainly pension age, or supported / temporary accommodation)."""

    weekly_award: Money = _sensitive(converter=pounds("weekly_award"))
    #: The fixed earnings disregard the caller states (the higher one, say); ``None``: the
    #: household's own, worked out by :class:`~participatory.benefits.household.Household`.
    disregard: HousingBenefitDisregard | None = _sensitive(
        default=None, converter=_optional_enum(HousingBenefitDisregard, "disregard")
    )
    pension_age: bool = _sensitive(default=False, validator=flag("pension_age"))
    supported_or_temporary: bool = _sensitive(
        default=False, validator=flag("supported_or_temporary")
    )
    benefit_week_start: int = _sensitive(default=0, converter=weekday("benefit_week_start"))

    #: The weekly award in whole pennies, worked out once (every check reads it).
    award_pennies: int = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "award_pennies", to_pennies(self.weekly_award.amount))


@attrs.frozen
class PensionCreditClaim(WeeklyClaim):
    """Pension Credit guarantee credit: pound for pound above a fixed weekly disregard."""

    weekly_award: Money = _sensitive(converter=pounds("weekly_award"))
    #: The fixed earnings disregard the caller states (the higher one, say); ``None``: the
    #: household's own, worked out by :class:`~participatory.benefits.household.Household`.
    disregard: EarningsDisregard | None = _sensitive(
        default=None, converter=_optional_enum(EarningsDisregard, "disregard")
    )
    savings_credit: bool = _sensitive(default=False, validator=flag("savings_credit"))
    benefit_week_start: int = _sensitive(default=0, converter=weekday("benefit_week_start"))

    #: The weekly award in whole pennies, worked out once (every check reads it).
    award_pennies: int = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "award_pennies", to_pennies(self.weekly_award.amount))
