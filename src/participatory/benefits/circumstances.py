# ruff: noqa: RUF009
"""A contributor's benefit circumstances: what they receive and what decides each rule.

Everything here is special-category personal data (UK GDPR art. 9): every field is marked
sensitive, so it never appears in ``repr``, in error messages or in default serialisation.

A contributor usually knows their current award from their last statement; pass it as
``current_award`` / ``weekly_award`` (it caps any reduction). For Universal Credit the
award can instead be worked out from the circumstances, so that knock-on effects (a lost
week of Carer's Allowance raising UC) can be computed.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> uc = UniversalCreditClaim(first_date_of_entitlement=dt.date(2024, 5, 31),
...                           capability=WorkCapability.LCW)
>>> uc
UniversalCreditClaim(first_date_of_entitlement=<redacted>, couple=<redacted>, ...)
>>> Circumstances(universal_credit=uc).receives(Benefit.UNIVERSAL_CREDIT)
True
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.money import Money, to_decimal
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, to_date
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = [
    "AgeBand",
    "Benefit",
    "CarersAllowanceClaim",
    "Circumstances",
    "EarningsDisregard",
    "EmploymentSupportAllowanceClaim",
    "HousingBenefitClaim",
    "HousingBenefitDisregard",
    "LegacyBenefit",
    "LegacyClaim",
    "PensionCreditClaim",
    "PermittedWork",
    "UnaffectedBenefit",
    "UniversalCreditClaim",
    "WorkCapability",
]


class Benefit(enum.Enum):
    """The benefits the engine answers for."""

    UNIVERSAL_CREDIT = "universal_credit"
    CARERS_ALLOWANCE = "carers_allowance"
    NEW_STYLE_ESA = "new_style_esa"
    INCOME_SUPPORT = "income_support"
    INCOME_BASED_JSA = "income_based_jsa"
    INCOME_RELATED_ESA = "income_related_esa"
    NEW_STYLE_JSA = "new_style_jsa"
    HOUSING_BENEFIT = "housing_benefit"
    PENSION_CREDIT = "pension_credit"


class LegacyBenefit(enum.Enum):
    """The legacy weekly benefits tested with a fixed earnings disregard (or permitted work)."""

    INCOME_SUPPORT = "income_support"
    INCOME_BASED_JSA = "income_based_jsa"
    INCOME_RELATED_ESA = "income_related_esa"
    NEW_STYLE_JSA = "new_style_jsa"

    @property
    def benefit(self) -> Benefit:
        """The same benefit in the engine-wide :class:`Benefit` enumeration."""
        return Benefit(self.value)


class UnaffectedBenefit(enum.Enum):
    """Benefits whose amount earnings do not change (a possible review flag only)."""

    PIP = "personal_independence_payment"
    DLA = "disability_living_allowance"
    ATTENDANCE_ALLOWANCE = "attendance_allowance"
    STATE_PENSION = "state_pension"

    @property
    def is_disability_benefit(self) -> bool:
        """PIP, DLA and Attendance Allowance (relevant to the UC reg. 41 exception)."""
        return self is not UnaffectedBenefit.STATE_PENSION


class AgeBand(enum.Enum):
    """Universal Credit standard allowance age band (a couple: the older partner's band)."""

    UNDER_25 = "under_25"
    AGE_25_OR_OVER = "25_or_over"


class WorkCapability(enum.Enum):
    """Work capability determination in Universal Credit."""

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
    HIGHER = "higher"


def _sensitive(**kwargs: Any) -> Any:
    return attrs.field(repr=REDACTED, metadata=SENSITIVE, **kwargs)


def _pounds(value: object, path: str) -> Money:
    money = value if isinstance(value, Money) else Money(to_decimal(value, path), "GBP")
    if money.currency != "GBP":
        raise ValidationError(path, "must be in pounds sterling (GBP)")
    if money.is_negative():
        raise ValidationError(path, "must not be negative")
    if not money.is_whole_minor_units():
        raise ValidationError(path, "must be a whole number of pence")
    return money


def _money_converter(path: str) -> Any:
    def convert(value: object) -> Money:
        return _pounds(value, path)

    return convert


def _optional_money_converter(path: str) -> Any:
    def convert(value: object) -> Money | None:
        return None if value is None else _pounds(value, path)

    return convert


def _hours_converter(path: str) -> Any:
    def convert(value: object) -> Decimal:
        hours = to_decimal(value, path)
        if hours < 0 or hours > 168:
            raise ValidationError(path, "must be between 0 and 168 hours a week")
        return hours

    return convert


def _first_date(value: object) -> dt.date:
    return to_date(value, "first_date_of_entitlement")


def _weekday(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise ValidationError("benefit_week_start", "must be 0 (Monday) to 6 (Sunday)")
    return value


def _enum(kind: type[enum.Enum], path: str) -> Any:
    def convert(value: object) -> enum.Enum:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in kind)
            raise ValidationError(path, f"must be one of {allowed}") from None

    return convert


def _flag(path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, bool):
            raise ValidationError(path, "must be true or false")

    return check


@attrs.frozen
class UniversalCreditClaim:
    """What decides a Universal Credit award and its earnings rules (monthly amounts).

    ``other_earnings`` are the earnings already counted in each assessment period (a job,
    say): they use the work allowance first. ``current_award`` is the award for an
    assessment period before the payment (from the last statement); without it the award
    is worked out from the elements below.
    """

    first_date_of_entitlement: dt.date = _sensitive(converter=_first_date)
    couple: bool = _sensitive(default=False, validator=_flag("couple"))
    age_band: AgeBand = _sensitive(
        default=AgeBand.AGE_25_OR_OVER, converter=_enum(AgeBand, "age_band")
    )
    housing_costs_element: bool = _sensitive(
        default=False, validator=_flag("housing_costs_element")
    )
    housing_amount: Money | None = _sensitive(
        default=None, converter=_optional_money_converter("housing_amount")
    )
    children: int = _sensitive(default=0)
    first_child_born_before_2017_04_06: bool = _sensitive(
        default=False, validator=_flag("first_child_born_before_2017_04_06")
    )
    capability: WorkCapability = _sensitive(
        default=WorkCapability.NONE, converter=_enum(WorkCapability, "capability")
    )
    #: From 6 April 2026 most new LCWRA awards get the lower "new claim" rate.
    lcwra_new_claim_rate: bool = _sensitive(default=False, validator=_flag("lcwra_new_claim_rate"))
    carer_element: bool = _sensitive(default=False, validator=_flag("carer_element"))
    other_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_earnings")
    )
    other_unearned_income: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_unearned_income")
    )
    capital: Money | None = _sensitive(default=None, converter=_optional_money_converter("capital"))
    current_award: Money | None = _sensitive(
        default=None, converter=_optional_money_converter("current_award")
    )

    def __attrs_post_init__(self) -> None:
        if isinstance(self.children, bool) or not isinstance(self.children, int):
            raise ValidationError("children", "must be a whole number")
        if not 0 <= self.children <= 20:
            raise ValidationError("children", "must be between 0 and 20")
        if self.housing_amount is not None and not self.housing_costs_element:
            raise ValidationError(
                "housing_amount",
                "is given but housing_costs_element is false",
                hint="set housing_costs_element=True, or leave housing_amount out",
            )
        if self.first_child_born_before_2017_04_06 and self.children == 0:
            raise ValidationError("first_child_born_before_2017_04_06", "is set but children is 0")

    @property
    def assessment_periods(self) -> AssessmentPeriodCycle:
        """The claim's monthly assessment periods (UC Regs 2013 reg. 21)."""
        return AssessmentPeriodCycle(self.first_date_of_entitlement)

    @property
    def has_work_allowance(self) -> bool:
        """Responsible for a child, or limited capability for work (UC Regs reg. 22(1)(b))."""
        return self.children > 0 or self.capability is not WorkCapability.NONE


