"""Write year-of-payments.csv: a synthetic year of payments to 40 public contributors.

Nobody in it is real. Each contributor has a benefits profile (named in the ``profile``
column; the notebook "A year of payments" turns each into a household) and is paid fees
for meetings and workshops at £27.50 an hour, receipted travel expenses and the odd
voucher, between 7 April 2025 and 20 March 2026. The figures come from a seeded random
generator, so running this again writes the same file:

    python docs/notebooks/data/make_year_of_payments.py

A test checks that the committed CSV is what this script writes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
OUTPUT = HERE / "year-of-payments.csv"
SEED = 2025
FIRST_DAY = dt.date(2025, 4, 7)
LAST_DAY = dt.date(2026, 3, 20)  # every UC assessment period then starts within the data
HOURLY = Decimal("27.50")
# (profile, how many contributors have it)
PROFILES = (
    ("universal_credit", 8),
    ("universal_credit_work_allowance", 7),
    ("carers_allowance", 7),
    ("esa_permitted_work", 6),
    ("income_support", 4),
    ("pip_only", 4),
    ("no_benefits", 4),
)
COLUMNS = ("payment_id", "contributor", "profile", "uc_first_day", "received_on", "amount", "kind")


def rows() -> list[dict[str, str]]:
    """Every payment, in contributor and date order."""
    chance = random.Random(SEED)
    days = (LAST_DAY - FIRST_DAY).days
    out: list[dict[str, str]] = []
    number = 0
    for profile, count in PROFILES:
        for _ in range(count):
            number += 1
            contributor = f"C{number:02d}"
            uc_first_day = ""
            if profile.startswith("universal_credit"):
                uc_first_day = dt.date(
                    2024, chance.randint(1, 12), chance.randint(1, 28)
                ).isoformat()
            payments = []
            for _ in range(chance.randint(4, 14)):
                day = FIRST_DAY + dt.timedelta(days=chance.randint(0, days))
                hours = chance.choice((1, 2, 2, 3, 3, 4, 6, 7, 8, 10))
                payments.append((day, HOURLY * hours, "fee"))
                if chance.random() < 0.5:
                    travel = Decimal(chance.randint(400, 4200)) / 100
                    payments.append((day, travel, "expense_receipted"))
                if chance.random() < 0.1:
                    payments.append((day, Decimal(chance.choice((25, 50))), "voucher"))
            for day, amount, kind in sorted(payments):
                number_in_file = len(out) + 1
                out.append(
                    {
                        "payment_id": f"P{number_in_file:04d}",
                        "contributor": contributor,
                        "profile": profile,
                        "uc_first_day": uc_first_day,
                        "received_on": day.isoformat(),
                        "amount": f"{amount:.2f}",
                        "kind": kind,
                    }
                )
    return out


def csv_text() -> str:
    """The file's text."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows())
    return buffer.getvalue()


if __name__ == "__main__":
    OUTPUT.write_text(csv_text(), encoding="utf-8")
    print(f"wrote {OUTPUT}")
