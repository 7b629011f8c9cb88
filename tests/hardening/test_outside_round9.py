"""An outside tester's attacks on the person-centred view and the promises every caller relies on.

The ledger (:mod:`participatory.ledger`) answers for one person across every project and payer:
before-you-pay checks, headroom, a year's statement, erasure of circumstances past their basis;
the benefits engine answers for a household, a couple on a joint Universal Credit claim
included. Each group attacks one promise as an outside caller would: the answers against the
law (figures worked by hand from the bundled rates in
``src/participatory/data/parameters/benefits/``), special-category data and *whose* it is kept
out of reprs, sentences and default outputs, the same answer whatever the caller set, and the
library's own error for every wrong argument.

Written with each broken promise marked ``xfail(strict=True)``; all of them were fixed in the
same round (issue 18's ninth), so every test here now states a promise that holds.
"""

from __future__ import annotations

import datetime as dt
import decimal
import gc
import io
import json
import logging
import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

from participatory.benefits import (
    AgeBand,
    Benefit,
    CarersAllowanceClaim,
    Child,
    EmploymentSupportAllowanceClaim,
    Household,
    HousingBenefitDisregard,
    PermittedWork,
    Person,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_payment,
    headroom,
    plan_instalments,
    plan_safe_payment,
)
from participatory.benefits.claims import HousingBenefitClaim, LegacyClaim, PensionCreditClaim
from participatory.benefits.kinds import LegacyBenefit
from participatory.cli import main
from participatory.core.errors import ParticipatoryError
from participatory.core.money import Money
from participatory.interchange import dumps, to_plain
from participatory.ledger import (
    Ask,
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
)
from participatory.render.text import sentence

# ---------------------------------------------------------------------------------------------
# Shared households

UC = Benefit.UNIVERSAL_CREDIT


def _basis(person: str, *, until: dt.date = dt.date(2027, 3, 31), purpose: str = "benefits") -> Any:
    return ConsentRecord(
        person, agreed_by=person, agreed_on=dt.date(2025, 4, 1), purpose=purpose, retain_until=until
    )


def _uc(first: str = "2025-05-01", **kwargs: Any) -> UniversalCreditClaim:
    return UniversalCreditClaim(first_date_of_entitlement=dt.date.fromisoformat(first), **kwargs)


def _joint_claim_ledger() -> Ledger:
    """Amira and her partner Sam on a joint UC claim (AP from the 1st), one child born 2018;
    Sam earns £500 a month and another organisation paid Sam £300 on 5 June 2025."""
    household = Household(
        people=[Person("amira"), Person("sam", monthly_earnings=Money.gbp("500"))],
        children=[Child(born_on=dt.date(2018, 3, 1))],
        universal_credit=_uc(),
    )
    return Ledger(
        contributors=[Contributor("amira"), Contributor("sam"), Contributor("zed")],
        households=[HouseholdRecord("h-amira", household, [_basis("amira"), _basis("sam")])],
        payments=[
            PaymentEntry(
                "trust-1", "sam", "300.00", dt.date(2025, 6, 5), payer="another organisation"
            )
        ],
    )


# ---------------------------------------------------------------------------------------------
# 1. The answers against the law (these hold)


