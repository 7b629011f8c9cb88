"""Run every benchmark and print one results table: medians, targets and ratios.

Usage::

    python benchmarks/report.py            # full runs
    python benchmarks/report.py --quick    # fewer rounds (what CI uses)

Targets come from the benchmarks issue (medians on one core of the 2-core CI machine).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent

#: benchmark name fragment -> (target in seconds, what the target is)
TARGETS: dict[str, tuple[float, str]] = {
    "single_benefits_check": (20e-6, "single benefits check ≤ 20 µs"),
    "largest_payment": (20e-6, "largest payment that changes nothing ≤ 20 µs (same target)"),
    "year_of_payments": (2.0, "10,000 contributors × a year of payments < 2 s"),
    "full_assessment": (0.1, "full assessment of 50 contributors < 100 ms"),
    "library_share_of_import": (0.05, "library's own import cost < 50 ms"),
}


def _format_seconds(value: float) -> str:
    if value < 1e-3:
        return f"{value * 1e6:,.1f} µs"
    if value < 1:
        return f"{value * 1e3:,.2f} ms"
    return f"{value:,.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for CI")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "bench.json"
        command = [
            sys.executable,
            "-m",
            "pytest",
            str(HERE),
            "-q",
            "-p",
            "no:cacheprovider",
            "--benchmark-enable",
            "--benchmark-only",
            f"--benchmark-json={output}",
            "-o",
            "addopts=",
        ]
        if args.quick:
            command += ["--benchmark-min-rounds=3", "--benchmark-max-time=0.05"]
        completed = subprocess.run(command, check=False)
        if not output.exists():
            return completed.returncode or 1
        data = json.loads(output.read_text())
    rows = []
    for bench in data["benchmarks"]:
        name = bench["name"].removeprefix("test_")
        median = bench["stats"]["median"]
        extra = bench.get("extra_info", {})
        if "library_self_import_ms_median" in extra:
            median = extra["library_self_import_ms_median"] / 1000
        target = next((t for key, t in TARGETS.items() if key in name), None)
        ratio = ""
        if "peer_ratio" in extra:
            ratio = f"{extra['peer_ratio']:,.0f}× faster than peer"
        status = ""
        if target:
            status = "meets" if median <= target[0] else "MISSES"
            status += f" ({target[1]})"
        rows.append((name, _format_seconds(median), ratio, status))
    widths = [
        max(len(r[i]) for r in [("benchmark", "median", "ratio", "target"), *rows])
        for i in range(4)
    ]
    header = ("benchmark", "median", "ratio", "target")
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return completed.returncode


if __name__ == "__main__":
    raise SystemExit(main())
