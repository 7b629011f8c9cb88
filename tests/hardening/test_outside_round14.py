"""An outside tester's fourteenth round: what the newest parts say by default, and odd input.

Each group attacks one promise of ``docs/concepts/hardening.md`` (who may see what; bad input
is the library's own error) or of a public docstring, as an outside caller would: a project
file's TOML refused without naming whose benefit; an ethics triage's (and a report's)
``repr`` the same whatever a group's safeguarding answer; a batch's columns and a payment
schedule saying nothing by default of who claims; a partner's statement without the other
partner's weeks of pay; a fund split between partners who are one holder; a wrong argument
to a reader or to the sources catalogue refused with the library's error.

Tests marked ``xfail(strict=True)`` state a promise that does not hold on the main branch of
this round; each one's reason says what is wrong. The unmarked ones held and guard new ground.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from participatory.assessment import assess
from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Household,
    HousingBenefitClaim,
    Person,
    plan_instalments,
)
from participatory.benefits.batch import assess_many
from participatory.benefits.receipts import Receipt
from participatory.budget import split_fund
from participatory.cli import main
from participatory.core.errors import ParticipatoryError, ValidationError
from participatory.core.limits import Limits
from participatory.core.money import Money
from participatory.core.sources import bundled_sources, cite
from participatory.ethics import Activity, EthicsProject, assess_activity, assess_ethics
from participatory.interchange import dumps, from_plain
from participatory.ledger import (
    ConsentRecord,
    Contributor,
    HouseholdRecord,
    Ledger,
    PaymentEntry,
    contributor_statement,
)
from participatory.project import ProjectFileError, parse_project

AS_AT = dt.date(2026, 12, 7)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


# ---------------------------------------------------------------------------------------------
# 1. A table declared twice inside a project's benefits

# Rose gets Pension Credit; the office pasted her claim's table a second time.
_ROSE_TWICE = """\
id = "pillow"
title = "Smart pillow workshops"

[benefits.rose]
people = [{ id = "rose", unaffected = ["state_pension"] }]

[benefits.rose.pension_credit]
weekly_award = "100.00 GBP"
disregard = "single"

[benefits.rose.pension_credit]
weekly_award = "100.00 GBP"
"""


_HEAD = 'id = "pillow"\ntitle = "Smart pillow workshops"\n'

# Kai's Housing Benefit given inline, then added to with a dotted key.
_KAI_DOTTED = (
    _HEAD
    + """
[benefits.kai]
people = [{ id = "kai" }]
housing_benefit = { weekly_award = "100.00 GBP" }
housing_benefit.supported_or_temporary = true
"""
)

# A safeguarding note about Amira, its table pasted twice.
_AMIRA_NOTE_TWICE = (
    _HEAD
    + """
[safeguarding_notes.amira]
note = "x"

[safeguarding_notes.amira]
note = "y"
"""
)


@pytest.mark.parametrize(
    ("document", "unsaid"),
    [
        (_ROSE_TWICE, ("rose", "pension_credit")),
        (_KAI_DOTTED, ("kai", "housing_benefit")),
        (_AMIRA_NOTE_TWICE, ("amira",)),
    ],
    ids=["pension-credit-twice", "dotted-into-inline", "safeguarding-note-twice"],
)
def test_a_table_given_twice_in_special_category_data_names_neither_person_nor_claim(
    document: str, unsaid: tuple[str, ...]
) -> None:
    """hardening.md, "errors": "a problem inside special-category data is counted, not
    described (its path would say whose data it is, and often what ...)" (everything inside
    a project's ``benefits`` or ``safeguarding_notes``), and a key given twice there "is
    reported at the nearest place outside, naming no key, because a key such as
    ``permitted_work`` says what a person claims". Round 13 made this hold for JSON. In a
    TOML project file, a table declared twice (or a dotted key into an inline table) is
    refused with tomli's own words quoted whole: "is not valid TOML (Cannot declare
    ('benefits', 'rose', 'pension_credit') twice (at line 11, column 30))", "Cannot mutate
    immutable namespace ('benefits', 'kai', 'housing_benefit')", "Cannot declare
    ('safeguarding_notes', 'amira') twice": Rose gets Pension Credit, Kai Housing Benefit,
    and there is a safeguarding note about Amira. The refusal should give the place (line
    and column) and name neither the person nor the claim."""
    with pytest.raises(ProjectFileError) as raised:
        parse_project(document, "toml")
    said = str(raised.value)
    assert "line" in said, said
    for word in unsaid:
        assert word not in said, said


def test_the_assess_command_does_not_say_whose_benefit_a_bad_toml_table_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same through the command line (``participatory --help``: status 2 and "one line
    on standard error"; hardening.md: details inside special-category data only with
    ``--include-sensitive``). ``participatory assess pillow.toml`` prints "pillow.toml: is
    not valid TOML (Cannot declare ('benefits', 'rose', 'pension_credit') twice ...)"."""
    project = tmp_path / "pillow.toml"
    project.write_text(_ROSE_TWICE, encoding="utf-8")
    status, out, said = _run(["assess", str(project), "--as-at", AS_AT.isoformat()], capsys)
    assert (status, out, said.count("\n")) == (2, "", 1), said
    assert "pension_credit" not in said, said
    assert "rose" not in said, said


