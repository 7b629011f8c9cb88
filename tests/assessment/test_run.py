""":mod:`participatory.assessment.run`: unit tests.

The assessment: sections, stale data, the payments-to-benefits join, the commands.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from participatory.assessment import Area, assess
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.payments import Payment
from participatory.project import Project, Session, load_project
from participatory.render.text import sentence
from participatory.roles import ContributorKind, PersonContributor
from participatory.timeline import PlannedStage, Timeline

EXAMPLES = Path(__file__).parents[2] / "examples"


SENTINEL = "SENTINEL-91c2"


def person(person_id: str) -> PersonContributor:
    return PersonContributor(person_id, person_id.title(), ContributorKind.PUBLIC_CONTRIBUTOR,
                             lived_experience=SENTINEL)  # fmt: skip


def late_timeline() -> Timeline:
    return Timeline(stages=[PlannedStage("delivery", "2028-01-03", "2028-02-25", co_produced=True,
                                  conventional_days=10)])  # fmt: skip


def sentence_of_label(key: str) -> str:
    from participatory.render.templates import template

    return template(key)


def test_an_empty_project_has_every_area_not_assessed_but_data():
    report = assess(Project(id="p", title="P"), as_at=dt.date(2026, 6, 1))
    assert [s.area for s in report.sections] == list(Area)
    assert [s.area for s in report.sections if not s.not_assessed] == [Area.DATA]
    assert report.section(Area.DATA).findings[0].rule_id == "ASSESS-DATA-CURRENT"


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
