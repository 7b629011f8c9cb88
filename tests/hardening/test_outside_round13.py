"""An outside tester's thirteenth round: disregards a household earns, hours in a statement.

Each group attacks one promise as an outside caller would, with figures worked by hand from
the law and the bundled parameters (``src/participatory/data/parameters/benefits/``): a
household's earnings disregard "the household's own, worked out by Household" (the
``disregard`` fields of the weekly claims); a contributor's statement, whose reporting
duties for ESA's permitted work name each week's earnings and hours of work, while the
hours rules count hours "in the week of ``worked_on``" (``PaymentEntry``).

Tests marked ``xfail(strict=True)`` state a promise that does not hold on the main branch of
this round; each one's reason says what is wrong. The unmarked ones held and guard new ground.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    EmploymentSupportAllowanceClaim,
    Household,
    HousingBenefitClaim,
    HousingBenefitDisregard,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    Person,
    assess_payment,
)
from participatory.cli import main
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    assess_before_paying,
    contributor_statement,
)


def _consent(person: str) -> ConsentRecord:
    return ConsentRecord(person, person, "2025-04-01", "benefits checks", "2027-03-31")


# ---------------------------------------------------------------------------------------------
# 1. A carer's earnings disregard in the means-tested benefits


def _carer(**claims: object) -> Household:
    """Amira, single, gets Carer's Allowance, and one weekly means-tested benefit."""
    return Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())], **claims)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claims", "day", "after_pennies"),
    [
        # HB Regs 2006 Sch. 4: £20 of the earnings of a claimant whose applicable amount
        # includes the carer premium (CPAG: "£20 for those who get a carer premium"); 65% of
        # the rest (reg. 71). £25 - £20 = £5; 65% of £5 = £3.25; £100.00 - £3.25 = £96.75.
        (
            {"housing_benefit": HousingBenefitClaim(weekly_award=Money.gbp("100.00"))},
            "2026-06-10",
            9675,
        ),
        # State Pension Credit Regs 2002 Sch. VI para. 3(1): £20 for a claimant with the
        # carer's additional amount (the bundled parameter's own description: "a carer (para
        # 3(1))"); pound for pound above it. £25 - £20 = £5; £50.00 - £5 = £45.00.
        (
            {"pension_credit": PensionCreditClaim(weekly_award=Money.gbp("50.00"))},
            "2026-06-10",
            4500,
        ),
        # IS Regs 1987 Sch. 8 para. 6A: £20 of a carer's earnings where the carer premium is
        # awarded (legacy.toml's "higher" disregard: "disability or carer premium"); pound
        # for pound above it. Income Support is still open in June 2025: £50.00 - £5 = £45.00.
        (
            {
                "legacy": LegacyClaim(
                    benefit=LegacyBenefit.INCOME_SUPPORT, weekly_award=Money.gbp("50.00")
                )
            },
            "2025-06-11",
            4500,
        ),
    ],
    ids=["housing-benefit", "pension-credit", "income-support"],
)
def test_a_carers_means_tested_benefit_disregards_twenty_pounds_of_her_earnings(
    claims: dict[str, object], day: str, after_pennies: int
) -> None:
    """Amira gets Carer's Allowance, and with it the carer premium (HB Regs 2006 Sch. 3 para.
    17; IS Regs 1987 Sch. 2 para. 14ZA) or the carer's additional amount in Pension Credit:
    each brings the higher £20 earnings disregard, not a single claimant's £5. The household
    records her Carer's Allowance, and an unstated disregard is documented as "the
    household's own, worked out by Household". A £25 fee in one week is within her Carer's
    Allowance limit (£204 in 2026/27, £196 in 2025/26), so Carer's Allowance is unchanged;
    the means-tested benefit loses only what is over £20 (worked per case above). With the
    £5 disregard the library takes £13.00 of Housing Benefit and £20.00 of the others."""
    result = assess_payment(_carer(**claims), "25.00", day, person="amira")
    rows = {row.benefit.value: row for row in result.numbers}
    means_tested = [row for name, row in rows.items() if name != "carers_allowance"]
    assert len(means_tested) == 1
    assert means_tested[0].after == after_pennies
    assert rows["carers_allowance"].after == rows["carers_allowance"].before


