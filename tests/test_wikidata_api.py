"""Online mode against a real local HTTP server that answers like Wikidata's API (no network needed)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from loaders.kb.api import USER_AGENT, WikidataClient, WikidataUnavailable
from loaders.kb.wikidata import dump_entities
from store import KabarStore
from store.ingest import ingest
from store.kb_graph import OnlineLookup, store_kb
from store.review import fetch_candidates

DUMP = Path(__file__).resolve().parent / "data" / "wikidata" / "dump-sample.json"
ENTITIES = {e["id"]: e for e in dump_entities(DUMP.open(encoding="utf-8"), str(DUMP))}


class FakeWikidata(BaseHTTPRequestHandler):
    """wbsearchentities and wbgetentities in the documented JSON shape, over the test-only dump sample."""

    requests: ClassVar[list[dict[str, str]]] = []
    fail_first: ClassVar[int] = 0

    def do_GET(self) -> None:
        params = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        params["user-agent"] = self.headers["User-Agent"]
        type(self).requests.append(params)
        if type(self).fail_first:
            type(self).fail_first -= 1
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        if params["action"] == "wbsearchentities":
            term = params["search"].casefold()
            labels = {q: e["labels"]["en"]["value"] for q, e in ENTITIES.items() if e["type"] == "item"}
            hits = [{"id": q, "label": label, "match": {"type": "label"}}
                    for q, label in labels.items() if term in label.casefold()]
            body = {"searchinfo": {"search": params["search"]}, "search": hits, "success": 1}
        else:
            body = {"entities": {q: ENTITIES.get(q, {"id": q, "missing": ""}) for q in params["ids"].split("|")},
                    "success": 1}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def api() -> Iterator[str]:
    FakeWikidata.requests, FakeWikidata.fail_first = [], 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWikidata)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/w/api.php"
    server.shutdown()
    server.server_close()


def client(url: str) -> WikidataClient:
    return WikidataClient(base_url=url, min_interval=0.0, backoff=0.01)


def test_search_and_get_with_a_descriptive_user_agent(api: str) -> None:
    c = client(api)
    assert c.search("Fakeperson", "en") == ["Q999999990001"]
    [entity] = c.entities(["Q999999990001", "Q999999999999"])
    assert entity["labels"]["en"]["value"] == "Testa Fakeperson"
    assert {r["user-agent"] for r in FakeWikidata.requests} == {USER_AGENT}
    assert all(r["format"] == "json" and r["maxlag"] for r in FakeWikidata.requests)


def test_backoff_on_503_then_success(api: str) -> None:
    FakeWikidata.fail_first = 2
    assert client(api).search("Fakeville", "en") == ["Q999999990002"]
    assert len(FakeWikidata.requests) == 3


def test_no_network_is_one_clear_line() -> None:
    with pytest.raises(WikidataUnavailable) as error:
        client("http://127.0.0.1:9/w/api.php").search("Iran", "en")
    assert "\n" not in str(error.value) and "cannot reach Wikidata" in str(error.value)


def test_online_ingest_learns_into_the_kb_so_the_next_run_is_offline(api: str, tmp_path: Path) -> None:
    article = tmp_path / "a.json"
    article.write_text('{"title": "t", "lang": "en", "text": "Analyst Testa Fakeperson met Joe Biden in Jakarta."}')
    with KabarStore(tmp_path / "store") as store:
        ingest(store, [article], with_kb=True, online=client(api))
        assert store_kb(store).by_qid("Q999999990001").label == "Testa Fakeperson"
        asked = len(FakeWikidata.requests)
        assert asked >= 2
        ingest(store, [article])
        assert len(FakeWikidata.requests) == asked
        links = {r["item"].value.rsplit("/", 1)[-1] for r in store.query(
            "SELECT ?item WHERE { GRAPH ?g { ?e <http://www.w3.org/2002/07/owl#sameAs> ?item } }")}
        assert {"Q999999990001", "Q6279", "Q3630"} <= links


def test_fetch_for_store_proposes_candidates_without_linking(api: str, tmp_path: Path) -> None:
    article = tmp_path / "a.json"
    article.write_text('{"title": "t", "lang": "en", "text": "Analyst Testa Fakeperson met Joe Biden."}')
    with KabarStore(tmp_path / "store") as store:
        ingest(store, [article], with_kb=True)
        rows = fetch_candidates(store, client(api))
        assert [(r.qid, r.label) for r in rows] == [("Q999999990001", "Testa Fakeperson")]
        assert not any("Q999999990001" in r["item"].value for r in store.query(
            "SELECT ?item WHERE { GRAPH ?g { ?e <http://www.w3.org/2002/07/owl#sameAs> ?item } }"))
        assert store_kb(store).by_qid("Q999999990001") is not None


def test_lookup_returns_only_typed_items(api: str, tmp_path: Path) -> None:
    with KabarStore(tmp_path / "store") as store:
        assert OnlineLookup(store, client(api))("Untyped Testthing", "Organization", "en") == []
