r"""``participatory ethics``: research or involvement? JSON in, classifications out.

The input is a JSON object with either one ``activity`` or a list of ``activities`` (the
fields of :class:`~participatory.ethics.Activity`: id, parties with capacity, tasks,
people and facts, activity facts, setting, nations, approval). The output has one
classification per activity (outcome, deciding facts, review routes, open questions,
actions, findings with sentences and sources) and, for a list, the project summary (counts
per outcome, activities needing review or referred, people who are both contributors and
participants). Unless ``--include-sensitive`` is given, the output is the triage of the
answers with every yes to a safeguarding fact (capacity, custody, age, vulnerability) read
as no (:meth:`~participatory.ethics.project.EthicsProject.with_sensitive_yes_as_no`): what
such a yes adds or changes (a route to a capacity body or HMPPS, the university REC left to
its policy beside one, a safeguarding finding) is in the full output only, and an open
question about a safeguarding fact is withheld. The activity's findings, routes and open
questions each end with one withheld marker, so that the output reads the same, shape and
content, whichever of those answers is yes.

>>> import io, sys
>>> from participatory.cli import main
>>> saved = sys.stdin
>>> sys.stdin = io.StringIO('{"activity": {"id": "advisory-group", "parties": [{"label": '
...     '"advisers", "capacity": "public_contributor", "tasks": ["advise"], '
...     '"facts": {"own_data_analysed": false}}]}}')
>>> main(["ethics", "--as-at", "2026-03-02"])  # doctest: +ELLIPSIS
{
  "activities": [
...
      "outcome": "involvement",
...
0
>>> sys.stdin = saved
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterable
from typing import Any

from participatory.commands._edge import day_or_today, print_json, read_document, wrapped
from participatory.commands._file_kinds import looks_like
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common, fail_status
from participatory.core.explain import Finding, Severity
from participatory.core.serialise import unstructure
from participatory.ethics.activity import Activity
from participatory.ethics.bodies import Requirement, ReviewBody, ReviewRoute, name_key
from participatory.ethics.outcomes import ActivityClassification, OpenQuestion, QuestionKind
from participatory.ethics.project import EthicsProject, assess_ethics
from participatory.interchange import PlainDataError, from_plain
from participatory.project.errors import ProjectFileError, join_path, problems_of
from participatory.project.references import is_special_category
from participatory.render.json import citation_data, documents_data, finding_sources
from participatory.render.text import action_sentence, sentence, text

__all__ = ["add_parser", "classification", "question_data", "route_data", "run"]

_EPILOG = (
    """\
input (a file or standard input):
  {"activity": {"id": "workshops", "setting": "university",
                "parties": [{"label": "members", "capacity": "public_contributor",
                             "tasks": ["co_design"], "facts": {"own_data_analysed": false}}]}}
  or {"activities": [...], "project_id": "my-study"}

facts are answered true, false, "yes", "no", "unknown" or (where the question presupposes
something) "not_applicable"; an unknown fact that would decide the case makes the outcome
"refer", with the fact named. "nations": ["england", "wales", "scotland",
"northern_ireland"] chooses the review bodies; an unknown that would change the routes is
listed in "open_questions".

examples:
  participatory ethics activities.json --as-at 2026-03-02
  participatory ethics activities.json --fail-on refer --output triage.json

