""":mod:`participatory.benefits.engine`: hardening: bad input at its boundaries.

Out-of-date rules: past the last verified figures, an engine refuses or says so.

Benefit and payment figures change every April. Every bundled parameter and rate card has
a ``valid_until``; on the day after it, the engines that exist now must raise
:class:`~participatory.core.errors.ParametersNotAvailable`, or, when the caller passes the
explicit ``allow_stale=True``, answer with a finding that reports the stale figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings

from participatory.benefits import CarersAllowanceClaim, Household, Person, assess_payment
from participatory.core.errors import ParametersNotAvailable
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.testing import benefits as tb


def _benefits_until() -> dt.date:
    params = bundled_parameters()
    # A superseded parameter has no valid_until (it is simply replaced): not a limit.
    return max(
        p.valid_until
        for n, p in params.items()
        if not n.startswith("payments.") and p.valid_until is not None
    )


@settings(max_examples=30)
@given(tb.households())
def test_benefits_check_past_the_data_refuses_or_reports(
    tried: Counter[str], household: Household
) -> None:
    """A year past every benefit figure: refused by default, a warning when stale is allowed."""
    tried["stale dates (benefits checks)"] += 1
    day = _benefits_until() + dt.timedelta(days=365)
    refused: ParametersNotAvailable | None = None
    try:
        assess_payment(household, Money.gbp("150.00"), day, person="p1")
    except ParametersNotAvailable as error:
        refused = error
    if refused is not None:
        assert refused.covered_until is not None
        assert refused.covered_until < day
    result = assess_payment(household, Money.gbp("150.00"), day, person="p1", allow_stale=True)
    stale = result.by_rule("BEN-STALE-PARAMETERS")
    used = [use for finding in result.findings for use in finding.parameters]
    if any(use.stale for use in used):
        assert stale, "stale figures were used without a BEN-STALE-PARAMETERS finding"
        assert all(f.severity.is_at_least(Severity.WARNING) for f in stale)
        assert all(f.parameters and f.parameters[0].stale for f in stale)


def test_the_stale_finding_says_when_the_data_ran_out() -> None:
    """The stale finding's values include the last day the figures were known current."""
    carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    day = _benefits_until() + dt.timedelta(days=365)
    result = assess_payment(carer, Money.gbp(Decimal("150.00")), day, allow_stale=True)
    stale = result.by_rule("BEN-STALE-PARAMETERS")
    assert stale
    assert all("valid_until" in f.values for f in stale)
    params = bundled_parameters()
    for f in stale:
        # The parameter's own last known-current day, before the day asked about, and shown.
        assert f.values["valid_until"] == params[f.values["name"]].valid_until < day
        from participatory.render.text import format_value, sentence

        # Which figure was stale says which benefit: shown to the person (include_sensitive)
        # and withheld by default.
        assert f.values["name"] not in sentence(f, locale="en_GB")
        shown = sentence(f, locale="en_GB", include_sensitive=True)
        assert format_value(f.values["valid_until"], "en_GB") in shown
