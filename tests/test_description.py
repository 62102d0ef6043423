"""The service description, the VoID description and CORS, through a real server on loopback.

The service description tests need `/sparql` to hand a query-less request
to `server.description.service_description_response`; the default-graph
test needs `server.sparql` to read the union_default_graph setting.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import TOKEN, Reply, fetch, serving
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, VOID

from ontology import ID, ONTOLOGY_GRAPH, ONTOLOGY_IRI, PROV, SCHEMA, SEM, WD, WIKIDATA_GRAPH, K
from ontology.namespaces import FORMATS, SD, SH
from server import create_app
from server.cors import READS
from store import KabarStore
from store.kabar_store import KABAR_PREFIXES

ARTICLES = [URIRef(ID[f"article/{n}"]) for n in ("one", "two", "three")]
OTHER_GRAPH = URIRef("http://example.org/graph/other")
EMPTY_GRAPH = URIRef("http://example.org/graph/empty")
IRAN, OMAN = URIRef(ID["entity/Q794"]), URIRef(ID["entity/Q842"])

RDF_CASES = [
    ("text/turtle", "turtle"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"),
]


def article(n: int) -> Graph:
    graph = Graph()
    meeting = URIRef(ID[f"event/{n}/meeting"])
    graph.add((meeting, RDF.type, K.Meeting))
    graph.add((meeting, K.participant, IRAN))
    graph.add((IRAN, OWL.sameAs, WD.Q794))
    if n == 0:
        graph.add((OMAN, OWL.sameAs, WD.Q842))
        graph.add((OMAN, OWL.sameAs, URIRef("http://dbpedia.org/resource/Oman")))
    return graph


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path_factory.mktemp("description") / "store")
    for n, name in enumerate(ARTICLES):
        store.replace_graph(name, article(n))
    store.replace_graph(ONTOLOGY_GRAPH, Graph().add((URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology)))
    store.replace_graph(WIKIDATA_GRAPH, Graph().add((IRAN, SCHEMA.name, Literal("Iran", lang="en"))))
    store.replace_graph(OTHER_GRAPH, Graph().add((OMAN, SCHEMA.name, Literal("Oman", lang="en"))))
    store.replace_graph(EMPTY_GRAPH, [])
    store.add_quads([ox.Quad(ox.NamedNode(OMAN), ox.NamedNode(str(OWL.sameAs)), ox.NamedNode(WD.Q842))])
    yield store
    store.close()


@pytest.fixture
def endpoint(store: KabarStore) -> Iterator[str]:
    with serving(store) as url:
        yield url


def get(url: str, accept: str | None = None, origin: str | None = None) -> Reply:
    headers = ({"Accept": accept} if accept else {}) | ({"Origin": origin} if origin else {})
    return fetch(url, headers=headers)


def rdf(reply: Reply, rdflib_format: str = "turtle") -> Graph:
    assert reply.status == 200, reply.text
    return Graph().parse(data=reply.body, format=rdflib_format)


def service_description(url: str, accept: str = "text/turtle", rdflib_format: str = "turtle") -> Graph:
    return rdf(get(f"{url}/sparql", accept), rdflib_format)


def services(description: Graph) -> dict[URIRef, set[URIRef]]:
    """Each service's endpoint and the languages it supports."""
    return {
        description.value(service, SD.endpoint): set(description.objects(service, SD.supportedLanguage))
        for service in description.subjects(RDF.type, SD.Service)
    }


# --- the service description ---------------------------------------------------------------------------


@pytest.mark.parametrize(("media_type", "rdflib_format"), RDF_CASES)
def test_a_client_asking_for_rdf_gets_the_service_description(
    endpoint: str, media_type: str, rdflib_format: str
) -> None:
    reply = get(f"{endpoint}/sparql", media_type)
    assert reply.media_type == media_type
    assert "Accept" in reply.headers["Vary"]
    description = rdf(reply, rdflib_format)
    service = URIRef(f"{endpoint}/sparql")
    assert (service, RDF.type, SD.Service) in description
    assert services(description) == {service: {SD.SPARQL11Query}}


