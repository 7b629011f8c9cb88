""":mod:`participatory.core.params`: hardening: bad input at its boundaries.

Bad input at every boundary that exists: the library's own error with a place, or a result.

Each boundary (a file loader, the command line) gets valid files broken one way at a time
(:mod:`participatory.testing.bad_input`) and random text. Every input must end in a
:class:`~participatory.core.errors.ParticipatoryError` that says where the problem is, or
in a valid result: never another exception, never a hang. The counts are printed at the
end of the run ("hardening: N inputs tried at <boundary>").

Core bugs the hardening sweep found, each fixed and pinned here.

Out-of-date rules: past the last verified figures, an engine refuses or says so.

Benefit and payment figures change every April. Every bundled parameter and rate card has
a ``valid_until``; on the day after it, the engines that exist now must raise
:class:`~participatory.core.errors.ParametersNotAvailable`, or, when the caller passes the
explicit ``allow_stale=True``, answer with a finding that reports the stale figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given

from participatory.core.errors import (
    ParameterFileError,
    ParametersNotAvailable,
    ParticipatoryError,
)
from participatory.core.params import (
    Parameter,
    bundled_parameters,
    load_parameter_file,
    parse_parameters,
)
from participatory.testing.bad_input import toml_texts
from tests.fuzzing import (
    FUZZ,
    PARAMETERS,
    outcome,
)


@FUZZ
@given(toml_texts(*PARAMETERS))
def test_parameter_files(tried: Counter[str], text: str) -> None:
    """parse_parameters: a ParameterFileError naming the file and key, or parameters."""
    tried["parse_parameters"] += 1
    result = outcome(lambda: parse_parameters(text, "fuzz.toml"))
    if not isinstance(result, ParticipatoryError):
        assert all(isinstance(p, Parameter) for p in result.values())  # type: ignore[attr-defined]


def test_a_parameter_file_that_is_not_utf8_is_a_parameter_file_error(tmp_path: Path) -> None:
    """Found by the boundary fuzz: load_parameter_file raised UnicodeDecodeError."""
    path = tmp_path / "binary.toml"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(ParameterFileError, match="not UTF-8"):
        load_parameter_file(path)


_ONE_DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    "name", sorted(n for n, p in bundled_parameters().items() if p.valid_until is not None)
)
def test_every_parameter_stops_the_day_after_valid_until(name: str, tried: Counter[str]) -> None:
    """On valid_until a value is given; the day after, an error or an explicit stale use.

    (A figure in force until superseded has no valid_until: ``test_params`` covers it.)
    """
    tried["stale dates (parameters)"] += 1
    params = bundled_parameters()
    until = params[name].valid_until
    assert until is not None
    assert not params.use(name, until).stale
    with pytest.raises(ParametersNotAvailable) as caught:
        params.use(name, until + _ONE_DAY)
    assert caught.value.covered_until == until
    assert until.isoformat() in str(caught.value)
    stale = params.use(name, until + _ONE_DAY, allow_stale=True)
    assert stale.stale
    assert stale.value == params.use(name, until).value


# -- every cache bounded (issue 17) ------------------------------------------------------

#: Caches whose keys are bounded by what they are keyed on, each with the reason. Any other
#: unbounded ``functools`` cache of an argument fails the test below.
_BOUNDED_BY_KEY: dict[str, str] = {
    "participatory.render.i18n._messages": "a supported locale (checked before the call)",
    "participatory.render.i18n.catalogue": "a supported locale (unsupported ones raise)",
    "participatory.render.i18n._translated": "a supported locale (unsupported ones raise)",
    "participatory.render.i18n._data_texts": "a supported locale (checked before the call)",
    "participatory.render.i18n._plain_templates": "a supported locale (checked before the call)",
    "participatory.render.i18n._phrases": "a supported locale (checked before the call)",
    "participatory.core.serialise.converter": "include_sensitive: true or false",
    "participatory.payments.timeliness._horizon": "one of the four UK nations",
    "participatory.payments.timeliness._bank_holidays": "a nation and a year the bank-holiday "
    "calendar covers (1872 to 2100, checked first): at most 916 entries",
    "participatory.payments.rates._bundled_text": "the name of a bundled rate card",
    "participatory.payments.rates._bundled_card": "the name of a bundled rate card (checked "
    "against the bundled files first)",
    "participatory.testing.sensitive.model_classes": "a package name (the library's own)",
}


def _module_caches() -> list[tuple[str, object]]:
    import importlib
    import pkgutil

    import participatory

    found = []
    for info in pkgutil.walk_packages(participatory.__path__, "participatory."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", "") == info.name:
                found.append((f"{info.name}.{name}", value))
    return found


def test_every_cache_of_an_argument_is_bounded() -> None:
    """Issue 17: caches that grew without bound (the parameter cache with ``allow_stale``,
    about 16 MB per 20,000 distinct dates). Every ``functools`` cache keyed on an argument
    has a ``maxsize``, or is listed above with the reason its keys are few."""
    import inspect

    unbounded = []
    for name, function in _module_caches():
        parameters = inspect.signature(function).parameters  # type: ignore[arg-type]
        maxsize = function.cache_parameters()["maxsize"]  # type: ignore[attr-defined]
        if parameters and maxsize is None and name not in _BOUNDED_BY_KEY:
            unbounded.append(name)
    assert unbounded == []


def test_no_module_level_store_grows_with_distinct_inputs() -> None:
    """Feed 20,000 distinct dates and amounts through parameter look-ups (stale ones too),
    formatting and Money; every dict, list and set at module level stays under a bound."""
    import importlib
    import pkgutil

    import participatory
    from participatory.core.money import Money
    from participatory.core.params import CACHE_LIMIT, bundled_parameters
    from participatory.render.text import format_value

    def stores() -> dict[str, int]:
        sizes = {}
        for info in pkgutil.walk_packages(participatory.__path__, "participatory."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, dict | list | set):
                    sizes[f"{info.name}.{name}"] = len(value)
        return sizes

    before = stores()
    params = bundled_parameters()
    start = dt.date(2028, 1, 1)
    for offset in range(20_000):
        day = start + dt.timedelta(days=offset)
        params.use("universal_credit.taper_rate", day, allow_stale=True)
        format_value(day, "en_GB")
        format_value(Money.gbp(offset), "cy")
    grown = {
        name: size - before.get(name, 0)
        for name, size in stores().items()
        if size - before.get(name, 0) > 0
    }
    assert all(growth <= 50_000 for growth in grown.values()), grown
    assert len(params._cache) <= CACHE_LIMIT
