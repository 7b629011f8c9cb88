"""Facts about an activity, each answered yes, no or unknown.

The triage never fills a gap with the convenient answer: a fact nobody has answered is
:attr:`Answer.UNKNOWN`, and the rules say which unknown fact would decide the case. Facts
are given as a mapping or as an iterable of ``(fact, answer)`` pairs; the order never
matters, and giving one fact two different answers is an error rather than "last one wins".

>>> facts = Facts({"generalisable": True, Fact.RANDOMISED: "no"})
>>> facts.get(Fact.GENERALISABLE), facts.get(Fact.RANDOMISED), facts.get(Fact.CHANGES_USUAL_CARE)
(<Answer.YES: 'yes'>, <Answer.NO: 'no'>, <Answer.UNKNOWN: 'unknown'>)
>>> Facts([("randomised", False), ("generalisable", True)]) == facts
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final, TypeAlias, cast

import attrs

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED, SENSITIVE

__all__ = ["Answer", "Fact", "FactInput", "Facts", "Scope"]


class Answer(enum.Enum):
    """A tri-state answer to one fact."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @classmethod
    def of(cls, value: object) -> Answer:
        """Read ``True``/``False``/``None``, ``"yes"``/``"no"``/``"unknown"`` or an Answer.

        >>> Answer.of(None)
        <Answer.UNKNOWN: 'unknown'>
        """
        if isinstance(value, Answer):
            return value
        if value is None:
            return cls.UNKNOWN
        if isinstance(value, bool):
            return cls.YES if value else cls.NO
        if isinstance(value, str) and value.strip().lower() in _ANSWER_WORDS:
            return _ANSWER_WORDS[value.strip().lower()]
        raise ValidationError(
            "answer", "must be yes, no or unknown", hint="use True, False, None or an Answer"
        )


_ANSWER_WORDS: Final = {"yes": Answer.YES, "no": Answer.NO, "unknown": Answer.UNKNOWN}


class Scope(enum.Enum):
    """Whether a fact describes the whole activity or one group of people in it."""

    ACTIVITY = "activity"
    PARTY = "party"


class Fact(enum.Enum):
    """A question the triage asks. ``question`` is the plain wording shown in findings."""

    #: HRA question: allocation to groups by randomisation.
    RANDOMISED = "randomised"
    #: HRA question: the protocol changes treatment, care or services from accepted standards.
    CHANGES_USUAL_CARE = "changes_usual_care"
    #: HRA question: designed to produce generalisable or transferable findings.
    GENERALISABLE = "generalisable"
    #: Defining Research table, clinical audit column.
    MEASURED_AGAINST_STANDARD = "measured_against_standard"
    #: Defining Research table, service evaluation column.
    JUDGES_CURRENT_SERVICE = "judges_current_service"
    #: Defining Research table, usual practice / health surveillance column.
    POPULATION_HEALTH = "population_health"
    #: Whether the data that people collect or analyse comes from or is about people.
    DATA_ABOUT_PEOPLE = "data_about_people"
    #: Whether what a group says or provides is recorded and analysed as study data.
    OWN_DATA_ANALYSED = "own_data_analysed"
    #: Whether informed consent with participant information is planned for a group.
    CONSENT_PLANNED = "consent_planned"
    #: Whether a group includes people in vulnerable circumstances (special-category data).
    VULNERABLE = "vulnerable"
    #: Whether a group includes people under 18 (safeguarding data).
    UNDER_18 = "under_18"

    @property
    def scope(self) -> Scope:
        """Whether the fact belongs to the activity or to one group in it."""
        return Scope.PARTY if self in _PARTY_FACTS else Scope.ACTIVITY

    @property
    def sensitive(self) -> bool:
        """True for safeguarding facts, which are kept out of repr and serialisation."""
        return self in _SENSITIVE_FACTS

    @property
    def question(self) -> str:
        """The fact as a plain-English statement whose truth is asked."""
        return _QUESTIONS[self]


