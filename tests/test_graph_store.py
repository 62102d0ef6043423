"""The Graph Store HTTP Protocol at /store through a real server on loopback, each test on its own store."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from conftest import AUTH, TOKEN, Reply, assert_plain_error, fetch, serving
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from ontology import ID, SCHEMA
from store import KabarStore

EX = Namespace("http://example.org/")
GRAPH = URIRef("http://example.org/graph/one")
ARTICLE = URIRef(ID["article/one"])

TURTLE = """\
@prefix ex: <http://example.org/> .
@prefix schema: <https://schema.org/> .
ex:meeting a ex:Meeting ;
    ex:participant ex:iran, ex:oman ;
    ex:location [ schema:name "Muskat"@id ] .
<#here> ex:note "relative to the graph IRI" .
"""
MORE_TURTLE = '@prefix ex: <http://example.org/> .\nex:oman ex:name "Oman"@en ; ex:place [ ex:n 1 ] .\n'


def expected_graph() -> Graph:
    return Graph().parse(data=TURTLE, format="turtle", publicID=str(GRAPH))


def more_graph() -> Graph:
    return Graph().parse(data=MORE_TURTLE, format="turtle")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path / "store")
    store.replace_graph(ARTICLE, Graph().add((EX.oman, SCHEMA.name, Literal("Oman"))))
    yield store
    store.close()


@pytest.fixture
def endpoint(store: KabarStore) -> Iterator[str]:
    with serving(store, {"write_token": TOKEN}) as url:
        yield url


def store_url(endpoint: str, graph: str | None = None, **params: str) -> str:
    query = ({"graph": graph} if graph is not None else {}) | params
    return f"{endpoint}/store?{urllib.parse.urlencode(query)}"


def send(
    method: str, url: str, body: str | bytes, content_type: str = "text/turtle", headers: Mapping[str, str] = AUTH
) -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return fetch(url, data=data, method=method, headers={"Content-Type": content_type, **headers})


def get_graph(url: str, accept: str = "text/turtle", rdflib_format: str = "turtle") -> Graph:
    reply = fetch(url, headers={"Accept": accept})
    assert reply.status == 200, reply.text
    return Graph().parse(data=reply.body, format=rdflib_format)


# --- round trips -----------------------------------------------------------------------------------------


def test_put_turtle_then_get_it_back(endpoint: str, store: KabarStore) -> None:
    reply = send("PUT", store_url(endpoint, GRAPH), TURTLE)
    assert reply.status == 201, reply.text
    assert store.has_graph(GRAPH)
    got = fetch(store_url(endpoint, GRAPH))
    assert got.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "Accept" in got.headers["Vary"]
    assert isomorphic(Graph().parse(data=got.body, format="turtle"), expected_graph())
    assert (URIRef(f"{GRAPH}#here"), EX.note, Literal("relative to the graph IRI")) in expected_graph()


@pytest.mark.parametrize(
    ("media_type", "rdflib_format"),
    [("application/n-triples", "nt"), ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")],
)
def test_every_graph_format_round_trips(endpoint: str, media_type: str, rdflib_format: str) -> None:
    body = expected_graph().serialize(format=rdflib_format)
    assert send("PUT", store_url(endpoint, GRAPH), body, media_type).status == 201
    assert isomorphic(get_graph(store_url(endpoint, GRAPH), media_type, rdflib_format), expected_graph())
    by_parameter = fetch(store_url(endpoint, GRAPH, format="ntriples"), headers={"Accept": "text/turtle"})
    assert by_parameter.headers["Content-Type"] == "application/n-triples"


def test_put_replaces_an_existing_graph_with_204(endpoint: str) -> None:
    assert send("PUT", store_url(endpoint, GRAPH), TURTLE).status == 201
    reply = send("PUT", store_url(endpoint, GRAPH), MORE_TURTLE)
    assert (reply.status, reply.body) == (204, b"")
    assert isomorphic(get_graph(store_url(endpoint, GRAPH)), more_graph())


def test_post_merges_into_a_graph_keeping_blank_nodes_apart(endpoint: str) -> None:
    assert send("POST", store_url(endpoint, GRAPH), MORE_TURTLE).status == 201
    assert send("POST", store_url(endpoint, GRAPH), TURTLE).status == 204
    assert send("POST", store_url(endpoint, GRAPH), MORE_TURTLE).status == 204
    merged = get_graph(store_url(endpoint, GRAPH))
    assert len(merged) == len(expected_graph()) + len(more_graph()) + 2  # a second [ ex:n 1 ], and its ex:place
    assert len(set(merged.objects(EX.oman, EX.place))) == 2
    assert all(isinstance(node, BNode) for node in merged.objects(EX.oman, EX.place))


def test_delete_drops_the_graph(endpoint: str, store: KabarStore) -> None:
    send("PUT", store_url(endpoint, GRAPH), TURTLE)
    reply = fetch(store_url(endpoint, GRAPH), method="DELETE", headers=AUTH)
    assert (reply.status, reply.body) == (204, b"")
    assert not store.has_graph(GRAPH)
    assert_plain_error(fetch(store_url(endpoint, GRAPH)), 404, str(GRAPH))
    assert_plain_error(fetch(store_url(endpoint, GRAPH), method="DELETE", headers=AUTH), 404, str(GRAPH))
    assert store.has_graph(ARTICLE)


def test_an_empty_put_makes_an_empty_graph(endpoint: str, store: KabarStore) -> None:
    assert send("PUT", store_url(endpoint, GRAPH), b"").status == 201
    assert store.has_graph(GRAPH)
    reply = fetch(store_url(endpoint, GRAPH), headers={"Accept": "application/n-triples"})
    assert (reply.status, reply.body) == (200, b"")


def test_head_gives_the_headers_of_get_without_a_body(endpoint: str) -> None:
    send("PUT", store_url(endpoint, GRAPH), TURTLE)
    reply = fetch(store_url(endpoint, GRAPH), method="HEAD", headers={"Accept": "application/ld+json"})
    assert (reply.status, reply.body, reply.media_type) == (200, b"", "application/ld+json")
    assert fetch(store_url(endpoint, str(EX.missing)), method="HEAD").status == 404


# --- the default graph and the whole store ---------------------------------------------------------------


def test_the_default_graph_is_the_stores_unnamed_graph(endpoint: str, store: KabarStore) -> None:
    url = store_url(endpoint, default="")
    assert send("PUT", url, MORE_TURTLE).status == 204  # it always exists
    assert isomorphic(get_graph(url), more_graph())
    assert store.graph_names() == [str(ARTICLE)]
    assert isomorphic(get_graph(store_url(endpoint, ARTICLE)), Graph().add((EX.oman, SCHEMA.name, Literal("Oman"))))
    assert fetch(url, method="DELETE", headers=AUTH).status == 204
    assert len(get_graph(url)) == 0
    assert store.has_graph(ARTICLE)


def test_get_without_a_graph_is_the_whole_store(endpoint: str, store: KabarStore) -> None:
    send("PUT", store_url(endpoint, GRAPH), TURTLE)
    reply = fetch(f"{endpoint}/store")
    assert reply.media_type == "application/trig"
    dataset = Dataset().parse(data=reply.body, format="trig")
    assert isomorphic(dataset.graph(GRAPH), expected_graph())
    nquads = fetch(f"{endpoint}/store", headers={"Accept": "application/n-quads"})
    assert len(list(Dataset().parse(data=nquads.body, format="nquads").quads())) == store.triple_count()


def test_post_without_a_graph_creates_one_and_says_where(endpoint: str, store: KabarStore) -> None:
    reply = send("POST", f"{endpoint}/store", TURTLE)
    assert reply.status == 201, reply.text
    location = reply.headers["Location"]
    graph = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["graph"][0]
    assert graph.startswith("https://w3id.org/kabar/graph/posted/")
    assert store.has_graph(graph)
    assert len(get_graph(location)) == len(expected_graph())


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_put_and_delete_need_a_graph(endpoint: str, store: KabarStore, method: str) -> None:
    reply = send(method, f"{endpoint}/store", TURTLE)
    assert_plain_error(reply, 405, "?graph=IRI", "?default")
    assert "POST" in reply.headers["Allow"] and "PUT" not in reply.headers["Allow"]
    assert store.has_graph(ARTICLE)


# --- refusals ------------------------------------------------------------------------------------------


def test_bad_turtle_is_400_with_the_line_and_leaves_the_graph_as_it_was(endpoint: str) -> None:
    send("PUT", store_url(endpoint, GRAPH), TURTLE)
    bad = '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n'
    for method in ("PUT", "POST"):
        reply = send(method, store_url(endpoint, GRAPH), bad)
        assert_plain_error(reply, 400, "not valid Turtle", "store is unchanged", "line 3")
        assert isomorphic(get_graph(store_url(endpoint, GRAPH)), expected_graph())


def test_bad_rdfxml_and_json_ld_are_400(endpoint: str) -> None:
    rdfxml = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description><x/>'
    assert_plain_error(send("PUT", store_url(endpoint, GRAPH), rdfxml, "application/rdf+xml"), 400, "RDF/XML")
    remote_context = b'{"@context": "http://127.0.0.1:1/context.jsonld", "@id": "http://example.org/a"}'
    assert_plain_error(send("PUT", store_url(endpoint, GRAPH), remote_context, "application/ld+json"), 400, "JSON-LD")


def test_unknown_graphs_are_404(endpoint: str) -> None:
    assert_plain_error(fetch(store_url(endpoint, str(EX.missing))), 404, str(EX.missing), "/store")


@pytest.mark.parametrize(
    ("content_type", "fragments"),
    [("text/plain", ("text/plain", "text/turtle", "application/ld+json")), ("application/n-quads", ("dataset",))],
)
def test_other_content_types_are_415(endpoint: str, content_type: str, fragments: tuple[str, ...]) -> None:
    assert_plain_error(send("PUT", store_url(endpoint, GRAPH), TURTLE, content_type), 415, *fragments)


def test_ambiguous_targets_are_400(endpoint: str) -> None:
    assert_plain_error(fetch(store_url(endpoint, GRAPH, default="")), 400, "not both")
    assert_plain_error(fetch(f"{endpoint}/store?graph={EX.a}&graph={EX.b}"), 400, "one graph=")
    assert_plain_error(fetch(store_url(endpoint, "not an iri")), 400, "graph=not an iri")


def test_writes_need_the_token_and_reads_do_not(endpoint: str, store: KabarStore) -> None:
    assert send("PUT", store_url(endpoint, GRAPH), TURTLE, headers={}).status == 401
    wrong = {"Authorization": "Bearer nope"}
    assert send("POST", store_url(endpoint, GRAPH), TURTLE, headers=wrong).status == 401
    assert fetch(store_url(endpoint, ARTICLE), method="DELETE").status == 401
    assert not store.has_graph(GRAPH) and store.has_graph(ARTICLE)
    assert fetch(store_url(endpoint, ARTICLE)).status == 200


def test_without_a_configured_token_the_store_is_read_only(store: KabarStore) -> None:
    with serving(store) as url:
        assert_plain_error(send("PUT", store_url(url, GRAPH), TURTLE), 403, "KABAR_WRITE_TOKEN")
        assert fetch(store_url(url, ARTICLE)).status == 200


def test_a_body_over_the_default_limit_is_413_and_changes_nothing(endpoint: str) -> None:
    send("PUT", store_url(endpoint, GRAPH), TURTLE)
    line = b'<http://example.org/s> <http://example.org/p> "' + b"x" * 1000 + b'" .\n'
    body = line * (10 * 1024 * 1024 // len(line) + 1)
    assert len(body) > 10 * 1024 * 1024
    # N-Triples this large would be loaded in bulk, up to max_load_bytes (by default max_body_bytes); JSON-LD is
    # parsed in memory, up to max_body_bytes
    assert_plain_error(send("PUT", store_url(endpoint, GRAPH), body, "application/n-triples"), 413, "max_load_bytes")
    assert_plain_error(send("PUT", store_url(endpoint, GRAPH), body, "application/ld+json"), 413, "max_body_bytes")
    assert isomorphic(get_graph(store_url(endpoint, GRAPH)), expected_graph())
