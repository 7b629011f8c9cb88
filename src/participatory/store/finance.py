r"""Reading a finance system's payments: CSV or JSON, through a column mapping, all or nothing.

A finance or payroll system exports payments with its own column names. A
:class:`ColumnMapping` says which of its columns holds each of the ledger's fields
(``{"columns": {"id": "Payment ref", "person": "Contributor ID", ...}}``), which fields take
one value for every row (``"defaults": {"payer": "University of Bath"}``), how its words for
kinds and statuses translate (``"values": {"kind": {"Involvement fee": "fee"}}``) and how it
writes dates (``"date_format": "%d/%m/%Y"``; ISO ``2026-01-13`` by default).

A ``date_format`` is read by the library itself, the same whatever the process locale:
``%d`` (day, ``1`` to ``31``, with or without a leading zero), ``%m`` (month, ``1`` to
``12``, likewise), ``%Y`` (four-digit year), ``%y`` (two-digit year: ``00``-``68`` are
2000-2068, ``69``-``99`` are 1969-1999), ``%b`` and ``%B`` (English month abbreviations
``Jan``...``Dec`` and names ``January``...``December``, in any case), ``%%`` (a percent
sign), and any other text, which the date must repeat (a space stands for any run of spaces).
It must give the day, the month and the year once each. Any other directive (``%H``, ``%e``,
``%-d``...) or one given twice is refused when the mapping is read, not row by row.

:func:`read_payments` checks every row and reports *every* bad one, by its row number (as a
spreadsheet numbers it: the header is row 1) and field, and never repeats the value it could
not read. If any row is bad, nothing is imported. A row with more cells than the header is
bad (an amount such as ``1,250.00`` left unquoted splits in two, and the cells are then not
where the header says), and a header naming a mapped column twice is refused: which of the
two is meant cannot be known. The file's size and number of rows are limited
(:class:`ImportLimits`), so a wrong file fails at once rather than filling memory.

>>> mapping = ColumnMapping.from_data({"columns": {"id": "Ref", "person": "Who",
...     "amount": "Net", "received_on": "Paid"}, "defaults": {"payer": "uni"},
...     "date_format": "%d/%m/%Y"})
>>> rows = "Ref,Who,Net,Paid\nP1,c-7,150.00,13/01/2026\nP2,c-8,lots,14/01/2026\n"
>>> read_payments(rows, format="csv", mapping=mapping, known_people={"c-7", "c-8"})
Traceback (most recent call last):
...
participatory.store.finance.ImportRejected: <input>: 1 bad row, nothing imported: row 3: amount: is not a number written like '12.50' ...
"""  # noqa: E501

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal, Self

import attrs

from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.fields import day_from_text
from participatory.core.limits import DEFAULT_LIMITS, parse_json
from participatory.core.money import Money, to_decimal
from participatory.core.record import Record
from participatory.ledger.entries import PaymentEntry

__all__ = [
    "FIELDS",
    "REQUIRED",
    "ColumnMapping",
    "FinancePayments",
    "ImportLimits",
    "ImportRejected",
    "RowProblem",
    "read_payments",
]

#: The ledger's fields a mapping can fill.
FIELDS: Final = (
    "id", "person", "amount", "currency", "received_on", "kind", "status", "payer", "project",
    "hours", "worked_on", "reference",
)  # fmt: skip
#: The fields every row needs, from a column or a default.
REQUIRED: Final = ("id", "person", "amount", "received_on", "payer")
_NO_HOURS: Final = Decimal(0)
#: How many problems the one-line message lists before saying how many more there are.
_LISTED: Final = 50


@attrs.frozen
class RowProblem(Record):
    """One bad row: its number (the header is row 1), the ledger field, what is wrong."""

    row: int
    field: str
    problem: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "the file"
        return (
            f"{where}: {self.field}: {self.problem}" if self.field else f"{where}: {self.problem}"
        )


class ImportRejected(ParticipatoryError, ValueError):
    """A finance file that cannot be imported: every bad row, or why the file is refused.

    ``str(error)`` is one line; ``problems`` holds every problem.
    """

    def __init__(
        self, name: str, problems: Sequence[RowProblem] = (), *, reason: str | None = None
    ) -> None:
        self.name = name
        self.problems = tuple(problems)
        if reason is not None:
            message = f"{name}: {reason}; nothing imported"
        else:
            rows = len({p.row for p in self.problems})
            listed = "; ".join(str(p) for p in self.problems[:_LISTED])
            more = len(self.problems) - _LISTED
            if more > 0:
                listed += f"; and {more} more"
            noun = "row" if rows == 1 else "rows"
            message = f"{name}: {rows} bad {noun}, nothing imported: {listed}"
        super().__init__(message)

    def lines(self) -> list[str]:
        """One line per problem."""
        return [str(p) for p in self.problems]


