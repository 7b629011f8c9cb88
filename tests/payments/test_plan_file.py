""":mod:`participatory.payments.plan_file`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.payments.plan_file import parse_payment_plan


def test_plan_file_errors_name_the_key_and_file():
    text = """
[plan]
project = "x"
[[payments]]
id = "p1"
contributor = "amira"
kind = "fee"
amount = -5
due_on = 2026-05-01
"""
    with pytest.raises(
        ValidationError, match=r"payments\[0\].amount: must not be negative \(in plan.toml\)"
    ):
        parse_payment_plan(text, "plan.toml")
    with pytest.raises(ValidationError, match=r"payments\[0\].due_on"):
        parse_payment_plan(text.replace("due_on = 2026-05-01", 'due_on = "soon"'), "plan.toml")
    with pytest.raises(ValidationError, match="unknown key"):
        parse_payment_plan(text.replace("amount = -5", "amount = 5\ncolour = 1"), "plan.toml")
    with pytest.raises(ValidationError, match=r"timeliness\.nation"):
        parse_payment_plan(
            text.replace("amount = -5", "amount = 5")
            + '[timeliness]\nworking_days = 5\nnation = "XX"\n',
            "plan.toml",
        )
