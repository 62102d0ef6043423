"""The records that flow through the loaders: an article in, an extraction out.

These are plain dataclasses so that each pipeline component stays a small
function of a `Document`, and so that `Extraction.to_json()` is the one
place that fixes the `kabar extract --format json` contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

ENTITY_TYPES = ("Person", "Country", "Organization", "Place", "Event")
EVENT_TYPES = ("Meeting", "Negotiation")


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, before any extraction."""

    iri: str
    url: str | None
    title: str
    text: str
    lang: str
    published: date | None = None
    source: str | None = None
    author: str | None = None
    origin: str = ""  # "path" or "path:line", for error messages and provenance


@dataclass(frozen=True)
class Span:
    """Character offsets into the article text, end exclusive."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Token:
    """A word of the text: letters and digits, apostrophes inside a word included ("Sa'ar")."""

    start: int
    end: int
    text: str
    folded: str  # lower case, no diacritics, no apostrophes: what name lookups compare


@dataclass
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Link:
    """The linker's decision for an entity: a QID (None for NIL), how sure, and how it was found."""

    qid: str | None
    confidence: float
    method: str  # label, alias, transliteration, fuzzy, recognizer, online, manual; nil when qid is None


@dataclass
class Mention:
    """A stretch of text that names an entity, before it is resolved to one."""

    span: Span
    type: str
    name: str  # canonical name (the KB label when found in the KB)
    qid: str | None = None
    key: str = ""  # identity within the article: mentions with the same key are one entity
    source: str = "kb"  # which component found it: "kb", "pattern", "coref"
    link: Link | None = None  # set by the linker


@dataclass
class Position:
    """A role stated in the text: 'Presiden Iran', 'wakil menteri luar negeri'."""

    title: str
    of: str | None = None  # entity id of the country or organization
    span: Span | None = None


@dataclass
class Entity:
    id: str
    type: str
    name: str
    wikidata: str | None
    mentions: list[Span] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    link: Link | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "wikidata": self.wikidata,
            "mentions": [m.to_json() for m in self.mentions],
            "positions": [
                {"title": p.title, "of": p.of, **({"span": p.span.to_json()} if p.span else {})}
                for p in self.positions
            ],
        }


@dataclass
class Event:
    id: str
    type: str
    trigger: Span
    sentence: Sentence
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_text: str | None = None
    part_of: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "participants": list(self.participants),
            "location": self.location,
            "date": self.date,
            "date_text": self.date_text,
            "part_of": self.part_of,
            "trigger": self.trigger.to_json(),
        }


@dataclass
class Document:
    """What the pipeline components read and fill in, in order."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text


@dataclass
class Extraction:
    article: Article
    entities: list[Entity]
    events: list[Event]

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {
                "id": a.iri,
                "title": a.title,
                "lang": a.lang,
                "published": a.published.isoformat() if a.published else None,
            },
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
        }