class FinancePayments(tuple[PaymentEntry, ...]):
    """The payments of a finance export, each with the row it came from: a tuple of them.

    :func:`read_payments` returns one, so that a store refusing a payment when it is
    imported (:meth:`SqliteLedgerStore.import_payments
    <participatory.store.SqliteLedgerStore.import_payments>`: one that would move a
    recorded payment to someone else) names the file and the row, as every other bad row is
    named. ``rows[i]`` is the row of the ``i``-th payment (the header is row 1).

    >>> from participatory.ledger import PaymentEntry
    >>> paid = PaymentEntry("P1", "c-7", "150.00", "2026-01-13", payer="uni")
    >>> batch = FinancePayments([paid], name="fees.csv", rows=[3])
    >>> batch == (paid,), batch.name, batch.rows
    (True, 'fees.csv', (3,))
    """

    name: str
    rows: tuple[int, ...]

    def __new__(
        cls,
        payments: Iterable[PaymentEntry] = (),
        *,
        name: str = "<input>",
        rows: Iterable[int] = (),
    ) -> Self:
        """The ``payments`` read from the file ``name``, the ``i``-th from row ``rows[i]``."""
        batch = super().__new__(cls, payments)
        batch.name = name
        batch.rows = tuple(rows)
        if len(batch.rows) != len(batch):
            raise ValidationError("rows", "must give one row for each payment")
        return batch

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only parts: the default would rebuild it without its file and rows.
        return (
            functools.partial(FinancePayments, name=self.name, rows=self.rows),
            (tuple(self),),
        )

    def refusal(self, problems: Iterable[tuple[int, str, str]]) -> ImportRejected:
        """The refusal of the file for ``problems``, each ``(index, field, problem)``.

        ``index`` is the payment's place in this batch; the refusal names its row.

        >>> from participatory.ledger import PaymentEntry
        >>> paid = PaymentEntry("P1", "c-7", "150.00", "2026-01-13", payer="uni")
        >>> print(FinancePayments([paid], name="fees.csv", rows=[3]).refusal(
        ...     [(0, "person", "is not a contributor in the ledger")]))
        fees.csv: 1 bad row, nothing imported: row 3: person: is not a contributor in the ledger
        """
        found = [RowProblem(self.rows[index], field, problem) for index, field, problem in problems]
        return ImportRejected(self.name, sorted(found, key=lambda p: p.row))


@attrs.frozen
class ImportLimits(Record):
    """The largest file (bytes) and the most rows one import reads."""

    max_bytes: int = 50 * 1024 * 1024
    max_rows: int = 500_000


def _texts(value: object, path: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ValidationError(path, "must be a table of names")
    found = {}
    for key, item in value.items():
        if not isinstance(key, str) or not isinstance(item, str) or not item.strip():
            raise ValidationError(f"{path}.{key}", "must be text")
        found[key] = item
    return found


#: English month names, whatever the process locale (``calendar.month_name`` follows it).
_MONTHS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH_NUMBERS: Final = {
    name: number for number, month in enumerate(_MONTHS, start=1) for name in (month, month[:3])
}
_SUPPORTED: Final = "%d, %m, %Y, %y, %b, %B, %% and other text"


def _either_case(word: str) -> str:
    # Explicit ASCII classes, not re.IGNORECASE: that also matches "\u017f" (long s) for "s"
    # and the Kelvin sign for "k", which no finance export means.
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.isascii() and c.isalpha() else re.escape(c) for c in word
    )


def _names(words: Iterable[str]) -> str:
    # Longest first, as strptime tries them, so that no name stops at a shorter one's end.
    return "|".join(_either_case(w) for w in sorted(words, key=len, reverse=True))


