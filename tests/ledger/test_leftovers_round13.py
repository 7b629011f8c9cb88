"""Leftovers of round 13: the Welsh over-asking sentence, a declined fee's week, refusals of
sums past what money can hold named by what the caller gave, and ``communities`` refused as a
mapping or one string."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

from participatory.core.errors import ValidationError
from participatory.ledger import (
    Ask,
    Contributor,
    Ledger,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
)
from participatory.render.statement import render_statement
from participatory.render.text import format_value, sentence

from .conftest import carer_ledger, couple_ledger, fee

#: Past what an amount of money can hold (£10^15) with any recorded payment of £1 or more.
_NEARLY_ALL = "999999999999999.00"
_TOO_MUCH = "to more than an amount of money can hold"

# --- 1. The Welsh over-asking sentences join their two counts --------------------------------


def test_the_welsh_over_asking_sentences_say_activities_across_projects() -> None:
    """Amira (of carers-north) is asked into 13 activities, one in each of projects p0 to p5
    in turn (13 activities, 6 projects), all on 10 January 2026. The defaults: a person at
    most 6 activities and 3 projects, a community 12 and 5 in 90 days, so both she and
    carers-north are past both limits. The Welsh says "13 o weithgareddau ar draws 6 o
    brosiectau" (13 activities across 6 projects), not the two counts side by side."""
    day = dt.date(2026, 1, 10)
    asks = [Ask(f"a{i}", f"p{i % 6}", f"s{i}", day, person="amira") for i in range(13)]
    result = assess_over_asking(carer_ledger().with_entries(asks=asks), as_at=day)
    found = {f.rule_id: f for f in result.findings}
    assert set(found) == {"LEDGER-OVER-ASKED-PERSON", "LEDGER-OVER-ASKED-COMMUNITY"}
    for finding in found.values():
        welsh = sentence(finding, locale="cy", include_sensitive=True)
        assert "13 o weithgareddau ar draws 6 o brosiectau" in welsh, welsh
        english = sentence(finding, locale="en_GB", include_sensitive=True)
        assert "activities 13 (at most" in english
        assert "projects 6 (at most" in english


# --- 2. A week whose only payment was declined ------------------------------------------------


def _declined_week(household: bool) -> Ledger:
    """£40 offered and declined on Tuesday 10 June 2025 (the week of Monday 9 June), and £50
    paid on Tuesday 15 July 2025 (the week of Monday 14 July)."""
    payments = [
        fee("d-1", "amira", "40.00", "2025-06-10", kind="declined"),
        fee("r-1", "amira", "50.00", "2025-07-15"),
    ]
    if household:
        return carer_ledger(payments)
    return Ledger(contributors=[Contributor("amira")], payments=payments)


@pytest.mark.parametrize("household", [True, False], ids=["checked", "not-checked"])
def test_a_week_holding_only_a_declined_fee_is_left_out(household: bool) -> None:
    """Carer's Allowance (2025/26) is lost above £196 of a week's earnings: £50 changes
    nothing, and a declined £40 is not received. The year: £50.00 received, nothing due. The
    week of 9 June has nothing received, due or changed, so no statement format, in English or
    Welsh, gives it a heading."""
    year = contributor_statement(_declined_week(household), "amira", 2025,
                                 as_at=dt.date(2025, 8, 1))  # fmt: skip
    assert str(year.received.amount) == "50.00"
    assert not year.due.amount
    starts = [week.period.start for week in year.weeks]
    assert dt.date(2025, 6, 9) not in starts
    assert dt.date(2025, 7, 14) in starts
    for week in year.weeks:
        assert week.received.amount or week.due.amount or week.benefits
    data = json.loads(render_statement(year, format="json", locale="en_GB"))
    assert "2025-06-09" not in {week["start"] for week in data["weeks"]}
    assert "2025-07-14" in {week["start"] for week in data["weeks"]}
    for locale in ("en_GB", "cy"):
        june = format_value(dt.date(2025, 6, 9), locale)
        july = format_value(dt.date(2025, 7, 14), locale)
        for kind in ("text", "html"):
            page = render_statement(year, format=kind, locale=locale)
            assert june not in page, (locale, kind)
            assert july in page, (locale, kind)


def test_a_week_with_a_declined_fee_and_a_paid_one_shows_only_what_was_received() -> None:
    """£40 declined and £30 paid in the week of 9 June 2025: £30.00 received that week."""
    book = carer_ledger([fee("d-1", "amira", "40.00", "2025-06-10", kind="declined"),
                         fee("r-1", "amira", "30.00", "2025-06-11")])  # fmt: skip
    year = contributor_statement(book, "amira", 2025, as_at=dt.date(2025, 8, 1))
    (week,) = [w for w in year.weeks if w.period.start == dt.date(2025, 6, 9)]
    assert str(week.received.amount) == "30.00"
    assert not week.due.amount


# --- 3. Sums past what money can hold, named by what the caller gave ---------------------------


