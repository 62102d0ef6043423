"""Positions people hold, from three precise patterns around a person mention.

- title before the name, with a country, an organisation or a ministry
  between, or a possessive or demonym before: 'Presiden Iran Ibrahim Raisi',
  'juru bicara Kementerian Luar Negeri Iran Nasser Kanaani', "Iran's Foreign
  Minister X", 'Iranian Foreign Minister X', 'Foreign Minister Hakan Fidan';
- 'X menjabat (sebagai) <title>' / 'X serves as <title>', the person possibly
  a pronoun resolved by coreference ('Dia kini menjabat sebagai menteri luar
  negeri');
- an apposition: 'X, kepala penasihat Presiden AS Joe Biden,',
  "X, Russia's foreign minister,", 'X, the Iranian foreign minister,'.

`of` is the country or organisation the text states (a country also by its
demonym, or 'asal Iran'); failing that, the person's country in the KB;
failing that, None. The words (serving verbs, articles, demonyms, 'asal')
come from every language pack.

Confidence: the pattern's (`_TITLE_BEFORE`, `_SERVES_AS`, `_APPOSITION_CONFIDENCE`),
times the person mention's, times `_FROM_KB` when `of` is only the KB's guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from loaders import lang
from loaders.iris import entity_iri
from loaders.lang import LanguagePack
from loaders.model import Document, Mention, Position, Span
from loaders.names import cues, is_position_title
from loaders.pipeline import Resources, component

_AGENT_TYPES = ("Country", "Organization")
_TITLE_BEFORE, _SERVES_AS, _APPOSITION_CONFIDENCE, _FROM_KB = 0.9, 0.9, 0.8, 0.9
_POSSESSIVE = re.compile("['\u2019]s\\s+")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
_MAX_BETWEEN = 4  # organisation words between a title and the name: 'Kementerian Luar Negeri'
_WINDOW = 80
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Words:
    serves: re.Pattern[str]  # ' kini menjabat sebagai ', ' serves as the '
    apposition: re.Pattern[str]  # ', the ', ', seorang '
    demonym: re.Pattern[str]  # 'Iranian ': a country by its demonym
    demonyms: dict[str, str]  # demonym -> the country's QID
    origin: re.Pattern[str]  # ' asal ': 'menteri asal Iran'
    links: frozenset[str]  # lower-case words inside a post's names: 'Director of the CIA', 'bin'


@lang.compiled
def _words(packs: tuple[LanguagePack, ...]) -> _Words:
    adverbs = lang.alternatives(lang.words(packs, lambda p: p.serving_adverbs))
    verbs = lang.alternatives(lang.words(packs, lambda p: p.serving_verbs))
    articles = cues().articles
    demonyms = lang.merged_mapping(packs, lambda p: p.demonyms, "demonym")
    return _Words(
        serves=re.compile(rf"\s+(?:(?:{adverbs})\s+)*(?:{verbs})\s+(?:(?:{articles})\s+)?", re.IGNORECASE),
        apposition=re.compile(rf"\s*,\s*(?:(?:{articles})\s+)?", re.IGNORECASE),
        demonym=re.compile(r"(?P<demonym>" + lang.alternatives(_capitalised(d) for d in demonyms) + r")\s+"),
        demonyms=demonyms,
        origin=re.compile(rf"\s+(?:{lang.alternatives(lang.words(packs, lambda p: p.origin_words))})\s+",
                          re.IGNORECASE),
        links=frozenset(lang.words(packs, lambda p: (*p.particles, *p.articles, *p.grammar.conjunctions,
                                                     *p.grammar.of_words))),
    )


def _capitalised(demonym: str) -> str:
    """'south korean' as news writes it before a title: 'South Korean'."""
    return " ".join(w[:1].upper() + w[1:] for w in demonym.split())


@dataclass(frozen=True)
class _Owner:
    id: str
    start: int
    end: int


@component("positions", requires=("tokens", "sentences", "mentions", "entities", "referents"), assigns=("positions",))
class Positions:
    """The posts the persons of `doc.entities` hold, by entity id."""

    def __init__(self, resources: Resources) -> None:
        self.index = resources.index

    def __call__(self, doc: Document) -> None:
        starts = {m.span.start: m for m in doc.mentions}
        ends = {m.span.end: m for m in doc.mentions}
        held: dict[str, list[Position]] = {}
        for m in doc.mentions:
            if doc.type_of(m) != "Person":
                continue
            posts = held.setdefault(doc.entity_of(m), [])
            for position in (self._title_before(doc, m, ends, starts), self._serves_as(doc, m, starts),
                             self._apposition(doc, m, starts)):
                if position is not None and not any(
                        (p.title.lower(), p.of) == (position.title.lower(), position.of) for p in posts):
                    posts.append(position)
        doc.positions = {entity: posts for entity, posts in held.items() if posts}

    def _title_before(self, doc: Document, m: Mention, ends: dict[int, Mention],
                      starts: dict[int, Mention]) -> Position | None:
        """'<title> [ministry] [country] <name>': between title and name only an agent and an organisation name."""
        text = doc.text
        title = _last_title(text, m.span.start)
        if title is None or not is_position_title(title.group()):
            return None
        between = _between(doc, title.end(), m.span.start, starts)
        if between is None:
            return None
        post_end, owner = between
        post = text[title.start():post_end]
        if owner is not None:
            stated = _Owner(doc.entity_of(owner), owner.span.start, owner.span.end)
            return self._position(m, post, text, title.start(), owner.span.end, stated, _TITLE_BEFORE)
        before = _owner_before(doc, title.start(), ends)
        start = before.start if before else title.start()
        return self._position(m, post, text, start, post_end, before, _TITLE_BEFORE)

    def _serves_as(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text = doc.text
        verb = _words().serves.match(text, m.span.end)
        title = cues().title.match(text, verb.end()) if verb else None
        if title is None or not is_position_title(title.group()):
            return None
        owner = _agent_after(doc, title.end(), starts)
        end = owner.end if owner else title.end()
        return self._position(m, title.group(), text, title.start(), end, owner, _SERVES_AS)

    def _apposition(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text, title_re = doc.text, cues().title
        comma = _words().apposition.match(text, m.span.end)
        if comma is None:
            return None
        pos = comma.end()
        owner = _owner_at(doc, pos, starts)
        lead = (_POSSESSIVE.match(text, owner.end) or _SPACE.match(text, owner.end)) if owner else None
        title = title_re.match(text, lead.end()) if lead else None
        if title is None:
            owner, title = None, title_re.match(text, pos)
        if title is None or not is_position_title(title.group()):
            return None
        if _named_after(doc, title.end(), starts):
            return None  # 'Saakashvili, Kazakh President Nursultan Nazarbayev': the post is the next name's
        # 'Usai bertemu Prabowo, Menhan China juga menggelar': a post opening the next clause is no apposition, but the
        # name that opens its sentence has it ('Kairat Abdrakhmanov, menteri luar negeri Kazakhstan telah melakukan')
        if not _closed(text, title.end()) and not any(s.start == m.span.start for s in doc.sentences):
            return None
        if owner is None:
            agent = _agent_within(doc, title.end(), _clause_end(text, title.end()))
            owner = _Owner(doc.entity_of(agent), agent.span.start, agent.span.end) if agent else None
        start = owner.start if owner and owner.start < title.start() else title.start()
        return self._position(m, title.group(), text, start, title.end(), owner, _APPOSITION_CONFIDENCE)

    def _position(self, m: Mention, title: str, text: str, start: int, end: int, owner: _Owner | None,
                  pattern: float) -> Position:
        """The post `title` stated by text[start:end]; its owner the stated one, else the KB's country."""
        confidence = pattern * m.confidence
        of = owner.id if owner else None
        if of is None:
            qid = self.index.country_of(m.key)
            of = entity_iri("Country", "", qid) if qid else None
            confidence *= _FROM_KB if of else 1.0
        return Position(title, of, Span(start, end, text[start:end], round(confidence, 2)))


