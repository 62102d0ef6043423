"""Map one article's extraction to the RDF that becomes its named graph.

The graph is self-contained: every entity it mentions is described in it
(type, name, the surface forms used, the Wikidata link), so replacing or
dropping one article's graph never leaves another article's entities
without a name.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from loaders.iris import entity_iri, position_iri
from loaders.model import Entity, Event, Extraction
from ontology import OWL, PREFIXES, RDF, RDFS, SCHEMA, SKOS, WD, XSD, K

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def date_literal(value: str) -> Literal:
    """'2024', '2024-05' or '2024-05-17' as xsd:gYear, xsd:gYearMonth or xsd:date."""
    return Literal(value, datatype=_DATE_TYPES[len(value)])


def extraction_graph(extraction: Extraction) -> Graph:
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    article = URIRef(extraction.article.iri)
    _add_article(g, extraction)
    for entity in extraction.entities:
        _add_entity(g, entity, extraction.article.lang)
        g.add((article, SCHEMA.mentions, URIRef(entity.id)))
        if entity.type == "Event":
            g.add((article, K.topic, URIRef(entity.id)))
    types = {e.id: e.type for e in extraction.entities}
    for event in extraction.events:
        _add_event(g, event, article, types, extraction.article.lang)
    return g


def _add_article(g: Graph, extraction: Extraction) -> None:
    a = extraction.article
    node = URIRef(a.iri)
    g.add((node, RDF.type, K.Article))
    g.add((node, SCHEMA.headline, Literal(a.title, lang=a.lang)))
    g.add((node, SCHEMA.articleBody, Literal(a.text, lang=a.lang)))
    g.add((node, SCHEMA.inLanguage, Literal(a.lang)))
    if a.url:
        g.add((node, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
    if a.published:
        g.add((node, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date)))
    if a.author:
        g.add((node, SCHEMA.author, _named(g, "Person", a.author)))
    if a.source:
        g.add((node, SCHEMA.publisher, _named(g, "Organization", a.source)))


def _named(g: Graph, type_: str, name: str) -> URIRef:
    """An author or publisher known only by name: the same IRI the extractor gives that name."""
    node = URIRef(entity_iri(type_, name, None))
    g.add((node, RDF.type, K[type_]))
    g.add((node, SCHEMA.name, Literal(name)))
    return node


def _add_entity(g: Graph, entity: Entity, lang: str) -> None:
    node = URIRef(entity.id)
    g.add((node, RDF.type, K[entity.type]))
    g.add((node, SCHEMA.name, Literal(entity.name)))
    for surface in {m.text for m in entity.mentions} - {entity.name}:
        g.add((node, SKOS.altLabel, Literal(surface, lang=lang)))
    if entity.wikidata:
        g.add((node, OWL.sameAs, WD[entity.wikidata]))
        if entity.link:
            g.add((node, K.linkConfidence, Literal(f"{entity.link.confidence:.3f}", datatype=XSD.decimal)))
            g.add((node, K.linkMethod, Literal(entity.link.method)))
    for position in entity.positions:
        post = URIRef(position_iri(entity.id, position.title, position.of))
        g.add((node, K.holdsPosition, post))
        g.add((post, RDF.type, K.Position))
        g.add((post, RDFS.label, Literal(position.title, lang=lang)))
        if position.of:
            g.add((post, K.positionIn, URIRef(position.of)))


def _add_event(g: Graph, event: Event, article: URIRef, types: dict[str, str], lang: str) -> None:
    node = URIRef(event.id)
    g.add((node, RDF.type, K[event.type]))
    g.add((node, K.extractedFrom, article))
    g.add((node, K.trigger, Literal(event.trigger.text, lang=lang)))
    g.add((node, K.evidence, Literal(event.sentence.text, lang=lang)))
    for participant in event.participants:
        g.add((node, K.participant, URIRef(participant)))
        if event.type == "Negotiation" and types.get(participant) == "Country":
            g.add((node, K.party, URIRef(participant)))  # party is a sub-property: both are stated
    if event.location:
        g.add((node, K.location, URIRef(event.location)))
    if event.date:
        g.add((node, K.date, date_literal(event.date)))
    if event.date_text:
        g.add((node, K.dateText, Literal(event.date_text, lang=lang)))
    if event.part_of:
        g.add((node, K.partOf, URIRef(event.part_of)))
