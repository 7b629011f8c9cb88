"""The route rules: which body reviews an activity, in which nation, on which facts.

Each :class:`RouteRule` is one sentence of guidance turned into a condition (see
:mod:`participatory.ethics.route_logic`); its citations are data
(``[route_rules.<rule id>]`` in ``data/ethics_guidance.toml``). In short:

- **Research, new study.** An NHS (HSC) research ethics committee, applied to through IRAS,
  when the people studied are identified through NHS services and take part themselves, or
  the team could identify them from records about them (GAfREC: a group known only through
  anonymised records is not enough), when they use social care in Wales or Northern Ireland
  on the same terms (GAfREC's services list), when health-related research involves
  prisoners held in custody (GAfREC 2011 as restated: secondary; not people only on
  probation, nor prison staff), when people taking part undergo ionising radiation exposures
  the protocol requires, standard care or not (IR(ME)R, as the HRA states it), or when the
  study is a clinical investigation of a medical device not marked for the purpose (the
  Medical Devices Regulations 2002: a REC of the UK Health Departments' Research Ethics
  Service, in every nation, whoever takes part). The NHS organisations' permission where
  the NHS takes part at all, patients, staff, data or premises: HRA Approval (England), HRA
  and HCRW Approval (Wales), NHS R&D permission through NRS (Scotland), HSC Trust permission
  (Northern Ireland, where the Trusts provide social care too). Staff recruited in their
  professional role, or NHS premises alone, need that permission but no NHS REC (GAfREC 2011
  para 2.3.13 as quoted: secondary).
- **Clinical trials of medicines.** A clinical trial of an investigational medicinal
  product (CTIMP) may not start until a recognised research ethics committee has given a
  favourable opinion and the licensing authority (the MHRA) has authorised it, whoever the
  participants are (Medicines for Human Use (Clinical Trials) Regulations 2004 reg. 12); the
  HRA's decision tool asks it first. A clinical investigation of a medical device not
  marked for that purpose is notified to the MHRA at least 60 days before it starts, and
  needs an NHS (HSC) REC's approval (above).
- **Capacity.** Intrusive research with people aged 16 or over who may lack capacity (people
  taking part themselves, or personal data about them: not anonymised records) needs
  an appropriate body (MCA 2005 s. 30, a flagged NHS REC or the Social Care REC in England;
  the Welsh appropriate-body regulations were not read), Scotland A REC for surgical,
  medical, nursing, dental or psychological research (AWI 2000 s. 51; whether other
  research falls under it is unsettled), or an appropriate body under the MCA (NI) 2016.
  A clinical trial of a medicine is taken out of all three (MCA 2005 s. 30(3), AWI 2000
  s. 51(3A), MCA (NI) 2016 s. 133): the trials regulations govern it (Sch. 1 Part 5).
- **Social care in England.** For users taking part themselves or identifiable from records,
  the Social Care REC, or a university REC that follows the ESRC framework (GAfREC 2.3.8A
  as the SCREC states it; its exceptions were not read); the local authority's research
  governance (secondary source; it speaks of research only, which the finding says for an
  audit or evaluation).
- **Prisons and probation.** HMPPS's National Research Committee in England and Wales, except
  a secure training centre, secure children's home or youth offending team alone (PI 17/2014
  sends them to the establishment; the HRA counts STCs in: unsettled); the Scottish and
  Northern Irish prison services' procedures were not found (unsettled), nor those of the
  bodies supervising people only on probation there (PBNI; the councils' justice social work).
- **The university REC** reviews research no statutory committee reviews; where one does,
  the university's own policy decides whether its REC reviews too.
- **Not research** goes to the local governance office (HRA); HMPPS and the capacity laws
  speak of research methods and research, so whether they reach an evaluation is unsettled.
- **Human tissue.** Storing it for research needs a Human Tissue Authority licence for the
  premises, unless a recognised REC approved the research (HTA Code E para 81; SI 2006/1260
  reg. 3): England, Wales and Northern Ireland (Scotland's Act was not read).
- **Data.** A data protection impact assessment where the processing is likely high risk
  (UK GDPR art. 35; a screening otherwise), the Caldicott Guardian's advice for identifiable
  patient data, and the Confidentiality Advisory Group (England, Wales), the Public Benefit
  and Privacy Panel (Scotland) or an unsettled route (Northern Ireland) for confidential
  patient information used without consent; the Panel too for any use of data NHS Scotland
  controls in health research. The Panel's mandate is data NHS Scotland (or the NHS Central
  Register) controls, so a Scottish council's own social care records used without consent
  go to the council's data protection and Caldicott process (its procedure was not read:
  unsettled), not to the Panel.
- **An approved study.** Work within an approved study's scope needs no new application;
  outside it, an amendment (the sponsor decides whether it is substantial) or a new one.

>>> sorted({rule.body.value for rule in ROUTE_RULES if rule.body})[:3]
['amendment', 'caldicott_guardian', 'capacity_body']
>>> len(ROUTE_RULE_IDS) == len(ROUTE_RULES)
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar, cast

import attrs

from participatory.core.explain import Severity
from participatory.core.nations import Nation
from participatory.core.record import Record
from participatory.ethics.bodies import Requirement, ReviewBody
from participatory.ethics.facts import Answer, Fact
from participatory.ethics.outcomes import Action, TriageOutcome
from participatory.ethics.route_logic import RouteView, all_of, any_of, negate

__all__ = [
    "NOT_RESEARCH_OUTCOMES",
    "ROUTE_ONLY_FACTS",
    "ROUTE_RULES",
    "ROUTE_RULE_IDS",
    "RouteRule",
]

E, W, S, NI = Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND, Nation.NORTHERN_IRELAND
_ALL: Final = frozenset(Nation)

#: Outcomes that are not research but study people: local governance, not a REC.
NOT_RESEARCH_OUTCOMES: Final = (
    TriageOutcome.SERVICE_EVALUATION,
    TriageOutcome.CLINICAL_AUDIT,
    TriageOutcome.USUAL_PRACTICE,
    TriageOutcome.NOT_RESEARCH,
)

Condition = Callable[[RouteView, Nation], Answer]

_SEVERITY: Final = {
    Requirement.REQUIRED: Severity.WARNING,
    Requirement.UNSETTLED: Severity.REFER,
    Requirement.POLICY: Severity.ADVICE,
    Requirement.ADVICE: Severity.ADVICE,
}


@attrs.frozen
class RouteRule(Record):
    """One rule: where ``applies`` is yes in a nation, ``body`` reviews the activity.

    ``per_nation`` routes differ by nation (one route per nation); the others cover the
    whole study (one NHS REC opinion for a UK-wide study). A rule with no ``body`` only
    explains (why no NHS REC is needed, for instance). ``key`` is its message key without
    the ``ethics.`` prefix; ``not_research_key``, where given, is the one used when the
    activity is not research (a rule whose source speaks of research only says so).
    """

    rule_id: str
    key: str
    body: ReviewBody | None
    requirement: Requirement
    applies: Condition
    nations: frozenset[Nation] = _ALL
    per_nation: bool = False
    alternatives: tuple[ReviewBody, ...] = ()
    actions: tuple[str, ...] = (Action.APPLY_BY_ROUTE.value,)
    #: Whether the condition reads the nation (else it is evaluated once for all nations).
    uses_nation: bool = False
    #: Its message key for an activity that is not research, where its source speaks of
    #: research only (else ``key`` serves every activity).
    not_research_key: str | None = None
    #: The rules whose routes merge with this one's (with the sensitivity of what each read):
    #: per-nation routes by message key, the others by body. With :attr:`strength`, worked
    #: out once per rule, not for every route of every set of answers the planner compares.
    group: tuple[object, ...] = attrs.field(init=False, eq=False, repr=False)
    #: How strongly it applies (its requirement's :attr:`~Requirement.strength`).
    strength: int = attrs.field(init=False, eq=False, repr=False)

    @group.default
    def _group(self) -> tuple[object, ...]:
        return (self.body, self.key) if self.per_nation else (self.body,)

    @strength.default
    def _strength(self) -> int:
        return self.requirement.strength

    def message_key(self, outcome: TriageOutcome) -> str:
        """The key of its finding for an activity with ``outcome``."""
        if self.not_research_key is not None and outcome in NOT_RESEARCH_OUTCOMES:
            return self.not_research_key
        return self.key

    @property
    def severity(self) -> Severity:
        """How serious its finding is: explanations are information."""
        return Severity.INFO if self.body is None else _SEVERITY[self.requirement]


# -- the facts the rules share ---------------------------------------------------------------

_Part = TypeVar("_Part", bound=Callable[..., Answer])


def _shared(part: _Part) -> _Part:
    """``part``, worked out once for each situation however many rules read it.

    Every rule is read in each nation, and the planner reads them again for each open
    question: a part several conditions share answers from what the view already holds.
    """

    def once(view: RouteView, *nation: Nation) -> Answer:
        return view.shared(part, *nation)

    once.__doc__ = part.__doc__
    return cast(_Part, once)


def _research(v: RouteView) -> Answer:
    return v.outcome_in(TriageOutcome.RESEARCH)


def _not_research(v: RouteView) -> Answer:
    return v.outcome_in(*NOT_RESEARCH_OUTCOMES)


def _people_studied(v: RouteView) -> Answer:
    return v.outcome_in(TriageOutcome.RESEARCH, *NOT_RESEARCH_OUTCOMES)


@_shared
def _fresh(v: RouteView) -> Answer:
    """Research that is not part of a study already approved: a new application."""
    return all_of(lambda: _research(v), lambda: negate(v.fact(Fact.APPROVED_STUDY_PARTICIPANTS)))


@_shared
def _fresh_or_not_research(v: RouteView) -> Answer:
    """A new application, or not research: where the custody bodies' own procedures apply."""
    return any_of(lambda: _fresh(v), lambda: _not_research(v))


