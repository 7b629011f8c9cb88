"""A project's assessment with the ledger: other payers counted, the project's own not twice.

Carer's Allowance 2025/26: limit £196.00 a week, rate £83.30 (Up-rating Regulations 2025
reg. 4), earnings counted in the following Monday-to-Sunday week.
"""

from __future__ import annotations

import datetime as dt
import json

from participatory.assessment import Area, assess
from participatory.benefits import CarersAllowanceClaim, Household, Person
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.ledger import others_for_project
from participatory.payments import Payment
from participatory.project import Project
from participatory.roles import ContributorKind, PersonContributor

from .conftest import carer_ledger, fee

AS_AT = dt.date(2026, 1, 10)


def _project() -> Project:
    """Smart Pillow pays Amira £100 on Wednesday 14 January 2026."""
    return Project(
        id="pillow",
        title="Smart pillow workshops",
        people=[PersonContributor("amira", "Amira", ContributorKind.PUBLIC_CONTRIBUTOR)],
        payments=[Payment("pillow-1", "amira", "fee", Money.gbp("100.00"), due_on="2026-01-14")],
        benefits={
            "amira": Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
        },
    )


def _figures(project: Project, **options: object) -> dict[str, object]:
    report = assess(project, as_at=AS_AT, **options)  # type: ignore[arg-type]
    return {f.label_key.rsplit(".", 1)[1]: f.value for f in report.section(Area.BENEFITS).figures}


def test_the_projects_own_payments_in_the_ledger_are_not_counted_twice() -> None:
    """The ledger records Smart Pillow's own £100 too. Counted once: £100 ≤ £196, nothing
    lost. Counted twice it would be £200 > £196 and the week lost."""
    ledger = carer_ledger([fee("pillow-1", "amira", "100.00", "2026-01-14", project="pillow")])
    figures = _figures(_project(), ledger=ledger)
    assert figures["benefit_change"] == Money.gbp("0.00")


def test_another_projects_payment_in_the_same_week_is_counted() -> None:
    """River Watch paid £150 on the 13th: £150 + £100 = £250 > £196, so the week 19-25
    January (£83.30) is lost; without the ledger the project would think its £100 safe."""
    ledger = carer_ledger(
        [
            fee("pillow-1", "amira", "100.00", "2026-01-14", project="pillow"),
            fee("river-1", "amira", "150.00", "2026-01-13", project="river", payer="Mind"),
        ]
    )
    assert _figures(_project())["benefit_change"] == Money.gbp("0.00")
    with_ledger = _figures(_project(), ledger=ledger)
    assert with_ledger["benefit_change"] == Money.gbp("-83.30")
    assert with_ledger["benefit_paid"] == Money.gbp("100.00")
    report = assess(_project(), as_at=AS_AT, ledger=ledger)
    shown = json.dumps(unstructure(report, include_sensitive=True), default=str)
    assert "river" not in shown
    assert "Mind" not in shown
    assert "150.00" not in shown


def test_the_callable_leaves_out_the_project_and_keeps_the_window() -> None:
    ledger = carer_ledger(
        [
            fee("pillow-1", "amira", "100.00", "2026-01-14", project="pillow"),
            fee("river-1", "amira", "150.00", "2026-01-13", project="river"),
        ]
    )
    already = others_for_project(ledger, "pillow")
    home = Household(people=[Person("amira")])
    assert [r.amount for r in already(home)] == [Money.gbp("150.00")]
