"""The library's exceptions.

Every error the library raises on purpose is a :class:`ParticipatoryError`, so a calling
system can catch one type. Messages say what was wrong, where (a field path when there is
one) and how to fix it. They never contain the value of a field marked sensitive: the
constructors below take the *name* of what was wrong, and callers pass values only for
fields that are not sensitive.

Every error can be pickled and copied and reads back whole (its path, problem, hint and
notes), so one raised in a worker process reaches the caller as itself.

>>> try:
...     raise ValidationError("amount", "must not be negative", hint="use a refund payment")
... except ParticipatoryError as error:
...     print(error)
amount: must not be negative (use a refund payment)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = [
    "CurrencyMismatch",
    "FiguresNotAvailable",
    "ParameterFileError",
    "ParametersNotAvailable",
    "ParticipatoryError",
    "UnknownParameter",
    "UnknownSource",
    "UnsupportedCase",
    "ValidationError",
    "os_reason",
]


class ParticipatoryError(Exception):
    """Base class of every error the library raises on purpose."""

    def describe(self, *, include_sensitive: bool = False) -> str:
        """The error in one line; ``include_sensitive`` adds any details it withholds.

        An error whose details are special-category data (a problem inside a person's
        benefit circumstances) withholds them from ``str``; the person entitled to them
        asks with ``include_sensitive=True``. Most errors withhold nothing.
        """
        return str(self)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default rebuilds an error by calling its class with ``args`` (the message),
        # but these classes take their parts (a path and a problem, a file and a key): a
        # pickled or copied error could not be read back, so one raised in a worker process
        # never reached its caller. Rebuilt as pickle rebuilds any object instead: made
        # with its message, then given its attributes.
        return (_rebuilt, (type(self), self.args), self.__dict__ or None)


def _rebuilt(cls: type[ParticipatoryError], args: tuple[Any, ...]) -> ParticipatoryError:
    """An error of class ``cls`` holding ``args``, its attributes still to be set."""
    return cls.__new__(cls, *args)


class ValidationError(ParticipatoryError, ValueError):
    """Input that breaks a rule of the model.

    ``path`` names the field (dotted, with list indices, e.g. ``people[2].role``);
    ``problem`` says what is wrong with it in words that never quote a sensitive value.
    """

    def __init__(self, path: str, problem: str, *, hint: str | None = None) -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        message = f"{path}: {problem}" if path else problem
        if hint:
            message += f" ({hint})"
        super().__init__(message)

    def at(self, prefix: str) -> ValidationError:
        """Return the same error with ``prefix`` put before its path.

        >>> ValidationError("amount", "is negative").at("payments[3]").path
        'payments[3].amount'
        """
        if not prefix:
            return self
        joined = prefix if not self.path else f"{prefix}.{self.path}"
        if self.path.startswith("["):
            joined = f"{prefix}{self.path}"
        return ValidationError(joined, self.problem, hint=self.hint)


class CurrencyMismatch(ParticipatoryError, ValueError):
    """Arithmetic or comparison between amounts in different currencies."""

    def __init__(self, left: str, right: str, operation: str) -> None:
        self.left = left
        self.right = right
        super().__init__(
            f"cannot {operation} {left} and {right}: convert one amount first; "
            "the library never converts currencies itself"
        )


class ParametersNotAvailable(ParticipatoryError, LookupError):
    """A dated parameter was asked for on a date its data does not cover."""

    def __init__(
        self,
        name: str,
        as_at: dt.date,
        covered_from: dt.date | None,
        covered_until: dt.date | None,
    ) -> None:
        self.name = name
        self.as_at = as_at
        self.covered_from = covered_from
        self.covered_until = covered_until
        if covered_from is None:
            coverage = "it has no values"
        else:
            until = covered_until.isoformat() if covered_until else "open-ended"
            coverage = f"the data covers {covered_from.isoformat()} to {until}"
        super().__init__(
            f"parameter {name!r} is not available on {as_at.isoformat()}: {coverage}. "
            "Use a date in that range, or load newer parameter data"
        )


class FiguresNotAvailable(ParametersNotAvailable):
    """:class:`ParametersNotAvailable` for a check of one person, not naming the parameter.

    The parameter a check of a person's payments stops at (``carers_allowance.earnings_limit``)
    says which benefit they claim, and so is special-category data in a log line or beside
    ``--person``: ``str`` says only that the benefit figures do not cover ``when``, and
    :meth:`describe` adds the parameter when ``include_sensitive`` is true. An ``except
    ParametersNotAvailable`` still catches it; ``name``, ``as_at`` and the coverage are those
    of the parameter, for the program, never in the message.

    >>> error = FiguresNotAvailable("2027-06-10", ParametersNotAvailable(
    ...     "carers_allowance.earnings_limit", dt.date(2027, 6, 9), dt.date(2024, 4, 8),
    ...     dt.date(2027, 4, 5)))
    >>> print(error)
    the benefit figures do not cover 2027-06-10: use a date they cover, or load newer parameter data
    >>> "carers" in error.describe(include_sensitive=True)
    True
    """

    _detail: str

    def __init__(self, when: str, cause: ParametersNotAvailable) -> None:
        self.name = cause.name
        self.as_at = cause.as_at
        self.covered_from = cause.covered_from
        self.covered_until = cause.covered_until
        self.when = when
        # Asked about again by a caller with its own day (the ledger's tax year): the figure
        # that stopped the check is still the one described.
        self._detail = cause._detail if isinstance(cause, FiguresNotAvailable) else str(cause)
        ParticipatoryError.__init__(
            self,
            f"the benefit figures do not cover {when}: use a date they cover, or load newer "
            "parameter data",
        )

    def describe(self, *, include_sensitive: bool = False) -> str:
        """The error in one line; with ``include_sensitive``, the parameter that stopped it."""
        if not include_sensitive:
            return str(self)
        return f"{self} ({self._detail})"


class UnknownParameter(ParticipatoryError, KeyError):
    """A parameter name that no loaded parameter file defines."""

    def __init__(self, name: str, suggestion: str | None = None) -> None:
        self.name = name
        message = f"no parameter is named {name!r}"
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class ParameterFileError(ParticipatoryError, ValueError):
    """A parameter or rate-card file that cannot be used, with the file and key at fault."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        where = f"{file}: {key}" if key else file
        super().__init__(f"{where}: {problem}")


class UnsupportedCase(ParticipatoryError):
    """A case the rules engines deliberately do not decide, with what to do instead."""

    def __init__(self, what: str, *, instead: str) -> None:
        self.what = what
        self.instead = instead
        super().__init__(f"{what} is not supported: {instead}")


class UnknownSource(ParticipatoryError, KeyError):
    """A source or passage reference that the catalogue of sources does not hold."""

    def __str__(self) -> str:
        return str(self.args[0])


def os_reason(error: OSError) -> str:
    """Why the system refused a file, in words for a one-line refusal.

    The system's own words (``File name too long``) where it gives them, else the kind of
    error: an ``OSError`` raised without a message has no ``strerror``.

    >>> os_reason(OSError(36, "File name too long"))
    'File name too long'
    >>> os_reason(PermissionError())
    'PermissionError'
    """
    return error.strerror or type(error).__name__
