"""One error for an unusable project file, listing every problem with its field path.

Reading a file reports every problem as a tree of exceptions (a record, then a field,
then a list index …: :mod:`participatory.core.reading`). :func:`problems_of` walks that
tree and turns each leaf into a ``(path, problem)`` pair such as
``("payments[3].amount", "must not be negative")``. Only messages the library wrote itself
are kept; any other exception (a ``ValueError`` from Python, say) is replaced by a plain
"is not valid here", because such messages can quote the value, which may be
special-category data.

>>> error = ProjectFileError("river.toml", [("payments[3].contributor", "is missing")])
>>> print(error)
river.toml: payments[3].contributor: is missing
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.reading import (
    FieldNote,
    ItemNote,
    ItemProblems,
    RecordProblems,
    UnknownKeys,
)
from participatory.ethics.facts import Facts
from participatory.project.references import (
    SPECIAL_CATEGORY_KEYS,
    ProjectValidationError,
    is_special_category,
    top_key,
    withheld_summary,
)

__all__ = [
    "SPECIAL_CATEGORY_KEYS",
    "ProjectFileError",
    "is_special_category",
    "join_path",
    "problems_of",
]


class ProjectFileError(ParticipatoryError, ValueError):
    """A project file that cannot be used: the file, and every problem with its path.

    ``str(error)`` is one line (for a command's one-line reason); :meth:`lines` gives one
    problem per line. Problems inside special-category data
    (:data:`~participatory.project.references.SPECIAL_CATEGORY_KEYS`) are counted, not
    described, in both: they are kept in :attr:`sensitive_problems` for the person entitled
    to them (``participatory assess --include-sensitive`` prints them). So are problems at
    any other special-category field, found from the models (a person's ``health``, a
    group's age answers: :func:`~participatory.project.references.is_special_category`).

    >>> error = ProjectFileError("p.toml", [("title", "is missing"),
    ...     ("benefits.dee.people[0].capability", "must be one of none, lcw, lcwra")])
    >>> print(error)
    p.toml: 2 problems: title: is missing; benefits: 1 problem in special-category data, withheld (shown with --include-sensitive)
    >>> error.sensitive_problems
    (('benefits.dee.people[0].capability', 'must be one of none, lcw, lcwra'),)
    """  # noqa: E501

    def __init__(
        self,
        file: str,
        problems: Iterable[tuple[str, str]],
        sensitive_problems: Iterable[tuple[str, str]] = (),
    ) -> None:
        given = tuple(problems)
        self.file = file
        #: The problems that may be shown to anyone, each ``(path, problem)``.
        self.problems = tuple(p for p in given if not is_special_category(p[0]))
        #: The problems inside special-category data, for the person entitled to see them:
        #: those of ``problems`` whose path is inside a project's special-category data
        #: (:func:`~participatory.project.references.is_special_category`), and every one of
        #: ``sensitive_problems`` (found so by a reader of another kind of file).
        self.sensitive_problems = tuple(p for p in given if is_special_category(p[0])) + tuple(
            sensitive_problems
        )
        super().__init__(self.describe())

    def lines(self, *, include_sensitive: bool = False) -> list[str]:
        """One ``path: problem`` line per problem (special-category ones only if asked)."""
        shown = [_line(path, problem) for path, problem in self.problems]
        if include_sensitive:
            return shown + [_line(path, problem) for path, problem in self.sensitive_problems]
        return shown + withheld_summary(path for path, _ in self.sensitive_problems)

    def describe(self, *, include_sensitive: bool = False) -> str:
        """The one-line message; ``include_sensitive`` spells out withheld problems too."""
        lines = self.lines(include_sensitive=include_sensitive)
        count = len(self.problems) + len(self.sensitive_problems)
        prefix = f"{self.file}: " if count <= 1 else f"{self.file}: {count} problems: "
        return prefix + ("; ".join(lines) or "cannot be used")

    def __reduce__(self) -> tuple[Any, ...]:
        return (ProjectFileError, (self.file, self.problems, self.sensitive_problems))


def _line(path: str, problem: str) -> str:
    return f"{path}: {problem}" if path else problem


def join_path(prefix: str, path: str) -> str:
    """``prefix`` and a relative ``path`` joined: ``join_path("people[0]", "kind")``.

    >>> join_path("people[0]", "kind"), join_path("payments", "[3]"), join_path("", "id")
    ('people[0].kind', 'payments[3]', 'id')
    """
    if not prefix:
        return path
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


def _step(prefix: str, note: object) -> str:
    if isinstance(note, FieldNote):
        return join_path(prefix, note.name)
    if isinstance(note, ItemNote):
        index = note.index
        if isinstance(index, str):
            return join_path(prefix, index)
        return f"{prefix}[{index}]"
    return prefix


def _names_its_field(error: BaseException, note: object) -> bool:
    """Whether ``error``'s own path already starts at the field ``note`` is about.

    Ethics facts name a problem from the field that holds them (``facts.randomised``,
    so that ``Party(…, facts=…)`` says where): under that field the path is the file's
    ``parties[0].facts.randomised``, not ``parties[0].facts.facts.randomised``.
    """
    return (
        isinstance(note, FieldNote)
        and note.type is Facts
        and isinstance(error, ValidationError)
        and top_key(error.path) == note.name
    )


def _message(error: ValidationError) -> str:
    return f"{error.problem} ({error.hint})" if error.hint else error.problem


def problems_of(error: BaseException, path: str = "") -> Iterator[tuple[str, str]]:
    """Every problem in a reading's error tree (or one of the library's errors), with its path."""
    if isinstance(error, RecordProblems | ItemProblems):
        with_notes, without_notes = error.group_exceptions()
        for sub, note in with_notes:
            if _names_its_field(sub, note):
                yield from problems_of(sub, path)
            else:
                yield from problems_of(sub, _step(path, note))
        for sub in without_notes:
            yield from problems_of(sub, path)
    elif isinstance(error, ProjectValidationError):
        for problem in error.problems:
            yield join_path(path, problem.path), _message(problem)
    elif isinstance(error, UnknownKeys):
        keys = ", ".join(sorted(error.extra_fields))
        yield path, f"has unknown key(s): {keys}"
    elif isinstance(error, ValidationError):
        yield join_path(path, error.path), _message(error)
    elif isinstance(error, ParticipatoryError):
        # The library's own errors (a rate card file, an unknown bundled card) name keys
        # and files, never a person's data.
        yield path, str(error)
    elif isinstance(error, KeyError):
        yield path, "is missing"
    else:
        yield path, "is not valid here"
