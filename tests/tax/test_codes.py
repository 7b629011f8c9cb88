"""Tax codes parsed as HMRC prints them (GOV.UK "What the letters mean"; PAYE11085)."""

import pytest

from participatory.core.errors import ValidationError
from participatory.tax import CodeBasis, CodeKind, TaxCode, TaxRegime


@pytest.mark.parametrize(
    ("text", "regime", "kind", "number", "basis", "printed"),
    [
        ("1257L", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 1257, CodeBasis.CUMULATIVE, "1257L"),
        ("1257l w1", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 1257, CodeBasis.WEEK_1, "1257L W1"),
        ("1257L M1", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 1257, CodeBasis.MONTH_1, "1257L M1"),
        ("1257LX", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 1257, CodeBasis.X, "1257L X"),
        ("1257L/M1", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 1257, CodeBasis.MONTH_1, "1257L M1"),
        ("S1257L", TaxRegime.SCOTLAND, CodeKind.ALLOWANCE, 1257, CodeBasis.CUMULATIVE, "S1257L"),
        ("C1257L", TaxRegime.WALES, CodeKind.ALLOWANCE, 1257, CodeBasis.CUMULATIVE, "C1257L"),
        ("560T", TaxRegime.REST_OF_UK, CodeKind.ALLOWANCE, 560, CodeBasis.CUMULATIVE, "560T"),
        ("0T", TaxRegime.REST_OF_UK, CodeKind.NO_ALLOWANCE, 0, CodeBasis.CUMULATIVE, "0T"),
        ("S0T M1", TaxRegime.SCOTLAND, CodeKind.NO_ALLOWANCE, 0, CodeBasis.MONTH_1, "S0T M1"),
        ("C0T W1", TaxRegime.WALES, CodeKind.NO_ALLOWANCE, 0, CodeBasis.WEEK_1, "C0T W1"),
        ("K475", TaxRegime.REST_OF_UK, CodeKind.K, 475, CodeBasis.CUMULATIVE, "K475"),
        ("SK100 W1", TaxRegime.SCOTLAND, CodeKind.K, 100, CodeBasis.WEEK_1, "SK100 W1"),
        ("BR", TaxRegime.REST_OF_UK, CodeKind.FLAT_RATE, 0, CodeBasis.CUMULATIVE, "BR"),
        ("CBR", TaxRegime.WALES, CodeKind.FLAT_RATE, 0, CodeBasis.CUMULATIVE, "CBR"),
        ("D0", TaxRegime.REST_OF_UK, CodeKind.FLAT_RATE, 0, CodeBasis.CUMULATIVE, "D0"),
        ("CD1", TaxRegime.WALES, CodeKind.FLAT_RATE, 0, CodeBasis.CUMULATIVE, "CD1"),
        ("SD0", TaxRegime.SCOTLAND, CodeKind.FLAT_RATE, 0, CodeBasis.CUMULATIVE, "SD0"),
        ("NT", TaxRegime.REST_OF_UK, CodeKind.NO_TAX, 0, CodeBasis.CUMULATIVE, "NT"),
    ],
)
def test_codes_parse_and_print_as_hmrc_writes_them(text, regime, kind, number, basis, printed):
    code = TaxCode.parse(text)
    assert (code.regime, code.kind, code.number, code.basis) == (regime, kind, number, basis)
    assert str(code) == printed
    assert TaxCode.parse(str(code)) == code


@pytest.mark.parametrize(
    ("text", "band"),
    [("BR", "basic"), ("D0", "higher"), ("D1", "additional"), ("CD0", "higher"),
     ("SBR", "basic"), ("SD0", "intermediate"), ("SD1", "higher")],
)  # fmt: skip
def test_flat_rate_codes_name_their_band(text, band):
    assert TaxCode.parse(text).flat_band == band


def test_scottish_flat_rate_codes_are_marked_secondary():
    assert TaxCode.parse("SD1").secondary_only
    assert TaxCode.parse("SBR").secondary_only
    assert not TaxCode.parse("BR").secondary_only
    assert not TaxCode.parse("CD0").secondary_only


@pytest.mark.parametrize("text", ["SD2", "SD3", "sd2 m1"])
def test_scottish_d_codes_above_sd1_are_refused_as_unsettled(text):
    with pytest.raises(ValidationError, match="not settled by the sources read"):
        TaxCode.parse(text)


@pytest.mark.parametrize("text", ["", "L", "1257", "1257Q", "12345L", "0L", "K0", "D2", "BRX1",
                                  "1257L W2", "X1257L", 1257])  # fmt: skip
def test_nonsense_is_refused_with_the_field_named(text):
    with pytest.raises(ValidationError) as caught:
        TaxCode.parse(text)
    assert caught.value.path == "tax_code"


def test_nt_with_a_prefix_is_refused():
    with pytest.raises(ValidationError, match="NT code with an S or C prefix"):
        TaxCode.parse("SNT")


def test_non_cumulative_copy_and_core():
    code = TaxCode.parse("S1257L")
    assert str(code.non_cumulative(CodeBasis.WEEK_1)) == "S1257L W1"
    assert code.non_cumulative().core == "S1257L"
    with pytest.raises(ValidationError):
        code.non_cumulative(CodeBasis.CUMULATIVE)


def test_allowance_number_only_for_allowance_codes():
    assert TaxCode.parse("1257L").allowance_number == 1257
    assert TaxCode.parse("K475").allowance_number == 0
    assert TaxCode.parse("0T").allowance_number == 0
