"""English sentences for the ethics triage's findings and actions.

Every key the triage uses is defined here (:mod:`participatory.render.templates` gathers
them; a test renders every finding the scenarios produce).

>>> MESSAGES["ethics.action.involvement_log"]
'Record the activity in the involvement log.'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MESSAGES"]

#: Every template of the ethics engine, by message key.
MESSAGES: Final[Mapping[str, str]] = {
    # Who is a participant.
    "ethics.participant_declared": "{party} take part as research participants.",
    "ethics.service_users_studied": (
        "{party} are the patients or service users whose care, records or views the activity "
        "looks at, so they are its participants."
    ),
    "ethics.intervention": (
        "{party} take part in the intervention being studied, so they are research participants."
    ),
    "ethics.data_analysed": (
        "What {party} say or provide is recorded and analysed as study data, so they are "
        "research participants, not advisers."
    ),
    "ethics.data_not_analysed": (
        "What {party} share informs the work but is not analysed as study data, so they are "
        "not research participants."
    ),
    "ethics.co_research_participants": (
        "The data {party} collect or analyse comes from or is about people; those people are "
        "participants (of research, or of an audit or evaluation), so the activity is judged "
        "by the HRA questions."
    ),
    "ethics.co_research_non_human": (
        "The data {party} collect or analyse is not about people (for example environmental "
        "samples), so nobody in this activity is a human research participant."
    ),
    "ethics.party_status_unknown": (
        "Not known whether {fact} ({party}). The outcome does not turn on it, but if so they "
        "are research participants too and need information and consent."
    ),
    # Involvement and engagement.
    "ethics.involvement_advisory": (
        "{party} plan or advise on the research as specialist advisers: this is public "
        "involvement, which needs no ethics approval itself."
    ),
    "ethics.involvement_co_research": (
        "{party} help carry out the research as co-researchers: they are involved, not "
        "participants; any ethics application should describe their role, training, support "
        "and confidentiality."
    ),
    "ethics.involvement_nhs": (
        "Being patients or recruited through the NHS does not make {party} research "
        "participants while they act as advisers."
    ),
    "ethics.engagement": (
        "{party} are given information about research and are not studied: this is public "
        "engagement, which needs no ethics approval."
    ),
    # HRA questions and the Defining Research table.
    "ethics.hra_yes": (
        "HRA question {question_id} ({wording}) is answered yes, so the activity is research "
        "and needs ethics review before it starts."
    ),
    "ethics.hra_all_no": (
        "Every HRA question is answered no, so the activity is not research as the UK Policy "
        "Framework defines it."
    ),
    "ethics.clinical_audit": (
        "The activity measures a service against a predetermined standard ({question}): this "
        "is clinical audit, which does not need research ethics committee review."
    ),
    "ethics.service_evaluation": (
        "The activity judges the current service without a standard ({question}): this is "
        "service evaluation, which does not need research ethics committee review."
    ),
    "ethics.usual_practice": (
        "The activity is usual public-health practice ({question}): usual practice or health "
        "surveillance, not research."
    ),
    # Referrals.
    "ethics.refer_unknown": (
        "Not known whether {fact} ({party}). If yes, the activity is {if_yes}; if no, it is "
        "{if_no}. The answer decides the case: refer it to the ethics committee, or answer "
        "the question and run the triage again."
    ),
    "ethics.refer_spans": (
        "The activity fits more than one column of the Defining Research table ({categories}), "
        "so it is probably not clearly enough defined: refer it to the ethics committee."
    ),
    "ethics.refer_unclassified": (
        "People's own data is analysed, but the activity is neither research by the HRA "
        "questions nor clearly audit, service evaluation or usual practice: refer it to the "
        "ethics committee."
    ),
    # Consent and safeguarding.
    "ethics.consent_planned": (
        "Informed consent with participant information is planned for {party}."
    ),
    "ethics.consent_missing": (
        "{party} are research participants but no informed consent is planned for them."
    ),
    "ethics.consent_unknown": (
        "{party} are research participants; say whether informed consent with participant "
        "information is planned for them."
    ),
    "ethics.safeguarding": (
        "{party} include people in vulnerable circumstances or under 18: plan safeguarding, "
        "support and clear boundaries."
    ),
    "ethics.safeguarding_unknown": (
        "Not known whether {party} include people in vulnerable circumstances or under 18."
    ),
    # Project level.
    "ethics.role_overlap": (
        "{person} is a contributor in {contributor_in} and a research participant in "
        "{participant_in}; for most research, contributors should not also be participants "
        "in the same study."
    ),
    "ethics.possible_role_overlap": (
        "{person} is a contributor in {contributor_in} and may be a research participant in "
        "{participant_in}, depending on facts not yet answered."
    ),
    # Actions.
    "ethics.action.ethics_application": (
        "Apply for ethics review before the activity starts, describing the public's roles in it."
    ),
    "ethics.action.consent_and_information": (
        "Prepare participant information and seek informed consent from participants."
    ),
    "ethics.action.role_description": (
        "Give contributors a role description or terms of reference rather than a research "
        "consent form; consent principles (full information, questions, freedom to withdraw, "
        "confidentiality) still apply."
    ),
    "ethics.action.involvement_log": "Record the activity in the involvement log.",
    "ethics.action.pay_per_policy": (
        "Pay contributors for their time and expenses under the payment policy."
    ),
    "ethics.action.co_researcher_support": (
        "Provide training, support and confidentiality arrangements for co-researchers."
    ),
    "ethics.action.safeguarding": (
        "Consider safeguarding: support, signposting and clear boundaries for vulnerable "
        "people or under-18s."
    ),
    "ethics.action.establish_safeguarding_facts": (
        "Find out whether vulnerable people or under-18s take part."
    ),
    "ethics.action.refer_to_committee": (
        "Refer the activity to the research ethics committee, with the missing facts "
        "answered where possible."
    ),
    "ethics.action.local_governance": (
        "Register the activity with the local audit, service evaluation or governance office; "
        "data protection and confidentiality rules still apply."
    ),
    "ethics.action.separate_roles": (
        "Keep contributors out of the participant group of the same study, or record why not."
    ),
}
