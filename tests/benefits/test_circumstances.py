""":mod:`participatory.benefits.circumstances`: unit tests."""

import datetime as dt
import json

import pytest

from participatory.benefits import (
    Circumstances,
    HousingBenefitClaim,
    LegacyBenefit,
    LegacyClaim,
    UniversalCreditClaim,
    assess_benefits,
    assess_payment,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.core.serialise import unstructure

GBP = Money.gbp


TUESDAY = dt.date(2025, 6, 10)


SENTINEL_AMOUNT = "7777.77"


def test_circumstances_never_show_sensitive_values():
    claim = UniversalCreditClaim(
        first_date_of_entitlement=dt.date(2025, 5, 1), current_award=GBP(SENTINEL_AMOUNT)
    )
    me = Circumstances(universal_credit=claim)
    result = assess_payment(me, GBP(100), TUESDAY)
    for text in (repr(me), str(me), repr(result), json.dumps(unstructure(me))):
        assert SENTINEL_AMOUNT not in text
    assert SENTINEL_AMOUNT not in json.dumps(unstructure(result))
    with pytest.raises(ValidationError) as caught:
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", current_award="-7777.77")
    assert "7777" not in str(caught.value)
    assert caught.value.path == "current_award"


def test_impossible_combinations_are_refused():
    uc = UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1))
    with pytest.raises(ValidationError, match="legacy"):
        Circumstances(
            universal_credit=uc,
            legacy=LegacyClaim(LegacyBenefit.INCOME_SUPPORT, weekly_award=GBP(50)),
        )
    with pytest.raises(ValidationError, match="housing_benefit"):
        Circumstances(universal_credit=uc, housing_benefit=HousingBenefitClaim(weekly_award=GBP(5)))
    with pytest.raises(ValidationError, match="housing_amount"):
        UniversalCreditClaim(first_date_of_entitlement="2025-05-01", housing_amount="500")
    with pytest.raises(ValidationError, match="receipts"):
        assess_benefits(Circumstances(), ["not a receipt"])
