"""The same Universal Credit question answered by PolicyEngine-UK and by the library.

The question: a household's UC in one assessment period without and with an involvement
fee. PolicyEngine-UK answers it for one household (one simulation, which costs seconds to
build) and per household inside one 1,000-household simulation (how it should be used);
the library answers the same questions in the same run, timed two ways on the same cases:

* with each case's benefits household and receipt built in advance, as a caller holding
  them asks, reading the amounts in whole pennies
  (:func:`~participatory.testing.peers.participatory_uc_pennies`): the issue's definition
  of a check, and the figure the target is judged on
  (``extra_info["library_per_household_s"]`` and ``["peer_ratio"]``; for one household
  ``["library_median_s"]``);
* end to end, building the household and the receipt from the peer case each time and
  answering in amounts of money
  (:func:`~participatory.testing.peers.participatory_uc_change`):
  ``extra_info["library_end_to_end_per_household_s"]`` (one household:
  ``["library_end_to_end_median_s"]``) and ``["peer_ratio_end_to_end"]``;
* for the batch, also through the library's own batch entry point,
  :func:`~participatory.benefits.batch.assess_many`, reading every case's amounts at once
  (:meth:`~participatory.benefits.batch.BenefitsBatch.amounts_pennies`):
  ``extra_info["library_batch_per_household_s"]``.

PolicyEngine's side is the same either way: its time to answer, inputs built inside it.
``peer_ratio`` is how many times faster the library is. Answers must agree to the penny,
both ways, except on the cases PolicyEngine flags as a known modelling difference;
``extra_info["peer_note"]`` says how many agreed and why the others differ.

Skipped unless the ``peers`` extra is installed (``pip install 'participatory[peers]'``).
"""

from __future__ import annotations

import importlib.util
import random
import statistics
import time
from collections import Counter
from decimal import Decimal

import pytest

from participatory.benefits import Benefit, Household, Receipt
from participatory.benefits.batch import assess_many
from participatory.core.money import Money
from participatory.peers.policyengine import (
    Capability,
    PeerHousehold,
    policyengine_version,
    universal_credit_for_one_period,
    universal_credit_for_one_period_batch,
)
from participatory.testing.peers import (
    participatory_household,
    participatory_receipt,
    participatory_uc_answer,
    participatory_uc_change,
    participatory_uc_pennies,
)

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("policyengine_uk") is None,
    reason="PolicyEngine-UK is not installed: pip install 'participatory[peers]'",
)

ROUNDS = 3
BATCH = 1_000
# 2025/26 by hand: 400.14 + 292.81 (child) + 400 (housing) = 1,092.95; (500 - 411) x 55%
# = 48.95 off leaves 1,044.00; a £100 fee takes 55.00 more, leaving 989.00.
HOUSEHOLD = PeerHousehold(
    tax_year=2025,
    claimant_age=30,
    children=1,
    monthly_rent=Money.gbp(400),
    claimant_monthly_earnings=Money.gbp(500),
)
FEE = Money.gbp(100)

#: A peer case (the household as both models take it, and the fee), and the library's
#: inputs for it (its benefits household and the fee's receipt).
Case = tuple[PeerHousehold, Money]
Inputs = tuple[Household, Receipt]


def _twenty_pence(rng: random.Random, max_pounds: int) -> Money:
    return Money(Decimal(rng.randint(0, max_pounds * 5)) / 5, "GBP")


def _households(count: int, seed: int = 2025) -> list[Case]:
    """A fixed mix of households and fees in 2025/26 (amounts in 20p steps, below the
    personal allowance so PolicyEngine deducts no income tax or National Insurance)."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        couple = rng.random() < 0.4
        children = rng.randint(0, 2)
        household = PeerHousehold(
            tax_year=2025,
            claimant_age=rng.randint(18, 64),
            partner_age=rng.randint(18, 64) if couple else None,
            children=children,
            children_born_before_2017_04_06=rng.randint(0, children),
            capability=rng.choice(list(Capability)),
            partner_capability=rng.choice(list(Capability)) if couple else Capability.NONE,
            monthly_rent=Money(Decimal(rng.randint(1, 90_000)) / 100, "GBP")
            if rng.random() < 0.6
            else None,
            claimant_monthly_earnings=_twenty_pence(rng, 600),
            partner_monthly_earnings=_twenty_pence(rng, 600) if couple else Money.zero(),
        )
        cases.append((household, Money.gbp("0.20") + _twenty_pence(rng, 400)))
    return cases


def _inputs(cases: list[Case]) -> list[Inputs]:
    """Each case's benefits household and receipt, built once (outside any timing)."""
    return [
        (participatory_household(household), participatory_receipt(household, fee))
        for household, fee in cases
    ]


