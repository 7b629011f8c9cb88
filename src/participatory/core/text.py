r"""Text from outside, made safe to show: no control characters, and Markdown that stays text.

Titles, names, notes, sources and URLs come from project files and institutions' own data.
Shown as they are, an ESC or BEL would drive the reader's terminal, and a ``*``, ``[`` or
``<`` would turn into emphasis, a link or raw HTML when Markdown is rendered (a Markdown
page often becomes HTML). Every renderer of the library passes such text through here.

>>> printable("Our\x1b[31m river\x07\nwatch")
'Our[31m river watch'
>>> markdown_text("*Our* <river> [link](x)")
'\\*Our\\* \\<river\\> \\[link\\](x)'
>>> markdown_link("NIHR", "https://example.org/a b)<script>")
'[NIHR](https://example.org/a%20b%29%3Cscript%3E)'
>>> markdown_link("NIHR", "javascript:alert(1)")
'NIHR'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["NOT_UTF8", "has_lone_surrogate", "markdown_link", "markdown_text", "printable"]

# Control characters (C0, DEL, C1) have no place in shown text: ESC and BEL from a project
# file would drive the reader's terminal. Line and tab breaks become spaces (a value never
# breaks a line of its own); the others go.
_CONTROLS: Final = {
    **dict.fromkeys(range(0x20)),
    **dict.fromkeys((0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029), 0x20),
    0x7F: None,
    **dict.fromkeys(range(0x80, 0xA0)),
    # Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) make
    # text display in another order than it is stored: a name could hide or reorder what a
    # report says around it. Right-to-left script needs none of them to show correctly.
    **dict.fromkeys(range(0x202A, 0x202F)),
    **dict.fromkeys(range(0x2066, 0x206A)),
}
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
#: The problem of a text holding a lone surrogate (:func:`has_lone_surrogate`).
NOT_UTF8: Final = "holds a lone surrogate, which is not a character (it cannot be written as UTF-8)"


def has_lone_surrogate(text: str) -> bool:
    r"""Whether ``text`` holds a lone surrogate: not a character, and not writable as UTF-8.

    A Python string can hold one (from ``surrogateescape``, or a JSON ``"\ud800"``); a value
    that is to be stored or written must be refused where it is given, not when a database
    or a file later fails to encode it.

    >>> has_lone_surrogate("grp\ud800"), has_lone_surrogate("Cymru \N{GRINNING FACE}")
    (True, False)
    """
    return not text.isascii() and _SURROGATES.search(text) is not None


def printable(text: str) -> str:
    r"""``text`` safe to show anywhere: no control characters, no lone surrogates.

    Line breaks and tabs become spaces; other control characters (ESC, BEL, NUL …) and the
    bidirectional overrides, embeddings and isolates are removed; a lone surrogate, which is
    not a character and cannot be written as UTF-8, becomes U+FFFD (the replacement
    character).

    >>> printable("t\ud800") == "t\N{REPLACEMENT CHARACTER}"
    True
    >>> printable("invoice\N{RIGHT-TO-LEFT OVERRIDE}fdp.exe")
    'invoicefdp.exe'
    """
    if text.isprintable():
        return text
    cleaned = text.translate(_CONTROLS)
    if not cleaned.isascii():
        cleaned = _SURROGATES.sub("\N{REPLACEMENT CHARACTER}", cleaned)
    return cleaned


# Characters that could start emphasis, code, links, raw HTML, tables or strike-through.
_SPECIAL: Final = re.compile(r"([\\`*_\[\]<>|~#!&])")


def markdown_text(text: str) -> str:
    """``text`` as Markdown that shows exactly that text: every special character escaped.

    Newlines become spaces, so a value never starts a line of its own (where ``1.`` or ``-``
    would begin a list) nor ends a list item or table cell early; control characters go.
    """
    return _SPECIAL.sub(r"\\\1", printable(text))


def markdown_link(label: str, url: str | None) -> str:
    """A Markdown link to ``url`` showing ``label`` (escaped), or the label alone.

    Only a web address (``http://`` or ``https://``) becomes a link.

    Every character of the address a link could break on (a space, a parenthesis, ``<``,
    ``>``, a backslash, a control character) is percent-encoded, so no address can close the
    link early and add markup of its own.
    """
    # Imported here: urllib.parse (with ipaddress) cost a run about 1% to import, and only a
    # Markdown table of sources (the docs, a glossary) makes links this way.
    from urllib.parse import quote

    shown = markdown_text(label)
    if not url or not url.startswith(("https://", "http://")):
        return shown
    address = quote(printable(url), safe=":/?#[]@!$&'*+,;=%~-._")
    return f"[{shown}]({address})"