def test_a_joint_claim_tapers_both_partners_earnings_above_one_work_allowance() -> None:
    """UC Regs 2013 reg. 22: one work allowance per award, joint claimants' earnings combined.

    2025/26 (universal_credit.toml, APs beginning on or after 7 April 2025): couple both 25 or
    over £628.10; child element (born after 6 April 2017) £292.81; maximum £920.91. A child and
    no housing costs element: the higher work allowance, £684. Sam's £500 + £300 = £800 before:
    (800 - 684) x 55% = £63.80 off, £857.11. Amira's £700 brings £1,500: (1,500 - 684) x 55%
    = £448.80 off, £472.11. The change is 700 x 55% = -£385.00.
    """
    proposal = PaymentEntry(
        "pillow-1",
        "amira",
        "700.00",
        dt.date(2025, 6, 10),
        status="planned",
        payer="University of Bath",
        project="pillow",
    )
    check = assess_before_paying(_joint_claim_ledger(), proposal, as_at=dt.date(2025, 6, 1))
    [outcome] = check.outcomes
    assert (outcome.benefit, str(outcome.period)) == (
        Benefit.UNIVERSAL_CREDIT,
        "2025-06-01..2025-06-30",
    )
    assert (outcome.before, outcome.after) == (Money.gbp("857.11"), Money.gbp("472.11"))
    assert check.change() == Money.gbp("-385.00")
    # Over the work allowance already: no room at all, for either partner.
    for person in ("amira", "sam"):
        room = assess_headroom(
            _joint_claim_ledger(), person, dt.date(2025, 6, 10), as_at=dt.date(2025, 6, 1)
        )
        assert room.for_benefit(Benefit.UNIVERSAL_CREDIT) == Money.gbp("0.00")


@pytest.mark.parametrize(
    ("first", "period", "change"),
    [
        # AP 1-30 April 2026 begins before Monday 6 April 2026: 2025/26 figures, single 25+
        # £400.14 and (LCW) higher work allowance £684: (700 - 684) x 55% = £8.80.
        ("2025-05-01", "2026-04-01..2026-04-30", "-8.80"),
        # AP from 7 April 2026 begins after it: 2026/27 work allowance £710 > £700, no change.
        ("2025-05-07", "2026-04-07..2026-05-06", "0.00"),
    ],
    ids=["ap-before-uprating-monday", "ap-after-uprating-monday"],
)
def test_the_work_allowance_is_the_one_in_force_when_the_assessment_period_begins(
    first: str, period: str, change: str
) -> None:
    """SSAA 1992 s.150(10ZA): UC uprating takes effect for the first AP beginning on or after
    the Monday of the uprating week (6 April 2026), whatever day the fee is received."""
    me = Household(
        people=[Person("me", capability=WorkCapability.LCW)], universal_credit=_uc(first)
    )
    result = assess_payment(me, "700.00", "2026-04-20")
    [outcome] = result.outcomes
    assert (str(outcome.period), outcome.change) == (period, Money.gbp(change))


def test_a_claim_from_the_29th_has_its_february_period_begin_on_the_27th() -> None:
    """UC Regs 2013 reg. 21(3): a first date of entitlement on the 29th or 30th gives an AP
    beginning on the 27th of February (28th in a leap year). 2024/25 single 25+ £393.45, no
    work allowance: £100 x 55% = £55.00 off."""
    me = Household(people=[Person("me")], universal_credit=_uc("2024-01-29"))
    [outcome] = assess_payment(me, "100.00", "2025-02-28").outcomes
    assert str(outcome.period) == "2025-02-27..2025-03-28"
    assert (outcome.before, outcome.change) == (Money.gbp("393.45"), Money.gbp("-55.00"))


@pytest.mark.parametrize(
    ("amount", "day", "lost"),
    [
        ("160.00", "2025-04-02", False),  # week 31 Mar-6 Apr judged by 7-13 Apr's £196
        ("196.01", "2025-04-03", True),
        ("152.00", "2024-04-03", True),  # week of 8 April 2024: the limit is £151
    ],
)
def test_carers_allowance_judges_last_weeks_earnings_by_this_weeks_limit(
    amount: str, day: str, lost: bool
) -> None:
    """ICA Regs 1976 reg. 8(1): earnings in the week before a benefit week decide that week.
    carers_allowance.toml: limit £151 from 8 April 2024, £196 from 7 April 2025; rate £81.90
    and £83.30. The week paid for is the one after the earnings, so across the uprating the
    new week's limit applies."""
    carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    [outcome] = assess_payment(carer, amount, day).outcomes
    assert outcome.cliff is lost
    assert (outcome.after == Money.gbp("0.00")) is lost


