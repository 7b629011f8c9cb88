"""English sentences for the review routes: each route rule's finding, and each body's name.

Body names are written once, in :data:`participatory.ethics.bodies.BODY_NAMES`, and become
the templates ``ethics.body.<key>`` here, so a system can show a route's body in any locale.

>>> MESSAGES["ethics.body.nhs_permission.wales"]
'HRA and Health and Care Research Wales Approval'
>>> sum(1 for key in MESSAGES if "capacity" in key)
11
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from participatory.ethics.bodies import BODY_NAMES

__all__ = ["MESSAGES"]

_CAPACITY: Final = (
    "Some of the people studied are aged 16 or over and may lack capacity to consent."
)
_NOT_ALONE: Final = "A university research ethics committee cannot approve it."

_ROUTES: Final = {
    "ethics.route.existing_approval": (
        "The people studied, or whose data is used, are participants of a study that already "
        "holds ethics approval ({approval}), and this activity is within what the approval and "
        "their consent cover: no new ethics application, but check that it is covered."
    ),
    "ethics.route.amendment": (
        "The activity uses participants of an approved study ({approval}) but goes beyond what "
        "its approval or their consent covers: the sponsor decides whether it is a substantial "
        "amendment, which needs the approving committee's favourable opinion before it starts, "
        "or it needs a new application."
    ),
    "ethics.route.nhs_rec": (
        "The people studied are identified through NHS (HSC) services, or the team could "
        "identify service users from the data: an NHS research ethics committee reviews it (an "
        "HSC REC in Northern Ireland), applied to through IRAS; one opinion covers the study "
        "across the UK."
    ),
    "ethics.route.nhs_rec_social_care": (
        "The people studied are identified through social care services in Wales or Northern "
        "Ireland, where adult and children's social care are services whose users' "
        "research goes to an NHS (HSC) research ethics committee, through IRAS."
    ),
    "ethics.route.nhs_rec_prison": (
        "The activity is health-related research involving prisoners held in custody: a "
        "research ethics committee flagged for prison research reviews it, through IRAS (the "
        "prisoner rule was read only in a restatement of GAfREC 2011, which names prisoners in "
        "the prison services' custody, not people only on probation nor prison staff)."
    ),
    "ethics.route.nhs_rec_ctimp": (
        "The activity is a clinical trial of an investigational medicinal product: it may not "
        "start, nor recruit, until a recognised research ethics committee (an NHS REC, an HSC "
        "REC in Northern Ireland) has given a favourable opinion, applied for through IRAS, "
        "whoever takes part."
    ),
    "ethics.route.mhra": (
        "The activity is a clinical trial of an investigational medicinal product: the "
        "Medicines and Healthcare products Regulatory Agency must authorise it before it "
        "starts, applied for through IRAS."
    ),
    "ethics.route.mhra_device": (
        "The activity is a clinical investigation of a medical device that is not UKCA or CE "
        "marked for the purpose under investigation: the Medicines and Healthcare products "
        "Regulatory Agency must be notified at least 60 days before it starts, through IRAS "
        "(not needed for a device marked for that purpose)."
    ),
    "ethics.route.nhs_rec_radiation": (
        "Some of the people taking part undergo ionising radiation exposures the research "
        "protocol requires (research exposures, even those their usual care would include): "
        "a research ethics committee's approval is required under the Ionising Radiation "
        "(Medical Exposure) Regulations, so an NHS research ethics committee (an HSC REC in "
        "Northern Ireland) reviews it, through IRAS; administering a radioactive substance also "
        "needs the Administration of Radioactive Substances Advisory Committee's approval."
    ),
    "ethics.route.nhs_rec_device": (
        "The activity is a clinical investigation of a medical device that is not UKCA or CE "
        "marked for the purpose under investigation: its ethical approval under the Medical "
        "Devices Regulations 2002, which applies to the whole of the UK, must be given by a "
        "research ethics committee of the UK Health Departments' Research Ethics Service (an "
        "NHS REC, an HSC REC in Northern Ireland; one flagged for medical devices is "
        "recommended), applied to through IRAS, whoever takes part. A university research "
        "ethics committee cannot give it."
    ),
    "ethics.route.hta_licence": (
        "The research stores human tissue (material that consists of or includes human cells) "
        "in {nations}: storing it needs a Human Tissue Authority licence for the premises, "
        "unless the research is approved by a recognised research ethics committee (an NHS "
        "REC, an HSC REC in Northern Ireland), which excepts storage for it. Whether the "
        "premises hold a licence the library cannot know: ask the licence's designated "
        "individual or the research office before any sample is stored."
    ),
    "ethics.route.social_care_scotland": (
        "The people studied are identified through social care in Scotland. GAfREC's list of "
        "services gives social care for England, Wales and Northern Ireland only, while the "
        "HRA's decision tool asks about adult social care in Scotland too: not settled. Ask an "
        "NHS research ethics committee whether it must review the study."
    ),
    "ethics.route.capacity_england": (
        f"{_CAPACITY} In England, intrusive research with them (research that would need "
        "their consent if they had capacity) is lawful only as part of a project approved by an "
        "appropriate body recognised by the Secretary of State (Mental Capacity Act 2005, "
        "s. 30): an NHS research ethics committee flagged for it, or the Social Care REC, "
        f"through IRAS. {_NOT_ALONE} A clinical trial of a medicine follows the clinical "
        "trials regulations instead."
    ),
    "ethics.route.capacity_wales": (
        f"{_CAPACITY} In Wales, intrusive research with them is lawful only as part of a "
        "project approved by the appropriate body specified for Wales (Mental Capacity Act "
        "2005, s. 30): apply through IRAS to an NHS research ethics committee flagged for it "
        f"(the Welsh appropriate-body regulations were not read). {_NOT_ALONE} A clinical "
        "trial of a medicine follows the clinical trials regulations instead."
    ),
    "ethics.route.capacity_scotland": (
        f"{_CAPACITY} The research is health-related, and in Scotland surgical, medical, "
        "nursing, dental or psychological research with adults who cannot decide about taking "
        "part needs the approval of the Ethics Committee of the Adults with Incapacity "
        "(Scotland) Act 2000, s. 51: Scotland A Research Ethics Committee, the only committee "
        "allowed to give it. A clinical trial of a medicine follows its own route (s. 51(3A))."
    ),
    "ethics.route.capacity_scotland_unsettled": (
        f"{_CAPACITY} The research is not health-related. Section 51 of the Adults with "
        "Incapacity (Scotland) Act 2000 covers surgical, medical, nursing, dental or "
        "psychological research; whether it reaches this research was not settled in the "
        "guidance read: ask Scotland A Research Ethics Committee."
    ),
    "ethics.route.capacity_northern_ireland": (
        f"{_CAPACITY} In Northern Ireland, intrusive research with people of 16 or over who "
        "lack capacity is lawful only as part of a project approved by an appropriate body "
        "(Mental Capacity Act (Northern Ireland) 2016, s. 132): HSC Research Ethics "
        "Committees A and B, ORECNI, the research ethics committees of the Open University, "
        "Queen's University and Ulster University, or a named HRA committee. A clinical trial "
        "of a medicine is not research for this purpose (s. 133)."
    ),
    "ethics.route.capacity_not_research": (
        "Some of the people the activity looks at may lack capacity to consent ({nations}). "
        "The capacity laws speak of research; whether an intrusive audit or evaluation needs "
        "an appropriate body's approval was not settled in the guidance read: ask the local "
        "governance office and the committee."
    ),
    "ethics.route.social_care_rec": (
        "The people studied are identified through adult social care in England, or the team "
        "could identify them from its records: the Social Care REC (a social-care flagged HRA "
        "committee, through IRAS) reviews such research, or a university research ethics "
        "committee that follows the ESRC's Framework for Research Ethics may instead, unless an "
        "exception in GAfREC para 2.3.8A applies (that list was not read; people who may lack "
        "capacity always need an appropriate body)."
    ),
    "ethics.route.hmpps": (
        "The activity involves people in prison or on probation, or takes place in a prison or "
        "across the probation service, in {nations}: HMPPS's National Research Committee must "
        "approve it, through its online form (through IRAS when health or social care approvals "
        "are needed too)."
    ),
    "ethics.route.hmpps_not_research": (
        "The activity involves people in prison or on probation, or a prison or the probation "
        "service, in {nations}, and is not research. HMPPS's National Research Committee "
        "approves the use of research methods there, so whether this needs its approval was "
        "not settled: ask the committee."
    ),
    "ethics.route.hmpps_youth_justice": (
        "The activity takes place in a secure training centre, a secure children's home or with "
        "a youth offending team, in {nations}. HMPPS's research instruction (PI 17/2014, PSI "
        "22/2014) excludes these and sends applicants to the establishment or team itself, "
        "while the HRA's prison research page counts secure training centres within HMPPS's "
        "process: not settled. Ask the establishment or team, and HMPPS's National Research "
        "Committee."
    ),
    "ethics.route.probation_service": (
        "The activity involves people on probation, none held in custody, in {nations}, where "
        "the prison service does not supervise them (in Northern Ireland the Probation Board "
        "for Northern Ireland; in Scotland the local authorities' justice social work). Its own "
        "research access procedure was not read: ask the body that supervises them."
    ),
    "ethics.route.prison_service": (
        "The activity involves people in prison or on probation, or a prison or the probation "
        "service, in {nations}: the prison service's own research access procedure was not "
        "found in the guidance read (HMPPS's covers England and Wales only). Ask the prison "
        "service."
    ),
    # Conditional, not "no statutory committee has to": the ethics command's default output
    # reads a withheld safeguarding yes as no, and a capacity study must not read as free of one.
    "ethics.route.university_rec": (
        "The university's research ethics committee reviews this research under the "
        "university's own policy, as the HRA's decision tool and the ESRC expect, where no "
        "statutory committee has to review it."
    ),
    "ethics.route.university_rec_policy": (
        "A statutory committee reviews this research (an NHS research ethics committee or a "
        "capacity appropriate body): whether the university's own committee reviews it too is "
        "the university's policy (some do not, to avoid reviewing twice)."
    ),
    "ethics.route.hra_approval": (
        "The NHS takes part in England (its patients, staff, data or premises): HRA Approval is "
        "needed before the study starts there, through IRAS."
    ),
    "ethics.route.hra_hcrw_approval": (
        "The NHS takes part in Wales: HRA and Health and Care Research Wales Approval is needed "
        "before the study starts there, through IRAS."
    ),
    "ethics.route.nhs_permission_scotland": (
        "The NHS takes part in Scotland: each health board's R&D office gives NHS permission, "
        "through IRAS and the NHS Research Scotland Permissions Coordinating Centre (HRA "
        "Approval does not apply in Scotland)."
    ),
    "ethics.route.hsc_permission_northern_ireland": (
        "Health and social care services take part in Northern Ireland: each HSC Trust confirms "
        "research governance permission before the study starts there, through IRAS."
    ),
    "ethics.route.no_nhs_rec_for_staff": (
        "The NHS takes part only through staff in their professional role or through its "
        "premises: that needs no NHS research ethics committee unless something else does "
        "(GAfREC, as restated by trusts and universities), but the NHS organisations' "
        "permission still applies."
    ),
    "ethics.route.local_authority": (
        "The people studied are identified through social care in England: the local "
        "authority's research governance applies to research it takes part in (read in a "
        "university's guidance, not at a primary source)."
    ),
    # The one source read speaks of research only; an audit or evaluation is told so.
    "ethics.route.local_authority_not_research": (
        "The activity is not research, but the people it looks at are identified through "
        "social care in England. The source this rests on (a university's guidance, not a "
        "primary source) says a local authority with social care responsibilities must have a "
        "research governance framework for any research it is involved with; it does not speak "
        "of audits or evaluations. So this is shown as advice: ask the local authority whether "
        "its governance covers this activity."
    ),
    "ethics.route.local_governance": (
        "Not research: no HRA Approval or NHS research ethics committee. Register it with the "
        "clinical governance, audit or R&D office of the organisation where it takes place, "
        "which says what local review applies."
    ),
    "ethics.route.dpia": (
        "Special category or criminal offence data is processed on a large scale: the data "
        "controller must carry out a data protection impact assessment before processing "
        "starts (UK GDPR art. 35(3)(b))."
    ),
    "ethics.route.dpia_screening": (
        "Personal data is processed: the data controller screens the processing for a data "
        "protection impact assessment, required where it is likely to result in a high risk "
        "(UK GDPR art. 35(1)) and, in the ICO's view, good practice anyway."
    ),
    "ethics.route.caldicott": (
        "The team could identify patients or service users from the data: ask the Caldicott "
        "Guardian of each organisation holding it for advice (in Scotland, the health board's "
        "Caldicott approval process where it applies)."
    ),
    "ethics.route.cag": (
        "Confidential patient information is used without consent, outside the care team, in "
        "{nations}: a legal basis other than consent is needed, usually section 251 support on "
        "the Confidentiality Advisory Group's advice, applied for through IRAS (for research "
        "and non-research alike)."
    ),
    "ethics.route.pbpp": (
        "Confidential patient information held by NHS Scotland (its patients' records, or data "
        "it controls) is used without consent in Scotland, where section 251 does not apply: "
        "apply to the Public Benefit and Privacy Panel for Health and Social Care (for example "
        "for patients of more than one health board), or to the health board's Caldicott "
        "Guardian."
    ),
    "ethics.route.pbpp_national_data": (
        "The activity uses data controlled by NHS Scotland: the Public Benefit and Privacy Panel "
        "for Health and Social Care scrutinises any request to use it, identifiable or not "
        "(national data sets through eDRIS, above all), or the health board's Caldicott "
        "Guardian for a request the panel leaves to the board."
    ),
    "ethics.route.council_records_scotland": (
        "Identifiable information about social care users is used without consent in "
        "Scotland. The Public Benefit and Privacy Panel's mandate is data NHS Scotland controls "
        "(and the NHS Central Register), not a council's own social care records: the council "
        "holding them decides under its own data protection and confidentiality process, "
        "which was not read: ask its data protection officer and Caldicott Guardian."
    ),
    "ethics.route.confidentiality_northern_ireland": (
        "Confidential patient information is used without consent in Northern Ireland: the "
        "committee route of the Health and Social Care (Control of Data Processing) Act "
        "(Northern Ireland) 2016 is not settled (the Department told the Assembly of a gap in "
        "March 2026): ask the HSC Trust holding the data."
    ),
    "ethics.route.date_not_covered": (
        "The review routes are worked out for days from {routes_from}, when the latest law "
        "they apply came into operation; for an earlier day, refer the activity to the ethics "
        "committee."
    ),
    "ethics.route.question": (
        "Not known whether {fact} ({party}). If yes, the routes add: {if_yes}; if no: {if_no}. "
        "Answer it to settle the routes."
    ),
    "ethics.route.nations": (
        "Not said in which nations the activity takes place, and the review routes differ by "
        "nation: {by_nation}."
    ),
}

#: Every route template and body name, by message key.
MESSAGES: Final[Mapping[str, str]] = {
    **_ROUTES,
    **{f"ethics.body.{key}": name for key, name in BODY_NAMES.items()},
}
