"""The SPARQL endpoint through a real waitress server on a free loopback port, with real HTTP clients.

The store is a real on-disk KabarStore holding two article graphs, a
Wikidata-like graph of names and a bulk graph big enough that exports take
many chunks.
"""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, Reply, assert_plain_error, fetch
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper

from ontology import ID, RDF, SCHEMA, WIKIDATA_GRAPH, K
from server import create_app
from server.negotiation import best_match, parse_accept
from server.pages import EXAMPLE_QUERY
from server.wsgi import WaitressServer
from store import KabarStore
from store.sparql_text import declares_dataset, lex

ARTICLE_ONE = URIRef(ID["article/one"])
ARTICLE_TWO = URIRef(ID["article/two"])
BULK = URIRef(ID["article/bulk"])
BULK_SIZE = 3000

IRAN, OMAN, USA, TURKIYE = (URIRef(ID[f"entity/{qid}"]) for qid in ("Q794", "Q842", "Q30", "Q43"))
NAMES = ["Iran", "Oman", "Türkiye", "United States"]

PREFIXES = "PREFIX kabar: <https://w3id.org/kabar/ontology#>\nPREFIX schema: <https://schema.org/>\n"
NAMES_QUERY = PREFIXES + (
    'SELECT (STR(?label) AS ?name) WHERE { ?c schema:name ?label FILTER(lang(?label) = "en") } ORDER BY ?name'
)
MEETINGS_QUERY = PREFIXES + "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a kabar:Meeting }"
GRAPH_ONE_QUERY = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ARTICLE_ONE}> {{ ?s ?p ?o }} }}"

SPARQL_NS = "{http://www.w3.org/2005/sparql-results#}"


def article_one() -> Graph:
    graph = Graph()
    meeting = ID["event/one/meeting-1"]
    place = BNode()
    graph.add((meeting, RDF.type, K.Meeting))
    graph.add((meeting, K.participant, IRAN))
    graph.add((meeting, K.participant, OMAN))
    graph.add((meeting, K.date, Literal(date(2024, 5, 10))))
    graph.add((meeting, K.evidence, Literal("Menteri Luar Negeri Iran bertemu mitranya dari Oman.", lang="id")))
    graph.add((meeting, K.location, place))
    graph.add((place, SCHEMA.name, Literal("Muskat", lang="id")))
    return graph


def article_two() -> Graph:
    graph = Graph()
    meeting = ID["event/two/meeting-1"]
    graph.add((meeting, RDF.type, K.Meeting))
    graph.add((meeting, K.participant, USA))
    graph.add((meeting, K.participant, OMAN))
    return graph


def knowledge_base() -> Graph:
    graph = Graph()
    for entity, name in zip((IRAN, OMAN, TURKIYE, USA), NAMES, strict=True):
        graph.add((entity, SCHEMA.name, Literal(name, lang="en")))
    graph.add((IRAN, SCHEMA.name, Literal("Iran", lang="id")))
    return graph


def bulk() -> Graph:
    graph = Graph()
    for i in range(BULK_SIZE):
        graph.add((ID[f"entity/bulk-{i}"], SCHEMA.description, Literal(f"filler triple number {i} " + "x" * 40)))
    return graph


GRAPHS = {ARTICLE_ONE: article_one(), ARTICLE_TWO: article_two(), WIKIDATA_GRAPH: knowledge_base(), BULK: bulk()}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KabarStore:
    store = KabarStore(tmp_path_factory.mktemp("kabar") / "store")
    for name, graph in GRAPHS.items():
        store.replace_graph(name, graph)
    return store


@pytest.fixture(scope="module")
def endpoint(store: KabarStore) -> Iterator[str]:
    with WaitressServer(create_app(store), port=0) as server:
        yield server.url


# --- a small HTTP client on urllib ---------------------------------------------------------------


Params = Mapping[str, str] | Sequence[tuple[str, str]]