@pytest.mark.parametrize("household", [True, False], ids=["checked", "not-checked"])
def test_a_proposal_past_money_with_the_recorded_payments_names_the_proposal(
    household: bool,
) -> None:
    """£999,999,999,999,999.00 recorded on 13 January 2026 and £150.00 proposed on the 14th:
    £1,000,000,000,000,149.00, past £10^15. The caller gave ``proposed_payment``, never
    ``already``; the refusal is the same whether or not circumstances are held."""
    payments = [fee("r-1", "amira", _NEARLY_ALL, "2026-01-13")]
    book = carer_ledger(payments) if household else Ledger(
        contributors=[Contributor("amira")], payments=payments
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        assess_before_paying(book, fee("p-1", "amira", "150.00", "2026-01-14"),
                             as_at=dt.date(2026, 1, 10))  # fmt: skip
    assert caught.value.path == "proposed_payment"
    assert _TOO_MUCH in str(caught.value)
    assert "already" not in str(caught.value)
    assert "receipts" not in str(caught.value)


def test_a_proposal_past_money_with_a_partners_payment_names_the_proposal() -> None:
    """Ann has £999,999,999,999,999.00 recorded on 10 June 2025; £150.00 is proposed to Bob,
    her partner on a joint Universal Credit claim, on 12 June: past £10^15 together."""
    book = couple_ledger([fee("a", "ann", _NEARLY_ALL, "2025-06-10")])
    with pytest.raises(ValidationError) as caught:
        assess_before_paying(book, fee("b", "bob", "150.00", "2025-06-12"),
                             as_at=dt.date(2025, 6, 1))  # fmt: skip
    assert caught.value.path == "proposed_payment"
    assert _TOO_MUCH in str(caught.value)


def test_a_declined_proposal_past_money_is_refused_at_once_not_when_its_room_is_read() -> None:
    """£900,000,000,000,000.00 offered and declined on 14 January 2026, with
    £200,000,000,000,000.00 recorded on the 13th: the room left after it is searched on top of
    both (£1,100,000,000,000,000.00, past £10^15), so the check is refused when made, not
    later when its findings are read."""
    book = carer_ledger([fee("r-1", "amira", "200000000000000.00", "2026-01-13")])
    proposal = fee("p-1", "amira", "900000000000000.00", "2026-01-14", kind="declined")
    with pytest.raises(ValidationError) as caught:
        assess_before_paying(book, proposal, as_at=dt.date(2026, 1, 10)).findings  # noqa: B018
    assert caught.value.path == "proposed_payment"


def test_a_proposal_within_money_is_checked() -> None:
    """£150.00 proposed with £150.00 recorded: £300.00, far below £10^15, and over Carer's
    Allowance's £196 a week (2025/26), so the next week's £83.30 is lost."""
    book = carer_ledger([fee("r-1", "amira", "150.00", "2026-01-13")])
    check = assess_before_paying(book, fee("p-1", "amira", "150.00", "2026-01-14"),
                                 as_at=dt.date(2026, 1, 10))  # fmt: skip
    assert str(check.change().amount) == "-83.30"


def test_the_room_left_on_a_ledger_past_money_names_the_ledger() -> None:
    """Two payments of £600,000,000,000,000.00 on 13 January 2026: £1.2 x 10^15, past it."""
    big = "600000000000000.00"
    for book in (
        carer_ledger([fee("r-1", "amira", big, "2026-01-13"),
                      fee("r-2", "amira", big, "2026-01-13")]),
        Ledger(contributors=[Contributor("amira")],
               payments=[fee("r-1", "amira", big, "2026-01-13"),
                         fee("r-2", "amira", big, "2026-01-13")]),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            assess_headroom(book, "amira", "2026-01-14", as_at=dt.date(2026, 1, 10))
        assert caught.value.path == "ledger"
        assert _TOO_MUCH in str(caught.value)
        assert "already" not in str(caught.value)


def test_a_statement_of_a_ledger_past_money_names_the_ledger() -> None:
    """Two payments of £999,999,999,999,999.00 in 2025/26: past £10^15 added up."""
    payments = [fee("r-1", "amira", _NEARLY_ALL, "2026-01-13"),
                fee("r-2", "amira", _NEARLY_ALL, "2026-01-14")]  # fmt: skip
    for book in (carer_ledger(payments),
                 Ledger(contributors=[Contributor("amira")], payments=payments)):  # fmt: skip
        with pytest.raises(ValidationError) as caught:
            contributor_statement(book, "amira", 2025, as_at=dt.date(2026, 1, 10))
        assert caught.value.path == "ledger"
        assert _TOO_MUCH in str(caught.value)


# --- 5. communities: a list, never a mapping or one string ------------------------------------


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ({"carers-north": "since 2024"}, "not a mapping"),
        ("carers-north", "not one string"),
    ],
    ids=["mapping", "string"],
)
def test_communities_as_a_mapping_or_one_string_are_refused_unquoted(
    given: object, problem: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        Contributor("c-7", communities=given)  # type: ignore[arg-type]
    assert caught.value.path == "communities"
    assert problem in str(caught.value)
    assert "carers-north" not in str(caught.value)
    assert "since 2024" not in str(caught.value)


def test_communities_as_a_list_or_a_set_are_kept() -> None:
    for given in (["carers-north", "bristol-deaf"], {"carers-north", "bristol-deaf"}):
        sam = Contributor("c-7", communities=given)
        assert sam.communities == frozenset({"carers-north", "bristol-deaf"})
    assert attrs.evolve(sam, communities=()).communities == frozenset()
