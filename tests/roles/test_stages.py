""":mod:`participatory.roles.stages`: unit tests."""

from participatory.roles import (
    ResearchStage,
)


def test_stages_are_ordered_as_the_research_cycle():
    assert [s.value for s in sorted(ResearchStage, reverse=True)][-4:] == [
        "application",
        "idea_generation",
        "priority_setting",
        "relationship_building",
    ]
    assert (
        ResearchStage.IDEA_GENERATION
        < ResearchStage.APPLICATION
        < ResearchStage.DESIGN
        < ResearchStage.GOVERNANCE
    )
    assert ResearchStage.LEGACY.label == "follow-up and legacy"
    assert ResearchStage.DESIGN.__lt__(3) is NotImplemented
