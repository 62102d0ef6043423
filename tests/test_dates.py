"""Date expressions resolved against the seed article's publication date, Wednesday 2024-05-22."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.dates import find_dates, normalize_date

PUBLISHED = date(2024, 5, 22)


@pytest.mark.parametrize(("text", "value"), [
    ("7 Oktober", "2023-10-07"),  # the most recent 7 October on or before publication
    ("7 Oktober 2023", "2023-10-07"),
    ("20 Mei", "2024-05-20"),
    ("2024-05-17", "2024-05-17"),
    ("17/5/2024", "2024-05-17"),
    ("Jumat (17/5/2024)", "2024-05-17"),
    ("Jumat (17/5)", "2024-05-17"),
    ("May 17, 2024", "2024-05-17"),
    ("17 May 2024", "2024-05-17"),
    ("Oktober 2023", "2023-10"),
    ("pada bulan April", "2024-04"),
    ("in April", "2024-04"),
    ("pada bulan Juni", "2023-06"),  # June 2024 had not come yet
    ("awal bulan ini", "2024-05"),
    ("bulan ini", "2024-05"),
    ("earlier this month", "2024-05"),
    ("bulan lalu", "2024-04"),
    ("last month", "2024-04"),
    ("pada hari Jumat", "2024-05-17"),
    ("on Friday", "2024-05-17"),
    ("pada hari Rabu", "2024-05-22"),  # publication day itself
    ("Rabu lalu", "2024-05-15"),
    ("last Wednesday", "2024-05-15"),
    ("kemarin", "2024-05-21"),
    ("yesterday", "2024-05-21"),
    ("hari ini", "2024-05-22"),
    ("pukul 10.30 WIB tadi", "2024-05-22"),  # 'tadi': earlier today
    ("tadi malam", "2024-05-21"),  # last night
    ("pekan lalu", "2024-05"),  # the month of the day a week before publication
    ("minggu lalu", "2024-05"),
    ("last week", "2024-05"),
    ("Minggu ini", "2024-05"),
    ("pekan depan", "2024-05"),
    ("Minggu depan", "2024-05"),  # next week, not Sunday
    ("tahun lalu", "2023"),
    ("pada 2023", "2023"),
    ("sejak Januari", "2024-01"),
    ("since January 2023", "2023-01"),
    ("tiga hari lalu", "2024-05-19"),
    ("3 hari yang lalu", "2024-05-19"),
    ("two days ago", "2024-05-20"),
    # the month of the day that many weeks before (China Daily/Reuters, in en/dev12)
    ("They last met three weeks ago in Jericho", "2024-05"),
    ("tiga pekan lalu", "2024-05"),
    ("3 minggu yang lalu", "2024-05"),
    ("seven weeks ago", "2024-04"),
    ("on Oct. 7", "2023-10-07"),
    ("earlier this week", "2024-05"),
    # a month after its preposition, with its year: that year's, not the latest such month
    ("took place in Istanbul in March 2022, where", "2022-03"),
    ("digelar pada Maret 2022.", "2022-03"),
    # a month's part before it, hyphened in English (Press TV, in en/dev)
    ("met Zarif in mid-July in New York", "2023-07"),
    ("bertemu pada pertengahan Juli di New York", "2023-07"),
    # 'this' before a month is that month of the publication year so far (Lokmat Times, in en/dev22)
    ("Earlier, this April the Bhutanese king had visited India", "2024-04"),
    # ... but a month with its day after such a word is that day (The Hindu, in en/dev24)
    ("This September 26, 2009 photo shows Nirupama Rao", "2009-09-26"),
    ("in May 5 talks", "2024-05-05"),
])
def test_normalize_date(text: str, value: str) -> None:
    assert normalize_date(text, PUBLISHED) == value


@pytest.mark.parametrize(("text", "published", "value"), [
    ("pada Jumat (14/07)", date(2023, 7, 13), "2023-07-14"),  # 2022-07-14 was a Thursday
    ("Kamis (13/7)", date(2023, 7, 14), "2023-07-13"),
    ("will meet on August 15", date(2025, 8, 13), "2025-08-15"),  # announced two days ahead
    ("on October 7", date(2024, 5, 22), "2023-10-07"),  # months ahead: the past one
    ("on November 15-16, 2022", date(2022, 10, 31), "2022-11"),  # a stretch of days: its month
    ("pada 15-16 November", date(2022, 10, 31), "2022-11"),
    # a weekday written before the day is one date with it, not a weekday of its own
    ("yang dijadwalkan Jumat, 8 Juli 2022", date(2022, 7, 7), "2022-07-08"),
    ("pada hari Jumat, 14 Juli", date(2023, 7, 13), "2023-07-14"),  # 2022-07-14 was a Thursday
    ("on Friday, July 14", date(2023, 7, 13), "2023-07-14"),
])
def test_days_without_a_year(text: str, published: date, value: str) -> None:
    assert normalize_date(text, published) == value


@pytest.mark.parametrize("text", ["7 Oktober", "pada hari Jumat", "awal bulan ini", "sejak Januari", "kemarin",
                                  "last week", "dua hari lalu"])
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert normalize_date(text, None) is None


def test_explicit_dates_need_no_publication_date() -> None:
    assert normalize_date("7 Oktober 2023", None) == "2023-10-07"
    assert normalize_date("Jumat (17/5/2024)", None) == "2024-05-17"


def test_a_weekday_before_a_day_is_one_date_with_it() -> None:
    [found] = find_dates("Ketiganya akan mengikuti pertemuan yang dijadwalkan Jumat, 8 Juli 2022.", date(2022, 7, 7))
    assert (found.span.text, found.value, found.ahead()) == ("Jumat, 8 Juli 2022", "2022-07-08", "2022-07-08")


def test_spans_words_and_since() -> None:
    text = "Sejak Hamas menyerang Israel pada 7 Oktober, sejak Januari, pada bulan April dan pada hari Jumat."
    found = find_dates(text, PUBLISHED, offset=100)
    assert [(d.span.text, d.value, d.since) for d in found] == [
        ("7 Oktober", "2023-10-07", False),
        ("sejak Januari", "2024-01", True),
        ("bulan April", "2024-04", False),
        ("hari Jumat", "2024-05-17", False),
    ]
    for d in found:
        assert text[d.span.start - 100:d.span.end - 100] == d.span.text


@pytest.mark.parametrize("text", ["they may go", "this may be the last round", "30/2/2024", "2.000 orang", "Desember",
                                  "Sejak Hamas menyerang"])
def test_not_dates_or_impossible(text: str) -> None:
    assert normalize_date(text, PUBLISHED) is None
