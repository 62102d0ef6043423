"""Writing and removing one article: its graph, and its share of the entities and events graphs, in one transaction.

The default graph of a query is the union of all graphs, and Oxigraph's
union keeps a triple once per graph that holds it; so a fact is stored in
one graph only. An article graph holds what only that article says; each
entity is described once in `ENTITIES_GRAPH` and each event is one node in
`EVENTS_GRAPH`, made from the article statements that report it
(`store.event_graph`). Writing an article is one SPARQL update:

1. its graph is replaced (dropped, for a removal);
2. its reports are added to the events they join, or the events it
   touches are rebuilt (`store.event_graph`);
3. its entities' descriptions are added (a name or a post's label already
   stated is kept: one name per entity);
4. descriptions nothing refers to any more are deleted: another name no
   mention uses (of those the article's old mentions used), a post no
   mention states, then a post, then where a place lies (so that its
   country can go too), then an entity that no triple of any graph points
   to.

So re-ingesting an article rewrites the same triples, removing it leaves
exactly what the other articles say, and the events graph is the same
whatever order the articles came in. The values of the update are
terms pyoxigraph serialized itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from loaders.event_merge import Report, reports
from loaders.rdf import ArticleRDF, plain_graph
from ontology import ENTITIES_GRAPH, ID, RDFS, SCHEMA, K
from store.event_graph import EventMemo, event_operations
from store.quad_store import KABAR_PREFIXES, QuadStore, insert_data, ntriples

_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_ID, _EVENT_IRIS, _POSTS = str(ID), str(ID["event/"]), str(ID["position/"])
_ARTICLE_IRIS = str(ID["article/"])
_STATEMENTS, _MENTION_OF, _ANCHOR = (ox.NamedNode(str(p)) for p in (K.eventStatements, K.mentionOf, K.anchorText))
_ONE_NAME = (ox.NamedNode(str(SCHEMA.name)), ox.NamedNode(str(RDFS.label)))

_ORPHAN_NAMES = """
DELETE {{ GRAPH {entities} {{ ?e skos:altLabel ?l }} }} WHERE {{
  VALUES (?e ?l) {{ {names} }} GRAPH {entities} {{ ?e skos:altLabel ?l }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kabar:mentionOf ?e ; kabar:anchorText ?l }} }} }}"""
_ORPHANS = """
DELETE {{ GRAPH {entities} {{ ?e kabar:holdsPosition ?post }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e kabar:holdsPosition ?post }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kabar:mentionOf ?post }} }} }} ;
DELETE {{ GRAPH {entities} {{ ?e ?p ?o }} }} WHERE {{
  VALUES ?e {{ {posts} }} GRAPH {entities} {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?x != ?e) }} }} ;
DELETE {{ GRAPH {entities} {{ ?e schema:containedInPlace ?c }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e schema:containedInPlace ?c }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?x != ?e) }} }} ;
DELETE {{ GRAPH {entities} {{ ?e ?p ?o }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?x != ?e) }} }}"""


@dataclass(frozen=True)
class ArticleWrite:
    """What writing an article needs of its RDF, worked out without the store (so in an extraction worker):
    strings, pyoxigraph terms and parsed reports, which cross a process boundary 60 times cheaper than
    rdflib graphs and leave the writer, the store's only one, nothing to serialize or walk."""

    article: str  # the article graph, as N-Triples
    entities: tuple[ox.Triple, ...]  # its entities' descriptions
    reports: tuple[Report, ...]  # its statements of events
    refers_to: frozenset[str]  # the entities and posts it refers to
    size: int  # triples in all

    @classmethod
    def of(cls, iri: str, rdf: ArticleRDF) -> ArticleWrite:
        published = rdf.article.value(URIRef(iri), SCHEMA.datePublished)
        found: set[str] = set()
        for g in (rdf.article, rdf.entities, rdf.events):
            for s, _, o in g:  # one pass: rdflib's graph walk, not the set, is the cost
                found.update(str(t) for t in (s, o) if isinstance(t, URIRef))
        return cls(ntriples(rdf.article),
                   tuple(ox.Triple(ox.NamedNode(str(s)), ox.NamedNode(str(p)), _term(o)) for s, p, o in rdf.entities),
                   tuple(reports(iri, str(published or ""), rdf.events)), frozenset(filter(_describable, found)),
                   len(rdf))


