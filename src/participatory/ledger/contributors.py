"""A contributor as the ledger knows them: a pseudonymous id, their communities, their nation.

The id is the one the person has everywhere: as the ``id`` of a
:class:`~participatory.benefits.Person` in a household's circumstances, as a contributor in
every project, and on every payment and ask in the ledger. Names and contact details are not
held here: the system that embeds the library keeps them elsewhere, joined to the id. The
communities a person belongs to (the names the institution uses for the groups it works
with) can reveal ethnic origin, health or beliefs, so they are special-category data: never
shown in ``repr`` or default output.

>>> sam = Contributor("c-0042", communities=["carers-north"], nation="wales")
>>> sam
Contributor(id='c-0042', communities=<redacted>, nation=<Nation.WALES: 'wales'>)
>>> "carers-north" in sam.communities
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.fields import member
from participatory.core.nations import Nation
from participatory.core.privacy import REDACTED, SENSITIVE
from participatory.core.record import Record
from participatory.ledger._ids import check_label, id_check

__all__ = ["Contributor"]

#: At most this many communities per person (a typing slip, not a real person, beyond it).
_MOST_COMMUNITIES: Final = 50


def _communities(value: Iterable[str]) -> frozenset[str]:
    # A string would be its letters and a mapping its keys, its values silently dropped:
    # refused, and never quoted (the names are special-category data).
    if isinstance(value, str | bytes):
        raise ValidationError("communities", "must be a list of community names, not one string")
    if isinstance(value, Mapping):
        raise ValidationError("communities", "must be a list of community names, not a mapping")
    if not isinstance(value, Iterable):
        raise ValidationError("communities", "must be a list of community names")
    names = tuple(value)
    if len(names) > _MOST_COMMUNITIES:
        raise ValidationError("communities", f"must name at most {_MOST_COMMUNITIES}")
    return frozenset(
        check_label(name, f"communities[{index}]", limit=100) for index, name in enumerate(names)
    )


def _nation(value: Nation | str) -> Nation:
    return member(Nation, value, "nation")


@attrs.frozen
class Contributor(Record):
    """A public contributor: the id every project and payer uses, and what the ledger needs.

    ``communities`` are the communities the person belongs to, by the names the institution
    uses (counted for over-asking): a list or set of names (one string, or a mapping, is
    refused); ``nation`` is where they live, which decides whose
    benefit rules and bodies apply.
    """

    id: str = attrs.field(validator=id_check("id", person=True))
    communities: frozenset[str] = attrs.field(
        factory=frozenset, converter=_communities, repr=REDACTED, metadata=SENSITIVE
    )
    nation: Nation = attrs.field(default=Nation.ENGLAND, converter=_nation)
