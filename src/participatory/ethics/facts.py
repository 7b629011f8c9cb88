"""Facts about an activity, each answered yes, no, unknown or (where it can be) not applicable.

The triage never fills a gap with the convenient answer: a fact nobody has answered is
:attr:`Answer.UNKNOWN`, and the rules say which unknown fact would decide the case or change
the review route. Facts are given as a mapping or as an iterable of ``(fact, answer)`` pairs;
the order never matters, and giving one fact two different answers is an error rather than
"last one wins".

Some questions presuppose something that may not hold: consent for a group that provides no
data, or whether data is about people when nobody collects any. Those facts accept
:attr:`Answer.NOT_APPLICABLE` (the rules read it as no); a fact whose question always has a
yes or no answer refuses it.

>>> facts = Facts({"generalisable": True, Fact.RANDOMISED: "no"})
>>> facts.get(Fact.GENERALISABLE), facts.get(Fact.RANDOMISED), facts.get(Fact.CHANGES_USUAL_CARE)
(<Answer.YES: 'yes'>, <Answer.NO: 'no'>, <Answer.UNKNOWN: 'unknown'>)
>>> Facts([("randomised", False), ("generalisable", True)]) == facts
True
>>> Facts({"consent_planned": "not_applicable"}).get(Fact.CONSENT_PLANNED)
<Answer.NOT_APPLICABLE: 'not_applicable'>
>>> Facts({"randomised": "n/a"})
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: facts.randomised: cannot be not applicable (answer yes, no or unknown)
"""  # noqa: E501

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Final, TypeAlias

import attrs

from participatory.core.errors import ValidationError
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record

__all__ = ["Answer", "Fact", "FactInput", "Facts", "Scope"]


class Answer(enum.Enum):
    """An answer to one fact: yes, no, unknown, or not applicable where the fact allows it."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    #: The question presupposes something that does not hold; the rules read it as no.
    NOT_APPLICABLE = "not_applicable"

    @property
    def effective(self) -> Answer:
        """The answer the rules read: not applicable counts as no.

        >>> Answer.NOT_APPLICABLE.effective
        <Answer.NO: 'no'>
        """
        return Answer.NO if self is Answer.NOT_APPLICABLE else self

    @classmethod
    def of(cls, value: object) -> Answer:
        """Read an answer: ``True``, ``False``, ``None``, a word or an Answer.

        The words are ``"yes"``, ``"no"``, ``"unknown"`` and ``"not_applicable"`` (or ``"n/a"``).

        >>> Answer.of(None), Answer.of("N/A")
        (<Answer.UNKNOWN: 'unknown'>, <Answer.NOT_APPLICABLE: 'not_applicable'>)
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
            "answer",
            "must be yes, no, unknown or not_applicable",
            hint="use True, False, None or an Answer",
        )


_ANSWER_WORDS: Final = {
    "yes": Answer.YES,
    "no": Answer.NO,
    "unknown": Answer.UNKNOWN,
    "not_applicable": Answer.NOT_APPLICABLE,
    "n/a": Answer.NOT_APPLICABLE,
}


