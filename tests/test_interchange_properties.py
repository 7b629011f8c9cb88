"""JSON round trips of every public input type through :mod:`participatory.interchange`.

``from_plain(T, json.loads(json.dumps(to_plain(x, include_sensitive=True)))) == x`` for
each model another system sends the library, drawn from the strategies in
:mod:`participatory.testing` (nested claims, facts, safeguarding answers and notes
included). Two kinds are read by reference rather than as data, and are tested as such:
a rate card (a bundled card's name, or a file) and a project's safeguarding partners
(named once, under organisations). A safeguarding profile on its own keeps its partners:
:func:`to_plain` writes them and :func:`from_plain` reads them back.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from participatory.interchange import dumps, from_plain, loads, to_plain
from participatory.payments.rates import bundled_rate_card, bundled_rate_cards
from participatory.testing import benefits as tb
from participatory.testing import budget as tbu
from participatory.testing import ethics as te
from participatory.testing import evaluation as tev
from participatory.testing import ledger as tl
from participatory.testing import payments as tp
from participatory.testing import power as tpo
from participatory.testing import projects as tpr
from participatory.testing import readiness as tre
from participatory.testing import safeguarding as tsa
from participatory.testing import tax as tta
from participatory.testing import timeline as tti

#: Each public input type, by the strategy that draws it.
INPUTS: dict[str, st.SearchStrategy[Any]] = {
    "Household": tb.households(),
    "Person": tb.people(),
    "UniversalCreditClaim": tb.universal_credit_claims(),
    "CarersAllowanceClaim": tb.carers_allowance_claims(),
    "EmploymentSupportAllowanceClaim": tb.esa_claims(),
    "LegacyClaim": tb.legacy_claims(),
    "HousingBenefitClaim": tb.housing_benefit_claims(),
    "PensionCreditClaim": tb.pension_credit_claims(),
    "Receipt": tb.receipts(),
    "Payment": tp.payments(),
    "PaymentPlan": tp.payment_plans(max_payments=8),
    "RateRules": tp.rate_rules(),
    "PaymentPreference": tp.payment_preferences(),
    "Activity": te.activities(),
    "EthicsProject": te.projects(max_activities=2),
    "Project": tpr.projects(),
    "Session": tpr.sessions(),
    "Budget": tbu.budgets(max_lines=4),
    "Timeline": tti.timelines(),
    "EvaluationPlan": tev.evaluation_plans(),
    "DecisionRight": tpo.decision_rights(),
    "DecisionRecord": tpo.decision_records(),
    "PersonalNote": tsa.personal_notes(),
    "SafeguardingProfile": tsa.safeguarding_profiles(),
    "PayrollPayment": tta.payroll_payments(),
    "PaymentRecord": tta.payment_records(),
    "University": tre.universities(),
    "Contributor": tl.contributors(),
    "HouseholdRecord": tl.household_records(),
    "PaymentEntry": tl.payment_entries(),
    "Ask": tl.asks(),
    "Ledger": tl.ledgers(),
}


def _through_json(value: Any) -> Any:
    return json.loads(json.dumps(to_plain(value, include_sensitive=True)))


@pytest.mark.parametrize("name", sorted(INPUTS))
@given(data=st.data())
def test_every_public_input_type_survives_json(name: str, data: st.DataObject) -> None:
    value = data.draw(INPUTS[name], label=name)
    assert type(value).__name__ == name
    assert from_plain(type(value), _through_json(value)) == value


@given(tb.households())
def test_dumps_and_loads_are_the_same_round_trip(household: Any) -> None:
    text = dumps(household, include_sensitive=True)
    assert loads(type(household), text) == household
    assert dumps(loads(type(household), text), include_sensitive=True) == text


@given(tb.receipt_lists())
def test_a_list_of_receipts_survives_json(receipts: list[Any]) -> None:
    from participatory.benefits import Receipt

    assert list(from_plain(tuple[Receipt, ...], _through_json(receipts))) == receipts


@given(tsa.safeguarding_profiles(max_partners=0))
def test_a_safeguarding_profile_without_partners_survives_json(profile: Any) -> None:
    assert "partners" not in to_plain(profile, include_sensitive=True)
    assert from_plain(type(profile), _through_json(profile)) == profile


def test_a_profiles_partners_are_read_back_and_their_problems_named() -> None:
    """SafeguardingProfile.partners was written by to_plain and refused by from_plain
    ("is not read from a project file"); a project's profile still refuses them."""
    from participatory.interchange import PlainDataError
    from participatory.project.model import Project
    from participatory.roles.models import Group, OrganisationKind, PartnerOrganisation
    from participatory.safeguarding.models import EmotionalIntensity, SafeguardingProfile

    sands = PartnerOrganisation("sands", "Sands", OrganisationKind.CHARITY,
                                expertise=frozenset({Group.BEREAVEMENT}))  # fmt: skip
    profile = SafeguardingProfile(
        groups=frozenset({Group.BEREAVEMENT}), intensity=EmotionalIntensity.HIGH,
        partners=(sands,),
    )  # fmt: skip
    plain = _through_json(profile)
    assert plain["partners"][0]["id"] == "sands"
    assert from_plain(SafeguardingProfile, plain) == profile
    plain["intensity"] = "extreme"
    plain["partners"][0]["kind"] = "club"
    with pytest.raises(PlainDataError) as raised:
        from_plain(SafeguardingProfile, plain)
    assert [path for path, _ in raised.value.problems] == ["intensity", "partners[0].kind"]
    project = {"id": "p", "title": "P", "safeguarding": {**_through_json(profile)}}
    with pytest.raises(PlainDataError) as raised:
        from_plain(Project, project)
    assert [path for path, _ in raised.value.problems] == ["safeguarding.partners"]


