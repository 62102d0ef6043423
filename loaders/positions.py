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
failing that, None.

Confidence: the pattern's (`_TITLE_BEFORE`, `_SERVES_AS`, `_APPOSITION_CONFIDENCE`),
times the person mention's, times `_FROM_KB` when `of` is only the KB's guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.entities import entity_id
from loaders.gazetteer import NameIndex
from loaders.iris import entity_iri
from loaders.model import Document, Mention, Position, Span
from loaders.names import ORG_WORDS, TITLE_RE, is_position_title

_AGENT_TYPES = ("Country", "Organization")
_TITLE_BEFORE, _SERVES_AS, _APPOSITION_CONFIDENCE, _FROM_KB = 0.9, 0.9, 0.8, 0.9
_SERVES = re.compile(
    r"\s+(?:(?:kini|saat\s+ini|sekarang|pernah|masih|juga|telah|sempat|now|currently)\s+)*"
    r"(?:menjabat(?:\s+sebagai)?|serves\s+as|served\s+as)\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|a|an|seorang|sang)\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile("['\u2019]s\\s+")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
_MAX_BETWEEN = 4  # organisation words between a title and the name: 'Kementerian Luar Negeri'
_WINDOW = 80
DEMONYMS = {
    "iranian": "Q794", "american": "Q30", "indonesian": "Q252", "israeli": "Q801", "russian": "Q159",
    "chinese": "Q148", "turkish": "Q43", "omani": "Q842", "saudi": "Q851", "egyptian": "Q79",
    "qatari": "Q846", "british": "Q145", "french": "Q142", "german": "Q183", "iraqi": "Q796",
    "syrian": "Q858", "lebanese": "Q822", "jordanian": "Q810", "yemeni": "Q805", "ukrainian": "Q212",
    "japanese": "Q17", "indian": "Q668", "pakistani": "Q843", "malaysian": "Q833", "australian": "Q408",
    "emirati": "Q878", "afghan": "Q889", "kuwaiti": "Q817", "bahraini": "Q398", "singaporean": "Q334",
}
"""English demonyms -> the country's QID: 'the Iranian foreign minister' is a post in Iran."""
_DEMONYM = re.compile(r"(?P<demonym>" + "|".join(d.capitalize() for d in DEMONYMS) + r")\s+")
_SPACE = re.compile(r"\s+")
_ASAL = re.compile(r"\s+asal\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Owner:
    id: str
    start: int
    end: int


class Positions:
    """Pipeline component: `Entity.positions` for the persons of `doc.entities`."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index

    def __call__(self, doc: Document) -> Document:
        entities = {e.id: e for e in doc.entities}
        starts = {m.span.start: m for m in doc.mentions}
        ends = {m.span.end: m for m in doc.mentions}
        for m in doc.mentions:
            if m.type != "Person":
                continue
            person = entities[entity_id(m)]
            for position in (self._title_before(doc, m, ends, starts), self._serves_as(doc, m, starts),
                             self._apposition(doc, m, starts)):
                if position is not None and not any(
                        (p.title.lower(), p.of) == (position.title.lower(), position.of) for p in person.positions):
                    person.positions.append(position)
        return doc

    def _title_before(self, doc: Document, m: Mention, ends: dict[int, Mention],
                      starts: dict[int, Mention]) -> Position | None:
        """'<title> [ministry] [country] <name>': between title and name only an agent and an organisation name."""
        text = doc.text
        title = _last_title(text, m.span.start)
        if title is None or not is_position_title(title.group()):
            return None
        between = _between(text, title.end(), m.span.start, starts)
        if between is None:
            return None
        post_end, owner = between
        post = text[title.start():post_end]
        if owner is not None:
            stated = _Owner(entity_id(owner), owner.span.start, owner.span.end)
            return self._position(m, post, text, title.start(), owner.span.end, stated, _TITLE_BEFORE)
        before = _owner_before(text, title.start(), ends)
        start = before.start if before else title.start()
        return self._position(m, post, text, start, post_end, before, _TITLE_BEFORE)

    def _serves_as(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text = doc.text
        verb = _SERVES.match(text, m.span.end)
        title = TITLE_RE.match(text, verb.end()) if verb else None
        if title is None or not is_position_title(title.group()):
            return None
        owner = _agent_after(text, title.end(), starts)
        end = owner.end if owner else title.end()
        return self._position(m, title.group(), text, title.start(), end, owner, _SERVES_AS)

    def _apposition(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text = doc.text
        comma = _APPOSITION.match(text, m.span.end)
        if comma is None:
            return None
        pos = comma.end()
        owner = _owner_at(text, pos, starts)
        lead = (_POSSESSIVE.match(text, owner.end) or _SPACE.match(text, owner.end)) if owner else None
        title = TITLE_RE.match(text, lead.end()) if lead else None
        if title is None:
            owner, title = None, TITLE_RE.match(text, pos)
        if title is None or not is_position_title(title.group()):
            return None
        if owner is None:
            agent = _agent_within(doc, title.end(), _clause_end(text, title.end()))
            owner = _Owner(entity_id(agent), agent.span.start, agent.span.end) if agent else None
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
    for title in TITLE_RE.finditer(text, max(0, offset - _WINDOW), offset):
        found = title
    return found


def _between(text: str, start: int, end: int, starts: dict[int, Mention]) -> tuple[int, Mention | None] | None:
    """Where the post's words end and the agent after them, if text[start:end] is ' [Ministry words] [agent] '.

    Organisation words must open with an organisation head ('Kementerian Luar Negeri'), so a first name
    the recognizer missed ('Presiden Vladimir |Putin') is never read as part of a post.
    """
    post_end, owner, words, k = start, None, 0, start
    while k < end:
        if text[k] != " ":
            return None
        k += 1
        if k == end:
            break
        agent = starts.get(k)
        if owner is None and agent is not None and agent.type in _AGENT_TYPES:
            owner, k = agent, agent.span.end
            continue
        word = _CAPITALISED.match(text, k)
        if owner is not None or word is None or words >= _MAX_BETWEEN or (
                words == 0 and word.group().lower() not in ORG_WORDS):
            return None
        words, k = words + 1, word.end()
        post_end = k
    return post_end, owner


def _owner_before(text: str, offset: int, ends: dict[int, Mention]) -> _Owner | None:
    """"Iran's |Foreign Minister", 'Iranian |Foreign Minister': the agent named just before a title."""
    k = len(text[:offset].rstrip())
    demonym = _DEMONYM.match(text, text.rfind(" ", 0, k) + 1) if k > 0 else None
    if demonym and demonym.end() == offset:
        return _Owner(entity_iri("Country", "", DEMONYMS[demonym.group("demonym").lower()]), demonym.start(), k)
    if text[k - 2:k] in ("'s", "\u2019s"):
        k -= 2
    owner = ends.get(k)
    return _Owner(entity_id(owner), owner.span.start, owner.span.end) if owner and owner.type in _AGENT_TYPES else None


def _owner_at(text: str, offset: int, starts: dict[int, Mention]) -> _Owner | None:
    """The agent starting at `offset`: a country or organisation mention, or a demonym."""
    owner = starts.get(offset)
    if owner is not None and owner.type in _AGENT_TYPES:
        return _Owner(entity_id(owner), owner.span.start, owner.span.end)
    demonym = _DEMONYM.match(text, offset)
    if demonym:
        qid = DEMONYMS[demonym.group("demonym").lower()]
        return _Owner(entity_iri("Country", "", qid), offset, offset + len(demonym.group("demonym")))
    return None


def _agent_after(text: str, offset: int, starts: dict[int, Mention]) -> _Owner | None:
    """'menteri luar negeri| Iran', 'menteri| asal Iran': the agent right after a title."""
    asal = _ASAL.match(text, offset)
    at = asal.end() if asal else offset + 1 if text.startswith(" ", offset) else -1
    owner = starts.get(at)
    return _Owner(entity_id(owner), owner.span.start, owner.span.end) if owner and owner.type in _AGENT_TYPES else None


def _agent_within(doc: Document, start: int, end: int) -> Mention | None:
    return next((m for m in doc.mentions if start <= m.span.start < end and m.type in _AGENT_TYPES), None)


def _clause_end(text: str, offset: int) -> int:
    ends = [k for k in (text.find(c, offset) for c in ",;.\n") if k >= 0]
    return min(ends, default=len(text))