def get(endpoint: str, path: str, params: Params = (), accept: str | None = None) -> Reply:
    query_string = urllib.parse.urlencode(params)
    return fetch(f"{endpoint}{path}?{query_string}", headers={"Accept": accept} if accept else None)


def query(endpoint: str, sparql: str, accept: str | None = None, **params: str) -> Reply:
    return get(endpoint, "/sparql", {"query": sparql, **params}, accept)


def post_form(endpoint: str, params: Params, accept: str | None = None) -> Reply:
    headers = {"Content-Type": "application/x-www-form-urlencoded"} | ({"Accept": accept} if accept else {})
    return fetch(f"{endpoint}/sparql", data=urllib.parse.urlencode(params).encode(), headers=headers)


def post_query(
    endpoint: str, sparql: str, content_type: str = "application/sparql-query", url_params: Params = ()
) -> Reply:
    url = f"{endpoint}/sparql?{urllib.parse.urlencode(url_params)}"
    return fetch(url, data=sparql.encode("utf-8"), headers={"Content-Type": content_type})


# --- reading results back ------------------------------------------------------------------------


def json_values(reply: Reply) -> list[str]:
    return [row["name"]["value"] for row in json.loads(reply.body)["results"]["bindings"]]


def xml_values(reply: Reply) -> list[str]:
    root = ET.fromstring(reply.body)
    return [literal.text or "" for literal in root.iter(f"{SPARQL_NS}literal")]


def csv_values(reply: Reply) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(reply.text, newline="")))
    return [row["name"] for row in rows]


def tsv_values(reply: Reply) -> list[str]:
    header, *rows = reply.text.splitlines()
    assert header == "?name"
    return [json.loads(row) for row in rows]  # a TSV string literal is written "like this"


def graph_from(reply: Reply, rdflib_format: str) -> Graph:
    """The triples of a graph result; N-Quads and TriG carry them in the default graph."""
    if rdflib_format in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(data=reply.body, format=rdflib_format)
        return Graph() + dataset.default_graph
    return Graph().parse(data=reply.body, format=rdflib_format)


RESULT_CASES = [
    ("application/sparql-results+json", "json", json_values),
    ("application/sparql-results+xml", "xml", xml_values),
    ("text/csv", "csv", csv_values),
    ("text/tab-separated-values", "tsv", tsv_values),
]

GRAPH_CASES = [
    ("text/turtle", "turtle", "turtle"),
    ("application/n-triples", "ntriples", "nt"),
    ("application/ld+json", "jsonld", "json-ld"),
    ("application/rdf+xml", "rdfxml", "xml"),
    ("application/n-quads", "nquads", "nquads"),
    ("application/trig", "trig", "trig"),
]


# --- SELECT and ASK --------------------------------------------------------------------------------


@pytest.mark.parametrize(("media_type", "name", "values"), RESULT_CASES)
def test_select_format_by_accept(endpoint: str, media_type: str, name: str, values) -> None:
    reply = query(endpoint, NAMES_QUERY, accept=media_type)
    assert reply.status == 200, reply.text
    assert reply.media_type == media_type
    assert values(reply) == NAMES


@pytest.mark.parametrize(("media_type", "name", "values"), RESULT_CASES)
def test_select_format_by_parameter_overrides_accept(endpoint: str, media_type: str, name: str, values) -> None:
    reply = query(endpoint, NAMES_QUERY, accept="application/sparql-results+json;q=0.1, text/csv", format=name)
    assert reply.status == 200, reply.text
    assert reply.media_type == media_type
    assert values(reply) == NAMES


def test_text_formats_say_utf8(endpoint: str) -> None:
    for media_type in ("text/csv", "text/tab-separated-values"):
        assert query(endpoint, NAMES_QUERY, accept=media_type).headers["Content-Type"] == (
            f"{media_type}; charset=utf-8"
        )


