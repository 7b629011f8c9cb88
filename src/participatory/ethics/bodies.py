"""Who reviews an activity: the bodies of each route, and a route as the triage gives it.

"Needs review" is not an answer a researcher can act on; a route is. A :class:`ReviewRoute`
names the body (:class:`ReviewBody`), how strongly it applies (:class:`Requirement`), the
nations it applies in, the bodies that may review instead, the facts that decided it and
the guidance it rests on. An activity may have several routes at once: an NHS research ethics
committee *and* HRA Approval *and* a data protection impact assessment.

Bodies are ranked by :attr:`ReviewBody.level`: 1 for governance, permissions and data duties,
2 for a committee the institution chooses or that already approved the study, 3 for a body
the law or UK health policy names.

>>> ReviewBody.NHS_REC.level > ReviewBody.UNIVERSITY_REC.level > ReviewBody.DPIA.level
True
>>> ReviewBody.NHS_PERMISSION.name_in(Nation.WALES)
'HRA and Health and Care Research Wales Approval'
>>> Requirement.REQUIRED.strength > Requirement.POLICY.strength
True
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

import attrs

from participatory.core.nations import Nation
from participatory.core.privacy import REDACTED_TEXT
from participatory.core.record import Record
from participatory.core.sources import Citation
from participatory.ethics.facts import Fact

__all__ = ["BODY_NAMES", "Requirement", "ReviewBody", "ReviewRoute", "name_key"]


class ReviewBody(enum.Enum):
    """A body that reviews, approves or advises on an activity, or a duty it must meet."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: The university's own research ethics committee, under its own policy.
    UNIVERSITY_REC = "university_rec"
    #: An NHS research ethics committee (an HSC REC in Northern Ireland), applied to via IRAS.
    NHS_REC = "nhs_rec"
    #: Permission for the NHS to take part: HRA (and HCRW) Approval, NHS or HSC R&D permission.
    NHS_PERMISSION = "nhs_permission"
    #: A social-care-flagged research ethics committee of the HRA (England).
    SOCIAL_CARE_REC = "social_care_rec"
    #: The research governance of the local authority (social care, England).
    LOCAL_AUTHORITY = "local_authority"
    #: HM Prison and Probation Service's National Research Committee (England and Wales).
    HMPPS_NRC = "hmpps_nrc"
    #: The Medicines and Healthcare products Regulatory Agency: clinical trial authorisation.
    MHRA = "mhra"
    #: The MHRA, notified of a clinical investigation of a medical device.
    MHRA_DEVICE = "mhra_device"
    #: A Human Tissue Authority licence for the premises where human tissue is stored.
    HTA_LICENCE = "hta_licence"
    #: The prison service's own research access (Scotland, Northern Ireland): not found.
    PRISON_SERVICE = "prison_service"
    #: The probation service's own research access (Scotland, Northern Ireland): not found.
    PROBATION_SERVICE = "probation_service"
    #: The body that approves research with people who lack capacity, under each nation's law.
    CAPACITY_BODY = "capacity_body"
    #: The body that allows confidential patient information to be used without consent.
    CONFIDENTIALITY = "confidentiality"
    #: The Caldicott Guardian of an organisation holding patients' or service users' data.
    CALDICOTT_GUARDIAN = "caldicott_guardian"
    #: A Scottish council's own process for using its social care records without consent.
    COUNCIL_RECORDS = "council_records"
    #: A data protection impact assessment by the controller.
    DPIA = "dpia"
    #: The local clinical governance, audit, service evaluation or R&D office.
    LOCAL_GOVERNANCE = "local_governance"
    #: The approval the study already holds (no new application).
    EXISTING_APPROVAL = "existing_approval"
    #: An amendment to an approved study (or a new application).
    AMENDMENT = "amendment"

    @property
    def level(self) -> int:
        """1 governance or data duty, 2 a committee of the institution's, 3 a statutory body."""
        return _LEVELS[self]

    @property
    def label(self) -> str:
        """The body's name in English, whatever the nation."""
        return BODY_NAMES[self.value]

    def name_in(self, nation: Nation | None) -> str:
        """The body's English name in ``nation`` (its general name when ``None``)."""
        return BODY_NAMES[name_key(self, nation)]


