"""One call of each of the other engines a form or finance system calls on every save.

* an ethics classification (:func:`participatory.ethics.assess_activity`);
* a fund split to the penny (:func:`participatory.budget.split_fund`, over
  :func:`participatory.core.money.allocate`);
* costing one activity on a rate card (:func:`participatory.payments.cost_activity`).

Each answer is checked against a figure worked by hand (in the test's comments).
"""

from __future__ import annotations

import datetime as dt

from participatory.budget import split_fund
from participatory.core.money import Money
from participatory.ethics import (
    Activity,
    Capacity,
    Party,
    Setting,
    Task,
    TriageOutcome,
    assess_activity,
    bundled_guidance,
)
from participatory.payments import ActivityKind, Duration, bundled_rate_card, cost_activity


def test_ethics_classification(benchmark) -> None:
    # Joint HRA/INVOLVE guidance: public advisers who advise and co-design, whose own data is
    # not analysed, are not research participants, so the activity is involvement (even in
    # an NHS setting, and even though the study itself is generalisable research).
    advisers = Party(
        "patient advisers",
        Capacity.PUBLIC_CONTRIBUTOR,
        tasks={Task.ADVISE, Task.CO_DESIGN},
        facts={"own_data_analysed": False, "vulnerable": False, "under_18": False},
    )
    activity = Activity(
        "advisory group", parties=[advisers], facts={"generalisable": True}, setting=Setting.NHS
    )
    bundled_guidance()  # loaded once per process, as in any long-running caller
    result = benchmark(assess_activity, activity, as_at=dt.date(2026, 2, 1))
    assert result.outcome is TriageOutcome.INVOLVEMENT


def test_budget_split(benchmark) -> None:
    # £10,000 split 3 : 2 : 2 : 1 is £3,750, £2,500, £2,500 and £1,250 exactly; £1,000 split
    # equally three ways is £333.33 each with one penny left, which goes to one partner.
    partners = ["community partner", "charity", "university", "NHS trust"]
    parts = benchmark(split_fund, Money.gbp(10_000), partners, [3, 2, 2, 1])
    assert [money for _name, money in parts] == [
        Money.gbp(3750),
        Money.gbp(2500),
        Money.gbp(2500),
        Money.gbp(1250),
    ]
    thirds = sorted(money for _name, money in split_fund(Money.gbp(1000), partners[:3]))
    assert thirds == [Money.gbp("333.33"), Money.gbp("333.33"), Money.gbp("333.34")]


def test_cost_one_activity(benchmark) -> None:
    # Skills for Care card ("Skills for Care | £15 per hour |", read only in Difference North
    # East's guide, so unverified): a meeting is paid at its rate for other involvement and
    # the card states no preparation rule, so preparation is paid at that rate too:
    # (2 + 1.5) hours x £15 = £52.50. (The NIHR card this used holds no amounts since its
    # remembered figures were removed on 2026-12-06.)
    card = bundled_rate_card("skills_for_care")
    costed = benchmark(
        cost_activity,
        card,
        ActivityKind.MEETING,
        Duration.hours(2),
        as_at=dt.date(2026, 1, 15),
        preparation=Duration.hours("1.5"),
    )
    assert costed.fee == Money.gbp("52.50")
