"""Dates as articles write them, made sortable."""

from __future__ import annotations

from index.dates import date_sort_key, iso_date, shown_date


def test_the_ways_dates_are_written() -> None:
    assert iso_date("2020-09-27") == "2020-09-27"
    assert iso_date("2020-09-27T19:55:27Z") == "2020-09-27"
    assert iso_date("2020-09-27-19-55-27") == "2020-09-27"
    assert iso_date("2020-9-7") == "2020-09-07"
    assert iso_date("2020-09") == "2020-09"
    assert iso_date("2020") == "2020"
    assert iso_date("Sep 27, 2020") == "2020-09-27"
    assert iso_date("27 September 2020") == "2020-09-27"


def test_unreadable_dates_are_shown_as_written_and_sort_last() -> None:
    assert iso_date("last Tuesday") is None and iso_date("") is None and iso_date(None) is None
    assert iso_date("2020-02-31") is None
    assert iso_date("September") is None  # no year
    assert shown_date("last Tuesday") == "last Tuesday" and shown_date(None) is None
    written = ["last Tuesday", "2021-01-02", None, "Sep 27, 2020"]
    assert sorted(written, key=date_sort_key)[:2] == ["Sep 27, 2020", "2021-01-02"]