@pytest.mark.parametrize("accept", [None, "*/*", "application/*", "application/sparql-results+json"])
def test_json_is_the_default(endpoint: str, accept: str | None) -> None:
    reply = query(endpoint, NAMES_QUERY, accept=accept)
    assert reply.headers["Content-Type"] == "application/sparql-results+json"
    assert json_values(reply) == NAMES


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/*", "text/csv"),
        ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
        ("text/tab-separated-values;q=0.9, text/*;q=0.2", "text/tab-separated-values"),
        ("application/json", "application/json"),
        ("application/xml", "application/xml"),
    ],
)
def test_accept_preferences(endpoint: str, accept: str, media_type: str) -> None:
    reply = query(endpoint, NAMES_QUERY, accept=accept)
    assert reply.status == 200, reply.text
    assert reply.media_type == media_type


def test_ask(endpoint: str) -> None:
    yes = query(endpoint, PREFIXES + "ASK { ?m a kabar:Meeting }")
    no = query(endpoint, PREFIXES + "ASK { ?m a kabar:Negotiation }")
    assert json.loads(yes.body)["boolean"] is True
    assert json.loads(no.body)["boolean"] is False
    xml_reply = query(endpoint, PREFIXES + "ASK { ?m a kabar:Meeting }", accept="application/sparql-results+xml")
    assert ET.fromstring(xml_reply.body).find(f"{SPARQL_NS}boolean").text == "true"


# --- CONSTRUCT and DESCRIBE --------------------------------------------------------------------------


@pytest.mark.parametrize(("media_type", "name", "rdflib_format"), GRAPH_CASES)
def test_construct_format_by_accept(endpoint: str, media_type: str, name: str, rdflib_format: str) -> None:
    reply = query(endpoint, GRAPH_ONE_QUERY, accept=media_type)
    assert reply.status == 200, reply.text
    assert reply.media_type == media_type
    assert isomorphic(graph_from(reply, rdflib_format), GRAPHS[ARTICLE_ONE])


@pytest.mark.parametrize(("media_type", "name", "rdflib_format"), GRAPH_CASES)
def test_construct_format_by_parameter(endpoint: str, media_type: str, name: str, rdflib_format: str) -> None:
    reply = query(endpoint, GRAPH_ONE_QUERY, accept="text/turtle", format=name)
    assert reply.media_type == media_type
    assert isomorphic(graph_from(reply, rdflib_format), GRAPHS[ARTICLE_ONE])


def test_turtle_is_the_default_for_graphs(endpoint: str) -> None:
    reply = query(endpoint, f"DESCRIBE <{OMAN}>")
    assert reply.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert (OMAN, SCHEMA.name, Literal("Oman", lang="en")) in graph_from(reply, "turtle")


def test_construct_with_application_wildcard_gets_ntriples(endpoint: str) -> None:
    assert query(endpoint, GRAPH_ONE_QUERY, accept="application/*").media_type == "application/n-triples"


# --- the three ways to send a query ---------------------------------------------------------------


def test_get_post_form_and_post_body_give_the_same_results(endpoint: str) -> None:
    by_get = query(endpoint, NAMES_QUERY)
    by_form = post_form(endpoint, {"query": NAMES_QUERY})
    by_body = post_query(endpoint, NAMES_QUERY)
    by_body_with_charset = post_query(endpoint, NAMES_QUERY, "application/sparql-query; charset=utf-8")
    assert {r.status for r in (by_get, by_form, by_body, by_body_with_charset)} == {200}
    assert by_get.body == by_form.body == by_body.body == by_body_with_charset.body
    assert json_values(by_body) == NAMES


def test_post_form_reads_format_and_graphs_from_the_body(endpoint: str) -> None:
    reply = post_form(
        endpoint, [("query", MEETINGS_QUERY), ("default-graph-uri", str(ARTICLE_TWO)), ("format", "csv")]
    )
    assert reply.media_type == "text/csv"
    assert csv.DictReader(io.StringIO(reply.text)).__next__()["n"] == "1"


# --- the dataset: union by default, FROM, protocol graphs -----------------------------------------


def count(reply: Reply) -> int:
    assert reply.status == 200, reply.text
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def test_default_graph_is_the_union_of_the_named_graphs(endpoint: str) -> None:
    assert count(query(endpoint, MEETINGS_QUERY)) == 2
    rows = json.loads(query(endpoint, EXAMPLE_QUERY).body)["results"]["bindings"]
    names = {row["name"]["value"] for row in rows if "name" in row}
    assert {"Iran", "Oman", "United States"} <= names  # meetings in the articles, names in the KB graph


def test_from_restricts_the_default_graph(endpoint: str) -> None:
    from_one = MEETINGS_QUERY.replace("WHERE", f"FROM <{ARTICLE_ONE}> WHERE")
    assert count(query(endpoint, from_one)) == 1
    both = MEETINGS_QUERY.replace("WHERE", f"from <{ARTICLE_ONE}>\nFROM <{ARTICLE_TWO}> WHERE")
    assert count(query(endpoint, both)) == 2
    kb_only = MEETINGS_QUERY.replace("WHERE", f"FROM <{WIKIDATA_GRAPH}> WHERE")
    assert count(query(endpoint, kb_only)) == 0


def test_from_named_restricts_graph_patterns(endpoint: str) -> None:
    graphs_query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    all_graphs = json.loads(query(endpoint, graphs_query).body)["results"]["bindings"]
    assert {row["g"]["value"] for row in all_graphs} == {str(g) for g in GRAPHS}
    named = graphs_query.replace("WHERE", f"FROM NAMED <{ARTICLE_TWO}> WHERE")
    rows = json.loads(query(endpoint, named).body)["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == [str(ARTICLE_TWO)]


def test_pyoxigraph_ignores_from_when_told_to_use_the_union(tmp_path: Path) -> None:
    """Why the endpoint looks for FROM before choosing the union: pyoxigraph's flag overrides it."""
    one, two = ox.NamedNode("http://example.org/one"), ox.NamedNode("http://example.org/two")
    p = ox.NamedNode("http://example.org/p")
    with KabarStore(tmp_path / "store") as store:
        store.replace_graph(one, [ox.Triple(one, p, ox.Literal("1"))])
        store.replace_graph(two, [ox.Triple(two, p, ox.Literal("2"))])
        from_one = "SELECT ?s FROM <http://example.org/one> WHERE { ?s ?p ?o }"
        assert len(list(store.query(from_one, union_default_graph=True))) == 2
        assert [row["s"] for row in store.query(from_one)] == [one]


def test_default_graph_uri_restricts_and_overrides_from(endpoint: str) -> None:
    params = {"default-graph-uri": str(ARTICLE_TWO)}
    assert count(query(endpoint, MEETINGS_QUERY, **params)) == 1
    from_both = MEETINGS_QUERY.replace("WHERE", f"FROM <{ARTICLE_ONE}> FROM <{ARTICLE_TWO}> WHERE")
    assert count(query(endpoint, from_both, **params)) == 1
    by_body = post_query(endpoint, MEETINGS_QUERY, url_params=params)
    assert count(by_body) == 1
    both = get(endpoint, "/sparql", [("query", MEETINGS_QUERY), ("default-graph-uri", str(ARTICLE_ONE)),
                                     ("default-graph-uri", str(ARTICLE_TWO))])
    assert count(both) == 2


def test_named_graph_uri_restricts_graph_patterns(endpoint: str) -> None:
    reply = query(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{
        "named-graph-uri": str(WIKIDATA_GRAPH)})
    rows = json.loads(reply.body)["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == [str(WIKIDATA_GRAPH)]


# --- errors ----------------------------------------------------------------------------------------


def test_an_undeclared_prefix_and_a_misspelt_keyword_are_said_in_words(endpoint: str) -> None:
    """The same text as `kabar query` prints, in the 400's body; kabar's prefixes need no PREFIX line."""
    reply = query(endpoint, "SELECT ?n WHERE {\n  ?e foaf:name ?n }")
    assert_plain_error(reply, 400, "The query is not valid SPARQL: undeclared prefix `foaf:` at line 2, column 6 "
                       "(known prefixes: dcterms:, kabar:", "line 2, column 6:   ?e foaf:name ?n }\n"
                       + " " * (len("line 2, column 6: ") + 5) + "^")
    reply = query(endpoint, "SELECT ?n WHERE { ?e schema:name ?n } ORDR BY ?n")
    assert_plain_error(reply, 400, "unknown keyword `ORDR` at line 1, column 39 (did you mean ORDER?)")
    reply = query(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s rdf:type ?t }",
                  accept="application/sparql-results+json")
    assert reply.status == 200 and int(json.loads(reply.text)["results"]["bindings"][0]["n"]["value"]) > 0


def test_malformed_query_is_400_with_the_parsers_position(endpoint: str) -> None:
    reply = query(endpoint, "SELECT ?s WHERE {\n  ?s ?p\n}")
    assert_plain_error(reply, 400, "not valid SPARQL", "error at 3:", "line 3")


def test_unknown_prefix_is_400(endpoint: str) -> None:
    assert_plain_error(query(endpoint, "SELECT * WHERE { ?s nope:p ?o }"), 400, "line 1")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
        PREFIXES + "DELETE WHERE { ?s ?p ?o }",
        f"DROP GRAPH <{ARTICLE_ONE}>",
        f"WITH <{ARTICLE_ONE}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}",
    ],
)
def test_updates_are_refused_as_read_only(endpoint: str, store: KabarStore, update: str) -> None:
    assert_plain_error(query(endpoint, update), 400, "read-only")
    assert_plain_error(post_form(endpoint, {"update": update}), 400, "read-only")
    assert_plain_error(post_query(endpoint, update, "application/sparql-update"), 400, "read-only")
    assert store.has_graph(ARTICLE_ONE)
    assert count(query(endpoint, MEETINGS_QUERY)) == 2


def test_missing_query_is_400_saying_what_to_send(endpoint: str) -> None:
    assert_plain_error(fetch(f"{endpoint}/sparql"), 400, "query=", "application/sparql-query")
    assert_plain_error(fetch(f"{endpoint}/sparql", headers={"Accept": "*/*"}), 400, "query=")
    assert_plain_error(post_form(endpoint, {"query": "  "}), 400, "query=")
    assert_plain_error(post_query(endpoint, ""), 400, "query=")


