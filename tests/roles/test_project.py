""":mod:`participatory.roles.project`: unit tests."""

import pytest

from participatory.core.errors import ValidationError
from participatory.roles import (
    Contribution,
    ProjectRoles,
    RelationshipBasis,
    ResearchStage,
    RoleAssignment,
    StaffKind,
    UniversityStaff,
)


def test_project_refuses_unknown_and_duplicate_parties():
    staff = UniversityStaff("s", "Jo", StaffKind.FACILITATOR)
    with pytest.raises(ValidationError, match=r"parties\[1\].id: is used by an earlier party$"):
        ProjectRoles("P", parties=[staff, staff])
    with pytest.raises(
        ValidationError, match=r"assignments\[0\].party: is not one of the parties$"
    ):
        ProjectRoles(
            "P",
            parties=[staff],
            assignments=[
                RoleAssignment("x", "r", RelationshipBasis.ADVISORY, stages=[ResearchStage.DESIGN])
            ],
        )
    with pytest.raises(
        ValidationError, match=r"contributions\[1\].party: names the same party as an earlier one"
    ):
        ProjectRoles("P", parties=[staff], contributions=[Contribution("s", []),
                                                          Contribution("s", [])])  # fmt: skip
    with pytest.raises(ValidationError, match=r"parties\[0\]"):
        ProjectRoles("P", parties=["Jo"])
    with pytest.raises(ValidationError, match="communities"):
        ProjectRoles("P", communities="carers")
