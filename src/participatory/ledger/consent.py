"""The basis for holding a household's circumstances, and how long they may be kept.

Benefit and health circumstances are special-category data (UK GDPR art. 9): holding them is
prohibited unless a condition of art. 9(2) applies, and they may be kept no longer than the
purpose needs (art. 5(1)(e), storage limitation). So the ledger never holds a
:class:`~participatory.benefits.Household` on its own: a :class:`HouseholdRecord` carries, for
every member whose circumstances it holds, a :class:`ConsentRecord` saying who agreed, when,
for what purpose, on what basis and until when. Past that day, or once the agreement is
withdrawn, the circumstances must not be used and are erased
(:func:`participatory.ledger.erase_expired`).

>>> import datetime as dt
>>> from participatory.benefits import CarersAllowanceClaim, Household, Person
>>> agreed = ConsentRecord("c-7", agreed_by="c-7", agreed_on=dt.date(2025, 4, 1),
...                        purpose="checking payments against benefit rules",
...                        retain_until=dt.date(2027, 3, 31))
>>> home = HouseholdRecord("h-7", Household(people=[Person("c-7",
...                        carers_allowance=CarersAllowanceClaim())]), consents=[agreed])
>>> home.usable_on(dt.date(2026, 1, 15)), home.expired_on(dt.date(2027, 4, 1))
(True, True)
>>> home
HouseholdRecord(id='h-7', <redacted>)
>>> agreed
ConsentRecord(person=<redacted>, agreed_by=<redacted>, agreed_on=datetime.date(2025, 4, 1), purpose=<redacted>, retain_until=datetime.date(2027, 3, 31), basis=<redacted>, withdrawn_on=None)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Final

import attrs

from participatory.benefits.household import Household
from participatory.core.errors import ValidationError
from participatory.core.fields import iso_date, member
from participatory.core.privacy import REDACTED, REDACTED_TEXT, SENSITIVE
from participatory.core.record import Record
from participatory.ledger._ids import check_label, id_check

__all__ = ["ConsentRecord", "HouseholdRecord", "LawfulBasis"]

_DAY: Final = dt.timedelta(days=1)


class LawfulBasis(enum.Enum):
    """The UK GDPR art. 9(2) condition relied on to hold the circumstances.

    Explicit consent is the usual one for public contributors; an institution that relies on
    another condition records which, and keeps its own appropriate policy document.
    """

    #: Art. 9(2)(a): the person's explicit consent for the stated purpose.
    EXPLICIT_CONSENT = "explicit_consent"
    #: Art. 9(2)(b): employment and social security law (with a DPA 2018 Sch. 1 condition).
    EMPLOYMENT_AND_SOCIAL_SECURITY = "employment_and_social_security"
    #: Art. 9(2)(g): substantial public interest (with a DPA 2018 Sch. 1 condition).
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"


def _basis(value: LawfulBasis | str) -> LawfulBasis:
    return member(LawfulBasis, value, "basis")


def _agreed_on(value: dt.date | str) -> dt.date:
    return iso_date(value, "agreed_on")


def _retain_until(value: dt.date | str) -> dt.date:
    return iso_date(value, "retain_until")


def _optional_day(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else iso_date(value, "withdrawn_on")


def _purpose(value: str) -> str:
    return check_label(value, "purpose", limit=500)


@attrs.frozen
class ConsentRecord(Record):
    """One person's agreement (or other recorded basis) for holding their circumstances.

    ``person`` is whose circumstances it covers; ``agreed_by`` who agreed (the person, or an
    appointee or attorney acting for them, by the id the institution gives them);
    ``retain_until`` the last day the circumstances may be kept; ``withdrawn_on`` the day
    the person withdrew, if they did (from that day the record may no longer be used).
    """

    # Whose circumstances are held, who agreed for them, for what and on which art. 9
    # condition all say that someone's special-category data is held, and whose: none of
    # them is shown in a repr or written by default; only the dates are.
    person: str = attrs.field(
        validator=id_check("person", person=True), repr=REDACTED, metadata=SENSITIVE
    )
    agreed_by: str = attrs.field(
        validator=id_check("agreed_by", person=True), repr=REDACTED, metadata=SENSITIVE
    )
    agreed_on: dt.date = attrs.field(converter=_agreed_on)
    purpose: str = attrs.field(converter=_purpose, repr=REDACTED, metadata=SENSITIVE)
    retain_until: dt.date = attrs.field(converter=_retain_until)
    basis: LawfulBasis = attrs.field(
        default=LawfulBasis.EXPLICIT_CONSENT, converter=_basis, repr=REDACTED, metadata=SENSITIVE
    )
    withdrawn_on: dt.date | None = attrs.field(default=None, converter=_optional_day)

    def __attrs_post_init__(self) -> None:
        if self.retain_until < self.agreed_on:
            raise ValidationError("retain_until", "is before agreed_on")
        if self.withdrawn_on is not None and self.withdrawn_on < self.agreed_on:
            raise ValidationError("withdrawn_on", "is before agreed_on")

    @property
    def last_day(self) -> dt.date:
        """The last day the circumstances may be used under this record."""
        if self.withdrawn_on is not None:
            return min(self.retain_until, self.withdrawn_on - _DAY)
        return self.retain_until

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the record is a basis for using the circumstances on ``day``."""
        return self.agreed_on <= day <= self.last_day


