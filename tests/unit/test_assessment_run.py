"""The assessment: sections, stale data, the payments-to-benefits join, the commands."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from participatory.assessment import RECEIPT_KINDS, Area, assess, receipt_for
from participatory.benefits import ReceiptKind
from participatory.cli import main
from participatory.core.errors import ParametersNotAvailable, ValidationError
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.io import load_project
from participatory.payments import Payment, PaymentKind
from participatory.project import Project, ProjectValidationError, Session
from participatory.render.text import sentence
from participatory.roles import ContributorKind, PersonContributor
from participatory.timeline import Stage, Timeline

EXAMPLES = Path(__file__).parents[2] / "examples"
SENTINEL = "SENTINEL-91c2"


def person(person_id: str) -> PersonContributor:
    return PersonContributor(person_id, person_id.title(), ContributorKind.PUBLIC_CONTRIBUTOR,
                             lived_experience=SENTINEL)  # fmt: skip


def test_an_empty_project_has_every_area_not_assessed_but_data():
    report = assess(Project(id="p", title="P"), as_at=dt.date(2026, 6, 1))
    assert [s.area for s in report.sections] == list(Area)
    assert [s.area for s in report.sections if not s.not_assessed] == [Area.DATA]
    assert report.section(Area.DATA).findings[0].rule_id == "ASSESS-DATA-CURRENT"


def test_each_payment_kind_maps_to_a_receipt_kind():
    """The table in :mod:`participatory.assessment.receipts`, checked kind by kind."""
    assert set(RECEIPT_KINDS) == set(PaymentKind)
    expected = {
        PaymentKind.FEE: ReceiptKind.INVOLVEMENT_FEE,
        PaymentKind.EXPENSE_RECEIPTED: ReceiptKind.RECEIPTED_EXPENSES,
        PaymentKind.EXPENSE_FLAT_RATE: ReceiptKind.FLAT_RATE_EXPENSES,
        PaymentKind.VOUCHER: ReceiptKind.VOUCHER,
        PaymentKind.POT_CONTRIBUTION: ReceiptKind.POT_FOR_GOODS,
        PaymentKind.DECLINED: ReceiptKind.DECLINED_FEE,
        PaymentKind.ORGANISATION_PAYMENT: None,
    }
    assert expected == RECEIPT_KINDS
    paid = Payment("p", "a", "fee", Money.gbp(90), due_on="2026-05-22", paid_on="2026-05-20")
    receipt = receipt_for(paid)
    assert receipt is not None
    assert receipt.received_on == dt.date(2026, 5, 20)


def test_ids_are_checked_across_the_whole_project():
    with pytest.raises(ProjectValidationError) as caught:
        Project(
            id="p",
            title="P",
            people=[person("amira"), person("amira")],
            sessions=[Session("s", "meeting", "2026-05-01", "2", contributors=["zed"])],
        )
    paths = [p.path for p in caught.value.problems]
    assert paths == ["people[1].id", "sessions[0].contributors[0]"]
    assert isinstance(caught.value, ValidationError)
    assert SENTINEL not in str(caught.value)


def late_timeline() -> Timeline:
    return Timeline(stages=[Stage("delivery", "2028-01-03", "2028-02-25", co_produced=True,
                                  conventional_days=10)])  # fmt: skip


def test_stale_data_is_reported_in_the_data_section_with_the_date_it_runs_to():
    """The co-production multiplier's data is current to 31 December 2027.

    Assessed on 5 January 2028 the last value (5) is used and reported as stale.
    """
    project = Project(id="p", title="P", timeline=late_timeline())
    report = assess(project, as_at=dt.date(2028, 1, 5))
    stale = report.section(Area.DATA).findings[0]
    assert stale.rule_id == "ASSESS-STALE-DATA"
    assert stale.severity is Severity.WARNING
    assert stale.values["runs_to"] == dt.date(2027, 12, 31)
    assert stale.values["names"] == "timeline.co_production_multiplier"
    assert "31 December 2027" in sentence(stale, locale="en_GB")


def test_stale_data_is_refused_when_asked():
    project = Project(id="p", title="P", timeline=late_timeline())
    with pytest.raises(ParametersNotAvailable):
        assess(project, as_at=dt.date(2028, 1, 5), on_stale="refuse")


def test_a_stale_rate_card_is_reported_or_refused():
    """The bundled NIHR card is current to 25 November 2026; a December session is stale."""
    from participatory.payments import bundled_rate_card

    project = Project(
        id="p", title="P", people=[person("amira")], rate_card=bundled_rate_card("nihr"),
        sessions=[Session("s", "meeting", "2026-12-10", "2", contributors=["amira"])],
    )  # fmt: skip
    report = assess(project, as_at=dt.date(2026, 12, 11))
    notice = report.section(Area.DATA).findings[0]
    assert notice.rule_id == "ASSESS-CARD-STALE"
    assert notice.values["runs_to"] == dt.date(2026, 11, 25)
    assert report.section(Area.PAYMENTS).figures[-1].value == Money.gbp("55.00")
    with pytest.raises(ParametersNotAvailable):
        assess(project, as_at=dt.date(2026, 12, 11), on_stale="refuse")


def test_stale_benefit_parameters_are_counted_but_not_named():
    """A benefit's rates would reveal that someone in the project receives it."""
    from participatory.benefits import CarersAllowanceClaim, Circumstances

    project = Project(
        id="p", title="P", people=[person("amira")],
        payments=[Payment("p1", "amira", "fee", Money.gbp(90), due_on="2027-05-03")],
        benefits={"amira": Circumstances(carers_allowance=CarersAllowanceClaim())},
    )  # fmt: skip
    report = assess(project, as_at=dt.date(2027, 5, 4))
    stale = report.section(Area.DATA).findings[0]
    assert stale.rule_id == "ASSESS-STALE-DATA"
    assert "carers_allowance" not in json.dumps(stale.values, default=str)
    assert all(f.sensitive for f in report.section(Area.BENEFITS).findings)


