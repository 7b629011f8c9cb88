"""Cross-references inside a project: every id used is defined once, and defined somewhere.

A project names people once (in ``people``, ``organisations`` and ``staff``) and refers to
them by id everywhere else: payments, role assignments, ethics activities, benefit
circumstances, safeguarding notes and costed sessions. These checks find every id that is
used but not defined, and every id defined twice, each with the field path at fault
(``payments[3].contributor``). They return all the problems at once so a person fixing a
file sees the whole list, not one error per attempt.

The messages quote ids (which the project chose as identifiers, pseudonyms are fine) but
never a sensitive value.
"""

import functools
import re
import types
import typing
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.privacy import is_sensitive

if TYPE_CHECKING:
    from participatory.project.model import Project

__all__ = [
    "SPECIAL_CATEGORY_KEYS",
    "ProjectValidationError",
    "is_special_category",
    "reference_problems",
    "top_key",
    "withheld_if_special",
    "withheld_summary",
]


#: The top-level keys of a project whose whole contents are special-category data: the
#: benefit circumstances by person, and personal safeguarding notes. A problem anywhere
#: inside one is withheld from an error's message, since its path and words
#: (``benefits.dee.people[0].capability``, ``safeguarding_notes[0].person_id: 'dee' …``)
#: would say whose health, benefits or safeguarding needs they are. The readers report a
#: problem inside one at the key alone. Problems at other special-category fields (a
#: person's ``health``) are found from the models: see :func:`is_special_category`.
SPECIAL_CATEGORY_KEYS: Final = ("benefits", "safeguarding_notes")

_TOKEN: Final = re.compile(r"\[[^\]]*\]|[^.\[]+")
_SEQUENCES: Final = (tuple, list, set, frozenset, AbstractSet, Sequence)


def is_special_category(path: str, within: object = None) -> bool:
    """Whether a problem's path lies inside special-category data, so its path names whose.

    ``path`` is a place in plain data read as ``within``: a model class such as
    :class:`~participatory.ledger.HouseholdRecord`, or a collection of one
    (``tuple[Activity, ...]``); by default a :class:`~participatory.project.Project`, where
    everything under one of
    :data:`~participatory.project.references.SPECIAL_CATEGORY_KEYS` is special-category data.

    Otherwise one source says what is: the models. A path is inside special-category data
    when it passes through a field marked sensitive (``attrs.field(metadata=SENSITIVE)``: a
    person's ``health``, ``lived_experience``, ``access_needs`` or ``communities``, a
    household's circumstances …), or names an ethics fact that is sensitive
    (:attr:`~participatory.ethics.facts.Fact.sensitive`: a group's age, capacity, custody
    or vulnerability), which a group's facts hold apart as their ``safeguarding`` answers.

    >>> is_special_category("benefits.dee.people[0].capability"), is_special_category("people[0]")
    (True, False)
    >>> is_special_category("people[0].health"), is_special_category("people[0].name")
    (True, False)
    >>> is_special_category("activities[0].parties[1].facts.under_16")
    True
    >>> is_special_category("activities[0].parties[1].facts.own_data_analysed")
    False

    An ethics file's one ``activity`` is read as a project's ``activities`` are.

    >>> is_special_category("activity.parties[0].notes")
    True
    """
    from participatory.project.model import Project

    if within is None:
        within = Project
    tokens = _TOKEN.findall(path)
    if within is Project:
        if top_key(path) in SPECIAL_CATEGORY_KEYS:
            return True
        if tokens[:1] == ["activity"]:
            tokens[0] = "activities"
            tokens.insert(1, "[0]")
    return _through_sensitive(within, tokens)


def _through_sensitive(kind: object, tokens: list[str]) -> bool:
    """Whether the place ``tokens`` in data of type ``kind`` is in a sensitive field."""
    from participatory.ethics.facts import Fact, Facts

    current: object = kind
    for place, token in enumerate(tokens):
        current = _one_of(current)
        if typing.get_origin(current) in (typing.Union, types.UnionType):
            # One of several models (a roles party: a person, an organisation or staff):
            # sensitive if it is in any of them, since the data may be that one.
            rest = tokens[place:]
            return any(_through_sensitive(arm, rest) for arm in typing.get_args(current))
        origin = typing.get_origin(current) or current
        arguments = typing.get_args(current)
        if token.startswith("["):  # an item of a list
            if not (isinstance(origin, type) and issubclass(origin, _SEQUENCES) and arguments):
                return False
            current = arguments[0]
        elif current is Facts:
            # A fact's answer: the sensitive facts are the group's safeguarding answers.
            return token in {fact.value for fact in Fact if fact.sensitive}
        elif isinstance(origin, type) and issubclass(origin, Mapping) and len(arguments) == 2:
            current = arguments[1]  # the token is a key: the place is its value
        elif isinstance(current, type) and attrs.has(current):
            field = _fields(current).get(token)
            if field is None:
                return False
            if is_sensitive(field):
                return True
            current = field.type
        else:
            return False
    return False