@_shared
def _gafrec_users(v: RouteView, users: Fact) -> Answer:
    """Whether GAfREC's service-user trigger holds for the users ``users`` names.

    GAfREC 2011 s. 2.3 asks for REC review of research with participants identified from, or
    because of, their use of the services, or collecting information from them, or using
    previously collected information "from which the research team could identify" them. A
    group taking part itself is the first two; a group known only through records (no task)
    is the third, so only when the data is identifiable (HRA decision tool, Question Set 2).
    People no group describes may be either, so they count as taking part until a group says.
    The identifiable-data fact is the activity's: with groups of two kinds of users known
    only through records, a yes counts for both (the cautious reading).
    """
    return any_of(
        lambda: v.studied_not_only_through_records(users),
        lambda: all_of(
            lambda: v.fact(Fact.IDENTIFIABLE_PATIENT_DATA),
            lambda: v.studied(users) if v.anyone_described() else _undescribed(users),
        ),
    )


def _undescribed(users: Fact) -> Answer:
    """Whose identifiable records they are, when no group describes anyone studied.

    Staff auditing records need no group for the people in them: the identifiable-data fact
    alone then says the team could identify users of health or social care services, and an
    NHS (HSC) REC reviews research with either (GAfREC's services list), so it is read as
    NHS patients' records, as it always was; it names no social care service on its own.
    """
    return Answer.YES if users is Fact.NHS_PATIENTS else Answer.NO


