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
    """The Co-Production Collective's pilot card ended on 31 March 2025 (a known end); a
    session on 10 April 2025 is costed at its last rate (2 hours x £30 = £60), reported."""
    from participatory.payments import bundled_rate_card

    project = Project(
        id="p", title="P", people=[person("amira")],
        rate_card=bundled_rate_card("co_production_collective"),
        sessions=[Session("s", "other", "2025-04-10", "2", contributors=["amira"])],
    )  # fmt: skip
    report = assess(project, as_at=dt.date(2025, 4, 11))
    notice = report.section(Area.DATA).findings[0]
    assert notice.rule_id == "ASSESS-CARD-STALE"
    assert notice.values["runs_to"] == dt.date(2025, 3, 31)
    assert report.section(Area.PAYMENTS).figures[-1].value == Money.gbp("60.00")
    with pytest.raises(ParametersNotAvailable):
        assess(project, as_at=dt.date(2025, 4, 11), on_stale="refuse")


def test_a_card_in_force_until_superseded_is_used_and_said_to_be_due_a_check():
    """Blue Heart's card (in force until superseded, last checked 6 December 2026; "a rate of
    £25 per hour", blue_heart_coproducer_payments#rate) costs a session today with nothing to
    report, and a session in 2028 at its last rate (a meeting is paid at its rate for other
    involvement: 2 hours x £25.00 = £50.00), with the DATA section saying it was not
    re-checked within 365 days."""
    from participatory.payments import bundled_rate_card

    def project(day: str) -> Project:
        return Project(
            id="p", title="P", people=[person("amira")], rate_card=bundled_rate_card("blue_heart"),
            sessions=[Session("s", "meeting", day, "2", contributors=["amira"])],
        )  # fmt: skip

    today = assess(project("2026-12-06"), as_at=dt.date(2026, 12, 6))
    assert [f.rule_id for f in today.section(Area.DATA).findings] == ["ASSESS-DATA-CURRENT"]
    later = assess(project("2028-01-10"), as_at=dt.date(2028, 1, 11), on_stale="refuse")
    assert later.section(Area.PAYMENTS).figures[-1].value == Money.gbp("50.00")
    due = [f for f in later.section(Area.DATA).findings if f.rule_id == "ASSESS-DATA-REVIEW-DUE"]
    assert due
    assert due[0].values["oldest"] == dt.date(2026, 12, 6)
    assert "rate_card.blue-heart.other.hour" in due[0].values["names"]


def test_a_session_on_the_nihr_card_is_not_costed_and_the_report_says_why():
    """NIHR's rate table was never read (nihr_payment_guidance_researchers_2024#rate_table):
    the card holds no amount, so a meeting on it is reported as not costed (a warning naming
    the card), never costed at a remembered figure."""
    from participatory.payments import bundled_rate_card

    project = Project(
        id="p", title="P", people=[person("amira")], rate_card=bundled_rate_card("nihr"),
        sessions=[Session("s", "meeting", "2026-05-14", "2", contributors=["amira"])],
    )  # fmt: skip
    payments = assess(project, as_at=dt.date(2026, 6, 1)).section(Area.PAYMENTS)
    [finding] = [f for f in payments.findings if f.rule_id == "ASSESS-SESSION-NOT-COSTED"]
    assert finding.severity is Severity.WARNING
    assert finding.values["card"] == "nihr"
    assert "holds no rates" in finding.values["reason"]
    assert "{" not in sentence(finding, locale="en_GB")


def test_stale_benefit_parameters_are_counted_but_not_named():
    """A benefit's rates would reveal that someone in the project receives it."""
    from participatory.benefits import CarersAllowanceClaim, Household, Person

    project = Project(
        id="p", title="P", people=[person("amira")],
        payments=[Payment("p1", "amira", "fee", Money.gbp(90), due_on="2027-05-03")],
        benefits={
            "amira": Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
        },
    )  # fmt: skip
    report = assess(project, as_at=dt.date(2027, 5, 4))
    stale = report.section(Area.DATA).findings[0]
    assert stale.rule_id == "ASSESS-STALE-DATA"
    assert "carers_allowance" not in json.dumps(stale.values, default=str)
    assert all(f.sensitive for f in report.section(Area.BENEFITS).findings)


def test_a_couple_who_are_both_contributors_are_one_household():
    """Issue 16: Ann and Bo are partners on one Universal Credit claim (both 25 or over, a
    child born 2019, housing costs: one £411 work allowance, 2025/26). Each is paid £300 in
    the AP 1-31 July 2025: alone within £411; together £600, £189 over it: 189 x 55% =
    £103.95 off. The household is assessed once (its figures under the first id, "ann"),
    with both partners' payments: £600 paid, better off by 600 - 103.95 = £496.05."""
    from participatory.benefits import Child, Household, Person, UniversalCreditClaim

    home = Household(
        people=[Person("ann"), Person("bo")],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            housing_amount=Money.gbp(500),
        ),
    )
    project = Project(
        id="p", title="P", people=[person("ann"), person("bo")],
        payments=[Payment("p1", "ann", "fee", Money.gbp(300), due_on="2025-07-10"),
                  Payment("p2", "bo", "fee", Money.gbp(300), due_on="2025-07-20")],
        benefits={"ann": home, "bo": home},
    )  # fmt: skip
    figures = {
        (f.label_key.rsplit(".", 1)[1], f.subject): f.value
        for f in assess(project, as_at=dt.date(2025, 8, 1)).section(Area.BENEFITS).figures
    }
    assert figures[("benefit_paid", "ann")] == Money.gbp(600)
    assert figures[("benefit_change", "ann")] == Money.gbp("-103.95")
    assert figures[("benefit_kept", "ann")] == Money.gbp("496.05")
    assert ("benefit_paid", "bo") not in figures


def test_a_household_given_without_ids_is_the_contributors_own():
    """A project file may leave out the id of a single contributor's household."""
    from participatory.benefits import CarersAllowanceClaim, Household, Person

    project = Project(
        id="p", title="P", people=[person("amira")],
        benefits={"amira": Household(people=[Person(carers_allowance=CarersAllowanceClaim())])},
    )  # fmt: skip
    assert [p.id for p in project.benefits["amira"].people] == ["amira"]


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
