"""Spotting the KB's names in the text.

Every label, Indonesian label and alias of the seed KB, plus the few extra
names in `seeds/aliases.csv`, is indexed as a sequence of folded words
keyed by its first word; the text is scanned left to right and the
longest name starting at each word wins. Folding makes case, diacritics
and hyphens irrelevant, except where they carry the meaning:

- a short all-caps name ('AS', 'UN', 'WHO') matches only the same
  capitals, and one tagged with a language ('AS' is Indonesian for the
  United States) only in articles of that language or of unknown language;
- other capitalised name words must be capitalised in the text too;
- a bare surname alias of a person ('Biden') needs a title before it
  ('Presiden Biden'); otherwise the coreference component links surnames
  to a full name already in the article;
- a one-word place directly followed by another capitalised word is part
  of a longer name ('Washington Post', 'Kota Gaza'), and a country followed
  by a compass word names a region ('Amerika Latin');
- multi-word person names also match by `person_key`, so 'Ibrahim Raisi'
  finds the KB's 'Ebrahim Raisi'.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from loaders.dates import DATE_WORDS
from loaders.kb import KBEntry, KnowledgeBase
from loaders.model import Document, Mention, Span, Token
from loaders.names import PARTICLES, STOPWORDS, TITLE_RE, mention_tokens, name_runs, title_before
from loaders.normalize import person_key
from loaders.sentences import tokenize

SEED_ALIASES = Path(__file__).resolve().parent.parent / "seeds" / "aliases.csv"

# Characters that may always separate the words of a name: 'Amir-Abdollahian' is 'Amir Abdollahian'.
_SEPARATORS = frozenset(" \u00a0-\u2010\u2013")  # space, no-break space, hyphens, en dash
_MAX_GAP = 3
_SHORT_ACRONYM = 3
_MAX_PERSON_KEY_WORDS = 4
# One-word KB names that are ordinary words or first names far more often than the place:
# 'Natal' (Christmas, a Brazilian city), 'Kota' (city, an Indian city), 'Group' (from 'World Bank (Group)').
_NOT_NAMES = frozenset({"group", "natal", "kota", "orange", "resolute", "david", "george", "mary"})
_COMPASS = frozenset({"latin", "latina", "selatan", "utara", "tengah", "barat", "timur",
                      "south", "north", "central", "east", "west"})


@dataclass(frozen=True)
class AliasRow:
    """One row of `seeds/aliases.csv`: a name kabar adds to a KB entry."""

    target: str  # a QID, or the label of an entry without one
    type: str
    alias: str
    lang: str
    note: str


@dataclass(frozen=True)
class _Name:
    entry: KBEntry
    tokens: tuple[str, ...]  # folded words
    exact: tuple[str | None, ...]  # a short all-caps word must appear exactly so
    capitalized: tuple[bool, ...]
    gap_chars: frozenset[str]  # punctuation the name itself has between words ('St. Louis')
    rank: tuple[int, int]  # labels before aliases, then the KB's order
    lang: str | None  # only in articles of this language
    needs_title: bool  # a bare surname alias, or one the KB gives with its title ('Presiden Biden')
    final_period: bool  # 'U.S.': the last period belongs to the name


def load_aliases(path: Path = SEED_ALIASES) -> list[AliasRow]:
    with path.open(encoding="utf-8", newline="") as f:
        return [AliasRow(r["qid_or_name"].strip(), r["type"].strip(), r["alias"].strip(), r["lang"].strip(),
                         r["note"].strip()) for r in csv.DictReader(f)]


class NameIndex:
    """The KB's names, folded for lookup, and the person facts later components ask for."""

    def __init__(self, kb: KnowledgeBase, aliases: Iterable[AliasRow] = ()) -> None:
        self._by_key = {e.key: e for e in reversed(kb.entries)}
        extra = self._extra_names(kb, aliases)
        self.by_first: dict[str, list[_Name]] = {}
        keys: dict[tuple[str, ...], KBEntry | None] = {}
        parts: dict[tuple[str, ...], KBEntry | None] = {}
        full_names: set[tuple[str, ...]] = set()
        for order, entry in enumerate(kb.entries):
            for name, lang, is_alias in _entry_names(entry, extra.get(entry.key, ())):
                title = TITLE_RE.match(name) if entry.type == "Person" else None
                bare = name[title.end():] if title else name
                words = tokenize(bare)
                indexed = _index_name(entry, words, bare, lang, is_alias, bool(title), order)
                if indexed is None:
                    continue
                self.by_first.setdefault(indexed.tokens[0], []).append(indexed)
                full_names.add(indexed.tokens)
                if entry.type == "Person":
                    _claim(keys, person_key(indexed.tokens), entry)
                    for part in _name_parts(words):
                        _claim(parts, part, entry)
        for names in self.by_first.values():
            names.sort(key=lambda n: (-len(n.tokens), n.rank))
        self.person_keys = {k: e for k, e in keys.items() if e is not None}
        self.person_parts = {k: e for k, e in parts.items() if e is not None and k not in full_names}

    def country_of(self, key: str) -> str | None:
        """QID of the country of the entry with this mention key, when the KB says."""
        entry = self._by_key.get(key)
        return entry.country if entry else None

    def _extra_names(self, kb: KnowledgeBase, aliases: Iterable[AliasRow]) -> dict[str, list[AliasRow]]:
        by_label = {(e.type, e.label): e for e in kb.entries}
        extra: dict[str, list[AliasRow]] = {}
        for row in aliases:
            entry = kb.by_qid(row.target) if re.fullmatch(r"Q\d+", row.target) else by_label.get((row.type, row.target))
            if entry is None or entry.type != row.type:
                raise ValueError(f"aliases.csv: no {row.type} {row.target!r} in the KB for alias {row.alias!r}")
            extra.setdefault(entry.key, []).append(row)
        return extra


