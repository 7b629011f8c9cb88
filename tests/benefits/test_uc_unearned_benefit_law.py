"""A lost week of Carer's Allowance and Universal Credit's unearned income: the law, by hand.

The question: when a fee costs a week of Carer's Allowance (CA) and the carer also gets
Universal Credit (UC), by how much does UC's unearned income fall, and in which assessment
period (AP)?

The law (Great Britain):

* UC Regs 2013 reg. 66(1)(b) counts "any of the following benefits to which the person is
  entitled" (JSA, ESA, CA, ...): entitlement, not payments received
  (https://www.legislation.gov.uk/uksi/2013/376/regulation/66).
* Reg. 73(1)-(2): "A person's unearned income is to be calculated as a monthly amount";
  "weekly payments are multiplied by 52 and divided by 12". The GB text has no rule for a
  period of unearned income that begins or ends inside an AP (Northern Ireland's reg. 73(3)
  has one, pro-rating by days; GB's reg. 73(3) is only about fluctuating amounts)
  (https://www.legislation.gov.uk/uksi/2013/376/part/6/chapter/3/crossheading/general/made;
  NI: https://legislation.gov.uk/nisr/2016/216/regulation/73/made).
* D&A Regs 2013 Sch. 1 para. 31: where "a member of their family, becomes entitled to
  another relevant benefit ..., ceases so to be entitled or the rate of another such benefit
  ... alters", the UC superseding decision "takes effect from ... the first day of the
  assessment period in which" that entitlement arises, ends or changes rate
  (https://www.legislation.gov.uk/uksi/2013/381/schedule/1/paragraph/31/data.html; para. 20
  is the general rule, the first day of the AP of the change).
* DWP practice (secondary): "a whole month's worth of that benefit /unearned income is
  included in the assessment regardless of how much the claimant ... received" (Housing
  Systems, https://www.housingsystems.co.uk/Universal-Credit/How-Much/Income/Benefits, CA
  awarded from 25 May counted as £64.60 × 52 / 12 for the whole AP from 12 May); CPAG's
  Early Warning System (March 2022) applies paras. 21 and 31 to CA starting.

So each AP counts the monthly equivalent of the weekly rate to which the carer is entitled
as the award stands after every change in that AP, which is the entitlement on the AP's last
day. A week lost inside an AP and resumed in it changes nothing for UC; a week lost across
an AP's last day takes the whole monthly equivalent out of that AP. (The library used to take
the weekly amount off the AP in which the lost week ends; it now follows this reading in
Great Britain.)

Rates, 2025/26 (``src/participatory/data/parameters/benefits/``): UC standard allowance,
single 25 or over, £400.14; child element (child born after 6 April 2017) £292.81; carer
element £201.68; higher work allowance £684 (``universal_credit.toml``). CA £83.30 a week,
earnings limit £196 (``carers_allowance.toml``); earnings over the limit in one week cost
the next week's allowance (ICA Regs 1976 reg. 8(1), as the library reads it).

Amira (as in test_knock_on_headroom_scenarios.py): single, 25 or over, gets CA (so the
carer element), one child born 1 March 2019; UC from 1 May 2025, so APs begin on the 1st.
Maximum amount = 400.14 + 292.81 + 201.68 = 894.63. CA counted = 83.30 × 52 / 12 =
360.9666... -> 360.97. UC with no fee = 894.63 - 360.97 = 533.66. Each fee below is £196.01,
under the £684 work allowance, so nothing is tapered: only the lost week matters.
"""

import datetime as dt

import pytest

from participatory.benefits import (
    Benefit,
    CarersAllowanceClaim,
    Child,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
)
from participatory.core.money import Money
from participatory.core.periods import DateRange

GBP = Money.gbp

JUNE_AP = DateRange(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
JULY_AP = DateRange(dt.date(2025, 7, 1), dt.date(2025, 7, 31))
MID_JUNE = dt.date(2025, 6, 10)  # Tuesday; CA week 9-15 June, so 16-22 June is lost
LATE_JUNE = dt.date(2025, 6, 24)  # Tuesday; CA week 23-29 June, so 30 June-6 July is lost


def amira() -> Household:
    return Household(
        people=[Person("amira", carers_allowance=CarersAllowanceClaim())],
        children=[Child(born_on=dt.date(2019, 3, 1))],
        universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
    )


def uc_rows(day: dt.date) -> dict[DateRange, tuple[Money, Money]]:
    result = assess_benefits(amira(), [Receipt("196.01", day, person="amira")])
    return {o.period: (o.before, o.after) for o in result.outcomes_for(Benefit.UNIVERSAL_CREDIT)}


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (MID_JUNE, DateRange(dt.date(2025, 6, 16), dt.date(2025, 6, 22))),
        (LATE_JUNE, DateRange(dt.date(2025, 6, 30), dt.date(2025, 7, 6))),
    ],
)
def test_the_fee_costs_the_next_carers_allowance_week_and_uc_starts_from_the_monthly_rate(
    day, week
):
    """The ground both readings share. £196.01 is over the £196 limit, so the next CA week
    goes (83.30 -> 0.00), and before the fee the June AP counts CA as 83.30 × 52 / 12 =
    360.97, so UC before = 894.63 - 360.97 = 533.66 (reg. 66(1)(b) with reg. 73(2)(a))."""
    result = assess_benefits(amira(), [Receipt("196.01", day, person="amira")])
    (ca,) = result.outcomes_for(Benefit.CARERS_ALLOWANCE)
    assert (ca.period, ca.before, ca.after) == (week, GBP("83.30"), GBP("0.00"))
    assert uc_rows(day)[JUNE_AP][0] == GBP("533.66")


