"""Collecting an activity's findings, built the same way for every rule.

>>> from participatory.core.explain import Severity
>>> from participatory.ethics.guidance import bundled_guidance
>>> log = FindingLog("a1", bundled_guidance(), enabled=True)
>>> log.add("ETH-EXAMPLE", Severity.INFO, "engagement", log.source("nihr_participation_engagement"),
...         party_text="visitors")
>>> log.findings[0].subject, log.findings[0].values["party"]
('a1', 'visitors')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from participatory.core.explain import Citation, Finding, Severity
from participatory.ethics.activity import Party
from participatory.ethics.guidance import EthicsGuidance

__all__ = ["FindingLog"]


class FindingLog:
    """The findings of one triage run; when not ``enabled`` (what-if runs) it records none."""

    def __init__(self, activity_id: str, guidance: EthicsGuidance, *, enabled: bool) -> None:
        self.activity_id = activity_id
        self.guidance = guidance
        self.enabled = enabled
        self.findings: list[Finding] = []

    def point(self, point_id: str) -> tuple[Citation, ...]:
        """The citations of an involvement-boundary point in the guidance data."""
        return self.guidance.point(point_id).citations

    def source(self, source_id: str) -> tuple[Citation, ...]:
        """The citations the guidance data names ``source_id`` (its ``[references]``)."""
        return self.guidance.citations[source_id]

    def add(
        self,
        rule_id: str,
        severity: Severity,
        key: str,
        citations: Iterable[Citation],
        *,
        party: Party | None = None,
        actions: Iterable[str] = (),
        sensitive: bool = False,
        party_text: str | None = None,
        **values: object,
    ) -> None:
        """Record a finding; ``key`` is the message key without the ``ethics.`` prefix."""
        if not self.enabled:
            return
        if party is not None or party_text is not None:
            values["party"] = party.label if party is not None else party_text
        subject = self.activity_id if party is None else f"{self.activity_id}/{party.label}"
        extra: dict[str, Any] = {
            # Points share sources; each source is cited once.
            "citations": tuple(dict.fromkeys(citations)),
            "actions": tuple(actions),
            "sensitive": sensitive,
            "subject": subject,
        }
        self.findings.append(Finding(rule_id, severity, f"ethics.{key}", values, **extra))
