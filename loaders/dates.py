"""Date expressions in Indonesian and English news, resolved against the publication date.

Explicit dates ('7 Oktober 2023', '2024-05-17', '17/5/2024', 'May 17, 2024')
resolve on their own. Everything else is relative to the day the article
was published and gives None without one:

- a day or month without a year: its most recent occurrence on or before
  publication ('7 Oktober' published 2024-05-22 -> 2023-10-07), or one in
  the 30 days after it ('15 August' published 2025-08-13 -> 2025-08-15); a
  weekday with it decides the year ('Jumat (14/07)' or 'Jumat, 14 Juli'
  published 2023-07-13 is 2023-07-14, a Friday, not 2022-07-14, a
  Thursday), and is one date with it, not a weekday of its own;
- 'bulan ini', 'awal bulan ini', 'earlier this month' -> the publication month;
  'bulan lalu' / 'last month' -> the month before;
- a weekday ('pada hari Jumat', 'on Friday') -> the most recent such day on or
  before publication; with 'lalu' / 'last' strictly before;
- 'pekan lalu', 'minggu lalu', 'last week' -> the month (YYYY-MM) of the day
  seven days before publication ('pekan depan': after): the formats allow no
  week, and the month of that day is the narrowest single value;
- 'kemarin' / 'yesterday', 'hari ini' / 'today', 'tahun lalu' / 'last year';
- 'tiga hari lalu', '3 hari yang lalu', 'two days ago' -> that many days before;
  'tiga pekan lalu', 'three weeks ago' -> the month of the day that many weeks before.

'sejak Januari' / 'since January' resolves like 'Januari' but is marked
`since`: it bounds a period and is not the date of the event it is said of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from loaders import lang
from loaders.lang import LanguagePack
from loaders.model import Span

_D = r"(?:[12]\d|3[01]|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:19|20)\d\d"
AHEAD = timedelta(days=30)
"""How far after publication a day without a year may fall: a date announced for the coming weeks."""


@dataclass(frozen=True)
class _Grammar:
    """The date words of every language pack, and the one expression that finds dates with them."""

    months: dict[str, int]
    abbreviations: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    relative_days: dict[str, int]
    previous: frozenset[str]
    following: frozenset[str]
    date: re.Pattern[str]
    preposition: re.Pattern[str]


def _names(words: dict[str, int]) -> str:
    """Capitalised alternatives, longest first: month and day names are proper nouns in every pack's language."""
    return "|".join(re.escape(w.capitalize()) for w in sorted(words, key=len, reverse=True))


def _either(packs: tuple[LanguagePack, ...], fragment: str) -> str:
    """The packs' regular-expression fragments of one kind, as one alternation."""
    return "|".join(f for p in packs if (f := getattr(p.dates, fragment)))


