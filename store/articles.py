"""Writing and removing one article: its graph, and its share of the entities and events graphs, in one transaction.

The default graph of a query is the union of all graphs, and Oxigraph's
union keeps a triple once per graph that holds it; so a fact is stored in
one graph only. An article graph holds what only that article says; each
entity is described once in `ENTITIES_GRAPH` and each event is one node in
`EVENTS_GRAPH` (`loaders.event_merge`), rebuilt from the article
statements that report it. Writing an article is one SPARQL update:

1. its graph is replaced (dropped, for a removal);
2. the events it reported before, the events its new reports may join,
   the events their reports may join in turn, and the events `kabar:partOf`
   those, are rebuilt from the reports of every article they draw on (an
   event made of the same reports as before stays as stored);
3. its entities' descriptions are added (a name or a post's label already
   stated is kept: one name per entity);
4. descriptions nothing refers to any more are deleted: another name no
   mention uses, a post no mention states, then a post, then an entity
   that no triple of any graph points to.

So re-ingesting an article rewrites the same triples, removing it leaves
exactly what the other articles say, and the events graph is the same
whatever order the articles came in. The values of the update are
terms pyoxigraph serialized itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from loaders.event_merge import Report, clusters, merged, reports
from loaders.rdf import ArticleRDF, new_graph
from ontology import ENTITIES_GRAPH, EVENTS_GRAPH, ID, RDF, RDFS, SCHEMA, K
from store.kabar_store import KABAR_PREFIXES, KabarStore, ntriples

_ENTITIES, _EVENTS = ox.NamedNode(str(ENTITIES_GRAPH)), ox.NamedNode(str(EVENTS_GRAPH))
_ID, _EVENT_IRIS, _POSTS = str(ID), str(ID["event/"]), str(ID["position/"])
_ARTICLE_IRIS = str(ID["article/"])
_TYPE, _PARTICIPANT, _PART_OF, _SOURCE, _MENTION_OF = (
    ox.NamedNode(str(p)) for p in (RDF.type, K.participant, K.partOf, K.extractedFrom, K.mentionOf))
_STATEMENTS, _PUBLISHED = ox.NamedNode(str(K.eventStatements)), ox.NamedNode(str(SCHEMA.datePublished))
_ONE_NAME = (SCHEMA.name, RDFS.label)

_ORPHANS = """
DELETE {{ GRAPH {entities} {{ ?e skos:altLabel ?l }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e skos:altLabel ?l }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kabar:mentionOf ?e ; kabar:anchorText ?l }} }} }} ;
DELETE {{ GRAPH {entities} {{ ?e kabar:holdsPosition ?post }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e kabar:holdsPosition ?post }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?m kabar:mentionOf ?post }} }} }} ;
DELETE {{ GRAPH {entities} {{ ?e ?p ?o }} }} WHERE {{
  VALUES ?e {{ {posts} }} GRAPH {entities} {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?x != ?e) }} }} ;
DELETE {{ GRAPH {entities} {{ ?e ?p ?o }} }} WHERE {{
  VALUES ?e {{ {described} }} GRAPH {entities} {{ ?e ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?x ?q ?e }} FILTER(?x != ?e) }} }}"""


def write_article(store: KabarStore, iri: str, rdf: ArticleRDF | None) -> None:
    """Make `rdf` the article's whole share of the store (None: remove the article), as one transaction."""
    article = ox.NamedNode(iri)
    old = list(store.quads(article)) if store.has_graph(article) else []
    new_reports = _reports_of(iri, rdf)
    operations = [f"DROP SILENT GRAPH {article}"]
    if rdf is not None:
        operations += [f"CREATE SILENT GRAPH {article}", _insert(article, rdf.article)]
    operations += _rebuild_events(store, article, new_reports)
    entities = _kept_names(store, rdf.entities) if rdf is not None else []
    operations.append(_insert(_ENTITIES, entities))
    affected = _described(store, old, _old_statements(old), rdf)
    if affected:
        posts = [e for e in affected if e.value.startswith(_POSTS)]
        operations.append(_ORPHANS.format(entities=_ENTITIES, described=" ".join(map(str, affected)),
                                          posts=" ".join(map(str, posts))))
    store.update(" ;\n".join(op for op in operations if op), prefixes=KABAR_PREFIXES)


