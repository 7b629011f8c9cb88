"""Explained results: every decision says why, with the rule, the figures and the source.

An engine never returns a bare number or ``True``. It returns a result carrying
:class:`Finding` objects. Each finding has a stable rule id (``BEN-CA-EARNINGS-LIMIT``), a
:class:`Severity`, a message key with the values the message needs, the dated parameters
it read (:class:`ParameterUse`), and the :class:`Citation` of the guidance or law it
applies. Turning a finding into a sentence is the renderer's job
(:func:`participatory.render.text.sentence`), so engines never format text.

>>> finding = Finding(
...     rule_id="PAY-EXAMPLE",
...     severity=Severity.INFO,
...     message_key="example.fee",
...     values={"hours": 2},
...     citations=(Citation("Payment guidance for researchers and professionals",
...                         publisher="NIHR"),),
... )
>>> finding.severity.is_at_least(Severity.ADVICE)
False
>>> Explained(findings=(finding,)).has("PAY-EXAMPLE")
True
"""

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED_TEXT

__all__ = [
    "Citation",
    "Explained",
    "Finding",
    "ParameterUse",
    "Severity",
]


class Severity(enum.Enum):
    """How much a finding matters, from a plain fact to a case a person must decide.

    Ordered: ``INFO < MET < ADVICE < WARNING < PROBLEM < REFER``.
    """

    #: A computed figure or neutral fact.
    INFO = "info"
    #: A standard or good practice that is met.
    MET = "met"
    #: A recommendation: nothing is wrong, something could be better.
    ADVICE = "advice"
    #: A risk that may cost someone money, time or trust if not acted on.
    WARNING = "warning"
    #: A rule is broken or a loss will happen.
    PROBLEM = "problem"
    #: The rules do not decide the case: refer it to the named body, never guess.
    REFER = "refer"

    @property
    def rank(self) -> int:
        """Position in the order above (0 for INFO)."""
        return _RANKS[self]

    def is_at_least(self, other: "Severity") -> bool:
        """Whether this severity is ``other`` or more serious."""
        return self.rank >= other.rank


_RANKS = {severity: index for index, severity in enumerate(Severity)}


def _optional_date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError("date", "is not a date", hint="write YYYY-MM-DD") from None
    raise ValidationError("date", "must be a date")


@attrs.frozen
class Citation:
    """Where a rule or figure comes from: a document, web page or piece of legislation.

    >>> Citation("The Universal Credit Regulations 2013", reference="SI 2013/376, reg. 22")
    Citation(title='The Universal Credit Regulations 2013', publisher=None, url=None, reference='SI 2013/376, reg. 22', date=None, verified=True)
    """  # noqa: E501

    title: str
    publisher: str | None = None
    url: str | None = None
    #: Legislation or section reference, e.g. ``"SI 2013/376, reg. 21(2)"``.
    reference: str | None = None
    #: When the document was published, or when it was read.
    date: dt.date | None = attrs.field(default=None, converter=_optional_date)
    #: False when the library could not check the statement against this source itself.
    verified: bool = True


@attrs.frozen
class ParameterUse:
    """One dated parameter value a finding relied on, and where that value comes from."""

    name: str
    value: object
    effective_from: dt.date
    source: str
    url: str | None = None
    verified: bool = False
    #: True when the date asked for lies past the data's ``valid_until`` and the caller
    #: chose to fall back to the last known value rather than stop.
    stale: bool = False

    def citation(self) -> Citation:
        """The value's source as a citation."""
        return Citation(
            title=self.source, url=self.url, date=self.effective_from, verified=self.verified
        )


def _citations(items: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(items)


def _parameter_uses(items: Iterable[ParameterUse]) -> tuple[ParameterUse, ...]:
    return tuple(items)


def _texts(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):
        raise ValidationError("actions", "must be a list of message keys, not one string")
    return tuple(items)


def _frozen_mapping(values: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(values or {}))


@attrs.frozen(eq=False, repr=False)
class Finding:
    """One explained conclusion of a rule.

    ``values`` holds what the message needs (amounts as :class:`~participatory.core.money.Money`,
    dates, numbers). ``sensitive`` is true when the finding reveals special-category data
    (for example that the contributor receives a benefit): default serialisation then
    leaves out its values.
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
        # A sensitive finding's values are special-category data (that the contributor
        # gets a benefit, how much they would lose): repr must not show them, or a log line
        # or traceback of any result would.
        values = REDACTED_TEXT if self.sensitive else repr(self.values)
        return (
            f"Finding(rule_id={self.rule_id!r}, severity={self.severity!r}, "
            f"message_key={self.message_key!r}, values={values}, "
            f"citations={self.citations!r}, parameters={self.parameters!r}, "
            f"actions={self.actions!r}, sensitive={self.sensitive!r}, subject={self.subject!r})"
        )

    def all_citations(self) -> tuple[Citation, ...]:
        """The finding's citations followed by those of the parameters it read."""
        return self.citations + tuple(use.citation() for use in self.parameters)


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


@attrs.frozen
class Explained:
    """Base of every engine result: a set of findings with ways to query them."""

    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_findings, kw_only=True)

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


def collect(*groups: Iterable[Finding]) -> tuple[Finding, ...]:
    """Join groups of findings into one tuple, keeping order."""
    return tuple(f for group in groups for f in group)


def as_decimal(value: object) -> Decimal:
    """A parameter value that must be a number, as a Decimal."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return Decimal(value)
