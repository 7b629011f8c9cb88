"""What the triage concludes about an activity, and what that conclusion asks people to do.

:class:`TriageOutcome` values are ordered by how much review they call for
(:attr:`TriageOutcome.review_rank`): involvement and engagement (and an activity of staff
that studies nobody) need no research ethics review; service evaluation, clinical audit,
usual practice, and anything else that is not research, need local governance but no
research ethics committee; research, and any case referred because the facts do not decide
it, go before a committee. *Which* committee or body is the activity's review route
(:mod:`participatory.ethics.bodies`).

>>> ranks = [o.review_rank for o in (TriageOutcome.INVOLVEMENT, TriageOutcome.CLINICAL_AUDIT,
...                                   TriageOutcome.REFER)]
>>> ranks == sorted(set(ranks))
True
>>> TriageOutcome.REFER.needs_committee, TriageOutcome.SERVICE_EVALUATION.needs_committee
(True, False)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained
from participatory.core.privacy import REDACTED
from participatory.core.record import Record, field_repr
from participatory.core.sources import MAINTAINERS_ONLY
from participatory.ethics.activity import Capacity
from participatory.ethics.bodies import Requirement, ReviewRoute
from participatory.ethics.facts import Fact

__all__ = [
    "Action",
    "ActivityClassification",
    "MissingFact",
    "OpenQuestion",
    "PartyRole",
    "PartyStatus",
    "QuestionKind",
    "TriageOutcome",
]

#: Metadata of a result's default copy: never written as a field (by default the copy is
#: written in the result's place; with sensitive data, the result itself is). Not marked
#: sensitive: the copy is what default output shows, not what it withholds.
_NEVER_WRITTEN: Final = MAINTAINERS_ONLY


class TriageOutcome(enum.Enum):
    """The classification of one activity."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: Public involvement: no research ethics review for the involvement itself.
    INVOLVEMENT = "involvement"
    #: Engagement: information about research is provided and disseminated.
    ENGAGEMENT = "engagement"
    #: Service evaluation: judges the current service without a standard.
    SERVICE_EVALUATION = "service_evaluation"
    #: Clinical audit: measures a service against a predetermined standard.
    CLINICAL_AUDIT = "clinical_audit"
    #: Usual practice in public health / health surveillance.
    USUAL_PRACTICE = "usual_practice"
    #: Not research (every HRA question is no); which kind of activity is still to settle.
    NOT_RESEARCH = "not_research"
    #: Staff only, and nobody's data or views studied: no participants, no public involved.
    NO_PEOPLE_STUDIED = "no_people_studied"
    #: Research with human participants: ethics review needed.
    RESEARCH = "research"
    #: Grey area: the facts do not decide the case, refer it to the ethics committee.
    REFER = "refer"

    @property
    def review_rank(self) -> int:
        """Need for review: 0 none, 1 local governance, 2 an ethics committee must see it."""
        return _RANKS[self]

    @property
    def needs_committee(self) -> bool:
        """Whether a research ethics committee must see the activity before it starts."""
        return self.review_rank == _COMMITTEE

    @property
    def label(self) -> str:
        """The outcome in words."""
        return _LABELS[self]


_COMMITTEE: Final = 2
_RANKS: Final = {
    TriageOutcome.INVOLVEMENT: 0,
    TriageOutcome.ENGAGEMENT: 0,
    TriageOutcome.SERVICE_EVALUATION: 1,
    TriageOutcome.CLINICAL_AUDIT: 1,
    TriageOutcome.USUAL_PRACTICE: 1,
    TriageOutcome.NOT_RESEARCH: 1,
    TriageOutcome.NO_PEOPLE_STUDIED: 0,
    TriageOutcome.RESEARCH: _COMMITTEE,
    TriageOutcome.REFER: _COMMITTEE,
}
_LABELS: Final = {
    TriageOutcome.INVOLVEMENT: "public involvement",
    TriageOutcome.ENGAGEMENT: "public engagement",
    TriageOutcome.SERVICE_EVALUATION: "service evaluation",
    TriageOutcome.CLINICAL_AUDIT: "clinical audit",
    TriageOutcome.USUAL_PRACTICE: "usual practice / health surveillance",
    TriageOutcome.NOT_RESEARCH: "not research (audit, service evaluation or surveillance: which "
    "is still to settle)",
    TriageOutcome.NO_PEOPLE_STUDIED: "nobody studied and no public involved",
    TriageOutcome.RESEARCH: "research with human participants",
    TriageOutcome.REFER: "grey area: refer to the research ethics committee",
}


