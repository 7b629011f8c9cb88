"""Outside attacks on where the answer goes: ``--output`` that is not a regular file, and
standard output or input closed before the command starts.

``--output`` writes a temporary file beside the target and renames it over the target, so
a reader never sees half an answer. When the target is not a regular file that rename
*replaces* it: ``--output /dev/full`` exited 0 having replaced the device with a regular
file (run as root; the device had to be made again), so would ``--output /dev/null``; a
named pipe a reader is waiting on is replaced too and the reader gets nothing. The answer
was never written where it was asked to go, and the command said it was.

Now ``write_whole`` writes directly to a target that exists and is not a regular file,
and a failed write (ENOSPC) is status 2. The test uses a named pipe in a temporary folder,
never a device.

A command started with standard output closed (``participatory … >&-``, a daemon) found
``sys.stdout`` to be ``None`` and ended in an ``AttributeError`` traceback, as did reading
``-`` with standard input closed; both are now one line and status 2.
"""

from __future__ import annotations

import io
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from participatory.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"


def _drain(path: Path, stop: threading.Event, received: list[bytes]) -> None:
    """Read the pipe until told to stop (opened without blocking, so it never waits)."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        while True:
            stopping = stop.is_set()  # read once more after the command ended
            try:
                chunk = os.read(handle, 65536)
            except BlockingIOError:
                chunk = b""
            if chunk:
                received.append(chunk)
            elif stopping:
                return
            else:
                stop.wait(0.01)
    finally:
        os.close(handle)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_output_to_a_named_pipe_writes_into_it_or_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "answer.pipe"
    os.mkfifo(pipe)
    stop, received = threading.Event(), []
    reader = threading.Thread(target=_drain, args=(pipe, stop, received), daemon=True)
    reader.start()
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = main(
            ["cost", "--plan", str(EXAMPLES / "payment-plan.toml"), "--as-at", "2026-07-15",
             "--output", str(pipe)]
        )  # fmt: skip
    finally:
        sys.stdout, sys.stderr = old
        stop.set()
        reader.join(timeout=5)
    assert stat.S_ISFIFO(pipe.stat().st_mode), "the pipe was replaced by a regular file"
    if status == 0:
        assert b"".join(received), "status 0, but nothing reached the pipe"
    else:
        assert status == 2
        assert err.getvalue().count("\n") == 1


def _run_with(stdin: object, stdout: object, argv: list[str]) -> tuple[object, str]:
    err = io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, stdout, err  # type: ignore[assignment]
    try:
        status: object = main(argv)
    except AttributeError as error:
        status = f"AttributeError: {error}"
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return status, err.getvalue()


def test_a_command_with_standard_output_closed_ends_with_one_line(tmp_path: Path) -> None:
    status, err = _run_with(sys.stdin, None, ["ledger", "init", "--ledger", str(tmp_path / "l")])
    assert status in (2, 141), status
    assert err.count("\n") <= 1


def test_reading_a_closed_standard_input_ends_with_one_line() -> None:
    status, err = _run_with(None, io.StringIO(), ["benefits", "-", "--as-at", "2026-06-10"])
    assert status == 2, status
    assert err.count("\n") == 1
