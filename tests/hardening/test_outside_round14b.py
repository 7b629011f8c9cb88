"""An outside tester's second pass over round 14's changes (TRY14B).

Each ``xfail(strict=True)`` test is a promise the library made this round that did not hold
when tried from outside; its reason names the break (TRY14B-N). The unmarked tests guard new
ground that held: figures worked by hand from the published 2025/26 rates (Carer's Allowance
£83.30 a week, earnings limit £196, ICA Regs 1976 reg. 8(1): earnings over the limit in one
week, no allowance the next; the carer's £20 earnings disregard in Income Support, IS Regs
1987 Sch. 8 para. 4, which Sch. 8 para. 4(2) caps at £20 of a couple's aggregated earnings
when both are carers; IS, income-related ESA and Pension Credit count Carer's Allowance in
full as income, IS Regs 1987 reg. 40, ESA Regs 2008 reg. 104, SPC Regs 2002 reg. 15(1)).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    UniversalCreditClaim,
    assess_benefits,
    assess_payment,
)
from participatory.benefits.receipts import Receipt
from participatory.cli import main
from participatory.core.errors import ParticipatoryError
from participatory.core.limits import Limits, parse_json, parse_toml, read_stream
from participatory.core.money import Money
from participatory.project import ProjectFileError, parse_project

GBP = Money.gbp
TUESDAY = dt.date(2025, 6, 10)
WEEK_OF_FEE = dt.date(2025, 6, 9)
WEEK_AFTER = dt.date(2025, 6, 16)


def _carer(person_id: str) -> Person:
    return Person(person_id, carers_allowance=CarersAllowanceClaim())


def _weeks(check: object, benefit: Benefit) -> list[tuple[dt.date, int, int]]:
    rows = check.numbers  # type: ignore[attr-defined]
    return [(r.period.start, r.before, r.after) for r in rows if r.benefit is benefit]


# ---------------------------------------------------------------------------------------------
# 1. A lost week of Carer's Allowance made up by Income Support (new ground, held)


def test_a_couple_of_carers_both_paid_lose_only_the_earnings_over_one_20_pound_disregard() -> None:
    """A couple on IS (award £300), both carers; each paid £200 on Tuesday 10 June 2025.

    Week 9-15 June: £400 of earnings, one £20 disregard for the couple (Sch. 8 para. 4(2)):
    £380 over it, more than the £300 award, so IS is nil. Both earn over £196, so both
    allowances for 16-22 June are lost (2 × £83.30 = £166.60); IS counts them in full, so
    IS for 16-22 June is £300 + £166.60 = £466.60. The household loses £300.00 in all:
    −300 − 166.60 + 166.60."""
    home = Household(
        people=[_carer("a"), _carer("b")],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award="300.00"),
    )
    check = assess_benefits(
        home,
        [Receipt(GBP("200"), TUESDAY, person="a"), Receipt(GBP("200"), TUESDAY, person="b")],
    )
    assert _weeks(check, Benefit.INCOME_SUPPORT) == [
        (WEEK_OF_FEE, 30000, 0),
        (WEEK_AFTER, 30000, 46660),
    ]
    assert check.change() == GBP("-300.00")


def test_the_carer_disregard_runs_on_in_the_week_the_allowance_is_lost() -> None:
    """A single carer on IS (award £200): £200 on 10 June, £30 on 17 June 2025.

    The carer's £20 disregard applies to someone who "is, or at any time in the preceding
    eight weeks was," getting Carer's Allowance (IS Regs 1987 Sch. 8 para. 4(1)), so it
    still applies in 16-22 June, the week the allowance is lost: £30 is £10 over it, and IS
    for that week is 200 − 10 + 83.30 = £273.30. Week 9-15: 200 − 180 = £20.00. The
    household loses 180 + 10 = £190.00."""
    home = Household(
        people=[_carer("c")],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award="200.00"),
    )
    check = assess_benefits(
        home, [Receipt(GBP("200"), TUESDAY), Receipt(GBP("30"), dt.date(2025, 6, 17))]
    )
    assert _weeks(check, Benefit.INCOME_SUPPORT) == [
        (WEEK_OF_FEE, 20000, 2000),
        (WEEK_AFTER, 20000, 27330),
    ]
    assert check.change() == GBP("-190.00")


@pytest.mark.parametrize("fee", ["196.00", "196.01", "197.00", "250.00"])
def test_a_small_award_is_never_better_off_for_crossing_the_carers_limit(fee: str) -> None:
    """A single carer on IS with a £10 award: any fee over the £20 disregard by £10 or more
    ends the week's IS (−£10.00). Over £196 the next week's £83.30 is lost and IS makes it up
    in full (200 is not earned that week): the household loses £10.00 whatever the fee."""
    home = Household(
        people=[_carer("c")],
        legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award="10.00"),
    )
    assert assess_payment(home, fee, TUESDAY).change() == GBP("-10.00")


# ---------------------------------------------------------------------------------------------
# 2. TOML refusals inside special-category data (TRY14B-1)

_HEAD = 'id = "pillow"\ntitle = "Smart pillow workshops"\n'


@pytest.mark.parametrize(
    ("document", "unsaid"),
    [
        (
            _HEAD
            + "[benefits]\n"
            + 'rose = { pension_credit = { weekly_award = "100.00 GBP" },'
            + ' pension_credit.disregard = "single" }\n',
            "pension_credit",
        ),
        (
            _HEAD + 'safeguarding_notes = { amira = { note = "x" }, amira.more = "y" }\n',
            "amira",
        ),
    ],
    ids=["benefits-inline", "safeguarding-inline"],
)
def test_a_dotted_key_into_an_inline_table_inside_special_data_names_no_key(
    document: str, unsaid: str
) -> None:
    """changes/outside-round14-lead.md (TRY14-1): "Inside special-category data ... the
    refusal now says what is wrong in the library's words and keeps the parser's line and
    column"; core/limits.py ``_toml_problem``. Inside an inline table, tomli's "Cannot
    mutate immutable namespace" quotes the keys *relative to the inline table*
    (``('pension_credit', 'disregard')``, ``('amira', 'more')``); ``_in_marked_place``
    reads them as a top-level path, finds no marked place, and the refusal is printed
    whole: "is not valid TOML (Cannot mutate immutable namespace ('pension_credit',
    'disregard') (at line 4, column 95))" says Rose's household claims Pension Credit (and
    that there is a safeguarding note about Amira). It should say "a table given inline is
    added to later (at line ...)" as it does for an absolute key. Fix: treat this message
    as marked whenever the document has marked places (the keys are relative, so their
    place is unknown)."""
    with pytest.raises(ProjectFileError) as raised:
        parse_project(document, "toml")
    said = str(raised.value)
    assert "line" in said, said
    assert unsaid not in said, said


def test_the_ledger_does_not_say_which_benefit_a_bad_inline_household_table_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same through ``participatory ledger add household FILE`` (its help: "describe a
    problem inside the circumstances or consents" only with ``--include-sensitive``, "by
    default counted: its place and words say what a member claims"). A household record
    whose ESA claim is given inline and then added to with a dotted key is refused with
    "hh.toml: is not valid TOML (Cannot mutate immutable namespace ('esa',
    'permitted_work') (at line 3, column 85))": a member claims new-style ESA and works
    under permitted work. It should name neither (status 2, one line, the line and column)."""
    record = tmp_path / "hh.toml"
    record.write_text(
        'id = "h1"\n[household]\npeople = [{ id = "rose", esa = { award = "90.00 GBP" },'
        ' esa.permitted_work = "lower" }]\n',
        encoding="utf-8",
    )
    ledger = tmp_path / "l.sqlite3"
    capsys.readouterr()
    status = main(["ledger", "add", "household", str(record), "--ledger", str(ledger)])
    out, said = capsys.readouterr()
    assert (status, out, said.count("\n")) == (2, "", 1), said
    assert "line 3" in said, said
    assert "'esa'" not in said, said
    assert "permitted_work" not in said, said


