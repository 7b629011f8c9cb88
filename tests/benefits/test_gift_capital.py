"""A gift kept as capital changes Universal Credit's figures, not only its explanation.

A gift given for no work is not income, but kept it is capital (UC Regs 2013 reg. 46ff.).
Capital above £6,000 brings an assumed income of £4.35 a month for each £250 or part of £250
(reg. 72(1)); above £16,000 there is no entitlement (reg. 18(1)(a)). A rise in capital is a
change of circumstances, and a change takes effect from the first day of the assessment
period (AP) it happens in (D&A Regs 2013 Sch. 1 para. 20), so a gift kept to the AP's end
counts for the whole AP. The library used to say such a gift "changes nothing" in its
numbers and warn only in words.

Figures (2025/26, from the bundled data): standard allowance, single, 25 or over, £400.14 a
month; capital limits £6,000 and £16,000; £4.35 a month for each £250 or part.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    Benefit,
    BenefitsCheck,
    Household,
    Person,
    Receipt,
    ReceiptKind,
    UniversalCreditClaim,
    assess_benefits,
)
from participatory.core.explain import Finding
from participatory.core.money import Money

CLAIM = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
UC = Benefit.UNIVERSAL_CREDIT


def _single(capital: str | None, claim: UniversalCreditClaim = CLAIM) -> Household:
    return Household(
        people=[Person("gwen")],  # 25 or over: the default age band
        universal_credit=claim,
        capital=None if capital is None else Money.gbp(capital),
    )


def _capital_findings(result: BenefitsCheck) -> list[Finding]:
    """The findings that say what the gift does to the capital the household holds."""
    keys = ("benefits.uc.capital_tariff", "benefits.uc.capital_upper")
    return [f for f in result.findings if f.message_key in keys]


def _gift(amount: str, day: dt.date = dt.date(2025, 6, 10)) -> Receipt:
    return Receipt(Money.gbp(amount), day, ReceiptKind.GIFT, person="gwen")


def test_a_gift_taking_capital_over_the_upper_limit_ends_the_whole_periods_award() -> None:
    """£15,950 of savings and a £100 gift on 10 June 2025 (the AP 1 to 30 June).

    Before: 15,950 - 6,000 = 9,950, which is 39.8 steps of £250, so 40 steps (a part
    counts): 40 x £4.35 = £174.00 of assumed income; UC = 400.14 - 174.00 = £226.14.
    After: 15,950 + 100 = £16,050, above £16,000: no entitlement for the AP, so UC falls by
    £226.14, and the contributor is £100 - £226.14 = £126.14 worse off.
    """
    result = assess_benefits(_single("15950.00"), [_gift("100.00")])
    assert result.change(UC) == Money.gbp("-226.14")
    assert not result.changes_nothing
    assert result.kept == Money.gbp("-126.14")
    (outcome,) = result.outcomes
    assert outcome.period.start == dt.date(2025, 6, 1)
    assert outcome.before == Money.gbp("226.14")
    assert outcome.after == Money.gbp("0.00")
    assert [f.message_key for f in _capital_findings(result)] == ["benefits.uc.capital_upper"]
    assert not result.has("BEN-UC-NOTHING-COUNTED")


def test_a_gift_over_the_lower_limit_brings_tariff_income() -> None:
    """£6,000 of savings and a £250 gift: capital £6,250, one step of £250 over the lower
    limit, so £4.35 a month of assumed income comes off UC (400.14 to 395.79)."""
    result = assess_benefits(_single("6000.00"), [_gift("250.00")])
    assert result.change(UC) == Money.gbp("-4.35")
    (outcome,) = result.outcomes
    assert (outcome.before, outcome.after) == (Money.gbp("400.14"), Money.gbp("395.79"))
    (gift,) = [f for f in result.findings if f.message_key == "benefits.uc.capital_tariff"]
    assert gift.values["tariff"] == Money.gbp("4.35")


def test_a_penny_more_is_another_step() -> None:
    """£6,000 of savings and a gift of £250.01: £250.01 over the limit is one step and a part
    of another, so two steps: 2 x £4.35 = £8.70."""
    result = assess_benefits(_single("6000.00"), [_gift("250.01")])
    assert result.change(UC) == Money.gbp("-8.70")


def test_a_gift_within_the_lower_limit_changes_nothing() -> None:
    """£5,000 of savings and a £1,000 gift: £6,000 is not above the lower limit, so no
    assumed income; nothing changes and no capital warning is given."""
    result = assess_benefits(_single("5000.00"), [_gift("1000.00")])
    assert result.changes_nothing
    assert result.change(UC) == Money.gbp("0.00")
    assert not _capital_findings(result)


def test_unknown_capital_leaves_the_figures_alone() -> None:
    """With the capital not given, the library cannot say where a gift takes it: it changes
    no figure, and the general warning that a kept gift is capital stays."""
    result = assess_benefits(_single(None), [_gift("100.00")])
    assert result.changes_nothing
    assert result.outcomes == ()
    assert result.has("BEN-GIFT-CAPITAL")  # the general warning: kept, it is capital
    assert not _capital_findings(result)


def test_an_earlier_gift_in_the_same_period_counts_before_and_after() -> None:
    """£15,850 of savings, a £100 gift already received on 2 June and another £100 on 10 June.

    Before the second: £15,950, 40 steps, £174.00, so UC £226.14 (as in the first test).
    After: £16,050, over the limit: UC falls by £226.14.
    """
    earlier = (_gift("100.00", dt.date(2025, 6, 2)),)
    result = assess_benefits(_single("15850.00"), [_gift("100.00")], already=earlier)
    assert result.change(UC) == Money.gbp("-226.14")
    (outcome,) = result.outcomes
    assert outcome.before == Money.gbp("226.14")


def test_a_gift_counts_in_the_period_it_is_received_in() -> None:
    """A gift received on 30 June (the June AP's last day) counts in June; one received on 1
    July, in the July AP: £6,000 of savings and £250 each time, £4.35 off that AP."""
    for day, start in (
        (dt.date(2025, 6, 30), dt.date(2025, 6, 1)),
        (dt.date(2025, 7, 1), dt.date(2025, 7, 1)),
    ):
        result = assess_benefits(_single("6000.00"), [_gift("250.00", day)])
        (outcome,) = result.outcomes
        assert outcome.period.start == start
        assert outcome.change == Money.gbp("-4.35")


def test_a_gift_before_the_claim_is_in_no_period() -> None:
    """The claim starts on 1 May 2025: a gift on 30 April is in no AP, so no figure moves."""
    result = assess_benefits(_single("15950.00"), [_gift("100.00", dt.date(2025, 4, 30))])
    assert result.outcomes == ()


def test_an_award_from_a_statement_loses_the_gifts_tariff_income() -> None:
    """An award of £300.00 from the statement already counts the £6,000 held: the £250 gift
    adds one step of £4.35, so UC falls to £295.65."""
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), current_award=Money.gbp("300.00")
    )
    result = assess_benefits(_single("6000.00", claim), [_gift("250.00")])
    assert result.change(UC) == Money.gbp("-4.35")


def test_an_award_from_a_statement_ends_past_the_upper_limit() -> None:
    """An award of £226.14 from the statement with £15,950 held; a £100 gift takes capital to
    £16,050, above £16,000, so nothing is payable for the AP: UC falls by £226.14."""
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), current_award=Money.gbp("226.14")
    )
    result = assess_benefits(_single("15950.00", claim), [_gift("100.00")])
    assert result.change(UC) == Money.gbp("-226.14")


def _pounds(pennies: int) -> str:
    return f"{pennies // 100}.{pennies % 100:02d}"


_PENNIES = st.integers(min_value=1, max_value=1_000_000)


@settings(max_examples=60, deadline=None)
@given(capital=st.integers(min_value=0, max_value=2_000_000), small=_PENNIES, extra=_PENNIES)
def test_a_larger_gift_never_leaves_more_universal_credit(
    capital: int, small: int, extra: int
) -> None:
    """Capital only ever lowers UC (tariff income rises with it, and past the limit there is
    none), so for any capital a gift never raises UC, and a larger gift never leaves more."""
    household = _single(_pounds(capital))
    smaller = assess_benefits(household, [_gift(_pounds(small))])
    larger = assess_benefits(household, [_gift(_pounds(small + extra))])
    assert smaller.change(UC) <= Money.gbp("0.00")
    assert larger.change(UC) <= smaller.change(UC)
