""":mod:`participatory.benefits.outcomes`: unit tests.

Numbers first, explanations on demand: an outcome's findings are built the first time they
are read and never again, are the same as a second run's, and survive pickling and copying
whether or not they were read before. The results refuse bad parts by position and never
show whose benefit or how much.
"""

import copy
import datetime as dt
import json
import pickle
from decimal import Decimal

import pytest

from participatory.benefits import (
    Benefit,
    BenefitsCheck,
    CarersAllowanceClaim,
    Household,
    PeriodOutcome,
    Person,
    UniversalCreditClaim,
    assess_payment,
)
from participatory.benefits.mechanism import finding
from participatory.core.errors import ValidationError
from participatory.core.explain import Severity
from participatory.core.money import Money
from participatory.core.periods import DateRange
from participatory.core.serialise import unstructure

GBP = Money.gbp
WEEK = DateRange(dt.date(2025, 6, 16), dt.date(2025, 6, 22))
HOME = Household(
    people=[Person("amira", carers_allowance=CarersAllowanceClaim())],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
)

CALLS: list[str] = []


def counting_explainer(outcome, label):
    """A module-level explainer (picklable) that records each time it runs."""
    CALLS.append(label)
    return (finding("BEN-TEST", Severity.INFO, "benefits.kept", {"label": label}),)


def lazy_outcome(label="x"):
    return PeriodOutcome(
        Benefit.CARERS_ALLOWANCE,
        WEEK,
        Decimal("83.30"),
        Decimal(0),
        Decimal("250"),
        True,
        person="amira",
        explain=(counting_explainer, (label,)),
    )


def test_findings_are_built_when_first_read_and_only_once():
    CALLS.clear()
    outcome = lazy_outcome("once")
    assert outcome.change == GBP("-83.30")  # the numbers need no findings
    assert CALLS == []
    first = outcome.findings
    assert outcome.findings is first
    assert CALLS == ["once"]


def test_a_results_findings_equal_a_second_runs():
    first = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    numbers = [(o.before, o.after) for o in first.outcomes]
    second = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    assert first.findings == second.findings
    assert [(o.before, o.after) for o in second.outcomes] == numbers
    assert first == second


@pytest.mark.parametrize("read_first", [True, False])
def test_pickle_and_deepcopy_round_trips_keep_the_findings(read_first):
    result = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    if read_first:
        assert result.findings
    reference = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10)).findings
    for copied in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert copied.findings == reference
        assert copied.outcomes == result.outcomes
        assert copied.kept == result.kept
        for mine, theirs in zip(copied.outcomes, result.outcomes, strict=True):
            assert (mine.person, mine.cliff, mine.counted) == (
                theirs.person,
                theirs.cliff,
                theirs.counted,
            )


def test_a_lazy_outcome_pickles_with_its_findings_built():
    CALLS.clear()
    copied = pickle.loads(pickle.dumps(lazy_outcome("pickled")))
    assert [f.values["label"] for f in copied.findings] == ["pickled"]
    assert CALLS == ["pickled"]  # built once, for the pickle, and carried across


def test_an_outcome_says_whose_and_how_much():
    outcome = lazy_outcome()
    assert outcome.before == GBP("83.30")
    assert outcome.after == GBP(0)
    assert outcome.counted == GBP(250)
    assert outcome.change_amount == Decimal("-83.30")
    assert not outcome.unchanged
    assert outcome.person == "amira"


def test_an_outcome_without_findings_or_an_explainer_has_none():
    plain = PeriodOutcome(Benefit.UNIVERSAL_CREDIT, WEEK, GBP(400), GBP(400))
    assert plain.findings == ()
    assert plain.unchanged
    assert plain.person is None


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (lambda: PeriodOutcome("carers_allowance", WEEK, GBP(1), GBP(1)), "benefit"),
        (lambda: PeriodOutcome(Benefit.CARERS_ALLOWANCE, "2025-06", GBP(1), GBP(1)), "period"),
        (lambda: PeriodOutcome(Benefit.CARERS_ALLOWANCE, WEEK, 1, GBP(1)), "before"),
        (lambda: PeriodOutcome(Benefit.CARERS_ALLOWANCE, WEEK, GBP(1), Money("1", "EUR")), "after"),
        (lambda: PeriodOutcome(Benefit.CARERS_ALLOWANCE, WEEK, GBP(1), GBP(1), cliff=1), "cliff"),
        (
            lambda: PeriodOutcome(Benefit.CARERS_ALLOWANCE, WEEK, GBP(1), GBP(1), person=7),
            "person",
        ),
    ],
)
def test_an_outcome_refuses_bad_parts(make, path):
    with pytest.raises(ValidationError) as caught:
        make()
    assert caught.value.path == path


