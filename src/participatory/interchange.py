"""Plain data (dicts, lists, text: what JSON holds) to the engines' inputs and back.

Another system sends the library plain data and gets plain data back.
:func:`from_plain` builds any input model (a :class:`~participatory.benefits.Household` with
its people and claims, a :class:`~participatory.benefits.Receipt`, a
:class:`~participatory.payments.Payment` or :class:`~participatory.payments.PaymentPlan`, an
ethics :class:`~participatory.ethics.activity.Activity`, a whole
:class:`~participatory.project.Project`, a rate card by name …) from plain data, nested
records included; :func:`to_plain` turns a model or an answer back into plain data (an
answer, such as a :class:`~participatory.benefits.Headroom`, is written and never read:
:func:`from_plain` refuses it), and :func:`loads` and :func:`dumps` do the same through JSON
text. The field names are the
models' own, so the Python API, project files, the command line and JSON never drift apart:
the command line reads its input with these same functions.

The forms are those of project files (:doc:`/howto/project-files`). Money is written one
way: ``"90.00 GBP"`` (the object ``{"amount": "90.00", "currency": "GBP"}`` that earlier
development versions wrote is still read, and never written). Dates are ``"2026-05-12"``, named
values their value (``"lcw"``), numbers that are not money exact (``"2.5"`` or ``2``, never
a float), sets sorted lists.

Input that cannot be used raises :class:`PlainDataError` (a
:class:`~participatory.core.errors.ValidationError`) naming every problem with its path,
``household.people[1].esa.weekly_award: must be money …``, and never the value (it may be
special-category data): never a ``TypeError`` or ``KeyError``. A problem at a
special-category field (a person's ``capability`` or ``health``, a group's age answers) is
counted in the message, since its path says whose data it is or what the answer is; the
error's ``problems`` and ``describe(include_sensitive=True)`` name it.

>>> from participatory.benefits import Household, UniversalCreditClaim
>>> home = from_plain(Household, {
...     "people": [{"id": "me", "capability": "lcw"}],
...     "universal_credit": {"first_date_of_entitlement": "2025-03-10"}})
>>> isinstance(home.universal_credit, UniversalCreditClaim)
True
>>> plain = to_plain(home, include_sensitive=True)
>>> plain["people"][0]["monthly_earnings"]
'0.00 GBP'
>>> from_plain(Household, plain) == home
True
>>> from_plain(Household, {"people": [{"id": "me"}], "nation": "atlantis"})
Traceback (most recent call last):
...
participatory.interchange.PlainDataError: nation: must be one of 'england', 'wales', ...
>>> from_plain(Household, {"people": [{"id": "me", "capability": "sometimes"}]})
Traceback (most recent call last):
...
participatory.interchange.PlainDataError: people: 1 problem in special-category data, withheld ...

Circumstances are special-category data: :func:`to_plain` leaves every sensitive field out
unless ``include_sensitive=True`` is given, which only a system entitled to the data should
pass (the default output cannot be read back as the same household).
"""

from __future__ import annotations

import contextlib
import functools
import json
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
import cattrs

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import ExplainedResult, Finding
from participatory.core.limits import decode_utf8, parse_json
from participatory.core.reading import Reader
from participatory.core.serialise import converter as plain_converter
from participatory.core.serialise import make_converter
from participatory.ethics.facts import Facts
from participatory.payments.rates import RateCard, bundled_rate_cards
from participatory.project.convert import BASE_DIRECTORY, project_converter
from participatory.project.errors import join_path, problems_of
from participatory.project.model import Project
from participatory.project.references import (
    SPECIAL_CATEGORY_KEYS,
    is_special_category,
    withheld_summary,
)
from participatory.roles.models import (
    PARTY_TYPE_KEY,
    PARTY_TYPES,
    PartnerOrganisation,
    Party,
    party_type,
)
from participatory.roles.project import ProjectRoles
from participatory.safeguarding.models import SafeguardingProfile

__all__ = ["PlainDataError", "dumps", "from_plain", "loads", "to_plain"]

T = TypeVar("T")