@_shared
def _nhs_users(v: RouteView) -> Answer:
    """GAfREC's trigger for NHS (HSC) patients, their relatives and carers."""
    return _gafrec_users(v, Fact.NHS_PATIENTS)


@_shared
def _social_care_users(v: RouteView) -> Answer:
    """GAfREC's trigger for social care users (the nation decides whether it applies)."""
    return any_of(
        lambda: _gafrec_users(v, Fact.ADULT_SOCIAL_CARE_USERS),
        lambda: _gafrec_users(v, Fact.CHILDRENS_SOCIAL_CARE_USERS),
    )


@_shared
def _social_care_studied(v: RouteView) -> Answer:
    """Whether the activity studies social care users at all, in person or through records.

    The care provider's own governance (the local authority; an HSC Trust; in Scotland the
    unsettled route) reaches research with its service users' data however it is held, so
    these routes do not turn on identifiability as GAfREC's committee review does.
    """
    return any_of(
        lambda: v.studied(Fact.ADULT_SOCIAL_CARE_USERS),
        lambda: v.studied(Fact.CHILDRENS_SOCIAL_CARE_USERS),
    )


@_shared
def _trial_of_medicine(v: RouteView) -> Answer:
    # A clinical trial of a medicine gives some group the medicine under study, and is health
    # research by its nature: with no group taking part in an intervention, or outside health
    # research, it cannot be one, and the question is not asked.
    # A yes to the trial with health-related unknown is still a trial (a yes beside a no is
    # refused when the activity is built). The triage reads it the same way: a trial is
    # research whatever the HRA questions say.
    if not v.situation.intervention:
        return Answer.NO
    return all_of(
        lambda: Answer.NO if v.fact(Fact.HEALTH_RELATED) is Answer.NO else Answer.YES,
        lambda: v.fact(Fact.CLINICAL_TRIAL_OF_MEDICINE),
    )


def _narrowed(broad: Answer, narrow: Callable[[], Answer]) -> Answer:
    """``narrow()`` where ``broad`` is yes, else ``broad``: a fact that narrows another.

    Whether anyone is held in custody is asked once the group is known to be in prison or on
    probation, not before (so with the broad fact unknown it is not read, and not asked: it
    could only change which routes are possible, never which are certain).
    """
    return narrow() if broad is Answer.YES else broad


@_shared
def _custody_held(v: RouteView) -> Answer:
    return _narrowed(
        v.studied(Fact.IN_CUSTODY_OR_ON_PROBATION), lambda: v.studied(Fact.HELD_IN_CUSTODY)
    )


@_shared
def _prisoners_in_custody(v: RouteView) -> Answer:
    """Prisoners held in custody among the people studied: GAfREC's prisoner trigger.

    GAfREC 2011 s. 2.3 (as restated) asks for REC review of "health-related research
    involving prisoners in the custody of" the prison services: people only on probation
    are not in their custody, and prison staff, or a prison setting, are not prisoners.
    """
    return _custody_held(v)


@_shared
def _custody_probation_only(v: RouteView) -> Answer:
    return _narrowed(
        v.studied(Fact.IN_CUSTODY_OR_ON_PROBATION),
        lambda: negate(v.studied(Fact.HELD_IN_CUSTODY)),
    )


