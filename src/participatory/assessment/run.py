"""``assess``: every engine the project gives input for, one :class:`GovernanceReport`.

Each area's section holds the engine's findings and the figures it computed; an area the
project says nothing about gets a section marked ``not_assessed``. The ``DATA`` section
says whether every dated figure was current, and which figures in force until superseded
were last checked longer ago than the review interval (``ASSESS-DATA-REVIEW-DUE``).

**Out-of-date data.** A figure asked for on a date past its data's ``valid_until`` is
never used silently. With ``on_stale="refuse"`` the engine's
:class:`~participatory.core.errors.ParametersNotAvailable` goes to the caller. With
``on_stale="report"`` (the default) the last known value is used through the explicit
stale fallback (:meth:`~participatory.core.params.ParameterSet.use` with
``allow_stale=True``; a rate card's last rates), and the ``DATA`` section carries a
warning naming the date the data runs to.

>>> import datetime as dt
>>> from participatory.project import Project
>>> report = assess(Project(id="p", title="A project", label="co_production"),
...                 as_at=dt.date(2026, 6, 1))
>>> report.section(Area.POWER).figures[0].value
1
>>> report.section(Area.BUDGET).not_assessed
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Final, Literal

from participatory.assessment.alignment import assess_alignment
from participatory.assessment.messages import ethics_label, figure, readiness_label
from participatory.assessment.money import benefits_section, payments_section
from participatory.assessment.report import Area, Figure, GovernanceReport, ReportSection
from participatory.benefits.household import Household
from participatory.benefits.receipts import Receipt
from participatory.budget.review import assess_budget
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.params import REVIEW_INTERVAL, ParameterSet, bundled_parameters
from participatory.core.periods import DateRange, to_date
from participatory.ethics.project import ProjectEthicsSummary, assess_ethics
from participatory.evaluation.assess import assess_evaluation
from participatory.payments.rates import RateCard
from participatory.power.decisions import DecisionRecord
from participatory.power.review import PowerReview, assess_power
from participatory.project.model import Project
from participatory.readiness.assess import assess_readiness
from participatory.readiness.criteria import Maturity
from participatory.roles.review import assess_roles
from participatory.safeguarding.assess import assess_safeguarding
from participatory.timeline.assess import assess_timeline

if TYPE_CHECKING:
    from participatory.ledger.model import Ledger

__all__ = ["ON_STALE", "OnStale", "assess"]

OnStale = Literal["report", "refuse"]
#: The choices for ``on_stale``.
ON_STALE: Final = ("report", "refuse")


class _LastKnownValues(ParameterSet):
    """A parameter set that falls back to the last known value past ``valid_until``.

    For engines that read parameters without an ``allow_stale`` switch of their own; every
    value read this way is marked ``stale``, so the report can say so.
    """

    __slots__ = ()

    def use(self, name: str, as_at: dt.date, *, allow_stale: bool = False) -> ParameterUse:
        return super().use(name, as_at, allow_stale=True)


def _others(
    project: Project, ledger: Ledger | None
) -> Callable[[Household], tuple[Receipt, ...]] | None:
    """What each household received from other projects and payers, from the ledger."""
    if ledger is None:
        return None
    # The ledger's modules are imported only for an assessment given a ledger.
    from participatory.ledger.before_paying import CONTEXT_DAYS
    from participatory.ledger.model import Ledger
    from participatory.ledger.project_view import others_for_project

    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    days = [payment.received_on for payment in project.payments]
    if not days:
        return others_for_project(ledger, project.id)
    margin = dt.timedelta(days=CONTEXT_DAYS)
    window = DateRange(min(days) - margin, max(days) + margin)
    return others_for_project(ledger, project.id, window=window)


def _roles(project: Project, as_at: dt.date) -> ReportSection:
    if not project.has_roles:
        return ReportSection(Area.ROLES, not_assessed=True)
    review = assess_roles(project.project_roles(), as_at=as_at)
    figures = [
        figure("people", len(project.people)),
        figure("organisations", len(project.organisations)),
        figure("staff", len(project.staff)),
    ]
    return ReportSection(Area.ROLES, review.findings, figures)


def _power(project: Project) -> tuple[ReportSection, PowerReview | None]:
    if project.decisions is None and project.label is None and project.involvement is None:
        return ReportSection(Area.POWER, not_assessed=True), None
    review = assess_power(
        project.decisions or DecisionRecord(), label=project.label, evidence=project.involvement
    )
    placement = review.placement
    figures = [
        figure("arnstein_rung", placement.rung.number),
        figure("arnstein_name", placement.rung.name),
    ]
    if placement.iap2 is not None:
        figures.append(figure("iap2_level", placement.iap2.name))
    return ReportSection(Area.POWER, review.findings, figures), review


def _budget(project: Project, power: PowerReview | None) -> ReportSection:
    if project.budget is None:
        return ReportSection(Area.BUDGET, not_assessed=True)
    review = assess_budget(project.budget)
    findings = list(review.findings)
    if power is not None:
        findings.extend(assess_alignment(power, review).findings)
    # The shares as the budget's sentences show them, so a figure reads the same everywhere.
    shown = review.shown
    return ReportSection(
        Area.BUDGET,
        findings,
        (
            figure("budget_total", review.distribution.total),
            figure("community_held_share", shown.community, is_share=True),
            figure("reaching_members_share", shown.members, is_share=True),
            figure("before_application_share", shown.before_application, is_share=True),
        ),
    )


def _ethics_section(summary: ProjectEthicsSummary) -> ReportSection:
    figures = [Figure(ethics_label(outcome), count) for outcome, count in summary.counts.items()]
    figures.append(figure("ethics_needing_review", len(summary.needing_review)))
    return ReportSection(Area.ETHICS, summary.findings, figures)


def _ethics(project: Project, as_at: dt.date) -> tuple[ReportSection, ReportSection | None]:
    """The Ethics section, and the one the default copy shows instead (if it differs).

    As for the ``ethics`` command, the default copy is the triage of the answers with each
    group's safeguarding yes read as no (:meth:`EthicsProject.with_sensitive_yes_as_no`):
    a yes to capacity or custody changes findings that are not withheld.
    """
    if not project.activities:
        return ReportSection(Area.ETHICS, not_assessed=True), None
    # The triage works out its shared copy itself, a second time only for an activity in
    # which some group answered a safeguarding fact yes.
    summary = assess_ethics(project.ethics_project(), as_at=as_at)
    shared = summary.shared
    return _ethics_section(summary), None if shared is None else _ethics_section(shared)


def _safeguarding(project: Project) -> ReportSection:
    profile = project.safeguarding_profile()
    if profile is None:
        return ReportSection(Area.SAFEGUARDING, not_assessed=True)
    result = assess_safeguarding(profile, project.safeguarding_notes)
    figures = [
        figure("safeguarding_expected", len(result.expected)),
        figure("safeguarding_missing", len(result.missing)),
    ]
    return ReportSection(Area.SAFEGUARDING, result.findings, figures)


def _timeline(project: Project, as_at: dt.date, parameters: ParameterSet) -> ReportSection:
    if project.timeline is None:
        return ReportSection(Area.TIMELINE, not_assessed=True)
    result = assess_timeline(project.timeline, as_at=as_at, parameters=parameters)
    figures = [
        figure("pre_application_days", result.pre_application_days),
        figure("co_production_multiplier", result.multiplier),
        figure("realistic_end", result.realistic_end),
    ]
    return ReportSection(Area.TIMELINE, result.findings, figures)


def _evaluation(project: Project) -> ReportSection:
    if project.evaluation is None:
        return ReportSection(Area.EVALUATION, not_assessed=True)
    result = assess_evaluation(project.evaluation)
    return ReportSection(
        Area.EVALUATION,
        result.findings,
        (figure("missing_captures", len(result.missing_captures)),),
    )


def _readiness(project: Project, as_at: dt.date) -> ReportSection:
    if project.university is None:
        return ReportSection(Area.READINESS, not_assessed=True)
    profile = assess_readiness(project.university, as_at=as_at)
    figures = [Figure(readiness_label(level), profile.count(level)) for level in Maturity]
    return ReportSection(Area.READINESS, profile.findings, figures)


#: Figures by name: the last use of each read, and whether only sensitive findings read it.
_Flagged = dict[str, tuple[ParameterUse, bool]]


def _flagged(sections: list[ReportSection]) -> tuple[_Flagged, _Flagged]:
    """The stale figures the findings read, and those due a review, in one pass over them."""
    stale: _Flagged = {}
    due: _Flagged = {}
    for section in sections:
        for finding in section.findings:
            for use in finding.parameters:
                if use.stale:
                    seen = stale.get(use.name)
                    stale[use.name] = (use, finding.sensitive and (seen is None or seen[1]))
                if use.review_due:
                    seen = due.get(use.name)
                    due[use.name] = (use, finding.sensitive and (seen is None or seen[1]))
    return stale, due


def _review_due(due: _Flagged, parameters: ParameterSet, as_at: dt.date) -> Finding | None:
    """Figures in force until superseded that were last checked too long ago, if any."""
    if not due:
        return None
    checked = [use.checked_on for use, _ in due.values() if use.checked_on is not None]
    # As for stale figures: names read only by sensitive findings are counted, not named.
    public = [use for use, sensitive in due.values() if not sensitive]
    return Finding(
        "ASSESS-DATA-REVIEW-DUE",
        Severity.ADVICE,
        "assessment.data_review_due",
        {
            "count": len(due),
            "days": parameters.use(REVIEW_INTERVAL, as_at, allow_stale=True).value,
            "oldest": min(checked) if checked else None,
            "names": ", ".join(use.name for use in public) or "withheld",
        },
        parameters=public,
    )


def _data(
    sections: list[ReportSection],
    notices: list[Finding],
    parameters: ParameterSet,
    as_at: dt.date,
) -> ReportSection:
    stale, due = _flagged(sections)
    findings = list(notices)
    review = _review_due(due, parameters, as_at)
    if review is not None:
        findings.append(review)
    if stale:
        ends = [
            end
            for name in stale
            if name in parameters and (end := parameters[name].valid_until) is not None
        ]
        # Names read only by sensitive findings (a benefit's rates) would say that someone
        # in the project receives that benefit: they are counted, not named.
        public = [use for use, sensitive in stale.values() if not sensitive]
        findings.insert(
            0,
            Finding(
                "ASSESS-STALE-DATA",
                Severity.WARNING,
                "assessment.data_stale",
                {
                    "count": len(stale),
                    "runs_to": min(ends) if ends else None,
                    "names": ", ".join(use.name for use in public) or "withheld",
                },
                parameters=public,
            ),
        )
    if not findings or all(f.rule_id == "ASSESS-DATA-REVIEW-DUE" for f in findings):
        findings.append(Finding("ASSESS-DATA-CURRENT", Severity.MET, "assessment.data_current"))
    return ReportSection(Area.DATA, findings)


@computes_exactly
def assess(
    project: Project,
    *,
    as_at: dt.date,
    parameters: ParameterSet | None = None,
    rate_card: RateCard | None = None,
    on_stale: OnStale = "report",
    ledger: Ledger | None = None,
) -> GovernanceReport:
    """Run every engine ``project`` gives input for, as things stand on ``as_at``.

    ``parameters`` replaces the bundled dated parameters (an institution's own, or a
    "what if"); ``rate_card`` replaces the project's own card. ``on_stale`` says what to do
    with a figure asked for past its data's ``valid_until``: ``"report"`` it in the DATA
    section and use the last known value, or ``"refuse"`` (raise
    :class:`~participatory.core.errors.ParametersNotAvailable`).

    ``ledger`` is the contributors' ledger (:class:`~participatory.ledger.Ledger`): with it,
    each household's benefits are checked with what its members were paid or are due from
    other projects and payers in the same periods counted too (never listed), and the
    ledger's entries for this project (its id) left out, since the project's own payments
    come from the project.
    """
    if not isinstance(project, Project):
        raise ValidationError("project", "must be a Project")
    if on_stale not in ON_STALE:
        raise ValidationError("on_stale", "must be 'report' or 'refuse'")
    day = to_date(as_at, "as_at")
    refuse = on_stale == "refuse"
    params = parameters if parameters is not None else bundled_parameters()
    tolerant = params if refuse else _LastKnownValues(params)
    power, power_review = _power(project)
    # One payment plan for the whole assessment: the payments and benefits sections share it.
    plan = project.payment_plan()
    payments, notices = payments_section(project, plan, rate_card or project.rate_card, day, refuse)
    ethics, shared_ethics = _ethics(project, day)
    sections = [
        _roles(project, day),
        power,
        _budget(project, power_review),
        payments,
        benefits_section(project, plan, params, refuse, _others(project, ledger)),
        ethics,
        _safeguarding(project),
        _timeline(project, day, tolerant),
        _evaluation(project),
        _readiness(project, day),
    ]
    sections.append(_data(sections, notices, params, day))
    return GovernanceReport(
        project_id=project.id,
        project_title=project.title,
        as_at=day,
        sections=sections,
        contributors=tuple(person.id for person in project.people),
        shared_sections=() if shared_ethics is None else (shared_ethics,),
    )
