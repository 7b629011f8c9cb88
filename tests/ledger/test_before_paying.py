"""assess_before_paying: what it does when it cannot check, and how it reads the ledger."""

from __future__ import annotations

import datetime as dt

import pytest

from participatory.benefits import Benefit
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.ledger import Contributor, Ledger, assess_before_paying
from participatory.render.text import sentence

from .conftest import carer_ledger, fee

AS_AT = dt.date(2026, 1, 10)
PROPOSAL = fee("pillow-1", "amira", "150.00", "2026-01-14", project="pillow")


def test_no_circumstances_no_check() -> None:
    check = assess_before_paying(Ledger(contributors=[Contributor("amira")]), PROPOSAL, as_at=AS_AT)
    assert not check.checked
    assert check.changes_nothing
    assert check.headroom is None
    (only,) = check.findings
    assert only.rule_id == "LEDGER-NOT-CHECKED"
    assert not only.sensitive


def test_circumstances_past_their_basis_are_not_used() -> None:
    check = assess_before_paying(carer_ledger(), PROPOSAL, as_at=dt.date(2027, 4, 1))
    assert not check.checked
    (only,) = check.findings
    assert only.rule_id == "LEDGER-CIRCUMSTANCES-NOT-USABLE"
    assert only.sensitive
    assert {c.key for c in only.citations} == {
        "ico_special_category_rules",
        "ico_storage_limitation",
    }


def test_a_cancelled_proposal_counts_for_nothing() -> None:
    cancelled = fee("x", "amira", "900.00", "2026-01-14", status="cancelled")
    check = assess_before_paying(carer_ledger(), cancelled, as_at=AS_AT)
    assert not check.checked
    assert check.findings[0].rule_id == "LEDGER-CANCELLED"


def test_an_unknown_person_is_refused() -> None:
    with pytest.raises(ValidationError):
        assess_before_paying(carer_ledger(), fee("x", "zed", "1.00", "2026-01-14"), as_at=AS_AT)


def test_a_payment_already_in_the_ledger_is_not_counted_twice() -> None:
    """Checking an entry again (same id) replaces it: £150 once is within £196."""
    ledger = carer_ledger([PROPOSAL])
    assert assess_before_paying(ledger, PROPOSAL, as_at=AS_AT).changes_nothing


def test_cancelled_entries_and_far_off_payments_do_not_count() -> None:
    ledger = carer_ledger(
        [
            fee("gone", "amira", "150.00", "2026-01-13", status="cancelled"),
            fee("march", "amira", "150.00", "2026-03-20"),
        ]
    )
    assert assess_before_paying(ledger, PROPOSAL, as_at=AS_AT).changes_nothing


def test_planned_payments_of_other_payers_count() -> None:
    ledger = carer_ledger([fee("trust", "amira", "150.00", "2026-01-12", status="planned",
                               payer="NHS trust")])  # fmt: skip
    check = assess_before_paying(ledger, PROPOSAL, as_at=AS_AT)
    assert check.change(Benefit.CARERS_ALLOWANCE) == Money.gbp("-83.30")


def test_own_project_payments_are_not_other_payments() -> None:
    """The same project's earlier fee is the project's own: it matters, but not "others"."""
    ledger = carer_ledger([fee("pillow-0", "amira", "150.00", "2026-01-12", project="pillow")])
    check = assess_before_paying(ledger, PROPOSAL, as_at=AS_AT)
    assert check.change() == Money.gbp("-83.30")
    assert not check.others_matter
    assert not check.has("LEDGER-OTHERS-MATTER")


def test_without_a_project_the_payer_decides_what_is_its_own() -> None:
    ledger = carer_ledger([fee("t-0", "amira", "150.00", "2026-01-12", payer="NHS trust")])
    same = fee("t-1", "amira", "150.00", "2026-01-14", payer="NHS trust")
    other = fee("u-1", "amira", "150.00", "2026-01-14", payer="University of Bath")
    assert not assess_before_paying(ledger, same, as_at=AS_AT).others_matter
    assert assess_before_paying(ledger, other, as_at=AS_AT).others_matter