@_shared
def _youth_justice_setting(v: RouteView) -> Answer:
    return _narrowed(
        v.fact(Fact.PRISON_OR_PROBATION_SETTING), lambda: v.fact(Fact.YOUTH_JUSTICE_SETTING)
    )


@_shared
def _held(v: RouteView) -> Answer:
    """People held in prison or custody, or a prison or probation setting (Scotland, NI).

    There the prison service does not supervise people on probation (the Probation Board
    for Northern Ireland; in Scotland, the councils' justice social work), so a group only on
    probation is not the prison service's.
    """
    return any_of(lambda: v.fact(Fact.PRISON_OR_PROBATION_SETTING), lambda: _custody_held(v))


@_shared
def _hmpps_custody(v: RouteView) -> Answer:
    """People in prison or on probation, or a setting HMPPS's research instruction covers.

    PI 17/2014 leaves secure training centres, secure children's homes and youth offending
    teams to the establishment or team itself: such a setting alone is not HMPPS's.
    """
    return any_of(
        lambda: v.studied(Fact.IN_CUSTODY_OR_ON_PROBATION),
        lambda: _narrowed(
            v.fact(Fact.PRISON_OR_PROBATION_SETTING),
            lambda: negate(v.fact(Fact.YOUTH_JUSTICE_SETTING)),
        ),
    )


@_shared
def _device_investigation(v: RouteView) -> Answer:
    # Like a trial of a medicine: someone must use the device, in health research. Its REC
    # approval (Medical Devices Regulations 2002, as the HRA states them) applies to the whole
    # UK and must come from a REC of the UK Health Departments' Research Ethics Service, so it
    # is a statutory committee whoever takes part (healthy volunteers included).
    if not v.situation.intervention:
        return Answer.NO
    return all_of(
        lambda: Answer.NO if v.fact(Fact.HEALTH_RELATED) is Answer.NO else Answer.YES,
        lambda: v.fact(Fact.DEVICE_INVESTIGATION),
    )


@_shared
def _research_exposure(v: RouteView) -> Answer:
    # Like a device: an exposure is something done to someone taking part, in health research
    # (IR(ME)R reaches medical or biomedical, diagnostic or therapeutic research). The fact
    # counts exposures the protocol requires even where usual care would give them anyway:
    # the HRA's tool counts research exposures "including those that are standard of care".
    if not v.situation.intervention:
        return Answer.NO
    return all_of(
        lambda: Answer.NO if v.fact(Fact.HEALTH_RELATED) is Answer.NO else Answer.YES,
        lambda: v.fact(Fact.IONISING_RADIATION),
    )


@_shared
def _intrusive_capacity(v: RouteView) -> Answer:
    """Whether research may be intrusive for people who may lack capacity.

    Intrusive research is research that would be unlawful without the consent of a person
    with capacity (MCA 2005 s. 30(2)); research on anonymised data or tissue is not included
    (Explanatory Notes para 97). A group taking part itself must be asked to consent; a group
    known only through records is intruded upon only when its data is personal data. The
    same reading serves AWI 2000 s. 51 (research "on" an adult) and the MCA (NI) 2016.
    """
    return any_of(
        lambda: v.studied_in_person(Fact.MAY_LACK_CAPACITY),
        lambda: all_of(
            lambda: v.studied(Fact.MAY_LACK_CAPACITY), lambda: v.fact(Fact.PERSONAL_DATA)
        ),
    )


@_shared
def _nhs_rec_trigger(v: RouteView, nation: Nation) -> Answer:
    return any_of(
        lambda: _nhs_users(v),
        lambda: _social_care_users(v) if nation in (W, NI) else Answer.NO,
        lambda: all_of(lambda: _prisoners_in_custody(v), lambda: v.fact(Fact.HEALTH_RELATED)),
        lambda: _trial_of_medicine(v),
        lambda: _device_investigation(v),
        lambda: _research_exposure(v),
    )


@_shared
def _capacity_body_required(v: RouteView, nation: Nation) -> Answer:
    # A clinical trial of a medicine is not research for the capacity laws: MCA 2005
    # s. 30(3), MCA (NI) 2016 s. 133; in Scotland AWI 2000 s. 51(3A)(a) lets it proceed on a
    # REC's favourable opinion without the s. 51 committee. The trials regulations' own
    # rules for adults unable to consent (Sch. 1 Part 5) govern it, through its REC.
    return all_of(
        lambda: _intrusive_capacity(v),
        lambda: v.fact(Fact.HEALTH_RELATED) if nation is S else Answer.YES,
        lambda: negate(_trial_of_medicine(v)),
    )


@_shared
def _statutory_committee(v: RouteView, nation: Nation) -> Answer:
    """Whether an NHS REC or a capacity body reviews the study in ``nation``."""
    return any_of(lambda: _nhs_rec_trigger(v, nation), lambda: _capacity_body_required(v, nation))