def test_outcomes_and_checks_are_immutable():
    outcome = lazy_outcome()
    with pytest.raises(AttributeError):
        outcome.cliff = False  # type: ignore[misc]
    check = BenefitsCheck([outcome], GBP(250))
    with pytest.raises(AttributeError):
        del check.outcomes  # type: ignore[misc]


def test_a_check_refuses_what_is_not_an_outcome_by_position():
    with pytest.raises(ValidationError) as caught:
        BenefitsCheck([lazy_outcome(), "7777"], GBP(1))  # type: ignore[list-item]
    assert caught.value.path == "outcomes[1]"
    assert "7777" not in str(caught.value)
    with pytest.raises(ValidationError, match="outcomes"):
        BenefitsCheck({"a": 1}, GBP(1))  # type: ignore[arg-type]


def test_a_check_sums_by_benefit_and_person():
    """UC household, Amira's CA: £250 on 10 June loses 16-22 June's £83.30, a week lost and
    resumed inside the AP 1-30 June, which still counts a month of CA (D&A Regs 2013 Sch. 1
    para. 31): UC (no work allowance) takes 250 x 55% = 137.50 and gives nothing back.
    In all -83.30 - 137.50 = -220.80; kept 250 - 220.80 = 29.20."""
    result = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    assert result.change(Benefit.CARERS_ALLOWANCE, "amira") == GBP("-83.30")
    assert result.change(Benefit.CARERS_ALLOWANCE, "nobody") == GBP(0)
    assert result.change(Benefit.UNIVERSAL_CREDIT) == GBP("-137.50")
    assert result.loss == GBP("220.80")
    assert result.kept == GBP("29.20")
    assert result.kept_amount == Decimal("29.20")
    assert [o.benefit for o in result.cliffs] == [Benefit.CARERS_ALLOWANCE]
    assert [o.person for o in result.outcomes_for(Benefit.CARERS_ALLOWANCE, "amira")] == ["amira"]
    assert not result.changes_nothing


def test_nothing_whose_or_how_much_shows_in_a_repr():
    result = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    text = repr(result) + "".join(repr(o) for o in result.outcomes)
    for secret in ("83.3", "137.5", "amira", "carers_allowance", "CARERS"):
        assert secret not in text
    assert hash(result) == hash(assess_payment(HOME, GBP(250), dt.date(2025, 6, 10)))


def test_unstructure_gives_plain_data_that_withholds_the_whole_check():
    """JSON-ready; by default the check is withheld whole (that a household was checked at
    all says it gets benefits), keeping its shape; asked for, it carries every outcome."""
    result = assess_payment(HOME, GBP(250), dt.date(2025, 6, 10))
    plain = unstructure(result)
    text = json.dumps(plain)
    assert plain["withheld"] is True
    assert plain["outcomes"] is None
    assert "83.30" not in text
    assert "carers_allowance" not in text
    full = unstructure(result, include_sensitive=True)
    json.dumps(full)
    assert set(full) == set(plain)
    # The £250 of 10 June 2025: the next carer week is lost (over £196: -£83.30), resumed
    # inside the June AP, so UC still counts a month of CA and takes 55% of £250: -£137.50.
    changes = {o["benefit"]: o["change"] for o in full["outcomes"]}
    assert changes == {"universal_credit": "-137.50 GBP", "carers_allowance": "-83.30 GBP"}
    week = next(o for o in full["outcomes"] if o["benefit"] == "carers_allowance")
    assert week["period"] == {"start": "2025-06-16", "end": "2025-06-22"}
