"""Put articles, the ontology and the Wikidata KB into the store.

All inputs are read and validated before the first write, so a broken
file in a batch leaves the store exactly as it was. Each article is then
one atomic graph replacement: re-ingesting an article replaces its graph
instead of adding duplicates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kabar.links import store_pipeline
from kabar.store import KabarStore
from loaders.kb import SEED_KB_DIR
from loaders.kb_import import add_quads, in_kb_graph, seed_kb_quads
from loaders.model import Article, Extraction
from loaders.pipeline import Pipeline
from loaders.rdf import extraction_graph
from loaders.read import read_all
from loaders.wikidata_api import WikidataClient
from ontology import ONTOLOGY_FILE, ONTOLOGY_GRAPH, WIKIDATA_GRAPH

FLUSH_EVERY = 50
"""Articles between flushes: Oxigraph keeps unflushed writes in memory, so a long batch would grow without it."""


@dataclass(frozen=True)
class IngestReport:
    articles: int
    entities: int
    events: int
    triples: int


def load_ontology(store: KabarStore) -> None:
    """The ontology graph always mirrors `ontology/kabar.ttl` of the running code."""
    store.replace_graph(ONTOLOGY_GRAPH, Graph().parse(ONTOLOGY_FILE, format="turtle"))


def load_wikidata_kb(store: KabarStore) -> None:
    """Add the seed KB to the KB graph; what `kabar kb import` or online mode added there stays."""
    add_quads(store, in_kb_graph(seed_kb_quads(SEED_KB_DIR)))


def ingest(
    store: KabarStore,
    paths: list[Path],
    *,
    pipeline: Pipeline | None = None,
    with_kb: bool = False,
    online: WikidataClient | None = None,
    progress: Callable[[Article, Extraction], None] | None = None,
) -> IngestReport:
    """Read every path (raising `ArticleError` before any write), then store each article."""
    articles = read_all(paths)
    load_ontology(store)
    if with_kb or not store.has_graph(WIKIDATA_GRAPH):
        load_wikidata_kb(store)
    pipeline = store_pipeline(store, pipeline, online=online)
    entities = events = triples = 0
    for number, article in enumerate(articles, start=1):
        extraction = pipeline.extract(article)
        graph = extraction_graph(extraction)
        store.replace_graph(article.iri, graph)
        entities += len(extraction.entities)
        events += len(extraction.events)
        triples += len(graph)
        if progress:
            progress(article, extraction)
        if number % FLUSH_EVERY == 0:
            store.flush()
    store.flush()
    return IngestReport(len(articles), entities, events, triples)
