"""HTTP caching of GET queries over a real server (issue 12, item 2): ETags from the store's writes, 304 for a
client that has the answer, Cache-Control from the settings, and answers kept in memory until the next write."""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import AUTH, TOKEN, Reply, fetch, serving

from store import KabarStore

EX = "http://example.org/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[KabarStore]:
    store = KabarStore(tmp_path / "store")
    store.add_quads(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)),
                            ox.NamedNode(f"{EX}g")) for i in range(2000))
    yield store
    store.close()


def get(url: str, query: str, headers: dict[str, str] | None = None) -> Reply:
    return fetch(f"{url}/sparql?{urllib.parse.urlencode({'query': query})}", headers={**JSON, **(headers or {})})


def count(reply: Reply) -> str:
    return reply.text.split('"value":"')[1].split('"')[0]


def insert(url: str) -> None:
    done = fetch(f"{url}/update", data=f"INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}new> <{EX}p> 1 }} }}".encode(),
                 headers={**AUTH, "Content-Type": "application/sparql-update"})
    assert done.status == 204, done.text


def test_the_same_answer_is_not_sent_twice_and_a_write_changes_it(store: KabarStore) -> None:
    with serving(store, {"write_token": TOKEN}) as url:
        first = get(url, COUNT)
        tag = first.headers["ETag"]
        assert (first.status, count(first), first.headers["Cache-Control"]) == (200, "2000", "no-cache")
        assert tag.startswith('W/"')
        again = get(url, COUNT, {"If-None-Match": tag})
        assert (again.status, again.body, again.headers["ETag"]) == (304, b"", tag)
        assert get(url, COUNT, {"Accept": "text/csv"}).headers["ETag"] != tag  # another representation
        insert(url)
        after = get(url, COUNT, {"If-None-Match": tag})
        assert (after.status, count(after)) == (200, "2001")  # not the cached 2000
        assert after.headers["ETag"] != tag


def test_a_cached_answer_needs_no_worker(store: KabarStore) -> None:
    """With the one worker held by an endless query, an answer already given is given again at once."""
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serving(store, {"query_workers": 1, "query_timeout": 3, "max_queue_wait": 0.2}) as url:
        assert get(url, COUNT).status == 200
        busy = threading.Thread(target=get, args=(url, endless))
        busy.start()
        time.sleep(0.5)
        began = time.monotonic()
        cached = get(url, COUNT)
        waited = time.monotonic() - began
        uncached = get(url, COUNT.replace("?o", "?x"))
        busy.join()
    assert (cached.status, count(cached)) == (200, "2000") and waited < 0.2
    assert uncached.status == 503  # a new query still needs the worker


def test_max_age_from_the_settings_and_no_tag_for_a_post(store: KabarStore) -> None:
    with serving(store, {"cache_max_age": 60}) as url:
        assert get(url, COUNT).headers["Cache-Control"] == "public, max-age=60"
        posted = fetch(f"{url}/sparql", data=urllib.parse.urlencode({"query": COUNT}).encode(),
                       headers={**JSON, "Content-Type": "application/x-www-form-urlencoded"})
        assert posted.status == 200 and "ETag" not in posted.headers


def test_an_answer_the_store_alone_does_not_decide_is_never_cached(store: KabarStore) -> None:
    """NOW() and RAND() change from one call to the next: no ETag, no answer served from memory."""
    chance = "SELECT (RAND() AS ?r) WHERE {}"
    with serving(store) as url:
        first, second = get(url, chance), get(url, chance)
    assert "ETag" not in first.headers and first.text != second.text


def test_a_restart_never_answers_304_to_an_old_tag(store: KabarStore) -> None:
    with serving(store) as url:
        tag = get(url, COUNT).headers["ETag"]
    with serving(store) as url:
        assert get(url, COUNT, {"If-None-Match": tag}).status == 200
