"""Importing the library reads no bundled data it does not need (issue 18).

Reading the sources catalogue (a dozen TOML files, about 400 KB) is the slowest single thing
the library does; an import that did it made every command, and every program that only
wanted one model class, pay for it. Each check runs in a fresh interpreter, since this
test process has long since read everything.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys

import pytest

# Counts every TOML document parsed and whether the catalogue and parameters were read.
_PROBE = """
import json, sys, tomli, tomllib
parsed = []
def _counting(loads):
    def counted(text, **options):
        parsed.append(len(text))
        return loads(text, **options)
    return counted
# The library reads TOML with tomli (issue 18); the standard library's copy is counted too.
tomli.loads = _counting(tomli.loads)
tomllib.loads = _counting(tomllib.loads)
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
from participatory.core.params import bundled_parameters
from participatory.core.sources import _cited, bundled_sources
print(json.dumps({
    "catalogue": bundled_sources.cache_info().currsize,
    "citations": _cited.cache_info().currsize,
    "parameters": bundled_parameters.cache_info().currsize,
    "documents": len(parsed),
}))
"""


@functools.cache  # one fresh interpreter per set of modules is enough
def _after_importing(*modules: str) -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, int] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    "modules",
    [
        ("participatory.cli",),
        ("participatory",),
        (
            "participatory.payments.costing",
            "participatory.payments.expenses",
            "participatory.payments.methods",
            "participatory.budget.seed_fund",
            "participatory.ledger.before_paying",
            "participatory.readiness",
        ),
    ],
    ids=["cli", "package", "modules-that-cite"],
)
def test_importing_does_not_read_the_sources_catalogue(modules: tuple[str, ...]) -> None:
    found = _after_importing(*modules)
    assert found["catalogue"] == 0, "an import parsed the sources catalogue"
    assert found["citations"] == 0, "an import resolved a citation"
    assert found["parameters"] == 0, "an import parsed the bundled parameters"


def test_the_command_line_imports_with_at_most_one_small_data_file() -> None:
    # The readiness criteria's step messages are templates, built at import from one file
    # (readiness.toml, a few KB); nothing else is parsed until a command runs.
    assert _after_importing("participatory.cli")["documents"] <= 1


def test_a_citation_is_still_resolved_when_a_finding_needs_it() -> None:
    from participatory.payments import costing, methods

    rounding = costing.penny_rounding()
    assert rounding.key == "participatory_conventions"
    # The old constant still answers, resolved on use.
    assert rounding == costing.PENNY_ROUNDING
    (finding,) = methods.consequences(methods.PaymentMethod.DECLINED)
    assert [c.key for c in finding.citations] == [
        "nihr_payment_guidance_public_2024",
        "uc_regs_2013",
    ]


def test_an_unknown_module_attribute_is_still_an_attribute_error() -> None:
    from participatory.payments import costing

    with pytest.raises(AttributeError, match="NO_SUCH_NAME"):
        _ = costing.NO_SUCH_NAME
