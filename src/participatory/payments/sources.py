"""The guidance and law the payments engine cites, in one place so every finding agrees.

``verified`` is true only where the statement the engine attributes to the source was read
in it (see ``notes/payment-rates-research.md`` and the domain brief).

>>> UC_REGS_REG_60.reference
'SI 2013/376, reg. 60(4)(b)'
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from participatory.core.explain import Citation

__all__ = [
    "ACE_CENTRE_EXPENSES",
    "EASY_READ_PAYMENT_GUIDE",
    "HRA_PROMPT_PAYMENT",
    "HRA_STATUS_AND_TAX",
    "JOPSON_2022_HEART_N_SOUL",
    "JOPSON_2022_RECOGNITION",
    "NIHR_PUBLIC_GUIDANCE",
    "NIHR_PUBLIC_TAX_GUIDE",
    "TEWV_INVOLVEMENT",
    "UC_REGS_REG_60",
]

#: "It is your choice whether or not you accept payment for involvement in research."
NIHR_PUBLIC_GUIDANCE: Final = Citation(
    "Payment guidance for members of the public considering involvement in research (v1.5)",
    publisher="NIHR",
    url="https://www.nihr.ac.uk/payment-guidance-members-public-considering-involvement-research",
)

#: Monetary awards and vouchers are income; receipted expenses are not income.
NIHR_PUBLIC_TAX_GUIDE: Final = Citation(
    "Payment for public involvement in health and care research: a guide for members of the "
    "public on employment status and tax (v1.0)",
    publisher="NIHR, HRA and Health and Care Research Wales",
    date=dt.date(2024, 4, 18),
)

#: Employment status and tax for organisations: payroll, self-employment, office-holders.
HRA_STATUS_AND_TAX: Final = Citation(
    "Payment for public involvement in health and care research: a guide for organisations "
    "on employment status and tax",
    publisher="HRA, NIHR and Health and Care Research Wales",
    url="https://hra.nhs.uk/about-us/news-updates/new-guidance-organisations-payment-public-involvement-health-and-care-research",
    date=dt.date(2023, 4, 12),
)

#: "Members of the public ... should be promptly paid"; slow payment is "a key barrier".
HRA_PROMPT_PAYMENT: Final = HRA_STATUS_AND_TAX

#: Payment may be cash or bank transfer; some organisations give vouchers or gifts.
EASY_READ_PAYMENT_GUIDE: Final = Citation(
    "Payment for helping health and social care research (Easy Read)",
    publisher="Health and Care Research Wales, HRA and NIHR",
    url="https://www.learningforinvolvement.org.uk/content/resource/payment-for-helping-health-and-social-care-research-a-guide-for-members-of-the-public-who-want-to-help-with-research/",
    date=dt.date(2024, 4, 18),
)

#: No notional earnings where a service user provides services free or cheaply.
UC_REGS_REG_60: Final = Citation(
    "The Universal Credit Regulations 2013",
    publisher="legislation.gov.uk",
    url="https://www.legislation.gov.uk/uksi/2013/376/regulation/60",
    reference="SI 2013/376, reg. 60(4)(b)",
)

#: Heart n Soul's pot: money kept for each person until it buys something they want.
JOPSON_2022_HEART_N_SOUL: Final = Citation(
    "Participatory Research benchmarking report (University of Bath), s. 5.3: "
    "Jenny Sutton, Heart n Soul",
    publisher="J. Jopson, ParticipatoryResearch@Bath",
    date=dt.date(2022, 7, 1),
)

#: Recognition besides payment: certificates, vouchers, co-authorship; ask what people value.
JOPSON_2022_RECOGNITION: Final = Citation(
    "Participatory Research benchmarking report (University of Bath), recommendations on "
    "payment and recognition",
    publisher="J. Jopson, ParticipatoryResearch@Bath",
    date=dt.date(2022, 7, 1),
)

#: Taxis must be arranged with the involvement facilitator in advance.
TEWV_INVOLVEMENT: Final = Citation(
    "Involvement opportunities (FAQ: Can I claim expenses or an involvement fee?)",
    publisher="Tees, Esk and Wear Valleys NHS Foundation Trust",
    url="https://www.tewv.nhs.uk/get-involved/involvement-opportunities/",
    date=dt.date(2026, 11, 25),
)

#: Taxis need prior agreement; payment within two weeks of the claim.
ACE_CENTRE_EXPENSES: Final = Citation(
    "Expenses and payment (research and innovation)",
    publisher="Ace Centre",
    url="https://docs.acecentre.org.uk/research-and-innovation/users/expenses-and-payment",
    date=dt.date(2026, 11, 25),
)