class Gazetteer:
    """Pipeline component: a Mention for every KB name found in the text."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def __call__(self, doc: Document) -> Document:
        tokens, text = doc.tokens, doc.text
        sentence_starts = {s.start for s in doc.sentences}
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            name = self._longest(doc, i, sentence_starts)
            if name is None:
                i += 1
                continue
            start, end = tokens[i].start, tokens[i + len(name.tokens) - 1].end
            if name.final_period and text.startswith(".", end):
                end += 1
            found.append(_mention(name.entry, Span(start, end, text[start:end])))
            i += len(name.tokens)
        found.extend(self._by_person_key(doc, found))
        doc.mentions.extend(found)
        doc.mentions.sort(key=lambda m: m.span.start)
        return doc

    def _longest(self, doc: Document, i: int, sentence_starts: set[int]) -> _Name | None:
        for name in self.index.by_first.get(doc.tokens[i].folded, ()):
            if _matches(doc, i, name) and _fits_context(doc, i, name, sentence_starts):
                return name
        return None

    def _by_person_key(self, doc: Document, found: list[Mention]) -> Iterator[Mention]:
        """Multi-word person names spelt another way ('Hussein Amir Abdullahian')."""
        tokens = doc.tokens
        for i, j in name_runs(doc, mention_tokens(doc, found)):
            k = i
            while k < j:
                for n in range(min(_MAX_PERSON_KEY_WORDS, j - k), 1, -1):
                    key = person_key([t.folded for t in tokens[k:k + n]])
                    entry = self.index.person_keys.get(key) if key else None
                    if entry is not None:
                        start, end = tokens[k].start, tokens[k + n - 1].end
                        yield _mention(entry, Span(start, end, doc.text[start:end]))
                        k += n
                        break
                else:
                    k += 1


def _mention(entry: KBEntry, span: Span) -> Mention:
    return Mention(span, entry.type, entry.label, entry.qid, entry.key, "kb")


def _entry_names(entry: KBEntry, extra: Iterable[AliasRow]) -> Iterator[tuple[str, str | None, bool]]:
    yield entry.label, None, False
    if entry.label_id:
        yield entry.label_id, None, False
    for alias, lang in entry.aliases:
        yield alias, lang, True
    for row in extra:
        yield row.alias, row.lang, True


def _index_name(entry: KBEntry, words: list[Token], name: str, lang: str | None, is_alias: bool, titled: bool,
                order: int) -> _Name | None:
    """`name` without a leading title ('Presiden Biden' -> ' Biden'), and its words."""
    if not words or not any(w.text[0].isupper() or w.text[0].isdigit() for w in words):
        return None  # 'news agency', 'detik.com': not written as a name
    folded = tuple(w.folded for w in words)
    if len(folded) == 1 and folded[0] in _NOT_NAMES:
        return None
    exact = tuple(w.text if _is_short_acronym(w.text) else None for w in words)
    gaps = "".join(name[a.end:b.start] for a, b in pairwise(words))
    return _Name(
        entry=entry,
        tokens=folded,
        exact=exact,
        capitalized=tuple(w.text[0].isupper() for w in words),
        gap_chars=frozenset(gaps),
        rank=(int(is_alias), order),
        lang=lang if lang in ("id", "en") and (any(exact) or (is_alias and lang == "id")) else None,
        needs_title=titled or (entry.type == "Person" and is_alias and len(words) == 1),
        final_period=name.endswith("."),
    )


def _is_short_acronym(word: str) -> bool:
    return word.isalpha() and word.isupper() and len(word) <= _SHORT_ACRONYM


def _name_parts(words: list[Token]) -> Iterator[tuple[str, ...]]:
    """Runs of two or more words inside a name of three or more: 'Ali Bagheri', 'Bagheri Kani'."""
    n = len(words)
    if n < 3:
        return
    for size in range(2, n):
        for start in range(n - size + 1):
            part = words[start:start + size]
            if any(len(w.folded) < 2 for w in part) or _is_particle(part[0]) or _is_particle(part[-1]):
                continue
            yield tuple(w.folded for w in part)


def _is_particle(word: Token) -> bool:
    return word.folded in PARTICLES and word.text.islower()


def _claim(table: dict[tuple[str, ...], KBEntry | None], key: tuple[str, ...] | None, entry: KBEntry) -> None:
    """Record key -> entry; a key that two different entries claim belongs to neither (None)."""
    if key is None:
        return
    if key not in table:
        table[key] = entry
    elif table[key] is not None and table[key].key != entry.key:
        table[key] = None


def _matches(doc: Document, i: int, name: _Name) -> bool:
    tokens, text = doc.tokens, doc.text
    if i + len(name.tokens) > len(tokens):
        return False
    if name.lang and doc.article.lang and doc.article.lang != name.lang:
        return False
    for k, folded in enumerate(name.tokens):
        tok = tokens[i + k]
        if tok.folded != folded:
            return False
        if name.exact[k] is not None and tok.text != name.exact[k]:
            return False
        if name.capitalized[k] and not tok.text[0].isupper():
            return False
        if k and not _joins(text[tokens[i + k - 1].end:tok.start], name.gap_chars):
            return False
    return True


def _joins(gap: str, allowed: frozenset[str]) -> bool:
    return len(gap) <= _MAX_GAP and all(c in _SEPARATORS or c in allowed for c in gap)


def _fits_context(doc: Document, i: int, name: _Name, sentence_starts: set[int]) -> bool:
    """The rules a matching name must also pass where the words around it decide."""
    tokens, text = doc.tokens, doc.text
    if name.needs_title:
        return title_before(text, tokens[i].start) is not None
    if len(name.tokens) > 1:
        return True
    if tokens[i].start in sentence_starts and name.tokens[0] in STOPWORDS:
        return False  # 'Antara ...' opening a sentence is the preposition, not the news agency
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or text[tokens[i].end:after.start] != " " or not after.text[0].isupper():
        return True
    if name.entry.type == "Country":
        return after.folded not in _COMPASS
    if name.entry.type == "Place":
        return after.folded in STOPWORDS or after.folded in DATE_WORDS or TITLE_RE.match(text, after.start) is not None
    return True
