""":mod:`participatory.payments.plan_file`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.core.money import Money
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


_ONE_PAYMENT = """
[plan]
project = "p"

[[payments]]
id = "x"
contributor = "ann"
kind = "fee"
amount = {amount}
due_on = 2026-05-01
"""


def test_an_amount_is_money_in_the_plans_currency():
    """ "90.00 GBP" is the one written form; a bare 90.00 (the older form) is still read."""
    for amount in ('"90.00 GBP"', "90.00"):
        plan = parse_payment_plan(_ONE_PAYMENT.format(amount=amount), "p.toml").plan
        assert [p.amount for p in plan.payments] == [Money.gbp("90.00")]


@pytest.mark.parametrize(
    ("amount", "problem"),
    [
        ('"90.00 EUR"', "is in EUR, but the plan's currency is GBP"),
        ('"90.00GBP"', 'must be money such as "90.00 GBP"'),
    ],
)
def test_money_in_another_currency_or_form_is_refused_at_its_place(amount, problem):
    with pytest.raises(ValidationError) as caught:
        parse_payment_plan(_ONE_PAYMENT.format(amount=amount), "p.toml")
    assert caught.value.path == "payments[0].amount"
    assert problem in caught.value.problem
