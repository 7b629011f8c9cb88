"""A statement period's kind and dates are the person's own: withheld by default, kept for them.

Only a Universal Credit claimant has assessment periods, and a benefit week's first day
tells which benefit: a :class:`StatementPeriod` logged or dumped by default says neither,
and the person's own statement (``include_sensitive=True``) still has both. Amira and
Bilal's joint claim began on 10 March 2025, so the assessment period holding their May 2026
payments runs from 10 May to 9 June 2026.
"""

from __future__ import annotations

import json

from participatory.interchange import dumps
from tests.hardening.test_outside_round11 import _joint_statement


def test_the_persons_own_plain_data_keeps_the_periods_kind_and_dates() -> None:
    (period,) = _joint_statement("amira").assessment_periods
    shown = json.loads(dumps(period, include_sensitive=True))
    assert shown["kind"] == "assessment_period"
    assert shown["period"]["start"] == "2026-05-10"
    assert shown["period"]["end"] == "2026-06-09"
    hidden = dumps(period)
    assert "2026-05-10" not in hidden
    assert "assessment_period" not in hidden
    assert "150.00 GBP" in hidden  # what was paid is not special-category: still shown
