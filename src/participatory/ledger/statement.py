"""The person's year: what they received, what each benefit did, what they kept and must report.

:func:`contributor_statement` gathers every payment made or scheduled to a person in a UK tax
year, from every project and payer, and checks them against their household's benefits (with
their partner's payments counted). It returns a
:class:`ContributorStatement`: week by week (the person's benefit weeks) and, on Universal
Credit, assessment period by assessment period, what was received or is still due, what each
benefit was before and after, what was kept, and the reporting duties: the Universal Credit
journal, form PW1 for ESA's permitted work, a Carer's Allowance change of circumstances (to
Social Security Scotland for Carer Support Payment in Scotland).

Each benefit period's change belongs to one tax year: the year in which the period whose
benefit changes ends, when the benefit paid for it is reduced (Universal Credit is paid after
its assessment period ends; a week of Carer's Allowance is lost in the week after the
earnings). A week or assessment period across 6 April is worked out with the payments on
both sides of it, in the statement of the year it ends in; the other year's statement shows
the period with that year's own payments and no change. So over any run of tax years the
yearly changes add up, penny for penny, to what all the payments did together, and a
couple's joint claim (the same on both partners' statements) follows the same rule. What was
received and is due are always the year's own payments.

It is the person's own statement: it is written for them
(:func:`participatory.render.statement.render_statement` in English or Welsh, as accessible
HTML or plain text), and carries their special-category data.

>>> import datetime as dt
>>> from participatory.benefits import CarersAllowanceClaim, Household, Person
>>> from participatory.ledger import ConsentRecord, Contributor, HouseholdRecord, Ledger
>>> from participatory.ledger import PaymentEntry
>>> agreed = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
>>> book = Ledger(contributors=[Contributor("amira")],
...     households=[HouseholdRecord("h-1", Household(people=[Person("amira",
...                 carers_allowance=CarersAllowanceClaim())]), [agreed])],
...     payments=[PaymentEntry("r-1", "amira", "150.00", "2026-01-13", payer="uni"),
...               PaymentEntry("p-1", "amira", "150.00", "2026-01-14", payer="trust")])
>>> year = contributor_statement(book, "amira", 2025, as_at=dt.date(2026, 4, 30))
>>> year.received, year.change, year.kept
(Money('300.00', 'GBP'), Money('-83.30', 'GBP'), Money('216.70', 'GBP'))
>>> [f.rule_id for f in year.findings if f.rule_id.startswith("LEDGER-REPORT")]
['LEDGER-REPORT-CARERS-ALLOWANCE']

Carer's Allowance counts a week's earnings in the next week (2024/25: lost above £151 of
earnings; 2025/26: £196, £83.30 a week). With weeks from Monday, £150 on Saturday 5 April 2025
(tax year 2024/25) and £150 on Sunday 6 April (2025/26) are £300 in the week of 31 March,
so the week of 7 April 2025 is lost: 2025/26's, which counts both payments.

>>> earlier = ConsentRecord("amira", "amira", "2024-01-01", "benefits checks", "2027-03-31")
>>> book = Ledger(contributors=[Contributor("amira")],
...     households=[HouseholdRecord("h-1", Household(people=[Person("amira",
...                 carers_allowance=CarersAllowanceClaim())]), [earlier])],
...     payments=[PaymentEntry("c-1", "amira", "150.00", "2025-04-05", payer="uni"),
...               PaymentEntry("c-2", "amira", "150.00", "2025-04-06", payer="trust")])
>>> [(y.received, y.change) for y in (contributor_statement(book, "amira", year,
...     as_at=dt.date(2026, 3, 30)) for year in (2024, 2025))]
[(Money('150.00', 'GBP'), Money('0', 'GBP')), (Money('150.00', 'GBP'), Money('-83.30', 'GBP'))]

Its ``repr`` (a log line) shows the question only: whether the person's circumstances are
held is itself special-category data.

>>> year
ContributorStatement(person='amira', tax_year=TaxYear(2025), as_at=datetime.date(2026, 4, 30), <redacted>)
"""  # noqa: E501

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from participatory.benefits.advice import reporting_findings, standing_findings
from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit, LegacyBenefit
from participatory.benefits.mechanism import finding
from participatory.benefits.outcomes import PeriodOutcome
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import keyed
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.params import ParameterSet
from participatory.core.periods import (
    AssessmentPeriodCycle,
    BenefitWeekCycle,
    DateRange,
    TaxYear,
)
from participatory.core.privacy import REDACTED, REDACTED_TEXT, SENSITIVE
from participatory.core.record import Record
from participatory.core.sources import Citation
from participatory.ledger._figures import (
    entry_days,
    figures_covering,
    received_within_money,
    within_money,
)
from participatory.ledger.before_paying import CONTEXT_DAYS
from participatory.ledger.entries import PaymentEntry, PaymentKind, PaymentStatus
from participatory.ledger.model import Ledger, as_at_day

