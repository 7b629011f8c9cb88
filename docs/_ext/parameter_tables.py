"""Write the tables of bundled parameters, from the data, before every docs build.

The docs include the generated files, so a rate in the docs can never disagree with the
rate the code uses.
"""

from __future__ import annotations

from pathlib import Path

from participatory.core.params import bundled_parameters


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


GROUPS = ("benefits", "payments", "tax", "planning")


def write_parameter_tables(folder: Path, page: Path | None = None) -> None:
    """Write ``parameters-<group>.md`` for each top-level group of bundled parameters.

    With ``page`` (the concepts page that includes the tables), a group of bundled data
    that the page does not include is an error, so a new group cannot go unpublished.
    """
    folder.mkdir(parents=True, exist_ok=True)
    groups: dict[str, list[str]] = {}
    for parameter in bundled_parameters().describe():
        group = parameter.file.split("/")[-2] if "/" in parameter.file else "other"
        rows = groups.setdefault(group, [])
        for value in parameter.values:
            source = f"[{_cell(value.source)}]({value.url})" if value.url else _cell(value.source)
            per = f" per {parameter.period}" if parameter.period else ""
            rows.append(
                f"| `{parameter.name}` | {_cell(parameter.description)} | "
                f"{_cell(value.value)} {parameter.unit}{per} | {value.effective_from} | "
                f"{parameter.valid_until} | {source} | {'yes' if value.verified else '**no**'} |"
            )
    header = (
        "| Parameter | Meaning | Value | From | Data valid until | Source | Verified |\n"
        "|---|---|---|---|---|---|---|\n"
    )
    if page is not None:
        text = page.read_text(encoding="utf-8")
        missing = [g for g in sorted(groups) if f"_generated/parameters-{g}.md" not in text]
        if missing:
            raise RuntimeError(f"{page} includes no table for the parameter groups {missing}")
    for group in sorted(set(GROUPS) | set(groups)):
        rows = groups.get(group, [])
        text = header + "\n".join(rows) if rows else "*No parameters bundled in this group yet.*"
        (folder / f"parameters-{group}.md").write_text(text + "\n", encoding="utf-8")