def _consents(value: ConsentRecord | Iterable[ConsentRecord]) -> tuple[ConsentRecord, ...]:
    if isinstance(value, ConsentRecord):
        return (value,)
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValidationError("consents", "must be a list of ConsentRecord")
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, ConsentRecord):
            raise ValidationError(f"consents[{index}]", "must be a ConsentRecord")
    return items


def _household(_instance: Any, _attribute: Any, value: Any) -> None:
    if not isinstance(value, Household):
        raise ValidationError("household", "must be a Household")


def _recorded_on(value: dt.date | str | None) -> dt.date | None:
    return None if value is None else iso_date(value, "recorded_on")


@attrs.frozen
class HouseholdRecord(Record):
    """A household's circumstances as the ledger holds them: never without a basis.

    Every member of ``household`` (their ``id`` on :class:`~participatory.benefits.Person` is their
    contributor id; a partner need not be a contributor) must be covered by at least one
    :class:`ConsentRecord` naming them. ``recorded_on`` is the day the circumstances were
    last confirmed, for the reader's information.
    """

    id: str = attrs.field(validator=id_check("id"))
    household: Household = attrs.field(repr=REDACTED, metadata=SENSITIVE, validator=_household)
    #: Whose circumstances are held is itself sensitive: the consents name the members.
    consents: tuple[ConsentRecord, ...] = attrs.field(
        converter=_consents, repr=REDACTED, metadata=SENSITIVE
    )
    recorded_on: dt.date | None = attrs.field(default=None, converter=_recorded_on, repr=False)

    def __attrs_post_init__(self) -> None:
        members = {person.id for person in self.household.people}
        covered = {consent.person for consent in self.consents}
        for index, consent in enumerate(self.consents):
            if consent.person not in members:
                raise ValidationError(
                    f"consents[{index}].person", "is not a member of the household"
                )
        if members - covered:
            raise ValidationError(
                "consents",
                "must record a basis for every member of the household",
                hint="circumstances may not be held without one",
            )

    @property
    def members(self) -> tuple[str, ...]:
        """The members' ids, in the household's order."""
        return tuple(person.id for person in self.household.people)

    def __repr__(self) -> str:
        # Who the members are, and that a basis was recorded for them, says whose benefit
        # circumstances are held: only the record's own id is shown.
        return f"HouseholdRecord(id={self.id!r}, {REDACTED_TEXT})"

    def basis_until(self, person: str) -> dt.date:
        """The last day ``person``'s circumstances may be used (the latest of their records)."""
        return max(c.last_day for c in self.consents if c.person == person)

    @property
    def retain_until(self) -> dt.date:
        """The last day the record may be kept: the earliest member's last day."""
        return min(self.basis_until(person) for person in self.members)

    def expired_on(self, day: dt.date) -> bool:
        """Whether, on ``day``, some member's circumstances are past their basis."""
        return day > self.retain_until

    def usable_on(self, day: dt.date) -> bool:
        """Whether every member's circumstances may be used on ``day``."""
        return all(
            any(c.person == person and c.in_force_on(day) for c in self.consents)
            for person in self.members
        )
