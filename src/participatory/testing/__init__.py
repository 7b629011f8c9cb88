"""Hypothesis strategies for property-testing systems that embed participatory.

>>> from participatory.testing import strategies
>>> from hypothesis import given
>>> @given(strategies.money())
... def test_money_adds_zero(m):
...     assert m + type(m).zero(m.currency) == m
>>> test_money_adds_zero()
"""

from participatory.testing import strategies

__all__ = ["strategies"]
