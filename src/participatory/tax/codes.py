"""PAYE tax codes: what a code tells an employer to do with one payment.

A code is parsed from the text HMRC and payroll print (``"1257L"``, ``"S1257L M1"``,
``"C0T W1"``, ``"K475"``, ``"BR"``). It says:

- whose rates apply: prefix ``S`` Scotland, ``C`` Wales, none England and Northern Ireland
  (PAYE11085);
- the allowance: a number and a suffix letter (``1257L``: about £12,570 free of tax), none
  (``0T``), a negative one (``K`` codes: an amount *added* to pay), or a flat rate on all
  pay (``BR`` basic, ``D0`` higher, ``D1`` additional; Scotland's ``SD0``/``SD1``), or no
  tax (``NT``);
- the basis: cumulative (pay and tax to date), or non-cumulative — ``W1``, ``M1`` or ``X``
  after the code ("an emergency tax code", GOV.UK), each payment taxed as if it were the
  first of the year.

>>> code = TaxCode.parse("s1257l m1")
>>> str(code), code.regime.value, code.cumulative, code.allowance_number
('S1257L M1', 'scotland', False, 1257)
>>> TaxCode.parse("K475 W1").kind
<CodeKind.K: 'k'>
>>> TaxCode.parse("SD2")
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: tax_code: SD2 is not supported: what Scottish D codes above SD1 mean is not settled by the sources read (Sage and payslipiq differ) (ask HMRC or the payroll provider which rate the code applies, and give that as a flat-rate code)
"""  # noqa: E501

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.record import Record
from participatory.tax.rates import TaxRegime

__all__ = ["CodeBasis", "CodeKind", "TaxCode"]


class CodeKind(enum.Enum):
    """How a code gives the allowance."""

    #: A number and a suffix letter (L, M, N or T): free pay of about ten times the number.
    ALLOWANCE = "allowance"
    #: ``0T``: no Personal Allowance, every band from the first pound.
    NO_ALLOWANCE = "no_allowance"
    #: ``K`` and a number: an amount added to pay before tax (deductions exceed allowances).
    K = "k"
    #: ``BR``, ``D0``, ``D1`` (and Scotland's ``SD0``, ``SD1``): one rate on all pay.
    FLAT_RATE = "flat_rate"
    #: ``NT``: no tax deducted.
    NO_TAX = "no_tax"


class CodeBasis(enum.Enum):
    """Whether PAYE works on pay and tax to date, or on this payment alone."""

    CUMULATIVE = "cumulative"
    #: ``W1``: week 1 basis.
    WEEK_1 = "W1"
    #: ``M1``: month 1 basis.
    MONTH_1 = "M1"
    #: ``X``: non-cumulative, "used if when you get paid varies" (GOV.UK).
    X = "X"


_SUFFIXES: Final = frozenset("LMNT")
# A flat-rate code's band, by regime. Scottish D codes above SD1 are refused (see parse).
_FLAT_BANDS: Final = {
    ("", "BR"): "basic",
    ("", "D0"): "higher",
    ("", "D1"): "additional",
    ("C", "BR"): "basic",
    ("C", "D0"): "higher",
    ("C", "D1"): "additional",
    ("S", "BR"): "basic",
    ("S", "D0"): "intermediate",
    ("S", "D1"): "higher",
}
#: Codes whose meaning was read only in a payroll vendor's page (Sage), not at HMRC.
SECONDARY_ONLY: Final = frozenset({"SBR", "SD0", "SD1"})

_PATTERN: Final = re.compile(
    r"""^(?P<prefix>[SC])?
        (?:(?P<k>K)(?P<k_number>\d{1,4})
          |(?P<number>\d{1,4})(?P<suffix>[LMNT])
          |(?P<flat>BR|D\d)
          |(?P<nt>NT))
        (?P<basis>W1|M1|X)?$""",
    re.VERBOSE,
)

_BAD_CODE_HINT: Final = "write it as HMRC prints it, e.g. 1257L, S1257L M1, 0T W1, BR or K475"


def _refuse(text: str, problem: str, hint: str) -> ValidationError:
    return ValidationError("tax_code", f"{text} is not supported: {problem}", hint=hint)


