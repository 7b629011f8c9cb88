import pytest

from participatory.render.i18n import catalogue, translate, untranslated


def test_welsh_catalogue_translates_known_texts_and_falls_back_to_english():
    assert translate("Findings", "cy") == "Canfyddiadau"
    assert translate("Findings", "en_GB") == "Findings"
    assert untranslated(["Findings", "Not in the catalogue"], "cy") == ["Not in the catalogue"]


def test_unsupported_locale_is_a_clear_error():
    with pytest.raises(ValueError, match="not supported"):
        catalogue("fr")
