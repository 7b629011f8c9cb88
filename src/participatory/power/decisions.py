"""The decisions a research project makes, and who holds each one.

A :class:`DecisionRecord` says, for each :class:`Decision` (the research questions, the
budget, the analysis …), how it is held (:class:`Holding`, ordered from the university
deciding alone to partner-led) and whether partners can veto it. A partner veto makes a
decision at least jointly held (see :attr:`DecisionRight.effective_holding`). A decision
the record does not mention is taken to be held by the university alone: in a university
project that is what happens unless someone arranges otherwise, and it never overstates
how much power partners hold (the review also reports the gap).

>>> record = DecisionRecord.of(
...     research_questions=Holding.JOINTLY,
...     budget_and_spending=Holding.AFTER_CONSULTING,
... )
>>> record.holding(Decision.RESEARCH_QUESTIONS).label
'jointly'
>>> record.holding(Decision.METHODS) is Holding.UNIVERSITY_ALONE
True
>>> Holding.AFTER_INFORMING < Holding.JOINTLY
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from functools import total_ordering

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import member
from participatory.core.record import Record

__all__ = ["Decision", "DecisionRecord", "DecisionRight", "Holding"]


class Decision(enum.Enum):
    """A decision every research project makes, whoever makes it."""

    RESEARCH_QUESTIONS = "research_questions"
    METHODS = "methods"
    RECRUITMENT = "recruitment"
    BUDGET_AND_SPENDING = "budget_and_spending"
    ANALYSIS_AND_INTERPRETATION = "analysis_and_interpretation"
    OUTPUTS_AND_AUTHORSHIP = "outputs_and_authorship"
    DISSEMINATION = "dissemination"
    WHETHER_TO_CONTINUE = "whether_to_continue"
    HOW_PARTNERS_ARE_PAID = "how_partners_are_paid"

    @property
    def label(self) -> str:
        """The decision in words, for messages."""
        return self.value.replace("_", " ")


@total_ordering
class Holding(enum.Enum):
    """Who holds a decision, ordered from the university alone to partners leading.

    The order is the point: ``UNIVERSITY_ALONE < AFTER_INFORMING < AFTER_CONSULTING <
    JOINTLY < DELEGATED_TO_PARTNERS < PARTNER_LED``.
    """

    #: The university decides and does not tell partners.
    UNIVERSITY_ALONE = "university_alone"
    #: The university decides, then tells partners.
    AFTER_INFORMING = "after_informing"
    #: The university asks partners' views, then decides.
    AFTER_CONSULTING = "after_consulting"
    #: University and partners decide together.
    JOINTLY = "jointly"
    #: The university hands the decision to partners.
    DELEGATED_TO_PARTNERS = "delegated_to_partners"
    #: Partners initiate and decide; the university follows.
    PARTNER_LED = "partner_led"

    @property
    def rank(self) -> int:
        """Position in the order (0 for the university alone)."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The holding in words, for messages."""
        return self.value.replace("_", " ")

    @property
    def is_shared(self) -> bool:
        """Whether partners hold at least an equal share of the decision."""
        return self.rank >= _RANKS[Holding.JOINTLY]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Holding):
            return NotImplemented
        return self.rank < other.rank


_RANKS = {holding: index for index, holding in enumerate(Holding)}


def _holding(value: Holding | str) -> Holding:
    return member(Holding, value, "holding")


def _decision(value: Decision | str) -> Decision:
    return member(Decision, value, "decision")


@attrs.frozen
class DecisionRight(Record):
    """How one decision is held, and whether partners can veto it.

    >>> right = DecisionRight(Decision.METHODS, Holding.AFTER_CONSULTING, partner_veto=True)
    >>> right.effective_holding
    <Holding.JOINTLY: 'jointly'>
    """

    decision: Decision = attrs.field(converter=_decision)
    holding: Holding = attrs.field(converter=_holding)
    partner_veto: bool = attrs.field(default=False, kw_only=True)

    @property
    def effective_holding(self) -> Holding:
        """The holding, raised to at least :attr:`Holding.JOINTLY` when partners hold a veto.

        A veto means the decision cannot be made without partners' agreement, which is at
        least a shared decision whatever else the record says.
        """
        if self.partner_veto and self.holding < Holding.JOINTLY:
            return Holding.JOINTLY
        return self.holding


def _rights(value: Iterable[DecisionRight]) -> tuple[DecisionRight, ...]:
    rights = tuple(value)
    seen: set[Decision] = set()
    for index, right in enumerate(rights):
        if not isinstance(right, DecisionRight):
            raise ValidationError(f"rights[{index}]", "must be a DecisionRight")
        if right.decision in seen:
            raise ValidationError(
                f"rights[{index}]", f"records {right.decision.label!r} a second time"
            )
        seen.add(right.decision)
    # Canonical order: the same record written in any order is the same value.
    return tuple(sorted(rights, key=lambda r: list(Decision).index(r.decision)))


@attrs.frozen
class DecisionRecord(Record):
    """Who holds each of a project's decisions (at most one right per decision)."""

    rights: tuple[DecisionRight, ...] = attrs.field(default=(), converter=_rights)

    @classmethod
    def of(cls, **holdings: Holding | str) -> DecisionRecord:
        """A record from keyword arguments named after :class:`Decision` values."""
        rights = []
        for name, holding in holdings.items():
            try:
                decision = Decision(name)
            except ValueError:
                raise ValidationError(name, "is not a decision this library knows") from None
            rights.append(DecisionRight(decision, _holding(holding)))
        return cls(rights)

    def right(self, decision: Decision) -> DecisionRight:
        """The recorded right for ``decision``, or the university-alone default."""
        for right in self.rights:
            if right.decision is decision:
                return right
        return DecisionRight(decision, Holding.UNIVERSITY_ALONE)

    def holding(self, decision: Decision) -> Holding:
        """The effective holding of ``decision`` (a veto counts as joint)."""
        return self.right(decision).effective_holding

    def unrecorded(self) -> tuple[Decision, ...]:
        """The decisions this record says nothing about."""
        recorded = {r.decision for r in self.rights}
        return tuple(d for d in Decision if d not in recorded)

    def with_holding(self, decision: Decision, holding: Holding) -> DecisionRecord:
        """A copy in which ``decision`` is held as ``holding`` (its veto kept)."""
        kept = tuple(r for r in self.rights if r.decision is not decision)
        veto = self.right(decision).partner_veto
        return DecisionRecord((*kept, DecisionRight(decision, holding, partner_veto=veto)))