def _insert(graph: ox.NamedNode, triples: Graph | Iterable[ox.Triple]) -> str:
    data = ntriples(triples)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{data}}} }}" if data else ""


def _reports_of(iri: str, rdf: ArticleRDF | None) -> list[Report]:
    if rdf is None:
        return []
    published = rdf.article.value(URIRef(iri), SCHEMA.datePublished)
    return reports(iri, str(published or ""), rdf.events)


def _old_statements(old: list[ox.Quad]) -> Graph:
    g = new_graph()
    for quad in old:
        if quad.predicate == _STATEMENTS:
            g.parse(data=quad.object.value, format="nt")
    return g


def _described(store: KabarStore, old: list[ox.Quad], old_events: Graph, rdf: ArticleRDF | None
               ) -> list[ox.NamedNode]:
    """Entities and posts the article referred to before or refers to now, and those their descriptions refer to
    (a person's posts, a post's country): their descriptions may change."""
    found = {q.object.value for q in old if isinstance(q.object, ox.NamedNode)}
    found |= {str(o) for o in old_events.objects() if isinstance(o, URIRef)}
    if rdf is not None:
        for g in (rdf.article, rdf.entities, rdf.events):
            found |= {str(o) for o in g.objects() if isinstance(o, URIRef)}
            found |= {str(s) for s in g.subjects() if isinstance(s, URIRef)}
    described = {e for e in found if e.startswith(_ID) and not e.startswith((_EVENT_IRIS, _ARTICLE_IRIS))}
    for _ in range(2):  # person -> post -> country
        described |= {q.object.value for e in described for q in store.quads(_ENTITIES, ox.NamedNode(e))
                      if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(_ID)}
    return [ox.NamedNode(e) for e in sorted(described)]


def _kept_names(store: KabarStore, described: Graph) -> list[ox.Triple]:
    """The new descriptions, less a second name or label for what the entities graph already names."""
    out = []
    for s, p, o in described:
        subject, predicate = ox.NamedNode(str(s)), ox.NamedNode(str(p))
        if p in _ONE_NAME and any(q.object != _term(o) for q in store.quads(_ENTITIES, subject, predicate)):
            continue
        out.append(ox.Triple(subject, predicate, _term(o)))
    return out


def _term(node: object) -> ox.NamedNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    assert isinstance(node, Literal)
    if node.language:
        return ox.Literal(str(node), language=node.language)
    return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)) if node.datatype else None)


# --- events -------------------------------------------------------------------------------------------


def _rebuild_events(store: KabarStore, article: ox.NamedNode, new_reports: list[Report]) -> list[str]:
    """Delete the events this write touches and insert them rebuilt from all their reports.

    The touched events are closed under joining: every stored report of a touched event may itself join
    other events (a report the rebuild splits off joins the event it would have joined had it come last),
    so the rebuild regroups whole sets of reports that share participants, and the graph is the same
    whatever order the articles came in."""
    own = {q.subject for q in store.quads(_EVENTS, predicate=_SOURCE, obj=article)}
    touched = set(own)
    loaded: dict[URIRef, Report] = {}
    nodes: dict[URIRef, frozenset[ox.NamedNode]] = {}  # report -> the event nodes its trigger mentions are of
    read: set[ox.NamedNode] = {article}
    visited: set[ox.NamedNode] = set()  # touched events whose sources and parts were looked up
    expanded: set[URIRef] = set()
    shape: dict[ox.NamedNode, tuple[int, list[ox.NamedNode]]] = {}
    pending = list(new_reports)
    while True:
        for report in pending:
            touched |= _joinable(store, report, shape) | nodes.get(report.iri, frozenset())
        new = touched - visited
        new |= {q.subject for event in new for q in store.quads(_EVENTS, predicate=_PART_OF, obj=event)}
        touched |= new
        visited |= new
        sources = {s for event in new for s in _objects(store, event, _SOURCE)} - read
        read |= sources
        for source in sorted(sources, key=lambda s: s.value):
            for report in _stored_reports(store, source):
                loaded[report.iri] = report
                nodes[report.iri] = _current_events(store, report)
        pending = [r for r in loaded.values() if nodes[r.iri] & touched and r.iri not in expanded]
        if not pending:
            break
        expanded |= {r.iri for r in pending}
    if not touched and not new_reports:
        return []
    redone = [r for r in loaded.values() if nodes[r.iri] & touched]
    groups = clusters([*redone, *new_reports])
    node_of = {r.iri: URIRef(min(n, key=lambda e: e.value).value) for r in loaded.values() if (n := nodes[r.iri])}
    node_of |= {member.iri: group[0].iri for group in groups for member in group}
    members: dict[ox.NamedNode, set[URIRef]] = {}
    for r in redone:
        for node in nodes[r.iri]:
            members.setdefault(node, set()).add(r.iri)
    rebuilt = new_graph()
    for group in groups:
        node = ox.NamedNode(group[0].iri)
        if node not in own and members.get(node) == {r.iri for r in group} and all(
                nodes[r.iri] == {node} and not r.values(K.partOf) for r in group):
            touched.discard(node)  # the same reports of other articles as before: the stored node stands
            continue
        rebuilt += merged(group, node_of)
    values = " ".join(map(str, sorted(touched, key=lambda e: e.value)))
    deletes = [] if not touched else [
        f"DELETE {{ GRAPH {_EVENTS} {{ {p} }} }} WHERE {{ VALUES ?e {{ {values} }} GRAPH {_EVENTS} {{ {p} }} }}"
        for p in ("?e ?p ?o", "?m ?p ?e")
    ]
    return [*deletes, _insert(_EVENTS, rebuilt)]