@attrs.frozen
class CarersAllowanceClaim:
    """Carer's Allowance: a weekly cliff edge on net earnings.

    ``other_weekly_earnings`` are net earnings each week from other work. ``weekly_award``
    defaults to the published weekly rate.
    """

    benefit_week_start: int = _sensitive(default=0, converter=_weekday)
    other_weekly_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_weekly_earnings")
    )
    weekly_award: Money | None = _sensitive(
        default=None, converter=_optional_money_converter("weekly_award")
    )

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


@attrs.frozen
class EmploymentSupportAllowanceClaim:
    """New-style (contribution-based) ESA with permitted work: weekly cliff edges."""

    weekly_award: Money = _sensitive(converter=_money_converter("weekly_award"))
    permitted_work: PermittedWork = _sensitive(
        default=PermittedWork.LOWER_LIMIT, converter=_enum(PermittedWork, "permitted_work")
    )
    weekly_hours: Decimal = _sensitive(
        default=Decimal(0), converter=_hours_converter("weekly_hours")
    )
    other_weekly_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_weekly_earnings")
    )
    benefit_week_start: int = _sensitive(default=0, converter=_weekday)

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


@attrs.frozen
class LegacyClaim:
    """Income Support, income-based JSA, income-related ESA or new-style JSA (weekly).

    IS and JSA: earnings above the fixed disregard reduce the award pound for pound, and
    16 hours' work a week ends entitlement. Income-related ESA uses permitted work instead.
    """

    benefit: LegacyBenefit = _sensitive(converter=_enum(LegacyBenefit, "benefit"))
    weekly_award: Money = _sensitive(converter=_money_converter("weekly_award"))
    disregard: EarningsDisregard = _sensitive(
        default=EarningsDisregard.SINGLE, converter=_enum(EarningsDisregard, "disregard")
    )
    permitted_work: PermittedWork = _sensitive(
        default=PermittedWork.LOWER_LIMIT, converter=_enum(PermittedWork, "permitted_work")
    )
    weekly_hours: Decimal = _sensitive(
        default=Decimal(0), converter=_hours_converter("weekly_hours")
    )
    other_weekly_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_weekly_earnings")
    )
    benefit_week_start: int = _sensitive(default=0, converter=_weekday)

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