@_shared
def _nhs_involved(v: RouteView) -> Answer:
    """Whether the NHS (HSC) takes part: its patients, staff or premises.

    Its patients take part in person or through their records (or records read as theirs:
    see :func:`_undescribed`). HRA Approval and HCRW's permission apply only to the NHS (HRA
    student toolkit, tool 2; Health and Care Research Wales, "Gaining NHS research
    permission"), so identifiable data about social care users alone does not bring them in.
    """
    return any_of(
        lambda: v.studied(Fact.NHS_PATIENTS),
        lambda: _nhs_users(v),
        lambda: v.studied(Fact.NHS_STAFF),
        lambda: v.fact(Fact.NHS_PREMISES),
    )


@_shared
def _england_adult_social_care(v: RouteView, nation: Nation) -> Answer:
    # The Social Care REC reviews what GAfREC sends to a REC for adult social care in England
    # (its 2.3.8A): the same trigger as for NHS patients, records identifiable or not.
    return _gafrec_users(v, Fact.ADULT_SOCIAL_CARE_USERS) if nation is E else Answer.NO


# -- the conditions, one per rule --------------------------------------------------------------


def _existing_approval(v: RouteView, _n: Nation) -> Answer:
    return all_of(
        lambda: any_of(
            lambda: _people_studied(v),
            lambda: v.collected_data_about_people(),
        ),
        lambda: v.fact(Fact.APPROVED_STUDY_PARTICIPANTS),
        lambda: v.fact(Fact.WITHIN_APPROVED_SCOPE),
    )


def _amendment(v: RouteView, _n: Nation) -> Answer:
    return all_of(
        lambda: _research(v),
        lambda: v.fact(Fact.APPROVED_STUDY_PARTICIPANTS),
        lambda: negate(v.fact(Fact.WITHIN_APPROVED_SCOPE)),
    )


def _nhs_rec(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _nhs_users(v))


def _nhs_rec_social_care(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _social_care_users(v))


def _nhs_rec_prison(v: RouteView, _n: Nation) -> Answer:
    return all_of(
        lambda: _fresh(v), lambda: _prisoners_in_custody(v), lambda: v.fact(Fact.HEALTH_RELATED)
    )


def _ctimp(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _trial_of_medicine(v))


def _radiation(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _research_exposure(v))


def _device_rec(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _device_investigation(v))


def _tissue_stored(v: RouteView) -> Answer:
    """Whether health-related research stores human tissue.

    The HTA licenses storage for research about the human body (its disorders or its
    functioning), which the library reads as health-related research: a yes beside
    ``health_related`` no is refused (see :mod:`~participatory.ethics.consistency`), and the
    fact is asked once the research is known to be health-related, as the NHS Scotland data
    question is (asking it of every study while that is unknown, a survey of gallery
    visitors, would bury the questions that matter), and a yes given first asks whether it is
    (see :func:`_health_research_for`).
    """
    return all_of(
        lambda: _health_research_for(v, Fact.HUMAN_TISSUE_STORED),
        lambda: v.fact(Fact.HUMAN_TISSUE_STORED),
    )


def _tissue(v: RouteView, _n: Nation) -> Answer:
    # Storage for an audit or evaluation is excepted from licensing (HT Exceptions Regs 2006
    # reg. 3(2)(a), the scheduled purposes), so only research reads it.
    return all_of(lambda: _fresh(v), lambda: _tissue_stored(v))


def _nhs_permission(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _nhs_involved(v))


def _hsc_permission(v: RouteView, _n: Nation) -> Answer:
    # HSC Trusts provide social care in Northern Ireland as well as health care.
    return all_of(
        lambda: _fresh(v),
        lambda: any_of(lambda: _nhs_involved(v), lambda: _social_care_studied(v)),
    )


def _mhra_device(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _device_investigation(v))


def _no_nhs_rec_for_staff(v: RouteView, n: Nation) -> Answer:
    return all_of(
        lambda: _fresh(v),
        lambda: any_of(lambda: v.studied(Fact.NHS_STAFF), lambda: v.fact(Fact.NHS_PREMISES)),
        lambda: negate(_statutory_committee(v, n)),
    )


def _capacity(v: RouteView, n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _capacity_body_required(v, n))


def _capacity_scotland_unsettled(v: RouteView, _n: Nation) -> Answer:
    return all_of(
        lambda: _fresh(v),
        lambda: _intrusive_capacity(v),
        lambda: negate(v.fact(Fact.HEALTH_RELATED)),
    )


def _capacity_not_research(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _not_research(v), lambda: _intrusive_capacity(v))


def _social_care_rec(v: RouteView, n: Nation) -> Answer:
    return all_of(
        lambda: _fresh(v),
        lambda: _england_adult_social_care(v, n),
        lambda: negate(_statutory_committee(v, n)),
    )


def _local_authority(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _people_studied(v), lambda: _social_care_studied(v))


def _social_care_scotland(v: RouteView, _n: Nation) -> Answer:
    # Whether GAfREC reaches social care in Scotland at all is unsettled; where it does, its
    # trigger is the same as elsewhere (identifiable records only).
    return all_of(lambda: _fresh(v), lambda: _social_care_users(v))