def test_esa_permitted_work_counts_the_hours_of_every_payment_in_the_week() -> None:
    """ESA Regs 2008 reg. 45(4): under the higher limit (£195.50 in 2025/26, 16 x £12.21
    rounded up to 50p) only work of *less than* 16 hours a week is permitted. Two payments of
    8 hours in the week 9-15 June 2025 make 16: the week's £92.05 is lost."""
    me = Household(
        people=[
            Person(
                esa=EmploymentSupportAllowanceClaim(
                    weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
                )
            )
        ]
    )
    two = assess_benefits(
        me,
        [
            Receipt(Money.gbp("50"), dt.date(2025, 6, 10), hours="8"),
            Receipt(Money.gbp("50"), dt.date(2025, 6, 12), hours="8"),
        ],
    )
    assert two.change() == Money.gbp("-92.05")
    assert assess_payment(me, "100.00", "2025-06-11", hours="15.99").changes_nothing


def test_a_lost_week_of_carers_allowance_raises_a_joint_award_in_the_period_it_ends() -> None:
    """Carer's Allowance counts in UC as unearned income (reg. 66(1)(b)), as the monthly
    equivalent of the rate the carer is entitled to (reg. 73), and a change in it counts
    from the first day of the AP in which it happens (D&A Regs 2013 Sch. 1 para. 31): so the
    rate on the AP's last day counts for the whole AP. 2025/26: couple £628.10 + carer
    element £201.68 - CA £83.30 x 52 / 12 = £360.97 gives £468.81. £200 on Wednesday 25
    June: the CA week 30 June-6 July is lost (-£83.30); it covers 30 June, the June AP's last
    day, so June counts no CA: 829.78 - 200 x 55% (no work allowance) = £719.78, a change of
    +£250.97. CA is back by 31 July, so July is unchanged (and not listed)."""
    couple = Household(
        people=[Person("a", carer=True, carers_allowance=CarersAllowanceClaim()), Person("b")],
        universal_credit=_uc(),
    )
    result = assess_benefits(couple, [Receipt(Money.gbp("200"), dt.date(2025, 6, 25), person="a")])
    got = [(o.benefit, str(o.period), o.before, o.change) for o in result.outcomes]
    assert got == [
        (
            Benefit.UNIVERSAL_CREDIT,
            "2025-06-01..2025-06-30",
            Money.gbp("468.81"),
            Money.gbp("250.97"),
        ),
        (
            Benefit.CARERS_ALLOWANCE,
            "2025-06-30..2025-07-06",
            Money.gbp("83.30"),
            Money.gbp("-83.30"),
        ),
    ]


def _jsa_and_uc() -> Household:
    return Household(
        people=[Person("me")],
        children=[Child(born_on=dt.date(2018, 3, 1))],
        universal_credit=_uc(),
        legacy=LegacyClaim(benefit=LegacyBenefit.NEW_STYLE_JSA, weekly_award=Money.gbp("92.05")),
    )


_EARLIER = (Receipt(Money.gbp("50.00"), dt.date(2025, 6, 10)),)


def test_new_style_jsa_lost_inside_an_ap_leaves_universal_credit_unchanged() -> None:
    """legacy.toml: new-style JSA disregards £5 a week, then pound for pound; UC counts it as
    unearned income (UC Regs reg. 66), the monthly equivalent of the rate the person is
    entitled to on the AP's last day (reg. 73; D&A Regs 2013 Sch. 1 para. 31). 2025/26:
    single 25+ £400.14 + child £292.81 = £692.95, less JSA £92.05 x 52 / 12 = £398.88:
    £294.07. £50 on Tuesday 10 June 2025 (week 9-15 June): JSA falls by £45.00 to £47.05
    for that week only; on 30 June the full rate is back, so June's UC counts the same JSA,
    and the £50 is inside the £684 work allowance: UC stays £294.07."""
    result = assess_benefits(_jsa_and_uc(), _EARLIER)
    got = [(o.benefit, str(o.period), o.before, o.after) for o in result.outcomes]
    assert got == [
        (UC, "2025-06-01..2025-06-30", Money.gbp("294.07"), Money.gbp("294.07")),
        (Benefit.NEW_STYLE_JSA, "2025-06-09..2025-06-15", Money.gbp("92.05"), Money.gbp("47.05")),
    ]
    # The week after has its own £5 disregard: up to £5.00 changes nothing at all.
    assert plan_safe_payment(_jsa_and_uc(), "2025-06-17", already=_EARLIER).amount == Money.gbp(
        "5.00"
    )


