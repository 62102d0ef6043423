"""`kabar reason`: the OWL entailments queries need, materialised in a graph of their own.

Oxigraph answers what is stated; a user asking for `schema:Event` expects
the Meetings, and one asking for `sem:hasActor` the participants. The
vocabulary's subclass and subproperty axioms (kabar's own, and its
alignments to schema.org, SEM, PROV-O and ORG) are closed transitively and
their consequences written into `INFERRED_GRAPH` in one update, each
triple only when no other graph states it, so the union default graph
still holds each fact once. The graph is rebuilt whole each time; `ingest`
rebuilds it after writing when it exists, so it never lags the articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import URIRef

from ontology import VOCABULARY
from ontology.namespaces import INFERRED_GRAPH
from ontology.vocabulary import Vocabulary
from store.quad_store import QuadStore

_RULES = """
DROP SILENT GRAPH <{inferred}> ;
INSERT {{ GRAPH <{inferred}> {{ ?x a ?wider }} }} WHERE {{
  VALUES (?narrow ?wider) {{ {classes} }}
  GRAPH ?g {{ ?x a ?narrow }} FILTER NOT EXISTS {{ GRAPH ?h {{ ?x a ?wider }} }} }} ;
INSERT {{ GRAPH <{inferred}> {{ ?s ?wider ?o }} }} WHERE {{
  VALUES (?narrow ?wider) {{ {properties} }}
  GRAPH ?g {{ ?s ?narrow ?o }} FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?wider ?o }} }} }}"""


def materialize(store: QuadStore, vocabulary: Vocabulary = VOCABULARY) -> int:
    """Rebuild the inferred graph as one transaction; returns how many triples it holds."""
    classes = _closure({c.iri: c.parents for c in vocabulary.classes})
    properties = _closure({p.iri: p.parents for p in vocabulary.properties})
    store.update(_RULES.format(inferred=INFERRED_GRAPH, classes=_pairs(classes), properties=_pairs(properties)))
    return store.triple_count(str(INFERRED_GRAPH))


def has_inferences(store: QuadStore) -> bool:
    return store.has_graph(str(INFERRED_GRAPH))


def _closure(parents: Mapping[URIRef, Iterable[URIRef]]) -> dict[URIRef, set[URIRef]]:
    """Each term -> every term above it (its parents, theirs, ...), outside vocabularies' terms included."""
    above: dict[URIRef, set[URIRef]] = {}
    for term in parents:
        seen, stack = set(), list(parents[term])
        while stack:
            up = stack.pop()
            if up not in seen:
                seen.add(up)
                stack += parents.get(up, ())
        above[term] = seen
    return above


def _pairs(above: Mapping[URIRef, set[URIRef]]) -> str:
    return " ".join(f"(<{narrow}> <{wide}>)" for narrow in sorted(above) for wide in sorted(above[narrow]))
