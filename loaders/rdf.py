"""Map one article's extraction to RDF: what the article says, its entities' descriptions, its events.

Each fact is written once in the store, so the union of all graphs (the
default graph of a query) counts it once. The mapper therefore splits an
article's RDF in three (`ArticleRDF`): the article graph holds what only
this article says (its metadata, the entities it mentions, every mention
with its words and link, its sentences); `entities` describes each entity
(type, name, Wikidata link, other names, posts) for the shared entities
graph, where many articles state the same description once; `events` are
the article's own statements about the events it reports, which the store
keeps in the article graph (`kabar:eventStatements`) and merges with other
articles' into one node per event (`loaders.event_merge`).

Provenance: every fact points back to the words it was read from. Each
entity mention, event trigger and position statement is a `kabar:Mention`
node named `<article#char=start,end>` (RFC 5147 text fragments, as NIF
does): it gives `kabar:mentionOf` what it refers to, `kabar:anchorText`,
`kabar:startOffset`/`kabar:endOffset` into `schema:articleBody`,
`kabar:confidence`, `kabar:inSentence` (a `kabar:Sentence` node named the
same way) and `kabar:extractedFrom` the article; an entity's mention also
carries the article's `kabar:linkConfidence` and `kabar:linkMethod` (NIF
puts a link's confidence on the mention too). One node per span, not a
Web Annotation (four nodes for the same facts), and no blank nodes or
random IRIs, so re-ingesting an article writes the very same triples.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from loaders import lang
from loaders.events import event_types
from loaders.iris import entity_iri, position_iri
from loaders.kb.model import KnowledgeBase
from loaders.lang import LanguagePack
from loaders.model import Entity, Event, Extraction, Sentence, Span
from ontology import ID, OWL, PREFIXES, RDF, RDFS, SCHEMA, SKOS, WD, XSD, K

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
_KB_ENTITY = str(ID["entity/"])


@lang.compiled
def _pronouns(packs: tuple[LanguagePack, ...]) -> frozenset[str]:
    """Resolved as sentence subjects, never a name: so never an alternative label."""
    return frozenset(lang.words(packs, lambda p: p.pronouns))


def date_literal(value: str) -> Literal:
    """'2024', '2024-05' or '2024-05-17' as xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(value, datatype=_DATE_TYPES[len(value)])


def plain_graph() -> Graph:
    """A graph to compute with, never printed with prefixes: binding `new_graph`'s costs a millisecond."""
    return Graph(bind_namespaces="none")


def new_graph() -> Graph:
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    return g


@dataclass
class ArticleRDF:
    """One article's RDF, split by where each fact is stated once (see the module's docstring)."""

    article: Graph = field(default_factory=new_graph)
    entities: Graph = field(default_factory=new_graph)
    events: Graph = field(default_factory=new_graph)

    def __len__(self) -> int:
        return len(self.article) + len(self.entities) + len(self.events)


class _Evidence:
    """Writes `kabar:Mention` and `kabar:Sentence` nodes for one article."""

    def __init__(self, g: Graph, article: URIRef, sentences: list[Sentence], language: str) -> None:
        self.g, self.article, self.lang = g, article, language
        self.sentences = sentences  # the pipeline's own
        self.starts = [s.start for s in self.sentences]

    def mention(self, span: Span, of: URIRef, confidence: float | None, link_to: Graph | None = None) -> URIRef:
        """The mention node; its `kabar:mentionOf` goes to `link_to` (an event's is merged with other articles')."""
        node = self._span_node(span.start, span.end, K.Mention, span.text)
        (self.g if link_to is None else link_to).add((node, K.mentionOf, of))
        if confidence is not None:
            self.g.add((node, K.confidence, _decimal(confidence)))
        sentence = self.sentence_at(span.start)
        if sentence is not None:
            self.g.add((node, K.inSentence, sentence))
        return node

    def sentence_at(self, offset: int) -> URIRef | None:
        k = bisect_right(self.starts, offset) - 1
        s: Sentence | None = self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None
        return self._span_node(s.start, s.end, K.Sentence, s.text) if s else None

    def _span_node(self, start: int, end: int, type_: URIRef, text: str) -> URIRef:
        node = URIRef(f"{self.article}#char={start},{end}")
        for triple in ((node, RDF.type, type_), (node, K.extractedFrom, self.article),
                       (node, K.startOffset, Literal(start)), (node, K.endOffset, Literal(end)),
                       (node, K.anchorText, Literal(text, lang=self.lang))):
            self.g.add(triple)
        return node


