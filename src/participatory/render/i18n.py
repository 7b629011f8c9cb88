"""Message catalogues: the English templates are the message ids; other locales translate them.

Catalogues are gettext ``.po`` files under ``participatory/render/locales/<locale>/``.
Wheels carry them compiled to ``.mo`` at build time (``hatch_build.py``); a source checkout
compiles the ``.po`` in memory on first use, so both give the same text.

A template with no translation falls back to English, and
:func:`untranslated` lists such templates so a release can see what is missing.

>>> translate("Findings", "cy")
'Canfyddiadau'
>>> translate("A sentence nobody has translated.", "cy")
'A sentence nobody has translated.'
"""

from __future__ import annotations

import functools
import gettext
import io
from importlib import resources
from typing import Final

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from participatory.core.errors import ValidationError

__all__ = ["SUPPORTED_LOCALES", "catalogue", "translate", "untranslated"]

#: Locales with a catalogue (English needs none: its templates are the message ids).
SUPPORTED_LOCALES: Final = ("en_GB", "cy")

_DOMAIN: Final = "participatory"


@functools.cache
def _messages(locale: str) -> Catalog:
    """The babel catalogue of ``locale``: compiled (a wheel) or read from the ``.po``."""
    folder = resources.files("participatory") / "render" / "locales" / locale / "LC_MESSAGES"
    compiled = folder / f"{_DOMAIN}.mo"
    if compiled.is_file():
        with compiled.open("rb") as handle:
            return read_mo(handle)
    with (folder / f"{_DOMAIN}.po").open("rb") as handle:
        return read_po(handle, locale=locale)


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
    return frozenset(str(m.id) for m in _messages(locale) if m.id and m.string and not m.fuzzy)


def translate(text: str, locale: str) -> str:
    """``text`` (an English template) in ``locale``, or English when not yet translated."""
    if type(locale) is not str:  # checked before the cache, which cannot hash a list
        _check(locale)
    return catalogue(locale).gettext(text)


def untranslated(texts: list[str], locale: str) -> list[str]:
    """The templates among ``texts`` that ``locale`` does not translate yet (none in English)."""
    if locale == "en_GB":
        _check(locale)
        return []
    known = _translated(locale)
    return [text for text in texts if text not in known]
