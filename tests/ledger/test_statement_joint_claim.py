"""A couple's joint Universal Credit claim on each partner's statement, worked by hand.

2025/26 figures: work allowance with housing costs £411.00 an assessment period (one for the
couple), taper 55% (UC Regs 2013 regs. 22 and 36(3)): the joint award falls by 55p for each
£1 the couple's combined earnings are above the allowance. Ann and Bob's assessment periods
run from the 1st to the end of each month.

The joint award is the couple's, not either partner's: each statement shows the joint claim's
change once, as the household's (the same figure on both), and never inside the person's own
change or what they kept, so the two statements together count the loss once.
"""

from __future__ import annotations

from participatory.benefits import Benefit
from participatory.core.money import Money
from participatory.ledger import contributor_statement
from participatory.render.text import sentence

from .conftest import couple_ledger, fee
from .test_statement_scenarios import YEAR_END


def test_two_partners_statements_count_the_joint_loss_once() -> None:
    """Ann £300 (10 June), Bob £300 (12 June): the June award falls by £103.95, once.

    Combined £600 - £411 = £189 over; 55% = £103.95 off the joint award. Neither partner has
    a benefit of their own, so each one's own change is £0.00 and each kept their £300.00;
    each statement shows the joint claim's change, -£103.95, as the household's. Before the
    fix each statement put the whole -£103.95 in the person's own change: -£207.90 together.
    """
    ledger = couple_ledger(
        [fee("a", "ann", "300.00", "2025-06-10"), fee("b", "bob", "300.00", "2025-06-12")]
    )
    ann = contributor_statement(ledger, "ann", 2025, as_at=YEAR_END)
    bob = contributor_statement(ledger, "bob", 2025, as_at=YEAR_END)
    for year in (ann, bob):
        assert year.change == Money.gbp("0.00")
        assert year.kept == Money.gbp("300.00")
        assert year.by_benefit == {}
        assert year.joint_change == Money.gbp("-103.95")
        assert year.joint_by_benefit == {Benefit.UNIVERSAL_CREDIT: Money.gbp("-103.95")}
        (june,) = year.assessment_periods
        (line,) = june.benefits
        assert line.joint
        assert line.person is None
        assert line.change == Money.gbp("-103.95")
        assert june.change == Money.gbp("0.00")
        assert june.joint_change == Money.gbp("-103.95")
        assert june.kept == Money.gbp("300.00")
    assert ann.change + bob.change == Money.gbp("0.00")


def test_the_summary_says_the_change_is_the_joint_claims() -> None:
    """The year's sentence gives the joint figure apart from the person's own, as the claim's."""
    ledger = couple_ledger(
        [fee("a", "ann", "300.00", "2025-06-10"), fee("b", "bob", "300.00", "2025-06-12")]
    )
    ann = contributor_statement(ledger, "ann", 2025, as_at=YEAR_END)
    (summary,) = ann.by_rule("LEDGER-STATEMENT-YEAR")
    words = sentence(summary, locale="en_GB", include_sensitive=True)
    assert "joint claim you and your partner make together changed by -£103.95" in words
    assert "household's change" in words
    assert "you kept £300.00" in words


def test_a_partners_payment_in_another_period_shows_as_the_joint_claims() -> None:
    """Ann £300 (10 June), Bob £500 (15 July): the claim's year is -£48.95 on both statements.

    June: £300 ≤ £411, nothing off. July: £500 - £411 = £89 over; 55% = £48.95 off. Ann's
    statement shows July's joint change though she was paid nothing then (she received £0.00
    in it and kept her £300.00). Bob's lists July only: June, in which only Ann was paid and
    the joint claim did not change, has nothing of his (TRY14-8: before, it was listed with
    the claim unchanged, saying when Ann was paid).
    """
    ledger = couple_ledger(
        [fee("a", "ann", "300.00", "2025-06-10"), fee("b", "bob", "500.00", "2025-07-15")]
    )
    ann = contributor_statement(ledger, "ann", 2025, as_at=YEAR_END)
    bob = contributor_statement(ledger, "bob", 2025, as_at=YEAR_END)
    assert ann.joint_change == bob.joint_change == Money.gbp("-48.95")
    assert (ann.kept, bob.kept) == (Money.gbp("300.00"), Money.gbp("500.00"))
    june, july = ann.assessment_periods
    assert (june.received, july.received) == (Money.gbp("300.00"), Money.gbp("0.00"))
    assert july.joint_change == Money.gbp("-48.95")
    (journal,) = ann.by_rule("LEDGER-REPORT-UC-JOURNAL")
    assert journal.values["amount"] == Money.gbp("300.00")
    (bobs_july,) = bob.assessment_periods
    assert (bobs_july.received, bobs_july.joint_change) == (
        Money.gbp("500.00"),
        Money.gbp("-48.95"),
    )
