"""The options every command shares, declared once so each is spelt and behaves the same.

``--as-at DATE`` is the date of the question, ``--format`` the forms a command can print,
``--locale`` the language of its sentences, ``--output FILE`` where the answer goes (written
whole or not at all) and ``--fail-on SEVERITY`` the exit status for pipelines.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_common(parser, as_at="the day to ask about", formats=("text", "json"), locale=True,
...            fail_on=True)
>>> args = parser.parse_args(["--fail-on", "warning"])
>>> args.format, args.locale, args.as_at, args.output_file
('text', 'en_GB', None, None)
>>> from participatory.core.explain import Severity
>>> class Found:
...     severity = Severity.PROBLEM
>>> fail_status(args, [Found()])
1
"""

from __future__ import annotations

import argparse
import errno
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Protocol

from participatory.core.errors import ValidationError, os_reason
from participatory.core.explain import Severity

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "EXIT_STATUSES",
    "FAIL_ON_STATUS",
    "LOCALES",
    "UNUSABLE_STATUS",
    "HelpFormatter",
    "HelpParagraph",
    "add_common",
    "check_common",
    "fail_status",
    "unwritable",
    "write_whole",
]


class HelpParagraph(str):
    """A paragraph of help that :class:`HelpFormatter` wraps to 79 columns when it prints it.

    Wrapped then, not when the parser is built: a run that prints no help needs no
    :mod:`textwrap` (compiling its patterns cost a command-line run about 0.4%).
    """

    __slots__ = ()


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    r"""argparse's ``RawDescriptionHelpFormatter``, reading the terminal's width only for help.

    argparse makes a formatter for every option it adds, to check the option's metavar,
    and argparse's own reads the terminal's width there, importing :mod:`shutil` (with
    ``zlib``, ``bz2`` and ``lzma``): about 0.7% of a command-line report, which prints no
    help. This one asks the width as argparse does (``COLUMNS``, else the terminal, less
    two), when it formats help or usage, so the text is the same.

    >>> parser = argparse.ArgumentParser(prog="p", formatter_class=HelpFormatter)
    >>> parser.format_usage()
    'usage: p [-h]\n'
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **more: object,
    ) -> None:
        # A width to start with; the terminal's replaces it in format_help, as argparse's
        # own constructor would have worked it out.
        super().__init__(prog, indent_increment, max_help_position, width or 80, **more)
        self._asked = (max_help_position, width)

    def format_help(self) -> str:
        """The help or usage text, laid out for the terminal's width."""
        position, width = self._asked
        if width is None:
            import shutil

            width = shutil.get_terminal_size().columns - 2
        self._width = width
        self._max_help_position = min(position, max(width - 20, self._indent_increment * 2))
        return super().format_help()

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        # A paragraph is wrapped to 79 columns, whatever the terminal's width, then laid out
        # as every raw description is (line by line, as given).
        if isinstance(text, HelpParagraph):
            import textwrap

            text = textwrap.fill(text, 79)
        return super()._fill_text(text, width, indent)


#: The exit status when ``--fail-on`` is given and a finding is at or above it.
FAIL_ON_STATUS: Final = 1
#: The exit status when the input cannot be used.
UNUSABLE_STATUS: Final = 2
#: The languages of the sentences a command prints.
LOCALES: Final = ("en_GB", "cy")
_SEVERITIES: Final = tuple(severity.value for severity in Severity)

#: The exit statuses, for every command's ``--help`` and for the docs.
EXIT_STATUSES: Final = """\
exit status:
  0    the answer was printed (or written to --output FILE)
  1    --fail-on SEVERITY was given and a finding is at or above it (the answer is
       still printed or written; sensitive findings count even when withheld)
  2    the input cannot be used: one line on standard error, and no --output file
  141  the reader of standard output went away (... | head -1)
severities, least first: info, met, advice, warning, question, problem, refer
  (a question is a fact nobody has given yet: --fail-on warning counts it, --fail-on
  problem does not)"""


class _HasSeverity(Protocol):
    @property
    def severity(self) -> Severity: ...