def write_article(store: QuadStore, iri: str, new: ArticleWrite | None, memo: EventMemo | None = None) -> None:
    """Make `new` the article's whole share of the store (None: remove the article), as one transaction.

    `memo` carries what earlier writes of a batch learned of the events graph (`store.event_graph`)."""
    article = ox.NamedNode(iri)
    old = list(store.quads(article)) if store.has_graph(article) else []
    operations = [f"DROP SILENT GRAPH {article}"]
    if new is not None:
        operations += [f"CREATE SILENT GRAPH {article}",
                       insert_data(article, new.article)]
    events, learned = event_operations(store, article, list(new.reports) if new else [], memo)
    operations += events
    operations.append(insert_data(_ENTITIES, _kept_names(store, new.entities) if new else []))
    names = _old_names(old)
    if names:
        operations.append(_ORPHAN_NAMES.format(entities=_ENTITIES, names=" ".join(f"({e} {n})" for e, n in names)))
    affected = _described(store, old, _old_statements(old), new.refers_to if new else frozenset())
    if affected:
        posts = [e for e in affected if e.value.startswith(_POSTS)]
        operations.append(_ORPHANS.format(entities=_ENTITIES, described=" ".join(map(str, affected)),
                                          posts=" ".join(map(str, posts))))
    store.update(" ;\n".join(op for op in operations if op), prefixes=KABAR_PREFIXES)
    learned()


def _old_names(old: list[ox.Quad]) -> list[tuple[ox.NamedNode, ox.Literal]]:
    """The names the article's mentions gave entities: the only other names (`skos:altLabel`) the write can
    leave unused (each name is one some mention uses, and a new article's are its own)."""
    of = {q.subject: q.object for q in old if q.predicate == _MENTION_OF and isinstance(q.object, ox.NamedNode)}
    return sorted({(of[q.subject], q.object) for q in old if q.predicate == _ANCHOR and q.subject in of
                   and isinstance(q.object, ox.Literal)}, key=str)


def _old_statements(old: list[ox.Quad]) -> Graph:
    g = plain_graph()
    for quad in old:
        if quad.predicate == _STATEMENTS:
            g.parse(data=quad.object.value, format="nt")
    return g


def _describable(iri: str) -> bool:
    """Whether the IRI is one of kabar's entities or posts, whose descriptions the entities graph holds."""
    return iri.startswith(_ID) and not iri.startswith((_EVENT_IRIS, _ARTICLE_IRIS))


def _described(store: QuadStore, old: list[ox.Quad], old_events: Graph, refers_to: frozenset[str]
               ) -> list[ox.NamedNode]:
    """Entities and posts the article referred to before or refers to now, and those their descriptions refer to
    (a person's posts, a post's country): their descriptions may change."""
    found = {q.object.value for q in old if isinstance(q.object, ox.NamedNode)}
    found |= {str(o) for o in old_events.objects() if isinstance(o, URIRef)}
    described = set(filter(_describable, found)) | refers_to
    new = described
    for _ in range(2):  # person -> post -> country
        found = {q.object.value for q in store.quads_in(_ENTITIES, subjects=[ox.NamedNode(e) for e in sorted(new)])
                 if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(_ID)}
        new = found - described
        described |= found
    return [ox.NamedNode(e) for e in sorted(described)]


def _kept_names(store: QuadStore, described: tuple[ox.Triple, ...]) -> list[ox.Triple]:
    """The new descriptions, less a second name or label for what the entities graph already names."""
    named = sorted({t.subject for t in described if t.predicate in _ONE_NAME}, key=str)
    stored: dict[tuple[ox.NamedNode, ox.NamedNode], set[object]] = {}
    for q in store.quads_in(_ENTITIES, subjects=named):
        if q.predicate in _ONE_NAME:
            stored.setdefault((q.subject, q.predicate), set()).add(q.object)
    return [t for t in described if t.predicate not in _ONE_NAME
            or not stored.get((t.subject, t.predicate), set()) - {t.object}]


def _term(node: object) -> ox.NamedNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    assert isinstance(node, Literal)
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)
