"""Plain-language sentences for findings, with money and dates formatted for a locale.

>>> import datetime as dt
>>> from participatory.core.explain import Finding, Severity
>>> from participatory.core.messages import define_messages
>>> from participatory.core.money import Money
>>> define_messages({"doc.fee": "The fee is {fee}, due on {due}."})
>>> f = Finding("DOC-FEE", Severity.INFO, "doc.fee",
...             {"fee": Money.gbp("1234.5"), "due": dt.date(2026, 4, 6)})
>>> sentence(f, locale="en_GB")
'The fee is £1,234.50, due on 6 April 2026.'
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from participatory.core.explain import Finding
from participatory.core.messages import template
from participatory.core.money import Money
from participatory.core.privacy import REDACTED_TEXT

__all__ = ["format_value", "sentence"]


def format_value(value: object, locale: str) -> str:
    """One value as a person reads it in ``locale`` (money, dates and numbers by babel)."""
    if isinstance(value, Money):
        return str(format_currency(value.amount, value.currency, locale=locale))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return str(format_date(value, format="long", locale=locale))
    if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool)):
        return str(format_decimal(value, locale=locale))
    if isinstance(value, list | tuple):
        return ", ".join(format_value(item, locale) for item in value)
    return str(value)


def sentence(finding: Finding, *, locale: str, include_sensitive: bool = True) -> str:
    """The finding's message as a sentence.

    With ``include_sensitive=False`` a sensitive finding's values are replaced by
    ``<redacted>``, for reports that leave the contributor's own hands.
    """
    text = template(finding.message_key)
    hide = finding.sensitive and not include_sensitive
    values = {
        key: REDACTED_TEXT if hide else format_value(value, locale)
        for key, value in finding.values.items()
    }
    return text.format_map(values)
