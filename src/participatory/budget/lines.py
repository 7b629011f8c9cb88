"""A project's involvement budget: lines of money, who holds each and who approves spending.

"Why does the money sit with you?" asked a KCL centre's community partners (Jopson 2022,
sec. 5.5). A :class:`BudgetLine` records an amount (exact :class:`~participatory.core.money.Money`),
what it is for (:class:`LineKind`), who holds the money and who approves spending
(:class:`Holder`), and when it is spent (:class:`Timing`: before any funding application,
during the project, or after it as legacy).

>>> uni = Holder.university("University of Bath")
>>> partner = Holder.partner("Heart n Soul")
>>> budget = Budget((
...     BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(1200), holder=uni),
...     BudgetLine("taxis", LineKind.EXPENSES_AND_TRAVEL, Money.gbp(800), holder=partner),
... ))
>>> budget.total
Money('2000', 'GBP')
>>> budget.line("taxis").approver == partner
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = ["Budget", "BudgetLine", "Holder", "HolderKind", "LineKind", "Timing"]


class LineKind(enum.Enum):
    """What a budget line pays for."""

    CONTRIBUTOR_FEES = "contributor_fees"
    #: Expenses and travel, taxis included (Heart n Soul: "a surprisingly large part of the
    #: budget was on taxis", Jopson 2022, sec. 5.3).
    EXPENSES_AND_TRAVEL = "expenses_and_travel"
    #: Care and support costs so people can take part (a carer, a support worker).
    CARE_AND_SUPPORT = "care_and_support"
    VENUE = "venue"
    REFRESHMENTS = "refreshments"
    #: Easy read, interpreting, captioning and other access costs.
    ACCESSIBILITY = "accessibility"
    TRAINING = "training"
    #: Relationship building and early conversations before any application (sec. 2.3).
    RELATIONSHIP_BUILDING = "relationship_building"
    #: Partner organisations' own staff time (partners as collaborators, not service
    #: providers: sec. 5.3).
    PARTNER_STAFF_TIME = "partner_staff_time"
    #: Community liaison roles and their activity budgets (sec. 2.4).
    COMMUNITY_LIAISON = "community_liaison"
    #: Activities partners run, e.g. a festival (sec. 5.5) or coffee mornings (sec. 2.4).
    COMMUNITY_ACTIVITIES = "community_activities"
    EVALUATION = "evaluation"
    LEGACY = "legacy"
    OTHER = "other"

    @property
    def reaches_community_members(self) -> bool:
        """Whether the money ends with community members as fees or expenses.

        Fees, expenses and travel, and care and support costs pay people, or pay back what
        taking part cost them; everything else pays for things or for organisations.
        """
        return self in _REACHES_MEMBERS

    @property
    def label(self) -> str:
        """The kind in words, for messages."""
        return self.value.replace("_", " ")


_REACHES_MEMBERS = frozenset(
    {LineKind.CONTRIBUTOR_FEES, LineKind.EXPENSES_AND_TRAVEL, LineKind.CARE_AND_SUPPORT}
)


class HolderKind(enum.Enum):
    """Who can hold money or approve spending."""

    UNIVERSITY = "university"
    #: A community or voluntary organisation working with the university.
    PARTNER_ORGANISATION = "partner_organisation"
    #: A community member or group holding a budget themselves.
    COMMUNITY_MEMBER = "community_member"
    #: Anyone else (a funder, a contractor).
    OTHER = "other"

    @property
    def is_community(self) -> bool:
        """Whether money held here has been devolved to community partners."""
        return self in (HolderKind.PARTNER_ORGANISATION, HolderKind.COMMUNITY_MEMBER)


def _name(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("name", "must be non-empty text")
    return value.strip()


@attrs.frozen(order=True)
class Holder(Record):
    """Someone who holds money or approves spending: a kind and a name (or an id).

    For a community member use a pseudonymous id rather than a person's name.
    """

    kind: HolderKind = attrs.field(converter=HolderKind)
    name: str = attrs.field(converter=_name)

    @classmethod
    def university(cls, name: str = "university") -> Holder:
        """The university (or one of its departments)."""
        return cls(HolderKind.UNIVERSITY, name)

    @classmethod
    def partner(cls, name: str) -> Holder:
        """A partner organisation."""
        return cls(HolderKind.PARTNER_ORGANISATION, name)

    @classmethod
    def member(cls, member_id: str) -> Holder:
        """A community member, by a pseudonymous id."""
        return cls(HolderKind.COMMUNITY_MEMBER, member_id)

    def __str__(self) -> str:
        return self.name


def _amount(value: object) -> Money:
    if not isinstance(value, Money):
        raise ValidationError("amount", "must be Money")
    if value.is_negative():
        raise ValidationError("amount", "must not be negative")
    if not value.is_whole_minor_units():
        raise ValidationError("amount", "must be a whole number of pennies", hint="quantize it")
    return value


class Timing(enum.Enum):
    """When a line's money is spent relative to the funding application."""

    BEFORE_APPLICATION = "before_application"
    DURING_PROJECT = "during_project"
    AFTER_PROJECT = "after_project"


