"""Before you pay: what a proposed payment does, given everything else the person receives.

Benefits law counts a person's (and, for Universal Credit, a couple's) earnings in a benefit
week or an assessment period, whoever paid them. So a payment that is safe on its own can
cost a carer a week's Carer's Allowance because another project paid them the same week.
:func:`assess_before_paying` checks a proposed payment against every payment already made or
scheduled to the person and their partner, from every project and payer, in the weeks and
assessment periods around it, and says what it does to each benefit and how much room is left.

What it says about the *other* payments is only what the paying project needs: that other
payments in the same period make the difference, or bring the person close to a limit. It
never lists them, never names another project or payer, and never gives their amounts. Every
finding is about a person's benefits, so every finding is sensitive.

Worked example (2025/26, Carer's Allowance earnings limit £196 a week, rate £83.30): one
project paid £150 on Tuesday 13 January 2026; another proposes £150 on Wednesday 14th. On its
own it would be safe; with the first, the week's earnings are £300, over the limit, so the
following week's allowance is lost.

>>> import datetime as dt
>>> from participatory.benefits import CarersAllowanceClaim, Household, Person
>>> from participatory.ledger import (
...     ConsentRecord, Contributor, HouseholdRecord, Ledger, PaymentEntry)
>>> agreed = ConsentRecord("amira", "amira", dt.date(2025, 4, 1),
...                        "checking payments against benefits", dt.date(2027, 3, 31))
>>> book = Ledger(
...     contributors=[Contributor("amira")],
...     households=[HouseholdRecord("h-amira", Household(people=[Person("amira",
...                 carers_allowance=CarersAllowanceClaim())]), [agreed])],
...     payments=[PaymentEntry("river-1", "amira", "150.00", "2026-01-13",
...                            payer="uni", project="river")])
>>> proposal = PaymentEntry("pillow-1", "amira", "150.00", "2026-01-14",
...                         payer="uni", project="pillow")
>>> check = assess_before_paying(book, proposal, as_at=dt.date(2026, 1, 10))
>>> check.change(), check.others_matter
(Money('-83.30', 'GBP'), True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

from participatory.benefits.engine import assess_benefits
from participatory.benefits.headroom import Headroom, headroom
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import finding
from participatory.benefits.outcomes import BenefitsCheck, PeriodOutcome
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly, own_context
from participatory.core.explain import ExplainedResult, Finding, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import DateRange
from participatory.core.privacy import REDACTED_TEXT
from participatory.core.sources import cite
from participatory.ledger._figures import (
    NamedDay,
    entry_days,
    figures_covering,
    received_within_money,
    within_money,
)
from participatory.ledger.entries import PaymentEntry
from participatory.ledger.model import Ledger, as_at_day

__all__ = ["CONTEXT_DAYS", "MESSAGES", "BeforePaying", "assess_before_paying"]

#: The keys of a check's plain form (:meth:`BeforePaying.unstructured`).
_PLAIN_KEYS: Final = (
    "payment", "as_at", "checked", "result", "others_matter", "headroom", "findings",
)  # fmt: skip

MESSAGES: Final[Mapping[str, str]] = {
    "ledger.before.changes": (
        "{benefit}, {start} to {end}: with everything else paid or scheduled to the "
        "household in this period, this payment changes it by {change}."
    ),
    "ledger.before.cliff": (
        "{benefit}, {start} to {end}: with everything else paid or scheduled in this period, "
        "this payment takes the person over a limit, and {benefit} is not paid for that "
        "period ({change})."
    ),
    "ledger.before.others_matter": (
        "Other payments to this person or their partner in the same period make the "
        "difference: on its own, this payment would not change {benefit} for {start} to {end}."
    ),
    "ledger.before.safe": (
        "With everything else paid or scheduled in the same weeks and assessment periods, "
        "this payment changes no benefit."
    ),
    "ledger.before.close": (
        "Other payments to this person in the same period bring them close to a limit: after "
        "this payment, {amount} more can be paid on {day} before {benefit} changes."
    ),
    "ledger.before.headroom": (
        "After this payment, up to {amount} more can be paid on {day} without changing {benefit}."
    ),
    "ledger.before.headroom_none": (
        "After this payment, any further payment on {day} changes {benefit}."
    ),
    "ledger.before.not_checked": (
        "No benefit circumstances are recorded for {person}, so this payment was not checked "
        "against benefits."
    ),
    "ledger.before.not_usable": (
        "The circumstances recorded for {person}'s household may not be used on {day}: they "
        "are past the day they may be kept until, the agreement was withdrawn, or it was not "
        "yet given. The payment was not checked against benefits. Erase them, and ask the "
        "person again if they want payments checked."
    ),
    "ledger.before.cancelled": "A cancelled payment counts for nothing: there is nothing to check.",
    # The first line of the ``ledger check`` text answer, here so that a Welsh answer says it
    # in Welsh too. Two whole sentences, not one with an optional part: a translation may
    # need to order the project differently.
    "ledger.before.report.proposed": "Proposed payment: {amount} to {person} on {day}.",
    "ledger.before.report.proposed_for_project": (
        "Proposed payment: {amount} to {person} on {day} (project {project})."
    ),
}

#: Days either side of a payment whose other payments are given to the benefits engine. A
#: payment touches its benefit week, the week after (Carer's Allowance counts earnings a week
#: late), its assessment period and the next (a lost week counts in the period whose last day
#: it takes in, or, in Northern Ireland, the one it ends in); the payments that decide those
#: periods lie at most 45 days away. Two months is a margin.
CONTEXT_DAYS: Final = 62

_CONTEXT: Final = dt.timedelta(days=CONTEXT_DAYS)
#: Why a proposal is refused whose amount, with the payments around it, has no money form.
_PAST: Final = (
    "adds up, with the payments recorded around its day, to more than an amount of money can hold"
)
# Catalogue references, resolved when a finding is made (``cite`` caches each), not at import.
_BASIS: Final = ("ico_special_category_rules#conditions", "ico_storage_limitation#not_longer")
_UNCHECKED_RULES: Final = {
    "cancelled": "LEDGER-CANCELLED",
    "not_checked": "LEDGER-NOT-CHECKED",
    "not_usable": "LEDGER-CIRCUMSTANCES-NOT-USABLE",
}


def context_window(day: dt.date, worked_on: dt.date | None = None) -> DateRange:
    """The days whose payments can change what a payment on ``day`` does.

    A payment for hours worked on another day (``worked_on``) also touches that day's week
    (the hours count in the week the work was done), so the window covers both.
    """
    first = day if worked_on is None else min(day, worked_on)
    last = day if worked_on is None else max(day, worked_on)
    # Clamped to the calendar: near year 1 or 9999 the window simply ends there (the
    # benefits engine then says the day is too close to the calendar's end).
    start = first - _CONTEXT if first - dt.date.min > _CONTEXT else dt.date.min
    end = last + _CONTEXT if dt.date.max - last > _CONTEXT else dt.date.max
    return DateRange(start, end)


def _asked(
    payment: PaymentEntry,
    others: tuple[PaymentEntry, ...] = (),
    window: DateRange | None = None,
) -> tuple[str, list[NamedDay]]:
    """What a refusal for missing figures names: the payment's day received, by default.

    Else the day the figures miss: the payment's day of work, or, for another payment's
    day within ``window``, only that it is one (:data:`~participatory.ledger._figures.
    OTHER_PAYMENT`: a project never learns when anyone else paid the person).
    """
    days = [(payment.received_on, payment.received_on.isoformat())]
    if payment.worked_on is not None:
        days.append((payment.worked_on, payment.worked_on.isoformat()))
    if window is not None:
        days += entry_days(others, window)
    return payment.received_on.isoformat(), days


def _own(entry: PaymentEntry, proposal: PaymentEntry) -> bool:
    """Whether ``entry`` is the proposing project's (or, with no project, payer's) own."""
    if proposal.project is not None:
        return entry.project == proposal.project
    return entry.project is None and entry.payer == proposal.payer


class BeforePaying(ExplainedResult):
    """What a proposed payment does with everything else counted, and the room left.

    ``checked`` is false when the payment could not be checked (no circumstances recorded,
    circumstances that may not be used, or a cancelled payment); the findings say which.
    The numbers (:meth:`change`, :attr:`outcomes`, :attr:`changes_nothing`) are computed at
    once; the comparison with the payment on its own (:attr:`others_matter`), the headroom
    and the findings when first read.
    """

    __slots__ = (
        "_already",
        "_cache",
        "_household",
        "_own",
        "_parameters",
        "_reason",
        "_receipt",
        "as_at",
        "payment",
        "result",
    )
    payment: PaymentEntry
    as_at: dt.date
    #: The benefits check of the payment with everything else counted (``None``: unchecked).
    result: BenefitsCheck | None

    def __init__(
        self,
        payment: PaymentEntry,
        as_at: dt.date,
        result: BenefitsCheck | None,
        *,
        reason: str | None = None,
        household: Household | None = None,
        receipt: Receipt | None = None,
        already: tuple[Receipt, ...] = (),
        own: tuple[Receipt, ...] = (),
        parameters: ParameterSet | None = None,
    ) -> None:
        self.payment = payment
        self.as_at = as_at
        self.result = result
        self._reason = reason
        self._household = household
        self._receipt = receipt
        self._already = already
        self._own = own
        self._parameters = parameters
        self._cache: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"BeforePaying(payment={self.payment.id!r}, {REDACTED_TEXT})"

    def unstructured(
        self, include_sensitive: bool, unstructure: Callable[[object], Any]
    ) -> dict[str, Any]:
        """Plain data for :func:`participatory.interchange.to_plain`.

        Withheld whole unless ``include_sensitive``, as a benefits check is (that a payment
        was checked against someone's benefits says they get some); the shape is the same
        either way. With it: the payment, the day, whether it was checked, the check with
        everything else counted, whether other payments matter, the headroom left and the
        findings.
        """
        if not include_sensitive:
            return {**dict.fromkeys(_PLAIN_KEYS), "sensitive": True, "withheld": True}
        checked = self.result is not None
        return {
            "payment": unstructure(self.payment),
            "as_at": unstructure(self.as_at),
            "checked": checked,
            "result": None if self.result is None else unstructure(self.result),
            "others_matter": self.others_matter if checked else None,
            "headroom": unstructure(self.headroom),
            "findings": [unstructure(f) for f in self.findings],
            "sensitive": True,
            "withheld": False,
        }

    @property
    def checked(self) -> bool:
        """Whether the payment was checked against the household's benefits."""
        return self.result is not None

    @property
    def outcomes(self) -> tuple[PeriodOutcome, ...]:
        """Each benefit in each period the payment touches, before and after it."""
        return () if self.result is None else self.result.outcomes

    @property
    def changes_nothing(self) -> bool:
        """Whether, with everything else counted, the payment leaves every benefit as it is."""
        return self.result is None or self.result.changes_nothing

    def change(self, benefit: Benefit | None = None) -> Money:
        """What the payment changes ``benefit`` (all benefits if ``None``) by."""
        if self.result is None:
            return Money.gbp("0.00")
        return self.result.change(benefit)

    @property
    def alone(self) -> BenefitsCheck | None:
        """The payment checked with only its own project's (or payer's) other payments."""
        if self.result is None or self._household is None or self._receipt is None:
            return None
        if "alone" not in self._cache:
            with figures_covering(*_asked(self.payment)):
                self._cache["alone"] = assess_benefits(
                    self._household,
                    (self._receipt,),
                    already=self._own,
                    parameters=self._parameters,
                )
        found: BenefitsCheck = self._cache["alone"]
        return found

    def _alone_change(self, outcome: PeriodOutcome) -> Decimal:
        alone = self.alone
        if alone is None:
            return Decimal(0)
        for other in alone.outcomes:
            if (other.benefit, other.period, other.person) == (
                outcome.benefit,
                outcome.period,
                outcome.person,
            ):
                return other.change_amount
        return Decimal(0)

    @property
    def others_matter(self) -> bool:
        """Whether other payers' payments change what this payment does."""
        return any(o.change_amount != self._alone_change(o) for o in self.outcomes)

    def _room(self, already: tuple[Receipt, ...]) -> Headroom:
        assert self._household is not None
        assert self._receipt is not None
        with figures_covering(*_asked(self.payment)):
            return headroom(
                self._household,
                self.payment.received_on,
                person=self.payment.person,
                kind=self._receipt.kind,
                already=(*already, self._receipt),
                parameters=self._parameters,
            )

    @property
    def headroom(self) -> Headroom | None:
        """After the payment, the most that can be added on its day per benefit."""
        if self.result is None:
            return None
        if "headroom" not in self._cache:
            self._cache["headroom"] = self._room(self._already)
        found: Headroom = self._cache["headroom"]
        return found

    def _own_headroom(self) -> Headroom:
        if "own_headroom" not in self._cache:
            self._cache["own_headroom"] = self._room(self._own)
        found: Headroom = self._cache["own_headroom"]
        return found

    @property
    def findings(self) -> tuple[Finding, ...]:
        """What the payment does and why, built when first read."""
        if "findings" not in self._cache:
            # Built when read, after the check returned: in the library's decimal context.
            with figures_covering(*_asked(self.payment)), own_context():
                self._cache["findings"] = self._explain()
        found: tuple[Finding, ...] = self._cache["findings"]
        return found

    def _explain(self) -> tuple[Finding, ...]:
        person = self.payment.person
        if self.result is None:
            key = f"ledger.before.{self._reason}"
            values: dict[str, object] = {"person": person, "day": self.as_at}
            severity = Severity.WARNING if self._reason == "not_usable" else Severity.INFO
            # That no circumstances are held says nothing about a benefit; that some were
            # held and have lapsed says the person had some.
            sensitive = self._reason == "not_usable"
            basis = tuple(cite(reference) for reference in _BASIS) if sensitive else ()
            return (
                finding(
                    _UNCHECKED_RULES[str(self._reason)],
                    severity,
                    key,
                    values if self._reason != "cancelled" else {},
                    citations=basis,
                    sensitive=sensitive,
                    subject=person,
                ),
            )
        result = self.result
        per_period = {id(f) for o in result.outcomes for f in o.findings}
        found: list[Finding] = []
        for outcome in result.outcomes:
            if outcome.unchanged:
                continue
            rule = [f for f in outcome.findings if f.severity.is_at_least(Severity.WARNING)]
            values = {
                "benefit": outcome.benefit.label,
                "start": outcome.period.start,
                "end": outcome.period.end,
                "change": outcome.change,
            }
            found.append(
                finding(
                    "LEDGER-PAYMENT-CHANGES-BENEFIT",
                    Severity.PROBLEM if outcome.cliff else Severity.WARNING,
                    "ledger.before.cliff" if outcome.cliff else "ledger.before.changes",
                    values,
                    # The rule's own sources and figures, not its sentence: that sentence
                    # quotes the period's total earnings, which include other payers'.
                    citations=tuple(c for f in rule for c in f.citations),
                    parameters=tuple(p for f in rule for p in f.parameters),
                    actions=tuple(a for f in rule for a in f.actions),
                    subject=person,
                )
            )
            if self._alone_change(outcome) == 0:
                found.append(
                    finding(
                        "LEDGER-OTHERS-MATTER",
                        Severity.WARNING,
                        "ledger.before.others_matter",
                        {k: values[k] for k in ("benefit", "start", "end")},
                        subject=person,
                    )
                )
        if result.changes_nothing:
            found.append(
                finding("LEDGER-PAYMENT-SAFE", Severity.MET, "ledger.before.safe", subject=person)
            )
        found.extend(self._room_findings())
        found.extend(f for f in result.findings if id(f) not in per_period)
        return tuple(found)

    def _room_findings(self) -> list[Finding]:
        room = self.headroom
        if room is None:
            return []
        person = self.payment.person
        day = self.payment.received_on
        own = self._own_headroom() if self._already != self._own else room
        found = []
        for benefit, amount in sorted(room.by_benefit.items(), key=lambda item: item[0].value):
            if amount is None:
                continue
            values = {"amount": amount, "day": day, "benefit": benefit.label}
            mine = own.for_benefit(benefit)
            unchanged = self.result is not None and not any(
                not o.unchanged for o in self.result.outcomes_for(benefit)
            )
            if unchanged and (mine is None or amount < mine):
                found.append(
                    finding("LEDGER-CLOSE-TO-LIMIT", Severity.ADVICE, "ledger.before.close",
                            values, subject=person)
                )  # fmt: skip
            key = "ledger.before.headroom" if amount.amount else "ledger.before.headroom_none"
            found.append(finding("LEDGER-HEADROOM", Severity.INFO, key, values, subject=person))
        return found


@computes_exactly
def assess_before_paying(
    ledger: Ledger,
    proposed_payment: PaymentEntry,
    *,
    as_at: dt.date,
    parameters: ParameterSet | None = None,
) -> BeforePaying:
    """What ``proposed_payment`` does to its person's and household's benefits.

    Everything the ledger holds for the household's members (payments made or scheduled,
    from every project and payer; cancelled ones never count) in the weeks and assessment
    periods around the payment is counted with it. An entry with the proposal's own id is
    the proposal itself (recorded earlier, checked again) and is not counted twice; an id
    that is already a payment to someone else (a partner, on a joint claim) is refused, as
    the proposal would otherwise leave that payment out, and so is a proposal that, with the
    payments recorded around its day, adds up to more than an amount of money can hold. The
    household's circumstances are used only if their recorded basis is in force on ``as_at``.
    """
    if not isinstance(ledger, Ledger):
        raise ValidationError("ledger", "must be a Ledger")
    if not isinstance(proposed_payment, PaymentEntry):
        raise ValidationError("proposed_payment", "must be a PaymentEntry")
    as_at = as_at_day(as_at)
    person = proposed_payment.person
    ledger.contributor(person)
    recorded = ledger.payments.get(proposed_payment.id)
    # Refused before anything about the household is read, so that the refusal is the same
    # whether or not anyone's circumstances are held.
    if recorded is not None and recorded.person != person:
        raise ValidationError(
            "proposed_payment.id",
            "is the id of a payment to another person",
            hint="give the proposed payment its own id",
        )
    if not proposed_payment.counts:
        return BeforePaying(proposed_payment, as_at, None, reason="cancelled")
    window = context_window(proposed_payment.received_on, proposed_payment.worked_on)
    itself = frozenset((proposed_payment.id,))
    # The person's own payments too are added up before the household is read: a refusal
    # only when circumstances are held would say that they are.
    mine = ledger.entries_between((person,), window, exclude_ids=itself)
    received_within_money(
        mine, window, "proposed_payment", _PAST, more=proposed_payment.amount.amount
    )
    record = ledger.household_of(person)
    if record is None:
        return BeforePaying(proposed_payment, as_at, None, reason="not_checked")
    if not record.usable_on(as_at):
        return BeforePaying(proposed_payment, as_at, None, reason="not_usable")
    members = record.members
    # A household of one has no payments but the person's, already found.
    entries = (
        mine
        if members == (person,)
        else ledger.entries_between(members, window, exclude_ids=itself)
    )
    # Each other payment brings only its part on the window's days: the hours of one
    # received nearby for work far away (a mistyped year) belong to a week the proposal
    # cannot touch, whose figures the check must not need.
    pairs = [
        (entry, receipt)
        for entry in entries
        if (receipt := entry.receipt_within(window)) is not None
    ]
    already = tuple(receipt for _, receipt in pairs)
    proposed = proposed_payment.receipt
    if entries is not mine:
        # With a partner's payments counted as well (the headroom after it counts them all).
        within_money((proposed, *already), "proposed_payment", _PAST)
    own = tuple(receipt for entry, receipt in pairs if _own(entry, proposed_payment))
    with figures_covering(*_asked(proposed_payment, entries, window)):
        result = assess_benefits(
            record.household, (proposed,), already=already, parameters=parameters
        )
    return BeforePaying(
        proposed_payment,
        as_at,
        result,
        household=record.household,
        receipt=proposed,
        already=already,
        own=own,
        parameters=parameters,
    )