def _one_of(kind: object) -> object:
    """``kind`` with ``None`` taken out of an optional type (``Plan | None`` is ``Plan``)."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        arms = [arm for arm in typing.get_args(kind) if arm is not type(None)]
        return arms[0] if len(arms) == 1 else kind
    return kind


@functools.lru_cache(maxsize=256)  # keyed by model class: a few dozen in all
def _fields(kind: type) -> "dict[str, attrs.Attribute[Any]]":
    """The fields of an attrs class by name, their types resolved (as the readers do)."""
    attrs.resolve_types(kind)
    return {field.name: field for field in attrs.fields(kind)}


def top_key(path: str) -> str:
    """The first key of a dotted path: ``top_key("benefits.dee.people[0]")`` is ``benefits``."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def withheld_summary(paths: Iterable[str], within: object = None) -> list[str]:
    """One line per special-category field, counting the problems withheld inside it.

    A field is named by its top key, a project's ``benefits`` or a group's ``facts``, except
    where that key is itself special-category data in ``within`` (a model, as for
    :func:`is_special_category`): a household's ``housing_benefit`` or a person's ``esa``
    would say which benefit is claimed, so such problems are counted without a name.

    >>> withheld_summary(["benefits.dee.people[0].esa"])
    ['benefits: 1 problem in special-category data, withheld (shown with --include-sensitive)']
    >>> from participatory.benefits import Household
    >>> withheld_summary(["housing_benefit.weekly_award"], Household)
    ['1 problem in special-category data, withheld (shown with --include-sensitive)']
    """
    counts = Counter(_summary_key(path, within) for path in paths)
    return [
        f"{key}: " * bool(key) + f"{count} problem{'' if count == 1 else 's'} in "
        "special-category data, withheld (shown with --include-sensitive)"
        for key, count in counts.items()
    ]


#: attrs' default factory class (``attrs.Factory`` is typed as a function to mypy).
_FACTORY: Final[type] = type(attrs.Factory(list))


def _summary_key(path: str, within: object) -> str:
    key = top_key(path)
    if within is None or not key or not is_special_category(key, within):
        return key
    # A field every such record holds (a household's ``people``, a group's ``facts``) says
    # nothing by being named; an optional one (``housing_benefit``, ``esa``) says it is there.
    fields = attrs.fields_dict(within) if isinstance(within, type) and attrs.has(within) else {}
    field = fields.get(key)
    if field is None or field.default is attrs.NOTHING or isinstance(field.default, _FACTORY):
        return key
    return ""


class ProjectValidationError(ValidationError):
    """Several problems with one project, each a validation error with its own path.

    ``path`` and ``problem`` are those of the first problem that may be shown, so code that
    handles a single :class:`~participatory.core.errors.ValidationError` still gets a useful
    message. Problems inside special-category data
    (:data:`~participatory.project.references.SPECIAL_CATEGORY_KEYS`) are
    counted in the message, not described; :meth:`describe` with ``include_sensitive=True``
    spells them out for the person entitled to them.

    >>> error = ProjectValidationError([ValidationError("payments[0].contributor", "is unknown"),
    ...                                 ValidationError("roles[1].party", "is unknown")])
    >>> [p.path for p in error.problems]
    ['payments[0].contributor', 'roles[1].party']
    >>> print(error)
    2 problems: payments[0].contributor: is unknown; roles[1].party: is unknown
    >>> print(ProjectValidationError([ValidationError("benefits.dee", "is unknown")]))
    benefits: 1 problem in special-category data, withheld (shown with --include-sensitive)

    ``within`` is the model the paths are in (:func:`is_special_category`), a project's by
    default.
    """

    def __init__(self, problems: Iterable[ValidationError], *, within: object = None) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a ProjectValidationError needs at least one problem")
        self._within = within
        public = [p for p in self.problems if not is_special_category(p.path, within)]
        withheld = [p.path for p in self.problems if is_special_category(p.path, within)]
        if public:
            first = public[0]
            super().__init__(first.path, first.problem, hint=first.hint)
        else:
            super().__init__(
                _summary_key(withheld[0], within), "has problems in special-category data"
            )
        summary = withheld_summary(withheld, within)
        self.args = (self._message([str(p) for p in public] + summary),)

    def _message(self, lines: list[str]) -> str:
        count = len(self.problems)
        listed = "; ".join(lines)
        return listed if count == 1 else f"{count} problems: {listed}"

    def __str__(self) -> str:
        return str(self.args[0])

    def describe(self, *, include_sensitive: bool = False) -> str:
        """The message; ``include_sensitive`` spells out the withheld problems too."""
        if not include_sensitive:
            return str(self)
        return self._message([str(p) for p in self.problems])

    def __reduce__(self) -> tuple[Any, ...]:
        return (functools.partial(ProjectValidationError, within=self._within), (self.problems,))


