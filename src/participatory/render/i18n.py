"""Message catalogues: the English templates are the message ids; other locales translate them.

Catalogues are gettext ``.po`` files under ``participatory/render/locales/<locale>/``.
Wheels carry them compiled to ``.mo`` at build time (``hatch_build.py``); a source checkout
compiles the ``.po`` in memory on first use, so both give the same text.

A template with no translation falls back to English, and
:func:`untranslated` lists such templates so a release can see what is missing.

A template that counts something has plural forms (:class:`~participatory.render.templates.Plural`):
:func:`translate_plural` picks the form for a number through the catalogue's
``Plural-Forms`` (English has two forms, Welsh six: for 0, 1, 2, 3, 6 and any other number).

The values a template is given include texts the library itself supplies: the names of
standards and principles, outcomes, questions, stage names, recommendations, most of them
from the bundled data (``participatory/data/*.toml``). The catalogue holds these too, with
the message context ``data`` (:data:`DATA_CONTEXT`) and an extracted comment naming where
each comes from (``tools/catalogue_update.py`` gathers them). :func:`translate_data` looks a
value up by its English text; a text the catalogue does not hold (a name from the project
file) is shown as it is. A list the library joined with commas is translated item by item.

>>> translate("Findings", "cy")
'Canfyddiadau'
>>> translate_data("budget and spending, dissemination", "cy")
'y gyllideb a gwariant, lledaenu'
>>> translate_data("Sam P.", "cy")
'Sam P.'
>>> translate("A sentence nobody has translated.", "cy")
'A sentence nobody has translated.'
>>> one, other = "{count} payment was made on time.", "{count} payments were made on time."
>>> [translate_plural(one, other, n, "en_GB") for n in (0, 1, 2)]  # doctest: +NORMALIZE_WHITESPACE
['{count} payments were made on time.', '{count} payment was made on time.',
 '{count} payments were made on time.']
>>> [translate_plural(one, other, n, "cy") for n in (1, 2, 3, 11)]  # doctest: +NORMALIZE_WHITESPACE
['Gwnaed un taliad mewn pryd.', 'Gwnaed dau daliad mewn pryd.',
 'Gwnaed tri thaliad mewn pryd.', 'Gwnaed {count} o daliadau mewn pryd.']
"""

from __future__ import annotations

import functools
import gettext
import io
import re
import string
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from participatory.core.errors import ValidationError
from participatory.core.package_files import package_files

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

__all__ = [
    "DATA_CONTEXT",
    "SUPPORTED_LOCALES",
    "catalogue",
    "data_translation",
    "translate",
    "translate_data",
    "translate_plural",
    "untranslated",
]

#: Locales with a catalogue (English needs none: its templates are the message ids).
SUPPORTED_LOCALES: Final = ("en_GB", "cy")

_DOMAIN: Final = "participatory"

#: The message context of the texts the library inserts into templates (bundled data).
DATA_CONTEXT: Final = "data"

# How the engines join the library's own texts into one value, widest first.
_SEPARATORS: Final = ("; ", ", ")
# The placeholder of a phrase that keeps its text as written.
_AS_IS: Final = "as_is"
# Templates that are names an engine may put in a value (the review bodies of the ethics
# routes), by message key prefix: translated as data texts are.
_NAME_TEMPLATES: Final = ("ethics.body.",)


@functools.cache
def _messages(locale: str) -> Catalog:
    """The babel catalogue of ``locale``: compiled (a wheel) or read from the ``.po``."""
    # babel's catalogue readers load only for a locale that has a catalogue: an English
    # report never needs them.
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    folder = package_files() / "render" / "locales" / locale / "LC_MESSAGES"
    compiled = folder / f"{_DOMAIN}.mo"
    if compiled.is_file():
        with compiled.open("rb") as handle:
            return read_mo(handle)
    with (folder / f"{_DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=locale)


@functools.cache
def _data_texts(locale: str) -> dict[str, str]:
    """The translated data texts of ``locale``, by their English text."""
    return {
        str(m.id): str(m.string)
        for m in _messages(locale)
        if m.context == DATA_CONTEXT and isinstance(m.id, str) and m.string and not m.fuzzy
    }


def _check(locale: str) -> None:
    if not isinstance(locale, str) or locale not in SUPPORTED_LOCALES:
        # The library's own error (a ValueError too), so a caller catching either sees it.
        raise ValidationError(
            "", f"locale {locale!r} is not supported; use one of {SUPPORTED_LOCALES}"
        )


@functools.cache
def catalogue(locale: str) -> gettext.NullTranslations:
    """The translations for ``locale`` (English translates nothing)."""
    _check(locale)
    if locale == "en_GB":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, _messages(locale))
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@functools.cache
def _translated(locale: str) -> frozenset[str]:
    # By message id, not by comparing texts: a translation may rightly equal the English
    # ("Problem" is Welsh too).
    _check(locale)
    if locale == "en_GB":
        return frozenset()
    return frozenset(
        str(m.id[0]) if isinstance(m.id, tuple | list) else str(m.id)
        for m in _messages(locale)
        if m.id and m.context is None and not m.fuzzy and _complete(m.string)
    )


