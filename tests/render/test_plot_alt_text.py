"""Every chart says in words what it shows, from the data it draws (its alt text)."""

from __future__ import annotations

import datetime as dt
import inspect
import re

import pytest

pytest.importorskip("matplotlib")

from participatory.benefits import (
    CarersAllowanceClaim,
    Child,
    Household,
    LegacyBenefit,
    LegacyClaim,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.budget import Budget, BudgetLine, Holder, LineKind
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.power import DecisionRecord, Holding
from participatory.render import plot
from participatory.render.plot import (
    alt_text,
    budget_by_holder,
    kept_against_payment,
    ladder_chart,
    risks_by_month,
)

JUNE = dt.date(2025, 6, 10)
CARER = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
BUDGET = Budget(
    [
        BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(900), holder=Holder.university()),
        BudgetLine(
            "fund",
            LineKind.COMMUNITY_ACTIVITIES,
            Money.gbp(3000),
            holder=Holder.partner("Partner A"),
        ),
    ]
)

#: Every chart function, with a call that draws it.
CHARTS = {
    "kept_against_payment": lambda: kept_against_payment(CARER, JUNE, up_to=400),
    "ladder_chart": lambda: ladder_chart(DecisionRecord.of(research_questions=Holding.JOINTLY)),
    "budget_by_holder": lambda: budget_by_holder(BUDGET),
    "risks_by_month": lambda: risks_by_month([assess_payment(CARER, 250, JUNE)]),
}


def test_every_chart_function_is_checked_here():
    """A new chart function must come with alt text (and a line in CHARTS)."""
    charts = {
        name
        for name in plot.__all__
        if inspect.isfunction(getattr(plot, name))
        and "Figure" in str(inspect.signature(getattr(plot, name)).return_annotation)
    }
    assert charts == set(CHARTS)


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_has_alt_text_naming_its_kind_and_giving_figures(name):
    text = alt_text(CHARTS[name]())
    assert re.match(r"(Line|Bar|Stacked bar) chart of ", text), text
    assert re.search(r"\d", text), "the alt text carries the data's figures"
    assert len(text) > 80
    assert "\n" not in text


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_a_notebook_shows_the_chart_as_an_image_with_its_alt_text(name):
    figure = CHARTS[name]()
    html = figure._repr_html_()
    assert html.startswith('<img src="data:image/png;base64,')
    alt = re.search(r' alt="([^"]*)"', html)
    assert alt is not None
    shown = alt.group(1).replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")
    assert shown == alt_text(figure)


def test_the_kept_chart_says_where_the_carers_allowance_cliff_is_and_what_it_costs():
    """Carer's Allowance 2025/26: earnings limit £196 a week, award £83.30 (SI 2025/352).

    A payment of £196.00 keeps everything; £196.01 loses the week's £83.30, keeping
    £196.01 - £83.30 = £112.71. She keeps more than £196 only once p - £83.30 > £196,
    that is from £279.31; of £400 she keeps £400 - £83.30 = £316.70.
    """
    text = alt_text(kept_against_payment(CARER, JUNE, up_to=400))
    assert "Up to £196.00, the largest payment that changes nothing" in text
    assert "£196.01, loses Carer's Allowance outright (a cliff edge)" in text
    assert "they keep £112.71" in text
    assert "Only from £279.31 do they keep more than at £196.00" in text
    assert "Of £400.00 they keep £316.70 (£83.30 lost)." in text


def test_the_kept_chart_of_a_taper_says_how_much_of_each_pound_is_kept():
    """Universal Credit 2025/26 with housing costs and a child: work allowance £411 a month,
    taper 55% (UC Regs 2013 regs. 22 and 36), so 45p of each further pound is kept.

    Of £800: £411 + 45% of £389 = £411 + £175.05 = £586.05, so £213.95 is lost.
    """
    claimant = Household(
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1),
            housing_costs_element=True,
            current_award=Money.gbp("1200.00"),
        ),
    )
    text = alt_text(kept_against_payment(claimant, JUNE, up_to=800, step=10))
    assert "cliff" not in text
    assert "Up to £411.00, the largest payment that changes nothing" in text
    assert "Above £411.00 each further pound keeps 45p." in text
    assert "Of £800.00 they keep £586.05 (£213.95 lost)." in text


def test_the_kept_chart_of_pound_for_pound_says_where_the_benefit_runs_out():
    """Income Support of £92.05 a week with the £5 disregard: each pound above £5 is lost
    until the award is gone at £5 + £92.05 = £97.05; every pound above that is kept.
    Of £300 she keeps £300 - £92.05 = £207.95.
    """
    claimant = Household(
        legacy=LegacyClaim(benefit=LegacyBenefit.INCOME_SUPPORT, weekly_award=Money.gbp("92.05"))
    )
    text = alt_text(kept_against_payment(claimant, JUNE, up_to=300))
    assert (
        "Of each further pound they keep: from £5.00 to £97.05, nothing; above £97.05, all of it."
        in text
    )
    assert "Of £300.00 they keep £207.95 (£92.05 lost)." in text


def test_the_kept_chart_when_every_pound_is_tapered():
    claimant = Household(
        universal_credit=UniversalCreditClaim(
            first_date_of_entitlement=dt.date(2025, 5, 1), current_award=Money.gbp("800.00")
        )
    )
    text = alt_text(kept_against_payment(claimant, JUNE, up_to=800, step=10))
    assert "Any payment at all changes a benefit. Of every pound they keep 45p." in text


def test_the_budget_chart_says_who_holds_what_share():
    """£3,000 of £3,900 is 77% (partner); £900 is 23% (university)."""
    text = alt_text(budget_by_holder(BUDGET))
    assert "budget of £3,900.00" in text
    assert "Partner A (partner organisation) holds £3,000.00 (77%)" in text
    assert "university (university) holds £900.00 (23%): contributor fees £900.00" in text


def test_the_ladder_chart_names_the_projects_rung_and_each_decisions():
    text = alt_text(ladder_chart(DecisionRecord.of(research_questions=Holding.JOINTLY)))
    assert "The project as a whole sits at rung 1, Manipulation" in text
    assert "Rung 6, Partnership (jointly): research questions (core)." in text


def test_the_risk_chart_gives_the_total_the_month_and_the_cliff_edges():
    """One £250 payment on 10 June 2025 loses one week of Carer's Allowance, £83.30."""
    text = alt_text(risks_by_month([assess_payment(CARER, 250, JUNE)]))
    assert "£83.30 is lost in 2025-06" in text
    assert "Carer's Allowance £83.30" in text
    assert "1 cliff edge in all." in text
    assert "no benefit is lost" in alt_text(risks_by_month([]))


def test_charts_drawn_on_given_axes_each_add_their_description():
    first = budget_by_holder(BUDGET)
    ladder_chart(DecisionRecord.of(), ax=first.add_subplot(2, 1, 2))
    text = alt_text(first)
    assert text.startswith("Stacked bar chart of who holds the budget")
    assert "Bar chart of the rung on Arnstein's ladder" in text


def test_a_figure_not_drawn_here_has_no_alt_text():
    from matplotlib.figure import Figure

    with pytest.raises(ValidationError, match="figure"):
        alt_text(Figure())
