"""Every ledger finding renders, in English and Welsh, and every ledger message is used."""

from __future__ import annotations

import datetime as dt

import attrs

from participatory.core.explain import Finding
from participatory.ledger import (
    Ask,
    Contributor,
    Ledger,
    assess_before_paying,
    assess_headroom,
    assess_over_asking,
    contributor_statement,
    erase_expired,
)
from participatory.render.templates import TEMPLATES
from participatory.render.text import sentence

from .conftest import carer_ledger, couple_ledger, fee

DAY = dt.date(2026, 1, 10)


def _findings() -> list[Finding]:
    river = fee("river-1", "amira", "150.00", "2026-01-13", project="river")
    carer = carer_ledger([river])
    found: list[Finding] = []
    for amount, day in (("150.00", "2026-01-14"), ("30.00", "2026-01-14"), ("1.00", "2026-01-20")):
        proposal = fee("p", "amira", amount, day, project="pillow")
        found += assess_before_paying(carer, proposal, as_at=DAY).findings
    found += assess_before_paying(
        carer, attrs.evolve(river, id="x", status="cancelled"), as_at=DAY
    ).findings
    found += assess_before_paying(carer, river, as_at=dt.date(2027, 6, 1)).findings
    nobody = Ledger(contributors=[Contributor("amira")])
    found += assess_before_paying(nobody, river, as_at=DAY).findings
    found += assess_before_paying(
        couple_ledger([fee("a", "ann", "500.00", "2025-06-10")]),
        fee("b", "bob", "100.00", "2025-06-12"), as_at=dt.date(2025, 6, 1),
    ).findings  # fmt: skip
    found += assess_headroom(carer, "amira", "2026-01-15", as_at=DAY).findings
    found += assess_headroom(carer, "amira", "2026-01-14", as_at=DAY, kind="gift").findings
    found += assess_headroom(
        carer_ledger([fee("big", "amira", "300.00", "2026-01-13")]), "amira", "2026-01-14",
        as_at=DAY,
    ).findings  # fmt: skip
    found += assess_headroom(nobody, "amira", "2026-01-15", as_at=DAY).findings
    found += assess_headroom(carer, "amira", "2027-04-01", as_at=dt.date(2027, 4, 1)).findings
    found += contributor_statement(carer, "amira", 2025, as_at=DAY).findings
    found += contributor_statement(nobody, "amira", 2025, as_at=DAY).findings
    found += contributor_statement(
        couple_ledger([fee("a", "ann", "500.00", "2025-06-10")]), "ann", 2025, as_at=DAY
    ).findings
    for scotland in ("scotland",):
        found += contributor_statement(
            carer_ledger([river], nation=scotland), "amira", 2025, as_at=DAY
        ).findings
    asks = [Ask(f"a{i}", f"p{i}", f"s{i}", DAY, person="amira") for i in range(13)]
    asks += [Ask("g", "p0", "s0", DAY, community="carers-north")]
    found += assess_over_asking(carer.with_entries(asks=asks), as_at=DAY).findings
    found += assess_over_asking(carer, as_at=DAY).findings
    found += erase_expired(carer, DAY).findings
    found += erase_expired(carer, dt.date(2027, 4, 1)).findings
    return found


def test_every_ledger_finding_renders_in_english_and_welsh() -> None:
    found = _findings()
    for finding in found:
        for locale in ("en_GB", "cy"):
            assert sentence(finding, locale=locale, include_sensitive=True)
            assert sentence(finding, locale=locale)
    used = {f.message_key for f in found}
    ours = {k for k in TEMPLATES if k.startswith("ledger.") and ".report." not in k}
    assert ours - used == set(), "a ledger message no scenario produces"
    assert {"ledger.statement.report.ca", "ledger.statement.report.csp",
            "ledger.statement.report.uc"} <= used  # fmt: skip


#: The placeholders of the ledger's templates whose values are ids.
_IDS = frozenset({"person", "payer", "project", "community", "contributor", "id", "payment"})


def test_no_ledger_sentence_opens_with_an_id() -> None:
    """A value opening a sentence is shown with a capital letter (a label: "Advisory group
    …"), but the ledger names people, payers, projects and communities by id, and "C1" can be
    another contributor than "c1": no ledger template, in English or Welsh, opens a sentence
    with one of them."""
    from participatory.render.i18n import translate
    from participatory.render.text import _openings

    ledger = {k: t for k, t in TEMPLATES.items() if k.startswith("ledger.")}
    assert ledger
    for key, english in ledger.items():
        for locale, text in (("en_GB", english), ("cy", translate(english, "cy"))):
            opened = _openings(text)
            fields = {field for _name, field in opened[1]} if opened else set()
            assert not fields & _IDS, (key, locale, text)