def _complete(string: object) -> bool:
    # A plural entry counts as translated only when every one of its forms is.
    if isinstance(string, tuple | list):
        return bool(string) and all(string)
    return bool(string)


def translate(text: str, locale: str) -> str:
    """``text`` (an English template) in ``locale``, or English when not yet translated."""
    if type(locale) is not str:  # checked before the cache, which cannot hash a list
        _check(locale)
    return catalogue(locale).gettext(text)


def translate_plural(one: str, other: str, count: object, locale: str) -> str:
    """The form of a plural template for ``count`` in ``locale`` (English when untranslated).

    ``one`` and ``other`` are the English forms; ``count`` is a whole number (an ``int``
    or a whole ``Decimal``). Any other number (1.5 hours) takes the form for "other",
    which is the last form in English and in Welsh.
    """
    if type(locale) is not str:
        _check(locale)
    translations = catalogue(locale)
    whole = _whole(count)
    if whole is not None:
        return translations.ngettext(one, other, whole)
    if locale == "en_GB":
        return other
    entry = _messages(locale).get(one)
    forms = entry.string if entry is not None and entry.pluralizable else ()
    return str(forms[-1]) if isinstance(forms, tuple | list) and _complete(forms) else other


def _whole(count: object) -> int | None:
    if isinstance(count, bool):
        return None
    if isinstance(count, int):
        return count
    if isinstance(count, Decimal) and count.is_finite() and count == count.to_integral_value():
        return int(count)
    return None


def data_translation(text: str, locale: str) -> str | None:
    """The translation of a data text in ``locale``, or ``None`` when the catalogue has none.

    A text the engines built from several of the library's texts is translated part by
    part, and only when every part is known: a list joined with ", " or "; ", or a phrase
    whose data entry has placeholders (``"{names}; possibly {maybe} (depending on the other
    open questions)"``), each placeholder a data text or a template in turn. A placeholder
    named ``as_is`` takes any text and keeps it as written (a document's title).
    """
    _check(locale)
    if locale == "en_GB":
        return text
    return _composed(text, locale)


@functools.lru_cache(maxsize=4096)
def _composed(text: str, locale: str) -> str | None:
    # Every part tried is shorter than the text, so the recursion ends.
    known = _data_texts(locale).get(text) or _plain_templates(locale).get(text)
    if known is not None:
        return known
    for pattern, translation in _phrases(locale):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = {
            name: part if name == _AS_IS else _composed(part, locale)
            for name, part in match.groupdict().items()
        }
        if all(part is not None for part in parts.values()):
            return translation.format_map(parts)
    for separator in _SEPARATORS:
        if separator in text:
            joined = _joined(tuple(text.split(separator)), separator, locale)
            if joined is not None:
                return joined
    return None


def _joined(parts: tuple[str, ...], separator: str, locale: str) -> str | None:
    """``parts`` as runs of one or more, each run a text the catalogue translates."""
    # ends[j]: the translations of parts[:j] as whole runs, or None if they cannot be.
    ends: list[list[str] | None] = [[]] + [None] * len(parts)
    for end in range(1, len(parts) + 1):
        for start in range(end - 1, -1, -1):
            before = ends[start]
            if before is None or (start, end) == (0, len(parts)):
                continue
            run = _composed(separator.join(parts[start:end]), locale)
            if run is not None:
                ends[end] = [*before, run]
                break
    done = ends[len(parts)]
    return None if done is None else separator.join(done)


@functools.cache
def _plain_templates(locale: str) -> dict[str, str]:
    """Translated templates that are names a value may hold (a review body's), by English."""
    # The registry, not the catalogue's comments: a compiled catalogue has none. Imported
    # here because the registry imports every engine.
    from participatory.render.templates import templates_starting

    translations = catalogue(locale)
    names = set(templates_starting(_NAME_TEMPLATES).values())
    return {name: translations.gettext(name) for name in names if name in _translated(locale)}


@functools.cache
def _phrases(locale: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The data entries with placeholders, as patterns, longest English first."""
    phrases = []
    for message in _messages(locale):
        if message.context != DATA_CONTEXT or not isinstance(message.id, str):
            continue
        if "{" not in message.id or not message.string or message.fuzzy:
            continue
        pattern = "".join(
            re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
            for literal, name, _, _ in string.Formatter().parse(message.id)
        )
        phrases.append((re.compile(pattern, re.DOTALL), str(message.string)))
    return tuple(sorted(phrases, key=lambda p: -len(p[0].pattern)))


def translate_data(text: str, locale: str) -> str:
    """A text the library inserts into a template, in ``locale`` (as it is when unknown)."""
    if locale == "en_GB":
        return text
    translated = data_translation(text, locale)
    return text if translated is None else translated


def untranslated(texts: list[str], locale: str) -> list[str]:
    """The templates among ``texts`` that ``locale`` does not translate yet (none in English)."""
    if locale == "en_GB":
        _check(locale)
        return []
    known = _translated(locale)
    return [text for text in texts if text not in known]
