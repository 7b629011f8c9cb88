"""The stages of a participatory research project, in the order they come.

One enumeration serves every engine that speaks of stages: the roles engine (the stages a
party takes part in; a party's first stage is when they joined) and the timeline (the
planned dates of each stage). Relationship building comes first, before any idea or
application (Jopson 2022, sections 2.2, 2.3 and 5.5: "Relationship building needs to come
before ideas"); legacy comes last.

>>> ResearchStage.DESIGN < ResearchStage.DELIVERY
True
>>> ResearchStage.APPLICATION.label
'writing the application'
>>> [stage.value for stage in ResearchStage][:3]
['relationship_building', 'priority_setting', 'idea_generation']
"""

from __future__ import annotations

import enum

__all__ = ["ResearchStage"]


class ResearchStage(enum.Enum):
    """A stage of a participatory research project, in order; compares by that order."""

    #: Getting to know communities and partners, before any idea or application (2.2, 2.3).
    RELATIONSHIP_BUILDING = "relationship_building"
    PRIORITY_SETTING = "priority_setting"
    #: Conversations and ideas before any application exists (sections 2.3, 5.5, 5.6).
    IDEA_GENERATION = "idea_generation"
    #: Writing the application for funding.
    APPLICATION = "application"
    DESIGN = "design"
    GOVERNANCE = "governance"
    #: Delivery, including data collection.
    DELIVERY = "delivery"
    #: Analysis and interpretation.
    ANALYSIS = "analysis"
    DISSEMINATION = "dissemination"
    #: Follow-up and legacy: what continues after the project.
    LEGACY = "legacy"

    @property
    def rank(self) -> int:
        """Position in the order above (0 for relationship building)."""
        return _RANKS[self]

    @property
    def label(self) -> str:
        """The stage in words, for messages ("writing the application")."""
        return _LABELS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ResearchStage):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ResearchStage):
            return NotImplemented
        return self.rank <= other.rank


_RANKS = {stage: index for index, stage in enumerate(ResearchStage)}
_LABELS = {
    ResearchStage.RELATIONSHIP_BUILDING: "relationship building",
    ResearchStage.PRIORITY_SETTING: "priority setting",
    ResearchStage.IDEA_GENERATION: "idea generation before any application",
    ResearchStage.APPLICATION: "writing the application",
    ResearchStage.DESIGN: "design",
    ResearchStage.GOVERNANCE: "governance",
    ResearchStage.DELIVERY: "delivery and data collection",
    ResearchStage.ANALYSIS: "analysis and interpretation",
    ResearchStage.DISSEMINATION: "dissemination",
    ResearchStage.LEGACY: "follow-up and legacy",
}
