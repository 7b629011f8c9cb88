"""Paying on time: a policy of N working days, UK bank holidays per nation, late and overdue.

"Members of the public who are involved in health and care research should be promptly
paid" (HRA); slow payment is a key barrier to involvement. There is no NIHR-wide deadline,
so the number of working days is the institution's own :class:`TimelinessPolicy`. Working
days skip weekends and the bank holidays of the nation the payer works in, as the
``holidays`` package lists them (subdivisions ENG, WLS, SCT and NIR of the United Kingdom).
For 2000 to 2040 they are read from a copy bundled with the library
(``data/calendars/uk_bank_holidays.json``, written from the package by
``tools/bank_holidays.py`` and checked against it by the tests), so counting working days
in those years never imports the package, which loads every country it knows on its first
look-up; other years ask the package itself.

>>> import datetime as dt
>>> england = WorkingDays(Nation.ENGLAND)
>>> england.add(dt.date(2026, 12, 23), 2)   # skips Christmas Day and Boxing Day (observed)
datetime.date(2026, 12, 29)
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from participatory.core import bundle
from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.fields import member
from participatory.core.nations import Nation
from participatory.core.package_files import read_package_text
from participatory.core.record import Record
from participatory.core.sources import cite
from participatory.guidance_data import policy_citation, policy_source
from participatory.payments.plans import Payment, PaymentKind, PaymentPlan

__all__ = [
    "PaymentStatus",
    "TimelinessPolicy",
    "TimelinessReport",
    "WorkingDays",
    "assess_timeliness",
]


#: The bundled bank holidays, in ``participatory/data`` (see ``tools/bank_holidays.py``).
_BUNDLED_FILE: Final = "calendars/uk_bank_holidays.json"


@attrs.frozen
class _Bundled(Record):
    """The bundled bank holidays of every nation, for a run of whole years."""

    years: range
    #: The days of those years, as ordinals (a ``range``, so membership is arithmetic).
    covered: range
    #: By subdivision code, then year: every holiday the package lists (weekends too).
    days: Mapping[str, Mapping[int, tuple[dt.date, ...]]]


@functools.cache
def _bundled() -> _Bundled:
    # JSON, not TOML: the standard library parses it in C, about 0.5 ms for the file where
    # tomllib takes about 9 ms, and this is on the path of every payment plan's first count.
    # The install's bundle holds it parsed, so a run need not import json for it.
    text = read_package_text(f"data/{_BUNDLED_FILE}")
    document = bundle.compiled_table(text)
    if document is None:
        import json

        document = json.loads(text)
    first, last = document["first_year"], document["last_year"]
    return _Bundled(
        years=range(first, last + 1),
        covered=range(dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal() + 1),
        days={
            code: {
                int(year): tuple(dt.date.fromisoformat(day) for day in days)
                for year, days in years.items()
            }
            for code, years in document["nations"].items()
        },
    )


def _package_calendar(nation: Nation, year: int | None = None) -> Any:
    """The ``holidays`` package's calendar of the nation, imported only when it is needed."""
    import holidays

    return holidays.country_holidays("GB", subdiv=nation.holidays_code, years=year)


@functools.cache
def _horizon(nation: Nation) -> tuple[dt.date, dt.date]:
    # The years the ``holidays`` package knows the nation's bank holidays for (1872, the
    # first year of the Bank Holidays Act 1871, to 2100 in holidays 0.109). Outside them it
    # returns no holidays at all, so a count there would be silently wrong. (The bundled
    # years lie within them: tools/bank_holidays.py refuses to write any others.)
    calendar = _package_calendar(nation)
    return dt.date(calendar.start_year, 1, 1), dt.date(calendar.end_year, 12, 31)


def _within_horizon(nation: Nation, ordinal: int) -> bool:
    """Whether the day is within :func:`_horizon`, asking the package only beyond the bundle."""
    if ordinal in _bundled().covered:
        return True
    earliest, latest = _horizon(nation)
    return earliest.toordinal() <= ordinal <= latest.toordinal()


@functools.cache
def _bank_holidays(nation: Nation, year: int) -> tuple[int, ...]:
    """The nation's bank holidays of ``year`` that fall on a weekday, as sorted ordinals."""
    bundled = _bundled()
    days: Iterable[dt.date]
    if year in bundled.years:
        days = bundled.days[nation.holidays_code][year]
    else:
        days = _package_calendar(nation, year)
    # A holiday on a weekend costs no working day (its substitute day is listed separately).
    return tuple(sorted(day.toordinal() for day in days if day.weekday() < 5))