# ---------------------------------------------------------------------------------------------
# 3. Readers given limits they accept (TRY14B-2, TRY14B-3)


def test_a_json_integer_within_a_raised_number_limit_is_read_or_refused_by_the_library() -> None:
    """core/limits.py ``Limits.number_length`` ("characters in one number") may be raised
    by the caller, and ``parse_json`` promises the reader's own error for what it cannot
    read. With ``Limits(number_length=5000)``, a 4,400-digit integer is within the limit,
    but ``json.loads`` hands it to ``int``, which refuses more than 4,300 digits
    (``sys.int_max_str_digits``): a bare ``ValueError: Exceeds the limit (4300 digits) for
    integer string conversion`` escapes. (The same number as a float is read; in TOML it is
    refused as "a number longer than 5000 characters", which it is not.) It should be read
    (``parse_int=Decimal`` or ``int`` via Decimal) or refused with the library's error.
    A library may not raise the process-wide digit limit instead."""
    with contextlib.suppress(ParticipatoryError):
        parse_json("1" * 4400, "x.json", limits=Limits(number_length=5000))


def test_a_toml_integer_within_a_raised_number_limit_is_not_called_too_long() -> None:
    """The TOML twin of the above: ``parse_toml`` maps the ``int`` ValueError to "holds a
    number longer than 5000 characters (the most this reader accepts)" for a number of
    4,400 characters, a refusal that is untrue. It should read it, or say what is wrong."""
    said = ""
    try:
        parse_toml("a = " + "1" * 4400, "x.toml", limits=Limits(number_length=5000))
    except ParticipatoryError as refused:
        said = str(refused)
    assert "longer than 5000" not in said, said


