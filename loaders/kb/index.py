"""The KB's names, folded for lookup: what the gazetteer spots and later components ask about people.

Every label, Indonesian label and alias of the KB, plus kabar's extra
names (`seeds/aliases.csv`), is indexed as a sequence of folded words keyed
by its first word, with what matching it needs: a short all-caps name
('AS', 'UN') matches only the same capitals, and one tagged with a language
('AS' is Indonesian for the United States) only in articles of that
language, as does any alias in a language other than English (the KB's
canonical names, which news in every language uses); a bare surname alias of a person ('Biden'), or a name the KB
gives with its title ('Presiden Biden'), needs a title before it. People
are also indexed by `person_key` (transliterations) and by the parts of
their names only one of them has ('Bagheri Kani').
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from loaders import lang
from loaders.kb.model import CANONICAL_LANGUAGE, KBEntry, KnowledgeBase
from loaders.kb.seed import AliasRow
from loaders.lang import LanguagePack
from loaders.model import Token
from loaders.names import cues, is_particle
from loaders.normalize import person_key
from loaders.text import tokenize

_SHORT_ACRONYM = 3
CURATED, LABEL, ALIAS = 0, 1, 2


@lang.compiled
def _not_names(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    """One-word KB names that are ordinary words or first names far more often than the place they name."""
    return frozenset(lang.words(packs, lambda p: p.not_names))


@dataclass(frozen=True)
class IndexedName:
    entry: KBEntry
    tokens: tuple[str, ...]  # folded words
    exact: tuple[str | None, ...]  # a short all-caps word must appear exactly so
    capitalized: tuple[bool, ...]
    gap_chars: frozenset[str]  # punctuation the name itself has between words ('St. Louis')
    rank: tuple[int, int]  # kabar's aliases, then labels, then aliases; then the KB's order
    lang: str | None  # only in articles of this language
    needs_title: bool  # a bare surname alias, or one the KB gives with its title ('Presiden Biden')
    final_period: bool  # 'U.S.': the last period belongs to the name


class NameIndex:
    """The KB's names, folded for lookup, and the person facts later components ask for."""

    def __init__(self, kb: KnowledgeBase, aliases: Iterable[AliasRow] = ()) -> None:
        self._by_key = {e.key: e for e in reversed(kb.entries)}
        extra = self._extra_names(kb, aliases)
        title_re = cues().title
        self.by_first: dict[str, list[IndexedName]] = {}
        keys: dict[tuple[str, ...], KBEntry | None] = {}
        parts: dict[tuple[str, ...], KBEntry | None] = {}
        full_names: set[tuple[str, ...]] = set()
        for order, entry in enumerate(kb.entries):
            for name, lang_, rank in _entry_names(entry, extra.get(entry.key, ())):
                title = title_re.match(name) if entry.type == "Person" else None
                bare = name[title.end():] if title else name
                words = tokenize(bare)
                indexed = _index_name(entry, words, bare, lang_, rank, bool(title), order)
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

    def entry(self, key: str) -> KBEntry | None:
        """The entry with this mention key (its QID, or type and label)."""
        return self._by_key.get(key)

    def country_of(self, key: str) -> str | None:
        """QID of the country of the entry with this mention key, when the KB says."""
        entry = self._by_key.get(key)
        return entry.country if entry else None

    def _extra_names(self, kb: KnowledgeBase, aliases: Iterable[AliasRow]) -> dict[str, list[AliasRow]]:
        by_label = {(e.type, e.label): e for e in kb.entries}
        extra: dict[str, list[AliasRow]] = {}
        for row in aliases:
            qid = re.fullmatch(r"Q\d+", row.target)
            entry = kb.by_qid(row.target) if qid else by_label.get((row.type, row.target))
            if entry is None and qid:
                continue  # an entry of the large KB only: the kb_names component and the linker read it
            if entry is None or entry.type != row.type:
                raise ValueError(f"aliases.csv: no {row.type} {row.target!r} in the KB for alias {row.alias!r}")
            extra.setdefault(entry.key, []).append(row)
        return extra


def _entry_names(entry: KBEntry, extra: Iterable[AliasRow]) -> Iterator[tuple[str, str | None, int]]:
    """Every name of the entry with its rank: kabar's own aliases (`CURATED`) first, then labels, then aliases."""
    yield entry.label, None, LABEL
    if entry.label_id:
        yield entry.label_id, None, LABEL
    for alias, alias_lang in entry.aliases:
        yield alias, alias_lang, ALIAS
    for row in extra:
        yield row.alias, row.lang, CURATED


def _index_name(entry: KBEntry, words: list[Token], name: str, name_lang: str | None, rank: int, titled: bool,
                order: int) -> IndexedName | None:
    """`name` without a leading title ('Presiden Biden' -> ' Biden'), and its words."""
    # a medium's own lower-case styling, one word ('dpa'), is its name where written just so
    styled = entry.kind == "media" and len(words) == 1 and words[0].text.isalpha() and words[0].text.islower()
    if not words or not (styled or any(w.text[0].isupper() or w.text[0].isdigit() for w in words)):
        return None  # 'news agency', 'detik.com': not written as a name
    folded = tuple(w.folded for w in words)
    if len(folded) == 1 and folded[0] in _not_names():
        return None
    is_alias = rank != LABEL
    exact = tuple(w.text if is_short_acronym(w.text) or styled else None for w in words)
    gaps = "".join(name[a.end:b.start] for a, b in pairwise(words))
    return IndexedName(
        entry=entry,
        tokens=folded,
        exact=exact,
        capitalized=tuple(w.text[0].isupper() for w in words),
        gap_chars=frozenset(gaps),
        rank=(rank, order),
        lang=name_lang if name_lang in lang.codes() and (any(exact) or (is_alias and name_lang != CANONICAL_LANGUAGE))
        else None,
        needs_title=titled or (entry.type == "Person" and is_alias and len(words) == 1),
        final_period=name.endswith("."),
    )


def is_short_acronym(word: str) -> bool:
    return word.isalpha() and word.isupper() and len(word) <= _SHORT_ACRONYM


def _name_parts(words: list[Token]) -> Iterator[tuple[str, ...]]:
    """Runs of two or more words inside a name of three or more: 'Ali Bagheri', 'Bagheri Kani'."""
    n = len(words)
    if n < 3:
        return
    for size in range(2, n):
        for start in range(n - size + 1):
            part = words[start:start + size]
            if any(len(w.folded) < 2 for w in part) or is_particle(part[0]) or is_particle(part[-1]):
                continue
            yield tuple(w.folded for w in part)


def _claim(table: dict[tuple[str, ...], KBEntry | None], key: tuple[str, ...] | None, entry: KBEntry) -> None:
    """Record key -> entry; a key that two different entries claim belongs to neither (None)."""
    if key is None:
        return
    if key not in table:
        table[key] = entry
    elif table[key] is not None and table[key].key != entry.key:
        table[key] = None
