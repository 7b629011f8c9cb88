r"""``participatory data``: every figure the library uses, with its coverage and source.

For a research office keeping the figures current: each dated parameter and each rate of
each rate card, with the value in force, the first day any value applies, its end (a known
end, or "in force until superseded"), the short citation of its source, whether it was read
at a primary source, the day it was last checked, and its next date (the known end, or the
day it is due to be re-checked). Sorted by that next date, the top of the list is what
needs re-checking first. An institution's own files are listed with the bundled ones::

    participatory data --parameters our-figures.toml --rates our-rate-card.toml \\
        --sort checked --as-at 2026-12-06

>>> from participatory.cli import main
>>> main(["data", "--as-at", "2026-12-06", "--sort", "name", "--only", "rate_card.tewv"])
participatory data as at 6 December 2026: 1 figure (of ...); 0 not verified; 0 due for re-checking; 0 past a known end.
Nearest date: 2027-12-06, rate_card.tewv.other.session.
FIGURE                       VALUE                FROM        END                        SOURCE                                                            VERIFIED  LAST CHECKED  NEXT DATE   STATUS
rate_card.tewv.other.session 20.00 GBP per session 2026-11-25 in force until superseded TEWV involvement page FAQ 'Can I claim expenses or an involvement fee?' yes       2026-12-06    2027-12-06  current
0
"""  # noqa: E501

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from participatory.commands._edge import day_or_today, print_json, read_source, wrapped
from participatory.commands._options import EXIT_STATUSES, HelpFormatter, add_common, fail_status
from participatory.core.errors import ValidationError
from participatory.core.params import (
    ParameterSet,
    bundled_parameters,
    load_parameters,
    parse_parameters,
)
from participatory.coverage import (
    SORT_KEYS,
    CoverageStatus,
    FigureCoverage,
    figure_coverage,
    sort_coverage,
)
from participatory.payments.rates import (
    RateCard,
    bundled_rate_cards,
    load_rate_card,
    read_rate_card,
)
from participatory.render.text import format_value

__all__ = ["add_parser", "run"]

_FORMATS = ("text", "json")
_COLUMNS: tuple[tuple[str, Callable[[FigureCoverage], str]], ...] = (
    ("FIGURE", lambda row: row.name),
    ("VALUE", lambda row: row.value),
    ("FROM", lambda row: row.first_day.isoformat()),
    ("END", lambda row: row.end_text),
    ("SOURCE", lambda row: row.source),
    ("VERIFIED", lambda row: "yes" if row.verified else "no"),
    ("LAST CHECKED", lambda row: row.last_checked.isoformat() if row.last_checked else "-"),
    ("NEXT DATE", lambda row: row.next_date.isoformat() if row.next_date else "-"),
    ("STATUS", lambda row: row.status.value),
)