def test_every_finding_is_sensitive_and_renders() -> None:
    ledger = carer_ledger([fee("river-1", "amira", "150.00", "2026-01-13", project="river")])
    check = assess_before_paying(ledger, PROPOSAL, as_at=AS_AT)
    ours = [f for f in check.findings if f.rule_id.startswith("LEDGER-")]
    assert ours
    assert all(f.sensitive for f in ours)
    for f in check.findings:
        for locale in ("en_GB", "cy"):
            assert sentence(f, locale=locale, include_sensitive=True)
        assert unstructure(f)["rule_id"] is None if f.sensitive else True
    assert "83.30" not in repr(check)


def test_findings_and_headroom_are_built_once() -> None:
    check = assess_before_paying(carer_ledger(), PROPOSAL, as_at=AS_AT)
    assert check.findings is check.findings
    assert check.headroom is check.headroom


def test_hours_worked_weeks_before_the_payment_count_with_that_weeks_other_work():
    """ESA permitted work is for under 16 hours a week, hours counted in the week the work
    was done (ESA Regs 2008 reg. 45). By hand: 10 hours paid on Monday 2 June 2025, and a
    fee received on 20 August (79 days later, outside the 62 days either side of its receipt)
    for 7 hours worked on 3 June: that week holds 17 hours. The ledger's check must count
    the 10 hours as a check of everything the ledger holds does: 17 hours is not permitted
    work, so that week's £92.05 is lost."""
    from participatory.benefits import (
        EmploymentSupportAllowanceClaim,
        Household,
        PermittedWork,
        Person,
        assess_benefits,
    )
    from participatory.ledger import HouseholdRecord

    from .conftest import agreed

    home = Household(
        people=[
            Person(
                "amira",
                esa=EmploymentSupportAllowanceClaim(
                    weekly_award="92.05", permitted_work=PermittedWork.HIGHER_LIMIT
                ),
            )
        ]
    )
    earlier = fee("june", "amira", "150.00", "2025-06-02", hours="10", worked_on="2025-06-02")
    ledger = Ledger(
        contributors=[Contributor("amira")],
        households=[HouseholdRecord("h-amira", home, [agreed("amira")])],
        payments=[earlier],
    )
    proposal = fee("august", "amira", "60.00", "2025-08-20", hours="7", worked_on="2025-06-03")
    check = assess_before_paying(ledger, proposal, as_at=dt.date(2025, 8, 1))
    whole = assess_benefits(home, (proposal.receipt,), already=(earlier.receipt,))
    assert check.result is not None
    assert check.result.change() == whole.change() == Money.gbp("-92.05")
    june = [o for o in whole.outcomes if o.period.start == dt.date(2025, 6, 2)]
    assert june, "the week the work was done is reported"
    assert [o.period for o in check.result.outcomes] == [o.period for o in whole.outcomes]


def test_a_check_before_paying_has_a_plain_form_withheld_unless_asked() -> None:
    """Amira (Carer's Allowance, limit £196 a week) already has £100 from another project
    in the week of Monday 12 January 2026; £150 more on Wednesday 14th takes the week to
    £250, so the next week's £83.30 is lost. By default the plain form says nothing, not even
    that she was checked; with sensitive data it carries the check, the headroom (none left:
    the week is over the limit) and the findings, and reads back as JSON."""
    from participatory.interchange import dumps, to_plain

    earlier = fee("other-1", "amira", "100.00", "2026-01-12", project="other")
    check = assess_before_paying(carer_ledger([earlier]), PROPOSAL, as_at=AS_AT)
    hidden = to_plain(check)
    assert hidden["withheld"] is True
    assert {k: v for k, v in hidden.items() if k not in ("sensitive", "withheld")} == dict.fromkeys(
        ("payment", "as_at", "checked", "result", "others_matter", "headroom", "findings")
    )
    assert "amira" not in dumps(check)
    full = to_plain(check, include_sensitive=True)
    assert full["checked"] is True
    assert full["others_matter"] is True
    assert full["result"]["change"] == "-83.30 GBP"
    assert full["headroom"]["by_benefit"]["carers_allowance"] == "0.00 GBP"
    assert full["findings"]
    assert '"withheld": false' in dumps(check, include_sensitive=True)


def test_an_unchecked_payment_has_a_plain_form_too() -> None:
    check = assess_before_paying(Ledger(contributors=[Contributor("amira")]), PROPOSAL, as_at=AS_AT)
    full = unstructure(check, include_sensitive=True)
    assert full["checked"] is False
    assert full["result"] is None
    assert full["others_matter"] is None
    assert full["headroom"] is None
    assert full["findings"]
