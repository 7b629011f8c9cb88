"""Outside checks of :func:`participatory.benefits.assess_many` and its ``BenefitsBatch``.

The promises (the batch module's docstrings, docs/concepts/benefits.md "Numbers first"): a
batch keeps its numbers in columns and each ``batch[i]`` makes that household's check from
them and the case's own household and payments, "equal to one made alone, finding for
finding"; slices give a tuple of checks, negative indices work; its plain form withholds each
result whole unless sensitive data is asked for ("only how many households were checked
shows"); a batch pickles as its checks; ``BenefitsBatch(results)`` refuses anything but
checks, by position. Figures are worked by hand in each docstring where they are asserted.
"""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import pickle
import threading

import pytest

from participatory import interchange
from participatory.benefits import (
    BenefitsBatch,
    BenefitsCheck,
    CarersAllowanceClaim,
    Household,
    Person,
    Receipt,
    UniversalCreditClaim,
    assess_benefits,
    assess_many,
)
from participatory.core.errors import ValidationError
from participatory.core.money import Money

CARER = Household(people=[Person("amira", carers_allowance=CarersAllowanceClaim())])
UC = Household(
    people=[Person("bzqx")],
    universal_credit=UniversalCreditClaim(first_date_of_entitlement=dt.date(2025, 5, 1)),
)
# The largest amount a Money holds: just under 10**15 pounds.
LARGEST = "999999999999999.99"


def cases() -> list[tuple[Household, list[Receipt]]]:
    """Case 0: the carer's £250 on Wednesday 11 June 2025, over the £196 weekly limit, costs
    the next week's £83.30; case 1: £50 costs nothing; case 2: UC, £100 in the AP 1-30 June,
    no work allowance: 55% = £55.00 off."""
    return [
        (CARER, [Receipt("250.00", "2025-06-11")]),
        (CARER, [Receipt("50.00", "2025-06-11")]),
        (UC, [Receipt("100.00", "2025-06-11")]),
    ]


def alone() -> list[BenefitsCheck]:
    """Each case checked on its own."""
    return [assess_benefits(household, receipts) for household, receipts in cases()]


def assert_same(check: BenefitsCheck, other: BenefitsCheck) -> None:
    """Equal, finding for finding, number for number, amount for amount."""
    assert check == other
    assert check.findings == other.findings
    assert check.outcomes == other.outcomes
    assert check.numbers == other.numbers
    assert (check.paid, check.kept, check.loss, check.change()) == (
        other.paid,
        other.kept,
        other.loss,
        other.change(),
    )
    assert (check.paid_pennies, check.change_pennies()) == (
        other.paid_pennies,
        other.change_pennies(),
    )
    assert hash(check) == hash(other)


def test_each_result_equals_the_case_checked_alone() -> None:
    batch = assess_many(cases())
    for index, single in enumerate(alone()):
        assert_same(batch[index], single)
    assert [check.loss for check in batch] == [
        Money.gbp("83.30"),
        Money.gbp("0.00"),
        Money.gbp("55.00"),
    ]


def test_each_read_is_a_new_check_equal_to_the_last() -> None:
    batch = assess_many(cases())
    first, second = batch[0], batch[0]
    assert first is not second
    assert_same(first, second)


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, 0), (2, 2), (-1, 2), (-3, 0), (True, 1), (False, 0)],
)
def test_integer_indices_read_as_a_list_would(index: int, expected: int) -> None:
    batch = assess_many(cases())
    assert_same(batch[index], alone()[expected])


def test_numpy_integers_index_a_batch() -> None:
    numpy = pytest.importorskip("numpy")
    batch = assess_many(cases())
    assert_same(batch[numpy.int64(-1)], alone()[2])
    assert_same(batch[numpy.uint8(1)], alone()[1])


@pytest.mark.parametrize("index", [3, -4, 2**64, -(2**64), 10**100])
def test_out_of_range_indices_raise_index_error(index: int) -> None:
    with pytest.raises(IndexError):
        assess_many(cases())[index]


@pytest.mark.parametrize("index", [1.0, "0", None, (0,), [0], b"0"])
def test_other_indices_raise_type_error(index: object) -> None:
    with pytest.raises(TypeError):
        assess_many(cases())[index]  # type: ignore[index]