def test_the_service_description_lists_formats_and_features(endpoint: str) -> None:
    description = service_description(endpoint)
    service = URIRef(f"{endpoint}/sparql")
    formats = set(description.objects(service, SD.resultFormat))
    assert formats == {
        FORMATS[name] for name in (
            "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "N-Quads", "TriG",
        )
    }
    assert SD.UnionDefaultGraph in set(description.objects(service, SD.feature))
    dataset = description.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in description
    default_graph = description.value(dataset, SD.defaultGraph)
    assert "union of all graphs" in str(description.value(default_graph, DCTERMS.description))
    assert dataset == URIRef(f"{endpoint}/.well-known/void#dataset")


def test_the_service_description_lists_the_predefined_prefixes(endpoint: str) -> None:
    """As SHACL prefix declarations; and a query using one of them undeclared runs (issue 10, item 3)."""
    description = service_description(endpoint)
    service = URIRef(f"{endpoint}/sparql")
    declared = {str(description.value(d, SH.prefix)): str(description.value(d, SH.namespace))
                for d in description.objects(service, SH.declare)}
    assert declared == {prefix: str(namespace) for prefix, namespace in KABAR_PREFIXES.items()}
    assert declared["kabar"] == "https://w3id.org/kabar/ontology#" and len(declared) == 13
    reply = get(f"{endpoint}/sparql?query=" + urllib.parse.quote("ASK { ?o schema:name ?n }"),
                "application/sparql-results+json")
    assert reply.status == 200 and '"boolean":true' in reply.text


def test_with_writes_on_the_update_service_is_described(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN}) as url:
        assert services(service_description(url)) == {
            URIRef(f"{url}/sparql"): {SD.SPARQL11Query},
            URIRef(f"{url}/update"): {SD.SPARQL11Update},
        }


def test_without_the_union_the_description_and_the_queries_say_so(store: KabarStore) -> None:
    with serving(store, {"union_default_graph": False}) as url:
        description = service_description(url)
        assert SD.UnionDefaultGraph not in set(description.objects(URIRef(f"{url}/sparql"), SD.feature))
        assert "own unnamed graph" in description.serialize(format="nt")
        query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
        rows = json.loads(fetch(f"{url}/sparql?{query}").body)["results"]["bindings"]
        assert rows[0]["n"]["value"] == "1"  # the default graph's one triple, not the articles'


@pytest.mark.parametrize("accept", [None, "*/*", "application/sparql-results+json", "text/html"])
def test_other_clients_do_not_get_the_description(endpoint: str, accept: str | None) -> None:
    reply = get(f"{endpoint}/sparql", accept)
    assert reply.media_type != "text/turtle"
    assert reply.status == (200 if accept == "text/html" else 400)


# --- VoID ------------------------------------------------------------------------------------------------


@pytest.fixture
def void(endpoint: str) -> Graph:
    return rdf(get(f"{endpoint}/.well-known/void"))


def triples(void: Graph, node: URIRef) -> int:
    value = void.value(node, VOID.triples)
    assert value is not None, f"no void:triples for {node}"
    return int(value)


def test_void_counts_the_whole_store(endpoint: str, store: KabarStore, void: Graph) -> None:
    dataset = URIRef(f"{endpoint}/.well-known/void#dataset")
    assert (dataset, RDF.type, VOID.Dataset) in void
    assert triples(void, dataset) == store.triple_count() == len(list(store.quads()))
    assert void.value(dataset, VOID.sparqlEndpoint) == URIRef(f"{endpoint}/sparql")
    assert void.value(dataset, VOID.dataDump) == URIRef(f"{endpoint}/export")
    vocabularies = set(void.objects(dataset, VOID.vocabulary))
    assert {URIRef(str(SCHEMA)), URIRef(str(SEM)), URIRef(str(PROV)), URIRef(ONTOLOGY_IRI)} <= vocabularies