def test_uc_room_after_an_earlier_payment_is_what_the_work_allowance_leaves() -> None:
    """Same household and earlier £50 as above: on Tuesday 17 June (JSA week 16-22 June) a
    cut in JSA is back before 30 June, so it never reaches UC; UC changes only when June's
    earnings pass the £684 work allowance: 684 - 50 = £634.00 of room. £5.01 takes a penny
    off JSA and leaves UC alone; £634.00 leaves UC alone; £635.00 puts £1.00 over the
    allowance, and 55% of it (55p) comes off UC."""
    room = headroom(_jsa_and_uc(), "2025-06-17", already=_EARLIER)
    for paid, changes in (("5.01", False), ("634.00", False), ("635.00", True)):
        check = assess_benefits(
            _jsa_and_uc(), [Receipt(Money.gbp(paid), dt.date(2025, 6, 17))], already=_EARLIER
        )
        assert any(o.benefit is UC and o.before != o.after for o in check.outcomes) is changes
    assert room.for_benefit(UC) == Money.gbp("634.00")


def _couple(**claims: Any) -> Household:
    return Household(people=[Person("a"), Person("b")], **claims)


@pytest.mark.parametrize(
    ("claims", "change"),
    [
        # housing_benefit.toml: couple £10, withdrawal 65%: (25 - 10) x 65% = £9.75.
        (lambda: {"housing_benefit": HousingBenefitClaim(weekly_award=Money.gbp("100"))}, "-9.75"),
        # legacy.toml: couple £10, then pound for pound: 25 - 10 = £15.00.
        (
            lambda: {
                "legacy": LegacyClaim(
                    benefit=LegacyBenefit.INCOME_SUPPORT, weekly_award=Money.gbp("100")
                )
            },
            "-15.00",
        ),
        # pension_credit.toml / SPC Regs 2002 Sch. VI: couple £10, then pound for pound.
        (lambda: {"pension_credit": PensionCreditClaim(weekly_award=Money.gbp("100"))}, "-15.00"),
    ],
    ids=["housing-benefit", "income-support", "pension-credit"],
)
def test_a_couples_weekly_means_tested_benefit_disregards_the_couples_ten_pounds(
    claims: Any, change: str
) -> None:
    """HB Regs 2006 Sch. 4, IS Regs 1987 Sch. 8 and SPC Regs 2002 Sch. VI disregard £10 of a
    couple's weekly earnings (£5 for a single claimant). £25 paid to one partner in the week
    9-15 June 2025."""
    couple = _couple(**claims())
    result = assess_benefits(couple, [Receipt(Money.gbp("25"), dt.date(2025, 6, 11), person="a")])
    assert result.change() == Money.gbp(change)


def test_a_single_claimant_given_a_couples_disregard_is_refused_or_corrected() -> None:
    """HB Regs 2006 Sch. 4: £5 for a single claimant: (10 - 5) x 65% = £3.25 off."""
    try:
        alone = Household(
            people=[Person("a")],
            housing_benefit=HousingBenefitClaim(
                weekly_award=Money.gbp("100"), disregard=HousingBenefitDisregard.COUPLE
            ),
        )
    except ParticipatoryError:
        return
    assert assess_payment(alone, "10.00", "2025-06-11").change() == Money.gbp("-3.25")


# ---------------------------------------------------------------------------------------------
# 2. Whose circumstances are held is itself sensitive