@pytest.mark.parametrize(
    "window",
    [
        slice(None),
        slice(None, None, -1),
        slice(None, None, 2),
        slice(None, None, -2),
        slice(5, 1, -1),
        slice(-2, None),
        slice(1, 1),
        slice(-(10**30), 10**30, 10**20),
    ],
)
def test_slices_give_the_same_checks_as_a_list_slice(window: slice) -> None:
    got = assess_many(cases())[window]
    expected = alone()[window]
    assert isinstance(got, tuple)
    assert len(got) == len(expected)
    for check, single in zip(got, expected, strict=True):
        assert_same(check, single)


def test_a_zero_step_is_refused_as_a_list_refuses_it() -> None:
    with pytest.raises(ValueError, match="zero"):
        assess_many(cases())[::0]


def test_sequence_helpers_work() -> None:
    batch = assess_many(cases())
    singles = alone()
    assert singles[2] in batch
    assert batch.index(singles[2]) == 2
    assert batch.count(singles[1]) == 1
    assert [check.loss for check in reversed(batch)] == [s.loss for s in reversed(singles)]


def test_changing_the_callers_lists_after_the_batch_changes_nothing() -> None:
    given = cases()
    batch = assess_many(given)
    receipts = given[0][1]
    receipts.append(Receipt("900.00", "2025-06-12"))
    receipts[0] = Receipt("1.00", "2025-06-11")
    given.clear()
    singles = alone()
    for index, check in enumerate(batch):
        assert_same(check, singles[index])


def test_iteration_survives_the_callers_lists_changing_part_way() -> None:
    given = cases()
    batch = assess_many(given)
    reading = iter(batch)
    first = next(reading)
    given[2][1].clear()
    given.pop()
    rest = list(reading)
    assert_same(first, alone()[0])
    assert len(rest) == 2
    assert_same(rest[1], alone()[2])


def test_households_cannot_be_changed_under_a_batch() -> None:
    batch = assess_many(cases())
    with pytest.raises(AttributeError):
        CARER.people = ()  # type: ignore[misc]
    assert_same(batch[0], alone()[0])


def test_a_generator_of_cases_is_read_once_in_order() -> None:
    batch = assess_many(case for case in cases())
    assert len(batch) == 3
    for index, single in enumerate(alone()):
        assert_same(batch[index], single)


def test_an_empty_batch_is_empty_everywhere() -> None:
    for batch in (assess_many([]), assess_many(iter(())), BenefitsBatch(())):
        assert len(batch) == 0
        assert list(batch) == []
        assert batch[:] == ()
        with pytest.raises(IndexError):
            batch[0]
        assert len(batch.columns()) == 0
        assert interchange.to_plain(batch) == {"results": []}
        assert repr(batch) == "<BenefitsBatch of 0 results>"


@pytest.mark.parametrize(
    "make",
    [pickle.loads, copy.copy, copy.deepcopy],
    ids=["pickle", "copy", "deepcopy"],
)
def test_pickled_and_copied_batches_keep_every_result(make: object) -> None:
    batch = assess_many(cases())
    made = make(pickle.dumps(batch)) if make is pickle.loads else make(batch)  # type: ignore[operator]
    assert isinstance(made, BenefitsBatch)
    assert len(made) == 3
    for index, single in enumerate(alone()):
        assert_same(made[index], single)
    assert made.columns() == batch.columns()


SECRETS = ("amira", "bzqx", "250", "83.30", "8330", "carers_allowance", "universal_credit")


def test_the_plain_form_withholds_every_result_by_default() -> None:
    batch = assess_many(cases())
    plain = interchange.to_plain(batch)
    assert len(plain["results"]) == 3
    for result in plain["results"]:
        assert result["withheld"] is True
        assert all(result[key] is None for key in ("outcomes", "paid", "change", "kept"))
    text = interchange.dumps(batch)
    for secret in SECRETS:
        assert secret not in text


def test_the_plain_form_with_sensitive_data_is_each_checks_own() -> None:
    batch = assess_many(cases())
    plain = interchange.to_plain(batch, include_sensitive=True)
    singles = alone()
    assert plain["results"] == [
        interchange.to_plain(single, include_sensitive=True) for single in singles
    ]
    assert "amira" in interchange.dumps(batch, include_sensitive=True)


