""":mod:`participatory.payments.plan_file`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given

from participatory.payments.plan_file import PlanFile, parse_payment_plan
from participatory.testing.bad_input import toml_texts
from tests.fuzzing import (
    FUZZ,
    PLAN,
    outcome,
)


@FUZZ
@given(toml_texts(*PLAN, id_keys=("id", "contributor")))
def test_payment_plans(tried: Counter[str], text: str) -> None:
    """parse_payment_plan: a ValidationError with the field path, or a plan."""
    tried["parse_payment_plan"] += 1
    result = outcome(lambda: parse_payment_plan(text, "fuzz.toml"))
    if isinstance(result, PlanFile):
        # A plan that loads must be usable: totals and summary never fail.
        outcome(lambda: result.plan.cost_summary())