def test_a_statements_repr_does_not_say_whose_circumstances_are_held() -> None:
    book = _joint_claim_ledger().with_entries(
        payments=[
            PaymentEntry("p-a", "amira", "70.00", dt.date(2025, 6, 10), payer="uni"),
            PaymentEntry("p-z", "zed", "70.00", dt.date(2025, 6, 10), payer="uni"),
        ]
    )
    held, not_held = (
        repr(contributor_statement(book, person, 2025, as_at=dt.date(2026, 1, 1)))
        .replace(person, "someone")
        .replace(f"p-{person[0]}", "p-x")
        for person in ("amira", "zed")
    )
    assert held == not_held


def test_a_consent_records_repr_does_not_name_whose_circumstances_it_covers() -> None:
    record = _basis("c-7788", purpose="checking payments against Carer's Allowance")
    shown = repr(record)
    assert "c-7788" not in shown
    assert "Carer" not in shown


def test_a_household_records_repr_and_default_plain_form_hold_no_member() -> None:
    record = _joint_claim_ledger().households["h-amira"]
    shown = repr(record).replace("h-amira", "")
    assert "sam" not in shown
    assert "amira" not in shown
    plain = json.dumps(to_plain(record))
    assert "sam" not in plain
    assert "500" not in plain


def test_a_before_paying_answer_never_itemises_the_partners_other_payer() -> None:
    """person-centred-view.md: a project checking a payment never sees "which other projects
    or payers paid, how much, or when", not even with the sensitive findings included."""
    proposal = PaymentEntry(
        "pillow-1", "amira", "700.00", dt.date(2025, 6, 10), status="planned", payer="uni"
    )
    check = assess_before_paying(_joint_claim_ledger(), proposal, as_at=dt.date(2025, 6, 1))
    shown = [repr(check), dumps(check), dumps(check, include_sensitive=True)]
    shown += [
        sentence(f, locale=locale, include_sensitive=True)
        for f in check.findings
        for locale in ("en_GB", "cy")
    ]
    for text in shown:
        for other in ("trust-1", "another organisation", "300.00", "2025-06-05", "5 June"):
            assert other not in text


def test_over_asking_never_names_a_community_by_default_in_any_format_or_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    assert (
        main(
            [
                "ledger",
                "add",
                "contributor",
                "c1",
                "--community",
                "bereaved-parents",
                "--ledger",
                book,
            ]
        )
        == 0
    )
    for i in range(14):
        for who in (["--person", "c1"], ["--community", "bereaved-parents"]):
            argv = [
                "ledger",
                "add",
                "ask",
                "--id",
                f"a{i}{who[0][2]}",
                "--project",
                f"p{i % 7}",
                "--activity",
                f"act{i}",
                "--asked-on",
                f"2026-11-{10 + i}",
                *who,
                "--ledger",
                book,
            ]
            assert main(argv) == 0
    capsys.readouterr()
    for fmt in ("text", "json"):
        for locale in ("en_GB", "cy"):
            assert (
                main(
                    [
                        "ledger",
                        "over-asking",
                        "--as-at",
                        "2026-12-01",
                        "--format",
                        fmt,
                        "--locale",
                        locale,
                        "--ledger",
                        book,
                    ]
                )
                == 0
            )
            out, err = capsys.readouterr()
            assert "c1" in out  # the person's count is shown
            assert "bereaved" not in out + err, (fmt, locale)


def test_an_id_opening_a_sentence_names_that_contributor_not_another() -> None:
    asks = [
        Ask(f"a{i}", f"p{i % 7}", f"act{i}", dt.date(2026, 11, 10 + i), person="c1")
        for i in range(1, 15)
    ]
    book = Ledger(contributors=[Contributor("c1"), Contributor("C1")], asks=asks)
    [over] = [
        f
        for f in assess_over_asking(book, as_at=dt.date(2026, 12, 1)).findings
        if f.rule_id == "LEDGER-OVER-ASKED-PERSON"
    ]
    said = sentence(over, locale="en_GB")
    assert "c1" in said, said
    assert "C1" not in said, said


