"""A whole project: one classification per activity, and a summary across them.

The summary counts activities per outcome, lists those that need an ethics application and
those referred, and names the people who are contributors in one activity and research
participants in another (or in the same one), which guidance says should not usually happen
within one study. Within one activity, that activity's own triage already says so; the
project adds a finding for each person whose two roles are in different activities.

>>> import datetime as dt
>>> from participatory.ethics.activity import Activity, Capacity, Party, Task
>>> group = Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR, tasks={Task.ADVISE},
...               facts={"own_data_analysed": False}, people={"p1", "p2"})
>>> survey = Party("advisory group", Capacity.PUBLIC_CONTRIBUTOR,
...                tasks={Task.PROVIDE_OWN_DATA}, facts={"own_data_analysed": True},
...                people={"p1"})
>>> project = EthicsProject("study", activities=[
...     Activity("advice", parties=[group]),
...     Activity("health-questionnaire", parties=[survey], facts={"generalisable": True}),
... ])
>>> summary = assess_ethics(project, as_at=dt.date(2026, 3, 2))
>>> summary.needing_review, summary.contributor_and_participant
(('health-questionnaire',), ('p1',))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import instances
from participatory.core.frozen import FrozenDict
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED
from participatory.core.record import Record, field_repr
from participatory.ethics.activity import Activity
from participatory.ethics.guidance import EthicsGuidance, bundled_guidance
from participatory.ethics.outcomes import (
    _NEVER_WRITTEN,
    Action,
    ActivityClassification,
    PartyStatus,
    TriageOutcome,
)
from participatory.ethics.triage import assess_activity

__all__ = ["EthicsProject", "ProjectEthicsSummary", "assess_ethics"]


def _activities(value: Iterable[Activity]) -> tuple[Activity, ...]:
    activities = instances(Activity, value, "activities", what="activities")
    ids = [a.id for a in activities]
    if len(set(ids)) != len(ids):
        raise ValidationError("activities", "has two activities with the same id")
    return activities


@attrs.frozen
class EthicsProject(Record):
    """A project as the triage sees it: its activities."""

    id: str
    activities: tuple[Activity, ...] = attrs.field(converter=_activities)
    title: str = ""

    def with_sensitive_yes_as_no(self) -> EthicsProject:
        """A copy whose activities answer no where a group answered a sensitive fact yes.

        What the ``ethics`` command prints by default is worked out from it (see
        :meth:`Activity.with_sensitive_yes_as_no
        <participatory.ethics.activity.Activity.with_sensitive_yes_as_no>`).

        >>> from participatory.ethics.activity import Capacity, Party
        >>> group = Party("residents", Capacity.RESEARCH_PARTICIPANT, facts={"vulnerable": True})
        >>> project = EthicsProject("p", [Activity("interviews", parties=[group])])
        >>> project.with_sensitive_yes_as_no().activities[0].parties[0].facts.safeguarding
        ((<Fact.VULNERABLE: 'vulnerable'>, <Answer.NO: 'no'>),)
        """
        shown = tuple(a.with_sensitive_yes_as_no() for a in self.activities)
        return attrs.evolve(self, activities=shown)


@attrs.frozen
class ProjectEthicsSummary(Explained):
    """One classification per activity and what they add up to.

    ``findings`` holds every activity's findings followed by the project-level ones
    (``ETH-ROLE-OVERLAP``, ``ETH-POSSIBLE-ROLE-OVERLAP``). Default serialisation writes
    :attr:`shared` instead, when there is one (as for each activity's
    :attr:`~participatory.ethics.outcomes.ActivityClassification.shared`).
    """

    project_id: str = attrs.field(kw_only=True)
    as_at: dt.date = attrs.field(kw_only=True)
    activities: tuple[ActivityClassification, ...] = attrs.field(kw_only=True)
    #: Every outcome, with how many activities have it (zero included).
    counts: Mapping[TriageOutcome, int] = attrs.field(kw_only=True)
    #: Activities classified as research: each needs an ethics application.
    needing_review: tuple[str, ...] = attrs.field(kw_only=True)
    #: Activities referred to the ethics committee.
    referred: tuple[str, ...] = attrs.field(kw_only=True)
    #: Person ids involved as contributors somewhere and research participants somewhere.
    contributor_and_participant: tuple[str, ...] = attrs.field(kw_only=True)
    #: Person ids involved somewhere who may be participants, depending on unknown facts.
    possibly_contributor_and_participant: tuple[str, ...] = attrs.field(kw_only=True)
    #: The summary of the activities' triage with each group's safeguarding yes read as no,
    #: when some group answered one yes: what default output shows (never in ``repr``, nor
    #: serialised by default, nor compared).
    shared: ProjectEthicsSummary | None = attrs.field(
        default=None, kw_only=True, repr=REDACTED, metadata=_NEVER_WRITTEN, eq=False
    )

    @shared.validator
    def _check_shared(self, _attribute: object, value: object) -> None:
        # The message never quotes the value: whether there is a copy is itself sensitive.
        if value is not None and not isinstance(value, ProjectEthicsSummary):
            raise ValidationError("shared", "must be a ProjectEthicsSummary or None")

    def __repr__(self) -> str:
        # As a triage's: the default copy, which reads the same whatever a safeguarding answer.
        return field_repr(self.shown(include_sensitive=False))

    def shown(self, *, include_sensitive: bool) -> ProjectEthicsSummary:
        """What a copy is made from: this summary, or (by default) :attr:`shared` if any.

        >>> import datetime as dt
        >>> summary = assess_ethics(EthicsProject("p", ()), as_at=dt.date(2026, 12, 7))
        >>> summary.shown(include_sensitive=False) is summary
        True
        """
        return self if include_sensitive or self.shared is None else self.shared

    def _default_copy(self) -> ProjectEthicsSummary:
        # What the default plain data (participatory.core.serialise) writes.
        return self.shown(include_sensitive=False)

    def classification(self, activity_id: str) -> ActivityClassification:
        """The classification of one activity."""
        for result in self.activities:
            if result.activity_id == activity_id:
                return result
        raise KeyError(activity_id)


def _people_by_status(
    results: Iterable[ActivityClassification],
) -> dict[PartyStatus, dict[str, list[str]]]:
    found: dict[PartyStatus, dict[str, list[str]]] = {status: {} for status in PartyStatus}
    for result in results:
        for role in result.roles:
            for person in role.people:
                activities = found[role.status].setdefault(person, [])
                if result.activity_id not in activities:
                    activities.append(result.activity_id)
    return found


def _across(contributor_in: list[str], participant_in: list[str]) -> bool:
    """Whether a contributor role and a participant role are in two different activities."""
    return any(a != b for a in contributor_in for b in participant_in)


def assess_ethics(
    project: EthicsProject, *, as_at: dt.date, guidance: EthicsGuidance | None = None
) -> ProjectEthicsSummary:
    """Classify every activity of ``project`` and summarise the outcomes and roles."""
    if not isinstance(project, EthicsProject):
        raise ValidationError("project", "must be an EthicsProject")
    as_at = to_date(as_at, "as_at")
    guidance = guidance or bundled_guidance()
    results = tuple(assess_activity(a, as_at=as_at, guidance=guidance) for a in project.activities)
    summary = _summary(project, as_at, guidance, results)
    if all(r.shared is None for r in results):
        return summary
    shared = tuple(r if r.shared is None else r.shared for r in results)
    return attrs.evolve(summary, shared=_summary(project, as_at, guidance, shared))


def _summary(
    project: EthicsProject,
    as_at: dt.date,
    guidance: EthicsGuidance,
    results: tuple[ActivityClassification, ...],
) -> ProjectEthicsSummary:
    counts = dict.fromkeys(TriageOutcome, 0)
    for result in results:
        counts[result.outcome] += 1

    people = _people_by_status(results)
    involved = people[PartyStatus.INVOLVED]
    certain = sorted(set(involved) & set(people[PartyStatus.PARTICIPANT]))
    possible = sorted(
        (set(involved) & set(people[PartyStatus.POSSIBLE_PARTICIPANT])) - set(certain)
    )
    citations = guidance.point("contributors_not_also_participants").citations
    # Two roles in one activity are that activity's finding already: the project's findings
    # are for roles in different activities.
    participant_in = people[PartyStatus.PARTICIPANT]
    certain_across = [p for p in certain if _across(involved[p], participant_in[p])]
    possible_across = [
        p for p in possible if _across(involved[p], people[PartyStatus.POSSIBLE_PARTICIPANT][p])
    ]
    # Keyword mappings: the attrs plugin mistypes ``converter=tuple`` fields.
    extra: dict[str, Any] = {"citations": citations, "actions": (Action.SEPARATE_ROLES.value,)}
    overlap = [
        Finding(
            rule_id,
            severity,
            key,
            {
                "person": person,
                "contributor_in": involved[person],
                "participant_in": people[status][person],
            },
            subject=person,
            **extra,
        )
        for rule_id, severity, key, status, chosen in (
            ("ETH-ROLE-OVERLAP", Severity.WARNING, "ethics.role_overlap",
             PartyStatus.PARTICIPANT, certain_across),
            ("ETH-POSSIBLE-ROLE-OVERLAP", Severity.ADVICE, "ethics.possible_role_overlap",
             PartyStatus.POSSIBLE_PARTICIPANT, possible_across),
        )
        for person in chosen
    ]  # fmt: skip
    findings: dict[str, Any] = {"findings": [f for r in results for f in r.findings] + overlap}
    return ProjectEthicsSummary(
        **findings,
        project_id=project.id,
        as_at=as_at,
        activities=results,
        counts=FrozenDict(counts),
        needing_review=tuple(r.activity_id for r in results if r.outcome is TriageOutcome.RESEARCH),
        referred=tuple(r.activity_id for r in results if r.outcome is TriageOutcome.REFER),
        contributor_and_participant=tuple(certain),
        possibly_contributor_and_participant=tuple(possible),
    )