def test_every_example_finding_has_a_sentence():
    for path in sorted(EXAMPLES.glob("*.toml")):
        if path.name in ("payment-plan.toml", "institution-rate-card.toml"):
            continue
        report = assess(load_project(path), as_at=dt.date(2026, 11, 2))
        for finding in report.findings:
            assert sentence(finding, locale="en_GB"), finding.rule_id
        for section in report.sections:
            for figure in section.figures:
                assert sentence_of_label(figure.label_key)


def sentence_of_label(key: str) -> str:
    from participatory.core.messages import template

    return template(key)


def run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None):
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def test_unusable_input_exits_2_with_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(f'id = "x"\ntitle = "X"\n[benefits.zed]\nunaffected = ["{SENTINEL}"]\n')
    code, out, err = run(capsys, "assess", str(bad))
    assert code == 2
    assert not out
    assert err.count("\n") == 1
    assert "bad.toml" in err
    assert "benefits.zed" in err
    assert SENTINEL not in err


def test_assess_reads_a_json_project_from_standard_input(capsys):
    code, out, _ = run(capsys, "assess", "-", "--as-at", "2026-06-01", "--format", "json",
                       stdin='{"id": "x", "title": "X", "label": "co_production"}')  # fmt: skip
    assert code == 0
    assert json.loads(out)["project_id"] == "x"


def test_assess_with_an_institution_rate_card(capsys):
    code, out, _ = run(
        capsys, "assess", str(EXAMPLES / "river-citizen-science.toml"), "--as-at", "2026-10-01",
        "--format", "json", "--rates", str(EXAMPLES / "institution-rate-card.toml"),
    )  # fmt: skip
    assert code == 0
    assert "example-university-2026" in out


def test_benefits_command_answers_one_question(capsys):
    """£250 in one week is over the £204 Carer's Allowance limit: the week's £86.45 is lost."""
    question = {
        "circumstances": {"carers_allowance": {"benefit_week_start": 0}},
        "payments": [{"id": "p1", "contributor": "me", "kind": "fee", "amount": "250.00 GBP",
                      "due_on": "2026-06-10"}],
    }  # fmt: skip
    code, out, _ = run(capsys, "benefits", stdin=json.dumps(question))
    answer = json.loads(out)
    assert code == 0
    assert (answer["paid"], answer["change"], answer["kept"]) == ("250.00", "-86.45", "163.55")
    assert answer["outcomes"][0]["cliff"] is True
    assert any("cliff edge" in f["sentence"] for f in answer["findings"])


def test_benefits_command_refuses_bad_input_without_echoing_it(capsys):
    question = {"circumstances": {"esa": {"weekly_award": SENTINEL}}, "receipts": []}
    code, _, err = run(capsys, "benefits", stdin=json.dumps(question))
    assert code == 2
    assert "circumstances.esa.weekly_award" in err
    assert SENTINEL not in err


def test_ethics_command_classifies_a_list_and_summarises(capsys):
    activities = [
        {"id": "advice", "parties": [{"label": "group", "capacity": "public_contributor",
                                      "tasks": ["advise"], "people": ["p1"],
                                      "facts": {"own_data_analysed": "no"}}]},
        {"id": "survey", "facts": {"generalisable": True},
         "parties": [{"label": "group", "capacity": "public_contributor",
                      "tasks": ["provide_own_data"], "people": ["p1"],
                      "facts": {"own_data_analysed": "yes"}}]},
    ]  # fmt: skip
    code, out, _ = run(capsys, "ethics", "--on", "2026-03-02",
                       stdin=json.dumps({"activities": activities}))  # fmt: skip
    result = json.loads(out)
    assert code == 0
    assert result["needing_review"] == ["survey"]
    assert result["contributor_and_participant"] == ["p1"]
    assert result["counts"]["involvement"] == 1


def test_schema_command_prints_the_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"].endswith("2020-12/schema")


def test_help_lists_every_command_with_examples(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("assess", "benefits", "ethics", "cost", "schema"):
        assert command in out
    code, out, _ = run(capsys, "assess", "--help")
    assert code == 0
    assert "examples:" in out
    assert "Exit status" in out
