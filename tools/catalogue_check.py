"""Checking a translation catalogue against the library's English templates.

A maintainer's tool, not part of the library. Run ``python tools/catalogue_check.py cy``
(with participatory installed) to list the templates Welsh does not translate yet (exit
status 0), or add ``--strict`` to exit with status 1 when a translation is stale (its
English template no longer exists) or its placeholders differ from the template's, as a
release check.

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
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from participatory.render.i18n import SUPPORTED_LOCALES, untranslated
from participatory.render.templates import TEMPLATES

__all__ = [
    "CatalogueReport",
    "all_templates",
    "check",
    "main",
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


def check(locale: str) -> CatalogueReport:
    """Compare ``locale``'s catalogue with every template the library defines."""
    if locale not in SUPPORTED_LOCALES or locale == "en_GB":
        raise ValueError(f"locale {locale!r} has no catalogue to check")
    templates = all_templates()
    texts = set(templates.values())
    missing = set(untranslated(sorted(texts), locale))
    entries = [m for m in read_catalogue(locale) if m.id and isinstance(m.id, str)]
    return CatalogueReport(
        locale=locale,
        total=len(templates),
        untranslated=tuple((k, t) for k, t in templates.items() if t in missing),
        stale=tuple(sorted(str(m.id) for m in entries if m.id not in texts)),
        placeholder_mismatches=tuple(
            sorted(
                str(m.id)
                for m in entries
                if m.string and placeholders(str(m.id)) != placeholders(str(m.string))
            )
        ),
    )


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
    for text in report.stale:
        print(f"stale (no such template): {text}")
    for text in report.placeholder_mismatches:
        print(f"placeholders differ from the template: {text}")
    problems = report.stale or report.placeholder_mismatches
    return 1 if args.strict and problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
