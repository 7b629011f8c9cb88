"""Co-authorship: contributions recorded with CRediT, authorship decided with ICMJE.

Contributions use the 14 roles of CRediT (the Contributor Roles Taxonomy) plus any
*local* roles, kept apart because CRediT has no catch-all role for, say, advice drawn
from lived experience. The ICMJE asks that an author meet all four of its criteria and
that anyone meeting criterion 1 (a substantial contribution to conception or design, or to
acquiring, analysing or interpreting data) be given the chance to meet criteria 2 and 3.
Which CRediT roles evidence which criterion is data (``frameworks.toml``,
``[icmje.credit_evidence]``), marked as the library's own inference.

>>> import datetime as dt
>>> decision = assess_authorship(
...     Contribution("p1", ["investigation", "formal-analysis"]), None, as_at=dt.date(2025, 6, 1)
... )
>>> decision.outcome.value, decision.criteria_met, decision.has("ROLE-AUTHORSHIP-NOT-OFFERED")
('offer_authorship', (1,), True)
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from participatory import guidance_data
from participatory.core import tomlfile
from participatory.core.errors import ParameterFileError, ValidationError
from participatory.core.explain import Explained, Finding, Severity
from participatory.core.record import Record
from participatory.core.sources import Citation, bundled_sources
from participatory.vocabulary.terms import normalise

__all__ = [
    "AuthorshipDecision",
    "AuthorshipOffer",
    "AuthorshipOutcome",
    "Contribution",
    "ContributorRole",
    "CreditTaxonomy",
    "OfferResponse",
    "assess_authorship",
    "credit_taxonomy",
]

_FILE = "participatory/data/frameworks.toml"


@attrs.frozen
class ContributorRole(Record):
    """A contributor role: one of CRediT's 14 (``official``) or a local extension."""

    id: str
    name: str
    definition: str
    #: Where the role's definition was read (a catalogue citation).
    source: Citation
    #: True for the 14 CRediT roles; False for a local role, never exported as CRediT.
    official: bool

    @property
    def verified(self) -> bool:
        """Whether the definition was read at a primary source."""
        return self.source.verified

    def citation(self) -> Citation:
        """Where the role is defined."""
        return self.source


@attrs.frozen
class CreditTaxonomy(Record):
    """The CRediT roles, the local roles and the ICMJE criteria, as read from the data."""

    roles: Mapping[str, ContributorRole]
    criterion_1_roles: frozenset[str]
    criterion_2_roles: frozenset[str]
    #: ICMJE criteria 1-4, summarised, by number.
    icmje_criteria: Mapping[int, str]
    icmje_citation: Citation
    evidence_citation: Citation

    def role(self, text: str) -> ContributorRole:
        """The role named by id or name in any spelling ("Formal analysis", "formal-analysis")."""
        key = normalise(text)
        for role in self.roles.values():
            if key in (normalise(role.id), normalise(role.name)):
                return role
        raise ValidationError("roles", f"{text!r} is neither a CRediT role nor a local role")

    def official(self) -> tuple[ContributorRole, ...]:
        """The 14 CRediT roles, in the order of the data."""
        return tuple(r for r in self.roles.values() if r.official)

    def local(self) -> tuple[ContributorRole, ...]:
        """The local extension roles (not CRediT)."""
        return tuple(r for r in self.roles.values() if not r.official)


def _cite(entry: Mapping[str, Any], path: str) -> Citation:
    return guidance_data.cite(bundled_sources(), entry.get("source"), _FILE, f"{path}.source")


def _role(entry: Mapping[str, Any], path: str, *, official: bool) -> ContributorRole:
    return ContributorRole(
        id=entry["id"],
        name=entry["name"],
        definition=entry["definition"],
        source=_cite(entry, path),
        official=official,
    )


@functools.cache
def credit_taxonomy() -> CreditTaxonomy:
    """The bundled taxonomy (read once from ``frameworks.toml``, cached)."""
    text = tomlfile.bundled_text("frameworks.toml")
    data = tomlfile.parse_toml(text, _FILE)
    roles = {
        e["id"]: _role(e, f"credit_roles[{i}]", official=True)
        for i, e in enumerate(data["credit_roles"])
    }
    if len(roles) != 14:
        raise ParameterFileError(_FILE, "credit_roles", f"has {len(roles)} roles, CRediT has 14")
    for index, entry in enumerate(data.get("local_contributor_roles", [])):
        if entry["id"] in roles:
            raise ParameterFileError(_FILE, "local_contributor_roles", "reuses a CRediT id")
        roles[entry["id"]] = _role(entry, f"local_contributor_roles[{index}]", official=False)
    icmje = data["icmje"]
    evidence = icmje["credit_evidence"]
    for key in ("criterion_1", "criterion_2"):
        unknown = set(evidence[key]) - set(roles)
        if unknown:
            raise ParameterFileError(_FILE, f"icmje.credit_evidence.{key}", f"unknown {unknown}")
    return CreditTaxonomy(
        roles=MappingProxyType(roles),
        criterion_1_roles=frozenset(evidence["criterion_1"]),
        criterion_2_roles=frozenset(evidence["criterion_2"]),
        icmje_criteria=MappingProxyType({c["number"]: c["summary"] for c in icmje["criteria"]}),
        # The ICMJE page itself was not read: the criteria cite the restatement read.
        icmje_citation=_cite(icmje["criteria"][0], "icmje.criteria[0]"),
        evidence_citation=_cite(evidence, "icmje.credit_evidence"),
    )


