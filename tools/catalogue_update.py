"""Keeping a translation catalogue in step with the library's English texts.

A maintainer's tool, not part of the library. The catalogue
(``participatory/render/locales/<locale>/LC_MESSAGES/participatory.po``) holds two kinds of
entry:

* every message template (:mod:`participatory.render.templates`), its English text the
  message id, its message key the extracted comment; a plural template is a gettext plural
  entry (``msgid`` / ``msgid_plural``, one ``msgstr[i]`` per plural form of the locale);
* every *data text*: a text of the library's own that an engine puts into a template's
  placeholder (a standard's name, an outcome, a question, a stage, a recommendation), with
  the message context ``data`` and an extracted comment per place it comes from. They are
  gathered by running every engine over the bundled examples
  (:func:`example_data_texts`: what a report actually shows), plus the fields of the
  bundled data files in :data:`DATA_FIELDS`.

Run, with participatory installed, from the repository's root::

    python tools/catalogue_update.py cy              # add new texts, drop ones no longer used
    python tools/catalogue_update.py cy --check      # exit 1 if the catalogue is out of step
    python tools/catalogue_update.py cy --merge notes/cy-pending/report.po
    python tools/catalogue_update.py cy --review-list docs/howto/welsh-review.md

Every translation written by a machine (or by someone who does not speak the language)
carries the translator comment :data:`UNREVIEWED`; ``--merge`` adds it to what it takes in.
A reviewer deletes that line once the entry is checked, and ``--review-list`` writes the
one list of entries still to review (a test checks the list is current).

>>> "unreviewed" in UNREVIEWED
True
>>> pot = template_catalogue(data=False)
>>> pot.get("{count} payment was made on time.").id
('{count} payment was made on time.', '{count} payments were made on time.')
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from participatory.render.i18n import DATA_CONTEXT, SUPPORTED_LOCALES
from participatory.render.templates import PLURALS, TEMPLATES

__all__ = [
    "CODE_TEXTS",
    "COMPOSED",
    "DATA_FIELDS",
    "EXAMPLE_DAY",
    "UNREVIEWED",
    "composed_values",
    "data_file_texts",
    "enumeration_texts",
    "example_data_texts",
    "library_values",
    "main",
    "merge",
    "read",
    "review_list",
    "template_catalogue",
    "update",
    "write",
]

#: The translator comment on every entry no speaker of the language has checked yet.
UNREVIEWED = "unreviewed: machine translation, not yet checked by a Welsh speaker"

#: The comment older entries carried for the same thing (replaced by UNREVIEWED).
_OLD_MARKS = ("Machine translation (issue",)

#: The day the examples are assessed on when gathering data texts (fixed: same catalogue
#: whenever it is run).
EXAMPLE_DAY = dt.date(2026, 12, 6)

#: Fields of bundled data files whose every value can reach a report, by file and the
#: dotted path of tables to the field ("*" any key, "[]" any list item).
DATA_FIELDS: Mapping[str, tuple[str, ...]] = {
    "frameworks.toml": (
        "arnstein.[].name",
        "arnstein.[].grouping",
        "hart.[].name",
        "hart.[].grouping",
        "iap2.[].name",
        "iap2.[].promise",
        "nihr_coproduction_principles.[].name",
        "uk_standards.[].name",
    ),
    "safeguarding.toml": ("groups.*.label", "measures.*.label", "expectations.[].reason"),
    "evaluation.toml": ("captures.*.label", "captures.*.reason"),
    "readiness.toml": (
        "levels.*.label",
        "recommendations.*.title",
        "recommendations.*.criteria.[].description",
    ),
    "vocabulary.toml": ("terms.*.term",),
    "power_scale.toml": ("holdings.*.reason",),
    # The HRA decision questions an ethics triage quotes when it asks one.
    "ethics_guidance.toml": ("hra_questions.[].wording",),
}

#: Words the engines put into sentences from their own enumerations, which no bundled
#: example shows (the tax and National Insurance explanations), with where each comes from.
CODE_TEXTS: Mapping[str, str] = {
    **dict.fromkeys(("week", "month"), "tax: PayeTable, EarningsPeriod ({table}, {period})"),
    **dict.fromkeys(
        ("weekly", "fortnightly", "four-weekly", "monthly", "one-off"),
        "tax: PayFrequency ({frequency}, {marker_table})",
    ),
    **dict.fromkeys(
        ("starter", "basic", "intermediate", "higher", "advanced", "top", "additional"),
        "tax: income tax band names ({band})",
    ),
    **dict.fromkeys(("employee", "employer"), "tax: National Insurance side ({side})"),
    # What an ethics route leads to, in each nation (ethics/routing.py): phrases whose
    # placeholders are review bodies' names (templates ethics.body.*) or other data texts.
    **dict.fromkeys(
        (
            "no further review body",
            "a referral to the ethics committee",
            "{names}; possibly {maybe} (depending on the other open questions)",
            "{body} (not settled: ask)",
            "{body} (if the university's policy says so)",
            "{body} (advice)",
            "{nation}: {routes}",
        ),
        "ethics: routing, what an answer leads to",
    ),
    **dict.fromkeys(
        ("England", "Wales", "Scotland", "Northern Ireland"), "core: Nation.label ({nation})"
    ),
    # The benefits a person-centred answer names (ledger checks, headroom, statements):
    # no bundled example's report shows them all.
    **dict.fromkeys(
        (
            "Universal Credit",
            "Carer's Allowance",
            "ESA",
            "Income Support",
            "income-based JSA",
            "income-related ESA",
            "new-style JSA",
            "Housing Benefit",
            "Pension Credit",
        ),
        "benefits: Benefit.label ({benefit})",
    ),
    # A definition's provenance (vocabulary/terms.py): the document keeps its own title.
    "bundled definition, from {as_is}": "vocabulary: Term.provenance",
    # What a costing calls an activity, a rate's unit and a card's rounding
    # (payments/costing.py): a card costs only the activities it names.
    **dict.fromkeys(
        (
            "meeting",
            "preparation",
            "half-day workshop",
            "full-day workshop",
            "co-research",
            "document review",
            "advisory group",
            "training",
            "other involvement",
            "{activity} with preparation",
        ),
        "payments: an activity's name",
    ),
    **dict.fromkeys(
        ("hour", "hours", "session", "sessions", "half day", "half days", "day", "days"),
        "payments: a rate's unit",
    ),
    **dict.fromkeys(("up", "down", "to the nearest block"), "payments: a card's rounding"),
}


def enumeration_texts() -> dict[str, set[str]]:
    """The texts engines put into sentences from their own enumerations.

    Every question a fact asks (:attr:`~participatory.ethics.Fact.question`), every outcome's
    label, the name the triage gives people no group describes, and the name of each benefit
    earnings never change: an engine quotes the one it needs, whichever it is, so none may
    wait for an example to show it (a Welsh sentence would quote it in English).
    """
    from participatory.benefits import UnaffectedBenefit
    from participatory.benefits.unaffected import unaffected_findings
    from participatory.ethics import Fact, TriageOutcome
    from participatory.ethics.route_logic import UNLISTED

    found: dict[str, set[str]] = {UNLISTED: {"ethics: route_logic.UNLISTED"}}
    for fact in Fact:
        found.setdefault(fact.question, set()).add(f"ethics: Fact.question ({fact.name})")
    for outcome in TriageOutcome:
        found.setdefault(outcome.label, set()).add(f"ethics: TriageOutcome.label ({outcome.name})")
    # The benefits earnings never change, as a check names the payee's (one at a time here).
    for benefit in UnaffectedBenefit:
        for finding in unaffected_findings(frozenset({benefit})):
            if "benefits" in finding.values:
                place = f"benefits: unaffected benefit ({benefit.name})"
                found.setdefault(finding.values["benefits"], set()).add(place)
    return found


#: Finding values the engines join from a list of the library's texts with ", ".
_LISTS = frozenset(
    {"shown", "unknown", "not_shown", "setting", "decisions", "benefits", "measures", "groups"}
)

#: Finding values that name, in the library's words, a choice the project file makes with
#: the same word (a decision area, a stage, who holds the budget).
_CHOICES = frozenset({"setting", "stage", "holding", "decisions", "timing", "level"})

#: Finding values an engine writes from several of the library's texts (the review bodies
#: of each nation, a definition's provenance): not data texts themselves, they are
#: translated part by part through the phrases in CODE_TEXTS (a test checks they are).
COMPOSED = frozenset(
    {
        "ethics.route.nations.by_nation",
        "ethics.route.question.if_yes",
        "ethics.route.question.if_no",
        "roles.term.in_force.provenance",
    }
)

#: Finding values that are always names from the project or a rate card file.
_NAMES = frozenset({"card", "contributor", "payment", "session", "person", "project"})

_WIDTH = 100
_REPOSITORY = Path(__file__).resolve().parent.parent


def _po_path(locale: str) -> Path:
    folder = resources.files("participatory") / "render" / "locales" / locale / "LC_MESSAGES"
    return Path(str(folder / "participatory.po"))


def read(locale: str) -> Catalog:
    """The ``.po`` catalogue of ``locale`` as babel reads it."""
    with _po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def write(catalogue: Catalog, locale: str) -> None:
    """Write ``catalogue`` back as ``locale``'s ``.po`` (obsolete entries dropped)."""
    _po_path(locale).write_bytes(_po_bytes(catalogue))