class Action(enum.Enum):
    """A step an outcome implies. The value is the message key of its sentence."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    ETHICS_APPLICATION = "ethics.action.ethics_application"
    CONSENT_AND_INFORMATION = "ethics.action.consent_and_information"
    ROLE_DESCRIPTION = "ethics.action.role_description"
    INVOLVEMENT_LOG = "ethics.action.involvement_log"
    PAY_PER_POLICY = "ethics.action.pay_per_policy"
    CO_RESEARCHER_SUPPORT = "ethics.action.co_researcher_support"
    SAFEGUARDING = "ethics.action.safeguarding"
    ESTABLISH_SAFEGUARDING_FACTS = "ethics.action.establish_safeguarding_facts"
    REFER_TO_COMMITTEE = "ethics.action.refer_to_committee"
    LOCAL_GOVERNANCE = "ethics.action.local_governance"
    SEPARATE_ROLES = "ethics.action.separate_roles"
    CHECK_EXISTING_APPROVAL = "ethics.action.check_existing_approval"
    SETTLE_ACTIVITY_KIND = "ethics.action.settle_activity_kind"
    ANSWER_ROUTE_QUESTIONS = "ethics.action.answer_route_questions"
    APPLY_BY_ROUTE = "ethics.action.apply_by_route"


class PartyStatus(enum.Enum):
    """What a group is in an activity, whatever capacity the project gave it."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: Involved as contributors or co-researchers; not research participants.
    INVOLVED = "involved"
    #: Research participants (or the subjects of an audit or evaluation).
    PARTICIPANT = "participant"
    #: Whether they are participants depends on a fact nobody has answered yet.
    POSSIBLE_PARTICIPANT = "possible_participant"
    #: An audience for engagement.
    AUDIENCE = "audience"
    #: Staff in their job role.
    STAFF = "staff"


@attrs.frozen
class MissingFact(Record):
    """An unanswered fact whose answer would decide the case (``party`` None: the activity)."""

    fact: Fact
    party: str | None = None


