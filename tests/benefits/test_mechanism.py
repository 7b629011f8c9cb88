""":mod:`participatory.benefits.mechanism`: unit tests.

The benefits engine's fast paths give exactly what the plain paths give.

``assess_many`` (the batch entry point), findings built without ``Finding``'s converters,
and numeric parameter look-ups remembered across checks exist only for speed (see
docs/howto/benchmarks.md); these tests pin that they change no answer.
"""

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits.mechanism import Context, finding
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.params import bundled_parameters

texts = st.text(alphabet="abc £1.-", max_size=8)


@given(
    values=st.dictionaries(st.sampled_from(["a", "b", "amount"]), texts, max_size=3),
    actions=st.lists(st.sampled_from(["x.one", "x.two"]), max_size=2),
    sensitive=st.booleans(),
    severity=st.sampled_from(list(Severity)),
)
def test_a_finding_built_fast_equals_one_built_by_its_constructor(
    values, actions, sensitive, severity
):
    citation = Citation("A source", publisher="Someone")
    use = ParameterUse("p.q", Decimal(1), dt.date(2025, 4, 7), "A source")
    fast = finding(
        "BEN-X",
        severity,
        "benefits.x",
        values,
        citations=[citation],
        parameters=[use],
        actions=actions,
        sensitive=sensitive,
    )
    slow = Finding(
        "BEN-X", severity, "benefits.x", values, (citation,), (use,), tuple(actions), sensitive
    )
    assert fast == slow
    for field in (
        "rule_id",
        "severity",
        "message_key",
        "citations",
        "parameters",
        "actions",
        "sensitive",
        "subject",
    ):
        assert getattr(fast, field) == getattr(slow, field)
    assert dict(fast.values) == dict(slow.values)
    values["late"] = "changed after"  # the finding keeps its own copy
    assert "late" not in fast.values


def test_remembered_numbers_are_per_parameter_set():
    day = dt.date(2025, 6, 9)
    base = bundled_parameters()
    changed = base.with_value(
        "carers_allowance.earnings_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 7),
        source="What if",
    )
    assert Context(base).number("carers_allowance.earnings_limit", day)[0] == Decimal("196")
    assert Context(changed).number("carers_allowance.earnings_limit", day)[0] == Decimal("250")
    assert Context(base).number("carers_allowance.earnings_limit", day)[0] == Decimal("196")


def test_a_remembered_stale_number_is_still_reported_on_every_check():
    day = dt.date(2027, 6, 7)  # past the data's valid_until (5 April 2027)
    for _ in range(2):
        ctx = Context(bundled_parameters(), allow_stale=True)
        ctx.number("carers_allowance.earnings_limit", day)
        assert "carers_allowance.earnings_limit" in ctx.stale
