"""The words a project uses for itself, checked against the vocabulary in force.

Section 2.1 of the report: "Be clear in your use of language"; the sector uses
participatory research, co-production, partnership working and collaborative research
"interchangeably". Each word gets the definition in force (and where it came from), a
finding when it has none, and advice when two words the project uses are often confused.
"""

from __future__ import annotations

import itertools

from participatory.core.explain import Finding, Severity
from participatory.core.sources import cite
from participatory.roles.project import ProjectRoles
from participatory.vocabulary.terms import TermLookup, Vocabulary, normalise

__all__ = ["project_words", "term_definitions"]


def project_words(project: ProjectRoles) -> tuple[str, ...]:
    """Every word the project uses for itself and its roles, once each, in order."""
    words = (*project.terms_used, *(w for a in project.assignments for w in a.described_as))
    return tuple({normalise(w): w for w in reversed(words)}.values())[::-1]


def term_definitions(
    project: ProjectRoles, vocabulary: Vocabulary
) -> tuple[tuple[TermLookup, ...], tuple[Finding, ...]]:
    """Each term the project uses: the definition in force, none, or a confusable pair.

    Section 2.1: "Be clear in your use of language"; terms are "used interchangeably".
    """
    define = cite("bath_report_2022#define_terms")
    lookups = tuple(vocabulary.lookup(word) for word in project_words(project))
    findings = []
    for lookup in lookups:
        if lookup.term is None:
            close = [vocabulary[s].term for s in lookup.suggestions]
            suggestion = f" (did you mean {', '.join(close)}?)" if close else ""
            findings.append(
                Finding(
                    "ROLE-TERM-UNDEFINED",
                    Severity.WARNING,
                    "roles.term.undefined",
                    {"text": lookup.query, "suggestion": suggestion},
                    (define,),
                    actions=("roles.action.define_term",),
                    subject=lookup.query,
                )
            )
        else:
            findings.append(
                Finding(
                    "ROLE-TERM-IN-FORCE",
                    Severity.INFO,
                    "roles.term.in_force",
                    {
                        "text": lookup.query,
                        "term": lookup.term.term,
                        "provenance": lookup.term.provenance,
                    },
                    (define,),
                    subject=lookup.term.id,
                )
            )
    found = list(dict.fromkeys(lk.term.id for lk in lookups if lk.term is not None))
    for first, second in itertools.combinations(found, 2):
        if second in vocabulary[first].often_confused_with or first in (
            vocabulary[second].often_confused_with
        ):
            findings.append(
                Finding(
                    "ROLE-TERMS-CONFUSABLE",
                    Severity.ADVICE,
                    "roles.term.confusable",
                    {"first": vocabulary[first].term, "second": vocabulary[second].term},
                    (define, cite("bath_report_2022#bristol_language")),
                    actions=("roles.action.define_term",),
                    subject=f"{first}+{second}",
                )
            )
    return lookups, tuple(findings)
