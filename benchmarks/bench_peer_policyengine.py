"""The same Universal Credit question answered by PolicyEngine-UK and by the library.

The question: a household's UC in one assessment period without and with an involvement
fee. PolicyEngine-UK answers it for one household (one simulation, which costs seconds to
build) and per household inside one 1,000-household simulation (how it should be used);
the library answers the same questions in the same run, and ``extra_info["peer_ratio"]``
is how many times faster the library is. Answers must agree to the penny except on the
cases PolicyEngine flags as a known modelling difference; ``extra_info["peer_note"]`` says
how many agreed and why the others differ.

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

from participatory.core.money import Money
from participatory.peers.policyengine import (
    Capability,
    PeerHousehold,
    policyengine_version,
    universal_credit_for_one_period,
    universal_credit_for_one_period_batch,
)
from participatory.testing.peers import participatory_uc_change

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


def _twenty_pence(rng: random.Random, max_pounds: int) -> Money:
    return Money(Decimal(rng.randint(0, max_pounds * 5)) / 5, "GBP")


def _households(count: int, seed: int = 2025) -> list[tuple[PeerHousehold, Money]]:
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


def _library_seconds(cases: list[tuple[PeerHousehold, Money]], repeat: int) -> float:
    """Median seconds for the library to answer every case once."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for household, fee in cases:
            participatory_uc_change(household, fee)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def test_peer_policyengine_one_household(benchmark) -> None:
    peer_seconds: list[float] = []

    def ask() -> object:
        start = time.perf_counter()
        answer = universal_credit_for_one_period(HOUSEHOLD, FEE)
        peer_seconds.append(time.perf_counter() - start)
        return answer

    answer = benchmark.pedantic(ask, rounds=ROUNDS, iterations=1)
    ours = participatory_uc_change(HOUSEHOLD, FEE)
    assert ours == (answer.without_fee, answer.with_fee) == (Money.gbp(1044), Money.gbp(989))
    library = _library_seconds([(HOUSEHOLD, FEE)] * 1_000, repeat=5) / 1_000
    info = benchmark.extra_info
    info["peer"] = f"policyengine-uk {policyengine_version()}"
    info["peer_median_s"] = statistics.median(peer_seconds)
    info["library_median_s"] = library
    info["peer_ratio"] = statistics.median(peer_seconds) / library
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
    flagged: Counter[str] = Counter()
    agreed = 0
    for case, answer in zip(cases, answers, strict=True):
        if answer.known_differences:
            flagged.update(answer.known_differences)
            continue
        assert participatory_uc_change(*case) == (answer.without_fee, answer.with_fee), case
        agreed += 1
    library = _library_seconds(cases, repeat=3)
    info = benchmark.extra_info
    info["peer"] = f"policyengine-uk {policyengine_version()}"
    info["peer_per_household_s"] = statistics.median(peer_seconds) / BATCH
    info["library_per_household_s"] = library / BATCH
    info["peer_ratio"] = statistics.median(peer_seconds) / library
    reasons = ", ".join(f"{name} {count}" for name, count in sorted(flagged.items()))
    info["peer_note"] = (
        f"same answer to the penny on {agreed} of {BATCH}; flagged known differences: "
        f"{reasons or 'none'}"
    )
