"""The benefits section marks each finding as about its contributor: what attrs.evolve gives.

``_about`` makes the marked finding with every field passed by position (it runs for every
period a household's check explains). These tests compare it, field by field, with
``attrs.evolve(finding, sensitive=True, subject=finding.subject or person)`` on every
finding of generated households' checks, so a field added to ``Finding`` and not passed
on would be caught.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings

from participatory.assessment.money import _about
from participatory.benefits.engine import assess_benefits
from participatory.benefits.household import Household
from participatory.benefits.receipts import Receipt
from participatory.core.errors import ParametersNotAvailable, UnsupportedCase
from participatory.core.explain import Finding, Severity
from participatory.core.sources import cite
from participatory.testing import benefits as pb


def _same(made: Finding, expected: Finding) -> None:
    for field in attrs.fields(Finding):
        assert getattr(made, field.name) == getattr(expected, field.name), field.name
    assert made == expected


def _marked(finding: Finding, person: str) -> Finding:
    return attrs.evolve(finding, sensitive=True, subject=finding.subject or person)


@settings(max_examples=40, deadline=None)
@given(pb.households(), pb.receipt_lists())
def test_each_finding_of_a_check_is_marked_as_evolve_marks_it(
    household: Household, receipts: list[Receipt]
) -> None:
    try:
        findings = assess_benefits(household, receipts, allow_stale=True).findings
    except (ParametersNotAvailable, UnsupportedCase):
        return
    for finding in findings:
        _same(_about(finding, "sam"), _marked(finding, "sam"))


def test_a_finding_with_its_own_subject_keeps_it_and_one_already_marked_is_kept_whole() -> None:
    cited = (cite("bath_report_2022#s2_6"),)
    own = Finding("BEN-X", Severity.WARNING, "benefits.kept", {"paid": 1}, cited,
                  actions=("benefits.action.report_uc_journal",), subject="ash")  # fmt: skip
    marked = _about(own, "sam")
    _same(marked, _marked(own, "sam"))
    assert marked.subject == "ash"
    assert marked.sensitive
    already = Finding("BEN-X", Severity.INFO, "benefits.kept", sensitive=True, subject="ash")
    assert _about(already, "sam") is already
    public = Finding("BEN-STALE-PARAMETERS", Severity.WARNING, "benefits.stale", sensitive=False)
    _same(_about(public, "sam"), _marked(public, "sam"))
    assert _about(public, "sam").subject == "sam"