class PlainDataError(ValidationError):
    """Plain data that cannot be read: every problem, each with its path.

    ``path`` and ``problem`` are the first; ``problems`` holds them all, in
    the order of the data. No message repeats a value.

    >>> error = PlainDataError([("people[0].id", "is missing"), ("nation", "must be text")])
    >>> print(error)
    2 problems: people[0].id: is missing; nation: must be text
    >>> error.path
    'people[0].id'

    Given ``within``, the model the paths are in, the message counts the problems inside
    special-category data (:func:`~participatory.project.references.is_special_category`: a
    person's ``health``, a group's age answers) and never describes them, while
    ``problems`` keeps every one with its path, for a reader that withholds them in its own
    output; :meth:`describe` with ``include_sensitive=True`` spells them out.

    >>> from participatory.roles import ProjectRoles
    >>> error = PlainDataError([("parties[0].health", "must be text")], within=ProjectRoles)
    >>> print(error)
    parties: 1 problem in special-category data, withheld (shown with --include-sensitive)
    >>> error.problems
    (('parties[0].health', 'must be text'),)
    """

    def __init__(
        self,
        problems: Iterable[tuple[str, str]],
        sensitive_problems: Iterable[tuple[str, str]] = (),
        *,
        within: object = None,
    ) -> None:
        given = tuple(problems)
        self._within = within
        special = (
            [p for p in given if is_special_category(p[0], within)] if within is not None else []
        )
        #: Problems inside a project's special-category data (its ``benefits``, a person's
        #: ``health`` …: their paths name the person), counted in the message.
        self.sensitive_problems: tuple[tuple[str, str], ...] = tuple(special) + tuple(
            sensitive_problems
        )
        said = [p for p in given if p not in special]
        shown = tuple(said) + tuple(
            ("", line)
            for line in withheld_summary(
                (path for path, _ in self.sensitive_problems), self._within
            )
        )
        invalid = (("", "is not valid"),)
        listed = given if within is not None else shown
        self.problems: tuple[tuple[str, str], ...] = listed or invalid
        path, problem = (shown or invalid)[0]
        super().__init__(path, problem)
        if len(self.problems) > 1:
            lines = "; ".join(f"{p}: {text}" if p else text for p, text in shown)
            self.args = (f"{len(self.problems)} problems: {lines}",)

    def describe(self, *, include_sensitive: bool = False) -> str:
        """The message; ``include_sensitive`` spells out the withheld problems too."""
        if not include_sensitive or not self.sensitive_problems:
            return str(self)
        summary = set(withheld_summary((path for path, _ in self.sensitive_problems), self._within))
        said = [
            p
            for p in self.problems
            if p not in self.sensitive_problems and not (p[0] == "" and p[1] in summary)
        ]
        every = [*said, *self.sensitive_problems]
        lines = "; ".join(f"{p}: {text}" if p else text for p, text in every)
        return lines if len(every) == 1 else f"{len(every)} problems: {lines}"

    def __reduce__(self) -> tuple[Any, ...]:
        if self._within is not None:
            return (functools.partial(PlainDataError, within=self._within), (self.problems,))
        withheld = len(
            withheld_summary((path for path, _ in self.sensitive_problems), self._within)
        )
        shown = self.problems[: len(self.problems) - withheld]
        return (PlainDataError, (shown, self.sensitive_problems))


@functools.cache
def _reader() -> Reader:
    # Imported here: only a brand's logo needs it, and its SVG checks cost every import.
    from participatory.render.branding import Logo

    conv = project_converter()
    # Two forms read only here, never in a project file (which holds no logo, and lists its
    # people, organisations and staff apart): registered once, on first use.
    conv.register_structure_hook(Logo, lambda value, _type: Logo.from_plain(value))
    conv.register_structure_hook_func(_is_party, _party)
    return conv


def _is_party(kind: object) -> bool:
    return kind == Party


def _party(value: object, _type: object) -> Party:
    """A party of ``ProjectRoles.parties``: read as the class its ``party_type`` names."""
    if not isinstance(value, Mapping):
        raise ValidationError("", "must be a table (a JSON object) of its fields")
    kind = PARTY_TYPES.get(value.get(PARTY_TYPE_KEY))  # type: ignore[arg-type]
    if kind is None:
        raise ValidationError(PARTY_TYPE_KEY, f"must be one of {', '.join(PARTY_TYPES)}")
    fields = {key: item for key, item in value.items() if key != PARTY_TYPE_KEY}
    party: Party = _reader().structure(fields, kind)
    return party


def _facts(include_sensitive: bool) -> Callable[[Facts], dict[str, str]]:
    def plain(facts: Facts) -> dict[str, str]:
        # The form facts are given in: fact name to answer (safeguarding answers only for
        # a receiver entitled to them).
        pairs = facts.answers + (facts.safeguarding if include_sensitive else ())
        return {fact.value: answer.value for fact, answer in sorted(pairs, key=_by_fact)}

    return plain


def _by_fact(pair: tuple[Any, Any]) -> str:
    return str(pair[0].value)