# ---------------------------------------------------------------------------------------------
# 2. An ethics triage's repr and a group's safeguarding answers

_ACTIVITY_NO: dict[str, Any] = {
    "randomised": False,
    "changes_usual_care": False,
    "nhs_premises": False,
    "prison_or_probation_setting": False,
    "health_related": True,
    "clinical_trial_of_medicine": False,
    "identifiable_patient_data": False,
    "patient_data_without_consent": "not_applicable",
    "personal_data": False,
    "large_scale_special_category": "not_applicable",
    "approved_study_participants": False,
    "generalisable": True,
}
_GROUP_NO: dict[str, Any] = {
    "nhs_patients": False,
    "nhs_staff": False,
    "adult_social_care_users": False,
    "childrens_social_care_users": False,
    "may_lack_capacity": False,
    "in_custody_or_on_probation": False,
    "vulnerable": False,
    "under_18": False,
    "own_data_analysed": True,
    "consent_planned": True,
}


def _memory_cafe(fact: str, answer: bool) -> Activity:
    """A memory cafe's members interviewed for a study (research, in the community)."""
    group = {
        "label": "cafe members",
        "capacity": "research_participant",
        "tasks": ["provide_own_data"],
        "facts": {**_GROUP_NO, fact: answer},
    }
    document = {
        "id": "cafe-interviews",
        "setting": "community",
        "nations": ["england"],
        "facts": _ACTIVITY_NO,
        "parties": [group],
    }
    return from_plain(Activity, document)


@pytest.mark.parametrize(
    "fact", ["may_lack_capacity", "in_custody_or_on_probation", "under_18", "vulnerable"]
)
def test_a_triages_repr_is_the_same_whatever_a_groups_safeguarding_answer(fact: str) -> None:
    """hardening.md: "repr and str: a sensitive finding is ``Finding(<redacted>,
    sensitive=True)`` ... so a log line or a traceback of any result shows none of it", and a
    group's safeguarding answers (age, capacity, custody, vulnerability) are
    special-category. ``ActivityClassification``'s docstring: whether there is a shared copy
    "would say that a group may lack capacity, is in custody, vulnerable or under 18: never
    in ``repr``". Yet the repr (and str) of the triage itself, and of the project's summary,
    differ with the answer: with a yes they hold one to three ``Finding(<redacted>,
    sensitive=True)`` that a no never has, and for capacity or custody the university REC's
    warning disappears from them. So a log line of the result says the memory cafe's
    members may lack capacity. The default output (round 13) reads the same; the repr should
    too: the repr of what :meth:`shown` gives by default, or the question only."""
    triages = {
        answer: assess_activity(_memory_cafe(fact, answer), as_at=AS_AT) for answer in (True, False)
    }
    summaries = {
        answer: assess_ethics(EthicsProject("cafe", (_memory_cafe(fact, answer),)), as_at=AS_AT)
        for answer in (True, False)
    }
    # Not that the fact is ignored: the default copies already tell the two apart.
    assert triages[True] != triages[False]
    assert dumps(triages[True]) == dumps(triages[False])
    assert repr(triages[True]) == repr(triages[False])
    assert str(triages[True]) == str(triages[False])
    assert repr(summaries[True]) == repr(summaries[False])


_CAFE_PROJECT = """\
id = "memory-cafe"
title = "Memory cafe study"

[[activities]]
id = "cafe-interviews"
setting = "community"
nations = ["england"]
facts = {{ generalisable = true, randomised = false, changes_usual_care = false, \
health_related = true, identifiable_patient_data = false, personal_data = false, \
nhs_premises = false, prison_or_probation_setting = false, \
approved_study_participants = false }}
parties = [
  {{ label = "cafe members", capacity = "research_participant", tasks = ["provide_own_data"], \
facts = {{ own_data_analysed = true, consent_planned = true, may_lack_capacity = {capacity}, \
nhs_patients = false, nhs_staff = false, adult_social_care_users = false, \
childrens_social_care_users = false, in_custody_or_on_probation = false }} }},
]
"""


