"""Exact money: a :class:`~decimal.Decimal` amount in one ISO 4217 currency.

Floats are refused, because ``0.1 + 0.2`` is not ``0.3`` and a contributor's fee must be
exact. Adding or comparing amounts in different currencies is an error. Splitting a sum
(:func:`allocate`) never creates or loses a minor unit.

>>> fee = Money.gbp("27.50")
>>> fee * 3 + Money.gbp("4.20")
Money('86.70', 'GBP')
>>> allocate(Money.gbp("100.00"), [1, 1, 1])
(Money('33.34', 'GBP'), Money('33.33', 'GBP'), Money('33.33', 'GBP'))

Arithmetic runs in the library's own decimal context (:mod:`participatory.core.exact`),
so the caller's precision, rounding or traps never change an amount. Amounts written as
text follow one grammar (:data:`NUMBER_GRAMMAR`, :data:`MONEY_GRAMMAR`) wherever they are
read; the project file's JSON Schema uses the same patterns.

>>> Money.gbp("1,250.00")
Money('1250.00', 'GBP')
>>> Money.gbp("1,50")
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: amount: is not a number written like '12.50' or '1,250.50' (digits, commas only between groups of three, a full stop before any fraction)

Formatting for people (``£86.70``, ``86,70 €``) happens at the edge, in
:mod:`participatory.render`, never on the value.
"""  # noqa: E501

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

import attrs

from participatory.core import exact
from participatory.core.errors import CurrencyMismatch, ValidationError

__all__ = [
    "DEFAULT_ROUNDING",
    "MONEY_GRAMMAR",
    "MONEY_PATTERN",
    "NUMBER_GRAMMAR",
    "NUMBER_PATTERN",
    "WEIGHT_DIGITS",
    "WEIGHT_PLACES",
    "Money",
    "Unrounded",
    "allocate",
    "json_schema_pattern",
    "parse_money_text",
    "parse_number",
    "to_decimal",
]

#: How :meth:`Money.quantize` rounds unless told otherwise: halves away from zero, the way
#: payroll and finance systems round a fee to the penny (HMRC's own examples round half up).
DEFAULT_ROUNDING: Final = ROUND_HALF_UP

#: The one grammar of an exact number written as text, wherever the library reads one (a
#: project file, a JSON document, ``--hours`` on the command line, ``Money.gbp("12.50")``):
#: an optional minus, ASCII digits, optionally grouped in threes by commas (``1,500``), and
#: an optional fraction after a full stop. Nothing else: no exponent (``1e3``), no
#: underscores, no other scripts' digits, no spaces, and no decimal comma, so ``1,50`` is
#: refused rather than read as 150 (or as one and a half).
NUMBER_GRAMMAR: Final = r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"

#: Money written as text: a number in :data:`NUMBER_GRAMMAR`, one space, and a three-letter
#: ISO 4217 currency code (``"1,250.00 GBP"``).
MONEY_GRAMMAR: Final = rf"{NUMBER_GRAMMAR} [A-Z]{{3}}"


def json_schema_pattern(grammar: str) -> str:
    r"""``grammar`` as a JSON Schema ``pattern`` matching the same strings in any regex dialect.

    ``^`` and ``$`` anchor it; ``(?!\n)`` stops Python's ``$`` from also accepting one
    trailing newline (ECMA-262, the dialect JSON Schema names, never does).

    >>> print(json_schema_pattern("[0-9]+"))
    ^(?:[0-9]+)(?!\n)$
    """
    return rf"^(?:{grammar})(?!\n)$"


#: :data:`NUMBER_GRAMMAR` for a JSON Schema ``pattern``.
NUMBER_PATTERN: Final = json_schema_pattern(NUMBER_GRAMMAR)
#: :data:`MONEY_GRAMMAR` for a JSON Schema ``pattern``.
MONEY_PATTERN: Final = json_schema_pattern(MONEY_GRAMMAR)

#: What is wrong with text that is not in :data:`MONEY_GRAMMAR`, and how to write it.
MONEY_PROBLEM: Final = 'must be money such as "90.00 GBP" or "1,250.00 GBP"'
MONEY_HINT: Final = (
    "an amount with commas only between groups of three digits and a full stop before any "
    "fraction, one space, then the currency code"
)

