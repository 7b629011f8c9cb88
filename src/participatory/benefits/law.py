"""Which law each benefit rule applies, nation by nation, as catalogue references.

The benefit rules are mostly the same arithmetic across the United Kingdom, but the law that
makes them differs: Great Britain's regulations for England, Wales and Scotland's reserved
benefits; Scotland's own for Carer Support Payment; Northern Ireland's own legislation. The
bundled file ``data/benefit_law.toml`` maps each rule's topic to a catalogue reference per
nation (``great_britain`` serves England, Wales and Scotland unless a nation has its own).
A topic with no reference for a nation is a rule the library cannot apply there: asking for it
is refused, never answered with another nation's law.

>>> from participatory.core.nations import Nation
>>> cite_law("universal_credit.taper", Nation.WALES).source.key
'uc_regs_2013'
>>> cite_law("universal_credit.taper", Nation.NORTHERN_IRELAND).source.key
'uc_regs_ni_2016'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Final

from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, UnsupportedCase
from participatory.core.nations import Nation
from participatory.core.sources import Citation, bundled_sources

__all__ = ["cite_law", "law_references"]

_FILE: Final = "participatory/data/benefit_law.toml"
_KEYS: Final = frozenset({"great_britain", *(nation.value for nation in Nation)})


@functools.cache
def law_references() -> Mapping[str, Mapping[str, str]]:
    """Every topic's references, by nation key (read once; every reference resolves)."""
    document = tomlfile.bundled_tables("benefit_law.toml", _FILE)
    catalogue = bundled_sources()
    table: dict[str, dict[str, str]] = {}

    def walk(node: Mapping[str, object], prefix: str) -> None:
        for key, value in node.items():
            name = f"{prefix}.{key}" if prefix else key
            if not isinstance(value, Mapping):
                raise ParameterFileError(_FILE, name, "must be a table")
            if set(value) <= _KEYS and all(isinstance(v, str) for v in value.values()):
                for reference in value.values():
                    catalogue.resolve(str(reference))
                table[name] = {str(k): str(v) for k, v in value.items()}
            else:
                walk(value, name)

    walk(document, "")
    return table


@functools.lru_cache(maxsize=512)
def cite_law(topic: str, nation: Nation) -> Citation:
    """The citation of ``topic``'s law in ``nation``; refused where the library has none."""
    references = law_references().get(topic)
    if references is None:
        raise KeyError(f"no benefit-law topic {topic!r}")
    reference = references.get(nation.value)
    if reference is None and nation.great_britain:
        reference = references.get("great_britain")
    if reference is None:
        raise UnsupportedCase(
            f"{topic.replace('_', ' ')} in {nation.label}",
            instead="the library has no rule for this nation yet: ask a welfare-rights adviser",
        )
    return bundled_sources().cite(reference)
