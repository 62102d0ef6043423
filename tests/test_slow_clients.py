"""Clients that never read cannot hold the query workers, nor keep /health from answering (real sockets, loopback)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from conftest import fetch

from server import create_app
from server.executor import QueryExecutor, query_executor
from server.wsgi import WaitressServer
from store import KabarStore

EX = "http://example.org/"
ENDLESS_STREAM = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"
"""4,000,000 rows: far more than any socket buffer, produced at once."""
ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path_factory.mktemp("slow-clients") / "store")
    graph = ox.NamedNode(f"{EX}graph")
    store.add_quads(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(i), graph) for i in range(2000)
    )
    yield store
    store.close()


def holder(url: str) -> socket.socket:
    """A client that sends a query with a huge answer and never reads a byte of it."""
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    client.connect((host, int(port)))
    query = urllib.parse.urlencode({"query": ENDLESS_STREAM})
    client.sendall(f"GET /sparql?{query} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    return client


def closed_by_server(client: socket.socket, seconds: float) -> bool:
    """Whether the server ends the connection within `seconds` (reading what it had sent, to find the end)."""
    client.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not client.recv(1 << 20):
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    return False


def wait_until_busy(executor: QueryExecutor, busy: int, seconds: float = 10, waiting: int = 0) -> None:
    """Until `busy` workers run a query and `waiting` more queries wait (the server reads requests as they come)."""
    deadline = time.monotonic() + seconds
    while executor.load()[0] < busy or executor.load()[1] < waiting:
        assert time.monotonic() < deadline, f"never {busy} busy and {waiting} waiting: {executor.load()}"
        time.sleep(0.02)


def test_four_clients_that_never_read_lose_their_responses_not_the_workers(store: KabarStore) -> None:
    config = {"query_timeout": 5, "query_workers": 2, "max_queue_wait": 15}
    app = create_app(store, config)
    executor = query_executor(app)
    with WaitressServer(app, port=0) as server:
        holders = [holder(server.url) for _ in range(4)]
        wait_until_busy(executor, 2, waiting=1)
        first_workers = set(executor.pids())

        started = time.monotonic()
        health = fetch(f"{server.url}/health")
        assert time.monotonic() - started < 1.0
        report = json.loads(health.body)
        assert report["workers"]["busy"] == 2 and report["queue"] >= 1 and report["status"] == "saturated", report

        started = time.monotonic()
        reply = fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': ASK})}")
        assert reply.status == 200 and json.loads(reply.body)["boolean"] is True, reply.text
        assert time.monotonic() - started < 15
        assert not first_workers & set(executor.pids())  # the workers the holders had were killed and replaced

        for client in holders:
            assert closed_by_server(client, 15)
            client.close()


def test_a_response_the_client_stops_taking_is_cut_after_send_timeout(store: KabarStore) -> None:
    app = create_app(store, {"query_timeout": 120, "send_timeout": 1, "query_workers": 1})
    executor = query_executor(app)
    with WaitressServer(app, port=0) as server:
        client = holder(server.url)
        wait_until_busy(executor, 1)
        worker = executor.pids()
        time.sleep(3)  # takes nothing for longer than send_timeout, then reads what was sent
        assert closed_by_server(client, 10)  # not the 120 s of query_timeout
        client.close()
        deadline = time.monotonic() + 5
        while executor.pids() == worker and time.monotonic() < deadline:
            time.sleep(0.05)
        assert executor.pids() != worker
        assert fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': ASK})}").status == 200


def test_health_answers_at_once_during_a_burst_of_slow_queries(store: KabarStore) -> None:
    app = create_app(store, {"query_timeout": 2, "query_workers": 1, "max_queue_wait": 1})
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with WaitressServer(app, port=0) as server:
        url = f"{server.url}/sparql?{urllib.parse.urlencode({'query': slow})}"
        burst = [threading.Thread(target=fetch, args=(url,)) for _ in range(12)]
        for thread in burst:
            thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        assert fetch(f"{server.url}/health").status == 200
        assert time.monotonic() - started < 1.0
        for thread in burst:
            thread.join()