def test_a_reports_repr_is_the_same_whether_a_group_may_lack_capacity() -> None:
    """The same promise for the whole report (hardening.md: a log line or a traceback of any
    result shows none of the withheld data; ``GovernanceReport.shown``). Round 13 showed the
    default report reads the same in every format whether the memory cafe's members may
    lack capacity; but ``repr(assess(project))`` has 4 ``<redacted>`` markers with a yes and
    2 with a no, and the university REC's route finding only with the no. It should be the
    same either way, as ``repr(report.shown(include_sensitive=False))`` already is."""
    reports = {
        capacity: assess(
            parse_project(_CAFE_PROJECT.format(capacity=capacity), "toml"), as_at=AS_AT
        )
        for capacity in ("true", "false")
    }
    assert dumps(reports["true"]) == dumps(reports["false"])
    assert repr(reports["true"]) == repr(reports["false"])


# ---------------------------------------------------------------------------------------------
# 3. A batch's columns and who claims a benefit


def test_a_batchs_columns_say_by_default_nothing_of_who_claims_a_benefit() -> None:
    """``BatchColumns``: "Everything but ``case`` is sensitive: even a period's dates tell a
    weekly benefit from Universal Credit's monthly assessment periods"; hardening.md: who
    has special-category data "is itself special-category", and a field marked sensitive
    shows ``<redacted>`` in ``repr`` and is withheld by default serialisation. But ``case``
    is repeated once per benefit period of each household: a batch of Amira (Carer's
    Allowance) and Ben (no benefit), each paid £250 on 11 June 2025, has ``case=(0,)``
    in its repr and ``{"case": [0]}`` as its default JSON, so anyone reading a log sees
    that the first household claims a benefit and the second does not; swap who claims and
    it reads ``case=(1,)``. The two batches should read alike by default."""
    amira = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    ben = Household(people=[Person("ben")])
    paid = [Receipt("250.00", "2025-06-11")]
    first = assess_many([(amira, paid), (ben, paid)]).columns()
    second = assess_many([(ben, paid), (amira, paid)]).columns()
    # Not that the batches are alike: their columns differ, read with consent.
    assert first.as_dict() != second.as_dict()
    assert repr(first) == repr(second)
    assert dumps(first) == dumps(second)


def test_a_schedules_default_copies_say_nothing_of_whether_a_benefit_was_at_stake() -> None:
    """planning.py: the amounts an ``InstalmentPlan`` spreads "show where a benefit's limits
    lie, as a safe payment's amount does: withheld from reprs and default outputs alike";
    person-centred-view.md: whether a person's circumstances are held is itself sensitive,
    so a default copy shows "one withheld marker, however many of its findings are withheld
    (their number would say whether circumstances are held)". ``SafePayment`` and
    ``Headroom`` read alike for any household; a plan does not. £400 to Amira over 10 and 17
    June 2026: on Carer's Allowance (earnings limit £204 a week in 2026/27) at once it costs
    the week's £86.45, spread as £204 + £196 nothing, so the spread is chosen; with no
    benefit, one payment. The CA plan's repr holds 5 ``Finding(<redacted>)`` and a
    ``BEN-PLAN-TRADE-OFF`` advice (said only of a schedule of more than one payment), the
    other's 2 and none; the default JSON lists 5 withheld findings against 2. Both copies
    should read alike."""
    days = [dt.date(2026, 6, 10), dt.date(2026, 6, 17)]
    carer = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
    nothing = Household(people=[Person("amira")])
    plans = [plan_instalments(home, Money.gbp("400.00"), days) for home in (carer, nothing)]
    # Not that the plans are alike: the carer's is spread, the other is paid at once.
    assert [len(plan.instalments) for plan in plans] == [2, 1]
    assert repr(plans[0]) == repr(plans[1])
    assert dumps(plans[0]) == dumps(plans[1])


# ---------------------------------------------------------------------------------------------
# 3b. A partner's payment that changed nothing, on the other partner's statement


def _consent(person: str) -> ConsentRecord:
    return ConsentRecord(person, person, "2025-04-01", "benefits checks", "2027-03-31")