def add_common(
    parser: argparse.ArgumentParser,
    *,
    as_at: str | None = None,
    formats: tuple[str, ...] = (),
    locale: bool = False,
    output: bool = True,
    fail_on: bool = False,
) -> None:
    """Add the shared options a command has to its ``parser``.

    ``as_at`` is the help for ``--as-at`` (the date of the question), given only when the
    command answers as at a date; ``formats`` are the forms it can print, the first the
    default; ``locale`` when it prints sentences; ``fail_on`` when its answer has findings.
    """
    if as_at is not None:
        parser.add_argument(
            "--as-at", metavar="DATE", help=f"{as_at}, YYYY-MM-DD (default: today in the UK)"
        )
    # The choices are checked by check_common, not argparse: an unusable value is then one
    # line naming the option, like every other unusable input, not a usage dump.
    if formats:
        parser.add_argument(
            "--format",
            default=formats[0],
            metavar="{" + ",".join(formats) + "}",
            help=f"how to print the answer (default: {formats[0]})",
        )
        parser.set_defaults(format_choices=formats)
    if locale:
        parser.add_argument(
            "--locale",
            default=LOCALES[0],
            metavar="{" + ",".join(LOCALES) + "}",
            help="language of the sentences (default: en_GB)",
        )
    if output:
        parser.add_argument(
            "--output",
            dest="output_file",
            metavar="FILE",
            help="write the answer to FILE (whole, and only when there is an answer; - is "
            "standard output)",
        )
    if fail_on:
        parser.add_argument(
            "--fail-on",
            metavar="SEVERITY",
            help=f"exit with status {FAIL_ON_STATUS} when a finding is at or above SEVERITY "
            f"({', '.join(_SEVERITIES)})",
        )


def check_common(args: argparse.Namespace) -> None:
    """Refuse an unusable ``--format``, ``--locale`` or ``--fail-on`` before any work."""
    formats: tuple[str, ...] = getattr(args, "format_choices", ())
    for option, value, allowed in (
        ("--format", getattr(args, "format", None) if formats else None, formats),
        ("--locale", getattr(args, "locale", None), LOCALES),
        ("--fail-on", getattr(args, "fail_on", None), _SEVERITIES),
    ):
        if value is not None and value not in allowed:
            raise ValidationError(option, f"must be one of {', '.join(allowed)}")


def fail_status(args: argparse.Namespace, findings: Iterable[_HasSeverity]) -> int:
    """The exit status for an answer with ``findings``: 1 when ``--fail-on`` is met, else 0.

    Every finding counts, including one withheld from the printed answer as sensitive.
    """
    threshold = getattr(args, "fail_on", None)
    if threshold is None:
        return 0
    level = Severity(threshold)
    return FAIL_ON_STATUS if any(f.severity.is_at_least(level) for f in findings) else 0


def unwritable(error: OSError) -> ValidationError:
    """The refusal of an ``--output`` file the system would not write (or look at)."""
    return ValidationError("--output", f"cannot be written ({os_reason(error)})")


def _write_directly(target: Path, text: str) -> None:
    if target.is_dir():
        raise ValidationError("--output", "is a folder: name a file")
    try:
        with open(target, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as error:
        raise unwritable(error) from None


def _followed(target: Path) -> Path:
    """``target``, or the path its chain of symbolic links ends at (which may not exist).

    Raises :class:`OSError` (``ELOOP``) for links that lead back to themselves.
    """
    if not target.is_symlink():
        return target
    from pathlib import Path

    # realpath, not strict: a link to a file not yet written ends at that file's path.
    ended = Path(os.path.realpath(target))
    if ended.is_symlink():  # realpath gives up inside a loop and returns a link of it
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(target))
    return ended


#: The start of the temporary file's name: short, so that any name the file system allows
#: for the answer can be written (the answer's own name may be as long as the limit).
_TEMPORARY_PREFIX: Final = ".participatory-"


def write_whole(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, then rename.

    A reader never sees half a file, and on any failure nothing is left behind. The file is
    readable by its owner only, as answers may be a person's special-category data.
    A target that exists and is not a regular file (a pipe, ``/dev/null``, a terminal) is
    written to directly: renaming over it would replace the device or pipe with a file.
    A path that cannot be looked at (a name too long, a folder one may not search) is
    refused as unwritable.

    A symbolic link is followed: the file it points to is replaced (the temporary file
    beside that file, where the rename is atomic) and the link stays, as ``> link`` in a
    shell would leave it. A link to nothing yet writes the file it names when that file's
    folder exists; a loop of links is refused as unwritable.
    """
    # Imported only to write a file: a report printed to the terminal never needs pathlib.
    from pathlib import Path

    try:
        target = _followed(Path(path))
        special = target.exists() and not target.is_file()
    except OSError as error:  # Python 3.11's exists() raises for all but a missing file
        raise unwritable(error) from None
    if special:
        _write_directly(target, text)
        return
    # Imported only to write a file: tempfile brings shutil, random and the compression
    # modules, which a report printed to the terminal never needs.
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_TEMPORARY_PREFIX)
    except OSError as error:
        raise unwritable(error) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise unwritable(error) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
