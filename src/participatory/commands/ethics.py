r"""``participatory ethics``: research or involvement? JSON in, classifications out.

The input is a JSON object with either one ``activity`` or a list of ``activities`` (the
fields of :class:`~participatory.ethics.Activity`: id, parties with capacity, tasks,
people and facts, activity facts, setting, nations, approval). The output has one
classification per activity (outcome, deciding facts, review routes, open questions,
actions, findings with sentences and sources) and, for a list, the project summary (counts
per outcome, activities needing review or referred, people who are both contributors and
participants). A route that rests on a group's capacity or custody is withheld (only
``"withheld": true``) unless ``--include-sensitive`` is given.

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
from typing import Any

from participatory.commands._edge import day_or_today, print_json, read_document, wrapped
from participatory.commands._file_kinds import looks_like
from participatory.commands._options import EXIT_STATUSES, add_common, fail_status
from participatory.core.serialise import unstructure
from participatory.ethics.activity import Activity
from participatory.ethics.bodies import ReviewRoute, name_key
from participatory.ethics.outcomes import ActivityClassification, OpenQuestion
from participatory.ethics.project import EthicsProject, assess_ethics
from participatory.interchange import PlainDataError, from_plain
from participatory.project.errors import ProjectFileError, join_path, problems_of
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
        formatter_class=argparse.RawDescriptionHelpFormatter,
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

    By default a sensitive finding (a party's safeguarding answers) is withheld, with no
    sentence, like every default serialisation; ``include_sensitive`` is for a caller
    entitled to those answers.
    """
    data: dict[str, Any] = unstructure(result, include_sensitive=include_sensitive)
    # An action only a withheld finding implies (safeguarding) would tell what it withholds.
    data["actions"] = [
        action_sentence(a.value, locale=locale)
        for a in result.actions_shown(include_sensitive=include_sensitive)
    ]
    for finding_data, finding in zip(data["findings"], result.findings, strict=True):
        if finding_data["withheld"]:
            finding_data["sentence"] = None
            continue
        finding_data["sentence"] = sentence(
            finding, locale=locale, include_sensitive=include_sensitive
        )
        # Citations as catalogue keys; the documents are listed once, in "sources".
        finding_sources(finding, finding_data)
    shown = [f for f, d in zip(result.findings, data["findings"], strict=True) if not d["withheld"]]
    data["sources"] = documents_data(shown)
    data["routes"] = [
        route_data(route, locale, include_sensitive=include_sensitive) for route in result.routes
    ]
    data["open_questions"] = [question_data(q) for q in result.open_questions]
    return data


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


def question_data(question: OpenQuestion) -> dict[str, Any]:
    """One open question as JSON data, with the fact's question in words (English)."""
    return {
        "kind": question.kind.value,
        "fact": None if question.fact is None else question.fact.value,
        "party": question.party,
        "question": None if question.fact is None else question.fact.question,
    }


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
        raise ProjectFileError(
            name, [(join_path(key, path), text) for path, text in error.problems]
        ) from None
    project_id = document.get("project_id", "project")
    if not isinstance(project_id, str):
        raise ProjectFileError(name, [("project_id", "must be text")])
    return project_id, (found,) if key == "activity" else found


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
        raise ProjectFileError(name, list(problems_of(error))) from None
    summary = assess_ethics(project, as_at=day_or_today(args.as_at, "--as-at"))
    output: dict[str, Any] = {
        "activities": [
            classification(r, args.locale, include_sensitive=args.include_sensitive)
            for r in summary.activities
        ],
        "counts": {outcome.value: count for outcome, count in summary.counts.items()},
        "needing_review": list(summary.needing_review),
        "referred": list(summary.referred),
        "contributor_and_participant": list(summary.contributor_and_participant),
        "possibly_contributor_and_participant": list(summary.possibly_contributor_and_participant),
    }
    print_json(output)
    return fail_status(args, summary.findings)
