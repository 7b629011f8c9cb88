"""Properties of the whole-project assessment over generated projects."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.assessment import Area, assess
from participatory.core.money import Money
from participatory.core.serialise import unstructure
from participatory.render.text import sentence
from participatory.testing.projects import projects

SENTINEL = "SENSITIVE-SENTINEL"
AS_AT = st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31))
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(projects(), AS_AT)
def test_any_valid_project_assesses_and_every_finding_reads(project, as_at):
    report = assess(project, as_at=as_at)
    assert [s.area for s in report.sections] == list(Area)
    for finding in report.findings:
        assert sentence(finding, locale="en_GB")


@SLOW
@given(projects())
def test_payment_totals_are_the_sum_of_the_plans_payments(project):
    """Money end to end: fees plus expenses in the report is every payment that costs money."""
    report = assess(project, as_at=dt.date(2026, 6, 1))
    section = report.section(Area.PAYMENTS)
    if not project.payments and not project.sessions:
        assert section.not_assessed
        return
    figures = {f.label_key.rsplit(".", 1)[1]: f.value for f in section.figures}
    paid_out = [p.amount for p in project.payments if p.kind.costs_money]
    for_time = [p.amount for p in project.payments if p.kind.is_for_time]
    assert figures["payments_total"] == Money.total(paid_out)
    assert figures["fees_total"] == Money.total(for_time)
    assert figures["fees_total"] + figures["expenses_total"] == figures["payments_total"]


@SLOW
@given(projects(sensitive=SENTINEL))
def test_report_json_round_trips_and_never_shows_a_sensitive_value(project):
    report = assess(project, as_at=dt.date(2026, 6, 1))
    data = unstructure(report)
    text = json.dumps(data)
    assert json.loads(text) == data
    assert SENTINEL not in text
    assert SENTINEL not in repr(project)
    benefit_figures = list(report.section(Area.BENEFITS).figures)
    assert all(f.sensitive and f.subject in project.benefits for f in benefit_figures)
