"""Extraction on a Dask cluster's workers, written by this process: `kabar ingest --scheduler`.

Extraction needs nothing of the store, so it can run on any machine that
has kabar installed. Each worker receives the batch's `PipelineRecipe` once
and builds the pipeline from it (one per worker thread: the KB's SQLite
index belongs to the thread that opened it); articles go out and results
come back in the articles' order, a few per worker in flight, and this
process, the store's only writer, writes them exactly as a local run does.
So the graphs, entity IRIs and event merge are the same as with `--jobs`.

`distributed` is imported only when a cluster is used: the rest of kabar
starts without it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING
from uuid import uuid4

from loaders.kb.model import KnowledgeBase
from loaders.model import Article
from loaders.pipeline import Pipeline
from loaders.pipeline_recipe import PipelineRecipe, kabar_version
from ontology.namespaces import BASE_IRI_ENV, DATA_BASE
from store.extraction_workers import AHEAD, Prepared, in_order, prepare

if TYPE_CHECKING:
    from distributed import Client

LOCAL = "local"
"""`--scheduler local`: a LocalCluster of `--jobs` worker processes on loopback, for this batch only."""
CONNECT_SECONDS = 10
CHUNK = 4
"""Articles per task: a task's round trip through the scheduler costs about what extracting one article does."""
WORKERS_SECONDS = 60
"""How long a batch waits for a scheduler with no worker yet to get one."""


class ClusterError(Exception):
    """The Dask scheduler cannot be reached, has no worker, or a worker cannot extract; one line says which."""


class DaskCluster:
    """A connected Dask client, and the scheduler's address for messages."""

    def __init__(self, client: Client, address: str) -> None:
        self.client, self.address = client, address

    def extraction(self, recipe: PipelineRecipe) -> DaskExtraction:
        return DaskExtraction(self, recipe)


class DaskExtraction:
    """Articles prepared (extracted, mapped to RDF, checked) on a cluster's workers by the pipeline of `recipe`."""

    def __init__(self, cluster: DaskCluster, recipe: PipelineRecipe) -> None:
        self.cluster, self.recipe = cluster, recipe

    def prepared(self, articles: Iterable[Article]) -> Iterator[Prepared]:
        """Each article prepared on the cluster, in the articles' order."""
        client, address = self.cluster.client, self.cluster.address
        try:
            client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {address} has had no worker for {WORKERS_SECONDS} s; "
                               f"start some with `dask worker {address} --nthreads 1`") from None
        workers = len(client.scheduler_info()["workers"])
        shipped = client.scatter(self.recipe, broadcast=True, hash=False)
        batch = uuid4().hex
        waiting = iter(articles)
        chunks = iter(lambda: tuple(islice(waiting, CHUNK)), ())
        for done in in_order(lambda chunk: client.submit(_on_worker, shipped, batch, chunk, pure=False),
                             chunks, AHEAD * workers):
            yield from done


@contextmanager
def dask_cluster(scheduler: str, jobs: int) -> Iterator[DaskCluster]:
    """A client of the scheduler at `scheduler` (`tcp://HOST:PORT`), or of a LocalCluster of `jobs` worker
    processes started on loopback for the batch when it is `local`; closed (the local cluster stopped) at the end.
    """
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler == LOCAL:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   scheduler_port=0, dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as e:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
    try:
        yield DaskCluster(client, cluster.scheduler_address if cluster else scheduler)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


_BUILT: dict[tuple[str, int], tuple[Pipeline, KnowledgeBase]] = {}
"""On a worker: the pipeline and KB of the current batch, per thread."""


def _on_worker(recipe: PipelineRecipe, batch: str, articles: tuple[Article, ...]) -> list[Prepared]:
    key = (batch, threading.get_ident())
    if key not in _BUILT:
        if recipe.version != kabar_version():
            raise ClusterError(f"a Dask worker runs kabar {kabar_version()} and this ingest kabar {recipe.version}: "
                               f"install the same kabar on every worker")
        if recipe.data_base != DATA_BASE:
            raise ClusterError(f"a Dask worker mints IRIs under {DATA_BASE} and this ingest under {recipe.data_base}: "
                               f"start every worker with the same {BASE_IRI_ENV}")
        for old in [k for k in _BUILT if k[0] != batch]:
            del _BUILT[old]
        _BUILT[key] = (recipe.build(), recipe.knowledge_base())
    return [prepare(*_BUILT[key], article) for article in articles]