def _role_ids(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ValidationError("roles", "must be a list of role ids, not one string")
    taxonomy = credit_taxonomy()
    return tuple(dict.fromkeys(taxonomy.role(text).id for text in value))


@attrs.frozen
class Contribution(Record):
    """What one party contributed, as CRediT role ids (and local role ids)."""

    party: str
    roles: tuple[str, ...] = attrs.field(converter=_role_ids)

    def credit_roles(self) -> tuple[str, ...]:
        """The official CRediT roles only (what a journal's CRediT statement may show)."""
        taxonomy = credit_taxonomy()
        return tuple(r for r in self.roles if taxonomy.roles[r].official)


class OfferResponse(enum.Enum):
    """The person's answer to an offer of authorship."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@attrs.frozen
class AuthorshipOffer(Record):
    """An offer of authorship to one party, and how far they have taken it up.

    ``approved_final_version`` and ``accountable`` record ICMJE criteria 3 and 4.
    """

    party: str
    offered_on: dt.date
    response: OfferResponse = OfferResponse.PENDING
    approved_final_version: bool = False
    accountable: bool = False


class AuthorshipOutcome(enum.Enum):
    """What the ICMJE criteria say about one contributor."""

    #: All four criteria are met: list as an author.
    AUTHOR = "author"
    #: Criterion 1 is met: offer the chance to meet criteria 2 and 3.
    OFFER_AUTHORSHIP = "offer_authorship"
    #: Contributed, but criterion 1 is not evidenced: acknowledge.
    ACKNOWLEDGE = "acknowledge"
    NO_CONTRIBUTION = "no_contribution"


@attrs.frozen
class AuthorshipDecision(Explained):
    """The authorship decision for one party, with the criteria evidenced and why."""

    party: str = attrs.field(kw_only=True)
    outcome: AuthorshipOutcome = attrs.field(kw_only=True)
    #: ICMJE criteria (1-4) the record evidences.
    criteria_met: tuple[int, ...] = attrs.field(kw_only=True)


def _criteria(
    contribution: Contribution, offer: AuthorshipOffer | None, taxonomy: CreditTaxonomy
) -> tuple[int, ...]:
    met = []
    if taxonomy.criterion_1_roles.intersection(contribution.roles):
        met.append(1)
    if taxonomy.criterion_2_roles.intersection(contribution.roles):
        met.append(2)
    if offer is not None and offer.response is OfferResponse.ACCEPTED:
        if offer.approved_final_version:
            met.append(3)
        if offer.accountable:
            met.append(4)
    return tuple(met)


def assess_authorship(
    contribution: Contribution,
    offer: AuthorshipOffer | None,
    *,
    as_at: dt.date,
    name: str | None = None,
) -> AuthorshipDecision:
    """Whether ``contribution`` should be offered authorship, acknowledged, or is authorship.

    An offer dated after ``as_at`` had not been made yet on that day. ``name`` is how the
    messages name the person (their party id otherwise).
    """
    if not isinstance(contribution, Contribution):
        raise ValidationError("contribution", "must be a Contribution")
    if offer is not None and not isinstance(offer, AuthorshipOffer):
        raise ValidationError("offer", "must be an AuthorshipOffer or None")
    if not isinstance(as_at, dt.date) or isinstance(as_at, dt.datetime):
        raise ValidationError("as_at", "must be a date")
    if name is not None and not isinstance(name, str):
        raise ValidationError("name", "must be text or None")
    taxonomy = credit_taxonomy()
    if offer is not None and offer.offered_on > as_at:
        offer = None
    met = _criteria(contribution, offer, taxonomy)
    party = contribution.party
    citations = (taxonomy.icmje_citation, taxonomy.evidence_citation)
    names = [taxonomy.roles[r].name for r in contribution.roles]
    values: dict[str, object] = {"party": name or party, "roles": names}
    if not contribution.roles:
        result: Finding | None = None
        outcome = AuthorshipOutcome.NO_CONTRIBUTION
    elif met == (1, 2, 3, 4):
        outcome = AuthorshipOutcome.AUTHOR
        result = Finding(
            "ROLE-AUTHORSHIP-CRITERIA-MET",
            Severity.MET,
            "roles.authorship.author",
            values,
            citations,
            subject=party,
        )
    elif 1 in met and offer is not None:
        outcome = AuthorshipOutcome.OFFER_AUTHORSHIP
        result = Finding(
            "ROLE-AUTHORSHIP-OFFERED",
            Severity.MET,
            "roles.authorship.offered",
            {**values, "offered_on": offer.offered_on, "response": offer.response.value},
            citations,
            subject=party,
        )
    elif 1 in met:
        outcome = AuthorshipOutcome.OFFER_AUTHORSHIP
        result = Finding(
            "ROLE-AUTHORSHIP-NOT-OFFERED",
            Severity.WARNING,
            "roles.authorship.not_offered",
            values,
            citations,
            actions=("roles.action.offer_authorship",),
            subject=party,
        )
    else:
        outcome = AuthorshipOutcome.ACKNOWLEDGE
        result = Finding(
            "ROLE-AUTHORSHIP-ACKNOWLEDGE",
            Severity.INFO,
            "roles.authorship.acknowledge",
            values,
            citations,
            actions=("roles.action.acknowledge",),
            subject=party,
        )
    return AuthorshipDecision(
        findings=() if result is None else (result,),
        party=party,
        outcome=outcome,
        criteria_met=met,
    )
