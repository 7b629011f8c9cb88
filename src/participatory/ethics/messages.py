"""English sentences for the ethics triage's findings and actions.

Every key the triage uses is defined here or, for the review routes, in
:mod:`participatory.ethics.route_messages` (:mod:`participatory.render.templates` gathers
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
    "ethics.participant_declared": (
        'The people in the group "{party}" take part as research participants.'
    ),
    "ethics.service_users_studied": (
        'The people in the group "{party}" are the patients or service users whose care, '
        "records or views the activity looks at, so they are its participants."
    ),
    "ethics.intervention": (
        'The people in the group "{party}" take part in the intervention being studied, so they '
        "are research participants."
    ),
    "ethics.data_analysed": (
        'What the group "{party}" says or provides is recorded and analysed as study data, so '
        "its members are research participants, not advisers."
    ),
    "ethics.data_not_analysed": (
        'What the group "{party}" shares informs the work but is not analysed as study data, so '
        "its members are not research participants."
    ),
    "ethics.co_research_participants": (
        'The data the group "{party}" collects or analyses comes from or is about people; those '
        "people are participants (of research, or of an audit or evaluation), so the activity "
        "is judged by the HRA questions."
    ),
    "ethics.co_research_non_human": (
        'The data the group "{party}" collects or analyses is not about people (for example '
        "environmental samples), so nobody in this activity is a human research participant."
    ),
    "ethics.data_subjects_unlisted": (
        "The people whose data is collected or analysed are studied, but no group describes "
        "them: whether they are NHS patients, social care users, in prison or on probation, or "
        "able to consent, on which the review routes turn, is not known. Add a group for them "
        "and answer those questions."
    ),
    "ethics.staff_data_about_people": (
        'The data the group "{party}" collects or analyses comes from or is about people '
        "(records, for example): those people are the activity's participants (of research, "
        "or of an audit or evaluation) though no group of them takes part, so the activity is "
        "judged by the HRA questions."
    ),
    "ethics.data_within_approved_study": (
        'The data the group "{party}" collects or analyses is about participants of a study '
        "that already holds ethics approval ({approval}), and this use is within what that "
        "approval and their consent cover: they are that study's participants, not this "
        "activity's, and helping with the data is involvement within that study."
    ),
    "ethics.no_people_studied": (
        "Only staff take part, in their job role, and nobody's own data, views or records are "
        "studied: there are no participants and no public involvement, so no research ethics "
        "review is needed for this activity."
    ),
    "ethics.party_status_unknown": (
        "Not known whether {fact} ({party}). The outcome does not turn on it, but if so they "
        "are research participants too and need information and consent."
    ),
    "ethics.party_status_unknown_not_research": (
        "Not known whether {fact} ({party}). The outcome does not turn on it, but if so they "
        "are among the people the audit or evaluation studies: ask the local governance "
        "office what information and consent they need."
    ),
    # Involvement and engagement.
    "ethics.involvement_advisory": (
        'The people in the group "{party}" plan or advise on the research as specialist '
        "advisers: this is public involvement, which needs no ethics approval itself."
    ),
    "ethics.involvement_co_research": (
        'The people in the group "{party}" help carry out the research as co-researchers: they '
        "are involved, not participants; any ethics application should describe their role, "
        "training, support and confidentiality."
    ),
    "ethics.involvement_nhs": (
        "Being patients or recruited through the NHS does not make the people in the group "
        '"{party}" research participants while they act as advisers.'
    ),
    "ethics.engagement": (
        'The people in the group "{party}" are given information about research and are not '
        "studied: this is public engagement, which needs no ethics approval."
    ),
    # HRA questions and the Defining Research table.
    "ethics.hra_yes": (
        "HRA question {question_id} ({wording}) is answered yes, so the activity is research "
        "and needs ethics review before it starts."
    ),
    "ethics.ctimp_research": (
        "The activity is a clinical trial of an investigational medicinal product, an "
        "investigation of a medicine's safety or efficacy: it is research whatever the HRA "
        "questions are answered, and may not start without a research ethics committee's "
        "favourable opinion and the MHRA's authorisation."
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
    "ethics.refer_unknown_if_yes": (
        "Not known whether {fact} ({party}). If yes, the activity is {if_yes}; if no, the case "
        "still turns on the other open questions. Answer them, or refer the activity to the "
        "ethics committee."
    ),
    "ethics.refer_unknown_if_no": (
        "Not known whether {fact} ({party}). If no, the activity is {if_no}; if yes, the case "
        "still turns on the other open questions. Answer them, or refer the activity to the "
        "ethics committee."
    ),
    "ethics.refer_unknown_open": (
        "Not known whether {fact} ({party}). It is one of several open questions that decide "
        "the case together: neither answer settles it alone. Answer them, or refer the "
        "activity to the ethics committee."
    ),
    # Not research: which kind, settled with the local governance office.
    "ethics.not_research_either_way": (
        "Not known whether {fact} ({party}). Every HRA question is answered no, so the "
        "activity is not research whatever the answer: either it studies people as an audit, "
        "a service evaluation or surveillance, which goes to local governance, or it studies "
        "nobody. Until the question is answered, the more cautious of the two is given."
    ),
    "ethics.not_research_kind_open": (
        "Every HRA question is answered no, so the activity is not research and goes to local "
        "governance, not a research ethics committee. Which kind of activity it is is still "
        "to settle: say whether it is {open}."
    ),
    "ethics.not_research_spans": (
        "Every HRA question is answered no, so the activity is not research and goes to local "
        "governance, not a research ethics committee. It fits more than one column of the "
        "Defining Research table ({categories}): settle with the local governance office "
        "which kind it is, since each kind has its own governance requirements."
    ),
    "ethics.not_research_unclassified": (
        "Every HRA question is answered no, so the activity is not research and goes to local "
        "governance, not a research ethics committee. It fits none of the columns of the "
        "Defining Research table (clinical audit, service evaluation, usual practice or "
        "health surveillance): settle with the local governance office what kind it is."
    ),
    # Consent and safeguarding.
    "ethics.consent_planned": (
        'Informed consent with participant information is planned for the group "{party}".'
    ),
    "ethics.consent_missing": (
        'The people in the group "{party}" are research participants but no informed consent '
        "is planned for them."
    ),
    "ethics.consent_unknown": (
        'The people in the group "{party}" are research participants; say whether informed '
        "consent with participant information is planned for them."
    ),
    "ethics.consent_under_16": (
        'The group "{party}" includes children under 16: consent comes from a person with '
        "parental responsibility, with the child's own agreement; a child who fully understands "
        "what is involved may consent for themselves (Gillick competence). Scotland's rules "
        "differ and are not covered here."
    ),
    "ethics.consent_under_16_ctimp": (
        'The group "{party}" includes children under 16 in a clinical trial of a medicine: '
        "a person with parental responsibility, or a legal representative, gives informed "
        "consent to each child taking part; the child is told about the trial in a way they "
        "can understand, and their wish to refuse or to withdraw is considered, but the child "
        "cannot give the consent instead (Clinical Trials Regulations 2004, Sch. 1 Part 4)."
    ),
    "ethics.consent_aged_16_17": (
        'The group "{party}" includes young people aged 16 or 17, who are generally presumed '
        "able to consent for themselves; if any may lack capacity, the capacity laws apply "
        "from 16."
    ),
    "ethics.consent_age_band_unknown": (
        'The group "{party}" includes people under 18: say whether they are under 16 or aged '
        "16 to 17, because who gives consent differs."
    ),
    "ethics.safeguarding": (
        'The group "{party}" includes people in vulnerable circumstances or under 18: plan '
        "safeguarding, support and clear boundaries."
    ),
    "ethics.safeguarding_unknown": (
        'Not known whether the group "{party}" includes people in vulnerable circumstances or '
        "under 18."
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
    "ethics.role_overlap_in_activity": (
        "{person} is a contributor in {contributor_in} and a research participant in "
        "{participant_in}, in this same activity; for most research, contributors should not "
        "also be participants in the same study."
    ),
    "ethics.possible_role_overlap_in_activity": (
        "{person} is a contributor in {contributor_in} and may be a research participant in "
        "{participant_in}, in this same activity, depending on facts not yet answered."
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
    "ethics.action.check_existing_approval": (
        "Check that the existing approval and the participants' consent cover this use (who "
        "sees the data, in what form, for what purpose), record the approval's reference, "
        "and ask the sponsor whether any change is a substantial amendment."
    ),
    "ethics.action.settle_activity_kind": (
        "Settle with the local governance office whether this is a clinical audit, a service "
        "evaluation or usual practice / health surveillance, and register it as that."
    ),
    "ethics.action.answer_route_questions": (
        "Answer the open questions to settle which bodies review the activity."
    ),
    "ethics.action.apply_by_route": (
        "Apply to each body the review routes name before the activity starts."
    ),
}
