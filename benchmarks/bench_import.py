"""The library's own share of start-up time: `import participatory` against its dependencies.

Each measurement starts a fresh interpreter with ``-X importtime`` and adds up the *self*
time of every module whose name starts with ``participatory``, so the dependencies' own
import time (attrs, cattrs, pendulum, babel, holidays) is not counted against us.
"""

from __future__ import annotations

import statistics
import subprocess
import sys


def library_import_microseconds() -> int:
    """Self import time of participatory's own modules, in microseconds, in a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import participatory"],
        capture_output=True,
        text=True,
        check=True,
    )
    total = 0
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        self_us, _cumulative, name = line.removeprefix("import time:").split("|")
        if name.strip().startswith("participatory"):
            total += int(self_us)
    return total


def test_library_share_of_import_time(benchmark):
    samples: list[int] = []

    def measure() -> None:
        samples.append(library_import_microseconds())

    benchmark.pedantic(measure, rounds=5, iterations=1)
    benchmark.extra_info["library_self_import_ms_median"] = statistics.median(samples) / 1000
    assert samples