@pytest.mark.parametrize("name", sorted(bundled_rate_cards()))
def test_a_bundled_rate_card_is_written_and_read_as_its_name(name: str) -> None:
    from participatory.payments.rates import RateCard

    card = bundled_rate_card(name)
    assert to_plain(card) == name
    assert from_plain(RateCard, to_plain(card)) == card


@given(tp.rate_cards())
def test_a_rate_card_of_your_own_survives_json_as_data(card: Any) -> None:
    """A card that is not bundled is written as its data, and read back the same."""
    data = _through_json(card)
    assert isinstance(data, dict)
    assert from_plain(type(card), data) == card


def test_the_example_institution_card_survives_json_as_data() -> None:
    from pathlib import Path

    from participatory.payments.rates import RateCard, load_rate_card

    example = Path(__file__).parents[1] / "examples" / "institution-rate-card.toml"
    card = load_rate_card(example)
    assert from_plain(RateCard, json.loads(dumps(card, include_sensitive=True))) == card


@given(tb.households())
def test_money_is_written_one_way(household: Any) -> None:
    """Every amount in the output is "<amount> <currency>", never an object or a float."""
    text = dumps(household, include_sensitive=True)

    def objects(value: Any) -> list[Any]:
        if isinstance(value, dict):
            return [value, *(o for v in value.values() for o in objects(v))]
        if isinstance(value, list):
            return [o for v in value for o in objects(v)]
        return []

    assert all(set(o) != {"amount", "currency"} for o in objects(json.loads(text)))
    for person in json.loads(text)["people"]:
        amount, currency = person["weekly_earnings"].split(" ")
        assert currency == "GBP"
        assert "." in amount
        assert len(amount.split(".")[1]) >= 2


def test_the_legacy_money_object_is_still_read() -> None:
    """Output before this version wrote {"amount", "currency"}: it is read, never written."""
    from participatory.benefits import Receipt

    legacy = {"amount": {"amount": "90.00", "currency": "GBP"}, "received_on": "2026-05-12"}
    receipt = from_plain(Receipt, legacy)
    assert to_plain(receipt, include_sensitive=True)["amount"] == "90.00 GBP"


@given(te.activities())
def test_safeguarding_answers_leave_only_when_asked_for(activity: Any) -> None:
    """Facts are written as they are given (fact name to answer); the safeguarding ones
    (a group's vulnerability, custody …) only with ``include_sensitive``."""
    from participatory.ethics.facts import Fact

    sensitive = {fact.value for fact in Fact if fact.sensitive}
    shown = to_plain(activity)
    for party in shown["parties"]:
        assert not set(party["facts"]) & sensitive
    full = to_plain(activity, include_sensitive=True)
    given_answers = {f.value for p in activity.parties for f, _ in p.facts.safeguarding}
    written = {name for p in full["parties"] for name in p["facts"]}
    assert given_answers <= written
