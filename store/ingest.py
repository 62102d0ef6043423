"""Ingest as a service: articles, the ontology and the Wikidata KB into the store; re-extraction of stored articles.

All inputs are read and validated before the first write, so a broken
file in a batch leaves the store exactly as it was. Each article is then
one transaction (`store.articles.write_article`): its graph replaced and
its share of the entities and events graphs rewritten, so re-ingesting an
article never adds duplicates. The pipeline runs with the store's KB (seed
plus what imports and the online mode added) and the users' corrections.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from loaders.components.linker import LinkSettings
from loaders.kb.api import WikidataClient
from loaders.kb.build.index import KBIndex
from loaders.kb.model import KnowledgeBase
from loaders.kb.seed import load_kb
from loaders.model import Article, Extraction
from loaders.pipeline import Pipeline
from loaders.pipeline_recipe import PipelineRecipe
from loaders.read import ArticleError, ReadOptions, read_all
from loaders.read.published import parse_published
from ontology import ONTOLOGY_FILE, ONTOLOGY_GRAPH, SCHEMA, WIKIDATA_GRAPH
from store.articles import write_article
from store.corrections import read_corrections, read_edits
from store.dask_extraction import ClusterError, DaskExtraction, dask_cluster
from store.entailments import has_inferences, materialize
from store.event_graph import EventMemo
from store.extraction_workers import prepared
from store.kb_graph import OnlineLookup, add_linked_items, load_seed_kb, store_kb
from store.quad_store import KABAR_PREFIXES, QuadStore, StoreError

_KEYWORDS = ox.NamedNode(str(SCHEMA.keywords))
FLUSH_EVERY = 50
"""Articles between flushes: Oxigraph keeps unflushed writes in memory, so a long batch would grow without it."""
_STORED_ARTICLE = """  # ?g is given: a substituted variable must be selected
    SELECT ?g ?a ?title ?text ?lang ?url ?published ?author ?source WHERE { GRAPH ?g {
      ?a rdf:type kabar:Article ; schema:headline ?title ; schema:articleBody ?text ; schema:inLanguage ?lang
      OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a schema:datePublished ?published }
      OPTIONAL { ?a schema:author ?by GRAPH ?people { ?by schema:name ?author } }
      OPTIONAL { ?a schema:publisher ?from GRAPH ?publishers { ?from schema:name ?source } }
    } }"""


@dataclass(frozen=True)
class IngestReport:
    articles: int
    entities: int
    events: int
    triples: int


def load_ontology(store: QuadStore) -> None:
    """The ontology graph always mirrors `ontology/kabar.ttl` of the running code."""
    store.replace_graph(ONTOLOGY_GRAPH, Graph().parse(ONTOLOGY_FILE, format="turtle"))


def store_recipe(store: QuadStore, settings: LinkSettings | None = None,
                 kb: KnowledgeBase | None = None) -> PipelineRecipe:
    """What the store's pipeline is built from: the seed KB plus what `kabar kb import` and the online mode
    added to the store (`kb`, when already read), the users' link and entity corrections, and `settings`."""
    seed = load_kb()
    kb = kb or store_kb(store, seed)
    return PipelineRecipe(None if kb.entries == seed.entries else kb, read_corrections(store), read_edits(store),
                          settings)


def store_pipeline(store: QuadStore, pipeline: Pipeline | None = None, *, online: WikidataClient | None = None,
                   settings: LinkSettings | None = None, kb: KnowledgeBase | None = None) -> Pipeline:
    """`pipeline` (default: built over the store's KB) with the store's corrections (`store_recipe`); with
    `online`, names the KB does not know are looked up on Wikidata and what is learned goes into the KB graph.
    """
    lookup = OnlineLookup(store, online) if online else None
    if pipeline is not None:  # it has its own KB: only the corrections and settings apply
        return PipelineRecipe(None, read_corrections(store), read_edits(store), settings).applied_to(pipeline, lookup)
    return store_recipe(store, settings, kb).build(lookup)