# Each directive: the date part it gives, and its pattern (strptime's, in ASCII digits).
_DIRECTIVES: Final[Mapping[str, tuple[str, str]]] = {
    "d": ("day", "3[01]|[12][0-9]|0[1-9]|[1-9]| [1-9]"),
    "m": ("month", "1[0-2]|0[1-9]|[1-9]"),
    "Y": ("year", "[0-9]{4}"),
    "y": ("year", "[0-9]{2}"),
    "b": ("month", _names(m[:3] for m in _MONTHS)),
    "B": ("month", _names(_MONTHS)),
}


@functools.lru_cache(maxsize=64)
def _date_pattern(date_format: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern reading ``date_format``, and the directive of each of its groups.

    Refuses (:class:`ValidationError` on ``date_format``) a directive it does not read, a date
    part given twice, or a part missing.
    """
    hint = f"write it with {_SUPPORTED}"
    parts: list[str] = []
    directives: list[str] = []
    given: dict[str, str] = {}
    index = 0
    while index < len(date_format):
        char = date_format[index]
        if char.isspace():
            end = index
            while end < len(date_format) and date_format[end].isspace():
                end += 1
            parts.append(r"\s+")
            index = end
            continue
        if char != "%":
            parts.append(_either_case(char))
            index += 1
            continue
        directive = date_format[index + 1 : index + 2]
        index += 2
        if directive == "%":
            parts.append("%")
            continue
        if directive not in _DIRECTIVES:
            if directive in ("-", "#", "_", "^", "0", "E", "O"):
                # A modifier (glibc's %-d, Windows' %#d, %Ed...): name what it modifies.
                directive += date_format[index : index + 1]
                index += 1
            shown = f"%{directive}" if directive else "a lone %"
            padded = "; %d and %m read a number with or without a leading zero"
            raise ValidationError(
                "date_format",
                f"uses {shown}, which is not supported",
                hint=hint + (padded if directive[-1:] in ("d", "e", "m") else ""),
            )
        part, pattern = _DIRECTIVES[directive]
        if part in given:
            twice = (
                f"%{directive} twice" if given[part] == directive
                else f"%{given[part]} and %{directive}"
            )  # fmt: skip
            raise ValidationError("date_format", f"gives the {part} twice ({twice})", hint=hint)
        given[part] = directive
        directives.append(directive)
        parts.append(f"({pattern})")
    missing = [part for part in ("day", "month", "year") if part not in given]
    if missing:
        raise ValidationError("date_format", f"gives no {' or '.join(missing)}", hint=hint)
    return re.compile("".join(parts)), tuple(directives)


def _formatted_date(text: str, date_format: str) -> dt.date | None:
    """The day ``text`` writes in ``date_format``, or None if it does not write one."""
    pattern, directives = _date_pattern(date_format)
    found = pattern.fullmatch(text)
    if found is None:
        return None
    values: dict[str, int] = {}
    for directive, value in zip(directives, found.groups(), strict=True):
        if directive in "bB":
            values["month"] = _MONTH_NUMBERS[value.lower()]
        elif directive == "y":
            short = int(value)
            values["year"] = short + (2000 if short <= 68 else 1900)
        else:
            values[_DIRECTIVES[directive][0]] = int(value)
    try:
        return dt.date(values["year"], values["month"], values["day"])
    except ValueError:
        return None


@attrs.frozen
class ColumnMapping(Record):
    """Which of the file's columns holds each ledger field, defaults, and value translations."""

    columns: Mapping[str, str]
    defaults: Mapping[str, str] = attrs.field(factory=dict)
    values: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)
    date_format: str | None = None

    def __attrs_post_init__(self) -> None:
        for part in ("columns", "defaults", "values"):
            for key in getattr(self, part):
                if key not in FIELDS:
                    raise ValidationError(
                        f"{part}.{key}", f"is not a ledger field (one of {', '.join(FIELDS)})"
                    )
        for field in REQUIRED:
            if field not in self.columns and field not in self.defaults:
                raise ValidationError("columns", f"names no column (and no default) for {field}")
        if self.date_format is not None:
            if not isinstance(self.date_format, str):
                raise ValidationError("date_format", "must be text such as '%d/%m/%Y'")
            _date_pattern(self.date_format)

    @classmethod
    def from_data(cls, data: object) -> ColumnMapping:
        """A mapping from plain data, with its parts or just its columns.

        The parts are ``{"columns": …, "defaults": …, "values": …, "date_format": …}``;
        just the columns is ``{"id": "Ref", …}``.
        """
        if not isinstance(data, Mapping):
            raise ValidationError("mapping", "must be a table")
        parts = {"columns", "defaults", "values", "date_format"}
        if not set(data) <= parts:
            if set(data) & parts:
                raise ValidationError(
                    "mapping", f"has unknown key(s): {', '.join(sorted(set(data) - parts))}"
                )
            return cls(_texts(data, "columns"))
        values = data.get("values", {})
        if not isinstance(values, Mapping):
            raise ValidationError("values", "must be a table per field")
        date_format = data.get("date_format")
        if date_format is not None and not isinstance(date_format, str):
            raise ValidationError("date_format", "must be text such as '%d/%m/%Y'")
        return cls(
            _texts(data.get("columns", {}), "columns"),
            _texts(data.get("defaults", {}), "defaults"),
            {k: _texts(v, f"values.{k}") for k, v in values.items()},
            date_format,
        )


