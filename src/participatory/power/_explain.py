"""Typed constructors for findings, until the core's converters are typed.

``Finding`` and ``Explained`` convert their tuple fields with ``converter=tuple``, which
mypy's attrs plugin reads as the unsolvable ``Iterable[_T_co]``; every call passing
citations or findings then fails ``mypy --strict``. These wrappers give the same objects
with precise types. Remove them once the core converters are typed functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from participatory.core.explain import Citation, Finding, ParameterUse, Severity


def finding(
    rule_id: str,
    severity: Severity,
    message_key: str,
    values: Mapping[str, object] | None = None,
    *,
    citations: Iterable[Citation] = (),
    parameters: Iterable[ParameterUse] = (),
    subject: str | None = None,
) -> Finding:
    """A :class:`Finding`, typed."""
    extra: dict[str, Any] = {
        "citations": tuple(citations),
        "parameters": tuple(parameters),
        "subject": subject,
    }
    return Finding(rule_id, severity, message_key, dict(values or {}), **extra)


def findings_field(findings: Iterable[Finding]) -> dict[str, Any]:
    """Keyword arguments setting an ``Explained`` result's findings."""
    return {"findings": tuple(findings)}