def _hmpps(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _hmpps_custody(v))


def _hmpps_not_research(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _not_research(v), lambda: _hmpps_custody(v))


def _youth_justice(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh_or_not_research(v), lambda: _youth_justice_setting(v))


def _prison_service(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh_or_not_research(v), lambda: _held(v))


def _probation_service(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _fresh_or_not_research(v), lambda: _custody_probation_only(v))


def _university_rec(v: RouteView, n: Nation) -> Answer:
    return all_of(
        lambda: _fresh(v),
        lambda: negate(_statutory_committee(v, n)),
        # Adult social care in England: the Social Care REC's route names the university REC
        # as the alternative, so it is not listed a second time.
        lambda: negate(_england_adult_social_care(v, n)),
    )


def _university_rec_policy(v: RouteView, n: Nation) -> Answer:
    return all_of(lambda: _fresh(v), lambda: _statutory_committee(v, n))


def _local_governance(v: RouteView, _n: Nation) -> Answer:
    return _not_research(v)


@_shared
def _personal_data(v: RouteView) -> Answer:
    return all_of(lambda: _people_studied(v), lambda: v.fact(Fact.PERSONAL_DATA))


def _dpia(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _personal_data(v), lambda: v.fact(Fact.LARGE_SCALE_SPECIAL_CATEGORY))


def _dpia_screen(v: RouteView, _n: Nation) -> Answer:
    return all_of(
        lambda: _personal_data(v), lambda: negate(v.fact(Fact.LARGE_SCALE_SPECIAL_CATEGORY))
    )


def _caldicott(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _people_studied(v), lambda: v.fact(Fact.IDENTIFIABLE_PATIENT_DATA))


@_shared
def _confidential_without_consent(v: RouteView) -> Answer:
    return all_of(
        lambda: _people_studied(v),
        lambda: v.fact(Fact.IDENTIFIABLE_PATIENT_DATA),
        lambda: v.fact(Fact.PATIENT_DATA_WITHOUT_CONSENT),
    )


def _without_consent(v: RouteView, _n: Nation) -> Answer:
    return _confidential_without_consent(v)


@_shared
def _nhs_scotland_held(v: RouteView) -> Answer:
    """Whether the confidential information is NHS Scotland's: its patients', or its data.

    The Panel has "a formal mandate to scrutinise any request to use NHSS-controlled data,
    and the NHSCR data controlled by the Registrar General" (its guiding principles): NHS
    patients' records (GAfREC's trigger, records read as theirs included: see
    :func:`_undescribed`) are the health boards', and the NHS Scotland data fact names the
    rest. A council's own social care records are neither.
    """
    return any_of(lambda: _nhs_users(v), lambda: v.fact(Fact.NHS_SCOTLAND_DATA))


def _pbpp(v: RouteView, _n: Nation) -> Answer:
    return all_of(lambda: _confidential_without_consent(v), lambda: _nhs_scotland_held(v))


def _council_records_scotland(v: RouteView, _n: Nation) -> Answer:
    # The council holding its social care records decides their use without consent under
    # its own data protection and confidentiality process; the Panel's mandate does not reach
    # them. Alongside the Panel where NHS data is used too: each controller decides for its own.
    return all_of(lambda: _confidential_without_consent(v), lambda: _social_care_studied(v))


def _nhs_scotland_data(v: RouteView, _n: Nation) -> Answer:
    # The PBPP scrutinises any request to use NHS Scotland-controlled data, identifiable or
    # not; used without consent, the confidentiality route already names it. Asked only of
    # research known to be health-related: asking every study that handles data about people
    # (a survey of gallery visitors) whether it uses NHS data would bury the questions that
    # matter; the health question comes first.
    return all_of(
        lambda: _people_studied(v),
        lambda: v.collected_data_about_people(),
        lambda: _health_research_for(v, Fact.NHS_SCOTLAND_DATA),
        lambda: negate(_confidential_without_consent(v)),
        lambda: v.fact(Fact.NHS_SCOTLAND_DATA),
    )


def _health_research_for(v: RouteView, fact: Fact) -> Answer:
    """Whether the research is health-related, for a route ``fact`` opens only there.

    While that is unknown, it is read as no, so that ``fact`` is not asked of every study;
    but once ``fact`` is answered yes the route turns on it, so it is asked, not guessed.
    """
    health = v.fact(Fact.HEALTH_RELATED)
    if health is not Answer.UNKNOWN:
        return health
    return Answer.UNKNOWN if v.fact(fact) is Answer.YES else Answer.NO


R, U, P, A = Requirement.REQUIRED, Requirement.UNSETTLED, Requirement.POLICY, Requirement.ADVICE
B = ReviewBody
_CHECK: Final = (Action.CHECK_EXISTING_APPROVAL.value,)

