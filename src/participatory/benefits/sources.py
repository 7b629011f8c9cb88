"""The law and guidance the benefit rules apply, as citations (data, not prose).

``verified=False`` marks a citation whose text the library's authors could not read
themselves (see ``notes/benefits-research.md`` and ``/concepts/benefits``).

>>> UC_TAPER.reference
'SI 2013/376, reg. 22(1)(b)'
"""

from __future__ import annotations

from typing import Final

from participatory.core.explain import Citation

__all__ = [
    "CA_EARNINGS",
    "CA_SPREADING",
    "CPAG_UC_RATES",
    "ESA_BREACH",
    "ESA_PERMITTED_WORK",
    "HB_DISREGARDS",
    "HB_TAPER",
    "LEGACY_DISREGARDS",
    "LEGACY_REMUNERATIVE_WORK",
    "NIHR_BENEFITS",
    "PC_DISREGARDS",
    "SERVICE_USER_EXPENSES",
    "SERVICE_USER_FEES",
    "SERVICE_USER_NOTIONAL",
    "UC_ASSESSMENT_PERIODS",
    "UC_CAPITAL",
    "UC_EARNINGS_IN_PERIOD",
    "UC_LCW_THRESHOLD",
    "UC_ROUNDING",
    "UC_SELF_EMPLOYED",
    "UC_SURPLUS",
    "UC_TAPER",
    "UC_UNEARNED",
    "UC_VOUCHERS",
    "UC_WORK_ALLOWANCE",
    "UNAFFECTED",
]

_UC = "The Universal Credit Regulations 2013"
_UC_URL = "https://www.legislation.gov.uk/uksi/2013/376"

UC_TAPER: Final = Citation(
    _UC, url=f"{_UC_URL}/regulation/22", reference="SI 2013/376, reg. 22(1)(b)"
)
UC_WORK_ALLOWANCE: Final = Citation(
    _UC, url=f"{_UC_URL}/regulation/22", reference="SI 2013/376, reg. 22(1)(b), (2) and table"
)
UC_ASSESSMENT_PERIODS: Final = Citation(
    _UC, url=f"{_UC_URL}/regulation/21", reference="SI 2013/376, reg. 21"
)
UC_EARNINGS_IN_PERIOD: Final = Citation(
    _UC,
    url=f"{_UC_URL}/regulation/54",
    reference="SI 2013/376, reg. 54(1): based on the actual amounts received in the period",
)
UC_UNEARNED: Final = Citation(
    _UC,
    url=f"{_UC_URL}/regulation/66",
    reference="SI 2013/376, reg. 66(1)(b) (JSA, ESA, Carer's Allowance); reg. 73 (x 52 / 12)",
)
UC_ROUNDING: Final = Citation(
    _UC,
    url=f"{_UC_URL}/regulation/6",
    reference="SI 2013/376, reg. 6(1): a fraction of a penny goes the claimant's way",
    verified=False,
)
UC_LCW_THRESHOLD: Final = Citation(
    _UC,
    url="https://legislation.gov.uk/uksi/2013/376/regulation/41/2022-09-26",
    reference="SI 2013/376, reg. 41(2)-(3) (16 x National Living Wage, x 52 / 12)",
)
UC_SURPLUS: Final = Citation(
    _UC, url=f"{_UC_URL}/regulation/54A", reference="SI 2013/376, reg. 54A (surplus earnings)"
)
UC_CAPITAL: Final = Citation(
    _UC, url=f"{_UC_URL}/regulation/72", reference="SI 2013/376, regs. 18 and 72 (capital)"
)
UC_SELF_EMPLOYED: Final = Citation(
    _UC,
    url=f"{_UC_URL}/regulation/62",
    reference="SI 2013/376, regs. 57, 62 and 64 (minimum income floor; gainful self-employment)",
    verified=False,
)
UC_VOUCHERS: Final = Citation(
    _UC,
    url=f"{_UC_URL}/regulation/55",
    reference="SI 2013/376, reg. 55(2): the ITEPA benefits code is not employed earnings",
    verified=False,
)
SERVICE_USER_FEES: Final = Citation(
    "Universal Credit: fees from service user activity are earnings",
    publisher="entitledto.co.uk",
    reference="SI 2013/376, reg. 52(a)(iii) (any other paid work)",
)
SERVICE_USER_EXPENSES: Final = Citation(
    _UC,
    url="https://www.litrg.org.uk/latest-news/news/180703-universal-credit-and-unreimbursed-expenses",
    reference="SI 2013/376, reg. 55(3)(b): expenses arising from participation as a service user",
)
SERVICE_USER_NOTIONAL: Final = Citation(
    _UC,
    url="https://www.legislation.gov.uk/uksi/2013/376/regulation/60/2013-04-29/data.html",
    reference="SI 2013/376, reg. 60(3)-(4)(b): no notional earnings for a service user",
)
CPAG_UC_RATES: Final = Citation(
    "Universal credit rates", publisher="CPAG", url="https://askcpag.org.uk/?id=-267269"
)
CA_EARNINGS: Final = Citation(
    "The Social Security (Invalid Care Allowance) Regulations 1976",
    url="https://www.legislation.gov.uk/uksi/2025/352/made",
    reference="SI 1976/409, reg. 8(1) (as amended by SI 2025/352, reg. 4)",
)
CA_SPREADING: Final = Citation(
    "The Social Security Benefit (Computation of Earnings) Regulations 1996",
    reference="SI 1996/2745, reg. 6(2) (spreading a payment over benefit weeks)",
    verified=False,
)
ESA_PERMITTED_WORK: Final = Citation(
    "The Employment and Support Allowance Regulations 2008",
    url="https://legislation.gov.uk/id/uksi/2008/794/regulation/45",
    reference="SI 2008/794, reg. 45; ESA Regulations 2013 (SI 2013/379), reg. 39",
)
ESA_BREACH: Final = Citation(
    "The Employment and Support Allowance Regulations 2008",
    reference="SI 2008/794, reg. 40(1); SI 2013/379, reg. 37(1): no ESA in a week of such work",
)
LEGACY_DISREGARDS: Final = Citation(
    "Income Support (General) Regulations 1987 Sch. 8; JSA Regulations 1996 Sch. 6; "
    "JSA Regulations 2013 Schedule",
    reference="fixed weekly earnings disregards",
    verified=False,
)
LEGACY_REMUNERATIVE_WORK: Final = Citation(
    "Income Support (General) Regulations 1987 reg. 5; JSA Regulations 1996 reg. 51",
    reference="remunerative work: 16 hours or more a week",
    verified=False,
)
HB_DISREGARDS: Final = Citation(
    "The Housing Benefit Regulations 2006",
    url="https://legislation.gov.uk/uksi/2006/213/schedule/4",
    reference="SI 2006/213 and SI 2006/214, Sch. 4 (earnings disregards)",
)
HB_TAPER: Final = Citation(
    "The Housing Benefit Regulations 2006",
    url="https://legislation.gov.uk/uksi/2006/213/part/8/made/data.html",
    reference="SI 2006/213, reg. 71 (65% of excess income)",
)
PC_DISREGARDS: Final = Citation(
    "The State Pension Credit Regulations 2002",
    url="http://legislation.gov.uk/uksi/2002/1792/schedule/VI",
    reference="SI 2002/1792, Sch. VI",
)
UNAFFECTED: Final = Citation(
    "PIP, DLA and Attendance Allowance are not means-tested",
    publisher="Scope; Disability Rights UK",
)
NIHR_BENEFITS: Final = Citation(
    "Payment guidance for members of the public considering involvement in research",
    publisher="NIHR (V1.5, April 2024)",
)
