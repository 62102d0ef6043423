"""`kabar reason`: the subclass and subproperty entailments in their own graph, each fact once, kept current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ontology import ID
from ontology.namespaces import INFERRED_GRAPH
from store import KabarStore
from store.entailments import materialize
from store.ingest import ingest, remove_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"
GOLD = ROOT / "tests" / "data" / "gold" / "articles.jsonl"
EVENTS = "SELECT ?e WHERE { ?e a schema:Event }"
EXTRACTED = f"SELECT ?e WHERE {{ ?e a schema:Event FILTER(STRSTARTS(STR(?e), '{ID['event/']}')) }}"


def rows(store: KabarStore, query: str) -> list[str]:
    return sorted(str(r[0].value) for r in store.query(query, union_default_graph=True,
                                                       prefixes={"schema": "https://schema.org/",
                                                                 "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
                                                                 "kabar": "https://w3id.org/kabar/ontology#"}))


@pytest.fixture
def store(tmp_path: Path) -> KabarStore:
    opened = KabarStore(tmp_path / "store")
    ingest(opened, [SEEDS])
    yield opened
    opened.close()


def test_schema_event_finds_the_extracted_events_once_reasoned(store: KabarStore) -> None:
    assert rows(store, EVENTS) == []  # Oxigraph answers what is stated
    count = materialize(store)
    events = rows(store, EVENTS)
    assert len(events) == 7 and all(e.startswith(str(ID["event/"])) for e in events)
    assert materialize(store) == count  # rebuilt, not added to
    actors = rows(store, "SELECT DISTINCT ?a WHERE { ?e a kabar:Negotiation ; sem:hasActor ?a }")
    assert actors == rows(store, "SELECT DISTINCT ?a WHERE { ?e a kabar:Negotiation ; kabar:participant ?a }")
    assert len(actors) == 4


def test_no_inferred_triple_is_stated_elsewhere(store: KabarStore) -> None:
    assert materialize(store) > 300
    inferred = f"<{INFERRED_GRAPH}>"
    twice = f"ASK {{ GRAPH {inferred} {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {inferred}) }}"
    assert not bool(store.query(twice))
    assert bool(store.query(f"ASK {{ GRAPH {inferred} {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?q ?o }} }}"))


def test_the_inferred_graph_follows_ingest_and_removal(store: KabarStore) -> None:
    materialize(store)
    seed_events, seed_graphs = rows(store, EXTRACTED), set(store.graph_names())
    ingest(store, [GOLD])
    assert set(seed_events) < set(rows(store, EXTRACTED))
    remove_articles(store, sorted(set(store.graph_names()) - seed_graphs - {str(INFERRED_GRAPH)}))
    assert rows(store, EXTRACTED) == seed_events  # the KB items the articles linked stay in the KB graph


def test_kabar_reason_then_the_readme_query(tmp_path: Path) -> None:
    path = str(tmp_path / "store")
    run = [sys.executable, "-m", "kabar.cli", "--store", path]
    assert subprocess.run([*run, "-q", "ingest", str(SEEDS)], capture_output=True, timeout=300).returncode == 0
    reasoned = subprocess.run([*run, "reason"], capture_output=True, text=True, timeout=300)
    assert reasoned.returncode == 0 and f"inferred triple(s) in <{INFERRED_GRAPH}>" in reasoned.stdout
    listed = subprocess.run([*run, "query", EVENTS, "--format", "csv"], capture_output=True, text=True, timeout=300)
    assert len(listed.stdout.splitlines()) == 1 + 7, listed.stdout
