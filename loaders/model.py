"""The records that flow through the loaders: an article in, a `Document` through the pipeline, an extraction out.

Plain dataclasses, so that each pipeline component stays a small function
of a `Document`, and `Extraction.to_json()` is the one place that fixes the
`kabar extract --format json` contract. A `Document` field has one writer
(the component that declares it in `assigns`, see `loaders.pipeline`);
mentions are frozen, so no component changes another's behind its back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

SOURCE_CONFIDENCE = {"kb": 0.9, "ner": 0.75, "coref": 0.8, "pattern": 0.7, "credit": 0.7, "pronoun": 0.6}
"""How sure a mention is, by the component that found it, when that component gives no score itself.

The scale, for mentions, roles and events alike (a float in [0, 1], two decimals):
0.9 a name the KB knows, matched exactly or by an alias; 0.8 a part of a name already
found in the article ('McGurk'), or an acronym of one; 0.75 the statistical NER (or the
tagger's own marginal when it sets one); 0.7 a name found by a title or verb cue, or in a
byline or photo credit; 0.6 a pronoun resolved to the most recent person. A role or an event
multiplies the confidence of its pattern (see `loaders.positions`, `loaders.events`) by the weakest mention it rests on,
so a position read through a pronoun is weaker than the same one read beside a KB name.
"""


Point = tuple[float, float]
"""Latitude and longitude in WGS84 degrees, as Wikidata's coordinate location (P625) gives them."""

STATUSES = ("refused", "cancelled", "held", "planned")
"""An event's status: refused ('menolak bertemu'), cancelled ('dibatalkan'), held, or planned ('akan
bertemu'). When one event is stated with several, the earlier in this order wins: a planned meeting that
was cancelled is cancelled, and one stated both as held and as planned has been held."""


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
    published_precision: str = "day"  # "day", "month" or "year": a '2023-07' date is the month, not July 1st
    keywords: tuple[str, ...] = ()  # the source's tags or keywords, kept as they were given

    @property
    def published_iso(self) -> str | None:
        """The publication date as precise as it was given: '2023-07-14', '2023-07' or '2023'."""
        if self.published is None:
            return None
        return self.published.isoformat()[:{"day": 10, "month": 7, "year": 4}[self.published_precision]]

    @property
    def reference_date(self) -> date | None:
        """The day relative dates ('kemarin', 'on Friday') count from: only a publication date known to the day."""
        return self.published if self.published_precision == "day" else None


@dataclass(frozen=True)
class Span:
    """Character offsets into the article text, end exclusive."""

    start: int
    end: int
    text: str
    confidence: float | None = field(default=None, compare=False)  # see SOURCE_CONFIDENCE

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out


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
    label: str | None = None  # the KB's label of `qid`, which then names the entity
    country: str | None = None  # the KB's country of `qid` (a person's, their citizenship), as a QID


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an entity, before it is resolved to one."""

    span: Span
    type: str
    name: str  # canonical name (the KB label when found in the KB)
    qid: str | None = None  # the recognizer's proposal; the linker decides (`Document.links`)
    key: str = ""  # identity within the article: mentions with the same key are one entity
    source: str = "kb"  # which component found it: "kb", "ner", "pattern", "coref", "pronoun"

    @property
    def confidence(self) -> float:
        """The span's confidence, or its source's default (SOURCE_CONFIDENCE)."""
        if self.span.confidence is not None:
            return self.span.confidence
        return SOURCE_CONFIDENCE.get(self.source, SOURCE_CONFIDENCE["pattern"])


@dataclass(frozen=True)
class Referent:
    """What the mentions of one key refer to once entities are assembled: the entity, and the type they take."""

    entity: str  # the entity's id
    type: str


@dataclass
class Position:
    """A role stated in the text: 'Presiden Iran', 'wakil menteri luar negeri'."""

    title: str
    of: str | None = None  # entity id of the country or organization
    span: Span | None = None  # the words stating it; its confidence is the role's


@dataclass
class Entity:
    id: str
    type: str
    name: str
    wikidata: str | None
    mentions: list[Span] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)  # filled from `Document.positions` in the extraction
    link: Link | None = None
    point: Point | None = None  # filled from `Document.points` in the extraction
    within: str | None = None  # a place's country (an entity id), filled from `Document.within` in the extraction

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
    cameo: str | None = None  # CAMEO event code, comparable with GDELT's EventCode; None when CAMEO has none
    confidence: float = 0.0  # see SOURCE_CONFIDENCE
    roles: dict[str, str] = field(default_factory=dict)  # participant id -> "attacker", "target", "victim"
    mentions: list[Span] = field(default_factory=list)  # every trigger that states this event, the first included
    status: str | None = None  # one of STATUSES

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "participants": list(self.participants),
            "location": self.location,
            "date": self.date,
            "date_text": self.date_text,
            "status": self.status,
            "part_of": self.part_of,
            "trigger": self.trigger.to_json(),
            "cameo": self.cameo,
            "confidence": self.confidence,
            "roles": dict(self.roles),
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass
class Document:
    """What the pipeline components read and fill in, in order; each field is written by one component.

    `proposals` is the exception that proves the rule: one slot per
    recognizer (its component name), each written by that recognizer only.
    """

    article: Article
    tokens: list[Token] = field(default_factory=list)  # segmenter
    sentences: list[Sentence] = field(default_factory=list)  # segmenter
    proposals: dict[str, list[Mention]] = field(default_factory=dict)  # each recognizer, its own slot
    mentions: list[Mention] = field(default_factory=list)  # coreference: the article's mentions, by start
    links: dict[str, Link] = field(default_factory=dict)  # linker: mention key -> its entity's link
    entities: list[Entity] = field(default_factory=list)  # entity assembly, in order of first mention
    referents: dict[str, Referent] = field(default_factory=dict)  # entity assembly: mention key -> its entity
    positions: dict[str, list[Position]] = field(default_factory=dict)  # positions: entity id -> the posts held
    points: dict[str, Point] = field(default_factory=dict)  # coordinates: entity id -> where the KB puts it
    within: dict[str, str] = field(default_factory=dict)  # coordinates: a place's id -> the id of its country
    events: list[Event] = field(default_factory=list)  # events

    @property
    def text(self) -> str:
        return self.article.text

    def proposed(self) -> list[Mention]:
        """Every recognizer's proposals so far, by start; at one start, the earlier recognizer's first."""
        return sorted((m for found in self.proposals.values() for m in found), key=lambda m: m.span.start)

    def entity_of(self, mention: Mention) -> str:
        """The id of the entity `mention` names (once entities are assembled)."""
        return self.referents[mention.key].entity

    def type_of(self, mention: Mention) -> str:
        """The type `mention` takes in its entity: its key's first mention's (once entities are assembled)."""
        return self.referents[mention.key].type


@dataclass
class Extraction:
    """What the pipeline made of one article: what `kabar extract` prints and the RDF mapper writes."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    events: list[Event]

    @classmethod
    def of(cls, doc: Document) -> Extraction:
        """The finished document's extraction: its entities with the positions they hold and where they are."""
        entities = [replace(e, positions=doc.positions.get(e.id, []), point=doc.points.get(e.id),
                            within=doc.within.get(e.id))
                    for e in doc.entities]
        return cls(doc.article, doc.sentences, entities, doc.events)

    def to_json(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {
                "id": a.iri,
                "title": a.title,
                "lang": a.lang,
                "published": a.published_iso,
            },
            "entities": [e.to_json() for e in self.entities],
            "events": [e.to_json() for e in self.events],
        }
