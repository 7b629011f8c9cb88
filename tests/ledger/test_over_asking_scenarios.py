"""Over-asking, counted by hand against the bundled defaults and an institution's own.

The bundled defaults are the library's own policy (``participatory_data_policy#over_asking``):
within the 90 days ending on the day asked about, more than 6 activities or more than 3
projects for a person, more than 12 activities or more than 5 projects for a community. The
findings cite the Bath report, §5.8: community groups "bombarded by too many requests".
"""

from __future__ import annotations

import datetime as dt

from participatory.core.params import bundled_parameters, parse_parameters
from participatory.ledger import Ask, AskCount, Contributor, Ledger, assess_over_asking
from participatory.render.text import sentence

AS_AT = dt.date(2026, 12, 6)


def _ask(key: str, project: str, activity: str, days_ago: int, **who: str) -> Ask:
    return Ask(key, project, activity, AS_AT - dt.timedelta(days=days_ago), **who)


def _ledger(asks: list[Ask]) -> Ledger:
    return Ledger(
        contributors=[
            Contributor("c-1", communities=["carers-north"]),
            Contributor("c-2", communities=["carers-north", "young-parents"]),
        ],
        asks=asks,
    )


def test_a_person_asked_into_seven_activities_is_over_asked() -> None:
    """Seven distinct activities of two projects in 90 days: 7 > 6."""
    asks = [_ask(f"a{i}", "river" if i % 2 else "pillow", f"session-{i}", i * 10,
                 person="c-1") for i in range(7)]  # fmt: skip
    result = assess_over_asking(_ledger(asks), as_at=AS_AT)
    assert result.people["c-1"] == AskCount(7, 2)
    assert result.over_asked_people == ("c-1",)
    (found,) = result.by_rule("LEDGER-OVER-ASKED-PERSON")
    assert found.citations[0].short == "Bath report §5.8"
    assert found.citations[0].passage is not None
    assert "bombarded by too many requests" in str(found.citations[0].passage.quote)
    assert {p.name for p in found.parameters} == {
        "ledger.over_asking.window_days",
        "ledger.over_asking.person_activities",
        "ledger.over_asking.person_projects",
    }
    assert found.parameters[0].source.key == "participatory_data_policy"
    assert not found.sensitive
    assert found.subject == "c-1"
    assert "90-day period" in sentence(found, locale="en_GB")
    assert "activities 7 (at most 6), projects 2" in sentence(found, locale="en_GB")


def test_six_activities_or_asks_outside_the_window_are_not() -> None:
    """Six activities is the limit, not over it; an ask 90 days back is outside the window
    (the window is the 90 days ending on the day asked about: 8 September to 6 December)."""
    asks = [_ask(f"a{i}", "river", f"s-{i}", i, person="c-1") for i in range(6)]
    asks.append(_ask("old", "river", "s-old", 90, person="c-1"))
    result = assess_over_asking(_ledger(asks), as_at=AS_AT)
    assert result.window.start == dt.date(2026, 9, 8)
    assert result.people["c-1"] == AskCount(6, 1)
    assert result.has("LEDGER-ASKING-WITHIN-LIMITS")
    assert not result.over_asked_people


def test_four_projects_is_over_asking_even_with_few_activities() -> None:
    asks = [_ask(f"a{i}", f"project-{i}", "advisory-group", i, person="c-2") for i in range(4)]
    result = assess_over_asking(_ledger(asks), as_at=AS_AT)
    assert result.people["c-2"] == AskCount(4, 4)
    assert result.over_asked_people == ("c-2",)


def test_the_same_activity_asked_twice_counts_once() -> None:
    asks = [_ask(f"a{i}", "river", "workshop", i, person="c-1") for i in range(9)]
    assert assess_over_asking(_ledger(asks), as_at=AS_AT).people["c-1"] == AskCount(1, 1)


def test_a_community_counts_asks_to_it_and_to_its_members() -> None:
    """carers-north: 8 activities asked of the group, 5 more of its members (c-1, c-2), one
    of them the same activity as a group ask: 8 + 5 - 1 = 12 distinct, not over 12; one more
    makes 13 > 12."""
    group = [_ask(f"g{i}", "river", f"g-{i}", i, community="carers-north") for i in range(8)]
    members = [_ask(f"m{i}", "pillow", f"m-{i}", i, person="c-1" if i % 2 else "c-2")
               for i in range(4)]  # fmt: skip
    members.append(_ask("same", "river", "g-0", 3, person="c-2"))
    members.append(_ask("more", "pillow", "m-extra", 3, person="c-1"))
    result = assess_over_asking(_ledger(group + members), as_at=AS_AT)
    assert result.communities["carers-north"] == AskCount(13, 2)
    assert result.communities["young-parents"] == AskCount(3, 2)
    (found,) = result.by_rule("LEDGER-OVER-ASKED-COMMUNITY")
    assert found.sensitive
    assert found.subject is None
    assert found.values["community"] == "carers-north"
    assert "carers-north" not in sentence(found, locale="en_GB")
    assert "carers-north" in sentence(found, locale="en_GB", include_sensitive=True)


def test_an_institution_sets_its_own_thresholds() -> None:
    """An institution allows a person 3 activities from 1 October 2026, citing its policy."""
    own = parse_parameters(
        """
[sources.our_policy]
title = "Public involvement policy"
publisher = "University of Example"
primary = true
read_on = 2026-10-01
[sources.our_policy.passages.asks]
pinpoint = "s. 4"
quote = "No one is asked into more than three activities in a quarter."
read_on = 2026-10-01

[ledger.over_asking.person_activities]
description = "Our limit"
unit = "count"
superseded = true
[[ledger.over_asking.person_activities.values]]
effective_from = 2026-10-01
value = 3
source = "our_policy#asks"
verified = true
checked_on = 2026-10-01
""",
        "ours.toml",
    )
    ours = bundled_parameters().layered(own)
    asks = [_ask(f"a{i}", "river", f"s-{i}", i, person="c-1") for i in range(4)]
    assert not assess_over_asking(_ledger(asks), as_at=AS_AT).over_asked_people
    result = assess_over_asking(_ledger(asks), as_at=AS_AT, parameters=ours)
    assert result.over_asked_people == ("c-1",)
    (found,) = result.findings
    limit = next(p for p in found.parameters if p.name.endswith("person_activities"))
    assert limit.value == 3
    assert limit.source.key == "our_policy"
    # Before its own figure took effect, the bundled default (6) applied.
    september = dt.date(2026, 9, 30)
    early = [Ask(f"e{i}", "river", f"s-{i}", september - dt.timedelta(days=i), person="c-1")
             for i in range(4)]  # fmt: skip
    earlier = assess_over_asking(_ledger(early), as_at=september, parameters=ours)
    assert earlier.people["c-1"] == AskCount(4, 1)
    assert not earlier.over_asked_people
