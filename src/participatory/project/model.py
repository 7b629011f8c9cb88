"""A whole project, described once: the engines' own models, composed.

A :class:`Project` holds what each engine needs and nothing of its own invention: the
people, partner organisations and staff with their roles (:mod:`participatory.roles`),
who holds each decision (:mod:`participatory.power`), the budget
(:mod:`participatory.budget`), the rate card and planned payments
(:mod:`participatory.payments`), each contributor's benefit circumstances
(:mod:`participatory.benefits`, special-category data), the activities for ethics triage
(:mod:`participatory.ethics`), the safeguarding profile and personal notes, the timeline,
the evaluation and legacy plan, and optionally the university for a readiness profile.
Only :class:`Session` is new: a costed piece of involvement, so the report can compare
what the plan pays with what the rate card says.

Every id is checked at construction (:mod:`participatory.project.references`): an id used
but never defined, or defined twice, is a :class:`ProjectValidationError` listing every
such problem with its field path.

>>> import datetime as dt
>>> from participatory.core.money import Money
>>> from participatory.payments import Payment
>>> from participatory.roles import ContributorKind, PersonContributor
>>> project = Project(
...     id="river-watch", title="River watch",
...     people=[PersonContributor("amira", "Amira", ContributorKind.CO_RESEARCHER)],
...     payments=[Payment("p1", "amira", "fee", Money.gbp("90.00"), due_on=dt.date(2026, 5, 1))],
... )
>>> project.payment_plan().total()
Money('90.00', 'GBP')
>>> Project(id="x", title="X", payments=[
...     Payment("p1", "ben", "fee", Money.gbp(5), due_on=dt.date(2026, 5, 1))])
Traceback (most recent call last):
...
participatory.project.references.ProjectValidationError: payments[0].contributor: 'ben' is not one of the project's people
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from participatory.benefits.household import Household, Person
from participatory.budget.lines import Budget
from participatory.core.errors import ValidationError
from participatory.core.fields import member
from participatory.core.frozen import FrozenDict
from participatory.core.money import to_decimal
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.ethics.activity import Activity
from participatory.ethics.project import EthicsProject
from participatory.evaluation.plan import EvaluationPlan
from participatory.payments.costing import Duration
from participatory.payments.plans import Payment, PaymentPlan
from participatory.payments.rates import ActivityKind, RateCard, RateUnit
from participatory.payments.timeliness import TimelinessPolicy
from participatory.power.decisions import DecisionRecord
from participatory.power.principles import InvolvementEvidence
from participatory.project.references import ProjectValidationError, reference_problems
from participatory.readiness.assess import University
from participatory.roles.assignments import RoleAssignment
from participatory.roles.authorship import AuthorshipOffer, Contribution
from participatory.roles.models import PartnerOrganisation, PersonContributor, UniversityStaff
from participatory.roles.project import FindingsReturnPlan, ProjectRoles
from participatory.safeguarding.models import PersonalNote, SafeguardingProfile
from participatory.timeline.plan import Timeline

__all__ = ["Project", "Session"]


def _text(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "must be non-empty text")


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str):
        raise ValidationError("", "must be a list, not one string")
    return tuple(value)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    items = _tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(f"[{index}]", "must be non-empty text")
    return items


def _activity_kind(value: ActivityKind | str) -> ActivityKind:
    return member(ActivityKind, value, "activity")


def _unit(value: RateUnit | str) -> RateUnit:
    return member(RateUnit, value, "unit")


def _held_on(value: dt.date | str) -> dt.date:
    return to_date(value, "held_on")


def _non_negative(value: object, path: str) -> Decimal:
    number = to_decimal(value, path)
    if number < 0:
        raise ValidationError(path, "must not be negative")
    return number


def _amount(value: Decimal | int | str) -> Decimal:
    return _non_negative(value, "amount")


def _preparation_hours(value: Decimal | int | str) -> Decimal:
    return _non_negative(value, "preparation_hours")


@attrs.frozen
class Session(Record):
    """One piece of involvement to cost on the project's rate card, and who took part.

    ``held_on`` is the day it took place; ``amount`` is in ``unit`` (hours unless said
    otherwise). Each contributor is due the fee :func:`~participatory.payments.cost_activity`
    gives for it at the rates in force that day.

    >>> Session("s1", "meeting", "2026-05-12", "2", contributors=["amira"]).duration
    Duration(amount=Decimal('2'), unit=<RateUnit.HOUR: 'hour'>)
    """

    id: str = attrs.field(validator=_text)
    activity: ActivityKind = attrs.field(converter=_activity_kind)
    held_on: dt.date = attrs.field(converter=_held_on)
    amount: Decimal = attrs.field(converter=_amount)
    unit: RateUnit = attrs.field(default=RateUnit.HOUR, converter=_unit, kw_only=True)
    preparation_hours: Decimal = attrs.field(
        default=Decimal(0), converter=_preparation_hours, kw_only=True
    )
    contributors: tuple[str, ...] = attrs.field(default=(), converter=_texts, kw_only=True)

    @property
    def duration(self) -> Duration:
        """The session's length as a :class:`~participatory.payments.Duration`."""
        return Duration(self.amount, self.unit)

    @property
    def preparation(self) -> Duration | None:
        """The preparation hours, if any."""
        return Duration.hours(self.preparation_hours) if self.preparation_hours else None


