"""Intersphinx inventories written locally, so the docs build with no network.

CI machines reach package registries only, so the usual inventories cannot be fetched.
This writes small ``objects.inv`` files naming the objects our docs link to, each pointing
at its real page on the project's published documentation.
"""

from __future__ import annotations

import zlib
from pathlib import Path

# (project, base URL, [(name, domain:role, relative URI)])
INVENTORIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "python": (
        "https://docs.python.org/3/",
        [
            ("datetime.date", "py:class", "library/datetime.html#datetime.date"),
            ("datetime.datetime", "py:class", "library/datetime.html#datetime.datetime"),
            ("decimal.Decimal", "py:class", "library/decimal.html#decimal.Decimal"),
            ("decimal", "py:module", "library/decimal.html"),
            ("tomllib", "py:module", "library/tomllib.html"),
            ("decimal.Context", "py:class", "library/decimal.html#decimal.Context"),
            (
                "contextlib.AbstractContextManager",
                "py:class",
                "library/contextlib.html#contextlib.AbstractContextManager",
            ),
            (
                "collections.abc.Hashable",
                "py:class",
                "library/collections.abc.html#collections.abc.Hashable",
            ),
            (
                "collections.abc.Collection",
                "py:class",
                "library/collections.abc.html#collections.abc.Collection",
            ),
            ("copy.deepcopy", "py:function", "library/copy.html#copy.deepcopy"),
            ("types.MappingProxyType", "py:class", "library/types.html#types.MappingProxyType"),
            ("os.PathLike", "py:class", "library/os.html#os.PathLike"),
            ("decimal.ROUND_HALF_UP", "py:data", "library/decimal.html#decimal.ROUND_HALF_UP"),
            ("pathlib.Path", "py:class", "library/pathlib.html#pathlib.Path"),
            (
                "collections.abc.Mapping",
                "py:class",
                "library/collections.abc.html#collections.abc.Mapping",
            ),
            (
                "collections.abc.Iterable",
                "py:class",
                "library/collections.abc.html#collections.abc.Iterable",
            ),
            (
                "collections.abc.Iterator",
                "py:class",
                "library/collections.abc.html#collections.abc.Iterator",
            ),
            (
                "collections.abc.ItemsView",
                "py:class",
                "library/collections.abc.html#collections.abc.ItemsView",
            ),
            (
                "collections.abc.Sequence",
                "py:class",
                "library/collections.abc.html#collections.abc.Sequence",
            ),
            ("typing.Protocol", "py:class", "library/typing.html#typing.Protocol"),
            ("typing.Any", "py:data", "library/typing.html#typing.Any"),
            ("typing.Optional", "py:data", "library/typing.html#typing.Optional"),
            ("enum.Enum", "py:class", "library/enum.html#enum.Enum"),
            ("Exception", "py:exception", "library/exceptions.html#Exception"),
            ("ValueError", "py:exception", "library/exceptions.html#ValueError"),
            ("KeyError", "py:exception", "library/exceptions.html#KeyError"),
            ("LookupError", "py:exception", "library/exceptions.html#LookupError"),
            ("int", "py:class", "library/functions.html#int"),
            ("str", "py:class", "library/stdtypes.html#str"),
            ("bool", "py:class", "library/functions.html#bool"),
            ("object", "py:class", "library/functions.html#object"),
            ("type", "py:class", "library/functions.html#type"),
            ("tuple", "py:class", "library/stdtypes.html#tuple"),
            ("list", "py:class", "library/stdtypes.html#list"),
            ("dict", "py:class", "library/stdtypes.html#dict"),
            ("float", "py:class", "library/functions.html#float"),
            ("Ellipsis", "py:data", "library/constants.html#Ellipsis"),
            ("None", "py:data", "library/constants.html#None"),
            (
                "collections.abc.Callable",
                "py:class",
                "library/collections.abc.html#collections.abc.Callable",
            ),
            ("abc.ABC", "py:class", "library/abc.html#abc.ABC"),
            (
                "argparse.ArgumentParser",
                "py:class",
                "library/argparse.html#argparse.ArgumentParser",
            ),
            ("argparse.Namespace", "py:class", "library/argparse.html#argparse.Namespace"),
            (
                "contextvars.ContextVar",
                "py:class",
                "library/contextvars.html#contextvars.ContextVar",
            ),
            (
                "gettext.NullTranslations",
                "py:class",
                "library/gettext.html#gettext.NullTranslations",
            ),
            ("typing.Literal", "py:data", "library/typing.html#typing.Literal"),
            ("typing.TypeAlias", "py:data", "library/typing.html#typing.TypeAlias"),
            # Annotations written with the short names a module imports (``import datetime as
            # dt``, ``from decimal import Decimal``) that autodoc cannot always evaluate: the
            # same pages under the names the signatures show.
            ("dt.date", "py:class", "library/datetime.html#datetime.date"),
            ("dt.datetime", "py:class", "library/datetime.html#datetime.datetime"),
            ("Decimal", "py:class", "library/decimal.html#decimal.Decimal"),
            ("Path", "py:class", "library/pathlib.html#pathlib.Path"),
        ],
    ),
    "babel": (
        "https://babel.pocoo.org/en/latest/",
        [
            (
                "babel.messages.catalog.Catalog",
                "py:class",
                "api/messages/catalog.html#babel.messages.catalog.Catalog",
            ),
        ],
    ),
    "matplotlib": (
        "https://matplotlib.org/stable/",
        [
            (
                "matplotlib.figure.Figure",
                "py:class",
                "api/_as_gen/matplotlib.figure.Figure.html#matplotlib.figure.Figure",
            ),
            (
                "matplotlib.axes.Axes",
                "py:class",
                "api/_as_gen/matplotlib.axes.Axes.html#matplotlib.axes.Axes",
            ),
            # Where the class is defined; matplotlib documents it as matplotlib.axes.Axes.
            (
                "matplotlib.axes._axes.Axes",
                "py:class",
                "api/_as_gen/matplotlib.axes.Axes.html#matplotlib.axes.Axes",
            ),
        ],
    ),
    "attrs": (
        "https://www.attrs.org/en/stable/",
        [
            ("attrs.Attribute", "py:class", "api.html#attrs.Attribute"),
            ("attrs.field", "py:function", "api.html#attrs.field"),
            ("attrs.frozen", "py:function", "api.html#attrs.frozen"),
        ],
    ),
    "cattrs": (
        "https://catt.rs/en/stable/",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#cattrs.Converter"),
            ("cattrs.converters.Converter", "py:class", "cattrs.html#cattrs.Converter"),
        ],
    ),
    "pendulum": (
        "https://pendulum.eustace.io/docs/",
        [("pendulum.Date", "py:class", "#dates")],
    ),
    "hypothesis": (
        "https://hypothesis.readthedocs.io/en/latest/",
        [
            (
                "hypothesis.strategies.SearchStrategy",
                "py:class",
                "reference/strategies.html#hypothesis.strategies.SearchStrategy",
            ),
            (
                "hypothesis.strategies.DrawFn",
                "py:class",
                "reference/strategies.html#hypothesis.strategies.DrawFn",
            ),
        ],
    ),
}


def write_inventories(folder: Path) -> dict[str, tuple[str, str]]:
    """Write one ``<project>.inv`` per project; return an ``intersphinx_mapping``."""
    folder.mkdir(parents=True, exist_ok=True)
    mapping: dict[str, tuple[str, str]] = {}
    for project, (base, entries) in INVENTORIES.items():
        header = (
            "# Sphinx inventory version 2\n"
            f"# Project: {project}\n# Version: \n"
            "# The remainder of this file is compressed using zlib.\n"
        ).encode()
        body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in entries)
        path = folder / f"{project}.inv"
        path.write_bytes(header + zlib.compress(body.encode()))
        mapping[project] = (base, str(path))
    return mapping
