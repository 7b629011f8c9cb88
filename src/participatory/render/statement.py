"""A contributor statement for the person it is about: plain text, accessible HTML or JSON.

:func:`render_statement` writes a :class:`~participatory.ledger.ContributorStatement` in
English (``en_GB``) or Welsh (``cy``). It is the person's own statement, so it shows their
figures and every sentence whole. The HTML page needs nothing else (inline style, no
scripts), names its language, puts headings in order and every figure in a table with header
cells and a caption, and never relies on colour.

A couple's joint claim (:attr:`~participatory.ledger.BenefitLine.joint`) is the household's,
not the person's: its lines say so, and its change in each period and in the year is a row (in
HTML a column of the period's table; in JSON ``joint_change``) of its own, after what the
person kept and not counted in it. A statement with no joint claim reads as it always has.

The Welsh text of the statement was machine translated and has not yet been reviewed by a
Welsh speaker (:data:`WELSH_REVIEWED`): a Welsh statement says so at the top, and the
entries in the catalogue carry the same note.

>>> import datetime as dt
>>> from participatory.benefits import CarersAllowanceClaim, Household, Person
>>> from participatory.ledger import ConsentRecord, Contributor, HouseholdRecord, Ledger
>>> from participatory.ledger import PaymentEntry, contributor_statement
>>> agreed = ConsentRecord("amira", "amira", "2025-04-01", "benefits checks", "2027-03-31")
>>> book = Ledger(contributors=[Contributor("amira")],
...     households=[HouseholdRecord("h-1", Household(people=[Person("amira",
...                 carers_allowance=CarersAllowanceClaim())]), [agreed])],
...     payments=[PaymentEntry("r-1", "amira", "150.00", "2026-01-13", payer="uni"),
...               PaymentEntry("p-1", "amira", "150.00", "2026-01-14", payer="trust")])
>>> year = contributor_statement(book, "amira", 2025, as_at=dt.date(2026, 4, 30))
>>> print(render_statement(year, format="text", locale="en_GB"))  # doctest: +ELLIPSIS
Your payments and benefits: tax year 2025/26
============================================
Statement for amira, made on 30 April 2026.
<BLANKLINE>
The year
--------
Received: £300.00
Still due: £0.00
Change in your benefits: -£83.30
What you kept: £216.70
...
>>> render_statement(year, format="html", locale="cy").splitlines()[1]
'<html lang="cy">'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from typing import Any, Final, Literal

from participatory.benefits.kinds import Benefit
from participatory.core.errors import ValidationError
from participatory.core.explain import Finding
from participatory.core.money import Money
from participatory.core.nations import Nation
from participatory.core.serialise import money_text, unstructure
from participatory.ledger.statement import (
    BenefitLine,
    ContributorStatement,
    StatementPeriod,
)
from participatory.render.html import PALETTE
from participatory.render.text import format_value, sentence, text

__all__ = ["WELSH_REVIEWED", "render_statement", "statement_data"]

#: Whether a Welsh speaker has reviewed the statement's Welsh text. While false, a Welsh
#: statement says it was machine translated.
WELSH_REVIEWED: Final = False

Format = Literal["text", "html", "json"]


def _w(key: str, locale: str, **values: object) -> str:
    template = text(f"render.statement.{key}", locale)
    return template.format_map({k: format_value(v, locale) for k, v in values.items()})


def _benefit(benefit: Benefit, nation: Nation, locale: str) -> str:
    key = benefit.value
    if benefit is Benefit.CARERS_ALLOWANCE and nation is Nation.SCOTLAND:
        key = "carer_support_payment"
    return _w(f"benefit.{key}", locale)


def _line(line: BenefitLine, nation: Nation, locale: str) -> str:
    # A joint claim's line says whose change it is: the household's, not the person's.
    kind = "line_joint" if line.joint else "line"
    if line.before == line.after:
        return _w(
            f"{kind}_unchanged", locale, benefit=_benefit(line.benefit, nation, locale),
            before=line.before,
        )  # fmt: skip
    return _w(
        f"{kind}_cliff" if line.cliff else kind,
        locale,
        benefit=_benefit(line.benefit, nation, locale),
        before=line.before,
        after=line.after,
        change=line.change,
    )


def _joint(statement: ContributorStatement) -> bool:
    """Whether the statement has a couple's joint claim, reported apart from the person's own."""
    return bool(statement.joint_by_benefit)


def _has_joint(period: StatementPeriod) -> bool:
    return any(line.joint for line in period.benefits)


def _year(statement: ContributorStatement) -> list[tuple[str, Money]]:
    """The year's totals by label key: a joint claim's change after, and apart from, ``kept``."""
    year = [("received", statement.received), ("due", statement.due)]
    if not statement.checked:
        return year
    if not _joint(statement):
        return [*year, ("change", statement.change), ("kept", statement.kept)]
    return [
        *year,
        ("change_own", statement.change),
        ("kept", statement.kept),
        ("joint_change", statement.joint_change),
    ]


def _range(period: StatementPeriod, locale: str) -> str:
    return _w("range", locale, start=period.period.start, end=period.period.end)


def _sentences(findings: Iterable[Finding], locale: str) -> list[str]:
    # The person's own statement: their figures are theirs to read.
    return [sentence(f, locale=locale, include_sensitive=True) for f in findings]


def _duties(statement: ContributorStatement) -> list[Finding]:
    return [f for f in statement.findings if f.rule_id.startswith(("LEDGER-REPORT", "BEN-REPORT"))]


def _summary(statement: ContributorStatement) -> list[Finding]:
    return [f for f in statement.findings if f.rule_id == "LEDGER-STATEMENT-YEAR"]


def _about(statement: ContributorStatement) -> list[Finding]:
    shown = {id(f) for f in (*_duties(statement), *_summary(statement))}
    return [f for f in statement.findings if id(f) not in shown]


def _notices(locale: str) -> list[str]:
    if locale == "cy" and not WELSH_REVIEWED:
        return [_w("welsh_unreviewed", locale)]
    return []


def _underline(heading: str, mark: str) -> list[str]:
    return [heading, mark * len(heading)]


def _text(statement: ContributorStatement, locale: str) -> str:
    title = _w("title", locale, year=str(statement.tax_year))
    out = [*_underline(title, "=")]
    out.append(_w("for", locale, person=statement.person, day=statement.as_at))
    out += _notices(locale)
    out += ["", *_underline(_w("year", locale), "-")]
    out += [
        f"{_w(key, locale)}: {format_value(amount, locale)}" for key, amount in _year(statement)
    ]
    out += _sentences(_summary(statement), locale)
    for heading, periods in (("weeks", statement.weeks), ("periods", statement.assessment_periods)):
        if heading == "periods" and not periods:
            continue
        out += ["", *_underline(_w(heading, locale), "-")]
        if not periods:
            out.append(_w("none", locale))
        for period in periods:
            out.append(_range(period, locale))
            if period.received.amount or period.due.amount:
                out.append(
                    f"  {_w('received', locale)}: {format_value(period.received, locale)}; "
                    f"{_w('due', locale)}: {format_value(period.due, locale)}"
                )
            out += [f"  {_line(line, statement.nation, locale)}" for line in period.benefits]
            if _has_joint(period):
                out.append(
                    f"  {_w('joint_column', locale)}: {format_value(period.joint_change, locale)}"
                )
    for heading, findings in (("duties", _duties(statement)), ("about", _about(statement))):
        if findings:
            out += ["", *_underline(_w(heading, locale), "-")]
            out += [f"- {s}" for s in _sentences(findings, locale)]
    return "\n".join(out)


def _e(value: str) -> str:
    return escape(value, quote=True)


_STYLE: Final = f"""
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5;
  color: {PALETTE["text"]}; background: #ffffff; margin: 0; }}
