"""A small seed fund for early conversations, like UCL's "Listen and Learn".

The Bath report recommends "a seed fund that can be used to fund early-stage conversations
and relationship building with communities" before any application, and describes UCL's
Co-Production Collective giving "v small pots of seed funding … 'Listen and Learn' tiny
amount of money for researchers to have conversations with community groups to pay people
for their time" (Jopson 2022, secs. 2.3 and 5.6).

The rules modelled, each a finding with reasons:

- ``SEED-NOT-EARLY``: every line must be spent before any funding application;
- ``SEED-NO-PAY-FOR-TIME``: the application must pay people's time (contributor fees or a
  partner organisation's staff time);
- ``SEED-OVER-CAP``: the amount asked for must not exceed the award cap.

The cap is the **institution's** figure: the report gives no amount for Listen and Learn,
so the library ships none. Pass it (:class:`SeedFundRules`) or read it from an institution
parameter file (:meth:`SeedFundRules.from_parameters`, parameter ``<fund>.award_cap``).

>>> import datetime as dt
>>> from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind, Timing
>>> rules = SeedFundRules("Listen and Learn", award_cap=Money.gbp(500))
>>> ask = Budget((BudgetLine("chats", LineKind.CONTRIBUTOR_FEES, Money.gbp(300),
...                          holder=Holder.university(), timing=Timing.BEFORE_APPLICATION),))
>>> decision = assess_seed_fund_application(SeedFundApplication("coffee-mornings", ask), rules)
>>> decision.eligible, decision.award
(True, Money('300', 'GBP'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

import attrs

from participatory.budget.lines import Budget, LineKind, Timing
from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Citation, Explained, Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.params import ParameterSet
from participatory.core.record import Record
from participatory.core.sources import cite

__all__ = [
    "SeedFundApplication",
    "SeedFundDecision",
    "SeedFundRules",
    "assess_seed_fund_application",
]

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "budget.seed.not_early": (
        "{fund} pays for conversations before any funding application; these lines are "
        "not: {lines}."
    ),
    "budget.seed.no_pay_for_time": (
        "{fund} exists to pay people for their time, and the application has no "
        "contributor fees or partner staff time."
    ),
    "budget.seed.over_cap": "{fund} awards at most {cap}; the application asks for {asked}.",
    "budget.seed.eligible": "The application meets the rules of {fund}: award {asked}.",
    "budget.seed.refused": "The application does not meet the rules of {fund}: no award.",
    "budget.seed.empty": "The application asks for nothing.",
}

_PAYS_TIME = frozenset({LineKind.CONTRIBUTOR_FEES, LineKind.PARTNER_STAFF_TIME})


def _cap(value: object) -> Money:
    if not isinstance(value, Money) or value.is_negative() or value.is_zero():
        raise ValidationError("award_cap", "must be a positive amount of Money")
    return value


@attrs.frozen
class SeedFundRules(Record):
    """One institution's seed fund: its name, award cap and where the cap comes from."""

    name: str
    award_cap: Money = attrs.field(validator=lambda _i, _a, v: _cap(v))
    #: Where the cap was read, when it came from a parameter file.
    cap_source: ParameterUse | None = attrs.field(default=None, kw_only=True)

    @classmethod
    def from_parameters(
        cls, name: str, parameters: ParameterSet, as_at: dt.date, *, key: str = "seed_fund"
    ) -> SeedFundRules:
        """Rules whose cap is the parameter ``<key>.award_cap`` (GBP) in force on ``as_at``.

        The bundled data has no such parameter; an institution lays its own file over it
        (:func:`participatory.core.params.load_parameters`).
        """
        name_of_cap = f"{key}.award_cap"
        use = parameters.use(name_of_cap, as_at)
        return cls(name, parameters.money(name_of_cap, as_at), cap_source=use)


@attrs.frozen
class SeedFundApplication(Record):
    """An application to a seed fund: what it is for, as budget lines."""

    id: str
    budget: Budget


@attrs.frozen
class SeedFundDecision(Explained):
    """Whether an application can be funded, how much, and why."""

    eligible: bool
    award: Money


# Catalogue references, resolved when a decision is explained (``cite`` caches each), not at
# import: reading the sources catalogue is the slowest thing the library does.
_REFERENCES: Final = ("bath_report_2022#s2_3", "bath_report_2022#s5_6")


def _citations() -> tuple[Citation, ...]:
    return tuple(cite(reference) for reference in _REFERENCES)


@computes_exactly
def assess_seed_fund_application(
    application: SeedFundApplication, rules: SeedFundRules
) -> SeedFundDecision:
    """Apply ``rules`` to ``application``; every failed rule is a finding with its reason."""
    if not isinstance(application, SeedFundApplication):
        raise ValidationError("application", "must be a SeedFundApplication")
    if not isinstance(rules, SeedFundRules):
        raise ValidationError("rules", "must be a SeedFundRules")
    budget = application.budget
    asked = budget.total
    values: dict[str, object] = {"fund": rules.name, "asked": asked, "cap": rules.award_cap}
    parameters = (rules.cap_source,) if rules.cap_source else ()
    problems: list[Finding] = []

    def problem(rule_id: str, key: str, **extra: object) -> None:
        problems.append(
            Finding(
                rule_id,
                Severity.PROBLEM,
                key,
                {**values, **extra},
                citations=_citations(),
                parameters=parameters if rule_id == "SEED-OVER-CAP" else (),
                subject=application.id,
            )
        )

    if asked.is_zero():
        problem("SEED-EMPTY", "budget.seed.empty")
    late = [line.id for line in budget.lines if line.timing is not Timing.BEFORE_APPLICATION]
    if late:
        problem("SEED-NOT-EARLY", "budget.seed.not_early", lines=", ".join(late))
    if not any(line.kind in _PAYS_TIME and not line.amount.is_zero() for line in budget.lines):
        problem("SEED-NO-PAY-FOR-TIME", "budget.seed.no_pay_for_time")
    if asked.currency != rules.award_cap.currency or asked > rules.award_cap:
        problem("SEED-OVER-CAP", "budget.seed.over_cap")

    eligible = not problems
    outcome = Finding(
        "SEED-DECISION",
        Severity.MET if eligible else Severity.PROBLEM,
        "budget.seed.eligible" if eligible else "budget.seed.refused",
        values,
        citations=_citations(),
        parameters=parameters,
        subject=application.id,
    )
    return SeedFundDecision(
        eligible=eligible,
        award=asked if eligible else Money.zero(rules.award_cap.currency),
        findings=(outcome, *problems),
    )
