"""Plain-language sentences for findings, with money and dates formatted for a locale.

The English template of a finding's message key is looked up and translated
(:mod:`participatory.render.i18n`); the finding's values are formatted for the locale
(money, dates, numbers, shares as percentages) as CLDR says, through the table of the
supported locales' formats (:mod:`participatory.render.cldr`) or babel for anything else,
and put in its placeholders.

>>> import datetime as dt
>>> from participatory.core.explain import Finding, Severity
>>> from participatory.core.money import Money
>>> f = Finding("PAY-FEE", Severity.INFO, "payments.fee", {"activity": "a workshop",
...             "card": "nihr", "fee": Money.gbp("1234.5")})
>>> print(sentence(f, locale="en_GB"))
The fee for a workshop on the nihr rate card is £1,234.50.
>>> format_value(dt.date(2026, 4, 6), "cy")
'6 Ebrill 2026'
>>> format_value(Decimal("0.125"), "en_GB", share=True)
'12.5%'
>>> from participatory.core.money import Unrounded
>>> format_value(Unrounded(Decimal("0.125"), "GBP"), "cy")
'£0.125'
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from participatory.core.errors import ValidationError
from participatory.core.exact import computes_exactly
from participatory.core.explain import Finding, Phrase
from participatory.core.money import Money, Unrounded
from participatory.core.shares import Share
from participatory.core.text import printable
from participatory.render import cldr
from participatory.render.i18n import translate, translate_data, translate_plural
from participatory.render.templates import plural, template
from participatory.render.words import REDACTED_KEY

__all__ = ["action_sentence", "format_value", "printable", "redacted", "sentence", "text"]

# Formatted money, dates and numbers by (type, value, locale, share): a report shows the
# same amounts and dates many times. Cleared when full rather than grown without bound.
_FORMATTED: dict[tuple[type, object, str, bool], str] = {}
_QUIET_NAN: Final = Decimal("NaN")
_FORMATTED_LIMIT: Final = 50_000
_REMEMBERED: Final = (Money, dt.date, Decimal, int)


def format_value(value: object, locale: str, *, share: bool = False) -> str:
    """One value as a person reads it in ``locale`` (money, dates and numbers as CLDR says).

    With ``share=True`` a number in [0, 1] is shown as a percentage; a
    :class:`~participatory.core.shares.Share` always is. Text is shown as it is, less any
    control characters (:func:`~participatory.core.text.printable`).
    """
    if type(value) is str:
        # What _format gives a text, without entering its decimal context (a text has no
        # amount to round): most values a report fills in are names and ids.
        return printable(translate_data(value, locale))
    kind = type(value)
    if kind not in _REMEMBERED:
        return _format(value, locale, share=share)
    key = (kind, value, locale, share)
    try:
        known = _FORMATTED.get(key)
    except TypeError:  # an unhashable value (a signalling NaN): format it every time
        return _format(value, locale, share=share)
    if known is None:
        if len(_FORMATTED) >= _FORMATTED_LIMIT:
            _FORMATTED.clear()
        known = _FORMATTED[key] = _format(value, locale, share=share)
    return known


@computes_exactly  # babel rounds amounts in the current decimal context: make it ours
def _format(value: object, locale: str, *, share: bool = False) -> str:
    if isinstance(value, Money):
        if isinstance(value, Unrounded) and not value.is_whole_minor_units():
            return _unrounded(value, locale)
        known = cldr.money(value.amount, value.currency, locale)
        if known is not None:
            return known
        from babel.numbers import format_currency  # what the table does not hold

        # A zero without its sign, as the table shows one (equal amounts read the same).
        amount = value.amount.copy_abs() if value.amount.is_zero() else value.amount
        return str(format_currency(amount, value.currency, locale=locale))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        known = cldr.long_date(value, locale)
        if known is not None:
            return known
        from babel.dates import format_date

        return str(format_date(value, format="long", locale=locale))
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Decimal | int):
        as_share = share or isinstance(value, Share)
        if isinstance(value, Decimal) and value.is_zero():
            value = value.copy_abs()  # for babel, what the table does: a zero has no sign
        elif isinstance(value, Decimal) and value.is_snan():
            # Not a number either way: shown as one, not signalled out of the formatting.
            value = _QUIET_NAN
        if as_share:
            known = cldr.share(value, locale)
            if known is not None:
                return known
            from babel.numbers import format_percent

            return str(format_percent(value, format=cldr.SHARE_PATTERN, locale=locale))
        known = cldr.number(value, locale)
        if known is not None:
            return known
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=locale))
    if isinstance(value, enum.Enum):
        return printable(translate_data(str(value.value), locale))
    if isinstance(value, list | tuple):
        return ", ".join(format_value(item, locale, share=share) for item in value)
    if isinstance(value, Phrase):
        # Worded by this locale's catalogue, its values filled in as a finding's are.
        words = text(value.key, locale, value.values)
        return _filled(words, {k: format_value(v, locale) for k, v in value.values.items()})
    # A text the library supplies (a standard's name, a question) is in the catalogue; one
    # from the project file is not, and is shown as written.
    return printable(translate_data(str(value), locale))


def _unrounded(value: Money, locale: str) -> str:
    # All the amount's digits, the pattern's symbols around them. The table holds amounts
    # to the minor unit only, and an amount between pennies is rare (a costing's figures
    # before rounding): babel is read for it alone.
    from babel.numbers import format_currency

    return str(
        format_currency(value.amount, value.currency, locale=locale, decimal_quantization=False)
    )


def text(key: str, locale: str, values: Mapping[str, object] | None = None) -> str:
    """The template for message ``key`` in ``locale``, placeholders left as they are.

    For a plural template (:func:`~participatory.render.templates.plural`) ``values`` are
    the message's values as given (not yet formatted): the number in the placeholder the
    template counts by picks the form, through the locale's plural forms. An unknown key
    or locale, or a plural template without its number, is the library's
    :class:`~participatory.core.errors.ValidationError`.

    >>> text("payments.on_time", "en_GB", {"count": 1})
    '{count} payment was made on time.'
    >>> text("payments.on_time", "cy", {"count": 6})
    'Gwnaed chwe thaliad mewn pryd.'
    """
    try:
        english = template(key)
    except (KeyError, TypeError):
        english = None
    if english is None:
        raise ValidationError("message_key", "is not a message the library defines")
    forms = plural(key)
    if forms is None:
        return translate(english, locale)
    if values is None or forms.by not in values:
        raise ValidationError(forms.by, f"is the number the message {key} counts, and is missing")
    return translate_plural(forms.one, forms.other, values[forms.by], locale)


def redacted(locale: str) -> str:
    """What a withheld sensitive value is shown as in ``locale``."""
    return text(REDACTED_KEY, locale)


def sentence(finding: Finding, *, locale: str, include_sensitive: bool = False) -> str:
    """The finding's message as a sentence in ``locale``.

    By default a sensitive finding's values are replaced by ``<redacted>`` (in the
    locale), since a sentence may leave the contributor's own hands. Pass
    ``include_sensitive=True`` only where the reader is entitled to the person's data: the
    person themselves, or a system acting for them (``participatory benefits`` answers the
    person who asked). Even redacted, a sensitive finding's template says what it is about
    (which benefit, which need), so reports for others leave such findings out altogether
    (:mod:`participatory.render.view`).
    """
    if not isinstance(finding, Finding):
        raise ValidationError("finding", "must be a Finding")
    # The template first: an unsupported locale is refused before babel sees it.
    template_text = text(finding.message_key, locale, finding.values)
    return _sentence_from(finding, template_text, locale, include_sensitive)


def _sentence_from(
    finding: Finding, template_text: str, locale: str, include_sensitive: bool
) -> str:
    # sentence() once the template is known: the report view looks each template up once
    # per report. template_text is text(finding.message_key, locale, finding.values).
    hide = finding.sensitive and not include_sensitive
    hidden = redacted(locale) if hide else ""
    values = {
        key: hidden if hide else format_value(value, locale)
        for key, value in finding.values.items()
    }
    return _filled(template_text, values)


# A sentence ends at a full stop, question or exclamation mark and a space: a placeholder
# right after one opens the next sentence, as one at the template's very start does.
_SENTENCE_END: Final = re.compile(r"[.!?]\s+$")
# Each template as filled: None when no placeholder opens a sentence, else the template with
# those placeholders renamed and (new name, name) pairs. One entry per template and locale;
# cleared when full rather than grown without bound.
_Openings = tuple[str, tuple[tuple[str, str], ...]] | None
_OPENINGS: dict[str, _Openings] = {}
_OPENINGS_LIMIT: Final = 4096
_UNSEEN: Final = ("", ())


def _openings(template_text: str) -> _Openings:
    """``template_text`` with its placeholders that open a sentence renamed, or ``None``."""
    parts: list[str] = []
    renamed: dict[str, str] = {}
    first = True
    for literal, field, spec, conversion in string.Formatter().parse(template_text):
        parts.append(literal.replace("{", "{{").replace("}", "}}"))
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            return None  # no template formats its values itself; leave such a one to str.format
        # Text between two placeholders ("{units} {unit}") is never a sentence's start.
        if (first and not literal.strip()) or _SENTENCE_END.search(literal) is not None:
            renamed[f"_opening_{field}"] = field
            field = f"_opening_{field}"
        parts.append("{" + field + "}")
        first = False
    return ("".join(parts), tuple(renamed.items())) if renamed else None


def _filled(template_text: str, values: Mapping[str, str]) -> str:
    """``template_text`` with its placeholders filled from ``values``.

    A value that opens a sentence (a caller's label at the start of the template, or after a
    full stop) starts with a capital letter: only its first character changes, and a value
    in the middle of a sentence is shown as given. The translated template decides, so each
    language capitalises where its own sentences start.
    """
    known = _OPENINGS.get(template_text, _UNSEEN)
    if known is _UNSEEN:
        if len(_OPENINGS) >= _OPENINGS_LIMIT:
            _OPENINGS.clear()
        known = _OPENINGS[template_text] = _openings(template_text)
    if known is None:
        return template_text.format_map(values)
    renamed, openings = known
    filled = dict(values)
    for name, field in openings:
        filled[name] = _capitalised(values[field])
    return renamed.format_map(filled)


def _capitalised(value: str) -> str:
    # Only the first character, in its titlecase form (a digraph such as "ǆ" opens a word
    # as "ǅ", not "Ǆ"), and only where that is one character (not "ß").
    head = value[:1].title()
    return head + value[1:] if len(head) == 1 else value


def action_sentence(key: str, *, locale: str) -> str:
    """One of a finding's actions (a message key with no placeholders) as a sentence."""
    if not isinstance(key, str):
        raise ValidationError("action", "must be a message key")
    return text(key, locale)