def test_void_has_a_subset_per_graph_with_its_count(store: KabarStore, void: Graph) -> None:
    named = {void.value(node, SD.name): node for node in void.subjects(SD.name, None)}
    assert set(named) == {URIRef(g) for g in store.graph_names()}
    for graph, node in named.items():
        assert (node, RDF.type, VOID.Dataset) in void
        assert triples(void, node) == store.triple_count(graph)
    assert triples(void, named[EMPTY_GRAPH]) == 0


def test_void_groups_graphs_by_kind(endpoint: str, store: KabarStore, void: Graph) -> None:
    dataset = URIRef(f"{endpoint}/.well-known/void#dataset")
    kind = {name: URIRef(f"{endpoint}/.well-known/void#{name}") for name in (
        "articles", "ontology", "knowledge-base", "other-graphs", "default-graph")}
    assert set(kind.values()) <= set(void.objects(dataset, VOID.subset))
    assert triples(void, kind["articles"]) == sum(store.triple_count(a) for a in ARTICLES)
    assert len(set(void.objects(kind["articles"], VOID.subset))) == len(ARTICLES)
    assert triples(void, kind["ontology"]) == store.triple_count(ONTOLOGY_GRAPH) == 1
    assert triples(void, kind["knowledge-base"]) == store.triple_count(WIKIDATA_GRAPH) == 1
    assert triples(void, kind["other-graphs"]) == store.triple_count(OTHER_GRAPH) == 1
    assert triples(void, kind["default-graph"]) == 1
    assert sum(triples(void, node) for node in kind.values()) == store.triple_count()


def test_void_describes_the_wikidata_linkset(endpoint: str, store: KabarStore, void: Graph) -> None:
    linkset = URIRef(f"{endpoint}/.well-known/void#wikidata-links")
    assert (linkset, RDF.type, VOID.Linkset) in void
    assert void.value(linkset, VOID.linkPredicate) == OWL.sameAs
    assert void.value(linkset, VOID.subjectsTarget) == URIRef(f"{endpoint}/.well-known/void#dataset")
    wikidata = void.value(linkset, VOID.objectsTarget)
    assert str(void.value(wikidata, VOID.uriSpace)) == str(WD)
    same_as = ox.NamedNode(str(OWL.sameAs))
    links = [q for q in store.quads(predicate=same_as) if q.object.value.startswith(str(WD))]
    assert triples(void, linkset) == len(links) == len(ARTICLES) + 2


@pytest.mark.parametrize(("media_type", "rdflib_format"), RDF_CASES[1:])
def test_void_in_every_graph_format(endpoint: str, void: Graph, media_type: str, rdflib_format: str) -> None:
    reply = get(f"{endpoint}/.well-known/void", media_type)
    assert reply.media_type == media_type
    assert isomorphic(rdf(reply, rdflib_format), void)
    assert get(f"{endpoint}/.well-known/void", "text/csv").status == 406


# --- CORS ------------------------------------------------------------------------------------------------

ORIGIN = "https://app.example"
ASK = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})


def reads(url: str) -> list[tuple[str, str, bytes | None, Mapping[str, str]]]:
    """Requests that only read: method, URL, body, headers."""
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return [
        ("GET", f"{url}/sparql?{ASK}", None, {}),
        ("POST", f"{url}/sparql", ASK.encode(), form),
        ("GET", f"{url}/sparql?query=nonsense", None, {}),
        ("GET", f"{url}/export?format=nquads", None, {}),
        ("GET", f"{url}/store?{urllib.parse.urlencode({'graph': ARTICLES[0]})}", None, {}),
        ("HEAD", f"{url}/store", None, {}),
        ("GET", f"{url}/.well-known/void", None, {}),
    ]


def call(method: str, url: str, body: bytes | None, headers: Mapping[str, str], **more: str) -> Reply:
    return fetch(url, data=body, method=method, headers={**headers, **more})


