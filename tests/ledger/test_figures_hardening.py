"""A check of one person past the bundled figures never says which benefit they claim.

The benefits engine stops at the first parameter the data does not cover, and its
:class:`~participatory.core.errors.ParametersNotAvailable` names it:
``parameter 'carers_allowance.earnings_limit' is not available on 2027-06-14``. Beside
``--person c7`` (or a person's id in a log line) that says c7 gets Carer's Allowance. Every
entry point of the ledger that checks a person (before paying, headroom, the year's
statement, and a before-paying answer's findings read later) refuses with
:class:`~participatory.core.errors.FiguresNotAvailable` instead: the day asked about, no
parameter, no benefit, no day a benefit's own rules looked at (a Carer's Allowance week
starting Monday 14 June says which benefit as surely as its name).

The bundled Carer's Allowance, ESA and Universal Credit figures end on 5 April 2027
(``valid_until`` in ``src/participatory/data/parameters/benefits/``).
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    Household,
    Person,
    UniversalCreditClaim,
)
from participatory.cli import main
from participatory.core.errors import FiguresNotAvailable, ParametersNotAvailable
from participatory.core.money import Money
from participatory.interchange import dumps
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    contributor_statement,
)

PAST = dt.date(2027, 6, 10)
AS_AT = dt.date(2026, 3, 1)

CLAIMS: dict[str, Callable[[], dict[str, Any]]] = {
    "carers-allowance": lambda: {"people": [Person("c7", carers_allowance=CarersAllowanceClaim())]},
    "esa": lambda: {
        "people": [
            Person("c7", esa=EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("92.05")))
        ]
    },
    "universal-credit": lambda: {
        "people": [Person("c7")],
        "universal_credit": UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 14)),
    },
}

#: What would say which benefit: names, parameter prefixes, and the days rules look at.
GIVEAWAYS = (
    *(word for b in Benefit for word in (b.value, b.label.lower())),
    "carer",
    "esa",
    "universal",
    "parameter '",
    "2027-04-05",
    "2027-06-07",
    "2027-06-14",
    "2027-05-14",
)


def _book(claim: str) -> Ledger:
    basis = ConsentRecord("c7", "c7", dt.date(2025, 4, 1), "benefits checks", dt.date(2028, 3, 31))
    home = HouseholdRecord("h-c7", Household(**CLAIMS[claim]()), [basis])
    return Ledger(contributors=[Contributor("c7")], households=[home])


def _proposal(day: dt.date = PAST) -> PaymentEntry:
    return PaymentEntry("n", "c7", "5.00", day, status="planned", payer="uni")


def _said(error: BaseException) -> str:
    return str(error).lower()


@pytest.mark.parametrize("claim", sorted(CLAIMS))
@pytest.mark.parametrize(
    ("check", "when"),
    [
        (lambda book: assess_before_paying(book, _proposal(), as_at=AS_AT), "2027-06-10"),
        (lambda book: assess_headroom(book, "c7", PAST, as_at=AS_AT), "2027-06-10"),
        (
            lambda book: contributor_statement(
                book.with_entries(payments=[_proposal()]), "c7", 2027, as_at=AS_AT
            ),
            "the tax year 2027/28",
        ),
    ],
    ids=["before-paying", "headroom", "statement"],
)
def test_every_check_of_a_person_past_the_figures_names_the_day_not_the_benefit(
    claim: str, check: Callable[[Ledger], object], when: str
) -> None:
    with pytest.raises(FiguresNotAvailable) as caught:
        check(_book(claim))
    error = caught.value
    assert isinstance(error, ParametersNotAvailable)  # an existing except still catches it
    assert _said(error) == (
        f"the benefit figures do not cover {when}: use a date they cover, or load newer "
        "parameter data"
    )
    for word in GIVEAWAYS:
        assert word not in _said(error), word
    # Nothing chained either: a traceback in a log would print the original.
    assert error.__cause__ is None
    assert error.__suppress_context__
    # The person (or their adviser) may ask which figure it was.
    assert "is not available on" in error.describe(include_sensitive=True)


def test_a_before_paying_answers_later_findings_stop_the_same_way() -> None:
    """The payment on 31 March 2027 is inside the figures; its Carer's Allowance week (from
    Monday 29 March) ends on Sunday 4 April, and the week after, whose earnings limit the
    headroom reads, starts on 5 April: still covered. A payment on Saturday 3 April is
    checked; the findings are built later and meet the same figures."""
    book = _book("carers-allowance")
    check = assess_before_paying(book, _proposal(dt.date(2027, 4, 3)), as_at=AS_AT)
    assert check.checked
    assert check.findings  # built on first reading, inside the figures


def test_the_error_survives_pickling_without_gaining_the_parameter() -> None:
    cause = ParametersNotAvailable(
        "carers_allowance.earnings_limit", dt.date(2027, 6, 14), dt.date(2023, 4, 10), None
    )
    error = FiguresNotAvailable("2027-06-10", cause)
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.name, again.when) == (str(error), error.name, "2027-06-10")
    assert "carers" not in str(again)


@pytest.mark.parametrize("command", ["check", "headroom"])
def test_the_ledger_command_says_the_day_not_the_benefit(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    record = _book("carers-allowance").households["h-c7"]
    (tmp_path / "home.json").write_text(dumps(record, include_sensitive=True), encoding="utf-8")
    for argv in (
        ["ledger", "init"],
        ["ledger", "add", "contributor", "c7"],
        ["ledger", "add", "household", str(tmp_path / "home.json")],
    ):
        assert main([*argv, "--ledger", book]) == 0
    capsys.readouterr()
    asked = {
        "check": ["--amount", "5.00", "--received-on", "2027-06-10", "--payer", "uni"],
        "headroom": ["--day", "2027-06-10"],
    }[command]
    status = main(
        ["ledger", command, "--person", "c7", *asked, "--as-at", "2026-03-01", "--ledger", book]
    )
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert "do not cover 2027-06-10" in err
    for word in GIVEAWAYS:
        assert word not in err.lower(), word


def test_money_figures_are_untouched_by_the_refusal() -> None:
    """Inside the figures the answer is the engine's own: £5.00 on Tuesday 10 June 2025 is
    under Carer's Allowance's £196 weekly limit (2025/26), so nothing changes."""
    book = _book("carers-allowance")
    check = assess_before_paying(book, _proposal(dt.date(2025, 6, 10)), as_at=AS_AT)
    assert check.change() == Money.gbp("0.00")
