"""Positions people hold, from three precise patterns around a person mention.

- title before the name, a country or organisation between or a possessive
  before: 'Presiden Iran Ibrahim Raisi', 'Presiden AS Joe Biden',
  "Iran's Foreign Minister X", 'Foreign Minister Hakan Fidan';
- 'X menjabat (sebagai) <title>' / 'X serves as <title>';
- an apposition: 'X, kepala penasihat Presiden AS Joe Biden,',
  "X, Russia's foreign minister,".

`of` is the country or organisation the text states; failing that, the
person's country in the KB; failing that, None.
"""

from __future__ import annotations

import re

from loaders.entities import entity_id
from loaders.gazetteer import NameIndex
from loaders.iris import entity_iri
from loaders.model import Document, Mention, Position, Span
from loaders.names import TITLE_RE, is_position_title, mention_before, title_before

_AGENT_TYPES = ("Country", "Organization")
_SERVES = re.compile(
    r"\s+(?:(?:kini|saat\s+ini|sekarang|pernah|masih|juga|telah|sempat|now|currently)\s+)*"
    r"(?:menjabat(?:\s+sebagai)?|serves\s+as|served\s+as)\s+(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|a|an|seorang|sang)\s+)?", re.IGNORECASE)
_POSSESSIVE = re.compile("['\u2019]s\\s+")


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
            for position in (self._title_before(doc, m, ends), self._serves_as(doc, m, starts),
                             self._apposition(doc, m, starts)):
                if position is not None and not any(
                        (p.title.lower(), p.of) == (position.title.lower(), position.of) for p in person.positions):
                    person.positions.append(position)
        return doc

    def _title_before(self, doc: Document, m: Mention, ends: dict[int, Mention]) -> Position | None:
        text = doc.text
        anchor = mention_before(text, m.span.start, ends)
        if anchor is not None and anchor.type in _AGENT_TYPES:
            title = title_before(text, anchor.span.start)
            if title is not None and is_position_title(title.group()):
                return _position(text, title, title.start(), anchor.span.end, entity_id(anchor))
        title = title_before(text, m.span.start)
        if title is None or not is_position_title(title.group()):
            return None
        owner = _owner_before(text, title.start(), ends)
        start = owner.span.start if owner else title.start()
        return _position(text, title, start, title.end(), entity_id(owner) if owner else self._country(m))

    def _serves_as(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text = doc.text
        verb = _SERVES.match(text, m.span.end)
        title = TITLE_RE.match(text, verb.end()) if verb else None
        if title is None or not is_position_title(title.group()):
            return None
        owner = _agent_after(text, title.end(), starts)
        end = owner.span.end if owner else title.end()
        return _position(text, title, title.start(), end, entity_id(owner) if owner else self._country(m))

    def _apposition(self, doc: Document, m: Mention, starts: dict[int, Mention]) -> Position | None:
        text = doc.text
        comma = _APPOSITION.match(text, m.span.end)
        if comma is None:
            return None
        pos = comma.end()
        owner = starts.get(pos)
        possessive = _POSSESSIVE.match(text, owner.span.end) if owner and owner.type in _AGENT_TYPES else None
        if possessive:
            pos = possessive.end()
        title = TITLE_RE.match(text, pos)
        if title is None or not is_position_title(title.group()):
            return None
        if not possessive:
            owner = _agent_within(doc, title.end(), _clause_end(text, title.end()))
        of = entity_id(owner) if owner else self._country(m)
        return _position(text, title, title.start(), title.end(), of)

    def _country(self, m: Mention) -> str | None:
        qid = self.index.country_of(m.key)
        return entity_iri("Country", "", qid) if qid else None


def _position(text: str, title: re.Match[str], start: int, end: int, of: str | None) -> Position:
    return Position(title.group(), of, Span(start, end, text[start:end]))


def _owner_before(text: str, offset: int, ends: dict[int, Mention]) -> Mention | None:
    """"Iran's |Foreign Minister", 'U.S. |envoy': the agent named just before a title."""
    k = len(text[:offset].rstrip())
    if text[k - 2:k] in ("'s", "\u2019s"):
        k -= 2
    owner = ends.get(k)
    return owner if owner is not None and owner.type in _AGENT_TYPES else None


def _agent_after(text: str, offset: int, starts: dict[int, Mention]) -> Mention | None:
    """'menteri luar negeri| Iran': the agent starting after a single space."""
    owner = starts.get(offset + 1) if text.startswith(" ", offset) else None
    return owner if owner is not None and owner.type in _AGENT_TYPES else None


def _agent_within(doc: Document, start: int, end: int) -> Mention | None:
    return next((m for m in doc.mentions if start <= m.span.start < end and m.type in _AGENT_TYPES), None)


def _clause_end(text: str, offset: int) -> int:
    ends = [k for k in (text.find(c, offset) for c in ",;.\n") if k >= 0]
    return min(ends, default=len(text))
