"""Checking a translation catalogue against the library's English templates.

A maintainer's tool, not part of the library. Run ``python tools/catalogue_check.py cy``
(with participatory installed) to list the templates Welsh does not translate yet (exit
status 0), or add ``--strict`` to exit with status 1 when a translation is stale (its
English template no longer exists) or its placeholders differ from the template's, as a
release check. A plural entry is checked form by form; a Welsh form may leave out the
number it counts ("un broblem" for one), never any other placeholder. Entries with the
message context ``data`` (texts of the library's own put into templates) are kept in step by
``tools/catalogue_update.py``; this tool lists any without a translation.

>>> report = check("cy")
>>> report.stale, report.placeholder_mismatches
((), ())
>>> "render.sources" in dict(report.untranslated)
False
"""

from __future__ import annotations

import argparse
import string
import sys
from collections.abc import Sequence
from importlib import resources

import attrs
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from participatory.render.i18n import DATA_CONTEXT, SUPPORTED_LOCALES, untranslated
from participatory.render.templates import PLURALS, TEMPLATES

__all__ = [
    "CatalogueReport",
    "all_templates",
    "check",
    "main",
    "mismatched",
    "placeholders",
    "read_catalogue",
]


def all_templates() -> dict[str, str]:
    """Every message key and its English template, by key (the library's registry)."""
    return {key: TEMPLATES[key] for key in sorted(TEMPLATES)}


def placeholders(text: str) -> frozenset[str]:
    """The ``{placeholders}`` of a template, each with its format spec and conversion."""
    return frozenset(
        f"{name}!{conversion or ''}:{spec or ''}"
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def read_catalogue(locale: str) -> Catalog:
    """The ``.po`` catalogue of ``locale`` as babel reads it."""
    folder = resources.files("participatory") / "render" / "locales" / locale / "LC_MESSAGES"
    with (folder / "participatory.po").open("rb") as handle:
        return read_po(handle, locale=locale)


@attrs.frozen
class CatalogueReport:
    """What a locale's catalogue lacks or gets wrong."""

    locale: str
    #: Every template known, as many as there are message keys.
    total: int
    #: (message key, English template) pairs with no translation yet, by key.
    untranslated: tuple[tuple[str, str], ...]
    #: Translated English texts that are no longer any template.
    stale: tuple[str, ...]
    #: English texts whose translation has different placeholders.
    placeholder_mismatches: tuple[str, ...]
    #: Data texts (message context ``data``) with no translation yet.
    untranslated_data: tuple[str, ...] = ()


def _forms(string: object) -> tuple[str, ...]:
    return tuple(str(f) for f in string) if isinstance(string, tuple | list) else (str(string),)


def _counted() -> dict[str, str]:
    """The placeholder each plural template counts by, by its English ``one`` form."""
    return {plural.one: plural.by for plural in PLURALS.values()}


def mismatched(message: Message, counted: dict[str, str]) -> bool:
    """Whether a translated entry's placeholders differ from its English text's."""
    ident = message.id[0] if isinstance(message.id, tuple | list) else message.id
    wanted = placeholders(str(ident))
    by = counted.get(str(ident))
    for form in _forms(message.string):
        if not form:
            continue
        have = placeholders(form)
        if by is not None:
            # A form may say its number in words ("dwy broblem") and leave the count out.
            have, expected = (
                {p for p in have if p.split("!")[0] != by},
                {p for p in wanted if p.split("!")[0] != by},
            )
            if have != expected:
                return True
        elif have != wanted:
            return True
    return False


def check(locale: str) -> CatalogueReport:
    """Compare ``locale``'s catalogue with every template the library defines."""
    if locale not in SUPPORTED_LOCALES or locale == "en_GB":
        raise ValueError(f"locale {locale!r} has no catalogue to check")
    templates = all_templates()
    texts = set(templates.values())
    missing = set(untranslated(sorted(texts), locale))
    catalogue = [m for m in read_catalogue(locale) if m.id]
    entries = [m for m in catalogue if m.context != DATA_CONTEXT]
    data = [m for m in catalogue if m.context == DATA_CONTEXT]
    counted = _counted()
    return CatalogueReport(
        locale=locale,
        total=len(templates),
        untranslated=tuple((k, t) for k, t in templates.items() if t in missing),
        stale=tuple(sorted(_ident(m) for m in entries if _ident(m) not in texts)),
        placeholder_mismatches=tuple(
            sorted(_ident(m) for m in catalogue if m.string and mismatched(m, counted))
        ),
        untranslated_data=tuple(sorted(_ident(m) for m in data if not all(_forms(m.string)))),
    )


def _ident(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple | list) else message.id)


def main(argv: Sequence[str] | None = None) -> int:
    """List untranslated templates; with ``--strict``, fail on stale or mismatched entries."""
    parser = argparse.ArgumentParser(
        prog="python tools/catalogue_check.py",
        description="List the message templates a locale does not translate yet.",
    )
    parser.add_argument("locale", choices=[loc for loc in SUPPORTED_LOCALES if loc != "en_GB"])
    parser.add_argument("--strict", action="store_true", help="exit 1 on stale or bad entries")
    args = parser.parse_args(argv)
    report = check(args.locale)
    done = report.total - len(report.untranslated)
    print(f"{args.locale}: {done} of {report.total} templates translated.")
    for key, text in report.untranslated:
        print(f"  {key}: {text}")
    for text in report.untranslated_data:
        print(f"  data: {text}")
    for text in report.stale:
        print(f"stale (no such template): {text}")
    for text in report.placeholder_mismatches:
        print(f"placeholders differ from the template: {text}")
    problems = report.stale or report.placeholder_mismatches
    return 1 if args.strict and problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
