"""Records the outside-attack tests share."""

#: A ledger household record (plain data): a carer on Universal Credit with earnings, and
#: her consent to checks until March 2027.
HOUSEHOLD = {
    "id": "h-a",
    "household": {
        "people": [{"id": "amira", "carers_allowance": {}, "monthly_earnings": "333.33 GBP"}],
        "universal_credit": {"first_date_of_entitlement": "2025-03-10"},
    },
    "consents": [
        {"person": "amira", "agreed_by": "amira", "agreed_on": "2025-04-01", "purpose": "checks",
         "retain_until": "2027-03-31"}
    ],
}  # fmt: skip