def test_repr_and_str_of_a_batch_and_its_checks_show_no_benefit_or_person() -> None:
    batch = assess_many(cases())
    shown = [repr(batch), str(batch), repr(batch.columns()), str(batch.columns())]
    shown += [repr(check) for check in batch] + [str(check) for check in batch]
    shown += [repr(batch[:2])]
    for text in shown:
        for secret in ("amira", "bzqx", "carers_allowance", "universal_credit", "8330", "83.30"):
            assert secret not in text


def test_columns_match_the_checks_numbers() -> None:
    """Rows: the carer's week 16-22 June (before 8330p, after 0, a cliff), the same week for
    £50 (unchanged), UC's AP 1-30 June (5500p less)."""
    batch = assess_many(cases())
    columns = batch.columns()
    assert columns.case == (0, 1, 2)
    assert columns.change_pence == (-8330, 0, -5500)
    assert columns.cliff == (True, False, False)
    rows = [row for check in batch for row in check.numbers]
    assert columns.before_pence == tuple(row.before for row in rows)
    assert columns.after_pence == tuple(row.after for row in rows)
    assert columns.person == tuple(row.person for row in rows)


def test_to_pandas_without_pandas_is_a_clear_error() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ValidationError, match=r"pandas.*not installed"):
            assess_many(cases()).columns().to_pandas()
    else:
        frame = assess_many(cases()).columns().to_pandas()
        assert list(frame["change_pence"]) == [-8330, 0, -5500]


def test_to_polars_without_polars_is_a_clear_error() -> None:
    try:
        import polars  # noqa: F401
    except ImportError:
        with pytest.raises(ValidationError, match=r"polars.*not installed"):
            assess_many(cases()).columns().to_polars()
    else:
        frame = assess_many(cases()).columns().to_polars()
        assert list(frame["change_pence"]) == [-8330, 0, -5500]


def test_payments_adding_up_past_moneys_limit_are_refused_when_the_batch_is_made() -> None:
    """Each £999,999,999,999,999.99 is a valid amount, but 100 of them (9,999,999,999,999,999,900p)
    have no Money form: the case is refused by position when the batch is made, not when a
    result is read. So are payments already made that, with these, go past it."""
    receipts = [Receipt(LARGEST, "2025-06-11") for _ in range(100)]
    with pytest.raises(ValidationError, match=r"cases\[0\]\.receipts: add up to more"):
        assess_many([(CARER, receipts)])
    with pytest.raises(ValidationError, match=r"^already: add up, with the payments"):
        assess_benefits(CARER, receipts[:1], already=receipts[1:2])


def test_two_largest_payments_stay_within_money_and_read_everywhere() -> None:
    """Two payments of £999,999,999,999,999.99 would be £1,999,999,999,999,999.98: over the
    limit; one is the largest Money, and reads everywhere."""
    batch = assess_many([(CARER, [Receipt(LARGEST, "2025-06-11")])])
    assert batch[0].paid == Money.gbp(LARGEST)
    assert_same(batch[0], assess_benefits(CARER, [Receipt(LARGEST, "2025-06-11")]))
    assert interchange.to_plain(batch, include_sensitive=True)["results"][0]["paid"]


def stale_cases() -> list[tuple[Household, list[Receipt]]]:
    """Case 0 in the data; case 1 UC in 2031 and case 2 the carer in 2032, both past it."""
    return [
        (CARER, [Receipt("250.00", "2025-06-11")]),
        (UC, [Receipt("100.00", "2031-06-11")]),
        (CARER, [Receipt("250.00", "2032-06-09")]),
    ]


def stale(check: BenefitsCheck) -> list[object]:
    """The check's stale-parameter findings."""
    return [f for f in check.findings if f.rule_id == "BEN-STALE-PARAMETERS"]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 1, 2, 0, 2)])
def test_each_stale_case_reports_its_own_figures_whatever_the_reading_order(
    order: tuple[int, ...],
) -> None:
    batch = assess_many(stale_cases(), allow_stale=True)
    singles = [assess_benefits(h, r, allow_stale=True) for h, r in stale_cases()]
    for index in order:
        assert_same(batch[index], singles[index])
        assert stale(batch[index]) == stale(singles[index])
    assert stale(batch[0]) == []
    assert stale(batch[1])
    assert stale(batch[2])
    names_uc = {f.values["name"] for f in stale(batch[1])}  # type: ignore[attr-defined]
    names_ca = {f.values["name"] for f in stale(batch[2])}  # type: ignore[attr-defined]
    assert names_uc != names_ca