@lang.compiled
def _grammar(packs: tuple[LanguagePack, ...]) -> _Grammar:
    months = lang.merged_mapping(packs, lambda p: p.dates.months)
    abbreviations = lang.merged_mapping(packs, lambda p: p.dates.month_abbreviations)
    weekdays = lang.merged_mapping(packs, lambda p: p.dates.weekdays)
    numbers = lang.merged_mapping(packs, lambda p: p.dates.numbers)
    relative_days = lang.merged_mapping(packs, lambda p: p.dates.relative_days)
    previous = lang.words(packs, lambda p: p.dates.previous)
    month = rf"(?:{_names(months)})"
    any_month = rf"(?:{_names(months)}|(?:{_names(abbreviations)})\.?)"
    weekday = rf"(?:{_names(weekdays)})"
    weekday_lead = rf"(?:(?i:{_either(packs, 'weekday_lead_re')})\s+)?"  # 'hari Jumat', 'on Friday'
    ordinals = lang.alternatives(lang.words(packs, lambda p: p.dates.ordinal_suffixes))
    last = lang.alternatives(previous)
    date_re = re.compile(
        rf"""
        \b(?:(?P<since>(?i:{lang.alternatives(lang.words(packs, lambda p: p.dates.since))}))\s+)?
        (?:
            (?P<wd_paren>{weekday})\s*\((?P<p_d>{_D})/(?P<p_m>{_M})(?:/(?P<p_y>{_Y}))?\)
          | (?P<iso_y>{_Y})-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>[12]\d|3[01]|0[1-9])\b
          | \b(?P<s_d>{_D})/(?P<s_m>{_M})/(?P<s_y>{_Y})\b
          | (?:{weekday_lead}(?P<dm_wd>{weekday}),?\s+)?
            \b(?P<dm_d>{_D})(?P<dm_range>\s*[-\u2013]\s*{_D})?\s+(?P<dm_m>{any_month})(?:\s+(?P<dm_y>{_Y}))?\b
          | (?:{weekday_lead}(?P<md_wd>{weekday}),?\s+)?
            (?P<md_m>{any_month})\s+(?P<md_d>{_D})(?:{ordinals})?(?P<md_range>\s*[-\u2013]\s*{_D})?\b
            (?:,?\s+(?P<md_y>{_Y})\b)?
          | (?P<my_m>{month})\s+(?P<my_y>{_Y})\b
          | (?P<rel_month>(?i:{_either(packs, "relative_month_re")}))\b
          | (?P<rel_week>(?i:{_either(packs, "relative_week_re")}))\b
          | (?P<rel_year>(?i:{_either(packs, "relative_year_re")}))\b
          | (?P<wd>{weekday_lead}{weekday})(?P<wd_last>\s+(?i:{last}))?\b
          | (?P<days_ago>[1-9]|(?i:{lang.alternatives(numbers)}))\s+(?i:{_either(packs, "days_ago_re")})\b
          | (?P<weeks_ago>[1-9]|(?i:{lang.alternatives(numbers)}))\s+(?i:{_either(packs, "weeks_ago_re")})\b
          | (?P<rel_day>(?i:{lang.alternatives(relative_days)}))\b
          | (?(since)|(?i:{_either(packs, "month_lead_re")})(?:\s+|(?<=-)))(?P<month>{month})\b(?!\s+(?:{_Y}|{_D})\b)
          | (?(since)|(?i:{_either(packs, "year_lead_re")})\s+)(?P<year>{_Y})\b
        )
        """,
        re.VERBOSE,
    )
    preposition = re.compile(rf"(?i)(?:{lang.alternatives(lang.words(packs, lambda p: p.dates.prepositions))})\s+")
    return _Grammar(months, abbreviations, weekdays, numbers, relative_days, frozenset(previous),
                    frozenset(lang.words(packs, lambda p: p.dates.following)), date_re, preposition)


