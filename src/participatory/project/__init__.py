"""One project, described once: the engines' models composed, with every id cross-checked.

>>> from participatory.project import Project
>>> Project(id="empty", title="An empty project").payment_plan().total()
Money('0', 'GBP')
"""

from participatory.project.model import Project, Session
from participatory.project.references import ProjectValidationError, reference_problems

__all__ = ["Project", "ProjectValidationError", "Session", "reference_problems"]
