""":mod:`participatory.benefits.mechanism`: unit tests.

The shared mechanism: findings built without ``Finding``'s converters, rates read once per
parameter set and day (and stale values still reported on every check), income in three
layers of whole pennies, and the two roundings the regulations use.
"""

import datetime as dt
import decimal
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.benefits import carers_allowance, universal_credit
from participatory.benefits.law import cite_law
from participatory.benefits.mechanism import (
    Context,
    Income,
    add_hours,
    finding,
    pounds,
    ratio,
    taper_pennies,
    weekly_to_monthly_pennies,
)
from participatory.core.explain import Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.params import bundled_parameters

texts = st.text(alphabet="abc £1.-", max_size=8)
CITATION = cite_law("universal_credit.taper", Nation.ENGLAND)


@given(
    values=st.dictionaries(st.sampled_from(["a", "b", "amount"]), texts, max_size=3),
    actions=st.lists(st.sampled_from(["x.one", "x.two"]), max_size=2),
    sensitive=st.booleans(),
    severity=st.sampled_from(list(Severity)),
    subject=st.none() | st.sampled_from(["p1", "p2"]),
)
def test_a_finding_built_fast_equals_one_built_by_its_constructor(
    values, actions, sensitive, severity, subject
):
    use = ParameterUse("p.q", Decimal(1), dt.date(2025, 4, 7), CITATION)
    fast = finding(
        "BEN-X",
        severity,
        "benefits.x",
        values,
        citations=[CITATION],
        parameters=[use],
        actions=actions,
        sensitive=sensitive,
        subject=subject,
    )
    slow = Finding(
        "BEN-X",
        severity,
        "benefits.x",
        values,
        (CITATION,),
        (use,),
        tuple(actions),
        sensitive,
        subject,
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


def test_a_finding_about_benefits_is_sensitive_unless_said_otherwise():
    assert finding("BEN-X", Severity.INFO, "benefits.x").sensitive
    assert not finding("BEN-X", Severity.INFO, "benefits.x", sensitive=False).sensitive


def test_remembered_rates_are_per_parameter_set():
    day = dt.date(2025, 6, 9)
    base = bundled_parameters()
    changed = base.with_value(
        "carers_allowance.earnings_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 7),
        source="What if",
    )

    def limit(parameters):
        return carers_allowance.rates(Context(parameters), Nation.ENGLAND, day).limit

    assert limit(base) == 19600
    assert limit(changed) == 25000
    assert limit(base) == 19600


def test_remembered_rates_are_what_each_parameter_says():
    """The record of UC figures for an AP starting 7 April 2025, in pennies: taper 55% =
    11/20, higher work allowance £684, single 25+ £400.14."""
    ctx = Context(bundled_parameters())
    r = universal_credit.rates(ctx, dt.date(2025, 4, 7))
    assert (r.taper, r.work_allowance_higher, r.single_25_or_over) == ((11, 20), 68400, 40014)
    assert r.capital_upper == 1_600_000


def test_a_remembered_stale_rate_is_still_reported_on_every_check():
    day = dt.date(2027, 6, 7)  # past the data's valid_until (5 April 2027)
    for _ in range(2):
        ctx = Context(bundled_parameters(), allow_stale=True)
        carers_allowance.rates(ctx, Nation.ENGLAND, day)
        assert "carers_allowance.earnings_limit" in ctx.stale


def test_income_has_three_layers():
    """Regular earnings (the job), already paid (other payers), added (these payments)."""
    income = Income(3000, Decimal(10))
    income.already += 2000
    income.added += 500
    income.hours_added += Decimal(2)
    assert (income.base, income.total) == (5000, 5500)
    assert (income.hours_base, income.hours) == (Decimal(10), Decimal(12))


@pytest.mark.parametrize(
    ("pennies", "nearest", "down"),
    [
        (3201, 1761, 1760),  # (716.01 - 684) x 55% = 17.6055: the brief's example
        (1, 1, 0),  # 55% of a penny is 0.55p
        (1600, 880, 880),  # (700 - 684) x 55% = 8.80 exactly
        (0, 0, 0),
    ],
)
def test_the_two_roundings(pennies, nearest, down):
    """UC: the nearest penny, a half penny up (reg. 6(1) as the library reads it); legacy
    and Housing Benefit deductions: down, in the claimant's favour."""
    taper = ratio(Decimal("0.55"))
    assert taper == (11, 20)
    assert taper_pennies(pennies, taper) == nearest
    assert taper_pennies(pennies, taper, claimants_favour=True) == down


def test_weekly_amounts_are_converted_to_monthly_to_the_nearest_penny():
    """UC Regs reg. 73: × 52 ÷ 12. £83.30 a week: 360.9666... -> £360.97; £92.05 a week:
    398.8833... -> £398.88."""
    assert weekly_to_monthly_pennies(8330) == 36097
    assert weekly_to_monthly_pennies(9205) == 39888


def test_pennies_are_quoted_as_pounds():
    assert pounds(36097) == Money.gbp("360.97")
    assert pounds(0) == Money.gbp("0.00")


def test_hours_add_exactly_whatever_the_callers_decimal_context():
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_DOWN
        assert add_hours(Decimal("15.9"), Decimal("0.1")) == Decimal(16)
        assert add_hours(Decimal("123.45"), Decimal("0.05")) == Decimal("123.50")
