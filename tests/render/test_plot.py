"""participatory.render.plot: the charts have the lines, bars and labels they promise."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal

import pytest

pytest.importorskip("matplotlib")

from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.budget import Budget, BudgetLine, Holder, LineKind
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.power import Decision, DecisionRecord, Holding
from participatory.render.plot import (
    PlottingNotInstalled,
    budget_by_holder,
    kept_against_payment,
    kept_curve,
    ladder_chart,
    risk_table,
    risks_by_month,
)

JUNE = dt.date(2025, 6, 10)
CARER = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])


def test_kept_curve_shows_the_carers_allowance_cliff_exactly():
    """Carer's Allowance 2025/26: limit £196 a week, award £83.30 (SI 2025/352).

    £196.00 keeps everything; £196.01 received on Tuesday 10 June loses the next week's
    £83.30 (ICA Regs 1976 reg. 8(1): earnings in the week before), keeping £112.71.
    """
    points = {p.payment.amount: p for p in kept_curve(CARER, JUNE, up_to=300, step=50)}
    assert points[Decimal("196.00")].kept == Money.gbp("196.00")
    assert not points[Decimal("196.00")].cliff
    assert points[Decimal("196.01")].kept == Money.gbp("112.71")
    assert points[Decimal("196.01")].cliff
    assert sorted(points) == sorted(
        Decimal(x)
        for x in (
            "0.00",
            "50.00",
            "100.00",
            "150.00",
            "196.00",
            "196.01",
            "200.00",
            "250.00",
            "300.00",
        )
    )


def test_kept_curve_refuses_a_step_of_nothing_and_floats():
    with pytest.raises(ValidationError, match="step"):
        kept_curve(CARER, JUNE, step=0)
    with pytest.raises(ValidationError, match="float"):
        kept_curve(CARER, JUNE, up_to=10.5)  # type: ignore[arg-type]


def test_kept_against_payment_draws_kept_diagonal_safe_line_and_cliff_marker():
    figure = kept_against_payment(CARER, JUNE, up_to=400, title="CA")
    axes = figure.axes[0]
    labels = [line.get_label() for line in axes.get_lines()]
    assert labels == [
        "kept",
        "paid (if nothing were lost)",
        "largest payment that changes nothing: £196.00",
    ]
    kept = axes.get_lines()[0]
    xs, ys = list(kept.get_xdata()), list(kept.get_ydata())
    assert ys[xs.index(196.0)] == pytest.approx(196.0)
    assert ys[xs.index(196.01)] == pytest.approx(112.71)
    markers = axes.collections[0]
    assert markers.get_label() == "cliff edge"
    assert [tuple(p) for p in markers.get_offsets()] == [pytest.approx((196.01, 112.71))]
    assert axes.get_title() == "CA"
    assert axes.get_xlabel() == "payment offered (£)"


def test_a_taper_has_no_cliff_marker():
    """UC with no work allowance: 55% taper from the first penny (UC Regs 2013 reg. 22)."""
    uc = Household(
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), current_award=Money.gbp("800.00")
        )
    )
    axes = kept_against_payment(uc, JUNE, up_to=200, step=100).axes[0]
    assert not axes.collections
    kept = dict(zip(axes.get_lines()[0].get_xdata(), axes.get_lines()[0].get_ydata(), strict=True))
    assert kept[100.0] == pytest.approx(45.0)  # £100 less 55% = £45 kept
    assert kept[200.0] == pytest.approx(90.0)


def test_charts_draw_on_given_axes():
    from matplotlib.figure import Figure

    figure = Figure()
    left, right = figure.subplots(1, 2)
    assert kept_against_payment(CARER, JUNE, up_to=50, step=25, ax=left) is figure
    assert ladder_chart(DecisionRecord(), ax=right) is figure
    assert right.get_title() == "Who holds each decision"


def test_ladder_chart_bars_are_the_rungs_of_each_decision():
    """Mapping from power_scale.toml: jointly is rung 6, partner-led 8, university alone 1."""
    record = DecisionRecord.of(research_questions=Holding.JOINTLY, recruitment=Holding.PARTNER_LED)
    axes = ladder_chart(record).axes[0]
    widths = [float(bar.get_width()) for bar in axes.containers[0]]
    rungs = dict(zip(list(Decision), widths, strict=True))
    assert rungs[Decision.RESEARCH_QUESTIONS] == 6.0
    assert rungs[Decision.RECRUITMENT] == 8.0
    assert rungs[Decision.METHODS] == 1.0
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[0] == "research questions (core): jointly"
    assert labels[2] == "recruitment: partner led"
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend[1:] == ["Non-participation", "Tokenism", "Citizen power"]
    assert legend[0].startswith("the project: ")


def test_budget_by_holder_stacks_kinds_per_holder_largest_first():
    budget = Budget(
        [
            BudgetLine(
                "fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(900), holder=Holder.university()
            ),
            BudgetLine(
                "a", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(3000), holder=Holder.partner("A")
            ),
            BudgetLine(
                "a-time", LineKind.PARTNER_STAFF_TIME, Money.gbp(500), holder=Holder.partner("A")
            ),
        ]
    )
    axes = budget_by_holder(budget).axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [
        "A (partner organisation)",
        "university (university)",
    ]
    totals = {}
    for container in axes.containers:
        for position, bar in enumerate(container):
            totals[position] = totals.get(position, 0.0) + float(bar.get_width())
    assert totals == {0: 3500.0, 1: 900.0}
    assert {c.get_label() for c in axes.containers} == {
        "contributor fees",
        "community activities",
        "partner staff time",
    }


def test_risk_table_counts_contributors_cliffs_and_loss_by_month_and_benefit():
    """Two carers: £250 on 10 June 2025 loses the week from 16 June, £83.30 (a cliff); £50
    loses nothing; £300 on 8 July loses the week from 14 July. Each lost week is counted in
    the month it starts."""
    checks = {
        "c1": assess_payment(CARER, 250, JUNE),
        "c2": assess_payment(CARER, 50, JUNE),
        "c3": assess_payment(CARER, 300, dt.date(2025, 7, 8)),
    }
    rows = risk_table(checks).rows
    assert [(r.month, r.benefit.value, r.contributors, r.cliffs, r.lost) for r in rows] == [
        ("2025-06", "carers_allowance", 1, 1, Money.gbp("83.30")),
        ("2025-07", "carers_allowance", 1, 1, Money.gbp("83.30")),
    ]
    assert "| 2025-06 | carers allowance | 1 | 1 | £83.30 |" in risk_table(checks).markdown()
    assert risk_table(checks)._repr_markdown_() == risk_table(checks).markdown()


def test_risks_by_month_stacks_loss_and_labels_cliffs():
    checks = [assess_payment(CARER, 250, JUNE), assess_payment(CARER, 300, dt.date(2025, 7, 8))]
    axes = risks_by_month(checks).axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["2025-06", "2025-07"]
    assert [float(p.get_height()) for p in axes.patches] == [83.3, 83.3]
    assert [t.get_text() for t in axes.texts] == ["1 cliff edge", "1 cliff edge"]
    assert axes.get_legend().get_texts()[0].get_text() == "carers allowance"


def test_no_changes_draws_an_empty_chart():
    axes = risks_by_month([assess_payment(CARER, 10, JUNE)]).axes[0]
    assert not axes.patches
    assert axes.get_legend() is None


def test_without_matplotlib_the_error_names_the_plot_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    monkeypatch.setitem(sys.modules, "matplotlib.backends.backend_agg", None)
    with pytest.raises(PlottingNotInstalled, match=r"participatory\[plot\]"):
        ladder_chart(DecisionRecord())
    # The data functions need no matplotlib.
    assert risk_table([]).rows == ()


def test_figures_never_use_pyplot():
    kept_against_payment(CARER, JUNE, up_to=50, step=25)
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # another test may have imported it; no figure of ours is open
        assert pyplot.get_fignums() == []
