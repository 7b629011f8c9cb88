"""An outside tester's eleventh round: the newest code, attacked as an outside caller would.

Each group attacks one promise of ``docs/concepts/hardening.md`` (or the page that makes it):
a group's safeguarding answers leave no trace in a default report; which benefit a household
claims is said by no error; Welsh output is Welsh; the library's own error for a wrong
argument or an odd value; and the benefits answers checked by hand against the law, the
figures from ``src/participatory/data/parameters/benefits/`` (2026/27).

Tests marked ``xfail(strict=True)`` state a promise that does not hold on the main branch of
this round; each one's reason says what is wrong. The unmarked ones guard new or fragile
code (Universal Credit's count of a lost week of Carer's Allowance, the reports' own CLDR
formatting, the batch of many households).
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import re
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from participatory.cli import main
from participatory.core.errors import ParticipatoryError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FESTIVAL = EXAMPLES / "mental-health-festival.toml"
AS_AT = "2026-07-15"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------------------------------------
# 1. A group's capacity or custody leaves no trace in the default project report

_INTERVIEWEES = (
    '{ label = "interviewees", capacity = "research_participant", tasks = ["provide_own_data"], '
    "facts = { own_data_analysed = true, consent_planned = true } }"
)
_ALL_NO = {
    "vulnerable": "false",
    "under_18": "false",
    "under_16": "false",
    "aged_16_17": "false",
    "may_lack_capacity": "false",
    "in_custody_or_on_probation": "false",
}


def _festival_with_answers(tmp_path: Path, **yes: str) -> Path:
    """The festival example, its interviewees' six safeguarding answers given (no unless yes)."""
    text = FESTIVAL.read_text(encoding="utf-8")
    assert _INTERVIEWEES in text
    answers = "".join(f", {fact} = {value}" for fact, value in {**_ALL_NO, **yes}.items())
    changed = _INTERVIEWEES.replace("consent_planned = true", "consent_planned = true" + answers)
    folder = tmp_path / ("yes-" + "-".join(yes) if yes else "all-no")
    folder.mkdir()
    (folder / "institution-rate-card.toml").write_bytes(
        (EXAMPLES / "institution-rate-card.toml").read_bytes()
    )
    project = folder / "festival.toml"
    project.write_text(text.replace(_INTERVIEWEES, changed), encoding="utf-8")
    return project


