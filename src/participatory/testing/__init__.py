"""Hypothesis strategies for property-testing systems that embed participatory.

>>> from participatory.testing import strategies
>>> from hypothesis import given
>>> @given(strategies.money())
... def test_money_adds_zero(m):
...     assert m + type(m).zero(m.currency) == m
>>> test_money_adds_zero()
"""

try:
    import hypothesis  # noqa: F401
except ModuleNotFoundError as missing:  # pragma: no cover - exercised in a subprocess test
    raise ModuleNotFoundError(
        "participatory.testing needs hypothesis: pip install 'participatory[testing]'",
        name="hypothesis",
    ) from missing

from participatory.testing import strategies

__all__ = ["strategies"]
