"""The library's main entry points, each with one valid call built from the examples.

The hardening tests of issue 17 run every one of them the same ways: under a hostile decimal
context (:mod:`tests.core.test_exact_hardening`), with a wrong argument in each place
(:mod:`tests.core.test_errors_hardening`), through ``pickle`` and ``copy.deepcopy``
(:mod:`tests.project.test_model_hardening`) and while watching process-wide state. A new
entry point added here is covered by all of them at once.

Entry points owned by other engineers (``benefits``, ``ethics``) are here too, marked with
their owner: a case that fails because of their code is an ``xfail(strict=True)`` for them,
listed in :data:`KNOWN_FAILURES` with the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from participatory.assessment import assess
from participatory.benefits import (
    CarersAllowanceClaim,
    Household,
    Person,
    assess_benefits,
    assess_many,
    assess_payment,
)
from participatory.benefits.receipts import Receipt
from participatory.budget.review import assess_budget
from participatory.core.money import Money, allocate, to_decimal
from participatory.core.periods import weekly_to_monthly
from participatory.core.serialise import unstructure
from participatory.ethics import assess_ethics
from participatory.payments.costing import Duration, cost_activity
from participatory.payments.expenses import Vehicle, cost_mileage
from participatory.payments.rates import ActivityKind, bundled_rate_card
from participatory.payments.totals import tax_year_totals
from participatory.project import load_project, parse_project, project_schema
from participatory.render.report import render
from participatory.render.text import sentence
from participatory.timeline.assess import assess_timeline

EXAMPLES = Path(__file__).parents[1] / "examples"

#: The example projects (the other two example files are a rate card and a plan).
PROJECT_FILES = tuple(
    sorted(
        p
        for p in EXAMPLES.glob("*.toml")
        if p.name not in ("payment-plan.toml", "institution-rate-card.toml")
    )
)

#: The day the examples are assessed on.
AS_AT = dt.date(2026, 7, 15)


@attrs.frozen
class EntryPoint:
    """One public function and a valid call of it."""

    name: str
    function: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = attrs.field(factory=dict)
    #: Who fixes a failure in this entry point's own code ("benefits", "ethics"), if not us.
    owner: str | None = None

    def call(self) -> Any:
        return self.function(*self.args, **self.kwargs)

    def slots(self) -> list[tuple[int | str, Any]]:
        """Each argument's place (a position or a keyword) and its valid value."""
        return [*enumerate(self.args), *self.kwargs.items()]

    def call_with(self, slot: int | str, value: object) -> Any:
        """The call with the argument at ``slot`` replaced by ``value``."""
        args, kwargs = list(self.args), dict(self.kwargs)
        if isinstance(slot, int):
            args[slot] = value
        else:
            kwargs[slot] = value
        return self.function(*args, **kwargs)


def _carer() -> Household:
    return Household(people=[Person(carers_allowance=CarersAllowanceClaim())])


@functools.cache
def entry_points() -> tuple[EntryPoint, ...]:
    """Every main entry point, each with a valid call (built once per session)."""
    festival_file = EXAMPLES / "mental-health-festival.toml"
    festival = load_project(festival_file)
    report = assess(festival, as_at=AS_AT)
    carer = _carer()
    receipts = (Receipt(Money.gbp("250.00"), dt.date(2026, 6, 10)),)
    found = [
        EntryPoint(
            "parse_project",
            parse_project,
            (festival_file.read_text(encoding="utf-8"), "toml", str(festival_file)),
        ),
        EntryPoint("load_project", load_project, (festival_file,)),
        *(
            EntryPoint(f"assess[{path.stem}]", assess, (load_project(path),), {"as_at": AS_AT})
            for path in PROJECT_FILES
        ),
        *(
            EntryPoint(
                f"render[{fmt},{locale}]",
                render,
                (report,),
                {"format": fmt, "locale": locale, "include_sensitive": True},
            )
            for fmt in ("text", "markdown", "html", "json")
            for locale in ("en_GB", "cy")
        ),
        EntryPoint("sentence", sentence, (report.findings[0],), {"locale": "cy"}),
        EntryPoint(
            "cost_activity",
            cost_activity,
            (bundled_rate_card("blue_heart"), ActivityKind.MEETING, Duration.hours("2.5")),
            {"as_at": dt.date(2026, 12, 6), "preparation": Duration.hours(1)},
        ),
        EntryPoint(
            "cost_mileage",
            cost_mileage,
            (Vehicle.CAR, "123.4"),
            {"as_at": dt.date(2026, 1, 15), "miles_already_this_tax_year": "9950"},
        ),
        EntryPoint("tax_year_totals", tax_year_totals, (festival.payments,)),
        EntryPoint("assess_timeline", assess_timeline, (festival.timeline,), {"as_at": AS_AT}),
        EntryPoint("assess_budget", assess_budget, (festival.budget,)),
        EntryPoint("allocate", allocate, (Money.gbp("99999.99"), [1, 2, 3])),
        EntryPoint("to_decimal", to_decimal, ("1,234.567",)),
        EntryPoint("weekly_to_monthly", weekly_to_monthly, (to_decimal("86.45"),)),
        EntryPoint("project_schema", project_schema),
        EntryPoint("assess_benefits", assess_benefits, (carer, receipts), owner="benefits"),
        EntryPoint(
            "assess_payment",
            assess_payment,
            (carer, Money.gbp("250.00"), dt.date(2026, 6, 10)),
            owner="benefits",
        ),
        EntryPoint("assess_many", assess_many, ([(carer, receipts)] * 3,), owner="benefits"),
        EntryPoint(
            "assess_ethics",
            assess_ethics,
            (festival.ethics_project(),),
            {"as_at": AS_AT},
            owner="ethics",
        ),
    ]
    return tuple(found)


def by_name(name: str) -> EntryPoint:
    return next(e for e in entry_points() if e.name == name)


def names() -> list[str]:
    return [e.name for e in entry_points()]


def canonical(result: object) -> str:
    """A result as text that differs whenever the result does: its full data and sentences.

    Computed by the caller, in the caller's context, as a caller would read a result.
    """
    if isinstance(result, str):
        return result
    parts = [repr(type(result))]
    try:
        parts.append(json.dumps(unstructure(result, include_sensitive=True), sort_keys=True))
    except Exception:  # a result that is not plain data (a lazily explained batch)
        parts.append(repr(result))
    items = list(result) if isinstance(result, Sequence) else []
    for item in (result, *items):
        for finding in getattr(item, "findings", ()):
            parts.append(sentence(finding, locale="en_GB", include_sensitive=True))
    for attribute in ("paid", "kept", "fee", "total"):
        if hasattr(result, attribute):
            parts.append(repr(getattr(result, attribute)))
    return "\n".join(parts)


#: ``(test, entry point)`` → why it fails today, for a case the owner fixes. Each is run as
#: ``xfail(strict=True)``: it fails the run the day it starts passing, so it is removed here.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}


def known_failure(test: str, name: str) -> list[Any]:
    """The pytest marks for ``name`` in ``test``: an xfail(strict) if it is a known failure."""
    import pytest

    reason = KNOWN_FAILURES.get((test, name))
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
