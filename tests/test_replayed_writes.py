"""Small updates reach the query workers by replay, not by a new snapshot, and every query still sees every write.

Attacked through a real server on loopback with two query workers and no
result cache: after each write, queries from two clients at once must see
exactly the store a model of the writes predicts, whichever worker answers
and whether the write was replayed (INSERT DATA, DELETE DATA) or needed a
snapshot (a WHERE clause, a blank node, a graph replaced).
"""

from __future__ import annotations

import json
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import AUTH, TOKEN, fetch, serving

from server import create_app
from server.executor import query_executor
from server.wsgi import WaitressServer
from store import KabarStore
from store.sparql_text import lex

EX = "http://example.org/"
GRAPH = f"{EX}g"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}"


def post_update(url: str, update: str) -> None:
    reply = fetch(f"{url}/update", data=update.encode(), method="POST",
                  headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert reply.status == 204, reply.text


def count_from_two_clients(url: str) -> list[int]:
    """The graph's size as two queries sent at once see it (so both workers answer, often)."""
    def count(_: int) -> int:
        reply = fetch(f"{url}/sparql?query={urllib.parse.quote(COUNT)}",
                      headers={"Accept": "application/sparql-results+json"})
        assert reply.status == 200, reply.text
        return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(count, range(4)))


def snapshots_taken(url: str) -> int:
    return json.loads(fetch(f"{url}/health").body)["snapshot_generation"]


@pytest.fixture
def url(tmp_path: Path):
    store = KabarStore(tmp_path / "store")
    with serving(store, {"query_workers": 2, "result_cache_bytes": 0, "write_token": TOKEN}) \
            as url:
        yield url


def test_queries_after_small_updates_see_them_without_a_new_snapshot(url: str) -> None:
    assert count_from_two_clients(url) == [0] * 4
    taken = snapshots_taken(url)
    for i in range(1, 21):
        post_update(url, f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}s{i}> <{EX}p> {i} }} }}")
        assert count_from_two_clients(url) == [i] * 4, f"after insert {i}"
    post_update(url, f"PREFIX ex: <{EX}> DELETE DATA {{ GRAPH ex:g {{ ex:s1 ex:p 1 . ex:s2 ex:p 2 }} }}")
    assert count_from_two_clients(url) == [18] * 4
    assert snapshots_taken(url) == taken, "a small update cost a snapshot"


@pytest.mark.parametrize("update", [
    f"INSERT {{ GRAPH <{GRAPH}> {{ ?s <{EX}q> 0 }} }} WHERE {{ GRAPH <{GRAPH}> {{ ?s <{EX}p> ?o }} }}",
    f"INSERT DATA {{ GRAPH <{GRAPH}> {{ _:b <{EX}q> 0 . [] <{EX}q> 1 }} }}",
    f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}list> <{EX}q> (1 2) }} }}",
    # constant data, but too long to be applied by every worker and kept for them: a snapshot costs less
    f"INSERT DATA {{ GRAPH <{GRAPH}> {{ {' '.join(f'<{EX}big/{i}> <{EX}q> {i} .' for i in range(2500))} }} }}",
])
def test_updates_that_cannot_be_replayed_take_a_snapshot_and_are_seen(url: str, update: str, tmp_path: Path) -> None:
    for i in range(3):
        post_update(url, f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}s{i}> <{EX}p> {i} }} }}")
    before = count_from_two_clients(url)[0]
    taken = snapshots_taken(url)
    post_update(url, update)
    model = KabarStore(tmp_path / "model")
    for i in range(3):
        model.update(f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}s{i}> <{EX}p> {i} }} }}")
    model.update(update)
    assert count_from_two_clients(url) == [model.triple_count(ox.NamedNode(GRAPH))] * 4 != [before] * 4
    assert snapshots_taken(url) > taken


def test_replays_and_snapshots_interleaved_keep_every_answer_exact(url: str, tmp_path: Path) -> None:
    """A model store takes the same writes; each answer after each write equals the model's."""
    model = KabarStore(tmp_path / "model")
    writes = [f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}a> <{EX}p> 1 . <{EX}b> <{EX}p> 2 }} }}",
              f"DELETE WHERE {{ GRAPH <{GRAPH}> {{ <{EX}a> ?p ?o }} }}",
              f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}c> <{EX}p> 3 }} }}",
              f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}c> <{EX}p> 3 }} }}",  # again: nothing changes
              f"DELETE DATA {{ GRAPH <{GRAPH}> {{ <{EX}b> <{EX}p> 2 }} }}",
              f"CLEAR GRAPH <{GRAPH}>",
              f"INSERT DATA {{ GRAPH <{GRAPH}> {{ <{EX}d> <{EX}p> 4 }} }}"]
    for write in writes:
        post_update(url, write)
        model.update(write)
        assert count_from_two_clients(url) == [model.triple_count(ox.NamedNode(GRAPH))] * 4, write
    turtle = f"<{EX}e> <{EX}p> 5 , 6 .".encode()
    reply = fetch(f"{url}/store?graph={urllib.parse.quote(GRAPH)}", data=turtle, method="PUT",
                  headers={**AUTH, "Content-Type": "text/turtle"})
    assert reply.status in (201, 204), reply.text
    assert count_from_two_clients(url) == [2] * 4
    post_update(url, f"DELETE DATA {{ GRAPH <{GRAPH}> {{ <{EX}e> <{EX}p> 5 }} }}")
    assert count_from_two_clients(url) == [1] * 4


def test_only_constant_data_without_blank_nodes_is_replayable() -> None:
    assert lex("INSERT DATA { <a> <b> <c> }").replayable()
    assert lex('PREFIX e: <http://e/> INSERT DATA { GRAPH e:g { e:a a e:C ; e:p "x"@en, true } } ; '
               "DELETE DATA { e:a e:p 2 }").replayable()
    for text in ("INSERT DATA { _:b <b> <c> }", "INSERT DATA { [] <b> <c> }", "INSERT DATA { <a> <b> (1) }",
                 "DELETE WHERE { ?s ?p ?o }", "INSERT { <a> <b> <c> } WHERE {}", "CLEAR ALL",
                 "INSERT DATA { <a> <b> <c> } ; DROP ALL", "LOAD <http://example.org/x>"):
        assert not lex(text).replayable(), text


def test_a_worker_killed_at_the_time_limit_leaves_no_copy_of_the_store(tmp_path: Path) -> None:
    store = KabarStore(tmp_path / "store")
    store.add_quads(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(i), ox.NamedNode(GRAPH))
                    for i in range(2000))
    app = create_app(store, {"query_workers": 1, "query_timeout": 0.5, "result_cache_bytes": 0})
    executor = query_executor(app)
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with WaitressServer(app, port=0) as server:
        assert count_from_two_clients(server.url) == [2000] * 4
        killed = executor.pids()
        assert fetch(f"{server.url}/sparql?query={urllib.parse.quote(endless)}").status == 503
        assert count_from_two_clients(server.url) == [2000] * 4
        replicas = {path.name.split("-")[1] for path in executor.snapshots.directory.glob("replica-*")}
        assert replicas == {str(pid) for pid in executor.pids()} and not replicas & {str(pid) for pid in killed}
