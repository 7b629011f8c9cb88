"""No special-category value leaks: every model with a sensitive field, swept with sentinels.

Every attrs class in every participatory module is found by walking the package. Each one
that has a field marked sensitive, or can hold such a model, is built from the engines'
hypothesis strategies, then planted twice with :func:`participatory.testing.sensitive.plant`
(text replaced by sentinels; numbers, dates, flags and choices varied in the second
planting). No ``repr``, ``str``, log record, warning or default JSON may contain a
sentinel, and the two plantings must give identical public output, so that not even a
number or a flag leaks. Validation errors on sensitive fields are triggered with values
whose ``repr`` is a sentinel, and must not echo them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    CapitalHolding,
    CapitalKind,
    Child,
    ChildDisability,
    ContributorCase,
    TwoChildLimitException,
    assess_many,
    compare,
    headroom,
    plan_instalments,
    plan_safe_payment,
)
from participatory.budget.seed_fund import SeedFundApplication
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.explain import Finding, Severity
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.core.privacy import is_sensitive
from participatory.core.serialise import unstructure
from participatory.ethics.facts import Answer, Fact, Facts
from participatory.ledger.consent import HouseholdRecord
from participatory.ledger.model import Ledger
from participatory.ledger.over_asking import assess_over_asking
from participatory.ledger.retention import erase_expired
from participatory.ledger.room import assess_headroom
from participatory.ledger.statement import contributor_statement
from participatory.payments.plan_file import PlanFile
from participatory.payments.timeliness import TimelinessPolicy
from participatory.render.text import sentence
from participatory.testing import benefits as tb
from participatory.testing import budget as tbud
from participatory.testing import ethics as teth
from participatory.testing import ledger as tled
from participatory.testing import payments as tpay
from participatory.testing import peers as tpeer
from participatory.testing import roles as trol
from participatory.testing import safeguarding as tsaf
from participatory.testing.report import governance_reports
from participatory.testing.sensitive import (
    SENTINEL,
    Spy,
    carrier_models,
    exception_texts,
    leaked,
    model_classes,
    plant,
    public_outputs,
    qualified_name,
    register_planter,
    sensitive_models,
)


def _flip(answer: Answer) -> Answer:
    return {Answer.YES: Answer.NO, Answer.NO: Answer.YES}.get(answer, answer)


def _plant_facts(facts: Facts, variant: int) -> Facts:
    # Facts has its own constructor (answers in canonical order), so attrs.evolve cannot
    # rebuild it; its sensitive part is the safeguarding answers.
    if variant == 0:
        return facts
    return Facts([*facts.answers, *((f, _flip(a)) for f, a in facts.safeguarding)])


register_planter(Facts, _plant_facts)


def _plant_household_record(record: HouseholdRecord, variant: int) -> HouseholdRecord:
    # The consents must name the household's members, so only the circumstances (which keep
    # the members' ids) and the consents' own sensitive fields are planted.
    planted = plant(record.household, variant).value
    people = [
        attrs.evolve(new, id=old.id)
        for new, old in zip(planted.people, record.household.people, strict=True)
    ]
    household = attrs.evolve(planted, people=people)
    return attrs.evolve(record, household=household)


register_planter(HouseholdRecord, _plant_household_record)

_IDS = ("id", "person", "agreed_by", "community")


def _keeping_ids(item: Any, variant: int) -> Any:
    """``item`` planted, with the ids that tie a ledger together left as they were."""
    planted = plant(item, variant).value
    kept = {name: getattr(item, name) for name in _IDS if hasattr(item, name)}
    return attrs.evolve(planted, **kept)


def _plant_ledger(ledger: Ledger, variant: int) -> Ledger:
    # A ledger refuses an entry for someone who is not a contributor, so the references
    # between its parts stay; everything else sensitive is planted.
    return Ledger(
        contributors=[_keeping_ids(c, variant) for c in ledger.contributors.values()],
        households=[_plant_household_record(h, variant) for h in ledger.households.values()],
        payments=[_keeping_ids(p, variant) for p in ledger.payments.values()],
        asks=[_keeping_ids(a, variant) for a in ledger.asks.values()],
    )


register_planter(Ledger, _plant_ledger)

_DAY = dt.date(2025, 6, 10)


def _cases() -> st.SearchStrategy[ContributorCase]:
    return st.builds(
        ContributorCase,
        st.sampled_from(["case-1", "case-2"]),
        tb.households(),
        tb.receipt_lists(max_size=3),
    )


def _columns() -> st.SearchStrategy[Any]:
    pairs = st.tuples(tb.households(), tb.receipt_lists(max_size=3))
    return st.lists(pairs, min_size=1, max_size=2).map(lambda cases: assess_many(cases).columns())


def _children() -> st.SearchStrategy[Child]:
    return st.builds(
        Child,
        st.dates(dt.date(2008, 1, 1), dt.date(2024, 1, 1)),
        st.sampled_from(ChildDisability),
        st.booleans(),
        st.sampled_from(TwoChildLimitException),
    )


def _capital_holdings() -> st.SearchStrategy[CapitalHolding]:
    return st.builds(
        CapitalHolding,
        st.sampled_from(CapitalKind),
        tb.pounds(0, 20_000),
        st.none() | st.dates(dt.date(2020, 1, 1), dt.date(2026, 1, 1)),
    )


def _comparisons() -> st.SearchStrategy[Any]:
    return st.lists(_cases(), min_size=1, max_size=2).map(
        lambda cases: compare(cases, alternative=bundled_parameters())
    )


_LEDGER_DAY = dt.date(2026, 1, 14)


def _statements() -> st.SearchStrategy[Any]:
    return tled.ledgers(max_payments=4).map(
        lambda ledger: contributor_statement(ledger, "c0", 2025, as_at=_LEDGER_DAY)
    )


#: A strategy for every model that holds sensitive data, from the engines' own strategies.
#: Engine results are built by running the engine on generated input.
STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "participatory.assessment.report.GovernanceReport": governance_reports,
    "participatory.benefits.batch.BatchColumns": _columns,
    "participatory.benefits.claims.CarersAllowanceClaim": tb.carers_allowance_claims,
    "participatory.benefits.claims.EmploymentSupportAllowanceClaim": tb.esa_claims,
    "participatory.benefits.claims.HousingBenefitClaim": tb.housing_benefit_claims,
    "participatory.benefits.claims.LegacyClaim": tb.legacy_claims,
    "participatory.benefits.claims.PensionCreditClaim": tb.pension_credit_claims,
    "participatory.benefits.claims.UniversalCreditClaim": tb.universal_credit_claims,
    "participatory.benefits.headroom.Headroom": lambda: st.builds(
        headroom, tb.households(), st.just(_DAY)
    ),
    "participatory.benefits.household.CapitalHolding": _capital_holdings,
    "participatory.benefits.household.Child": _children,
    "participatory.benefits.household.Household": tb.households,
    "participatory.benefits.household.Person": lambda: tb.people("p1"),
    "participatory.benefits.planning.InstalmentPlan": lambda: st.builds(
        plan_instalments,
        tb.households(),
        tb.pounds(0, 800),
        st.just([_DAY, _DAY + dt.timedelta(days=35)]),
    ),
    "participatory.benefits.planning.SafePayment": lambda: st.builds(
        plan_safe_payment, tb.households(), st.just(_DAY)
    ),
    "participatory.benefits.scenarios.CaseComparison": lambda: _comparisons().map(
        lambda r: r.cases[0]
    ),
    "participatory.benefits.scenarios.ContributorCase": _cases,
    "participatory.benefits.scenarios.ScenarioComparison": _comparisons,
    "participatory.budget.lines.BudgetLine": tbud.budget_lines,
    "participatory.budget.lines.Budget": tbud.budgets,
    "participatory.budget.seed_fund.SeedFundApplication": lambda: st.builds(
        SeedFundApplication, st.just("application-1"), tbud.budgets(min_lines=1)
    ),
    "participatory.ledger.consent.ConsentRecord": tled.consent_records,
    "participatory.ledger.consent.HouseholdRecord": tled.household_records,
    "participatory.ledger.contributors.Contributor": tled.contributors,
    # An ask to a person has no community to plant (an ask is to one or the other).
    "participatory.ledger.entries.Ask": lambda: tled.asks().filter(lambda a: a.person is None),
    "participatory.ledger.model.Ledger": tled.ledgers,
    "participatory.ledger.over_asking.OverAsking": lambda: tled.ledgers().map(
        lambda ledger: assess_over_asking(ledger, as_at=_LEDGER_DAY)
    ),
    "participatory.ledger.retention.Erasure": lambda: tled.ledgers().map(
        lambda ledger: erase_expired(ledger, dt.date(2028, 1, 1))
    ),
    "participatory.ledger.room.PersonHeadroom": lambda: tled.ledgers(max_payments=3).map(
        lambda ledger: assess_headroom(ledger, "c0", _LEDGER_DAY, as_at=_LEDGER_DAY)
    ),
    "participatory.ledger.statement.ContributorStatement": _statements,
    "participatory.ledger.statement.StatementPeriod": lambda: (
        _statements().filter(lambda s: bool(s.weeks)).map(lambda s: s.weeks[0])
    ),
    "participatory.ledger.statement.BenefitLine": lambda: (
        _statements()
        .filter(lambda s: any(p.benefits for p in s.weeks))
        .map(lambda s: next(p.benefits[0] for p in s.weeks if p.benefits))
    ),
    "participatory.ethics.activity.Party": teth.parties,
    "participatory.ethics.activity.Activity": teth.activities,
    "participatory.ethics.project.EthicsProject": teth.projects,
    "participatory.ethics.facts.Facts": lambda: teth.fact_answers(list(Fact)).map(Facts),
    "participatory.payments.methods.PaymentPreference": tpay.payment_preferences,
    "participatory.payments.plans.Payment": tpay.payments,
    "participatory.payments.plans.PaymentPlan": lambda: tpay.payment_plans(max_payments=4),
    "participatory.payments.plan_file.PlanFile": lambda: st.builds(
        PlanFile,
        tpay.payment_plans(max_payments=4),
        st.none() | st.builds(TimelinessPolicy, st.integers(0, 20)),
    ),
    "participatory.peers.households.PeerHousehold": tpeer.peer_households,
    "participatory.roles.models.PersonContributor": lambda: trol.people("p1"),
    "participatory.roles.project.ProjectRoles": trol.projects,
    "participatory.safeguarding.models.PersonalNote": tsaf.personal_notes,
}

#: Models that hold sensitive data but have no strategy yet, with the reason. The sweep
#: fails if a new model joins either list without being added here on purpose.
KNOWN_SKIPPED: dict[str, str] = {
    "participatory.project.model.Project": "project files are being written (issue 9); "
    "add a strategy in participatory.testing when the model settles",
}

#: Engine results whose strategies run a whole engine per example: fewer examples keep the
#: hardening suite under a minute; the planting itself does not depend on the input size.
_SLOW = {
    "participatory.ledger.over_asking.OverAsking": 10,
    "participatory.ledger.room.PersonHeadroom": 5,
    "participatory.ledger.statement.ContributorStatement": 5,
    "participatory.ledger.statement.StatementPeriod": 5,
    "participatory.ledger.statement.BenefitLine": 5,
    "participatory.benefits.batch.BatchColumns": 10,
    "participatory.benefits.headroom.Headroom": 5,
    "participatory.benefits.planning.InstalmentPlan": 8,
    "participatory.benefits.planning.SafePayment": 8,
    "participatory.benefits.scenarios.CaseComparison": 10,
    "participatory.benefits.scenarios.ScenarioComparison": 10,
}
_EXAMPLES = 25

#: Known engine bugs, reported to the lead: strict, so the fix makes them fail until removed.
_KNOWN_BUGS: dict[tuple[str, str | None], str] = {}


def _params(cases: list[tuple[str, str | None]]) -> list[Any]:
    return [
        pytest.param(
            *(case if case[1] is not None else case[:1]),
            marks=[pytest.mark.xfail(strict=True, reason=_KNOWN_BUGS[case])]
            if case in _KNOWN_BUGS
            else [],
        )
        for case in cases
    ]


def _holders() -> dict[str, type]:
    classes = sensitive_models() + carrier_models()
    return {qualified_name(c): c for c in classes}


def test_every_model_holding_sensitive_data_is_swept_or_knowingly_skipped() -> None:
    """A new model with a sensitive field cannot slip past the sweep unnoticed."""
    holders, listed = set(_holders()), set(STRATEGIES) | set(KNOWN_SKIPPED)
    assert listed == holders, (
        "add a strategy to STRATEGIES (or a reasoned entry to KNOWN_SKIPPED) for: "
        f"{sorted(holders - listed)}; no longer holding sensitive data: {sorted(listed - holders)}"
    )
    assert not set(STRATEGIES) & set(KNOWN_SKIPPED)


def test_the_walk_finds_models_in_every_engine() -> None:
    """The discovery is not vacuous: it reaches core, engines and results."""
    names = {qualified_name(c) for c in model_classes()}
    for expected in (
        "participatory.core.money.Money",
        "participatory.payments.plans.Payment",
        "participatory.roles.models.PersonContributor",
        "participatory.benefits.household.Household",
        "participatory.safeguarding.models.PersonalNote",
    ):
        assert expected in names
    assert len(sensitive_models()) >= 15


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(f"{record.getMessage()} {record.args!r} {record.exc_text or ''}")


@contextmanager
def _watching() -> Iterator[list[str]]:
    """Capture every log record (any logger, DEBUG up) and warning raised inside."""
    handler = _Records()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    texts: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield texts
        texts.extend(str(w.message) for w in caught)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        texts.extend(handler.texts)


def _error_texts(error: BaseException) -> Iterator[str]:
    # The whole chain, the suppressed __context__ too (issue 17: raw values of sensitive
    # enum fields survived there, behind ``raise ... from None``).
    yield from exception_texts(error)


@pytest.mark.parametrize("name", _params([(name, None) for name in sorted(STRATEGIES)]))
def test_no_output_reveals_a_sensitive_value(name: str, tried: Counter[str]) -> None:
    """repr, str, logs, warnings and default JSON hide every planted value, text or not."""
    strategy = STRATEGIES[name]()

    @settings(
        max_examples=_SLOW.get(name, _EXAMPLES),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(strategy)
    def sweep(model: object) -> None:
        tried[f"sensitive sweep ({name.rsplit('.', 1)[1]})"] += 1
        with _watching() as logged:
            first, second = plant(model, 0), plant(model, 1)
            outputs = [public_outputs(p.value) for p in (first, second)]
        for output in outputs:
            for kind, text in output.items():
                assert not leaked(text), f"{kind} of {name} shows a sensitive value: {text}"
        assert outputs[0] == outputs[1], f"public output of {name} varies with sensitive data"
        for text in logged:
            assert not leaked(text), f"a log record or warning shows a sensitive value: {text}"
        for where, error in first.refused + second.refused:
            for text in _error_texts(error):
                assert not leaked(text), f"refusing {where} echoed the value: {text}"
        # Not vacuous: the plantings changed something the caller may opt in to see.
        if first.changed:
            full = [
                json.dumps(unstructure(p.value, include_sensitive=True), sort_keys=True)
                for p in (first, second)
            ]
            assert full[0] != full[1] or leaked(full[0])

    sweep()


def _sensitive_fields() -> list[tuple[str, str]]:
    return [
        (qualified_name(c), f.name)
        for c in sensitive_models()
        if qualified_name(c) in STRATEGIES
        for f in attrs.fields(c)
        if is_sensitive(f) and f.init
    ]


#: Values whose repr, str and format are sentinels: a message quoting the value leaks it.
_BAD_VALUES: tuple[Callable[[], object], ...] = (
    Spy,
    lambda: SENTINEL,
    lambda: SENTINEL + "\x00" * 3,
    lambda: (Spy(),),
    lambda: [SENTINEL],
    lambda: {SENTINEL: Spy()},
    lambda: Decimal("-1"),
    lambda: -1,
    lambda: Money.gbp("-0.01"),
)


@pytest.mark.parametrize(("name", "field"), _params(_sensitive_fields()))
def test_errors_on_sensitive_fields_never_echo_the_value(
    name: str, field: str, tried: Counter[str]
) -> None:
    """Invalid values in a sensitive field raise errors that do not quote them."""
    cls = _holders()[name]
    alias = next(f.alias or f.name for f in attrs.fields(cls) if f.name == field)

    @settings(max_examples=min(_SLOW.get(name, 10), 10))
    @given(STRATEGIES[name]())
    def provoke(model: object) -> None:
        for make in _BAD_VALUES:
            tried["sensitive field errors"] += 1
            with _watching() as logged:
                try:
                    result = (
                        _plant_facts(model, 1)  # type: ignore[arg-type]
                        if isinstance(model, Facts)
                        else attrs.evolve(model, **{alias: make()})
                    )
                except ParticipatoryError as error:
                    texts = list(_error_texts(error))
                except Exception as error:
                    # Checked for a leak first, then refused: a wrong type is a ValidationError
                    # (BenefitsCheck.outcomes, PersonContributor.communities and
                    # ScenarioComparison.cases raised TypeError until issue 11).
                    short = f"{name.rsplit('.', 1)[1]}.{field}"
                    for text in _error_texts(error):
                        assert not leaked(text), f"{name}.{field}: {text}"
                    raise AssertionError(
                        f"{short}: {type(error).__name__}, not the library's own error"
                    ) from None
                else:
                    texts = list(public_outputs(result).values())
            for text in texts + logged:
                assert not leaked(text), f"{name}.{field}: {text}"

    provoke()


def test_a_sensitive_finding_hides_its_values(extra_templates) -> None:
    """A finding marked sensitive shows its rule, never its values, unless asked."""
    finding = Finding(
        "BEN-EXAMPLE",
        Severity.WARNING,
        "hardening.example",
        {"benefit": SENTINEL, "loss": Money.gbp("123.45")},
        sensitive=True,
    )
    for kind, text in public_outputs(finding).items():
        assert not leaked(text), f"{kind}: {text}"
        assert "123.45" not in text, f"{kind}: {text}"
    extra_templates({"hardening.example": "You would lose {loss} of {benefit}."})
    assert not leaked(sentence(finding, locale="en_GB", include_sensitive=False))
    assert leaked(sentence(finding, locale="en_GB", include_sensitive=True))


def test_validation_error_carries_no_value_by_construction() -> None:
    """The library's error types take the *name* of what was wrong, so a path is all they show."""
    error = ValidationError("people[0].health", "must be text")
    assert str(error) == "people[0].health: must be text"


