"""Timeline cases from Jopson (2022), sections 2.2, 2.3, 5.3 and 5.5."""

import datetime as dt
from decimal import Decimal

from participatory.core.explain import Severity
from participatory.core.params import load_parameters, parse_parameters
from participatory.render.text import sentence
from participatory.timeline import Deadline, PlannedStage, Timeline, assess_timeline

AS_AT = dt.date(2026, 6, 1)


def heart_n_soul_style_plan():
    return Timeline(
        [
            PlannedStage("relationship_building", "2025-09-01", "2026-02-28", co_produced=True),
            PlannedStage("application", "2026-03-01", "2026-04-30", co_produced=True),
            PlannedStage(
                "delivery", "2026-09-01", "2026-10-26", co_produced=True, conventional_days=56
            ),
        ],
        deadlines=[Deadline("End of the grant", "2027-03-31", "delivery")],
    )


def test_co_produced_delivery_at_five_times_misses_the_grant_end():
    """Co-produced workshops estimated at 8 weeks (56 days) if run conventionally.

    Section 5.3: "Everything took about five times as long as expected". 56 x 5 = 280 days
    from 1 September 2026: September to the 30th is 30 days, then October 31 (61), November
    30 (91), December 31 (122), January 31 (153), February 28 (181), March 31 (212), April 30
    (242), May 31 (273) and 7 days of June (280): the delivery ends on 7 June 2027. The grant
    ends on 31 March 2027: 30 (April) + 31 (May) + 7 (June) = 68 days late. As planned
    (26 October 2026) it would have met the deadline, so this is a WARNING, not a PROBLEM.
    """
    result = assess_timeline(heart_n_soul_style_plan(), as_at=AS_AT)
    delivery = result.schedule[-1]
    assert delivery.needed_days == 280
    assert delivery.realistic.end == dt.date(2027, 6, 7)
    [deadline] = result.by_rule("TIME-DEADLINE-UNREACHABLE")
    assert deadline.severity is Severity.WARNING
    assert deadline.values["days_late"] == 68
    assert deadline.parameters[0].value == 5
    assert sentence(deadline, locale="en_GB") == (
        'The deadline "End of the grant" is 31 March 2027, but at a realistic pace delivery '
        "ends on 7 June 2027, 68 days later."
    )
    [short] = result.by_rule("TIME-STAGE-TOO-SHORT")
    assert short.values["planned_days"] == 56
    assert short.values["needed_days"] == 280


def test_relationship_time_before_the_application_is_counted():
    """Section 5.5: "Relationship building needs to come before ideas"; section 2.3: the
    relationships "need to form before you even reach the application stage".

    Relationship building 1 September 2025 to 28 February 2026, application from 1 March:
    30 + 31 + 30 + 31 + 31 + 28 = 181 days before it, so the rule is MET. The same plan
    without the relationship stage gets the WARNING, citing sections 2.2, 2.3 and 5.5.
    """
    result = assess_timeline(heart_n_soul_style_plan(), as_at=AS_AT)
    assert result.pre_application_days == 181
    assert result.by_rule("TIME-NO-RELATIONSHIP-TIME")[0].severity is Severity.MET

    plan = heart_n_soul_style_plan()
    bare = Timeline(plan.stages[1:], plan.deadlines)
    [finding] = assess_timeline(bare, as_at=AS_AT).by_rule("TIME-NO-RELATIONSHIP-TIME")
    assert finding.severity is Severity.WARNING
    sections = {c.pinpoint.removeprefix("§") for c in finding.citations if c.pinpoint}
    assert sections == {"2.2", "2.3", "5.5"}


def test_an_institution_lays_its_own_multiplier_over_the_reports(tmp_path):
    """An institution whose own co-produced projects ran about three times as long.

    From 1 January 2026 its file sets the multiplier to 3: 56 x 3 = 168 days from
    1 September 2026 ends on 15 February 2027 (30 + 31 + 30 + 31 + 31 = 153 to 31 January,
    then 15 days), so the grant end of 31 March 2027 is met.
    """
    own = tmp_path / "ours.toml"
    own.write_text(
        "[sources.our_review]\n"
        'title = "Our 2025 review"\npublisher = "Example University"\nprimary = true\n'
        "[timeline.co_production_multiplier]\n"
        'description = "Our experience"\nunit = "ratio"\nvalid_until = 2028-12-31\n'
        "[[timeline.co_production_multiplier.values]]\n"
        'effective_from = 2026-01-01\nvalue = 3\nsource = "our_review"\nverified = true\n',
        encoding="utf-8",
    )
    assert parse_parameters(own.read_text(encoding="utf-8"))
    params = load_parameters(own)
    result = assess_timeline(heart_n_soul_style_plan(), as_at=AS_AT, parameters=params)
    assert result.multiplier == Decimal(3)
    assert result.schedule[-1].realistic.end == dt.date(2027, 2, 15)
    [deadline] = result.by_rule("TIME-DEADLINE-UNREACHABLE")
    assert deadline.severity is Severity.MET
    assert deadline.parameters[0].source.source.title == "Our 2025 review"
    # Before the institution's value takes effect, the report's 5 still applies.
    earlier = assess_timeline(
        heart_n_soul_style_plan(), as_at=dt.date(2025, 12, 31), parameters=params
    )
    assert earlier.multiplier == 5