def test_a_week_lost_and_resumed_inside_one_ap_leaves_universal_credit_unchanged():
    """Fee on Tuesday 10 June: CA entitlement ends with Sunday 15 June and arises again on
    Monday 23 June, both in the June AP. Each supersession takes effect from 1 June (Sch. 1
    para. 31(2)(a)(i)-(ii)); the later one restores CA at £83.30 a week, so the June AP
    still counts 83.30 × 52 / 12 = 360.97:

    UC after = 894.63 - 360.97 = 533.66 = UC before. The carer is £83.30 worse off, with
    nothing back from UC. (The old reading gave 894.63 - (360.97 - 83.30) = 616.96.)
    """
    before, after = uc_rows(MID_JUNE)[JUNE_AP]
    assert (before, after) == (GBP("533.66"), GBP("533.66"))


def test_a_week_lost_across_the_aps_last_day_takes_the_whole_month_of_ca_out_of_that_ap():
    """Fee on Tuesday 24 June: CA is lost for Monday 30 June - Sunday 6 July. Entitlement
    ends in the June AP (it ceases on 30 June) and arises again on 7 July, in the July AP.

    June AP: superseded from 1 June with no CA (para. 31(2)(a)(ii)); reg. 73 has no
    part-month rule in GB, so none of June's CA counts:
    UC after = 894.63 - 0.00 = 894.63 (up 360.97 on 533.66).
    July AP: CA arises again from 7 July, superseded from 1 July (para. 31(2)(a)(i)), a
    whole month counted: 894.63 - 360.97 = 533.66, unchanged.
    (The old reading gave June 533.66 -> 533.66 and July 533.66 -> 616.96.)
    """
    rows = uc_rows(LATE_JUNE)
    assert rows[JUNE_AP] == (GBP("533.66"), GBP("894.63"))
    assert JULY_AP not in rows or rows[JULY_AP][0] == rows[JULY_AP][1]


def _rule(check: object, rule_id: str) -> list[object]:
    return [f for f in check.findings if f.rule_id == rule_id]  # type: ignore[attr-defined]


def test_a_week_lost_inside_an_ap_is_said_not_to_be_made_up() -> None:
    """£196.01 on 10 June costs the CA week 16-22 June (£83.30), inside the June AP (1-30
    June): UC counts the rate on 30 June, when CA is paid again, so it makes none of it up,
    and the explanation says so, with the week, the AP and the £83.30."""
    from participatory.render.text import sentence

    check = assess_benefits(amira(), [Receipt(GBP("196.01"), MID_JUNE, person="amira")])
    (said,) = _rule(check, "BEN-UC-NOT-MADE-UP")
    assert said.values["lost"] == GBP("83.30")  # type: ignore[attr-defined]
    words = sentence(said, locale="en_GB", include_sensitive=True)  # type: ignore[arg-type]
    assert "16 June 2025 to 22 June 2025" in words
    assert "1 June 2025 to 30 June 2025" in words
    assert not _rule(check, "BEN-UC-KNOCK-ON")
    cited = {c.source.key for c in said.citations}  # type: ignore[attr-defined]
    assert cited == {"uc_regs_2013", "uc_da_regs_2013"}


def test_a_week_lost_across_the_aps_last_day_is_explained_as_a_month() -> None:
    """£196.01 on 24 June costs the CA week 30 June-6 July, which takes in 30 June: June
    counts no CA, £360.97 a month, and UC rises by it, to 894.63; the explanation gives the
    monthly figure and says why, and says nothing of a week not made up."""
    check = assess_benefits(amira(), [Receipt(GBP("196.01"), LATE_JUNE, person="amira")])
    (knock,) = _rule(check, "BEN-UC-KNOCK-ON")
    assert knock.message_key == "benefits.uc.knock_on_month"  # type: ignore[attr-defined]
    assert knock.values["lost"] == GBP("360.97")  # type: ignore[attr-defined]
    assert knock.values["after"] == GBP("894.63")  # type: ignore[attr-defined]
    assert not _rule(check, "BEN-UC-NOT-MADE-UP")


def test_northern_ireland_keeps_the_weeks_amount_and_its_own_words() -> None:
    """In Northern Ireland the library keeps the lost week's amount (£83.30) in the AP in
    which the week ends (NI Regs reg. 73(3) counts part of an AP by its days; its formula was
    not read): the June AP, for the week 16-22 June, with the old wording, and no finding
    about a week not made up."""
    from participatory.core.nations import Nation

    household = Household(
        # Northern Ireland's rate is given from the award letter (the library holds none).
        people=[Person("amira", carers_allowance=CarersAllowanceClaim(weekly_award=GBP("83.30")))],
        children=amira().children,
        universal_credit=amira().universal_credit,
        nation=Nation.NORTHERN_IRELAND,
    )
    check = assess_benefits(household, [Receipt(GBP("196.01"), MID_JUNE, person="amira")])
    (knock,) = _rule(check, "BEN-UC-KNOCK-ON")
    assert knock.message_key == "benefits.uc.knock_on"  # type: ignore[attr-defined]
    assert knock.values["lost"] == GBP("83.30")  # type: ignore[attr-defined]
    assert not _rule(check, "BEN-UC-NOT-MADE-UP")
