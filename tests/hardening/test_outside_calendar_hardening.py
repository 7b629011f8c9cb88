"""Outside attacks with days at the ends of the calendar, on the benefits engine.

The benefits engine refuses a day too close to year 1 or 9999 to lie in a whole period
with the library's own error. Carer's Allowance also looks at the benefit week *after* the
one a payment falls in (its earnings count a week late), and that week was worked out with
plain date arithmetic: for a claim whose benefit week starts on a Tuesday, a headroom or a
payment on 27 December 9999 raised ``OverflowError`` (``benefits/engine.py``,
``_next_week``), and ``participatory benefits --question headroom`` printed a traceback.
It now asks the benefit-week calendar for the week after, which refuses a day past its end
with the library's error.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest

from participatory.benefits import CarersAllowanceClaim, Household, Person, headroom
from participatory.cli import main
from participatory.core.errors import ValidationError


def test_carers_allowance_at_the_end_of_the_calendar_is_the_librarys_error() -> None:
    for week_start in range(7):
        carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim(week_start))])
        for day in (dt.date(9999, 12, 27), dt.date(9999, 12, 31)):
            try:
                headroom(carer, day)
            except ValidationError:
                pass
            except OverflowError:
                pytest.fail(f"OverflowError for a week starting on day {week_start}, {day}")


def test_the_benefits_command_at_the_end_of_the_calendar_is_one_line() -> None:
    question = {
        "household": {"people": [{"id": "me", "carers_allowance": {"benefit_week_start": 1}}]},
        "day": "9999-12-27",
        "person": "me",
    }
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(json.dumps(question).encode()), encoding="utf-8")
    sys.stdout, sys.stderr = out, err
    try:
        status = main(["benefits", "-", "--question", "headroom"])
    except OverflowError:
        status = -1
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    assert status == 2, err.getvalue()
    assert err.getvalue().count("\n") == 1