def test_a_carer_who_states_the_higher_disregard_loses_only_what_is_over_twenty_pounds() -> None:
    """The same Housing Benefit week with the higher disregard stated on the claim (the
    documented way today): £25 - £20 = £5 over, 65% of it £3.25 (HB Regs 2006 reg. 71), so
    the award of £100.00 falls to £96.75. A guard for the fix of TRY13-1: stating it keeps
    working."""
    home = _carer(
        housing_benefit=HousingBenefitClaim(
            weekly_award=Money.gbp("100.00"), disregard=HousingBenefitDisregard.HIGHER
        )
    )
    assert assess_payment(home, "25.00", "2026-06-10", person="amira").change() == Money.gbp(
        "-3.25"
    )


# ---------------------------------------------------------------------------------------------
# 2. The hours a statement tells an ESA claimant to report are the week's hours of work


def _ben_on_esa(*payments: PaymentEntry) -> Ledger:
    """Ben gets new-style ESA of £95.55 a week and does permitted work under the higher limit
    (less than 16 hours a week, at most £203.50 in 2026/27: esa.toml); weeks from Monday."""
    home = Household(
        people=[
            Person(
                "ben",
                esa=EmploymentSupportAllowanceClaim(
                    weekly_award=Money.gbp("95.55"), permitted_work=PermittedWork.HIGHER_LIMIT
                ),
            )
        ]
    )
    return Ledger(
        contributors=[Contributor("ben")],
        households=[HouseholdRecord("h-1", home, [_consent("ben")])],
        payments=list(payments),
    )


_LATE = PaymentEntry(
    "e-1", "ben", "60.00", "2026-05-26", payer="trust", hours="8", worked_on="2026-05-12"
)
_PROMPT = PaymentEntry("e-2", "ben", "60.00", "2026-05-13", payer="uni", hours="8")


def test_two_payers_eight_hours_each_in_one_week_cost_that_weeks_esa() -> None:
    """ESA Regs 2013 reg. 39: permitted work under the higher limit is work of less than 16
    hours in the week. Ben worked 8 hours on Tuesday 12 May 2026 for a trust (paid £60 on 26
    May) and 8 hours on Wednesday 13 May for the university (paid £60 that day): 16 hours in
    the week of 11 to 17 May, not less than 16, and £60 received that week is over the £20
    lower limit, so the work is not permitted work and that week's ESA is lost: -£95.55 (reg.
    37(1)). The university's check of its own payment counts the trust's hours: -£95.55."""
    check = assess_before_paying(_ben_on_esa(_LATE), _PROMPT, as_at=dt.date(2026, 5, 1))
    assert check.checked
    assert check.change() == Money.gbp("-95.55")


def test_a_statement_reports_each_weeks_hours_of_work_in_the_week_they_were_worked() -> None:
    """The same two payments on Ben's 2026/27 statement. His ESA for 11 to 17 May is lost
    because he worked 16 hours that week (8 + 8, worked_on 12 and 13 May); the statement's
    reporting duty for that week ("ESA, the week 11 May to 17 May: earnings of £60.00 for
    {hours} hours of work") must say 16 hours, and the week of 25 to 31 May, when the trust's
    £60 arrived for no work done that week, 0 hours. The statement says 8 and 8: Ben, who
    reports what it says, would tell DWP he worked 8 hours in the week he lost ESA for
    working 16, and 8 hours in a week he did not work."""
    statement = contributor_statement(
        _ben_on_esa(_LATE, _PROMPT), "ben", 2026, as_at=dt.date(2026, 5, 1)
    )
    assert statement.change == Money.gbp("-95.55")
    hours = {
        f.values["start"]: f.values["hours"]
        for f in statement.findings
        if f.rule_id == "LEDGER-REPORT-ESA"
    }
    assert hours.get(dt.date(2026, 5, 11)) == Decimal(16)
    assert hours.get(dt.date(2026, 5, 25), Decimal(0)) == Decimal(0)


# ---------------------------------------------------------------------------------------------
# 3. A check assesses the proposed payment, whatever else the ledger holds


def test_a_check_counts_the_proposal_once_and_another_payers_fee_once() -> None:
    """ICA Regs 1976 reg. 8(1): Carer's Allowance is not paid for a week after one whose
    earnings exceed the limit (£204 in 2026/27, carers_allowance.toml; rate £86.45). Carol is
    paid £40 by a trust on Tuesday 12 May 2026; the university proposes £170 on Wednesday 13
    May. The week of 11 to 17 May holds £40 + £170 = £210, over £204, so the week of 18 to 24
    May is lost: -£86.45, and only because of the trust's £40 (£170 alone is under £204).
    Assessing any other payment in place of the proposal (the trust's £40 twice is £80) says
    nothing changes."""
    home = Household(people=[Person("carol", carers_allowance=CarersAllowanceClaim())])
    book = Ledger(
        contributors=[Contributor("carol")],
        households=[HouseholdRecord("h-1", home, [_consent("carol")])],
        payments=[PaymentEntry("t-1", "carol", "40.00", "2026-05-12", payer="trust")],
    )
    proposal = PaymentEntry("u-1", "carol", "170.00", "2026-05-13", payer="uni", project="pp")
    check = assess_before_paying(book, proposal, as_at=dt.date(2026, 5, 1))
    assert check.checked
    assert check.change() == Money.gbp("-86.45")
    assert check.others_matter


