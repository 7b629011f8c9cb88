"""The four example projects, end to end through ``participatory assess``, figures by hand.

Each test states the figures worked by hand from the example file, the rate card
(``examples/institution-rate-card.toml``: co-research and meetings £27.50 an hour, a
half-day workshop or an advisory-group session £90, a full day £180) and the bundled
2026/27 benefit parameters (Universal Credit work allowance £710 without housing costs and
£427 with them, taper 55%; Carer's Allowance earnings limit £204.00 a week and weekly rate
£86.45; ESA permitted work lower limit £20.00 and higher limit £203.50 a week; Pension
Credit disregard £5.00 a week for a single person), then checks the command's JSON.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from participatory.cli import main
from participatory.core.money import parse_money_text

EXAMPLES = Path(__file__).parents[2] / "examples"


def report(capsys: pytest.CaptureFixture[str], name: str, as_at: str, *extra: str) -> Any:
    code = main(["assess", str(EXAMPLES / name), "--as-at", as_at, "--format", "json", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def section(data: Any, area: str) -> Any:
    return next(s for s in data["sections"] if s["area"] == area)


def figure(data: Any, area: str, key: str, subject: str | None = None) -> Any:
    for item in section(data, area)["figures"]:
        if item["label_key"] == f"assessment.figure.{key}" and item["subject"] == subject:
            value = item["value"]
            # Money is written "90.00 GBP"; other figures (counts, shares) as they are.
            money = isinstance(value, str) and value[-4:-3] == " " and value[-3:].isupper()
            return parse_money_text(value)[0] if money else value
    raise KeyError(key)


def rules(data: Any, area: str) -> list[str]:
    return [f["rule_id"] for f in section(data, area)["findings"]]


def subjects(data: Any, area: str, rule_id: str) -> set[str]:
    return {f["subject"] for f in section(data, area)["findings"] if f["rule_id"] == rule_id}


def test_river_citizen_science(capsys):
    """River watch (Imperial's river sampling with citizen scientists).

    Sessions on the card: three 3-hour co-research days at £27.50 an hour = £82.50 each, and
    a half-day workshop at £90, for three people: 3 × (3 × £82.50 + £90) = 3 × £337.50 =
    £1,012.50 due at the card's rates; the plan pays exactly that (Priya's in vouchers).
    Expenses: Mo's one bus fare, £6.40. Paid out £1,018.90.

    Budget £4,432.50; the Rivers Trust holds its £1,500 staff time: 1500 / 4432.50 =
    0.33841, shown as 33.8% (the figure is the share as shown, issue 17). Jan's June fee
    was paid on 8 July, 8 working days after its deadline of 26 June (10 working days
    after 13 June).

    Benefits: Mo (Universal Credit, limited capability for work, no housing costs) has
    £82.50 or £90 in each assessment period, inside the £710 work allowance: UC unchanged,
    he keeps all £343.90 (fees £337.50 and the £6.40 fare). Jan (Carer's Allowance) never
    earns over £204 in a week: unchanged. Priya (PIP only): unchanged.

    Ethics: the sampling is involvement (the data is not about people); the open day has
    an unknown fact (whether visitors' words are analysed), so it is referred.
    """
    data = report(capsys, "river-citizen-science.toml", "2026-10-01", "--include-sensitive")
    assert figure(data, "payments", "card_fees_total") == Decimal("1012.50")
    assert figure(data, "payments", "fees_total") == Decimal("1012.50")
    assert figure(data, "payments", "expenses_total") == Decimal("6.40")
    assert figure(data, "payments", "payments_total") == Decimal("1018.90")
    assert "ASSESS-FEES-MATCH-CARD" in rules(data, "payments")
    assert subjects(data, "payments", "PAY-LATE") == {"jan"}
    assert figure(data, "budget", "community_held_share") == "0.338"
    assert figure(data, "benefits", "benefit_kept", "mo") == Decimal("343.90")
    assert figure(data, "benefits", "benefit_change", "mo") == Decimal("0")
    assert figure(data, "benefits", "benefit_change", "jan") == Decimal("0")
    assert figure(data, "ethics", "ethics_involvement") == 1
    assert figure(data, "ethics", "ethics_refer") == 1
    assert figure(data, "power", "arnstein_rung") == 1  # the budget is the university's alone
    assert section(data, "readiness")["not_assessed"] is True


def test_smart_pillow_workshops(capsys):
    """Smart pillow workshops (Imperial's Dyson School).

    Three half-day workshops at £90 for three people: £810 due on the card. Leo is paid for
    two of them only (£180 < £270): ASSESS-FEES-BELOW-CARD for Leo. Fees planned £720.

    Rose (State Pension and Pension Credit, £100 a week): each £90 fee lands in its own
    benefit week and is £85 over the £5 disregard, so guarantee credit falls by £85 three
    times: change −£255, and of £270 she is better off by only £15. Kai (new-style ESA,
    permitted work under the higher limit, £203.50): £90 a week is within it, unchanged.

    Ethics: the design workshops are involvement; prototype testing is research (it is
    designed to be generalisable), and Leo is a contributor in one and a participant in the
    other (ETH-ROLE-OVERLAP). Power: the university keeps the budget and recruitment alone,
    so calling it "public involvement" (at least Consultation, rung 4) is POW-TOKENISM.
    """
    data = report(capsys, "smart-pillow-workshops.toml", "2026-09-01", "--include-sensitive")
    assert figure(data, "payments", "card_fees_total") == Decimal("810.00")
    assert figure(data, "payments", "fees_total") == Decimal("720.00")
    assert subjects(data, "payments", "ASSESS-FEES-BELOW-CARD") == {"leo"}
    assert figure(data, "benefits", "benefit_paid", "rose") == Decimal("270.00")
    assert figure(data, "benefits", "benefit_change", "rose") == Decimal("-255.00")
    assert figure(data, "benefits", "benefit_kept", "rose") == Decimal("15.00")
    assert figure(data, "benefits", "benefit_change", "kai") == Decimal("0")
    assert figure(data, "ethics", "ethics_involvement") == 1
    assert figure(data, "ethics", "ethics_research") == 1
    assert subjects(data, "ethics", "ETH-ROLE-OVERLAP") == {"leo"}
    assert "POW-TOKENISM" in rules(data, "power")
    assert "BUD-NOTHING-DEVOLVED" in rules(data, "budget")


def test_mental_health_festival(capsys):
    """Partnering for change (a KCL centre gives its festival money to partners).

    Budget £20,000: partners hold £4,000 + £4,000 festival money and £2,500 + £2,500 staff
    time = £13,000, a share of 0.65; fees £3,000 and travel £1,000 reach community members,
    0.2; £1,500 of relationship building before the application, 0.075. The budget decision
    is delegated to partners and they hold money: POWMON-ALIGNED. Decisions held jointly or
    by partners place it at Partnership (rung 6), matching "co-production".

    Dee (Universal Credit, limited capability for work, with housing costs: work allowance
    £427) gets £500 in the assessment period of 18 June: £73 over, 55% of £73 = £40.15 off
    UC; of £680 she is better off by £639.85. Sam (Carer's Allowance) gets £250 in the week
    of 22 June, over the £204 limit: that week's £86.45 is lost (a cliff edge); of £494
    (fees £430 and a £64 carer's cost) he is better off by £407.55.

    Festival week is due on 26 June but delivery, co-produced (6 conventional days × 5 = 30
    days), cannot end before 14 July: TIME-DEADLINE-UNREACHABLE.
    """
    data = report(capsys, "mental-health-festival.toml", "2026-07-15", "--include-sensitive")
    assert figure(data, "budget", "budget_total") == Decimal("20000.00")
    assert figure(data, "budget", "community_held_share") == "0.650"
    assert figure(data, "budget", "reaching_members_share") == "0.200"
    assert figure(data, "budget", "before_application_share") == "0.075"
    assert "POWMON-ALIGNED" in rules(data, "budget")
    assert figure(data, "power", "arnstein_name") == "Partnership"
    assert "POW-LABEL-CONSISTENT" in rules(data, "power")
    assert figure(data, "benefits", "benefit_change", "dee") == Decimal("-40.15")
    assert figure(data, "benefits", "benefit_kept", "dee") == Decimal("639.85")
    assert figure(data, "benefits", "benefit_change", "sam") == Decimal("-86.45")
    assert figure(data, "benefits", "benefit_kept", "sam") == Decimal("407.55")
    assert "TIME-DEADLINE-UNREACHABLE" in rules(data, "timeline")
    assert subjects(data, "payments", "PAY-OVERDUE") == {"ash"}
    assert figure(data, "ethics", "ethics_research") == 1


def test_arts_coproduction(capsys):
    """Sound and belonging (a Heart n Soul-style co-production).

    Four sessions at £90 for four people: £1,440 due. Ben and Alex are paid into pots
    (4 × £90 each), Dev's £360 goes to his group, Chloe declines hers (£360 declined):
    fees planned £1,080; expenses £113.60 + £113.60 taxis + £140 childcare = £367.20.

    Alex (new-style ESA, permitted work up to the lower limit of £20 a week, award £95):
    each £90 pot contribution is counted as earnings (the cautious reading of a pot) and is
    over £20, so four weeks of ESA are lost: −£380; of £473.60 (pots £360 and taxis £113.60)
    he is better off by £93.60. Ben (PIP only) keeps all £473.60. Chloe (UC) receives only
    her childcare refund, disregarded. Dev's payments go to his organisation.

    Budget £12,000: Heart n Soul holds the £2,400 fee pot and £4,000 of staff time, 6,400 /
    12,000 = 0.5333…, shown as 53.3%. Safeguarding: learning disabilities and autism with a partner
    who has that expertise; signposting and coordinator training are not planned; Chloe's
    own circumstances add a group the profile lacks (a sensitive finding). Readiness: seven
    evidence items give 3 recommendations absent, 5 emerging, 1 established.
    """
    data = report(capsys, "arts-coproduction.toml", "2026-11-02", "--include-sensitive")
    assert figure(data, "payments", "card_fees_total") == Decimal("1440.00")
    assert figure(data, "payments", "fees_total") == Decimal("1080.00")
    assert figure(data, "payments", "declined_total") == Decimal("360.00")
    assert figure(data, "payments", "expenses_total") == Decimal("367.20")
    assert figure(data, "benefits", "benefit_change", "alex") == Decimal("-380.00")
    assert figure(data, "benefits", "benefit_kept", "alex") == Decimal("93.60")
    assert figure(data, "benefits", "benefit_kept", "ben") == Decimal("473.60")
    assert figure(data, "benefits", "benefit_change", "chloe") == Decimal("0")
    assert subjects(data, "benefits", "ASSESS-ORGANISATION-PAYMENT") == {"dev"}
    assert figure(data, "budget", "community_held_share") == "0.533"
    assert {"SAFE-SIGNPOSTING", "SAFE-COORDINATOR-TRAINING"} <= set(rules(data, "safeguarding"))
    assert subjects(data, "safeguarding", "SAFE-PERSON-NEEDS") == {"chloe"}
    assert [figure(data, "readiness", f"readiness_{level}") for level in
            ("absent", "emerging", "established", "embedded")] == [3, 5, 1, 0]  # fmt: skip


def test_benefit_figures_are_withheld_unless_asked_for(capsys):
    data = report(capsys, "smart-pillow-workshops.toml", "2026-09-01")
    benefits = section(data, "benefits")
    # Issue 17: not listed at all (their subjects named who has benefits), nor counted in
    # the section (a count there says someone has benefits); the report says values are
    # withheld, once.
    assert not [f for f in benefits["figures"] if f["sensitive"]]
    assert "withheld_figures" not in benefits
    assert [n for n in data["notices"] if "withholds" in n] == [
        "This copy of the report withholds findings and values about people's own "
        "circumstances. The sections neither show nor count them; the count at the top and "
        '"What to do first" include the withheld findings, without saying whose they are or '
        "what they are about."
    ]
    assert "255" not in json.dumps(benefits)
    for person in ('"alex"', '"ben"', '"chloe"'):
        assert person not in json.dumps(benefits)


PROJECTS = ("river-citizen-science.toml", "smart-pillow-workshops.toml",
            "mental-health-festival.toml", "arts-coproduction.toml")  # fmt: skip


@pytest.mark.parametrize("name", PROJECTS)
@pytest.mark.parametrize("format", ["text", "markdown", "html", "json"])
@pytest.mark.parametrize("locale", ["en_GB", "cy"])
def test_every_example_renders_in_every_format_and_locale(capsys, name, format, locale):
    code = main(["assess", str(EXAMPLES / name), "--as-at", "2026-11-02",
                 "--format", format, "--locale", locale])  # fmt: skip
    out, _err = capsys.readouterr()
    assert code == 0
    assert out.strip()
    if format == "html":
        assert out.lstrip().lower().startswith("<!doctype html")
        assert "£" in out


def test_the_html_report_shows_the_key_figures(capsys):
    main(["assess", str(EXAMPLES / "mental-health-festival.toml"), "--as-at", "2026-07-15",
          "--format", "html"])  # fmt: skip
    page, _ = capsys.readouterr()
    for shown in ("£20,000.00", "65", "Partnership", "£1,635.00"):
        assert shown in page
