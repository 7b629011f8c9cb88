"""Explained results: every decision says why, with the rule, the figures and the source.

An engine never returns a bare number or ``True``. It returns a result carrying
:class:`Finding` objects. Each finding has a stable rule id (``BEN-CA-EARNINGS-LIMIT``), a
:class:`Severity`, a message key with the values the message needs, the dated parameters
it read (:class:`ParameterUse`), and the :class:`Citation` of the guidance or law it
applies. Turning a finding into a sentence is the renderer's job
(:func:`participatory.render.text.sentence`), so engines never format text.

>>> from participatory.core.sources import cite
>>> finding = Finding(
...     rule_id="PAY-EXAMPLE",
...     severity=Severity.INFO,
...     message_key="example.fee",
...     values={"hours": 2},
...     citations=(cite("bath_report_2022#s2_6"),),
... )
>>> finding.citations[0].short
'Bath report §2.6'

>>> finding.severity.is_at_least(Severity.ADVICE)
False
>>> Explained(findings=(finding,)).has("PAY-EXAMPLE")
True
"""

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.frozen import FrozenDict
from participatory.core.privacy import REDACTED_TEXT
from participatory.core.record import Record
from participatory.core.sources import Citation

__all__ = [
    "Citation",
    "Explained",
    "ExplainedResult",
    "Finding",
    "ParameterUse",
    "Phrase",
    "Severity",
    "withheld_as_one",
]


class Severity(enum.Enum):
    """How much a finding matters, from a plain fact to a case a person must decide.

    Ordered: ``INFO < MET < ADVICE < WARNING < QUESTION < PROBLEM < REFER``.

    A QUESTION is a fact nobody has given yet that decides the case (whether influence was
    reported back): the coordinator finds out and records the answer. It ranks above a
    warning, since the answer may reveal a problem, and below a problem, since nothing is
    known to be wrong. REFER is for a decision another body must take (an ethics committee,
    DWP, HMRC), which no answer from the project can settle.
    """

    #: A computed figure or neutral fact.
    INFO = "info"
    #: A standard or good practice that is met.
    MET = "met"
    #: A recommendation: nothing is wrong, something could be better.
    ADVICE = "advice"
    #: A risk that may cost someone money, time or trust if not acted on.
    WARNING = "warning"
    #: A fact that decides the case is not known: find it out and record it, never guess.
    QUESTION = "question"
    #: A rule is broken or a loss will happen.
    PROBLEM = "problem"
    #: The case is for another body to decide: refer it to the body named, never guess.
    REFER = "refer"

    # Enum hashes a member by its name in Python, a call each time a report counts, sorts or
    # groups findings by severity (about 10,000 times for fifty contributors). A member is
    # its only instance and equal only to itself, so the identity hash, computed in C, gives
    # the same equality classes. (A slot wrapper is a descriptor: not taken for a member.)
    __hash__ = object.__hash__

    @property
    def rank(self) -> int:
        """Position in the order above (0 for INFO)."""
        return _RANKS[self]

    def is_at_least(self, other: "Severity") -> bool:
        """Whether this severity is ``other`` or more serious."""
        return self.rank >= other.rank


_RANKS = {severity: index for index, severity in enumerate(Severity)}


@attrs.frozen
class ParameterUse(Record):
    """One dated parameter value a finding relied on, where it was read and what law it applies.

    ``source`` is where the figure was read (verified only when read at a primary source);
    ``reference`` is the law or guidance the parameter implements. ``stale`` is true when the
    date asked for lies past the figure's known end and the caller chose to fall back to the
    last known value; ``review_due`` when a figure in force until superseded has not been
    re-checked for longer than the review interval (``checked_on`` says when it last was).
    """

    name: str
    value: object
    effective_from: dt.date
    source: Citation
    reference: Citation | None = None
    verified: bool = False
    stale: bool = False
    checked_on: dt.date | None = None
    review_due: bool = False

    def citations(self) -> tuple[Citation, ...]:
        """Where the figure was read, then the law it applies (if recorded)."""
        if self.reference is None:
            return (self.source,)
        return (self.source, self.reference)


def _citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(items)


def _parameter_uses(items: Iterable[ParameterUse]) -> tuple[ParameterUse, ...]:
    return tuple(items)


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise ValidationError("actions", "must be a list of message keys, not one string")
    return tuple(items)


def _frozen_mapping(values: Mapping[str, Any] | None) -> Mapping[str, Any]:
    # Read-only, and (unlike a mappingproxy) it can be pickled and deep-copied. A FrozenDict
    # cannot change, so a finding made from another's values (attrs.evolve marking it
    # sensitive) shares them rather than copying them item by item.
    if type(values) is FrozenDict:
        return values
    return FrozenDict(values or {})


def _phrase_key(_instance: object, _attribute: object, key: str) -> None:
    if type(key) is not str or not key:
        raise ValidationError("key", "must be a message key")


@attrs.frozen
class Phrase(Record):
    """Part of a sentence worded by the message catalogue: a message key and its values.

    A finding's value may be a phrase when its sentence has parts that only some cases need
    (a Universal Credit award's child elements, say). Each locale words the phrase from its
    own catalogue, as it words the sentence around it, and fills in the phrase's values as
    it fills in the finding's (amounts as money, lists of values separated by commas).

    >>> from participatory.core.money import Money
    >>> Phrase("benefits.uc.elements.carers", {"amounts": (Money.gbp("201.68"),)}).key
    'benefits.uc.elements.carers'
    """

    key: str = attrs.field(validator=_phrase_key)
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)


