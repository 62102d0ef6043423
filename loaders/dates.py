"""Date expressions in Indonesian and English news, resolved against the publication date.

Explicit dates ('7 Oktober 2023', '2024-05-17', '17/5/2024', 'May 17, 2024')
resolve on their own. Everything else is relative to the day the article
was published and gives None without one:

- a day or month without a year: its most recent occurrence on or before
  publication ('7 Oktober' published 2024-05-22 -> 2023-10-07);
- 'bulan ini', 'awal bulan ini', 'earlier this month' -> the publication month;
  'bulan lalu' / 'last month' -> the month before;
- a weekday ('pada hari Jumat', 'on Friday') -> the most recent such day on or
  before publication; with 'lalu' / 'last' strictly before;
- 'pekan lalu', 'minggu lalu', 'last week' -> the month (YYYY-MM) of the day
  seven days before publication ('pekan depan': after): the formats allow no
  week, and the month of that day is the narrowest single value;
- 'kemarin' / 'yesterday', 'hari ini' / 'today', 'tahun lalu' / 'last year';
- 'tiga hari lalu', '3 hari yang lalu', 'two days ago' -> that many days before.

'sejak Januari' / 'since January' resolves like 'Januari' but is marked
`since`: it bounds a period and is not the date of the event it is said of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from loaders.model import Span

MONTHS = {
    "januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
    "october": 10, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "des": 12, "dec": 12,
}
WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
DATE_WORDS = frozenset(w.replace("'", "") for w in (*MONTHS, *WEEKDAYS))
"""Folded month and weekday names: capitalised, but never part of a person's name."""


def _names(words: Iterable[str]) -> str:
    """Capitalised alternatives, longest first: month and day names are proper nouns in both languages."""
    return "|".join(w.capitalize() for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_names(MONTHS)})"
_ANY_MONTH = rf"(?:{_names(MONTHS)}|(?:{_names(MONTH_ABBREVIATIONS)})\.?)"
_WEEKDAY = rf"(?:{_names(WEEKDAYS)})"
_D = r"(?:[12]\d|3[01]|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:19|20)\d\d"