@attrs.frozen
class HousingBenefitClaim:
    """Housing Benefit (now mainly pension age, or supported / temporary accommodation)."""

    weekly_award: Money = _sensitive(converter=_money_converter("weekly_award"))
    disregard: HousingBenefitDisregard = _sensitive(
        default=HousingBenefitDisregard.SINGLE,
        converter=_enum(HousingBenefitDisregard, "disregard"),
    )
    pension_age: bool = _sensitive(default=False, validator=_flag("pension_age"))
    supported_or_temporary: bool = _sensitive(
        default=False, validator=_flag("supported_or_temporary")
    )
    other_weekly_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_weekly_earnings")
    )
    benefit_week_start: int = _sensitive(default=0, converter=_weekday)

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


@attrs.frozen
class PensionCreditClaim:
    """Pension Credit guarantee credit: pound for pound above a fixed weekly disregard."""

    weekly_award: Money = _sensitive(converter=_money_converter("weekly_award"))
    disregard: EarningsDisregard = _sensitive(
        default=EarningsDisregard.SINGLE, converter=_enum(EarningsDisregard, "disregard")
    )
    savings_credit: bool = _sensitive(default=False, validator=_flag("savings_credit"))
    other_weekly_earnings: Money = _sensitive(
        default=Money.zero(), converter=_money_converter("other_weekly_earnings")
    )
    benefit_week_start: int = _sensitive(default=0, converter=_weekday)

    @property
    def weeks(self) -> BenefitWeekCycle:
        """The claim's benefit weeks."""
        return BenefitWeekCycle(self.benefit_week_start)


def _unaffected(value: object) -> frozenset[UnaffectedBenefit]:
    if isinstance(value, str | UnaffectedBenefit):
        value = (value,)
    try:
        items = list(value)  # type: ignore[call-overload]
    except TypeError:
        raise ValidationError("unaffected", "must be a collection of benefits") from None
    convert = _enum(UnaffectedBenefit, "unaffected")
    return frozenset(convert(item) for item in items)


_MEANS_TESTED_LEGACY = frozenset(
    {LegacyBenefit.INCOME_SUPPORT, LegacyBenefit.INCOME_BASED_JSA, LegacyBenefit.INCOME_RELATED_ESA}
)


