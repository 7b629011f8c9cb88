"""The benefits engine's fast paths give exactly what the plain paths give.

``check_many`` (the batch entry point), findings built without ``Finding``'s converters,
and numeric parameter look-ups remembered across checks exist only for speed (see
docs/howto/benchmarks.md); these tests pin that they change no answer.
"""

import datetime as dt
import gc
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import (
    CarersAllowanceClaim,
    Circumstances,
    EmploymentSupportAllowanceClaim,
    PermittedWork,
    Receipt,
    UniversalCreditClaim,
    WorkCapability,
    check,
    check_many,
)
from participatory.benefits.mechanism import Context, finding
from participatory.core.errors import ValidationError
from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.params import bundled_parameters

UC = Circumstances(
    universal_credit=UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), capability=WorkCapability.LCW
    ),
    carers_allowance=CarersAllowanceClaim(),
)
CARER = Circumstances(carers_allowance=CarersAllowanceClaim(benefit_week_start=3))
ESA = Circumstances(
    esa=EmploymentSupportAllowanceClaim(
        weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
    )
)


def _year(amount: str) -> tuple[Receipt, ...]:
    return tuple(
        Receipt(Money.gbp(amount), dt.date(2025, month, 10), hours=4) for month in range(4, 13)
    )


CASES = [(UC, _year("700.00")), (CARER, _year("196.01")), (ESA, _year("195.51")), (UC, ())]


def test_check_many_gives_what_check_gives_case_by_case():
    batch = check_many(CASES)
    assert len(batch) == len(CASES)
    for (circumstances, receipts), result in zip(CASES, batch, strict=True):
        alone = check(circumstances, receipts)
        assert result.outcomes == alone.outcomes
        assert result.findings == alone.findings
        assert result.kept == alone.kept


def test_check_many_of_nothing_is_empty():
    assert check_many([]) == ()


@pytest.mark.parametrize("enabled", [True, False])
def test_check_many_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        check_many(CASES[:1])
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            check_many([(UC, ()), ("not circumstances", ())])  # type: ignore[list-item]
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_check_many_uses_the_parameters_given():
    # Carer's Allowance earnings limit raised to £250 from 7 April 2025: £196.01 a week is
    # then within it, so nothing is lost (by hand: 196.01 <= 250).
    higher = bundled_parameters().with_value(
        "carers_allowance.earnings_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 7),
        source="What if: £250 limit",
    )
    (result,) = check_many([(CARER, _year("196.01"))], parameters=higher)
    assert result.loss == Money.gbp(0)
    (baseline,) = check_many([(CARER, _year("196.01"))])
    assert baseline.loss > Money.gbp(0)


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
