"""What the endpoint says about itself: a SPARQL 1.1 Service Description and a VoID description.

The service description answers a client that asks `/sparql` for RDF
without a query; it is built from the settings alone, so it costs no
store access. The VoID description, at the well-known path the VoID
specification registers, counts triples with SPARQL on every request, in
a query worker on the latest snapshot under the time limit
(`server.reads`): the numbers are the store's as it is, never a stale
cache, and a large store cannot make the request run forever.

Both are serialized by pyoxigraph in the format negotiated like a
CONSTRUCT result (Turtle by default).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ontology.namespaces import (
    DCTERMS,
    FOAF,
    FORMATS,
    ID,
    ONTOLOGY_GRAPH,
    ONTOLOGY_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SD,
    SEM,
    SH,
    VOID,
    WD,
    WIKIDATA_GRAPH,
    WIKIDATA_HOME,
    WIKIDATA_SPARQL,
    XSD,
)
from server.config import WRITE_TOKEN, public_url, setting, union_default_graph
from server.extension import kabar_store
from server.formats import CONSTRUCT_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, Format, choose_format, content_type
from server.negotiation import best_match, vary_on_accept
from server.reads import select_rows
from store import KabarStore
from store.kabar_store import KABAR_PREFIXES

PREFIXES = {
    "sd": str(SD), "void": str(VOID), "dcterms": str(DCTERMS), "foaf": str(FOAF), "owl": str(OWL),
    "rdfs": str(RDFS), "formats": str(FORMATS),
}

VOCABULARIES = (str(SCHEMA), str(SEM), str(PROV), ONTOLOGY_IRI, str(OWL))
"""The vocabularies the data uses, for void:vocabulary."""

Statement = tuple[ox.NamedNode | ox.BlankNode, str, ox.NamedNode | ox.BlankNode | ox.Literal]
"""A triple whose predicate is an rdflib namespace term (a str), turned into an ox.Triple when serialized."""

bp = Blueprint("description", __name__)


bp.after_request(vary_on_accept)


@bp.get("/.well-known/void")
def void() -> Response:
    return rdf_response(void_description(kabar_store.store), "the VoID description")


def service_description_response() -> Response | None:
    """The service description for a GET of /sparql without a query whose Accept prefers RDF, else None.

    Called from the `/sparql` view when the request has no query: a
    browser (HTML) and a client with no preference keep the query page or
    the 400 saying how to send a query.
    """
    if request.method not in ("GET", "HEAD"):
        return None
    rdf_types = [f.media_type for f in GRAPH_FORMATS]
    preferred = best_match(request.headers.get("Accept"), [RESULT_FORMATS[0].media_type, "text/html", *rdf_types])
    if preferred not in rdf_types:
        return None
    return rdf_response(service_description(), "the service description")


def rdf_response(triples: Iterable[Statement], what: str) -> Response:
    chosen, media_type = choose_format(
        GRAPH_FORMATS, request.args.getlist("format"), request.headers.get("Accept"), what
    )
    graph = [ox.Triple(s, ox.NamedNode(p), o) for s, p, o in triples]
    return Response(
        ox.serialize(graph, format=chosen.serializer, prefixes=PREFIXES), content_type=content_type(media_type)
    )


def iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(str(value))


def format_iri(served: Format) -> ox.NamedNode:
    """The format's IRI in the W3C registry; pyoxigraph 0.5 names JSON-LD outside it (.../formats/data/)."""
    return iri(FORMATS[served.serializer.iri.rsplit("/", 1)[-1]])


def dataset_iri() -> ox.NamedNode:
    """The dataset both descriptions are about: the service's default dataset, VoID's void:Dataset."""
    return iri(public_url("description.void") + "#dataset")


DEFAULT_GRAPH_IS_UNION = (
    "The default graph is the union of all graphs of the store: every article is a named graph of its own, "
    "next to the ontology and the Wikidata knowledge base, so that a query without GRAPH sees all of them. "
    "FROM, FROM NAMED, default-graph-uri and named-graph-uri choose another dataset; GRAPH ?g finds each article."
)
DEFAULT_GRAPH_IS_OWN = (
    "The default graph is the store's own unnamed graph. Articles, the ontology and the Wikidata knowledge "
    "base are named graphs: query them with GRAPH, FROM or default-graph-uri."
)


