"""Running the command line in a test with its own standard input, output and error."""

from __future__ import annotations

import io
import sys

from participatory.cli import main


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """The exit status, standard output and standard error of ``participatory argv``.

    The streams are swapped for the call only (``capsys`` cannot give a test's own stdin),
    and put back whatever happens.
    """
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = main(argv)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()
