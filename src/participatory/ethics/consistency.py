"""Answers that must fit together, and the answers one fact implies for another.

A group cannot include children under 16 and, at the same time, nobody under 18; consent
cannot be "not applicable" for a group whose own data is analysed; confidential patient
information cannot be used without consent when no patient data is used at all; a clinical
trial of a medicine cannot be research that is not health-related. Such
contradictions are refused when the group or activity is built, naming the facts at fault
(never their answers: several are special-category data).

Some answers follow from others without guessing: a group with nobody under 18 has nobody
under 16 and nobody aged 16 or 17; an activity whose setting is the NHS takes place on NHS
premises. :func:`implied_answer` gives those.

>>> from participatory.ethics.facts import Facts
>>> implied_answer(Facts({"under_18": False}), Fact.UNDER_16)
<Answer.NO: 'no'>
>>> implied_answer(Facts({"aged_16_17": True}), Fact.UNDER_18)
<Answer.YES: 'yes'>
>>> check_party_answers(Facts({"under_18": False, "under_16": True}), tasks=(),
...                     capacity="public_contributor", path="facts")
Traceback (most recent call last):
...
participatory.core.errors.ValidationError: facts.under_16: contradicts under_18 (a group with nobody under 18 has nobody under 16 or aged 16 to 17)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from participatory.core.errors import ValidationError
from participatory.ethics.facts import Answer, Fact, Facts

__all__ = [
    "DATA_TASK_VALUES",
    "STUDIED_BY_DEFINITION",
    "check_activity_answers",
    "check_party_answers",
    "implied_answer",
]

_YOUNGER: Final = (Fact.UNDER_16, Fact.AGED_16_17)
#: Task values in which a group provides data or is studied directly.
DATA_TASK_VALUES: Final = frozenset({"provide_own_data", "take_part_in_intervention"})
#: Capacity values whose groups are studied whatever else is said about them.
STUDIED_BY_DEFINITION: Final = frozenset({"research_participant", "service_user"})


def implied_answer(facts: Facts, fact: Fact) -> Answer:
    """The answer to ``fact`` given in ``facts``, or the one the other age answers imply.

    Only ages imply anything here: under 18 is yes when either younger band is yes, and no
    when both are no; a no to under 18 is a no to both younger bands.
    """
    given = facts.get(fact)
    if given is not Answer.UNKNOWN:
        return given
    if fact is Fact.UNDER_18:
        younger = [facts.get(f) for f in _YOUNGER]
        if Answer.YES in younger:
            return Answer.YES
        if all(a is Answer.NO for a in younger):
            return Answer.NO
    elif fact in _YOUNGER and facts.get(Fact.UNDER_18) is Answer.NO:
        return Answer.NO
    return given


def check_party_answers(facts: Facts, *, tasks: Iterable[str], capacity: str, path: str) -> None:
    """Refuse a group's answers that contradict each other, its tasks or its capacity.

    ``tasks`` are the values of the group's tasks and ``capacity`` its capacity's value.
    """
    if facts.get(Fact.UNDER_18) is Answer.NO:
        for fact in _YOUNGER:
            if facts.get(fact) is Answer.YES:
                raise ValidationError(
                    f"{path}.{fact.value}",
                    "contradicts under_18",
                    hint="a group with nobody under 18 has nobody under 16 or aged 16 to 17",
                )
    _needs(
        facts,
        Fact.HELD_IN_CUSTODY,
        Fact.IN_CUSTODY_OR_ON_PROBATION,
        path,
        "people held in custody are in prison or on probation",
    )
    task_values = set(tasks)
    recruited = capacity in STUDIED_BY_DEFINITION
    provides = recruited or bool(task_values & DATA_TASK_VALUES)
    if provides and facts.get(Fact.OWN_DATA_ANALYSED) is Answer.NOT_APPLICABLE:
        raise ValidationError(
            f"{path}.own_data_analysed",
            "cannot be not applicable for a group that provides data or is studied",
            hint="answer yes, no or unknown",
        )
    studied = (
        recruited
        or "take_part_in_intervention" in task_values
        or facts.get(Fact.OWN_DATA_ANALYSED) is Answer.YES
    )
    if studied and facts.get(Fact.CONSENT_PLANNED) is Answer.NOT_APPLICABLE:
        raise ValidationError(
            f"{path}.consent_planned",
            "cannot be not applicable for a group that is studied",
            hint="answer yes, no or unknown: research participants are asked for consent",
        )


def _needs(facts: Facts, fact: Fact, needed: Fact, path: str, why: str) -> None:
    answer, base = facts.get(fact), facts.get(needed)
    if answer is Answer.YES and base.effective is Answer.NO:
        raise ValidationError(f"{path}.{fact.value}", f"contradicts {needed.value}", hint=why)
    if answer is Answer.NOT_APPLICABLE and base is Answer.YES:
        raise ValidationError(
            f"{path}.{fact.value}",
            f"cannot be not applicable when {needed.value} is yes",
            hint="answer yes, no or unknown",
        )


def check_activity_answers(
    facts: Facts, *, collects_data: bool, nhs_setting: bool, path: str
) -> None:
    """Refuse an activity's answers that contradict each other, its groups or its setting.

    ``collects_data`` is whether any group collects or analyses data; ``nhs_setting`` whether
    the activity's setting is the NHS.
    """
    if collects_data and facts.get(Fact.DATA_ABOUT_PEOPLE) is Answer.NOT_APPLICABLE:
        raise ValidationError(
            f"{path}.data_about_people",
            "cannot be not applicable when a group collects or analyses data",
            hint="answer yes, no or unknown",
        )
    if nhs_setting and facts.get(Fact.NHS_PREMISES).effective is Answer.NO:
        raise ValidationError(
            f"{path}.nhs_premises",
            "contradicts the setting",
            hint="an activity whose setting is the NHS takes place on NHS premises",
        )
    _needs(
        facts,
        Fact.PATIENT_DATA_WITHOUT_CONSENT,
        Fact.IDENTIFIABLE_PATIENT_DATA,
        path,
        "confidential patient information is identifiable patient data",
    )
    _needs(
        facts,
        Fact.LARGE_SCALE_SPECIAL_CATEGORY,
        Fact.PERSONAL_DATA,
        path,
        "special category data is personal data",
    )
    _needs(
        facts,
        Fact.CLINICAL_TRIAL_OF_MEDICINE,
        Fact.HEALTH_RELATED,
        path,
        "a clinical trial of a medicine is health-related research",
    )
    _needs(
        facts,
        Fact.DEVICE_INVESTIGATION,
        Fact.HEALTH_RELATED,
        path,
        "a clinical investigation of a medical device is health-related research",
    )
    _needs(
        facts,
        Fact.IONISING_RADIATION,
        Fact.HEALTH_RELATED,
        path,
        "an exposure to ionising radiation for research is medical or biomedical research, "
        "health-related",
    )
    _needs(
        facts,
        Fact.HUMAN_TISSUE_STORED,
        Fact.HEALTH_RELATED,
        path,
        "storing human tissue is licensed for research about the human body, health-related",
    )
    _needs(
        facts,
        Fact.YOUTH_JUSTICE_SETTING,
        Fact.PRISON_OR_PROBATION_SETTING,
        path,
        "a secure training centre, secure children's home or youth offending team is the "
        "prison or probation setting asked about",
    )
    _needs(
        facts,
        Fact.WITHIN_APPROVED_SCOPE,
        Fact.APPROVED_STUDY_PARTICIPANTS,
        path,
        "only an approved study has an approved scope",
    )
