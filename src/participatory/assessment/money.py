"""The payments and benefits sections: what the plan pays, what the card says, what people keep.

Two joins between engines live here. Sessions are costed on the rate card and each
contributor's planned fees compared with what the card gives for their sessions
(``ASSESS-FEES-BELOW-CARD``). Each contributor with benefit circumstances has their
planned payments turned into receipts (:mod:`participatory.assessment.receipts`) and
checked by the benefits engine; the figures of what they keep are marked sensitive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Final

import attrs

from participatory.assessment.messages import figure
from participatory.assessment.receipts import receipts_for
from participatory.assessment.report import Area, Figure, ReportSection
from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.receipts import Receipt
from participatory.core import exact
from participatory.core.errors import CurrencyMismatch, ParametersNotAvailable, UnsupportedCase
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.sources import Citation, cite
from participatory.payments.costing import activity_name, cost_activity
from participatory.payments.methods import PaymentMethod, consequences
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.rates import RateCard
from participatory.payments.timeliness import assess_timeliness
from participatory.project.model import Project

__all__ = ["benefits_section", "payments_section"]


# Read once: in CPython 3.11 reading a member off its class costs about a short call, and
# every payment of a household with benefits is asked whether it goes to an organisation.
_ORGANISATION: Final = PaymentKind.ORGANISATION_PAYMENT


def _organisation_citations() -> tuple[Citation, ...]:
    return tuple(c for f in consequences(PaymentMethod.ORGANISATION) for c in f.citations)


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for finding in findings:
        key = (
            finding.rule_id,
            finding.message_key,
            tuple(sorted(map(repr, finding.values.items()))),
        )
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept


def _card_for(card: RateCard, project: Project, refuse: bool) -> tuple[RateCard, list[Finding]]:
    last = max((s.held_on for s in project.sessions), default=None)
    if refuse or last is None or card.valid_until is None or last <= card.valid_until:
        return card, []
    notice = Finding(
        "ASSESS-CARD-STALE",
        Severity.WARNING,
        "assessment.card_stale",
        {"card": card.id, "runs_to": card.valid_until},
        citations=(card.citation,),
    )
    # The explicit, reported fallback: the card's last rates stand in for later sessions.
    return attrs.evolve(card, valid_until=last), [notice]


def _sessions(
    project: Project, card: RateCard | None, refuse: bool
) -> tuple[list[Finding], list[Finding], dict[str, Money], Money | None]:
    """Findings for the payments section, DATA notices, fees due per person, their total."""
    if not project.sessions:
        return [], [], {}, None
    if card is None:
        return (
            [Finding("ASSESS-NO-RATE-CARD", Severity.ADVICE, "assessment.no_rate_card")],
            [],
            {},
            None,
        )
    card, notices = _card_for(card, project, refuse)
    findings: list[Finding] = []
    # Fees due per person and in all, added up as amounts and made Money once each at the
    # end: the same sums, in the same order, as adding Money fee by fee (600 fees for 50
    # people at 12 sessions), without a Money object for every partial sum.
    due_amounts: dict[str, Decimal] = {}
    zero = Money.zero(card.currency)
    total_amount = zero.amount
    for session in project.sessions:
        try:
            costed = cost_activity(
                card,
                session.activity,
                session.duration,
                as_at=session.held_on,
                preparation=session.preparation,
            )
        except (ParametersNotAvailable, UnsupportedCase) as error:
            if refuse:
                raise
            findings.append(
                Finding(
                    "ASSESS-SESSION-NOT-COSTED",
                    Severity.WARNING,
                    "assessment.session_not_costed",
                    {"session": session.id, "card": card.id, "reason": str(error)},
                    subject=session.id,
                )
            )
            continue
        head = costed.by_rule("PAY-FEE")
        findings.append(
            Finding(
                "ASSESS-SESSION-COSTED",
                Severity.INFO,
                "assessment.session_costed",
                {"session": session.id, "activity": activity_name(session.activity),
                 "held_on": session.held_on, "fee": costed.fee, "card": card.id},
                citations=(card.citation,),
                parameters=head[0].parameters if head else (),
                subject=session.id,
            )
        )  # fmt: skip
        findings.extend(costed.at_least(Severity.ADVICE))
        fee = costed.fee
        if session.contributors and fee.currency != zero.currency:
            # As adding the fee as Money would: amounts in two currencies never add up.
            raise CurrencyMismatch(zero.currency, fee.currency, "add")
        for person in session.contributors:
            due_amounts[person] = exact.add(due_amounts.get(person, zero.amount), fee.amount)
            total_amount = exact.add(total_amount, fee.amount)
    due = {person: Money(amount, zero.currency) for person, amount in due_amounts.items()}
    return _unique(findings), notices, due, Money(total_amount, zero.currency)


def _compare_with_card(
    project: Project, card: RateCard, due: dict[str, Money], planned: dict[str, Money]
) -> list[Finding]:
    below = [
        Finding(
            "ASSESS-FEES-BELOW-CARD",
            Severity.WARNING,
            "assessment.fees_below_card",
            {"contributor": project.person_name(person), "planned": planned.get(person,
             Money.zero(card.currency)), "due": amount, "card": card.id},
            citations=(card.citation, cite("nihr_payment_guidance_public_2024#choice")),
            subject=person,
        )
        for person, amount in sorted(due.items())
        if planned.get(person, Money.zero(card.currency)) < amount
    ]  # fmt: skip
    if below or not due:
        return below
    return [Finding("ASSESS-FEES-MATCH-CARD", Severity.MET, "assessment.fees_match_card",
                    {"card": card.id}, citations=(card.citation,))]  # fmt: skip


def payments_section(
    project: Project, plan: PaymentPlan, card: RateCard | None, as_at: dt.date, refuse: bool
) -> tuple[ReportSection, list[Finding]]:
    """The payments section and any DATA notices about the rate card.

    ``plan`` is the project's payment plan (``project.payment_plan()``), built once per
    assessment and shared with :func:`benefits_section`.
    """
    if not project.payments and not project.sessions:
        return ReportSection(Area.PAYMENTS, not_assessed=True), []
    summary = plan.cost_summary()
    figures = [
        figure("fees_total", summary.fees),
        figure("expenses_total", summary.expenses),
        figure("declined_total", summary.declined),
        figure("payments_total", summary.total),
    ]
    findings: list[Finding] = []
    if project.timeliness is not None:
        findings.extend(assess_timeliness(plan, project.timeliness, as_at=as_at).findings)
    session_findings, notices, due, card_total = _sessions(project, card, refuse)
    findings.extend(session_findings)
    if card is not None and card_total is not None:
        figures.append(figure("card_fees_total", card_total))
        planned = {c.contributor: c.fees + c.declined for c in summary.by_contributor}
        findings.extend(_compare_with_card(project, card, due, planned))
    return ReportSection(Area.PAYMENTS, findings, figures), notices


def _about(finding: Finding, person: str) -> Finding:
    # Any benefits finding about a named contributor reveals that they receive a benefit.
    if finding.sensitive and finding.subject:
        return finding  # already marked: evolving it would rebuild an equal finding
    # What attrs.evolve(finding, sensitive=True, subject=...) makes, every field passed by
    # position (tests/assessment/test_benefits_about.py compares the two field by field):
    # a household's check explains each of its periods, and evolve looks every field up by
    # name for each of them.
    return Finding(
        finding.rule_id,
        finding.severity,
        finding.message_key,
        finding.values,
        finding.citations,
        finding.parameters,
        finding.actions,
        True,
        finding.subject or person,
    )


def _by_contributor(plan: PaymentPlan) -> dict[str, tuple[Payment, ...]]:
    """Each contributor's payments as ``PaymentPlan.for_contributor`` gives them.

    Grouped in one pass over the plan, rather than one pass per household.
    """
    grouped: dict[str, list[Payment]] = {}
    for payment in plan.payments:
        grouped.setdefault(payment.contributor, []).append(payment)
    return {
        person: tuple(sorted(payments, key=lambda p: (p.received_on, p.id)))
        for person, payments in grouped.items()
    }


def _check(
    household: Household,
    receipts: tuple[Receipt, ...],
    already: tuple[Receipt, ...],
    parameters: ParameterSet,
    refuse: bool,
) -> BenefitsCheck:
    """The household's check, stale figures allowed unless ``refuse``.

    Every check made with the same parameters shares their rates records, stale figures
    allowed or not, and each check still reports every stale figure it used; so a check
    is made once, and its findings are built only if the report reads them.
    """
    return assess_benefits(
        household, receipts, already=already, parameters=parameters, allow_stale=not refuse
    )


def _one_household(
    project: Project,
    person: str,
    paid: dict[str, tuple[Payment, ...]],
    parameters: ParameterSet,
    refuse: bool,
    already: Callable[[Household], Iterable[Receipt]] | None,
) -> tuple[list[Finding], list[Figure]]:
    household = project.benefits[person]
    members = [member.id for member in household.people]
    payments = [p for member in members for p in paid.get(member, ())]
    name = project.person_name(person)
    findings: list[Finding] = []
    for payment in payments:
        if payment.kind is _ORGANISATION:
            findings.append(
                Finding(
                    "ASSESS-ORGANISATION-PAYMENT",
                    Severity.INFO,
                    "assessment.organisation_payment",
                    {"amount": payment.amount, "contributor": name},
                    citations=_organisation_citations(),
                    sensitive=True,
                    subject=person,
                )
            )  # fmt: skip
    if not payments:
        findings.append(
            Finding("ASSESS-NO-PAYMENTS", Severity.INFO, "assessment.no_payments_for_benefits",
                    {"contributor": name}, sensitive=True, subject=person)
        )  # fmt: skip
    try:
        result = _check(
            household,
            receipts_for(payments),
            () if already is None else tuple(already(household)),
            parameters,
            refuse,
        )
    except (ParametersNotAvailable, UnsupportedCase) as error:
        if refuse:
            raise
        findings.append(
            Finding(
                "ASSESS-BENEFITS-NOT-CHECKED",
                Severity.REFER,
                "assessment.benefits_not_checked",
                {"contributor": name, "reason": str(error)},
                sensitive=True,
                subject=person,
            )
        )
        return findings, []
    findings.extend(_about(f, person) for f in result.findings)
    figures = [
        figure("benefit_paid", result.paid, sensitive=True, subject=person),
        figure("benefit_change", result.change(), sensitive=True, subject=person),
        figure("benefit_kept", result.kept, sensitive=True, subject=person),
    ]
    return findings, figures


def benefits_section(
    project: Project,
    plan: PaymentPlan,
    parameters: ParameterSet,
    refuse: bool,
    already: Callable[[Household], Iterable[Receipt]] | None = None,
) -> ReportSection:
    """The benefits section: for each household with circumstances, what it keeps.

    A couple who are both contributors are one household: it is assessed once, with both
    partners' payments. ``already`` gives, for a household, what its members were paid or are
    due from other projects and payers (the contributors' ledger): it counts in every period
    but is never listed. ``plan`` is the project's payment plan, built once per assessment.
    """
    if not project.benefits:
        return ReportSection(Area.BENEFITS, not_assessed=True)
    if project.currency != "GBP":
        only = Finding("ASSESS-BENEFITS-CURRENCY", Severity.REFER, "assessment.benefits_currency",
                       {"currency": project.currency})  # fmt: skip
        return ReportSection(Area.BENEFITS, (only,))
    findings: list[Finding] = []
    figures: list[Figure] = []
    seen: set[frozenset[str]] = set()
    paid = _by_contributor(plan)
    for person in sorted(project.benefits):
        members = frozenset(member.id for member in project.benefits[person].people)
        if members in seen:
            continue
        seen.add(members)
        more, numbers = _one_household(project, person, paid, parameters, refuse, already)
        findings.extend(more)
        figures.extend(numbers)
    return ReportSection(Area.BENEFITS, findings, figures)