def _households(value: Mapping[str, Household]) -> Mapping[str, Household]:
    if not isinstance(value, Mapping):
        raise ValidationError("benefits", "must map person ids to their households")
    households: dict[str, Household] = {}
    for person, item in value.items():
        if not isinstance(item, Household):
            # Withheld from the message (whose benefits these are is itself sensitive).
            raise ProjectValidationError(
                [ValidationError(f"benefits.{person}", "must be a Household")]
            )
        ids = [member.id for member in item.people]
        if person not in ids:
            if ids == [Person().id]:
                # A household given without ids is the contributor's own.
                item = attrs.evolve(item, people=(attrs.evolve(item.people[0], id=person),))
            else:
                problem = ValidationError(
                    f"benefits.{person}.people",
                    "must include the contributor (a member whose id is the contributor's)",
                )
                raise ProjectValidationError([problem])
        households[person] = item
    # Read-only, and (unlike a mappingproxy) a Project can be pickled and deep-copied.
    return FrozenDict(households)


def _optional_label(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("label", "must be non-empty text or absent")
    return value


@attrs.frozen(kw_only=True)
class Project(Record):
    """Everything the engines need to know about one participatory project.

    ``label`` is what the project calls itself ("co_production", "citizen_science"): the
    power review compares it with who really holds the decisions. ``benefits`` maps a
    contributor's id to their household's benefit circumstances (the contributor is a member
    with the same id; a partner may be another contributor); it is special-category data,
    never shown in ``repr``, errors or default serialisation.
    """

    id: str = attrs.field(validator=_text)
    title: str = attrs.field(validator=_text)
    label: str | None = attrs.field(default=None, converter=_optional_label)
    currency: str = "GBP"
    # Roles: who takes part, and in what role.
    people: tuple[PersonContributor, ...] = attrs.field(default=(), converter=_tuple)
    organisations: tuple[PartnerOrganisation, ...] = attrs.field(default=(), converter=_tuple)
    staff: tuple[UniversityStaff, ...] = attrs.field(default=(), converter=_tuple)
    roles: tuple[RoleAssignment, ...] = attrs.field(default=(), converter=_tuple)
    contributions: tuple[Contribution, ...] = attrs.field(default=(), converter=_tuple)
    authorship_offers: tuple[AuthorshipOffer, ...] = attrs.field(default=(), converter=_tuple)
    communities: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    terms_used: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    findings_return: FindingsReturnPlan | None = None
    # Power and money.
    decisions: DecisionRecord | None = None
    involvement: InvolvementEvidence | None = None
    budget: Budget | None = None
    # Payments.
    rate_card: RateCard | None = None
    sessions: tuple[Session, ...] = attrs.field(default=(), converter=_tuple)
    payments: tuple[Payment, ...] = attrs.field(default=(), converter=_tuple)
    timeliness: TimelinessPolicy | None = None
    benefits: Mapping[str, Household] = attrs.field(
        factory=dict, converter=_households, repr=REDACTED, metadata=SENSITIVE
    )
    # Ethics, safeguarding, time, evaluation, the institution.
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_tuple)
    safeguarding: SafeguardingProfile | None = None
    safeguarding_notes: tuple[PersonalNote, ...] = attrs.field(default=(), converter=_tuple)
    timeline: Timeline | None = None
    evaluation: EvaluationPlan | None = None
    university: University | None = None

    def __attrs_post_init__(self) -> None:
        problems = reference_problems(self)
        if problems:
            raise ProjectValidationError(problems)
        if self.has_roles:
            try:
                self.project_roles()
            except ValidationError as error:
                raise ProjectValidationError([error]) from None

    @property
    def has_roles(self) -> bool:
        """Whether the project describes any people, organisations, staff or roles."""
        return bool(self.people or self.organisations or self.staff or self.roles)

    def project_roles(self) -> ProjectRoles:
        """The roles engine's view of the project."""
        return ProjectRoles(
            self.title,
            parties=(*self.people, *self.organisations, *self.staff),
            assignments=self.roles,
            communities=self.communities,
            terms_used=self.terms_used,
            contributions=self.contributions,
            authorship_offers=self.authorship_offers,
            findings_return=self.findings_return,
        )

    def payment_plan(self) -> PaymentPlan:
        """The payments engine's view: every planned payment, in the project's currency."""
        return PaymentPlan(self.title, self.payments, self.currency)

    def safeguarding_profile(self) -> SafeguardingProfile | None:
        """The safeguarding engine's view: the profile, its partners the project's organisations.

        A project names each partner organisation once, in ``organisations`` with the groups
        it has expertise in; the safeguarding engine counts that expertise from there.
        """
        if self.safeguarding is None:
            return None
        return attrs.evolve(self.safeguarding, partners=self.organisations)

    def ethics_project(self) -> EthicsProject:
        """The ethics triage's view: the project's activities."""
        return EthicsProject(self.id, self.activities, self.title)

    def person_name(self, person_id: str) -> str:
        """The name the project gives a person (their id if they are not listed)."""
        for person in self.people:
            if person.id == person_id:
                return person.name
        return person_id