def _joinable(store: KabarStore, report: Report, shape: dict[ox.NamedNode, tuple[int, list[ox.NamedNode]]]
              ) -> set[ox.NamedNode]:
    """The stored events of the report's type it shares enough participants with to be the same event (two,
    or all when either has fewer: `loaders.event_merge.same_event`); an event that shares one participant of
    many (every meeting with Indonesia) cannot take it, so it is not rebuilt. `shape` keeps each event's
    participant count and types while one write asks again."""
    kinds = {ox.NamedNode(str(t)) for t in report.values(RDF.type)}
    mine = report.values(K.participant)
    shared: dict[ox.NamedNode, int] = {}
    for p in mine:
        for q in store.quads(_EVENTS, predicate=_PARTICIPANT, obj=ox.NamedNode(str(p))):
            shared[q.subject] = shared.get(q.subject, 0) + 1
    out = set()
    for event, count in shared.items():
        if event not in shape:
            shape[event] = (len(_objects(store, event, _PARTICIPANT)), _objects(store, event, _TYPE))
        participants, types = shape[event]
        if count >= min(2, len(mine), participants) and any(t in kinds for t in types):
            out.add(event)
    return out


def _objects(store: KabarStore, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.NamedNode]:
    return [q.object for q in store.quads(_EVENTS, subject, predicate) if isinstance(q.object, ox.NamedNode)]


def _stored_reports(store: KabarStore, article: ox.NamedNode) -> list[Report]:
    stated = tuple(q.object.value for q in store.quads(article, article, _STATEMENTS))
    published = next((q.object.value for q in store.quads(article, article, _PUBLISHED)), "")
    return list(_parsed_reports(article.value, published, stated))


@lru_cache(maxsize=4096)
def _parsed_reports(article: str, published: str, stated: tuple[str, ...]) -> tuple[Report, ...]:
    """An article's reports from its statements as stored (N-Triples text): parsed once while they stay the
    same, however many later articles report the same events."""
    statements = new_graph()
    for text in stated:
        statements.parse(data=text, format="nt")
    return tuple(reports(article, published, statements))


def _current_events(store: KabarStore, report: Report) -> frozenset[ox.NamedNode]:
    """The event nodes a stored report's trigger mentions are of: one, but for a trigger that tells of one meeting
    per object ('courtesy calls with A and B'), whose reports share their mentions."""
    return frozenset(q.object for mention, _, _ in (t for t in report.triples if t[1] == K.mentionOf)
                     for q in store.quads(_EVENTS, ox.NamedNode(str(mention)), _MENTION_OF)
                     if isinstance(q.object, ox.NamedNode))
