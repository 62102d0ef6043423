"""Within-article coreference: short names resolve to the full name they stand for.

News names a person in full once, then by part of the name ('McGurk',
'Bagheri-Kani'), and an organisation by its initials ('MEE' for Middle
East Eye). A capitalised word run that is a contiguous part of exactly
one person named in the article becomes a mention of that person; an
all-caps word that spells the initials of exactly one multi-word
organisation in the article becomes a mention of it; a one-word place that
ends a longer place named earlier ('Gaza' after 'Jalur Gaza') is that
place. A run of two or
more words that is part of exactly one KB person's name ('Ali Bagheri',
'Bagheri Kani' of 'Ali Bagheri Kani') resolves to that person even when
the full name never appears. Ambiguous parts stay unresolved.

A third-person pronoun opening a sentence ('Dia', 'Ia', 'Beliau', 'He',
'She', possibly after a connective: 'Namun, dia') is that sentence's
subject; it becomes a mention of the person when the sentence before names
exactly one person (before the pronoun, its own sentence names none). Two
people there, or none, leave it unresolved: a wrong antecedent would put
the next sentence's role or meeting on the wrong person.

Coreference decides the article's mentions (`Document.mentions`) from
the recognizers' proposals, the resolutions above included, so it also
gives every mention its confidence (`SOURCE_CONFIDENCE`, unless the
recognizer set one). Pronouns, connectives and the words initials skip
come from every language pack.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from loaders import lang
from loaders.edits import Edits
from loaders.kb.model import KBEntry
from loaders.lang import LanguagePack
from loaders.model import SOURCE_CONFIDENCE, Document, Mention, Sentence, Span, Token
from loaders.names import cues, media_names, mention_tokens, name_runs, without_web_suffix
from loaders.ner.common_words import ordinary
from loaders.normalize import fold
from loaders.pipeline import Resources, component
from loaders.text import dateline_parts, tokenize, word_after, word_before

_MIN_ACRONYM, _MAX_ACRONYM = 2, 6
_MIN_VARIANT = 4  # a given name spelled otherwise has at least these letters: 'Jong Un' and 'Jong Il' stay two
_INITIALS = re.compile(r"\w|(?:\w\.)+")
_CAPITAL_INITIALS = re.compile(r"[A-Z]{2,3}")  # inside a name, initials written without dots: 'Retno LP Marsudi'
_PARENTHESIS = re.compile(r"\s*\((?P<name>[A-Z][\w'.-]*)\)")


@dataclass(frozen=True)
class _Words:
    subject_pronoun: re.Pattern[str]  # 'Dia', 'Namun, dia', 'He' opening a sentence
    or_short: re.Pattern[str]  # ' atau MBZ', ', or MBS': a name's initials after 'or'
    place_words: frozenset[str]  # 'di', 'in', 'to': a place follows


@lang.compiled
def _words(packs: tuple[LanguagePack, ...]) -> _Words:
    connectives = lang.alternatives(lang.words(packs, lambda p: p.connectives))
    pronouns = lang.alternatives(lang.words(packs, lambda p: p.pronouns))
    or_words = lang.alternatives(lang.words(packs, lambda p: p.or_words))
    return _Words(
        re.compile(rf"(?:(?:{connectives}),?\s+)?(?P<pronoun>{pronouns})\b(?!['\u2019])", re.IGNORECASE),
        re.compile(rf",?\s+(?:{or_words})\s+(?P<name>[A-Z]{{2,6}})\b"),
        frozenset(lang.words(packs, lambda p: (*p.grammar.place_prepositions, *p.grammar.away_prepositions,
                                               *p.grammar.place_only_prepositions))),
    )


@component("coref", requires=("tokens", "sentences", "proposals"), assigns=("mentions",))
class Coreference:
    """The article's mentions: the proposals, pattern names relinked, name parts, acronyms and pronouns added,
    and the users' entity corrections (`loaders.edits`) applied."""

    def __init__(self, resources: Resources) -> None:
        self.index = resources.index
        self.edits = Edits()

    def configured(self, edits: Edits) -> Coreference:
        """A copy applying these users' corrections; this component stays as it is."""
        other = copy.copy(self)
        other.edits = edits
        return other

    def __call__(self, doc: Document) -> None:
        mentions = _with_short_names(doc, doc.proposed())
        self._relink_partial_names(doc, mentions)
        _shorten_places(mentions)
        people = _name_parts(mentions)
        acronyms = _acronyms(mentions)
        tokens = doc.tokens
        openers = {s.start for s in doc.sentences}
        for i, j in name_runs(doc, mention_tokens(doc, mentions)):
            target = self._person_for(tuple(t.folded for t in tokens[i:j]), people)
            if target is None and j - i > 1 and tokens[i].start in openers \
                    and ordinary([tokens[i].text], doc.article.lang):
                i += 1  # 'Sebelumnya Kabila dan Kagame': a common word capitalised as it opens the sentence
                target = self._person_for(tuple(t.folded for t in tokens[i:j]), people)
            words = tokens[i:j]
            if target is None and j - i == 1 and _MIN_ACRONYM <= len(words[0].text) <= _MAX_ACRONYM:
                target = acronyms.get(words[0].text)
            if target is not None:
                span = Span(words[0].start, words[-1].end, doc.text[words[0].start:words[-1].end])
                mentions.append(_copy(target, span))
        mentions.sort(key=lambda m: m.span.start)
        outlets = _outlets(doc, mentions) + self._editions(doc, mentions)
        mentions = [m for m in mentions if not _nationality(doc, m) and m.span.text not in _no_entities()
                    and not any(a <= m.span.start and m.span.end <= b and (m.span.start, m.span.end) != (a, b)
                                for a, b in outlets)]
        if self.edits:
            mentions = self.edits.apply(doc.text, mentions)
        doc.mentions = [_scored(m) for m in _with_pronouns(doc, mentions)]

    def _editions(self, doc: Document, mentions: list[Mention]) -> list[tuple[int, int]]:
        """'dikutip dari VOA Indonesia', 'BBC Indonesia': a country right after a news medium's name names the
        medium's edition, no mention of the state; spans as `_outlets` gives them, medium and country together."""
        found = []
        for a, b in pairwise(mentions):
            entry = self.index.entry(a.key) if a.key else None
            medium = a.span.text in media_names() or (entry is not None and entry.kind == "media")
            if medium and b.type == "Country" and doc.text[a.span.end:b.span.start] == " ":
                found.append((a.span.start, b.span.end))
        return found

    def _relink_partial_names(self, doc: Document, mentions: list[Mention]) -> None:
        """A pattern-found name that is part of a longer person's name is that person; so is a new name (a pattern's
        or the NER's) that is a person's name with initials added ('Retno L.P. Marsudi'); one that joins two people
        by a hyphen ('Obama-Duterte') is both."""
        people = _name_parts(mentions)
        for i, m in enumerate(list(mentions)):
            if m.type == "Place" and " " not in m.span.text and not _after_place_word(doc, m):
                # 'Abe dan Jinping berdiskusi': a word of a person's name the article gives, not the county it names
                person = self._person_for((fold(m.span.text),), people)
                mentions[i] = _copy(person, m.span) if person is not None else m
                continue
            if m.source not in ("pattern", "ner") or m.type != "Person" or m.qid:
                continue
            pair = self._hyphened_pair(m, people)
            if pair:  # its first half in its place, the second after the rest, then all in text order again
                mentions[i] = pair[0]
                mentions.append(pair[1])
                continue
            words = tuple(fold(m.span.text).split())
            written = m.span.text.split() if len(m.span.text.split()) == len(words) else [""] * len(words)
            # 'Retno L.P. Marsudi', 'Retno LP Marsudi' are Retno Marsudi
            bare = tuple(w for k, w in enumerate(words) if not _INITIALS.fullmatch(w)
                         and not (0 < k < len(words) - 1 and _CAPITAL_INITIALS.fullmatch(written[k])))
            part = self._person_for(words, people, besides=m.key) if m.source == "pattern" else None
            target = part or (self._person_for(bare, people, besides=m.key) if 1 < len(bare) < len(words) else None)
            target = target or _spelled_otherwise(words, m.key, mentions)
            if target is not None:
                mentions[i] = _copy(target, m.span)
        mentions.sort(key=lambda m: m.span.start)

    def _hyphened_pair(self, m: Mention, people: dict[tuple[str, ...], dict[str, Mention]]) -> list[Mention]:
        """'Obama-Duterte membahas ...': two people of the article joined by a hyphen, a mention of each."""
        parts = m.span.text.split("-")
        if len(parts) != 2 or not all(parts):
            return []
        found = [self._person_for(tuple(fold(p).split()), people, besides=m.key) for p in parts]
        if None in found or len({f.key for f in found if f is not None}) != 2:
            return []
        cut = m.span.start + len(parts[0])
        return [_copy(found[0], Span(m.span.start, cut, parts[0])),
                _copy(found[1], Span(cut + 1, m.span.end, parts[1]))]

    def _person_for(self, words: tuple[str, ...], people: dict[tuple[str, ...], dict[str, Mention]],
                    besides: str | None = None) -> Mention | KBEntry | None:
        """The one person in the article (other than `besides`) these words name part of, else the one KB person
        (two words or more)."""
        if all(w in cues().particles for w in words):
            return None
        hits = [first for key, first in people.get(words, {}).items() if key != besides]
        if len(hits) == 1:
            return hits[0]
        if hits or len(words) < 2:
            return None
        return self.index.person_parts.get(words)


