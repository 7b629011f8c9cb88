"""Reading a payment plan from TOML text (the file boundary; see ``examples/payment-plan.toml``).

.. code-block:: toml

    [plan]
    project = "Threads"
    currency = "GBP"            # optional, GBP by default

    [timeliness]                # optional: the institution's policy
    working_days = 10
    nation = "england"          # england, wales, scotland or northern_ireland
    source = "Example University payment policy"

    [[payments]]
    id = "amira-1"
    contributor = "amira"
    kind = "fee"                # see PaymentKind
    amount = "270.00 GBP"
    activity = "Three co-design sessions"
    activity_on = 2026-05-12
    due_on = 2026-05-22
    paid_on = 2026-05-20        # optional
    expense = "taxi"            # expenses only

>>> parsed = parse_payment_plan('''
... [plan]
... project = "Threads"
... [[payments]]
... id = "p1"
... contributor = "amira"
... kind = "fee"
... amount = "90.00 GBP"
... due_on = 2026-05-22
... ''')
>>> parsed.plan.total()
Money('90.00', 'GBP')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final

import attrs

from participatory.core import tomlfile
from participatory.core.errors import ValidationError
from participatory.core.money import Money, parse_money_text
from participatory.core.record import Record
from participatory.payments.plans import Payment, PaymentPlan
from participatory.payments.timeliness import TimelinessPolicy

__all__ = ["PlanFile", "parse_payment_plan"]

_PAYMENT_KEYS: Final = frozenset(
    {"id", "contributor", "kind", "amount", "activity", "activity_on", "due_on", "paid_on",
     "expense", "note"}
)  # fmt: skip
_PLAN_KEYS: Final = frozenset({"project", "currency"})
_TIMELINESS_KEYS: Final = frozenset({"working_days", "nation", "source"})


@attrs.frozen
class PlanFile(Record):
    """A payment plan and, if the file states one, its timeliness policy."""

    plan: PaymentPlan
    timeliness: TimelinessPolicy | None = None


def _table(document: Mapping[str, Any], key: str, allowed: frozenset[str], file: str) -> Any:
    table = document.get(key, {})
    if not isinstance(table, Mapping):
        raise ValidationError(key, "must be a table", hint=f"in {file}")
    unknown = set(table) - allowed
    if unknown:
        raise ValidationError(key, f"unknown key(s) {sorted(unknown)}", hint=f"in {file}")
    return table


def _money(value: object, currency: str) -> Money:
    """A payment's amount: ``"90.00 GBP"`` in the plan's currency.

    A bare number, the form plans were written in before, is still read, in the plan's
    currency. Problems are at ``amount``; the caller puts the payment's place before it.
    """
    if not isinstance(value, str):
        return Money(value, currency)
    number, written = parse_money_text(value, "amount")
    if written != currency:
        raise ValidationError("amount", f"is in {written}, but the plan's currency is {currency}")
    return Money(number, currency)


def _payment(raw: object, currency: str, file: str, path: str) -> Payment:
    if not isinstance(raw, Mapping):
        raise ValidationError(path, "must be a table", hint=f"in {file}")
    unknown = set(raw) - _PAYMENT_KEYS
    if unknown:
        raise ValidationError(path, f"unknown key(s) {sorted(unknown)}", hint=f"in {file}")
    for key in ("id", "contributor", "kind", "amount", "due_on"):
        if key not in raw:
            raise ValidationError(f"{path}.{key}", "is missing", hint=f"in {file}")
    for key in ("activity_on", "due_on", "paid_on"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            raise ValidationError(f"{path}.{key}", "must be a TOML date (YYYY-MM-DD)")
    for key in ("id", "contributor", "kind", "activity", "expense", "note"):
        if key in raw and not isinstance(raw[key], str):
            raise ValidationError(f"{path}.{key}", "must be a string", hint=f"in {file}")
    try:
        return Payment(
            raw["id"],
            raw["contributor"],
            raw["kind"],
            _money(raw["amount"], currency),
            due_on=raw["due_on"],
            activity=raw.get("activity"),
            activity_on=raw.get("activity_on"),
            paid_on=raw.get("paid_on"),
            expense=raw.get("expense"),
            note=raw.get("note"),
        )
    except ValidationError as error:
        raise ValidationError(
            f"{path}.{error.path}" if error.path else path, error.problem, hint=f"in {file}"
        ) from None


def _file_error(file: str, key: str, problem: str) -> ValidationError:
    return ValidationError(key, f"{file} {problem}" if not key else problem, hint=f"in {file}")


def parse_payment_plan(text: str, file: str = "<string>") -> PlanFile:
    """Parse a plan file's text; errors name the key at fault and the file."""
    # Within the library's input limits (nesting, lengths, numbers): no file can hang it.
    document = tomlfile.parse_toml(text, file, error=_file_error)
    unknown = set(document) - {"plan", "timeliness", "payments"}
    if unknown:
        raise ValidationError("", f"unknown table(s) {sorted(unknown)}", hint=f"in {file}")
    plan_table = _table(document, "plan", _PLAN_KEYS, file)
    project = plan_table.get("project")
    if not isinstance(project, str) or not project.strip():
        raise ValidationError("plan.project", "must be the project's name", hint=f"in {file}")
    currency = plan_table.get("currency", "GBP")
    if not isinstance(currency, str):
        raise ValidationError("plan.currency", "must be a currency code", hint=f"in {file}")
    raw_payments = document.get("payments", [])
    if not isinstance(raw_payments, list):
        raise ValidationError("payments", "must be an array of tables", hint=f"in {file}")
    payments = tuple(
        _payment(raw, currency, file, f"payments[{i}]") for i, raw in enumerate(raw_payments)
    )
    try:
        plan = PaymentPlan(project, payments, currency)
    except ValidationError as error:
        raise ValidationError(error.path, error.problem, hint=f"in {file}") from None
    policy = None
    if "timeliness" in document:
        table = _table(document, "timeliness", _TIMELINESS_KEYS, file)
        if "working_days" not in table:
            raise ValidationError("timeliness.working_days", "is missing", hint=f"in {file}")
        try:
            policy = TimelinessPolicy(
                table["working_days"],
                table.get("nation", "england"),
                table.get("source", "institution payment policy"),
            )
        except ValidationError as error:
            raise ValidationError(
                f"timeliness.{error.path}", error.problem, hint=f"in {file}"
            ) from None
    return PlanFile(plan, policy)
