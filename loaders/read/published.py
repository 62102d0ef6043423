"""Publication dates as sources write them: ISO, RFC 822 (feeds), '14 Juli 2023', '2023-07' (a month).

Returns the day and how precise it is, so that a month stays a month
(`xsd:gYearMonth` in the graph) instead of becoming the 1st. The common
shapes are read directly; dateparser (Indonesian and English) reads the
rest. A date is the one written, in the source's own time zone.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from functools import cache

from dateparser.date import DateDataParser

DATE_LANGUAGES = ("id", "en")
_YEAR = re.compile(r"\d{4}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_PERIODS = {"day": "day", "time": "day", "week": "day", "month": "month", "year": "year"}


def parse_published(value: object) -> tuple[date, str] | None:
    """(the date, "day" | "month" | "year"), or None when `value` is not a date."""
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    if _YEAR.fullmatch(text):
        return date(int(text), 1, 1), "year"
    if month := _MONTH.fullmatch(text):
        year, number = int(month[1]), int(month[2])
        return (date(year, number, 1), "month") if 1 <= number <= 12 else None
    try:
        return datetime.fromisoformat(text).date(), "day"
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), _PERIODS.get(data.period or "day", "day")


@cache
def _parser() -> DateDataParser:
    """Made when first needed: building it loads dateparser's language data."""

    return DateDataParser(languages=list(DATE_LANGUAGES),
                          settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True})