main {{ max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }}
h2 {{ margin-top: 2rem; border-bottom: 2px solid #d0d0d0; }}
.notice {{ border: 2px solid {PALETTE["text"]}; padding: 0.5rem 0.75rem; }}
table {{ border-collapse: collapse; width: 100%; }}
caption {{ text-align: left; font-weight: 600; padding-bottom: 0.25rem; }}
th, td {{ text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid #d0d0d0;
  vertical-align: top; }}
td.money {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
a:focus {{ outline: 3px solid #ffbf47; }}
"""


def _money_cell(amount: Money, locale: str) -> str:
    return f'<td class="money">{_e(format_value(amount, locale))}</td>'


def _joint_cell(period: StatementPeriod, locale: str) -> str:
    # Empty where the period has no joint line: its joint claim was not assessed there.
    return _money_cell(period.joint_change, locale) if _has_joint(period) else "<td></td>"


def _table(
    statement: ContributorStatement, periods: tuple[StatementPeriod, ...], key: str, locale: str
) -> list[str]:
    heading = _w(key, locale)
    out = [f"<h2>{_e(heading)}</h2>"]
    if not periods:
        return [*out, f"<p>{_e(_w('none', locale))}</p>"]
    columns = ["period", "received", "due", "benefits", "kept"]
    # The joint claim's change is its own column, after and apart from what the person kept;
    # only in a table that has a joint line, so a single person's page is as it was.
    joint = any(_has_joint(period) for period in periods)
    if joint:
        columns.append("joint_column")
    out += ["<table>", f"<caption>{_e(heading)}</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{_e(_w(c, locale))}</th>' for c in columns]
    out += ["</tr></thead>", "<tbody>"]
    for period in periods:
        lines = "<br>".join(_e(_line(line, statement.nation, locale)) for line in period.benefits)
        out.append(
            f'<tr><th scope="row">{_e(_range(period, locale))}</th>'
            f"{_money_cell(period.received, locale)}{_money_cell(period.due, locale)}"
            f"<td>{lines}</td>{_money_cell(period.kept, locale)}"
            + (_joint_cell(period, locale) if joint else "")
            + "</tr>"
        )
    return [*out, "</tbody>", "</table>"]


def _html(statement: ContributorStatement, locale: str) -> str:
    title = _w("title", locale, year=str(statement.tax_year))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"cy" if locale == "cy" else "en-GB"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(_w('for', locale, person=statement.person, day=statement.as_at))}</p>",
    ]
    out += [f'<p class="notice" role="note">{_e(n)}</p>' for n in _notices(locale)]
    year = _year(statement)
    heading = _w("year", locale)
    out += [f"<h2>{_e(heading)}</h2>", "<table>", f"<caption>{_e(heading)}</caption>", "<tbody>"]
    out += [
        f'<tr><th scope="row">{_e(_w(key, locale))}</th>{_money_cell(amount, locale)}</tr>'
        for key, amount in year
    ]
    out += ["</tbody>", "</table>"]
    out += [f"<p>{_e(s)}</p>" for s in _sentences(_summary(statement), locale)]
    out += _table(statement, statement.weeks, "weeks", locale)
    if statement.assessment_periods:
        out += _table(statement, statement.assessment_periods, "periods", locale)
    for key, findings in (("duties", _duties(statement)), ("about", _about(statement))):
        if findings:
            out += [f"<h2>{_e(_w(key, locale))}</h2>", "<ul>"]
            out += [f"<li>{_e(s)}</li>" for s in _sentences(findings, locale)]
            out.append("</ul>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _amount(money: Money) -> str:
    return money_text(money.quantize())


def _period_data(period: StatementPeriod, *, joint: bool) -> dict[str, Any]:
    # The joint fields are in a joint claimant's statement only, so a single person's data
    # is as it was; there, every period and line has them, whether or not it has a joint line.
    return {
        "start": period.period.start.isoformat(),
        "end": period.period.end.isoformat(),
        "received": _amount(period.received),
        "due": _amount(period.due),
        "change": _amount(period.change),
        "kept": _amount(period.kept),
        **({"joint_change": _amount(period.joint_change)} if joint else {}),
        "benefits": [
            {
                "benefit": line.benefit.value,
                "person": line.person,
                "start": line.period.start.isoformat(),
                "end": line.period.end.isoformat(),
                "before": _amount(line.before),
                "after": _amount(line.after),
                "change": _amount(line.change),
                "cliff": line.cliff,
                **({"joint": line.joint} if joint else {}),
            }
            for line in period.benefits
        ],
    }


def statement_data(statement: ContributorStatement, locale: str) -> dict[str, Any]:
    """The statement as JSON-ready data, every sentence in ``locale`` (the person's data).

    ``change``, ``kept`` and ``by_benefit`` are the person's own. A couple's statement adds
    ``joint_change`` and ``joint_by_benefit``: the change payments to either partner made to
    their joint claims, the household's, the same on both partners' statements and never in
    ``kept``; each period has its ``joint_change`` and each benefit line says whether it is
    ``joint``.
    """
    joint = _joint(statement)
    return {
        "person": statement.person,
        "tax_year": str(statement.tax_year),
        "as_at": statement.as_at.isoformat(),
        "locale": locale,
        "checked": statement.checked,
        "received": _amount(statement.received),
        "due": _amount(statement.due),
        "change": _amount(statement.change),
        "kept": _amount(statement.kept),
        "by_benefit": {b.value: _amount(m) for b, m in sorted(
            statement.by_benefit.items(), key=lambda item: item[0].value)},
        **({
            "joint_change": _amount(statement.joint_change),
            "joint_by_benefit": {b.value: _amount(m) for b, m in sorted(
                statement.joint_by_benefit.items(), key=lambda item: item[0].value)},
        } if joint else {}),
        "weeks": [_period_data(p, joint=joint) for p in statement.weeks],
        "assessment_periods": [
            _period_data(p, joint=joint) for p in statement.assessment_periods
        ],
        "notices": _notices(locale),
        "findings": [
            {
                **unstructure(f, include_sensitive=True),
                "sentence": sentence(f, locale=locale, include_sensitive=True),
            }
            for f in statement.findings
        ],
    }  # fmt: skip


def render_statement(
    statement: ContributorStatement, *, format: Format = "text", locale: str = "en_GB"
) -> str:
    """The statement as plain text, an HTML page or JSON, in ``locale`` (``en_GB`` or ``cy``)."""
    if not isinstance(statement, ContributorStatement):
        raise ValidationError("statement", "must be a ContributorStatement")
    if format == "text":
        return _text(statement, locale)
    if format == "html":
        return _html(statement, locale)
    if format == "json":
        return json.dumps(statement_data(statement, locale), indent=2, ensure_ascii=False)
    raise ValidationError("format", "must be text, html or json")