# ---------------------------------------------------------------------------------------------
# 4. A household file with a key written twice does not say what its members claim

#: Ben's household, written by hand: new-style ESA with permitted work, and a key given twice
#: inside his claim. Only an ESA (or legacy) claim has ``permitted_work``.
_TWICE_IN_ESA = (
    '{"id": "h-b", "household": {"people": [{"id": "ben", "esa": {"weekly_award": '
    '"95.55 GBP", "permitted_work": "higher_limit", "permitted_work": "higher_limit"}}]}, '
    '"consents": [{"person": "ben", "agreed_by": "ben", "agreed_on": "2025-04-01", '
    '"purpose": "checks", "retain_until": "2027-03-31"}]}'
)


def _ledger_with_ben(tmp_path: Path) -> str:
    book = str(tmp_path / "ledger.sqlite3")
    for argv in (["ledger", "init"], ["ledger", "add", "contributor", "ben"]):
        assert main([*argv, "--ledger", book]) == 0
    return book


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("how", ["add-household", "import-export"])
def test_a_key_given_twice_in_a_members_claim_is_not_named(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """person-centred-view.md: restoring an export "that has a problem inside a household's
    circumstances or consents ... counts it and names the file, and describes it only with
    --include-sensitive"; round 10's guard: a bad household file does not say what its
    members claim (no "esa" in the refusal). A key written twice inside Ben's ESA claim is
    such a problem, and its name says the claim: ``permitted_work`` is a field of ESA (and
    legacy) claims only. The refusal is one line, status 2, and nothing is added; it must not
    name the key or the claim."""
    book = _ledger_with_ben(tmp_path)
    if how == "add-household":
        given = tmp_path / "ben-household.json"
        given.write_text(_TWICE_IN_ESA, encoding="utf-8")
        argv = ["ledger", "add", "household", str(given), "--ledger", book]
    else:
        given = tmp_path / "backup.json"
        given.write_text('{"households": [' + _TWICE_IN_ESA + "]}", encoding="utf-8")
        argv = ["ledger", "import", str(given), "--ledger", book]
    status, out, err = _run(argv, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert given.name in err
    for said in ("permitted_work", "esa", "higher_limit", "95.55"):
        assert said not in err, err


def test_a_key_given_twice_outside_circumstances_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The strict reader's refusal stays useful where nothing is sensitive: a household file
    with its record's ``id`` twice is refused in one line (status 2) that names the key, so
    the office can find it."""
    book = _ledger_with_ben(tmp_path)
    plain = json.loads(_TWICE_IN_ESA)
    text = json.dumps(plain).replace('"id": "h-b"', '"id": "h-b", "id": "h-c"', 1)
    given = tmp_path / "ben-household.json"
    given.write_text(text, encoding="utf-8")
    status, out, err = _run(["ledger", "add", "household", str(given), "--ledger", book], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert "id: is given twice" in err


# ---------------------------------------------------------------------------------------------
# 5. The part of a payment within some days: a window that is not a DateRange


@pytest.mark.parametrize(
    "window",
    [
        (dt.date(2026, 5, 1), dt.date(2026, 5, 31)),
        [dt.date(2026, 5, 12)],
        "2026-05-01..2026-05-31",
        None,
    ],
    ids=["pair", "list", "text", "none"],
)
def test_the_part_within_a_window_that_is_not_a_date_range_is_refused(window: object) -> None:
    """hardening.md: "Whatever a caller passes ... the result is a value or a
    ParticipatoryError that says what and where, never another exception". The window of
    ``receipt_within`` (public since round 12) is a DateRange of days. A caller who passes the
    first and last day as a pair gets None, "neither [part] does" fall within, for a £150
    payment received on 12 May 2026, inside the May they meant: the payment silently counts
    for nothing. It must be refused, naming ``window``."""
    paid = PaymentEntry("a-1", "amira", "150.00", "2026-05-12", payer="uni")
    with pytest.raises(ValidationError, match="window"):
        paid.receipt_within(window)  # type: ignore[arg-type]
