""":mod:`participatory.benefits.engine`: unit tests.

The benefits engine's fast paths give exactly what the plain paths give.

``assess_many`` (the batch entry point), findings built without ``Finding``'s converters,
and numeric parameter look-ups remembered across checks exist only for speed (see
docs/howto/benchmarks.md); these tests pin that they change no answer.
"""

import datetime as dt
import gc
from decimal import Decimal

import pytest

from participatory.benefits import (
    CarersAllowanceClaim,
    Circumstances,
    EmploymentSupportAllowanceClaim,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    PensionCreditClaim,
    PermittedWork,
    Receipt,
    ReceiptKind,
    UnaffectedBenefit,
    UniversalCreditClaim,
    WorkCapability,
    assess_benefits,
    assess_many,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.params import bundled_parameters
from participatory.render.templates import message_keys
from participatory.render.text import sentence

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


def everything():
    return [
        Circumstances(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=dt.date(2025, 1, 31),
                capability=WorkCapability.LCWRA,
                children=3,
                carer_element=True,
                capital=GBP(5900),
            ),
            carers_allowance=CarersAllowanceClaim(),
            esa=EmploymentSupportAllowanceClaim(weekly_award=GBP(90)),
            legacy=LegacyClaim(LegacyBenefit.NEW_STYLE_JSA, weekly_award=GBP(90)),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), supported_or_temporary=True),
            unaffected={UnaffectedBenefit.PIP},
        ),
        Circumstances(
            pension_credit=PensionCreditClaim(weekly_award=GBP(30), savings_credit=True),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90), pension_age=True),
            carers_allowance=CarersAllowanceClaim(),
        ),
        Circumstances(
            legacy=LegacyClaim(
                LegacyBenefit.INCOME_RELATED_ESA, weekly_award=GBP(90), weekly_hours=20
            ),
            housing_benefit=HousingBenefitClaim(weekly_award=GBP(90)),
        ),
        Circumstances(legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(10))),
        Circumstances(
            universal_credit=UniversalCreditClaim(
                first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(5)
            )
        ),
    ]


RECEIPTS = [Receipt(GBP(a), TUESDAY, kind, hours=h) for a, kind, h in [
    (1000, ReceiptKind.INVOLVEMENT_FEE, 16),
    (30, ReceiptKind.VOUCHER, 0),
    (30, ReceiptKind.POT_FOR_GOODS, 0),
    (30, ReceiptKind.FLAT_RATE_EXPENSES, 0),
    (30, ReceiptKind.RECEIPTED_EXPENSES, 0),
    (500, ReceiptKind.GIFT, 0),
    (30, ReceiptKind.DECLINED_FEE, 0),
    (30, ReceiptKind.SELF_EMPLOYED_INVOICE, 0),
    (30, ReceiptKind.PAYROLL_EARNINGS, 0),
]]  # fmt: skip


def test_every_finding_renders_in_english():
    keys = set()
    for circumstances in everything():
        for result in (
            assess_benefits(circumstances, RECEIPTS),
            assess_benefits(circumstances, RECEIPTS[:1]),
        ):
            for finding in result.findings:
                text = sentence(finding, locale="en_GB")
                assert "{" not in text
                keys.add(finding.message_key)
                for action in finding.actions:
                    assert action in message_keys()
    assert len(keys) > 25


UC = Circumstances(
    universal_credit=UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), capability=WorkCapability.LCW
    ),
    carers_allowance=CarersAllowanceClaim(),
)


CARER = Circumstances(carers_allowance=CarersAllowanceClaim(benefit_week_start=3))


ESA = Circumstances(
    esa=EmploymentSupportAllowanceClaim(
        weekly_award=Money.gbp("92.05"), permitted_work=PermittedWork.HIGHER_LIMIT
    )
)


def _year(amount: str) -> tuple[Receipt, ...]:
    return tuple(
        Receipt(Money.gbp(amount), dt.date(2025, month, 10), hours=4) for month in range(4, 13)
    )


CASES = [(UC, _year("700.00")), (CARER, _year("196.01")), (ESA, _year("195.51")), (UC, ())]


def test_assess_many_gives_what_assess_benefits_gives_case_by_case():
    batch = assess_many(CASES)
    assert len(batch) == len(CASES)
    for (circumstances, receipts), result in zip(CASES, batch, strict=True):
        alone = assess_benefits(circumstances, receipts)
        assert result.outcomes == alone.outcomes
        assert result.findings == alone.findings
        assert result.kept == alone.kept


def test_assess_many_of_nothing_is_empty():
    assert assess_many([]) == ()


@pytest.mark.parametrize("enabled", [True, False])
def test_assess_many_leaves_the_garbage_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        assess_many(CASES[:1])
        assert gc.isenabled() is enabled
        with pytest.raises(ValidationError):
            assess_many([(UC, ()), ("not circumstances", ())])  # type: ignore[list-item]
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


def test_assess_many_uses_the_parameters_given():
    # Carer's Allowance earnings limit raised to £250 from 7 April 2025: £196.01 a week is
    # then within it, so nothing is lost (by hand: 196.01 <= 250).
    higher = bundled_parameters().with_value(
        "carers_allowance.earnings_limit",
        Decimal("250.00"),
        effective_from=dt.date(2025, 4, 7),
        source="What if: £250 limit",
    )
    (result,) = assess_many([(CARER, _year("196.01"))], parameters=higher)
    assert result.loss == Money.gbp(0)
    (baseline,) = assess_many([(CARER, _year("196.01"))])
    assert baseline.loss > Money.gbp(0)