_LEVELS: Final = {
    ReviewBody.UNIVERSITY_REC: 2,
    ReviewBody.NHS_REC: 3,
    ReviewBody.NHS_PERMISSION: 1,
    ReviewBody.SOCIAL_CARE_REC: 3,
    ReviewBody.LOCAL_AUTHORITY: 1,
    ReviewBody.HMPPS_NRC: 3,
    ReviewBody.MHRA: 3,
    ReviewBody.MHRA_DEVICE: 3,
    ReviewBody.HTA_LICENCE: 3,
    ReviewBody.PRISON_SERVICE: 3,
    ReviewBody.PROBATION_SERVICE: 3,
    ReviewBody.CAPACITY_BODY: 3,
    ReviewBody.CONFIDENTIALITY: 3,
    ReviewBody.CALDICOTT_GUARDIAN: 1,
    ReviewBody.COUNCIL_RECORDS: 1,
    ReviewBody.DPIA: 1,
    ReviewBody.LOCAL_GOVERNANCE: 1,
    ReviewBody.EXISTING_APPROVAL: 2,
    ReviewBody.AMENDMENT: 2,
}

#: English names by message key suffix: ``<body>`` or ``<body>.<nation>`` where they differ.
#: The message registry reads these (``ethics.body.<key>``), so each name is written once.
BODY_NAMES: Final = {
    "university_rec": "the university's research ethics committee",
    "nhs_rec": "an NHS research ethics committee (an HSC REC in Northern Ireland), through IRAS",
    "nhs_permission": "permission for the NHS (HSC) organisations taking part",
    "nhs_permission.england": "HRA Approval",
    "nhs_permission.wales": "HRA and Health and Care Research Wales Approval",
    "nhs_permission.scotland": "NHS R&D permission through the NHS Research Scotland "
    "Permissions Coordinating Centre",
    "nhs_permission.northern_ireland": "HSC Trust research governance permission",
    "social_care_rec": "a Social Care research ethics committee of the HRA, applied to through "
    "IRAS",
    "local_authority": "the local authority's research governance for social care",
    "hmpps_nrc": "the HMPPS National Research Committee",
    "mhra": "the Medicines and Healthcare products Regulatory Agency (MHRA), for clinical trial "
    "authorisation",
    "mhra_device": "the Medicines and Healthcare products Regulatory Agency (MHRA), notified "
    "of the clinical investigation of a medical device",
    "hta_licence": "a Human Tissue Authority licence for the premises where the tissue is stored",
    "prison_service": "the prison service's research access",
    "prison_service.scotland": "the Scottish Prison Service's research access",
    "prison_service.northern_ireland": "the Northern Ireland Prison Service's research access",
    "probation_service": "the probation service's research access",
    # Scotland has no probation agency: the councils' justice social work supervises.
    "probation_service.scotland": "the local authority's justice social work service",
    "probation_service.northern_ireland": "the Probation Board for Northern Ireland",
    "capacity_body": "the body that approves research with people who lack capacity under the "
    "law of each nation",
    "capacity_body.england": "an appropriate body under the Mental Capacity Act 2005 (an NHS "
    "research ethics committee flagged for it, or the Social Care REC), through IRAS",
    "capacity_body.wales": "an appropriate body under the Mental Capacity Act 2005 for Wales "
    "(an NHS research ethics committee flagged for it), through IRAS",
    "capacity_body.scotland": "Scotland A Research Ethics Committee (Adults with Incapacity "
    "(Scotland) Act 2000, s. 51)",
    "capacity_body.northern_ireland": "an appropriate body under the Mental Capacity Act "
    "(Northern Ireland) 2016",
    "confidentiality": "the body that allows confidential patient information to be used "
    "without consent",
    "confidentiality.england": "the Confidentiality Advisory Group (section 251 support), "
    "through IRAS",
    "confidentiality.wales": "the Confidentiality Advisory Group (section 251 support), "
    "through IRAS",
    "confidentiality.scotland": "the Public Benefit and Privacy Panel for Health and Social "
    "Care, or the health board's Caldicott Guardian",
    # Unsettled: the route's requirement says so after the name ("not settled: ask").
    "confidentiality.northern_ireland": "a Northern Ireland route for confidential information "
    "without consent",
    "caldicott_guardian": "the Caldicott Guardian of each organisation holding the data",
    "council_records": "the council's data protection officer and Caldicott Guardian, for "
    "its own social care records",
    "dpia": "a data protection impact assessment by the data controller",
    "local_governance": "the local clinical governance, audit or R&D office",
    "existing_approval": "the approval the study already holds",
    "amendment": "an amendment to the approved study, or a new application",
}


