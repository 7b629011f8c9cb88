r"""``participatory ethics``: research or involvement? JSON in, classifications out.

The input is a JSON object with either one ``activity`` or a list of ``activities`` (the
fields of :class:`~participatory.ethics.Activity`: id, parties with capacity, tasks,
people and facts, activity facts, setting). The output has one classification per
activity (outcome, deciding facts, actions, findings with sentences and sources) and,
for a list, the project summary (counts per outcome, activities needing review or
referred, people who are both contributors and participants).

>>> import io, sys
>>> from participatory.cli import main
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
>>> sys.stdin = sys.__stdin__
"""

from __future__ import annotations

import argparse
from typing import Any

from participatory.commands._edge import day_or_today, print_json, read_document, wrapped
from participatory.core.serialise import unstructure
from participatory.ethics.activity import Activity
from participatory.ethics.outcomes import ActivityClassification
from participatory.ethics.project import EthicsProject, assess_ethics
from participatory.project.convert import project_converter
from participatory.project.errors import ProjectFileError, problems_of
from participatory.render.text import action_sentence, sentence

__all__ = ["add_parser", "classification", "run"]

_EPILOG = """\
input (a file or standard input):
  {"activity": {"id": "workshops", "setting": "university",
                "parties": [{"label": "members", "capacity": "public_contributor",
                             "tasks": ["co_design"], "facts": {"own_data_analysed": false}}]}}
  or {"activities": [...], "project_id": "my-study"}

facts are answered true, false, "yes", "no" or "unknown"; an unknown fact that would decide
the case makes the outcome "refer", with the fact named.

Exit status: 0 with the classifications as JSON, 2 when the input cannot be used.
"""


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
    parser.add_argument("--as-at", metavar="DATE", help="the day to classify on (default: today)")
    parser.add_argument(
        "--locale", choices=("en_GB", "cy"), default="en_GB", help="language of the sentences"
    )
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
    data["actions"] = [action_sentence(a.value, locale=locale) for a in result.actions]
    for finding_data, finding in zip(data["findings"], result.findings, strict=True):
        finding_data["sentence"] = (
            None
            if finding_data["withheld"]
            else sentence(finding, locale=locale, include_sensitive=include_sensitive)
        )
    return data


def _activities(document: dict[str, Any], name: str) -> tuple[str, tuple[Activity, ...]]:
    unknown = set(document) - {"activity", "activities", "project_id"}
    if unknown or ("activity" in document) == ("activities" in document):
        raise ProjectFileError(
            name, [("", "needs either activity or activities (and optionally project_id)")]
        )
    key = "activity" if "activity" in document else "activities"
    kind: Any = Activity if key == "activity" else tuple[Activity, ...]
    try:
        found = project_converter().structure(document[key], kind)
    except Exception as error:
        raise ProjectFileError(name, list(problems_of(error, key))) from None
    project_id = document.get("project_id", "project")
    if not isinstance(project_id, str):
        raise ProjectFileError(name, [("project_id", "must be text")])
    return project_id, (found,) if key == "activity" else found


def run(args: argparse.Namespace) -> int:
    """Run ``participatory ethics``."""
    document, name = read_document(args.file)
    project_id, activities = _activities(document, name)
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
    return 0