def _typed(kind: type, path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(path, f"must be a {kind.__name__}")

    return check


@attrs.frozen
class Circumstances:
    """Everything the engine needs to know about one contributor's benefits.

    Combinations that cannot exist are refused: Universal Credit replaces the legacy
    means-tested benefits and (outside supported or temporary accommodation) Housing
    Benefit, and is not paid with Pension Credit.
    """

    universal_credit: UniversalCreditClaim | None = _sensitive(
        default=None, validator=_typed(UniversalCreditClaim, "universal_credit")
    )
    carers_allowance: CarersAllowanceClaim | None = _sensitive(
        default=None, validator=_typed(CarersAllowanceClaim, "carers_allowance")
    )
    esa: EmploymentSupportAllowanceClaim | None = _sensitive(
        default=None, validator=_typed(EmploymentSupportAllowanceClaim, "esa")
    )
    legacy: LegacyClaim | None = _sensitive(default=None, validator=_typed(LegacyClaim, "legacy"))
    housing_benefit: HousingBenefitClaim | None = _sensitive(
        default=None, validator=_typed(HousingBenefitClaim, "housing_benefit")
    )
    pension_credit: PensionCreditClaim | None = _sensitive(
        default=None, validator=_typed(PensionCreditClaim, "pension_credit")
    )
    unaffected: frozenset[UnaffectedBenefit] = _sensitive(factory=frozenset, converter=_unaffected)
    # Worked out once: the engine asks for it on every check.
    _benefits: frozenset[Benefit] = attrs.field(
        init=False, repr=False, eq=False, metadata=SENSITIVE
    )

    def __attrs_post_init__(self) -> None:
        legacy = self.legacy.benefit if self.legacy is not None else None
        if self.universal_credit is not None:
            if legacy in _MEANS_TESTED_LEGACY:
                raise ValidationError(
                    "legacy", "a means-tested legacy benefit cannot be paid with Universal Credit"
                )
            if self.pension_credit is not None:
                raise ValidationError(
                    "pension_credit", "Pension Credit is not paid with Universal Credit"
                )
            hb = self.housing_benefit
            if hb is not None and not hb.supported_or_temporary:
                raise ValidationError(
                    "housing_benefit",
                    "with Universal Credit, Housing Benefit is only paid for supported or "
                    "temporary accommodation",
                    hint="set supported_or_temporary=True, or use UC's housing costs element",
                )
        if self.pension_credit is not None and legacy in _MEANS_TESTED_LEGACY:
            raise ValidationError(
                "pension_credit", "Pension Credit is not paid with a means-tested legacy benefit"
            )

        object.__setattr__(self, "_benefits", self._find_benefits())

    def receives(self, benefit: Benefit) -> bool:
        """Whether the contributor receives ``benefit``."""
        return benefit in self._benefits

    @property
    def benefits(self) -> frozenset[Benefit]:
        """Every earnings-affected benefit the contributor receives."""
        return self._benefits

    def _find_benefits(self) -> frozenset[Benefit]:
        found = set()
        if self.universal_credit is not None:
            found.add(Benefit.UNIVERSAL_CREDIT)
        if self.carers_allowance is not None:
            found.add(Benefit.CARERS_ALLOWANCE)
        if self.esa is not None:
            found.add(Benefit.NEW_STYLE_ESA)
        if self.legacy is not None:
            found.add(self.legacy.benefit.benefit)
        if self.housing_benefit is not None:
            found.add(Benefit.HOUSING_BENEFIT)
        if self.pension_credit is not None:
            found.add(Benefit.PENSION_CREDIT)
        return frozenset(found)

    @property
    def housing_benefit_passported(self) -> bool:
        """Whether HB is at its maximum because of a means-tested benefit (PC, IS, JSA, ESA)."""
        legacy = self.legacy.benefit if self.legacy is not None else None
        return self.pension_credit is not None or legacy in _MEANS_TESTED_LEGACY

    @property
    def receives_disability_benefit(self) -> bool:
        """PIP, DLA or Attendance Allowance (an exception to the UC reg. 41 threshold)."""
        return any(item.is_disability_benefit for item in self.unaffected)
