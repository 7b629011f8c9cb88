"""The person, not the project: one ledger of everything a contributor is paid and asked.

Benefits law, safeguarding and over-asking apply to a person (and, for Universal Credit, to a
couple) in a period, never to one project. The ledger holds, for each contributor (a stable
pseudonymous id, their communities, their nation), their household's circumstances with the
recorded basis for holding them, every payment made or scheduled to them by any project or
payer, and every time they or their communities were asked to take part. It answers:

- :func:`assess_before_paying`: what a proposed payment does to the person's and household's
  benefits with everything else counted, and the room left (other payers never itemised);
- :func:`contributor_statement`: the person's year, week by week and assessment period by
  assessment period, with what each benefit did, what they kept and what they must report;
- :func:`assess_over_asking`: how often each person and community was asked, against the
  institution's dated thresholds;
- :func:`assess_headroom`: how much more can be paid to a person on a day, everything counted;
- :func:`erase_expired`: the circumstances past their retention date, erased (counts only).

Everything here is pure: functions over frozen values. Storage is
:mod:`participatory.store`'s business.
"""

from participatory.ledger.before_paying import CONTEXT_DAYS, BeforePaying, assess_before_paying
from participatory.ledger.consent import ConsentRecord, HouseholdRecord, LawfulBasis
from participatory.ledger.contributors import Contributor
from participatory.ledger.entries import Ask, PaymentEntry, PaymentKind, PaymentStatus
from participatory.ledger.model import Ledger
from participatory.ledger.over_asking import AskCount, OverAsking, assess_over_asking
from participatory.ledger.project_view import others_for_project
from participatory.ledger.retention import Erasure, erase_expired
from participatory.ledger.room import PersonHeadroom, assess_headroom
from participatory.ledger.statement import (
    BenefitLine,
    ContributorStatement,
    PeriodKind,
    StatementPeriod,
    contributor_statement,
)

__all__ = [
    "CONTEXT_DAYS",
    "Ask",
    "AskCount",
    "BeforePaying",
    "BenefitLine",
    "ConsentRecord",
    "Contributor",
    "ContributorStatement",
    "Erasure",
    "HouseholdRecord",
    "LawfulBasis",
    "Ledger",
    "OverAsking",
    "PaymentEntry",
    "PaymentKind",
    "PaymentStatus",
    "PeriodKind",
    "PersonHeadroom",
    "StatementPeriod",
    "assess_before_paying",
    "assess_headroom",
    "assess_over_asking",
    "contributor_statement",
    "erase_expired",
    "others_for_project",
]
