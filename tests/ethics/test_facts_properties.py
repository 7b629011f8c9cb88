""":mod:`participatory.ethics.facts`: property tests.

Invariants of the ethics triage, over activities with every mix of yes / no / unknown.
"""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.core.errors import ValidationError
from participatory.ethics.facts import Facts
from participatory.testing import ethics as es


@given(st.lists(st.tuples(st.sampled_from(es.ACTIVITY_FACTS), es.answers()), max_size=12))
def test_facts_built_in_any_order_are_equal_or_rejected_alike(pairs):
    shuffled = list(pairs)
    random.Random(7).shuffle(shuffled)
    conflicting = any(a is not b for (f, a) in pairs for (g, b) in pairs if f is g)
    if conflicting:
        for given_pairs in (pairs, shuffled):
            with pytest.raises(ValidationError, match="two different answers"):
                Facts(given_pairs)
    else:
        assert Facts(pairs) == Facts(shuffled) == Facts(dict(pairs))
