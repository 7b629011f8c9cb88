"""The same project gives the same report, byte for byte, whatever the hash seed.

Sets and dicts iterate in an order that depends on ``PYTHONHASHSEED`` for strings; a sort
that leaves ties to that order (as the ethics route questions once did, listing the
Scotland A REC either way round) makes two runs of one command differ. Each example project
is assessed in two fresh interpreters with different seeds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parents[2] / "examples"
PROJECTS = ["arts-coproduction", "mental-health-festival", "river-citizen-science",
            "smart-pillow-workshops"]  # fmt: skip


def _assess(name: str, seed: str, *options: str) -> bytes:
    command = [sys.executable, "-m", "participatory", "assess", str(EXAMPLES / f"{name}.toml"),
               "--as-at", "2026-11-02", *options]  # fmt: skip
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(command, capture_output=True, env=environment, check=True, timeout=300)
    return done.stdout


@pytest.mark.parametrize("name", PROJECTS)
def test_the_json_report_is_the_same_under_two_hash_seeds(name: str) -> None:
    assert _assess(name, "1", "--format", "json") == _assess(name, "2", "--format", "json")


def test_the_welsh_text_report_is_the_same_under_two_hash_seeds() -> None:
    first = _assess("smart-pillow-workshops", "3", "--locale", "cy")
    assert first == _assess("smart-pillow-workshops", "4", "--locale", "cy")
    assert first  # a report was written
