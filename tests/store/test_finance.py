"""Finance exports: column mappings, every bad row reported, limits, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.ledger import Contributor, PaymentKind, PaymentStatus
from participatory.store import (
    ColumnMapping,
    ImportLimits,
    ImportRejected,
    SqliteLedgerStore,
    read_payments,
)

SENTINEL = "SENTINEL-c0ffee"
MAPPING = ColumnMapping.from_data(
    {
        "columns": {"id": "Payment ref", "person": "Contributor", "amount": "Net (£)",
                    "received_on": "Paid on", "kind": "Type", "project": "Project code",
                    "hours": "Hours"},
        "defaults": {"payer": "University of Bath", "status": "paid"},
        "values": {"kind": {"Involvement fee": "fee", "Travel (receipts)": "receipted_expenses"}},
        "date_format": "%d/%m/%Y",
    }
)  # fmt: skip
HEADER = "Payment ref,Contributor,Net (£),Paid on,Type,Project code,Hours\n"


def test_a_good_file_is_read_through_the_mapping() -> None:
    rows = HEADER + (
        "INV-1,c-7,£150.00,13/01/2026,Involvement fee,RIVER,2\n"
        '"INV-2",c-8,"1,012.40",14/01/2026,Travel (receipts),,\n'
        ",,,,,,\n"
    )
    first, second = read_payments(rows.encode("utf-8-sig"), format="csv", mapping=MAPPING)
    assert first.amount == Money.gbp("150.00")
    assert first.kind is PaymentKind.FEE
    assert first.received_on == dt.date(2026, 1, 13)
    assert first.project == "RIVER"
    assert first.hours == Decimal(2)
    assert first.payer == "University of Bath"
    assert first.status is PaymentStatus.PAID
    assert second.amount == Money.gbp("1012.40")
    assert second.kind is PaymentKind.RECEIPTED_EXPENSES
    assert second.project is None


def test_every_bad_row_is_reported_by_row_and_field_never_by_value() -> None:
    rows = HEADER + (
        f"INV-1,c-7,{SENTINEL},13/01/2026,Involvement fee,,\n"  # row 2: amount
        f"INV-2,c-7,10.00,{SENTINEL},Involvement fee,,\n"  # row 3: received_on
        f"INV-3,c-7,10.00,13/01/2026,{SENTINEL},,\n"  # row 4: kind
        "INV-4,c-7,10.00,13/01/2026,Involvement fee,,\n"  # fine
        "INV-4,c-7,10.00,13/01/2026,Involvement fee,,\n"  # row 6: repeated id
        "INV-6,c-9,10.00,13/01/2026,Involvement fee,,\n"  # row 7: unknown person
        ",c-7,10.00,13/01/2026,Involvement fee,,\n"  # row 8: no id
        "INV-8,c-7,-5.00,13/01/2026,Involvement fee,,\n"  # row 9: negative
    )
    with pytest.raises(ImportRejected) as caught:
        read_payments(rows, format="csv", mapping=MAPPING, known_people={"c-7"}, name="x.csv")
    found = [(p.row, p.field) for p in caught.value.problems]
    assert found == [(2, "amount"), (3, "received_on"), (4, "kind"), (6, "id"), (7, "person"),
                     (8, "id"), (9, "amount")]  # fmt: skip
    message = str(caught.value)
    assert SENTINEL not in message
    assert "\n" not in message
    assert message.startswith("x.csv: 7 bad rows, nothing imported: row 2: amount:")
    assert "repeats the id of row 5" in message


def test_a_missing_column_is_reported_once() -> None:
    with pytest.raises(ImportRejected) as caught:
        read_payments("Payment ref,Contributor\nA,c-7\n", format="csv", mapping=MAPPING)
    assert {p.field for p in caught.value.problems} == {"amount", "received_on", "kind",
                                                        "project", "hours"}  # fmt: skip
    assert all(p.row == 1 for p in caught.value.problems)


def test_json_exports_keep_numbers_exact() -> None:
    mapping = ColumnMapping.from_data(
        {"id": "ref", "person": "who", "amount": "net", "received_on": "day", "payer": "by"}
    )
    data = '{"payments": [{"ref": "A", "who": "c-7", "net": 0.1, "day": "2026-01-13", "by": "u"}]}'
    (payment,) = read_payments(data, format="json", mapping=mapping)
    assert payment.amount == Money.gbp("0.10")
    with pytest.raises(ImportRejected) as caught:
        read_payments('[{"ref": "A", "who": "c-7", "net": true, "day": "2026-01-13", "by": "u"}]',
                      format="json", mapping=mapping)  # fmt: skip
    assert [(p.row, p.field) for p in caught.value.problems] == [(1, "amount")]


def test_limits_refuse_a_file_at_once() -> None:
    rows = HEADER + "INV-1,c-7,1.00,13/01/2026,Involvement fee,,\n" * 3
    with pytest.raises(ImportRejected, match="byte limit"):
        read_payments(rows, format="csv", mapping=MAPPING, limits=ImportLimits(max_bytes=50))
    with pytest.raises(ImportRejected, match="more than 2 rows"):
        read_payments(rows, format="csv", mapping=MAPPING, limits=ImportLimits(max_rows=2))
    with pytest.raises(ImportRejected, match="not UTF-8"):
        read_payments(b"\xff\xfe\x00bad", format="csv", mapping=MAPPING)
    with pytest.raises(ImportRejected, match="empty"):
        read_payments("", format="csv", mapping=MAPPING)


def test_a_mapping_must_cover_the_required_fields() -> None:
    with pytest.raises(ValidationError, match="payer"):
        ColumnMapping.from_data({"id": "a", "person": "b", "amount": "c", "received_on": "d"})
    with pytest.raises(ValidationError, match="not a ledger field"):
        ColumnMapping.from_data({"columns": {"colour": "x"}, "defaults": {}})


def test_bad_rows_leave_the_ledger_unchanged(tmp_path: Path) -> None:
    with SqliteLedgerStore.create(tmp_path / "l.sqlite3") as store:
        store.add(contributors=[Contributor("c-7")])
        before = store.export()
        rows = HEADER + (
            "INV-1,c-7,10.00,13/01/2026,Involvement fee,,\n"
            "INV-2,c-7,ten,13/01/2026,Involvement fee,,\n"
        )
        known = set(store.load(payments=False).contributors)
        with pytest.raises(ImportRejected):
            store.import_payments(
                read_payments(rows, format="csv", mapping=MAPPING, known_people=known)
            )
        assert store.export() == before


def test_a_row_with_more_cells_than_the_header_is_a_bad_row() -> None:
    """An unquoted "1,250.00" splits in two: read by position, the amount was £1.00.

    The row has 8 cells against the header's 7. Its cells may be in the wrong columns (in
    row 3 every cell after the amount moved one place right, so "250.00" sat under "Paid
    on"), so the row is refused whole, named by its number, never read by position.
    """
    rows = HEADER + (
        "INV-1,c-7,10.00,13/01/2026,Involvement fee,RIVER,1,250.00\n"  # row 2: last column
        "INV-2,c-7,1,250.00,13/01/2026,Involvement fee,RIVER,2\n"  # row 3: amount column
        "INV-3,c-7,10.00,13/01/2026,Involvement fee,RIVER,2\n"  # fine
    )
    with pytest.raises(ImportRejected) as caught:
        read_payments(rows, format="csv", mapping=MAPPING, name="x.csv")
    assert [(p.row, p.field) for p in caught.value.problems] == [(2, ""), (3, "")]
    assert str(caught.value) == (
        "x.csv: 2 bad rows, nothing imported: row 2: has 8 cells; the header has 7; "
        "row 3: has 8 cells; the header has 7"
    )


def test_a_row_with_fewer_cells_than_the_header_is_read_as_before() -> None:
    """Cells missing at the end of a row are empty, as a spreadsheet leaves them."""
    (payment,) = read_payments(
        HEADER + "INV-1,c-7,10.00,13/01/2026,Involvement fee\n", format="csv", mapping=MAPPING
    )
    assert (payment.amount, payment.project, payment.hours) == (
        Money.gbp("10.00"),
        None,
        Decimal(0),
    )


def test_a_mapped_column_named_twice_in_the_header_is_refused() -> None:
    """Which "Payment ref" is the payment's? The file cannot say, so it is refused."""
    rows = "Payment ref,Payment ref,Contributor,Net (£),Paid on,Type,Project code,Hours\n"
    rows += "INV-14,INV-15,c-7,150.00,13/01/2026,Involvement fee,RIVER,2\n"
    with pytest.raises(ImportRejected) as caught:
        read_payments(rows, format="csv", mapping=MAPPING, name="x.csv")
    assert [(p.row, p.field) for p in caught.value.problems] == [(1, "id")]
    assert str(caught.value) == (
        "x.csv: 1 bad row, nothing imported: row 1: id: the column 'Payment ref' is in the "
        "file more than once"
    )


def test_an_unmapped_column_named_twice_is_ignored_as_before() -> None:
    rows = HEADER.replace("\n", ",Notes,Notes\n")
    rows += "INV-1,c-7,10.00,13/01/2026,Involvement fee,RIVER,2,a,b\n"
    (payment,) = read_payments(rows, format="csv", mapping=MAPPING)
    assert (payment.id, payment.amount) == ("INV-1", Money.gbp("10.00"))