_NUMBER: Final = re.compile(NUMBER_GRAMMAR)
_MONEY: Final = re.compile(MONEY_GRAMMAR)

#: Longest text read as a number: far more than any amount or quantity (the largest amount,
#: ``999,999,999,999,999.99``, is 22 characters), short enough that no text is slow to read.
_LONGEST_NUMBER: Final = 64

_CURRENCY_CODE = re.compile(r"^[A-Z]{3}\Z")

# ISO 4217 minor units for the currencies whose exponent is not 2. Every other valid code
# uses 2, which covers GBP and EUR; babel is asked only for codes not listed here.
_MINOR_UNITS_NOT_TWO: Final = {
    "BHD": 3, "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "IQD": 3, "ISK": 0, "JOD": 3,
    "JPY": 0, "KMF": 0, "KRW": 0, "KWD": 3, "LYD": 3, "OMR": 3, "PYG": 0, "RWF": 0,
    "TND": 3, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}  # fmt: skip


# Minor units run 0 to 4 in ISO 4217: one quantum each, made once.
@functools.lru_cache(maxsize=8)
def _quantum(minor_units: int) -> Decimal:
    return exact.scaleb(1, -minor_units)


# Bounded by its argument's shape (three capital letters, checked first): at most 26^3.
@functools.lru_cache(maxsize=1024)
def _known_currency(code: str) -> bool:
    if code in ("GBP", "EUR", "USD") or code in _MINOR_UNITS_NOT_TWO:
        return True
    from babel.numbers import list_currencies  # deferred: loads CLDR data

    return code in list_currencies()


#: Amounts and quantities must be below 10**15 (a thousand million million) in magnitude.
#: The library computes with 28 significant digits, so below this bound every sum of up to
#: 10**10 amounts, pennies included, is exact; above it a sum would be silently rounded.
_MAX_WHOLE_DIGITS: Final = 15
#: Every amount of money is below this many pennies (10**17): a sum of amounts at or above
#: it has no Money form, so whatever adds amounts up refuses it where they are given.
PENNIES_LIMIT: Final = 10 ** (_MAX_WHOLE_DIGITS + 2)


def parse_number(text: str, path: str = "amount") -> Decimal:
    """Text in :data:`NUMBER_GRAMMAR` as an exact Decimal; anything else is an error at ``path``.

    >>> parse_number("1,250.50")
    Decimal('1250.50')
    >>> parse_number("1,5", "hours")
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: hours: is not a number written like '12.50' or '1,250.50' (digits, commas only between groups of three, a full stop before any fraction)
    """  # noqa: E501
    if len(text) > _LONGEST_NUMBER or not _NUMBER.fullmatch(text):
        raise ValidationError(
            path,
            "is not a number written like '12.50' or '1,250.50'",
            hint="digits, commas only between groups of three, a full stop before any fraction",
        )
    return Decimal(text.replace(",", ""))


def parse_money_text(text: str, path: str = "") -> tuple[Decimal, str]:
    """Text in :data:`MONEY_GRAMMAR` as its amount and currency code.

    >>> parse_money_text("1,250.00 GBP")
    (Decimal('1250.00'), 'GBP')
    """
    if len(text) > _LONGEST_NUMBER + 4 or not _MONEY.fullmatch(text):
        raise ValidationError(path, MONEY_PROBLEM, hint=MONEY_HINT)
    number, currency = text.split(" ")
    return Decimal(number.replace(",", "")), currency


def to_decimal(value: object, path: str = "amount") -> Decimal:
    """Convert an exact number to :class:`~decimal.Decimal`, refusing floats.

    Accepts ``Decimal``, ``int`` and text in :data:`NUMBER_GRAMMAR`; the magnitude must be
    below 10^15. ``path`` names the field in errors.

    >>> to_decimal("12.5")
    Decimal('12.5')
    >>> to_decimal(0.1)
    Traceback (most recent call last):
    ...
    participatory.core.errors.ValidationError: amount: is a float, which cannot hold money exactly (pass a Decimal or a string such as '12.50')
    """  # noqa: E501
    result = _exact(value, path)
    if result and result.adjusted() >= _MAX_WHOLE_DIGITS:
        raise ValidationError(
            path,
            "is too large (10^15 or more)",
            hint="numbers this size cannot be added up exactly",
        )
    return result