@lang.compiled
def _date_words(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    grammar = _grammar()
    zones = lang.words(packs, lambda p: p.dates.time_zones)
    return frozenset(w.replace("'", "") for w in (*grammar.months, *grammar.weekdays, *zones))


@lang.compiled
def _name_months(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    return frozenset(lang.words(packs, lambda p: p.dates.name_months))


def name_months() -> frozenset[str]:
    """Folded month names that are people's names too ('May', 'June'): a name's word, not a date, after a name."""
    return _name_months()


def date_words() -> frozenset[str]:
    """Folded month and weekday names and time zones: capitalised, but never part of a name."""
    return _date_words()


@dataclass(frozen=True)
class DateMention:
    span: Span
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it needs a publication date we lack
    since: bool = False  # 'sejak Januari': the start of a period, not the date of an event
    coming: str | None = None  # a weekday or a month alone read as the next one, not the latest

    def ahead(self) -> str | None:
        """The value when the event is still to come: 'will meet on Saturday' is the coming Saturday, 'a meeting
        planned for March' written in February the coming March."""
        return self.coming or self.value


def find_dates(text: str, published: date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text`, in order; spans are shifted by `offset` (a sentence's start)."""
    grammar = _grammar()
    found: list[DateMention] = []
    for m in grammar.date.finditer(text):
        start = m.start()
        if not m.group("since"):
            lead = grammar.preposition.match(text, start, m.end())
            if lead and lead.end() < m.end():
                start = lead.end()
        span = Span(offset + start, offset + m.end(), text[start:m.end()])
        value = _value(m, published, grammar)
        if value and (m.group("dm_range") or m.group("md_range")):
            value = value[:7]  # 'November 15-16, 2022', '15-16 November': a stretch of days is its month
        found.append(DateMention(span, value, bool(m.group("since")), _coming(m, value, published, grammar)))
    return found


def normalize_date(text: str, published: date | None) -> str | None:
    """The value of the first date expression in `text`, or None."""
    dates = find_dates(text, published)
    return dates[0].value if dates else None


def _value(m: re.Match[str], published: date | None, grammar: _Grammar) -> str | None:
    g = m.group
    if g("wd_paren"):
        return _day(g("p_y"), int(g("p_m")), int(g("p_d")), published,
                    grammar.weekdays[g("wd_paren").lower()])
    if g("iso_y"):
        return _day(g("iso_y"), int(g("iso_m")), int(g("iso_d")), published)
    if g("s_y"):
        return _day(g("s_y"), int(g("s_m")), int(g("s_d")), published)
    if g("dm_d"):
        return _day(g("dm_y"), _month(g("dm_m"), grammar), int(g("dm_d")), published, _weekday(g("dm_wd"), grammar))
    if g("md_d"):
        return _day(g("md_y"), _month(g("md_m"), grammar), int(g("md_d")), published, _weekday(g("md_wd"), grammar))
    if g("my_m"):
        return f"{g('my_y')}-{_month(g('my_m'), grammar):02d}"
    if g("year"):
        return g("year")
    if published is None:
        return None
    if g("month"):
        month = _month(g("month"), grammar)
        year = published.year if month <= published.month else published.year - 1
        return f"{year}-{month:02d}"
    if g("rel_month"):
        return _month_of(published, _shift(g("rel_month"), grammar))
    if g("rel_week"):
        return (published + timedelta(weeks=_shift(g("rel_week"), grammar))).strftime("%Y-%m")
    if g("rel_year"):
        return str(published.year + _shift(g("rel_year"), grammar))
    if g("days_ago"):
        return (published - timedelta(days=_count(g("days_ago"), grammar))).isoformat()
    if g("weeks_ago"):  # the month of that day, as for 'last week': the formats allow no week
        return (published - timedelta(weeks=_count(g("weeks_ago"), grammar))).strftime("%Y-%m")
    if g("wd"):
        weekday = grammar.weekdays[g("wd").split()[-1].lower()]
        back = (published.weekday() - weekday) % 7
        if back == 0 and (g("wd_last") or g("wd").split()[0].lower() in grammar.previous):
            back = 7
        return (published - timedelta(days=back)).isoformat()
    words = " ".join(g("rel_day").lower().split())
    return (published + timedelta(days=grammar.relative_days.get(words, 0))).isoformat()


def _coming(m: re.Match[str], value: str | None, published: date | None, grammar: _Grammar) -> str | None:
    """The next occurrence of a weekday or a month named alone, where `value` holds the latest one."""
    if value is None or published is None:
        return None
    wd = m.group("wd")
    if wd and not m.group("wd_last") and wd.split()[0].lower() not in grammar.previous and len(value) == 10:
        return (date.fromisoformat(value) + timedelta(weeks=1)).isoformat()
    if m.group("month"):
        month = int(value[5:7])
        return f"{published.year + (month < published.month)}-{month:02d}"
    return None


def _count(word: str, grammar: _Grammar) -> int:
    """'3' or 'three', 'tiga'."""
    return int(word) if word.isdigit() else grammar.numbers[word.lower()]


def _shift(expression: str, grammar: _Grammar) -> int:
    """-1 for 'bulan lalu' / 'last month', +1 for 'bulan depan' / 'next month', 0 for 'bulan ini' / 'this month'."""
    ends = {expression.lower().split()[-1], expression.lower().split()[0]}
    if ends & grammar.previous:
        return -1
    if ends & grammar.following:
        return 1
    return 0


def _month(name: str, grammar: _Grammar) -> int:
    key = name.rstrip(".").lower()
    return grammar.months.get(key) or grammar.abbreviations[key]


def _month_of(day: date, shift: int) -> str:
    index = day.year * 12 + day.month - 1 + shift
    return f"{index // 12}-{index % 12 + 1:02d}"


def _weekday(name: str | None, grammar: _Grammar) -> int | None:
    """'Jumat, 8 Juli' -> Friday's number, which picks the year when none is written."""
    return grammar.weekdays[name.lower()] if name else None


def _day(year: str | None, month: int, day: int, published: date | None, weekday: int | None = None) -> str | None:
    """A calendar day; without a year, the occurrence nearest publication that the text allows.

    A weekday written with it ('Jumat (14/07)') picks the year whose day it is; else the latest
    occurrence on or before publication, unless one comes within `AHEAD` days after it (news
    announces what is about to happen: 'will meet on August 15', published August 13).
    """
    if year is not None:
        try:
            return date(int(year), month, day).isoformat()
        except ValueError:
            return None
    if published is None:
        return None
    candidates = []
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if weekday is not None and any(d.weekday() == weekday for d in candidates):
        return min((d for d in candidates if d.weekday() == weekday), key=lambda d: abs(d - published)).isoformat()
    ahead = [d for d in candidates if published < d <= published + AHEAD]
    past = [d for d in candidates if d <= published]
    chosen = ahead[0] if ahead else max(past, default=None)
    return chosen.isoformat() if chosen else None