@attrs.frozen
class TaxCode(Record):
    """A parsed PAYE tax code (see the module docstring for what each part means).

    Build one with :meth:`parse`; ``str(code)`` gives it back as HMRC prints it.

    >>> TaxCode.parse("1257L X").basis
    <CodeBasis.X: 'X'>
    >>> TaxCode.parse("1257L").cumulative
    True
    """

    regime: TaxRegime
    kind: CodeKind
    #: The code's number: the allowance in tens of pounds (``1257``), or the K amount.
    number: int = 0
    #: The suffix letter of an allowance code (``"L"``), or the flat-rate code (``"BR"``).
    letters: str = ""
    basis: CodeBasis = CodeBasis.CUMULATIVE

    @classmethod
    def parse(cls, text: object) -> TaxCode:
        """Parse a code as printed on a P45, payslip or HMRC notice (case and spaces ignored)."""
        if isinstance(text, TaxCode):
            return text
        if not isinstance(text, str):
            raise ValidationError("tax_code", "must be text such as '1257L'")
        compact = re.sub(r"[\s/]+", "", text.upper())
        match = _PATTERN.match(compact)
        if match is None:
            # The code is the employer's data, not the contributor's special-category data.
            raise ValidationError(
                "tax_code",
                f"{compact or 'an empty text'} is not a PAYE tax code",
                hint=_BAD_CODE_HINT,
            )
        prefix = match["prefix"] or ""
        regime = {"": TaxRegime.REST_OF_UK, "S": TaxRegime.SCOTLAND, "C": TaxRegime.WALES}[prefix]
        basis = CodeBasis(match["basis"]) if match["basis"] else CodeBasis.CUMULATIVE
        if match["k"]:
            number = int(match["k_number"])
            if number == 0:
                raise ValidationError("tax_code", "a K code's number must be above 0")
            return cls(regime, CodeKind.K, number, "", basis)
        if match["number"] is not None:
            number = int(match["number"])
            if number == 0 and match["suffix"] == "T":
                return cls(regime, CodeKind.NO_ALLOWANCE, 0, "T", basis)
            if number == 0:
                raise ValidationError(
                    "tax_code", f"{compact} is not a PAYE tax code", hint="no allowance is 0T"
                )
            return cls(regime, CodeKind.ALLOWANCE, number, match["suffix"], basis)
        if match["flat"]:
            flat = match["flat"]
            if (prefix, flat) not in _FLAT_BANDS:
                if prefix == "S":
                    raise _refuse(
                        compact,
                        "what Scottish D codes above SD1 mean is not settled by the sources "
                        "read (Sage and payslipiq differ)",
                        "ask HMRC or the payroll provider which rate the code applies, and "
                        "give that as a flat-rate code",
                    )
                raise ValidationError(
                    "tax_code", f"{compact} is not a PAYE tax code", hint="D codes are D0 or D1"
                )
            return cls(regime, CodeKind.FLAT_RATE, 0, flat, basis)
        if prefix:
            raise _refuse(
                compact,
                "no source read gives an NT code with an S or C prefix",
                "an NT code deducts no tax wherever the taxpayer lives: give it as NT",
            )
        return cls(regime, CodeKind.NO_TAX, 0, "NT", basis)

    @property
    def prefix(self) -> str:
        """``"S"``, ``"C"`` or ``""``."""
        return {TaxRegime.REST_OF_UK: "", TaxRegime.SCOTLAND: "S", TaxRegime.WALES: "C"}[
            self.regime
        ]

    @property
    def cumulative(self) -> bool:
        """Whether PAYE works on pay and tax to date (no W1, M1 or X marker)."""
        return self.basis is CodeBasis.CUMULATIVE

    @property
    def allowance_number(self) -> int:
        """The number that gives free pay (0 for codes without an allowance)."""
        return self.number if self.kind is CodeKind.ALLOWANCE else 0

    @property
    def flat_band(self) -> str | None:
        """The band a flat-rate code taxes all pay at (``"basic"`` for BR), else ``None``."""
        if self.kind is not CodeKind.FLAT_RATE:
            return None
        return _FLAT_BANDS[(self.prefix, self.letters)]

    @property
    def secondary_only(self) -> bool:
        """Whether the code's meaning was read only in a payroll vendor's page."""
        return self.kind is CodeKind.FLAT_RATE and self.core in SECONDARY_ONLY

    @property
    def core(self) -> str:
        """The code without its W1, M1 or X marker (``"S1257L"``)."""
        if self.kind is CodeKind.K:
            body = f"K{self.number}"
        elif self.kind is CodeKind.ALLOWANCE:
            body = f"{self.number}{self.letters}"
        elif self.kind is CodeKind.NO_ALLOWANCE:
            body = "0T"
        else:
            body = self.letters
        return f"{self.prefix}{body}"

    def non_cumulative(self, basis: CodeBasis = CodeBasis.MONTH_1) -> TaxCode:
        """The same code on a week 1, month 1 or X basis."""
        if basis is CodeBasis.CUMULATIVE:
            raise ValidationError("basis", "must be W1, M1 or X")
        return attrs.evolve(self, basis=basis)

    def __str__(self) -> str:
        if self.cumulative:
            return self.core
        return f"{self.core} {self.basis.value}"


def to_tax_code(value: TaxCode | str) -> TaxCode:
    """Converter for model fields: a :class:`TaxCode` or its text."""
    return TaxCode.parse(value)