class Scope(enum.Enum):
    """Whether a fact describes the whole activity or one group of people in it."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    ACTIVITY = "activity"
    PARTY = "party"


class Fact(enum.Enum):
    """A question the triage asks. ``question`` is the plain wording shown in findings."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

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
    #: Whether a group includes children under 16 (consent from a parent; safeguarding data).
    UNDER_16 = "under_16"
    #: Whether a group includes young people aged 16 or 17 (safeguarding data).
    AGED_16_17 = "aged_16_17"

    # Facts that choose the review route (GAfREC, the capacity laws, HMPPS, data protection).
    #: The group is identified through its use of NHS (HSC) services, or as relatives or carers.
    NHS_PATIENTS = "nhs_patients"
    #: The group is NHS (HSC) staff taking part by virtue of their professional role.
    NHS_STAFF = "nhs_staff"
    #: The group is identified through its use of adult social care, or as relatives or carers.
    ADULT_SOCIAL_CARE_USERS = "adult_social_care_users"
    #: The group is identified through its use of children's social care.
    CHILDRENS_SOCIAL_CARE_USERS = "childrens_social_care_users"
    #: The group includes people who may lack capacity to consent (health data).
    MAY_LACK_CAPACITY = "may_lack_capacity"
    #: The group includes people in prison or on probation (criminal offence data).
    IN_CUSTODY_OR_ON_PROBATION = "in_custody_or_on_probation"
    #: Of those, some are held in prison or custody, not only supervised in the community
    #: (Scotland and Northern Ireland: the prison service, not probation; criminal offence data).
    HELD_IN_CUSTODY = "held_in_custody"
    #: The activity takes place on NHS (HSC) premises.
    NHS_PREMISES = "nhs_premises"
    #: The activity takes place in a prison, across the probation service, or with their staff.
    PRISON_OR_PROBATION_SETTING = "prison_or_probation_setting"
    #: That setting is only a secure training centre, secure children's home or youth
    #: offending team, which HMPPS's research instruction leaves to the establishment.
    YOUTH_JUSTICE_SETTING = "youth_justice_setting"
    #: The activity is health-related research (decides two routes; see the route rules).
    HEALTH_RELATED = "health_related"
    #: The activity is a clinical trial of an investigational medicinal product (CTIMP).
    CLINICAL_TRIAL_OF_MEDICINE = "clinical_trial_of_medicine"
    #: The activity is a clinical investigation of a medical device not marked for that use.
    DEVICE_INVESTIGATION = "device_investigation"
    #: Some of the people taking part are exposed to ionising radiation for the research.
    IONISING_RADIATION = "ionising_radiation"
    #: The activity stores human tissue (material consisting of or including human cells).
    HUMAN_TISSUE_STORED = "human_tissue_stored"
    #: The activity uses information from which the team could identify patients or users.
    IDENTIFIABLE_PATIENT_DATA = "identifiable_patient_data"
    #: Confidential patient information is used without consent outside the care team.
    PATIENT_DATA_WITHOUT_CONSENT = "patient_data_without_consent"
    #: The activity uses data NHS Scotland controls (national data sets, for instance).
    NHS_SCOTLAND_DATA = "nhs_scotland_data"
    #: The activity processes personal data.
    PERSONAL_DATA = "personal_data"
    #: The activity processes special category or criminal offence data on a large scale.
    LARGE_SCALE_SPECIAL_CATEGORY = "large_scale_special_category"
    #: The people studied (or whose data is used) are participants of an approved study.
    APPROVED_STUDY_PARTICIPANTS = "approved_study_participants"
    #: What the activity does is covered by that study's approval and its participants' consent.
    WITHIN_APPROVED_SCOPE = "within_approved_scope"

    @property
    def scope(self) -> Scope:
        """Whether the fact belongs to the activity or to one group in it."""
        return Scope.PARTY if self in _PARTY_FACTS else Scope.ACTIVITY

    @property
    def sensitive(self) -> bool:
        """True for facts about a group's health, custody, age or vulnerability.

        They are kept out of repr and default serialisation, and a route or finding that
        rests on a yes to one is marked sensitive.
        """
        return self in _SENSITIVE_FACTS

    @property
    def allows_not_applicable(self) -> bool:
        """Whether the question can be answered "not applicable" (it presupposes something)."""
        return self in _NOT_APPLICABLE_ALLOWED

    @property
    def question(self) -> str:
        """The fact as a plain-English statement whose truth is asked."""
        return _QUESTIONS[self]


