"""Large results stream from the worker process to the client, through a real server on loopback.

A 100,000-row result's first bytes arrive long before its last row is
written, the server's memory does not grow with the result, and a client
that leaves in the middle frees its worker at once. A small result is
sent whole, with a Content-Length, so the connection serves the next request.
"""

from __future__ import annotations

import http.client
import os
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from server import create_app
from server.executor import QueryExecutor, query_executor
from server.wsgi import WaitressServer
from store import KabarStore

EX = "http://example.org/"
ROWS = 100_000
LARGE = f"SELECT ?a ?x ?c WHERE {{ ?a ?p ?x . ?c ?q ?y }} LIMIT {ROWS}"
MEMORY_GROWTH_MB = 5
ENDLESS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KabarStore:
    store = KabarStore(tmp_path_factory.mktemp("streaming") / "store")
    graph = ox.NamedNode(f"{EX}graph")
    store.add_quads(
        ox.Quad(ox.NamedNode(f"{EX}entity/{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"value {i}"), graph)
        for i in range(1000)
    )
    return store


@pytest.fixture(scope="module")
def served(store: KabarStore) -> Iterator[tuple[str, QueryExecutor]]:
    app = create_app(store, {"KABAR_QUERY_WORKERS": 2, "KABAR_QUERY_TIMEOUT": 30})
    with WaitressServer(app, port=0) as server:
        for _ in range(2):  # both workers open the snapshot, which the first query takes
            connection, response = open_query(server.url, "ASK {}", "application/sparql-results+json")
            response.read()
            connection.close()
        yield server.url, query_executor(app)


def open_query(url: str, sparql: str, accept: str) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": sparql}), headers={"Accept": accept})
    return connection, connection.getresponse()


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class PeakMemory:
    """This process's largest resident size while the block runs (the server runs in this process)."""

    def __enter__(self) -> PeakMemory:
        self.before = self.peak = rss_mb()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._done.wait(0.005):
            self.peak = max(self.peak, rss_mb())

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


@pytest.mark.parametrize("accept", ["text/tab-separated-values", "application/sparql-results+json"])
def test_a_large_result_streams(served: tuple[str, QueryExecutor], accept: str) -> None:
    url, _ = served
    with PeakMemory() as memory:
        started = time.perf_counter()
        connection, response = open_query(url, LARGE, accept)
        assert response.status == 200
        assert response.getheader("Transfer-Encoding") == "chunked"
        first = response.read1(1 << 16)
        first_at = time.perf_counter() - started
        size, newlines = len(first), first.count(b"\n")
        while chunk := response.read(1 << 16):
            size += len(chunk)
            newlines += chunk.count(b"\n")
        total = time.perf_counter() - started
        connection.close()
    assert first_at < 0.5
    assert first_at < total / 4, (first_at, total)
    if accept == "text/tab-separated-values":
        assert newlines == ROWS + 1
    else:  # 16 MB of JSON; holding it whole anywhere would show
        assert size > 15_000_000
        assert memory.peak - memory.before < MEMORY_GROWTH_MB, (memory.before, memory.peak)


def test_a_small_result_is_sent_whole_and_keeps_the_connection(served: tuple[str, QueryExecutor]) -> None:
    url, _ = served
    connection, response = open_query(url, "SELECT ?a WHERE { ?a ?p ?x } LIMIT 3", "text/tab-separated-values")
    body = response.read()
    assert response.status == 200
    assert response.getheader("Transfer-Encoding") is None
    assert response.getheader("Content-Length") == str(len(body))
    assert body.count(b"\n") == 4
    assert not response.will_close
    connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))
    again = connection.getresponse()
    assert again.status == 200 and b"true" in again.read()
    connection.close()


def test_a_client_that_leaves_mid_stream_frees_its_worker(served: tuple[str, QueryExecutor]) -> None:
    url, executor = served
    before = set(executor.pids())
    connection, response = open_query(url, ENDLESS, "text/tab-separated-values")
    assert response.status == 200 and response.read1(1 << 16)
    connection.close()
    response.close()
    deadline = time.monotonic() + 5
    while set(executor.pids()) >= before and time.monotonic() < deadline:
        time.sleep(0.05)
    killed = before - set(executor.pids())
    assert len(killed) == 1, "the worker of the abandoned query was not stopped"
    pid = killed.pop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
