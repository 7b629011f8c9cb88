"""Write the tables of bundled parameters, from the data, before every docs build.

The docs include the generated files, so a rate in the docs can never disagree with the
rate the code uses. Each parameter is one row: its name and meaning, its latest value with
the day it took effect and its end (a known end, or "until superseded"), that value's source
as a short citation linked to the document, whether it was verified at a primary source and
the day it was last checked. Its earlier values, each with its own source, are folded into a
``<details>`` element, so a parameter with four years of rates takes one row.

The table fits the page: long parameter names break after their dots, and a long citation
is abbreviated in the row (its full text is the link's title and is given in full in the
folded history).
"""

from __future__ import annotations

import html
from pathlib import Path

from participatory.core.params import Parameter, ParameterValue
from participatory.core.sources import Citation

GROUPS = ("benefits", "payments", "tax", "planning", "library", "ledger")

#: A citation longer than this is abbreviated in the row (in full in the history).
LONGEST_CITATION = 60

HEADER = (
    "```{table}\n"
    ":class: parameter-table\n"
    "\n"
    "| Parameter | Latest value | Source | History |\n"
    "|---|---|---|---|\n"
)
FOOTER = "\n```"


def _text(text: object) -> str:
    """``text`` safe inside a Markdown table cell that also holds raw HTML."""
    return html.escape(str(text), quote=True).replace("|", "&#124;").replace("\n", " ")


def _breakable(name: str) -> str:
    """A dotted name as code that may break after each dot (long names fit the column)."""
    return "<code>" + ".<wbr>".join(_text(part) for part in name.split(".")) + "</code>"


def abbreviate(text: str, longest: int = LONGEST_CITATION) -> str:
    """``text``, cut at a word boundary to at most ``longest`` characters with an ellipsis."""
    if len(text) <= longest:
        return text
    cut = text[: longest - 1].rsplit(" ", 1)[0].rstrip(" ,;:(")
    return cut + "…"


def _source(citation: Citation, *, short: bool) -> str:
    """The citation (abbreviated when ``short``), linked to the document if it has an address."""
    full = citation.short
    shown = _text(abbreviate(full) if short else full)
    link = citation.link
    title = f' title="{_text(full)}"' if short and shown != _text(full) else ""
    if link and link.startswith(("https://", "http://")):
        return f'<a href="{_text(link)}"{title}>{shown}</a>'
    return f"<span{title}>{shown}</span>" if title else shown


def _amount(parameter: Parameter, value: ParameterValue) -> str:
    """The value as a reader says it: ``£204.00 per week``, ``0.50 ratio``, ``yes``."""
    per = f" per {parameter.period}" if parameter.period else ""
    if parameter.unit == "GBP":
        return f"£{_text(value.value)}{per}"
    if parameter.unit == "boolean":
        return "yes" if value.value else "no"
    return f"{_text(value.value)} {_text(parameter.unit)}{per}"


def _date(day: object) -> str:
    """A date that never breaks across lines at its hyphens."""
    return f'<span class="date">{day}</span>'


def _checks(value: ParameterValue) -> str:
    verified = "verified" if value.verified else "<strong>not verified</strong>"
    checked = f", checked {_date(value.checked_on)}" if value.checked_on else ""
    return verified + checked


def _end(parameter: Parameter) -> str:
    """The parameter's known end, or "until superseded" (a figure with no end date)."""
    if parameter.valid_until is None:
        return "until superseded"
    return f"until {_date(parameter.valid_until)}"


def _history(parameter: Parameter) -> str:
    """Every value, newest first, with its full source, folded into a details element."""
    values = sorted(parameter.values, key=lambda v: v.effective_from, reverse=True)
    latest = values[0]
    abbreviated = abbreviate(latest.source.short) != latest.source.short
    if len(values) == 1 and not abbreviated:
        return "—"
    if len(values) == 1:
        summary = "Source in full"
    else:
        summary = f"{len(values)} values since {_date(values[-1].effective_from)}"
    items = "".join(
        f"<li>{_date(value.effective_from)}: {_amount(parameter, value)}; "
        f"{_source(value.source, short=False)}; {_checks(value)}</li>"
        for value in values
    )
    return f"<details><summary>{summary}</summary><ul>{items}</ul></details>"


def parameter_row(parameter: Parameter) -> str:
    """The parameter's one Markdown table row: latest value in the row, history folded.

    A value's ``note`` is for maintainers and is never shown.
    """
    latest = max(parameter.values, key=lambda v: v.effective_from)
    return (
        f"| {_breakable(parameter.name)}<br>{_text(parameter.description)} "
        f"| <strong>{_amount(parameter, latest)}</strong><br>"
        f"from {_date(latest.effective_from)}<br>{_end(parameter)} "
        f"| {_source(latest.source, short=True)}<br>{_checks(latest)} "
        f"| {_history(parameter)} |"
    )


def write_parameter_tables(folder: Path, page: Path | None = None) -> None:
    """Write ``parameters-<group>.md`` for each top-level group of bundled parameters.

    With ``page`` (the concepts page that includes the tables), a group of bundled data
    that the page does not include is an error, so a new group cannot go unpublished.
    """
    from participatory.core.params import bundled_parameters

    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = {}
    for parameter in bundled_parameters().describe():
        group = parameter.file.split("/")[-2] if "/" in parameter.file else "other"
        groups.setdefault(group, []).append(parameter_row(parameter))
    if page is not None:
        text = page.read_text(encoding="utf-8")
        missing = [g for g in sorted(groups) if f"_generated/parameters-{g}.md" not in text]
        if missing:
            raise RuntimeError(f"{page} includes no table for the parameter groups {missing}")
    for group in sorted(set(GROUPS) | set(groups)):
        rows = groups.get(group, [])
        if rows:
            text = HEADER + "\n".join(rows) + FOOTER
        else:
            text = "*No parameters bundled in this group yet.*"
        (folder / f"parameters-{group}.md").write_text(text + "\n", encoding="utf-8")
