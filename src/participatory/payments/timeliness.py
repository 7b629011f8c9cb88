"""Paying on time: a policy of N working days, UK bank holidays per nation, late and overdue.

"Members of the public who are involved in health and care research should be promptly
paid" (HRA); slow payment is a key barrier to involvement. There is no NIHR-wide deadline,
so the number of working days is the institution's own :class:`TimelinessPolicy`. Working
days skip weekends and the bank holidays of the nation the payer works in, taken from the
``holidays`` package (subdivisions ENG, WLS, SCT and NIR of the United Kingdom).

>>> import datetime as dt
>>> england = WorkingDays(Nation.ENGLAND)
>>> england.add(dt.date(2026, 12, 23), 2)   # skips Christmas Day and Boxing Day (observed)
datetime.date(2026, 12, 29)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools

import attrs
import holidays

from participatory.core.errors import ValidationError
from participatory.core.explain import Citation, Explained, Finding, Severity
from participatory.core.messages import define_messages
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan
from participatory.payments.sources import HRA_PROMPT_PAYMENT

__all__ = [
    "Nation",
    "PaymentStatus",
    "TimelinessPolicy",
    "TimelinessReport",
    "WorkingDays",
    "check_timeliness",
]


class Nation(enum.Enum):
    """A UK nation, by its subdivision code in the ``holidays`` package."""

    ENGLAND = "ENG"
    WALES = "WLS"
    SCOTLAND = "SCT"
    NORTHERN_IRELAND = "NIR"


@functools.cache
def _bank_holidays(nation: Nation, year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv=nation.value, years=year))


@attrs.frozen
class WorkingDays:
    """Monday to Friday, except the nation's bank holidays."""

    nation: Nation = Nation.ENGLAND

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day in the nation."""
        return day.weekday() < 5 and day not in _bank_holidays(self.nation, day.year)

    def add(self, day: dt.date, working_days: int) -> dt.date:
        """The day ``working_days`` working days after ``day`` (``day`` itself not counted)."""
        result = day
        remaining = working_days
        while remaining > 0:
            result += dt.timedelta(days=1)
            if self.is_working_day(result):
                remaining -= 1
        return result

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end <= start``)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _working_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("working_days", "must be a whole number, 0 or more")
    return value


def _nation(value: object) -> Nation:
    try:
        return Nation(value)
    except ValueError:
        raise ValidationError("nation", "must be one of ENG, WLS, SCT, NIR") from None


@attrs.frozen
class TimelinessPolicy:
    """Pay within ``working_days`` working days of the activity, in ``nation``."""

    working_days: int = attrs.field(converter=_working_days)
    nation: Nation = attrs.field(default=Nation.ENGLAND, converter=_nation)
    source: str = "institution payment policy"

    @property
    def calendar(self) -> WorkingDays:
        """The working-day calendar of the policy's nation."""
        return WorkingDays(self.nation)

    def deadline(self, payment: Payment) -> dt.date:
        """The last day ``payment`` may be made: N working days after its activity.

        A payment with no activity date (a pot contribution on a schedule, say) is due by
        its planned date.
        """
        if payment.activity_on is None:
            return payment.due_on
        return self.calendar.add(payment.activity_on, self.working_days)


class PaymentStatus(enum.Enum):
    """Where a payment stands on the as-at date."""

    PAID_ON_TIME = "paid_on_time"
    PAID_LATE = "paid_late"
    NOT_YET_DUE = "not_yet_due"
    OVERDUE = "overdue"
    NOT_PAYABLE = "not_payable"


@attrs.frozen
class TimelinessReport(Explained):
    """Every payment's status on the as-at date, with findings for late and overdue ones."""

    as_at: dt.date
    statuses: tuple[tuple[str, PaymentStatus], ...]

    def status_of(self, payment_id: str) -> PaymentStatus:
        """The status of one payment."""
        for identifier, status in self.statuses:
            if identifier == payment_id:
                return status
        raise ValidationError("payment_id", "is not in the plan")

    def with_status(self, status: PaymentStatus) -> tuple[str, ...]:
        """The ids of the payments with ``status``."""
        return tuple(identifier for identifier, s in self.statuses if s is status)


define_messages(
    {
        "payments.late": (
            "Payment {payment} to {contributor} ({amount}) was paid on {paid_on}, "
            "{working_days_late} working day(s) after its deadline of {deadline}."
        ),
        "payments.overdue": (
            "Payment {payment} to {contributor} ({amount}) is overdue: it was due by "
            "{deadline} and is {working_days_late} working day(s) late on {as_at}."
        ),
        "payments.planned_after_deadline": (
            "Payment {payment} to {contributor} is planned for {due_on}, after the policy's "
            "deadline of {deadline}; bring it forward."
        ),
        "payments.on_time": "{count} payment(s) were made on time.",
    }
)


def check_timeliness(
    plan: PaymentPlan, policy: TimelinessPolicy, *, as_at: dt.date
) -> TimelinessReport:
    """Which payments were paid late, which are overdue on ``as_at``, and which are planned late.

    A payment recorded as paid after ``as_at`` counts as not yet paid on that day.
    """
    calendar = policy.calendar
    cite = (Citation(policy.source), HRA_PROMPT_PAYMENT)
    findings: list[Finding] = []
    statuses: list[tuple[str, PaymentStatus]] = []
    on_time = 0
    for payment in sorted(plan.payments, key=lambda p: (p.due_on, p.id)):
        if payment.kind is PaymentKind.DECLINED:
            statuses.append((payment.id, PaymentStatus.NOT_PAYABLE))
            continue
        deadline = policy.deadline(payment)
        values = {
            "payment": payment.id,
            "contributor": payment.contributor,
            "amount": payment.amount,
            "deadline": deadline,
        }
        if payment.due_on > deadline:
            findings.append(
                Finding(
                    "PAY-PLANNED-AFTER-DEADLINE",
                    Severity.ADVICE,
                    "payments.planned_after_deadline",
                    {**values, "due_on": payment.due_on},
                    citations=cite,
                    subject=payment.contributor,
                )
            )
        if payment.is_paid(as_at) and payment.paid_on is not None:
            if payment.paid_on <= deadline:
                statuses.append((payment.id, PaymentStatus.PAID_ON_TIME))
                on_time += 1
                continue
            statuses.append((payment.id, PaymentStatus.PAID_LATE))
            findings.append(
                Finding(
                    "PAY-LATE",
                    Severity.WARNING,
                    "payments.late",
                    {
                        **values,
                        "paid_on": payment.paid_on,
                        "working_days_late": calendar.between(deadline, payment.paid_on),
                    },
                    citations=cite,
                    subject=payment.contributor,
                )
            )
        elif as_at > deadline:
            statuses.append((payment.id, PaymentStatus.OVERDUE))
            findings.append(
                Finding(
                    "PAY-OVERDUE",
                    Severity.PROBLEM,
                    "payments.overdue",
                    {
                        **values,
                        "as_at": as_at,
                        "working_days_late": calendar.between(deadline, as_at),
                    },
                    citations=cite,
                    subject=payment.contributor,
                )
            )
        else:
            statuses.append((payment.id, PaymentStatus.NOT_YET_DUE))
    if on_time:
        findings.insert(
            0, Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": on_time})
        )
    return TimelinessReport(as_at=as_at, statuses=tuple(statuses), findings=findings)