def test_a_stale_batch_without_leave_is_refused() -> None:
    from participatory.core.errors import ParametersNotAvailable

    with pytest.raises(ParametersNotAvailable):
        assess_many(stale_cases())


def test_a_callers_decimal_context_changes_nothing() -> None:
    expected = [(c.paid, c.kept, c.loss, c.paid_amount, c.kept_amount, c.findings) for c in alone()]
    plain = interchange.dumps(assess_many(cases()), include_sensitive=True)
    with decimal.localcontext() as context:
        context.prec = 3
        context.rounding = decimal.ROUND_FLOOR
        for trap in (decimal.Inexact, decimal.Rounded, decimal.InvalidOperation):
            context.traps[trap] = True
        batch = assess_many(cases())
        got = [(c.paid, c.kept, c.loss, c.paid_amount, c.kept_amount, c.findings) for c in batch]
        dumped = interchange.dumps(batch, include_sensitive=True)
        columns = batch.columns()
    assert got == expected
    assert dumped == plain
    assert columns.change_pence == (-8330, 0, -5500)


def test_threads_reading_one_batch_see_the_same_checks() -> None:
    amounts = [f"{150 + index}.00" for index in range(120)]
    given = [(CARER, [Receipt(amount, "2025-06-11")]) for amount in amounts]
    batch = assess_many(given)
    singles = [assess_benefits(h, r) for h, r in given]
    problems: list[str] = []

    def read(offset: int) -> None:
        try:
            for index in range(offset, len(batch)):
                check = batch[index]
                if check.findings != singles[index].findings or check != singles[index]:
                    problems.append(f"case {index} differs")
        except Exception as error:
            problems.append(repr(error))

    threads = [threading.Thread(target=read, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []


@pytest.mark.parametrize(
    ("items", "path"),
    [
        ([1], "results[0]"),
        (["x"], "results[0]"),
        ([None], "results[0]"),
        ("ab", "results"),
    ],
)
def test_a_batch_of_anything_but_checks_is_refused_by_position(items: object, path: str) -> None:
    with pytest.raises(ValidationError, match=path.replace("[", r"\[").replace("]", r"\]")):
        BenefitsBatch(items)  # type: ignore[arg-type]


def test_a_non_check_after_checks_is_refused_at_its_position() -> None:
    checks = alone()
    with pytest.raises(ValidationError, match=r"results\[2\]"):
        BenefitsBatch([checks[0], checks[1], assess_many(cases())])  # type: ignore[list-item]


def test_a_batch_of_a_non_iterable_is_the_librarys_validation_error() -> None:
    with pytest.raises(ValidationError):
        BenefitsBatch(5)  # type: ignore[arg-type]


def test_a_batch_of_checks_keeps_them_as_they_are() -> None:
    singles = alone()
    batch = BenefitsBatch(singles)
    assert batch[0] is singles[0]
    assert batch[-1] is singles[2]
    assert batch.columns() == assess_many(cases()).columns()
    again = BenefitsBatch(assess_many(cases()))
    for index, single in enumerate(singles):
        assert_same(again[index], single)


def test_a_batch_of_checks_made_from_outcomes_is_kept() -> None:
    made = [BenefitsCheck(single.outcomes, single.paid_pennies) for single in alone()]
    batch = BenefitsBatch(made)
    assert batch.columns() == assess_many(cases()).columns()
    assert pickle.loads(pickle.dumps(batch))[2].outcomes == made[2].outcomes


def test_the_columns_plain_form_says_nothing_about_which_benefit_by_default() -> None:
    plain = interchange.to_plain(assess_many(cases()).columns())
    assert plain.get("period_start") in (None, [])
    assert plain.get("period_end") in (None, [])


def test_threads_reading_one_stale_case_see_its_own_figures() -> None:
    # Each stale case keeps its own context, which explaining it reads again: readers of the
    # same case in several threads must all see the figures it reports alone.
    batch = assess_many(stale_cases(), allow_stale=True)
    singles = [assess_benefits(h, r, allow_stale=True) for h, r in stale_cases()]
    problems: list[str] = []

    def read() -> None:
        try:
            for _ in range(15):
                for index in (2, 1, 0):
                    if stale(batch[index]) != stale(singles[index]):
                        problems.append(f"case {index} differs")
        except Exception as error:
            problems.append(repr(error))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