_PARTY_FACTS: Final = frozenset(
    {Fact.OWN_DATA_ANALYSED, Fact.CONSENT_PLANNED, Fact.VULNERABLE, Fact.UNDER_18}
)
_SENSITIVE_FACTS: Final = frozenset({Fact.VULNERABLE, Fact.UNDER_18})
_QUESTIONS: Final = {
    Fact.RANDOMISED: "people, or the care or services they receive, are allocated to groups "
    "by randomisation",
    Fact.CHANGES_USUAL_CARE: "the protocol changes treatment, care or services from accepted "
    "standards",
    Fact.GENERALISABLE: "the activity is designed to produce generalisable or transferable "
    "findings",
    Fact.MEASURED_AGAINST_STANDARD: "the activity measures a service against a predetermined "
    "standard",
    Fact.JUDGES_CURRENT_SERVICE: "the activity only defines or judges the current service, "
    "without reference to a standard",
    Fact.POPULATION_HEALTH: "the activity investigates health issues in a population, or an "
    "outbreak or incident, as usual public-health practice",
    Fact.DATA_ABOUT_PEOPLE: "the data collected or analysed comes from or is about people",
    Fact.OWN_DATA_ANALYSED: "what this group says or provides is recorded and analysed as "
    "study data",
    Fact.CONSENT_PLANNED: "informed consent with participant information is planned for this group",
    Fact.VULNERABLE: "this group includes people in vulnerable circumstances",
    Fact.UNDER_18: "this group includes people under 18",
}

#: What a caller may pass as facts: a mapping or an iterable of pairs, keys as Fact or name.
FactInput: TypeAlias = (
    Mapping[Fact, object]
    | Mapping[str, object]
    | Mapping[Fact | str, object]
    | Iterable[tuple[Fact | str, object]]
)

_Pairs: TypeAlias = tuple[tuple[Fact, Answer], ...]


def _fact_of(key: object) -> Fact:
    if isinstance(key, Fact):
        return key
    try:
        return Fact(key)
    except ValueError:
        names = ", ".join(f.value for f in Fact)
        raise ValidationError(
            "facts", "names an unknown fact", hint=f"use one of: {names}"
        ) from None


def _canonical(items: object) -> tuple[_Pairs, _Pairs]:
    if isinstance(items, Facts):
        return items.answers, items.safeguarding
    pairs: Iterable[object]
    if isinstance(items, Mapping):
        pairs = items.items()
    elif isinstance(items, Iterable) and not isinstance(items, str | bytes):
        pairs = items
    else:
        raise ValidationError("facts", "must be a mapping or pairs of (fact, answer)")
    chosen: dict[Fact, Answer] = {}
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise ValidationError("facts", "must be a mapping or pairs of (fact, answer)")
        fact = _fact_of(pair[0])
        try:
            answer = Answer.of(pair[1])
        except ValidationError as error:
            raise error.at(f"facts.{fact.value}") from None
        if chosen.setdefault(fact, answer) is not answer:
            # Last-one-wins would make the outcome depend on the order facts were given.
            raise ValidationError(f"facts.{fact.value}", "is given two different answers")
    known = sorted(
        ((f, a) for f, a in chosen.items() if a is not Answer.UNKNOWN), key=lambda p: p[0].value
    )
    return (
        tuple(p for p in known if not p[0].sensitive),
        tuple(p for p in known if p[0].sensitive),
    )


@attrs.frozen(init=False)
class Facts:
    """Answers to facts; anything not answered is unknown.

    Stored in a canonical order with unknown answers dropped, so two ``Facts`` built from
    the same answers in any order are equal. Safeguarding answers (:attr:`Fact.sensitive`)
    are held apart and never shown in ``repr`` or default serialisation.
    """

    answers: _Pairs
    safeguarding: _Pairs = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    # A lookup table for the hot path; derived, so not compared, shown or serialised.
    _lookup: Mapping[Fact, Answer] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __init__(self, items: FactInput | Facts = ()) -> None:
        answers, safeguarding = _canonical(items)
        self.__attrs_init__(answers, safeguarding)
        object.__setattr__(self, "_lookup", dict(answers + safeguarding))

    def get(self, fact: Fact) -> Answer:
        """The answer to ``fact`` (``UNKNOWN`` when not given)."""
        return self._lookup.get(fact, Answer.UNKNOWN)

    def facts(self) -> frozenset[Fact]:
        """The facts that have a yes or no answer."""
        return frozenset(f for f, _ in self.answers + self.safeguarding)

    def with_answer(self, fact: Fact, answer: object) -> Facts:
        """A copy with ``fact`` answered (``None`` makes it unknown again)."""
        others = [(f, a) for f, a in self.answers + self.safeguarding if f is not fact]
        return Facts([*others, (fact, Answer.of(answer))])

    def check_scope(self, scope: Scope, path: str) -> None:
        """Raise ValidationError if a fact of another scope was given."""
        for fact in self.facts():
            if fact.scope is not scope:
                where = "a group (party)" if fact.scope is Scope.PARTY else "the activity"
                raise ValidationError(f"{path}.{fact.value}", f"is a fact about {where}")


def to_facts(value: object) -> Facts:
    """Converter used by the models: accept Facts, a mapping or pairs."""
    return value if isinstance(value, Facts) else Facts(cast(FactInput, value))