def _exact(value: object, path: str) -> Decimal:
    """``value`` as a finite Decimal, its size unchecked (a huge int counts as 10^20)."""
    if isinstance(value, bool):
        raise ValidationError(path, "is a boolean, not a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        # Converting an int of thousands of digits is slow, and it is far too large anyway.
        result = Decimal(value) if value.bit_length() <= 64 else Decimal("1e20")
    elif isinstance(value, float):
        raise ValidationError(
            path,
            "is a float, which cannot hold money exactly",
            hint="pass a Decimal or a string such as '12.50'",
        )
    elif isinstance(value, str):
        result = parse_number(value, path)
    else:
        raise ValidationError(path, f"must be a number, not {type(value).__name__}")
    if not result.is_finite():
        raise ValidationError(path, "must be a finite number")
    return result


def _too_large() -> ValidationError:
    return ValidationError(
        "amount",
        "is too large for an amount of money (10^15 or more)",
        hint="amounts this size cannot be added up exactly",
    )


#: Codes already found valid (at most 26^3 strings pass the pattern, so it stays bounded).
_VALID_CODES: Final[set[str]] = {"GBP"}


def _currency(value: object) -> str:
    if type(value) is str and value in _VALID_CODES:
        return value
    if not isinstance(value, str) or not _CURRENCY_CODE.match(value):
        raise ValidationError("currency", "must be a three-letter ISO 4217 code such as 'GBP'")
    if not _known_currency(value):
        raise ValidationError("currency", f"{value!r} is not an ISO 4217 currency code")
    if type(value) is str:  # not a str subclass, whose equality may be its own
        _VALID_CODES.add(value)
    return value


_set: Final = object.__setattr__


@attrs.frozen(repr=False, order=False, init=False)
class Money:
    """An exact amount of money in one currency.

    >>> Money("12.50", "GBP") == Money.gbp("12.5")
    True
    >>> Money.gbp(5) < Money.gbp("5.01")
    True
    >>> Money.gbp(1) + Money("1", "EUR")
    Traceback (most recent call last):
    ...
    participatory.core.errors.CurrencyMismatch: cannot add GBP and EUR: convert one amount first; the library never converts currencies itself
    """  # noqa: E501

    amount: Decimal
    currency: str = "GBP"

    def __init__(self, amount: object, currency: str = "GBP") -> None:
        # The checks an attrs converter and validator would make, made here: every figure a
        # finding quotes is a Money, and two Python-level calls fewer make one about a third
        # cheaper. A finite Decimal, what the library itself passes, needs only its size
        # checked; a code once found valid, no look-up.
        if type(amount) is not Decimal or not amount.is_finite():
            amount = _exact(amount, "amount")
        if amount:
            if amount.adjusted() >= _MAX_WHOLE_DIGITS:
                raise _too_large()
        elif amount.is_signed():
            # -0.00 equals 0.00, but would be stored and exported as "-0.00 GBP".
            amount = amount.copy_abs()
        if type(currency) is not str or currency not in _VALID_CODES:
            _currency(currency)
        _set(self, "amount", amount)
        _set(self, "currency", currency)

    @classmethod
    def gbp(cls, amount: Decimal | int | str) -> Money:
        """Pounds sterling, the library's usual currency."""
        return cls(amount, "GBP")

    @classmethod
    def zero(cls, currency: str = "GBP") -> Money:
        """Nothing, in ``currency``."""
        return cls(Decimal(0), currency)

    @classmethod
    def total(cls, amounts: Iterable[Money], currency: str = "GBP") -> Money:
        """Add up ``amounts``; an empty iterable gives zero in ``currency``.

        >>> Money.total([Money.gbp("1.10"), Money.gbp("2.20")])
        Money('3.30', 'GBP')
        >>> Money.total([], "EUR")
        Money('0', 'EUR')
        """
        result = cls.zero(currency)
        for amount in amounts:
            result = result + amount
        return result

    @property
    def minor_units(self) -> int:
        """Decimal places of the currency's minor unit (2 for GBP)."""
        return _MINOR_UNITS_NOT_TWO.get(self.currency, 2)

    @property
    def quantum(self) -> Decimal:
        """The smallest coin: ``Decimal('0.01')`` for GBP."""
        return _quantum(self.minor_units)

    def quantize(self, rounding: str = DEFAULT_ROUNDING) -> Money:
        """Round to the currency's minor unit (half up unless ``rounding`` says otherwise).

        >>> Money.gbp("10.005").quantize()
        Money('10.01', 'GBP')
        >>> from decimal import ROUND_DOWN
        >>> Money.gbp("10.009").quantize(ROUND_DOWN)
        Money('10.00', 'GBP')
        """
        return Money(exact.quantize(self.amount, self.quantum, rounding), self.currency)

    def is_whole_minor_units(self) -> bool:
        """Whether the amount is an exact number of pennies (cents, …)."""
        return self.amount == exact.quantize(self.amount, self.quantum, ROUND_HALF_UP)

    def is_zero(self) -> bool:
        """Whether the amount is zero."""
        return self.amount == 0

    def is_negative(self) -> bool:
        """Whether the amount is below zero."""
        return self.amount < 0

    def _same_currency(self, other: Money, operation: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(self.currency, other.currency, operation)

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "add")
        return Money(exact.add(self.amount, other.amount), self.currency)

    def __radd__(self, other: object) -> Money:
        # Lets the builtin sum() start from its int 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same_currency(other, "subtract")
        return Money(exact.subtract(self.amount, other.amount), self.currency)

    def __neg__(self) -> Money:
        return Money(exact.minus(self.amount), self.currency)

    def __abs__(self) -> Money:
        return Money(self.amount.copy_abs(), self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Money(exact.multiply(self.amount, Decimal(factor)), self.currency)

    __rmul__ = __mul__

    def ratio_to(self, other: Money) -> Decimal:
        """``self / other`` as a Decimal, for shares of a total.

        >>> Money.gbp(25).ratio_to(Money.gbp(100))
        Decimal('0.25')
        """
        self._same_currency(other, "divide")
        if other.amount == 0:
            raise ValidationError("", "cannot take a share of a zero total")
        return exact.divide(self.amount, other.amount)

    def _other(self, other: object) -> Decimal:
        # Comparing Decimals is exact in any context: no subtraction, so nothing to round.
        if not isinstance(other, Money):
            raise TypeError(f"cannot compare Money with {type(other).__name__}")
        self._same_currency(other, "compare")
        return other.amount

    def __lt__(self, other: object) -> bool:
        return self.amount < self._other(other)

    def __le__(self, other: object) -> bool:
        return self.amount <= self._other(other)

    def __gt__(self, other: object) -> bool:
        return self.amount > self._other(other)

    def __ge__(self, other: object) -> bool:
        return self.amount >= self._other(other)

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.currency!r})"

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