@functools.lru_cache(maxsize=2)  # one per mode
def _writer(include_sensitive: bool) -> cattrs.Converter:
    from participatory.render.branding import Logo  # as in _reader

    # A person's statement or headroom from the ledger writes its withheld findings as one
    # record: make_converter does that, as core.serialise.unstructure does, so both agree.
    conv = make_converter(
        include_sensitive=include_sensitive,
        forms={Facts: _facts(include_sensitive), RateCard: _rate_card, Logo: Logo.to_plain},
    )
    roles = conv.get_unstructure_hook(ProjectRoles)

    def project_roles(value: ProjectRoles) -> Any:
        # Each party says which kind it is, so that from_plain can read the list back.
        data = roles(value)
        data["parties"] = [
            {PARTY_TYPE_KEY: party_type(party), **plain}
            for party, plain in zip(value.parties, data["parties"], strict=True)
        ]
        return data

    conv.register_unstructure_hook(ProjectRoles, project_roles)
    profile = conv.get_unstructure_hook(SafeguardingProfile)

    def safeguarding(value: SafeguardingProfile) -> Any:
        # A project names each partner once, under organisations, and fills the profile's
        # partners from there: an empty list is left out, so the profile reads back.
        data = profile(value)
        if isinstance(data, dict) and not data.get("partners"):
            data.pop("partners", None)
        return data

    conv.register_unstructure_hook(SafeguardingProfile, safeguarding)
    return conv


def _rate_card(card: RateCard) -> Any:
    # A bundled card is written as its name, the form a project file names it by; any other
    # card as its data, which from_plain reads back.
    for name, bundled in bundled_rate_cards().items():
        if bundled == card:
            return name
    return plain_converter(include_sensitive=True).unstructure(card)


@contextlib.contextmanager
def _base(directory: Path | None) -> Iterator[None]:
    token = BASE_DIRECTORY.set(directory)
    try:
        yield
    finally:
        BASE_DIRECTORY.reset(token)


@computes_exactly  # models built in a caller's context of precision 3 were refused
def from_plain(kind: type[T], data: object, *, base_directory: Path | None = None) -> T:
    """``data`` (dicts, lists, text, numbers) read as ``kind``, nested records included.

    ``kind`` is a model class (``Household``) or a collection of one
    (``tuple[Receipt, ...]``). A rate card given as ``{"file": …}`` is looked for in
    ``base_directory`` (else the working directory). Raises :class:`PlainDataError` listing
    every problem with its path.

    An answer (a :class:`~participatory.core.explain.Finding`, or any result that carries
    findings: a :class:`~participatory.benefits.Headroom`, a
    :class:`~participatory.benefits.SafePayment`, a statement …) is refused whatever the
    data, naming the kind: :func:`to_plain` writes it for another system to keep or show,
    but its plain form cannot be read back as the same answer (a finding's values are
    written as text, and a withheld finding keeps nothing), and an answer is worked out by
    the library from its inputs, never taken from outside. Keep the inputs and ask again.

    >>> from participatory.benefits import Receipt
    >>> paid = from_plain(
    ...     tuple[Receipt, ...], [{"amount": "90.00 GBP", "received_on": "2026-05-12"}])
    >>> paid[0].amount
    Money('90.00', 'GBP')
    >>> from_plain(Receipt, {"amount": 90, "received_on": "2026-05-12", "colour": "red"})
    Traceback (most recent call last):
    ...
    participatory.interchange.PlainDataError: 2 problems: amount: must be money such as ...
    >>> from participatory.benefits import Headroom
    >>> from_plain(Headroom, {"day": "2026-05-12", "by_benefit": {}})
    Traceback (most recent call last):
    ...
    participatory.interchange.PlainDataError: Headroom is an answer the library works out, ...
    """
    answer = _answer_in(kind)
    if answer is not None:
        raise PlainDataError(
            [
                (
                    "",
                    f"{answer} is an answer the library works out, not input: it is not read "
                    "from plain data (keep the inputs and ask again)",
                )
            ]
        )
    if kind is SafeguardingProfile and isinstance(data, Mapping) and "partners" in data:
        return _profile_with_partners(data, base_directory)  # type: ignore[return-value]
    try:
        with _base(base_directory):
            found: T = _reader().structure(data, kind)
    except RecursionError:
        problems = [("", "is nested too deeply")]
    except Exception as error:  # every failure becomes named problems, never a traceback
        problems = list(problems_of(error))
    else:
        return found
    # Raised out here, so that no __context__ keeps the reading's errors (they may quote values).
    if kind is not Project:
        # The paths say where, for a reader to withhold; the message counts the problems in
        # special-category data (a person's health, a group's age answers) as below.
        raise PlainDataError(problems, within=kind) from None
    # A project's paths into special-category data (its benefits, a person's health) say
    # whose it is: counted only (project.references.is_special_category).
    raise PlainDataError(
        [p for p in problems if not is_special_category(p[0])],
        [p for p in problems if is_special_category(p[0])],
    ) from None