@attrs.frozen(eq=False, repr=False)
class Finding:
    """One explained conclusion of a rule.

    ``values`` holds what the message needs (amounts as :class:`~participatory.core.money.Money`,
    dates, numbers). ``sensitive`` is true when the finding reveals special-category data
    (for example that the contributor receives a benefit): its ``repr`` then shows nothing
    but that, and default serialisation withholds it whole.

    >>> Finding("BEN-CA-EARNINGS-LIMIT", Severity.PROBLEM, "benefits.ca.over_limit",
    ...         {"excess": 2}, sensitive=True, subject="rosa")
    Finding(<redacted>, sensitive=True)
    """

    rule_id: str
    severity: Severity
    message_key: str
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    parameters: tuple[ParameterUse, ...] = attrs.field(default=(), converter=_parameter_uses)
    #: Steps a person can take (message keys the renderer turns into sentences).
    actions: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    sensitive: bool = False
    #: The subject the finding is about (a person, activity or budget line id), if any.
    subject: str | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return _finding_key(self) == _finding_key(other)

    def __hash__(self) -> int:
        return hash((self.rule_id, self.severity, self.message_key, self.subject))

    def __repr__(self) -> str:
        # A sensitive finding is special-category data as a whole: its values (how much a
        # contributor would lose), and its rule, message, subject, severity, citations and
        # actions too, which together say who has which benefit or need. repr must show
        # none of it, or a log line or traceback of any result holding it would.
        if self.sensitive:
            return f"Finding({REDACTED_TEXT}, sensitive=True)"
        values = repr(self.values)
        return (
            f"Finding(rule_id={self.rule_id!r}, severity={self.severity!r}, "
            f"message_key={self.message_key!r}, values={values}, "
            f"citations={self.citations!r}, parameters={self.parameters!r}, "
            f"actions={self.actions!r}, sensitive={self.sensitive!r}, subject={self.subject!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # The values are a read-only view (not picklable): rebuild from a plain copy.
        return (
            Finding,
            (
                self.rule_id,
                self.severity,
                self.message_key,
                dict(self.values),
                self.citations,
                self.parameters,
                self.actions,
                self.sensitive,
                self.subject,
            ),
        )

    def all_citations(self) -> tuple[Citation, ...]:
        """The finding's citations followed by those of the parameters it read."""
        return self.citations + tuple(c for use in self.parameters for c in use.citations())


def _finding_key(finding: Finding) -> tuple[object, ...]:
    return (
        finding.rule_id,
        finding.severity,
        finding.message_key,
        tuple(sorted((k, repr(v)) for k, v in finding.values.items())),
        finding.citations,
        finding.parameters,
        finding.actions,
        finding.sensitive,
        finding.subject,
    )


def _findings(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


class ExplainedResult:
    """What every engine result offers: its findings, and ways to query them.

    A result may hold its findings from the start (:class:`Explained`) or build them when they
    are first read (the benefits engine computes its numbers first and explains on demand).
    """

    __slots__ = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of the result, in the order the rules made them."""
        raise NotImplementedError

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def has(self, rule_id: str) -> bool:
        """Whether any finding came from ``rule_id``."""
        return any(f.rule_id == rule_id for f in self.findings)

    def by_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.rule_id == rule_id)

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        """The findings at ``severity`` or more serious, most serious first."""
        chosen = [f for f in self.findings if f.severity.is_at_least(severity)]
        return tuple(sorted(chosen, key=lambda f: -f.severity.rank))

    @property
    def worst(self) -> Severity:
        """The most serious severity among the findings (INFO when there are none)."""
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=Severity.INFO)


@attrs.frozen
class Explained(Record, ExplainedResult):
    """Base of an engine result whose findings are given when it is made."""

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings, kw_only=True)


#: Stands for every finding a one-person answer's default copy withholds (see
#: :func:`withheld_as_one`).
_WITHHELD: Final = Finding("WITHHELD", Severity.INFO, "withheld", sensitive=True)


def withheld_as_one(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The findings that are not sensitive, then one withheld marker for all the others.

    A one-person answer's default copy (its ``repr``, its default plain data) shows this:
    how many of its findings are sensitive differs with the person's circumstances, so their
    number would say what the circumstances are. The marker comes even when none is
    withheld, for the same reason.

    >>> plain = Finding("PAY-EXAMPLE", Severity.INFO, "example.fee")
    >>> secret = Finding("BEN-EXAMPLE", Severity.WARNING, "example.benefit", sensitive=True)
    >>> [f.rule_id for f in withheld_as_one([plain, secret, secret])]
    ['PAY-EXAMPLE', 'WITHHELD']
    """
    return (*(f for f in findings if not f.sensitive), _WITHHELD)


def collect(*groups: Iterable[Finding]) -> tuple[Finding, ...]:
    """Join groups of findings into one tuple, keeping order."""
    return tuple(f for group in groups for f in group)


def as_decimal(value: object) -> Decimal:
    """A parameter value that must be a number, as a Decimal."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return Decimal(value)
