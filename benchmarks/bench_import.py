"""Start-up: `import participatory` against its dependencies, and the command line as a whole.

Every measurement starts a fresh interpreter, so nothing is already imported. Every child
runs with its own bytecode cache (``PYTHONPYCACHEPREFIX`` in a temporary folder, and
``PYTHONDONTWRITEBYTECODE`` cleared), warmed by one run before timing: an installed wheel
has its bytecode compiled, and a machine that sets ``PYTHONDONTWRITEBYTECODE`` would
otherwise compile every module on every start and inflate the figures by about 100 ms.

The import benchmark times three commands in turn, round after round (so drift in the
machine hits all three):

* the bare interpreter (``python -c pass``);
* the runtime dependencies ``import participatory`` itself pulls in, imported alone
  (found by importing the library in a child process and listing which of its declared
  dependencies ended up in ``sys.modules``);
* ``import participatory``.

The library's own share is the median of the third minus the median of the second: what a
caller pays for the library on top of the dependencies it cannot avoid. As a cross-check,
``-X importtime`` gives the *self* time of every ``participatory`` module (dependencies'
and the standard library's modules are not counted against us).

The command-line benchmark times ``participatory assess`` of the bundled example (the main
job, as a newcomer first runs it) against ``python -c pass``, and reports the ratio.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

#: Import names of the runtime dependencies declared in pyproject.toml.
DECLARED = ("attrs", "cattrs", "pendulum", "babel", "holidays", "tomli")
EXAMPLE = Path(__file__).parent.parent / "examples" / "arts-coproduction.toml"
#: The date the example is assessed as at (a fixed day, so every run does the same work).
AS_AT = "2026-11-02"


@pytest.fixture(scope="module")
def child_env() -> Iterator[dict[str, str]]:
    """An environment whose children cache their bytecode in a folder of their own."""
    with tempfile.TemporaryDirectory(prefix="participatory-pycache-") as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = folder
        yield env


def library_import_microseconds(env: dict[str, str]) -> int:
    """Self import time of participatory's own modules, in microseconds, in a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import participatory"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    total = 0
    for line in completed.stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        self_us, _cumulative, name = line.removeprefix("import time:").split("|")
        if name.strip().startswith("participatory"):
            total += int(self_us)
    return total


def dependencies_imported(env: dict[str, str]) -> tuple[str, ...]:
    """The declared runtime dependencies that ``import participatory`` actually imports."""
    probe = (
        f"import sys, participatory\nprint(' '.join(n for n in {DECLARED!r} if n in sys.modules))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    return tuple(completed.stdout.split())


def fresh_process_seconds(arguments: list[str], env: dict[str, str]) -> float:
    """Wall-clock seconds to start an interpreter with ``arguments`` and let it exit."""
    start = time.perf_counter()
    subprocess.run([sys.executable, *arguments], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def test_import_participatory_against_its_dependencies(benchmark, child_env) -> None:
    dependencies = dependencies_imported(child_env)
    commands = {
        "interpreter": ["-c", "pass"],
        "dependencies": ["-c", "import " + ", ".join(dependencies) if dependencies else "pass"],
        "library": ["-c", "import participatory"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    self_times: list[int] = []

    def measure() -> None:
        for name, arguments in commands.items():
            samples[name].append(fresh_process_seconds(arguments, child_env))
        self_times.append(library_import_microseconds(child_env))

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


def test_command_line_assess_of_the_bundled_example(benchmark, child_env) -> None:
    """``participatory assess`` of the example as a whole process, against the interpreter."""
    commands = {
        "interpreter": ["-c", "pass"],
        "assess": ["-m", "participatory", "assess", str(EXAMPLE), "--as-at", AS_AT],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}

    def measure() -> None:
        for name, arguments in commands.items():
            samples[name].append(fresh_process_seconds(arguments, child_env))

    benchmark.pedantic(measure, rounds=7, iterations=1, warmup_rounds=1)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    info = benchmark.extra_info
    info["interpreter_s"] = medians["interpreter"]
    info["assess_s"] = medians["assess"]
    info["process_ratio"] = medians["assess"] / medians["interpreter"]
