"""Properties of tax codes."""

from hypothesis import given

from participatory.tax import TaxCode
from participatory.testing.tax import tax_codes


@given(tax_codes())
def test_a_code_prints_back_to_itself(code):
    assert TaxCode.parse(str(code)) == code
    assert TaxCode.parse(str(code).lower()) == code


@given(tax_codes())
def test_the_prefix_names_the_regime(code):
    assert str(code).startswith(code.prefix)
    assert code.core.startswith(code.prefix)
