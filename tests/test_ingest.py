"""Storing articles: one named graph each, replaced on re-ingest, never half-written."""

import json
from pathlib import Path

import pytest
from conftest import rdflib_graph
from rdflib import Graph, Literal, URIRef

from loaders.read import ArticleError
from ontology import ENTITIES_GRAPH, EVENTS_GRAPH, ONTOLOGY_GRAPH, WIKIDATA_GRAPH
from store import KabarStore
from store.ingest import ingest

SEED_ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"

ENGLISH = {
    "url": "https://example.org/news/oman-talks",
    "title": "Iran and US hold talks in Oman",
    "published": "2024-05-20",
    "source": "Example Wire",
    "text": "Iranian and American officials held talks in Muscat. Joe Biden met Sultan Haitham in Oman on Friday.",
}


@pytest.fixture
def store(tmp_path: Path) -> KabarStore:
    with KabarStore(tmp_path / "store") as store:
        yield store


def _article_graphs(store: KabarStore) -> list[str]:
    shared = (ONTOLOGY_GRAPH, WIKIDATA_GRAPH, ENTITIES_GRAPH, EVENTS_GRAPH)
    return [g for g in store.graph_names() if g not in map(str, shared)]


def test_each_article_its_own_graph_plus_ontology_and_kb(store: KabarStore, tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(json.dumps(ENGLISH), encoding="utf-8")
    report = ingest(store, [SEED_ARTICLES, tmp_path / "en.json"])
    assert report.articles == 2
    assert store.has_graph(ONTOLOGY_GRAPH) and store.has_graph(WIKIDATA_GRAPH)
    assert len(_article_graphs(store)) == 2


def test_reingest_leaves_triple_count_unchanged(store: KabarStore) -> None:
    ingest(store, [SEED_ARTICLES])
    before = store.triple_count()
    ingest(store, [SEED_ARTICLES])
    assert store.triple_count() == before
    assert len(_article_graphs(store)) == 1


def test_reingest_of_changed_article_replaces_its_graph(store: KabarStore, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(ENGLISH), encoding="utf-8")
    ingest(store, [path])
    [graph] = _article_graphs(store)
    assert any("Sultan Haitham" in str(o) or "Haitham" in str(o) for o in rdflib_graph(store, graph).objects())
    path.write_text(json.dumps(dict(ENGLISH, text="Iran and the United States held talks.")), encoding="utf-8")
    ingest(store, [path])
    assert _article_graphs(store) == [graph]
    assert not any("Haitham" in str(o) for o in rdflib_graph(store, graph).objects())


def test_malformed_file_in_batch_names_it_and_stores_nothing(store: KabarStore, tmp_path: Path) -> None:
    ingest(store, [SEED_ARTICLES])
    before = store.triple_count()
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-good.json").write_text(json.dumps(ENGLISH), encoding="utf-8")
    (batch / "b-broken.jsonl").write_text(json.dumps(ENGLISH) + '\n{"text": "cut off', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"b-broken\.jsonl:2"):
        ingest(store, [batch])
    assert store.triple_count() == before
    assert len(_article_graphs(store)) == 1


def test_failed_graph_write_keeps_the_previous_graph(store: KabarStore) -> None:
    name = "https://example.org/graph"
    good = Graph()
    good.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("kept")))
    store.replace_graph(name, good)
    bad = Graph()
    bad.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("new")))
    bad.add((URIRef("relative/iri"), URIRef("https://example.org/p"), Literal("a relative IRI Oxigraph refuses")))
    with pytest.raises(SyntaxError):
        store.replace_graph(name, bad)
    assert {str(o) for o in rdflib_graph(store, name).objects()} == {"kept"}


def test_same_entity_same_iri_across_articles(store: KabarStore, tmp_path: Path) -> None:
    (tmp_path / "en.json").write_text(json.dumps(ENGLISH), encoding="utf-8")
    ingest(store, [SEED_ARTICLES, tmp_path / "en.json"])
    rows = store.query("""
        PREFIX schema: <https://schema.org/>
        SELECT ?e (COUNT(DISTINCT ?g) AS ?articles) WHERE {
          GRAPH ?g { ?a schema:mentions ?e } GRAPH ?d { ?e schema:name "Joe Biden" }
        } GROUP BY ?e""")
    [(entity, count)] = [(r["e"].value, int(r["articles"].value)) for r in rows]
    assert entity.endswith("/entity/Q6279")
    assert count == 2


def test_store_persists_on_disk(tmp_path: Path) -> None:
    with KabarStore(tmp_path / "store") as store:
        ingest(store, [SEED_ARTICLES])
        count = store.triple_count()
    with KabarStore(tmp_path / "store", read_only=True) as reopened:
        assert reopened.triple_count() == count
        assert len(_article_graphs(reopened)) == 1