def _po_bytes(catalogue: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=_WIDTH, ignore_obsolete=True, include_previous=False)
    return buffer.getvalue()


# -- data texts ------------------------------------------------------------------------


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _strings(item)


def _free_text(text: str) -> bool:
    # Words a person wrote (a name, a title), not a choice among the library's names
    # ("methods", "co_produced"): those the engines turn into the library's own text.
    return " " in text.strip() or text[:1].isupper()


def _words(text: str) -> bool:
    # "55%", "q3" or "2.2" is a number or a reference, the same in any language.
    return any(len(run) >= 3 for run in re.findall(r"[^\W\d_]+", text))


def _from_input(text: str, name: str, given: frozenset[str], written: frozenset[str]) -> bool:
    # A value holding text from the project file (a person's name beside a role) is the
    # project's own words, and is not the library's to translate; so is an identifier
    # from it ("workshop-1"), unless the value is one of the library's names for a choice
    # the file makes by the same word ("methods", "design").
    if name in _NAMES or not _words(text):
        return True
    if text in given and name not in _CHOICES:
        return True
    return any(w in text for w in written)


def library_values(document: Mapping[str, Any], report: Any) -> Iterator[tuple[str, str]]:
    """(text, where) for each text of the library's own in ``report``'s finding values.

    ``where`` is the message key and the value's name. Texts from ``document`` (the project
    file) are left out; a value the engines joined from a list is split into its items.
    """
    given = frozenset(s.strip() for s in _strings(document))
    written = frozenset(s for s in given if _free_text(s))
    for section in report.sections:
        places: list[tuple[str, str, object]] = [
            (f.message_key, name, value)
            for f in section.findings
            for name, value in f.values.items()
        ]
        places += [(figure.label_key, "value", figure.value) for figure in section.figures]
        for key, name, value in places:
            if f"{key}.{name}" in COMPOSED:
                continue
            for text in _strings(value):
                if not text.strip() or _from_input(text, name, given, written):
                    continue
                parts = text.split(", ") if name in _LISTS else [text]
                for part in parts:
                    if part.strip() and not _from_input(part, name, given, written):
                        yield part, f"{key}.{name}"