def test_reads_allow_any_origin_by_default(endpoint: str) -> None:
    for request in reads(endpoint):
        reply = call(*request, Origin=ORIGIN)
        assert reply.headers["Access-Control-Allow-Origin"] == "*", request


def test_writes_get_no_cors_headers(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN}) as url:
        auth = {"Authorization": f"Bearer {TOKEN}", "Origin": ORIGIN}
        update = fetch(f"{url}/update", data=b"CLEAR SILENT GRAPH <http://example.org/none>",
                       headers={**auth, "Content-Type": "application/sparql-update"})
        put = fetch(f"{url}/store?graph=http://example.org/new", data=b"", method="PUT",
                    headers={**auth, "Content-Type": "text/turtle"})
        assert (update.status, put.status) == (204, 201)
        assert "Access-Control-Allow-Origin" not in update.headers
        assert "Access-Control-Allow-Origin" not in put.headers
        store.drop_graph("http://example.org/new")


def preflight(url: str, method: str, origin: str = ORIGIN) -> Reply:
    return fetch(url, method="OPTIONS", headers={
        "Origin": origin, "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type, accept",
    })


def test_a_preflight_for_a_read_is_answered(endpoint: str) -> None:
    reply = preflight(f"{endpoint}/sparql", "POST")
    assert reply.status == 204
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert set(reply.headers["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "POST"}
    assert {"Content-Type", "Accept", "Authorization"} <= set(reply.headers["Access-Control-Allow-Headers"].split(", "))
    assert int(reply.headers["Access-Control-Max-Age"]) > 0
    assert preflight(f"{endpoint}/store", "GET").headers["Access-Control-Allow-Methods"] == "GET, HEAD"


@pytest.mark.parametrize(("path", "method"), [("/store", "PUT"), ("/store", "DELETE"), ("/update", "POST")])
def test_a_preflight_for_a_write_gets_no_cors_headers(endpoint: str, path: str, method: str) -> None:
    reply = preflight(f"{endpoint}{path}", method)
    assert "Access-Control-Allow-Origin" not in reply.headers
    assert "Access-Control-Allow-Methods" not in reply.headers


def test_configured_origins_are_echoed_and_others_refused(store: KabarStore) -> None:
    with serving(store, {"cors_origins": [ORIGIN, "https://other.example"]}) as url:
        allowed = get(f"{url}/sparql?{ASK}", origin=ORIGIN)
        assert allowed.headers["Access-Control-Allow-Origin"] == ORIGIN
        assert "Origin" in allowed.headers["Vary"]
        refused = get(f"{url}/sparql?{ASK}", origin="https://evil.example")
        assert refused.status == 200
        assert "Access-Control-Allow-Origin" not in refused.headers
        assert "Origin" in refused.headers["Vary"]
        assert preflight(f"{url}/sparql", "GET").headers["Access-Control-Allow-Origin"] == ORIGIN
        assert "Access-Control-Allow-Origin" not in preflight(f"{url}/sparql", "GET", "https://evil.example").headers


def test_an_empty_origin_list_turns_cors_off(store: KabarStore) -> None:
    with serving(store, {"cors_origins": []}) as url:
        for request in reads(url):
            assert "Access-Control-Allow-Origin" not in call(*request, Origin=ORIGIN).headers
        assert "Access-Control-Allow-Origin" not in preflight(f"{url}/sparql", "GET").headers


def test_the_origins_setting_from_the_environment(store: KabarStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KABAR_CORS_ORIGINS", f"{ORIGIN}/")
    with serving(store) as url:
        assert get(f"{url}/.well-known/void", origin=ORIGIN).headers["Access-Control-Allow-Origin"] == ORIGIN


def test_every_path_in_the_cors_table_is_a_route(tmp_path: Path) -> None:
    """The CORS table names paths: one that moved would silently lose its headers."""
    rules = {rule.rule for rule in create_app(tmp_path / "store").url_map.iter_rules()}
    assert set(READS) <= rules