def _last_title(text: str, offset: int) -> re.Match[str] | None:
    found = None
    for title in cues().title.finditer(text, max(0, offset - _WINDOW), offset):
        found = title
    return found


def _agent(doc: Document, mention: Mention | None) -> _Owner | None:
    """The mention as an owner, if it names a country or an organisation."""
    if mention is None or doc.type_of(mention) not in _AGENT_TYPES:
        return None
    return _Owner(doc.entity_of(mention), mention.span.start, mention.span.end)


def _between(doc: Document, start: int, end: int, starts: dict[int, Mention]
             ) -> tuple[int, Mention | None] | None:
    """Where the post's words end and the agent after them, if text[start:end] is ' [Ministry words] [agent] '.

    Organisation words must open with an organisation head ('Kementerian Luar Negeri'), so a first name
    the recognizer missed ('Presiden Vladimir |Putin') is never read as part of a post.
    """
    text, organization_words = doc.text, cues().organization_words
    post_end, owner, words, k = start, None, 0, start
    while k < end:
        if owner is not None and text[k:end].strip() == ",":  # 'Presiden Republik Kenya, William Ruto'
            break
        if text[k] != " ":
            return None
        k += 1
        if k == end:
            break
        agent = starts.get(k)
        if owner is None and agent is not None and doc.type_of(agent) in _AGENT_TYPES:
            state_form = text[:k].split()[-1].lower() in cues().state_forms if words else False
            if state_form:  # 'Presiden Republik Kenya': the post is 'Presiden'
                post_end = text.rfind(" ", 0, k - 1)
            owner, k = agent, agent.span.end
            continue
        word = _CAPITALISED.match(text, k)
        if owner is not None or word is None or words >= _MAX_BETWEEN or (
                words == 0 and word.group().lower() not in organization_words):
            return None
        words, k = words + 1, word.end()
        post_end = k
    return post_end, owner


