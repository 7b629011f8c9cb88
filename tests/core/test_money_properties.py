from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from participatory.core.money import Money, allocate
from participatory.testing import strategies as ps


@given(ps.money(), ps.money(), ps.money())
def test_addition_is_associative_and_commutative(a, b, c):
    assert (a + b) + c == a + (b + c)
    assert a + b == b + a


@given(ps.money())
def test_zero_and_negation(a):
    assert a + Money.zero() == a
    assert a - a == Money.zero()
    negated = -a
    assert -negated == a


@given(ps.money(), st.integers(-50, 50), st.integers(-50, 50))
def test_multiplication_distributes(a, k, m):
    assert a * (k + m) == a * k + a * m


@given(ps.money(-10_000, 10_000), ps.weights())
def test_allocation_conserves_every_penny(total, weights):
    parts = allocate(total, weights)
    assert len(parts) == len(weights)
    assert sum(parts, Money.zero()) == total
    assert all(part.is_whole_minor_units() for part in parts)


@given(ps.money(0, 10_000), ps.weights())
def test_each_part_is_within_one_penny_of_its_exact_share(total, weights):
    parts = allocate(total, weights)
    weight_sum = sum(weights, Decimal(0))
    for part, weight in zip(parts, weights, strict=True):
        exact = total.amount * weight / weight_sum
        assert abs(part.amount - exact) < Decimal("0.01")


@given(ps.money(0, 10_000), ps.weights())
def test_allocation_is_deterministic(total, weights):
    assert allocate(total, weights) == allocate(total, list(weights))


@given(ps.money(0, 1000), st.integers(1, 20))
def test_equal_split_parts_differ_by_at_most_one_penny(total, n):
    parts = allocate(total, [1] * n)
    assert max(parts) - min(parts) <= Money.gbp("0.01")
    # Earlier parts never get less than later ones (ties go to the earliest).
    assert list(parts) == sorted(parts, reverse=True)


def _plain_reading(amount: object, currency: object) -> tuple[str, object]:
    """What Money's checks give without their quick paths: the converter's full reading of
    the amount and the full currency check (the pattern, then ISO 4217)."""
    from participatory.core.errors import ValidationError
    from participatory.core.money import _MAX_WHOLE_DIGITS, _currency, _exact

    try:
        value = _exact(amount, "amount")
        if value and value.adjusted() >= _MAX_WHOLE_DIGITS:
            return ("error", "amount")
        _currency(currency)
    except ValidationError as error:
        return ("error", error.path)
    return ("ok", (value, currency))


_DECIMALS = st.decimals(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [Decimal("1e15"), Decimal("-1e15"), Decimal("999999999999999.99"), Decimal("-0")]
)
_CODES = st.sampled_from(["GBP", "EUR", "JPY", "gbp", "GB", "GBPX", "XYZ", "ABC", ""]) | st.text(
    max_size=4
)


@given(_DECIMALS | st.integers() | st.text(max_size=8), _CODES)
def test_money_is_made_exactly_as_its_plain_checks_say(amount, currency):
    """The quick paths (a finite Decimal, a code already found valid) give the same money,
    or the same error, as the full checks; asking twice gives the same as asking once."""
    from participatory.core.errors import ValidationError

    expected = _plain_reading(amount, currency)
    for _ in range(2):
        got: tuple[str, object]
        try:
            made = Money(amount, currency)
        except ValidationError as error:
            got = ("error", error.path)
        else:
            got = ("ok", (made.amount, made.currency))
        assert got == expected
