"""Every heavy read of the store runs as a client's query does: in a query worker, on a snapshot, in time.

Attacked through a real server on loopback: the VoID description's counts,
`/export`, `GET /store` and the pages' queries stop at the time limit,
wait for a free worker like a query, and see every write the moment it is
done, whichever way it was written (`server.writes.store_write`).
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import AUTH, SEED_ARTICLES, TOKEN, Reply, assert_one_line_error, fetch, kabar, kabar_serving, serving

from store import KabarStore

EX = "http://example.org/"
GRAPH = f"{EX}graph"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
"""Blocks before its first result far longer than any limit here (2,000^4 combinations)."""
HEAVY_READS = {
    "/.well-known/void": "Counting the store's triples for the VoID description did not finish",
    "/export": "The export did not finish",
    f"/store?graph={urllib.parse.quote(GRAPH)}": "The export did not finish",
    "/browse": "Reading the store for this page did not finish",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KabarStore:
    store = KabarStore(tmp_path_factory.mktemp("reads") / "store")
    store.add_quads(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(i), ox.NamedNode(GRAPH))
                    for i in range(2000))
    return store


@pytest.mark.parametrize(("path", "message"), HEAVY_READS.items())
def test_a_heavy_read_stops_at_the_time_limit_with_503(store: KabarStore, path: str, message: str) -> None:
    with serving(store, {"query_timeout": 1e-6, "query_workers": 1}) as url:
        reply = fetch(url + path)
    assert reply.status == 503, reply.text
    assert message in reply.text and "KABAR_QUERY_TIMEOUT" in reply.text


@pytest.fixture(scope="module")
def one_worker(store: KabarStore) -> Iterator[str]:
    with serving(store, {"query_timeout": 3, "query_workers": 1, "max_queue_wait": 0.3,
                         "result_cache_bytes": 0}) as url:
        yield url


@pytest.mark.parametrize("path", HEAVY_READS)
def test_a_heavy_read_waits_for_a_free_worker_as_a_query_does(one_worker: str, path: str) -> None:
    """While the only worker runs an endless query, the read is not run beside it in the serving process."""
    query = f"{one_worker}/sparql?{urllib.parse.urlencode({'query': ENDLESS})}"
    endless = threading.Thread(target=fetch, args=(query,))
    endless.start()
    time.sleep(0.5)  # the endless query holds the worker
    try:
        reply = fetch(one_worker + path)
    finally:
        endless.join()
    assert reply.status == 503, reply.text
    assert "All 1 query workers stayed busy" in reply.text
    assert fetch(one_worker + path).status == 200  # the worker of the stopped query was replaced


def send(url: str, method: str, path: str, body: bytes, media_type: str) -> Reply:
    return fetch(url + path, data=body, method=method, headers={**AUTH, "Content-Type": media_type})


def exported(url: str) -> str:
    reply = fetch(f"{url}/export?format=nquads")
    assert reply.status == 200, reply.text
    return reply.text


def test_every_way_of_writing_is_seen_by_the_next_export_and_count(tmp_path_factory: pytest.TempPathFactory) -> None:
    store = KabarStore(tmp_path_factory.mktemp("writes") / "store")
    with serving(store, {"write_token": TOKEN}) as url:
        assert exported(url) == ""
        named = f"/store?graph={urllib.parse.quote(GRAPH)}"
        assert send(url, "PUT", named, f"<{EX}a> <{EX}p> 1 .".encode(), "text/turtle").status == 201
        assert f"<{EX}a>" in exported(url)
        assert send(url, "POST", named, f"<{EX}b> <{EX}p> 2 .".encode(), "text/turtle").status == 204
        assert f"<{EX}b>" in exported(url)
        update = f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}c> <{EX}p> 3 }} }}".encode()
        assert send(url, "POST", "/update", update, "application/sparql-update").status == 204
        assert f"<{EX}c>" in exported(url)
        assert '"3"^^<http://www.w3.org/2001/XMLSchema#integer>' in fetch(
            f"{url}/.well-known/void", headers={"Accept": "application/n-triples"}).text  # three triples counted
        dataset = f"<{EX}d> <{EX}p> \"4\" <{EX}other> .\n".encode()
        assert send(url, "POST", "/store", dataset, "application/n-quads").status == 200  # a bulk load
        assert f"<{EX}d>" in exported(url)
        assert fetch(url + named, method="DELETE", headers=AUTH).status == 204
        assert f"<{EX}a>" not in exported(url) and f"<{EX}d>" in exported(url)


def test_read_commands_read_through_the_server_that_holds_the_store(tmp_path: Path) -> None:
    """While `kabar serve` writes the store, `kabar query` and `kabar export` never open the live store (undefined in
    pyoxigraph): they ask the server on loopback, so they see its writes, get its time limit, and export the same
    bytes as the store gives once the server is gone."""
    store = tmp_path / "store"
    assert kabar("--store", str(store), "ingest", str(SEED_ARTICLES)).returncode == 0
    env = {"KABAR_QUERY_TIMEOUT": "1", "KABAR_WRITE_TOKEN": TOKEN}
    with kabar_serving(store, env) as url:
        assert (tmp_path / "store.serving").is_file()
        update = f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}written> <{EX}p> 1 }} }}".encode()
        assert send(url, "POST", "/update", update, "application/sparql-update").status == 204
        seen = kabar("--store", str(store), "query", f"ASK {{ GRAPH ?g {{ <{EX}written> ?p ?o }} }}")
        assert seen.returncode == 0 and seen.stdout.strip() == "true", seen.stderr
        assert_one_line_error(kabar("--store", str(store), "query", ENDLESS), "503")  # the server's limit
        served_export = kabar("--store", str(store), "export", "--format", "nquads")
    assert not (tmp_path / "store.serving").exists()
    direct_export = kabar("--store", str(store), "export", "--format", "nquads")
    assert served_export.returncode == 0 and direct_export.returncode == 0
    assert sorted(served_export.stdout.splitlines()) == sorted(direct_export.stdout.splitlines())
    assert f"<{EX}written>" in direct_export.stdout