def test_a_browser_gets_the_query_page_from_sparql(endpoint: str) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    reply = fetch(f"{endpoint}/sparql", headers={"Accept": browser})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<form action="/sparql" method="get">' in reply.text
    assert reply.headers["Vary"] == "Accept"


def test_unservable_accept_is_406_listing_what_can_be_served(endpoint: str) -> None:
    reply = query(endpoint, NAMES_QUERY, accept="image/png")
    assert_plain_error(reply, 406, "image/png", "application/sparql-results+json", "text/csv", "format=")
    graph_reply = query(endpoint, GRAPH_ONE_QUERY, accept="text/csv")
    assert_plain_error(graph_reply, 406, "text/turtle", "application/ld+json")


def test_format_for_another_kind_of_result_is_406(endpoint: str) -> None:
    assert_plain_error(query(endpoint, NAMES_QUERY, format="turtle"), 406, "format=turtle", "json", "tsv")


def test_other_post_content_types_are_415(endpoint: str) -> None:
    reply = post_query(endpoint, NAMES_QUERY, "text/plain")
    assert_plain_error(reply, 415, "application/sparql-query", "application/x-www-form-urlencoded")


def test_ambiguous_requests_are_400(endpoint: str) -> None:
    two_queries = get(endpoint, "/sparql", [("query", NAMES_QUERY), ("query", MEETINGS_QUERY)])
    assert_plain_error(two_queries, 400, "one query=")
    body_and_param = post_query(endpoint, NAMES_QUERY, url_params={"query": NAMES_QUERY})
    assert_plain_error(body_and_param, 400, "not both")
    assert_plain_error(query(endpoint, NAMES_QUERY, **{"default-graph-uri": "not an iri"}), 400, "default-graph-uri")