def _decode(data: str | bytes, name: str, limits: ImportLimits) -> str:
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limits.max_bytes:
        raise ImportRejected(
            name, reason=f"is larger than the {limits.max_bytes:,}-byte limit ({size:,} bytes)"
        )
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(name, reason="is not UTF-8 text (save it as CSV UTF-8)") from None


Row = Sequence[object]


def _header_problems(header: Sequence[str], mapping: ColumnMapping) -> Iterator[RowProblem]:
    """A mapped column missing from the header, or named in it twice (which one is meant?)."""
    counts = Counter(header)
    for field, column in mapping.columns.items():
        if not counts[column]:
            yield RowProblem(1, field, f"the column {column!r} is not in the file")
        elif counts[column] > 1:
            yield RowProblem(1, field, f"the column {column!r} is in the file more than once")


def _csv_rows(
    text: str, name: str, limits: ImportLimits
) -> tuple[list[str], Iterator[tuple[int, Row]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRejected(name, reason="is empty (it needs a header row)") from None
    except csv.Error:
        raise ImportRejected(name, reason="is not CSV") from None

    def rows() -> Iterator[tuple[int, Row]]:
        try:
            for number, row in enumerate(reader, start=2):
                if number - 1 > limits.max_rows:
                    raise ImportRejected(name, reason=f"has more than {limits.max_rows:,} rows")
                if not any(row):
                    continue
                yield number, row
        except csv.Error:
            raise ImportRejected(name, reason="is not well-formed CSV") from None

    return header, rows()


def _file_refusal(name: str, place: str, problem: str) -> ImportRejected:
    """The bounded reader's refusal of a finance file, at its place (never quoting a value)."""
    return ImportRejected(name, reason=f"{place}: {problem}" if place else problem)


def _json_rows(
    text: str, name: str, limits: ImportLimits, mapping: ColumnMapping
) -> tuple[list[str], Iterator[tuple[int, Row]]]:
    # The library's bounded, strict reader, as for a ledger export: plain json.loads raised
    # RecursionError for deep nesting and ValueError for an amount of thousands of digits,
    # and kept the last of a key given twice or a lone surrogate. Lists may be as long as
    # the rows allowed, so that too many rows is refused as rows.
    bounds = attrs.evolve(
        DEFAULT_LIMITS, list_length=max(DEFAULT_LIMITS.list_length, limits.max_rows)
    )
    data = parse_json(text, name, bounds, error=_file_refusal)
    if isinstance(data, Mapping) and set(data) == {"payments"}:
        data = data["payments"]
    if not isinstance(data, list):
        raise ImportRejected(name, reason='must be a list of payments (or {"payments": [...]})')
    if len(data) > limits.max_rows:
        raise ImportRejected(name, reason=f"has more than {limits.max_rows:,} rows")
    # A JSON export has no header: its rows are read in the order of the mapped columns.
    header = list(mapping.columns.values())

    def rows() -> Iterator[tuple[int, Row]]:
        for number, item in enumerate(data, start=1):
            cells = item if isinstance(item, Mapping) else {}
            yield number, [cells.get(column) for column in header]

    return header, rows()


def _text(value: object) -> str | None:
    if type(value) is str:
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError("", "must be text or a number, not true or false")
    if isinstance(value, str | int | Decimal):
        return str(value).strip() or None
    raise ValidationError("", "must be text or a number")


def _date(text: str, date_format: str | None, field: str) -> dt.date:
    if date_format is None:
        day = day_from_text(text)
        if day is None:
            raise ValidationError(field, "is not a date", hint="write YYYY-MM-DD")
        return day
    day = _formatted_date(text, date_format)
    if day is None:
        raise ValidationError(field, "is not a date", hint=f"write it as {date_format}")
    return day


class _Plan:
    """Where each field is in a row, its default, and how its words translate."""

    __slots__ = ("date_format", "fields")

    def __init__(self, mapping: ColumnMapping, header: Sequence[str]) -> None:
        position = {column: index for index, column in enumerate(header)}
        self.fields = [
            (
                field,
                position.get(mapping.columns[field]) if field in mapping.columns else None,
                mapping.defaults.get(field),
                mapping.values.get(field),
            )
            for field in FIELDS
        ]
        self.date_format = mapping.date_format

    def values(self, row: Row) -> dict[str, str | None]:
        given: dict[str, str | None] = {}
        width = len(row)
        for field, index, default, words in self.fields:
            value: str | None = None
            if index is not None and index < width:
                try:
                    value = _text(row[index])
                except ValidationError as error:
                    raise ValidationError(field, error.problem) from None
            if value is None:
                value = default
            if value is not None and words is not None:
                value = words.get(value, value)
            given[field] = value
        return given


def _row(row: Row, plan: _Plan) -> PaymentEntry:
    given = plan.values(row)
    for field in REQUIRED:
        if given[field] is None:
            raise ValidationError(field, "is missing")
    amount: str | Money = str(given["amount"]).removeprefix("£").strip()
    currency = given["currency"]
    if currency is not None and currency != "GBP":
        amount = Money(to_decimal(amount, "amount"), currency)
    worked_on = given["worked_on"]
    hours = given["hours"]
    return PaymentEntry(
        str(given["id"]),
        str(given["person"]),
        amount,
        _date(str(given["received_on"]), plan.date_format, "received_on"),
        (given["kind"] or "fee").lower(),
        (given["status"] or "paid").lower(),
        payer=given["payer"],
        project=given["project"],
        hours=_NO_HOURS if hours is None else hours,
        worked_on=None if worked_on is None else _date(worked_on, plan.date_format, "worked_on"),
        reference=given["reference"],
    )


def read_payments(
    data: str | bytes,
    *,
    format: Literal["csv", "json"],
    mapping: ColumnMapping,
    known_people: Iterable[str] | None = None,
    name: str = "<input>",
    limits: ImportLimits | None = None,
) -> FinancePayments:
    """Every payment in a finance export, or :class:`ImportRejected` listing every bad row.

    ``known_people`` (the ledger's contributor ids) makes a payment to anyone else a bad row;
    an id used twice in the file is one too. The payments keep their rows
    (:class:`FinancePayments`), so that a store refusing one names its row too.
    """
    chosen = limits if limits is not None else ImportLimits()
    known = None if known_people is None else frozenset(known_people)
    if format not in ("csv", "json"):
        raise ValidationError("format", "must be csv or json")
    text = _decode(data, name, chosen)
    problems: list[RowProblem] = []
    if format == "csv":
        header, rows = _csv_rows(text, name, chosen)
        problems.extend(_header_problems(header, mapping))
        if problems:
            raise ImportRejected(name, problems)
    else:
        header, rows = _json_rows(text, name, chosen, mapping)
    plan = _Plan(mapping, header)
    payments: list[PaymentEntry] = []
    numbers: list[int] = []
    first_row: dict[str, int] = {}
    for number, cells in rows:
        if len(cells) > len(header):
            # A cell past the header is a value that split (an unquoted "1,250.00"), so the
            # cells before it may be in the wrong columns: never read by position.
            problems.append(
                RowProblem(number, "", f"has {len(cells)} cells; the header has {len(header)}")
            )
            continue
        try:
            payment = _row(cells, plan)
        except ValidationError as error:
            problem = f"{error.problem} ({error.hint})" if error.hint else error.problem
            problems.append(RowProblem(number, error.path.split(".")[0], problem))
            continue
        if payment.id in first_row:
            problems.append(
                RowProblem(number, "id", f"repeats the id of row {first_row[payment.id]}")
            )
            continue
        first_row[payment.id] = number
        if known is not None and payment.person not in known:
            problems.append(RowProblem(number, "person", "is not a contributor in the ledger"))
            continue
        payments.append(payment)
        numbers.append(number)
    if problems:
        raise ImportRejected(name, problems)
    return FinancePayments(payments, name=name, rows=numbers)
