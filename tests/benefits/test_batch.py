""":mod:`participatory.benefits.batch`: unit tests.

A batch is the results in the order of its cases, and a columnar summary built from the
numbers alone: one row per household and period, amounts in pence.
"""

import datetime as dt
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participatory.benefits import (
    BatchColumns,
    Benefit,
    BenefitsBatch,
    CarersAllowanceClaim,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_many,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money
from participatory.interchange import dumps, to_plain
from participatory.testing import benefits as bs

GBP = Money.gbp
CARER = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
UC = Household(
    people=[Person("ben")],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
)


def batch() -> BenefitsBatch:
    """Case 0: the carer's £250 on Wednesday 11 June 2025 (over £196) costs the week 16-22
    June, £83.30 = 8330p, a cliff; case 1: £50 costs nothing; case 2: UC with no work
    allowance, £100 in the AP 1-30 June: 55% = £55.00 = 5500p off, no cliff."""
    return assess_many(
        [
            (CARER, [Receipt("250.00", "2025-06-11")]),
            (CARER, [Receipt("50.00", "2025-06-11")]),
            (UC, [Receipt("100.00", "2025-06-11")]),
        ]
    )


def test_columns_have_one_row_per_household_and_period():
    cols = batch().columns()
    assert len(cols) == 3
    assert cols.case == (0, 1, 2)
    assert cols.benefit == ("carers_allowance", "carers_allowance", "universal_credit")
    assert cols.person == ("amira", "amira", None)
    assert cols.period_start == (dt.date(2025, 6, 16), dt.date(2025, 6, 16), dt.date(2025, 6, 1))
    assert cols.period_end == (dt.date(2025, 6, 22), dt.date(2025, 6, 22), dt.date(2025, 6, 30))
    assert cols.before_pence == (8330, 8330, 40014)
    assert cols.after_pence == (0, 8330, 34514)
    assert cols.change_pence == (-8330, 0, -5500)
    assert cols.counted_pence == (25000, 5000, 10000)
    assert cols.cliff == (True, False, False)


def test_columns_agree_with_the_results():
    results = batch()
    cols = results.columns()
    outcomes = [o for result in results for o in result.outcomes]
    assert len(outcomes) == len(cols)
    for row, outcome in enumerate(outcomes):
        assert cols.change_pence[row] == outcome.change.amount * 100
        assert cols.before_pence[row] == outcome.before.amount * 100


def test_as_dict_names_every_column():
    assert set(batch().columns().as_dict()) == {
        "case",
        "benefit",
        "person",
        "period_start",
        "period_end",
        "before_pence",
        "after_pence",
        "change_pence",
        "counted_pence",
        "cliff",
    }


def test_the_columns_never_show_whose_benefit_or_how_much():
    text = repr(batch().columns())
    for secret in ("8330", "carers_allowance", "amira"):
        assert secret not in text
    # Not even which household each row is of: that says who claims (TRY14-3).
    assert "case=<redacted>" in text


@pytest.mark.parametrize(("library", "method"), [("pandas", "to_pandas"), ("polars", "to_polars")])
def test_a_dataframe_without_its_library_is_a_validation_error(monkeypatch, library, method):
    monkeypatch.setitem(sys.modules, library, None)  # importing it now raises ImportError
    with pytest.raises(ValidationError) as caught:
        getattr(batch().columns(), method)()
    assert caught.value.path == library
    assert "pip install" in caught.value.problem


def test_a_batch_is_a_sequence_in_the_order_of_its_cases():
    results = batch()
    assert len(results) == 3
    assert results[0].change(Benefit.CARERS_ALLOWANCE) == GBP("-83.30")
    assert [r.paid for r in results[1:]] == [GBP(50), GBP(100)]
    assert [r.paid for r in results] == [GBP(250), GBP(50), GBP(100)]
    assert repr(results) == "<BenefitsBatch of 3 results>"
    assert isinstance(results.columns(), BatchColumns)


def test_a_bad_case_is_named_by_its_position():
    with pytest.raises(ValidationError) as caught:
        assess_many([(CARER, []), CARER])  # type: ignore[list-item]
    assert caught.value.path == "cases[1]"
    with pytest.raises(ValidationError) as inner:
        assess_many([(CARER, []), (CARER, [Receipt("1.00", "2025-06-11", person="zed")])])
    assert inner.value.path == "cases[1].receipts[0].person"


def test_the_garbage_collector_stays_on_in_other_threads_throughout_a_large_batch() -> None:
    """A library changes no process-wide state: while 5,000 households are checked, another
    thread (a web server's, say) sees the garbage collector enabled every time it looks, and
    its thresholds are as they were."""
    import gc
    import threading

    thresholds = gc.get_threshold()
    seen: list[bool] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.append(gc.isenabled())
            done.wait(0.0005)

    cases = [
        (CARER if i % 2 else UC, [Receipt(f"{100 + i % 200}.00", dt.date(2025, 6, 1 + i % 28))])
        for i in range(5000)
    ]
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        results = assess_many(cases)
    finally:
        done.set()
        watcher.join()
    assert len(results) == 5000
    assert seen
    assert all(seen)
    assert gc.isenabled()
    assert gc.get_threshold() == thresholds


def test_a_batch_has_a_plain_form_that_withholds_every_result_unless_asked():
    """Each result is written as a check on its own is: withheld whole by default (that a
    household was checked says it gets benefits), in full when sensitive data is asked for."""
    from participatory.interchange import dumps, to_plain

    results = batch()
    plain = to_plain(results)
    assert len(plain["results"]) == 3
    assert all(result["withheld"] is True for result in plain["results"])
    assert "8330" not in dumps(results)
    assert "83.30" not in dumps(results)
    full = to_plain(results, include_sensitive=True)
    assert full["results"] == [to_plain(check, include_sensitive=True) for check in results]
    assert full["results"][0]["change"] == "-83.30 GBP"


def test_a_batch_made_from_checks_keeps_them_and_reads_the_same():
    """``BenefitsBatch(results)`` keeps checks made elsewhere; its columns are theirs."""
    made = batch()
    again = BenefitsBatch(list(made))
    assert list(again) == list(made)
    assert again.columns() == made.columns()
    with pytest.raises(ValidationError) as caught:
        BenefitsBatch([made[0], "not a check"])  # type: ignore[list-item]
    assert caught.value.path == "results[1]"


def test_a_batch_is_indexed_like_a_sequence():
    results = batch()
    assert results[-1].paid == GBP(100)
    assert [r.paid for r in results[::2]] == [GBP(250), GBP(100)]
    with pytest.raises(IndexError):
        results[3]
    with pytest.raises(TypeError):
        results["0"]  # type: ignore[call-overload]


def test_a_batch_pickles_as_its_checks():
    import pickle

    results = batch()
    again = pickle.loads(pickle.dumps(results))
    assert list(again) == list(results)
    assert again.columns() == results.columns()


def test_a_batch_keeps_few_objects_whatever_its_size():
    """The numbers are kept in columns: checking 2,000 households whose payments are given as
    tuples adds no object per household for the garbage collector to walk (the checks are
    made when read). Payments given as a list are kept as a tuple of the batch's own, so a
    list the caller changes later cannot change the answer."""
    import gc

    cases = [
        (CARER, (Receipt(f"{100 + i % 200}.00", dt.date(2025, 6, 1 + i % 28)),))
        for i in range(2000)
    ]
    assess_many(cases[:50])
    gc.collect()
    before = len(gc.get_objects())
    results = assess_many(cases)
    gc.collect()
    assert len(gc.get_objects()) - before < 200
    assert len(results) == 2000
    listed = [(household, list(receipts)) for household, receipts in cases[:3]]
    kept = assess_many(listed)
    listed[0][1].clear()
    assert kept[0].paid == GBP(100)
    assert kept[0].findings == assess_many(cases[:1])[0].findings


def test_each_cases_amounts_are_read_from_the_numbers():
    """The batch above by hand: the carer's week 8330p before, 0p after (case 0) and 8330p
    both (case 1); UC 40014p before and 34514p after (case 2: £400.14 less 55% of £100)."""
    made = batch()
    assert made.amounts_pennies() == ((8330, 0), (8330, 8330), (40014, 34514))
    assert made.amounts_pennies(Benefit.UNIVERSAL_CREDIT) == ((0, 0), (0, 0), (40014, 34514))
    assert made.amounts_pennies(Benefit.CARERS_ALLOWANCE, "amira") == (
        (8330, 0),
        (8330, 8330),
        (0, 0),
    )
    assert made.amounts_pennies(person="someone else") == ((0, 0), (0, 0), (0, 0))


def test_each_cases_amounts_are_its_checks_amounts():
    made = batch()
    again = BenefitsBatch(list(made))
    for benefit in (None, Benefit.CARERS_ALLOWANCE, Benefit.UNIVERSAL_CREDIT):
        expected = tuple(check.amounts_pennies(benefit) for check in made)
        assert made.amounts_pennies(benefit) == expected
        assert again.amounts_pennies(benefit) == expected


@pytest.mark.parametrize(
    ("benefit", "person", "named"),
    [("universal_credit", None, "benefit"), (None, 7, "person")],
)
def test_amounts_of_something_else_are_refused_by_name(benefit, person, named):
    with pytest.raises(ValidationError) as caught:
        batch().amounts_pennies(benefit, person)
    assert caught.value.path == named


# Who claims, by default (TRY14-3).


def test_the_columns_read_alike_by_default_whoever_of_a_batch_claims():
    """``case`` repeats once per benefit period of its household, so it said who claims:
    Amira (Carer's Allowance) and Ben (no benefit), each paid £250 on 11 June 2025, gave
    ``case=(0,)`` one way round and ``case=(1,)`` the other, in the repr and as the default
    plain data ``{"case": [0]}``. Now every column is withheld by default; read as
    attributes (with consent) the two batches still differ."""
    ben = Household(people=[Person("ben")])
    paid = [Receipt("250.00", "2025-06-11")]
    first = assess_many([(CARER, paid), (ben, paid)]).columns()
    second = assess_many([(ben, paid), (CARER, paid)]).columns()
    assert (first.case, second.case) == ((0,), (1,))
    assert repr(first) == repr(second)
    assert dumps(first) == dumps(second)
    assert to_plain(first) == {}
    assert to_plain(first, include_sensitive=True)["case"] == [0]


def test_every_column_of_the_batch_is_sensitive():
    """No column of a batch is safe alone: each is one row per benefit period, so even its
    length says how many periods were touched."""
    from participatory.core.privacy import sensitive_fields

    names = {field.name for field in sensitive_fields(BatchColumns)}
    assert names == set(batch().columns().as_dict())


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(bs.households(), bs.receipt_lists(max_size=3)), max_size=3))
def test_any_batchs_default_copies_read_as_an_empty_batchs(cases):
    """For any households and payments, the columns' repr and default JSON are those of a
    batch of no household at all, and the batch's own default plain data has one withheld
    result per household, whatever each claims."""
    columns = assess_many(cases).columns()
    empty = assess_many([]).columns()
    assert repr(columns) == repr(empty)
    assert dumps(columns) == dumps(empty)
    plain = to_plain(assess_many(cases))
    withheld = to_plain(assess_many([(Household(people=[Person("p1")]), [])]))["results"][0]
    assert plain == {"results": [withheld] * len(cases)}