#: Parts of field names that suggest special-category data (UK GDPR art. 9) or data about a
#: person's benefits, care or safeguarding.
_SUGGESTIVE = re.compile(
    "|".join(
        [
            "benefit", "health", "condition", "disab", "impair", "lived_experience",
            "access_need", "adjustment", "safeguard", "diagnos", "medical", "medication",
            "mental", "circumstance", "note", "ethnic", "race", "racial", "religio", "belief",
            "sexual", "gender", "pregnan", "trade_union", "political", "criminal",
            "conviction", "offence", "biometric", "genetic", "immigration", "asylum",
            "capability", "vulnerab", "carer", "care_need", "communit",
        ]
    )
)  # fmt: skip

#: Reviewed: fields whose names suggest special-category data but that hold none.
ALLOWED_UNMARKED: dict[str, str] = {
    "participatory.core.sources.Source.note": "a maintainer's note on a published document",
    "participatory.core.sources.Passage.note": "a maintainer's note on a passage of a "
    "published document",
    "participatory.budget.distribution.Distribution.community_held_share": "a share of a "
    "budget held by community organisations: about the budget, not a person",
    "participatory.budget.distribution.Distribution.community_controlled_share": "a budget "
    "share, not a person",
    "participatory.budget.review.ShownShares.community": "the share of a budget held by "
    "community organisations, as shown: about the budget, not a person",
    "participatory.core.params.ParameterValue.note": "provenance of a published figure",
    "participatory.evaluation.plan.PlannedOutput.community_coauthors": "whether an output "
    "has community co-authors: a plan, not a person's data",
    "participatory.payments.rates.Rate.note": "provenance of a published rate",
    "participatory.payments.rates.RateCard.note": "provenance of a published rate card",
    "participatory.power.frameworks.FrameworkEntry.note": "about a published framework",
    "participatory.readiness.assess.Evidence.note": "an institution's evidence of readiness",
    "participatory.roles.assignments.RoleAssignment.bridges_communities": "whether a role "
    "bridges communities: a role, not a person's membership",
    "participatory.roles.models.PartnerOrganisation.communities_served": "the communities "
    "an organisation serves, not a person's",
    "participatory.roles.project.ProjectRoles.communities": "the communities a project "
    "works with, not any one person's (each person's are marked on PersonContributor)",
    "participatory.vocabulary.terms.Term.note": "about a glossary term",
    "participatory.render.plot.RiskRow.benefit": "a count per benefit across every contributor "
    "checked, not one person's (small counts can still identify: see issue 11)",
    "participatory.project.model.Project.communities": "the communities a project works "
    "with, not any one person's",
    "participatory.project.model.Project.safeguarding": "the project's safeguarding profile "
    "(which groups take part, which measures exist), not a person's",
    "participatory.project.model.Project.safeguarding_notes": "holds PersonalNote values, "
    "whose own fields are marked sensitive (swept above)",
}

#: Found unmarked and reported on issue 11 for the owning engine to mark. Remove an entry
#: when the field is marked: the audit fails while the list is out of date.
REPORTED_UNMARKED: dict[str, str] = {}


def test_fields_named_like_special_category_data_are_marked_sensitive() -> None:
    """A field named like health, benefits or safeguarding data is marked, or reviewed."""
    unmarked = {
        f"{qualified_name(cls)}.{field.name}"
        for cls in model_classes()
        for field in attrs.fields(cls)
        if _SUGGESTIVE.search(field.name.lower()) and not is_sensitive(field)
    }
    unreviewed = unmarked - set(ALLOWED_UNMARKED) - set(REPORTED_UNMARKED)
    assert not unreviewed, (
        "mark these sensitive (attrs.field(repr=REDACTED, metadata=SENSITIVE)), or add them "
        f"to ALLOWED_UNMARKED with the reason they hold no special-category data: {unreviewed}"
    )
    stale = (set(ALLOWED_UNMARKED) | set(REPORTED_UNMARKED)) - unmarked
    assert not stale, f"these are marked (or gone) now; take them off the lists: {stale}"
