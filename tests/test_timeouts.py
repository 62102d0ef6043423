"""The time limit, the concurrency limit and the worker processes, through a real server on loopback.

A query past its limit is stopped by killing its worker process, whose
core is then free; the server answers the next query at once.
"""

from __future__ import annotations

import http.client
import json
import os
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import Reply, fetch

from server import create_app
from server.executor import QueryExecutor, query_executor
from server.wsgi import WaitressServer
from store import KabarStore

EX = "http://example.org/"
ENDLESS_AGGREGATE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
"""Blocks before its first result for far longer than any limit here (2,000^4 combinations)."""
ENDLESS_STREAM = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
"""Streams results at once, and would for hours."""
ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KabarStore:
    store = KabarStore(tmp_path_factory.mktemp("timeouts") / "store")
    graph = ox.NamedNode(f"{EX}graph")
    store.add_quads(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(i), graph) for i in range(2000)
    )
    return store


class Served:
    def __init__(self, server: WaitressServer, executor: QueryExecutor) -> None:
        self.url = server.url
        self.executor = executor

    def query(self, sparql: str) -> Reply:
        return fetch(f"{self.url}/sparql?{urllib.parse.urlencode({'query': sparql})}")


@pytest.fixture(scope="module")
def served(store: KabarStore) -> Iterator[Served]:
    app = create_app(store, {"KABAR_QUERY_TIMEOUT": 1, "KABAR_QUERY_WORKERS": 2, "KABAR_MAX_QUEUE_WAIT": 0.5,
                             "KABAR_RESULT_CACHE_BYTES": 0})  # every query goes to a worker: the pool is tested
    with WaitressServer(app, port=0) as server:
        yield Served(server, query_executor(app))


def gone(pid: int) -> bool:
    """Whether the process has ended and been reaped (so its core is free)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> bool:
    """Poll `condition` until it holds or `seconds` pass; whether it held."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def wait_for_workers(executor: QueryExecutor, count: int) -> None:
    wait_until(lambda: executor.alive() >= count)


def test_a_blocking_query_past_its_limit_gets_503_quickly_and_its_worker_is_killed(served: Served) -> None:
    before = set(served.executor.pids())
    started = time.monotonic()
    reply = served.query(ENDLESS_AGGREGATE)
    elapsed = time.monotonic() - started
    assert reply.status == 503, reply.text
    assert reply.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "did not finish within 1 s" in reply.text and "KABAR_QUERY_TIMEOUT" in reply.text
    assert elapsed < 2.5
    killed = before - set(served.executor.pids())
    assert len(killed) == 1
    assert all(gone(pid) for pid in killed)

    started = time.monotonic()
    assert json.loads(served.query(ASK).body)["boolean"] is True
    assert time.monotonic() - started < 1.0
    wait_for_workers(served.executor, 2)
    assert served.executor.alive() == 2


def test_a_query_past_its_limit_while_streaming_is_cut_detectably(served: Served) -> None:
    before = set(served.executor.pids())
    host, port = urllib.parse.urlsplit(served.url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", "/sparql?" + urllib.parse.urlencode({"query": ENDLESS_STREAM}))
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Transfer-Encoding") == "chunked"
    started = time.monotonic()
    with pytest.raises(http.client.IncompleteRead):
        while response.read(1 << 16):
            pass
    assert time.monotonic() - started < 2.5
    connection.close()
    assert all(gone(pid) for pid in before - set(served.executor.pids()))
    assert served.query(ASK).status == 200


def test_all_workers_busy_gives_503_with_retry_after(served: Served) -> None:
    wait_for_workers(served.executor, 2)
    slow = [threading.Thread(target=served.query, args=(ENDLESS_AGGREGATE,)) for _ in range(2)]
    for thread in slow:
        thread.start()
    # The ASK waits max_queue_wait (0.5 s) for a worker: both must be busy well before the 1 s limit frees them.
    assert wait_until(lambda: served.executor.load()[0] == 2, seconds=0.4), \
        "both workers should have taken the endless queries within 0.4 s"
    reply = served.query(ASK)
    for thread in slow:
        thread.join()
    assert reply.status == 503, reply.text
    assert reply.headers["Retry-After"] == "1"
    assert "at most 2 queries at once" in reply.text and "KABAR_QUERY_WORKERS" in reply.text


def test_health_reports_the_workers_and_no_path(served: Served, store: KabarStore) -> None:
    wait_for_workers(served.executor, 2)
    assert served.query(ASK).status == 200  # a query takes the one snapshot of this unchanging store
    reply = fetch(f"{served.url}/health")
    assert reply.status == 200
    assert json.loads(reply.body) == {
        "status": "ok", "graphs": 1, "workers": {"configured": 2, "alive": 2, "busy": 0}, "queue": 0,
        "snapshot_generation": 1,
    }
    assert str(store.path) not in reply.text and "/tmp" not in reply.text


def test_stopping_the_server_stops_the_workers_and_deletes_the_snapshots(store: KabarStore) -> None:
    app = create_app(store, {"KABAR_QUERY_WORKERS": 1})
    executor = query_executor(app)
    with WaitressServer(app, port=0) as server:
        assert fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': ASK})}").status == 200
        pids = executor.pids()
        assert executor.snapshots.directory.is_dir()
    assert all(gone(pid) for pid in pids)
    assert not Path(executor.snapshots.directory).exists()
