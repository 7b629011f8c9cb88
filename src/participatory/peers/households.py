"""A household claiming Universal Credit, described simply enough for any peer model.

A peer comparison needs a description both the library and the peer can take: ages
rather than age bands, each partner's capability for work, children with whether they
were born before 6 April 2017, a housing costs element as a monthly amount, and other
monthly earnings. Health fields are special-category data and never shown.

>>> from participatory.core.money import Money
>>> home = PeerHousehold(tax_year=2025, claimant_age=30, partner_age=24,
...                      partner_capability=Capability.LCW, monthly_rent=Money.gbp(450))
>>> home.is_couple
True
"""

from __future__ import annotations

import enum
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["Capability", "PeerHousehold", "check_amount"]

_FIRST_TAX_YEAR: Final = 2024
_LAST_TAX_YEAR: Final = 2030


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


@attrs.frozen
class PeerHousehold:
    """A household claiming UC, described as simply as both models can take it.

    A couple when ``partner_age`` is given. ``monthly_rent`` is the housing costs element
    for the AP (``None``: no housing costs element). Earnings are the other earnings in
    the AP, before the fee, which goes to the claimant.

    >>> PeerHousehold(tax_year=2026, claimant_age=24, capability=Capability.LCWRA)
    PeerHousehold(tax_year=2026, claimant_age=24, partner_age=None, children=0, children_born_before_2017_04_06=0, capability=<redacted>, partner_capability=<redacted>, lcwra_at_new_claimant_rate=<redacted>, monthly_rent=None, claimant_monthly_earnings=Money('0', 'GBP'), partner_monthly_earnings=Money('0', 'GBP'))
    """  # noqa: E501

    tax_year: int = attrs.field()
    claimant_age: int = attrs.field(validator=_age("claimant_age"))
    partner_age: int | None = attrs.field(
        default=None, validator=_age("partner_age", optional=True)
    )
    children: int = attrs.field(default=0)
    children_born_before_2017_04_06: int = attrs.field(default=0)
    capability: Capability = attrs.field(default=Capability.NONE, repr=REDACTED, metadata=SENSITIVE)
    partner_capability: Capability = attrs.field(
        default=Capability.NONE, repr=REDACTED, metadata=SENSITIVE
    )
    #: From April 2026 the LCWRA element for new claimants is lower than the protected rate.
    lcwra_at_new_claimant_rate: bool = attrs.field(default=False, repr=REDACTED, metadata=SENSITIVE)
    monthly_rent: Money | None = attrs.field(
        default=None, validator=_optional_amount("monthly_rent")
    )
    claimant_monthly_earnings: Money = attrs.field(
        factory=Money.zero, validator=_amount("claimant_monthly_earnings")
    )
    partner_monthly_earnings: Money = attrs.field(
        factory=Money.zero, validator=_amount("partner_monthly_earnings")
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
        if self.children_born_before_2017_04_06 > self.children:
            raise ValidationError(
                "children_born_before_2017_04_06", "must not be more than children"
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

    @property
    def is_couple(self) -> bool:
        """Whether the claim is a joint claim by a couple."""
        return self.partner_age is not None