class Unrounded(Money):
    """An amount not yet rounded to the currency's minor unit: shown with all its digits.

    A report shows a :class:`Money` to the minor unit (£0.13); an amount marked
    :class:`Unrounded` is shown exactly (£0.125), so a sentence that says what an amount was
    before it was rounded shows that amount, never one rounded some other way. A
    :class:`Money` in every other respect: arithmetic on it gives plain :class:`Money`, and
    it serialises as its digits.

    >>> Unrounded(Decimal("0.125"), "GBP")
    Unrounded('0.125', 'GBP')
    >>> Unrounded(Decimal("0.125"), "GBP").quantize()
    Money('0.13', 'GBP')
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Unrounded({str(self.amount)!r}, {self.currency!r})"


#: The most decimal places a weight of :func:`allocate` may have (trailing zeros aside):
#: far finer than any share of a fund of less than 10^15 pounds can tell apart in pennies.
WEIGHT_PLACES: Final = 40
#: The most digits a weight of :func:`allocate` may be written with (trailing zeros included:
#: a weight written with a million zeros is as slow to split as one a millionth of a unit).
WEIGHT_DIGITS: Final = 64


def _decimal_places(value: Decimal) -> int:
    """Decimal places of a finite ``value``, not counting trailing zeros (none for 1E+3)."""
    sign, digits, exponent = value.as_tuple()
    del sign
    assert isinstance(exponent, int)  # finite: to_decimal refuses the rest
    significant = bytes(digits).rstrip(b"\0")
    if not significant:
        return 0
    return max(0, -(exponent + len(digits) - len(significant)))


def allocate(total: Money, weights: Sequence[Decimal | int]) -> tuple[Money, ...]:
    """Split ``total`` in proportion to ``weights`` without creating or losing a minor unit.

    The largest-remainder method: every part first gets its exact share rounded down to the
    minor unit; the pennies left over go one each to the parts with the largest remainders,
    ties going to the earlier part, so the result is deterministic. Every part differs from
    its exact share by less than one minor unit, and the parts add up to ``total`` exactly.

    ``total`` must be a whole number of minor units (quantize it first); weights must be
    non-negative with a positive sum, each with at most :data:`WEIGHT_PLACES` decimal places
    and :data:`WEIGHT_DIGITS` digits.
    A negative total is split like its absolute value.

    >>> allocate(Money.gbp("10.00"), [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")])
    (Money('5.00', 'GBP'), Money('2.50', 'GBP'), Money('2.50', 'GBP'))
    >>> allocate(Money.gbp("0.05"), [1, 1])
    (Money('0.03', 'GBP'), Money('0.02', 'GBP'))
    """
    if not isinstance(total, Money):
        raise ValidationError("total", "must be Money")
    if isinstance(weights, str | bytes) or not isinstance(weights, Iterable):
        raise ValidationError("weights", "must be a list of numbers")
    exact_weights = [to_decimal(w, f"weights[{i}]") for i, w in enumerate(weights)]
    if not exact_weights:
        raise ValidationError("weights", "must name at least one share")
    places = [_decimal_places(weight) for weight in exact_weights]
    for index, weight in enumerate(exact_weights):
        if weight < 0:
            raise ValidationError(f"weights[{index}]", "must not be negative")
        if len(weight.as_tuple().digits) > WEIGHT_DIGITS or places[index] > WEIGHT_PLACES:
            # The split is exact in integers, scaled by ten to the finest weight's places: a
            # weight of 1E-999999 made million-digit integers, and a split took minutes.
            raise ValidationError(
                f"weights[{index}]",
                f"has more than {WEIGHT_PLACES} decimal places or {WEIGHT_DIGITS} digits",
                hint="round it, or scale every weight up by the same factor",
            )
    weight_sum = Decimal(0)
    for weight in exact_weights:
        weight_sum = exact.add(weight_sum, weight)
    if weight_sum == 0:
        raise ValidationError("weights", "must add up to more than zero")
    if not total.is_whole_minor_units():
        raise ValidationError(
            "total", "is not a whole number of minor units", hint="quantize it first"
        )
    if total.is_negative():
        return tuple(-part for part in allocate(-total, exact_weights))

    numerator, denominator = total.amount.as_integer_ratio()
    units = numerator * 10**total.minor_units // denominator
    # Exact integer arithmetic: scale weights to integers so no Decimal context rounding
    # can make a remainder comparison wrong.
    factor = 10 ** max(places)
    int_weights = [_scaled(w, factor) for w in exact_weights]
    int_sum = sum(int_weights)
    floors: list[int] = []
    remainders: list[tuple[int, int]] = []
    for index, int_weight in enumerate(int_weights):
        quotient, remainder = divmod(units * int_weight, int_sum)
        floors.append(quotient)
        remainders.append((-remainder, index))
    leftover = units - sum(floors)
    for _, index in sorted(remainders)[:leftover]:
        floors[index] += 1
    return tuple(Money(exact.scaleb(part, -total.minor_units), total.currency) for part in floors)


def _scaled(weight: Decimal, factor: int) -> int:
    # weight × factor is a whole number by the choice of factor: exact in integers.
    numerator, denominator = weight.as_integer_ratio()
    return numerator * factor // denominator