def test_a_partners_payment_that_changed_nothing_is_not_on_the_other_partners_statement() -> None:
    """``contributor_statement``: "a week or assessment period with nothing received, due or
    changed ... is left out"; person-centred-view.md: the person never sees "their
    partner's payments, except as they affect the joint award". Ann and Bo claim Housing
    Benefit together (£100.00 a week). Bo is paid £5.00 on Wednesday 10 June 2026, within a
    couple's £10 earnings disregard (HB Regs 2006 Sch. 4, £10 for a couple), so the award is £100.00
    before and after; Ann is paid £5.00 on 12 August. Ann's statement for 2026/27 lists the
    week of 8 to 14 June 2026, in which she received nothing, nothing is due and nothing
    changed, with the joint claim "£100.00, unchanged": it tells Ann the week her partner
    was paid. It should list only her own week of 10 to 16 August."""
    home = Household(
        people=[Person("ann"), Person("bo")],
        housing_benefit=HousingBenefitClaim(weekly_award=Money.gbp("100.00")),
    )
    book = Ledger(
        contributors=[Contributor("ann"), Contributor("bo")],
        households=[HouseholdRecord("h-1", home, [_consent("ann"), _consent("bo")])],
        payments=[
            PaymentEntry("bo-1", "bo", "5.00", "2026-06-10", payer="trust"),
            PaymentEntry("ann-1", "ann", "5.00", "2026-08-12", payer="uni"),
        ],
    )
    statement = contributor_statement(book, "ann", 2026, as_at=dt.date(2026, 4, 1))
    assert statement.checked
    assert statement.joint_by_benefit == {Benefit.HOUSING_BENEFIT: Money.gbp("0.00")}
    assert [week.period.start for week in statement.weeks] == [dt.date(2026, 8, 10)]


# ---------------------------------------------------------------------------------------------
# 4. A fund split between partners who are one holder


@pytest.mark.parametrize(
    "partners", [["McPin", "McPin "], ["McPin", ""]], ids=["trailing-space", "empty"]
)
def test_splitting_a_fund_refuses_partners_who_are_one_holder_or_none(
    partners: list[str],
) -> None:
    """``split_fund`` refuses a list that "names a partner twice" (ValidationError
    ``partners``), and money-distribution.md makes each part a line held by
    ``Holder.partner(name)``. ``Holder.partner`` strips its name and refuses an empty one,
    but ``split_fund`` compares the names as given: ``["McPin", "McPin "]`` (a name pasted
    from a spreadsheet) splits £9,000 into two £4,500 parts, which ``distribute`` then
    counts as one holder (HHI 1, one effective holder, where the office meant two partners
    or made a typing slip); ``["McPin", ""]`` gives £4,500 to no one, refused only later
    when its line is made. Both should be refused by ``split_fund`` itself, naming
    ``partners``."""
    with pytest.raises(ValidationError, match="partners"):
        split_fund(Money.gbp("9000.00"), partners)


# ---------------------------------------------------------------------------------------------
# 5. Wrong arguments to a reader's limits and to the sources catalogue


@pytest.mark.parametrize(
    "make",
    [
        lambda: Limits(depth=0),
        lambda: Limits(list_length="500"),  # type: ignore[arg-type]
        lambda: parse_project('{"id": "p", "title": "t"}', "json", limits=None),  # type: ignore[arg-type]
        lambda: parse_project('{"id": "p", "title": "t"}', "json", limits={"depth": 3}),  # type: ignore[arg-type]
    ],
    ids=["limits-zero", "limits-text", "parse-none", "parse-mapping"],
)
def test_a_wrong_limit_is_the_librarys_own_error(make: Any) -> None:
    """hardening.md: "Whatever a caller passes (a file, a JSON document, ``None`` or a wrong
    type to a main entry point), the result is a value or a ParticipatoryError that says
    what and where, never another exception"; the same page tells an embedding system to
    pass "its own limits". A limit of 0 or given as text raises a bare ``ValueError``, and
    ``parse_project(..., limits=None)`` (a caller's "use the defaults") an
    ``AttributeError`` from inside the reader. Each should be a ValidationError naming the
    limit (or ``limits``)."""
    with pytest.raises(ParticipatoryError):
        make()


@pytest.mark.parametrize(
    "look_up",
    [
        lambda catalogue: None in catalogue,
        lambda catalogue: catalogue.get(None),
        lambda catalogue: catalogue.passages(None),
        lambda _catalogue: cite(["uc_regs_2013"]),  # type: ignore[arg-type]
        lambda catalogue: catalogue.layered(None),
    ],
    ids=["in", "get", "passages", "cite-list", "layered-none"],
)
def test_looking_up_a_source_by_something_not_text_is_an_answer_or_the_librarys_error(
    look_up: Any,
) -> None:
    """``SourceCatalogue`` is a ``Mapping[str, Source]``: ``key in catalogue`` and
    ``catalogue.get(key)`` answer False and None for a key it does not hold (the Mapping
    protocol), and ``cite`` and ``resolve`` refuse a reference that is not text with
    UnknownSource ("a source reference must be text like 'document#passage'"). hardening.md:
    a wrong type gives "a value or a ParticipatoryError ..., never another exception". But
    ``None in bundled_sources()`` raises TypeError (the "did you mean" hint runs difflib on
    it), ``cite([...])`` raises TypeError: unhashable type (its cache hashes first), and
    ``layered(None)`` AttributeError."""
    catalogue = bundled_sources()
    try:
        answer = look_up(catalogue)
    except ParticipatoryError:
        return
    assert answer in (False, None)
