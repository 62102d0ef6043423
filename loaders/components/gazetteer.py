"""Spotting the KB's names in the text (`NameIndex`): the first recognizer.

The text is scanned left to right and the longest name starting at each
word wins. Folding makes case, diacritics and hyphens irrelevant, except
where they carry the meaning:

- a short all-caps name ('AS', 'UN', 'WHO') matches only the same
  capitals, and one tagged with a language only in articles of that
  language (see `loaders.kb.index`);
- other capitalised name words must be capitalised in the text too;
- a bare surname alias of a person ('Biden') needs a title before it
  ('Presiden Biden'); otherwise the coreference component links surnames
  to a full name already in the article;
- a one-word place directly followed by another capitalised word is part
  of a longer name ('Washington Post', 'Kota Gaza'), as is a world region
  in English ('Middle East Monitor'), and a country followed
  by a compass word names a region ('Amerika Latin');
- a one-word place right after a given name (a word that opens many KB
  persons' names: 'Lloyd Austin', 'Karine Jean-Pierre') is a person's
  surname, and a short all-caps name right after another all-caps word is
  part of a longer acronym ('TNI AU' is not the African Union);
- a demonym right before a title is the country acting ('Ukrainian
  President', 'South Korean Prime Minister', as 'Presiden Ukraina'), and so
  is one before a party noun ('Israeli negotiators', 'an Egyptian security
  delegation'), each of a list of them ('Israeli and Syrian representatives'),
  or a plural one after 'the' ('met with the Americans'); the
  English pack knows every state's (`seeds/demonyms.csv`);
- a body named with its owner's acronym gives the owner too ('Dewan Keamanan
  PBB', 'UN Security Council': the United Nations as well);
- multi-word person names also match by `person_key`, so 'Ibrahim Raisi'
  finds the KB's 'Ebrahim Raisi'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from loaders import lang
from loaders.kb.build.index import KBIndex, record_type
from loaders.kb.index import ALIAS, IndexedName
from loaders.kb.model import KBEntry
from loaders.lang import LanguagePack
from loaders.model import Document, Mention, Span
from loaders.names import (
    after_given_name,
    cues,
    ends_longer_name,
    given_before_name,
    in_gathering_name,
    mention_tokens,
    name_runs,
    opens_longer_name,
    region_opens_name,
    title_before,
    title_spans,
    web_suffix_at,
)
from loaders.normalize import person_key
from loaders.pipeline import Resources, component
from loaders.text import token_at

# Characters that may always separate the words of a name: 'Amir-Abdollahian' is 'Amir Abdollahian'.
_SEPARATORS = frozenset(" \u00a0-\u2010\u2013")  # space, no-break space, hyphens, en dash
_MAX_GAP = 3
_MAX_PERSON_KEY_WORDS = 4
_PERSON_HEAD_WORDS = 3  # words before a one-word place that may make a person's whole name with it
_BODY_WORDS_AFTER = 2  # words after a body's name that may make another body's name with it


@lang.compiled
def _compass(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    return frozenset(lang.words(packs, lambda p: p.compass_words))


@lang.compiled
def _demonyms(packs: tuple[LanguagePack, ...]) -> dict[str, str]:
    return dict(lang.merged_mapping(packs, lambda p: p.demonyms, "demonym"))


@lang.compiled
def _party_nouns(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    return frozenset(lang.words(packs, lambda p: p.party_nouns))


_PEOPLE = re.compile(r"\b[Tt]he (?P<people>(?P<demonym>(?:[A-Z][a-z]+ )?[A-Z][a-z]+?)(?:s|es))\b")
_JOINED = re.compile(r"(?:,| and) $")
_DEMONYM_WORDS = 3  # the longest demonym, in words: 'Central African', 'Sao Tomean'


def _demonym_before(text: str, start: int) -> Span | None:
    """The capitalised demonym that ends one space before `start`, the longest first ('South Korean', 'Korean')."""
    return _demonym_ending(text, start - 1) if text[start - 1:start] == " " else None


def _demonym_ending(text: str, end: int) -> Span | None:
    """The capitalised demonym that ends at `end`, the longest first."""
    words = text[max(0, end - 60):end].split(" ")[-_DEMONYM_WORDS:]
    for n in range(len(words), 0, -1):
        name = " ".join(words[-n:])
        if name.lower() in _demonyms() and all(w[:1].isupper() for w in words[-n:]):
            return Span(end - len(name), end, name)
    return None


@component("gazetteer", requires=("tokens", "sentences"), assigns=("proposals",))
class Gazetteer:
    """A Mention for every KB name found in the text."""

    def __init__(self, resources: Resources) -> None:
        self.index = resources.index
        self.given = resources.given_names
        self.kb: KBIndex | None = resources.kb_index

    def __call__(self, doc: Document) -> None:
        tokens, text = doc.tokens, doc.text
        sentence_starts = {s.start for s in doc.sentences}
        named: list[tuple[IndexedName, Span]] = []
        i = 0
        while i < len(tokens):
            name = self._longest(doc, i, sentence_starts)
            if name is None:
                i += 1
                continue
            start, end = tokens[i].start, tokens[i + len(name.tokens) - 1].end
            if name.final_period and text.startswith(".", end):
                end += 1
            named.append((name, Span(start, end, text[start:end])))
            i += len(name.tokens)
        found = [_mention(_named_in_full(name, named), span) for name, span in named]
        found.extend(self._by_person_key(doc, found))
        found.extend(self._demonyms(doc, found))
        found.extend(self._owners(doc, found))
        doc.proposals[self.name] = found

    def _owners(self, doc: Document, found: list[Mention]) -> Iterator[Mention]:
        """'Dewan Keamanan PBB', 'UN Security Council', 'United Nations Security Council': a body named with its
        owner's acronym or name, at the name's end or start, gives the owner too (the guidelines' rule), as a
        mention inside the body's."""
        tokens = doc.tokens
        for m in [m for m in found if m.type == "Organization"]:
            i, j = token_at(tokens, m.span.start), token_at(tokens, m.span.end)
            for k, n in self._owner_names(doc, i, j):
                if n.entry.key != m.key:
                    end = tokens[k + len(n.tokens) - 1].end
                    yield _mention(n.entry, Span(tokens[k].start, end, doc.text[tokens[k].start:end]))

    def _owner_names(self, doc: Document, i: int, j: int) -> Iterator[tuple[int, IndexedName]]:
        """The organisations' names that open or close the body's name at tokens [i, j): an acronym ('UN'), or a
        name of more words than one, shorter than the body's, where owners stand: first in English ('United
        Nations Security Council'; 'Australian Associated Press' is no press of the AP's), last in Indonesian
        ('Dewan Keamanan Perserikatan Bangsa-Bangsa')."""
        tokens = doc.tokens
        for k in {i, j - 1} if j - i > 1 else ():
            if tokens[k].text.isupper():
                yield from [(k, n) for n in self.index.by_first.get(tokens[k].folded, ()) if len(n.tokens) == 1
                            and _matches(doc, k, n) and n.entry.type == "Organization"][:1]
        pack = lang.find(doc.article.lang)
        if pack is None:
            return
        head_final = bool(pack.organization_heads)
        for k in [i] if head_final else range(i + 1, j - 1):  # the longest name first
            for n in self.index.by_first.get(tokens[k].folded, ()):
                fits = len(n.tokens) < j - i if head_final else k + len(n.tokens) == j
                if len(n.tokens) > 1 and fits and n.entry.type == "Organization" and _matches(doc, k, n):
                    yield k, n
                    return

    def _demonyms(self, doc: Document, found: list[Mention]) -> Iterator[Mention]:
        """'Ukrainian President': the demonym before a title names the country acting."""
        taken = bytearray(len(doc.text) + 1)
        for m in found:
            taken[m.span.start:m.span.end] = b"\1" * (m.span.end - m.span.start)
        parties = set(self._party_starts(doc))
        for start in [s for s, _ in title_spans(doc)] + sorted(parties):
            found_at = _demonym_before(doc.text, start)
            while found_at is not None:
                entry = self.index.entry(_demonyms()[found_at.text.lower()])
                if entry is not None and not any(taken[found_at.start:found_at.end]):
                    yield _mention(entry, found_at)
                # 'Iranian, Saudi and Omani delegations': each demonym of a list before a party noun names its state
                joined = _JOINED.search(doc.text, max(0, found_at.start - len(" and ")), found_at.start) \
                    if start in parties else None
                found_at = _demonym_ending(doc.text, joined.start()) if joined else None
        for m in _PEOPLE.finditer(doc.text):  # 'met with the Americans': the people for their state
            entry = self.index.entry(_demonyms().get(m.group("demonym").lower(), ""))
            if entry is not None and not any(taken[m.start("people"):m.end("people")]):
                yield _mention(entry, Span(m.start("people"), m.end("people"), m.group("people")))

    @staticmethod
    def _party_starts(doc: Document) -> list[int]:
        """Where a party noun's phrase starts, a lower-case word before it included: 'security delegation'."""
        tokens, starts = doc.tokens, []
        for i, tok in enumerate(tokens):
            if tok.folded in _party_nouns() and tok.text.islower():
                starts.append(tok.start)
                if i and tokens[i - 1].text.islower():
                    starts.append(tokens[i - 1].start)
        return starts

    def _longest(self, doc: Document, i: int, sentence_starts: set[int]) -> IndexedName | None:
        for name in self.index.by_first.get(doc.tokens[i].folded, ()):
            if _matches(doc, i, name) and _fits_context(doc, i, name, sentence_starts, self.given) \
                    and not self._inside_longer_name(doc, i, name):
                return name
        return None

    def _inside_longer_name(self, doc: Document, i: int, name: IndexedName) -> bool:
        """A one-word place after a given name ('Lloyd Austin'), a short acronym after an acronym ('TNI AU'), a
        body's name after a capitalised word ('Iran's National Security Council' is no UN Security Council; an
        owner's acronym before it, 'U.S. Treasury Department', leaves it whole)."""
        if i == 0 or doc.text[doc.tokens[i - 1].end:doc.tokens[i].start] not in (" ", "-"):
            return False
        if name.entry.type == "Organization" and self._body_of_body(doc, i, len(name.tokens)):
            return True
        if len(name.tokens) > 1:
            if name.entry.type == "Person":
                return self._given_before(doc, i)
            return name.entry.type == "Organization" and ends_longer_name(doc, i, len(name.tokens))
        if name.exact[0] is not None:
            return doc.tokens[i - 1].text.isupper() and len(doc.tokens[i - 1].text) > 1
        return name.entry.type == "Place" and (after_given_name(doc, i, self.given) or self._ends_person(doc, i))

    def _body_of_body(self, doc: Document, i: int, words: int) -> bool:
        """'African Union Commission', 'NATO Parliamentary Assembly': the capitalised words after a body's name make
        with it the name of another body the large KB knows, which the KB names' component then finds whole."""
        tokens, text = doc.tokens, doc.text
        end = i + words
        for extra in range(1, _BODY_WORDS_AFTER + 1):
            k = end + extra - 1
            if k >= len(tokens) or text[tokens[k - 1].end:tokens[k].start] != " " or not tokens[k].text[:1].isupper():
                return False
            whole = text[tokens[i].start:tokens[k].end]
            if self.kb is not None and any(record_type(r) == "Organization" for r in self.kb.records(whole)):
                return True
        return False

    def _given_before(self, doc: Document, i: int) -> bool:
        return given_before_name(doc, i) and not any(
            _matches(doc, i - 1, n) for n in self.index.by_first.get(doc.tokens[i - 1].folded, ()))

    def _ends_person(self, doc: Document, i: int) -> bool:
        """'Vuong Dinh Hue': the capitalised words before a one-word place make with it a person the large KB
        knows by that whole name."""
        tokens, text = doc.tokens, doc.text
        for n in range(1, _PERSON_HEAD_WORDS + 1):
            k = i - n
            if k < 0 or not tokens[k].text[:1].isupper() or text[tokens[k].end:tokens[k + 1].start] != " ":
                return False
            whole = text[tokens[k].start:tokens[i].end]
            if self.kb is not None and any(record_type(r) == "Person" for r in self.kb.records(whole)):
                return True
        return False

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


def _named_in_full(name: IndexedName, named: list[tuple[IndexedName, Span]]) -> KBEntry:
    """'Congo' after 'Democratic Republic of Congo': a country's one-word alias (not its label) that is a word of
    another country's longer name in the article stands for that country ('Congo' is the Republic of the Congo's
    alias); a label keeps its country ('Sudan' beside 'South Sudan')."""
    if name.entry.type != "Country" or name.rank[0] != ALIAS or len(name.tokens) != 1:
        return name.entry
    return next((other.entry for other, _ in named if other.entry.type == "Country" and len(other.tokens) > 1
                 and other.entry.key != name.entry.key and name.tokens[0] in other.tokens), name.entry)


def _world_region(entry: KBEntry) -> bool:
    """A region of no one country: 'Asia', 'Middle East', 'East Africa' (not 'Anhui', 'Tigray')."""
    return entry.kind == "region" and entry.country is None


def _mention(entry: KBEntry, span: Span) -> Mention:
    return Mention(span, entry.type, entry.label, entry.qid, entry.key, "kb")


def _matches(doc: Document, i: int, name: IndexedName) -> bool:
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


def _fits_context(doc: Document, i: int, name: IndexedName, sentence_starts: set[int], given: frozenset[str]) -> bool:
    """The rules a matching name must also pass where the words around it decide."""
    tokens, text = doc.tokens, doc.text
    if web_suffix_at(text, tokens[i + len(name.tokens) - 1].end):  # 'KOMPAS.com' is the site, not the paper
        return False
    if name.needs_title:  # 'King Salman', but not 'Foreign Minister Salman Khurshid': a longer name goes on,
        # unless a given name opens the next one ('utusan khusus Trump Steve Witkoff'), itself a longer name (not
        # 'Foreign Secretary Salman Bashir will')
        last = i + len(name.tokens) - 1
        return title_before(text, tokens[i].start) is not None and (
            not opens_longer_name(doc, last)
            or (tokens[last + 1].folded in given and opens_longer_name(doc, last + 1)))
    if _world_region(name.entry) and (region_opens_name(doc, i + len(name.tokens) - 1, given)
                                      or in_gathering_name(doc, i)):
        return False  # 'Middle East Monitor', 'Asia-Pacific Economic Cooperation', 'KTT Asia Timur': inside a name
    if len(name.tokens) > 1:
        return True
    pack = lang.find(doc.article.lang)  # the article's own function words: 'Antara' opens English lines as the agency
    stopwords = pack.stopwords if pack is not None else cues().stopwords
    if tokens[i].start in sentence_starts and name.tokens[0] in stopwords:
        return False  # 'Antara ...' opening an Indonesian sentence is the preposition, not the news agency
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or text[tokens[i].end:after.start] != " " or not after.text[0].isupper():
        return True
    if name.entry.type == "Country":
        return after.folded not in _compass()
    if name.entry.type == "Place":  # 'Juru Bicara Kremlin Dmitry Peskov': after a title, the post's seat, unless a
        # body's name goes on ('ketua Minsk Group')
        return not opens_longer_name(doc, i) or (title_before(text, tokens[i].start) is not None
                                                 and after.folded not in cues().organization_heads)
    return True
