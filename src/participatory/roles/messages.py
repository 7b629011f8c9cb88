"""English sentences for the roles engine's findings and actions (keys ``roles.*``).

>>> MESSAGES["roles.community.not_involved"]
'The project names the community "{community}", but nobody from it and no organisation serving it is involved.'
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__: list[str] = []

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "roles.stage.after_design": (
        "{party} ({role}) joined at {stage}, after the design was settled: partners "
        "should be brought in from the beginning."
    ),
    "roles.stage.after_application": (
        "{party} ({role}) joined at {stage}, after the application was written without them."
    ),
    "roles.stage.from_start": (
        "Every partner ({count}) took part before or while the application was written."
    ),
    "roles.basis.coproducer_contracted": (
        "{party} ({role}) is described as {terms} but engaged as a {basis}: a "
        "co-producing partner is an equal partner, not a contractor."
    ),
    "roles.basis.participant_called_partner": (
        "{party} ({role}) is described as {terms} but takes part as a research "
        "participant: say which it is, as research participation needs ethics review."
    ),
    "roles.community.single_voice": (
        '{party} is the only person from the community "{community}": one person '
        "cannot speak for a whole community."
    ),
    "roles.community.not_involved": (
        'The project names the community "{community}", but nobody from it and no '
        "organisation serving it is involved."
    ),
    "roles.recognition.not_asked": (
        "Nobody has recorded how {party} would like their contribution recognised."
    ),
    "roles.authorship.not_offered": (
        "{party} made substantial contributions ({roles}) that meet ICMJE criterion 1 "
        "but has not been offered authorship."
    ),
    "roles.authorship.offered": (
        "{party} ({roles}) was offered authorship on {offered_on}; response: {response}."
    ),
    "roles.authorship.author": "{party} ({roles}) meets all four ICMJE criteria.",
    "roles.authorship.acknowledge": (
        "{party} contributed ({roles}) without meeting ICMJE criterion 1: acknowledge them by name."
    ),
    "roles.authorship.wish_unmet": (
        "{party} would like co-authorship, but no contribution meeting ICMJE criterion 1 "
        "is recorded for them."
    ),
    "roles.support.bridging": ("{party} ({role}) connects the researchers with the communities."),
    "roles.support.none": (
        "No public-engagement, community-liaison or other bridging role supports the researchers."
    ),
    "roles.return.none": ("There is no plan to return the findings to the people who contributed."),
    "roles.return.overdue": (
        "Findings were due back to contributors by {due_by} ({how}) and have not been returned."
    ),
    "roles.return.planned": "Findings will be returned to contributors: {how}.",
    "roles.return.done": "Findings were returned to contributors on {returned_on} ({how}).",
    "roles.term.undefined": (
        'The project uses "{text}", which has no definition in force{suggestion}.'
    ),
    "roles.term.in_force": ('"{text}" means {term} here: {provenance}.'),
    "roles.term.confusable": (
        "The project uses both {first} and {second}, which are often confused: say how "
        "they differ here."
    ),
    "roles.action.bring_in_earlier": (
        "Involve partners from priority setting or idea generation in the next phase."
    ),
    "roles.action.agree_partnership": (
        "Agree a partnership (not a service contract), or stop calling the work co-produced."
    ),
    "roles.action.widen_involvement": (
        "Involve more people from the community, or a partner organisation that serves it."
    ),
    "roles.action.ask_recognition": (
        "Ask them how they would like their contribution recognised, and record the answer."
    ),
    "roles.action.offer_authorship": (
        "Offer authorship: the chance to draft or revise the work and approve the final version."
    ),
    "roles.action.acknowledge": "Name them in the acknowledgements, with their agreement.",
    "roles.action.record_contribution": (
        "Record a CRediT role that meets criterion 1 if they shaped the design or analysis."
    ),
    "roles.action.appoint_bridge": (
        "Bring in a public-engagement professional or community liaison officer."
    ),
    "roles.action.plan_return": (
        "Plan how and when findings go back to contributors, in a form they can use."
    ),
    "roles.action.define_term": (
        "Agree a definition and add it to the institution's vocabulary file."
    ),
}