class QuestionKind(enum.Enum):
    """What an open question's answer settles, when it does not decide the outcome."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: Which review route(s) apply.
    ROUTE = "route"
    #: Which nations the activity takes place in (the bodies differ by nation).
    NATIONS = "nations"
    #: Which kind of non-research activity it is (audit, evaluation or surveillance).
    ACTIVITY_KIND = "activity_kind"


@attrs.frozen
class OpenQuestion(Record):
    """A question still to answer that does not decide the outcome but settles something.

    ``fact`` is ``None`` for the nations question; ``party`` is the group a party fact is
    about (``None``: the activity). ``sensitive`` is true for a question about a sensitive
    fact (a group's capacity, custody, age or vulnerability: :attr:`Fact.sensitive`) and
    for one asked only because the routes rest on a yes to one (what each answer leads to
    names a capacity body or HMPPS): default serialisation withholds it whole, like a
    sensitive route, whatever order the findings that explain the questions come in. It
    says how the question may be shown, not what it asks: two questions about the same fact
    of the same group are equal either way.

    >>> from participatory.core.serialise import unstructure
    >>> question = OpenQuestion(QuestionKind.ROUTE, Fact.MAY_LACK_CAPACITY, "residents",
    ...                         sensitive=True)
    >>> unstructure(question)["withheld"], unstructure(question)["party"]
    (True, None)
    """

    kind: QuestionKind
    fact: Fact | None = None
    party: str | None = None
    sensitive: bool = attrs.field(default=False, eq=False)


@attrs.frozen
class PartyRole(Record):
    """The status the triage gave one group, and the person ids in it."""

    label: str
    capacity: Capacity
    status: PartyStatus
    people: frozenset[str] = frozenset()


@attrs.frozen
class ActivityClassification(Explained):
    """The triage of one activity: outcome, the status of each group, reasons and actions.

    The findings carry the reasons (rule ids such as ``ETH-HRA-RANDOMISATION``), the
    citations and the actions; ``deciding_facts`` lists the unanswered facts that would
    decide a referred case. Once the outcome is settled, ``routes`` names who reviews the
    activity (:class:`~participatory.ethics.bodies.ReviewRoute`, the most senior bodies
    first) and ``open_questions`` what is still to answer to settle the routes or the kind
    of activity. A route that rests on a group's capacity or custody is marked sensitive:
    its repr is redacted and default serialisation withholds it.

    Withholding alone would still let what is shown differ with a group's safeguarding
    answer (the university REC required, or left to its policy beside a withheld capacity
    body), so default serialisation writes :attr:`shared` instead, when there is one, and
    ``repr`` shows it too (a log line or a traceback is a default output).

    >>> import datetime as dt
    >>> full = ActivityClassification(activity_id="a", outcome=TriageOutcome.RESEARCH,
    ...                               as_at=dt.date(2026, 12, 7))
    >>> shared = attrs.evolve(full, outcome=TriageOutcome.INVOLVEMENT)
    >>> from participatory.core.serialise import unstructure
    >>> unstructure(attrs.evolve(full, shared=shared))["outcome"]
    'involvement'
    >>> unstructure(attrs.evolve(full, shared=shared), include_sensitive=True)["outcome"]
    'research'
    """

    activity_id: str = attrs.field(kw_only=True)
    outcome: TriageOutcome = attrs.field(kw_only=True)
    as_at: dt.date = attrs.field(kw_only=True)
    roles: tuple[PartyRole, ...] = attrs.field(default=(), kw_only=True)
    deciding_facts: tuple[MissingFact, ...] = attrs.field(default=(), kw_only=True)
    routes: tuple[ReviewRoute, ...] = attrs.field(default=(), kw_only=True)
    open_questions: tuple[OpenQuestion, ...] = attrs.field(default=(), kw_only=True)
    #: The triage of the same activity with each group's yes to a safeguarding fact read as
    #: no (:meth:`Activity.with_sensitive_yes_as_no
    #: <participatory.ethics.activity.Activity.with_sensitive_yes_as_no>`), when some group
    #: answered one yes: what default output shows. Whether there is one would say that a
    #: group may lack capacity, is in custody, vulnerable or under 18: never in ``repr`` nor
    #: serialised by default, and not compared (it follows from the same answers).
    shared: ActivityClassification | None = attrs.field(
        default=None, kw_only=True, repr=REDACTED, metadata=_NEVER_WRITTEN, eq=False
    )

    @shared.validator
    def _check_shared(self, _attribute: object, value: object) -> None:
        # The message never quotes the value: whether there is a copy is itself sensitive.
        if value is not None and not isinstance(value, ActivityClassification):
            raise ValidationError("shared", "must be an ActivityClassification or None")

    def __repr__(self) -> str:
        # A log line or a traceback shows the default copy: the triage's own fields would hold
        # a withheld finding, or lack a route, only when a group answered a safeguarding yes.
        return field_repr(self.shown(include_sensitive=False))

    def shown(self, *, include_sensitive: bool) -> ActivityClassification:
        """What a copy is made from: this triage, or (by default) :attr:`shared` if any.

        >>> import datetime as dt
        >>> triage = ActivityClassification(activity_id="a", outcome=TriageOutcome.RESEARCH,
        ...                                 as_at=dt.date(2026, 12, 7))
        >>> triage.shown(include_sensitive=False) is triage
        True
        """
        return self if include_sensitive or self.shared is None else self.shared

    def _default_copy(self) -> ActivityClassification:
        # What the default plain data (participatory.core.serialise) writes: the triage of the
        # answers with each safeguarding yes read as no, so it reads the same for yes and no.
        return self.shown(include_sensitive=False)

    @property
    def route_level(self) -> int:
        """The highest level of a required route (0 when none is required)."""
        return max(
            (r.body.level for r in self.routes if r.requirement is Requirement.REQUIRED),
            default=0,
        )

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action the findings imply, once each, in the order first implied."""
        seen: dict[Action, None] = {}
        for finding in self.findings:
            for key in finding.actions:
                seen.setdefault(Action(key), None)
        return tuple(seen)

    def actions_shown(self, *, include_sensitive: bool = False) -> tuple[Action, ...]:
        """The actions of the findings default output shows, once each, in order.

        An action only a sensitive finding implies (safeguarding, for a group with people
        under 18) would tell what the withheld finding says, so by default it is left out
        like the finding itself; ``include_sensitive`` gives :attr:`actions`.
        """
        seen: dict[Action, None] = {}
        for finding in self.findings:
            if finding.sensitive and not include_sensitive:
                continue
            for key in finding.actions:
                seen.setdefault(Action(key), None)
        return tuple(seen)

    def status_of(self, label: str) -> PartyStatus:
        """The status given to the group ``label``."""
        for role in self.roles:
            if role.label == label:
                return role.status
        raise KeyError(label)
