"""What `kabar validate` checks in a store: each article graph, then the shared entities and events graphs.

A graph is read with the types of what it points to that other graphs
state (an article's mentions point to entities described once in the
entities graph; an event's reports point to articles and sentences), so
each fact is checked once and no graph is checked as if it stood alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ontology import ENTITIES_GRAPH, EVENTS_GRAPH, ID, RDF, K
from ontology.validation import ValidationReport, validate
from store.quad_store import QuadStore, StoreError

_TYPE = ox.NamedNode(str(RDF.type))
_ARTICLES = str(ID["article/"])
_EVIDENCE = (K.Article, K.Sentence, K.Mention)


def validate_store(store: QuadStore, graph: str | None = None, engine: str = "native") -> ValidationReport:
    """Every article graph (or only `graph`) and the shared graphs, against the kabar shapes."""
    names = [n for n in store.graph_names() if n.startswith(_ARTICLES)]
    if graph is not None:
        if not store.has_graph(ox.NamedNode(graph)):
            raise StoreError(f"the store has no graph {graph}")
        names = [graph]
    total = ValidationReport()
    whole = graph is None or graph in (str(ENTITIES_GRAPH), str(EVENTS_GRAPH))
    for parts, context in _graphs(store, names, whole):
        total.add(validate(parts[0], engine, *parts[1:], context=context))
    return total


def _graphs(store: QuadStore, names: list[str], whole: bool) -> Iterator[tuple[list[Graph], Graph]]:
    """Each graph to check, with the types of its values that other graphs state."""
    entity_types = _graph(store, ENTITIES_GRAPH, predicate=_TYPE)
    for name in names:
        if name in (str(ENTITIES_GRAPH), str(EVENTS_GRAPH)):
            continue
        yield [_graph(store, name)], entity_types
    if whole:  # the shared graphs, with the types of the articles' nodes their values are
        evidence, events = Graph(), _graph(store, EVENTS_GRAPH)
        for cls in _EVIDENCE:
            for q in store.quads(None, predicate=_TYPE, obj=ox.NamedNode(str(cls))):
                evidence.add((_rdflib(q.subject), RDF.type, cls))
            events.remove((None, RDF.type, cls))  # an event's mentions, described (and checked) in their article
        yield [_graph(store, ENTITIES_GRAPH), events], evidence


def _graph(store: QuadStore, name: str | URIRef, predicate: ox.NamedNode | None = None) -> Graph:
    g = Graph()
    for q in store.quads(ox.NamedNode(str(name)), predicate=predicate):
        g.add((_rdflib(q.subject), URIRef(q.predicate.value), _rdflib(q.object)))
    return g


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
