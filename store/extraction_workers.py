"""Each article's extraction, RDF and check against the shapes: in this process, or in `jobs` forked workers.

Extraction is most of an ingest's time and needs nothing of the store, so with
`jobs` > 1 it runs in worker processes while this one, the store's only
writer, writes what they return. Workers are forked with the pipeline and KB
already built (only articles and results cross the pipe) and never touch the
store. Results come back in the articles' order, at most `AHEAD` per worker
in flight, so memory stays flat however long the batch. The output is the
same as one process's: each article's extraction depends on it alone.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import Protocol, TypeVar

from loaders.kb.model import KnowledgeBase
from loaders.model import Article, Extraction
from loaders.pipeline import Pipeline
from loaders.rdf import extraction_graph
from ontology.validation import validate
from store.articles import ArticleWrite

AHEAD = 4
"""Articles handed to each worker before its first result is taken."""
W = TypeVar("W")
R = TypeVar("R")
T_co = TypeVar("T_co", covariant=True)


@dataclass(frozen=True)
class Prepared:
    """An article ready to write; `broken` is its first break of a shape: (shape, path, constraint, focus)."""

    extraction: Extraction
    write: ArticleWrite
    broken: tuple[str, str, str, str] | None


def prepared(pipeline: Pipeline, kb: KnowledgeBase | None, articles: Sequence[Article], jobs: int = 1
             ) -> Iterator[Prepared]:
    """Each article prepared, in order; `jobs` > 1 prepares them in that many worker processes."""
    if jobs <= 1 or len(articles) < 2:
        for article in articles:
            yield prepare(pipeline, kb, article)
        return
    global _FORKED
    _FORKED = (pipeline, kb)  # what the forked workers inherit
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_leave_interrupts)
    try:
        yield from in_order(lambda article: pool.submit(_in_worker, article), articles, AHEAD * jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _FORKED = None


class _Pending(Protocol[T_co]):
    def result(self) -> T_co: ...


def in_order(submit: Callable[[W], _Pending[R]], work: Iterable[W], ahead: int) -> Iterator[R]:
    """Each piece of work's result in the work's order, with `ahead` submitted before the first is waited for
    and one more submitted as each is taken: workers stay busy and memory stays flat."""
    waiting = iter(work)
    pending: deque[_Pending[R]] = deque(submit(a) for a in islice(waiting, ahead))
    while pending:
        done = pending.popleft().result()
        following = next(waiting, None)
        if following is not None:
            pending.append(submit(following))
        yield done


_FORKED: tuple[Pipeline, KnowledgeBase | None] | None = None


def _leave_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the writer stops the batch and shuts the workers down, which
    an interrupt inside a worker would leave waiting for a result that never comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_worker(article: Article) -> Prepared:
    assert _FORKED is not None, "a worker is forked after the pipeline is set"
    return prepare(*_FORKED, article)


def prepare(pipeline: Pipeline, kb: KnowledgeBase | None, article: Article) -> Prepared:
    extraction = pipeline.extract(article)
    graph = extraction_graph(extraction, kb)
    report = validate(graph.article, "native", graph.entities, graph.events)
    broken = None
    if not report.conforms:
        (shape, path, constraint), found = next(iter(report.groups().items()))
        broken = (str(shape), str(path), str(constraint), str(found[0].focus))
    return Prepared(extraction, ArticleWrite.of(extraction.article.iri, graph), broken)