def _answer_in(kind: object) -> str | None:
    """The name of the answer ``kind`` is, or holds (``tuple[Finding, ...]``), if any."""
    if isinstance(kind, type) and issubclass(kind, Finding | ExplainedResult):
        return kind.__name__
    for part in typing.get_args(kind):
        found = _answer_in(part)
        if found is not None:
            return found
    return None


def _profile_with_partners(
    data: Mapping[str, Any], base_directory: Path | None
) -> SafeguardingProfile:
    """A profile sent on its own, with the ``partners`` :func:`to_plain` writes for it.

    In a project file each partner is named once, under ``organisations``, and the
    profile's ``partners`` is refused there (the project fills it); a profile on its own has
    nowhere else to name them, so here they are read as the profile's own.
    """
    problems: list[tuple[str, str]] = []
    rest = {key: value for key, value in data.items() if key != "partners"}
    profile = partners = None
    try:
        profile = from_plain(SafeguardingProfile, rest, base_directory=base_directory)
    except PlainDataError as error:
        problems.extend(error.problems)
    try:
        partners = from_plain(
            tuple[PartnerOrganisation, ...], data["partners"], base_directory=base_directory
        )
    except PlainDataError as error:
        problems.extend((join_path("partners", path), text) for path, text in error.problems)
    if profile is None or partners is None:
        raise PlainDataError(problems)
    return attrs.evolve(profile, partners=partners)


@computes_exactly  # an answer's own plain form may compute; never in the caller's context
def to_plain(value: object, *, include_sensitive: bool = False) -> Any:
    """``value`` (a model, an answer, a list of them) as plain data ready for JSON.

    Sensitive fields are left out, and findings and figures flagged sensitive withheld
    (:mod:`participatory.core.serialise`), unless ``include_sensitive`` is true: pass it only
    where the receiving system is entitled to special-category data, and to read the data
    back with :func:`from_plain`. A person's statement or headroom from the ledger lists, by
    default, its findings that are not sensitive and then one withheld marker, however many
    are withheld: their number would say whether the person's circumstances are held.

    >>> from participatory.benefits import Receipt
    >>> to_plain(Receipt("90", "2026-05-12"), include_sensitive=True)["amount"]
    '90.00 GBP'
    """
    if not isinstance(include_sensitive, bool):  # never read "yes" or [] as a wish to see
        raise ValidationError("include_sensitive", "must be true or false")
    return _writer(include_sensitive).unstructure(value)


@computes_exactly
def dumps(value: object, *, include_sensitive: bool = False) -> str:
    """``value`` as JSON text: :func:`to_plain`, indented, keys sorted (the same bytes each time).

    >>> from participatory.core.money import Money
    >>> print(dumps({"fee": Money.gbp("90")}))
    {
      "fee": "90.00 GBP"
    }
    """
    plain = to_plain(value, include_sensitive=include_sensitive)
    try:
        return json.dumps(plain, indent=2, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):  # a value with no plain form (named by its type only)
        raise ValidationError(
            "value", f"cannot be written as JSON ({type(value).__name__} has no plain form)"
        ) from None


def loads(kind: type[T], text: str | bytes, *, base_directory: Path | None = None) -> T:
    """JSON ``text`` read as ``kind`` (:func:`from_plain`); text that is not JSON is refused.

    Read as the command line reads its input (:func:`participatory.core.limits.parse_json`):
    within the default size and depth limits, a key given twice or ``NaN`` refused, and
    numbers with a fraction read as exact decimals, never floats, so ``2.5`` hours stay 2.5
    (money must still be written ``"90.00 GBP"``).

    >>> from participatory.benefits import Person
    >>> loads(Person, '{"id": "me", "weekly_hours": 2.5}').weekly_hours
    Decimal('2.5')
    >>> loads(Person, '{"id": ')
    Traceback (most recent call last):
    ...
    participatory.interchange.PlainDataError: is not valid JSON (Expecting value: line 1 column 8)
    """
    if isinstance(text, bytes):
        text = decode_utf8(text, "<json>", error=_problem)
    if kind is Project:
        data = parse_json(text, "<json>", error=_project_problem, redact=SPECIAL_CATEGORY_KEYS)
    else:
        # A problem inside special-category data (a person's ``esa`` given twice) is
        # counted, as from_plain counts its own problems there.
        data = parse_json(text, "<json>", error=functools.partial(_problem, within=kind))
    return from_plain(kind, data, base_directory=base_directory)


def _problem(_file: str, path: str, problem: str, *, within: object = None) -> PlainDataError:
    return PlainDataError([(path, problem)], within=within)


def _project_problem(_file: str, path: str, problem: str) -> PlainDataError:
    # A person's health too long to read is counted, as from_plain counts its other problems.
    if is_special_category(path):
        return PlainDataError([], [(path, problem)])
    return _problem(_file, path, problem)
