"""The seed article, end to end: ingested into a real store, served over HTTP, queried with a SPARQL client."""

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from conftest import rdflib_graph
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import XSD
from rdflib.term import Node
from SPARQLWrapper import JSON, SPARQLWrapper

from ontology import ONTOLOGY_GRAPH, WIKIDATA_GRAPH
from ontology.reasoning import check_consistency
from server import create_app
from server.wsgi import WaitressServer
from store import KabarStore

PREFIXES = """
PREFIX kabar: <https://w3id.org/kabar/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def sparql(seed_store: KabarStore) -> Iterator[SPARQLWrapper]:
    with WaitressServer(create_app(seed_store), port=0) as server:
        client = SPARQLWrapper(f"{server.url}/sparql")
        client.setReturnFormat(JSON)
        yield client


def select(client: SPARQLWrapper, query: str) -> list[dict[str, str]]:
    client.setQuery(PREFIXES + query)
    bindings = client.queryAndConvert()["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def names_of_type(client: SPARQLWrapper, type_: str) -> set[str]:
    rows = select(client, f"SELECT DISTINCT ?name WHERE {{ ?a schema:mentions ?e . ?e a kabar:{type_} ; "
                          "schema:name ?name }")
    return {r["name"] for r in rows}


def test_people(sparql: SPARQLWrapper) -> None:
    assert {"Ebrahim Raisi", "Joe Biden", "Brett McGurk", "Ali Bagheri Kani",
            "Hossein Amir-Abdollahian"} <= names_of_type(sparql, "Person")


def test_countries(sparql: SPARQLWrapper) -> None:
    assert names_of_type(sparql, "Country") == {"Iran", "United States", "Oman", "Israel", "Yemen", "Iraq"}


def test_held_iran_us_negotiation_in_muscat(sparql: SPARQLWrapper) -> None:
    # McGurk meeting Bagheri early this month is these talks, so one Negotiation (the annotation guidelines)
    rows = select(sparql, """
        SELECT ?talks ?who ?where WHERE {
          ?talks a kabar:Negotiation ; kabar:status kabar:Held ; kabar:participant/schema:name ?who ;
                 kabar:location/schema:name ?where .
        }""")
    assert {r["who"] for r in rows} == {"Brett McGurk", "Ali Bagheri Kani", "Iran", "United States"}
    assert {r["where"] for r in rows} == {"Muscat"}
    [talks] = {r["talks"] for r in rows}
    parties = select(sparql, f"""
        SELECT ?party WHERE {{ <{talks}> a kabar:Negotiation ; kabar:party ?c . ?c schema:name ?party }}""")
    assert {r["party"] for r in parties} == {"Iran", "United States"}


def test_wikidata_links_on_every_entity_the_kb_knows(sparql: SPARQLWrapper) -> None:
    """Every mentioned entity whose name is a KB label is linked; none is linked to an item the KB lacks."""
    unlinked_known = select(sparql, """
        SELECT ?name WHERE {
          ?a schema:mentions ?e . ?e schema:name ?name .
          FILTER NOT EXISTS { ?e owl:sameAs ?item }
          GRAPH <https://w3id.org/kabar/graph/wikidata> { ?kb rdfs:label ?label FILTER(STR(?label) = ?name) }
        }""")
    assert unlinked_known == []
    links = select(sparql, "SELECT ?name ?item WHERE { ?e schema:name ?name ; owl:sameAs ?item }")
    assert {"Iran", "United States", "Muscat", "Joe Biden"} <= {r["name"] for r in links}
    orphan = select(sparql, """
        SELECT ?item WHERE { ?e owl:sameAs ?item
          FILTER NOT EXISTS { GRAPH <https://w3id.org/kabar/graph/wikidata> { ?item rdfs:label ?l } } }""")
    assert orphan == []


def test_join_with_wikidata_kb_capital(sparql: SPARQLWrapper) -> None:
    """The negotiation's countries, with their capitals from the local Wikidata KB (wdt:P36)."""
    rows = select(sparql, """
        SELECT ?country ?capital WHERE {
          ?n a kabar:Negotiation ; kabar:party ?c . ?c schema:name ?country ; owl:sameAs ?item .
          ?item wdt:P36 ?cap . ?cap rdfs:label ?capital FILTER(LANG(?capital) = "en")
        }""")
    assert {(r["country"], r["capital"]) for r in rows} >= {("Iran", "Tehran"), ("United States", "Washington, D.C.")}


def rdf11(term: Node) -> Node:
    """RDF 1.1: a simple literal is an xsd:string; rdflib keeps the two apart, the store does not."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def test_turtle_export_parses_back_isomorphic(seed_store: KabarStore, tmp_path) -> None:
    path = tmp_path / "all.ttl"
    with path.open("wb") as out:
        seed_store.export(out, ox.RdfFormat.TURTLE)
    exported = Graph().parse(path, format="turtle")
    union = Graph()
    for name in seed_store.graph_names():
        union += (tuple(rdf11(term) for term in triple) for triple in rdflib_graph(seed_store, name))
    assert len(exported) > 1000
    assert isomorphic(exported, union)


def test_trig_export_keeps_every_graph(seed_store: KabarStore, tmp_path) -> None:
    path = tmp_path / "all.trig"
    with path.open("wb") as out:
        seed_store.export(out, ox.RdfFormat.TRIG)
    dataset = Dataset()
    dataset.parse(path, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == set(seed_store.graph_names())
    assert sum(len(g) for g in dataset.graphs()) == seed_store.triple_count()


def test_ontology_and_seed_data_are_consistent(seed_store: KabarStore) -> None:
    """HermiT over the ontology, the Wikidata KB and the seed article's graph (fails, not skips, without Java)."""
    data = Graph()
    for name in seed_store.graph_names():
        data += rdflib_graph(seed_store, name)
    assert {str(ONTOLOGY_GRAPH), str(WIKIDATA_GRAPH)} < set(seed_store.graph_names())
    check_consistency(data)