def _decimal(value: float) -> Literal:
    return Literal(Decimal(f"{value:.2f}"))


def _degrees(value: float) -> Literal:
    """A coordinate as the KB gives it, to 0.000001° (about 10 cm): the same literal from every article."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return Literal(Decimal("0" if text == "-0" else text))


def extraction_graph(extraction: Extraction, kb: KnowledgeBase | None = None) -> ArticleRDF:
    """The article's RDF; `kb` names the Wikidata entities it points to without mentioning them (a post's country)."""
    out = ArticleRDF()
    article = URIRef(extraction.article.iri)
    language = extraction.article.lang
    evidence = _Evidence(out.article, article, extraction.sentences, language)
    _add_article(out, extraction)
    for entity in extraction.entities:
        _add_entity(out, entity, language, evidence)
        out.article.add((article, SCHEMA.mentions, URIRef(entity.id)))
        if entity.type == "Event":
            out.article.add((article, K.topic, URIRef(entity.id)))
    types = {e.id: e.type for e in extraction.entities}
    within = {e.id: e.within for e in extraction.entities if e.within}
    for event in extraction.events:
        _add_event(out.events, event, article, types, language, evidence)
        if event.location in within:  # what the merge reads to tell that talks in Muscat are talks in Oman
            out.events.add((URIRef(event.location), SCHEMA.containedInPlace, URIRef(within[event.location])))
    if extraction.events:
        # sorted: the same article always gives the same literal, so a re-ingest writes the same quads; no line
        # break at the end, which Virtuoso drops from a long literal (the same text on every store)
        statements = "\n".join(sorted(filter(None, out.events.serialize(format="nt").splitlines())))
        out.article.add((article, K.eventStatements, Literal(statements)))
    if kb is not None:
        _describe_from_kb(out, {e.id for e in extraction.entities}, kb)
    return out


def _add_article(out: ArticleRDF, extraction: Extraction) -> None:
    a, g = extraction.article, out.article
    node = URIRef(a.iri)
    g.add((node, RDF.type, K.Article))
    g.add((node, SCHEMA.headline, Literal(a.title, lang=a.lang)))
    g.add((node, SCHEMA.articleBody, Literal(a.text, lang=a.lang)))
    g.add((node, SCHEMA.inLanguage, Literal(a.lang)))
    if a.url:
        g.add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.published_iso:
        datatype = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[a.published_precision]
        g.add((node, SCHEMA.datePublished, Literal(a.published_iso, datatype=datatype)))
    for keyword in a.keywords:
        g.add((node, SCHEMA.keywords, Literal(keyword)))
    if a.author:
        g.add((node, SCHEMA.author, _named(out.entities, "Person", a.author)))
    if a.source:
        g.add((node, SCHEMA.publisher, _named(out.entities, "Organization", a.source)))


def _named(g: Graph, type_: str, name: str) -> URIRef:
    """An author or publisher known only by name: the same IRI the extractor gives that name."""
    node = URIRef(entity_iri(type_, name, None))
    g.add((node, RDF.type, K[type_]))
    if g.value(node, SCHEMA.name) is None:  # the extractor's name for it wins: one name per entity
        g.add((node, SCHEMA.name, Literal(name)))
    return node


def _add_entity(out: ArticleRDF, entity: Entity, language: str, evidence: _Evidence) -> None:
    node, g = URIRef(entity.id), out.entities
    g.add((node, RDF.type, K[entity.type]))
    g.set((node, SCHEMA.name, Literal(entity.name)))  # over a publisher's name as written ('GORAJUARA')
    pronouns = _pronouns()
    for surface in {m.text for m in entity.mentions if m.text.lower() not in pronouns} - {entity.name}:
        g.add((node, SKOS.altLabel, Literal(surface, lang=language)))
    link = entity.link if entity.wikidata else None
    for mention in entity.mentions:
        spoken = evidence.mention(mention, node, mention.confidence)
        if link is not None:
            out.article.add((spoken, K.linkConfidence, Literal(f"{link.confidence:.3f}", datatype=XSD.decimal)))
            out.article.add((spoken, K.linkMethod, Literal(link.method)))
    if entity.wikidata:
        g.add((node, OWL.sameAs, WD[entity.wikidata]))
    if entity.point:
        g.add((node, SCHEMA.latitude, _degrees(entity.point[0])))
        g.add((node, SCHEMA.longitude, _degrees(entity.point[1])))
    if entity.within:
        g.add((node, SCHEMA.containedInPlace, URIRef(entity.within)))
    for position in entity.positions:
        post = URIRef(position_iri(entity.id, position.title, position.of))
        g.add((node, K.holdsPosition, post))
        g.add((post, RDF.type, K.Position))
        g.add((post, RDFS.label, Literal(position.title, lang=language)))
        if position.of:
            g.add((post, K.positionIn, URIRef(position.of)))
        if position.span:
            evidence.mention(position.span, post, position.span.confidence)


def _add_event(g: Graph, event: Event, article: URIRef, types: dict[str, str], language: str,
               evidence: _Evidence) -> None:
    node = URIRef(event.id)
    g.add((node, RDF.type, K[event.type]))
    g.add((node, K.extractedFrom, article))
    g.add((node, K.trigger, Literal(event.trigger.text, lang=language)))
    g.add((node, K.evidence, Literal(event.sentence.text, lang=language)))
    g.add((node, K.confidence, _decimal(event.confidence)))
    sentence = evidence.sentence_at(event.trigger.start)
    if sentence is not None:
        g.add((node, K.inSentence, sentence))
    if event.cameo:
        g.add((node, K.cameoCode, Literal(event.cameo)))
    for trigger in event.mentions or [event.trigger]:
        evidence.mention(trigger, node, event.confidence, link_to=g)
    type_roles = event_types()[event.type].type_roles
    for participant in event.participants:
        g.add((node, K.participant, URIRef(participant)))  # roles and party are sub-properties: both are stated
        if types.get(participant) in type_roles:
            g.add((node, K[type_roles[types[participant]]], URIRef(participant)))
        if participant in event.roles:
            g.add((node, K[event.roles[participant]], URIRef(participant)))
    if event.location:
        g.add((node, K.location, URIRef(event.location)))
    if event.date:
        g.add((node, K.date, date_literal(event.date)))
    if event.status:
        g.add((node, K.status, K[event.status.capitalize()]))  # 'held' -> kabar:Held
    if event.date_text:
        g.add((node, K.dateText, Literal(event.date_text, lang=language)))
    if event.part_of:
        g.add((node, K.partOf, URIRef(event.part_of)))


def _describe_from_kb(out: ArticleRDF, described: set[str], kb: KnowledgeBase) -> None:
    """Wikidata entities the article points to but does not mention get their type, name and link from the KB."""
    pointed = {str(o) for g in (out.entities, out.events) for o in g.objects()
               if isinstance(o, URIRef) and str(o).startswith(_KB_ENTITY)}
    for iri in sorted(pointed - described):
        entry = kb.by_qid(iri.removeprefix(_KB_ENTITY))
        if entry is None:
            continue
        node = URIRef(iri)
        out.entities.add((node, RDF.type, K[entry.type]))
        out.entities.add((node, SCHEMA.name, Literal(entry.label)))
        out.entities.add((node, OWL.sameAs, WD[entry.qid]))