def name_key(body: ReviewBody, nation: Nation | None) -> str:
    """The key of ``body``'s name in ``nation``: nation-specific where one is written."""
    if nation is not None:
        specific = f"{body.value}.{nation.value}"
        if specific in BODY_NAMES:
            return specific
    return body.value


class Requirement(enum.Enum):
    """How a route applies; :attr:`strength` orders them."""

    # Members are singletons, equal only to themselves: hashing by identity spares every set
    # and dict look-up on the hot path a call to Enum's own hash, which runs in Python.
    __hash__ = object.__hash__

    #: Must be in place before the activity starts.
    REQUIRED = "required"
    #: The guidance read does not settle it: ask the body (the finding is a referral).
    UNSETTLED = "unsettled"
    #: The institution's own policy decides (a university REC alongside an NHS REC).
    POLICY = "policy"
    #: Advice to seek or a screening to do, not an approval.
    ADVICE = "advice"

    @property
    def strength(self) -> int:
        """3 required, 2 unsettled, 1 policy, 0 advice."""
        return _STRENGTHS[self]


_STRENGTHS: Final = {
    Requirement.REQUIRED: 3,
    Requirement.UNSETTLED: 2,
    Requirement.POLICY: 1,
    Requirement.ADVICE: 0,
}


_NATION_ORDER: Final = {nation: index for index, nation in enumerate(Nation)}


def _nations(value: Iterable[Nation]) -> tuple[Nation, ...]:
    # England, Wales, Scotland, Northern Ireland, whatever order the rules met them in.
    return tuple(sorted(set(value), key=_NATION_ORDER.__getitem__))


@attrs.frozen(repr=False)
class ReviewRoute(Record):
    """One review route of an activity: the body, how it applies, where, and why.

    ``nations`` is empty for a route that covers the whole study (one NHS REC opinion for a
    UK-wide study) and names the nations for a route that differs by nation (HRA Approval in
    England, NHS R&D permission in Scotland). ``decided_by`` names the facts the rules read to
    reach it (never their answers); ``rule_ids`` the findings that explain it.
    ``sensitive`` is true when it rests on a yes to a sensitive fact (a group's capacity or
    custody): its repr is redacted and default serialisation
    (:func:`participatory.core.serialise.unstructure`) withholds it whole.

    >>> route = ReviewRoute(ReviewBody.CAPACITY_BODY, Requirement.REQUIRED,
    ...                     nations=[Nation.SCOTLAND], sensitive=True)
    >>> route
    ReviewRoute(<redacted>, sensitive=True)
    >>> route.name
    'Scotland A Research Ethics Committee (Adults with Incapacity (Scotland) Act 2000, s. 51)'
    """

    body: ReviewBody
    requirement: Requirement
    nations: tuple[Nation, ...] = attrs.field(default=(), converter=_nations)
    alternatives: tuple[ReviewBody, ...] = ()
    decided_by: tuple[Fact, ...] = ()
    rule_ids: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = attrs.field(default=(), eq=False)
    sensitive: bool = False

    def __repr__(self) -> str:
        # A sensitive route says that a group may lack capacity or is in custody: a log line
        # or traceback of any result must not.
        if self.sensitive:
            return f"ReviewRoute({REDACTED_TEXT}, sensitive=True)"
        return (
            f"ReviewRoute(body={self.body!r}, requirement={self.requirement!r}, "
            f"nations={self.nations!r}, alternatives={self.alternatives!r}, "
            f"decided_by={self.decided_by!r}, rule_ids={self.rule_ids!r})"
        )

    @property
    def name_key(self) -> str:
        """The key of the body's name: nation-specific when the route is in one nation."""
        nation = self.nations[0] if len(self.nations) == 1 else None
        return name_key(self.body, nation)

    @property
    def name(self) -> str:
        """The body's English name for this route."""
        return BODY_NAMES[self.name_key]