def composed_values(report: Any) -> Iterator[tuple[str, str]]:
    """(text, where) for each value in ``report`` that an engine composed (:data:`COMPOSED`)."""
    for section in report.sections:
        for finding in section.findings:
            for name, value in finding.values.items():
                where = f"{finding.message_key}.{name}"
                if where in COMPOSED:
                    yield from ((text, where) for text in _strings(value))


def _examples() -> list[Path]:
    return sorted((_REPOSITORY / "examples").glob("*.toml"))


def example_reports() -> Iterator[tuple[Path, dict[str, Any], Any]]:
    """(file, document, report) for every bundled example that is a project file."""
    from participatory.assessment.run import assess
    from participatory.core.errors import ParticipatoryError
    from participatory.project.files import load_project

    for path in _examples():
        try:
            project = load_project(path)
        except ParticipatoryError:
            continue  # a rate card or a payment plan, not a project
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        yield path, document, assess(project, as_at=EXAMPLE_DAY)


def example_data_texts() -> dict[str, set[str]]:
    """Every data text the bundled examples' reports show, with where each comes from."""
    found: dict[str, set[str]] = {}
    for _, document, report in example_reports():
        for text, where in library_values(document, report):
            found.setdefault(text, set()).add(where)
    return found


def _walk(value: object, path: Sequence[str]) -> Iterator[tuple[str, str]]:
    if not path:
        for text in _strings(value):
            yield text, ""
        return
    head, rest = path[0], path[1:]
    if head == "[]" and isinstance(value, list):
        for item in value:
            yield from _walk(item, rest)
    elif head == "*" and isinstance(value, Mapping):
        for key, item in value.items():
            yield from ((t, f"{key}.{w}".rstrip(".")) for t, w in _walk(item, rest))
    elif isinstance(value, Mapping) and head in value:
        yield from _walk(value[head], rest)