__all__ = [
    "MESSAGES",
    "STATEMENT_YEARS",
    "BenefitLine",
    "ContributorStatement",
    "PeriodKind",
    "StatementPeriod",
    "contributor_statement",
    "statement_year",
]

MESSAGES: Final[Mapping[str, str]] = {
    "ledger.statement.year": (
        "In the tax year {year} you received {received}, and {due} more is due. Your "
        "benefits changed by {change} because of these payments, so you kept {kept}."
    ),
    "ledger.statement.year_joint": (
        "In the tax year {year} you received {received}, and {due} more is due. Your own "
        "benefits changed by {change} because of these payments, so you kept {kept}. The "
        "joint claim you and your partner make together changed by {joint} because of "
        "payments to either of you: this is your household's change, shown the same on your "
        "partner's statement, and it is not counted in what you kept."
    ),
    "ledger.statement.year_unchecked": (
        "In the tax year {year} you received {received}, and {due} more is due."
    ),
    "ledger.statement.not_checked": (
        "No benefit circumstances could be used for this statement, so it shows your "
        "payments only. If you get benefits, report these payments as your benefit rules "
        "require."
    ),
    "ledger.statement.report.uc": (
        "Universal Credit, the assessment period {start} to {end}: report earnings of "
        "{amount} in your journal."
    ),
    "ledger.statement.report.ca": (
        "Carer's Allowance, the week {start} to {end}: tell the Carer's Allowance Unit about "
        "earnings of {amount} (a change of circumstances)."
    ),
    "ledger.statement.report.csp": (
        "Carer Support Payment, the week {start} to {end}: tell Social Security Scotland "
        "about earnings of {amount} (a change of circumstances)."
    ),
    "ledger.statement.report.ca_ni": (
        "Carer's Allowance, the week {start} to {end}: tell the Disability and Carers Service "
        "about earnings of {amount} (a change of circumstances)."
    ),
    "ledger.statement.report.esa": (
        "ESA, the week {start} to {end}: earnings of {amount} for {hours} hours of work. "
        "Before permitted work starts, tell DWP on form PW1; report earnings as DWP asks."
    ),
}

_ZERO: Final = Decimal(0)
_MARGIN: Final = dt.timedelta(days=CONTEXT_DAYS)
_AFTER: Final = dt.timedelta(days=7)
_WEEKLY_OWN: Final = (Benefit.CARERS_ALLOWANCE, Benefit.NEW_STYLE_ESA, Benefit.NEW_STYLE_JSA)
#: Why a statement is refused whose payments have no money form added up.
_PAST: Final = (
    "holds payments around the tax year that add up to more than an amount of money can hold"
)


class PeriodKind(enum.Enum):
    """The periods a statement is laid out in."""

    #: The person's benefit week (the week of their weekly benefit, else Monday to Sunday).
    WEEK = "week"
    #: A Universal Credit monthly assessment period.
    ASSESSMENT_PERIOD = "assessment_period"


