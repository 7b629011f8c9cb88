"""Before you pay, worked by hand: the cases issue 16 names, each with its arithmetic.

Figures for 2025/26 from the bundled data (``data/parameters/benefits/``):

* Carer's Allowance: earnings limit £196.00 a week (Social Security Benefits Up-rating
  Regulations 2025, reg. 4; Invalid Care Allowance Regulations 1976, reg. 8), weekly rate
  £83.30; the engine counts a week's earnings in the following benefit week, and weeks run
  Monday to Sunday here.
* Universal Credit: the work allowance where the award includes housing costs is £411.00 an
  assessment period, one for a couple (CPAG's 2025/26 rates; UC Regs 2013 reg. 22), and 55%
  of earnings above it comes off the award (the taper, reg. 22(1)(b)).
"""

from __future__ import annotations

import datetime as dt

from participatory.benefits import Benefit
from participatory.core.money import Money
from participatory.ledger import assess_before_paying
from participatory.render.text import sentence

from .conftest import carer_ledger, couple_ledger, fee

AS_AT = dt.date(2026, 1, 10)


def test_two_projects_in_one_carer_week_lose_the_next_weeks_allowance() -> None:
    """£150 + £150 in one week: £300 > £196, so the next week's £83.30 is lost.

    River Watch paid Amira £150 on Tuesday 13 January 2026; Smart Pillow proposes £150 on
    Wednesday 14 January (the week 12-18 January). Each alone: £150 ≤ £196, safe. Together:
    £300 > £196, so Carer's Allowance for the week 19-25 January (£83.30) is not paid. She
    keeps £150 - £83.30 = £66.70 of the second fee.
    """
    ledger = carer_ledger([fee("river-1", "amira", "150.00", "2026-01-13", project="river")])
    proposal = fee("pillow-1", "amira", "150.00", "2026-01-14", project="pillow")
    check = assess_before_paying(ledger, proposal, as_at=AS_AT)
    (lost,) = check.outcomes
    assert lost.benefit is Benefit.CARERS_ALLOWANCE
    assert lost.cliff
    assert (lost.period.start, lost.period.end) == (dt.date(2026, 1, 19), dt.date(2026, 1, 25))
    assert check.change() == Money.gbp("-83.30")
    assert check.result is not None
    assert check.result.kept == Money.gbp("66.70")
    assert check.others_matter
    assert check.has("LEDGER-OTHERS-MATTER")
    # Each project alone is safe.
    alone = assess_before_paying(carer_ledger(), proposal, as_at=AS_AT)
    assert alone.changes_nothing
    assert alone.has("LEDGER-PAYMENT-SAFE")
    first = assess_before_paying(
        carer_ledger(),
        fee("river-1", "amira", "150.00", "2026-01-13", project="river"),
        as_at=AS_AT,
    )
    assert first.changes_nothing


def test_the_other_project_is_never_named_or_itemised() -> None:
    """Other payments make the difference; the answer never says whose, how much or when.

    Mind Bristol paid £150 on 13 January for River Watch; Smart Pillow proposes £100 on the
    14th: £250 > £196, so the week is lost. Nothing the paying project reads (values,
    sentences, citations) names River Watch or Mind Bristol, or shows £150, the £250 total or
    the 13th. (The engine's own sentence for the week quotes the total: it is not passed on.)
    """
    ledger = carer_ledger(
        [fee("river-1", "amira", "150.00", "2026-01-13", project="river", payer="Mind Bristol")]
    )
    proposal = fee("pillow-1", "amira", "100.00", "2026-01-14", project="pillow")
    check = assess_before_paying(ledger, proposal, as_at=AS_AT)
    assert check.change() == Money.gbp("-83.30")
    shown = " ".join(
        [repr(dict(f.values)) for f in check.findings]
        + [sentence(f, locale="en_GB", include_sensitive=True) for f in check.findings]
    )
    for secret in ("river", "Mind Bristol", "150", "250", "13 January", "2026, 1, 13"):
        assert secret not in shown, secret


def test_the_joint_claim_counts_both_partners_earnings() -> None:
    """Ann and Bob each paid £300 in June 2025: alone within the £411 allowance, together not.

    Ann: £300 from project A on 10 June; Bob: £300 proposed by project B on 12 June; both in
    the assessment period 1-30 June. Each alone: £300 ≤ £411, nothing off. Together:
    £600 - £411 = £189 over the allowance; 55% of £189 = £103.95 off the joint award.
    """
    ledger = couple_ledger([fee("a-1", "ann", "300.00", "2025-06-10", project="a")])
    proposal = fee("b-1", "bob", "300.00", "2025-06-12", project="b")
    check = assess_before_paying(ledger, proposal, as_at=dt.date(2025, 6, 1))
    (period,) = check.outcomes
    assert period.benefit is Benefit.UNIVERSAL_CREDIT
    assert period.person is None
    assert (period.period.start, period.period.end) == (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    assert check.change(Benefit.UNIVERSAL_CREDIT) == Money.gbp("-103.95")
    assert check.others_matter
    alone = check.alone
    assert alone is not None
    assert alone.changes_nothing
    # Ann's payment, checked alone, is within the allowance too.
    assert assess_before_paying(
        couple_ledger(),
        fee("a-1", "ann", "300.00", "2025-06-10", project="a"),
        as_at=dt.date(2025, 6, 1),
    ).changes_nothing


def test_moving_the_payment_to_the_next_week_keeps_the_allowance() -> None:
    """Paid on Monday 19 January instead, the fee falls in the next week: £150 ≤ £196 twice.

    The week 12-18 January holds River Watch's £150 alone, the week 19-25 January Smart
    Pillow's £150 alone: neither is over £196, so no week of Carer's Allowance is lost.
    """
    ledger = carer_ledger([fee("river-1", "amira", "150.00", "2026-01-13", project="river")])
    moved = fee("pillow-1", "amira", "150.00", "2026-01-19", project="pillow")
    check = assess_before_paying(ledger, moved, as_at=AS_AT)
    assert check.changes_nothing
    assert check.change() == Money.gbp("0.00")
    assert check.has("LEDGER-PAYMENT-SAFE")
    assert not check.has("LEDGER-OTHERS-MATTER")


def test_other_payments_bring_the_person_close_to_a_limit() -> None:
    """£150 from River Watch, then £30 from Smart Pillow: safe, but only £16.00 room is left.

    £196 - £150 - £30 = £16.00. On its own the £30 would leave £166.00 of room, so the other
    project's payment is what brings Amira close to the limit; the finding says so without
    saying what it was.
    """
    ledger = carer_ledger([fee("river-1", "amira", "150.00", "2026-01-13", project="river")])
    proposal = fee("pillow-1", "amira", "30.00", "2026-01-14", project="pillow")
    check = assess_before_paying(ledger, proposal, as_at=AS_AT)
    assert check.changes_nothing
    room = check.headroom
    assert room is not None
    assert room.for_benefit(Benefit.CARERS_ALLOWANCE) == Money.gbp("16.00")
    (close,) = check.by_rule("LEDGER-CLOSE-TO-LIMIT")
    assert close.values["amount"] == Money.gbp("16.00")
    assert close.sensitive
