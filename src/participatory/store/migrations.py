"""The SQLite ledger's schema, version by version.

Each :class:`Migration` takes the schema from the version before it to its own, and is applied
once, in its own transaction, with its version recorded in the ``schema_versions`` table. A
new version is added to the end of ``MIGRATIONS``, never by editing an applied one: a
ledger file made by an older library is brought up to date by ``participatory ledger init``.

Amounts are stored as text (``"150.00"``: exact, never a float), dates as ISO text. A
household's circumstances are one JSON document (special-category data).

>>> [m.version for m in MIGRATIONS]
[1]
"""

from __future__ import annotations

from typing import Final

import attrs

from participatory.core.record import Record

__all__ = ["LATEST", "MIGRATIONS", "VERSIONS_TABLE", "Migration"]

#: The table of applied versions.
VERSIONS_TABLE: Final = """
CREATE TABLE IF NOT EXISTS schema_versions (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL
)
"""


@attrs.frozen
class Migration(Record):
    """One step of the schema: its version, what it does, and its SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


#: Every schema version, in order: the first creates the tables.
MIGRATIONS: Final[tuple[Migration, ...]] = (
    Migration(
        1,
        "contributors, household circumstances with consents, payments and asks",
        (
            """CREATE TABLE contributors (
                id TEXT PRIMARY KEY,
                nation TEXT NOT NULL,
                communities TEXT NOT NULL
            )""",
            """CREATE TABLE households (
                id TEXT PRIMARY KEY,
                circumstances TEXT NOT NULL,
                recorded_on TEXT
            )""",
            """CREATE TABLE household_members (
                household TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                person TEXT NOT NULL UNIQUE,
                PRIMARY KEY (household, position)
            )""",
            """CREATE TABLE consents (
                household TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                person TEXT NOT NULL,
                agreed_by TEXT NOT NULL,
                agreed_on TEXT NOT NULL,
                purpose TEXT NOT NULL,
                retain_until TEXT NOT NULL,
                basis TEXT NOT NULL,
                withdrawn_on TEXT,
                PRIMARY KEY (household, position)
            )""",
            """CREATE TABLE payments (
                id TEXT PRIMARY KEY,
                person TEXT NOT NULL REFERENCES contributors(id),
                amount TEXT NOT NULL,
                currency TEXT NOT NULL,
                received_on TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                payer TEXT NOT NULL,
                project TEXT,
                hours TEXT NOT NULL,
                worked_on TEXT,
                reference TEXT
            )""",
            "CREATE INDEX payments_by_person ON payments (person, received_on)",
            """CREATE TABLE asks (
                id TEXT PRIMARY KEY,
                project TEXT NOT NULL,
                activity TEXT NOT NULL,
                asked_on TEXT NOT NULL,
                person TEXT REFERENCES contributors(id),
                community TEXT,
                CHECK ((person IS NULL) <> (community IS NULL))
            )""",
            "CREATE INDEX asks_by_day ON asks (asked_on)",
            "CREATE INDEX asks_by_person ON asks (person)",
        ),
    ),
)

#: The version a store made by this library is at.
LATEST: Final = MIGRATIONS[-1].version
