"""A read-only mapping that can be pickled and deep-copied, for the fields of frozen models.

:class:`types.MappingProxyType` is read-only but cannot be pickled, so a model holding one
(a project's benefits by person, a finding's values) could not be sent to a worker process,
cached, or copied with :func:`copy.deepcopy`. :class:`FrozenDict` is read-only too, and
pickles as the plain dictionary it was made from.

>>> import copy, pickle
>>> values = FrozenDict({"hours": 2})
>>> values["hours"], len(values), dict(values)
(2, 1, {'hours': 2})
>>> pickle.loads(pickle.dumps(values)) == values == copy.deepcopy(values)
True
>>> values["hours"] = 3
Traceback (most recent call last):
...
TypeError: 'FrozenDict' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, Mapping
from typing import Any, TypeVar

__all__ = ["FrozenDict", "K", "V"]

#: The type of a :class:`FrozenDict`'s keys.
K = TypeVar("K")
#: The type of a :class:`FrozenDict`'s values.
V = TypeVar("V")


class FrozenDict(Mapping[K, V]):
    """An immutable mapping, equal to any mapping with the same items."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._items: dict[K, V] = dict(items)

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def items(self) -> ItemsView[K, V]:
        """The items, in the order given: a read-only view of them."""
        # The dictionary's own view (read-only too): iterating it makes no Python-level call
        # per item, where the Mapping default calls __iter__ and __getitem__ (a report
        # formats the values of every finding it shows).
        return self._items.items()

    def __repr__(self) -> str:
        return f"FrozenDict({self._items!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._items == other._items
        if isinstance(other, Mapping):
            return self._items == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (self._items,))