@attrs.frozen
class BenefitLine(Record):
    """One benefit in one of its periods: before and after the person's payments, and whose."""

    benefit: Benefit = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period: DateRange = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    before: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    after: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    cliff: bool = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    #: The person whose own benefit it is; ``None`` for the household's.
    person: str | None = attrs.field(default=None, repr=REDACTED, metadata=SENSITIVE)
    #: Whether it is a couple's joint claim: the change every partner's payments made to
    #: the couple's award, the same on each partner's statement and none of it the person's.
    joint: bool = attrs.field(default=False, repr=REDACTED, metadata=SENSITIVE)

    @property
    def change(self) -> Money:
        """After minus before: negative when the benefit falls."""
        return self.after - self.before


@attrs.frozen
class StatementPeriod(Record):
    """One week or assessment period of the statement.

    ``received`` is what was paid to the person in the period (within the tax year), ``due``
    what is planned or approved and not yet paid; ``benefits`` what their benefits were
    before and after their payments, and a couple's joint claims (marked
    :attr:`BenefitLine.joint`) before and after both partners' payments: each in the
    statement of the year its own period ends in, whichever year the payments fell in.

    Its ``kind`` and ``period`` are sensitive as its benefits are: only a Universal Credit
    claimant has assessment periods, and a benefit week's first day tells which benefit.
    """

    kind: PeriodKind = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    period: DateRange = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    received: Money
    due: Money
    benefits: tuple[BenefitLine, ...] = attrs.field(default=(), repr=REDACTED, metadata=SENSITIVE)

    @property
    def change(self) -> Money:
        """What the person's payments changed their own benefits by in this period."""
        return Money.total(line.change for line in self.benefits if not line.joint)

    @property
    def joint_change(self) -> Money:
        """What both partners' payments changed their joint claims by: the household's."""
        return Money.total(line.change for line in self.benefits if line.joint)

    @property
    def kept(self) -> Money:
        """What the period's payments and benefit changes leave the person with."""
        return self.received + self.due + self.change


def _by_benefit(value: object) -> dict[Benefit, Money]:
    return keyed(value, "by_benefit", Benefit, (Money,))


