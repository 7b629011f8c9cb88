"""Over-asking: how often each person and each community was asked to take part.

The Bath report records a public-engagement professional's warning that community groups
are "bombarded by too many requests" (§5.8). Each project sees only its own requests; the
ledger sees them all. :func:`assess_over_asking` counts, over a rolling window ending on the
day asked about, the distinct activities (and the projects they belong to) each person and
each community was asked into, and reports every one past the institution's thresholds.

A person is counted for the asks made to them. A community is counted for the asks made to
it and to its members (one activity counts once, however many members were asked): the
burden falls on the group either way. Which communities a person belongs to is
special-category data, so every finding about a community is sensitive.

The thresholds and the window are dated institution policy (``ledger.over_asking.*``): no law
sets them, and the bundled defaults are the library's own policy, which an institution
replaces by laying its own parameter file over them.

>>> import datetime as dt
>>> from participatory.ledger import Ask, Contributor, Ledger
>>> asks = [Ask(f"a{i}", f"project-{i % 4}", f"workshop-{i}", dt.date(2026, 11, 1) +
...             dt.timedelta(days=i), person="c-7") for i in range(8)]
>>> result = assess_over_asking(Ledger(contributors=[Contributor("c-7")], asks=asks),
...                             as_at=dt.date(2026, 12, 6))
>>> result.people["c-7"], [f.rule_id for f in result.findings]
(AskCount(activities=8, projects=4), ['LEDGER-OVER-ASKED-PERSON'])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, ParameterUse, Severity
from participatory.core.fields import keyed
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.core.sources import cite
from participatory.ledger.model import Ledger, as_at_day

__all__ = ["MESSAGES", "AskCount", "OverAsking", "assess_over_asking"]

MESSAGES: Final[Mapping[str, object]] = {
    "ledger.over_asking.person": (
        # Not opened by the id: a sentence's first letter is capitalised, and "C1" may be
        # another contributor than "c1".
        "Contributor {person} was asked into more than the institution has set in the "
        "{days}-day period to {as_at}: activities {activities} (at most {activity_limit}), "
        "projects {projects} (at most {project_limit}). Coordinate the requests before asking "
        "again."
    ),
    "ledger.over_asking.community": (
        "The community {community} was asked, directly or through its members, into more "
        "than the institution has set in the {days}-day period to {as_at}: activities "
        "{activities} (at most {activity_limit}), projects {projects} (at most "
        "{project_limit}). Coordinate the requests before asking again."
    ),
    "ledger.over_asking.within": (
        "No person or community was asked into more activities or projects than the "
        "institution has set in the {days}-day period to {as_at}."
    ),
    # The words of the ``ledger over-asking`` text report around its findings, here so that
    # a Welsh report says them in Welsh too.
    "ledger.over_asking.report.heading": "Asks from {start} to {end}:",
    "ledger.over_asking.report.person": (
        "Contributor {person}: activities {activities}, projects {projects}"
    ),
    "ledger.over_asking.report.community": (
        "Community {community}: activities {activities}, projects {projects}"
    ),
    "ledger.over_asking.report.communities_withheld": {
        "by": "count",
        "one": "{count} community (its name withheld: --include-sensitive)",
        "other": "{count} communities (their names withheld: --include-sensitive)",
    },
    "ledger.over_asking.report.findings_withheld": {
        "by": "count",
        "one": "{count} finding about communities withheld (--include-sensitive).",
        "other": "{count} findings about communities withheld (--include-sensitive).",
    },
}

_PREFIX: Final = "ledger.over_asking."
# The longest window (days) an institution may set: ten years of 366 days. Over-asking is
# about the weeks and months in which requests pile up; a longer window counts asks no one
# still feels, and a window of millions of days reaches before the calendar begins.
_MAX_WINDOW_DAYS: Final = 3_660
# The thresholds: a count above its threshold is reported. Zero (report any ask) has a
# meaning; a negative count has none.
_THRESHOLDS: Final = (
    "person_activities",
    "person_projects",
    "community_activities",
    "community_projects",
)


@attrs.frozen
class AskCount(Record):
    """How many distinct activities, and projects, someone was asked into."""

    activities: int
    projects: int


def _counts(value: Mapping[str, AskCount]) -> dict[str, AskCount]:
    return keyed(value, "counts", str, (AskCount,))


@attrs.frozen
class OverAsking(Explained):
    """The counts for every person and community asked within the window, and the findings.

    ``communities`` (which communities were asked, and how often) comes partly from people's
    memberships, so it is sensitive; the findings about communities are too.
    """

    as_at: dt.date
    window: DateRange
    people: Mapping[str, AskCount] = attrs.field(converter=_counts)
    communities: Mapping[str, AskCount] = attrs.field(
        converter=_counts, repr=REDACTED, metadata=SENSITIVE
    )

    @property
    def over_asked_people(self) -> tuple[str, ...]:
        """The people past a threshold, in id order."""
        found = self.by_rule("LEDGER-OVER-ASKED-PERSON")
        return tuple(sorted(f.subject for f in found if f.subject is not None))


def _count(pairs: set[tuple[str, str]]) -> AskCount:
    return AskCount(len(pairs), len({project for project, _ in pairs}))


def assess_over_asking(
    ledger: Ledger, *, as_at: dt.date, parameters: ParameterSet | None = None
) -> OverAsking:
    """Count the asks in the window ending ``as_at``; report those past the thresholds.

    ``parameters`` defaults to the bundled data; an institution passes its own set
    (:func:`participatory.core.params.load_parameters` with its file) to use its thresholds.
    """
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    as_at = as_at_day(as_at)
    params = parameters if parameters is not None else bundled_parameters()
    uses = {name: params.use(_PREFIX + name, as_at) for name in ("window_days", *_THRESHOLDS)}
    limits = {name: _whole(use) for name, use in uses.items()}
    if not 1 <= limits["window_days"] <= _MAX_WINDOW_DAYS:
        raise ValidationError(
            _PREFIX + "window_days",
            f"must be from 1 to {_MAX_WINDOW_DAYS:,} days (ten years)",
            hint=f"it is {limits['window_days']:,}",
        )
    for name in _THRESHOLDS:
        if limits[name] < 0:
            raise ValidationError(
                _PREFIX + name,
                "must be zero or more (how many may be asked for before it is reported)",
                hint=f"it is {limits[name]:,}",
            )
    # The window never starts before the calendar does (a day early in year 1 is a date).
    reach = min(limits["window_days"] - 1, (as_at - dt.date.min).days)
    window = DateRange(as_at - dt.timedelta(days=reach), as_at)
    by_person: dict[str, set[tuple[str, str]]] = {}
    by_community: dict[str, set[tuple[str, str]]] = {}
    for ask in ledger.asks_between(window):
        activity = (ask.project, ask.activity)
        if ask.person is not None:
            by_person.setdefault(ask.person, set()).add(activity)
            for community in ledger.contributors[ask.person].communities:
                by_community.setdefault(community, set()).add(activity)
        elif ask.community is not None:
            by_community.setdefault(ask.community, set()).add(activity)
    people = {person: _count(pairs) for person, pairs in sorted(by_person.items())}
    communities = {name: _count(pairs) for name, pairs in sorted(by_community.items())}
    citation = cite("bath_report_2022#stubbs_requests")
    shared = {"days": limits["window_days"], "as_at": as_at}
    findings: list[Finding] = []
    for person, count in people.items():
        if count.activities > limits["person_activities"] or (
            count.projects > limits["person_projects"]
        ):
            findings.append(
                Finding(
                    "LEDGER-OVER-ASKED-PERSON",
                    Severity.WARNING,
                    "ledger.over_asking.person",
                    {"person": person, "activities": count.activities,
                     "projects": count.projects, "activity_limit": limits["person_activities"],
                     "project_limit": limits["person_projects"], **shared},
                    citations=(citation,),
                    parameters=_used(uses, "window_days", "person_activities", "person_projects"),
                    subject=person,
                )
            )  # fmt: skip
    for community, count in communities.items():
        if count.activities > limits["community_activities"] or (
            count.projects > limits["community_projects"]
        ):
            findings.append(
                Finding(
                    "LEDGER-OVER-ASKED-COMMUNITY",
                    Severity.WARNING,
                    "ledger.over_asking.community",
                    {"community": community, "activities": count.activities,
                     "projects": count.projects,
                     "activity_limit": limits["community_activities"],
                     "project_limit": limits["community_projects"], **shared},
                    citations=(citation,),
                    parameters=_used(
                        uses, "window_days", "community_activities", "community_projects"
                    ),
                    sensitive=True,
                )
            )  # fmt: skip
    if not findings:
        findings.append(
            Finding(
                "LEDGER-ASKING-WITHIN-LIMITS",
                Severity.MET,
                "ledger.over_asking.within",
                shared,
                citations=(citation,),
                parameters=tuple(uses.values()),
            )
        )
    return OverAsking(as_at, window, people, communities, findings=findings)


def _whole(use: ParameterUse) -> int:
    value = use.value
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(use.name, "must be a whole number")
    return value


def _used(uses: Mapping[str, ParameterUse], *names: str) -> tuple[ParameterUse, ...]:
    return tuple(uses[name] for name in names)
