"""A wrong argument to an engine is the library's own error, naming the argument, not its value.

hardening.md: "Whatever a caller passes (... None or a wrong type to a main entry point),
the result is a value or a ParticipatoryError". The error names the argument (its path) and
never repeats what was given: the value may be a person's note or circumstances, so each
wrong value here is a text that stands for one (SECRET), and no message may contain it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from participatory.assessment import receipt_for, receipts_for
from participatory.benefits.receipts import ReceiptKind, receipts
from participatory.budget import distribute, share, split_fund
from participatory.budget.review import percent, shown_shares
from participatory.budget.seed_fund import assess_seed_fund_application
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.evaluation import assess_evaluation
from participatory.payments import Payment, PaymentKind
from participatory.payments.methods import (
    MethodPolicy,
    PaymentMethod,
    assess_payment_method,
    consequences,
)
from participatory.power import assess_power
from participatory.power.decisions import DecisionRecord
from participatory.power.ladders import place
from participatory.power.principles import assess_principles, assess_standards
from participatory.power.review import normalise_label
from participatory.render.branding import contrast_ratio
from participatory.roles.authorship import Contribution, assess_authorship
from participatory.safeguarding import PersonalNote, SafeguardingProfile, assess_safeguarding
from participatory.store import ledger_to_data
from participatory.tax import tax_month, tax_week

SECRET = "qq-psychosis-2019-qq"
DAY = dt.date(2026, 6, 1)
LONDON_MOMENT = dt.datetime(2025, 5, 1, 12, tzinfo=dt.UTC)


def _profile() -> SafeguardingProfile:
    return SafeguardingProfile(groups=["young_people"], intensity="low", measures=["signposting"])


def _note() -> PersonalNote:
    return PersonalNote("dee", groups=["autism"], note=SECRET)


def _fee(payment_id: str = "p1", kind: PaymentKind = PaymentKind.FEE) -> Payment:
    return Payment(payment_id, "amira", kind, Money.gbp("25.00"), due_on=dt.date(2026, 5, 14))


CASES: list[tuple[str, Callable[[], object], str]] = [
    ("safeguarding-text", lambda: assess_safeguarding(SECRET), "profile"),  # type: ignore[arg-type]
    ("safeguarding-none", lambda: assess_safeguarding(None), "profile"),  # type: ignore[arg-type]
    (
        "safeguarding-dict",
        lambda: assess_safeguarding({"groups": [SECRET]}),  # type: ignore[arg-type]
        "profile",
    ),
    ("notes-text", lambda: assess_safeguarding(_profile(), SECRET), "notes"),  # type: ignore[arg-type]
    ("notes-int", lambda: assess_safeguarding(_profile(), 5), "notes"),  # type: ignore[arg-type]
    ("notes-none", lambda: assess_safeguarding(_profile(), None), "notes"),  # type: ignore[arg-type]
    ("notes-one-note", lambda: assess_safeguarding(_profile(), _note()), "notes"),  # type: ignore[arg-type]
    (
        "notes-second-not-a-note",
        lambda: assess_safeguarding(_profile(), [_note(), SECRET]),  # type: ignore[list-item]
        "notes[1]",
    ),
    (
        "notes-by-person",
        lambda: assess_safeguarding(_profile(), {SECRET: _note()}),  # type: ignore[arg-type]
        "notes[0]",
    ),
    (
        "guidance-text",
        lambda: assess_safeguarding(_profile(), guidance=SECRET),  # type: ignore[arg-type]
        "guidance",
    ),
    ("power-text", lambda: assess_power(SECRET), "record"),  # type: ignore[arg-type]
    ("power-label", lambda: assess_power(DecisionRecord(), label=5), "label"),  # type: ignore[arg-type]
    (
        "power-evidence",
        lambda: assess_power(DecisionRecord(), evidence=SECRET),  # type: ignore[arg-type]
        "evidence",
    ),
    ("place-text", lambda: place(SECRET), "record"),  # type: ignore[arg-type]
    (
        "principles-evidence",
        lambda: assess_principles(DecisionRecord(), SECRET),  # type: ignore[arg-type]
        "evidence",
    ),
    ("standards-record", lambda: assess_standards(SECRET, SECRET), "record"),  # type: ignore[arg-type]
    ("normalise-label-int", lambda: normalise_label(5), "label"),  # type: ignore[arg-type]
    ("evaluation-dict", lambda: assess_evaluation({SECRET: 1}), "plan"),  # type: ignore[arg-type]
    ("distribute-text", lambda: distribute(SECRET), "budget"),  # type: ignore[arg-type]
    ("share-part", lambda: share(SECRET, Money.gbp(3)), "part"),  # type: ignore[arg-type]
    ("share-whole", lambda: share(Money.gbp(1), 3), "whole"),  # type: ignore[arg-type]
    ("shown-shares-text", lambda: shown_shares(SECRET), "distribution"),  # type: ignore[arg-type]
    ("percent-float", lambda: percent(0.4), "share"),  # type: ignore[arg-type]
    ("split-fund-fund", lambda: split_fund(SECRET, ["A"]), "fund"),  # type: ignore[arg-type]
    ("split-fund-partners", lambda: split_fund(Money.gbp(10), SECRET), "partners"),
    ("split-fund-weights", lambda: split_fund(Money.gbp(10), ["A"], 5), "weights"),  # type: ignore[arg-type]
    (
        "seed-fund-application",
        lambda: assess_seed_fund_application(SECRET, SECRET),  # type: ignore[arg-type]
        "application",
    ),
    ("tax-month-text", lambda: tax_month("2025-05-01"), "day"),  # type: ignore[arg-type]
    ("tax-month-none", lambda: tax_month(None), "day"),  # type: ignore[arg-type]
    ("tax-month-moment", lambda: tax_month(LONDON_MOMENT), "day"),
    ("tax-week-moment", lambda: tax_week(LONDON_MOMENT), "day"),
    ("tax-week-naive-moment", lambda: tax_week(dt.datetime(2025, 5, 1, 12)), "day"),
    ("receipt-for-text", lambda: receipt_for(SECRET), "payment"),  # type: ignore[arg-type]
    ("receipts-for-text-item", lambda: receipts_for([SECRET]), "payments[0]"),  # type: ignore[list-item]
    ("receipts-for-one-payment", lambda: receipts_for(_fee()), "payments"),  # type: ignore[arg-type]
    ("receipts-one-text", lambda: receipts(SECRET), "receipts"),  # type: ignore[arg-type]
    ("ledger-to-data-text", lambda: ledger_to_data(SECRET), "ledger"),  # type: ignore[arg-type]
    ("consequences-text", lambda: consequences(SECRET), "method"),  # type: ignore[arg-type]
    (
        "consequences-subject",
        lambda: consequences(PaymentMethod.PAYROLL, subject=5),  # type: ignore[arg-type]
        "subject",
    ),
    (
        "payment-method-preference",
        lambda: assess_payment_method(SECRET, MethodPolicy(["payroll"])),  # type: ignore[arg-type]
        "preference",
    ),
    (
        "authorship-contribution",
        lambda: assess_authorship(SECRET, None, as_at=DAY),  # type: ignore[arg-type]
        "contribution",
    ),
    (
        "authorship-as-at-moment",
        lambda: assess_authorship(Contribution("dee", ()), None, as_at=LONDON_MOMENT),
        "as_at",
    ),
    ("contrast-text", lambda: contrast_ratio(SECRET, "#ffffff"), "foreground"),
]


@pytest.mark.parametrize(("call", "path"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_argument_is_named_and_never_repeated(
    call: Callable[[], object], path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.path == path, str(caught.value)
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.args)
    # Raised outside any handler: no Python error underneath that might quote the value.
    assert caught.value.__context__ is None or SECRET not in str(caught.value.__context__)


def test_notes_given_as_any_list_of_notes_give_the_same_assessment() -> None:
    """A tuple, a list or a generator of the same notes: one answer."""
    profile, note = _profile(), _note()
    as_tuple = assess_safeguarding(profile, (note,))
    assert assess_safeguarding(profile, [note]) == as_tuple
    assert assess_safeguarding(profile, (n for n in [note])) == as_tuple
    # Dee's autism is not among the profile's groups: her note adds one sensitive finding.
    assert [f.sensitive for f in as_tuple.findings].count(True) == 1


def test_a_payment_method_may_be_named_by_its_value() -> None:
    """The one helper for enumeration arguments (core.fields.member) takes the member or its
    value, as every model does; an unknown name is refused with the allowed ones."""
    assert consequences("payroll") == consequences(PaymentMethod.PAYROLL)
    with pytest.raises(ValidationError, match="must be one of bank_transfer"):
        consequences("cash")  # type: ignore[arg-type]


def test_receipts_for_reads_any_iterable_of_payments() -> None:
    """A fee becomes an involvement-fee receipt of the same £25.00 on its due day; a payment
    to an organisation is no one's receipt and is left out."""
    made = receipts_for(p for p in (_fee("p1"), _fee("p2", PaymentKind.ORGANISATION_PAYMENT)))
    assert [(r.amount, r.received_on, r.kind, r.reference) for r in made] == [
        (Money.gbp("25.00"), dt.date(2026, 5, 14), ReceiptKind.INVOLVEMENT_FEE, "p1")
    ]


@pytest.mark.parametrize(
    ("day", "month", "week"),
    [
        (dt.date(2025, 4, 6), 1, 1),  # the first day of the tax year
        (dt.date(2025, 5, 5), 1, 5),  # 29 days after 6 April: week 5 (4-10 May)
        (dt.date(2025, 5, 6), 2, 5),
        (dt.date(2026, 4, 5), 12, 53),  # the 365th day: the one-day week 53
    ],
)
def test_tax_periods_of_a_day_are_counted_from_the_sixth_of_april(
    day: dt.date, month: int, week: int
) -> None:
    """PAYE70025: tax month 1 is 6 April-5 May, week 1 is 6-12 April."""
    assert (tax_month(day), tax_week(day)) == (month, week)


def test_a_date_subclass_that_is_not_a_moment_is_a_day() -> None:
    class Day(dt.date):
        pass

    assert tax_week(Day(2025, 5, 1)) == 4
