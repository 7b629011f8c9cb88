"""An activity written back as the JSON interface and project files take it.

A system that keeps an applicant's answers between visits (an ethics-review form filled in
over several days) can store this document and give it to ``participatory ethics`` or a
project file again. Facts are written as the file form, fact name to answer; by default the
sensitive answers (a group's capacity, custody, age, vulnerability) and a group's notes are
left out, as every default output leaves them out.

>>> from participatory.ethics.activity import Activity, Capacity, Party
>>> group = Party("residents", Capacity.RESEARCH_PARTICIPANT,
...               facts={"may_lack_capacity": True, "consent_planned": True})
>>> document = activity_document(Activity("visits", parties=[group], nations=["wales"]))
>>> document["nations"], document["parties"][0]["facts"]
(['wales'], {'consent_planned': 'yes'})
>>> activity_document(Activity("visits", parties=[group]), include_sensitive=True)[
...     "parties"][0]["facts"]
{'consent_planned': 'yes', 'may_lack_capacity': 'yes'}
"""

from __future__ import annotations

from typing import Any

from participatory.core.nations import Nation
from participatory.ethics.activity import Activity, Party
from participatory.ethics.facts import Facts

__all__ = ["activity_document"]


def _facts(facts: Facts, include_sensitive: bool) -> dict[str, str]:
    pairs = facts.answers + (facts.safeguarding if include_sensitive else ())
    return {fact.value: answer.value for fact, answer in sorted(pairs, key=lambda p: p[0].value)}


def _party(party: Party, include_sensitive: bool) -> dict[str, Any]:
    document: dict[str, Any] = {
        "label": party.label,
        "capacity": party.capacity.value,
        "tasks": sorted(task.value for task in party.tasks),
        "facts": _facts(party.facts, include_sensitive),
        "people": sorted(party.people),
    }
    if include_sensitive and party.notes:
        document["notes"] = party.notes
    return document


def activity_document(activity: Activity, *, include_sensitive: bool = False) -> dict[str, Any]:
    """``activity`` as plain data in the input form (sensitive answers only if asked for)."""
    return {
        "id": activity.id,
        "title": activity.title,
        "setting": activity.setting.value,
        "nations": [n.value for n in Nation if n in activity.nations],
        "approval": activity.approval,
        "facts": _facts(activity.facts, include_sensitive),
        "parties": [_party(p, include_sensitive) for p in activity.parties],
    }