#: Every route rule, in the order routes are listed.
ROUTE_RULES: Final = (
    RouteRule("ETH-ROUTE-EXISTING-APPROVAL", "route.existing_approval", B.EXISTING_APPROVAL, R,
          _existing_approval, actions=_CHECK),
    RouteRule("ETH-ROUTE-AMENDMENT", "route.amendment", B.AMENDMENT, R, _amendment, actions=_CHECK),
    RouteRule("ETH-ROUTE-NHS-REC", "route.nhs_rec", B.NHS_REC, R, _nhs_rec),
    RouteRule("ETH-ROUTE-NHS-REC-SOCIAL-CARE", "route.nhs_rec_social_care", B.NHS_REC, R,
          _nhs_rec_social_care, nations=frozenset({W, NI})),
    RouteRule("ETH-ROUTE-NHS-REC-PRISON", "route.nhs_rec_prison", B.NHS_REC, R, _nhs_rec_prison),
    RouteRule("ETH-ROUTE-NHS-REC-CTIMP", "route.nhs_rec_ctimp", B.NHS_REC, R, _ctimp),
    RouteRule("ETH-ROUTE-MHRA", "route.mhra", B.MHRA, R, _ctimp),
    RouteRule("ETH-ROUTE-MHRA-DEVICE", "route.mhra_device", B.MHRA_DEVICE, R, _mhra_device),
    RouteRule("ETH-ROUTE-NHS-REC-RADIATION", "route.nhs_rec_radiation", B.NHS_REC, R, _radiation),
    RouteRule("ETH-ROUTE-NHS-REC-DEVICE", "route.nhs_rec_device", B.NHS_REC, R, _device_rec),
    RouteRule("ETH-ROUTE-HTA-LICENCE", "route.hta_licence", B.HTA_LICENCE, R, _tissue,
          nations=frozenset({E, W, NI}), per_nation=True, alternatives=(B.NHS_REC,)),
    RouteRule("ETH-ROUTE-SOCIAL-CARE-SCOTLAND", "route.social_care_scotland", B.NHS_REC, U,
          _social_care_scotland, nations=frozenset({S})),
    RouteRule("ETH-ROUTE-CAPACITY-ENGLAND", "route.capacity_england", B.CAPACITY_BODY, R,
          _capacity, nations=frozenset({E}), per_nation=True, uses_nation=True),
    RouteRule("ETH-ROUTE-CAPACITY-WALES", "route.capacity_wales", B.CAPACITY_BODY, R,
          _capacity, nations=frozenset({W}), per_nation=True, uses_nation=True),
    RouteRule("ETH-ROUTE-CAPACITY-SCOTLAND", "route.capacity_scotland", B.CAPACITY_BODY, R,
          _capacity, nations=frozenset({S}), per_nation=True, uses_nation=True),
    RouteRule("ETH-ROUTE-CAPACITY-SCOTLAND-UNSETTLED", "route.capacity_scotland_unsettled",
          B.CAPACITY_BODY, U, _capacity_scotland_unsettled, nations=frozenset({S}),
          per_nation=True),
    RouteRule("ETH-ROUTE-CAPACITY-NI", "route.capacity_northern_ireland", B.CAPACITY_BODY, R,
          _capacity, nations=frozenset({NI}), per_nation=True, uses_nation=True),
    RouteRule("ETH-ROUTE-CAPACITY-NOT-RESEARCH", "route.capacity_not_research", B.CAPACITY_BODY,
          U, _capacity_not_research, per_nation=True),
    RouteRule("ETH-ROUTE-SOCIAL-CARE-REC", "route.social_care_rec", B.SOCIAL_CARE_REC, R,
          _social_care_rec, nations=frozenset({E}), per_nation=True, uses_nation=True,
          alternatives=(B.UNIVERSITY_REC,)),
    RouteRule("ETH-ROUTE-HMPPS", "route.hmpps", B.HMPPS_NRC, R, _hmpps,
          nations=frozenset({E, W}), per_nation=True),
    RouteRule("ETH-ROUTE-HMPPS-NOT-RESEARCH", "route.hmpps_not_research", B.HMPPS_NRC, U,
          _hmpps_not_research, nations=frozenset({E, W}), per_nation=True),
    RouteRule("ETH-ROUTE-HMPPS-YOUTH-JUSTICE", "route.hmpps_youth_justice", B.HMPPS_NRC, U,
          _youth_justice, nations=frozenset({E, W}), per_nation=True),
    RouteRule("ETH-ROUTE-PRISON-SERVICE", "route.prison_service", B.PRISON_SERVICE, U,
          _prison_service, nations=frozenset({S, NI}), per_nation=True),
    RouteRule("ETH-ROUTE-PROBATION-SERVICE", "route.probation_service", B.PROBATION_SERVICE, U,
          _probation_service, nations=frozenset({S, NI}), per_nation=True),
    RouteRule("ETH-ROUTE-UNIVERSITY-REC", "route.university_rec", B.UNIVERSITY_REC, R,
          _university_rec, uses_nation=True),
    RouteRule("ETH-ROUTE-UNIVERSITY-REC-POLICY", "route.university_rec_policy", B.UNIVERSITY_REC,
          P, _university_rec_policy, uses_nation=True),
    RouteRule("ETH-ROUTE-HRA-APPROVAL", "route.hra_approval", B.NHS_PERMISSION, R,
          _nhs_permission, nations=frozenset({E}), per_nation=True),
    RouteRule("ETH-ROUTE-HRA-HCRW-APPROVAL", "route.hra_hcrw_approval", B.NHS_PERMISSION, R,
          _nhs_permission, nations=frozenset({W}), per_nation=True),
    RouteRule("ETH-ROUTE-NHS-PERMISSION-SCOTLAND", "route.nhs_permission_scotland",
          B.NHS_PERMISSION, R, _nhs_permission, nations=frozenset({S}), per_nation=True),
    RouteRule("ETH-ROUTE-HSC-PERMISSION-NI", "route.hsc_permission_northern_ireland",
          B.NHS_PERMISSION, R, _hsc_permission, nations=frozenset({NI}), per_nation=True),
    RouteRule("ETH-ROUTE-NO-NHS-REC-FOR-STAFF", "route.no_nhs_rec_for_staff", None, R,
          _no_nhs_rec_for_staff, actions=(), uses_nation=True),
    RouteRule("ETH-ROUTE-LOCAL-AUTHORITY", "route.local_authority", B.LOCAL_AUTHORITY, A,
          _local_authority, nations=frozenset({E}), per_nation=True,
          not_research_key="route.local_authority_not_research"),
    RouteRule("ETH-ROUTE-LOCAL-GOVERNANCE", "route.local_governance", B.LOCAL_GOVERNANCE, R,
          _local_governance, actions=(Action.LOCAL_GOVERNANCE.value,)),
    RouteRule("ETH-ROUTE-DPIA", "route.dpia", B.DPIA, R, _dpia),
    RouteRule("ETH-ROUTE-DPIA-SCREENING", "route.dpia_screening", B.DPIA, A, _dpia_screen),
    RouteRule("ETH-ROUTE-CALDICOTT", "route.caldicott", B.CALDICOTT_GUARDIAN, A, _caldicott),
    RouteRule("ETH-ROUTE-CAG", "route.cag", B.CONFIDENTIALITY, R, _without_consent,
          nations=frozenset({E, W}), per_nation=True),
    RouteRule("ETH-ROUTE-PBPP", "route.pbpp", B.CONFIDENTIALITY, R, _pbpp,
          nations=frozenset({S}), per_nation=True),
    RouteRule("ETH-ROUTE-COUNCIL-RECORDS-SCOTLAND", "route.council_records_scotland",
          B.COUNCIL_RECORDS, U, _council_records_scotland, nations=frozenset({S}),
          per_nation=True),
    RouteRule("ETH-ROUTE-PBPP-NATIONAL-DATA", "route.pbpp_national_data", B.CONFIDENTIALITY, R,
          _nhs_scotland_data, nations=frozenset({S}), per_nation=True),
    RouteRule("ETH-ROUTE-CONFIDENTIALITY-NI", "route.confidentiality_northern_ireland",
          B.CONFIDENTIALITY, U, _without_consent, nations=frozenset({NI}), per_nation=True),
)  # fmt: skip