"""
    + EXIT_STATUSES
)


def add_parser(subparsers: Any) -> None:
    """Add the ``ethics`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ethics",
        help="classify activities as involvement, research, engagement … (JSON in, JSON out)",
        description=wrapped(
            "Read one activity or a list of activities as JSON and print the ethics "
            "triage of each (with reasons, deciding facts, actions and sources) as JSON."
        ),
        epilog=_EPILOG,
        formatter_class=HelpFormatter,
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="JSON input, or -")
    add_common(parser, as_at="the day to classify on", formats=("json",), locale=True, fail_on=True)
    parser.add_argument(
        "--include-sensitive",
        action="store_true",
        help="show findings about a party's safeguarding answers (withheld by default)",
    )
    parser.set_defaults(run=run)


def classification(
    result: ActivityClassification, locale: str, *, include_sensitive: bool = False
) -> dict[str, Any]:
    """One activity's classification as JSON-ready data, sentences in ``locale``.

    By default what is marked sensitive (a finding, a review route, an open question) is
    left out, and each of ``findings``, ``routes`` and ``open_questions`` ends with one
    withheld marker (every field ``null`` but ``"withheld": true``) standing for whatever
    was left out, perhaps nothing: a count, or a marker only when something is withheld,
    would tell a log which safeguarding answer holds (custody withholds three routes,
    capacity two). Withholding alone still lets what is shown differ (the university REC
    required, or left to its policy beside a withheld capacity body), so the command passes
    the triage of the answers with each sensitive yes read as no
    (:meth:`~participatory.ethics.activity.Activity.with_sensitive_yes_as_no`).
    ``include_sensitive`` is for a caller entitled to those answers: everything, and no
    marker.
    """
    # The copy the data is written from (the default one unless include_sensitive), so
    # each finding's data is paired with that finding.
    result = result.shown(include_sensitive=include_sensitive)
    data: dict[str, Any] = unstructure(result, include_sensitive=include_sensitive)
    # An action only a withheld finding implies (safeguarding) would tell what it withholds.
    data["actions"] = [
        action_sentence(a.value, locale=locale)
        for a in result.actions_shown(include_sensitive=include_sensitive)
    ]
    findings: list[dict[str, Any]] = []
    for finding_data, finding in zip(data["findings"], result.findings, strict=True):
        if finding_data["withheld"]:
            continue
        finding_data["sentence"] = sentence(
            finding, locale=locale, include_sensitive=include_sensitive
        )
        # Citations as catalogue keys; the documents are listed once, in "sources".
        finding_sources(finding, finding_data)
        findings.append(finding_data)
    shown = [f for f in result.findings if include_sensitive or not f.sensitive]
    data["sources"] = documents_data(shown)
    routes = [route_data(r, locale, include_sensitive=include_sensitive) for r in result.routes]
    questions = [
        question_data(q, include_sensitive=include_sensitive)
        for q in result.open_questions
        if include_sensitive or not q.sensitive
    ]
    data["findings"] = findings
    data["routes"] = [r for r in routes if not r["withheld"]]
    data["open_questions"] = questions
    if not include_sensitive:
        for key, marker in zip(("findings", "routes", "open_questions"), _markers(), strict=True):
            data[key].append(dict(marker))
    return data


def _withheld_marker(data: dict[str, Any]) -> dict[str, Any]:
    """``data``'s keys, each ``null`` but ``sensitive`` and ``withheld`` (both true)."""
    return {**dict.fromkeys(data), "sensitive": True, "withheld": True}


def route_data(
    route: ReviewRoute, locale: str, *, include_sensitive: bool = False
) -> dict[str, Any]:
    """One review route as JSON data, its body's name in ``locale``.

    It says how and where the route applies, the facts that decided it and its citations.
    A sensitive route is withheld (``{"withheld": true, "sensitive": true}`` and every other
    field ``null``) unless ``include_sensitive``.
    """
    data: dict[str, Any] = unstructure(route, include_sensitive=include_sensitive)
    if data.get("withheld"):
        return {**data, "name": None, "alternative_names": None}
    nation = route.nations[0] if len(route.nations) == 1 else None
    return {
        **data,
        "withheld": False,
        "name": text(f"ethics.body.{route.name_key}", locale),
        "alternative_names": [
            text(f"ethics.body.{name_key(body, nation)}", locale) for body in route.alternatives
        ],
        "citations": [citation_data(c) for c in route.citations],
    }


def question_data(question: OpenQuestion, *, include_sensitive: bool = False) -> dict[str, Any]:
    """One open question as JSON data, with the fact's question in words (English).

    A sensitive question (its ``sensitive`` flag,
    :class:`~participatory.ethics.outcomes.OpenQuestion`) is withheld (every field ``null``
    but ``"sensitive"`` and ``"withheld"``, both true) unless ``include_sensitive``.

    >>> from participatory.ethics.facts import Fact
    >>> asked = OpenQuestion(QuestionKind.ROUTE, Fact.MAY_LACK_CAPACITY, "residents",
    ...                      sensitive=True)
    >>> question_data(asked)["party"], question_data(asked, include_sensitive=True)["party"]
    (None, 'residents')
    """
    data = {
        "kind": question.kind.value,
        "fact": None if question.fact is None else question.fact.value,
        "party": question.party,
        "question": None if question.fact is None else question.fact.question,
        "sensitive": question.sensitive,
        "withheld": False,
    }
    if question.sensitive and not include_sensitive:
        return _withheld_marker(data)
    return data


@functools.cache
def _markers() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The markers a default output ends its findings, routes and open questions with.

    Each has the shape of its list's items, made from a stand-in so that it follows them.
    """
    finding = {**unstructure(Finding("ETH-WITHHELD", Severity.INFO, "withheld")), "sentence": None}
    route = route_data(ReviewRoute(ReviewBody.UNIVERSITY_REC, Requirement.REQUIRED), "en_GB")
    question = question_data(OpenQuestion(QuestionKind.NATIONS))
    return _withheld_marker(finding), _withheld_marker(route), _withheld_marker(question)


def _activities(document: dict[str, Any], name: str) -> tuple[str, tuple[Activity, ...]]:
    unknown = set(document) - {"activity", "activities", "project_id"}
    if unknown or ("activity" in document) == ("activities" in document):
        raise ProjectFileError(
            name, [("", "needs either activity or activities (and optionally project_id)")]
        )
    key = "activity" if "activity" in document else "activities"
    kind: Any = Activity if key == "activity" else tuple[Activity, ...]
    try:
        found = from_plain(kind, document[key])
    except PlainDataError as error:
        raise _file_error(name, error.problems, kind, key) from None
    project_id = document.get("project_id", "project")
    if not isinstance(project_id, str):
        raise ProjectFileError(name, [("project_id", "must be text")])
    return project_id, (found,) if key == "activity" else found


def _file_error(
    name: str, problems: Iterable[tuple[str, str]], kind: object, key: str = ""
) -> ProjectFileError:
    """The file's problems, those at a group's safeguarding answers withheld.

    A problem at an age, capacity, custody or vulnerability answer (a yes to under_16 that
    contradicts a no to under_18) says what the group's answer is: it is counted, and
    spelled out only with ``--include-sensitive``, as every other safeguarding answer is.
    """
    shown: list[tuple[str, str]] = []
    withheld: list[tuple[str, str]] = []
    for path, problem in problems:
        chosen = withheld if is_special_category(path, kind) else shown
        chosen.append((join_path(key, path), problem))
    return ProjectFileError(name, shown, withheld)


def run(args: argparse.Namespace) -> int:
    """Run ``participatory ethics``."""
    document, name = read_document(args.file)
    try:
        project_id, activities = _activities(document, name)
    except ProjectFileError:
        hint = looks_like(document, name, expected="ethics")
        if hint is None:
            raise
        raise ProjectFileError(name, [("", hint)]) from None
    try:
        project = EthicsProject(project_id, activities)
    except Exception as error:
        raise _file_error(name, problems_of(error), EthicsProject) from None
    as_at = day_or_today(args.as_at, "--as-at")
    # By default the triage shown is that of the answers with each sensitive yes read as no:
    # withholding the routes a yes adds leaves those it changes (the university REC becomes a
    # matter of policy beside a capacity body), so only this reads the same whichever holds.
    shown_project = project if args.include_sensitive else project.with_sensitive_yes_as_no()
    shown = assess_ethics(shown_project, as_at=as_at)
    output: dict[str, Any] = {
        "activities": [
            classification(r, args.locale, include_sensitive=args.include_sensitive)
            for r in shown.activities
        ],
        "counts": {outcome.value: count for outcome, count in shown.counts.items()},
        "needing_review": list(shown.needing_review),
        "referred": list(shown.referred),
        "contributor_and_participant": list(shown.contributor_and_participant),
        "possibly_contributor_and_participant": list(shown.possibly_contributor_and_participant),
    }
    print_json(output)
    if getattr(args, "fail_on", None) is None:
        return 0
    # --fail-on counts every finding, those a withheld yes adds included: the full triage,
    # worked out again only when some answer was read as no.
    summary = shown if shown_project == project else assess_ethics(project, as_at=as_at)
    return fail_status(args, summary.findings)
