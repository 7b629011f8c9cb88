"""What a reader sees of a report: the text of every format without what is for developers.

For HTML, the reader's text is the page's text outside ``<details>`` (notes for
developers), ``<style>`` and attributes (``data-rule``). Text and Markdown are read whole.
A command-line option (``--include-sensitive``) or a rule id (``PAY-LATE``,
``ETH-REFER-DATA-ANALYSED``) in it is a word the reader cannot act on.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: A command-line option or a rule id (two or more capitals, then hyphenated parts).
DEVELOPER_WORDS = re.compile(r"(?<![\w-])--[a-z][a-z-]+|\b[A-Z]{2,}(?:-[A-Z0-9]+)+\b")

# Rule-id-shaped words that are not rule ids: standards and document identifiers a reader
# meets in sources ("ISO-8601" would be one; none is known yet).
_NOT_RULES: frozenset[str] = frozenset()


class _ReaderText(HTMLParser):
    HIDDEN = frozenset({"details", "style", "script"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_reader_text(page: str) -> str:
    """The text of an HTML page a reader sees (not in details, style or attributes)."""
    parser = _ReaderText()
    parser.feed(page)
    parser.close()
    return " ".join(parser.parts)


def developer_words(text: str) -> list[str]:
    """The command-line options and rule ids in ``text``, each once, in order."""
    found = [m for m in DEVELOPER_WORDS.findall(text) if m not in _NOT_RULES]
    return list(dict.fromkeys(found))