def _demonym_owner(match: re.Match[str], start: int, end: int) -> _Owner:
    name = " ".join(match.group("demonym").split()).lower()
    return _Owner(entity_iri("Country", "", _words().demonyms[name]), start, end)


def _owner_before(doc: Document, offset: int, ends: dict[int, Mention]) -> _Owner | None:
    """"Iran's |Foreign Minister", 'Iranian |Foreign Minister': the agent named just before a title."""
    text = doc.text
    k = len(text[:offset].rstrip())
    demonym = _words().demonym.match(text, text.rfind(" ", 0, k) + 1) if k > 0 else None
    if demonym and demonym.end() == offset:
        return _demonym_owner(demonym, demonym.start(), k)
    if text[k - 2:k] in ("'s", "\u2019s"):
        k -= 2
    return _agent(doc, ends.get(k))


def _owner_at(doc: Document, offset: int, starts: dict[int, Mention]) -> _Owner | None:
    """The agent starting at `offset`: a country or organisation mention, or a demonym."""
    owner = _agent(doc, starts.get(offset))
    if owner is not None:
        return owner
    demonym = _words().demonym.match(doc.text, offset)
    return _demonym_owner(demonym, offset, offset + len(demonym.group("demonym"))) if demonym else None


def _agent_after(doc: Document, offset: int, starts: dict[int, Mention]) -> _Owner | None:
    """'menteri luar negeri| Iran', 'menteri| asal Iran': the agent right after a title."""
    origin = _words().origin.match(doc.text, offset)
    at = origin.end() if origin else offset + 1 if doc.text.startswith(" ", offset) else -1
    return _agent(doc, starts.get(at))


def _agent_within(doc: Document, start: int, end: int) -> Mention | None:
    """The first country or organisation mentioned in [start, end) (the mentions are sorted by start)."""
    for k in range(bisect_left(doc.mentions, start, key=lambda m: m.span.start), len(doc.mentions)):
        m = doc.mentions[k]
        if m.span.start >= end:
            return None
        if doc.type_of(m) in _AGENT_TYPES:
            return m
    return None


def _named_after(doc: Document, offset: int, starts: dict[int, Mention]) -> bool:
    """Whether a person's name follows `offset`, maybe after the state or body of the post ('Jusuf Kalla, Ketua MPR
    Hidayat Nur Wahid'): then the post before `offset` is that person's."""
    for _ in range(2):
        gap = _SPACE.match(doc.text, offset)
        named = starts.get(gap.end() if gap else offset)
        if named is None or doc.type_of(named) not in ("Person", *_AGENT_TYPES):
            return False
        if doc.type_of(named) == "Person":
            return True
        offset = named.span.end
    return False


def _closed(text: str, offset: int) -> bool:
    """Whether an apposition's post ends its clause: only names (capitalised words, 'of', 'dan') up to the next
    comma or stop, so that 'Usai bertemu Prabowo, Menhan China juga menggelar pertemuan' gives Prabowo no post."""
    rest = text[offset:_clause_end(text, offset)].split()
    return all(word[0].isupper() or not word[0].isalpha() or word in _words().links for word in rest)


def _clause_end(text: str, offset: int) -> int:
    ends = [k for k in (text.find(c, offset) for c in ",;.\n") if k >= 0]
    return min(ends, default=len(text))
