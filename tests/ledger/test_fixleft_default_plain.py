"""A person's statement and headroom, as default plain data, say nothing of their circumstances.

An outside tester found that :func:`~participatory.interchange.to_plain` of a
:class:`~participatory.ledger.ContributorStatement` or a
:class:`~participatory.ledger.PersonHeadroom`, without ``include_sensitive``, still listed
one withheld record per withheld finding, and that their number differed with whether the
person's benefit circumstances are held: Amira's statement (Carer's Allowance held, £300 in
one week to report) had three withheld findings, the same statement with nothing held two
(the year, and "not checked"). The default data leaves out ``checked`` for that very reason
(:doc:`/concepts/person-centred-view`: whether circumstances are held is itself sensitive).

Now the default data lists the findings that are not sensitive (the general advice every
statement carries) and then one withheld marker, however many are withheld. The answer
itself, and its plain data with ``include_sensitive=True`` (what ``ledger check``,
``ledger headroom`` and ``ledger statement`` give the office that holds the circumstances),
are unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.interchange import dumps, to_plain
from participatory.ledger import (
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_headroom,
    contributor_statement,
)
from participatory.testing import benefits as tb
from participatory.testing import ledger as tl

from .conftest import agreed, fee

MARKER = {
    "rule_id": None,
    "severity": None,
    "message_key": None,
    "subject": None,
    "sensitive": True,
    "withheld": True,
    "actions": None,
    "citations": None,
    "values": None,
    "parameters": None,
}
PAID = [
    fee("r-1", "amira", "150.00", "2026-01-13"),
    fee("p-1", "amira", "150.00", "2026-01-14", payer="trust"),
]


def _ledger(record: HouseholdRecord | None, payments: list[PaymentEntry]) -> Ledger:
    return Ledger(
        contributors=[Contributor("amira")],
        households=[] if record is None else [record],
        payments=payments,
    )


def _carer() -> HouseholdRecord:
    home = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    return HouseholdRecord("h-amira", home, [agreed("amira")])


def _answers(ledger: Ledger, person: str, year: int, day: dt.date, as_at: dt.date) -> list[Any]:
    return [
        contributor_statement(ledger, person, year, as_at=as_at),
        assess_headroom(ledger, person, day, as_at=as_at),
    ]


def test_amiras_statement_reads_the_same_with_or_without_her_circumstances() -> None:
    """£150 on Tuesday 13 and £150 on Wednesday 14 January 2026: £300 in one benefit week,
    over Carer's Allowance's £196, so with her circumstances held her statement has a week to
    report (three sensitive findings); with none held it has the year and "not checked" (two).
    The payments (£300 received, nothing due) are the same either way."""
    day, as_at = dt.date(2026, 1, 15), dt.date(2026, 4, 30)
    held = _answers(_ledger(_carer(), PAID), "amira", 2025, day, as_at)
    none = _answers(_ledger(None, PAID), "amira", 2025, day, as_at)
    assert [sum(f.sensitive for f in a.findings) for a in held] == [3, 1]
    assert [sum(f.sensitive for f in a.findings) for a in none] == [2, 1]
    for with_them, without in zip(held, none, strict=True):
        assert to_plain(with_them) == to_plain(without)
        assert dumps(with_them) == dumps(without)
        # The whole answer, for the office that holds the circumstances, still differs.
        assert to_plain(with_them, include_sensitive=True) != to_plain(
            without, include_sensitive=True
        )
    statement = to_plain(held[0])
    assert (statement["received"], statement["due"]) == ("300.00 GBP", "0.00 GBP")
    assert [f["rule_id"] for f in statement["findings"]] == [
        "BEN-CAVEAT",
        "BEN-SIGNPOST-ADVICE",
        None,
    ]
    assert statement["findings"][-1] == MARKER
    assert to_plain(held[1]) == {"findings": [MARKER], "person": "amira", "day": "2026-01-15"}


def test_with_everything_the_findings_are_all_listed() -> None:
    statement = contributor_statement(
        _ledger(_carer(), PAID), "amira", 2025, as_at=dt.date(2026, 4, 30)
    )
    whole = to_plain(statement, include_sensitive=True)
    assert [f["rule_id"] for f in whole["findings"]] == [f.rule_id for f in statement.findings]
    assert not any(f["withheld"] for f in whole["findings"])


def test_a_list_of_answers_is_written_the_same_way() -> None:
    answers = _answers(
        _ledger(_carer(), PAID), "amira", 2025, dt.date(2026, 1, 15), dt.date(2026, 4, 30)
    )
    assert to_plain(answers) == [to_plain(a) for a in answers]


@st.composite
def _twins(draw: st.DrawFn) -> tuple[Ledger, Ledger]:
    """Two ledgers of c0's payments in 2024/25 differing only in c0's recorded circumstances:
    none, or any household of one or a couple (with a partner who is not a contributor)."""
    payments = draw(
        st.lists(
            tl.payment_entries(["c0"]).filter(
                lambda p: dt.date(2024, 4, 15) <= p.received_on <= dt.date(2025, 3, 31)
            ),
            max_size=5,
            unique_by=lambda p: p.id,
        )
    )
    members = draw(st.sampled_from([("c0",), ("c0", "partner-c0")]))
    records = [None, draw(tl.household_records(members))]
    if draw(st.booleans()):  # or two different circumstances, both held
        records[0] = draw(tl.household_records(members))
    first, second = (
        Ledger(
            contributors=[Contributor("c0")],
            households=[] if record is None else [record],
            payments=payments,
        )
        for record in records
    )
    return first, second


@given(twins=_twins(), day=tb.payment_days(dt.date(2024, 6, 1), dt.date(2025, 3, 31)))
@settings(max_examples=25, deadline=None)
def test_default_plain_data_does_not_depend_on_recorded_circumstances(
    twins: tuple[Ledger, Ledger], day: dt.date
) -> None:
    as_at = dt.date(2025, 4, 30)
    first, second = (_answers(ledger, "c0", 2024, day, as_at) for ledger in twins)
    for one, other in zip(first, second, strict=True):
        assert to_plain(one) == to_plain(other)
        assert to_plain(one)["findings"][-1] == MARKER