@attrs.frozen
class ContributorStatement(Explained):
    """A person's tax year: payments, what each benefit did, what they kept and must report.

    ``checked`` is false when no circumstances could be used (none recorded, or past their
    basis): the statement then lists payments only. ``by_benefit`` is the change in each
    of the person's own benefits in the periods that end in the year (one across 6 April
    counts in the year it ends in, with the payments on both sides of it), which
    :attr:`change` and :attr:`kept` count.

    A couple's joint claim (Universal Credit, and Housing Benefit, Pension Credit or a legacy
    benefit claimed as a couple) is the household's, not either partner's: its change from
    payments to either partner over the year is in ``joint_by_benefit``, the same on both
    partners' statements, and never in :attr:`change` or :attr:`kept`, so that the partners'
    statements together count it once.
    """

    person: str
    tax_year: TaxYear
    as_at: dt.date
    checked: bool = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    received: Money
    due: Money
    weeks: tuple[StatementPeriod, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    assessment_periods: tuple[StatementPeriod, ...] = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    by_benefit: Mapping[Benefit, Money] = attrs.field(
        repr=REDACTED, metadata=SENSITIVE, converter=_by_benefit
    )
    nation: Nation = Nation.ENGLAND
    joint_by_benefit: Mapping[Benefit, Money] = attrs.field(
        factory=dict, repr=REDACTED, metadata=SENSITIVE, converter=_by_benefit
    )
    #: Default plain data (:func:`participatory.interchange.to_plain`) lists the findings that
    #: are not sensitive and then one withheld marker, never one per withheld finding: their
    #: number differs with whether the person's circumstances are held.
    _withheld_as_one: ClassVar[bool] = True

    def __repr__(self) -> str:
        # Whether it was checked, and its findings (withheld, or a plain "not checked"), say
        # whether the person's benefit circumstances are held: only the question shows.
        return (
            f"ContributorStatement(person={self.person!r}, tax_year={self.tax_year!r}, "
            f"as_at={self.as_at!r}, {REDACTED_TEXT})"
        )

    @property
    def change(self) -> Money:
        """What the payments changed the person's own benefits by over the year."""
        return Money.total(self.by_benefit.values())

    @property
    def joint_change(self) -> Money:
        """What payments to either partner changed the couple's joint claims by: the household's."""
        return Money.total(self.joint_by_benefit.values())

    @property
    def kept(self) -> Money:
        """What the year's payments and benefit changes leave the person with."""
        return self.received + self.due + self.change


#: The tax years a statement is made for, by the year each starts in.
STATEMENT_YEARS: Final = range(1990, 2101)


def statement_year(value: object) -> TaxYear:
    """The tax year a statement is made for: a :class:`TaxYear`, or the year it starts in.

    Only the years of :data:`STATEMENT_YEARS` (1990/91 to 2100/01), given either way.

    >>> statement_year(2025)
    TaxYear(2025)
    >>> statement_year(TaxYear(1989))
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: tax_year: must be a TaxYear or the year it starts in (2025), from 1990 to 2100
    """  # noqa: E501
    if isinstance(value, TaxYear):
        year = value.start_year
    elif isinstance(value, int) and not isinstance(value, bool):
        year = value
    else:
        year = None
    if year is None or year not in STATEMENT_YEARS:
        raise ValidationError(
            "tax_year",
            "must be a TaxYear or the year it starts in (2025), from "
            f"{STATEMENT_YEARS[0]} to {STATEMENT_YEARS[-1]}",
        )
    return value if isinstance(value, TaxYear) else TaxYear(year)


def _week_start(household: Household | None, person: str) -> int:
    """The weekday the person's statement weeks start on: their weekly benefit's."""
    if household is None:
        return 0
    member = household.person(person)
    claims = (member.carers_allowance, member.esa, household.legacy)
    for claim in (*claims, household.housing_benefit, household.pension_credit):
        if claim is not None:
            return claim.benefit_week_start
    return 0


def _own_benefits(household: Household, person: str) -> frozenset[Benefit]:
    """The benefits the person must report to: their own and the household's."""
    member = household.person(person)
    found = {b for b in household.benefits if not b.personal}
    if member.carers_allowance is not None:
        found.add(Benefit.CARERS_ALLOWANCE)
    if member.esa is not None:
        found.add(Benefit.NEW_STYLE_ESA)
    legacy = household.legacy
    if (
        legacy is not None
        and legacy.benefit is LegacyBenefit.NEW_STYLE_JSA
        and household.legacy_claimant.id == person
    ):
        found.add(Benefit.NEW_STYLE_JSA)
    return frozenset(found)


class _Bucket:
    __slots__ = ("counted", "due", "hours", "lines", "received")

    def __init__(self) -> None:
        self.received = _ZERO
        self.due = _ZERO
        self.counted = _ZERO
        self.hours = _ZERO
        self.lines: list[BenefitLine] = []


def _line(outcome: PeriodOutcome, *, joint: bool = False) -> BenefitLine:
    return BenefitLine(
        outcome.benefit,
        outcome.period,
        outcome.before,
        outcome.after,
        outcome.cliff,
        outcome.person,
        joint,
    )


def _fill(bucket: _Bucket, entry: PaymentEntry) -> None:
    # The money of a payment, in the period it is received in; its hours are the week's of
    # the work (_fill_hours).
    if entry.kind is PaymentKind.DECLINED:
        return
    amount = entry.amount.amount
    if entry.status is PaymentStatus.PAID:
        bucket.received += amount
    else:
        bucket.due += amount
    bucket.counted += entry.receipt.counted


def _fill_hours(bucket: _Bucket, entry: PaymentEntry) -> None:
    # Hours count in the benefit week of the work (worked_on), as the engine counts them
    # for ESA's permitted work: a payment received weeks later brings none to its own week.
    if entry.kind is not PaymentKind.DECLINED:
        bucket.hours += entry.hours


def _shown(bucket: _Bucket) -> bool:
    """Whether a period has something of the person's to show: received, due or changed.

    A period whose only payments were declined (or came to nothing) has nothing to show:
    listed, it would be a heading with nothing under it. A period of the person's own
    benefit is there only because their own payments reach it (Carer's Allowance counts a
    week's earnings in the week after), so it is shown even where it is unchanged: it is
    the week they report. A joint claim's unchanged period is kept (by the caller) only
    where their own payments reach it too, so a partner's pay alone never lists a period.
    """
    return bool(
        bucket.received
        or bucket.due
        or any(not line.joint or line.after != line.before for line in bucket.lines)
    )


def _periods(kind: PeriodKind, buckets: dict[DateRange, _Bucket]) -> tuple[StatementPeriod, ...]:
    return tuple(
        StatementPeriod(
            kind,
            period,
            Money(bucket.received),
            Money(bucket.due),
            tuple(sorted(bucket.lines, key=lambda line: (line.benefit.value, line.period.start))),
        )
        for period, bucket in sorted(buckets.items(), key=lambda item: item[0].start)
        if _shown(bucket)
    )


@computes_exactly
def contributor_statement(
    ledger: Ledger,
    person: str,
    tax_year: TaxYear | int,
    *,
    as_at: dt.date,
    parameters: ParameterSet | None = None,
) -> ContributorStatement:
    """The statement of ``person``'s payments and benefits for ``tax_year``, as at ``as_at``.

    Payments planned, approved or paid count (cancelled ones never do); a declined fee is
    not received, so a week or assessment period with nothing received, due or changed (one
    whose only payment was declined) is left out; a week of the person's own benefit that
    their payments reach is shown, changed or not. A couple's joint claim is shown where the
    person's own payments reach it, and elsewhere only where it changed: the partner's
    payments show only as they change the joint award. The household's circumstances are used
    only if their recorded basis is in force on ``as_at``; they are the circumstances
    recorded now, applied to the whole year.
    The year's benefit changes are those of the weeks and assessment periods that end in it,
    from the payments on both sides of 6 April (each period counted in one year only). A
    ``ledger`` whose payments around the year add up to more than an amount of money can
    hold is refused.
    """
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    year = statement_year(tax_year)
    as_at = as_at_day(as_at)
    contributor = ledger.contributor(person)
    span = year.range
    entries = [e for e in ledger.payments_of(person) if e.counts and e.received_on in span]
    # Refused before the household is read, so alike whether or not circumstances are held.
    received_within_money(entries, span, "ledger", _PAST)
    record = ledger.household_of(person)
    household = record.household if record is not None and record.usable_on(as_at) else None
    nation = household.nation if household is not None else contributor.nation
    weeks = BenefitWeekCycle(_week_start(household, person))
    claim = household.universal_credit if household is not None else None
    cycle = AssessmentPeriodCycle(claim.first_date_of_entitlement) if claim else None
    week_buckets: dict[DateRange, _Bucket] = {}
    ap_buckets: dict[DateRange, _Bucket] = {}
    for entry in entries:
        _fill(week_buckets.setdefault(weeks.period_containing(entry.received_on), _Bucket()), entry)
        if cycle is not None:
            ap = cycle.period_containing(entry.received_on)
            _fill(ap_buckets.setdefault(ap, _Bucket()), entry)
    for entry in ledger.payments_of(person):
        if entry.counts and entry.hours and entry.work_day in span:
            week = weeks.period_containing(entry.work_day)
            _fill_hours(week_buckets.setdefault(week, _Bucket()), entry)
    by_benefit: dict[Benefit, Decimal] = {}
    joint_by_benefit: dict[Benefit, Decimal] = {}
    findings: list[Finding] = []
    if household is not None and record is not None:
        # Each period's change belongs to the tax year its period ends in (when the benefit
        # paid for it is reduced), whichever years the payments that make it fall in: so
        # the change of a week or AP across 6 April is counted once over the two years. A
        # period ending in the year is decided by payments at most 45 days before the year
        # and 6 days after it (a week lost across an AP's last day: engine.py), so every
        # payment in ``around`` is counted, each by its part within it, and the periods
        # ending outside the year are left to their own years' statements.
        around = DateRange(span.start - _MARGIN, span.end + _AFTER)
        nearby = ledger.entries_between(record.members, around)
        parts = [(e.person, e.receipt_within(around)) for e in nearby]
        mine = tuple(receipt for who, receipt in parts if who == person and receipt is not None)
        others = tuple(receipt for who, receipt in parts if who != person and receipt is not None)
        within_money((*mine, *others), "ledger", _PAST)
        # A couple's means-tested claim is theirs together: each partner's payments "on top
        # of" the other's would each carry the whole loss (both over one work allowance),
        # so the joint claims are assessed once, for everyone's payments, as the household's.
        joint = household.couple
        asked = f"the tax year {year}"
        # A refusal names the year if its figures miss it, else the payment whose day they
        # miss (one received just before the year, or a day of work typed wrong).
        days = [(span.start, asked), (span.end, asked), *entry_days(nearby, around, own=True)]
        with figures_covering(asked, days):
            result = assess_benefits(household, mine, already=others, parameters=parameters)
        own = [
            o
            for o in result.outcomes
            if o.period.end in span and not (joint and not o.benefit.personal)
        ]
        shared: list[PeriodOutcome] = []
        # The joint claim's periods the person's own payments reach: shown to them even
        # where the claim did not change, as their own benefits' are. Any other period of it
        # only where it changed: the partner's payments appear only as they change the joint
        # award, never as a week of their pay that changed nothing (person-centred-view.md).
        reached: set[tuple[Benefit, DateRange]] = set()
        if joint and any(not b.personal for b in household.benefits):
            with figures_covering(asked, days):
                together = assess_benefits(household, mine + others, parameters=parameters)
            shared = [
                o for o in together.outcomes if o.period.end in span and not o.benefit.personal
            ]
            reached = {(o.benefit, o.period) for o in result.outcomes if not o.benefit.personal}
        for outcomes, totals, is_joint in (
            (own, by_benefit, False),
            (shared, joint_by_benefit, True),
        ):
            for outcome in outcomes:
                where = (outcome.benefit, outcome.period)
                if is_joint and outcome.unchanged and where not in reached:
                    continue
                totals[outcome.benefit] = totals.get(outcome.benefit, _ZERO) + (
                    outcome.change_amount
                )
                line = _line(outcome, joint=is_joint)
                if outcome.benefit is Benefit.UNIVERSAL_CREDIT:
                    ap_buckets.setdefault(outcome.period, _Bucket()).lines.append(line)
                else:
                    week = weeks.period_containing(outcome.period.start)
                    week_buckets.setdefault(week, _Bucket()).lines.append(line)
        findings.extend(_duties(household, person, week_buckets, ap_buckets))
    received = Money.total(Money(b.received) for b in week_buckets.values())
    due = Money.total(Money(b.due) for b in week_buckets.values())
    change = Money(sum(by_benefit.values(), _ZERO))
    values = {"year": str(year), "received": received, "due": due}
    if household is not None and joint_by_benefit:
        summary = finding(
            "LEDGER-STATEMENT-YEAR",
            Severity.INFO,
            "ledger.statement.year_joint",
            {
                **values,
                "change": change,
                "kept": received + due + change,
                "joint": Money(sum(joint_by_benefit.values(), _ZERO)),
            },
            subject=person,
        )
    elif household is not None:
        summary = finding(
            "LEDGER-STATEMENT-YEAR",
            Severity.INFO,
            "ledger.statement.year",
            {**values, "change": change, "kept": received + due + change},
            subject=person,
        )
    else:
        summary = finding(
            "LEDGER-STATEMENT-YEAR",
            Severity.INFO,
            "ledger.statement.year_unchecked",
            values,
            subject=person,
        )
        # Sensitive like the checked statement's: a plain "not checked" beside the person
        # would say their benefit circumstances are not held (and so, elsewhere, that they are).
        findings.append(
            finding(
                "LEDGER-STATEMENT-NOT-CHECKED",
                Severity.ADVICE,
                "ledger.statement.not_checked",
                subject=person,
            )
        )
    standing = standing_findings(frozenset(), nation)
    return ContributorStatement(
        person=person,
        tax_year=year,
        as_at=as_at,
        checked=household is not None,
        received=received,
        due=due,
        weeks=_periods(PeriodKind.WEEK, week_buckets),
        assessment_periods=_periods(PeriodKind.ASSESSMENT_PERIOD, ap_buckets),
        by_benefit={b: Money(v) for b, v in by_benefit.items()},
        nation=nation,
        joint_by_benefit={b: Money(v) for b, v in joint_by_benefit.items()},
        findings=(summary, *findings, *standing),
    )


def _citations(general: Iterable[Finding], rule_id: str) -> tuple[Citation, ...]:
    return tuple(c for f in general if f.rule_id == rule_id for c in f.citations)


def _duties(
    household: Household,
    person: str,
    weeks: dict[DateRange, _Bucket],
    periods: dict[DateRange, _Bucket],
) -> list[Finding]:
    """Each reporting duty, once in general and then period by period with the amounts."""
    benefits = _own_benefits(household, person)
    nation = household.nation
    general = reporting_findings(benefits, nation)
    found: list[Finding] = list(general)
    if Benefit.UNIVERSAL_CREDIT in benefits:
        cited = _citations(general, "BEN-REPORT-UC-JOURNAL")
        for period, bucket in sorted(periods.items(), key=lambda item: item[0].start):
            if bucket.counted:
                found.append(
                    Finding(
                        "LEDGER-REPORT-UC-JOURNAL",
                        Severity.ADVICE,
                        "ledger.statement.report.uc",
                        {"start": period.start, "end": period.end, "amount": Money(bucket.counted)},
                        citations=cited,
                        sensitive=True,
                        subject=person,
                    )
                )
    weekly = [b for b in _WEEKLY_OWN[:2] if b in benefits]
    for benefit in weekly:
        if benefit is Benefit.CARERS_ALLOWANCE:
            key = {
                Nation.SCOTLAND: "ledger.statement.report.csp",
                Nation.NORTHERN_IRELAND: "ledger.statement.report.ca_ni",
            }.get(nation, "ledger.statement.report.ca")
            rule, general_rule = "LEDGER-REPORT-CARERS-ALLOWANCE", "BEN-REPORT-CARERS-ALLOWANCE"
        else:
            key, rule, general_rule = (
                "ledger.statement.report.esa",
                "LEDGER-REPORT-ESA",
                "BEN-REPORT-ESA-PW1",
            )
        cited = _citations(general, general_rule)
        # ESA's permitted work turns on the week's hours too: a week of work paid later is
        # reported with its hours, and no earnings that week.
        hours_count = benefit is Benefit.NEW_STYLE_ESA
        for period, bucket in sorted(weeks.items(), key=lambda item: item[0].start):
            if bucket.counted or (hours_count and bucket.hours):
                found.append(
                    Finding(
                        rule,
                        Severity.ADVICE,
                        key,
                        {
                            "start": period.start,
                            "end": period.end,
                            "amount": Money(bucket.counted),
                            "hours": bucket.hours,
                        },
                        citations=cited,
                        sensitive=True,
                        subject=person,
                    )
                )
    return found