def test_the_ledgers_welsh_sentences_name_universal_credit_in_welsh() -> None:
    proposal = PaymentEntry(
        "n", "amira", "100.00", dt.date(2025, 6, 10), status="planned", payer="uni"
    )
    check = assess_before_paying(_joint_claim_ledger(), proposal, as_at=dt.date(2025, 6, 1))
    said = [
        sentence(f, locale="cy", include_sensitive=True)
        for f in check.findings
        if f.rule_id in {"LEDGER-PAYMENT-CHANGES-BENEFIT", "LEDGER-HEADROOM"}
    ]
    assert said
    for text in said:
        assert "Universal Credit" not in text, text
        assert "Credyd Cynhwysol" in text, text


def test_erasing_expired_circumstances_leaves_no_copy_in_the_ledger_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """person-centred-view.md: the store overwrites erased rows and clears its write-ahead log."""
    book = tmp_path / "ledger.sqlite3"
    household = Household(
        people=[Person("amira"), Person("sam")],
        universal_credit=_uc(housing_costs_element=True, housing_amount="987.65"),
    )
    record = HouseholdRecord(
        "h-zzrecord",
        household,
        [
            _basis("amira", purpose="qqsecretpurposeqq"),
            _basis("sam", until=dt.date(2025, 12, 31), purpose="qqsecretpurposeqq"),
        ],
    )
    (tmp_path / "home.json").write_text(dumps(record, include_sensitive=True), encoding="utf-8")
    runs = [
        ["ledger", "init"],
        ["ledger", "add", "contributor", "amira"],
        ["ledger", "add", "household", str(tmp_path / "home.json")],
        ["ledger", "erase-expired", "--as-at", "2026-01-01"],
    ]
    assert [main([*argv, "--ledger", str(book)]) for argv in runs] == [0, 0, 0, 0]
    assert "Households: 1; people: 2" in capsys.readouterr().out
    for file in tmp_path.glob("ledger.sqlite3*"):
        data = file.read_bytes()
        for secret in (b"qqsecretpurposeqq", b"987.65", b"h-zzrecord"):
            assert secret not in data, (file.name, secret)


@pytest.mark.parametrize(
    ("claim", "benefit"),
    [
        (lambda: {"carers_allowance": CarersAllowanceClaim()}, "carers"),
        (
            lambda: {"esa": EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("92.05"))},
            "esa",
        ),
    ],
    ids=["carers-allowance", "esa"],
)
def test_an_error_about_missing_figures_does_not_say_which_benefit_a_person_claims(
    claim: Any, benefit: str
) -> None:
    home = HouseholdRecord("h-c7", Household(people=[Person("c7", **claim())]), [_basis("c7")])
    book = Ledger(contributors=[Contributor("c7")], households=[home])
    proposal = PaymentEntry("n", "c7", "5.00", dt.date(2027, 6, 10), status="planned", payer="u")
    with pytest.raises(ParticipatoryError) as caught:
        assess_before_paying(book, proposal, as_at=dt.date(2026, 3, 1))
    assert benefit not in str(caught.value).lower()


def test_init_never_leaves_a_ledger_readable_by_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """person-centred-view.md: the SQLite file is "readable and writable by its owner only"."""
    book = tmp_path / "ledger.sqlite3"
    book.touch()
    book.chmod(0o644)
    status = main(["ledger", "init", "--ledger", str(book)])
    capsys.readouterr()
    assert status == 2 or book.stat().st_mode & 0o077 == 0


# ---------------------------------------------------------------------------------------------
# 3. The same answer whatever the caller set


@pytest.mark.parametrize(
    "make",
    [
        lambda: PaymentEntry("inv-1", "amira", "10000", dt.date(2026, 1, 13), payer="uni"),
        lambda: Person("amira", weekly_earnings=Money.gbp("10000")),
        lambda: Receipt("10000", "2026-01-13"),
    ],
    ids=["payment-entry", "person", "receipt"],
)
def test_plain_data_is_the_same_in_the_documented_precision_of_six(make: Any) -> None:
    """hardening.md: "a caller's precision of 6, ROUND_DOWN ... changes no fee, total or
    finding"."""
    value = make()
    expected = to_plain(value, include_sensitive=True)
    with decimal.localcontext(decimal.Context(prec=6, rounding=decimal.ROUND_DOWN)):
        assert to_plain(value, include_sensitive=True) == expected