def add_parser(subparsers: Any) -> None:
    """Add the ``data`` subcommand."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "data",
        help="list every figure with its coverage, source, verification and next date",
        description=wrapped(
            "List every dated figure (parameters and rate cards, bundled and your own) with "
            "the first day it applies, its end (a known end, or in force until superseded), "
            "its source, whether it was read at a primary source, when it was last checked "
            "and its next date: the known end, or the day it is due to be re-checked."
        ),
        epilog="example:\n  participatory data --sort next\n"
        "  participatory data --parameters our-figures.toml --format json\n"
        "  participatory data --fail-on warning   # in CI: fail when a figure is due a "
        "re-check\n\n"
        "each figure's severity: past a known end is a problem, due a re-check a warning,\n"
        "read only at a secondary source (not verified) advice.\n\n" + EXIT_STATUSES,
        formatter_class=HelpFormatter,
    )
    parser.add_argument(
        "--parameters",
        action="append",
        default=[],
        metavar="FILE",
        help="your institution's parameter file, laid over the bundled figures (repeatable; "
        "- reads standard input)",
    )
    parser.add_argument(
        "--rates",
        action="append",
        default=[],
        metavar="FILE",
        help="your institution's rate card, listed with the bundled cards (repeatable; - reads "
        "standard input)",
    )
    parser.add_argument(
        "--sort",
        default="next",
        help=f"order: {', '.join(SORT_KEYS)} (default next: the nearest date first)",
    )
    parser.add_argument(
        "--only", metavar="PREFIX", help="only figures whose name starts with PREFIX"
    )
    add_common(parser, as_at="the day to describe", formats=_FORMATS, fail_on=True)
    parser.set_defaults(run=run)


def _one_stdin(args: argparse.Namespace) -> None:
    if [*args.parameters, *args.rates].count("-") > 1:
        raise ValidationError("-", "standard input can be read once: give one file as -")


def _parameters(sources: list[str]) -> ParameterSet:
    result = bundled_parameters()
    for source in sources:
        if source == "-":
            text, name = read_source(source)
            result = result.layered(parse_parameters(text, name))
        else:
            result = load_parameters(source, base=result)
    return result


def _cards(sources: list[str]) -> dict[str, RateCard]:
    cards = dict(bundled_rate_cards())
    for source in sources:
        if source == "-":
            text, name = read_source(source)
            cards[name] = read_rate_card(text, name)
        else:
            cards[source] = load_rate_card(Path(source))
    return cards


def _table(rows: list[FigureCoverage]) -> list[str]:
    cells = [[cell(row) for _, cell in _COLUMNS] for row in rows]
    widths = [
        max([len(title), *(len(line[i]) for line in cells)])
        for i, (title, _) in enumerate(_COLUMNS)
    ]
    lines = [" ".join(t.ljust(w) for (t, _), w in zip(_COLUMNS, widths, strict=True))]
    lines += [" ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in cells]
    return [line.rstrip() for line in lines]


def _count(rows: list[FigureCoverage], status: CoverageStatus) -> int:
    return sum(row.status is status for row in rows)


def run(args: argparse.Namespace) -> int:
    """Run ``participatory data``."""
    if args.format not in _FORMATS:
        raise ValidationError("--format", f"must be one of {', '.join(_FORMATS)}")
    if args.sort not in SORT_KEYS:
        raise ValidationError("--sort", f"must be one of {', '.join(SORT_KEYS)}")
    as_at = day_or_today(args.as_at, "--as-at")
    _one_stdin(args)
    parameters = _parameters(args.parameters)
    cards = _cards(args.rates)
    every = figure_coverage(parameters, cards, as_at=as_at)
    rows = [row for row in every if args.only is None or row.name.startswith(args.only)]
    rows = sort_coverage(rows, args.sort)
    # A card with no rates has no row: say so, or the gap would be invisible here.
    empty = sorted(
        name
        for name, card in cards.items()
        if not card.rates and (args.only is None or f"rate_card.{card.id}".startswith(args.only))
    )
    if args.format == "json":
        print_json(
            {
                "as_at": as_at.isoformat(),
                "sort": args.sort,
                "figures": [r.as_data() for r in rows],
                "cards_without_rates": empty,
            }
        )
        return fail_status(args, rows)
    dated = [row for row in rows if row.next_date is not None]
    nearest = min(dated, key=lambda row: (row.next_date, row.name)) if dated else None
    print(
        f"participatory data as at {format_value(as_at, 'en_GB')}: {len(rows)} "
        f"figure{'' if len(rows) == 1 else 's'} (of {len(every)}); "
        f"{sum(not row.verified for row in rows)} not verified; "
        f"{_count(rows, CoverageStatus.RECHECK_DUE)} due for re-checking; "
        f"{_count(rows, CoverageStatus.ENDED)} past a known end."
    )
    if nearest is not None and nearest.next_date is not None:
        print(f"Nearest date: {nearest.next_date.isoformat()}, {nearest.name}.")
    if empty:
        print(f"Rate cards holding no amount read at their source: {', '.join(empty)}.")
    print("\n".join(_table(rows)))
    return fail_status(args, rows)
