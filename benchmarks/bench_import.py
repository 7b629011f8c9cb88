"""The library's own share of start-up time: `import participatory` against its dependencies.

Every measurement starts a fresh interpreter, so nothing is already imported. Three
commands are timed in turn, round after round (so drift in the machine hits all three):

* the bare interpreter (``python -c pass``);
* the runtime dependencies ``import participatory`` itself pulls in, imported alone
  (found by importing the library in a child process and listing which of its declared
  dependencies ended up in ``sys.modules``);
* ``import participatory``.

The library's own share is the median of the third minus the median of the second: what a
caller pays for the library on top of the dependencies it cannot avoid. As a cross-check,
``-X importtime`` gives the *self* time of every ``participatory`` module (dependencies'
and the standard library's modules are not counted against us).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

#: Import names of the runtime dependencies declared in pyproject.toml.
DECLARED = ("attrs", "cattrs", "pendulum", "babel", "holidays")


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


def dependencies_imported() -> tuple[str, ...]:
    """The declared runtime dependencies that ``import participatory`` actually imports."""
    probe = (
        f"import sys, participatory\nprint(' '.join(n for n in {DECLARED!r} if n in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return tuple(completed.stdout.split())


def fresh_process_seconds(code: str) -> float:
    """Wall-clock seconds to start an interpreter, run ``code`` and exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def test_import_participatory_against_its_dependencies(benchmark) -> None:
    dependencies = dependencies_imported()
    commands = {
        "interpreter": "pass",
        "dependencies": "import " + ", ".join(dependencies) if dependencies else "pass",
        "library": "import participatory",
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    self_times: list[int] = []

    def measure() -> None:
        for name, code in commands.items():
            samples[name].append(fresh_process_seconds(code))
        self_times.append(library_import_microseconds())

    benchmark.pedantic(measure, rounds=15, iterations=1, warmup_rounds=1)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    share = medians["library"] - medians["dependencies"]
    info = benchmark.extra_info
    info["dependencies"] = list(dependencies)
    info["interpreter_s"] = medians["interpreter"]
    info["dependencies_s"] = medians["dependencies"]
    info["library_s"] = medians["library"]
    info["library_share_s"] = share
    info["library_self_import_s"] = statistics.median(self_times) / 1e6
    assert all(samples.values())