_DATE = re.compile(
    rf"""
    \b(?:(?P<since>(?i:sejak|since))\s+)?
    (?:
        (?P<wd_paren>{_WEEKDAY})\s*\((?P<p_d>{_D})/(?P<p_m>{_M})(?:/(?P<p_y>{_Y}))?\)
      | (?P<iso_y>{_Y})-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>[12]\d|3[01]|0[1-9])\b
      | \b(?P<s_d>{_D})/(?P<s_m>{_M})/(?P<s_y>{_Y})\b
      | \b(?P<dm_d>{_D})\s+(?P<dm_m>{_ANY_MONTH})(?:\s+(?P<dm_y>{_Y}))?\b
      | (?P<md_m>{_ANY_MONTH})\s+(?P<md_d>{_D})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_y>{_Y})\b)?
      | (?P<my_m>{_MONTH})\s+(?P<my_y>{_Y})\b
      | (?P<rel_month>(?i:(?:(?:awal|akhir|pertengahan)\s+)?bulan\s+(?:ini|lalu|kemarin|depan)
            |(?:earlier|later|early|late)\s+this\s+month|this\s+month|last\s+month|next\s+month))\b
      | (?P<rel_week>(?i:(?:pekan|minggu)\s+(?:lalu|kemarin|ini|depan)|(?:earlier\s+)?this\s+week|last\s+week
            |next\s+week))\b
      | (?P<rel_year>(?i:tahun\s+(?:ini|lalu|kemarin|depan)|this\s+year|last\s+year|next\s+year))\b
      | (?P<wd>(?:(?i:(?:pada\s+)?hari|on|last)\s+)?{_WEEKDAY})(?P<wd_last>\s+(?i:lalu|kemarin|last))?\b
      | (?P<days_ago>[1-9]|(?i:satu|dua|tiga|empat|lima|enam|tujuh|one|two|three|four|five|six|seven))
            \s+(?i:hari\s+(?:yang\s+)?lalu|days?\s+ago)\b
      | (?P<rel_day>(?i:kemarin|yesterday|hari\s+ini|today|besok|tomorrow))\b
      | (?(since)|(?i:(?:pada\s+)?(?:(?:awal|akhir|pertengahan)\s+)?bulan|in|early|late|mid|pada|awal|akhir
                  |hingga|sampai|until)\s+)(?P<month>{_MONTH})\b
      | (?(since)|(?i:tahun|pada|in)\s+)(?P<year>{_Y})\b
    )
    """,
    re.VERBOSE,
)
_PREPOSITION = re.compile(r"(?i)(?:pada|on|in|at)\s+")
_DAY_OFFSETS = {"kemarin": -1, "yesterday": -1, "today": 0, "besok": 1, "tomorrow": 1}
_COUNTS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
           "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it needs a publication date we lack
    since: bool = False  # 'sejak Januari': the start of a period, not the date of an event


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text`, in order; spans are shifted by `offset` (a sentence's start)."""
    found: list[DateMention] = []
    for m in _DATE.finditer(text):
        start = m.start()
        if not m.group("since"):
            lead = _PREPOSITION.match(text, start, m.end())
            if lead and lead.end() < m.end():
                start = lead.end()
        span = Span(offset + start, offset + m.end(), text[start:m.end()])
        found.append(DateMention(span, _value(m, published), bool(m.group("since"))))
    return found


def normalize_date(text: str, published: date | None) -> str | None:
    """The value of the first date expression in `text`, or None."""
    dates = find_dates(text, published)
    return dates[0].value if dates else None


def _value(m: re.Match[str], published: date | None) -> str | None:
    g = m.group
    if g("wd_paren"):
        return _day(g("p_y"), int(g("p_m")), int(g("p_d")), published)
    if g("iso_y"):
        return _day(g("iso_y"), int(g("iso_m")), int(g("iso_d")), published)
    if g("s_y"):
        return _day(g("s_y"), int(g("s_m")), int(g("s_d")), published)
    if g("dm_d"):
        return _day(g("dm_y"), _month(g("dm_m")), int(g("dm_d")), published)
    if g("md_d"):
        return _day(g("md_y"), _month(g("md_m")), int(g("md_d")), published)
    if g("my_m"):
        return f"{g('my_y')}-{_month(g('my_m')):02d}"
    if g("year"):
        return g("year")
    if published is None:
        return None
    if g("month"):
        month = _month(g("month"))
        year = published.year if month <= published.month else published.year - 1
        return f"{year}-{month:02d}"
    if g("rel_month"):
        return _month_of(published, _shift(g("rel_month")))
    if g("rel_week"):
        return (published + timedelta(weeks=_shift(g("rel_week")))).strftime("%Y-%m")
    if g("rel_year"):
        return str(published.year + _shift(g("rel_year")))
    if g("days_ago"):
        count = g("days_ago").lower()
        return (published - timedelta(days=int(count) if count.isdigit() else _COUNTS[count])).isoformat()
    if g("wd"):
        weekday = WEEKDAYS[g("wd").split()[-1].lower()]
        back = (published.weekday() - weekday) % 7
        if back == 0 and (g("wd_last") or g("wd").lower().startswith("last")):
            back = 7
        return (published - timedelta(days=back)).isoformat()
    words = " ".join(g("rel_day").lower().split())
    return (published + timedelta(days=_DAY_OFFSETS.get(words, 0))).isoformat()


def _shift(expression: str) -> int:
    """-1 for last/lalu/kemarin, +1 for next/depan, 0 for this/ini."""
    last_word = expression.lower().split()[-1]
    first_word = expression.lower().split()[0]
    if last_word in ("lalu", "kemarin") or first_word == "last":
        return -1
    if last_word == "depan" or first_word == "next":
        return 1
    return 0


def _month(name: str) -> int:
    key = name.rstrip(".").lower()
    return MONTHS.get(key) or MONTH_ABBREVIATIONS[key]


def _month_of(day: date, shift: int) -> str:
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12}-{index % 12 + 1:02d}"


def _day(year: str | None, month: int, day: int, published: date | None) -> str | None:
    """A calendar day; without a year, its latest occurrence on or before publication."""
    if year is None:
        if published is None:
            return None
        y = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    else:
        y = int(year)
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None
