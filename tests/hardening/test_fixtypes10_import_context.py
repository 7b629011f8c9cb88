"""Importing the library inside a caller's decimal context changes no answer and no flag.

A module-level constant worked out with Decimal arithmetic at import is worked out in
whatever context is current then: the caller's. ``budget/distribution.py`` computed its
rounding quantum, 10⁻¹², with ``Decimal(1).scaleb(-12)``; in a context of precision 4 and
Emin -5 the smallest exponent is Emin - prec + 1 = -8, so the quantum became ``0E-8`` for
the life of the process (every share then had 8 places), or the import raised
``decimal.Inexact`` where that was trapped.

Each run is a fresh process, since an import happens once per process.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

# Every module of the engines whose constants this round made context-free, and those that
# import them.
_MODULES = (
    "participatory.budget",
    "participatory.tax",
    "participatory.safeguarding",
    "participatory.power",
    "participatory.evaluation",
    "participatory.roles",
    "participatory.payments",
    "participatory.assessment",
    "participatory.store",
    "participatory.interchange",
    "participatory.render.branding",
)

_CODE = """
import decimal, importlib, sys
traps = [decimal.Inexact, decimal.Rounded, decimal.Subnormal, decimal.Underflow,
         decimal.Clamped] if sys.argv[1] == "trapping" else []
with decimal.localcontext(decimal.Context(prec=4, Emin=-5, Emax=20, traps=traps, flags=[])) as c:
    for name in sys.argv[2:]:
        importlib.import_module(name)
    raised = sorted(k.__name__ for k, v in c.flags.items() if v)
from decimal import Decimal
from participatory.budget import distribute, share
from participatory.budget.distribution import _QUANTUM
from participatory.budget.lines import Budget, BudgetLine, Holder, LineKind
from participatory.core.money import Money
budget = Budget((
    BudgetLine("fees", LineKind.CONTRIBUTOR_FEES, Money.gbp(200), holder=Holder.university()),
    BudgetLine("cafe", LineKind.COMMUNITY_ACTIVITIES, Money.gbp(100),
               holder=Holder.partner("McPin")),
))
d = distribute(budget)
print(raised, _QUANTUM, share(Money.gbp(1), Money.gbp(3)), d.community_held_share, d.hhi)
"""


@pytest.mark.parametrize("traps", ["quiet", "trapping"])
def test_importing_in_a_small_exponent_context_leaves_shares_at_twelve_places(traps: str) -> None:
    """Hand-worked: 1/3 rounded down to 12 places is 0.333333333333. A £300 budget with £100
    held by McPin: the community share is 1/3 (0.333333333333), and the HHI is
    (200² + 100²) / 300² = 50,000 / 90,000 = 5/9 = 0.555555555555 rounded down.
    No flag is raised in the caller's context while importing."""
    done = subprocess.run(
        [sys.executable, "-c", _CODE, traps, *_MODULES],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == [
        "[]",
        "1E-12",
        "0.333333333333",
        "0.333333333333",
        "0.555555555555",
    ]
