""":mod:`participatory.benefits.law`: unit tests.

Every topic in ``data/benefit_law.toml`` cites a catalogue passage for each nation whose law
the library applies, and a nation without a reference is refused, never answered with
another nation's law.
"""

import pytest

from participatory.benefits.law import cite_law, law_references
from participatory.core.errors import UnsupportedCase
from participatory.core.nations import Nation
from participatory.core.sources import Citation

GREAT_BRITAIN = (Nation.ENGLAND, Nation.WALES, Nation.SCOTLAND)
TOPICS = sorted(law_references())
#: Scotland's own rules: no law for them in England or Wales.
SCOTLAND_ONLY = {
    "carers_allowance.scottish_supplement",
    "scottish_child_payment.qualifying_benefit",
}
#: Northern Ireland's own legislation for these is not modelled (the engine refuses the
#: benefits themselves there).
NOT_IN_NORTHERN_IRELAND = {
    topic
    for topic in TOPICS
    if topic.split(".")[0] in {"legacy", "housing_benefit", "pension_credit"}
    # Northern Ireland's own benefit cap is not applied (the check refers it).
    or topic.startswith("universal_credit.benefit_cap")
    # Northern Ireland's decisions and appeals regulations were not read: the elements
    # finding cites the GB rule only in Great Britain.
    or topic in ("universal_credit.changes_of_circumstances", "universal_credit.benefit_changes")
} | SCOTLAND_ONLY


def test_the_table_is_not_empty_and_names_every_benefit():
    families = {topic.split(".")[0] for topic in TOPICS}
    assert {
        "universal_credit",
        "carers_allowance",
        "esa",
        "legacy",
        "housing_benefit",
        "pension_credit",
    } <= families


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("nation", GREAT_BRITAIN)
def test_every_topic_resolves_in_great_britain(topic, nation):
    if topic in SCOTLAND_ONLY and nation is not Nation.SCOTLAND:
        with pytest.raises(UnsupportedCase):
            cite_law(topic, nation)
        return
    citation = cite_law(topic, nation)
    assert isinstance(citation, Citation)
    assert citation.source.key


@pytest.mark.parametrize("topic", TOPICS)
def test_northern_ireland_cites_its_own_law_or_refuses(topic):
    if topic in NOT_IN_NORTHERN_IRELAND:
        with pytest.raises(UnsupportedCase) as caught:
            cite_law(topic, Nation.NORTHERN_IRELAND)
        assert "Northern Ireland" in str(caught.value)
        return
    assert isinstance(cite_law(topic, Nation.NORTHERN_IRELAND), Citation)


def test_england_and_wales_share_great_britains_law():
    assert cite_law("universal_credit.taper", Nation.WALES) == cite_law(
        "universal_credit.taper", Nation.ENGLAND
    )
    assert cite_law("universal_credit.taper", Nation.WALES).source.key == "uc_regs_2013"


def test_a_nation_with_its_own_law_gets_it():
    """Carer Support Payment in Scotland; Northern Ireland's own UC regulations."""
    assert (
        cite_law("carers_allowance.earnings_limit", Nation.SCOTLAND).source.key
        != cite_law("carers_allowance.earnings_limit", Nation.ENGLAND).source.key
    )
    assert cite_law("universal_credit.taper", Nation.NORTHERN_IRELAND).source.key == (
        "uc_regs_ni_2016"
    )


def test_the_reading_of_the_earnings_limit_cites_the_preceding_week_rule():
    """The rewrite's Carer's Allowance rule rests on ICA Regs 1976 reg. 8(1)."""
    citation = cite_law("carers_allowance.earnings_limit", Nation.ENGLAND)
    assert citation.source.key == "ica_regs_1976"
    assert citation.pinpoint is not None
    assert "8" in citation.pinpoint


def test_an_unknown_topic_is_a_programming_error():
    with pytest.raises(KeyError, match="no benefit-law topic"):
        cite_law("universal_credit.no_such_rule", Nation.ENGLAND)