def service_description() -> list[Statement]:
    """sd:Service for /sparql, and one for /update when writes are on (it has its own endpoint)."""
    service, dataset, default_graph = iri(public_url("sparql.query")), dataset_iri(), ox.BlankNode()
    union = union_default_graph()
    triples: list[Statement] = [
        (service, RDF.type, iri(SD.Service)),
        (service, SD.endpoint, service),
        (service, SD.supportedLanguage, iri(SD.SPARQL11Query)),
        *((service, SD.resultFormat, format_iri(f)) for f in (*RESULT_FORMATS, *CONSTRUCT_FORMATS)),
        (service, SD.feature, iri(SD.EmptyGraphs)),
        *([(service, SD.feature, iri(SD.UnionDefaultGraph))] if union else []),
        (service, SD.defaultDataset, dataset),
        (service, RDFS.seeAlso, iri(public_url("description.void"))),
        (dataset, RDF.type, iri(SD.Dataset)),
        (dataset, SD.defaultGraph, default_graph),
        (default_graph, RDF.type, iri(SD.Graph)),
        (default_graph, DCTERMS.description, ox.Literal(DEFAULT_GRAPH_IS_UNION if union else DEFAULT_GRAPH_IS_OWN)),
        *predefined_prefixes(service),
    ]
    if setting(WRITE_TOKEN) is not None:
        update = iri(public_url("update.update"))
        triples += [
            (update, RDF.type, iri(SD.Service)),
            (update, SD.endpoint, update),
            (update, SD.supportedLanguage, iri(SD.SPARQL11Update)),
            (update, SD.feature, iri(SD.EmptyGraphs)),
            (update, DCTERMS.description, ox.Literal(
                "Needs Authorization: Bearer <write token>. An update's default graph is the store's unnamed "
                "graph, not the union. SERVICE is refused, and LOAD unless the server allows it."
            )),
        ]
    return triples


def predefined_prefixes(service: ox.NamedNode) -> list[Statement]:
    """The prefixes every query knows without declaring them, as SHACL prefix declarations (`sh:declare`): the
    RDF vocabulary for a prefix and its namespace, which a client can read to write queries without PREFIX."""
    triples: list[Statement] = []
    for prefix, namespace in sorted(KABAR_PREFIXES.items()):
        declaration = ox.BlankNode()
        triples += [(service, SH.declare, declaration), (declaration, SH.prefix, ox.Literal(prefix)),
                    (declaration, SH.namespace, ox.Literal(str(namespace), datatype=iri(XSD.anyURI)))]
    return triples


COUNTING = "Counting the store's triples for the VoID description"
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g"
"""Quads per named graph, and in the default graph (the row without ?g), from one snapshot."""
WIKIDATA_LINK_COUNT = """SELECT (COUNT(*) AS ?n) WHERE {
  { ?s owl:sameAs ?o } UNION { GRAPH ?g { ?s owl:sameAs ?o } }
  FILTER(STRSTARTS(STR(?o), STR(wd:)))
}"""
"""Quads, like every count here: a link stated in two article graphs counts twice."""

KINDS = {
    "articles": "News articles, one named graph each",
    "ontology": "The kabar ontology",
    "knowledge-base": "Entities from Wikidata, with their names",
    "other-graphs": "Other named graphs",
}


def kind(graph: str) -> str:
    if graph.startswith(str(ID["article/"])):
        return "articles"
    return {str(ONTOLOGY_GRAPH): "ontology", str(WIKIDATA_GRAPH): "knowledge-base"}.get(graph, "other-graphs")


def graph_counts(store: KabarStore) -> tuple[dict[str, int], int]:
    """Quads per named graph, empty graphs included, and quads in the default graph."""
    counts, default_count = dict.fromkeys(store.graph_names(), 0), 0
    for row in select_rows(GRAPH_COUNTS, what=COUNTING):
        if "g" not in row:
            default_count = int(row["n"])
        else:
            counts[row["g"]] = int(row["n"])
    return counts, default_count


