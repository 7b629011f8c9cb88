""":mod:`participatory.payments.methods`: property tests."""

from hypothesis import given
from hypothesis import strategies as st

from participatory.payments import (
    assess_payment_method,
)
from participatory.payments.methods import MethodPolicy, PaymentMethod
from participatory.testing import payments as pp


@given(pp.payment_preferences(), st.sets(st.sampled_from(list(PaymentMethod)), min_size=1))
def test_a_chosen_method_is_preferred_and_allowed_or_declined(preference, allowed):
    choice = assess_payment_method(preference, MethodPolicy(allowed))
    if choice.method is not None:
        assert choice.method in preference.preferred
        assert choice.method in allowed or choice.method is PaymentMethod.DECLINED
    else:
        assert not set(preference.preferred) & (allowed | {PaymentMethod.DECLINED})
