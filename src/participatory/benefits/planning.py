"""Planning payments: the largest payment that changes nothing, and the least-loss schedule.

:func:`plan_safe_payment` finds, to the penny, the largest payment received on a day
that leaves every benefit exactly as it was (given any payments already planned). It
searches with the engine itself, so it can never disagree with :func:`~participatory.
benefits.engine.assess_benefits`.

:func:`plan_instalments` spreads a total over the days a payment could *genuinely* be made
(for example, after each session), filling what each period can take without loss first,
and compares the result with paying everything at once. It never suggests relabelling a
fee as expenses or splitting one piece of work into fictitious instalments: the findings
say so, and state the trade-off (waiting longer for the money).

>>> import datetime as dt
>>> from participatory.benefits.claims import CarersAllowanceClaim
>>> from participatory.benefits.household import Household, Person
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> safe = plan_safe_payment(carer, dt.date(2025, 6, 10))
>>> safe.amount
Money('196.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import ClassVar, Final

import attrs

from participatory.benefits.advice import standing_findings
from participatory.benefits.engine import assess_benefits
from participatory.benefits.headroom import PaymentSearch, search_ceiling
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit
from participatory.benefits.mechanism import finding, pounds
from participatory.benefits.outcomes import BenefitsCheck, stale_findings
from participatory.benefits.receipts import Receipt, ReceiptKind
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Explained, Finding, Severity, withheld_as_one
from participatory.core.fields import instances
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.periods import to_date
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import field_repr

__all__ = ["MESSAGES", "InstalmentPlan", "SafePayment", "plan_instalments", "plan_safe_payment"]

MESSAGES: Final = {
    "benefits.plan.safe": (
        "The largest payment received on {day} that changes no benefit is {amount}; "
        "one penny more changes {benefit} ({rule})."
    ),
    "benefits.plan.safe_unlimited": (
        "No payment up to {ceiling} received on {day} changes the contributor's benefits."
    ),
    "benefits.plan.schedule": {
        "by": "count",
        "one": (
            "Paying {total} in {count} instalment loses {loss} of benefits; paying it all on "
            "{first_day} would lose {loss_at_once}."
        ),
        "other": (
            "Paying {total} in {count} instalments loses {loss} of benefits; paying it all on "
            "{first_day} would lose {loss_at_once}."
        ),
    },
    "benefits.plan.trade_off": (
        "Spreading the payment means the contributor waits for part of the money. Offer "
        "the choice: some people prefer to be paid at once."
    ),
    "benefits.plan.honesty": (
        "Only use dates on which a payment is genuinely made for work genuinely done, "
        "record each payment as what it is, and report every payment as the benefit "
        "rules require. Never describe a fee as expenses."
    ),
    "benefits.plan.expenses": (
        "Paying expenses against receipts, rather than a flat rate, keeps them out of "
        "the benefit calculation."
    ),
}

_CEILING = Money.gbp(100_000)
#: Never relabel a fee or invent instalments: said with every plan.
HONESTY: Final = finding(
    "BEN-PLAN-HONESTY", Severity.ADVICE, "benefits.plan.honesty", sensitive=False
)


@attrs.frozen
class SafePayment(Explained):
    """The largest payment on a day that changes nothing (``None``: no limit found)."""

    amount: Money | None = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    day: dt.date
    #: The benefit that one penny more would change.
    binding: Benefit | None = attrs.field(repr=REDACTED, metadata=SENSITIVE)


def _instalments(items: object) -> tuple[Receipt, ...]:
    # Refused by position and type only: the amounts are the plan's sensitive part.
    return instances(Receipt, items, "instalments", what="Receipts")


@attrs.frozen
class InstalmentPlan(Explained):
    """A schedule of payments for a total, the benefit it loses, and the at-once comparison.

    Its default copies (``repr``, ``str`` and :func:`~participatory.interchange.to_plain`
    without ``include_sensitive``) list the findings that are not sensitive and then one
    withheld marker, however many are withheld: their number (a check's findings for each
    benefit period a payment touches, or none) would say whether a benefit was at stake.
    Read the findings themselves (``plan.findings``), with the person's consent, for every one.
    """

    # The amounts the plan spreads show where a benefit's limits lie, as a safe payment's
    # amount does: withheld from reprs and default outputs alike.
    instalments: tuple[Receipt, ...] = attrs.field(
        converter=_instalments, repr=REDACTED, metadata=SENSITIVE
    )
    loss: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    loss_if_paid_at_once: Money = attrs.field(repr=REDACTED, metadata=SENSITIVE)
    result: BenefitsCheck = attrs.field(repr=REDACTED, metadata=SENSITIVE)

    #: Default plain data lists the findings that are not sensitive, then one withheld marker.
    _withheld_as_one: ClassVar[bool] = True

    @property
    def kept(self) -> Money:
        """What the contributor is better off by under this plan."""
        return self.result.kept

    def __repr__(self) -> str:
        # As the default plain data shows it: one withheld finding for all of them.
        return field_repr(attrs.evolve(self, findings=withheld_as_one(self.findings)))


def _first_change(result: BenefitsCheck) -> tuple[Benefit, str]:
    """The first benefit the payments change, and the rule that says so."""
    for o in result.outcomes:
        if not o.unchanged:
            rule = next(
                (f.rule_id for f in o.findings if f.severity.is_at_least(Severity.WARNING)),
                o.findings[0].rule_id if o.findings else "",
            )
            return o.benefit, rule
    raise AssertionError("no benefit changed")  # pragma: no cover - only called on a change


def _standing(household: Household) -> tuple[Finding, ...]:
    return standing_findings(frozenset(), household.nation)


@computes_exactly
def plan_safe_payment(
    household: Household,
    day: dt.date | str,
    *,
    kind: ReceiptKind = ReceiptKind.INVOLVEMENT_FEE,
    person: str | None = None,
    already: Iterable[Receipt] = (),
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
    ceiling: Money = _CEILING,
) -> SafePayment:
    """The largest payment of ``kind`` received on ``day`` that changes no benefit.

    ``already`` are payments already made or planned (to anyone in the household, from any
    payer); the answer is what can be added to them for ``person``: the largest amount below
    which no payment changes any benefit. It is searched as :func:`~participatory.benefits.
    headroom.headroom` searches (one :class:`~participatory.benefits.headroom.PaymentSearch`),
    so where no benefit's room is used up by ``already`` the two give the same amount.
    """
    on = to_date(day, "day")
    planned = instances(Receipt, already, "already", what="Receipts")
    search = PaymentSearch(
        household, on, person=person, kind=kind, already=planned, parameters=parameters,
        allow_stale=allow_stale, top=search_ceiling(ceiling),
    )  # fmt: skip
    largest = search.probe(search.top)
    firsts = [p for p in search.first_changes().values() if p is not None]
    if not firsts:
        found = finding(
            "BEN-PLAN-SAFE-AMOUNT",
            Severity.INFO,
            "benefits.plan.safe_unlimited",
            {"day": on, "ceiling": search.searched(ceiling)},
        )
        # An answer from stale figures says which (the probes' own findings would).
        stale = stale_findings(largest) if allow_stale else ()
        return SafePayment(None, on, None, findings=(found, *_standing(household), *stale, HONESTY))
    high = min(firsts)
    first = search.probe(high)
    benefit, rule = _first_change(first)
    # Every probe is on the same day: the largest touches every period a smaller one does,
    # and the first to change reads what explaining that change needs.
    stale = stale_findings(largest, first) if allow_stale else ()
    amount = pounds(high - 1)
    found = finding(
        "BEN-PLAN-SAFE-AMOUNT",
        Severity.INFO,
        "benefits.plan.safe",
        {"day": on, "amount": amount, "benefit": benefit.label, "rule": rule},
    )
    return SafePayment(
        amount, on, benefit, findings=(found, *_standing(household), *stale, HONESTY)
    )


def _loss(result: BenefitsCheck) -> Decimal:
    return -result.change_amount()


@computes_exactly
def plan_instalments(
    household: Household,
    total: Money,
    days: Sequence[dt.date | str],
    *,
    kind: ReceiptKind = ReceiptKind.INVOLVEMENT_FEE,
    person: str | None = None,
    already: Iterable[Receipt] = (),
    parameters: ParameterSet | None = None,
    allow_stale: bool = False,
) -> InstalmentPlan:
    """Pay ``total`` to ``person`` on some of ``days`` with the least benefit loss.

    Each day, in order, takes the largest amount that changes nothing; anything left goes
    on the day where it loses least. The result is compared with paying everything on the
    first day, and the better of the two is returned (paying at once wins a tie). This is
    a search over simple schedules, not a proof of the best possible one.
    """
    if not isinstance(total, Money) or total.currency != "GBP" or total.is_negative():
        raise ValidationError("total", "must be a non-negative amount in GBP")
    if not total.is_whole_minor_units():
        raise ValidationError("total", "must be a whole number of pence")
    dates = sorted({to_date(d, "days") for d in days})
    if not dates:
        raise ValidationError("days", "must name at least one day a payment could be made")
    planned = tuple(already)

    def receipt(amount: Decimal, day: dt.date) -> Receipt:
        return Receipt(Money(amount), day, kind, person=person)

    def run(instalments: Sequence[Receipt]) -> BenefitsCheck:
        return assess_benefits(
            household, instalments, already=planned, parameters=parameters, allow_stale=allow_stale
        )

    at_once = (receipt(total.amount, dates[0]),)
    at_once_result = run(at_once)
    amounts: dict[dt.date, Decimal] = {}
    remaining = total.amount
    for day in dates:
        if remaining <= 0:
            break
        so_far = tuple(receipt(a, d) for d, a in amounts.items())
        safe = plan_safe_payment(
            household,
            day,
            kind=kind,
            person=person,
            already=(*planned, *so_far),
            parameters=parameters,
            allow_stale=allow_stale,
            ceiling=Money(remaining),
        )
        take = remaining if safe.amount is None else min(remaining, safe.amount.amount)
        if take > 0:
            amounts[day] = take
            remaining -= take
    if remaining > 0:
        best: tuple[Decimal, dt.date] | None = None
        for day in dates:
            trial = dict(amounts)
            trial[day] = trial.get(day, Decimal(0)) + remaining
            loss = _loss(run([receipt(a, d) for d, a in sorted(trial.items())]))
            if best is None or loss < best[0]:
                best = (loss, day)
        assert best is not None
        amounts[best[1]] = amounts.get(best[1], Decimal(0)) + remaining
    spread = tuple(receipt(a, d) for d, a in sorted(amounts.items()) if a > 0)
    spread_result = run(spread)
    chosen, result = (
        (spread, spread_result)
        if _loss(spread_result) < _loss(at_once_result)
        else (at_once, at_once_result)
    )
    extra: list[Finding] = [
        finding(
            "BEN-PLAN-SCHEDULE",
            Severity.INFO,
            "benefits.plan.schedule",
            {
                "total": total,
                "count": len(chosen),
                "loss": Money(_loss(result)),
                "first_day": dates[0],
                "loss_at_once": Money(_loss(at_once_result)),
            },
        ),
        HONESTY,
    ]
    if len(chosen) > 1:
        # Sensitive: said only of a spread, which is chosen only when it saves a benefit.
        extra.append(finding("BEN-PLAN-TRADE-OFF", Severity.ADVICE, "benefits.plan.trade_off"))
    if kind is ReceiptKind.FLAT_RATE_EXPENSES:
        extra.append(
            finding("BEN-PLAN-EXPENSES", Severity.ADVICE, "benefits.plan.expenses", sensitive=False)
        )
    return InstalmentPlan(
        chosen,
        Money(_loss(result)),
        Money(_loss(at_once_result)),
        result,
        findings=(*extra, *result.findings),
    )