def count(query: str) -> int:
    return int(select_rows(query, what=COUNTING)[0]["n"])


def void_description(store: KabarStore) -> list[Statement]:
    """void:Dataset with its counts, a subset per kind of graph and per graph, and the Wikidata linkset."""
    document = iri(public_url("description.void"))
    dataset = dataset_iri()
    counts, default_count = graph_counts(store)
    triples: list[Statement] = [
        (document, RDF.type, iri(VOID.DatasetDescription)),
        (document, FOAF.primaryTopic, dataset),
        (dataset, RDF.type, iri(VOID.Dataset)),
        (dataset, DCTERMS.title, ox.Literal("kabar: events in the news as a knowledge graph")),
        (dataset, VOID.triples, ox.Literal(sum(counts.values()) + default_count)),
        (dataset, VOID.sparqlEndpoint, iri(public_url("sparql.query"))),
        (dataset, VOID.dataDump, iri(public_url("export.dataset"))),
        (dataset, VOID.uriSpace, ox.Literal(str(ID))),
        *((dataset, VOID.vocabulary, iri(v)) for v in VOCABULARIES),
    ]
    by_kind: dict[str, list[str]] = defaultdict(list)
    for graph in counts:
        by_kind[kind(graph)].append(graph)
    for name, graphs in by_kind.items():
        triples += subset(dataset, f"{document.value}#{name}", KINDS[name], graphs, counts)
    if default_count:
        default = iri(f"{document.value}#default-graph")
        triples += [
            (dataset, VOID.subset, default),
            (default, RDF.type, iri(VOID.Dataset)),
            (default, DCTERMS.title, ox.Literal("The store's unnamed default graph")),
            (default, VOID.triples, ox.Literal(default_count)),
        ]
    return triples + wikidata_linkset(dataset, document.value, count(WIKIDATA_LINK_COUNT))


def subset(
    dataset: ox.NamedNode, node: str, title: str, graphs: Sequence[str], counts: dict[str, int]
) -> list[Statement]:
    """One kind of graph as a void:subset of the dataset, each of its graphs a subset of it."""
    kind_node = iri(node)
    triples: list[Statement] = [
        (dataset, VOID.subset, kind_node),
        (kind_node, RDF.type, iri(VOID.Dataset)),
        (kind_node, DCTERMS.title, ox.Literal(title)),
        (kind_node, VOID.triples, ox.Literal(sum(counts[g] for g in graphs))),
    ]
    for graph in sorted(graphs):
        graph_node = ox.BlankNode()
        triples += [
            (kind_node, VOID.subset, graph_node),
            (graph_node, RDF.type, iri(VOID.Dataset)),
            (graph_node, RDF.type, iri(SD.NamedGraph)),
            (graph_node, SD.name, iri(graph)),
            (graph_node, VOID.triples, ox.Literal(counts[graph])),
        ]
    return triples


def wikidata_linkset(dataset: ox.NamedNode, document: str, links: int) -> list[Statement]:
    linkset, wikidata = iri(f"{document}#wikidata-links"), iri(f"{document}#wikidata")
    return [
        (dataset, VOID.subset, linkset),
        (linkset, RDF.type, iri(VOID.Linkset)),
        (linkset, VOID.linkPredicate, iri(OWL.sameAs)),
        (linkset, VOID.subjectsTarget, dataset),
        (linkset, VOID.objectsTarget, wikidata),
        (linkset, VOID.triples, ox.Literal(links)),
        (wikidata, RDF.type, iri(VOID.Dataset)),
        (wikidata, DCTERMS.title, ox.Literal("Wikidata")),
        (wikidata, FOAF.homepage, iri(WIKIDATA_HOME)),
        (wikidata, VOID.uriSpace, ox.Literal(str(WD))),
        (wikidata, VOID.sparqlEndpoint, iri(WIKIDATA_SPARQL)),
    ]