def test_other_methods_are_405_with_allow(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/sparql", data=b"", method="PUT")
    assert_plain_error(reply, 405)
    assert set(reply.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_negotiated_responses_vary_on_accept(endpoint: str) -> None:
    assert query(endpoint, NAMES_QUERY).headers["Vary"] == "Accept"
    assert query(endpoint, NAMES_QUERY, accept="image/png").headers["Vary"] == "Accept"
    assert get(endpoint, "/export", {"graph": str(ARTICLE_TWO)}).headers["Vary"] == "Accept"


# --- SPARQLWrapper, which sends its own Accept header and format= parameters -----------------------


def wrapper(endpoint: str, sparql: str, return_format: str) -> SPARQLWrapper:
    client = SPARQLWrapper(f"{endpoint}/sparql")
    client.setQuery(sparql)
    client.setReturnFormat(return_format)
    return client


def test_sparqlwrapper_select(endpoint: str) -> None:
    results = wrapper(endpoint, NAMES_QUERY, JSON).queryAndConvert()
    assert [row["name"]["value"] for row in results["results"]["bindings"]] == NAMES

    by_post = wrapper(endpoint, NAMES_QUERY, XML)
    by_post.setMethod(POST)
    document = by_post.queryAndConvert()
    assert [node.firstChild.data for node in document.getElementsByTagName("literal")] == NAMES

    direct = wrapper(endpoint, NAMES_QUERY, CSV)
    direct.setMethod(POST)
    direct.setRequestMethod(POSTDIRECTLY)
    assert direct.queryAndConvert().decode("utf-8").splitlines()[1:] == NAMES

    tsv = wrapper(endpoint, NAMES_QUERY, TSV).query()
    assert tsv.response.headers["Content-Type"] == "text/tab-separated-values; charset=utf-8"


def test_sparqlwrapper_construct(endpoint: str) -> None:
    as_rdfxml = wrapper(endpoint, GRAPH_ONE_QUERY, XML).queryAndConvert()
    assert isomorphic(as_rdfxml, GRAPHS[ARTICLE_ONE])
    as_turtle = wrapper(endpoint, GRAPH_ONE_QUERY, TURTLE).queryAndConvert()
    assert isomorphic(Graph().parse(data=as_turtle, format="turtle"), GRAPHS[ARTICLE_ONE])
    as_jsonld = wrapper(endpoint, GRAPH_ONE_QUERY, JSONLD).queryAndConvert()
    assert isomorphic(as_jsonld, GRAPHS[ARTICLE_ONE])


# --- export ------------------------------------------------------------------------------------------


def dataset_from(reply: Reply, rdflib_format: str) -> Dataset:
    return Dataset().parse(data=reply.body, format=rdflib_format)


def test_answers_and_exports_name_the_file_a_browser_saves(endpoint: str) -> None:
    """`Content-Disposition: inline` with a name and the format's extension (a TSV was saved as `sparql`); the same
    name comes again from the result cache, and `GET /store` names its file as `/export` does."""
    select = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    for _ in range(2):  # the second answer is the result cache's
        reply = query(endpoint, select, format="tsv")
        assert reply.headers["Content-Disposition"] == 'inline; filename="query-results.tsv"'
    assert query(endpoint, select).headers["Content-Disposition"] == 'inline; filename="query-results.srj"'
    construct = query(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", format="trig")
    assert construct.headers["Content-Disposition"] == 'inline; filename="query-results.trig"'
    assert get(endpoint, "/export", {"format": "nquads"}).headers["Content-Disposition"] == \
        'inline; filename="kabar-dataset.nq"'
    for path in ("/export", "/store"):
        one = get(endpoint, path, {"graph": str(ARTICLE_ONE)})
        assert one.status == 200 and one.headers["Content-Disposition"] == 'inline; filename="kabar-graph.ttl"'


def test_export_trig_holds_every_quad(endpoint: str, store: KabarStore) -> None:
    reply = get(endpoint, "/export")
    assert reply.status == 200, reply.text
    assert reply.media_type == "application/trig"
    assert "Content-Length" not in reply.headers  # streamed
    assert "@prefix kabar: <https://w3id.org/kabar/ontology#>" in reply.text
    dataset = dataset_from(reply, "trig")
    assert len(list(dataset.quads())) == store.triple_count() == sum(len(g) for g in GRAPHS.values())
    assert isomorphic(dataset.graph(ARTICLE_ONE), GRAPHS[ARTICLE_ONE])


@pytest.mark.parametrize(("params", "accept"), [({"format": "nquads"}, None), ({}, "application/n-quads")])
def test_export_nquads(endpoint: str, store: KabarStore, params: dict[str, str], accept: str | None) -> None:
    reply = get(endpoint, "/export", params, accept)
    assert reply.media_type == "application/n-quads"
    assert len(list(dataset_from(reply, "nquads").quads())) == store.triple_count()


def test_export_one_graph_as_turtle(endpoint: str) -> None:
    reply = get(endpoint, "/export", {"graph": str(ARTICLE_ONE)})
    assert reply.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert "@prefix schema: <https://schema.org/>" in reply.text
    assert isomorphic(graph_from(reply, "turtle"), GRAPHS[ARTICLE_ONE])


@pytest.mark.parametrize(("params", "accept"), [({"format": "ntriples"}, None), ({}, "application/n-triples")])
def test_export_one_graph_as_ntriples(endpoint: str, params: dict[str, str], accept: str | None) -> None:
    reply = get(endpoint, "/export", {"graph": str(BULK), **params}, accept)
    assert reply.media_type == "application/n-triples"
    assert isomorphic(graph_from(reply, "nt"), GRAPHS[BULK])


def test_export_errors(endpoint: str) -> None:
    missing = str(ID["article/missing"])
    assert_plain_error(get(endpoint, "/export", {"graph": missing}), 404, missing)
    assert_plain_error(get(endpoint, "/export", {"graph": "no iri"}), 400, "graph=no iri")
    assert_plain_error(get(endpoint, "/export", {"graph": str(ARTICLE_ONE), "format": "trig"}), 406, "turtle")
    assert_plain_error(get(endpoint, "/export", accept="text/csv"), 406, "application/trig")


def test_export_head_answers_without_a_body(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/export", method="HEAD")
    assert (reply.status, reply.body, reply.media_type) == (200, b"", "application/trig")


# --- the HTML page -----------------------------------------------------------------------------------


def test_index_page_has_a_query_form_and_export_links(endpoint: str) -> None:
    reply = fetch(f"{endpoint}/")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    page = reply.text
    assert '<form action="/sparql" method="get">' in page
    assert '<textarea id="query" name="query"' in page
    assert "kabar:participant ?participant" in page
    assert "PREFIX kabar: &lt;https://w3id.org/kabar/ontology#&gt;" in page
    assert '<select id="format" name="format">' in page
    assert 'href="/export?format=trig"' in page
    assert 'href="/export?format=nquads"' in page


def test_the_example_query_lists_meetings_and_participants(endpoint: str) -> None:
    rows = json.loads(query(endpoint, EXAMPLE_QUERY).body)["results"]["bindings"]
    pairs = {(row["meeting"]["value"], row["participant"]["value"]) for row in rows}
    assert (str(ID["event/two/meeting-1"]), str(USA)) in pairs
    assert len(pairs) == 4


def test_concurrent_queries_get_their_own_answers(endpoint: str) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        replies = list(pool.map(lambda i: query(endpoint, NAMES_QUERY, format=("json", "csv")[i % 2]), range(32)))
    assert [csv_values(r) if r.media_type == "text/csv" else json_values(r) for r in replies] == [NAMES] * 32


# --- create_app given a path, its config, and serving --------------------------------------------------


def test_create_app_opens_a_store_path_and_takes_config(tmp_path: Path) -> None:
    app = create_app(tmp_path / "fresh", {"MAX_CONTENT_LENGTH": 1024})
    assert app.config["MAX_CONTENT_LENGTH"] == 1024
    with WaitressServer(app, port=0) as server:
        assert json.loads(query(server.url, "ASK { ?s ?p ?o }").body)["boolean"] is False
        assert get(server.url, "/export", {"format": "nquads"}).body == b""
        too_big = post_query(server.url, "SELECT * WHERE { ?s ?p ?o }" + " " * 2000)
        assert_plain_error(too_big, 413)
    with pytest.raises(urllib.error.URLError):
        fetch(f"{server.url}/sparql")


SERVE_SCRIPT = """
import logging, sys
from server import create_app
from server.wsgi import serve
logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout, force=True)
serve(create_app(sys.argv[1]), port=0, threads=2)
print("stopped", flush=True)
"""


def test_serve_logs_its_url_and_returns_on_interrupt(tmp_path: Path) -> None:
    command = [sys.executable, "-c", SERVE_SCRIPT, str(tmp_path / "store")]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            url = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", process.stdout.readline())
            assert url, "serve() did not log its URL"
            assert fetch(f"{url[1]}/").status == 200
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=20) == 0
            assert "stopped" in process.stdout.read()
        finally:
            process.kill()


# --- the pieces on their own ------------------------------------------------------------------------------


def test_accept_parsing_skips_malformed_ranges() -> None:
    assert [(r.type, r.subtype, r.quality) for r in parse_accept("text, */html, text/csv;q=x, text/*;q=0.3")] == [
        ("text", "*", 0.3)
    ]
    assert [(r.type, r.subtype) for r in parse_accept("")] == [("*", "*")]
    assert best_match("text/*;q=0.2, text/tab-separated-values", ["text/csv", "text/tab-separated-values"]) == (
        "text/tab-separated-values"
    )
    assert best_match("text/csv;q=0", ["text/csv"]) is None
    assert best_match("*", ["text/csv"]) == "text/csv"


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", True),
        ("select * from<http://example.org/g>{ ?s ?p ?o }", True),
        ("SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?s <http://example.org/FROM> 'FROM' . ?s ex:from ?from }", False),
        ('SELECT * WHERE { ?s ?p """a\nFROM <x>""" } # FROM <http://example.org/g>', False),
        ("SELECT * WHERE { ?s ?p 'it''s' . ?s ?p \"say \\\"FROM\\\"\"@from }", False),
    ],
)
def test_from_is_found_only_as_a_keyword(sparql: str, expected: bool) -> None:
    assert declares_dataset(sparql) is expected


def test_update_operations_are_recognized_after_the_prologue() -> None:
    def update_operation(text: str) -> str | None:
        return lex(text).update_operation()

    assert update_operation("PREFIX insert: <http://example.org/>\nINSERT DATA { insert:a insert:b 1 }") == "INSERT"
    assert update_operation("BASE <http://example.org/> CLEAR ALL") == "CLEAR"
    assert update_operation("SELECT * WHERE { ?s ?p ?o }") is None
    assert update_operation("SELEC * WHERE { ?s ?p ?o }") is None
