"""Placing a project on Arnstein's ladder and the IAP2 spectrum from who holds its decisions.

The rule (the numbers are data in ``power_scale.toml``; the frameworks' names and promises
come from ``frameworks.toml``):

1. Each decision's *effective holding* is its holding, raised to "jointly" when partners hold
   a veto. A decision the record leaves out counts as held by the university alone.
2. **Overall**: the weighted lower median of the effective holdings, each core decision
   (research questions, budget and spending, analysis and interpretation) counting three
   times, so that together they outweigh the other six decisions.
   The *lower* median, so a tie never rounds up in the project's favour.
3. **Core**: the least-shared core decision. Power is only as shared as the key decisions
   are (NIHR co-production: joint ownership of key decisions).
4. If overall ≤ core, the project sits where the overall holding maps. If partners share
   most decisions (overall at least "jointly") but a core decision is kept by the
   university, the project is at Arnstein's *Placation* (rung 5) and IAP2 *Involve*: advice
   and planning are invited but the powerholders keep the right to decide. Otherwise the
   core decisions cap the level at the core holding's rung.

Every step can only rise when partners are given more control over any decision, so the
placement is monotone (a property test checks it).

>>> from participatory.power.decisions import DecisionRecord, Holding
>>> everything_joint = DecisionRecord.of(**{d.value: Holding.JOINTLY for d in Decision})
>>> place(everything_joint).rung.name
'Partnership'
>>> kept_budget = everything_joint.with_holding(Decision.BUDGET_AND_SPENDING,
...                                            Holding.AFTER_CONSULTING)
>>> placed = place(kept_budget)
>>> placed.rung.name, placed.iap2.name, [d.value for d in placed.setting_decisions]
('Placation', 'Involve', ['budget_and_spending'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.power.decisions import Decision, DecisionRecord, Holding
from participatory.power.frameworks import IAP2Level, Rung, iap2_spectrum, rung
from participatory.power.scale import LevelPlacement, PowerScale, power_scale

__all__ = ["LadderPlacement", "place"]

_WHERE = (
    "On who holds its decisions the project sits at {rung_name} (Arnstein rung {rung}, {grouping})"
)
#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "power.placement.median": (
        _WHERE + " and IAP2 {iap2_name}: most decisions are held this way ({setting}) and "
        "the core decisions do not hold it back."
    ),
    "power.placement.placation": (
        _WHERE + " and IAP2 {iap2_name}: partners share most decisions, but the university "
        "keeps a core decision ({setting}) and only informs or consults on it."
    ),
    "power.placement.capped": (
        _WHERE + " and IAP2 {iap2_name}: the core decisions cap the level, because "
        "partners hold less of them ({setting})."
    ),
    "power.placement.below_iap2": (
        _WHERE + ", below the IAP2 spectrum: partners are not even informed of the "
        "decisions that set the level ({setting}). (Rungs 1 and 2 differ in the "
        "powerholders' purpose, which a record of decisions cannot show; rung 1 is the "
        "floor of the band.)"
    ),
}


@attrs.frozen
class LadderPlacement(Explained):
    """Where a project sits on Arnstein's ladder and the IAP2 spectrum, and why.

    ``iap2`` is ``None`` when partners are not even informed (below the spectrum).
    ``setting_decisions`` are the decisions that fixed the level.
    """

    rung: Rung
    iap2: IAP2Level | None
    overall: Holding
    core: Holding
    how: str
    setting_decisions: tuple[Decision, ...]

    @property
    def promise(self) -> str | None:
        """The IAP2 promise to the public the project's level implies (a paraphrase)."""
        return self.iap2.promise if self.iap2 is not None else None


def _lower_median(record: DecisionRecord, scale: PowerScale) -> Holding:
    weighted: list[Holding] = []
    for decision in Decision:
        weight = scale.core_weight if decision in scale.core_decisions else 1
        weighted.extend([record.holding(decision)] * weight)
    weighted.sort()
    return weighted[(len(weighted) + 1) // 2 - 1]


def place(record: DecisionRecord, scale: PowerScale | None = None) -> LadderPlacement:
    """Place ``record`` on both frameworks with the rule in this module's docstring."""
    if not isinstance(record, DecisionRecord):
        raise ValidationError("record", "must be a DecisionRecord")
    if scale is not None and not isinstance(scale, PowerScale):
        raise ValidationError("scale", "must be a PowerScale or None")
    scale = scale or power_scale()
    overall = _lower_median(record, scale)
    core = min(record.holding(d) for d in scale.core_decisions)
    level: LevelPlacement
    if overall <= core:
        how, level = "median", scale.placement(overall)
        setting = tuple(d for d in Decision if record.holding(d) is overall)
    else:
        setting = tuple(d for d in scale.core_decisions if record.holding(d) is core)
        if overall.is_shared and not core.is_shared:
            how, level = "placation", scale.placation
        else:
            how, level = "capped", scale.placement(core)
    the_rung = rung(level.arnstein_rung)
    iap2 = iap2_spectrum()[level.iap2_level - 1] if level.iap2_level else None
    values = {
        "rung": the_rung.number,
        "rung_name": the_rung.name,
        "grouping": the_rung.grouping,
        "setting": ", ".join(d.label for d in setting),
        "level_reason": level.reason,
    }
    citations = list(the_rung.sources)
    if iap2 is not None:
        values["iap2_name"] = iap2.name
        values["promise"] = iap2.promise
        citations.extend(iap2.sources)
    result = Finding(
        rule_id="POW-PLACEMENT",
        severity=Severity.INFO,
        message_key=f"power.placement.{how}" if iap2 else "power.placement.below_iap2",
        values=values,
        citations=citations,
    )
    return LadderPlacement(
        rung=the_rung,
        iap2=iap2,
        overall=overall,
        core=core,
        how=how,
        setting_decisions=setting,
        findings=(result,),
    )
