""":mod:`participatory.benefits.advice`: unit tests.

Every answer carries the caveat (an estimate, not advice) and the pointer to independent
advice, and names each reporting duty once, to the body of the household's nation.
"""

import pytest

from participatory.benefits import Benefit
from participatory.benefits.advice import MESSAGES, reporting_findings, standing_findings
from participatory.core.explain import Severity
from participatory.core.nations import Nation


def test_the_caveat_and_the_signpost_come_first_and_say_nothing_about_anyone():
    found = standing_findings(frozenset(), Nation.ENGLAND)
    assert [f.rule_id for f in found] == ["BEN-CAVEAT", "BEN-SIGNPOST-ADVICE"]
    assert all(f.severity is Severity.ADVICE and not f.sensitive for f in found)
    assert all(f.citations for f in found)


def test_each_duty_is_named_once_in_a_stable_order():
    """IS and income-based JSA are both reported to the Jobcentre; new-style and
    income-related ESA both on form PW1: one finding each."""
    benefits = frozenset(
        {
            Benefit.PENSION_CREDIT,
            Benefit.INCOME_SUPPORT,
            Benefit.INCOME_BASED_JSA,
            Benefit.NEW_STYLE_ESA,
            Benefit.INCOME_RELATED_ESA,
            Benefit.UNIVERSAL_CREDIT,
            Benefit.CARERS_ALLOWANCE,
            Benefit.HOUSING_BENEFIT,
        }
    )
    assert [f.rule_id for f in reporting_findings(benefits, Nation.ENGLAND)] == [
        "BEN-REPORT-UC-JOURNAL",
        "BEN-REPORT-CARERS-ALLOWANCE",
        "BEN-REPORT-ESA-PW1",
        "BEN-REPORT-JOBCENTRE",
        "BEN-REPORT-COUNCIL",
        "BEN-REPORT-PENSION-SERVICE",
    ]


def test_a_duty_says_which_benefit_someone_gets_so_it_is_sensitive():
    (duty,) = reporting_findings(frozenset({Benefit.CARERS_ALLOWANCE}), Nation.ENGLAND)
    assert duty.sensitive


@pytest.mark.parametrize(
    ("nation", "key"),
    [
        (Nation.ENGLAND, "benefits.report.ca"),
        (Nation.WALES, "benefits.report.ca"),
        (Nation.SCOTLAND, "benefits.report.csp"),
        (Nation.NORTHERN_IRELAND, "benefits.report.ca_ni"),
    ],
)
def test_the_carers_duty_is_to_the_body_of_the_nation(nation, key):
    (duty,) = reporting_findings(frozenset({Benefit.CARERS_ALLOWANCE}), nation)
    assert duty.message_key == key


def test_every_message_used_is_defined():
    everything = frozenset(Benefit)
    for nation in (Nation.ENGLAND, Nation.SCOTLAND):
        for f in standing_findings(everything, nation):
            assert f.message_key in MESSAGES
    (ni,) = reporting_findings(frozenset({Benefit.CARERS_ALLOWANCE}), Nation.NORTHERN_IRELAND)
    assert ni.message_key in MESSAGES