_PARTY_FACTS: Final = frozenset(
    {
        Fact.OWN_DATA_ANALYSED,
        Fact.CONSENT_PLANNED,
        Fact.VULNERABLE,
        Fact.UNDER_18,
        Fact.UNDER_16,
        Fact.AGED_16_17,
        Fact.NHS_PATIENTS,
        Fact.NHS_STAFF,
        Fact.ADULT_SOCIAL_CARE_USERS,
        Fact.CHILDRENS_SOCIAL_CARE_USERS,
        Fact.MAY_LACK_CAPACITY,
        Fact.IN_CUSTODY_OR_ON_PROBATION,
        Fact.HELD_IN_CUSTODY,
    }
)
# Health (capacity), criminal offence data (custody) and safeguarding (age, vulnerability).
# Being recruited through a service (NHS patients, social care users) is the study's design,
# not a person's circumstances, so it stays visible: an ethics form asks it outright.
_SENSITIVE_FACTS: Final = frozenset(
    {
        Fact.VULNERABLE,
        Fact.UNDER_18,
        Fact.UNDER_16,
        Fact.AGED_16_17,
        Fact.MAY_LACK_CAPACITY,
        Fact.IN_CUSTODY_OR_ON_PROBATION,
        Fact.HELD_IN_CUSTODY,
    }
)
# Each of these questions presupposes something (that the group provides data, that data is
# collected, that patient data or personal data is used, that there is an approved study).
_NOT_APPLICABLE_ALLOWED: Final = frozenset(
    {
        Fact.OWN_DATA_ANALYSED,
        Fact.CONSENT_PLANNED,
        Fact.DATA_ABOUT_PEOPLE,
        Fact.PATIENT_DATA_WITHOUT_CONSENT,
        Fact.LARGE_SCALE_SPECIAL_CATEGORY,
        Fact.WITHIN_APPROVED_SCOPE,
        # That the group includes people in prison or on probation; that the activity has a
        # prison or probation setting.
        Fact.HELD_IN_CUSTODY,
        Fact.YOUTH_JUSTICE_SETTING,
    }
)
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
    Fact.UNDER_16: "this group includes children under 16",
    Fact.AGED_16_17: "this group includes young people aged 16 or 17",
    Fact.NHS_PATIENTS: "this group is identified through its past or present use of NHS (in "
    "Northern Ireland, HSC) services, or as relatives or carers of people who use them",
    Fact.NHS_STAFF: "this group is NHS (HSC) staff taking part by virtue of their professional "
    "role",
    Fact.ADULT_SOCIAL_CARE_USERS: "this group is identified through its past or present use of "
    "adult social care services, or as relatives or carers of people who use them",
    Fact.CHILDRENS_SOCIAL_CARE_USERS: "this group is identified through its past or present use "
    "of children's social care services",
    Fact.MAY_LACK_CAPACITY: "this group includes people aged 16 or over who may lack capacity to "
    "consent for themselves",
    Fact.IN_CUSTODY_OR_ON_PROBATION: "this group includes people in prison or a young offender "
    "institution, or on probation",
    Fact.HELD_IN_CUSTODY: "some of this group's people in prison or on probation are held in "
    "prison, a young offender institution or other custody, not only supervised in the community",
    Fact.NHS_PREMISES: "the activity takes place on NHS (HSC) premises",
    Fact.PRISON_OR_PROBATION_SETTING: "the activity takes place in a prison, young offender "
    "institution or secure training centre, across the probation service or at prison service "
    "headquarters, or involves their staff",
    Fact.YOUTH_JUSTICE_SETTING: "the prison or probation setting is only a secure training "
    "centre, a secure children's home or a youth offending team (no prison, young offender "
    "institution or probation service)",
    Fact.HEALTH_RELATED: "the activity is health-related research (about health, illness or "
    "health care)",
    Fact.CLINICAL_TRIAL_OF_MEDICINE: "the activity is a clinical trial of an investigational "
    "medicinal product (CTIMP)",
    Fact.DEVICE_INVESTIGATION: "the activity is a clinical investigation of a medical device "
    "that is not UKCA or CE marked for the purpose under investigation",
    Fact.IONISING_RADIATION: "the research protocol requires ionising radiation exposures of "
    "some of the people taking part (X-ray, CT, DXA or nuclear medicine scans, radiotherapy), "
    "even exposures their usual care would include",
    Fact.HUMAN_TISSUE_STORED: "the activity stores human tissue for research: material that "
    "consists of or includes human cells, such as blood or a biopsy (not a living person's "
    "hair or nails, nor DNA already extracted from the cells)",
    Fact.IDENTIFIABLE_PATIENT_DATA: "the activity uses information from which the team could "
    "identify past or present users of health or social care services",
    Fact.PATIENT_DATA_WITHOUT_CONSENT: "confidential patient information is used without the "
    "patients' consent, outside the care team",
    Fact.NHS_SCOTLAND_DATA: "the activity uses data controlled by NHS Scotland (such as its "
    "national data sets, through eDRIS), identifiable or not",
    Fact.PERSONAL_DATA: "the activity processes personal data (information about identifiable "
    "living people)",
    Fact.LARGE_SCALE_SPECIAL_CATEGORY: "the activity processes special category data (such as "
    "health) or criminal offence data on a large scale",
    Fact.APPROVED_STUDY_PARTICIPANTS: "the people this activity studies, or whose data it "
    "uses, are participants of a study that already holds ethics approval",
    Fact.WITHIN_APPROVED_SCOPE: "what the activity does is covered by that study's approval and "
    "its participants' consent",
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
            # At the fact itself: the answer is its value, not a key of its own.
            raise ValidationError(f"facts.{fact.value}", error.problem, hint=error.hint) from None
        if answer is Answer.NOT_APPLICABLE and not fact.allows_not_applicable:
            raise ValidationError(
                f"facts.{fact.value}",
                "cannot be not applicable",
                hint="answer yes, no or unknown",
            )
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
class Facts(Record):
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
        """The answer to ``fact`` as given (``UNKNOWN`` when not given)."""
        return self._lookup.get(fact, Answer.UNKNOWN)

    def facts(self) -> frozenset[Fact]:
        """The facts that have a yes or no answer."""
        return frozenset(f for f, _ in self.answers + self.safeguarding)

    def with_answer(self, fact: Fact | str, answer: object) -> Facts:
        """A copy with ``fact`` (a Fact or its name) answered (``None`` makes it unknown again).

        >>> Facts({"randomised": True}).with_answer("randomised", False).get(Fact.RANDOMISED)
        <Answer.NO: 'no'>
        """
        # The name is read as its Fact first: compared as given, a name would never match the
        # answer already held, which would then count as a second, different answer.
        fact = _fact_of(fact)
        others = [(f, a) for f, a in self.answers + self.safeguarding if f is not fact]
        return Facts([*others, (fact, Answer.of(answer))])

    def with_sensitive_yes_as_no(self) -> Facts:
        """A copy in which each yes to a sensitive fact is no (every other answer kept).

        Default outputs are worked out from it, so they read the same whichever
        safeguarding answer is yes (see :meth:`Activity.with_sensitive_yes_as_no
        <participatory.ethics.activity.Activity.with_sensitive_yes_as_no>`).

        >>> facts = Facts({"may_lack_capacity": True, "under_18": None, "nhs_staff": True})
        >>> [a.value for a in map(facts.with_sensitive_yes_as_no().get, (
        ...     Fact.MAY_LACK_CAPACITY, Fact.UNDER_18, Fact.NHS_STAFF))]
        ['no', 'unknown', 'yes']
        """
        read_as_no = tuple((f, Answer.NO if a is Answer.YES else a) for f, a in self.safeguarding)
        return Facts(self.answers + read_as_no)

    def check_scope(self, scope: Scope, path: str) -> None:
        """Raise ValidationError if a fact of another scope was given."""
        for fact in self.facts():
            if fact.scope is not scope:
                where = "a group (party)" if fact.scope is Scope.PARTY else "the activity"
                raise ValidationError(f"{path}.{fact.value}", f"is a fact about {where}")


def to_facts(value: Facts | FactInput) -> Facts:
    """Converter used by the models: accept Facts, a mapping or pairs."""
    return value if isinstance(value, Facts) else Facts(value)