def data_file_texts() -> dict[str, set[str]]:
    """The texts of :data:`DATA_FIELDS` in the bundled data files, with where each is."""
    found: dict[str, set[str]] = {}
    data = resources.files("participatory") / "data"
    for name, fields in DATA_FIELDS.items():
        document = tomllib.loads((data / name).read_text(encoding="utf-8"))
        for field in fields:
            for text, where in _walk(document, field.split(".")):
                place = f"data:{name}:{field}" + (f" ({where})" if where else "")
                found.setdefault(text, set()).add(place)
    return found


# -- the catalogue ---------------------------------------------------------------------


def template_catalogue(*, data: bool = True) -> Catalog:
    """Every text to translate, as a catalogue template (a ``.pot``) with no translations."""
    pot = Catalog(project="participatory", fuzzy=False)
    by_text: dict[str, list[str]] = {}
    for key in sorted(TEMPLATES):
        by_text.setdefault(TEMPLATES[key], []).append(key)
    for text, keys in by_text.items():
        forms = PLURALS.get(keys[0])
        ident: str | tuple[str, str] = text if forms is None else (forms.one, forms.other)
        flags = ["python-brace-format"] if "{" in text else []
        pot.add(ident, auto_comments=keys, flags=flags)
    if data:
        texts = example_data_texts()
        for text, places in data_file_texts().items():
            texts.setdefault(text, set()).update(places)
        for text, place in CODE_TEXTS.items():
            texts.setdefault(text, set()).add(place)
        for text, places in enumeration_texts().items():
            texts.setdefault(text, set()).update(places)
        for text in sorted(texts):
            pot.add(text, context=DATA_CONTEXT, auto_comments=sorted(texts[text]))
    return pot


def update(locale: str) -> tuple[Catalog, list[str], list[str]]:
    """``locale``'s catalogue brought in step: (catalogue, texts added, texts dropped)."""
    catalogue = read(locale)
    before = {_key(m) for m in catalogue if m.id}
    created = catalogue.creation_date  # the same texts give the same file, whenever run
    catalogue.update(template_catalogue(), no_fuzzy_matching=True, update_header_comment=False)
    catalogue.creation_date = created
    after = {_key(m) for m in catalogue if m.id}
    for message in catalogue:
        if message.id:
            message.user_comments = _marked(message)
    added = sorted(after - before)
    dropped = sorted(before - after)
    return catalogue, added, dropped


def _key(message: Message) -> str:
    ident = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return f"{message.context or ''}\x04{ident}"


def _translated(message: Message) -> bool:
    forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return bool(forms) and all(forms)


def _marked(message: Message) -> list[str]:
    # One way of saying "not reviewed", whatever an older entry said.
    comments = [c for c in message.user_comments if not c.startswith(_OLD_MARKS)]
    if len(comments) != len(message.user_comments) and UNREVIEWED not in comments:
        comments.insert(0, UNREVIEWED)
    return comments


