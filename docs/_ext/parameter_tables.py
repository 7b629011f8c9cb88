"""Write the tables of bundled parameters, from the data, before every docs build.

The docs include the generated files, so a rate in the docs can never disagree with the
rate the code uses. Each value shows its source as a short citation ("UC Regs 2013 reg.
22"), linked to the document, whether it was verified at a primary source, its end (a
known end, or "until superseded") and the day it was last checked.
"""

from __future__ import annotations

from pathlib import Path

from participatory.core.params import Parameter, bundled_parameters
from participatory.core.sources import Citation


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


GROUPS = ("benefits", "payments", "tax", "planning", "library", "ledger")

HEADER = (
    "| Parameter | Meaning | Value | From | Ends | Source | Verified | Last checked |\n"
    "|---|---|---|---|---|---|---|---|\n"
)


def _source(citation: Citation) -> str:
    """The value's short citation, linked to the document when it has a web address."""
    short = _cell(citation.short)
    link = citation.link
    if link and link.startswith(("https://", "http://")):
        return f"[{short}]({link})"
    return short


def _end(parameter: Parameter) -> str:
    """The parameter's known end, or "until superseded" (a figure with no end date)."""
    if parameter.valid_until is None:
        return "until superseded"
    return str(parameter.valid_until)


def parameter_rows(parameter: Parameter) -> list[str]:
    """One Markdown table row per value: its short source and whether it was verified.

    A value's ``note`` is for maintainers and is never shown.
    """
    rows = []
    per = f" per {parameter.period}" if parameter.period else ""
    for value in parameter.values:
        rows.append(
            f"| `{parameter.name}` | {_cell(parameter.description)} | "
            f"{_cell(value.value)} {parameter.unit}{per} | {value.effective_from} | "
            f"{_end(parameter)} | {_source(value.source)} | "
            f"{'yes' if value.verified else '**no**'} | {value.checked_on or '—'} |"
        )
    return rows


def write_parameter_tables(folder: Path, page: Path | None = None) -> None:
    """Write ``parameters-<group>.md`` for each top-level group of bundled parameters.

    With ``page`` (the concepts page that includes the tables), a group of bundled data
    that the page does not include is an error, so a new group cannot go unpublished.
    """
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = {}
    for parameter in bundled_parameters().describe():
        group = parameter.file.split("/")[-2] if "/" in parameter.file else "other"
        groups.setdefault(group, []).extend(parameter_rows(parameter))
    if page is not None:
        text = page.read_text(encoding="utf-8")
        missing = [g for g in sorted(groups) if f"_generated/parameters-{g}.md" not in text]
        if missing:
            raise RuntimeError(f"{page} includes no table for the parameter groups {missing}")
    for group in sorted(set(GROUPS) | set(groups)):
        rows = groups.get(group, [])
        text = HEADER + "\n".join(rows) if rows else "*No parameters bundled in this group yet.*"
        (folder / f"parameters-{group}.md").write_text(text + "\n", encoding="utf-8")
