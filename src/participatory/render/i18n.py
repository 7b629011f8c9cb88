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

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = ["SUPPORTED_LOCALES", "catalogue", "translate", "untranslated"]

#: Locales with a catalogue (English needs none: its templates are the message ids).
SUPPORTED_LOCALES: Final = ("en_GB", "cy")

_DOMAIN: Final = "participatory"


@functools.cache
def catalogue(locale: str) -> gettext.NullTranslations:
    """The translations for ``locale`` (English, or an unknown locale, translates nothing)."""
    if locale not in SUPPORTED_LOCALES:
        raise ValueError(f"locale {locale!r} is not supported; use one of {SUPPORTED_LOCALES}")
    if locale == "en_GB":
        return gettext.NullTranslations()
    folder = resources.files("participatory") / "render" / "locales" / locale / "LC_MESSAGES"
    compiled = folder / f"{_DOMAIN}.mo"
    if compiled.is_file():
        return gettext.GNUTranslations(io.BytesIO(compiled.read_bytes()))
    source = folder / f"{_DOMAIN}.po"
    with source.open("rb") as handle:
        po = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translate(text: str, locale: str) -> str:
    """``text`` (an English template) in ``locale``, or English when not yet translated."""
    return catalogue(locale).gettext(text)


def untranslated(texts: list[str], locale: str) -> list[str]:
    """The templates among ``texts`` that ``locale`` does not translate yet."""
    translations = catalogue(locale)
    return [text for text in texts if translations.gettext(text) == text]