def test_an_instalment_plan_is_written_alike_in_a_threads_low_precision() -> None:
    carer = Household(people=[Person("a", carers_allowance=CarersAllowanceClaim())])
    days = ["2025-06-10", "2025-07-10", "2025-08-10"]
    expected = dumps(plan_instalments(carer, Money.gbp("1000"), days), include_sensitive=True)
    got: list[object] = []

    def run() -> None:
        decimal.getcontext().prec = 3
        try:
            got.append(
                dumps(plan_instalments(carer, Money.gbp("1000"), days), include_sensitive=True)
            )
        except Exception as error:  # the answer or what went wrong
            got.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert got == [expected]


def _ledger_answers() -> list[str]:
    book = _joint_claim_ledger()
    proposal = PaymentEntry(
        "n", "amira", "123.45", dt.date(2025, 6, 10), status="planned", payer="uni", hours="3.7"
    )
    return [
        dumps(
            assess_before_paying(book, proposal, as_at=dt.date(2025, 6, 1)), include_sensitive=True
        ),
        dumps(
            assess_headroom(book, "sam", dt.date(2025, 6, 12), as_at=dt.date(2025, 6, 1)),
            include_sensitive=True,
        ),
        dumps(
            contributor_statement(book, "sam", 2025, as_at=dt.date(2026, 1, 1)),
            include_sensitive=True,
        ),
        str(plan_safe_payment(book.households["h-amira"].household, "2025-06-10", person="sam")),
    ]


def _process_state() -> tuple[object, ...]:
    ctx = decimal.getcontext()
    return (
        gc.isenabled(),
        gc.get_threshold(),
        sys.getrecursionlimit(),
        list(warnings.filters),
        list(logging.root.handlers),
        logging.root.level,
        sys.stdout,
        sys.stdin,
        ctx.prec,
        ctx.rounding,
        dict(ctx.flags),
        dict(ctx.traps),
    )


def test_ledger_answers_alike_in_threads_of_low_precision_with_every_warning_an_error() -> None:
    expected = _ledger_answers()
    got: dict[int, object] = {}

    def run(index: int) -> None:
        decimal.getcontext().prec = 3 + index
        decimal.getcontext().rounding = decimal.ROUND_DOWN
        decimal.getcontext().traps[decimal.Inexact] = True
        try:
            got[index] = _ledger_answers()
        except Exception as error:  # the answer or what went wrong
            got[index] = error

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logging.root.addHandler(handler)
    level = logging.root.level
    logging.root.setLevel(logging.DEBUG)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            before = _process_state()
            threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert _process_state() == before
    finally:
        logging.root.removeHandler(handler)
        logging.root.setLevel(level)
    assert got == dict.fromkeys(range(4), expected)
    assert stream.getvalue() == ""


# ---------------------------------------------------------------------------------------------
# 4. A wrong argument is the library's own error


def _carer() -> Household:
    return Household(people=[Person("a", carers_allowance=CarersAllowanceClaim())])


@pytest.mark.parametrize("search", [plan_safe_payment, headroom])
@pytest.mark.parametrize(
    "wrong",
    [{"already": None}, {"ceiling": "100"}, {"ceiling": 5}],
    ids=["already-none", "ceiling-text", "ceiling-int"],
)
def test_a_wrong_search_argument_is_the_librarys_own_error(search: Any, wrong: Any) -> None:
    with pytest.raises(ParticipatoryError):
        search(_carer(), "2025-06-10", **wrong)