#: Facts the route rules read that the outcome never turns on (a what-if on one of them
#: needs only the routes worked out again, not the whole triage). Not whether the activity
#: is a trial of a medicine, nor health-related (which says whether it can be one): a trial
#: is research whatever the HRA questions say.
ROUTE_ONLY_FACTS: Final = frozenset(
    {
        Fact.NHS_PATIENTS,
        Fact.NHS_STAFF,
        Fact.ADULT_SOCIAL_CARE_USERS,
        Fact.CHILDRENS_SOCIAL_CARE_USERS,
        Fact.MAY_LACK_CAPACITY,
        Fact.IN_CUSTODY_OR_ON_PROBATION,
        Fact.HELD_IN_CUSTODY,
        Fact.NHS_PREMISES,
        Fact.PRISON_OR_PROBATION_SETTING,
        Fact.YOUTH_JUSTICE_SETTING,
        Fact.DEVICE_INVESTIGATION,
        Fact.IONISING_RADIATION,
        Fact.HUMAN_TISSUE_STORED,
        Fact.IDENTIFIABLE_PATIENT_DATA,
        Fact.PATIENT_DATA_WITHOUT_CONSENT,
        Fact.NHS_SCOTLAND_DATA,
        Fact.PERSONAL_DATA,
        Fact.LARGE_SCALE_SPECIAL_CATEGORY,
    }
)

#: The rule ids, which the guidance data must give citations for.
ROUTE_RULE_IDS: Final = tuple(rule.rule_id for rule in ROUTE_RULES)
