"""The safeguarding and wellbeing engine: expected measures, and findings for missing ones.

From the groups a project works with and the emotional intensity of the work, the engine
reads the expected measures from :mod:`~participatory.safeguarding.guidance` and reports
each one as planned (``MET``) or missing (``ADVICE`` or ``WARNING``, with the reason and
the passages of the report it rests on). A partner organisation counts only for the groups
it has expertise in: Sands for bereaved parents (report 5.1), Heart n Soul for people with
learning disabilities (5.3).

Findings about the project are not sensitive. Findings from a :class:`PersonalNote` reveal
something about one person, so they are marked ``sensitive`` and carry the person's id as
their subject.

>>> from participatory.roles import OrganisationKind, PartnerOrganisation
>>> profile = SafeguardingProfile(groups={"bereavement"}, intensity="high",
...     measures={"signposting", "check_ins", "quiet_space", "one_to_one_person",
...               "reflection", "coordinator_training", "clear_boundaries",
...               "staff_peer_support"},
...     partners=[PartnerOrganisation("sands", "Sands", OrganisationKind.CHARITY,
...                                   expertise={"bereavement"})])
>>> result = assess_safeguarding(profile)
>>> sorted(m.value for m in result.missing)
[]
>>> result.by_rule("SAFE-PARTNER-EXPERTISE")[0].severity.name
'MET'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from participatory.core.errors import ValidationError
from participatory.core.explain import Citation, Explained, Finding, Severity
from participatory.core.fields import instances, set_repr
from participatory.roles.models import Group
from participatory.safeguarding.guidance import (
    Expectation,
    SafeguardingGuidance,
    safeguarding_guidance,
)
from participatory.safeguarding.models import Measure, PersonalNote, SafeguardingProfile

__all__ = ["SafeguardingAssessment", "assess_safeguarding"]

PERSON_RULE = "SAFE-PERSON-NEEDS"

#: This module's English message templates (gathered by participatory.render.templates).
MESSAGES: Final[Mapping[str, str]] = {
    "safeguarding.measure_missing": (
        "Not planned: {measure}, expected for work involving {because}. {reason}"
    ),
    "safeguarding.measure_in_place": (
        "Planned: {measure}, as expected for work involving {because}."
    ),
    "safeguarding.partner_missing": (
        "No partner organisation with expertise in working with {group} is named. {reason}"
    ),
    "safeguarding.partner_in_place": ("Partner expertise in working with {group}: {partners}."),
    # An action is shown on its own, without the finding's values: no placeholders.
    "safeguarding.name_partner": (
        "Name a partner organisation with expertise in working with this group, and its "
        "expertise, under organisations in the project file."
    ),
    "safeguarding.person_needs": (
        "This person's circumstances ({groups}) call for measures the project has not "
        "planned: {measures}."
    ),
    "safeguarding.person_unlisted": (
        "This person's circumstances ({groups}) are not among the groups in the project's "
        "safeguarding profile; add them so the plan covers them."
    ),
}


@attrs.frozen
class SafeguardingAssessment(Explained):
    """The measures expected of a project, those missing, and the findings explaining why."""

    expected: frozenset[Measure] = attrs.field(kw_only=True, repr=set_repr)
    missing: frozenset[Measure] = attrs.field(kw_only=True, repr=set_repr)
    #: Groups the project works with for which no partner with expertise is named.
    groups_without_partner: frozenset[Group] = attrs.field(kw_only=True, repr=set_repr)


def _most_severe(expectations: Iterable[Expectation]) -> Expectation:
    return max(expectations, key=lambda e: e.severity.rank)


def _citations(expectations: Iterable[Expectation]) -> tuple[Citation, ...]:
    seen: dict[Citation, None] = {}
    for expectation in expectations:
        seen.update(dict.fromkeys(expectation.citations))
    return tuple(seen)


def _because(
    expectations: Iterable[Expectation], profile: SafeguardingProfile, guide: SafeguardingGuidance
) -> tuple[str, ...]:
    groups: set[Group] = set()
    by_intensity = False
    for expectation in expectations:
        groups |= expectation.groups & profile.groups
        if expectation.any_group and profile.groups:
            groups |= profile.groups
        if expectation.intensity_at_least is not None and profile.intensity.is_at_least(
            expectation.intensity_at_least
        ):
            by_intensity = True
    reasons = [guide.group_labels[g] for g in Group if g in groups]
    if by_intensity:
        reasons.append(f"{guide.intensity_labels[profile.intensity]} emotional intensity")
    return tuple(reasons)


def _partner_findings(
    profile: SafeguardingProfile, guide: SafeguardingGuidance, groups: frozenset[Group]
) -> tuple[list[Finding], frozenset[Group]]:
    rule = guide.measure(Measure.PARTNER_WITH_EXPERTISE).rule
    partner_rules = [e for e in guide.expectations if e.measure is Measure.PARTNER_WITH_EXPERTISE]
    findings: list[Finding] = []
    uncovered: set[Group] = set()
    for group in (g for g in Group if g in groups):
        applying = [e for e in partner_rules if group in e.groups]
        if not applying:
            continue
        label = guide.group_labels[group]
        partners = tuple(p.name for p in profile.partners if p.covers(group))
        if partners:
            findings.append(
                Finding(
                    rule,
                    Severity.MET,
                    "safeguarding.partner_in_place",
                    {"group": label, "partners": partners},
                    citations=_citations(applying),
                    subject=group.value,
                )
            )
            continue
        uncovered.add(group)
        worst = _most_severe(applying)
        findings.append(
            Finding(
                rule,
                worst.severity,
                "safeguarding.partner_missing",
                {"group": label, "reason": worst.reason},
                citations=_citations(applying),
                actions=("safeguarding.name_partner",),
                subject=group.value,
            )
        )
    return findings, frozenset(uncovered)


def _measure_findings(
    profile: SafeguardingProfile, guide: SafeguardingGuidance
) -> tuple[list[Finding], frozenset[Measure], frozenset[Measure]]:
    triggered = guide.expectations_for(profile.groups, profile.intensity)
    findings: list[Finding] = []
    missing: set[Measure] = set()
    expected: set[Measure] = set()
    for measure in Measure:
        applying = [e for e in triggered if e.measure is measure]
        if not applying or measure is Measure.PARTNER_WITH_EXPERTISE:
            continue
        expected.add(measure)
        info = guide.measure(measure)
        values: dict[str, object] = {
            "measure": info.label,
            "because": _because(applying, profile, guide),
        }
        if measure in profile.measures:
            findings.append(
                Finding(
                    info.rule,
                    Severity.MET,
                    "safeguarding.measure_in_place",
                    values,
                    citations=_citations(applying),
                    subject=measure.value,
                )
            )
            continue
        missing.add(measure)
        worst = _most_severe(applying)
        findings.append(
            Finding(
                info.rule,
                worst.severity,
                "safeguarding.measure_missing",
                {**values, "reason": worst.reason},
                citations=_citations(applying),
                subject=measure.value,
            )
        )
    return findings, frozenset(expected), frozenset(missing)


def _person_finding(
    note: PersonalNote,
    profile: SafeguardingProfile,
    guide: SafeguardingGuidance,
    already_missing: frozenset[Measure],
) -> Finding | None:
    unlisted = note.groups - profile.groups
    if not unlisted:
        return None
    # Only what the person's own circumstances add: project-level gaps are reported already.
    applying = [
        e for e in guide.expectations if e.groups & unlisted or (e.any_group and not profile.groups)
    ]
    covered = profile.covered_groups()
    needs: dict[Measure, list[Expectation]] = {}
    for expectation in applying:
        measure = expectation.measure
        if measure is Measure.PARTNER_WITH_EXPERTISE:
            if not (expectation.groups & unlisted) - covered:
                continue
        elif measure in profile.measures or measure in already_missing:
            continue
        needs.setdefault(measure, []).append(expectation)
    groups = tuple(guide.group_labels[g] for g in Group if g in unlisted)
    if not needs:
        return Finding(
            PERSON_RULE,
            Severity.ADVICE,
            "safeguarding.person_unlisted",
            {"groups": groups},
            sensitive=True,
            subject=note.person_id,
        )
    every = [e for group in needs.values() for e in group]
    return Finding(
        PERSON_RULE,
        _most_severe(every).severity,
        "safeguarding.person_needs",
        {
            "groups": groups,
            "measures": tuple(guide.measure(m).label for m in Measure if m in needs),
        },
        citations=_citations(every),
        sensitive=True,
        subject=note.person_id,
    )


def assess_safeguarding(
    profile: SafeguardingProfile,
    notes: Iterable[PersonalNote] = (),
    *,
    guidance: SafeguardingGuidance | None = None,
) -> SafeguardingAssessment:
    """The measures expected of ``profile`` and a finding for each, planned or missing.

    ``notes`` are individual safeguarding notes: a person whose groups the profile does not
    list gets one *sensitive* finding naming the measures their circumstances add.
    ``guidance`` replaces the bundled expectations (an institution's own reading).
    """
    if not isinstance(profile, SafeguardingProfile):
        raise ValidationError("profile", "must be a SafeguardingProfile")
    # Checked before any work: one note where a list is due would otherwise fail as Python's
    # "not iterable", which is no ParticipatoryError.
    checked = instances(PersonalNote, notes, "notes", what="personal notes")
    if guidance is not None and not isinstance(guidance, SafeguardingGuidance):
        raise ValidationError("guidance", "must be a SafeguardingGuidance or None")
    guide = guidance or safeguarding_guidance()
    if Measure.PARTNER_WITH_EXPERTISE in profile.measures:
        raise ValidationError(
            "measures",
            "partner_with_expertise is shown by naming partners",
            hint="add a PartnerOrganisation with the groups it has expertise in",
        )
    partner_findings, uncovered = _partner_findings(profile, guide, profile.groups)
    measure_findings, expected, missing = _measure_findings(profile, guide)
    if partner_findings:
        expected |= {Measure.PARTNER_WITH_EXPERTISE}
    if uncovered:
        missing |= {Measure.PARTNER_WITH_EXPERTISE}
    person_findings = []
    for note in checked:
        found = _person_finding(note, profile, guide, missing)
        if found is not None:
            person_findings.append(found)
    return SafeguardingAssessment(
        findings=(*partner_findings, *measure_findings, *person_findings),
        expected=expected,
        missing=missing,
        groups_without_partner=uncovered,
    )