@attrs.frozen
class BudgetLine(Record):
    """One line of an involvement budget.

    ``approver`` defaults to the ``holder``: whoever holds money usually approves spending
    it, and a line where they differ (partners hold the money, the university signs each
    item off) is worth recording explicitly.
    """

    id: str = attrs.field(converter=_name)
    kind: LineKind = attrs.field(converter=LineKind)
    amount: Money = attrs.field(validator=lambda _i, _a, v: _amount(v))
    holder: Holder = attrs.field(kw_only=True)
    approver: Holder = attrs.field(kw_only=True)
    timing: Timing = attrs.field(default=Timing.DURING_PROJECT, converter=Timing, kw_only=True)
    #: Who the money ends with when that is not the holder: e.g. the partner organisation
    #: whose staff time a university-held line pays for.
    pays: str | None = attrs.field(default=None, kw_only=True)
    #: Free text, which may mention someone's access or care needs: never shown in ``repr``,
    #: errors or default serialisation.
    description: str = attrs.field(default="", kw_only=True, repr=REDACTED, metadata=SENSITIVE)

    @approver.default
    def _approver_defaults_to_holder(self) -> Holder:
        return self.holder

    @property
    def recipient(self) -> str:
        """Who the money ends with: :attr:`pays` if given, else the holder's name."""
        return self.pays if self.pays is not None else self.holder.name

    @property
    def devolved(self) -> bool:
        """Held by a community partner."""
        return self.holder.kind.is_community

    @property
    def controlled_by_community(self) -> bool:
        """Held and approved by community partners: theirs to use as they want."""
        return self.holder.kind.is_community and self.approver.kind.is_community


def _lines(value: Iterable[BudgetLine]) -> tuple[BudgetLine, ...]:
    lines = tuple(value)
    seen: set[str] = set()
    for index, line in enumerate(lines):
        if not isinstance(line, BudgetLine):
            raise ValidationError(f"lines[{index}]", "must be a BudgetLine")
        if line.id in seen:
            raise ValidationError(f"lines[{index}].id", f"{line.id!r} is used twice")
        seen.add(line.id)
        if lines and line.amount.currency != lines[0].amount.currency:
            raise ValidationError(f"lines[{index}].amount", "is in a different currency")
    return lines


def _names(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(_name(n) for n in names)


@attrs.frozen
class Budget(Record):
    """A project's involvement budget.

    ``partner_organisations`` names the project's partner organisations; organisations that
    hold or approve a line are added automatically, so the review can tell which partners'
    own time is unfunded.
    """

    lines: tuple[BudgetLine, ...] = attrs.field(converter=_lines)
    currency: str = attrs.field(default="GBP", kw_only=True)
    partner_organisations: tuple[str, ...] = attrs.field(default=(), converter=_names, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.lines and self.lines[0].amount.currency != self.currency:
            raise ValidationError("currency", "differs from the lines' currency")

    @property
    def total(self) -> Money:
        """Everything the budget holds."""
        return Money.total((line.amount for line in self.lines), self.currency)

    def line(self, line_id: str) -> BudgetLine:
        """The line with id ``line_id``."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)

    def partners(self) -> tuple[str, ...]:
        """Every partner organisation named, held or approving, sorted."""
        names = set(self.partner_organisations)
        for line in self.lines:
            for who in (line.holder, line.approver):
                if who.kind is HolderKind.PARTNER_ORGANISATION:
                    names.add(who.name)
        return tuple(sorted(names))

    def moved_to(self, line_id: str, holder: Holder) -> Budget:
        """A copy in which line ``line_id`` is held (and approved) by ``holder``."""
        lines = tuple(
            attrs.evolve(line, holder=holder, approver=holder) if line.id == line_id else line
            for line in self.lines
        )
        return attrs.evolve(self, lines=lines)