def ingest(
    store: QuadStore,
    paths: Sequence[str | Path],
    *,
    pipeline: Pipeline | None = None,
    with_kb: bool = False,
    online: WikidataClient | None = None,
    progress: Callable[[Article, Extraction], None] | None = None,
    options: ReadOptions | None = None,
    started: Callable[[int], None] | None = None,
    jobs: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Read every input (raising `ArticleError` before any write), then store each article.

    `started(count)` is told how many articles were read, before the first
    is extracted; `progress(article, extraction)` after each is stored.
    `jobs` worker processes extract (one when `online`: its answers are
    written to the store as they come), or the workers of the Dask scheduler
    at `scheduler` (`local`: a cluster of `jobs` processes for this batch).
    """
    if scheduler and (online or pipeline is not None):
        raise ClusterError("a Dask cluster runs the store's own pipeline, offline: --online and custom pipelines "
                           "run without --scheduler")
    articles = read_all(list(paths), options)
    if started:
        started(len(articles))
    with dask_cluster(scheduler, jobs) if scheduler else nullcontext() as cluster:  # reached before any write
        load_ontology(store)
        if with_kb or not store.has_graph(WIKIDATA_GRAPH):
            load_seed_kb(store)
        kb = store_kb(store)
        if cluster is not None:
            report = store_articles(store, cluster.extraction(store_recipe(store, kb=kb)), articles, progress, kb)
        else:
            report = store_articles(store, store_pipeline(store, pipeline, online=online, kb=kb), articles,
                                    progress, kb, jobs=1 if online else jobs)
    _keep_inferences(store)
    store.flush()
    return report


def store_articles(store: QuadStore, pipeline: Pipeline | DaskExtraction, articles: Iterable[Article],
                   progress: Callable[[Article, Extraction], None] | None = None,
                   kb: KnowledgeBase | None = None, jobs: int = 1) -> IngestReport:
    """Extract the articles as a batch (in `jobs` worker processes when more than one, or on a Dask cluster)
    and write each one, flushing every `FLUSH_EVERY`.

    They are written in publication order (then by IRI), the order events are clustered in, so each one's
    reports are added to the events they join without rebuilding them (`store.event_graph`). `kb` names the
    Wikidata entities an article points to without mentioning them.
    """
    count = entities = events = triples = 0
    large = KBIndex.open()
    memo = EventMemo()
    ordered = sorted(articles, key=lambda a: (a.published_iso or "9999", a.iri))
    ready_ones = (pipeline.prepared(ordered) if isinstance(pipeline, DaskExtraction)
                  else prepared(pipeline, kb, ordered, jobs))
    for ready in ready_ones:
        extraction = ready.extraction
        if ready.broken:
            shape, path, constraint, focus = ready.broken
            raise ArticleError(extraction.article.origin or extraction.article.iri, None,
                               f"its graph breaks {shape} {path} ({constraint}) at {focus}: not stored "
                               f"({count} article(s) before it were); `kabar validate` checks the store")
        write_article(store, extraction.article.iri, ready.write, memo)
        add_linked_items(store, (e.wikidata for e in extraction.entities if e.wikidata), large)
        count += 1
        entities += len(extraction.entities)
        events += len(extraction.events)
        triples += ready.write.size
        if progress:
            progress(extraction.article, extraction)
        if count % FLUSH_EVERY == 0:
            store.flush()
    return IngestReport(count, entities, events, triples)


def _keep_inferences(store: QuadStore) -> None:
    """The inferred graph, once `kabar reason` made it, follows the articles: never an entailment of a removed one."""
    if has_inferences(store):
        materialize(store)


def reextract(store: QuadStore, graphs: list[str]) -> int:
    """Extract these article graphs again from the text they hold, with the store's pipeline."""
    kb = store_kb(store)
    store_articles(store, store_pipeline(store, kb=kb), [stored_article(store, name) for name in graphs], kb=kb)
    _keep_inferences(store)
    store.flush()
    return len(graphs)


def remove_articles(store: QuadStore, graphs: list[str]) -> int:
    """Remove articles: each one's graph, and what only it said in the entities and events graphs."""
    for name in graphs:
        stored_article(store, name)  # raises StoreError for a graph that is not an article's
        write_article(store, name, None)
    _keep_inferences(store)
    store.flush()
    return len(graphs)


def stored_article(store: QuadStore, graph: str) -> Article:
    """The article an article graph was made from, as `kabar ingest` read it."""
    rows = list(store.query(_STORED_ARTICLE, substitutions={"g": ox.NamedNode(graph)}, prefixes=KABAR_PREFIXES))
    if len(rows) != 1:
        raise StoreError(f"{graph} is not an article graph")
    s = rows[0]

    def value(var: str) -> str | None:
        return s[var].value if s[var] is not None else None

    published = parse_published(value("published")) if value("published") else None
    keywords = tuple(sorted(q.object.value for q in store.quads(graph, subject=s["a"], predicate=_KEYWORDS)))
    return Article(s["a"].value, value("url"), s["title"].value, s["text"].value, s["lang"].value,
                   published[0] if published else None, value("source"), value("author"), graph,
                   published[1] if published else "day", keywords)