def _weekdays_through(ordinal: int) -> int:
    """Mondays to Fridays from 1 January of year 1 (a Monday) up to and including ``ordinal``."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _nth_weekday(count: int) -> int:
    """The ordinal of the ``count``-th Monday-to-Friday day (counting from 1 January, year 1)."""
    weeks, rest = divmod(count - 1, 5)
    return weeks * 7 + rest + 1


@attrs.frozen
class WorkingDays(Record):
    """Monday to Friday, except the nation's bank holidays.

    Days are counted arithmetically (whole weeks of five days, less the bank holidays in
    between), so a span of decades costs no more than a span of days. Only days within
    :attr:`horizon`, the years the ``holidays`` package has the nation's bank holidays for
    (1 January 1872 to 31 December 2100), can be counted: a day outside them, or a count
    that would end outside them, is a :class:`~participatory.core.errors.ValidationError`.

    >>> import datetime as dt
    >>> WorkingDays().between(dt.date(2026, 1, 1), dt.date(2027, 1, 1))  # 261 weekdays, 8 off
    253
    >>> WorkingDays().add(dt.date(2101, 1, 1), 1)
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: day: is outside the dates the bank-holiday ...
    """

    nation: Nation = Nation.ENGLAND

    @property
    def horizon(self) -> tuple[dt.date, dt.date]:
        """The first and last day whose working days can be counted (bank holidays known)."""
        return _horizon(self.nation)

    def _check(self, day: dt.date, name: str) -> int:
        ordinal = day.toordinal()
        if not _within_horizon(self.nation, ordinal):
            first, last = self.horizon
            raise ValidationError(
                name,
                "is outside the dates the bank-holiday calendar covers "
                f"({first.isoformat()} to {last.isoformat()})",
            )
        return ordinal

    def _holidays_between(self, after: int, through: int) -> int:
        """Weekday bank holidays on ordinals in ``(after, through]`` (both within the horizon)."""
        if through <= after:
            return 0
        first_year = dt.date.fromordinal(after + 1).year
        last_year = dt.date.fromordinal(through).year
        count = 0
        for year in range(first_year, last_year + 1):
            days = _bank_holidays(self.nation, year)
            count += bisect.bisect_right(days, through) - bisect.bisect_right(days, after)
        return count

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day in the nation."""
        ordinal = self._check(day, "day")
        return day.weekday() < 5 and ordinal not in _bank_holidays(self.nation, day.year)

    def add(self, day: dt.date, working_days: int) -> dt.date:
        """The day ``working_days`` working days after ``day`` (``day`` itself not counted)."""
        start = self._check(day, "day")
        if working_days <= 0:
            return day
        target = _weekdays_through(start) + working_days
        searched, candidate = start, _nth_weekday(target)
        # Each bank holiday passed pushes the answer one weekday on; those extra weekdays
        # may pass more holidays, so repeat until a stretch passes none. (From a day within
        # the horizon, only a day after it can fall outside.)
        while _within_horizon(self.nation, candidate):
            passed = self._holidays_between(searched, candidate)
            if not passed:
                return dt.date.fromordinal(candidate)
            target += passed
            searched, candidate = candidate, _nth_weekday(target)
        raise ValidationError(
            "working_days",
            f"would end after {self.horizon[1].isoformat()}, the last date the bank-holiday "
            "calendar covers",
        )

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 if ``end <= start``)."""
        after, through = self._check(start, "start"), self._check(end, "end")
        if through <= after:
            return 0
        weekdays = _weekdays_through(through) - _weekdays_through(after)
        return weekdays - self._holidays_between(after, through)


def _working_days(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("working_days", "must be a whole number, 0 or more")
    return value


def _nation(value: Nation | str) -> Nation:
    return member(Nation, value, "nation")


@attrs.frozen
class TimelinessPolicy(Record):
    """Pay within ``working_days`` working days of the activity, in ``nation``."""

    working_days: int = attrs.field(converter=_working_days)
    nation: Nation = attrs.field(default=Nation.ENGLAND, converter=_nation)
    source: str = attrs.field(default="institution payment policy", converter=policy_source)

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


#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, object]] = {
    "payments.late": {
        "by": "working_days_late",
        "one": (
            "Payment {payment} to {contributor} ({amount}) was paid on {paid_on}, "
            "{working_days_late} working day after its deadline of {deadline}."
        ),
        "other": (
            "Payment {payment} to {contributor} ({amount}) was paid on {paid_on}, "
            "{working_days_late} working days after its deadline of {deadline}."
        ),
    },
    "payments.overdue": {
        "by": "working_days_late",
        "one": (
            "Payment {payment} to {contributor} ({amount}) is overdue: it was due by "
            "{deadline} and is {working_days_late} working day late on {as_at}."
        ),
        "other": (
            "Payment {payment} to {contributor} ({amount}) is overdue: it was due by "
            "{deadline} and is {working_days_late} working days late on {as_at}."
        ),
    },
    "payments.planned_after_deadline": (
        "Payment {payment} to {contributor} is planned for {due_on}, after the policy's "
        "deadline of {deadline}; bring it forward."
    ),
    "payments.on_time": {
        "by": "count",
        "one": "{count} payment was made on time.",
        "other": "{count} payments were made on time.",
    },
}


def _deadline(policy: TimelinessPolicy, payment: Payment) -> dt.date:
    """The payment's deadline; a date outside the calendar is named by the payment's path."""
    try:
        return policy.deadline(payment)
    except ValidationError as error:
        path = f"payments[{payment.id}].activity_on"
        raise ValidationError(path, error.problem, hint=error.hint) from None


def _late_by(calendar: WorkingDays, deadline: dt.date, day: dt.date, path: str) -> int:
    """Working days from ``deadline`` to ``day``; a date outside the calendar is ``path``."""
    try:
        return calendar.between(deadline, day)
    except ValidationError as error:
        raise ValidationError(path, error.problem, hint=error.hint) from None


def assess_timeliness(
    plan: PaymentPlan, policy: TimelinessPolicy, *, as_at: dt.date
) -> TimelinessReport:
    """Which payments were paid late, which are overdue on ``as_at``, and which are planned late.

    A payment recorded as paid after ``as_at`` counts as not yet paid on that day. Working
    days are counted only within :attr:`WorkingDays.horizon` (1872 to 2100): a deadline,
    payment date or ``as_at`` that needs counting beyond it is a ``ValidationError``
    naming it. Arguments of another type are a ``ValidationError`` naming the argument.
    """
    if not isinstance(plan, PaymentPlan):
        raise ValidationError("plan", "must be a PaymentPlan")
    if not isinstance(policy, TimelinessPolicy):
        raise ValidationError("policy", "must be a TimelinessPolicy")
    # A moment is not a day (its date depends on its time zone), and cannot be compared
    # with the payments' dates.
    if not isinstance(as_at, dt.date) or isinstance(as_at, dt.datetime):
        raise ValidationError("as_at", "must be a date")
    calendar = policy.calendar
    citations = (
        policy_citation(policy.source),
        cite("hra_news_org_tax_guide_2023#prompt_payment"),
    )
    findings: list[Finding] = []
    statuses: list[tuple[str, PaymentStatus]] = []
    on_time = 0
    # Each enum member read once per call, not once per payment: in CPython 3.11 reading a
    # member off its class costs about as much as a short function call.
    declined = PaymentKind.DECLINED
    not_payable, paid_on_time = PaymentStatus.NOT_PAYABLE, PaymentStatus.PAID_ON_TIME
    paid_late, overdue = PaymentStatus.PAID_LATE, PaymentStatus.OVERDUE
    not_yet_due = PaymentStatus.NOT_YET_DUE
    advice, warning, problem = Severity.ADVICE, Severity.WARNING, Severity.PROBLEM
    # A session's fees share its activity day, so they share its deadline: each day's is
    # worked out once in this call (the first payment to need it, in the order below, is
    # still the one a day outside the calendar is reported for).
    deadlines: dict[dt.date, dt.date] = {}
    for payment in sorted(plan.payments, key=lambda p: (p.due_on, p.id)):
        if payment.kind is declined:
            statuses.append((payment.id, not_payable))
            continue
        activity_on = payment.activity_on
        found = None if activity_on is None else deadlines.get(activity_on)
        if found is None:
            found = _deadline(policy, payment)
            if activity_on is not None:
                deadlines[activity_on] = found
        deadline = found
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
                    advice,
                    "payments.planned_after_deadline",
                    {**values, "due_on": payment.due_on},
                    citations=citations,
                    subject=payment.contributor,
                )
            )
        paid_on = payment.paid_on
        if payment.is_paid(as_at) and paid_on is not None:
            if paid_on <= deadline:
                statuses.append((payment.id, paid_on_time))
                on_time += 1
                continue
            statuses.append((payment.id, paid_late))
            findings.append(
                Finding(
                    "PAY-LATE",
                    warning,
                    "payments.late",
                    {
                        **values,
                        "paid_on": paid_on,
                        "working_days_late": _late_by(
                            calendar, deadline, paid_on, f"payments[{payment.id}].paid_on"
                        ),
                    },
                    citations=citations,
                    subject=payment.contributor,
                )
            )
        elif as_at > deadline:
            statuses.append((payment.id, overdue))
            findings.append(
                Finding(
                    "PAY-OVERDUE",
                    problem,
                    "payments.overdue",
                    {
                        **values,
                        "as_at": as_at,
                        "working_days_late": _late_by(calendar, deadline, as_at, "as_at"),
                    },
                    citations=citations,
                    subject=payment.contributor,
                )
            )
        else:
            statuses.append((payment.id, not_yet_due))
    if on_time:
        findings.insert(
            0, Finding("PAY-ON-TIME", Severity.MET, "payments.on_time", {"count": on_time})
        )
    return TimelinessReport(as_at=as_at, statuses=tuple(statuses), findings=findings)
