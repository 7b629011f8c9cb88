"""Hypothesis strategies for every public model, for the library's tests and yours.

Requires ``hypothesis`` (the ``test`` extra). Every strategy builds valid values only;
the hardening tests build invalid ones on purpose, separately.

>>> from hypothesis import given
>>> @given(date_ranges(max_days=40))
... def check(r):
...     assert r.days <= 40
>>> check()
"""

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from participatory.core.explain import Citation, Finding, ParameterUse, Severity
from participatory.core.money import Money
from participatory.core.periods import AssessmentPeriodCycle, BenefitWeekCycle, DateRange, TaxYear
from participatory.core.sources import Source

__all__ = [
    "amounts",
    "assessment_period_cycles",
    "benefit_week_cycles",
    "citations",
    "date_ranges",
    "dates",
    "documents",
    "findings",
    "money",
    "parameter_uses",
    "severities",
    "tax_years",
    "weights",
]

#: Dates the library's data and rules are built for.
MIN_DATE = dt.date(2020, 1, 1)
MAX_DATE = dt.date(2030, 12, 31)


def dates(
    min_value: dt.date = MIN_DATE, max_value: dt.date = MAX_DATE
) -> st.SearchStrategy[dt.date]:
    """Calendar days (leap days and month ends included)."""
    return st.dates(min_value=min_value, max_value=max_value)


def amounts(
    min_value: Decimal | int = 0, max_value: Decimal | int = 100_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Exact decimal amounts with ``places`` decimal places."""
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def money(
    min_value: Decimal | int = 0,
    max_value: Decimal | int = 100_000,
    currency: str = "GBP",
) -> st.SearchStrategy[Money]:
    """Money in whole minor units (pennies for GBP)."""
    return amounts(min_value, max_value).map(lambda a: Money(a, currency))


def weights(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[list[Decimal]]:
    """Non-negative allocation weights with a positive sum."""
    return st.lists(amounts(0, 1000, places=3), min_size=min_size, max_size=max_size).filter(
        lambda ws: sum(ws) > 0
    )


@st.composite
def date_ranges(
    draw: st.DrawFn,
    min_value: dt.date = MIN_DATE,
    max_value: dt.date = MAX_DATE,
    max_days: int = 800,
) -> DateRange:
    """Inclusive date ranges of 1 to ``max_days`` days."""
    start = draw(dates(min_value, max_value))
    length = draw(st.integers(min_value=0, max_value=max_days - 1))
    end = min(start + dt.timedelta(days=length), max_value)
    return DateRange(start, end)


def benefit_week_cycles() -> st.SearchStrategy[BenefitWeekCycle]:
    """Benefit weeks starting on any weekday."""
    return st.integers(0, 6).map(BenefitWeekCycle)


def assessment_period_cycles() -> st.SearchStrategy[AssessmentPeriodCycle]:
    """Universal Credit assessment-period cycles, claims starting on any day (29th–31st too)."""
    return dates().map(AssessmentPeriodCycle)


def tax_years() -> st.SearchStrategy[TaxYear]:
    """UK tax years 2020/21 to 2030/31."""
    return st.integers(2020, 2030).map(TaxYear)


def severities() -> st.SearchStrategy[Severity]:
    """Any severity."""
    return st.sampled_from(list(Severity))


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40)


_TITLE = _TEXT.filter(lambda text: bool(text.strip()))


def documents() -> st.SearchStrategy[Source]:
    """Catalogue documents, primary or secondary, with or without an address and dates."""
    return st.builds(
        Source,
        key=st.from_regex(r"[a-z][a-z0-9_]{0,15}", fullmatch=True),
        title=_TITLE,
        short_title=_TITLE,
        primary=st.booleans(),
        read_on=st.none() | dates(),
        author=st.none() | _TITLE,
        publisher=st.just("A publisher"),
        url=st.none() | st.just("https://www.legislation.gov.uk/uksi/2013/376"),
        published=st.none() | dates(),
    )


def citations() -> st.SearchStrategy[Citation]:
    """Citations of catalogue documents, with or without a pinpoint; verified only if primary."""
    return documents().flatmap(
        lambda document: st.builds(
            Citation,
            source=st.just(document),
            pinpoint=st.none() | _TITLE,
            verified=st.just(False) | st.just(document.primary),
        )
    )


def parameter_uses() -> st.SearchStrategy[ParameterUse]:
    """Records of a parameter value a rule read."""
    return st.builds(
        ParameterUse,
        name=st.from_regex(r"[a-z_]{1,12}(\.[a-z_]{1,12}){0,2}", fullmatch=True),
        value=amounts(),
        effective_from=dates(),
        source=citations(),
        reference=st.none() | citations(),
        verified=st.booleans(),
        checked_on=st.none() | dates(),
        review_due=st.booleans(),
    )


def findings() -> st.SearchStrategy[Finding]:
    """Findings with money, dates and numbers among their values."""
    values = st.dictionaries(
        st.from_regex(r"[a-z_]{1,10}", fullmatch=True),
        money() | dates() | amounts() | st.integers(-1000, 1000),
        max_size=4,
    )
    return st.builds(
        Finding,
        rule_id=st.from_regex(r"[A-Z]{2,5}(-[A-Z0-9]{1,8}){1,3}", fullmatch=True),
        severity=severities(),
        message_key=st.from_regex(r"[a-z_]{1,10}\.[a-z_]{1,10}", fullmatch=True),
        values=values,
        citations=st.lists(citations(), max_size=2).map(tuple),
        parameters=st.lists(parameter_uses(), max_size=2).map(tuple),
        sensitive=st.booleans(),
    )