def merge(catalogue: Catalog, pending: Catalog) -> list[str]:
    """Take ``pending``'s translations of texts ``catalogue`` holds; marked unreviewed.

    Returns the texts taken. An entry for a text the catalogue does not hold (a template
    since reworded) is left out: re-run after the template's module is in the registry.
    """
    taken = []
    for entry in pending:
        if not entry.id or not _translated(entry):
            continue
        ident = entry.id[0] if isinstance(entry.id, tuple | list) else entry.id
        message = catalogue.get(ident, context=entry.context)
        if message is None:
            continue
        if isinstance(message.id, tuple) != isinstance(entry.id, tuple | list):
            continue
        message.string = entry.string
        message.flags.discard("fuzzy")
        message.user_comments = [UNREVIEWED] + [c for c in message.user_comments if c != UNREVIEWED]
        taken.append(ident)
    return taken


def _cell(text: str) -> str:
    # Markdown table cells: no pipe, no line break, no HTML or emphasis taken from the text.
    for plain, escaped in (("\\", "\\\\"), ("|", "\\|"), ("*", "\\*"), ("`", "\\`")):
        text = text.replace(plain, escaped)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def review_list(catalogue: Catalog) -> str:
    """The one list of entries marked :data:`UNREVIEWED`, as a Markdown page."""
    rows = []
    for message in catalogue:
        if not message.id or UNREVIEWED not in message.user_comments:
            continue
        where = message.auto_comments[0] if message.auto_comments else ""
        english = message.id if isinstance(message.id, str) else " / ".join(message.id)
        welsh = message.string if isinstance(message.string, str) else " / ".join(message.string)
        kind = "data" if message.context == DATA_CONTEXT else "message"
        rows.append(f"| {kind} | `{_cell(where)}` | {_cell(english)} | {_cell(welsh)} |")
    lines = [
        "# Welsh still to review",
        "",
        "<!-- Generated by `python tools/catalogue_update.py cy --review-list "
        "docs/howto/welsh-review.md`: do not edit by hand. -->",
        "",
        "Every Welsh text below was written by machine and has not yet been checked by a "
        "Welsh speaker. To review one, correct its `msgstr` in "
        "`src/participatory/render/locales/cy/LC_MESSAGES/participatory.po` if needed, delete "
        f"its `# {UNREVIEWED}` line, and regenerate this page. A plural entry shows its "
        "English forms (one / other) and its six Welsh forms (for 0 / 1 / 2 / 3 / 6 / any "
        "other number); `data` entries are texts of the library's own that go into a "
        "sentence (names, outcomes, questions).",
        "",
        f"{len(rows)} entries to review.",
        "",
        "| Kind | Key or origin | English | Welsh |",
        "|------|---------------|---------|-------|",
        *rows,
        "",
    ]
    return "\n".join(lines)


def _report(added: Iterable[str], dropped: Iterable[str]) -> None:
    for text in added:
        print(f"added: {text.split(chr(4))[1]}")
    for text in dropped:
        print(f"dropped: {text.split(chr(4))[1]}")


def main(argv: Sequence[str] | None = None) -> int:
    """Update, check or merge into a locale's catalogue; or write its review list."""
    parser = argparse.ArgumentParser(
        prog="python tools/catalogue_update.py",
        description="Bring a translation catalogue in step with the library's English texts.",
    )
    parser.add_argument("locale", choices=[loc for loc in SUPPORTED_LOCALES if loc != "en_GB"])
    parser.add_argument("--check", action="store_true", help="exit 1 if out of step; write nothing")
    parser.add_argument("--merge", metavar="PO", type=Path, action="append", default=[])
    parser.add_argument("--review-list", metavar="MD", type=Path)
    args = parser.parse_args(argv)
    catalogue, added, dropped = update(args.locale)
    for path in args.merge:
        with path.open("rb") as handle:
            pending = read_po(handle, locale=args.locale)
        taken = merge(catalogue, pending)
        print(f"{path}: {len(taken)} translations taken")
    if args.check:
        current = _po_path(args.locale).read_bytes()
        _report(added, dropped)
        return 0 if _po_bytes(catalogue) == current else 1
    write(catalogue, args.locale)
    _report(added, dropped)
    if args.review_list is not None:
        args.review_list.write_text(review_list(catalogue), encoding="utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