def test_a_ceiling_in_another_currency_is_refused() -> None:
    with pytest.raises(ParticipatoryError):
        plan_safe_payment(_carer(), "2025-06-10", ceiling=Money("100", "EUR"))


@pytest.mark.parametrize("payments", [[5], "abc", [None]], ids=["int", "text", "none"])
def test_with_entries_refuses_what_is_not_an_entry(payments: Any) -> None:
    with pytest.raises(ParticipatoryError):
        Ledger().with_entries(payments=payments)


@pytest.mark.parametrize(
    "call",
    [
        lambda: assess_headroom(
            Ledger(contributors=[Contributor("a")]),
            "a",
            dt.date(2025, 1, 1),
            as_at=dt.date(2025, 1, 1),
            kind="zzz",
        ),
        lambda: assess_before_paying(Ledger(), None, as_at=dt.date(2025, 1, 1)),  # type: ignore[arg-type]
        lambda: contributor_statement(
            Ledger(contributors=[Contributor("a")]), "a", True, as_at=dt.date(2025, 1, 1)
        ),
        lambda: plan_safe_payment(_carer(), "2025-06-10", person="someone-else"),
        lambda: Household(people=[Person("a"), Person("b"), Person("c")]),
        lambda: PaymentEntry("x", "a", "5", "2025-01-01", payer="p", hours="NaN"),
        lambda: Person("a", age_band=AgeBand.UNDER_25, weekly_earnings="1e3"),  # type: ignore[arg-type]
    ],
    ids=[
        "headroom-kind",
        "proposal-none",
        "year-bool",
        "plan-stranger",
        "three-people",
        "hours-nan",
        "earnings-exponent",
    ],
)
def test_these_wrong_arguments_are_the_librarys_own_error(call: Any) -> None:
    with pytest.raises(ParticipatoryError) as caught:
        call()
    assert "someone-else" not in str(caught.value)


# ---------------------------------------------------------------------------------------------
# 5. Odd household files on the command line: one line, status 2


@pytest.mark.parametrize(
    "content",
    [
        None,
        b"",
        b"\x00",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": "h\x00"}',
        b'id = "h9"\r\na = ' + b"[" * 5000 + b"]" * 5000 + b"\r\n",
    ],
    ids=["directory", "empty", "nul", "deep-json", "control-in-json", "deep-toml-crlf"],
)
def test_an_odd_household_file_is_one_line_and_status_two(
    content: bytes | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    name = tmp_path / ("home.toml" if content and content.startswith(b"id") else "home.json")
    if content is None:
        name.mkdir()
    else:
        name.write_bytes(content)
    capsys.readouterr()
    status = main(["ledger", "add", "household", str(name), "--ledger", book])
    out, err = capsys.readouterr()
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert err.startswith("participatory ledger: ")


def test_a_household_file_with_crlf_line_ends_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = HouseholdRecord("h-a", _carer(), [_basis("a")])
    text = json.dumps(to_plain(record, include_sensitive=True), indent=1).replace("\n", "\r\n")
    (tmp_path / "home.json").write_bytes(text.encode("utf-8"))
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    assert main(["ledger", "add", "contributor", "a", "--ledger", book]) == 0
    assert main(["ledger", "add", "household", str(tmp_path / "home.json"), "--ledger", book]) == 0
    assert "Added 1" in capsys.readouterr().out


@pytest.mark.parametrize(
    "make",
    [
        lambda: EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("-92.37")),
        lambda: CarersAllowanceClaim(weekly_award=Money.gbp("-92.37")),
        lambda: Person("a", monthly_earnings=Money.gbp("-92.37")),
        lambda: _uc(housing_costs_element=True, housing_amount="-92.37"),
    ],
    ids=["esa-award", "ca-award", "earnings", "housing"],
)
def test_a_refused_benefit_figure_is_not_quoted_back(make: Any) -> None:
    """A refused award or earnings figure quoted in the error would put a benefit figure in a
    log line."""
    with pytest.raises(ParticipatoryError) as caught:
        make()
    assert "92.37" not in str(caught.value)