def _ethics_section(project: Path, locale: str, capsys: pytest.CaptureFixture[str]) -> Any:
    status, out, err = _run(
        ["assess", str(project), "--as-at", AS_AT, "--format", "json", "--locale", locale],
        capsys,
    )
    assert status == 0, err
    sections = [s for s in json.loads(out)["sections"] if s["area"] == "ethics"]
    assert len(sections) == 1
    return sections[0]


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
@pytest.mark.parametrize("fact", ["may_lack_capacity", "in_custody_or_on_probation"])
def test_the_default_reports_ethics_section_is_the_same_whatever_a_groups_capacity_or_custody(
    fact: str, locale: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md: "No section shows, counts or mentions its withheld findings"; a group's
    capacity and custody answers are special-category (health, criminal offence data). The
    ``ethics`` command shows the triage of the answers with each sensitive yes read as no,
    "so that the output reads the same, shape and content, whichever of those answers is
    yes". The project report's Ethics section must not tell the two apart either: with
    ``may_lack_capacity = true`` the festival's peer-interviews activity loses its ten open
    route questions (prison setting, identifiable patient data, personal data ...) and the
    "Answer the open questions" action, 13 recommendations becoming 3."""
    no = _ethics_section(_festival_with_answers(tmp_path), locale, capsys)
    yes = _ethics_section(_festival_with_answers(tmp_path, **{fact: "true"}), locale, capsys)
    assert yes == no


@pytest.mark.parametrize(
    "yes",
    [
        {"vulnerable": "true"},
        {"under_18": "true", "under_16": "true"},
        {"under_18": "true", "aged_16_17": "true"},
    ],
    ids=["vulnerable", "under-16", "aged-16-17"],
)
def test_a_groups_age_or_vulnerability_leaves_the_ethics_section_alone(
    yes: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same promise for the other safeguarding answers: it holds today (only the
    whole-report headline counts change, as hardening.md allows); guarded here beside the
    capacity and custody cases that break it."""
    no = _ethics_section(_festival_with_answers(tmp_path), "en_GB", capsys)
    assert _ethics_section(_festival_with_answers(tmp_path, **yes), "en_GB", capsys) == no


# ---------------------------------------------------------------------------------------------
# 2. Which benefit a household claims is said by no error


def _question(tmp_path: Path, person: dict[str, Any], received_on: str) -> Path:
    question = tmp_path / "question.json"
    question.write_text(
        json.dumps(
            {
                "household": {"people": [{"id": "me", **person}]},
                "receipts": [{"amount": "10.00 GBP", "received_on": received_on}],
            }
        ),
        encoding="utf-8",
    )
    return question


@pytest.mark.parametrize("question", ["effect", "headroom", "schedule"])
def test_benefits_past_the_bundled_figures_does_not_say_which_benefit_on_stderr(
    question: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md: logs and error trackers are "everyone else"; no message quotes a
    sensitive value, and which benefit a person claims is one ("Sam has a Carer's Allowance
    finding" says Sam is a carer). The ledger refuses the same case with FiguresNotAvailable
    (tests/ledger/test_figures_hardening.py); the benefits command does not. The bundled
    Carer's Allowance figures end on 5 April 2027."""
    carer = {"id": "me", "carers_allowance": {}}
    given: dict[str, Any] = {"household": {"people": [carer]}}
    if question == "effect":
        given["receipts"] = [{"amount": "10.00 GBP", "received_on": "2027-06-10"}]
    elif question == "headroom":
        given.update(day="2027-06-10", person="me")
    else:
        given.update(total="600.00 GBP", days=["2027-06-10"], person="me")
    file = tmp_path / "question.json"
    file.write_text(json.dumps(given), encoding="utf-8")
    argv = ["benefits", str(file), "--question", question, "--as-at", "2027-06-10"]
    status, out, err = _run(argv, capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    for said in ("carers_allowance", "Carer", "earnings_limit"):
        assert said not in err, err


@pytest.mark.parametrize("claim", ["carers_allowance", "esa"])
def test_a_batch_past_the_bundled_figures_does_not_say_which_benefit(claim: str) -> None:
    """The library's own entry points: an error tracker that logs ``str(error)`` of a batch
    run learns which benefit one of its households claims."""
    from participatory.benefits import (
        CarersAllowanceClaim,
        EmploymentSupportAllowanceClaim,
        Household,
        Person,
        Receipt,
    )
    from participatory.benefits.batch import assess_many
    from participatory.core.money import Money

    claims: dict[str, Any] = {
        "carers_allowance": {"carers_allowance": CarersAllowanceClaim()},
        "esa": {"esa": EmploymentSupportAllowanceClaim(weekly_award=Money.gbp("92.05"))},
    }
    home = Household(people=[Person("me", **claims[claim])])
    with pytest.raises(ParticipatoryError) as caught:
        assess_many([(home, [Receipt("10.00", "2027-06-10")])])
    said = str(caught.value) + "".join(getattr(caught.value, "__notes__", ()))
    for word in ("carers_allowance", "esa.", "Carer", "permitted"):
        assert word not in said, said


@pytest.mark.parametrize(
    ("person", "said"),
    [
        ({"esa": {"weekly_award": "-93.71 GBP"}}, "esa."),
        ({"capability": "sometimes"}, "capability"),
    ],
    ids=["esa-award", "capability"],
)
def test_a_bad_household_question_does_not_say_what_its_member_claims(
    person: dict[str, Any], said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md names ``household.people[0].esa.weekly_award`` as a path an error must
    count, not describe; ``ledger add household`` was fixed in round 10, the benefits
    command reads the same household and still spells it out."""
    question = _question(tmp_path, person, "2026-06-10")
    status, out, err = _run(["benefits", str(question), "--as-at", "2026-06-10"], capsys)
    assert (status, out, err.count("\n")) == (2, "", 1), err
    assert said not in err, err
    assert "people[0]" not in err, err


# ---------------------------------------------------------------------------------------------
# 3. Welsh is Welsh: a joint claim's statement


def _joint_ledger(tmp_path: Path) -> str:
    """Amira and Bilal, a couple on a joint Universal Credit claim; Bilal gets ESA."""
    book = str(tmp_path / "ledger.sqlite3")
    consent = {"agreed_on": "2025-04-01", "purpose": "checks", "retain_until": "2027-03-31"}
    record = {
        "id": "h-j",
        "household": {
            "people": [
                {"id": "amira", "monthly_earnings": "333.33 GBP"},
                {"id": "bilal", "capability": "lcwra", "esa": {"weekly_award": "92.05 GBP"}},
            ],
            "universal_credit": {"first_date_of_entitlement": "2025-03-10"},
        },
        "consents": [{"person": who, "agreed_by": who, **consent} for who in ("amira", "bilal")],
    }
    home = tmp_path / "home.json"
    home.write_text(json.dumps(record), encoding="utf-8")
    for argv in (
        ["ledger", "init"],
        ["ledger", "add", "contributor", "amira"],
        ["ledger", "add", "contributor", "bilal"],
        ["ledger", "add", "household", str(home)],
        ["ledger", "add", "payment", "--id", "a1", "--person", "amira", "--amount", "150.00",
         "--received-on", "2026-05-14", "--payer", "uni"],
        ["ledger", "add", "payment", "--id", "b1", "--person", "bilal", "--amount", "120.00",
         "--received-on", "2026-05-12", "--payer", "trust", "--hours", "4"],
    ):  # fmt: skip
        assert main([*argv, "--ledger", book]) == 0
    return book


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
def test_a_joint_claims_welsh_statement_has_no_english_paragraph(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """translate-the-reports.md: every sentence of a report comes from the catalogue. The
    year's sentence on a joint claim ("The joint claim you and your partner make together
    changed by ...") is the only one that stays English."""
    book = _joint_ledger(tmp_path)
    argv = ["ledger", "statement", "--person", "amira", "--tax-year", "2026", "--ledger", book]
    argv += ["--as-at", "2026-11-30", "--format", fmt, "--locale", "cy"]
    status, out, err = _run(argv, capsys)
    assert status == 0, err
    for english in ("In the tax year", "joint claim", "your partner", "what you kept"):
        assert english not in out, english


def test_a_joint_claims_statement_counts_the_partners_esa_and_both_earnings() -> None:
    """Worked by hand (2026/27, universal_credit.toml and esa.toml). Couple, both 25 or over:
    standard allowance £666.97; Bilal has LCWRA: + £429.80 = maximum £1,096.77. Bilal's
    new-style ESA of £92.05 a week is unearned income counted monthly: 92.05 x 52 / 12 =
    £398.88 (UC Regs 2013 regs. 66, 73). Award before earnings: 1,096.77 - 398.88 = £697.89.
    An LCWRA member and no housing costs: the higher work allowance, £710. Earnings in the AP
    10 May - 9 June 2026: Amira's 333.33 + 150.00 + Bilal's 120.00 = £603.33, under £710: no
    taper, so Universal Credit stays £697.89 and Amira kept all £150."""
    year = _joint_statement("amira")
    assert year.received == year.kept
    assert str(year.kept.amount) == "150.00"
    (period,) = year.assessment_periods
    (line,) = period.benefits
    assert (str(line.before.amount), str(line.after.amount)) == ("697.89", "697.89")


def _joint_statement(person: str) -> Any:
    import tempfile

    from participatory.ledger import contributor_statement
    from participatory.store import SqliteLedgerStore

    with tempfile.TemporaryDirectory() as folder:
        book = _joint_ledger(Path(folder))
        store = SqliteLedgerStore.open(book)
        try:
            ledger = store.load()
        finally:
            store.close()
    return contributor_statement(ledger, person, 2026, as_at=dt.date(2026, 11, 30))


def test_a_statement_periods_repr_does_not_say_the_person_is_on_universal_credit() -> None:
    """person-centred-view.md / the statement's own docstring: whether a person's
    circumstances are held is itself special-category data, and BatchColumns marks a
    period's dates sensitive because "even a period's dates tell a weekly benefit from
    Universal Credit's monthly assessment periods". A StatementPeriod logged on its own (a
    loop over ``statement.assessment_periods``) says both."""
    from participatory.interchange import dumps

    period = _joint_statement("bilal").assessment_periods[0]
    for shown in (repr(period), str(period), dumps(period)):
        assert "assessment_period" not in shown.lower(), shown
        assert "2026, 5, 10" not in shown, shown
        assert "2026-05-10" not in shown, shown


# ---------------------------------------------------------------------------------------------
# 4. The library's own error for a wrong argument or an odd value


@pytest.mark.parametrize("parameters", ["bundled", 5, {"universal_credit": {}}])
@pytest.mark.parametrize("entry", ["assess_benefits", "assess_many"])
def test_a_wrong_parameter_set_is_the_librarys_own_error(entry: str, parameters: object) -> None:
    """hardening.md: "Whatever a caller passes (... a wrong type to a main entry point), the
    result is a value or a ParticipatoryError"."""
    from participatory.benefits import (
        CarersAllowanceClaim,
        Household,
        Person,
        Receipt,
        assess_benefits,
    )
    from participatory.benefits.batch import assess_many

    home = Household(people=[Person("me", carers_allowance=CarersAllowanceClaim())])
    paid = [Receipt("10.00", "2026-06-10")]
    calls = {
        "assess_benefits": lambda: assess_benefits(home, paid, parameters=parameters),  # type: ignore[arg-type]
        "assess_many": lambda: assess_many([(home, paid)], parameters=parameters),  # type: ignore[arg-type]
    }
    with pytest.raises(ParticipatoryError):
        calls[entry]()


@pytest.mark.parametrize(
    "value",
    [10**30, -(10**30), Decimal("1E+27"), Decimal("123456789012345678901234567"), Decimal("sNaN")],
    ids=["int-10^30", "int-minus-10^30", "1E+27", "27-digits", "sNaN"],
)
@pytest.mark.parametrize("share", [False, True], ids=["number", "share"])
def test_formatting_a_huge_number_is_text_or_the_librarys_own_error(
    value: object, share: bool
) -> None:
    """hardening.md: bad input is "a value or a ParticipatoryError ..., never another
    exception". A count of 10^30 has no place in a report, but a caller formatting one
    should get text or the library's refusal, not a bare decimal trap."""
    from participatory.render.text import format_value

    try:
        shown = format_value(value, "en_GB", share=share)
    except ParticipatoryError:
        return
    assert isinstance(shown, str)
    assert shown


@pytest.mark.parametrize("option", ["--reference", "--payer"])
def test_an_option_with_a_byte_that_is_not_utf8_is_named(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hardening.md: an error "says what and where". Python gives an argument holding a byte
    that is not UTF-8 (``$'a\\xffb'`` in bash) as a lone surrogate; the store cannot encode
    it, and the command blames the terminal and suggests PYTHONIOENCODING instead of naming
    the option. (Nothing is added to the ledger, as promised.)"""
    book = str(tmp_path / "ledger.sqlite3")
    assert main(["ledger", "init", "--ledger", book]) == 0
    assert main(["ledger", "add", "contributor", "amira", "--ledger", book]) == 0
    argv = ["ledger", "add", "payment", "--id", "s1", "--person", "amira", "--amount", "10.00"]
    argv += ["--received-on", "2026-01-14", "--payer", "uni", "--ledger", book]
    argv += [option, "a\udcffb"]
    status, _, err = _run(argv, capsys)
    assert (status, err.count("\n")) == (2, 1), err
    assert "encoding" not in err, err
    assert option in err, err


# ---------------------------------------------------------------------------------------------
# 5. The benefits answers, worked by hand


def _assess(household: Any, amount: str, received_on: str) -> Any:
    from participatory.benefits import Receipt, assess_benefits

    return assess_benefits(household, [Receipt(amount, received_on)])


def _outcome(check: Any, benefit: str) -> tuple[str, str]:
    (found,) = [o for o in check.outcomes if o.benefit.value == benefit]
    return str(found.before.amount), str(found.after.amount)


def test_universal_credit_without_a_work_allowance_tapers_every_pound() -> None:
    """UC Regs 2013 reg. 22: no child and no limited capability for work, so no work
    allowance; 55% of earnings is deducted. Single, 25 or over, 2026/27: standard allowance
    £424.90. £500 received on 20 May 2026 is in the AP 10 May - 9 June 2026 (first date of
    entitlement 10 March 2025). 55% x 500 = £275.00; 424.90 - 275.00 = £149.90."""
    from participatory.benefits import Household, Person, UniversalCreditClaim

    claim = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10))
    check = _assess(
        Household(people=[Person("me")], universal_credit=claim), "500.00", "2026-05-20"
    )
    assert _outcome(check, "universal_credit") == ("424.90", "149.90")


def test_universal_credit_with_housing_costs_uses_the_lower_work_allowance() -> None:
    """UC Regs 2013 reg. 22(1)(b): limited capability for work and a housing costs element:
    the lower work allowance, £427 (2026/27). Maximum: 424.90 + housing 650.00 = £1,074.90
    (no LCW element for claims since April 2017). Earnings £500: (500 - 427) x 55% = 73 x
    0.55 = £40.15; 1,074.90 - 40.15 = £1,034.75."""
    from participatory.benefits import Household, Person, UniversalCreditClaim
    from participatory.core.money import Money

    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 3, 10),
        housing_costs_element=True,
        housing_amount=Money.gbp("650.00"),
    )
    home = Household(people=[Person("me", capability="lcw")], universal_credit=claim)
    check = _assess(home, "500.00", "2026-05-20")
    assert _outcome(check, "universal_credit") == ("1074.90", "1034.75")


@pytest.mark.parametrize(("amount", "after"), [("204.00", "86.45"), ("204.01", "0.00")])
def test_carers_allowance_is_lost_only_above_the_earnings_limit(amount: str, after: str) -> None:
    """Social Security (Invalid Care Allowance) Regs 1976 reg. 8 and the 2026/27 figures: a
    carer is not entitled in a week whose earnings *exceed* £204; at exactly £204 the £86.45
    is kept, a penny more loses the whole week (the cliff edge)."""
    from participatory.benefits import CarersAllowanceClaim, Household, Person

    home = Household(people=[Person("me", carers_allowance=CarersAllowanceClaim())])
    check = _assess(home, amount, "2026-05-20")
    assert _outcome(check, "carers_allowance") == ("86.45", after)


def test_a_week_of_carers_allowance_lost_at_an_aps_end_is_counted_for_the_whole_ap() -> None:
    """The rule new in round 10 (benefits.md; UC Regs 2013 regs. 66, 73; D&A Regs 2013 Sch. 1):
    UC counts Carer's Allowance at the rate on the AP's last day, for the whole AP.

    Single carer, 25 or over, UC from 10 March 2025, CA weeks Monday to Sunday, 2026/27:
    maximum 424.90 + carer element 209.34 = £634.24; CA £86.45 a week is 86.45 x 52 / 12 =
    £374.62 a month, so UC is 634.24 - 374.62 = £259.62.

    £300 received Wednesday 3 June 2026 is earnings of the week 1-7 June, over the £204 limit:
    CA for 8-14 June is lost. That week takes in 9 June, the last day of the AP 10 May - 9
    June, so the AP counts no CA at all: 634.24 - 55% x 300 (£165.00) = £469.24, up £209.62.
    Received on 20 May instead, the lost week (25-31 May) ends before 9 June: CA counts in
    full and UC is 259.62 - 165.00 = £94.62 (BEN-UC-NOT-MADE-UP)."""
    from participatory.benefits import (
        CarersAllowanceClaim,
        Household,
        Person,
        UniversalCreditClaim,
    )

    home = Household(
        people=[Person("me", carers_allowance=CarersAllowanceClaim())],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
    )
    late = _assess(home, "300.00", "2026-06-03")
    assert _outcome(late, "universal_credit") == ("259.62", "469.24")
    assert _outcome(late, "carers_allowance") == ("86.45", "0.00")
    assert "BEN-UC-KNOCK-ON" in {f.rule_id for f in late.findings}
    early = _assess(home, "300.00", "2026-05-20")
    assert _outcome(early, "universal_credit") == ("259.62", "94.62")
    assert "BEN-UC-NOT-MADE-UP" in {f.rule_id for f in early.findings}


def test_a_week_lost_before_another_lost_at_the_aps_end_is_not_said_to_be_paid_again() -> None:
    """The same household and rule as above, both payments made: £300 on 20 May (CA for 25-31
    May lost) and £300 on 3 June (CA for 8-14 June lost). On 9 June, the AP's last day, no CA
    is payable, so the AP counts none: UC = 634.24 - 55% x 600 (£330.00) = £304.24, which
    the engine works out and BEN-UC-KNOCK-ON explains. BEN-UC-NOT-MADE-UP for the May week
    ("by that day they are paid again") is then false: the May week's CA is not counted
    either, as the whole AP counts none."""
    from participatory.benefits import (
        CarersAllowanceClaim,
        Household,
        Person,
        Receipt,
        UniversalCreditClaim,
        assess_benefits,
    )

    home = Household(
        people=[Person("me", carers_allowance=CarersAllowanceClaim())],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
    )
    check = assess_benefits(
        home, [Receipt("300.00", "2026-05-20"), Receipt("300.00", "2026-06-03")]
    )
    assert _outcome(check, "universal_credit") == ("259.62", "304.24")
    rules = {f.rule_id for f in check.findings}
    assert "BEN-UC-KNOCK-ON" in rules
    assert "BEN-UC-NOT-MADE-UP" not in rules


# ---------------------------------------------------------------------------------------------
# 6. The same answer whatever the caller set: the new CLDR table and the batch


def _knock_on_batch_text() -> str:
    from participatory.benefits import (
        CarersAllowanceClaim,
        Household,
        Person,
        Receipt,
        UniversalCreditClaim,
    )
    from participatory.benefits.batch import assess_many
    from participatory.core.money import Money
    from participatory.interchange import dumps
    from participatory.render import cldr
    from participatory.render.text import format_value

    home = Household(
        people=[Person("me", carers_allowance=CarersAllowanceClaim())],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 3, 10)),
    )
    batch = assess_many(
        [(home, [Receipt("300.00", "2026-06-03")]), (home, [Receipt("300.00", "2026-05-20")])]
    )
    shown = [
        cldr.money(Decimal("1234.565"), "GBP", "cy"),
        cldr.share(Decimal("0.12345"), "en_GB"),
        cldr.number(Decimal("2.0005"), "cy"),
        format_value(Money.gbp("-0.00"), "cy"),
        format_value(Decimal("0.125"), "en_GB", share=True),
    ]
    return dumps(batch, include_sensitive=True) + repr(batch.columns().as_dict()) + repr(shown)


def test_a_batch_and_the_cldr_table_answer_alike_in_any_context_and_thread() -> None:
    """hardening.md: the caller's precision of 3, ROUND_DOWN or a trap on Inexact changes no
    figure, and the library is safe from many threads."""
    expected = _knock_on_batch_text()
    for setting in ("prec", "down", "traps"):
        with decimal.localcontext() as context:
            if setting == "prec":
                context.prec = 3
            elif setting == "down":
                context.rounding = decimal.ROUND_DOWN
            else:
                context.traps[decimal.Inexact] = context.traps[decimal.Rounded] = True
            assert _knock_on_batch_text() == expected, setting
    found: list[str] = []
    threads = [
        threading.Thread(target=lambda: found.append(_knock_on_batch_text())) for _ in "abcd"
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [expected] * 4


@pytest.mark.parametrize(
    ("amount", "locale", "expected"),
    [
        ("1234567.895", "en_GB", "£1,234,567.90"),  # half to even: ...89|5 -> ...90
        ("0.005", "cy", "£0.00"),  # half to even: 0.00|5 -> 0.00
        ("0.015", "en_GB", "£0.02"),
        ("-0.004", "en_GB", "£0.00"),  # a zero has no sign, unlike babel
        ("1E+3", "cy", "£1,000.00"),
    ],
)
def test_the_cldr_table_writes_money_as_cldr_does(amount: str, locale: str, expected: str) -> None:
    """CLDR's currency pattern for en_GB and cy is ``¤#,##0.00``, rounded half to even."""
    from participatory.render import cldr

    assert cldr.money(Decimal(amount), "GBP", locale) == expected


# ---------------------------------------------------------------------------------------------
# 7. A fee costed on a rate card: the sentences say what the figures are


def _cost(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    status, out, err = _run(["cost", *argv, "--as-at", "2026-12-01"], capsys)
    assert status == 0, err
    return out


@pytest.mark.parametrize(
    ("hours", "wrong"),
    [("0.005", "£0.12"), ("0.0001", "The fee of £0.00 was rounded to the penny: £0.00")],
    ids=["an-eighth-of-a-pound", "a-quarter-penny"],
)
def test_the_exact_fee_before_rounding_is_not_shown_rounded_otherwise(
    hours: str, wrong: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Worked by hand: Blue Heart pays £25.00 an hour from 25 November 2026 and states no
    rounding rule, so the fee is for the exact time. 0.005 hours x £25.00 = £0.125, which the
    library rounds to the penny half up: £0.13. The line and the rounding sentence exist to
    show the amount before that rounding; showing it as £0.12 says £0.12 became £0.13.
    0.0001 hours is £0.0025: "The fee of £0.00 was rounded to the penny: £0.00" says nothing
    was rounded."""
    out = _cost(["--card", "blue_heart", "--activity", "meeting", "--hours", hours], capsys)
    # "£0.12" rounded, not the start of the exact "£0.125".
    assert re.search(re.escape(wrong) + r"(?![\d])", out) is None, out


@pytest.mark.parametrize(
    ("card", "activity", "duration", "english"),
    [
        ("blue_heart", "meeting", ["--hours", "2"], ("Meeting", "hours", "hour ")),
        ("tewv", "document_review", ["--hours", "1.5"], ("document_review", "session", ": up")),
    ],
    ids=["blue-heart-meeting", "tewv-document-review"],
)
def test_a_welsh_costing_has_no_english_words_of_the_librarys_own(
    card: str,
    activity: str,
    duration: list[str],
    english: tuple[str, ...],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """translate-the-reports.md: a test fails "when a Welsh report of any example contains a
    text of the library's own in English"; the activity kinds, the units of time and the
    rounding modes are the library's own words, and ``cost`` shows them untranslated."""
    argv = ["--card", card, "--activity", activity, *duration, "--locale", "cy"]
    out = _cost(argv, capsys)
    for word in english:
        assert word not in out, word