def test_a_huge_file_limit_is_refused_or_read_not_an_overflow() -> None:
    """changes/outside-round14-lead.md (TRY14-5): "``Limits(depth=0)`` (or a limit given as
    text or ``True``) is a ``ValidationError`` naming the limit ... not a ``ValueError`` or
    an ``AttributeError`` from inside". ``Limits(file_bytes=2**63)`` is accepted (only
    ``< 1`` is refused), and ``read_stream`` then calls ``stream.read(file_bytes + 1)``:
    ``OverflowError: cannot fit 'int' into an index-sized integer``. Either ``Limits``
    should refuse a limit above ``sys.maxsize - 1`` (core/limits.py ``_positive``) or
    ``read_stream`` should read ``min(file_bytes + 1, sys.maxsize)``."""
    try:
        data = read_stream(io.BytesIO(b"abc"), "stdin", limits=Limits(file_bytes=2**63))
    except ParticipatoryError:
        return
    assert data == b"abc"


# ---------------------------------------------------------------------------------------------
# 4. A couple's check and the other partner's own benefits (TRY14B-4)


def test_a_payment_to_one_partner_says_nothing_of_the_others_disability_benefit() -> None:
    """engine ``_reported_to`` (this round): "a payment to one partner brings no duty to
    report it to the other's own benefit, and naming that duty would tell whoever reads
    the check what the other partner claims". In the same ``_explained``,
    ``unaffected_findings`` still gathers every member's unaffected benefits: a £100 fee to
    partner a of a UC couple, where b gets PIP, gives ``BEN-UNAFFECTED`` ("Personal
    Independence Payment: earnings do not affect them") and ``BEN-UNAFFECTED-REVIEW``
    ("starting work may lead DWP to ask whether needs have changed"), advice that is not
    the payee's and news of what b claims. PIP has no bearing on a couple's UC here (no
    LCWRA, no cap). Should: name the unaffected benefits of the payees only (as
    ``_reported_to`` does), in engine ``_explained``."""
    home = Household(
        people=[
            Person("a"),
            Person("b", unaffected={"personal_independence_payment"}),  # type: ignore[arg-type]
        ],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )
    check = assess_payment(home, "100", TUESDAY, person="a")
    ids = {f.rule_id for f in check.findings}
    assert not ids & {"BEN-UNAFFECTED", "BEN-UNAFFECTED-REVIEW"}, sorted(ids)


# ---------------------------------------------------------------------------------------------
# 5. Universal Credit: a couple's uprated lost week (TRY14B-5)


def _uc_couple_of_carers() -> Household:
    return Household(
        people=[_carer("a"), _carer("b")],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )


def test_a_partners_uprated_lost_week_takes_off_no_more_than_the_ap_counts_of_their_ca() -> None:
    """engine ``_universal_credit`` (this round): "A week lost at a rate uprated after the
    AP's first day takes off no more than the AP counts (its rates are read on its first
    day)", and ``_monthly_payable``: each weekly payment is converted "on its own".

    A couple, both 25+, both on Carer's Allowance (weeks from Monday), UC AP 1-30 April
    2026. The AP begins before 6 April: 2025/26 UC rates, and CA counts at the old rate (D&A
    Regs 2013 Sch. 1 Part 3): each partner's 83.30 × 52 ÷ 12 = £360.97. Before:
    628.10 + 2 × 201.68 − 2 × 360.97 = £309.52. £250 to a on Tuesday 21 April (over the
    £204 limit): a's CA for 27 April - 3 May (£86.45, the week holding the AP's last day)
    is lost, so the AP counts none of a's CA: £360.97 less, as the AP counted it; b's
    £360.97 still counts. No work allowance: 55% × 250 = £137.50. After:
    628.10 + 403.36 − 137.50 − 360.97 = £532.99 (for one carer alone the library itself
    takes off £360.97). The library caps the week lost (86.45 × 52 ÷ 12 = £374.62) at the
    household's £721.94, not at a's £360.97, so it counts b's CA as £347.32 and gives
    £546.64: £13.65 a month too much UC. Should: cap each person's lost week at that
    person's own monthly amount (engine ``_universal_credit``, per person, not
    ``min(lost, monthly_payable)``)."""
    result = assess_payment(_uc_couple_of_carers(), "250", dt.date(2026, 4, 21), person="a")
    (ap,) = result.outcomes_for(Benefit.UNIVERSAL_CREDIT)
    assert (ap.before, ap.after) == (GBP("309.52"), GBP("532.99"))