def _library_seconds(
    cases: list[Case], inputs: list[Inputs], repeat: int
) -> tuple[float, float, float]:
    """Median seconds for the library to answer every case once: with the inputs built in
    advance (one check each, then all in one batch), and end to end. The three are
    interleaved round by round, so a busy spell on the shared machine falls on all alike."""
    prepared, batched, end_to_end = [], [], []
    pairs = [(home, (receipt,)) for home, receipt in inputs]
    for _ in range(repeat):
        start = time.perf_counter()
        for home, receipt in inputs:
            participatory_uc_pennies(home, receipt)
        first = time.perf_counter()
        assess_many(pairs).amounts_pennies(Benefit.UNIVERSAL_CREDIT)
        second = time.perf_counter()
        for household, fee in cases:
            participatory_uc_change(household, fee)
        prepared.append(first - start)
        batched.append(second - first)
        end_to_end.append(time.perf_counter() - second)
    return statistics.median(prepared), statistics.median(batched), statistics.median(end_to_end)


def _same_answers(cases: list[Case], inputs: list[Inputs]) -> list[tuple[Money, Money]]:
    """The library's answers; every way of asking must give the same, penny for penny."""
    answers = [participatory_uc_answer(*pair) for pair in inputs]
    assert answers == [participatory_uc_change(*case) for case in cases]
    pennies = [participatory_uc_pennies(*pair) for pair in inputs]
    batch = assess_many([(home, (receipt,)) for home, receipt in inputs])
    assert list(batch.amounts_pennies(Benefit.UNIVERSAL_CREDIT)) == pennies
    assert [(before.amount * 100, after.amount * 100) for before, after in answers] == pennies
    return answers


def test_peer_policyengine_one_household(benchmark) -> None:
    peer_seconds: list[float] = []

    def ask() -> object:
        start = time.perf_counter()
        answer = universal_credit_for_one_period(HOUSEHOLD, FEE)
        peer_seconds.append(time.perf_counter() - start)
        return answer

    answer = benchmark.pedantic(ask, rounds=ROUNDS, iterations=1)
    cases = [(HOUSEHOLD, FEE)] * 1_000
    inputs = _inputs(cases)
    (ours,) = set(_same_answers(cases, inputs))
    assert ours == (answer.without_fee, answer.with_fee) == (Money.gbp(1044), Money.gbp(989))
    prepared, batched, end_to_end = _library_seconds(cases, inputs, repeat=5)
    peer = statistics.median(peer_seconds)
    info = benchmark.extra_info
    info["peer"] = f"policyengine-uk {policyengine_version()}"
    info["peer_median_s"] = peer
    info["library_median_s"] = prepared / len(cases)
    info["peer_ratio"] = peer / info["library_median_s"]
    info["library_batch_per_household_s"] = batched / len(cases)
    info["library_end_to_end_median_s"] = end_to_end / len(cases)
    info["peer_ratio_end_to_end"] = peer / info["library_end_to_end_median_s"]
    info["peer_note"] = "same answer to the penny"


def test_peer_policyengine_per_household_in_a_1000_batch(benchmark) -> None:
    cases = _households(BATCH)
    peer_seconds: list[float] = []

    def ask() -> object:
        start = time.perf_counter()
        answers = universal_credit_for_one_period_batch(cases)
        peer_seconds.append(time.perf_counter() - start)
        return answers

    answers = benchmark.pedantic(ask, rounds=ROUNDS, iterations=1)
    inputs = _inputs(cases)
    flagged: Counter[str] = Counter()
    agreed = 0
    for case, ours, answer in zip(cases, _same_answers(cases, inputs), answers, strict=True):
        if answer.known_differences:
            flagged.update(answer.known_differences)
            continue
        assert ours == (answer.without_fee, answer.with_fee), case
        agreed += 1
    prepared, batched, end_to_end = _library_seconds(cases, inputs, repeat=3)
    peer = statistics.median(peer_seconds)
    info = benchmark.extra_info
    info["peer"] = f"policyengine-uk {policyengine_version()}"
    info["peer_per_household_s"] = peer / BATCH
    info["library_per_household_s"] = prepared / BATCH
    info["peer_ratio"] = peer / prepared
    info["library_batch_per_household_s"] = batched / BATCH
    info["library_end_to_end_per_household_s"] = end_to_end / BATCH
    info["peer_ratio_end_to_end"] = peer / end_to_end
    reasons = ", ".join(f"{name} {count}" for name, count in sorted(flagged.items()))
    info["peer_note"] = (
        f"same answer to the penny on {agreed} of {BATCH}; flagged known differences: "
        f"{reasons or 'none'}"
    )