def _spelled_otherwise(words: tuple[str, ...], key: str, mentions: list[Mention]) -> Mention | None:
    """The one other person of the article whose name is these words spelled one letter otherwise in a given name:
    'Joseph Borrell' for 'Josep Borrell', 'Aleksander Vucic' for 'Aleksandar Vucic' (captions and copy differ)."""
    if len(words) < 2:
        return None
    found: dict[str, Mention] = {}
    for other in mentions:
        theirs = tuple(fold(other.span.text).split())
        if other.type != "Person" or other.key == key or len(theirs) != len(words) or theirs[-1] != words[-1]:
            continue
        pairs = [(a, b) for a, b in zip(words[:-1], theirs[:-1], strict=True) if a != b]
        if len(pairs) != 1:
            continue
        mine, written = pairs[0]
        if len(mine) >= _MIN_VARIANT and mine[0] == written[0] and Levenshtein.distance(mine, written) == 1:
            found.setdefault(other.key, other)
    return next(iter(found.values())) if len(found) == 1 else None


def _with_short_names(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """An organisation's short name in parentheses right after it is that organisation: 'General Elections
    Commission (KPU)', 'Great Indonesia Movement Party (Gerindra)', whatever a recognizer made of the word; and
    a person's or an organisation's initials in parentheses or after 'or' are that one: 'Mohammed bin Salman
    (MBS)', 'Sheikh Mohamed bin Zayed Al Nahyan atau MBZ' (the letters, in order, open words of the name)."""
    out = list(mentions)
    named: dict[str, Mention] = {}
    for m in mentions:
        short = _PARENTHESIS.match(doc.text, m.span.end) if m.type in ("Person", "Organization") \
            and without_web_suffix(m.span.text) == m.span.text else None  # 'alodunia.com (Astana) -': a dateline
        if short is not None and m.type == "Person" and not _spells(short.group("name"), m.span.text):
            short = None  # 'Mohammed bin Salman (MBS)' is his; 'Joko Widodo (Jokowi)' the KB knows already
        if short is None and m.type in ("Person", "Organization"):
            short = _words().or_short.match(doc.text, m.span.end)
            short = short if short and _spells(short.group("name"), m.span.text) else None
        if short is not None:
            start, end = short.span("name")
            out = [o for o in out if not (o.span.start >= start and o.span.end <= end)]
            if m.type == "Organization" and _spells(short.group("name"), m.span.text):
                # 'Indian Ocean Rim Association (IORA)': one name, no place inside it
                out = [o for o in out if o is m or not (o.span.start >= m.span.start and o.span.end <= m.span.end)]
            out.append(_copy(m, Span(start, end, short.group("name"))))
            named.setdefault(short.group("name"), m)
    # the short name again later in the article, as another recognizer read it ('KPU said')
    out = [_copy(named[o.span.text], o.span) if o.span.text in named and o.key != named[o.span.text].key else o
           for o in out]
    return sorted(out, key=lambda m: m.span.start)


def _spells(initials: str, name: str) -> bool:
    """Whether the letters open words of `name` in order: 'MBZ' in 'Sheikh Mohamed bin Zayed Al Nahyan'."""
    firsts = iter(word[0].upper() for word in name.split())
    return len(initials) >= _MIN_ACRONYM and all(letter in firsts for letter in initials)


@lang.compiled
def _no_entities(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    """'Truth Social', 'X': social platforms are no entities (the annotation guidelines' rule), nor is named craft
    ('Air Force One', of none of the four types), as written."""
    return frozenset(lang.words(packs, lambda p: (*p.platforms, *p.vehicles)))


def _nationality(doc: Document, m: Mention) -> bool:
    """'warga Palestina', 'tahanan Palestina': the country names only people's nationality, not the state acting
    (the annotation guidelines' rule), so it is no mention of it; nor does it when it names its money ('dolar AS',
    'U.S. dollars', 'US$1')."""
    if m.type != "Country":
        return False
    pack = lang.get(doc.article.lang)
    before = fold(word_before(doc.text, m.span.start) or "")
    after = fold(word_after(doc.text, m.span.end) or "")
    return before in pack.nationality_nouns or not pack.currency_nouns.isdisjoint((before, after)) \
        or doc.text.startswith("$", m.span.end)


def _outlets(doc: Document, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The dateline's media named with a country ('Jakarta, CNBC Indonesia - '): the country and the network inside
    are part of the medium's name, no mention of the state or of CNBC (the annotation guidelines' rule for fixed
    proper names)."""
    if not doc.sentences:
        return []
    first = doc.sentences[0]
    parts = {(first.start + a, first.start + b) for a, b in dateline_parts(first.text)}
    return [(m.span.start, m.span.end) for m in mentions
            if m.type == "Organization" and (m.span.start, m.span.end) in parts and " " in m.span.text]


def _after_place_word(doc: Document, m: Mention) -> bool:
    """'di Jinping', 'flew to Hue': a place preposition before the word makes it the place."""
    return fold(word_before(doc.text, m.span.start) or "") in _words().place_words


def _with_pronouns(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions` and, for each sentence-opening pronoun, a mention of the one person the sentence before names."""
    subject_pronoun = _words().subject_pronoun
    found: list[Mention] = []
    k = 0
    previous: Sentence | None = None
    for sentence in doc.sentences:
        start = k
        while k < len(mentions) and mentions[k].span.start < sentence.end:
            k += 1
        pronoun = subject_pronoun.match(sentence.text)
        if pronoun and previous is not None:
            since = bisect_left(mentions, previous.start, 0, start, key=lambda m: m.span.start)
            before = [m for m in mentions[since:start] if m.type == "Person"]
            before += found[bisect_left(found, previous.start, key=lambda m: m.span.start):]
            if len({m.key for m in before}) == 1:
                at = sentence.start + pronoun.start("pronoun")
                span = Span(at, at + len(pronoun.group("pronoun")), pronoun.group("pronoun"),
                            SOURCE_CONFIDENCE["pronoun"])
                found.append(Mention(span, "Person", before[0].name, before[0].qid, before[0].key, "pronoun"))
        previous = sentence
    return sorted(mentions + found, key=lambda m: m.span.start)


def _scored(m: Mention) -> Mention:
    return m if m.span.confidence is not None else replace(m, span=replace(m.span, confidence=m.confidence))


def _name_parts(mentions: list[Mention]) -> dict[tuple[str, ...], dict[str, Mention]]:
    """Every run of words inside a name a person has in the article, and its first and last word -> person key ->
    their first mention: one lookup per candidate name part, however long the article ('Marsudi' -> Retno
    Marsudi)."""
    out: dict[tuple[str, ...], dict[str, Mention]] = {}
    seen: set[tuple[str, tuple[str, ...]]] = set()
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type != "Person":
            continue
        first.setdefault(m.key, m)
        for name in (tuple(fold(m.name).split()), tuple(fold(m.span.text).split())):
            if (m.key, name) in seen:
                continue
            seen.add((m.key, name))
            for k in range(len(name)):
                for j in range(k + 1, len(name) + 1):
                    out.setdefault(name[k:j], {}).setdefault(m.key, first[m.key])
            if len(name) > 2:  # 'Vinay Kwatra' for Vinay Mohan Kwatra: the middle name left out
                out.setdefault((name[0], name[-1]), {}).setdefault(m.key, first[m.key])
    return out


def _acronyms(mentions: list[Mention]) -> dict[str, Mention]:
    """Initials -> the one multi-word organisation in the article they spell."""
    found: dict[str, Mention | None] = {}
    for m in mentions:
        if m.type != "Organization":
            continue
        for name in {m.name, m.span.text}:
            initials = _initials(tokenize(name))
            if initials is None:
                continue
            held = found.setdefault(initials, m)
            if held is not None and held.key != m.key:
                found[initials] = None
    return {k: v for k, v in found.items() if v is not None}


def _initials(words: Sequence[Token]) -> str | None:
    minor = cues().minor
    major = [w.text for w in words if w.folded not in minor]
    return "".join(w[0] for w in major).upper() if len(major) >= _MIN_ACRONYM else None


def _shorten_places(mentions: list[Mention]) -> None:
    """A one-word place name that ends a longer place named earlier is that place: 'Gaza' after 'Jalur Gaza'.

    The KB may know the one word as another place (Gaza City's Indonesian label is 'Gaza'), but an
    article that has just said 'Jalur Gaza' means the strip when it goes on to say 'di Gaza'.
    """
    longer: dict[str, Mention] = {}
    for i, m in enumerate(mentions):
        if m.type != "Place":
            continue
        words = fold(m.span.text).split()
        if len(words) > 1:
            longer.setdefault(words[-1], m)
        elif words and (whole := longer.get(words[0])) is not None and whole.key != m.key:
            mentions[i] = _copy(whole, m.span)


def _copy(target: Mention | KBEntry, span: Span) -> Mention:
    name = target.label if isinstance(target, KBEntry) else target.name
    return Mention(span, target.type, name, target.qid, target.key, "coref")
