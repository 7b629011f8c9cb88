""":mod:`participatory.testing.roles`: property tests."""

from hypothesis import given

from participatory.roles import (
    ProjectRoles,
)
from participatory.testing import roles as pr


def test_projects_strategy_builds_valid_projects():
    @given(pr.projects())
    def check(project):
        assert isinstance(project, ProjectRoles)

    check()