def withheld_if_special(error: ValidationError, within: object) -> ValidationError:
    """``error``, or one that counts it without saying it when its path is special-category.

    For a model's own checks (a group's age answers that contradict each other say what
    they are): ``within`` is the model the path is in, as for :func:`is_special_category`.
    The problem stays in the returned error's ``problems`` for
    :meth:`~ProjectValidationError.describe` with ``include_sensitive=True``, and for a
    reader, which finds the path there.

    >>> from participatory.ethics.activity import Party
    >>> error = ValidationError("facts.under_16", "contradicts under_18")
    >>> print(withheld_if_special(error, Party))
    facts: 1 problem in special-category data, withheld (shown with --include-sensitive)
    >>> withheld_if_special(ValidationError("label", "is empty"), Party).path
    'label'
    """
    if not is_special_category(error.path, within):
        return error
    return ProjectValidationError([error], within=within)


def _duplicates(items: Iterable[tuple[str, str]], what: str) -> Iterator[ValidationError]:
    seen: dict[str, str] = {}
    for path, identifier in items:
        if identifier in seen:
            yield ValidationError(
                path, f"repeats the {what} id {identifier!r} already used at {seen[identifier]}"
            )
        else:
            seen[identifier] = path


def _unknown(
    items: Iterable[tuple[str, str]], known: Mapping[str, str], what: str
) -> Iterator[ValidationError]:
    for path, identifier in items:
        if identifier not in known:
            yield ValidationError(path, f"{identifier!r} is not one of the project's {what}")


def _party_ids(project: "Project") -> list[tuple[str, str]]:
    return [
        *((f"people[{i}].id", p.id) for i, p in enumerate(project.people)),
        *((f"organisations[{i}].id", o.id) for i, o in enumerate(project.organisations)),
        *((f"staff[{i}].id", s.id) for i, s in enumerate(project.staff)),
    ]


def _person_uses(project: "Project") -> Iterator[tuple[str, str]]:
    for index, payment in enumerate(project.payments):
        yield f"payments[{index}].contributor", payment.contributor
    for person in project.benefits:
        yield f"benefits.{person}", person
    for index, note in enumerate(project.safeguarding_notes):
        yield f"safeguarding_notes[{index}].person_id", note.person_id
    for index, session in enumerate(project.sessions):
        for position, person in enumerate(session.contributors):
            yield f"sessions[{index}].contributors[{position}]", person


def _party_uses(project: "Project") -> Iterator[tuple[str, str]]:
    for field in ("roles", "contributions", "authorship_offers"):
        for index, item in enumerate(getattr(project, field)):
            yield f"{field}[{index}].party", item.party
    for index, activity in enumerate(project.activities):
        for position, party in enumerate(activity.parties):
            for person in sorted(party.people):
                yield f"activities[{index}].parties[{position}].people", person


def reference_problems(project: "Project") -> list[ValidationError]:
    """Every duplicated or unknown id in ``project``, in file order."""
    problems: list[ValidationError] = []
    parties = _party_ids(project)
    problems.extend(_duplicates(parties, "person or organisation"))
    people = {p.id: f"people[{i}]" for i, p in enumerate(project.people)}
    known = {identifier: path for path, identifier in parties}
    problems.extend(_unknown(_person_uses(project), people, "people"))
    problems.extend(_unknown(_party_uses(project), known, "people, organisations or staff"))
    problems.extend(
        _duplicates(
            ((f"payments[{i}].id", p.id) for i, p in enumerate(project.payments)), "payment"
        )
    )
    problems.extend(
        _duplicates(
            ((f"activities[{i}].id", a.id) for i, a in enumerate(project.activities)), "activity"
        )
    )
    problems.extend(
        _duplicates(
            ((f"sessions[{i}].id", s.id) for i, s in enumerate(project.sessions)), "session"
        )
    )
    for index, payment in enumerate(project.payments):
        if payment.amount.currency != project.currency:
            problems.append(
                ValidationError(
                    f"payments[{index}].amount",
                    f"must be in the project's currency {project.currency}",
                )
            )
    if project.safeguarding is not None and project.safeguarding.partners:
        problems.append(
            ValidationError(
                "safeguarding.partners",
                "names partner organisations a second time",
                hint="name each once, under organisations, with the groups it has expertise in",
            )
        )
    if project.budget is not None and project.budget.currency != project.currency:
        problems.append(
            ValidationError("budget.currency", f"must be the project's currency {project.currency}")
        )
    return problems
