"""The benefits section's checks share the rates records of their parameter set, stale
figures allowed or not: each household's answer is the one a check gives alone.

Every check the section makes reads the bundled parameters' shared records, which the
checks of earlier households (and earlier tests) built; each must still give, finding for
finding and penny for penny, the answer of a check made on a fresh copy of the parameters
that shares nothing, stale figures included. Compared for every household of every example
and of the 50-contributor benchmark, with payments on their own days and moved past the
bundled figures' end.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.assessment.money import _by_contributor, _check
from participatory.assessment.receipts import receipts_for
from participatory.benefits.engine import assess_benefits
from participatory.benefits.outcomes import BenefitsCheck
from participatory.core.errors import ParametersNotAvailable, UnsupportedCase
from participatory.core.params import ParameterSet, bundled_parameters
from participatory.project import Project, load_project, parse_project

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = sorted(
    p
    for p in (ROOT / "examples").glob("*.toml")
    if p.stem not in {"institution-rate-card", "payment-plan"}
)


def _bench_project() -> Project:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_assessment import project_toml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return parse_project(project_toml(), "toml", "bench.toml")


def _households(project: Project) -> list[tuple[str, list]]:
    paid = _by_contributor(project.payment_plan())
    found = []
    for person, household in sorted(project.benefits.items()):
        members = [m.id for m in household.people]
        found.append((person, [p for m in members for p in paid.get(m, ())]))
    return found


def _answer(make, *arguments, **options) -> tuple[str, object]:
    """A check's whole answer (numbers, periods, findings), or the error it raised."""
    try:
        check: BenefitsCheck = make(*arguments, **options)
        return "check", (
            check.paid,
            check.kept,
            check.change(),
            check.numbers,
            check.findings,
        )
    except (ParametersNotAvailable, UnsupportedCase) as error:
        return type(error).__name__, str(error)


def _both(household, receipts, *, tolerant: bool = False) -> tuple[str, object]:
    """The section's check (on the shared records), or one alone on an unshared copy."""
    if tolerant:
        alone = ParameterSet(bundled_parameters())  # its own records, built for this check
        return _answer(assess_benefits, household, receipts, parameters=alone, allow_stale=True)
    return _answer(_check, household, receipts, (), bundled_parameters(), False)


def _compare(project: Project, shift: dt.timedelta) -> int:
    compared = 0
    for person, payments in _households(project):
        household = project.benefits[person]
        moved = [attrs.evolve(p, due_on=p.due_on + shift, paid_on=p.paid_on and p.paid_on + shift)
                 for p in payments]  # fmt: skip
        receipts = receipts_for(moved)
        assert _both(household, receipts) == _both(household, receipts, tolerant=True), person
        compared += 1
    return compared


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("years", [0, 6], ids=["on their days", "past the figures' end"])
def test_every_examples_households_get_the_tolerant_answer(path: Path, years: int) -> None:
    _compare(load_project(path), dt.timedelta(days=365 * years))


def test_the_benchmarks_households_get_the_tolerant_answer() -> None:
    assert _compare(_bench_project(), dt.timedelta(0)) == 40


def test_a_stale_figure_is_reported_by_the_sections_check() -> None:
    """Past the figures' end a strict check raises; the section's reports the stale figures."""
    project = _bench_project()
    person, payments = _households(project)[0]
    moved = [attrs.evolve(p, due_on=p.due_on + dt.timedelta(days=365 * 6), paid_on=None)
             for p in payments]  # fmt: skip
    receipts = receipts_for(moved)
    household = project.benefits[person]
    with pytest.raises(ParametersNotAvailable):
        assess_benefits(household, receipts, parameters=bundled_parameters())
    check = _check(household, receipts, (), bundled_parameters(), False)
    assert check.has("BEN-STALE-PARAMETERS")


@settings(max_examples=30, deadline=None)
@given(days=st.integers(min_value=-400, max_value=3000))
def test_any_shift_of_the_payments_gives_the_tolerant_answer(days: int) -> None:
    project = _bench_project()
    for person, payments in _households(project)[:5]:
        household = project.benefits[person]
        moved = [attrs.evolve(p, due_on=p.due_on + dt.timedelta(days=days), paid_on=None)
                 for p in payments]  # fmt: skip
        receipts = receipts_for(moved)
        assert _both(household, receipts) == _both(household, receipts, tolerant=True)


def test_refusing_stale_figures_still_refuses() -> None:
    project = _bench_project()
    person, payments = _households(project)[0]
    moved = [attrs.evolve(p, due_on=p.due_on + dt.timedelta(days=365 * 6), paid_on=None)
             for p in payments]  # fmt: skip
    with pytest.raises(ParametersNotAvailable):
        _check(project.benefits[person], receipts_for(moved), (), bundled_parameters(), True)
