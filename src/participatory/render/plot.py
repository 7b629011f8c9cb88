"""Charts: what a contributor keeps, who holds each decision, where the money sits, risks by month.

Needs the ``plot`` extra (``pip install "participatory[plot]"``). matplotlib is imported
only when a chart is drawn, so ``import participatory.render.plot`` works without it and the
figures' data functions (:func:`kept_curve`, :func:`risk_table`) need nothing more.

Figures are drawn on matplotlib's Agg canvas, never through ``pyplot``: nothing opens a
window and no global state changes. A notebook shows a figure returned from a cell (after
``%matplotlib inline``); elsewhere call ``figure.savefig("chart.png")``. Each function
draws on ``ax`` when given one, so several charts can share a figure.

Every chart says what it shows in words, written from the same data it draws:
:func:`alt_text` gives it (for an ``alt`` attribute, a caption or a screen reader). A
figure a function made itself shows in a notebook as an image carrying that text as its
``alt``; on axes you gave, put ``alt_text(figure)`` beside the figure yourself.

>>> import datetime as dt
>>> from participatory.benefits import CarersAllowanceClaim, Household, Person
>>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
>>> figure = kept_against_payment(carer, dt.date(2025, 6, 10), up_to=400)
>>> [line.get_label() for line in figure.axes[0].get_lines()]
['kept', 'paid (if nothing were lost)', 'largest payment that changes nothing: £196.00']
>>> print(alt_text(figure))  # doctest: +NORMALIZE_WHITESPACE
Line chart of what the contributor keeps of one payment received on 2025-06-10, for
payments from £0.00 to £400.00. Up to £196.00, the largest payment that changes nothing,
they keep all of it. One penny more, £196.01, loses Carer's Allowance outright (a cliff
edge): they keep £112.71. Only from £279.31 do they keep more than at £196.00. Of £400.00
they keep £316.70 (£83.30 lost).

Money is exact everywhere else in the library; here amounts become floats only to be drawn.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import itertools
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from participatory.benefits.engine import assess_payment
from participatory.benefits.household import Household
from participatory.benefits.kinds import Benefit
from participatory.benefits.outcomes import BenefitsCheck
from participatory.benefits.planning import plan_safe_payment
from participatory.budget.lines import Budget, LineKind
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.pennies import from_pennies
from participatory.core.record import Record
from participatory.power.decisions import Decision, DecisionRecord
from participatory.power.frameworks import arnstein_ladder
from participatory.power.ladders import place
from participatory.power.scale import PowerScale, power_scale

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "KeptPoint",
    "PlottingNotInstalled",
    "RiskRow",
    "RiskTable",
    "alt_text",
    "budget_by_holder",
    "kept_against_payment",
    "kept_curve",
    "ladder_chart",
    "risk_table",
    "risks_by_month",
]

_PENNY = Decimal("0.01")
# Colours from the Okabe-Ito palette, distinguishable with the common colour-vision
# differences; every series also has a label, so colour is never the only cue.
_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
_GROUPING_COLOURS = {
    "Non-participation": "#D55E00",
    "Tokenism": "#E69F00",
    "Citizen power": "#009E73",
}


class PlottingNotInstalled(ParticipatoryError, ImportError):
    """matplotlib is missing: install the ``plot`` extra."""


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    """``ax`` and its figure, or a new figure on the Agg canvas with one axes."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        figure_class = _described_figure_class()
    except ImportError as error:
        raise PlottingNotInstalled(
            "participatory.render.plot needs matplotlib: install the plot extra, "
            "pip install 'participatory[plot]' ('.[plot]' from a checkout)"
        ) from error
    if ax is not None:
        figure = ax.get_figure()
        if figure is None:  # pragma: no cover - an axes always belongs to a figure
            raise ValidationError("ax", "must belong to a figure")
        return figure, ax  # type: ignore[return-value]
    figure = figure_class(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


# The words each chart drawn on a figure says it shows, in drawing order. Weak keys: the
# text goes when the figure does.
_ALT_TEXTS: weakref.WeakKeyDictionary[Figure, list[str]] = weakref.WeakKeyDictionary()


@functools.cache
def _described_figure_class() -> type[Figure]:
    """A Figure that a notebook shows as a PNG image with its alt text.

    Defined on first use, so that matplotlib is imported only when a chart is drawn.
    """
    from matplotlib.figure import Figure

    class DescribedFigure(Figure):
        """A figure drawn by this module: in a notebook, an image with its ``alt`` text."""

        def _repr_html_(self) -> str:
            png = io.BytesIO()
            self.savefig(png, format="png", bbox_inches="tight")
            data = base64.b64encode(png.getvalue()).decode("ascii")
            alt = _escape_attribute(alt_text(self))
            return f'<img src="data:image/png;base64,{data}" alt="{alt}" style="max-width:100%">'

    return DescribedFigure


def _escape_attribute(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _describe(figure: Figure, text: str) -> None:
    _ALT_TEXTS.setdefault(figure, []).append(text)


def alt_text(figure: Figure) -> str:
    """What ``figure`` shows, in words: one description per chart drawn on it.

    Each description names the kind of chart and the message of its data (where the
    contributor's money is lost, which decision sits on which rung, who holds the money,
    which month loses most), with the figures it draws.

    >>> from participatory.power import DecisionRecord, Holding
    >>> figure = ladder_chart(DecisionRecord.of(research_questions=Holding.JOINTLY))
    >>> alt_text(figure).split(". ")[0]
    "Bar chart of the rung on Arnstein's ladder of each of 9 decisions"
    """
    texts = _ALT_TEXTS.get(figure)
    if not texts:
        raise ValidationError("figure", "was not drawn by participatory.render.plot")
    return " ".join(texts)


def _pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _as_money(value: Money | Decimal | int | str, field: str) -> Money:
    if isinstance(value, Money):
        return value
    if isinstance(value, float):
        raise ValidationError(field, "is a float, which cannot hold money exactly")
    return Money.gbp(value)


@attrs.frozen
class KeptPoint(Record):
    """One payment offered, what the contributor keeps of it, and whether a benefit is lost."""

    payment: Money
    kept: Money
    #: Whether entitlement to a benefit is lost outright in some period (a cliff edge).
    cliff: bool


def kept_curve(
    household: Household,
    as_at: dt.date | str,
    *,
    up_to: Money | Decimal | int | str = 600,
    step: Money | Decimal | int | str = 1,
    parameters: ParameterSet | None = None,
) -> tuple[KeptPoint, ...]:
    """What the contributor keeps of each payment from nothing to ``up_to``.

    Each is one fee received on ``as_at``.

    The payments are every ``step`` pounds, plus the largest payment that changes nothing
    and one penny more, so a cliff edge shows exactly where it is.

    >>> import datetime as dt
    >>> from participatory.benefits import CarersAllowanceClaim, Household, Person
    >>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    >>> points = kept_curve(carer, dt.date(2025, 6, 10), up_to=200, step=100)
    >>> for point in points:
    ...     print(point.payment, point.kept, point.cliff)
    0.00 GBP 0.00 GBP False
    100.00 GBP 100.00 GBP False
    196.00 GBP 196.00 GBP False
    196.01 GBP 112.71 GBP True
    200.00 GBP 116.70 GBP True
    """
    top = _as_money(up_to, "up_to").amount
    stride = _as_money(step, "step").amount
    if stride <= 0:
        raise ValidationError("step", "must be more than nothing")
    if top < 0:
        raise ValidationError("up_to", "must not be negative")
    amounts = set()
    current = Decimal(0)
    while current <= top:
        amounts.add(current.quantize(_PENNY))
        current += stride
    safe = plan_safe_payment(household, as_at, parameters=parameters).amount
    if safe is not None:
        for extra in (safe.amount, safe.amount + _PENNY):
            if extra <= top:
                amounts.add(extra.quantize(_PENNY))
    points = []
    for amount in sorted(amounts):
        result = assess_payment(household, Money.gbp(amount), as_at, parameters=parameters)
        points.append(
            KeptPoint(Money.gbp(amount), result.kept, any(row.cliff for row in result.numbers))
        )
    return tuple(points)


def kept_against_payment(
    household: Household,
    as_at: dt.date | str,
    *,
    up_to: Money | Decimal | int | str = 600,
    step: Money | Decimal | int | str = 1,
    title: str | None = None,
    parameters: ParameterSet | None = None,
    ax: Axes | None = None,
) -> Figure:
    """A chart of what the contributor keeps against the payment offered.

    Each payment is one fee received on ``as_at``.

    Lines, in order: ``kept``; ``paid (if nothing were lost)``, the diagonal a payment
    would follow if no benefit changed; and the largest payment that changes nothing
    (a vertical line, left out when there is no limit). A taper is a line flatter than the
    diagonal; a cliff edge is a vertical drop, marked ``cliff edge``.
    """
    points = kept_curve(household, as_at, up_to=up_to, step=step, parameters=parameters)
    figure, axes = _new_axes(ax, (7.0, 4.5))
    xs = [float(p.payment.amount) for p in points]
    axes.plot(xs, [float(p.kept.amount) for p in points], color=_PALETTE[0], lw=2, label="kept")
    axes.plot(
        [xs[0], xs[-1]],
        [xs[0], xs[-1]],
        color="grey",
        ls="--",
        lw=1,
        label="paid (if nothing were lost)",
    )
    safe = plan_safe_payment(household, as_at, parameters=parameters).amount
    if safe is not None and safe.amount <= Decimal(str(xs[-1])):
        axes.axvline(
            float(safe.amount),
            color=_PALETTE[2],
            ls=":",
            lw=1.5,
            label=f"largest payment that changes nothing: {_pounds(safe.amount)}",
        )
    edges = [
        later for earlier, later in itertools.pairwise(points) if later.cliff and not earlier.cliff
    ]
    if edges:
        axes.scatter(
            [float(p.payment.amount) for p in edges],
            [float(p.kept.amount) for p in edges],
            color=_PALETTE[5],
            marker="v",
            zorder=3,
            label="cliff edge",
        )
    axes.set_xlabel("payment offered (£)")
    axes.set_ylabel("kept, after any benefit lost (£)")
    axes.set_title(title or f"What the contributor keeps of a payment on {as_at}")
    axes.set_xlim(left=0)
    axes.set_ylim(bottom=0)
    axes.legend(loc="upper left", fontsize="small")
    axes.grid(alpha=0.3)
    _describe(figure, _kept_words(household, as_at, points, safe, parameters))
    return figure


def _kept_words(
    household: Household,
    as_at: dt.date | str,
    points: tuple[KeptPoint, ...],
    safe: Money | None,
    parameters: ParameterSet | None,
) -> str:
    """The message of a kept-against-payment chart: where money is lost, and how much."""
    first, last = points[0], points[-1]
    words = [
        f"Line chart of what the contributor keeps of one payment received on {as_at}, "
        f"for payments from {_pounds(first.payment.amount)} to {_pounds(last.payment.amount)}."
    ]
    if safe is None:
        words.append("No payment in that range is safe from a change in benefits.")
    elif safe.amount >= last.payment.amount:
        words.append(f"They keep all of it: nothing changes up to {_pounds(safe.amount)}.")
        return " ".join(words)
    elif safe.amount == 0:
        words.append("Any payment at all changes a benefit.")
    else:
        words.append(
            f"Up to {_pounds(safe.amount)}, the largest payment that changes nothing, "
            "they keep all of it."
        )
    edge = next(
        (b for a, b in itertools.pairwise(points) if b.cliff and not a.cliff),
        None,
    )
    if edge is not None:
        check = assess_payment(household, edge.payment, as_at, parameters=parameters)
        lost = sorted({row.benefit.label for row in check.numbers if row.cliff})
        penny = safe is not None and edge.payment.amount == safe.amount + _PENNY
        where = (
            f"One penny more, {_pounds(edge.payment.amount)},"
            if penny
            else f"At {_pounds(edge.payment.amount)} a payment"
        )
        words.append(
            f"{where} loses {' and '.join(lost)} outright (a cliff edge): they keep "
            f"{_pounds(edge.kept.amount)}."
        )
        if safe is not None:
            better = _first_better_than(household, as_at, points, edge, safe, parameters)
            if better is None:
                words.append(
                    f"No payment up to {_pounds(last.payment.amount)} keeps more than "
                    f"{_pounds(safe.amount)}."
                )
            else:
                words.append(
                    f"Only from {_pounds(better)} do they keep more than at {_pounds(safe.amount)}."
                )
    elif safe is not None:
        words.append(_taper_words(points, safe.amount))
    lost_at_top = last.payment.amount - last.kept.amount
    words.append(
        f"Of {_pounds(last.payment.amount)} they keep {_pounds(last.kept.amount)}"
        + (f" ({_pounds(lost_at_top)} lost)." if lost_at_top else ".")
    )
    return " ".join(words)


def _kept_share(pence: int) -> str:
    if pence >= 100:
        return "all of it"
    if pence <= 0:
        return "nothing"
    return f"{pence}p"


def _taper_words(points: tuple[KeptPoint, ...], safe: Decimal) -> str:
    """How much of each further pound above ``safe`` is kept, stretch by stretch."""
    # Runs of equal pence kept per pound: [pence, first point, last point, intervals].
    runs: list[list[Any]] = []
    above = [p for p in points if p.payment.amount >= safe]
    for a, b in itertools.pairwise(above):
        if b.payment.amount - a.payment.amount <= _PENNY:
            continue  # the penny past the safe payment: rounding, not a rate
        rate = (b.kept.amount - a.kept.amount) / (b.payment.amount - a.payment.amount)
        pence = int((rate * 100).quantize(Decimal(1)))
        if runs and runs[-1][0] == pence:
            runs[-1][2:] = [b, runs[-1][3] + 1]
        else:
            runs.append([pence, a, b, 1])
    # A run of one interval between two others holds the kink between them: put the
    # boundary where the two rates meet, to the penny.
    index = 1
    while index < len(runs) - 1:
        before, middle, after = runs[index - 1], runs[index], runs[index + 1]
        if middle[3] == 1 and before[0] != after[0]:
            r1, r2 = Decimal(before[0]) / 100, Decimal(after[0]) / 100
            a, b = middle[1], middle[2]
            kink = (
                b.kept.amount - a.kept.amount - r2 * b.payment.amount + r1 * a.payment.amount
            ) / (r1 - r2)
            at = KeptPoint(Money.gbp(kink.quantize(_PENNY)), a.kept, False)
            before[2], after[1] = at, at
            del runs[index]
        else:
            index += 1
    if not runs:
        return ""
    runs[0][1] = KeptPoint(Money.gbp(safe), runs[0][1].kept, False)
    if len(runs) == 1 and safe == 0:
        return f"Of every pound they keep {_kept_share(runs[0][0])}."
    if len(runs) == 1:
        return f"Above {_pounds(safe)} each further pound keeps {_kept_share(runs[0][0])}."
    if len(runs) <= 4:
        stretches = [
            f"from {_pounds(run[1].payment.amount)} to {_pounds(run[2].payment.amount)}, "
            f"{_kept_share(run[0])}"
            for run in runs[:-1]
        ]
        stretches.append(f"above {_pounds(runs[-1][1].payment.amount)}, {_kept_share(runs[-1][0])}")
        return "Of each further pound they keep: " + "; ".join(stretches) + "."
    top = points[-1]
    pence = int(((top.kept.amount - safe) / (top.payment.amount - safe) * 100).quantize(1))
    return f"Above {_pounds(safe)} each further pound keeps about {_kept_share(pence)} on average."


def _first_better_than(
    household: Household,
    as_at: dt.date | str,
    points: tuple[KeptPoint, ...],
    edge: KeptPoint,
    safe: Money,
    parameters: ParameterSet | None,
) -> Decimal | None:
    """The smallest payment after the cliff edge that keeps more than the safe payment."""
    after = [p for p in points if p.payment.amount >= edge.payment.amount]
    for before, point in itertools.pairwise(after):
        if point.kept.amount > safe.amount:
            # Between the two points drawn each pound is kept: the exact penny is
            # ``safe - kept`` above the earlier point, if the engine agrees.
            guess = before.payment.amount + (safe.amount - before.kept.amount) + _PENNY
            if before.payment.amount < guess < point.payment.amount:
                kept = assess_payment(household, Money.gbp(guess), as_at, parameters=parameters)
                if kept.kept.amount > safe.amount:
                    return guess
            return point.payment.amount
    return None


def ladder_chart(
    record: DecisionRecord,
    *,
    scale: PowerScale | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Each decision's rung on Arnstein's ladder, and where the whole project sits.

    One horizontal bar per :class:`~participatory.power.decisions.Decision` (core decisions
    marked), as long as the rung its effective holding maps to, coloured by the rung's
    grouping; a vertical line marks the project's placement.

    >>> from participatory.power import DecisionRecord, Holding
    >>> figure = ladder_chart(DecisionRecord.of(research_questions=Holding.JOINTLY))
    >>> axes = figure.axes[0]
    >>> [float(bar.get_width()) for bar in axes.patches][:2]
    [6.0, 1.0]
    >>> axes.get_lines()[0].get_label()
    'the project: Manipulation (rung 1)'
    """
    scale = scale or power_scale()
    rungs = {r.number: r for r in arnstein_ladder()}
    decisions = list(Decision)
    placement = place(record, scale)
    figure, axes = _new_axes(ax, (10.0, 4.5))
    heights = [
        float(scale.placement(record.right(d).effective_holding).arnstein_rung) for d in decisions
    ]
    labels = [
        d.label + (" (core)" if d in scale.core_decisions else "") + f": {record.holding(d).label}"
        for d in decisions
    ]
    colours = [_GROUPING_COLOURS.get(rungs[int(h)].grouping, _PALETTE[0]) for h in heights]
    positions = list(range(len(decisions)))
    axes.barh(positions, heights, color=colours)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xticks(
        sorted(rungs), [f"{n} {rungs[n].name}" for n in sorted(rungs)], rotation=35, ha="right"
    )
    axes.set_xlim(0, max(rungs) + 0.5)
    axes.axvline(
        placement.rung.number,
        color="black",
        ls="--",
        lw=1.5,
        label=f"the project: {placement.rung.name} (rung {placement.rung.number})",
    )
    from matplotlib.patches import Patch  # importable: _new_axes checked matplotlib

    handles, _ = axes.get_legend_handles_labels()
    handles += [Patch(color=colour, label=name) for name, colour in _GROUPING_COLOURS.items()]
    axes.set_xlabel("Arnstein's ladder of citizen participation")
    axes.set_title(title or "Who holds each decision")
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    by_rung: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for decision, height in zip(decisions, heights, strict=True):
        core = " (core)" if decision in scale.core_decisions else ""
        by_rung[int(height)].append((decision.label + core, record.holding(decision).label))
    groups = []
    for number in sorted(by_rung, reverse=True):
        held = by_rung[number]
        if len({how for _, how in held}) == 1:
            names = ", ".join(name for name, _ in held)
            groups.append(f"Rung {number}, {rungs[number].name} ({held[0][1]}): {names}.")
        else:
            names = ", ".join(f"{name}, {how}" for name, how in held)
            groups.append(f"Rung {number}, {rungs[number].name}: {names}.")
    _describe(
        figure,
        f"Bar chart of the rung on Arnstein's ladder of each of {len(decisions)} decisions. "
        f"The project as a whole sits at rung {placement.rung.number}, "
        f"{placement.rung.name} ({rungs[placement.rung.number].grouping}). " + " ".join(groups),
    )
    return figure


def budget_by_holder(budget: Budget, *, title: str | None = None, ax: Axes | None = None) -> Figure:
    """The budget as one stacked bar per holder, one segment per kind of line.

    >>> from participatory.budget import Budget, BudgetLine, Holder, LineKind
    >>> from participatory.core.money import Money
    >>> budget = Budget([
    ...     BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(900),
    ...                holder=Holder.university()),
    ...     BudgetLine("fund", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(3000),
    ...                holder=Holder.partner("Partner A"))])
    >>> axes = budget_by_holder(budget).axes[0]
    >>> [tick.get_text() for tick in axes.get_yticklabels()]
    ['Partner A (partner organisation)', 'university (university)']
    >>> [(bar.get_label(), float(bar.get_width())) for bar in axes.containers[0]]
    [('_nolegend_', 0.0), ('_nolegend_', 900.0)]
    >>> [container.get_label() for container in axes.containers]
    ['contributor fees', 'community activities']
    """
    totals: dict[Any, dict[LineKind, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for line in budget.lines:
        totals[line.holder][line.kind] += line.amount.amount
    holders = sorted(totals, key=lambda h: (-sum(totals[h].values()), h.name))
    kinds = [k for k in LineKind if any(k in totals[h] for h in holders)]
    figure, axes = _new_axes(ax, (9.0, 1.6 + 0.6 * max(len(holders), 1)))
    positions = list(range(len(holders)))
    left = [0.0] * len(holders)
    for index, kind in enumerate(kinds):
        widths = [float(totals[h].get(kind, Decimal(0))) for h in holders]
        axes.barh(
            positions,
            widths,
            left=left,
            color=_PALETTE[index % len(_PALETTE)],
            label=kind.value.replace("_", " "),
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_yticks(positions, [f"{h.name} ({h.kind.value.replace('_', ' ')})" for h in holders])
    axes.invert_yaxis()
    axes.set_xlabel(f"amount ({budget.currency})")
    axes.set_title(title or "Who holds the budget, by kind of line")
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    _describe(figure, _budget_words(budget, holders, kinds, totals))
    return figure


def _budget_words(
    budget: Budget,
    holders: list[Any],
    kinds: list[LineKind],
    totals: Mapping[Any, Mapping[LineKind, Decimal]],
) -> str:
    """The message of a budget chart: who holds how much of it, and for what."""
    whole = sum((sum(totals[h].values(), Decimal(0)) for h in holders), Decimal(0))
    words = [
        f"Stacked bar chart of who holds the budget of {_pounds(whole)} "
        f"({budget.currency}), one bar per holder, by kind of line."
    ]
    if not holders:
        return words[0] + " The budget has no lines."
    for holder in holders:
        held = sum(totals[holder].values(), Decimal(0))
        share = f" ({held / whole:.0%})" if whole else ""
        parts = ", ".join(
            f"{kind.value.replace('_', ' ')} {_pounds(totals[holder][kind])}"
            for kind in kinds
            if kind in totals[holder]
        )
        kind_name = holder.kind.value.replace("_", " ")
        words.append(f"{holder.name} ({kind_name}) holds {_pounds(held)}{share}: {parts}.")
    return " ".join(words)


@attrs.frozen
class RiskRow(Record):
    """One month and one benefit, across every contributor checked.

    The month is that of the first day of the benefit week or assessment period.
    """

    month: str
    benefit: Benefit
    #: Contributors with this benefit lower in some period starting this month.
    contributors: int
    #: Periods in which entitlement was lost outright.
    cliffs: int
    #: Benefit lost, knock-on gains netted off.
    lost: Money


@attrs.frozen
class RiskTable(Record):
    """The rows of :func:`risk_table`; shown as a table in a notebook."""

    rows: tuple[RiskRow, ...]

    def markdown(self) -> str:
        """The rows as a Markdown table."""
        lines = [
            "| Month | Benefit | Contributors affected | Cliff edges | Benefit lost |",
            "|---|---|---:|---:|---:|",
        ]
        lines.extend(
            f"| {r.month} | {r.benefit.value.replace('_', ' ')} | {r.contributors} | "
            f"{r.cliffs} | {_pounds(r.lost.amount)} |"
            for r in self.rows
        )
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.markdown()


def risk_table(checks: Mapping[str, BenefitsCheck] | Iterable[BenefitsCheck]) -> RiskTable:
    """Benefit changes by month and benefit, from many contributors' checks.

    ``checks`` maps a pseudonymous contributor id to that contributor's check (or is just
    the checks, one per contributor). Only months and benefits where something changes
    are listed.

    >>> import datetime as dt
    >>> from participatory.benefits import CarersAllowanceClaim, Household, Person, assess_payment
    >>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    >>> checks = {"c1": assess_payment(carer, 250, dt.date(2025, 6, 10)),
    ...           "c2": assess_payment(carer, 50, dt.date(2025, 6, 17))}
    >>> print(risk_table(checks).markdown())
    | Month | Benefit | Contributors affected | Cliff edges | Benefit lost |
    |---|---|---:|---:|---:|
    | 2025-06 | carers allowance | 1 | 1 | £83.30 |
    """
    items = (
        list(checks.items())
        if isinstance(checks, Mapping)
        else [(str(i), c) for i, c in enumerate(checks)]
    )
    people: dict[tuple[str, Benefit], set[str]] = defaultdict(set)
    cliffs: dict[tuple[str, Benefit], int] = defaultdict(int)
    lost: dict[tuple[str, Benefit], Decimal] = defaultdict(Decimal)
    for subject, result in items:
        for row in result.numbers:
            if row.after == row.before:
                continue
            key = (row.period.start.strftime("%Y-%m"), row.benefit)
            lost[key] += from_pennies(row.before - row.after)
            cliffs[key] += int(row.cliff)
            if row.after < row.before:
                people[key].add(subject)
    order = {b: i for i, b in enumerate(Benefit)}
    rows = tuple(
        RiskRow(
            month,
            benefit,
            len(people[(month, benefit)]),
            cliffs[(month, benefit)],
            Money.gbp(lost[(month, benefit)]),
        )
        for month, benefit in sorted(lost, key=lambda k: (k[0], order[k[1]]))
    )
    return RiskTable(rows)


def risks_by_month(
    checks: Mapping[str, BenefitsCheck] | Iterable[BenefitsCheck],
    *,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Benefit lost each month, stacked by benefit, with the number of cliff edges above.

    >>> import datetime as dt
    >>> from participatory.benefits import CarersAllowanceClaim, Household, Person, assess_payment
    >>> carer = Household(people=[Person(carers_allowance=CarersAllowanceClaim())])
    >>> figure = risks_by_month([assess_payment(carer, 250, dt.date(2025, 6, 10))])
    >>> axes = figure.axes[0]
    >>> [t.get_text() for t in axes.get_xticklabels()]
    ['2025-06']
    >>> [float(bar.get_height()) for bar in axes.patches]
    [83.3]
    >>> [t.get_text() for t in axes.texts]
    ['1 cliff edge']
    """
    table = risk_table(checks)
    months = sorted({r.month for r in table.rows})
    benefits = [b for b in Benefit if any(r.benefit is b for r in table.rows)]
    figure, axes = _new_axes(ax, (8.0, 4.5))
    positions = list(range(len(months)))
    bottom = [0.0] * len(months)
    for index, benefit in enumerate(benefits):
        heights = [
            float(
                sum(
                    (r.lost.amount for r in table.rows if r.month == m and r.benefit is benefit),
                    Decimal(0),
                )
            )
            for m in months
        ]
        axes.bar(
            positions,
            heights,
            bottom=bottom,
            color=_PALETTE[index % len(_PALETTE)],
            label=benefit.value.replace("_", " "),
        )
        bottom = [a + b for a, b in zip(bottom, heights, strict=True)]
    for position, month, top in zip(positions, months, bottom, strict=True):
        count = sum(r.cliffs for r in table.rows if r.month == month)
        if count:
            axes.annotate(
                f"{count} cliff edge{'s' if count != 1 else ''}",
                (position, top),
                ha="center",
                va="bottom",
                fontsize="x-small",
            )
    axes.set_xticks(positions, months, rotation=45, ha="right")
    axes.set_ylabel("benefit lost (£)")
    axes.set_title(title or "Benefit lost each month, by benefit")
    if benefits:
        axes.legend(fontsize="small")
    _describe(figure, _risk_words(table))
    return figure


def _risk_words(table: RiskTable) -> str:
    """The message of a risks-by-month chart: how much is lost, when, to which benefits."""
    kind = "Stacked bar chart of benefit lost each month, by benefit"
    if not table.rows:
        return f"{kind}: no benefit is lost in any month."
    by_month: dict[str, Decimal] = defaultdict(Decimal)
    by_benefit: dict[Benefit, Decimal] = defaultdict(Decimal)
    for row in table.rows:
        by_month[row.month] += row.lost.amount
        by_benefit[row.benefit] += row.lost.amount
    total = sum(by_month.values(), Decimal(0))
    worst = max(sorted(by_month), key=lambda month: by_month[month])
    cliffs = sum(row.cliffs for row in table.rows)
    benefits = ", ".join(
        f"{benefit.label} {_pounds(amount)}"
        for benefit, amount in sorted(by_benefit.items(), key=lambda item: -item[1])
    )
    if len(by_month) == 1:
        when = f"in {worst}"
    else:
        when = (
            f"over {len(by_month)} months ({min(by_month)} to {max(by_month)}); the most in "
            f"{worst}, {_pounds(by_month[worst])}"
        )
    return (
        f"{kind}. {_pounds(total)} is lost {when}. By benefit: {benefits}. "
        f"{cliffs} cliff edge{'s' if cliffs != 1 else ''} in all."
    )
