# ruff: noqa: RUF009
"""The people the benefit rules see: each adult's own circumstances, the children, the household.

Benefits law looks at a *person* (Carer's Allowance, new-style ESA, Personal Independence
Payment are one person's own) and, for the means-tested benefits, at a *benefit unit*: a single
person or a couple, and the children they are responsible for. Universal Credit is claimed
jointly by a couple: both partners' earnings count, one work allowance serves both, and each
element belongs to one of them (the LCWRA element to the partner who has limited capability for
work and work-related activity, the carer element to the partner who cares).

So a :class:`Household` holds one or two :class:`Person` records, each with a stable
pseudonymous ``id`` (the same id a contributor has in every project and in the ledger), and the
:class:`Child` records. Everything here is special-category personal data (UK GDPR art. 9):
every field is sensitive, the ids included, because *who* has a benefit is itself sensitive.

>>> import datetime as dt
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> carer = Person("amira", carers_allowance=CarersAllowanceClaim())
>>> partner = Person("ben", capability=WorkCapability.LCWRA)
>>> home = Household(people=(carer, partner),
...                  children=(Child(born_on=dt.date(2019, 3, 1)),))
>>> home.couple, home.person("ben").capability is WorkCapability.LCWRA
(True, True)
>>> carer
Person(id=<redacted>, ...)
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple, TypeVar

import attrs

from participatory.benefits.claims import (
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyClaim,
    PensionCreditClaim,
    UniversalCreditClaim,
)
from participatory.benefits.kinds import (
    NO_HOURS,
    NO_POUNDS,
    AgeBand,
    Benefit,
    EarningsDisregard,
    HousingBenefitDisregard,
    LegacyBenefit,
    UnaffectedBenefit,
    WorkCapability,
    enum_converter,
    flag,
    hours,
    optional_pounds,
    pounds,
)
from participatory.core.errors import ValidationError
from participatory.core.fields import member as enum_member
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.pennies import to_pennies
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, REDACTED_TEXT, SENSITIVE
from participatory.core.record import Record, SlottedRecord

__all__ = [
    "CapitalHolding",
    "CapitalKind",
    "Child",
    "ChildDisability",
    "ChildTerm",
    "Household",
    "Person",
    "Profile",
    "TwoChildLimitException",
]

_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\Z")


def _sensitive(**kwargs: Any) -> Any:
    return attrs.field(repr=REDACTED, metadata=SENSITIVE, **kwargs)


def _person_id(_instance: object, _attribute: object, value: object) -> None:
    # The id is never echoed: it says who the circumstances belong to.
    if type(value) is str and value.isascii() and value.isalnum() and len(value) <= 64:
        # Letters and digits only ("claimant", "c0042"): what the pattern asks, tested by
        # str's own methods, without the pattern's machinery.
        return
    if not isinstance(value, str) or not _ID.match(value):
        raise ValidationError(
            "id",
            "must be a pseudonymous id: 1 to 64 letters, digits, '.', '_', ':' or '-'",
        )


def _typed(kind: type, path: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, kind):
            raise ValidationError(path, f"must be a {kind.__name__}")

    return check


def _unaffected(value: Iterable[UnaffectedBenefit | str]) -> frozenset[UnaffectedBenefit]:
    if value is _NONE_UNAFFECTED:
        # The default (most people have no such benefit to record): nothing to check.
        return _NONE_UNAFFECTED
    if isinstance(value, str | UnaffectedBenefit):
        value = (value,)
    if not isinstance(value, Iterable):
        raise ValidationError("unaffected", "must be a collection of benefits")
    return frozenset([_to_unaffected(item) for item in value])


_to_unaffected: Final = enum_converter(UnaffectedBenefit, "unaffected")
_NONE_UNAFFECTED: Final[frozenset[UnaffectedBenefit]] = frozenset()


@attrs.frozen
class Person(Record):
    """One adult's own circumstances: the benefits that are theirs and what decides them.

    ``weekly_earnings`` are the person's other net earnings in a benefit week (a job), which
    use Carer's Allowance's limit or ESA's permitted-work limit first; ``monthly_earnings`` are
    the same earnings as Universal Credit sees them in an assessment period.
    ``overlapping_benefit`` is the weekly amount of another earnings-replacement benefit the
    person gets (State Pension, contribution-based ESA paid elsewhere), which Carer's Allowance
    is reduced by (the overlapping-benefits rule).
    ``carer`` says the person has regular and substantial caring responsibilities for a
    severely disabled person (the Universal Credit carer element); a person who gets Carer's
    Allowance is a carer whether or not this is set.
    """

    id: str = _sensitive(default="contributor", validator=_person_id)
    age_band: AgeBand = _sensitive(
        default=AgeBand.AGE_25_OR_OVER, converter=enum_converter(AgeBand, "age_band")
    )
    capability: WorkCapability = _sensitive(
        default=WorkCapability.NONE, converter=enum_converter(WorkCapability, "capability")
    )
    #: An LCWRA award made on or after 6 April 2026 to someone who is not a pre-2026 claimant,
    #: not in the severe-conditions group and not terminally ill gets the lower LCWRA rate.
    lcwra_new_claim_rate: bool = _sensitive(default=False, validator=flag("lcwra_new_claim_rate"))
    carer: bool = _sensitive(default=False, validator=flag("carer"))
    carers_allowance: CarersAllowanceClaim | None = _sensitive(
        default=None, validator=_typed(CarersAllowanceClaim, "carers_allowance")
    )
    esa: EmploymentSupportAllowanceClaim | None = _sensitive(
        default=None, validator=_typed(EmploymentSupportAllowanceClaim, "esa")
    )
    unaffected: frozenset[UnaffectedBenefit] = _sensitive(
        default=_NONE_UNAFFECTED, converter=_unaffected
    )
    weekly_earnings: Money = _sensitive(default=NO_POUNDS, converter=pounds("weekly_earnings"))
    monthly_earnings: Money = _sensitive(default=NO_POUNDS, converter=pounds("monthly_earnings"))
    #: Hours of other paid work a week (ESA permitted work, the legacy 16- and 24-hour rules).
    weekly_hours: Decimal = _sensitive(default=NO_HOURS, converter=hours("weekly_hours"))
    overlapping_benefit: Money | None = _sensitive(
        default=None, converter=optional_pounds("overlapping_benefit")
    )

    @property
    def is_carer(self) -> bool:
        """Whether the person counts as a carer for the Universal Credit carer element."""
        return self.carer or self.carers_allowance is not None

    @property
    def receives_disability_benefit(self) -> bool:
        """PIP, DLA or Attendance Allowance (an exception to the UC reg. 41 threshold)."""
        return any(item.is_disability_benefit for item in self.unaffected)


class ChildDisability(enum.Enum):
    """The disabled child addition in Universal Credit (UC Regs 2013 reg. 24(2))."""

    NONE = "none"
    #: DLA (any rate) or PIP for the child, or Child Disability Payment in Scotland.
    LOWER = "lower"
    #: DLA's highest rate care component, PIP's enhanced daily living component, or
    #: certified as severely sight impaired or blind.
    HIGHER = "higher"


class TwoChildLimitException(enum.Enum):
    """Why the two-child limit does not take a child's element (UC Regs 2013 Sch. 12).

    While the limit was in force, a third or later child born on or after 6 April 2017 had
    no child element unless an exception applied. A child born in a multiple birth or
    conceived without consent keeps their place in the order of children (eldest first); an
    adopted child or one in non-parental care is left out of that order altogether
    (reg. 24B(2A)), so the children after them move up.
    """

    NONE = "none"
    #: Sch. 12 para. 2: a child born in a multiple birth, other than the first born.
    MULTIPLE_BIRTH = "multiple_birth"
    #: Sch. 12 para. 3: an adopted child (not adopted from the claimant's own household).
    ADOPTION = "adoption"
    #: Sch. 12 para. 4: kinship care and other non-parental caring arrangements.
    NON_PARENTAL_CARE = "non_parental_care"
    #: Sch. 12 para. 5: a child likely conceived as a result of non-consensual sex.
    NON_CONSENSUAL_CONCEPTION = "non_consensual_conception"

    @property
    def outside_the_order(self) -> bool:
        """Whether a child with this exception is left out of the order of children."""
        # Compared by identity with the members named once below: the rules ask
        # for every child in every assessment period.
        return self is _ADOPTION or self is _NON_PARENTAL_CARE


_ADOPTION: Final = TwoChildLimitException.ADOPTION
_NON_PARENTAL_CARE: Final = TwoChildLimitException.NON_PARENTAL_CARE


def _first_september_after(day: dt.date) -> dt.date:
    this_year = dt.date(day.year, 9, 1)
    return this_year if day < this_year else dt.date(day.year + 1, 9, 1)


def _birthday(born_on: dt.date, age: int) -> dt.date:
    try:
        return born_on.replace(year=born_on.year + age)
    except ValueError:  # born on 29 February: the birthday in a common year is 1 March
        return dt.date(born_on.year + age, 3, 1)


def _before_first_september_after(day: dt.date, born_on: dt.date, age: int) -> bool:
    """Whether ``day`` is before the 1 September after the birthday at ``age``."""
    try:
        return day < _first_september_after(_birthday(born_on, age))
    except ValueError:
        # That 1 September is after the last day a date can hold, so every day is before it.
        return True


def _born_on(value: dt.date | str) -> dt.date:
    if type(value) is dt.date:  # to_date's own first test, without a further call
        return value
    return to_date(value, "born_on")


@attrs.frozen
class Child(Record):
    """A child or qualifying young person the household is responsible for.

    A child counts until their 16th birthday. After it they are a qualifying young person
    (UC Regs 2013 reg. 5) up to, but not including, the 1 September following that birthday;
    and, when in approved non-advanced education or training (``qualifying_young_person``),
    up to the 1 September following their 19th birthday (never beyond their 20th).
    ``two_child_limit_exception`` says which exception to the two-child limit applies to
    the child, if any (:class:`TwoChildLimitException`).

    >>> child = Child(born_on=dt.date(2009, 3, 10))
    >>> child.counts_on(dt.date(2025, 8, 31)), child.counts_on(dt.date(2025, 9, 1))
    (True, False)
    >>> at_college = Child(born_on=dt.date(2006, 3, 10), qualifying_young_person=True)
    >>> at_college.counts_on(dt.date(2025, 8, 31)), at_college.counts_on(dt.date(2025, 9, 1))
    (True, False)
    """

    born_on: dt.date = _sensitive(converter=_born_on)
    disability: ChildDisability = _sensitive(
        default=ChildDisability.NONE, converter=enum_converter(ChildDisability, "disability")
    )
    qualifying_young_person: bool = _sensitive(
        default=False, validator=flag("qualifying_young_person")
    )
    two_child_limit_exception: TwoChildLimitException = _sensitive(
        default=TwoChildLimitException.NONE,
        converter=enum_converter(TwoChildLimitException, "two_child_limit_exception"),
    )

    def age_on(self, day: dt.date) -> int:
        """Age in whole years on ``day``."""
        years = day.year - self.born_on.year
        if (day.month, day.day) < (self.born_on.month, self.born_on.day):
            years -= 1
        return years

    def counts_on(self, day: dt.date) -> bool:
        """Whether the household is responsible for this child or young person on ``day``."""
        if day < self.born_on:
            return False
        age = self.age_on(day)
        if age < 16:
            return True
        if age >= 20:
            return False
        if _before_first_september_after(day, self.born_on, 16):
            return True
        return self.qualifying_young_person and _before_first_september_after(day, self.born_on, 19)


class ChildTerm(NamedTuple):
    """What the rules read of one child in every assessment period, worked out once.

    The household is responsible for the child from ``first_day`` to ``last_day`` inclusive:
    exactly the days :meth:`Child.counts_on` is true (under 16; then a young person to the
    1 September after the 16th birthday, or, in non-advanced education, after the 19th,
    never from the 20th). A household's :attr:`Profile.child_terms` holds one per child, in
    the order of its children, so a rule asks two comparisons of each child rather than
    working out birthdays in every period.

    >>> child = Child(born_on=dt.date(2009, 3, 10))
    >>> term = ChildTerm.of(child)
    >>> term.last_day, term.counts_on(dt.date(2025, 9, 1)) == child.counts_on(dt.date(2025, 9, 1))
    (datetime.date(2025, 8, 31), True)
    """

    first_day: dt.date
    last_day: dt.date
    #: Born before 6 April 2017 (the higher first-child rate; outside the two-child limit).
    born_before_limit: bool
    #: An exception to the two-child limit applies (Sch. 12).
    excepted: bool
    #: The child takes a place in the order of children (reg. 24B(2A) leaves some out).
    in_order: bool
    disability: ChildDisability

    @classmethod
    def of(cls, child: Child) -> ChildTerm:
        """The term of ``child``."""
        born_on = child.born_on
        # The 16th (or, in education, the 19th) birthday falls on the child's own day of the
        # year (1 March for 29 February in a common year), so the 1 September after it is in
        # the birthday's year for a child born before September and in the next year for
        # one born in or after it. The last day counted is the 31 August before that 1
        # September. The 1 September after the 19th birthday is never later than the 20th
        # birthday, so the "never from the 20th" rule never cuts the term shorter.
        year = born_on.year + (19 if child.qualifying_young_person else 16)
        if born_on.month >= 9:
            year += 1
        exception = child.two_child_limit_exception
        return tuple.__new__(
            cls,
            (
                born_on,
                # A year past the last a date holds: no day ends the term.
                dt.date(year, 8, 31) if year <= dt.MAXYEAR else dt.date.max,
                born_on < _FIRST_CHILD_HIGHER_BEFORE,
                exception is not _NOT_EXCEPTED,
                not exception.outside_the_order,
                child.disability,
            ),
        )

    def counts_on(self, day: dt.date) -> bool:
        """Whether the household is responsible for the child on ``day``."""
        return self.first_day <= day <= self.last_day

    def __repr__(self) -> str:
        # A child's birth date and disability are special-category data.
        return f"ChildTerm({REDACTED_TEXT})"


#: Before this day a first child has the higher child element, and no child is subject to the
#: two-child limit (UC Regs 2013 reg. 24(2)(a), 24A).
_FIRST_CHILD_HIGHER_BEFORE: Final = dt.date(2017, 4, 6)


class CapitalKind(enum.Enum):
    """Kinds of capital, by whether the Universal Credit rules count them (UC Regs Sch. 10)."""

    SAVINGS = "savings"
    INVESTMENTS = "investments"
    #: Property other than the home (counted unless another disregard applies).
    OTHER_PROPERTY = "other_property"
    #: The home the household lives in (Sch. 10 para. 1): disregarded.
    HOME = "home"
    #: Assets of a business the person is carrying on (Sch. 10 para. 7): disregarded.
    BUSINESS_ASSETS = "business_assets"
    #: Occupational and personal pension schemes (Sch. 10 para. 10): disregarded.
    PENSION = "pension"
    #: Life insurance and funeral plan contracts (Sch. 10 paras. 11, 12): disregarded.
    LIFE_INSURANCE_OR_FUNERAL_PLAN = "life_insurance_or_funeral_plan"
    #: Personal injury compensation held in trust (Sch. 10 para. 14): disregarded.
    PERSONAL_INJURY_TRUST = "personal_injury_trust"
    #: Arrears or compensation of benefits, disregarded for a time after receipt (Sch. 10
    #: para. 18).
    BENEFIT_ARREARS = "benefit_arrears"
    #: Money to buy a home the person intends to occupy, disregarded for a time after receipt
    #: (Sch. 10 para. 13).
    HOME_PURCHASE = "home_purchase"


def _received_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else to_date(value, "received_on")


_to_pounds: Final = pounds("amount")


def _amount(value: Money | Decimal | int | str) -> Money:
    return _to_pounds(value)


def _kind(value: CapitalKind | str) -> CapitalKind:
    return enum_member(CapitalKind, value, "kind")


@attrs.frozen
class CapitalHolding(Record):
    """One holding of capital: its kind, its value and when it was received.

    The day received matters only for the time-limited disregards.
    """

    kind: CapitalKind = attrs.field(converter=_kind, repr=REDACTED, metadata=SENSITIVE)
    amount: Money = attrs.field(converter=_amount, repr=REDACTED, metadata=SENSITIVE)
    received_on: dt.date | None = _sensitive(default=None, converter=_received_on)


def _nation(value: Nation | str) -> Nation:
    if type(value) is Nation:  # a member, as almost every caller passes (see enum_converter)
        return value
    return enum_member(Nation, value, "nation")


def _capital(
    value: Iterable[CapitalHolding] | Money | Decimal | int | str | None,
) -> tuple[CapitalHolding, ...] | None:
    if value is None:
        return None
    if isinstance(value, Money | str | int):
        # A bare amount is savings: the commonest case, and the one the old model had.
        return (CapitalHolding(CapitalKind.SAVINGS, _amount(value)),)
    if not isinstance(value, Iterable):
        raise ValidationError("capital", "must be a list of capital holdings or an amount")
    holdings = tuple(value)
    for index, item in enumerate(holdings):
        if not isinstance(item, CapitalHolding):
            raise ValidationError(f"capital[{index}]", "must be a CapitalHolding")
    return holdings


def _optional_flag(_instance: object, _attribute: object, value: bool | None) -> None:
    if value is not None and not isinstance(value, bool):
        raise ValidationError("greater_london", "must be true, false or unknown (None)")


def _people(value: Person | Iterable[Person]) -> tuple[Person, ...]:
    if isinstance(value, Person):
        return (value,)
    # A list or a tuple, as callers pass, is tested first: it skips the slower test of an
    # abstract class (Iterable), whose answer for either is known.
    kind = type(value)
    if (
        kind is not tuple
        and kind is not list
        and (isinstance(value, str | bytes) or not isinstance(value, Iterable))
    ):
        raise ValidationError("people", "must be a list of one or two Person records")
    people = tuple(value)
    if not 1 <= len(people) <= 2:
        raise ValidationError("people", "must hold one person, or the two members of a couple")
    for index, item in enumerate(people):
        if not isinstance(item, Person):
            raise ValidationError(f"people[{index}]", "must be a Person")
    if len(people) == 2 and people[0].id == people[1].id:
        raise ValidationError("people[1].id", "repeats the other member's id")
    return people


def _children(value: Iterable[Child]) -> tuple[Child, ...]:
    kind = type(value)  # a list or a tuple first, as in _people
    if (
        kind is not tuple
        and kind is not list
        and (isinstance(value, str | bytes) or not isinstance(value, Iterable))
    ):
        raise ValidationError("children", "must be a list of Child records")
    children = tuple(value)
    if len(children) > 20:
        raise ValidationError("children", "must be at most 20")
    for index, item in enumerate(children):
        if not isinstance(item, Child):
            raise ValidationError(f"children[{index}]", "must be a Child")
    return children


class Profile(SlottedRecord):
    """What the rules read of a household on every check, worked out once when it is made.

    Read-only, as the household is. Its repr shows nothing (earnings, hours, capability for
    work, caring and children are all special-category data).
    """

    # In the order of the constructor's parameters (the fields' order), not sorted.
    __slots__ = (  # noqa: RUF023
        "ids",
        "first_id",
        "couple",
        "any_25_or_over",
        "any_capability",
        "lcwra",
        "carers",
        "carer_and_lcwra",
        "children",
        "monthly_earnings",
        "weekly_pennies",
        "monthly_pennies",
        "weekly_hours",
        "weekly",
        "cap_exempt",
        "disabled_children",
        "child_terms",
    )

    #: Every member's id, and the first member's (who receives a payment naming no one).
    ids: Final[frozenset[str]]
    first_id: Final[str]
    couple: Final[bool]
    #: Any member 25 or over (a couple gets the 25-or-over rate if either is).
    any_25_or_over: Final[bool]
    #: Any member with limited capability for work (LCW or LCWRA): the work allowance.
    any_capability: Final[bool]
    #: For each member with LCWRA: whether the lower new-claim rate applies to them.
    lcwra: Final[tuple[bool, ...]]
    #: How many carer elements: one per member who cares, less one when every member with
    #: LCWRA cares (the LCWRA element is then a carer's, who gets no carer element).
    carers: Final[int]
    #: A member who cares has the LCWRA element and so no carer element (reg. 29(4)).
    carer_and_lcwra: Final[bool]
    #: The children, eldest first.
    children: Final[tuple[Child, ...]]
    #: The members' regular monthly earnings together, in pennies (what Universal Credit sees).
    monthly_earnings: Final[int]
    #: Each member's regular weekly and monthly earnings, in pennies.
    weekly_pennies: Final[Mapping[str, int]]
    monthly_pennies: Final[Mapping[str, int]]
    #: Each member's regular weekly hours of work.
    weekly_hours: Final[Mapping[str, Decimal]]
    #: Whether any weekly benefit (a member's own or the household's) is received.
    weekly: Final[bool]
    #: Why the benefit cap never applies, whatever the day (UC Regs 2013 reg. 83): the
    #: LCWRA element, the carer element or a member's disability benefit; else ``""``.
    cap_exempt: Final[str]
    #: Whether any child has a disability addition (whose DLA or PIP lifts the cap).
    disabled_children: Final[bool]
    #: Each child's :class:`ChildTerm`, in the order of ``children``.
    child_terms: Final[tuple[ChildTerm, ...]]

    def __init__(
        self,
        ids: frozenset[str],
        first_id: str,
        couple: bool,
        any_25_or_over: bool,
        any_capability: bool,
        lcwra: tuple[bool, ...],
        carers: int,
        carer_and_lcwra: bool,
        children: tuple[Child, ...],
        monthly_earnings: int,
        weekly_pennies: Mapping[str, int],
        monthly_pennies: Mapping[str, int],
        weekly_hours: Mapping[str, Decimal],
        weekly: bool,
        cap_exempt: str = "",
        disabled_children: bool = False,
        child_terms: tuple[ChildTerm, ...] = (),
    ) -> None:
        self.ids = ids
        self.first_id = first_id
        self.couple = couple
        self.any_25_or_over = any_25_or_over
        self.any_capability = any_capability
        self.lcwra = lcwra
        self.carers = carers
        self.carer_and_lcwra = carer_and_lcwra
        self.children = children
        self.monthly_earnings = monthly_earnings
        self.weekly_pennies = weekly_pennies
        self.monthly_pennies = monthly_pennies
        self.weekly_hours = weekly_hours
        self.weekly = weekly
        self.cap_exempt = cap_exempt
        self.disabled_children = disabled_children
        self.child_terms = child_terms


# Enum members named through their class go through EnumType's __getattr__ hook on
# CPython 3.11 (a slow attribute look-up on every use): the numbers path names them here.
_AGE_25_OR_OVER: Final = AgeBand.AGE_25_OR_OVER
_NO_CAPABILITY: Final = WorkCapability.NONE
_LCWRA: Final = WorkCapability.LCWRA
_NOT_DISABLED: Final = ChildDisability.NONE
_NOT_EXCEPTED: Final = TwoChildLimitException.NONE
_UNIVERSAL_CREDIT: Final = Benefit.UNIVERSAL_CREDIT
_CARERS_ALLOWANCE: Final = Benefit.CARERS_ALLOWANCE
_NEW_STYLE_ESA: Final = Benefit.NEW_STYLE_ESA
_HOUSING_BENEFIT: Final = Benefit.HOUSING_BENEFIT
_PENSION_CREDIT: Final = Benefit.PENSION_CREDIT


def _profile_of(household: Household) -> tuple[frozenset[Benefit], Profile]:
    """The benefits anyone in ``household`` receives, and its profile."""
    # One pass over the members (one or two) rather than a generator per field, finding the
    # benefits too: a profile is made for every household constructed, and a batch
    # constructs one per case.
    people = household.people
    benefits = [_UNIVERSAL_CREDIT] if household.universal_credit is not None else []
    ids = []
    weekly_pennies = {}
    monthly_pennies = {}
    weekly_hours = {}
    monthly_total = 0
    any_25_or_over = any_capability = weekly_benefit = disability_benefit = False
    lcwra: list[bool] = []
    carers = lcwra_carers = 0
    for p in people:
        pid = p.id
        ids.append(pid)
        monthly = to_pennies(p.monthly_earnings.amount)
        monthly_total += monthly
        earned = p.weekly_earnings
        weekly_pennies[pid] = 0 if earned is NO_POUNDS else to_pennies(earned.amount)
        monthly_pennies[pid] = monthly
        weekly_hours[pid] = p.weekly_hours
        if p.age_band is _AGE_25_OR_OVER:
            any_25_or_over = True
        capability = p.capability
        if capability is not _NO_CAPABILITY:
            any_capability = True
        carer = p.carer or p.carers_allowance is not None
        if carer:
            carers += 1
        if capability is _LCWRA:
            lcwra.append(p.lcwra_new_claim_rate)
            if carer:
                lcwra_carers += 1
        if p.carers_allowance is not None:
            benefits.append(_CARERS_ALLOWANCE)
            weekly_benefit = True
        if p.esa is not None:
            benefits.append(_NEW_STYLE_ESA)
            weekly_benefit = True
        if p.unaffected and p.receives_disability_benefit:
            disability_benefit = True
    # The award has one LCWRA element; a carer who has LCWRA gets no carer element when the
    # element is theirs, that is when every member with LCWRA cares (reg. 29(4)).
    carer_and_lcwra = bool(lcwra) and lcwra_carers == len(lcwra)
    if carer_and_lcwra:
        carers -= 1
    children = household.children
    if len(children) > 1:
        # Children born on the same day are ordered so that as many as possible get the child
        # element (UC Regs 2013 reg. 24B(2)): one the two-child limit excepts goes last.
        children = tuple(sorted(children, key=_birth_order))
    if lcwra:
        cap_exempt = "lcwra"
    elif carers or carer_and_lcwra:
        cap_exempt = "carer"
    else:
        cap_exempt = "disability_benefit" if disability_benefit else ""
    # The household's own weekly claims.
    legacy = household.legacy
    if legacy is not None:
        benefits.append(legacy.benefit.benefit)
        weekly_benefit = True
    if household.housing_benefit is not None:
        benefits.append(_HOUSING_BENEFIT)
        weekly_benefit = True
    if household.pension_credit is not None:
        benefits.append(_PENSION_CREDIT)
        weekly_benefit = True
    disabled_children = False
    for child in children:
        if child.disability is not _NOT_DISABLED:
            disabled_children = True
            break
    return frozenset(benefits), Profile(
        frozenset(ids),
        ids[0],
        len(people) == 2,
        any_25_or_over,
        any_capability,
        tuple(lcwra),
        carers,
        carer_and_lcwra,
        children,
        monthly_total,
        # Plain dicts (a profile is read, never changed): they pickle with the household.
        weekly_pennies,
        monthly_pennies,
        weekly_hours,
        weekly_benefit,
        cap_exempt,
        disabled_children,
        tuple([ChildTerm.of(child) for child in children]) if children else (),
    )


def _birth_order(child: Child) -> tuple[dt.date, bool]:
    return (child.born_on, child.two_child_limit_exception is not _NOT_EXCEPTED)


_MEANS_TESTED_LEGACY: Final = frozenset(
    {LegacyBenefit.INCOME_SUPPORT, LegacyBenefit.INCOME_BASED_JSA, LegacyBenefit.INCOME_RELATED_ESA}
)
#: The legacy benefits whose fixed weekly disregard is the claimant's and partner's together.
_POOLED_DISREGARD: Final = frozenset({LegacyBenefit.INCOME_SUPPORT, LegacyBenefit.INCOME_BASED_JSA})


#: The Housing Benefit disregards a couple can have, and a lone parent: a couple's is never
#: the single claimant's £5 (HB Regs 2006 Sch. 4 para. 9; HB (SPC) Regs 2006 Sch. 4), nor a
#: lone parent's £25, which only a claimant with no partner has (Sch. 4 para. 3; HB (SPC)
#: Regs Sch. 4 para. 2). A lone parent's £25 is the most the higher cases give together
#: (Sch. 4 para. 1 of the SPC regulations; para. 8 of the working-age ones).
_HB_COUPLE: Final = frozenset({HousingBenefitDisregard.COUPLE, HousingBenefitDisregard.HIGHER})
_HB_LONE_PARENT: Final = frozenset({HousingBenefitDisregard.LONE_PARENT})
_HB_SINGLE: Final = frozenset(
    {
        HousingBenefitDisregard.SINGLE,
        HousingBenefitDisregard.HIGHER,
        # A lone parent's child may not be recorded on the household: the caller's word.
        HousingBenefitDisregard.LONE_PARENT,
    }
)
#: The same for Income Support, income-based JSA and Pension Credit, whose lone parent's
#: disregard is the higher £20 (IS Regs 1987 Sch. 8 para. 5; JSA Regs 1996 Sch. 6 para. 6;
#: State Pension Credit Regs 2002 Sch. VI para. 1) and a couple's £10 (IS Sch. 8 para. 7,
#: JSA Sch. 6 para. 11, SPC Sch. VI).
_EARNINGS_COUPLE: Final = frozenset({EarningsDisregard.COUPLE, EarningsDisregard.HIGHER})
_EARNINGS_LONE_PARENT: Final = frozenset({EarningsDisregard.HIGHER})
_EARNINGS_SINGLE: Final = frozenset({EarningsDisregard.SINGLE, EarningsDisregard.HIGHER})


_D = TypeVar("_D", bound=enum.Enum)


def _disregard(stated: _D | None, field: str, default: _D, allowed: frozenset[_D], who: str) -> _D:
    """The disregard a claim gets: the stated one if the household can have it."""
    if stated is None:
        return default
    if stated not in allowed:
        # Names the field and the kind of household only, never an amount or a person.
        choices = ", ".join(sorted(m.value for m in allowed))
        raise ValidationError(
            field, f"is not one {who} can have", hint=f"leave it out, or give one of: {choices}"
        )
    return stated


def _carer_premium(household: Household) -> bool:
    """Whether the carer premium brings the higher £20 disregard to all the household's earnings.

    Entitlement to Carer's Allowance brings the carer premium (HB Regs 2006 Sch. 3; IS Regs
    1987 Sch. 2 para. 14ZA; JSA Regs 1996 Sch. 1) or Pension Credit's additional amount for
    carers (SPC Regs 2002 Sch. I para. 4), and with it £20 of the carer's own earnings (HB
    (SPC) Regs 2006 Sch. 4 para. 4; IS Regs Sch. 8 para. 6A; SPC Regs Sch. VI para. 3); two
    partners who are both carers share one £20. A week whose earnings end the allowance
    leaves the premium in place for 8 weeks (SI 2002/2020; SPC Regs Sch. I para. 4(3)), so
    the £20 holds in that week too. In a couple with one carer only the carer's earnings get
    the £20 and the other's are at most topped up to the couple's £10 (IS Regs Sch. 8 paras.
    6B and 9; JSA Regs Sch. 6 para. 11). The weekly checks pool a couple's earnings and
    cannot tell whose they are, so that couple keeps the £10 it is sure of unless the claim
    states the higher one.
    """
    return all(person.carers_allowance is not None for person in household.people)


#: The disability benefits whose receipt by the claimant or partner brings £20 of earnings in
#: Pension Credit (SPC Regs 2002 Sch. VI para. 4(1)(a)(iii), (iv), (viii)) and pension-age
#: Housing Benefit (HB (SPC) Regs 2006 Sch. 4 para. 5(1)(a)(iii), (iv), (viii)). Scotland's
#: adult, pension-age and child disability payments are not in the texts read, so they keep
#: the lower disregard and the check advises stating it
#: (:mod:`participatory.benefits.disability_disregard`).
_PENSION_AGE_DISABILITY: Final = frozenset(
    {
        UnaffectedBenefit.ATTENDANCE_ALLOWANCE,
        UnaffectedBenefit.DLA,
        UnaffectedBenefit.PIP,
    }
)
#: The benefits that meet the disability premium's additional condition in Income Support
#: (IS Regs 1987 Sch. 2 para. 12(1)(a)(i)); the premium brings £20 (Sch. 8 para. 4(1)-(2)).
#: Child Disability Payment is not in that list.
_INCOME_SUPPORT_DISABILITY: Final = frozenset(
    {
        UnaffectedBenefit.ATTENDANCE_ALLOWANCE,
        UnaffectedBenefit.PENSION_AGE_DISABILITY_PAYMENT,
        UnaffectedBenefit.DLA,
        UnaffectedBenefit.PIP,
        UnaffectedBenefit.ADULT_DISABILITY_PAYMENT,
    }
)


def _receives_any(household: Household, benefits: frozenset[UnaffectedBenefit]) -> bool:
    """Whether the claimant or partner is recorded as receiving one of ``benefits``."""
    return any(not benefits.isdisjoint(person.unaffected) for person in household.people)


def _assessed_claims(
    household: Household,
) -> tuple[LegacyClaim | None, HousingBenefitClaim | None, PensionCreditClaim | None]:
    """The household's weekly means-tested claims with the earnings disregard each gets.

    An unstated disregard is the household's own: a couple's £10, a lone parent's (£25 in
    Housing Benefit, the higher £20 in Income Support, income-based JSA and Pension Credit),
    else the single claimant's £5; the higher £20 where every member is entitled to Carer's
    Allowance (:func:`_carer_premium`). A stated one the household cannot have is refused.

    A recorded disability benefit brings the higher £20 where the law read says so: in Pension
    Credit and pension-age Housing Benefit when the claimant or partner receives Attendance
    Allowance, DLA or PIP (:data:`_PENSION_AGE_DISABILITY`), and in Income Support for a
    single claimant whose benefit meets the disability premium's condition
    (:data:`_INCOME_SUPPORT_DISABILITY`). Elsewhere (a couple on Income Support, income-based
    JSA, working-age Housing Benefit, Scotland's payments in pension age) the rule was not
    read and the lower disregard stands, with advice to state the disregard.
    """
    couple = len(household.people) == 2
    lone_parent = not couple and bool(household.children)
    who = "a couple" if couple else "a lone parent" if lone_parent else "a single claimant"
    legacy, hb, pc = household.legacy, household.housing_benefit, household.pension_credit
    if couple:
        e_default, e_allowed = EarningsDisregard.COUPLE, _EARNINGS_COUPLE
        h_default, h_allowed = HousingBenefitDisregard.COUPLE, _HB_COUPLE
    elif lone_parent:
        e_default, e_allowed = EarningsDisregard.HIGHER, _EARNINGS_LONE_PARENT
        h_default, h_allowed = HousingBenefitDisregard.LONE_PARENT, _HB_LONE_PARENT
    else:
        e_default, e_allowed = EarningsDisregard.SINGLE, _EARNINGS_SINGLE
        h_default, h_allowed = HousingBenefitDisregard.SINGLE, _HB_SINGLE
    # A lone parent's own disregard is already the most the higher ones give together (£25
    # in Housing Benefit: HB (SPC) Regs 2006 Sch. 4 para. 1; £20 in the others).
    if not lone_parent and _carer_premium(household):
        e_default, h_default = EarningsDisregard.HIGHER, HousingBenefitDisregard.HIGHER
    legacy_default, pc_default = e_default, e_default
    if not lone_parent and _receives_any(household, _PENSION_AGE_DISABILITY):
        # "£20 is disregarded if the claimant or, if he has a partner, his partner" receives
        # one: a couple's pooled earnings get the one £20 whichever of them it is.
        pc_default = EarningsDisregard.HIGHER
        if hb is not None and hb.pension_age:
            h_default = HousingBenefitDisregard.HIGHER
    if (
        not couple
        and legacy is not None
        and legacy.benefit is LegacyBenefit.INCOME_SUPPORT
        and _receives_any(household, _INCOME_SUPPORT_DISABILITY)
    ):
        legacy_default = EarningsDisregard.HIGHER
    # New-style JSA's £5 is the claimant's own and income-related ESA uses permitted work
    # and the partner's £20: neither reads the fixed disregard, so a stated one is left be.
    if legacy is not None and legacy.benefit in _POOLED_DISREGARD:
        got = _disregard(legacy.disregard, "legacy.disregard", legacy_default, e_allowed, who)
        if got is not legacy.disregard:
            legacy = attrs.evolve(legacy, disregard=got)
    if hb is not None:
        found = _disregard(hb.disregard, "housing_benefit.disregard", h_default, h_allowed, who)
        if found is not hb.disregard:
            hb = attrs.evolve(hb, disregard=found)
    if pc is not None:
        got = _disregard(pc.disregard, "pension_credit.disregard", pc_default, e_allowed, who)
        if got is not pc.disregard:
            pc = attrs.evolve(pc, disregard=got)
    return legacy, hb, pc


@attrs.frozen
class Household(Record):
    """A benefit unit: one person or a couple, their children, and the household's claims.

    The household's own claims are the means-tested ones a couple claims together: Universal
    Credit (one joint claim), a legacy means-tested benefit (claimed by one member for both),
    Housing Benefit and Pension Credit. Personal benefits sit on each :class:`Person`.
    Combinations that cannot exist are refused: Universal Credit replaces the legacy
    means-tested benefits and (outside supported or temporary accommodation) Housing Benefit,
    and is not paid with Pension Credit.
    """

    # attrs.field itself (not the _sensitive shorthand), so type checkers see the converters
    # and accept any iterable of people or children.
    people: tuple[Person, ...] = attrs.field(
        factory=lambda: (Person(),), converter=_people, repr=REDACTED, metadata=SENSITIVE
    )
    children: tuple[Child, ...] = attrs.field(
        default=(), converter=_children, repr=REDACTED, metadata=SENSITIVE
    )
    universal_credit: UniversalCreditClaim | None = _sensitive(
        default=None, validator=_typed(UniversalCreditClaim, "universal_credit")
    )
    legacy: LegacyClaim | None = _sensitive(default=None, validator=_typed(LegacyClaim, "legacy"))
    housing_benefit: HousingBenefitClaim | None = _sensitive(
        default=None, validator=_typed(HousingBenefitClaim, "housing_benefit")
    )
    pension_credit: PensionCreditClaim | None = _sensitive(
        default=None, validator=_typed(PensionCreditClaim, "pension_credit")
    )
    #: The household's capital, holding by holding; ``None`` when it is not known (then no
    #: tariff income is assumed and no capital limit applied).
    capital: tuple[CapitalHolding, ...] | None = attrs.field(
        default=None, converter=_capital, repr=REDACTED, metadata=SENSITIVE
    )
    #: Where the household lives: it chooses the law, the bodies and the citations.
    nation: Nation = attrs.field(default=Nation.ENGLAND, converter=_nation)
    #: Whether the household is resident in Greater London for the Universal Credit benefit
    #: cap (UC Regs 2013 reg. 80A(3): the home, or the accommodation the housing costs element
    #: is for). ``None``: not known. Greater London is in England, so a household in another
    #: nation is never resident there; in England an unknown answer is reported whenever the
    #: cap depends on it. Not special-category data.
    greater_london: bool | None = attrs.field(default=None, validator=_optional_flag)
    #: Whether Child Benefit is paid for the children (the benefit cap counts it, reg. 79(1)).
    #: Almost every family claims it; set ``False`` for one that does not.
    child_benefit: bool = _sensitive(default=True, validator=flag("child_benefit"))
    _benefits: frozenset[Benefit] = attrs.field(
        init=False, repr=False, eq=False, metadata=SENSITIVE
    )
    _profile: Profile = attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)
    _assessed: tuple[LegacyClaim | None, HousingBenefitClaim | None, PensionCreditClaim | None] = (
        attrs.field(init=False, repr=False, eq=False, metadata=SENSITIVE)
    )

    def __attrs_post_init__(self) -> None:
        legacy = self.legacy.benefit if self.legacy is not None else None
        if self.universal_credit is not None:
            if legacy in _MEANS_TESTED_LEGACY:
                raise ValidationError(
                    "legacy", "a means-tested legacy benefit cannot be paid with Universal Credit"
                )
            if self.pension_credit is not None:
                raise ValidationError("pension_credit", "cannot be paid with Universal Credit")
            hb = self.housing_benefit
            if hb is not None and not hb.supported_or_temporary:
                raise ValidationError(
                    "housing_benefit",
                    "with Universal Credit, is only paid for supported or temporary accommodation",
                    hint="set supported_or_temporary=True, or use UC's housing costs element",
                )
        if self.pension_credit is not None and legacy in _MEANS_TESTED_LEGACY:
            raise ValidationError(
                "pension_credit", "cannot be paid with a means-tested legacy benefit"
            )
        if self.greater_london and self.nation is not Nation.ENGLAND:
            raise ValidationError("greater_london", "is only possible in England")
        claimant = None if self.legacy is None else self.legacy.claimant
        if claimant is not None and claimant not in {p.id for p in self.people}:
            raise ValidationError("legacy.claimant", "is not a member of the household")
        benefits, profile = _profile_of(self)
        object.__setattr__(self, "_benefits", benefits)
        object.__setattr__(self, "_profile", profile)
        object.__setattr__(self, "_assessed", _assessed_claims(self))

    @property
    def claims_as_assessed(
        self,
    ) -> tuple[LegacyClaim | None, HousingBenefitClaim | None, PensionCreditClaim | None]:
        """The legacy, Housing Benefit and Pension Credit claims, each with its disregard.

        A claim that states no earnings disregard gets the household's own (a couple's £10,
        a lone parent's, or the single claimant's £5; the higher £20 when everyone in the
        household is entitled to Carer's Allowance, or where a recorded disability benefit
        brings it: Pension Credit and pension-age Housing Benefit with Attendance Allowance,
        DLA or PIP, Income Support for a single claimant); the rules read these.

        >>> from participatory.benefits.claims import HousingBenefitClaim
        >>> couple = Household(people=[Person("a"), Person("b")],
        ...                    housing_benefit=HousingBenefitClaim(weekly_award="90.00"))
        >>> couple.claims_as_assessed[1].disregard
        <HousingBenefitDisregard.COUPLE: 'couple'>
        """
        return self._assessed

    @property
    def profile(self) -> Profile:
        """What the rules read of the household on every check, worked out once."""
        return self._profile

    @property
    def couple(self) -> bool:
        """Whether the household is a couple."""
        return len(self.people) == 2

    def person(self, person_id: str) -> Person:
        """The member with ``person_id``."""
        for member in self.people:
            if member.id == person_id:
                return member
        raise ValidationError("person", "is not a member of the household")

    def receives(self, benefit: Benefit) -> bool:
        """Whether anyone in the household receives ``benefit``."""
        return benefit in self._benefits

    @property
    def benefits(self) -> frozenset[Benefit]:
        """Every earnings-affected benefit anyone in the household receives."""
        return self._benefits

    @property
    def legacy_claimant(self) -> Person:
        """The member who claims the household's legacy benefit (the first, unless named)."""
        if self.legacy is not None and self.legacy.claimant is not None:
            return self.person(self.legacy.claimant)
        return self.people[0]

    @property
    def housing_benefit_passported(self) -> bool:
        """Whether HB is at its maximum because of a means-tested benefit (PC, IS, JSA, ESA)."""
        legacy = self.legacy.benefit if self.legacy is not None else None
        return self.pension_credit is not None or legacy in _MEANS_TESTED_LEGACY
